"""Who is the doer of a verb? Subjects, passive agents and their conjuncts, as mentions.

Shared by the event extractor and the quote attributor so both read "who" the same way.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors.mentions import Located, MentionIndex
from ..nlp.parse_repair import has_subject

SUBJECT_INHERIT = {"conj", "xcomp", "advcl"}
# participles that, in the passive form with no agent, describe the subject's stance, not an
# act done to it: "Israel is opposed to", "Vietnam is committed to", "X is determined to"
STATIVE_PARTICIPLES = {"oppose", "commit", "determine", "prepare", "dedicate", "resolve",
                       "dispose", "incline", "engage", "involve", "devote", "poise"}
COMPLEMENT_DEPS = {"acomp", "prep", "advmod", "attr", "oprd"}
# the preposition naming whom an appeal asks to act: "called on X to", "appealed to X to"
ADDRESSEE_PREPS = {"call": "on", "appeal": "to", "plead": "with"}
# adjectives that lay a past act at their subject's door: "X is guilty of violating the
# ceasefire". Not "responsible for", "liable for": also a duty ("responsible for protecting")
CULPABLE_ADJECTIVES = {"guilty", "culpable"}
# the marks of a conditional clause
CONDITIONS = {"if", "unless"}
# "killed in an air strike", "wounded during a raid": the act in which another act happened
SETTING_PREPS = {"in", "during"}


def subtree(t: Token, skip: frozenset[str] | set[str] = frozenset()) -> list[Token]:
    """``t`` and its descendants, not entering children whose relation is in ``skip``."""
    out: list[Token] = []
    stack = [t]
    while stack:
        x = stack.pop()
        out.append(x)
        stack.extend(c for c in x.children if c.dep_ not in skip)
    return sorted(out, key=lambda x: x.i)


def to_infinitive(v: Token) -> bool:
    """Is ``v`` a "to" infinitive ("to withdraw")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def conditional(c: Token) -> bool:
    """Is ``c`` an "if"/"unless" clause ("... if the crackdown continues")?"""
    return c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS
                                     for m in c.children)


def addressees(appeal: Token) -> list[Token]:
    """Whom an appeal verb asks to act, named by its preposition (``ADDRESSEE_PREPS``):
    "Sudan" in "appealed to Sudan to agree", "Russia" in "pleaded with Russia to release"."""
    prep = ADDRESSEE_PREPS.get(appeal.lemma_.lower())
    return [p for c in appeal.children if c.dep_ == "prep" and c.lower_ == prep
            for p in c.children if p.dep_ == "pobj"]


def culpable_verb(v: Token) -> Token | None:
    """The verb of the clause that holds its subject guilty of ``v`` ("are" in "X and Y are
    guilty of violating the truce", "found" in "X was found guilty of killing"), or None."""
    prep = v.head
    if v.dep_ != "pcomp" or v.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    adj = prep.head
    if adj.lemma_.lower() not in CULPABLE_ADJECTIVES or adj.dep_ not in {"acomp", "oprd"} \
            or adj.head.pos_ not in {"VERB", "AUX"} \
            or any(c.dep_ == "dobj" for c in adj.head.children):
        return None
    return adj.head


def conjuncts(t: Token) -> list[Token]:
    """``t`` and the words coordinated with it. Lists of names are often parsed as
    appositions ("Mordor, the Shire, Arnor and Bree"), so appositions count too; but not a
    singular common noun, which describes its head ("Bidzina Ivanishvili, the founder of the
    Georgian Dream party"; "Osgiliath, the state's fiercest foe")."""
    out = [t]
    for c in t.children:
        if c.dep_ == "conj" or (c.dep_ == "appos" and _set_off(c) and c.tag_ != "NN"):
            out.extend(conjuncts(c))
    return out


def _set_off(appos: Token) -> bool:
    """A list member parsed as apposition is set off from its head ("Mordor, the Shire",
    "Arnor and the evil Gondor"); a name right after its title ("Prime Minister Telemar") is
    the same actor, not another one. "Pakistan, a key US ally": a noun with an indefinite
    article describes its head and names no other party."""
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in appos.children):
        return False
    return appos.left_edge.i != appos.head.i + 1


