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
normalisation live in :mod:`eventcoder.actors.entries`; the EntityRuler patterns in
:mod:`eventcoder.actors.patterns`. Both are re-exported or reached from here.
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
from eventcoder.errors import KnowledgeBaseError
from eventcoder.records import Actor

__all__ = [
    "DEFAULT_FILES", "Discards", "FORMAT_VERSION", "LEADER", "ROLE_KINDS", "TITLE_KINDS",
    "TYPES", "Entry", "KnowledgeBase", "Role", "entry_from_dict", "entry_to_dict", "fold",
    "normalise", "normalize", "role_from_dict",
]

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
#: Pseudo-kind accepted by :meth:`KnowledgeBase.holder`: the person who leads the country,
#: i.e. the head of government where the country entry says ``"leader":
#: "head_of_government"`` (parliamentary systems), else the head of state.
LEADER = "leader"
_TYPE_RANK = {"country": 0, "igo": 1, "organisation": 2, "group": 3, "person": 4, "capital": 5}
_KIND_RANK = {k: i for i, k in enumerate(ROLE_KINDS)}
OFFICE_SECTORS = {"GOV", "MIL", "LEG", "JUD"}  # offices a title before a surname can name

#: Title phrases (normalised) -> role kind. "leader"/"ruler" give the pseudo-kind LEADER.
TITLE_KINDS: dict[str, str] = {
    **dict.fromkeys(["president", "head of state", "king", "queen", "monarch", "emperor",
                     "emir", "amir", "sultan", "supreme leader", "pope"], "head_of_state"),
    **dict.fromkeys(["prime minister", "premier", "pm", "chancellor", "taoiseach",
                     "head of government"], "head_of_government"),
    **dict.fromkeys(["foreign minister", "foreign secretary", "secretary of state",
                     "minister of foreign affairs", "minister for foreign affairs",
                     "foreign affairs minister", "external affairs minister",
                     "minister of external affairs", "top diplomat", "chief diplomat",
                     "foreign policy chief", "high representative",
                     "minister of international relations"], "foreign_minister"),
    **dict.fromkeys(["defence minister", "defense minister", "defence secretary",
                     "defense secretary", "secretary of defense", "secretary of defence",
                     "minister of defence", "minister of defense", "minister for defence",
                     "war secretary", "secretary of war", "minister of the armed forces",
                     "armed forces minister", "secretary of national defense"],
                    "defence_minister"),
    **dict.fromkeys(["commander in chief", "army chief", "chief of the general staff",
                     "chief of general staff", "top general", "top commander", "military chief",
                     "chairman of the joint chiefs of staff", "joint chiefs chairman",
                     "supreme allied commander europe", "saceur", "chief of the defence staff",
                     "chief of defence staff", "chief of army staff"], "military_commander"),
    **dict.fromkeys(["secretary general", "director general", "nato chief", "un chief",
                     "commission president", "president of the european commission",
                     "president of the european council"], "igo_leader"),
    **dict.fromkeys(["journalist", "correspondent", "reporter", "anchor", "editor",
                     "columnist", "presenter"], "journalist"),
    **dict.fromkeys(["leader", "ruler", "strongman", "head"], LEADER),
}
_TITLE_PREFIXES = ("acting ", "interim ", "caretaker ", "incumbent ", "current ", "sitting ",
                   "outgoing ", "newly appointed ", "new ", "then ")
def _latest(entry: Entry) -> int:
    """How recent an entry's roles are (open roles count as most recent): ranks namesakes."""
    ends = [r.end or date.max for r in entry.roles]
    return max(ends).toordinal() if ends else 0


