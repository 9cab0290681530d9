"""Context cues for name matching: what the words right before a name say about who it is.

"Latvian Defense Minister Andris Spruez" -> country LVA, role kind ``defence_minister``,
sector GOV; "CNN's Jim Sait" -> outlet CNN, sector MED. Only the run of title-like words
immediately before the name counts (capitalised words, demonyms, possessives, words of agent
phrases such as "defense minister"), so "Russia attacked Ukriane" gives no cue for "Ukriane".
Hints passed in :class:`~eventcoder.actors.mentions.MentionContext` (``country_hint``,
``sector_hint``) are cues too.

:meth:`CueReader.bonus` scores how well an entry fits the cues; :meth:`CueReader.backed` lists
the persons the cues point at (holders of the named role in the named country, staff of the
named outlet), among whom a garbled name may be matched with a lower bar.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from eventcoder.actors.entries import Entry, agent_sector, normalise

if TYPE_CHECKING:
    from eventcoder.actors.kb import KnowledgeBase
    from eventcoder.actors.mentions import MentionContext

__all__ = ["CueReader", "Cues"]

_WORDS = re.compile(r"[\w'’.-]+")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(slots=True)
class Cues:
    countries: set[str] = field(default_factory=set)
    sectors: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # role kinds named by a title
    outlets: set[str] = field(default_factory=set)  # normalised names of organisations

    def __bool__(self) -> bool:
        return bool(self.countries or self.sectors or self.kinds or self.outlets)


class CueReader:
    """Reads cues from a sentence and relates them to knowledge-base persons (indexed once)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._title_words = kb.agent_vocabulary()
        self._by_role: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_title_words: dict[str, set[str]] = defaultdict(set)
        for entry in kb.entries():
            if entry.type != "person":
                continue
            for role in entry.roles:
                if role.country:
                    self._by_role[(role.country, role.kind)].add(entry.id)
                words = normalise(role.title).split()
                for n in (1, 2, 3):
                    for i in range(len(words) - n + 1):
                        self._by_title_words[" ".join(words[i:i + n])].add(entry.id)

    def read(self, text: str, ctx: MentionContext) -> Cues:
        cues = Cues()
        if ctx.country_hint:
            cues.countries.add(ctx.country_hint)
        if ctx.sector_hint:
            cues.sectors.add(ctx.sector_hint)
        at = ctx.sentence.find(text)
        if at < 0:
            return cues
        window: list[str] = []
        for word in reversed(_WORDS.findall(ctx.sentence[max(0, at - 100):at])):
            bare = _POSSESSIVE.sub("", word)
            if not (word[:1].isupper() or bare.lower() in self._title_words
                    or self.kb.demonym(bare)) or len(window) == 5:
                break
            window.insert(0, bare)
        for n in range(len(window), 0, -1):
            phrase = " ".join(window[-n:])
            kind = self.kb.title_kind(phrase)
            if kind:
                cues.kinds.add(kind)
                agent = self.kb.agent(phrase)
                if agent:
                    cues.sectors.add(agent_sector(agent[0]))
                break
        for word in window:
            country = self.kb.demonym(word)
            if country:
                cues.countries.add(country)
                continue
            for e in self.kb.lookup(word)[:1]:
                if e.type in ("country", "capital") and e.country:
                    cues.countries.add(e.country)
                elif e.type in ("organisation", "igo") and word[:1].isupper():
                    cues.outlets.update(normalise(n) for n in e.names())
                    if e.sector:
                        cues.sectors.add(e.sector)
        return cues

    def bonus(self, entry: Entry, cues: Cues, on: date | None) -> float:
        """How much the cues favour ``entry`` (negative: a person from another country)."""
        bonus = 0.0
        if cues.countries and entry.type == "person":
            countries = {entry.country} | {r.country for r in entry.roles}
            countries.discard(None)
            bonus += 0.05 if countries & cues.countries else (-0.06 if countries else 0.0)
        roles = [r for r in entry.roles if r.kind in cues.kinds]
        if roles:
            bonus += 0.05
            if on is not None and any(r.active(on) for r in roles):
                bonus += 0.02
        if cues.sectors & ({entry.sector} | {r.sector for r in entry.roles}):
            bonus += 0.02
        if cues.outlets and entry.id in self._staff(cues):
            bonus += 0.06
        return bonus

    def backed(self, cues: Cues) -> set[str]:
        """Persons the cues single out: holders (at any time) of the named role in the named
        country, or people whose role title names the outlet."""
        out: set[str] = set()
        for country in cues.countries:
            for kind in cues.kinds:
                out |= self._by_role.get((country, kind), set())
        return out | self._staff(cues)

    def _staff(self, cues: Cues) -> set[str]:
        out: set[str] = set()
        for outlet in cues.outlets:
            out |= self._by_title_words.get(outlet, set())
        return out
