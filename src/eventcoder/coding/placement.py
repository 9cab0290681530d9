"""Which state a party belongs to when the sentence implies it rather than says it.

A party named only by its sector ("demonstrators"), by an ethnic demonym ("ethnic Albanians")
or by a people placed in another country ("the Albanians of southern Serbia") takes its state
from the sentence: the place of the act, the country it is placed in, or, for the victims of a
state's repression, that state. Every inference is recorded on the mention (``method``
``agent+place``, ``ethnic+place``, ``demonym+place``, ``agent+source``, ``agent+target``) with
its score capped, so a user can tell a stated party from an inferred one. Where no
counterpart is named at all, the place of the act may stand in for it (``location``,
``place_as_target``).

The ``*_placed`` functions take and return the ``(source, target)`` of one act.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors.mentions import Located, MentionIndex
from ..records import Actor, Mention, Place
from .ontology import FORCE_ROOTS

Parties = tuple[Located, Located | None]

PLACE_COUNTRY_METHODS = {"prep", "clause", "sentence"}  # places the sentence names
PARTY_PREPS = {"for", "to", "toward", "towards", "against", "with", "by"}  # whom, not where
WHERE_PREPS = {"in", "at", "inside", "within", "near", "outside"}  # where, whatever else
# doers whose coercion or repression (17x, 175) of bare-sector victims is taken to be at home
STATE_SECTORS = {"COP", "MIL", "GOV", "SPY", "JUD"}
INFERRED_SCORE = 0.6
PLACE_TARGET_ROOTS = {"04", "08", "14", "15", "17", "18", "19", "20"}  # visits, protest, force
DOMESTIC_PLACE_ROOTS = {"08", "14", "17", "18", "19", "20"}
# de-escalation at home ("withdrew from the town", "surrendered in the east") leaves the place
# or gives up there: nobody in it is acted on
DOMESTIC_UNTARGETED = ("087",)
PROTEST_SECTORS = {"OPP"}  # demonstrators, protesters, the opposition
# nouns for a people living somewhere; a demonym on them names an ethnic group
POPULATION_NOUNS = {"population", "minority", "community", "people", "populace"}
MEMBERSHIP = {"affiliate", "belong", "affiliated", "belonging"}  # lemmas (as the tagger gives)


def inferred(m: Located, actor: Actor, method: str) -> Located:
    """``m`` as ``actor``, recording how it was inferred and capping its score."""
    return replace(m, mention=replace(m.mention, actor=actor, method=method,
                                      score=min(m.mention.score, INFERRED_SCORE)))


def _bare_sector(a: Actor | None) -> str | None:
    """The sector of a party named only by it and owned by no state ("demonstrators",
    "police"; not "UN troops", IGOUNOMIL); None for any other party."""
    if a is None or a.country or a.type != "agent" or not a.sector or a.code != a.sector:
        return None
    return a.sector


def _of_state(m: Located, country: str, where: str, method: str) -> Located:
    """The bare-sector agent ``m`` as that agent of ``country``; ``where`` names the reason."""
    a = m.actor
    assert a is not None and a.sector is not None
    return inferred(m, replace(a, code=country + a.sector, country=country,
                               name=f"{a.name} ({where})"), method)


def _each(parties: Parties, placed: Callable[[Located], Located]) -> Parties:
    source, target = parties
    return placed(source), placed(target) if target is not None else None


def agents_placed(parties: Parties, place: Place | None, doc: Doc) -> Parties:
    """"Police dispersed demonstrators in Monrovia", "aid to refugees in Liberia": a party
    named only by its sector belongs to the state where the act happens, when the sentence
    names that place (``agent+place``)."""
    if place is None or not place.country or place.method not in PLACE_COUNTRY_METHODS \
            or place.start is None or place.end is None:
        return parties
    start, end, country = place.start, place.end, place.country
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or (span.root.dep_ == "pobj" and span.root.head.lower_ in PARTY_PREPS):
        return parties  # "aid for Romania and Poland" says for whom, not where
    if any(m is not None and m.mention.start < end and start < m.mention.end for m in parties) \
            and not (span.root.dep_ == "pobj" and span.root.head.lower_ in WHERE_PREPS):
        # "appreciation for China's assistance": a party, not where it happens; but a
        # party that is the place of the act ("agreed to postpone the rally in Baku") is both
        return parties
    if span.root.dep_ in {"nsubj", "nsubjpass"}:
        return parties  # "Syria says it will not accept refugees": a doer, not a place

    def placed(m: Located) -> Located:
        if _bare_sector(m.actor) is None:
            return m  # stated already, or owned by no state ("UN troops", IGOUNOMIL)
        return _of_state(m, country, place.name, "agent+place")

    return _each(parties, placed)


def _ethnic(head: Token) -> bool:
    """"Ethnic Albanians", or a people noun a demonym qualifies ("the Albanian
    population", "the Turkish minority"): an ethnic group, not its kin state."""
    if head.dep_ in {"amod", "compound"} and head.head.i != head.i \
            and head.head.lemma_.lower() in POPULATION_NOUNS:
        return True  # the mention is the demonym itself
    mods = [c for c in head.children if c.dep_ in {"amod", "compound"}]
    return any(c.lower_ == "ethnic" for c in mods) or (
        head.lemma_.lower() in POPULATION_NOUNS
        and any(c.ent_type_ == "NORP" or c.tag_ == "JJ" for c in mods))


def ethnic_placed(parties: Parties, place: Place | None, doc: Doc) -> Parties:
    """"Ethnic Albanians demonstrated in Serbia", "attacks on the Turkish minority in Gondor":
    an ethnic group named by the demonym of its kin state is a people of the country where
    the sentence places the act (``ethnic+place``)."""
    if place is None or not place.country or place.method not in PLACE_COUNTRY_METHODS:
        return parties
    country = place.country

    def placed(m: Located) -> Located:
        a = m.actor
        if a is None or not a.country or a.country == country or not _ethnic(doc[m.head]):
            return m
        code = country + a.code[len(a.country):] if a.code.startswith(a.country) else country
        return inferred(m, replace(a, code=code, country=country,
                                    name=f"{a.name} ({place.name})"), "ethnic+place")

    return _each(parties, placed)


def people_of(parties: Parties, index: MentionIndex, doc: Doc) -> Parties:
    """"The Albanians of southern Serbia", "Kurds in Iraq": a people named by a demonym and
    placed by "of"/"in" in another country are that country's people (``demonym+place``)."""

    def placed(m: Located) -> Located:
        a = m.actor
        if a is None or m.mention.method != "demonym" or a.type != "country" or not a.country:
            return m
        for prep in doc[m.head].children:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "in"}:
                continue
            for p in prep.children:
                x = index.at(p.i) if p.dep_ == "pobj" else None
                if x is None or x.actor is None or x.actor.type not in {"country", "capital"} \
                        or not x.actor.country or x.actor.country == a.country:
                    continue
                country = x.actor.country
                return inferred(m, replace(a, code=country, country=country,
                                            name=f"{a.name} ({x.actor.name})"),
                                 "demonym+place")
        return m

    return _each(parties, placed)


