"""Agent phrases: which words before a noun name an agent or a title, its sector, and whose
agent it is.

"defense minister", "Secretary-General" and "rebel leaders" are agent phrases
(:meth:`AgentPhrases.phrase`, :meth:`AgentPhrases.sector`); the country they act for comes
from a modifier ("Ukrainian troops", "Russia's military", "the Bush administration", "the
US-led coalition") or a preposition ("soldiers from Gondor", "a group based in Trinidad")
(:meth:`AgentPhrases.country_of`), and a stateless owner from an organisation or group
("UN troops", "Red Cross officials": :meth:`AgentPhrases.organisation_of`). A stance prefix
("anti-Syria") says whom the noun is against, not whose it is, and a "non-" prefix inverts the
group (:func:`negated`). titles.py turns what these readers find into mentions.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from .kb import KnowledgeBase
from .mentions import LANGUAGE_NOUNS, Located
from .place_names import PLACE_NOUNS

# preposition after an agent noun -> actor types whose country the agent takes
PREP_COUNTRY_KINDS = {"of": {"country", "capital"}, "from": {"country", "capital"},
                      "in": {"country"}}
BASED_KINDS = {"in": {"country", "capital"}}  # "based in Beirut"
STANCE_PREFIXES = ("anti-", "pro-")
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}


def negated(tok: Token) -> bool:
    """"non-Muslims", "non - Muslims": a "non-" prefix inverts the group the noun names."""
    if tok.lower_.startswith("non-"):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "non" \
        and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_


def _stance(tok: Token) -> bool:
    """"anti-Syria", "pro - Moscow": a name after a stance prefix says whom the noun is for or
    against, not whose it is."""
    if tok.lower_.startswith(STANCE_PREFIXES):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in {"anti", "pro"} \
        and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_


class AgentPhrases:
    """Reads agent phrases, their sectors and whose agents they are for
    :class:`~.titles.TitleResolver`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def phrase(self, tok: Token) -> tuple[str | None, int]:
        """The longest agent phrase ending at ``tok``: "defense minister", "president"."""
        doc = tok.doc
        i = tok.i
        lemma = tok.lemma_.lower()
        if i >= 2 and doc[i - 1].tag_ == "HYPH" and not doc[i - 1].whitespace_ \
                and not doc[i - 2].whitespace_:
            # "Secretary-General", "Director-General": a hyphenated title the tokenizer split
            phrase = f"{doc[i - 2].lower_}-{lemma}"
            if self.kb.agent(phrase) is not None or self.kb.title_kind(phrase) is not None:
                return phrase, i - 2
        # (this runs for every noun: each word is read once, the lemma's title kind at most
        # once)
        before = [doc[j] for j in range(max(i - 2, 0), i)]
        nominal = 0  # how many words right before ``tok`` are nouns or adjectives
        for t in reversed(before):
            if t.pos_ not in {"NOUN", "PROPN", "ADJ"}:
                break
            nominal += 1
        lemma_kind: list[str | None] = []
        for k in range(nominal, 0, -1):
            first = i - k
            phrase = " ".join([t.lower_ for t in before[len(before) - k:]] + [lemma])
            if self.kb.agent(phrase) is not None:
                return phrase, first
            kind = self.kb.title_kind(phrase)
            if kind is None:
                continue
            if not lemma_kind:
                lemma_kind.append(self.kb.title_kind(lemma))
            if kind != lemma_kind[0] and not self.kb.demonym(doc[first].text) \
                    and not self.kb.lookup(doc[first].text):
                return phrase, first  # "Secretary General": not the "general" of an army
        if self.kb.agent(lemma) is not None:
            return lemma, i
        if self.kb.agent(tok.lower_) is not None:
            return tok.lower_, i
        if (lemma_kind[0] if lemma_kind else self.kb.title_kind(lemma)) is not None:
            return lemma, i  # "leader", "emir": titles without an agent
        return None, i

    def sector(self, tok: Token, phrase: str) -> tuple[str, str] | None:
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
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                # "leaders of the opposition coalition": the group they lead
                mods = [t.lower_ for t in pobj.children if t.dep_ == "compound" and t.i < pobj.i]
                for phrase in (" ".join([*mods[-1:], pobj.lemma_.lower()]), pobj.lemma_.lower()):
                    inner = self.kb.agent(phrase)
                    if pobj.dep_ == "pobj" and inner is not None:
                        return inner
        return ("GOV", "government")

    def country_of(self, tok: Token, by_head: dict[int, Located],
                    on: date | None = None) -> tuple[str | None, Token | None]:
        """Country from a modifier: demonym adjective, country compound, possessive, "of X"."""
        for child in tok.children:
            if child.dep_ not in MODIFIER_DEPS or _stance(child):
                continue  # an "anti-Syria journalist" is not Syrian
            if child.dep_ == "amod" and child.lemma_ == "lead" and child.tag_ == "VBN":
                # "Vietnamese-led forces", "the US-led coalition": the leader's forces
                for g in child.children:
                    if g.dep_ in MODIFIER_DEPS and (country := self._named_country(g, by_head)):
                        return country, g
                continue
            country = self._named_country(child, by_head)
            if country:
                return country, child
            named = by_head.get(child.i)
            if named is not None and named.actor is None and named.label == "PERSON":
                # "the Bush administration": a leader's surname the KB knows only with
                # the agent noun ("Bush Administration") or as the one office holder
                country = self._surname_country(named, tok, on)
                if country:
                    return country, child
            if child.dep_ in {"compound", "nmod"} and (named is None or named.actor is None):
                # a modifier that is itself qualified: "Turkish Kurd refugees", "Montenegro
                # Municipality Association officials" (an organisation named with its country)
                found = self._inner_country(child, by_head)
                if found[0]:
                    return found
        return self.prep_country(tok, by_head), None

    def _named_country(self, tok: Token, by_head: dict[int, Located]) -> str | None:
        """The country a modifier names: a demonym, or a named country, capital, person or
        organisation of one ("US troops", "Russia's military", "Putin's government", "White
        House officials")."""
        country = self.kb.demonym(tok.text)
        if country:
            return country
        named = by_head.get(tok.i)
        if named is not None and named.actor is not None and named.actor.country \
                and named.actor.type in {"country", "capital", "person", "organisation"}:
            return named.actor.country
        return None

    def _inner_country(self, tok: Token, by_head: dict[int, Located],
                       depth: int = 2) -> tuple[str | None, Token | None]:
        if tok.lower_ in LANGUAGE_NOUNS:
            return None, None  # "Russian language teachers" teach Russian
        for g in tok.children:
            if g.i > tok.i or g.dep_ not in {"amod", "compound"} or _stance(g):
                continue
            country = self._named_country(g, by_head)
            if country:
                return country, g
            if depth > 1 and g.dep_ == "compound" and g.i not in by_head:
                found = self._inner_country(g, by_head, depth - 1)
                if found[0]:
                    return found
        return None, None

    def _surname_country(self, named: Located, tok: Token, on: date | None) -> str | None:
        text = named.mention.text
        for phrase in (f"{text} {tok.text}", f"{text} {tok.lemma_}"):
            found = [e for e in self.kb.lookup(phrase) if e.country]
            if found:
                return found[0].country
        holder = self.kb.in_office(text.split()[-1], on) if on is not None else None
        return holder.country if holder is not None else None

    def prep_country(self, tok: Token, by_head: dict[int, Located],
                      preps: frozenset[str] | None = None,
                      kinds_of: dict[str, set[str]] | None = None) -> str | None:
        for child in tok.children:
            if preps is None and child.dep_ == "acl" and child.lower_ == "based":
                # "a terror group based in Trinidad", "a newspaper based in east Beirut":
                # where it is based is its country, a capital too
                found = self.prep_country(child, by_head, frozenset({"in"}), BASED_KINDS)
                if found:
                    return found
            if preps is not None and child.lower_ not in preps:
                continue
            # "the leaders of Syria", "soldiers from Gondor", "security forces in Guinea":
            # a state's people; "in" takes countries only ("officials in Moscow" may be anyone's)
            kinds = (kinds_of or PREP_COUNTRY_KINDS).get(child.lower_) \
                if child.dep_ == "prep" else None
            if kinds:
                for pobj in child.children:
                    named = by_head.get(pobj.i)
                    if named is not None and named.actor is not None \
                            and named.actor.type in kinds:
                        return named.actor.country
                    if named is None and "capital" in kinds and (
                            pobj.pos_ == "PROPN" or pobj.lemma_.lower() in PLACE_NOUNS):
                        # "inhabitants of the Syrian Golan Heights", "refugees from the
                        # Afghan city of Herat": a place the demonym puts in its country
                        for mod in pobj.children:
                            if mod.dep_ in {"amod", "compound", "nmod"} and not _stance(mod) \
                                    and (country := self.kb.demonym(mod.text)):
                                return country
        return None

    @staticmethod
    def organisation_of(tok: Token, by_head: dict[int, Located],
                        kinds: frozenset[str] = frozenset({"igo"}),
                        of: bool = True) -> Located | None:
        """An international organisation (or another stateless actor of ``kinds``) modifying
        an agent noun ("UN troops", "NATO's officials", with ``of`` "the soldiers of the UN")."""
        for child in tok.children:
            heads = [child] if child.dep_ in {"compound", "poss", "nmod", "amod"} else \
                [p for p in child.children if p.dep_ == "pobj"] if (
                    of and child.dep_ == "prep" and child.lower_ == "of") else []
            for h in heads:
                named = by_head.get(h.i)
                if named is not None and named.actor is not None \
                        and named.actor.type in kinds and not named.actor.country:
                    return named
        return None