class KnowledgeBase:
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
                      base: KnowledgeBase | None = None) -> KnowledgeBase:
        """A knowledge base from PETRARCH/TABARI dictionaries (on top of a copy of ``base``);
        see :mod:`eventcoder.actors.petrarch_import`."""
        from eventcoder.actors.petrarch_import import import_petrarch

        return import_petrarch(actors=actors, agents=agents, discards=discards, base=base)

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

    def in_office(self, surname: str, on: date) -> Entry | None:
        """The one person with this surname who holds an office on ``on`` ("President Bush"
        in 2008; the surname alone is ambiguous and not a name in the index). None when
        nobody or several do."""
        live = [self._entries[i] for i in self._surname_index().get(normalise(surname), ())
                if any(r.active(on) and r.sector in OFFICE_SECTORS
                       for r in self._entries[i].roles)]
        return live[0] if len(live) == 1 else None

    def _surname_index(self) -> dict[str, list[str]]:
        if self._surnames is None:
            index: dict[str, list[str]] = {}
            for e in self._entries.values():
                if e.type == "person" and e.roles:
                    for name in (e.name, *e.aliases):
                        parts = normalise(name).split()
                        if len(parts) >= 2:
                            index.setdefault(parts[-1], []).append(e.id)
            self._surnames = {k: sorted(set(v)) for k, v in index.items()}
        return self._surnames

    def office_holders(self, name: str) -> list[Entry]:
        """Persons who held an office (any date) and whose name fits ``name``, the name after
        a title ("President Bush", "President Laurent Gbago"). The surname must be equal, or,
        for a surname of five letters or more, one edit away (two for eight or more letters,
        or when a given name or particle agrees: "Dos Sontas"); given names in ``name`` must
        each be one of the person's names or an initial of one. For a title whose holder
        on the article date is unknown (the date is missing or a placeholder): the caller
        accepts one person, or a country shared by all."""
        from rapidfuzz.distance import Levenshtein

        words = normalise(name).split()
        if not words:
            return []
        surname, given = words[-1], words[:-1]
        index = self._surname_index()

        def fits(e: Entry) -> bool:
            if not any(r.sector in OFFICE_SECTORS for r in e.roles):
                return False
            names = {w for n in (e.name, *e.aliases) for w in normalise(n).split()}
            return all(g in names or (len(g) == 1 and any(w.startswith(g) for w in names))
                       for g in given)

        exact = [self._entries[i] for i in index.get(surname, ()) if fits(self._entries[i])]
        if exact or len(surname) < 5:
            return exact
        limit = 2 if len(surname) >= 8 or any(len(g) > 1 for g in given) else 1
        found: dict[str, Entry] = {}
        for key, ids in index.items():
            if key[:1] != surname[:1] or abs(len(key) - len(surname)) > limit:
                continue
            if Levenshtein.distance(key, surname, score_cutoff=limit) > limit:
                continue
            for i in ids:
                if fits(self._entries[i]):
                    found[i] = self._entries[i]
        return list(found.values())

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
        element is the CAMEO sector (the entry's full code, e.g. GOVMIL, is on agent_entry)."""
        entry = self.agent_entry(phrase)
        if entry is None:
            return None
        return (entry.sector or (entry.code or "")[:3], entry.name)

    def title_kind(self, phrase: str) -> str | None:
        """Role kind named by a title ("president" -> "head_of_state", "premier" ->
        "head_of_government", "leader" -> LEADER). A leading country name or demonym and
        words like "acting"/"new" are ignored; "former ..." and "deputy ..." give None."""
        key = normalise(phrase)
        changed = True
        while changed and key not in TITLE_KINDS:
            changed = False
            for prefix in _TITLE_PREFIXES:
                if key.startswith(prefix):
                    key, changed = key[len(prefix):], True
            words = key.split()
            for n in (3, 2, 1):
                head = " ".join(words[:n])
                if len(words) > n and (head in self._demonyms or self._is_place(head)):
                    key, changed = " ".join(words[n:]), True
                    break
        return TITLE_KINDS.get(key)

    def _is_place(self, key: str) -> bool:
        return any(self._entries[i].type in ("country", "igo") for i in self._names.get(key, ()))

    def holder(self, country: str, kind: str, on: date) -> Entry | None:
        """Who held role ``kind`` in ``country`` (CAMEO country code, or an IGO code such as
        IGOWSTNAT for igo_leader) on ``on``. Head of state and head of government fall back
        on each other (e.g. the US has no separate head of government); ``kind`` may be
        :data:`LEADER`. Among several holders the most recently appointed wins (so an acting
        president beats a suspended one)."""
        if kind == LEADER:
            first = self._leader.get(country, "head_of_state")
            kinds = [first, "head_of_government" if first == "head_of_state" else "head_of_state"]
        elif kind in ("head_of_state", "head_of_government"):
            kinds = [kind, "head_of_government" if kind == "head_of_state" else "head_of_state"]
        else:
            kinds = [kind]
        for k in kinds:
            found = self._active(self._roles.get((country, k), []), on)
            if found:
                return found
        return None

    def holder_by_title(self, country: str, title: str, on: date) -> Entry | None:
        """Like :meth:`holder` but first matches the role title itself ("Supreme Leader",
        "Secretary of State", "Chancellor of the Exchequer"), then falls back on its kind."""
        found = self._active(self._titles.get((country, normalise(title)), []), on)
        if found:
            return found
        kind = self.title_kind(title)
        return self.holder(country, kind, on) if kind else None

    def _active(self, held: list[tuple[Role, str]], on: date) -> Entry | None:
        live = [(r, i) for r, i in held if r.active(on)]
        if not live:
            return None
        _, best = max(live, key=lambda ri: (ri[0].start or date.min))
        return self._entries.get(best)

    def actor(self, entry: Entry, on: date | None = None) -> Actor:
        """The entry as an :class:`Actor`, coded by the role active on ``on``. A person whose
        roles have all ended is coded as former elite (country + "ELI"); before any role, by
        country only. Without a date (or roles), the entry's own code."""
        base = Actor(code=entry.code or entry.country or "", name=entry.name,
                     country=entry.country, sector=entry.sector, type=entry.type,
                     kb_id=entry.id)
        if on is None or not entry.roles:
            return base
        live = [r for r in entry.roles if r.active(on)]
        if live:
            role = min(live, key=lambda r: (_KIND_RANK.get(r.kind, 99),
                                            -(r.start or date.min).toordinal()))
            return Actor(code=role.code, name=entry.name, country=role.country,
                         sector=role.sector, type=entry.type, kb_id=entry.id)
        if entry.type != "person":
            return base
        past = [r for r in entry.roles if r.end is not None and r.end <= on]
        country = entry.country or next((r.country for r in entry.roles if r.country), None)
        if past and country:
            return Actor(code=country + "ELI", name=entry.name, country=country, sector="ELI",
                         type=entry.type, kb_id=entry.id)
        if country:
            return Actor(code=country, name=entry.name, country=country, sector=None,
                         type=entry.type, kb_id=entry.id)
        return base

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