def agents_of_unit(parties: Parties, index: MentionIndex, doc: Doc) -> Parties:
    """"Soldiers from the Russian army", "experts of a Gondor ministry": a party named only
    by its sector and drawn "from"/"of" a body that a country's name or demonym qualifies
    belongs to that country; "activists of Amnesty International", drawn from a stateless
    organisation, are that organisation's (``agent+unit``)."""

    def placed(m: Located) -> Located:
        a = m.actor
        sector = _bare_sector(a)
        if a is None or sector is None:
            return m
        head = doc[m.head]
        # "workers affiliated with the Serbian Workers' Union", "members belonging to X"
        preps = [p for p in head.children if p.dep_ == "prep" and p.lower_ in {"from", "of"}]
        preps += [p for c in head.children if c.dep_ == "acl" and c.lemma_ in MEMBERSHIP
                  for p in c.children if p.dep_ == "prep" and p.lower_ in {"with", "to"}]
        for prep in preps:
            for p in prep.children:
                if p.dep_ != "pobj":
                    continue
                org = index.at(p.i)
                if org is not None and org.actor is not None \
                        and org.actor.type == "organisation" and not org.actor.country \
                        and org.actor.code and not org.actor.code.endswith(sector):
                    # "the activists of Amnesty International": the body's own people
                    return inferred(m, replace(a, code=org.actor.code + sector,
                                                name=f"{a.name} ({org.actor.name})"),
                                     "agent+unit")
                if org is not None and org.actor is not None \
                        and org.actor.type == "organisation" and org.actor.country:
                    # "members of the Kenyan Medical Association": of its country
                    return _of_state(m, org.actor.country, org.actor.name, "agent+unit")
                if p.pos_ != "NOUN":
                    continue
                for q in _modifiers(p):
                    x = index.at(q.i)
                    if x is None or x.actor is None or x.actor.type != "country" \
                            or not x.actor.country:
                        continue
                    return _of_state(m, x.actor.country, x.actor.name, "agent+unit")
        for q in doc[m.head].children:
            # "Hamas militants", "top al-Qaeda leaders": an armed group's own people are
            # that group
            group = index.at(q.i) if q.dep_ in {"compound", "nmod"} else None
            if group is not None and group.actor is not None and group.actor.type == "group":
                return inferred(m, replace(group.actor, name=f"{a.name} ({group.actor.name})"),
                                "agent+unit")
        return m

    return _each(parties, placed)


def _modifiers(t: Token) -> list[Token]:
    """The words qualifying a noun, through stacked modifiers ("the Russian 64th brigade")."""
    out: list[Token] = []
    stack = [c for c in t.children if c.dep_ in {"compound", "amod"}]
    while stack:
        q = stack.pop()
        out.append(q)
        stack.extend(c for c in q.children if c.dep_ in {"compound", "amod"})
    return out