def usable(m: Located, keep_unresolved: bool) -> bool:
    """Resolved mentions always; unknown names only when the caller keeps them."""
    if m.actor is not None:
        return True
    return keep_unresolved and m.kind == "name"


def mentions_at(t: Token, index: MentionIndex, keep_unresolved: bool = True) -> list[Located]:
    """Actor mentions headed at ``t`` and its conjuncts ("the US and the EU")."""
    out: list[Located] = []
    for c in conjuncts(t):
        m = index.at(c.i)
        if m is None:
            # "the Somali militant group al-Shabab": the name right after the noun is the
            # group itself, closer than the demonym on the noun
            m = next((x for ch in c.children if ch.dep_ == "appos"
                      and ch.left_edge.i == c.i + 1 and (x := index.at(ch.i)) is not None
                      and x.kind == "name"), None)
        if m is None:
            # "the leaders of Russia": the mention may sit on a modifier of the head
            for child in c.children:
                # "Israeli tanks", "Russia's aircraft", "the leaders of Syria"; but not "his
                # willingness": a pronoun owner is the doer of the noun, not of the verb
                if (child.dep_ == "poss" and child.pos_ == "PRON") or counterpart(child):
                    continue
                if child.dep_ in {"compound", "poss", "amod", "nmod"} or (
                        child.dep_ == "prep" and child.lower_ == "of"):
                    # not "the Al Qaeda-linked group", "US-backed forces": a backer named
                    # in a hyphenated participle is not the group
                    m = index.at(child.i) or next(
                        (index.at(g.i) for g in child.children if index.at(g.i)
                         and not hyphen_modifier(g)), None)
                    if m is None and child.dep_ == "prep" and _quantity(c):
                        # "thousands of Iraqi Kurds", "a group of Moroccan diplomats": the
                        # people counted, named by their demonym
                        m = next((index.at(d.i) for g in child.children if g.dep_ == "pobj"
                                  for d in g.children if d.dep_ in {"amod", "compound"}
                                  and index.at(d.i)), None)
                    if m is not None:
                        break
        if m is not None and m.actor is None:
            # "the European Union (EU)": an unknown short form parsed as the head of the
            # name it abbreviates stands for that name
            m = next((x for ch in c.children if ch.dep_ in {"nmod", "appos"}
                      and (x := index.at(ch.i)) is not None and x.actor is not None), m)
        if m is not None and m not in out and usable(m, keep_unresolved):
            same = next((o for o in out if _apposed_same(o, m, t.doc)), None)
            if same is not None:
                # "the EU's foreign policy chief, Kaja Kallas": one person named twice; the
                # name the knowledge base knows is the better of the two
                if m.actor is not None and m.actor.kb_id and m.actor.type == "person":
                    out[out.index(same)] = m
                continue
            out.append(m)
            out.extend(x for x in _listed_with(c, m, index) if x not in out)
            # "Obama and Putin said they will attack": "they" stands for each of them
            out.extend(x for x in index.together(m) if x not in out)
    return out


# nouns naming a party by its relation to another: "Israel's ally" is not Israel
RELATIONAL_NOUNS = {"ally", "proxy", "partner", "enemy", "foe", "rival", "opponent",
                    "neighbour", "neighbor", "friend", "client", "adversary"}


