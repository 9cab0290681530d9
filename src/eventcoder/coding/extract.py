"""Source -> action -> target triples from the dependency parse, coded in CAMEO.

For every verb the verb dictionary knows:
- sources: the subject (or the ``by`` agent of a passive), expanded over conjunctions ("the US and
  the EU"); a verb without a subject borrows it from the verb it is joined to or governed by
  ("refused to ...", "... and halted ...");
- targets (targets.py): the direct object (or the passive subject), then actors in objects of
  the verb's prepositions ("to Ukraine", "through China"), then actors inside the object phrase
  ("tariffs on Russian imports"), then the object of a purpose clause ("halted aid to force
  Zelensky");
- code: the most specific verb pattern matching the verb's particle, objects and prepositions;
  objects joined by "and" are coded one by one, so "threatened tariffs and troops" can give two.
No pattern, no event: nothing falls back to a generic code.

Derived events (intent.py): a stated intention, refusal or demand is itself an asserted CAMEO
event ("will give aid" -> 0331, "will not accept" -> 12x, "said Y must" -> 10x), while the
planned act keeps its own modality. Violence against a named victim with no named doer gets
an unknown source; a foreign place stands in for a missing target of visits, protest and
force, as in PETRARCH.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..actors.entries import Discards
from ..actors.mentions import Located, MentionIndex
from ..records import Article, Event, Evidence, Mention, Modality, Place, content_hash
from .arguments import (
    LETHAL_SUBJECTS,
    conjuncts,
    mentions_at,
    passive,
    patients,
    subjects_of,
    weapon_act,
)
from .derived import DerivedEvents
from .event_coref import linked_acts
from .frames import infinitive_match, verb_frame, verb_word
from .intent import demanded_by_speaker, intending_verb
from .modality import attempted, going_to_future, is_reported, modality_of
from .nominal import noun_events
from .ontology import FORCE_ROOTS, Ontology
from .placement import place_as_target, states_implied
from .speech import SAYING_ONLY
from .targets import (
    MEASURE_ROOTS,
    TargetFinder,
    can_host,
    demand_clauses,
    describing,
    place_phrase,
    said_of_coded_clause,
    same_actor,
    stateless,
)
from .verbs import VerbLexicon, VerbMatch
from .when import resolve_when
from .where import Geolocator

log = logging.getLogger(__name__)

UNTARGETED_DROP = {"010", "01"}  # "X said" alone is a quote, not an event
# Acts that often have no named counterpart: protests, yielding, mobilising, violence.
UNTARGETED_ROOTS = {"08", "14", "15", "17", "18", "19", "20"}
# coercion, violence and investigation: acts done to someone by doers news often leaves
# unnamed ("was arrested", "was put under investigation")
UNKNOWN_DOER_ROOTS = {"09", "17", "18", "19", "20"}
# "killed by an improvised explosive device / unknown gunmen": a weapon or doer left unnamed
LETHAL_AGENTS = {"device", "ied", "weapon", "gun", "gunman", "gunmen", "sniper", "assailant",
                 "attacker", "militant", "bomber", "terrorist", "assassin"}
PARTICLES = {"off", "out", "up", "down", "away", "back"}
# withdrawing troops (0874) or peacekeepers (1661), demobilizing them (0873): their side's acts
FORCES_WITHDRAWN = {"0873", "0874", "1661"}
# ", killing eight people" after an attack: the toll of that attack, not a second act
TOLL_VERBS = {"kill", "wound", "injure", "maim", "hurt"}
UNARMED_FORCE = {"191", "192"}  # "entered the village, killing three": blockade, occupation
# how sure an event with no named counterpart is, as if its target were a mention this sure.
# A missing target makes the record less complete, not less likely to be right, so it ranks
# with a resolved party. (Measured: ranking bare events below place-inferred ones, 0.45,
# raises PLOVER dyad accuracy 0.658 -> 0.677 but lowers type macro-F1 0.806 -> 0.800.)
UNTARGETED_SCORE = 0.8


@dataclass(frozen=True, slots=True)
class Triple:
    verb: Token
    source: Located
    target: Located | None
    match: VerbMatch


def _event_key(e: Event) -> tuple[int, int, str | None, int | None, str, str]:
    """One event per sentence, dyad, CAMEO root and modality. The source's code counts too:
    "lawmakers and officials in Arnor and Gondor" places two agents on the one name."""
    return (e.evidence.start, e.source.start, e.source.actor.code if e.source.actor else None,
            e.target.start if e.target else None, e.cameo_root, e.modality)


def _specificity(e: Event) -> tuple[int, bool, float]:
    return (len(e.cameo), not e.cameo.endswith("0"), e.confidence)


def _toll(v: Token) -> bool:
    """"killing at least eight people" as a participle clause of the verb before it."""
    return v.lemma_.lower() in TOLL_VERBS and v.tag_ == "VBG" and v.dep_ in {"advcl", "conj"} \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in v.children)


def _head_verb(match: VerbMatch, v: Token) -> bool:
    """Is ``v`` the verb its dictionary block is named after ("agree" in AGREE), rather than
    one of the block's looser synonyms ("add" in GRANT)?"""
    block = match.pattern.split("/", 1)[0].removeprefix("C_").lower()
    return block.split("_")[0] == v.lemma_.lower()


