"""Actor knowledge base: who is who, coded in CAMEO actor codes, with dated roles.

The packaged data is ``actors/data/actors.jsonl`` (curated) and ``actors/data/phoenix.jsonl``
(persons and organisations of the Phoenix dictionaries), both built by ``scripts/build_kb.py``
(sources and licences in ``actors/data/SOURCES.md``). One JSON object per line:

* a header ``{"format_version": 1, "ruler": {"common_words": [...], "skip": [...],
  "exact_case": [...]}, ...}`` (optional in user files; a newer ``format_version`` is refused;
  ``exact_case`` aliases are matched by the EntityRuler only as written; ``"discards":
  {"sentence": [...], "story": [...]}`` adds to :attr:`KnowledgeBase.discards`);
* entries ``{"id": "person:vladimir-putin", "type": "person", "name": "Vladimir Putin",
  "code": "RUSGOV", "country": "RUS", "sector": "GOV", "aliases": ["Putin", ...],
  "demonyms": [], "roles": [{"title": "President", "kind": "head_of_state", "country": "RUS",
  "sector": "GOV", "code": "RUSGOV", "start": "2012-05-07", "end": null}], "source": "curated"}``.
  ``type`` is country, capital, organisation, igo, group, person or agent; only ``id``,
  ``type`` and ``name`` are required. Countries may carry ``leader`` (which role kind leads
  the country, see :data:`LEADER`). Role dates are ISO, ``end`` exclusive, null = open.

Lookups normalise text with :func:`normalise`, so "the Kremlin's", "KREMLIN" and "Kremlin"
are one key, and "U.S." equals "US". The records (:class:`Entry`, :class:`Role`) and the
normalisation live in :mod:`eventcoder.actors.entries`; the office queries (role holders,
title kinds, coding by the active role) in :mod:`eventcoder.actors.offices`; the EntityRuler
patterns in :mod:`eventcoder.actors.patterns`. All are re-exported or reached from here.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from eventcoder.actors.entries import (
    ROLE_KINDS,
    TYPES,
    Discards,
    Entry,
    Role,
    entry_from_dict,
    entry_to_dict,
    fold,
    normalise,
    normalize,
    role_from_dict,
)
from eventcoder.actors.offices import LEADER, OFFICE_SECTORS, TITLE_KINDS, OfficeQueries
from eventcoder.errors import KnowledgeBaseError

__all__ = [
    "DEFAULT_FILES", "Discards", "FORMAT_VERSION", "LEADER", "OFFICE_SECTORS", "ROLE_KINDS",
    "TITLE_KINDS", "TYPES", "Entry", "KnowledgeBase", "Role", "entry_from_dict",
    "entry_to_dict", "fold", "normalise", "normalize", "role_from_dict",
]

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_TYPE_RANK = {"country": 0, "igo": 1, "organisation": 2, "group": 3, "person": 4, "capital": 5}


def _latest(entry: Entry) -> int:
    """How recent an entry's roles are (open roles count as most recent): ranks namesakes."""
    ends = [r.end or date.max for r in entry.roles]
    return max(ends).toordinal() if ends else 0