def counterpart(t: Token) -> bool:
    """Is ``t`` the party a relational noun is related to ("Israel" in "Israel's militia
    ally", "the allies of Israel")? It names another party, not the noun's."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "of" and head.dep_ == "prep":
        head = head.head
    elif t.dep_ != "poss":
        return False
    return head.i != t.i and head.lemma_.lower() in RELATIONAL_NOUNS


def _apposed_same(a: Located, b: Located, doc: Doc) -> bool:
    """Is one mention an apposition to the other naming the same person ("the EU's chief,
    Kaja Kallas"; "Kallas, the EU's chief")? Lists parsed as appositions name states."""
    ha, hb = doc[a.head], doc[b.head]
    if not ((hb.dep_ == "appos" and hb.head.i == ha.i) or (ha.dep_ == "appos"
                                                           and ha.head.i == hb.i)):
        return False
    kinds = {x.actor.type for x in (a, b) if x.actor is not None}
    return "person" in kinds and kinds <= {"person", "agent"} \
        and all(doc[x.head].tag_ in {"NN", "NNP"} for x in (a, b))


def hyphen_modifier(t: Token) -> bool:
    """The noun of a hyphenated participle modifier: "government" in "a government-held
    part", "Qaeda" in "the Al Qaeda-linked group". It names a backer or holder of the thing
    modified, not the thing."""
    head = t.head
    return t.dep_ in {"npadvmod", "compound", "nmod"} and head.dep_ == "amod" \
        and head.tag_ == "VBN" and t.i < head.i \
        and any(p.lower_ == "-" and t.i < p.i < head.i for p in head.children)


QUANTITY_NOUNS = {"thousand", "hundred", "dozen", "million", "score", "group", "number",
                  "band", "crowd", "majority", "minority", "delegation", "contingent",
                  "team", "some", "many", "most", "all", "several", "few"}


def _quantity(t: Token) -> bool:
    """A head that counts or gathers people rather than naming them ("thousands of")."""
    return t.pos_ == "NUM" or t.lemma_.lower() in QUANTITY_NOUNS


def _listed_with(t: Token, m: Located, index: MentionIndex) -> list[Located]:
    """Actors a mention stands for jointly with ``m`` that the parse hides:

    * a list parsed as a modifier of its last name ("Arnor, Calenardhon and Gondor": Arnor
      as ``nmod`` of Gondor, Calenardhon its conjunct): the other countries of the list;
    * an agent of several states ("lawmakers in Arnor and Gondor", "the ambassadors of
      Arnor, Osgiliath and Gondor"): the same agent of each further state, placed on that
      state's name."""
    actor = m.actor
    if actor is None or not actor.country:
        return []
    out: list[Located] = []
    if actor.type == "country":
        for child in t.children:
            if child.dep_ in {"nmod", "compound"} and any(
                    g.dep_ == "conj" for g in child.children):
                out.extend(x for c in conjuncts(child) if (x := index.at(c.i)) is not None
                           and x is not m and x.actor is not None and x.actor.type == "country")
    elif actor.type == "agent" and actor.sector:
        # "Israeli and Palestinian leaders": the same agent of each coordinated state
        states = [x for child in t.children if child.dep_ in {"nmod", "compound", "amod"}
                  for c in conjuncts(child)[1:] if (x := index.at(c.i)) is not None]
        for prep in _place_preps(t):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                states.extend(x for c in conjuncts(pobj)[1:] if (x := index.at(c.i)) is not None)
        for x in states:
            if x.actor is None or x.actor.type != "country" \
                    or x.actor.country in {None, actor.country}:
                continue
            state = x.actor.country
            agent = replace(actor, code=state + actor.sector, country=state,
                            name=f"{actor.name.split(' (')[0]} ({x.actor.name})")
            out.append(replace(x, mention=replace(x.mention, actor=agent), kind="agent"))
    return out


def _place_preps(t: Token) -> list[Token]:
    """The "of"/"in"/"from" phrases placing an agent noun; a later conjunct without its own
    shares the one on the first ("lawmakers and officials in Arnor and Gondor")."""
    node = t
    for _ in range(4):
        preps = [p for p in node.children
                 if p.dep_ == "prep" and p.lower_ in {"of", "in", "from"}]
        if preps or node.dep_ != "conj" or node.head.i == node.i:
            return preps
        node = node.head
    return []


def reduced_passive(v: Token) -> bool:
    """"Protesters arrested by police", "civilians imprisoned last year": a past participle
    modifying a noun is a passive done to that noun."""
    return v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in {"NOUN", "PROPN"} \
        and not any(c.dep_ == "dobj" for c in v.children) and not _verbless_subject(v)


def passive(v: Token) -> bool:
    return reduced_passive(v) or any(c.dep_ == "auxpass" for c in v.children)


def patients(v: Token) -> list[Token]:
    """What a passive ``v`` is done to: its passive subject, or the noun it modifies."""
    if reduced_passive(v):
        return [v.head]
    return [c for c in v.children if c.dep_ == "nsubjpass"]


# subjects that are the violence itself or its weapon, not a doer ("a car bomb killed ...");
# a participle on them may name who used them ("a missile fired by rebels")
LETHAL_SUBJECTS = {"bombing", "explosion", "blast", "bomb", "attack", "shelling", "airstrike",
                   "strike", "raid", "ambush", "mine", "landmine", "rocket", "missile",
                   "grenade", "shell", "mortar", "drone", "gunfire", "shooting", "fire"}


def _firing(weapon: Token) -> list[Token]:
    """The participles saying who used ``weapon``: "a missile fired by rebels", "a missile
    believed to be fired by rebels"."""
    if weapon.lemma_.lower() not in LETHAL_SUBJECTS:
        return []
    verbs = [w for a in weapon.children if a.dep_ == "acl" and a.pos_ == "VERB"
             for w in [a, *(x for x in a.children if x.dep_ == "xcomp")]]
    return [w for w in verbs if any(c.dep_ == "agent" for c in w.children)]


def weapon_act(v: Token) -> Token | None:
    """The act ``v`` is the means of when it only says who used the weapon ("fired" in
    "blown up by a missile fired by rebels", "a rocket fired by Hamas hit"): that act's verb."""
    w = v.head if v.dep_ == "xcomp" else v
    weapon = w.head
    if w.dep_ != "acl" or not any(f.i == v.i for f in _firing(weapon)):
        return None
    if weapon.dep_ == "pobj" and weapon.head.dep_ == "agent":
        return weapon.head.head
    return weapon.head if weapon.dep_ == "nsubj" else None


def subjects_of(v: Token, index: MentionIndex, keep_unresolved: bool = True) -> list[Located]:
    """The doers of ``v``; verbs without a subject borrow it from the verb governing them."""
    found = _governing_subject(v, index, keep_unresolved)
    if not found and _restrictive_participle(v):
        # "individuals undermining stability", "rebels fighting the army": a participle
        # right on its noun describes that noun, which does the act; an act or a document
        # ("an attack targeting", "a declaration demanding") does it through its author,
        # found below. Any other noun the text names no actor for leaves the doer unknown.
        found = mentions_at(v.head, index, keep_unresolved)
        if found or v.head.lemma_.lower() not in _authored_nouns():
            return found
    if not found and v.tag_ == "VBG" and v.dep_ in {"advcl", "acl"} \
            and not _governing_clause_has_subject(v):
        # a participle adjunct with no subject up its chain (", pushing troops out of
        # Kursk"): its doer is the nearest actor before it in the sentence
        found = _nearest_before(v, index, keep_unresolved)
    return found


# nouns of documents and decisions whose participle acts for their author ("a resolution
# calling for", "a plan aiming to")
DOCUMENT_NOUNS = {"declaration", "statement", "resolution", "letter", "law", "bill", "decree",
                  "plan", "proposal", "report", "message", "communique", "motion", "appeal",
                  "campaign", "initiative", "order", "decision", "move", "measure", "policy"}


# documents that speak for whoever put them out ("a report released in Kigali alleged")
SPEAKING_DOCUMENTS = {"report", "statement", "declaration", "communique", "letter", "study",
                      "document", "message", "dossier"}
RELEASE_VERBS = {"release", "publish", "issue", "present", "unveil", "submit", "publicize"}


def document_author(t: Token, index: MentionIndex) -> list[Located]:
    """The author of a document that is the subject of a verb: named with "by" or "from"
    ("a report by Gondor's ministry", "a statement from Rohan"), or as who released it
    ("a study published by X"); released in a capital with no author named, the state
    whose capital it is ("a report released in the Gondorian capital alleged ...")."""
    if t.lemma_.lower() not in SPEAKING_DOCUMENTS:
        return []
    released = [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"
                and c.lemma_.lower() in RELEASE_VERBS]
    for owner, words in [(t, {"by", "from"})] + [(r, {"agent"}) for r in released]:
        for c in owner.children:
            if c.dep_ in words or (c.dep_ == "prep" and c.lower_ in words):
                found = [m for p in c.children if p.dep_ == "pobj"
                         for m in mentions_at(p, index) if m.actor is not None]
                if found:
                    return found
    for r in released:
        for c in r.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                found = [m for p in c.children if p.dep_ == "pobj"
                         for m in mentions_at(p, index) if m.actor is not None
                         and m.actor.type in {"country", "capital"}
                         and (p.lemma_.lower() == "capital" or m.head == p.i)]
                if found:
                    return found
    return []


def _restrictive_participle(v: Token) -> bool:
    """A present participle right after the noun it modifies, with no comma between
    ("individuals undermining stability"); ", pushing troops out" is an adjunct instead."""
    head = v.head
    return v.dep_ == "acl" and v.tag_ == "VBG" and head.pos_ in {"NOUN", "PROPN"} \
        and head.i < v.i and not any(t.is_punct for t in v.doc[head.i + 1:v.i])


def _authored_nouns() -> set[str]:
    from .nominal import LIGHT_NOUN_EVENTS, NOUN_EVENTS  # local: nominal builds on this module

    return DOCUMENT_NOUNS | set(NOUN_EVENTS) | set(LIGHT_NOUN_EVENTS)


def _governing_subject(v: Token, index: MentionIndex, keep_unresolved: bool) -> list[Located]:
    node = v
    via: str | None = None  # the relation climbed to reach ``node``
    for _ in range(4):
        is_passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in node.children)
        if via is None and reduced_passive(node):
            # the doer of a participle modifying an actor ("students detained by police");
            # one modifying a thing ("a plan backed by the US") is no act on a party
            if index.at(node.head.i) is None:
                return []
            is_passive = True
        if is_passive and (via == "xcomp" or (via is None and _stative(node))):
            # "Russia was urged to withdraw", "Obama is scheduled to attend": the passive's
            # subject does the infinitive; "Israel is opposed to", "X is committed to": a
            # state the subject is in, not a deed done to it
            for c in node.children:
                if c.dep_ == "nsubjpass":
                    return mentions_at(c, index, keep_unresolved)
        for c in node.children:
            if is_passive and c.dep_ == "agent":
                for p in c.children:
                    # not "victims killed by the Malaysia Airlines flight crash": a thing an
                    # actor merely modifies
                    if p.dep_ == "pobj" and (not reduced_passive(node)
                                             or _heads_mention(p, index)):
                        return mentions_at(p, index, keep_unresolved)
            if not is_passive and c.dep_ in {"nsubj", "csubj"}:
                if _relative_doer(c, node) and _heads_mention(node.head, index):
                    # "the president, who had offered concessions": the relative pronoun is
                    # the noun
                    return mentions_at(node.head, index, keep_unresolved)
                found = mentions_at(c, index, keep_unresolved)
                if not found and via is None:
                    # a document says what its author says, but does not do the acts of a
                    # clause hung on its verb ("the statement comes as X heads to Beijing")
                    found = document_author(c, index)
                # "Lions, tigers, and Gondor welcomed": a list the parser splits into
                # several subjects of one verb; each named one is a doer
                for other in (o for o in node.children if o.i > c.i and o.dep_ == "nsubj"):
                    if index.at(c.i) is None and other.left_edge.i == c.i + 1 \
                            and index.at(other.i) is not None:
                        # "the Palestinian militant group Hamas fired": a name split off the
                        # noun it names, not a second doer
                        found = mentions_at(other, index, keep_unresolved)
                    else:
                        found.extend(m for m in mentions_at(other, index, keep_unresolved)
                                     if m not in found)
                return found
        if is_passive:
            return _act_doer(node, index) if via is None else []
        if _verbless_subject(node):
            # "Doctors from two aid groups donated and delivered goods": with no verb left
            # for the sentence, the parser hangs its verb on a noun; the root noun does it
            return mentions_at(node.sent.root, index, keep_unresolved)
        if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
            # "Putin, who was banished ...": the relative pronoun stands for the head noun
            return mentions_at(node.head, index, keep_unresolved)
        if node.dep_ == "conj" and node.tag_ == "VB" and node.head.tag_ in {"VBD", "VBN", "VBZ"} \
                and not any(c.dep_ in {"aux", "auxpass"} for c in node.children):
            # "has jailed a student for helping militants join a group": a bare verb
            # "conjoined" to a finite one is a misparse, not a second act of its subject
            return []
        culprit = culpable_verb(node) if via is None else None
        if culprit is not None:
            # "X is guilty of violating": the subject of "is" (or the passive subject of "was
            # found guilty") did the act, as the subject of "tried to" does its infinitive
            node, via = culprit, "xcomp"
            continue
        if node.dep_ in SUBJECT_INHERIT and node.head.i != node.i:
            # "called on Russia to withdraw", "appealed to Sudan to agree": Russia
            # withdraws, Sudan agrees
            asked = addressees(node.head)
            objs = [c for c in node.head.children if c.dep_ == "dobj"] + asked
            if (node.dep_ == "xcomp" and objs) or (node.dep_ == "advcl" and asked
                                                   and to_infinitive(node)):
                # "force Zelensky to accept": the object is the doer of the xcomp
                return mentions_at(objs[0], index, keep_unresolved)
            via = node.dep_
            node = node.head
            # "is about to restore", "is ready to send": climb over the adjective or
            # preposition that carries the infinitive to the verb that has the subject
            if node.pos_ in {"ADJ", "ADP", "ADV"} and node.dep_ in COMPLEMENT_DEPS:
                node = node.head
            continue
        return []
    return []


