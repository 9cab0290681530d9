"""Titles, offices and agent nouns: who a post or a sector noun stands for.

A title decides who a person is when the name alone does not: "Latvian Defense Minister
Andris X" gives an unknown name Latvia's government, "President Bush" picks whoever of that
name held an office on the article date (or, failing that, the office holder the title and
country single out), and "U.N. mediator Diego Cordovez" acts for the organisation rather
than for his own state. Without a name, a title or sector noun is itself a mention: "the
Russian president" is the holder on the date (``role``), "Ukrainian troops", "the Bush
administration" and "UN troops" are agents of the country or organisation that modifies
them (``agent``), and a bare "the president" is left to coreference (coref.py).

Titles and agent nouns share one phrase finder (agent_phrases.py) because the same words are
both: "defense minister" is a title before a name and an agent phrase without one; that module
also reads whose agent a noun is, this one makes the mentions and resolves offices.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..records import Actor
from .agent_phrases import AgentPhrases, negated
from .entries import agent_sector, compose_code, owner_stem
from .kb import OFFICE_SECTORS, Entry, KnowledgeBase
from .mentions import STATE_BODIES, Located, _mention, country_actor

FORMER = {"former", "ex", "ex-", "late", "then"}
# posts of an international organisation's own staff ("UN mediator", "EU envoy") and posts a
# state holds at one ("UN ambassador", "permanent representative")
IGO_POSTS = {"mediator", "envoy", "coordinator", "commissioner", "negotiator", "rapporteur",
             "spokesman", "spokeswoman", "spokesperson", "chief", "head", "official",
             "inspector", "director", "director-general", "chairman", "chairwoman",
             "administrator", "prosecutor", "secretary", "secretary-general", "president",
             "high commissioner", "emissary", "representative"}
STATE_POSTS = {"ambassador", "delegate", "delegation", "member", "permanent", "minister"}
NON_STATE = frozenset({"group", "organisation"})  # stateless owners of an agent noun


def _office_years(entry: Entry) -> float:
    """Years an entry held office-sector roles (a prominence prior for bare surnames)."""
    total = 0
    for r in entry.roles:
        if r.sector in OFFICE_SECTORS and r.start is not None:
            total += ((r.end or date(2025, 1, 1)) - r.start).days
    return total / 365.25


class TitleResolver:
    """Reads titles, offices and agent phrases for :class:`~.mentions.MentionFinder`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.agents = AgentPhrases(kb)

    # -- titles, roles and agents -----------------------------------------------------------
    def titles_and_agents(self, doc: Doc, on: date | None, taken: set[int],
                          names: list[Located]) -> list[Located]:
        out: list[Located] = []
        by_head = {m.head: m for m in names}
        for tok in doc:
            if tok.i in taken or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            if negated(tok):
                continue  # "non-Muslims" are not Muslims
            if tok.dep_ == "compound" and tok.head.i not in by_head:
                continue  # the head noun of the phrase speaks for it
            phrase, first = self.agents.phrase(tok)
            body = STATE_BODIES.get(tok.lower_) if phrase is None and tok.text[:1].isupper() \
                else None
            if body is not None:
                phrase = tok.lower_
            if phrase is None:
                continue
            sector, agent_name = body or self.agents.sector(tok, phrase) or (None, None)
            if sector is None:
                continue
            kind = self.kb.title_kind(phrase)
            # Title before a name: "Latvian Defense Minister Andris X" -> the name's mention.
            if tok.dep_ == "compound" and tok.head.i in by_head:
                self._title_onto_name(doc, tok, first, by_head[tok.head.i], sector, on,
                                      by_head)
                continue
            country, modifier = self.agents.country_of(tok, by_head, on)
            if body is not None and country is None:
                continue  # "the Assembly" of what?
            start = min(first, modifier.i) if modifier is not None else first
            start = self._extend_left(doc, start)
            if any(i in taken for i in range(start, tok.i + 1)):
                start = first
            actor: Actor | None = None
            method, score, mkind = "agent", 0.8, "agent"
            plural = tok.tag_ in {"NNS", "NNPS"}
            plain = agent_sector(sector)  # without a prefix agent's mark (NGO~ -> NGO)
            if country and kind and not plural and on is not None:
                holder = self.kb.holder(country, kind, on)
                if holder is not None:
                    actor, method, score, mkind = self.kb.actor(holder, on), "role", 0.85, "role"
            if actor is None and country:
                # onto the owner's country, or a prefix agent's code: "An MSF Arnor diplomat"
                named = by_head.get(modifier.i) if modifier is not None else None
                stem = owner_stem(named.actor.code, country) if named is not None \
                    and named.actor is not None and named.actor.country == country else country
                actor = Actor(code=compose_code(stem, sector),
                              name=f"{agent_name} ({country_actor(self.kb, country).name})",
                              country=country, sector=plain, type="agent")
            owner = self.agents.organisation_of(tok, by_head) if actor is None else None
            if owner is not None and owner.actor is not None:
                # "UN troops", "NATO officials": the organisation's own agents (IGOUNOMIL)
                actor = Actor(code=compose_code(owner.actor.code, sector),
                              name=f"{agent_name} ({owner.actor.name})",
                              sector=plain, type="agent")
                start = min(start, owner.start)
            # ("activists of Amnesty International": placement.agents_of_unit)
            owner = self.agents.organisation_of(tok, by_head, NON_STATE, of=False) \
                if actor is None else None
            if owner is not None and owner.actor is not None:
                # "al-Qaeda's terror network", "Red Cross officials": the people of a stateless
                # group or organisation, coded as PETRARCH composes them (NGOHRIAMNOPP)
                code = owner.actor.code
                there = code.startswith(plain) if sector.endswith("~") else code.endswith(plain)
                actor = Actor(code=code if there else compose_code(code, sector),
                              name=f"{agent_name} ({owner.actor.name})", sector=plain,
                              type="agent")
                start = min(start, owner.start)
            if actor is None:
                # Bare titles ("the president") are left to coreference; bare agents stay generic.
                actor = Actor(code=plain, name=agent_name or phrase, sector=plain,
                              type="agent")
                mkind = "bare_title" if kind else "agent"
                score = 0.4
            m = _mention(doc, start, tok.i + 1, actor, method, score)
            out.append(Located(start, tok.i + 1, tok.i, m, mkind))
            taken.update(range(start, tok.i + 1))
        return out

    # -- officials of international organisations -------------------------------------------
    def igo_officials(self, doc: Doc, names: list[Located], agents: list[Located]) -> None:
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

    # -- titles before names ----------------------------------------------------------------
    def after_title(self, span: Span) -> Span | None:
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

    def office_holder(self, name: str, title: str, country: str | None,
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
            # no country dominates ("President Dos Sontas": dos Santos of Angola, Paraguay,
            # Mozambique...): the title says the person holds an office, so only those in
            # one on the article date qualify, if they are of one country
            found = [e for e in found if on is not None and any(
                r.sector in OFFICE_SECTORS and r.active(on) for r in e.roles)]
            if len({e.country for e in found}) != 1:
                return None
            ranked = [(found[0].country or "", 0.0)]
        best = ranked[0][0]
        people = [e for e in found if e.country == best]
        found_sector = self.kb.agent(title)
        sector = found_sector[0] if found_sector else "GOV"
        if len(people) == 1:
            actor = self.kb.actor(people[0], on)
            if actor.sector in OFFICE_SECTORS:
                return actor
            return replace(actor, code=compose_code(best, sector), country=best,
                           sector=agent_sector(sector))
        return Actor(code=compose_code(best, sector), name=" ".join(words), country=best,
                     sector=agent_sector(sector), type="person")

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
        country, modifier = self.agents.country_of(title, others, on)
        if country is None:
            for j in range(first - 1, max(first - 3, -1), -1):
                country = self.kb.demonym(doc[j].text)
                if country:
                    modifier = doc[j]
                    break
        if country is None:
            # "King Hassan of Morocco", "President Chirac of France"
            country = self.agents.prep_country(doc[name.head], others, frozenset({"of"}))
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
        elif name.actor is None and (office := self.office_holder(
                name.mention.text, doc[first:title.i + 1].text.lower(), country, on)) is not None:
            # "President Bush", "President Laurent Gbago" with no holder known on the date
            name.mention = _mention(doc, name.start, name.end, office, "title+name", 0.8)
        elif name.actor is None and country:
            actor = Actor(code=compose_code(country, sector), name=name.mention.text,
                          country=country, sector=agent_sector(sector), type="person")
            name.mention = _mention(doc, name.start, name.end, actor, "title", 0.8)
        elif name.actor is None:
            # "opposition leader Maulana X", "Judge Alejandro X": the title still says the
            # sector; the country is left to placement, as for a bare agent
            actor = Actor(code=agent_sector(sector), name=name.mention.text,
                          sector=agent_sector(sector), type="agent")
            name.mention = _mention(doc, name.start, name.end, actor, "title", 0.4)
        elif name.actor is not None and name.actor.type in {"person", "country"} \
                and name.actor.country \
                and name.actor.code == name.actor.country and not any(
                    doc[j].lower_ in FORMER for j in range(max(first - 2, 0), first)):
            # a known person the knowledge base has no office for on this date: the article's
            # title states it ("Bree Prime Minister Romendacil" -> BREGOV; PETRARCH
            # dictionaries list persons with a bare country code, as if they were countries);
            # a prefix agent goes first ("MSF Arnor" -> NGOARN)
            a = name.actor
            name.mention = replace(name.mention, actor=replace(
                a, code=compose_code(name.actor.country, sector), sector=agent_sector(sector)))
        if first < name.start:
            widened = _mention(doc, first, name.end, name.actor, name.mention.method,
                               name.mention.score)
            name.mention = replace(widened, antecedent=name.mention.antecedent)
            name.start = first
