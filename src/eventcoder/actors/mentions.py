"""Find actor mentions in a parsed article and resolve each one to an actor.

Cascade (each step records ``method`` and ``score`` on the mention):

1. ``alias``    names the knowledge base knows (marked by the EntityRuler, label ACTOR);
   (``namesake``: a capital's name shared by a city the article places in another country,
   "Tripoli ... the north Lebanese port" -> LBN);
2. ``demonym``  "Russians", "the Latvian" -> the country;
3. ``surname``  later short forms of a full name seen earlier ("Stavridis"), "V. Zelensky";
4. ``gazetteer`` a place name only the gazetteer knows ("Istanbul") -> its country;
   ``fuzzy``    garbled names matched by the name matchers (see fuzzy.py: "Voldimi Zelensky");
5. ``document`` a garbled name repaired by a close surname elsewhere in the article;
6. ``title``    an unknown name with a title: "Latvian Defense Minister Andris X" -> LVAGOV;
7. ``role``     a title with a country: "the Russian president" -> the holder on the article date;
8. ``agent``    a sector noun with a country: "Ukrainian troops" -> UKRMIL (steps 6-8, office
                holders and IGO officials: see titles.py, agent phrases: agent_phrases.py);
9. ``coref``    pronouns and bare titles (see coref.py).

Unknown names stay unresolved (``actor`` is None) rather than being forced onto a wrong actor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz.distance import JaroWinkler
from spacy.tokens import Doc, Span

from ..records import Actor, Mention
from .entries import agent_sector, compose_code, with_country
from .kb import Entry, KnowledgeBase
from .place_names import PlaceLookup, city_country, namesake_country, water_body

if TYPE_CHECKING:
    from .titles import TitleResolver

log = logging.getLogger(__name__)

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# sectors of a state's own institutions: one state's body cannot belong to another state
# (not coding.placement.STATE_SECTORS, the doers of repression at home)
INSTITUTION_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# states whose persons' names are written family name first in English-language news
# (China, Taiwan, Hong Kong, Macau, both Koreas, Cambodia, Singapore)
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM", "SGP"}
DOCUMENT_MATCH = 0.88  # Jaro-Winkler on surnames within one article
PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}
LANGUAGE_NOUNS = {"language", "languages", "tongue", "dialect", "alphabet", "script"}

# capitalised nouns that name a state's body when a country qualifies them ("the Montenegro
# Assembly", "the Serbian Assembly"); in lower case they are gatherings
STATE_BODIES = {"assembly": ("LEG", "legislature")}
# heads of the names of civic bodies: an unknown one no country qualifies is an NGO
CIVIC_BODIES = {"Association", "Forum", "Foundation", "Society", "Institute"}

# A hook for noise-robust matching: text of an unknown name -> (entry, score) or None.
NameMatcher = Callable[[str, "MentionContext"], "tuple[Entry, float] | None"]


@dataclass(frozen=True, slots=True)
class MentionContext:
    """What a name matcher may use to break ties."""

    sentence: str
    country_hint: str | None
    sector_hint: str | None
    on: date | None
    label: str | None = None  # the NER label of the name (PERSON, ORG, GPE)


@dataclass(slots=True)
class Located:
    """A mention with its token span; stays inside actors/ and coding/."""

    start: int  # token indices, end exclusive
    end: int
    head: int  # token index of the syntactic head
    mention: Mention
    kind: str  # name, title, role, agent, demonym, pronoun, bare_title
    label: str = ""  # NER label of names (PERSON, ORG, GPE, ACTOR, ...)

    @property
    def actor(self) -> Actor | None:
        return self.mention.actor


class MentionIndex:
    """All mentions of one article in token order, with a token -> mention lookup."""

    def __init__(self, located: list[Located]) -> None:
        self.items = sorted(located, key=lambda m: m.start)
        self._by_token: dict[int, Located] = {}
        for m in self.items:
            for i in range(m.start, m.end):
                self._by_token[i] = m

    def at(self, i: int) -> Located | None:
        return self._by_token.get(i)

    def together(self, m: Located) -> list[Located]:
        """Further actors ``m`` stands for jointly ("they" after "Obama and Putin"); only
        coreference (coref.ResolvedIndex) knows any."""
        return []

    def __iter__(self) -> Iterator[Located]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def records(self) -> tuple[Mention, ...]:
        return tuple(m.mention for m in self.items)


def _mention(span: Span | Doc, start: int, end: int, actor: Actor | None, method: str,
             score: float) -> Mention:
    doc = span.doc if isinstance(span, Span) else span
    s = doc[start:end]
    return Mention(text=s.text, start=s.start_char, end=s.end_char, actor=actor, method=method,
                   score=score)


def country_actor(kb: KnowledgeBase, country: str) -> Actor:
    """The actor of a CAMEO country code ("RUS" -> Russia)."""
    entry = kb.get(f"country:{country}")
    if entry is not None:
        return kb.actor(entry)
    for e in kb.lookup(country):
        if e.type == "country":
            return kb.actor(e)
    return Actor(code=country, name=country, country=country, type="country")


def _language(span: Span) -> bool:
    """A demonym naming a language ("the Russian language", "Kurdish-language media")."""
    doc = span.doc
    head = span.root.head if span.root.dep_ in {"amod", "compound", "nmod"} else None
    if head is not None and head.lemma_.lower() in LANGUAGE_NOUNS:
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text == "-" and span.end + 1 < len(doc):
        nxt = doc[span.end + 1]
    return nxt is not None and nxt.lower_ in LANGUAGE_NOUNS


class MentionFinder:
    """Runs the resolution cascade over one parsed article."""

    def __init__(self, kb: KnowledgeBase, name_matchers: tuple[NameMatcher, ...] = (),
                 places: PlaceLookup | None = None) -> None:
        from .titles import TitleResolver  # local import: titles builds on this module

        self.kb = kb
        self.name_matchers = name_matchers
        self.places = places
        self.titles: TitleResolver = TitleResolver(kb)

    # -- public -----------------------------------------------------------------------------
    def find(self, doc: Doc, on: date | None) -> MentionIndex:
        from .coref import resolve_references  # local import: coref builds on this module

        names = self._names(doc, on)
        self._repair_from_document(doc, names)
        # Demonyms may be absorbed by the agent phrase they modify ("Ukrainian troops").
        taken = {i for m in names if m.kind != "demonym" for i in range(m.start, m.end)}
        agents = self.titles.titles_and_agents(doc, on, taken, names)
        self._ethnic_residence(doc, names, agents)
        covered = {i for m in agents for i in range(m.start, m.end)}
        names = [m for m in names if m.kind != "demonym" or m.head not in covered]
        # A title may have widened a name over a garbled first name NER split off.
        names = [m for m in names if not any(o is not m and o.start <= m.start and m.end <= o.end
                                             and (o.end - o.start) > (m.end - m.start)
                                             for o in names)]
        self.titles.igo_officials(doc, names, agents)
        index = MentionIndex(names + agents)
        return resolve_references(doc, index, self.kb, on)

    # -- names ------------------------------------------------------------------------------
    def _names(self, doc: Doc, on: date | None) -> list[Located]:
        out: list[Located] = []
        persons: dict[str, Located] = {}  # surname -> first full-name mention
        family: dict[str, set[tuple[str, str]]] = {}  # first word of a name -> the persons
        leading: dict[str, Located] = {}  # ... when only one person of the article has it
        for ent in doc.ents:
            if ent.label_ != "ACTOR" and ent.label_ not in NAME_LABELS:
                continue
            start, end = self._trim(ent)
            if start >= end:
                continue
            if end < len(doc) and self.kb.demonym(doc[start:end + 1].text):
                end += 1  # NER split a two-word demonym: "Sierra | Leonean refugees"
            span = doc[start:end]
            if water_body(span):
                continue  # "the Gulf of Oman", "the Sea of Japan": a sea, not the state
            loc = self._resolve_name(doc, span, ent.label_, on, {**leading, **persons})
            if loc is None:
                continue
            loc.label = ent.label_
            out.append(loc)
            a = loc.actor
            if a is not None and a.type == "person" and len(span) >= 2:
                persons.setdefault(span[-1].text.lower(), loc)
                # where the family name is written first ("Lee Jae-myung", "Xi Jinping", "Hun
                # Sen") the first word is the short form, unless two persons of the article
                # share it ("Kim Jong Un", "Kim Yo Jong") or it is another person's surname;
                # elsewhere the first word is a given name ("Joe" is not Joe Biden)
                first = a.name.split()[0].lower() \
                    if len(a.name.split()) >= 2 and a.country in FAMILY_NAME_FIRST else ""
                if first and first not in persons:
                    family.setdefault(first, set()).add((a.code, a.name))
                    if len(family[first]) == 1:
                        leading[first] = loc
                    else:
                        leading.pop(first, None)
        self._ethnic_residence(doc, out)
        self._defined_acronyms(doc, out)
        self._namesake_capitals(doc, out)
        self._possessed_institutions(doc, out)
        return out

    def _possessed_institutions(self, doc: Doc, names: list[Located]) -> None:
        """"South Korea's Joint Chiefs of Staff": a state institution the knowledge base knows
        for one state (the US Joint Chiefs), owned by another state in the text, is that
        state's own body of the same sector (KORMIL)."""
        by_head = {m.head: m for m in names}
        for m in names:
            a = m.actor
            if a is None or a.type != "organisation" or not a.country \
                    or a.sector not in INSTITUTION_SECTORS:
                continue
            owner = next((by_head.get(c.i) for c in doc[m.head].children if c.dep_ == "poss"),
                         None)
            o = owner.actor if owner is not None else None
            if owner is None or o is None or o.type not in {"country", "capital"} \
                    or not o.country or o.country == a.country:
                continue
            actor = replace(a, code=o.country + a.sector, country=o.country, kb_id=None,
                            name=f"{m.mention.text} ({o.name})", type="agent")
            m.mention = replace(m.mention, actor=actor, method="owner", score=0.8,
                                antecedent=owner.mention.text)

    def _namesake_capitals(self, doc: Doc, names: list[Located]) -> None:
        """A capital's name used for a town of another country (see place_names)."""
        if self.places is None:
            return
        for m in names:
            country = namesake_country(doc, m, names, self.places)
            if country is not None:
                m.mention = replace(m.mention, actor=replace(
                    self._country_actor(country), name=m.mention.text, type="capital",
                    kb_id=None), method="namesake", score=0.8)

    @staticmethod
    def _defined_acronyms(doc: Doc, names: list[Located]) -> None:
        """An acronym the article defines, "Forces for Defence of Democracy (FDD)", stands
        for that name everywhere in the article, whatever else the knowledge base knows by it
        (FDD is also a US think tank). So does one made of the initials of a name the article
        used before it: "the Rapid Support Forces ... the RSF" (not Reporters sans
        frontières)."""
        defined: dict[str, Located] = {}
        initials: dict[str, Located] = {}
        for m in names:
            if m.actor is None or m.kind == "demonym" or m.end - m.start < 2:
                continue
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
                short = doc[m.end + 1].text
                letters = short.replace(".", "")
                if letters.isupper() and 2 <= len(letters) <= 8 and letters.isalpha():
                    defined.setdefault(short, m)
            capitals = [t.text[0] for t in doc[m.start:m.end] if t.text[:1].isupper()]
            if len(capitals) >= 2:
                initials.setdefault("".join(capitals), m)
        for m in names:
            short = doc[m.start:m.end].text
            full = initials.get(short)
            if m.end - m.start == 1 and short.isupper() and full is not None \
                    and full.start < m.start:
                defined.setdefault(short, full)
        for short, full in defined.items():
            if full.actor is None:
                continue
            for m in names:
                if m is full or doc[m.start:m.end].text != short:
                    continue
                if m.actor is None or m.actor.code != full.actor.code:
                    m.mention = replace(m.mention, actor=full.actor, method="acronym",
                                        score=0.9, antecedent=full.mention.text)

    def _ethnic_residence(self, doc: Doc, names: list[Located],
                          among: list[Located] | None = None) -> None:
        """"ethnic Albanians in south Serbia": an ethnic group named by a demonym and placed in
        a country is coded with the country it lives in (CAMEO codes a state's ethnic
        minorities with that state), not with the state the demonym names; so is an agent of
        ``among`` the ethnic demonym qualifies ("ethnic Albanian guerrillas")."""
        by_head = {m.head: m for m in names}
        for m in names if among is None else among:
            a = m.actor
            # "ethnic Albanians", or an agent the demonym qualifies ("ethnic Albanian
            # guerrillas operating in Macedonia": that state's rebels, MKDREB)
            if m.kind not in {"demonym", "agent"} or a is None or not a.country:
                continue
            head = doc[m.head]
            if not (m.start > 0 and doc[m.start - 1].lower_ == "ethnic") and not any(
                    c.dep_ == "amod" and c.lower_ == "ethnic" for c in head.children):
                continue
            # the place phrase on the noun, or on a participle describing it ("living in",
            # "operating in")
            holders = [head, *(c for c in head.children
                               if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"})]
            for prep in (c for h in holders for c in h.children):
                if prep.dep_ != "prep" or prep.lower_ not in {"in", "inside", "within"}:
                    continue
                for pobj in prep.children:
                    place = by_head.get(pobj.i)
                    if place is None or place.actor is None or place.actor.type != "country" \
                            or not place.actor.country or place.actor.country == a.country:
                        continue
                    country = place.actor.country
                    if m.kind == "demonym":
                        actor = self._country_actor(country)
                    else:
                        actor = replace(a, code=with_country(a.code, a.country, country),
                                        country=country, name=f"{a.name} ({place.actor.name})")
                    m.mention = replace(m.mention, actor=actor, method="demonym+residence",
                                        score=0.8)

    @staticmethod
    def _trim(ent: Span) -> tuple[int, int]:
        """Drop leading determiners and trailing possessive markers from an entity span."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        while end > start and doc[end - 1].tag_ == "POS":
            end -= 1
        return start, end

    def _resolve_name(self, doc: Doc, span: Span, label: str, on: date | None,
                      persons: dict[str, Located]) -> Located | None:
        text = span.text
        entries = self.kb.lookup(text)
        if not entries and label == "ACTOR":
            log.debug("ruler matched %r but lookup found nothing", text)
        if not entries and label != "ACTOR" and self.kb.agent(text.lower()) is not None:
            # "the Ivory Coast's Supreme Court", "the Foreign Ministry": NER tags a generic
            # agent phrase as a name; the agent reading takes the owner's country, where a
            # fuzzy match would pick some state's court
            return None
        if not entries and any(t.text == "(" for t in span[1:]):
            # "Umma (Nation) party", "Homeland Union (Conservatives)": NER kept a gloss
            cut = next(t.i for t in span[1:] if t.text == "(")
            if self.kb.lookup(doc[span.start:cut].text):
                span = doc[span.start:cut]
                text = span.text
                entries = self.kb.lookup(text)
        titled = self.titles.after_title(span) if not entries and label == "PERSON" else None
        if titled is not None:
            # "President Francois Mitterand": NER took the title into the name
            text = titled.text
            entries = self.kb.lookup(text)
        if entries:
            entry = self._choose(self._in_context(doc, entries), on)
            actor = self.kb.actor(entry, on)
            return Located(span.start, span.end, span.root.i,
                           _mention(span, span.start, span.end, actor, "alias", 1.0), "name")
        if label in {"NORP", "GPE", "ORG", "ACTOR", "PERSON"}:
            # the small model often tags "Ukrainian" GPE, and a demonym PERSON ("banned
            # Ugandan opposition candidates", "Bosnian Serbs demanded")
            country = self.kb.demonym(text)
            if country and _language(span):
                return None  # "the use of the Russian language": a language, not its state
            if country:
                actor = self._country_actor(country)
                return Located(span.start, span.end, span.root.i,
                               _mention(span, span.start, span.end, actor, "demonym", 0.9),
                               "demonym")
        # A short form of a name seen earlier in the article ("Stavridis" after the full name).
        if label == "PERSON" and len(span) == 1 and span.text.lower() in persons:
            prev = persons[span.text.lower()]
            m = _mention(span, span.start, span.end, prev.actor, "surname", 0.9)
            return Located(span.start, span.end, span.root.i,
                           replace(m, antecedent=prev.mention.text), "name")
        city = self._city(text) if label == "GPE" else None
        if city is not None:
            return Located(span.start, span.end, span.root.i,
                           _mention(span, span.start, span.end, city, "gazetteer", 0.7), "name")
        if label in {"PERSON", "ORG", "GPE"}:
            ctx = MentionContext(span.sent.text, None, None, on, label=label)
            for matcher in self.name_matchers:
                hit = matcher(text, ctx)
                if hit is not None:
                    entry, score = hit
                    return Located(span.start, span.end, span.root.i,
                                   _mention(span, span.start, span.end, self.kb.actor(entry, on),
                                            "fuzzy", score), "name")
            # "V. Zelensky": an initial and a known surname. A different first name ("Oleksandr
            # Zelensky") is a different person, so only initials qualify.
            if label == "PERSON" and len(span) >= 2 and all(
                    len(t.text.rstrip(".")) == 1 for t in span[:-1]):
                tail = [e for e in self.kb.lookup(span[-1].text) if e.type == "person"]
                if tail:
                    entry = self._choose(tail, on)
                    return Located(span.start, span.end, span.root.i,
                                   _mention(span, span.start, span.end,
                                            self.kb.actor(entry, on), "surname", 0.85), "name")
            if titled is not None:
                # "President Francois Mitterand": an office holder the title singles out
                title = span[:titled.start - span.start]
                office = self.titles.office_holder(titled.text, title.text.lower(), None, on)
                if office is not None:
                    return Located(span.start, span.end, span.root.i,
                                   _mention(span, span.start, span.end, office, "title+name",
                                            0.8), "name")
            org = self._demonym_organisation(span) if label == "ORG" else None
            if org is not None:
                return Located(span.start, span.end, span.root.i,
                               _mention(span, span.start, span.end, org, "demonym+org", 0.7),
                               "name")
            if label == "ORG" and self._civic_organisation(span):
                ngo = Actor(code="NGO", name=span.text, sector="NGO", type="organisation")
                return Located(span.start, span.end, span.root.i,
                               _mention(span, span.start, span.end, ngo, "org-kind", 0.4),
                               "name")
            # Keep unknown names: titles may still give them a country and sector.
            return Located(span.start, span.end, span.root.i,
                           _mention(span, span.start, span.end, None, "unresolved", 0.0), "name")
        return None

    def _city(self, text: str) -> Actor | None:
        """A place name the knowledge base lacks but the gazetteer knows as a town or city
        ("met in Istanbul", "Basra police"): its country, as for a capital (see place_names)."""
        country = city_country(text, self.places) if self.places is not None else None
        if country is None:
            return None
        # typed like a capital: the knowledge base's type for a place that stands for its
        # state, so every place rule treats the town as it treats a capital
        return replace(self._country_actor(country), name=text, type="capital", kb_id=None)

    def _demonym_organisation(self, span: Span) -> Actor | None:
        """An unknown organisation whose name starts with a demonym and names a sector:
        "Nigerian Union of Teachers" -> NGALAB, "Kenyan Medical Association" -> KENHLH. The
        sector is that of the name's head noun, else of its other words; without one the name
        is left alone (a demonym alone does not say the organisation belongs to the state)."""
        country = None
        for k in (2, 1):
            if len(span) > k and self.kb.demonym(span[:k].text):
                country, rest = self.kb.demonym(span[:k].text), span[k:]
                break
        if country is None:
            return None
        words = [span.root] + [t for t in reversed(rest) if t.i != span.root.i]
        for t in words:
            if t.i < rest.start or not t.is_alpha:
                continue
            found = self.kb.agent(t.lemma_.lower()) or self.kb.agent(t.lower_) or (
                STATE_BODIES.get(t.lower_) if t.text[:1].isupper() else None)
            if found is not None:
                sector, _ = found
                return Actor(code=compose_code(country, sector), name=span.text,
                             country=country, sector=agent_sector(sector), type="organisation")
        return None

    def _civic_organisation(self, span: Span) -> bool:
        """An unknown organisation headed by a word for a civic body ("the Association of
        Gondorian Jurists", "the Third World Water Forum") is a non-governmental one, unless
        a country's name or demonym in it may make it that state's."""
        if span.root.text not in CIVIC_BODIES:
            return False
        # the modifiers before the name count too ("Kenya Farmers Association")
        words = span.doc[min(span.start, span.root.left_edge.i):span.end]
        return not any(t.text[:1].isupper() and (self.kb.demonym(t.text) or any(
            e.type in {"country", "capital"} for e in self.kb.lookup(t.text))) for t in words)

    def _repair_from_document(self, doc: Doc, names: list[Located]) -> None:
        """Within-document consistency: a garbled person name ("Stabridisdad") takes the actor
        of a resolved person mentioned elsewhere in the article whose surname is close to it
        ("Stavridis"). The candidate set is the article's own persons, so the bar can be lower
        than for matching against the whole knowledge base."""
        known: dict[str, Located] = {}
        for m in names:
            if m.actor is not None and m.actor.type == "person":
                known.setdefault(doc[m.end - 1].lower_, m)
        if not known:
            return
        for m in names:
            if m.actor is not None or m.label != "PERSON":
                continue
            surname = doc[m.end - 1].lower_
            best, score = None, 0.0
            for other, loc in known.items():
                if other[:1] != surname[:1]:
                    continue
                sim = JaroWinkler.similarity(surname, other)
                if sim > score:
                    best, score = loc, sim
            if best is not None and score >= DOCUMENT_MATCH:
                m.mention = replace(m.mention, actor=best.actor, method="document",
                                    score=round(score, 3), antecedent=best.mention.text)

    def _in_context(self, doc: Doc, entries: list[Entry]) -> list[Entry]:
        """Same-named organisations of different countries ("Ba'ath Party" of Iraq and of
        Syria, the Umma parties of Sudan and Algeria): those of a country the article names
        come first; without one the knowledge base's order stands."""
        countries = {e.country for e in entries if e.type not in {"country", "capital"}}
        if len(countries) < 2:
            return entries
        named: set[str] = set()
        for ent in doc.ents:
            if ent.label_ in {"GPE", "NORP", "ACTOR", "PERSON", "ORG"}:
                # countries, capitals, demonyms and known persons ("Saddam Hussein's")
                country = self.kb.demonym(ent.text)
                if country is None:
                    found = [e for e in self.kb.lookup(ent.text)
                             if e.type in {"country", "capital", "person"}]
                    country = found[0].country if found else None
                if country:
                    named.add(country)
        hits = [e for e in entries if e.country in named]
        return hits + [e for e in entries if e not in hits] if hits else entries

    def _choose(self, entries: list[Entry], on: date | None) -> Entry:
        """Among same-named entries prefer one holding a role on the date, then KB order."""
        if on is not None and len(entries) > 1:
            for e in entries:
                if any(r.active(on) for r in e.roles):
                    return e
        return entries[0]

    def _country_actor(self, country: str) -> Actor:
        return country_actor(self.kb, country)