def repressed_placed(parties: Parties, code: str) -> Parties:
    """"Egyptian police opened fire to disperse demonstrators": with no place named, the
    bare-sector victims of a state's coercion or repression (CAMEO 17x, 175; never fighting
    or assault between parties) are taken to be of that state (``agent+source``). So are
    the bare-sector parties a state yields to (08x: "the government accepted demands from
    rebels", "allowed the opposition to hold a rally"): its own rebels and opposition. The
    state is a state agent or an actor coded as the bare country (a country, a capital, a
    person the dictionaries code so); an office holder coded with a sector is not enough."""
    source, target = parties
    s = source.actor
    if s is None or not s.country or target is None or target.actor is None:
        return parties
    if code.startswith("171"):
        return parties  # seized property ("seized an oil tanker") is as often foreign as not
    if code[:2] not in {"17", "08"} and not (
            code[:2] in FORCE_ROOTS and target.actor.sector in PROTEST_SECTORS):
        # force against protesters ("opened fire on demonstrators") is repression too
        return parties
    if s.code != s.country and (s.type != "agent" or s.sector not in STATE_SECTORS):
        # the state: a state agent, or an actor coded as the country itself (a country, or
        # a person the dictionaries code with the bare country code, as PETRARCH's do)
        return parties
    if _bare_sector(target.actor) is None:
        return parties
    return source, _of_state(target, s.country, s.country, "agent+source")


# "Judge X opened investigations against Chilean officials", "the opposition demanded the
# president's resignation": parties that act only at home, and the acts they address to a state
DOMESTIC_SECTORS = {"JUD", "COP"}
OPPOSITION_SECTORS = {"OPP"}
ADDRESSED_ROOTS = {"09", "10", "11", "12", "14", "17"}


def domestic_placed(parties: Parties, code: str) -> Parties:
    """A bare-sector judge, police force or opposition investigating, protesting, demanding
    from, accusing or sentencing the organs of one state is of that state (``agent+target``):
    courts and police act at home, an opposition opposes its own government. Any bare group
    protesting (14x) against a state's person or organ is of that state too."""
    source, target = parties
    sector = _bare_sector(source.actor)
    if target is None or target.actor is None or sector is None \
            or code[:2] not in ADDRESSED_ROOTS:
        return parties
    t = target.actor
    if not t.country:
        return parties
    if code[:2] == "14" and (t.type == "person" or (t.sector or "") in STATE_SECTORS):
        # "fundamentalists continued their hunger strike to demand the resignation of the
        # Algerian president": a bare group protesting against one state's leaders or organs
        # is of that state (not against a country as such: "protested against Denmark")
        return _of_state(source, t.country, t.country, "agent+target"), target
    # only when the other party is that state's own organ: "police arrested two Russian
    # journalists" says nothing of where the police are
    if t.code != t.country and (t.sector or "") not in STATE_SECTORS:
        return parties
    if sector not in DOMESTIC_SECTORS | OPPOSITION_SECTORS:
        return parties
    return _of_state(source, t.country, t.country, "agent+target"), target


def place_as_target(source: Located, target: Located | None, code: str, place: Place | None,
                    doc: Doc) -> Located | None:
    """The target of an act coded ``code``, with the place standing in where no party is
    named. "Russia held exercises in Alaska": a foreign place where a visit, protest or use
    of force happens stands for its state (as in PETRARCH); a place at home where force is
    used or eased stands for its people (method ``location``)."""
    src = source.actor
    if place is None or place.method == "actor_country" \
            or not place.country or code[:2] not in PLACE_TARGET_ROOTS \
            or place.start is None or place.end is None:
        return target
    if target is not None and (target.actor is not None or not (
            target.mention.start < place.end and place.start < target.mention.end)):
        return target  # a named party; but an unknown name that is this place gives way
    if src is not None and src.country == place.country and (
            place.method != "prep" or code[:2] not in DOMESTIC_PLACE_ROOTS
            or code.startswith(DOMESTIC_UNTARGETED)):
        # at home, only where the act is done to the place itself ("imposed a curfew in
        # Cizre", "blocked roads in Algiers"): its people are the target
        return target
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return target
    actor = Actor(code=place.country, name=place.name, country=place.country, type="country")
    mention = Mention(text=place.text or place.name, start=place.start, end=place.end,
                      actor=actor, method="location", score=0.5)
    return Located(span.start, span.end, span.root.i, mention, "place")


def states_implied(parties: Parties, place: Place | None, index: MentionIndex, doc: Doc,
                   code: str) -> Parties:
    """All of the above, in order, for the parties of one act coded ``code``."""
    parties = agents_placed(parties, place, doc)
    parties = ethnic_placed(parties, place, doc)
    parties = people_of(parties, index, doc)
    parties = agents_of_unit(parties, index, doc)
    parties = repressed_placed(parties, code)
    return domestic_placed(parties, code)
