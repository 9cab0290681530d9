"""Noise-robust name matching: a :data:`~eventcoder.actors.mentions.NameMatcher` for names the
exact alias lookup missed ("Voldimi Zelensky", "Andris Spruez", "Ukriane").

How a name is matched:

1. **Folding.** Accents, case, punctuation, honorifics ("Mr", "Gen.", "Retired"), suffixes
   ("Jr") and regnal numbers go; hyphenated parts become one word; digits inside words are
   read as the letters OCR confuses them with ("Put1n"). Each word also gets a
   transliteration key that merges spelling variants: y/i/j, w/v, kh/h, zh/dzh/j, sch/sh,
   ph/f, ks/x, ou/u, c/k/s, rn/m, doubled letters ("Zelenskyy" and "Zelenskij" meet).
2. **Candidates from indexes, not a scan.** Every alias is indexed by the Soundex and the
   first four Metaphone letters of each word and of each pair of adjacent words written as
   one (so token splits and merges meet), and by the letter trigrams of its whole key. A
   query adds up the rarity (idf) of the keys it shares with each alias (numpy, over posting
   lists; keys on very many aliases are not indexed); only the best :data:`TOP_K` aliases,
   at most three per entry, are scored.
3. **Scoring by name structure.** Persons: surname against surname (also split, compound or
   with a word run into it), given name against given name (an initial matches its name),
   middle names against middle names, the whole name against the whole name; agreeing
   Metaphone/NYSIIS codes add a little; a rare given name lowers the bar for the surname, a
   common one raises it. Names whose words do not line up (a split and a merge) are compared
   as one string. One-word names are compared with one-word aliases (surnames, countries),
   organisations and places as rarity-weighted word sets. Every kind of comparison is scaled
   to one bar, :data:`ACCEPT`.
4. **Context** (:mod:`eventcoder.actors.name_context`). A country, title, sector or news
   outlet named right before the name ("Latvian Defense Minister", "CNN's"), or passed as
   hints, favours candidates that hold or held such a role and breaks ties; among the few
   persons the context singles out, a given name that agrees and a surname that is close or
   has the same Soundex code is enough ("CNN's Jim Sait" -> Jim Sciutto). A ``label``
   attribute on the context (the NER label) restricts the entry types.
5. **Calibrated refusal.** The best candidate must clear the bar and beat the next
   *different* entry by :data:`MARGIN`; otherwise the name stays unknown. The thresholds were
   set with ``benchmarks/actor_resolution.py`` (precision over recall).
"""
from __future__ import annotations

import logging
import math
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np

from eventcoder.actors.entries import Entry
from eventcoder.actors.name_context import CueReader, Cues
from eventcoder.actors.name_similarity import (
    ACCEPT,
    CONTEXT_SCORE,
    MARGIN,
    MIN_LEN,
    Name,
    acronym,
    name_key,
    score,
    tokens,
    weak_match,
)

if TYPE_CHECKING:
    from eventcoder.actors.kb import KnowledgeBase
    from eventcoder.actors.mentions import MentionContext

__all__ = ["ACCEPT", "MARGIN", "FuzzyNameMatcher", "name_key", "tokens"]

log = logging.getLogger(__name__)

TOP_K = 40  # aliases scored per query (at most three per entry)
#: Entries with one of these ``source`` values are not indexed by default: the ~25,000
#: persons and organisations of the Phoenix dictionaries (``phoenix.jsonl``) would make the
#: index seven times larger and slower to build (~2 s), and among so many similar names
#: garbled unknown names find a wrong one far more often (``benchmarks/actor_resolution.py``:
#: 8% of held-out persons' clean names linked with them, 0.3% without). Their exact names
#: are still found by the alias lookup.
SKIP_SOURCES: frozenset[str] = frozenset({"phoenix"})

_LABEL_TYPES = {"PERSON": {"person"},
                "GPE": {"country", "capital", "igo", "organisation", "group"},
                "ORG": {"igo", "organisation", "group", "country", "capital"},
                "NORP": {"country", "group", "organisation"}}