class KnowledgeBase(OfficeQueries):
    """Dict-indexed actor knowledge base. Build with :meth:`default` or :meth:`from_jsonl`.

    :meth:`default` is shared (cached): :meth:`copy` it before :meth:`add`.
    """

    def __init__(self, entries: Iterable[Entry] = (), *, common_words: Iterable[str] = (),
                 ruler_skip: Iterable[str] = (), ruler_exact: Iterable[str] = ()) -> None:
        self._entries: dict[str, Entry] = {}
        self._names: dict[str, list[str]] = {}  # normalised name/alias -> non-agent ids
        self._demonyms: dict[str, str] = {}  # normalised demonym -> country code
        self._agents: dict[str, str] = {}  # normalised agent phrase -> agent id
        self._roles: dict[tuple[str, str], list[tuple[Role, str]]] = {}  # (country, kind)
        self._titles: dict[tuple[str, str], list[tuple[Role, str]]] = {}  # (country, title)
        self._leader: dict[str, str] = {}
        self._surnames: dict[str, list[str]] | None = None  # built on first use
        self._recency: dict[str, int] = {}
        self.common_words: set[str] = {w.lower() for w in common_words}
        self.ruler_skip: set[str] = {normalise(w) for w in ruler_skip}
        #: Aliases (normalised) the EntityRuler matches only as written or in capitals.
        self.ruler_exact: set[str] = {normalise(w) for w in ruler_exact}
        self._patterns: list[dict[str, Any]] | None = None
        #: PETRARCH discard phrases (see :class:`Discards`): the engine skips a sentence, or
        #: the whole article, that contains one.
        self.discards = Discards()
        # Hash of the files loaded so far; None once entries come from anywhere else.
        self._digest: Any = hashlib.sha256()
        for entry in entries:
            self.add(entry)

    # -- building -------------------------------------------------------------------------
    @classmethod
    def default(cls) -> KnowledgeBase:
        """The packaged knowledge base (loaded once per process)."""
        return _default_kb()

    @classmethod
    def from_jsonl(cls, *paths: str | Path) -> KnowledgeBase:
        kb = cls()
        for path in paths:
            kb.load_jsonl(path)
        return kb

    @classmethod
    def from_petrarch(cls, actors: Iterable[str | Path] = (), agents: Iterable[str | Path] = (),
                      discards: Iterable[str | Path] = (),
                      base: KnowledgeBase | None = None, *,
                      inclusive_end: bool = False) -> KnowledgeBase:
        """A knowledge base from PETRARCH/TABARI dictionaries (on top of a copy of ``base``);
        see :mod:`eventcoder.actors.petrarch_import`."""
        from eventcoder.actors.petrarch_import import import_petrarch

        return import_petrarch(actors=actors, agents=agents, discards=discards, base=base,
                               inclusive_end=inclusive_end)

    def load_jsonl(self, path: str | Path) -> None:
        """Add the entries of one JSONL file (later entries replace earlier ids)."""
        path = Path(path)
        try:
            raw = path.read_bytes()
            lines = raw.decode("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeBaseError(f"cannot read knowledge base: {exc}", input=str(path)) from exc
        digest = self._digest
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KnowledgeBaseError(f"bad JSON: {exc.msg}", input=where) from None
            if not isinstance(obj, dict):
                raise KnowledgeBaseError("each line must be a JSON object", input=where)
            if "format_version" in obj and "id" not in obj:
                self._header(obj, where)
                continue
            self.add(entry_from_dict(obj, where))
        if digest is not None:
            digest.update(hashlib.sha256(raw).digest())
        self._digest = digest
        log.debug("loaded %s: %d entries", path, len(self))

    def _header(self, obj: dict[str, Any], where: str) -> None:
        version = obj.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise KnowledgeBaseError(
                f"format_version {version!r} is not supported (this version reads up to "
                f"{FORMAT_VERSION}); upgrade eventcoder", input=where)
        ruler = obj.get("ruler") or {}
        self.common_words.update(w.lower() for w in ruler.get("common_words", []))
        self.ruler_skip.update(normalise(w) for w in ruler.get("skip", []))
        self.ruler_exact.update(normalise(w) for w in ruler.get("exact_case", []))
        self._patterns = None
        self._surnames = None
        if obj.get("discards"):
            self.discards = self.discards.merged(Discards.from_dict(obj["discards"]))

    def extended(self, *paths: str | Path) -> KnowledgeBase:
        """A copy with user JSONL files loaded on top (their ids replace packaged ones)."""
        kb = self.copy()
        for path in paths:
            kb.load_jsonl(path)
        return kb

    def copy(self) -> KnowledgeBase:
        kb = KnowledgeBase(self._entries.values(), common_words=self.common_words,
                           ruler_skip=self.ruler_skip, ruler_exact=self.ruler_exact)
        kb.discards = self.discards
        kb._digest = self._digest.copy() if self._digest is not None else None
        return kb

    def fingerprint(self) -> str | None:
        """A hash of what this knowledge base was loaded from (the files, in order) and of
        its ruler settings; None when entries were added any other way (:meth:`add`, the
        constructor). Equal fingerprints mean equal EntityRuler patterns; the disk cache of
        :mod:`eventcoder.nlp.cache` is keyed by it."""
        if self._digest is None:
            return None
        h = self._digest.copy()
        h.update(json.dumps([sorted(self.common_words), sorted(self.ruler_skip),
                             sorted(self.ruler_exact)]).encode())
        return str(h.hexdigest())

    def add(self, entry: Entry) -> None:
        """Add an entry, replacing any entry with the same id."""
        self._digest = None
        if entry.id in self._entries:
            self._remove(entry.id)
        self._entries[entry.id] = entry
        self._patterns = None
        self._surnames = None  # the office-holder surname index is rebuilt on next use
        self._recency[entry.id] = _latest(entry)
        if entry.type == "agent":
            for name in entry.names():
                self._agents.setdefault(normalise(name), entry.id)
            return
        for name in entry.names():
            ids = self._names.setdefault(normalise(name), [])
            if entry.id not in ids:
                ids.append(entry.id)
        if entry.type == "country" and entry.code:
            for dem in entry.demonyms:
                self._demonyms.setdefault(normalise(dem), entry.code)
            if entry.leader:
                self._leader[entry.code] = entry.leader
        for role in entry.roles:
            place = role.country or role.code
            self._roles.setdefault((place, role.kind), []).append((role, entry.id))
            self._titles.setdefault((place, normalise(role.title)), []).append((role, entry.id))

    def _remove(self, entry_id: str) -> None:
        entry = self._entries.pop(entry_id)
        for name in entry.names():
            ids = self._names.get(normalise(name), [])
            if entry_id in ids:
                ids.remove(entry_id)
        for phrase in [p for p, v in self._agents.items() if v == entry_id]:
            del self._agents[phrase]
        if entry.type == "country":
            for dem in entry.demonyms:
                if self._demonyms.get(normalise(dem)) == entry.code:
                    del self._demonyms[normalise(dem)]
            if entry.code:
                self._leader.pop(entry.code, None)
        for table in (self._roles, self._titles):
            for key, held in table.items():
                table[key] = [(r, i) for r, i in held if i != entry_id]

    # -- reading --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def entries(self) -> Iterator[Entry]:
        return iter(list(self._entries.values()))

    def get(self, id: str) -> Entry | None:
        return self._entries.get(id)

    def lookup(self, text: str) -> list[Entry]:
        """Non-agent entries whose name or an alias equals ``text`` once normalised.

        Best first: capitals (metonyms) after everything else ("Brussels" is the EU before
        it is Belgium), a match on the canonical name before an alias, then countries, IGOs,
        organisations, groups, persons (most recently in office first).
        """
        key = normalise(text)
        found = [self._entries[i] for i in self._names.get(key, ())]
        return sorted(found, key=lambda e: (e.type == "capital", normalise(e.name) != key,
                                            _TYPE_RANK.get(e.type, 9),
                                            -self._recency.get(e.id, 0)))

    def demonym(self, word: str) -> str | None:
        """"Russian"/"Russians" -> "RUS"; "North Korean" -> "PRK"."""
        return self._demonyms.get(normalise(word))

    def agent_entry(self, phrase: str) -> Entry | None:
        key = normalise(phrase)
        agent_id = self._agents.get(key)
        if agent_id is None:
            for stem in _singulars(key):
                agent_id = self._agents.get(stem)
                if agent_id:
                    break
        return self._entries.get(agent_id) if agent_id else None

    def agent(self, phrase: str) -> tuple[str, str] | None:
        """"troops" -> ("MIL", "military"); "defense minister" -> ("GOV", ...). The first
        element is the CAMEO sector (the entry's full code, e.g. GOVMIL, is on agent_entry),
        marked ``NGO~`` for an agent PETRARCH's agents file puts before the actor's code
        (see :func:`~eventcoder.actors.entries.compose_code`)."""
        entry = self.agent_entry(phrase)
        if entry is None:
            return None
        sector = entry.sector or (entry.code or "")[:3]
        return (sector + "~" if (entry.code or "").endswith("~") else sector, entry.name)

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self._entries.values():
            counts[e.type] = counts.get(e.type, 0) + 1
        counts["names_and_aliases"] = sum(len(e.names()) for e in self._entries.values())
        counts["lookup_keys"] = len(self._names)
        counts["agent_phrases"] = len(self._agents)
        counts["demonyms"] = len(self._demonyms)
        return counts

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns (label ACTOR, id = entry id) for every name and alias
        of the non-agent entries; see :mod:`eventcoder.actors.patterns` for the rules."""
        if self._patterns is None:
            from eventcoder.actors.patterns import build_patterns

            self._patterns = build_patterns(self)
        return self._patterns

    def agent_vocabulary(self) -> set[str]:
        """Every word used in an agent phrase ("troops", "minister", ...)."""
        return {w for phrase in self._agents for w in phrase.split()}


def _singulars(key: str) -> list[str]:
    out = []
    if key.endswith("ies"):
        out.append(key[:-3] + "y")
    if key.endswith("es"):
        out.append(key[:-2])
    if key.endswith("s"):
        out.append(key[:-1])
    if key.endswith("men"):
        out.append(key[:-3] + "man")
    return out


#: The packaged data files, loaded in this order by :meth:`KnowledgeBase.default`: the curated
#: knowledge base, then the Phoenix persons and organisations it lacks (see SOURCES.md).
DEFAULT_FILES = ("actors.jsonl", "phoenix.jsonl")


@functools.lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    folder = resources.files("eventcoder.actors") / "data"
    kb = KnowledgeBase()
    for name in DEFAULT_FILES:
        data = folder / name
        if not data.is_file():
            log.warning("packaged knowledge base file %s is missing", name)
            continue
        with resources.as_file(data) as path:
            kb.load_jsonl(path)
    return kb
