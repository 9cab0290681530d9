"""In-document coreference: pronouns and bare titles point back to actors already named.

Deliberately simple and explainable (every link records its antecedent):
- "he", "she", "his", "her" -> the most recent person mention, preferring grammatical subjects
  of the same or the previous sentences (salience as in Lappin & Leass, much reduced);
- "the president", "the leader" (no country) -> among persons named in the article who hold that
  kind of role on the article's date, the most often mentioned one;
- "the two leaders", "both sides" -> the two parties named last (each acts, as joint subjects do);
- "the alliance", "the bloc" -> the international organisation named last ("the country" is
  left alone: which of the states just named it means is too often a matter of sense).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.attrs import LOWER, POS, TAG
from spacy.symbols import NOUN, PRON
from spacy.tokens import Doc, Span, Token

from ..coding.speech import QUOTING
from .entries import compose_code, owner_stem
from .kb import KnowledgeBase
from .mentions import PRONOUNS, Located, MentionIndex, _mention, country_actor

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# "the two sides", "both leaders": nouns for a pair of parties, and which parties they can be
DUAL_PERSONS = {"leader", "president", "minister", "premier", "head", "chancellor"}
DUAL_STATES = {"country", "nation", "state", "neighbour", "neighbor", "capital"}
DUAL_ANY = {"side", "party", "government", "delegation", "rival", "ally", "foe", "camp",
            "adversary", "partner"}
DUAL_NOUNS = frozenset(DUAL_PERSONS | DUAL_STATES | DUAL_ANY)  # (built once, asked per token)
# "the alliance": a definite description and the actor types it can stand for
DESCRIPTIONS = {"alliance": {"igo"}, "bloc": {"igo"}, "union": {"igo"},
                "organisation": {"igo"}, "organization": {"igo"}}
# "his Chinese counterpart": the holder of the possessor's kind of office in that state
COUNTERPARTS = {"counterpart", "counterparts", "opposite"}
# a mention in one of these phrases is a place where something happened, not a party
PLACE_PREPS = {"in", "at", "near", "on", "to", "into", "across", "outside", "inside", "from"}
DETERMINERS = {"the", "this", "that", "a", "an"}
WINDOW_SENTENCES = 3
# "it"/"they" only as arguments: "it is clear that ..." has no antecedent
GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}
OBJECT_PRONOUNS = {"him", "her"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "pobj"}
# what "it is a ..." calls a situation: "it's going to be a bad moment", "it was a mistake",
# "it is a turning point" (the attribute is the noun "point")
SITUATIONS = {"moment", "time", "day", "week", "year", "period", "mistake", "shame", "pity",
              "disaster", "tragedy", "catastrophe", "question", "matter", "point"}
# sectors of armed forces: an armed group's own fighters are the group ("the RSF ... its
# fighters")
ARMED_SECTORS = {"UAF", "REB", "INS", "MIL"}
# a clause reporting what its speaker says, believes or intends: "X announced that it ..."
REPORTED_DEPS = {"ccomp"}
SPEAKER_DEPS = {"nsubj"}


class ResolvedIndex(MentionIndex):
    """The mentions of an article after coreference, plus the actors a plural pronoun stands
    for jointly: "Obama and Putin said they will attack": "they" is resolved to Obama and
    also stands for Putin (whose own mention ``together`` returns)."""

    def __init__(self, located: list[Located],
                 joint: dict[int, list[Located]] | None = None) -> None:
        super().__init__(located)
        self.joint = joint or {}

    def together(self, m: Located) -> list[Located]:
        """Further actors the mention ``m`` stands for (none for most mentions)."""
        return self.joint.get(m.start, []) if m.kind == "pronoun" else []


def _is_person(m: Located) -> bool:
    a = m.actor
    if a is None:
        return m.kind == "name" and m.label == "PERSON"
    return a.type == "person"


def resolve_references(doc: Doc, index: MentionIndex, kb: KnowledgeBase,
                       on: date | None) -> MentionIndex:
    sent_of = {}
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    salience = Counter(m.actor.kb_id for m in index if m.actor is not None and m.actor.kb_id)
    out: list[Located] = []
    pending = {m.start: m for m in index}
    history: list[Located] = []
    joint: dict[int, list[Located]] = {}
    duals = _dual_phrases(doc)
    covered: set[int] = set()
    strings = doc.vocab.strings
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        # only a dual phrase, a description, a mention or a pronoun starts anything here:
        # other words are passed over without making a Token of each
        if i not in duals and i not in pending and pos != PRON \
                and strings[lower] not in DESCRIPTIONS:
            continue
        tok = doc[i]
        dual = duals.get(tok.i)
        if dual is not None:
            end, head = dual
            pair = _pair(doc, doc[head].lemma_.lower(), history, sent_of, sent_of[tok.i], head)
            if pair:
                loc = _pronoun(doc, doc[tok.i:end], pair[0], head)
                out.append(loc)
                history.append(loc)
                joint[tok.i] = pair[1:]
                covered.update(range(tok.i, end))
        described = _description(tok, index)
        if described is not None:
            ante = _antecedent(tok.i, history, sent_of, doc, _described_by(described, doc))
            if ante is not None:
                loc = _pronoun(doc, doc[tok.i:tok.i + 1], ante, tok.i)
                out.append(loc)
                history.append(loc)
            continue
        m = pending.get(tok.i)
        if m is not None and m.head in covered:
            continue  # "the two leaders": the pair stands in for the bare agent
        if m is not None:
            if m.kind == "bare_title":
                m = _bare_title(m, history, kb, on, salience)
            elif m.kind == "demonym" and doc[m.head].head.lower_ in COUNTERPARTS:
                m = _counterpart(m, doc, out)
            elif m.kind == "agent" and m.actor is not None and m.actor.country is None:
                m = _owned_agent(m, doc, history, index, kb)
                if m.actor is not None and m.actor.country is None:
                    m = _earlier_agent(m, history, index, sent_of, doc)
            out.append(m)
            history.append(m)
            continue
        word = tok.lower_
        if tok.pos_ == "PRON" and index.at(tok.i) is None and (
                word in PRONOUNS or (word in GROUP_PRONOUNS and tok.dep_ in ARGUMENT_DEPS)):
            if word == "it" and _situation(tok):
                continue
            fits = _is_person if word in PRONOUNS else (
                _is_state if word in {"it", "its"} else _is_group)
            speakers = _speakers(tok, index, out) if word in GROUP_PRONOUNS else None
            if speakers is not None:
                antes = speakers
            else:
                ante = _participle_object(tok, history) if word in OBJECT_PRONOUNS else None
                ante = ante or _antecedent(tok.i, history, sent_of, doc, fits)
                if ante is not None and word in GROUP_PRONOUNS and _subject_in_between(
                        doc, ante, tok.i):
                    ante = None  # "the reaction ..., it seeks": a non-actor subject came between
                if ante is not None and word in PRONOUNS and _is_quoting(
                        tok, ante, history, sent_of, out):
                    ante = None
                antes = [ante] if ante is not None else []
            if not antes:
                continue
            loc = _pronoun(doc, doc[tok.i:tok.i + 1], antes[0], tok.i)
            out.append(loc)
            history.append(loc)
            if len(antes) > 1:
                # the further actors are represented by their own mentions, so that each
                # keeps its place in the text
                joint[tok.i] = antes[1:]
    return ResolvedIndex(out, joint)


def _participle_object(tok: Token, history: list[Located]) -> Located | None:
    """"imposed sanctions on X, the founder of the party, accusing him of ...": the object of a
    participle adjunct is the person the main verb acted on, whether or not the knowledge base
    knows him (the subject of its own clause it cannot be, and an earlier sentence's subject
    is further away)."""
    clause = tok.head
    if tok.dep_ not in {"dobj", "dative"} or clause.tag_ != "VBG" or clause.dep_ != "advcl":
        return None
    main = clause.head
    direct = [c for c in main.children if c.dep_ in {"dobj", "dative"}]
    # the object, or the object of a preposition on the verb or on its object ("sanctions on X")
    objects = {c.i for c in direct} | {p.i for h in [main, *direct] for c in h.children
                                       if c.dep_ == "prep" for p in c.children
                                       if p.dep_ == "pobj"}
    # (an unknown name counts whatever label NER gave it: "Bidzina Ivanishvili" came out ORG)
    return next((m for m in reversed(history) if m.head in objects and (
        _is_person(m) or (m.actor is None and m.kind == "name"))), None)


def _pronoun(doc: Doc, span: Span, ante: Located, head: int) -> Located:
    mention = _mention(doc, span.start, span.end, ante.actor, "coref", 0.6)
    mention = replace(mention, antecedent=ante.mention.antecedent or ante.mention.text)
    return Located(span.start, span.end, head, mention, "pronoun")


def _description(tok: Token, index: MentionIndex) -> set[str] | None:
    """The actor types "the alliance" (``tok`` its noun) can stand for; None
    when ``tok`` is no such bare definite description in an argument position."""
    kinds = DESCRIPTIONS.get(tok.lower_)
    if kinds is None or tok.tag_ != "NN" or index.at(tok.i) is not None \
            or tok.dep_ not in ARGUMENT_DEPS:
        return None
    kids = [c for c in tok.children if c.i < tok.i]
    if [c.lower_ for c in kids] != ["the"] or any(c.dep_ in {"prep", "relcl", "acl"}
                                                  for c in tok.children):
        return None  # "the Atlantic alliance", "the alliance's", "the union of ..." differ
    return kinds


def _described_by(kinds: set[str], doc: Doc) -> Callable[[Located], bool]:
    def fits(m: Located) -> bool:
        return m.actor is not None and m.actor.type in kinds and m.kind == "name" \
            and doc[m.head].dep_ != "npadvmod"  # not a dateline
    return fits


def _dual_phrases(doc: Doc) -> dict[int, tuple[int, int]]:
    """``start -> (end, head)`` of each "the two sides" / "both leaders" phrase."""
    out: dict[int, tuple[int, int]] = {}
    plural = doc.vocab.strings["NNS"]
    for i, (tag, pos) in enumerate(doc.to_array([TAG, POS]).tolist()):
        if tag != plural or pos != NOUN:
            continue  # (read from the token array: most words are no plural noun)
        t = doc[i]
        if t.lemma_.lower() not in DUAL_NOUNS:
            continue
        kids = [c for c in t.children if c.i < t.i]
        if any(c.lower_ == "two" and c.dep_ == "nummod" for c in kids) and any(
                c.lower_ == "the" for c in kids) or any(
                c.lower_ == "both" and c.dep_ in {"det", "predet", "preconj"} for c in kids):
            # "the two sides" but not "the two sides' ministers": the phrase itself acts
            start = min(c.i for c in kids)
            if all(c.dep_ in {"det", "nummod", "predet", "preconj", "amod", "compound"}
                   for c in kids):
                out[start] = (t.i + 1, t.i)
    return out


def _pair(doc: Doc, noun: str, history: list[Located], sent_of: dict[int, int],
          here: int, dual: int) -> list[Located]:
    """The two parties named last (within the window) that the dual noun (token ``dual``) can
    stand for, each a different actor; nothing when there are fewer than two."""
    found: list[Located] = []
    governor = doc[dual].head.i  # the verb the dual phrase is an argument of
    for m in reversed(history):
        if here - sent_of[m.head] > WINDOW_SENTENCES:
            break
        a = m.actor
        if a is None or m.kind == "pronoun":
            continue
        head = doc[m.head]
        if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS:
            continue  # "met in Istanbul": a venue
        if noun in DUAL_PERSONS and a.type != "person":
            continue
        if a.sector == "MED" or (sent_of[m.head] == here and head.dep_ in {"nsubj", "nsubjpass"}
                                 and head.head.i == governor):
            continue  # "Merz told Reuters ... urged both sides": not the outlet, not the urger
        if noun in DUAL_STATES and a.type not in {"country", "capital"}:
            continue
        if any(f.actor is not None and (f.actor.code == a.code or (
                f.actor.country and f.actor.country == a.country)) for f in found):
            continue
        found.append(m)
        if len(found) == 2:
            return found[::-1]  # in the order the text named them
    return []


def _speakers(tok: Token, index: MentionIndex, resolved: list[Located]) -> list[Located] | None:
    """The subject of the verb that reports the clause the pronoun is the subject (or the
    subject's owner) of: "Iraq's government announced that it is prepared", "Obama and Putin
    said they will attack". ``None`` when the pronoun is not in such a clause or the speaker
    is no actor or does not agree with the pronoun ("Obama said it ...": the usual search
    for an antecedent then applies)."""
    word = tok.lower_
    subject = tok.head if tok.dep_ == "poss" else tok
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = subject.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said it would withdraw and (it would) ...": the first conjunct
    if clause.dep_ not in REPORTED_DEPS or clause.head.i == clause.i:
        return None
    verb = clause.head
    heads = [c for c in verb.children if c.dep_ in SPEAKER_DEPS]
    if not heads:
        return None
    by_start = {m.start: m for m in resolved}
    found: list[Located] = []
    for h in _conjuncts(heads[0]):
        # "the Umma party said it": a name modifying the speaker noun names the speaker
        m = index.at(h.i) or next((x for c in h.children if c.dep_ in {"compound", "nmod"}
                                   and (x := index.at(c.i)) is not None), None)
        m = by_start.get(m.start, m) if m is not None else by_start.get(h.i)
        if m is None or m.actor is None or m in found:
            continue
        found.append(m)
    if not found:
        return None
    if word in {"it", "its"}:
        # "it" is one state, organisation or government, never a person or a joint subject
        one = found[0]
        ok = len(found) == 1 and len(_conjuncts(heads[0])) == 1 and one.actor is not None \
            and one.actor.type != "person" and not _plural(one)
        return found if ok else None
    # "they": joint subjects, a plural agent or group, or a state speaking for its people
    if len(found) > 1:
        return found
    one = found[0]
    return found if _plural(one) or (one.actor is not None and one.actor.type in
                                     {"country", "group", "organisation", "igo"}) else None


def _situation(tok: Token) -> bool:
    """"it's going to be a very unfortunate moment", "it was a mistake": "it" said to be a
    time or a turn of events is the situation, not a state."""
    if tok.dep_ != "nsubj":
        return False
    verb = tok.head
    heads = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(h.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in SITUATIONS
                                        for c in h.children) for h in heads)


def _is_quoting(tok: Token, ante: Located, history: list[Located], sent_of: dict[int, int],
                resolved: list[Located]) -> bool:
    """Is ``ante`` the speaker of the quote ``tok`` stands in? "“..., he's in the middle,” he
    told CNN", "Putin said: “He is weak.”": a speaker calls himself "I", so "he" inside the
    quote is someone other than the subject of the speech verb outside it (in the same
    sentence); when that speaker is the likeliest antecedent, the pronoun stays unresolved."""
    sent = tok.sent
    before = sent.doc.text[sent.start_char:tok.idx]
    if before.count("“") <= before.count("”") and before.count('"') % 2 == 0:
        return False
    after = sent.doc.text[tok.idx:sent.end_char]
    close = min((i for i in (after.find("”"), after.find('"')) if i >= 0), default=-1)
    if close < 0:
        return False
    opened = sent.start_char + max(before.rfind("“"), before.rfind('"'))
    outside = [t for t in sent if (t.idx < opened or t.idx > tok.idx + close)
               and t.lemma_.lower() in QUOTING and t.pos_ in {"VERB", "AUX"}]
    speaker = next((c for v in outside for c in v.children if c.dep_ == "nsubj"), None)
    if speaker is None or ante.actor is None:
        return False
    named = next((m for m in resolved if m.start <= speaker.i < m.end), None)
    if named is None and speaker.lower_ in PRONOUNS:
        named = _antecedent(speaker.i, history, sent_of, sent.doc)
    return named is not None and named.actor is not None \
        and named.actor.kb_id == ante.actor.kb_id and (named.actor.kb_id is not None
                                                       or named.actor.code == ante.actor.code)


def _conjuncts(t: Token) -> list[Token]:
    out = [t]
    for c in t.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _plural(m: Located) -> bool:
    head = m.mention.text.split()[-1] if m.mention.text else ""
    return head.endswith("s") and not head.endswith("ss") and m.kind in {"agent", "demonym"}


def _subject_in_between(doc: Doc, ante: Located, i: int) -> bool:
    """Is there a subject that is no actor between the antecedent and the pronoun? "it" and
    "they" then most likely stand for that noun ("the reaction ... it"), not for an actor."""
    for t in doc[ante.end:i]:
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"}:
            return True
    return False


def _is_state(m: Located) -> bool:
    """What "it" can stand for: a state, capital, IGO, organisation or armed group."""
    a = m.actor
    return a is not None and a.type in {"country", "capital", "igo", "organisation", "group"} \
        and m.kind == "name"


def _is_group(m: Located) -> bool:
    """What "they" can stand for: plural agents ("the rebels"), peoples, groups."""
    a = m.actor
    if a is None:
        return False
    head = m.mention.text.split()[-1] if m.mention.text else ""
    plural = head.endswith("s") and not head.endswith("ss")
    return (m.kind in {"agent", "demonym"} and plural) or a.type == "group"


def _antecedent(i: int, history: list[Located], sent_of: dict[int, int],
                doc: Doc, fits: Callable[[Located], bool] = _is_person) -> Located | None:
    here = sent_of[i]
    recent: Located | None = None
    for m in reversed(history):
        distance = here - sent_of[m.head]
        if distance > WINDOW_SENTENCES:
            break
        if not fits(m):
            continue
        if recent is None:
            recent = m
        head = doc[m.head]
        if head.dep_ in SUBJECT_DEPS or (head.dep_ == "poss" and m.kind == "pronoun"):
            # A subject in the same sentence before the pronoun, or in an earlier one.
            return m
    return recent


def _owned_agent(m: Located, doc: Doc, history: list[Located], index: MentionIndex,
                 kb: KnowledgeBase) -> Located:
    """"his military", "ministers from the Georgian government": the owner's country
    completes a bare agent."""
    owner_i = next((c.i for c in doc[m.head].children if c.dep_ == "poss"), None)
    owner: Located | None = None
    if owner_i is not None:
        owner = next((h for h in reversed(history) if h.start <= owner_i < h.end), None)
    else:
        head = doc[m.head]
        # "the Danish media and government": coordinated nouns share their modifiers
        if head.dep_ == "conj":
            sibling = next((h for h in reversed(history) if h.head == head.head.i), None)
            if sibling is not None and sibling.actor is not None and sibling.actor.country:
                owner = sibling
        for prep in head.children if owner is None else ():
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "in"}:
                for pobj in prep.children:
                    cand = index.at(pobj.i)
                    if cand is not None and cand.actor is not None and cand.actor.country:
                        owner = cand
    if owner is None or owner.actor is None or not owner.actor.country:
        return m
    a = m.actor
    assert a is not None
    sector = a.sector or ""
    o, country = owner.actor, owner.actor.country
    if o.type in {"group", "organisation"} and sector in ARMED_SECTORS and o.code[3:6] in \
            ARMED_SECTORS:
        # "the RSF ... its fighters": an armed group's fighters are the group itself
        actor = replace(o, name=f"{a.name} ({o.name})", type="agent")
    else:
        actor = replace(a, code=compose_code(owner_stem(o.code, country), sector),
                        country=country, name=f"{a.name} ({country_actor(kb, country).name})")
    mention = replace(m.mention, actor=actor, method="agent", score=0.6,
                      antecedent=owner.mention.antecedent or owner.mention.text)
    return Located(m.start, m.end, m.head, mention, "agent")


def _counterpart(m: Located, doc: Doc, resolved: list[Located]) -> Located:
    """"Blinken spoke with his Chinese counterpart": the counterpart holds in China the kind
    of office (the sector) of the person "his" stands for."""
    noun = doc[m.head].head
    owner_i = next((c.i for c in noun.children if c.dep_ == "poss"), None)
    owner = next((h for h in reversed(resolved) if owner_i is not None
                  and h.start <= owner_i < h.end), None)
    sector = owner.actor.code[3:] if owner is not None and owner.actor is not None \
        and owner.actor.country and owner.actor.code.startswith(owner.actor.country) else ""
    if m.actor is None or not m.actor.country or not sector:
        return m
    country = m.actor.country
    actor = replace(m.actor, code=country + sector, sector=sector, type="agent",
                    name=f"counterpart ({m.actor.name})")
    mention = replace(m.mention, actor=actor, method="coref", score=0.6,
                      antecedent=owner.mention.antecedent or owner.mention.text
                      if owner is not None else None)
    return Located(m.start, m.end, m.head, mention, "agent")


def _earlier_agent(m: Located, history: list[Located], index: MentionIndex,
                   sent_of: dict[int, int], doc: Doc) -> Located:
    """"Georgian police detain protesters ... Riot police used water cannon": a bare agent
    is the one of the same kind the last sentences placed, unless its own sentence names a
    country (the place rules of the coder then decide)."""
    a = m.actor
    assert a is not None
    here = sent_of[m.head]
    sent = doc[m.head].sent
    if not a.sector:
        return m
    # "Army chief Abdel Fattah al-Burhan said the army would ...": the force of a person
    # of that sector named just before in the sentence; any other country the sentence
    # names leaves the choice to the coder's place rules
    chief = next((p for p in reversed(history) if sent.start <= p.start < m.start
                  and _is_person(p) and p.actor is not None and p.actor.country
                  and p.actor.sector == a.sector), None)
    if chief is None and any(o.actor is not None and o.actor.country
                             for o in index if sent.start <= o.start < sent.end):
        return m
    for prev in reversed(history):
        if here - sent_of[prev.head] > WINDOW_SENTENCES:
            break
        p = prev.actor
        if (prev.kind == "agent" or prev is chief) and p is not None and p.country \
                and p.sector == a.sector:
            mention = replace(m.mention, actor=replace(a, code=p.code, country=p.country,
                                                       name=p.name),
                              method="coref", score=0.5,
                              antecedent=prev.mention.antecedent or prev.mention.text)
            return Located(m.start, m.end, m.head, mention, "agent")
    return m


def _bare_title(m: Located, history: list[Located], kb: KnowledgeBase, on: date | None,
                salience: Counter[str]) -> Located:
    words = m.mention.text.lower().split()
    while words and words[0] in DETERMINERS:
        words = words[1:]
    kind = kb.title_kind(" ".join(words))
    if kind is None or on is None:
        return m
    # Whoever the article already calls by this title ("President Trump", "the US president")
    # most often is who "the president" means; overall mentions and recency break ties.
    title = words[-1] if words else ""
    titled = Counter(p.actor.kb_id for p in history if p.actor is not None and p.actor.kb_id
                     and title in p.mention.text.lower().split())
    best: tuple[tuple[int, int, int], Located] | None = None
    for pos, prev in enumerate(history):
        a = prev.actor
        if a is None or a.kb_id is None or a.type != "person":
            continue
        entry = kb.get(a.kb_id)
        if entry is None or not any(r.kind == kind and r.active(on) for r in entry.roles):
            continue
        score = (titled[a.kb_id], salience[a.kb_id], pos)
        if best is None or score > best[0]:
            best = (score, prev)
    if best is None:
        return m
    ante = best[1]
    mention = replace(m.mention, actor=ante.actor, method="coref", score=0.6,
                      antecedent=ante.mention.antecedent or ante.mention.text)
    return Located(m.start, m.end, m.head, mention, "bare_title")
