"""Find actor mentions in a parsed article and resolve each one to an actor.

Cascade (each step records ``method`` and ``score`` on the mention):

1. ``alias``    names the knowledge base knows (marked by the EntityRuler, label ACTOR);
2. ``demonym``  "Russians", "the Latvian" -> the country;
3. ``surname``  later short forms of a full name seen earlier ("Stavridis"), "V. Zelensky";
4. ``fuzzy``    garbled names matched by the name matchers (see fuzzy.py: "Voldimi Zelensky");
5. ``document`` a garbled name repaired by a close surname elsewhere in the article;
6. ``title``    an unknown name with a title: "Latvian Defense Minister Andris X" -> LVAGOV;
7. ``role``     a title with a country: "the Russian president" -> the holder on the article date;
8. ``agent``    a sector noun with a country: "Ukrainian troops" -> UKRMIL;
9. ``coref``    pronouns and bare titles (see coref.py).

Unknown names stay unresolved (``actor`` is None) rather than being forced onto a wrong actor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz.distance import JaroWinkler
from spacy.tokens import Doc, Span, Token

from ..records import Actor, Mention
from .kb import OFFICE_SECTORS, Entry, KnowledgeBase

log = logging.getLogger(__name__)

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
DOCUMENT_MATCH = 0.88  # Jaro-Winkler on surnames within one article
PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}

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


FORMER = {"former", "ex", "ex-", "late", "then"}
# posts of an international organisation's own staff ("UN mediator", "EU envoy") and posts a
# state holds at one ("UN ambassador", "permanent representative")
IGO_POSTS = {"mediator", "envoy", "coordinator", "commissioner", "negotiator", "rapporteur",
             "spokesman", "spokeswoman", "spokesperson", "chief", "head", "official",
             "inspector", "director", "director-general", "chairman", "chairwoman",
             "administrator", "prosecutor", "secretary", "secretary-general", "president",
             "high commissioner", "emissary", "representative"}
STATE_POSTS = {"ambassador", "delegate", "delegation", "member", "permanent", "minister"}
# preposition after an agent noun -> actor types whose country the agent takes
PREP_COUNTRY_KINDS = {"of": {"country", "capital"}, "from": {"country", "capital"},
                      "in": {"country"}}


def _negated(tok: Token) -> bool:
    """"non-Muslims", "non - Muslims": a "non-" prefix inverts the group the noun names."""
    if tok.lower_.startswith("non-"):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "non" \
        and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_


def _office_years(entry: Entry) -> float:
    """Years an entry held office-sector roles (a prominence prior for bare surnames)."""
    total = 0
    for r in entry.roles:
        if r.sector in OFFICE_SECTORS and r.start is not None:
            total += ((r.end or date(2025, 1, 1)) - r.start).days
    return total / 365.25


def country_actor(kb: KnowledgeBase, country: str) -> Actor:
    """The actor of a CAMEO country code ("RUS" -> Russia)."""
    entry = kb.get(f"country:{country}")
    if entry is not None:
        return kb.actor(entry)
    for e in kb.lookup(country):
        if e.type == "country":
            return kb.actor(e)
    return Actor(code=country, name=country, country=country, type="country")


class MentionFinder:
    """Runs the resolution cascade over one parsed article."""

    def __init__(self, kb: KnowledgeBase, name_matchers: tuple[NameMatcher, ...] = ()) -> None:
        self.kb = kb
        self.name_matchers = name_matchers

    # -- public -----------------------------------------------------------------------------
    def find(self, doc: Doc, on: date | None) -> MentionIndex:
        from .coref import resolve_references  # local import: coref builds on this module

        names = self._names(doc, on)
        self._repair_from_document(doc, names)
        # Demonyms may be absorbed by the agent phrase they modify ("Ukrainian troops").
        taken = {i for m in names if m.kind != "demonym" for i in range(m.start, m.end)}
        agents = self._titles_and_agents(doc, on, taken, names)
        covered = {i for m in agents for i in range(m.start, m.end)}
        names = [m for m in names if m.kind != "demonym" or m.head not in covered]
        # A title may have widened a name over a garbled first name NER split off.
        names = [m for m in names if not any(o is not m and o.start <= m.start and m.end <= o.end
                                             and (o.end - o.start) > (m.end - m.start)
                                             for o in names)]
        self._igo_officials(doc, names, agents)
        index = MentionIndex(names + agents)
        return resolve_references(doc, index, self.kb, on)

    def _igo_officials(self, doc: Doc, names: list[Located], agents: list[Located]) -> None:
        """A person named with a post in an international organisation acts for it: "Arab
        League Secretary-General Chedli Klibi", "U.N. mediator Diego Cordovez", "Kenzo
        Oshima, the United Nations Emergency Relief Coordinator" -> the IGO's code (the
        knowledge base may know the person only by nationality or a national office).
        Posts states hold at an organisation ("UN ambassador", "Iraq's UN envoy") do not
        count, nor do former officials."""
        igos = {i: m for m in names + agents if m.actor is not None and m.actor.type == "igo"
                and not m.actor.country for i in range(m.start, m.end)}
        if not igos:
            return
        for m in names:
            if m.label != "PERSON" and not (m.actor is not None and m.actor.type == "person"):
                continue
            owner = self._igo_before(doc, m, igos) or self._igo_apposed(doc, m, igos)
            if owner is None or (m.actor is not None and m.actor.code.startswith(
                    owner.actor.code if owner.actor else "")):
                continue
            a = owner.actor
            assert a is not None
            m.mention = replace(m.mention, actor=Actor(
                code=a.code, name=m.mention.text, country=None, sector=a.sector,
                type="person", kb_id=m.actor.kb_id if m.actor is not None else None),
                method="igo+title", score=0.8)

    def _igo_post(self, words: list[Token]) -> bool:
        """Words that name a post in an organisation, with no state in them."""
        post = False
        for t in words:
            low, lemma = t.lower_, t.lemma_.lower()
            if low in FORMER or low in STATE_POSTS or lemma in STATE_POSTS \
                    or self.kb.demonym(t.text):
                return False
            if low in IGO_POSTS or lemma in IGO_POSTS or self.kb.title_kind(lemma) is not None:
                post = True
            elif (found := self.kb.agent(lemma)) is not None and found[0] == "GOV":
                post = True
        return post

    def _igo_before(self, doc: Doc, m: Located, igos: dict[int, Located]) -> Located | None:
        """"<IGO> <post words> <name>": the organisation right before the post."""
        j = m.start - 1
        words = [doc[i] for i in range(m.start, doc[m.head].i) if doc[i].is_alpha]
        while j >= 0 and j not in igos and (doc[j].tag_ == "HYPH" or (
                doc[j].pos_ in {"NOUN", "PROPN", "ADJ"} and doc[j].is_alpha)) \
                and m.start - j <= 4:
            words.append(doc[j])
            j -= 1
        owner = igos.get(j)
        if owner is None or any(doc[i].lower_ in FORMER for i in range(max(owner.start - 2, 0),
                                                                       owner.start)):
            return None
        return owner if self._igo_post(words) else None

    def _igo_apposed(self, doc: Doc, m: Located, igos: dict[int, Located]) -> Located | None:
        """"<name>, the <IGO> <post>": an apposition whose head is a post of the IGO."""
        for ap in doc[m.head].children:
            if ap.dep_ != "appos":
                continue
            words = [t for t in ap.subtree if t.i not in igos and t.is_alpha
                     and t.dep_ != "det" and t.i <= ap.i]
            owners = {igos[t.i].start: igos[t.i] for t in ap.subtree if t.i in igos
                      and t.i < ap.i}
            if len(owners) == 1 and self._igo_post(words):
                return next(iter(owners.values()))
        return None

    # -- names ------------------------------------------------------------------------------
    def _names(self, doc: Doc, on: date | None) -> list[Located]:
        out: list[Located] = []
        persons: dict[str, Located] = {}  # surname -> first full-name mention
        for ent in doc.ents:
            if ent.label_ != "ACTOR" and ent.label_ not in NAME_LABELS:
                continue
            start, end = self._trim(ent)
            if start >= end:
                continue
            if end < len(doc) and self.kb.demonym(doc[start:end + 1].text):
                end += 1  # NER split a two-word demonym: "Sierra | Leonean refugees"
            span = doc[start:end]
            loc = self._resolve_name(doc, span, ent.label_, on, persons)
            if loc is None:
                continue
            loc.label = ent.label_
            out.append(loc)
            a = loc.actor
            if a is not None and a.type == "person" and len(span) >= 2:
                persons.setdefault(span[-1].text.lower(), loc)
        self._ethnic_residence(doc, out)
        self._defined_acronyms(doc, out)
        return out

    @staticmethod
    def _defined_acronyms(doc: Doc, names: list[Located]) -> None:
        """An acronym the article defines, "Forces for Defence of Democracy (FDD)", stands
        for that name everywhere in the article, whatever else the knowledge base knows by it
        (FDD is also a US think tank)."""
        defined: dict[str, Located] = {}
        for m in names:
            if m.actor is None or m.kind == "demonym" or m.end - m.start < 2:
                continue
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
                short = doc[m.end + 1].text
                letters = short.replace(".", "")
                if letters.isupper() and 2 <= len(letters) <= 8 and letters.isalpha():
                    defined.setdefault(short, m)
        for short, full in defined.items():
            if full.actor is None:
                continue
            for m in names:
                if m is full or doc[m.start:m.end].text != short:
                    continue
                if m.actor is None or m.actor.code != full.actor.code:
                    m.mention = replace(m.mention, actor=full.actor, method="acronym",
                                        score=0.9, antecedent=full.mention.text)

    def _ethnic_residence(self, doc: Doc, names: list[Located]) -> None:
        """"ethnic Albanians in south Serbia": an ethnic group named by a demonym and placed in
        a country is coded with the country it lives in (CAMEO codes a state's ethnic
        minorities with that state), not with the state the demonym names."""
        by_head = {m.head: m for m in names}
        for m in names:
            if m.kind != "demonym" or m.actor is None:
                continue
            head = doc[m.head]
            if not (m.start > 0 and doc[m.start - 1].lower_ == "ethnic") and not any(
                    c.dep_ == "amod" and c.lower_ == "ethnic" for c in head.children):
                continue
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"in", "inside", "within"}:
                    continue
                for pobj in prep.children:
                    place = by_head.get(pobj.i)
                    if place is None or place.actor is None or place.actor.type != "country" \
                            or not place.actor.country or place.actor.country == m.actor.country:
                        continue
                    m.mention = replace(m.mention, actor=self._country_actor(place.actor.country),
                                        method="demonym+residence", score=0.8)

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
        titled = self._after_title(span) if not entries and label == "PERSON" else None
        if titled is not None:
            # "President Francois Mitterand": NER took the title into the name
            text = titled.text
            entries = self.kb.lookup(text)
        if entries:
            entry = self._choose(self._in_context(doc, entries), on)
            actor = self.kb.actor(entry, on)
            return Located(span.start, span.end, span.root.i,
                           _mention(span, span.start, span.end, actor, "alias", 1.0), "name")
        if label in {"NORP", "GPE", "ORG", "ACTOR"} or (label == "PERSON" and len(span) == 1):
            # the small model often tags "Ukrainian" GPE, and a lone demonym before a noun
            # PERSON ("banned Ugandan opposition candidates")
            country = self.kb.demonym(text)
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
                office = self._office_holder(titled.text, title.text.lower(), None, on)
                if office is not None:
                    return Located(span.start, span.end, span.root.i,
                                   _mention(span, span.start, span.end, office, "title+name",
                                            0.8), "name")
            org = self._demonym_organisation(span) if label == "ORG" else None
            if org is not None:
                return Located(span.start, span.end, span.root.i,
                               _mention(span, span.start, span.end, org, "demonym+org", 0.7),
                               "name")
            # Keep unknown names: titles may still give them a country and sector.
            return Located(span.start, span.end, span.root.i,
                           _mention(span, span.start, span.end, None, "unresolved", 0.0), "name")
        return None

    def _after_title(self, span: Span) -> Span | None:
        """The name after a leading title inside a PERSON span ("President | Francois
        Mitterand", "Archbishop | Desmond Tutu"); None when the span has no such title or
        nothing longer than one word is left."""
        for k in (2, 1):
            if len(span) - k >= 2 and all(t.is_alpha or t.text.endswith(".")
                                          for t in span[:k]):
                head = " ".join(t.lower_.rstrip(".") for t in span[:k])
                if self.kb.title_kind(head) is not None or self.kb.agent(head) is not None:
                    return span[k:]
        return None

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
            found = self.kb.agent(t.lemma_.lower()) or self.kb.agent(t.lower_)
            if found is not None:
                sector, _ = found
                return Actor(code=country + sector, name=span.text, country=country,
                             sector=sector, type="organisation")
        return None

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

    def _office_holder(self, name: str, title: str, country: str | None,
                       on: date | None) -> Actor | None:
        """The person an office title and an unknown or garbled name single out when nobody
        of that name holds an office on the date: "President Bush", "President Laurent
        Gbago", "President Francois Mitterand". Candidates are past and present office
        holders (:meth:`KnowledgeBase.office_holders`); their country must be the one the
        title states, else one country must dominate (three times the others' years in
        office: "Bush" is George Bush, not the Cayman Islands' McKeeva Bush). The actor takes
        the sector of the title (a president is government, whatever the date)."""
        if self.kb.title_kind(title) is None or not any(c.isalpha() for c in name):
            return None
        words = name.split()
        while words and self.kb.title_kind(words[0].lower().rstrip(".")) is not None:
            words = words[1:]  # "President General X": more title words
        if not words:
            return None
        found = [e for e in self.kb.office_holders(" ".join(words))
                 if e.country and (country is None or e.country == country)]
        if not found:
            return None
        years: dict[str, float] = {}
        for e in found:
            years[e.country or ""] = years.get(e.country or "", 0.0) + _office_years(e)
        ranked = sorted(years.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]:
            return None
        best = ranked[0][0]
        people = [e for e in found if e.country == best]
        found_sector = self.kb.agent(title)
        sector = found_sector[0] if found_sector else "GOV"
        if len(people) == 1:
            actor = self.kb.actor(people[0], on)
            if actor.sector in OFFICE_SECTORS:
                return actor
            return replace(actor, code=best + sector, country=best, sector=sector)
        return Actor(code=best + sector, name=" ".join(words), country=best, sector=sector,
                     type="person")

    def _country_actor(self, country: str) -> Actor:
        return country_actor(self.kb, country)

    # -- titles, roles and agents -------------------------------------------------------------
    def _titles_and_agents(self, doc: Doc, on: date | None, taken: set[int],
                           names: list[Located]) -> list[Located]:
        out: list[Located] = []
        by_head = {m.head: m for m in names}
        for tok in doc:
            if tok.i in taken or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            if _negated(tok):
                continue  # "non-Muslims" are not Muslims
            if tok.dep_ == "compound" and tok.head.i not in by_head:
                continue  # the head noun of the phrase speaks for it
            phrase, first = self._agent_phrase(tok)
            if phrase is None:
                continue
            sector, agent_name = self._sector(tok, phrase) or (None, None)
            if sector is None:
                continue
            kind = self.kb.title_kind(phrase)
            # Title before a name: "Latvian Defense Minister Andris X" -> the name's mention.
            if tok.dep_ == "compound" and tok.head.i in by_head:
                self._title_onto_name(doc, tok, first, by_head[tok.head.i], sector, on,
                                      by_head)
                continue
            country, modifier = self._country_of(tok, by_head, on)
            start = min(first, modifier.i) if modifier is not None else first
            start = self._extend_left(doc, start)
            if any(i in taken for i in range(start, tok.i + 1)):
                start = first
            actor: Actor | None = None
            method, score, mkind = "agent", 0.8, "agent"
            plural = tok.tag_ in {"NNS", "NNPS"}
            if country and kind and not plural and on is not None:
                holder = self.kb.holder(country, kind, on)
                if holder is not None:
                    actor, method, score, mkind = self.kb.actor(holder, on), "role", 0.85, "role"
            if actor is None and country:
                actor = Actor(code=country + sector,
                              name=f"{agent_name} ({self._country_actor(country).name})",
                              country=country, sector=sector, type="agent")
            owner = self._igo_of(tok, by_head) if actor is None else None
            if owner is not None and owner.actor is not None:
                # "UN troops", "NATO officials": the organisation's own agents (IGOUNOMIL)
                actor = Actor(code=owner.actor.code + sector,
                              name=f"{agent_name} ({owner.actor.name})", sector=sector,
                              type="agent")
                start = min(start, owner.start)
            if actor is None:
                # Bare titles ("the president") are left to coreference; bare agents stay generic.
                actor = Actor(code=sector, name=agent_name or phrase, sector=sector, type="agent")
                mkind = "bare_title" if kind else "agent"
                score = 0.4
            m = _mention(doc, start, tok.i + 1, actor, method, score)
            out.append(Located(start, tok.i + 1, tok.i, m, mkind))
            taken.update(range(start, tok.i + 1))
        return out

    def _agent_phrase(self, tok: Token) -> tuple[str | None, int]:
        """The longest agent phrase ending at ``tok``: "defense minister", "president"."""
        doc = tok.doc
        best: tuple[str | None, int] = (None, tok.i)
        if tok.i >= 2 and doc[tok.i - 1].tag_ == "HYPH" and not doc[tok.i - 1].whitespace_ \
                and not doc[tok.i - 2].whitespace_:
            # "Secretary-General", "Director-General": a hyphenated title the tokenizer split
            phrase = f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}"
            if self.kb.agent(phrase) is not None or self.kb.title_kind(phrase) is not None:
                return phrase, tok.i - 2
        for k in (2, 1, 0):
            first = tok.i - k
            if first < 0 or any(doc[j].pos_ not in {"NOUN", "PROPN", "ADJ"} for j in
                                range(first, tok.i)):
                continue
            words = [doc[j].lower_ for j in range(first, tok.i)] + [tok.lemma_.lower()]
            phrase = " ".join(words)
            if self.kb.agent(phrase) is not None:
                return phrase, first
            if k > 0 and self.kb.title_kind(phrase) not in {
                    None, self.kb.title_kind(tok.lemma_.lower())} and not self.kb.demonym(
                    doc[first].text) and not self.kb.lookup(doc[first].text):
                return phrase, first  # "Secretary General": not the "general" of an army
            if k == 0 and self.kb.agent(tok.lower_) is not None:
                return tok.lower_, first
            if k == 0 and self.kb.title_kind(tok.lemma_.lower()) is not None:
                return tok.lemma_.lower(), first  # "leader", "emir": titles without an agent
        return best

    def _sector(self, tok: Token, phrase: str) -> tuple[str, str] | None:
        """Sector of an agent phrase; a bare title takes the sector of a modifying agent
        ("rebel leaders" -> REB) and is government otherwise ("Palestinian leader")."""
        found = self.kb.agent(phrase)
        if found is not None:
            return found
        if self.kb.title_kind(phrase) is None:
            return None
        for child in tok.children:
            if child.dep_ in {"compound", "amod"}:
                inner = self.kb.agent(child.lower_) or self.kb.agent(child.lemma_.lower())
                if inner is not None:
                    return inner
        return ("GOV", "government")

    def _country_of(self, tok: Token, by_head: dict[int, Located],
                    on: date | None = None) -> tuple[str | None, Token | None]:
        """Country from a modifier: demonym adjective, country compound, possessive, "of X"."""
        for child in tok.children:
            if child.dep_ in {"amod", "compound", "nmod", "poss", "npadvmod"}:
                country = self.kb.demonym(child.text)
                if country:
                    return country, child
                named = by_head.get(child.i)
                if named is not None and named.actor is not None and named.actor.country:
                    # "US troops", "Russia's military", "Putin's government",
                    # "White House officials"
                    if named.actor.type in {"country", "capital", "person", "organisation"}:
                        return named.actor.country, child
                if named is not None and named.actor is None and named.label == "PERSON":
                    # "the Bush administration": a leader's surname the KB knows only with
                    # the agent noun ("Bush Administration") or as the one office holder
                    country = self._surname_country(named, tok, on)
                    if country:
                        return country, child
        return self._prep_country(tok, by_head), None

    def _surname_country(self, named: Located, tok: Token, on: date | None) -> str | None:
        text = named.mention.text
        for phrase in (f"{text} {tok.text}", f"{text} {tok.lemma_}"):
            found = [e for e in self.kb.lookup(phrase) if e.country]
            if found:
                return found[0].country
        holder = self.kb.in_office(text.split()[-1], on) if on is not None else None
        return holder.country if holder is not None else None

    @staticmethod
    def _prep_country(tok: Token, by_head: dict[int, Located],
                      preps: frozenset[str] | None = None) -> str | None:
        for child in tok.children:
            if preps is None and child.dep_ == "acl" and child.lower_ == "based":
                # "a terror group based in Trinidad": where it is based is its country
                found = MentionFinder._prep_country(child, by_head, frozenset({"in"}))
                if found:
                    return found
            if preps is not None and child.lower_ not in preps:
                continue
            # "the leaders of Syria", "soldiers from Gondor", "security forces in Guinea":
            # a state's people; "in" takes countries only ("officials in Moscow" may be anyone's)
            kinds = PREP_COUNTRY_KINDS.get(child.lower_) if child.dep_ == "prep" else None
            if kinds:
                for pobj in child.children:
                    named = by_head.get(pobj.i)
                    if named is not None and named.actor is not None \
                            and named.actor.type in kinds:
                        return named.actor.country
        return None

    @staticmethod
    def _igo_of(tok: Token, by_head: dict[int, Located]) -> Located | None:
        """An international organisation modifying an agent noun ("UN troops", "NATO's
        officials", "the soldiers of the UN")."""
        for child in tok.children:
            heads = [child] if child.dep_ in {"compound", "poss", "nmod", "amod"} else \
                [p for p in child.children if p.dep_ == "pobj"] if (
                    child.dep_ == "prep" and child.lower_ == "of") else []
            for h in heads:
                named = by_head.get(h.i)
                if named is not None and named.actor is not None and named.actor.type == "igo" \
                        and not named.actor.country:
                    return named
        return None

    @staticmethod
    def _extend_left(doc: Doc, start: int) -> int:
        while start > 0 and doc[start - 1].dep_ == "det":
            start -= 1
        return start

    def _title_onto_name(self, doc: Doc, title: Token, first: int, name: Located, sector: str,
                         on: date | None, by_head: dict[int, Located]) -> None:
        """Give an unknown name the country and sector its title states; widen the span."""
        # "Arnor President Umbardacil": a named country before the title counts too
        others = {i: m for i, m in by_head.items() if m is not name}
        country, modifier = self._country_of(title, others, on)
        if country is None:
            for j in range(first - 1, max(first - 3, -1), -1):
                country = self.kb.demonym(doc[j].text)
                if country:
                    modifier = doc[j]
                    break
        if country is None:
            # "King Hassan of Morocco", "President Chirac of France"
            country = self._prep_country(doc[name.head], others, frozenset({"of"}))
        if modifier is not None:
            first = min(first, modifier.i)
        holder = self.kb.in_office(doc[name.end - 1].text, on) \
            if name.actor is None and on is not None and self.kb.title_kind(
                doc[first:title.i + 1].text.lower()) is not None else None
        if holder is not None and (country is None or holder.country == country):
            # "President Bush" in 2008: an ambiguous surname after a title is whoever of
            # that name held an office on the day
            name.mention = _mention(doc, name.start, name.end, self.kb.actor(holder, on),
                                    "title+surname", 0.85)
        elif name.actor is None and (office := self._office_holder(
                name.mention.text, doc[first:title.i + 1].text.lower(), country, on)) is not None:
            # "President Bush", "President Laurent Gbago" with no holder known on the date
            name.mention = _mention(doc, name.start, name.end, office, "title+name", 0.8)
        elif name.actor is None and country:
            actor = Actor(code=country + sector, name=name.mention.text, country=country,
                          sector=sector, type="person")
            name.mention = replace(_mention(doc, name.start, name.end, actor, "title", 0.8))
        elif name.actor is not None and name.actor.type in {"person", "country"} \
                and name.actor.country \
                and name.actor.code == name.actor.country and not any(
                    doc[j].lower_ in FORMER for j in range(max(first - 2, 0), first)):
            # a known person the knowledge base has no office for on this date: the article's
            # title states it ("Bree Prime Minister Romendacil" -> BREGOV; PETRARCH
            # dictionaries list persons with a bare country code, as if they were countries)
            a = name.actor
            name.mention = replace(name.mention, actor=replace(
                a, code=name.actor.country + sector, sector=sector))
        if first < name.start:
            widened = _mention(doc, first, name.end, name.actor, name.mention.method,
                               name.mention.score)
            name.mention = replace(widened, antecedent=name.mention.antecedent)
            name.start = first