class EventExtractor:
    """Turns a parsed article plus its mentions into coded events."""

    def __init__(self, lexicon: VerbLexicon, ontology: Ontology, keep_unresolved: bool = True,
                 geolocator: Geolocator | None = None, discards: Discards | None = None) -> None:
        self.discards = discards
        self.lexicon = lexicon
        self.ontology = ontology
        self.keep_unresolved = keep_unresolved
        self.targets = TargetFinder(keep_unresolved)
        self.derived = DerivedEvents(self.targets, keep_unresolved)
        self.geolocator = geolocator

    def extract(self, doc: Doc, index: MentionIndex, article: Article) -> list[Event]:
        best: dict[tuple[object, ...], Event] = {}
        triples = list(self.triples(doc, index))
        # "prepared to resume shelling": the intention is coded from the act it names
        # (150); the bare intent verb's own generic code (030) would count it twice
        stating = {intending_verb(t.verb, t.match.code) for t in triples}
        forceful = {(t.verb.i, t.source.start) for t in triples
                    if (t.match.code or "")[:2] in FORCE_ROOTS
                    and (t.match.code or "")[:3] not in UNARMED_FORCE}
        acts = {v for v, _ in forceful}
        coded_verbs = {t.verb.i for t in triples}
        for triple in triples:
            if said_of_coded_clause(triple.verb, triple.target, triple.match.code, coded_verbs):
                continue
            if triple.match.default and triple.verb.i in stating \
                    and (triple.match.code or "").startswith("03"):
                continue
            if _toll(triple.verb) and (triple.verb.head.i, triple.source.start) in forceful:
                continue  # "shelled the city, killing 20": the shelling's toll
            if (means := weapon_act(triple.verb)) is not None and means.i in acts:
                continue  # "blown up by a missile fired by rebels": one act, not two
            for event in self._events(triple, article, index):
                # One event per dyad, root and modality in a sentence: "announced it would
                # impose sanctions" codes 163 on both verbs; keep the most specific code.
                key = _event_key(event)
                old = best.get(key)
                if old is None or _specificity(event) > _specificity(old):
                    best[key] = event
        for event in self._uncoded_demands(doc, index, article, best):
            best[_event_key(event)] = event
        coded = {span[0].i for e in best.values()
                 if (span := doc.char_span(e.evidence.trigger_start, e.evidence.trigger_end,
                                           alignment_mode="expand")) is not None and len(span)}
        for ne in noun_events(list(doc), index, coded):
            match = VerbMatch(code=ne.code, reverse_code=None,
                              pattern=f"noun:{ne.noun.lemma_.lower()}", specificity=1,
                              default=False)
            for event in self._events(Triple(ne.noun, ne.source, ne.target, match), article,
                                      index):
                best.setdefault(_event_key(event), event)
        # stable: at one trigger the main event comes before its reverse ("hosted": 043, 042)
        ordered = sorted(best.values(), key=lambda e: e.evidence.trigger_start)
        return linked_acts(ordered, doc)

    def _uncoded_demands(self, doc: Doc, index: MentionIndex, article: Article,
                         coded: dict[tuple[object, ...], Event]) -> Iterator[Event]:
        """"X said Y must <act>" is a demand (100) even when <act> has no verb pattern."""
        demanded = {(e.evidence.start, e.source.start, e.target.start if e.target else None)
                    for e in coded.values() if e.cameo_root == "10"}
        for v in doc:
            speech = demanded_by_speaker(v) if v.pos_ in {"VERB", "AUX"} else None
            if speech is None:
                continue
            for target in subjects_of(v, index, self.keep_unresolved):
                for speaker in subjects_of(speech, index, self.keep_unresolved):
                    # (character offsets, as the coded events' mentions have them)
                    key = (v.sent.start_char, speaker.mention.start, target.mention.start)
                    if key in demanded or same_actor(speaker, target):
                        continue
                    match = VerbMatch(code="100", reverse_code=None,
                                      pattern=f"{speech.lemma_}(that X must {v.lemma_})",
                                      specificity=1, default=False)
                    yield from self._events(Triple(speech, speaker, target, match), article,
                                            index)

    # -- triples --------------------------------------------------------------------------------
    def triples(self, doc: Doc, index: MentionIndex) -> Iterator[Triple]:
        lemmas = self.lexicon.lemmas()
        skipped = {s.start for s in doc.sents
                   if self.discards is not None and self.discards.check(s.text) == "sentence"}
        for v in doc:
            if v.pos_ not in {"VERB", "AUX"} or verb_word(self.lexicon, v) not in lemmas \
                    or going_to_future(v):
                continue
            if skipped and v.sent.start in skipped:
                continue  # a discard phrase ("typhoon", "football") rules the sentence out
            sources = subjects_of(v, index, self.keep_unresolved)
            if not sources:
                yield from self._unknown_doer(v, index)
                yield from self._agentless_passive(v, index)
                continue
            for source in sources:
                # "Jordan and Britain agreed ...": with no other party named, the joint
                # subjects are each other's counterparts
                partners = [s for s in sources if s is not source and not same_actor(s, source)]
                for target, match in self._coded_targets(v, index, source, partners):
                    doer = next(iter(self._marked_doers(v, match, index, source)), None)
                    if doer is not None:
                        # "received money from Osgiliath" ("* money (from $)"): the marked
                        # object gives, the subject receives
                        yield Triple(v, doer, source, match)
                    else:
                        yield Triple(v, source, target, match)

    def _unknown_doer(self, v: Token, index: MentionIndex) -> Iterator[Triple]:
        """"Three civilians were killed in a bombing": violence against a named victim is an
        event even when the text never says who did it. The source is recorded as unknown
        (an empty mention with no actor), never guessed."""
        is_passive = passive(v)
        # "A roadside bombing killed one U.S. soldier": an act or a weapon as subject leaves
        # the doer out as a passive does; any other subject was simply not an actor
        weapon = any(c.dep_ == "nsubj" and c.lemma_.lower() in LETHAL_SUBJECTS
                     for c in v.children)
        # "an attempt to assassinate the governor was foiled": the attempt was made by someone
        # the text does not name
        if not is_passive and not weapon and not attempted(v):
            return
        if any(p.dep_ == "pobj" and p.lemma_.lower() not in LETHAL_SUBJECTS | LETHAL_AGENTS
               and index.at(p.i) is None
               for c in v.children if c.dep_ == "agent" for p in c.children):
            return  # "killed by the crash", "by floods": the text names a cause, not a doer
        unknown = Located(v.i, v.i, v.i, Mention(text="", start=v.idx, end=v.idx,
                                                 method="unknown"), "unknown")
        hit = patients(v) if is_passive else [c for c in v.children if c.dep_ == "dobj"]
        victims = [m for c in hit
                   for m in mentions_at(c, index, self.keep_unresolved) if m.actor is not None]
        if not victims:
            return
        frame = verb_frame(self.lexicon, v, None, unknown)
        match = self.lexicon.match(frame)
        if match is None or (match.code or "")[:2] not in UNKNOWN_DOER_ROOTS:
            return
        for victim in victims:
            yield Triple(v, unknown, victim, match)

    def _marked_doers(self, v: Token, match: VerbMatch, index: MentionIndex,
                      other: Located) -> list[Located]:
        """The parties at the preposition a pattern marks as the doer's ("* money (from $)"),
        other than ``other``."""
        return [m for m in self.targets.prep_objects(v, match.source_prep, index)
                if not same_actor(m, other)] if match.source_prep else []

    def _agentless_passive(self, v: Token, index: MentionIndex) -> Iterator[Triple]:
        """A passive with no "by" agent. A pattern that marks the doer at a preposition names
        him: "+ * (FROM $)" for "X was freed from Y" (Y freed X; the target is the subject
        before the verb). Forces withdrawn with no one named as withdrawing them ("Eighty UN
        peacekeepers were shipped out of Gorazde", "Russian troops were pulled out") are
        withdrawn by their own side, the state or body the text names them by."""
        if not passive(v) or any(c.dep_ == "agent" for c in v.children):
            return
        for patient in (m for p in patients(v) for m in mentions_at(p, index, False)
                        if m.actor is not None):
            kind = patient.actor.type if patient.actor is not None else None
            for target, match in self._coded_targets(v, index, patient, []):
                doer = next((m for m in self._marked_doers(v, match, index, patient)
                             if m.actor is not None), None)
                if doer is not None:
                    yield Triple(v, doer, target if match.target_prep else patient, match)
                elif match.code in FORCES_WITHDRAWN and kind in {"country", "igo", "agent"}:
                    yield Triple(v, patient, target, match)

    def _coded_targets(self, v: Token, index: MentionIndex, source: Located,
                       partners: list[Located]) -> Iterator[tuple[Located | None, VerbMatch]]:
        objs = [c for c in v.children if c.dep_ == "dobj"] + patients(v)
        conj_objs = conjuncts(objs[0]) if objs else [None]
        codes: set[str] = set()
        for obj in conj_objs:
            frame = verb_frame(self.lexicon, v, obj, source)
            match = self.lexicon.match(frame)
            infinitive = infinitive_match(self.lexicon, v, frame) \
                if match is None or match.default else None
            if infinitive is not None:
                match = infinitive[0]
            if obj is None and (match is None or match.default):
                # "have cordoned off the roads": a particle the parser read as a preposition,
                # its "object" the verb's own
                for c in v.children:
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if c.dep_ == "prep" and c.lower_ in PARTICLES and pobj is not None:
                        phrasal = self.lexicon.match(
                            verb_frame(self.lexicon, v, pobj, source, c.lower_))
                        if phrasal is not None:
                            match, obj = phrasal, pobj
                            break
            if match is None:
                continue
            key = f"{match.code}:{match.reverse_code}"
            if key in codes:
                continue
            groups = self.targets.candidates(v, obj, index, source, places=not partners)
            if not groups and obj is None:
                groups = self.targets.shared_object(v, index, source, places=not partners)
            first = conj_objs[0]  # a later conjunct with no party of its own takes the first's
            if not groups and (-1 if obj is None else obj.i) != (-1 if first is None else first.i):
                groups = self.targets.candidates(v, first, index, source, places=not partners)
            # an unknown name ("celebrated Iftar with the leaders of Gondor") gives way to a
            # known party further on
            targets = next((g for g in groups if any(m.actor is not None for m in g)),
                           groups[0] if groups else [])
            if targets and all(stateless(m) for m in targets):
                # "provided military intelligence to Macedonia", "mobilized reservists for
                # a war against Iraq": a bare sector with no state is what is given or
                # moved; a state named as the other party is the counterpart
                # not a state named inside the object ("leaders of Egypt's Brotherhood")
                inside = describing(obj) if obj is not None else set()
                inside.update(i for m in targets for i in describing(v.doc[m.head]))
                targets = next((g for g in groups[groups.index(targets) + 1:]
                                if any(m.actor is not None and m.actor.country
                                       and m.head not in inside
                                       and not place_phrase(m, v.doc) for m in g)), targets)
            if not targets and (match.code or "")[:2] in {"10", "13"}:
                # "reiterated its demand that Israel ease restrictions", "insisted on its
                # demands that Burundi's government grant ...": who must comply
                targets = self.targets.clause_subjects(demand_clauses(v), index, source)
            if not targets and (match.code or "")[:2] in {"12", "14"}:
                targets = self.targets.unnamed_counterpart(v, index, source, match.code or "")
            if (match.code or "")[:2] in MEASURE_ROOTS:
                targets = self.targets.home_object(v, obj, index, source) or targets or \
                    self.targets.measure_target(v, obj, index, source, match.code or "")
            if not targets and not groups:
                targets = self.targets.participle_targets(v, index, source)
            if not targets and infinitive is not None:
                # the party the matched phrase names, as a prepositional phrase's
                targets = self.targets.in_phrase(infinitive[1], index, source)
            code = match.code or ""
            if not targets and code[:2] == "01" and code not in UNTARGETED_DROP \
                    and v.lemma_.lower() in SAYING_ONLY:
                # "Arnor believes Dagolath can cope" coded as a comment (012): a comment is
                # about the parties its clause names
                targets = self.targets.clause_subjects(
                    [c for c in v.children if c.dep_ == "ccomp"], index, source)
            if not targets and code == "010" and v.lemma_.lower() in SAYING_ONLY:
                # "The Nasgul said that an arms embargo against Mordor would not work": a
                # statement is about the parties its clause's subject names, as PETRARCH codes
                # it, unless the clause codes an act of its own (extract drops it then)
                targets = self.targets.said_about(v, index, source)
            named_obj = obj is not None and any(
                m.actor is not None and not same_actor(m, source)
                for m in mentions_at(obj, index, self.keep_unresolved))
            if (match.code or "")[:2] == "13" and not named_obj:
                # "threatened to launch an offensive unless Baghdad accepted": the party
                # whose compliance the threat demands is its target
                targets = self.targets.conditional_parties(v, index, source) or targets
            if match.target_prep:
                # the pattern marks whose object is the target: "celebrated Eid at Osgiliath
                # with Gondor" ("* eid (at ^) (with +)") -> Gondor
                marked = [m for m in self.targets.prep_objects(v, match.target_prep, index, obj)
                          if not same_actor(m, source)]
                targets = marked or targets
            if code[:2] == "11" and targets:
                targets = self.targets.criticised(v, index, source, targets)
            if partners and targets and all(m.actor is None for m in targets):
                # "U.S. and Russian negotiators return to Geneva for talks": an unknown name
                # (here a venue) gives way to the joint subjects, who are each other's party
                targets = []
            if not targets and partners and v.lemma_.lower() not in SAYING_ONLY \
                    and (match.code or "")[:2] not in {"01", "14"}:
                # ("US and British activists staged a protest": fellow protesters do not
                # protest against each other)
                codes.add(key)
                for partner in partners:
                    yield partner, match
                continue
            if not targets and (match.code in UNTARGETED_DROP or (
                    match.default and not _head_verb(match, v)
                    and (match.code or "")[:2] not in UNTARGETED_ROOTS)):
                # Precision first: a bare synonym with nobody on the other end ("he added",
                # "it came") says too little to be an event.
                continue
            codes.add(key)
            if not targets:
                yield None, match
            for target in targets:
                yield target, match

    # -- events ---------------------------------------------------------------------------------
    def _place(self, triple: Triple, index: MentionIndex) -> Place | None:
        if self.geolocator is None:
            return None
        actors = [triple.source.actor, triple.target.actor if triple.target else None]
        named = {m.start: m.actor.country for m in index if m.mention.method == "namesake"
                 and m.actor is not None and m.actor.country}  # "Tripoli" in Lebanon
        return self.geolocator.locate(triple.verb, [a.country for a in actors if a], named)

    def _events(self, triple: Triple, article: Article, index: MentionIndex) -> Iterator[Event]:
        v = triple.verb
        sent: Span = v.sent
        # a noun event ("riots are continuing") takes the modality and time of its verb
        clause = v.head if v.pos_ == "NOUN" and v.head.pos_ in {"VERB", "AUX"} else v
        modality = modality_of(clause)
        when = resolve_when(clause, article.date, triple.source.mention)
        place = self._place(triple, index)
        triple = replace(triple, target=place_as_target(
            triple.source, triple.target, triple.match.code or "", place, v.doc))
        # parties whose state the sentence implies (placement.py records each inference)
        parties = states_implied((triple.source, triple.target), place, index, v.doc,
                                 triple.match.code or "")
        triple = replace(triple, source=parties[0], target=parties[1])
        particle = next((c for c in v.children if c.dep_ == "prt"), None)
        trigger_end = particle.idx + len(particle) if particle is not None else v.idx + len(v)
        evidence = Evidence(
            sentence=sent.text, start=sent.start_char, end=sent.end_char,
            trigger=article.text[v.idx:trigger_end], trigger_start=v.idx, trigger_end=trigger_end,
        )
        pairs: list[tuple[Located, Located | None, str | None, Modality]] = [
            (triple.source, triple.target, triple.match.code, modality)]
        if triple.match.reverse_code and triple.target is not None \
                and can_host(triple.target, v):
            pairs.append((triple.target, triple.source, triple.match.reverse_code, modality))
        pairs, governor = self.derived.add(
            pairs, v, triple.source, triple.target, triple.match.code,
            triple.match.reverse_code, modality, place, index, v.doc)
        for src, tgt, code, mod in pairs:
            pattern = triple.match.pattern if code in {triple.match.code,
                                                       triple.match.reverse_code} else \
                f"{governor}({triple.match.code}) -> {code}: {triple.match.pattern}"
            if code is None:
                continue
            if code in self.ontology:
                cameo = self.ontology.get(code)
            else:
                # a user dictionary may use codes our table lacks ("1951"): keep its code,
                # with the category of the parent we know; with no known parent, no event
                parent = next((code[:n] for n in (3, 2) if code[:n] in self.ontology), None)
                log.debug("verb pattern gave unknown code %s; parent %s", code, parent)
                if parent is None:
                    continue
                known = self.ontology.get(parent)
                cameo = replace(known, code=code,
                                description=f"{known.description} (dictionary code {code})")
            confidence = self._confidence(triple, src.mention, tgt.mention if tgt else None)
            eid = content_hash(article.key, str(v.i), str(src.start),
                               str(tgt.start if tgt else -1), code, mod)
            yield Event(
                id=eid, article_id=article.id, source=src.mention,
                target=tgt.mention if tgt else None, cameo=cameo.code,
                quad_class=cameo.quad_class, goldstein=cameo.goldstein, plover=cameo.plover,
                modality=mod, historical=when.historical, evidence=evidence,
                confidence=confidence, date=when.date, date_precision=when.precision,
                reported=is_reported(v), pattern=pattern, location=place,
            )

    @staticmethod
    def _confidence(triple: Triple, source: Mention, target: Mention | None) -> float:
        c = 0.9 if not triple.match.default else 0.7
        # symmetric in source and target, so an event and its reverse rank alike
        other = target.score if target else UNTARGETED_SCORE
        c *= max(source.score, 0.3) ** 0.5 * max(other, 0.3) ** 0.5
        return round(min(1.0, c), 3)