def _heads_mention(t: Token, index: MentionIndex) -> bool:
    """Is ``t`` the head of a mention ("the president"), not a thing an actor only modifies
    ("US intelligence sharing that supports Ukraine": the sharing is no actor)?"""
    m = index.at(t.i)
    return m is not None and m.head == t.i


def _relative_doer(c: Token, v: Token) -> bool:
    """Does the relative pronoun ``c``, subject of the relative clause ``v``, stand for the
    noun the clause hangs on? "who" always; "which"/"that" when restrictive ("the rebels that
    attacked") or on a subject ("Israel, which had attacked Gaza, said"): after an object,
    ", which killed 20" may be about the whole act ("bombed Gaza, which killed 20")."""
    if c.tag_ not in {"WP", "WDT"} or v.dep_ != "relcl" or v.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if c.lower_ == "who":
        return True
    comma = c.i > 0 and c.doc[c.i - 1].text == ","
    return not comma or v.head.dep_ in {"nsubj", "nsubjpass"}


def _verbless_subject(v: Token) -> bool:
    """Is ``v`` the main verb of a sentence the parser rooted on its subject noun? A past
    tense verb ("delivered", or a participle joined to one) hung as a modifier after the
    root noun, with no passive "by" agent."""
    root = v.sent.root
    if v.dep_ != "acl" or root.pos_ not in {"NOUN", "PROPN"} or root.i >= v.i \
            or any(c.dep_ in {"agent", "auxpass"} for c in v.children):
        return False
    return any(t.tag_ == "VBD" for t in [v, *(c for c in v.children if c.dep_ == "conj")])