class FuzzyNameMatcher:
    """``matcher(text, ctx) -> (entry, score) | None`` over a :class:`KnowledgeBase`.

    Build once per knowledge base (indexing the packaged one takes well under a second) and
    pass it to ``MentionFinder(kb, name_matchers=(FuzzyNameMatcher(kb),))``.
    """

    def __init__(self, kb: KnowledgeBase, *, types: tuple[str, ...] = (
            "person", "country", "capital", "igo", "organisation", "group"),
            skip_sources: frozenset[str] | set[str] = SKIP_SOURCES) -> None:
        self.kb = kb
        self._names: list[Name] = []
        self._index: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._cache: dict[str, list[tuple[float, str, str]]] = {}
        self._by_entry: dict[str, list[int]] = defaultdict(list)
        self._cues = CueReader(kb)
        aliases: list[tuple[list[str], Entry]] = []
        given: dict[str, set[str]] = defaultdict(set)  # given-name key -> person ids
        for entry in kb.entries():
            if entry.type not in types or entry.source in skip_sources:
                continue
            seen: set[tuple[str, ...]] = set()
            for alias in entry.names():
                words = tokens(alias)
                if not words or tuple(words) in seen or sum(map(len, words)) < MIN_LEN:
                    continue
                if len(words) == 1 and acronym(alias):
                    continue
                seen.add(tuple(words))
                aliases.append((words, entry))
                if entry.type == "person" and len(words) > 1:
                    given[name_key(words[0])].add(entry.id)
        for words, entry in aliases:
            count = len(given.get(name_key(words[0]), ())) if len(words) > 1 else 0
            self._add(Name.of(words, entry.id, entry.type, count))
        n = max(len(self._names), 1)
        self._idf = {k: math.log(1 + n / len(v)) for k, v in self._index.items()}
        common = max(300, n // 40)  # keys on more aliases than this are not looked up
        self._postings = {k: np.asarray(v, dtype=np.int32) for k, v in self._index.items()
                          if len(v) <= common}
        self._index.clear()
        df: dict[str, int] = defaultdict(int)
        for name in self._names:
            for k in set(name.keys):
                df[k] += 1
        self._weight = {k: math.log(1 + n / c) for k, c in df.items()}
        log.debug("fuzzy index: %d aliases, %d keys", len(self._names), len(self._postings))

    def _add(self, name: Name) -> None:
        i = len(self._names)
        self._names.append(name)
        self._by_entry[name.entry].append(i)
        for k in name.index_keys():
            postings = self._index[k]
            if not postings or postings[-1] != i:
                postings.append(i)

    # -- matching ---------------------------------------------------------------------------
    def __call__(self, text: str, ctx: MentionContext) -> tuple[Entry, float] | None:
        words = tokens(text)
        if sum(map(len, words)) < MIN_LEN or (len(words) == 1 and acronym(text)):
            return None
        ranked = self._ranked(words)
        label = getattr(ctx, "label", None)  # the NER label, when the context carries it
        allowed = _LABEL_TYPES.get(label or "")
        if allowed:
            ranked = [r for r in ranked if r[2] in allowed]
        if not ranked:
            return None
        cues: Cues | None = None
        if (ranked[0][0] < 0.995 or len(ranked) > 1 and ranked[1][0] > ranked[0][0] - MARGIN
                or ctx.country_hint or ctx.sector_hint):
            cues = self._cues.read(text, ctx)
        scored: list[tuple[float, Entry]] = []
        for value, entry_id, _type in ranked[:8]:
            entry = self.kb.get(entry_id)
            if entry is not None:
                bonus = self._cues.bonus(entry, cues, ctx.on) if cues else 0.0
                scored.append((value + bonus, entry))
        scored.sort(key=lambda se: -se[0])
        if scored:
            best, entry = scored[0]
            second = scored[1][0] if len(scored) > 1 else 0.0
            if best >= ACCEPT and best - second >= MARGIN:
                return entry, round(min(best, 0.99), 3)
        backed = self._backed(words, cues, allowed) if cues else None
        if backed is not None:
            return backed
        log.debug("fuzzy: %r not linked (%s)", text, scored[:2])
        return None

    def _backed(self, words: list[str], cues: Cues,
                allowed: set[str] | None) -> tuple[Entry, float] | None:
        """Among the few persons the context singles out ("Latvian Defense Minister", "CNN's")
        the one whose name this garbled one could be: the given name agrees and the surname
        is close or sounds alike (Soundex). Only a unique such person is returned."""
        if allowed and "person" not in allowed:
            return None
        backed = self._cues.backed(cues)
        if not backed or len(backed) > 60:
            return None
        query = Name.of(words)
        found = [pid for pid in sorted(backed)
                 if any(weak_match(query, self._names[i]) for i in self._by_entry.get(pid, ()))]
        entry = self.kb.get(found[0]) if len(found) == 1 else None
        return (entry, CONTEXT_SCORE) if entry is not None else None

    def _ranked(self, words: list[str]) -> list[tuple[float, str, str]]:
        """(calibrated score, entry id, entry type) per candidate entry, best first."""
        cache_key = " ".join(words)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        query = Name.of(words)
        votes = np.zeros(len(self._names), dtype=np.float32)
        for k in query.index_keys():
            postings = self._postings.get(k)
            if postings is not None:
                votes[postings] += self._idf[k]
        hits = int(np.count_nonzero(votes))
        if not hits:
            return []
        pool = min(hits, TOP_K * 4)
        top = np.argpartition(-votes, pool - 1)[:pool]
        per_entry: dict[str, tuple[float, str]] = {}
        taken: dict[str, int] = defaultdict(int)
        scored = 0
        for i in top[np.argsort(-votes[top], kind="stable")].tolist():
            alias = self._names[i]
            if taken[alias.entry] >= 3:  # entries with many variants must not crowd others out
                continue
            taken[alias.entry] += 1
            scored += 1
            if scored > TOP_K:
                break
            value = score(query, alias, self._weight)
            if value > per_entry.get(alias.entry, (0.0, ""))[0]:
                per_entry[alias.entry] = (value, alias.type)
        ranked = sorted(((v, e, t) for e, (v, t) in per_entry.items() if v > 0.5), reverse=True)
        if len(self._cache) > 20_000:
            self._cache.clear()
        self._cache[cache_key] = ranked
        return ranked
