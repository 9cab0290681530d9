"""Who the other party of an act is: the target candidates of a verb, in order of preference.

The direct object (or a passive's subject), then parties in the verb's prepositions ("with
Russia" before "in Vienna"), inside its object ("tariffs on Russian imports"), one phrase deeper
("for a war against Iraq") and in the act it intends ("threatened to break relations with
Russia"); then, for demands, threats, comments and domestic measures, the parties their
clauses or places name. The source is never its own target, nor are its own forces.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors.mentions import Located, MentionIndex
from ..records import Actor
from .arguments import (
    conditional,
    conjuncts,
    counterpart,
    hyphen_modifier,
    mentions_at,
    passive,
    patients,
    subtree,
    usable,
)
from .intent import demanded_by_speaker
from .placement import inferred
from .speech import SAYING_ONLY

PLACE_PREPS = {"in", "at", "near", "inside", "outside"}
INTERVIEW_VERBS = {"speak", "talk"}  # "spoke to CNN": an interview, as "told CNN" is
# "unlike Gondor", "in contrast to Gondor", "compared with Gondor": a party compared with
COMPARISON_PREPS = {"unlike", "like", "than", "compared", "besides"}
COMPARISON_NOUNS = {"contrast", "comparison"}
TARGET_PREPS = {"to", "against", "with", "on", "toward", "towards", "from", "through", "at",
                "into", "over", "for", "upon", "onto", "of", "in"}
NESTED_PARTY_PREPS = {"against", "with", "to", "toward", "towards", "from"}
AIM_PREPS = {"against", "toward", "towards"}  # whom an act is aimed at, never what it is
# heads of a relative clause that tells what a group did, not what the thing is about
GROUP_NOUNS = {"group", "militia", "movement", "organization", "organisation", "faction",
               "force", "rebel", "militant", "insurgent", "party", "army", "regime",
               "government", "network", "gang", "cell"}
# measures a state takes at home: easing, threatening or imposing curfews and emergency rule
MEASURE_ROOTS = {"08", "13", "17"}
DOMESTIC_MEASURES = {"0813", "0814", "1323", "1324", "1723", "1724"}
# what a refusal may be made in spite of ("despite pressure by X"): X's demand
PRESSURE_NOUNS = {"pressure", "call", "demand", "appeal", "request", "plea", "urging"}


def same_actor(a: Located, b: Located) -> bool:
    """Is ``b`` the same party as ``a`` for coding (never each other's target)?"""
    if a is b:
        return True
    if a.actor is None or b.actor is None:
        return False
    if a.actor.kb_id and a.actor.kb_id == b.actor.kb_id:
        return True
    if a.actor.code == b.actor.code and a.actor.type != "person":
        return True  # "Trump spoke in the Oval Office": a USAGOV place is no USAGOV target
    # "US military assistance" by the US president: a country's own name is no target,
    # but its other sectors are ("Georgian protesters attacked the Georgian government")
    return a.actor.country is not None and a.actor.country == b.actor.country \
        and a.actor.type in {"country", "capital"}


def describing(t: Token) -> set[int]:
    """The words of the phrase headed by ``t`` that say what it is ("leaders of Egypt's
    Brotherhood"): not its conjuncts and not whom it or an act it is for is aimed at
    ("hackers capable of launching cyber warfare against the US")."""
    out: set[int] = set()
    stack = [t]
    while stack:
        x = stack.pop()
        out.add(x.i)
        stack.extend(c for c in x.children if c.dep_ not in {"conj", "cc"}
                     and not (c.dep_ == "prep" and c.lower_ in AIM_PREPS))
    return out


def can_host(target: Located, verb: Token) -> bool:
    """Whether the target can take the reverse event ("visited Poland": 042 and Poland
    hosts, 043). A place standing in for its state only because no party is named
    ("held talks in Alaska", method "location") hosts nothing, nor does the venue of
    a meeting the verb's object names ("attend a summit in Switzerland",
    "a conference in Paris"): that place is where the meeting is, not whom one visits."""
    if target.mention.method == "location":
        return False
    doc = verb.doc
    if not 0 <= target.head < len(doc):
        return True
    tok = doc[target.head]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
        return True
    owner = prep.head
    return owner.i == verb.i or owner.pos_ not in {"NOUN", "PROPN"}


def place_phrase(m: Located, doc: Doc) -> bool:
    """A country or capital named as the place of the act ("in Beijing", "at Geneva"), or a
    name we do not know there ("met in Istanbul": most likely a city)."""
    head = doc[m.head]
    return (m.actor is None or m.actor.type in {"country", "capital"}) \
        and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS


def demand_clauses(v: Token) -> list[Token]:
    """Clauses saying who must comply: of the verb ("demanded that Israel ease ...") or of
    a demand it names ("insisted on its demands that Burundi's government grant ...")."""
    found = [c for c in v.children if c.dep_ == "ccomp"]
    nouns = [c for c in v.children if c.dep_ == "dobj"] + [
        p for c in v.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    found += [c for n in nouns for c in n.children if c.dep_ in {"ccomp", "acl"}
              and c.pos_ in {"VERB", "AUX"}]
    return found


def _modifies_actor(t: Token, index: MentionIndex) -> bool:
    """Is ``t`` the country part of a larger actor ("Gondor" in "Gondor police", "Gondor's
    government")? Then the larger actor (GONCOP, GONGOV) is the target, not the country."""
    if t.dep_ not in {"compound", "poss", "amod", "nmod"} or t.head.i == t.i:
        return False
    head = index.at(t.head.i)
    return head is not None and head.actor is not None and head is not index.at(t.i)


def stateless(m: Located) -> bool:
    """A bare sector with no state ("reservists", "military intelligence")."""
    return m.actor is not None and m.actor.type == "agent" and not m.actor.country


def _owned_by(m: Located, source: Located, index: MentionIndex, doc: Doc) -> bool:
    """"Syria offered its troops to Lebanon": the source's own people or forces, named with a
    pronoun that stands for the source, are what it offers or moves, not its counterpart."""
    a, s = m.actor, source.actor
    if a is None or s is None or not a.country or a.country != s.country:
        return False
    for c in doc[m.head].children:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            owner = index.at(c.i)
            return owner is not None and owner.actor is not None \
                and owner.actor.country == s.country
    return False


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of ``prep``. "Granted asylum to five officers holed up in a residence":
    the parser may strand the preposition and read its object as the subject of the clause
    that follows; that subject, starting right after the preposition, is its object."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return [p for p in prep.children if p.dep_ == "pobj"]
    nxt = prep.doc[prep.i + 1]
    if nxt.dep_ == "cc":
        # "established ties with and opened an embassy in Tehran": a preposition left
        # without object before "and" shares the object of the next conjunct's preposition
        for t in prep.doc[nxt.i + 1:prep.sent.end]:
            if t.is_punct:
                break
            if t.dep_ in {"prep", "dative"} and t.pos_ == "ADP":
                found = [p for p in t.children if p.dep_ == "pobj"]
                if found:
                    return found
        return []
    return [t for t in [nxt, *nxt.ancestors] if t.dep_ in {"nsubj", "nsubjpass"}
            and t.left_edge.i == nxt.i][:1]


def _comparison(c: Token) -> bool:
    """A party the act is compared with (``COMPARISON_PREPS``, "in contrast to Gondor's
    haste") is no party to it."""
    if c.dep_ != "prep":
        return False
    if c.lower_ in COMPARISON_PREPS:
        return True
    return any(p.dep_ == "pobj" and p.lemma_.lower() in COMPARISON_NOUNS for p in c.children)


def _free_relative(c: Token) -> bool:
    """"to address what Putin calls the root cause": a clause opened by "what" that it has
    as an argument names a thing (the root cause), not a claim about its subject."""
    first = c.left_edge
    return first.lower_ in {"what", "whatever"} and first.dep_ in {"dobj", "nsubj", "attr", "pobj"}


def _press(m: Located) -> bool:
    """A news outlet or journalist: "told CNN's Jim Sciutto", "said in an interview with
    Reuters" name the audience a statement was made through (quotes.py records it), not a
    party the statement is about or addressed to as a political counterpart."""
    return m.actor is not None and m.actor.sector == "MED"


def _names_group(m: Located, source: Located, doc: Doc) -> bool:
    """"Islamic Jihad rejected a meeting of Palestinian factions": a demonym on a group
    noun names other groups of the source's nation, not the source's own state."""
    head = doc[m.head]
    return m.mention.method == "demonym" and m.head != source.head \
        and head.dep_ in {"amod", "compound"} and head.head.i != head.i \
        and head.head.lemma_.lower() in GROUP_NOUNS


def said_of_coded_clause(v: Token, target: Located | None, code: str | None,
                         acts: set[int]) -> bool:
    """A statement (010) targeting a party inside its own clause, where a verb of that clause
    codes an act ("said that Norland attacked Sudland"; ``acts`` are the coded verbs) or
    states a demand ("said Sudland must reconsider", 100): that is the event."""
    if code != "010" or target is None:
        return False
    return any(c.left_edge.i <= target.head <= c.right_edge.i
               and (any(c.left_edge.i <= i <= c.right_edge.i for i in acts)
                    or demanded_by_speaker(c) is not None)
               for c in v.children if c.dep_ == "ccomp")


class TargetFinder:
    """Target candidates of verbs; ``keep_unresolved`` keeps unknown names as parties."""

    def __init__(self, keep_unresolved: bool = True) -> None:
        self.keep_unresolved = keep_unresolved

    def candidates(self, v: Token, obj: Token | None, index: MentionIndex,
                           source: Located, places: bool = True,
                           deep: bool = True) -> list[list[Located]]:
        """Target groups in order of preference; a group is a mention and its conjuncts
        ("ties between Gondor and Osgiliath"). The source is never its own target."""
        groups: list[list[Located]] = []
        seen: list[Located] = []
        keep = self.keep_unresolved

        saying = v.lemma_.lower() in SAYING_ONLY | INTERVIEW_VERBS

        def add(ms: list[Located]) -> None:
            # with joint subjects ("Russia and China signed ... in Beijing") the place is
            # not a party; otherwise a place stands for its state, as in PETRARCH
            group = [m for m in ms if m not in seen
                     and (not same_actor(m, source) or _names_group(m, source, v.doc))
                     and (places or not place_phrase(m, v.doc))
                     and not _owned_by(m, source, index, v.doc)
                     and not (saying and _press(m))]
            if group:
                seen.extend(group)
                groups.append(group)

        if passive(v):
            for c in patients(v):
                add(mentions_at(c, index, keep))
        if obj is not None:
            add(mentions_at(obj, index, keep))
            # "launched artillery, mortar and rocket fire against X": the parser hangs the
            # aim of a coordinated object on its last member; it is the whole act's aim
            for member in conjuncts(obj)[1:]:
                for c in member.children:
                    if c.dep_ == "prep" and c.lower_ in AIM_PREPS:
                        for p in _prep_objects(c):
                            add(mentions_at(p, index, keep))
        for c in v.children:
            if c.dep_ == "dative":
                add(mentions_at(c, index, keep))
                # "give permission to Russia": the parser may mark the "to" itself dative
                for p in c.children if c.pos_ == "ADP" else ():
                    if p.dep_ == "pobj":
                        add(mentions_at(p, index, keep))
        # "filed a genocide case against Israel at the ICJ": whom the object is against comes
        # before where (or before whom) the act is done
        for c in obj.children if obj is not None else ():
            if c.dep_ == "prep" and c.lower_ == "against":
                for p in c.children:
                    if p.dep_ == "pobj":
                        add(mentions_at(p, index, keep))
        # "celebrated Iftar at Osgiliath with the parliament of Gondor": the party named by
        # "with"/"against"/"to" before a place that only stands for its state
        for c in sorted((c for c in v.children if c.dep_ == "prep"
                         and c.lower_ in TARGET_PREPS), key=lambda c: c.lower_ in PLACE_PREPS):
            for p in _prep_objects(c):
                add(mentions_at(p, index, keep))
        if obj is not None:
            # not what another actor did ("its campaign against the group that has seized
            # parts of Iraq"; but "a plan that will not allow candidates from Hamas", "a
            # strike that shut down Khatmandu" say whom the thing is about) nor a hyphenated
            # holder ("a government-held part of Syria")
            clauses = {t.i for r in obj.subtree if r.dep_ == "relcl" and r.pos_ in
                       {"VERB", "AUX"} and (index.at(r.head.i) is not None
                                            or r.head.lemma_.lower() in GROUP_NOUNS)
                       for t in r.subtree}
            for t in subtree(obj, {"conj", "cc"}):
                m = index.at(t.i) if t.i not in clauses else None
                if m is not None and m.head == t.i and usable(m, keep) \
                        and not _modifies_actor(t, index) and not hyphen_modifier(t) \
                        and not counterpart(t):
                    add(mentions_at(t, index, keep))
                if t.dep_ == "prep" and t.lower_ in NESTED_PARTY_PREPS \
                        and not any(True for _ in t.children):
                    for p in _prep_objects(t):  # "ties with and an embassy in Tehran"
                        add(mentions_at(p, index, keep))
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in TARGET_PREPS - PLACE_PREPS:
                # "mobilized reservists for a war against Iraq", "refused to respond to a
                # demand from the US": the party of the act or message the phrase names
                for p in c.children:
                    for pp in p.children if p.dep_ == "pobj" and p.pos_ == "NOUN" else ():
                        if pp.dep_ == "prep" and pp.lower_ in NESTED_PARTY_PREPS:
                            for q in pp.children:
                                if q.dep_ == "pobj":
                                    add(mentions_at(q, index, keep))
        for c in v.children:
            if deep and c.dep_ in {"advcl", "xcomp"} and c.pos_ in {"VERB", "AUX"} \
                    and any(a.lower_ == "to" for a in c.children) \
                    and not any(a.dep_ == "aux" and a.lemma_.lower() == "help"
                                for a in c.children):
                # "threatened to break relations with Russia", "offered to hand over to
                # Britain": the other party of the intended act is the target (but "sent a
                # team to help identify victims": what a helper works on is no party)
                inner = next((o for o in c.children if o.dep_ in {"dobj", "nsubjpass"}), None)
                for group in self.candidates(c, inner, index, source, places,
                                                     deep=False):
                    add(group)
        if not deep:
            return groups
        if not groups and v.lemma_.lower() not in SAYING_ONLY:
            # "Gollum allowed that Mordor isn't a pleasant place": the clause's subject
            for c in v.children:
                if c.dep_ == "ccomp" and not _free_relative(c):
                    for sub in c.children:
                        if sub.dep_ in {"nsubj", "nsubjpass"}:
                            add(mentions_at(sub, index, keep))
        if not groups:
            # last resort: the first actor deeper in the verb's own phrases ("marched close to
            # the border with Mordor", "acted on programs with Libya")
            for c in v.children:
                if c.dep_ in {"prep", "advmod", "npadvmod", "acomp", "oprd", "attr"} \
                        and not _comparison(c):
                    # not "Before leaving for Beijing, Bush scheduled a speech": the act of
                    # a phrase ("leaving") holds its own parties
                    for t in subtree(c, {"relcl", "advcl", "ccomp", "acl", "pcomp"}):
                        m = index.at(t.i)
                        if m is None and t.lower_ in {"anti-", "anti"} and t.i + 1 < len(v.doc):
                            # "broke into an anti- Gondor parade" (the parser may cut the
                            # phrase off after "anti-"): whom the thing is against
                            nxt = v.doc[t.i + 1 if v.doc[t.i + 1].text != "-" else
                                        min(t.i + 2, len(v.doc) - 1)]
                            m = index.at(nxt.i)
                            if m is not None and usable(m, keep) and m.actor is not None:
                                add(mentions_at(v.doc[m.head], index, keep))
                                break
                            continue
                        if m is not None and m.head == t.i and usable(m, keep):
                            add(mentions_at(t, index, keep))
                            break
        return groups

    def in_phrase(self, phrase: Token, index: MentionIndex, source: Located) -> list[Located]:
        """The first known actor in ``phrase`` other than ``source`` ("has begun to question
        whether he has a future with the Morgul Orcs", the pattern "* (TO QUESTION)")."""
        for t in phrase.subtree:
            m = index.at(t.i)
            if m is not None and m.head == t.i and m.actor is not None \
                    and not same_actor(m, source):
                return mentions_at(t, index, self.keep_unresolved)
        return []

    def prep_objects(self, v: Token, word: str, index: MentionIndex,
                      obj: Token | None = None) -> list[Located]:
        """Actors in the objects of preposition ``word`` on the verb or on its object."""
        heads = list(v.children) + (list(obj.children) if obj is not None else [])
        preps = [c for c in heads if c.dep_ == "prep" and c.lower_ == word]
        if not preps:
            # a noun marks the place ("+ * MONEY $"): a preposition on that noun, or on the
            # verb after it, names the actor ("received money from Osgiliath")
            nouns = [c for c in heads if c.pos_ in {"NOUN", "PROPN"}
                     and word in {c.lower_, c.lemma_.lower()}]
            preps = [p for n in nouns for p in list(n.children) + list(v.children)
                     if p.dep_ == "prep" and p.i > n.i]
        return [m for c in preps for p in c.children if p.dep_ == "pobj"
                for m in mentions_at(p, index, self.keep_unresolved)]

    def criticised(self, v: Token, index: MentionIndex, source: Located,
                   targets: list[Located]) -> list[Located]:
        """"Complained to the UN over Israeli raids": the party criticised is named by
        over/about/against; the one the complaint is made to is only its audience."""
        heard = {m.head for m in self.prep_objects(v, "to", index)}
        faulted = [m for w in ("over", "about", "against")
                   for m in self.prep_objects(v, w, index)
                   if m.actor is not None and not same_actor(m, source)]
        return faulted if faulted and all(m.head in heard for m in targets) else targets

    def measure_target(self, v: Token, obj: Token | None, index: MentionIndex,
                        source: Located, code: str) -> list[Located]:
        """A curfew, emergency rule or other measure at home: "threatened to institute a
        curfew in Algiers" is aimed at the capital it names, though the capital is the
        source's own (a capital standing for the source's government is still no target);
        with no place named, a state's own curfew or martial law is imposed on its country."""
        s = source.actor
        if s is None or not s.country:
            return []
        heads = [v] + [c for c in v.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
        for h in heads:
            objs = [c for c in h.children if c.dep_ == "dobj" and h.i != v.i] + (
                [obj] if obj is not None and h.i == v.i else [])
            spots = objs + [p for o in [h, *objs] for c in o.children
                            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
                            for p in c.children if p.dep_ == "pobj"]
            for t in spots:
                found = [m for m in mentions_at(t, index, self.keep_unresolved)
                         if m.actor is not None and m.actor.type in {"country", "capital"}
                         and m.actor.country == s.country and m is not source]
                if found:
                    return found
        if code not in DOMESTIC_MEASURES or (s.type == "country" and s.code == s.country):
            return []
        actor = Actor(code=s.country, name=s.country, country=s.country, type="country")
        return [inferred(source, actor, "measure+source")]

    def shared_object(self, v: Token, index: MentionIndex, source: Located,
                      places: bool = True) -> list[list[Located]]:
        """"Donated and delivered goods to Baghdad": a verb with no object of its own shares
        the object (and its parties) of the verb joined to it."""
        for c in v.children:
            shared = next((o for o in c.children if o.dep_ == "dobj"), None) \
                if c.dep_ == "conj" and c.pos_ == "VERB" else None
            if shared is not None and not any(d.dep_ in {"nsubj", "nsubjpass"}
                                              for d in c.children):
                return self.candidates(c, shared, index, source, places=places)
        return []

    def participle_targets(self, v: Token, index: MentionIndex,
                           source: Located) -> list[Located]:
        """"Police opened fire on demonstrators, killing one and arresting 12": a participle
        clause that names nobody tells what the main act did to the same party, so it takes
        the main verb's target (not "after meeting ...", a clause with its own time, nor
        the place of the main act: "rioted at a jail in Israel, setting fire to mattresses")."""
        while v.dep_ == "conj" and v.head.i != v.i and v.head.tag_ == "VBG":
            v = v.head  # "killing one and arresting 12"
        head = v.head
        if v.dep_ != "advcl" or v.tag_ != "VBG" or head.i == v.i \
                or head.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "mark" for c in v.children):
            return []
        obj = next((c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        groups = [[m for m in g if not place_phrase(m, v.doc)]
                  for g in self.candidates(head, obj, index, source, places=False)]
        return next((g for g in groups if any(m.actor is not None for m in g)), [])

    def home_object(self, v: Token, obj: Token | None, index: MentionIndex,
                    source: Located) -> list[Located]:
        """"Farmers would blockade Paris to demand an end to the EC's reform": a place at
        home that a measure is done to, named as its object, is its target, before any
        party of the purpose clause."""
        s = source.actor
        if obj is None or s is None or not s.country:
            return []
        return [m for m in mentions_at(obj, index, self.keep_unresolved)
                if m.actor is not None and m.actor.type in {"country", "capital"}
                and m.actor.country == s.country and m is not source]

    def conditional_parties(self, v: Token, index: MentionIndex,
                             source: Located) -> list[Located]:
        """Named subjects of the "if"/"unless" clauses of ``v`` or of the act it governs."""
        heads = [v] + [c for c in v.children if c.dep_ in {"xcomp", "ccomp"}]
        for h in heads:
            for c in h.children:
                if conditional(c):
                    found = self.clause_subjects([c], index, source)
                    if found:
                        return found
        return []

    def clause_subjects(self, clauses: list[Token], index: MentionIndex,
                         source: Located) -> list[Located]:
        """The known actors, other than ``source``, that are subjects of ``clauses``."""
        return [m for c in clauses for sub in c.children if sub.dep_ in {"nsubj", "nsubjpass"}
                for m in mentions_at(sub, index, self.keep_unresolved)
                if m.actor is not None and not same_actor(m, source)]

    def pressed_by(self, v: Token, index: MentionIndex, source: Located) -> list[Located]:
        """"Declined to resign despite pressure by the anti-corruption commission": a refusal
        made in spite of a party's pressure, calls or demands rejects that party's demand."""
        heads = [v] + [c for c in v.children if c.dep_ in {"xcomp", "ccomp"}]
        for c in (c for h in heads for c in h.children):
            if c.dep_ != "prep" or c.lower_ != "despite":
                continue
            for n in (p for p in c.children if p.dep_ == "pobj"
                      and p.lemma_.lower() in PRESSURE_NOUNS):
                parties = [q for q in n.children if q.dep_ == "poss"] + [
                    q for pr in n.children if pr.dep_ == "prep" and pr.lower_ in {"by", "from"}
                    for q in pr.children if q.dep_ == "pobj"]
                for q in parties:
                    # "the Kenya Anti-Corruption Commission": a body its state's name qualifies
                    # is that state's organ, even when the refusing party is of that state
                    words = [q] + [w for w in q.children if w.dep_ in {"compound", "amod"}]
                    found = [m for w in words for m in mentions_at(w, index, self.keep_unresolved)
                             if m.actor is not None and m.head != source.head
                             and (w.i != q.i or not same_actor(m, source))]
                    if found:
                        return found[:1]
        return []

    def protested(self, v: Token, index: MentionIndex, source: Located) -> list[Located]:
        """"Struck over a bill signed by the labour minister", "rioted following a
        demonstration calling for the president's removal": a protest naming no party is
        aimed at the author of the measure it is over, or at whom its demand names."""
        for c in v.children:
            if c.dep_ != "prep" or _comparison(c):
                continue
            for t in subtree(c, {"relcl", "advcl", "ccomp"}):
                m = index.at(t.i)
                if m is not None and m.head == t.i and m.actor is not None \
                        and m.actor.country and not same_actor(m, source) \
                        and not place_phrase(m, v.doc) and not _modifies_actor(t, index):
                    return mentions_at(t, index, self.keep_unresolved)
        return []

    def unnamed_counterpart(self, v: Token, index: MentionIndex, source: Located,
                            code: str) -> list[Located]:
        """The party a refusal (12x) or protest (14x) that names none is aimed at."""
        if code[:2] == "12":
            return self.pressed_by(v, index, source)
        return self.protested(v, index, source) if code[:2] == "14" else []

    def said_about(self, v: Token, index: MentionIndex, source: Located) -> list[Located]:
        """"The council said that an arms embargo against Norland would not work": the known
        actors, other than ``source``, that the subject phrases of the clauses said name
        (the phrase's head or the object of a preposition in it; a pronoun names no one). A
        bare agent ("a senior official said") speaks for no one the text names."""
        out: list[Located] = []
        if stateless(source):
            return out
        for c in v.children:
            if c.dep_ != "ccomp":
                continue
            for sub in (s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}):
                for t in [sub, *(p for p in sub.subtree if p.dep_ == "pobj")]:
                    if t.pos_ == "PRON":
                        continue
                    out.extend(m for m in mentions_at(t, index, self.keep_unresolved)
                               if m.actor is not None and not same_actor(m, source)
                               and c.left_edge.i <= m.head <= c.right_edge.i and m not in out)
        return out