def _act_doer(v: Token, index: MentionIndex) -> list[Located]:
    """"Three civilians were killed in a Russian air strike": a passive with no agent whose
    "in"/"during" phrase is an act with a named doer was done by that doer."""
    from .nominal import act_doer, act_phrase_doers  # local: nominal builds on this module

    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in SETTING_PREPS:
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "NOUN":
                    doer = act_doer(p, index)
                    if doer is not None:
                        return [doer]
            # the parser often breaks up "in Israeli tank shelling": read the words instead
            found = [m for m in act_phrase_doers(c, index) if m.actor is not None]
            if found:
                return found[:1]
    return []


def _stative(v: Token) -> bool:
    """A passive participle read as a state of its subject: a stance verb, no "by" agent."""
    return v.lemma_.lower() in STATIVE_PARTICIPLES and v.tag_ == "VBN" \
        and not any(c.dep_ == "agent" for c in v.children)


def _nearest_before(v: Token, index: MentionIndex, keep_unresolved: bool) -> list[Located]:
    """The closest preferred-usable mention left of ``v`` in its sentence, outside v's subtree."""
    inside = {t.i for t in v.subtree}
    for i in range(v.i - 1, v.sent.start - 1, -1):
        if i in inside:
            continue
        m = index.at(i)
        if m is not None and m.actor is not None and usable(m, keep_unresolved):
            return [m]
    return []


def _governing_clause_has_subject(v: Token) -> bool:
    """Does the clause ``v`` hangs from (through advcl/conj/xcomp) have any subject at all?"""
    node = v
    for _ in range(6):
        if node.dep_ not in SUBJECT_INHERIT or node.head.i == node.i:
            return False
        node = node.head
        if has_subject(node):
            return True
    return False
