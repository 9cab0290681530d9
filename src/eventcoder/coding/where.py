"""Where did the action happen? Place mentions near the event, geolocated offline.

Candidates are the place names of the event's sentence: runs of proper-noun tokens ("Gaza
Strip", "Khan Younis", "New York"), with a following region word ("Kursk region") and leading
direction words ("eastern Ukraine", kept in the text but not needed to resolve). Each is looked
up in the packaged :class:`~eventcoder.coding.gazetteer.Gazetteer`; qualifiers narrow it down:
a possessor ("Russia's Kursk region"), a place after a comma ("Paris, Texas", "Bam, Iran"), a
demonym on a generic noun ("the Bosnian town of Gorazde"), and the actors' countries.

Which candidate wins depends on where it hangs in the parse, relative to the trigger verb ``v``:

1. ``prep``: the object of a location preposition ("in", "at", "near", "outside", "into", ...,
   then "to", "from", "out of", ...) in ``v``'s own clause;
2. ``clause``: any other place in ``v``'s clause except its subject ("shelled Kharkiv");
3. ``sentence``: a place elsewhere in the sentence (prepositional ones first), or in the subject;
4. ``actor_country``: nothing named a place: the country of the first actor that has one.

Ties go to the more specific place (city before region before country before a sea or a part of
the world), then the one nearer the verb.
Words that the actor knowledge base knows as a person, organisation, group or IGO ("Hamas",
"NATO") are not places; nor are demonyms ("Russian").
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.kb import KnowledgeBase, normalise
from eventcoder.actors.place_names import water_body
from eventcoder.records import Place

from .arguments import conditional
from .gazetteer import DIRECTIONS, GENERIC_PLACES, REGION_WORDS, Entry, Gazetteer, Hint, agrees

log = logging.getLogger(__name__)

CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl",
               "pcomp"}
STRONG_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout",
                "within", "into", "onto", "over", "along", "off", "beyond",
                "between", "amid", "among"}
WEAK_PREPS = {"to", "toward", "towards", "from", "through", "via", "past", "out", "of", "on"}
SUBJECT_DEPS = {"nsubj", "csubj", "agent", "expl"}
#: Words that join two names into one known name: "Bosnia and Herzegovina", "Isle of Man",
#: "Deir al Balah".
JOINERS = {"and", "of", "al", "el", "ad", "as", "ar", "an", "ash", "az", "de", "la", "le", "du",
           "on", "upon", "am", "bin", "ibn", "&"}
NOT_PLACES = {"person", "organisation", "group", "igo", "agent"}
SKIP_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
#: Other labels are doubtful: the small model calls "Kiev" a PERSON and "Kursk" a PRODUCT, so
#: such a mention must name a prominent place (a country, a region, a city of PROMINENT
#: inhabitants), a place in an actor's country, or follow a location preposition.
PLACE_LABELS = {"GPE", "LOC", "FAC", "ACTOR"}
PROMINENT = 100_000
SPECIFIC = {"city": 0, "other": 0, "region": 1, "country": 2}
_WORD = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # token indices into the doc, end exclusive
    end: int
    entry: Entry
    text_start: int  # token index where the mention's text starts (direction words included)
    hint_span: tuple[int, int] | None  # a qualifier the mention consumed


class Geolocator:
    """Resolves where an event happened. Build with :meth:`default`."""

    def __init__(self, gazetteer: Gazetteer | None = None,
                 kb: KnowledgeBase | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self._kb = kb
        self._joined: dict[str, bool] = {}
        # the last document's candidates by (sentence, countries, named): the events of one
        # sentence mostly ask the same (the document is kept so that its id is not reused)
        self._memo: tuple[Doc, dict[tuple[object, ...], list[_Candidate]]] | None = None

    @classmethod
    def default(cls) -> Geolocator:
        """The packaged gazetteer with the packaged actor knowledge base (shared, cached)."""
        return _default_geolocator()

    def _known(self, text: str) -> bool:
        """Whether a name joined by "and"/"of" is known ("Bosnia and Herzegovina")."""
        key = normalise(text)
        found = self._joined.get(key)
        if found is None:
            if len(self._joined) > 10_000:
                self._joined.clear()
            found = self._joined[key] = bool(self.gazetteer.candidates(key))
        return found

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase.default()
        return self._kb

    # -- names ----------------------------------------------------------------------------------
    def lookup(self, name: str, country_hint: str | None = None) -> Place | None:
        """One place name as written: "Kiev", "Russia's Kursk region", "Paris, Texas",
        "eastern Ukraine", "the city of Mosul". ``country_hint`` (CAMEO or ISO code) ranks
        places in that country first."""
        text = " ".join(name.split())
        hint = Hint(country=self.gazetteer.cameo(country_hint)) if country_hint else None
        if "," in text:
            head, _, qualifier = text.partition(",")
            for q in self._qualifiers(qualifier.strip()):
                e = self._resolve_text(head.strip(), self._hint_of(q))
                if e is not None and agrees(e, self._hint_of(q)):
                    return self._place(e, "lookup", text)
            text = head.strip()
        for mark in ("'s ", "’s ", "' "):
            if mark in text:
                owner, _, rest = text.partition(mark)
                for q in self._qualifiers(owner):
                    e = self._resolve_text(rest, self._hint_of(q))
                    if e is not None:
                        return self._place(e, "lookup", name)
        e = self._resolve_text(text, hint)
        return self._place(e, "lookup", name) if e is not None else None

    def _qualifiers(self, text: str) -> list[Entry]:
        """The countries and regions a qualifier may name, best first ("Georgia": the
        country, then the US state)."""
        if not text or not self._allowed(text):
            return []
        found = [(e, m) for e, m in self.gazetteer.candidates(text)
                 if e.feature in {"country", "region"}]
        found.sort(key=lambda em: -self.gazetteer.rank(em[0], em[1]))
        return [e for e, _ in found]

    def _resolve_text(self, text: str, hint: Hint | None,
                      actor_countries: Sequence[str] = ()) -> Entry | None:
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        lowered = [w.lower() for w in words]
        # "the city of Mosul", "the Bosnian town of Gorazde"
        if "of" in lowered[1:-1]:
            k = lowered.index("of")
            if lowered[k - 1] in GENERIC_PLACES:
                demonym = self.kb.demonym(" ".join(words[: k - 1])) if k > 1 else None
                inner = hint or (Hint(country=demonym) if demonym else None)
                found = self._resolve_text(" ".join(words[k + 1:]), inner, actor_countries)
                if found is not None:
                    return found
        return self._resolve_words(words, hint, actor_countries)

    def _resolve_words(self, words: list[str], hint: Hint | None,
                       actor_countries: Sequence[str], strict: bool = False) -> Entry | None:
        if not words:
            return None
        for drop in range(0, len(words)):
            if drop and words[drop - 1].lower() not in DIRECTIONS:
                break
            rest = words[drop:]
            text = " ".join(rest)
            if not self._allowed(text, strict):
                continue
            e = self.gazetteer.resolve(text, hint, actor_countries)
            if e is not None and drop and e.feature == "city" and e.population < PROMINENT \
                    and not e.news:
                e = None  # "the Western Alliance" is no part of Alliance, Ohio
            if e is not None:
                return e
            if len(rest) > 1 and rest[-1].lower() in REGION_WORDS:
                base = " ".join(rest[:-1])
                if self._allowed(base, strict):
                    e = self.gazetteer.resolve(base, hint, actor_countries, region=True)
                    if e is not None:
                        return e
        return None if strict else self._dictionary_country(" ".join(words))

    def _dictionary_country(self, text: str) -> Entry | None:
        """A country the actor knowledge base knows but the gazetteer does not (a user
        dictionary's state, a former one: "in Yugoslavia") is a place too, with the
        knowledge base's code and no coordinates; only after a location preposition (not
        strict), since such a dictionary may list demonyms as names ("Eriadorian")."""
        found = {e.country: e.name for e in self.kb.lookup(text)
                 if e.type == "country" and e.country}
        if len(found) != 1:
            return None  # (none, or names of several countries)
        (code, name), = found.items()
        return Entry(id=-1, feature="country", name=name, country=code, admin1=None, lat=None,
                     lon=None, population=0, code="", capital=False, news=False, centre=None,
                     admin1_id=None)

    def _allowed(self, text: str, strict: bool = False) -> bool:
        """Not a demonym ("Russian"), not only an organisation, group or IGO of the actor
        knowledge base ("Hamas", "NATO"; but "Brussels" is also a capital) and, with ``strict``,
        not only a person ("Austin" the defence secretary is no place unless "in Austin")."""
        if not _WORD.search(text):
            return False
        found = self.kb.lookup(text)
        if self.kb.demonym(text) and not any(e.type == "country" for e in found):
            return False
        if not found or any(e.type not in NOT_PLACES for e in found):
            return True
        return not strict and all(e.type == "person" for e in found)

    @staticmethod
    def _hint_of(e: Entry) -> Hint:
        if e.feature == "region":
            return Hint(country=e.country, region=e.id)
        return Hint(country=e.country)

    @staticmethod
    def _place(e: Entry, method: str, text: str | None = None, start: int | None = None,
               end: int | None = None) -> Place:
        return Place(name=e.name, country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon,
                     feature=e.feature, method=method, text=text, start=start, end=end)

    # -- events ---------------------------------------------------------------------------------
    def locate(self, v: Token, actor_countries: Sequence[str | None],
               named: Mapping[int, str] | None = None) -> Place | None:
        """Where the event whose trigger is ``v`` happened; ``actor_countries`` are the CAMEO
        country codes of its source and target (``None``s and IGO codes are ignored);
        ``named`` the countries the actor resolver gave place names, by first token ("Tripoli"
        in Lebanon when the article says so: mentions.MentionFinder._namesake_capitals)."""
        countries = [c for c in actor_countries if c]
        sent = v.sent
        best: tuple[tuple[int, int, int], _Candidate, str] | None = None
        for cand in self._candidates(sent, countries, named or {}):
            ranked = self._rank(cand, v)
            if ranked is None:
                continue
            rank, method = ranked
            specific = SPECIFIC.get(cand.entry.feature, 0) if cand.entry.country else 3
            key = (rank, specific, abs(cand.start - v.i))
            if best is None or key < best[0]:
                best = (key, cand, method)
        if best is not None:
            _, cand, method = best
            doc = sent.doc
            span = doc[cand.text_start:cand.end]
            return self._place(cand.entry, method, span.text, span.start_char, span.end_char)
        for code in countries:
            e = self.gazetteer.country(code)
            if e is not None:
                log.debug("no place named near %r: the actors' country %s", v.text, code)
                return self._place(e, "actor_country")
        return None

    def _candidates(self, sent: Span, countries: Sequence[str],
                    named: Mapping[int, str]) -> list[_Candidate]:
        doc = sent.doc
        memo = self._memo
        if memo is None or memo[0] is not doc:
            memo = self._memo = (doc, {})
        key = (sent.start, tuple(countries), tuple(sorted(named.items())))
        found = memo[1].get(key)
        if found is None:
            found = memo[1][key] = self._sentence_candidates(sent, countries, named)
        return found

    def _sentence_candidates(self, sent: Span, countries: Sequence[str],
                             named: Mapping[int, str]) -> list[_Candidate]:
        doc = sent.doc
        runs = _runs(sent, self._known)
        found: list[_Candidate] = []
        for start, end in runs:
            c = self._resolve_run(doc, start, end, runs, countries, named.get(start))
            if c is not None:
                found.append(c)
        consumed = {c.hint_span for c in found if c.hint_span}
        return [c for c in found if (c.text_start, c.end) not in consumed]

    def _resolve_run(self, doc: Doc, start: int, end: int, runs: list[tuple[int, int]],
                     countries: Sequence[str], named: str | None = None) -> _Candidate | None:
        tokens = list(doc[start:end])
        labels = {t.ent_type_ for t in tokens if t.ent_type_}
        if labels and labels <= SKIP_LABELS:
            return None
        options = self._qualifier(doc, start, end, runs)
        if named is not None:
            options.insert(0, (Hint(country=named), None))
        words = [t.text for t in tokens]
        root = doc[start:end].root
        strict = not (root.dep_ == "pobj" and _is_location_prep(root.head))
        # the whole run, then shorter ones ("Kyiv Mayor" -> "Kyiv"), cut only between words
        # and never inside an entity
        for stop in range(len(tokens), 0, -1):
            if stop < len(tokens) and (tokens[stop - 1].whitespace_ == ""
                                       or tokens[stop].ent_iob_ == "I"):
                continue
            e: Entry | None = None
            hint_span: tuple[int, int] | None = None
            for hint, span in options:
                e = self._resolve_words(words[:stop], hint, countries, strict)
                if e is not None and agrees(e, hint):
                    hint_span = span
                    break
            else:
                e = self._resolve_words(words[:stop], None, countries, strict)
            if e is None:
                continue
            root = doc[start:start + stop].root
            if e.feature == "country" and root.dep_ in {"compound", "amod", "nmod"} \
                    and root.head.pos_ == "NOUN":
                return None  # "U.S. soldiers", "the Ukraine war": a modifier, not a place
            doubtful = labels - SKIP_LABELS - PLACE_LABELS
            if doubtful and e.feature == "city" and e.population < PROMINENT \
                    and e.country not in countries:
                if not (root.dep_ == "pobj" and _is_location_prep(root.head)):
                    return None
            first = start
            while first < start + stop - 1 and doc[first].lower_ in DIRECTIONS:
                first += 1
            return _Candidate(first, start + stop, e, start, hint_span)
        return None

    def _qualifier(self, doc: Doc, start: int, end: int, runs: list[tuple[int, int]]
                   ) -> list[tuple[Hint, tuple[int, int] | None]]:
        """What may qualify the run, best first: a possessor before it ("Russia's Kursk
        region"), a place after a comma ("Paris, Texas", "Bam, Iran"), a demonym or a place on
        a generic noun before it ("the Bosnian town of Gorazde", "the West Bank city of
        Jenin"). Each comes with the run of tokens it consumes."""
        run_at = {s: (s, e) for s, e in runs}
        run_ending = {e: (s, e) for s, e in runs}
        out: list[tuple[Hint, tuple[int, int] | None]] = []
        if start >= 2 and doc[start - 1].lower_ in {"'s", "’s", "'"}:
            owner = run_ending.get(start - 1)
            if owner is not None:
                out += [(self._hint_of(q), owner) for q in self._qualifiers_at(doc, *owner)]
        if end + 1 < len(doc) and doc[end].text == ",":
            after = run_at.get(end + 1)
            if after is not None:
                out += [(self._hint_of(q), after) for q in self._qualifiers_at(doc, *after)]
        k = start - 1
        if k >= 0 and doc[k].lower_ == "of":
            k -= 1
        if k >= 1 and doc[k].lemma_.lower() in GENERIC_PLACES:
            code = self.kb.demonym(doc[k - 1].text)
            if code:
                out.append((Hint(country=code), None))
            owner = run_ending.get(k)
            if owner is not None:
                out += [(self._hint_of(q), owner) for q in self._qualifiers_at(doc, *owner)]
        return out

    def _qualifiers_at(self, doc: Doc, start: int, end: int) -> list[Entry]:
        words = [t.text for t in doc[start:end]]
        while len(words) > 1 and words[0].lower() in DIRECTIONS:
            words = words[1:]
        return self._qualifiers(" ".join(words))

    def _rank(self, cand: _Candidate, v: Token) -> tuple[int, str] | None:
        """How near ``cand`` is to the act of ``v``; None for a place named only in a
        condition on it ("will not accept refugees if war starts in Iraq")."""
        doc = v.doc
        root = doc[cand.start:cand.end].root
        prep: Token | None = None
        slot: str | None = None
        in_clause = False
        x = root
        steps = 0
        while steps < 50:
            steps += 1
            if x.i == v.i:
                in_clause = True
                break
            head = x.head
            if head.i == x.i:
                break
            if x.dep_ in CLAUSE_DEPS and x.pos_ in {"VERB", "AUX"} and not (
                    x.dep_ == "acl" and x.tag_ == "VBG"):
                # (a participle on a noun, "lines leading into Kabul", describes the
                # thing acted on, within the clause)
                if conditional(x):
                    return None
                break  # crossed into another clause
            if x.dep_ == "pobj" and prep is None and _is_location_prep(head):
                prep = head
            if head.i == v.i:
                slot = x.dep_
            x = head
        if in_clause and slot not in SUBJECT_DEPS:
            if prep is not None:
                return (0 if prep.lower_ in STRONG_PREPS else 1), "prep"
            return 2, "clause"
        # elsewhere: after a location preposition ("a bombing near Samarra killed ..."), then
        # anything else, the subject's own words included
        return (3 if prep is not None else 4), "sentence"


def _is_location_prep(p: Token) -> bool:
    word = p.lower_
    if word == "of":  # only "out of"; "the city of X" is transparent, "the people of X" is not
        return p.head.lower_ == "out" or any(c.lower_ == "out" for c in p.head.children)
    return p.dep_ in {"prep", "prt", "advmod"} and (word in STRONG_PREPS or word in WEAK_PREPS)


def _name_like(t: Token, sent_start: int) -> bool:
    """(``sent_start``: the start of ``t``'s sentence, which ``t.sent`` would rebuild)"""
    if t.pos_ == "PROPN":
        return t.text[:1].isalpha()
    return t.text[:1].isupper() and t.pos_ in {"NOUN", "ADJ", "VERB", "X"} \
        and t.i > sent_start


def _runs(sent: Span, known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Maximal runs of name tokens: hyphen-joined words ("Rostov-on-Don"), known names with
    "and"/"of" inside ("Bosnia and Herzegovina"), leading direction words ("eastern Ukraine")
    and a trailing region word ("Kursk region")."""
    out: list[tuple[int, int]] = []
    doc = sent.doc
    i, end = sent.start, sent.end
    while i < end:
        if not _name_like(doc[i], sent.start) or doc[i].lower_ == "the":
            i += 1
            continue
        start = i
        while start > sent.start and doc[start - 1].lower_ in DIRECTIONS:
            start -= 1
        j = i + 1
        while j < end:
            u = doc[j]
            glued = doc[j - 1].whitespace_ == "" and (u.text == "-" or u.is_alpha) \
                and u.lower_ not in {"'s", "’s"}
            if glued or _name_like(u, sent.start):
                j += 1
                continue
            if u.lower_ in JOINERS and j + 1 < end and _name_like(doc[j + 1], sent.start) \
                    and known(_text(doc, start, j + 2)):
                j += 2
                continue
            break
        if j < end and doc[j].lower_ in REGION_WORDS:
            j += 1
        if not water_body(doc[start:j]):  # "the Gulf of Oman" is a sea, not Oman
            out.append((start, j))
        i = j
    return out


def _text(doc: Doc, start: int, end: int) -> str:
    words = [t.text for t in doc[start:end]]
    while words and words[0].lower() in DIRECTIONS:
        words = words[1:]
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def _default_geolocator() -> Geolocator:
    return Geolocator()
