"""Office queries of the actor knowledge base: who held which role when.

:class:`OfficeQueries` is a base class of :class:`~eventcoder.actors.kb.KnowledgeBase` (which
builds the indexes it reads and re-exports the names of this module): the holder of a role
kind or title in a country on a date, persons in office by surname, the role kind a title
phrase names (:data:`TITLE_KINDS`), and an entry coded by the role active on a date.
"""

from __future__ import annotations

from datetime import date

from eventcoder.actors.entries import ROLE_KINDS, Entry, Role, normalise
from eventcoder.records import Actor

__all__ = ["LEADER", "OFFICE_SECTORS", "TITLE_KINDS", "OfficeQueries"]

#: Pseudo-kind accepted by :meth:`KnowledgeBase.holder`: the person who leads the country,
#: i.e. the head of government where the country entry says ``"leader":
#: "head_of_government"`` (parliamentary systems), else the head of state.
LEADER = "leader"

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


class OfficeQueries:
    """The role and title lookups of :class:`~eventcoder.actors.kb.KnowledgeBase`, on the
    indexes it keeps."""

    _entries: dict[str, Entry]
    _names: dict[str, list[str]]  # normalised name/alias -> non-agent ids
    _demonyms: dict[str, str]  # normalised demonym -> country code
    _roles: dict[tuple[str, str], list[tuple[Role, str]]]  # (country, kind)
    _titles: dict[tuple[str, str], list[tuple[Role, str]]]  # (country, title)
    _leader: dict[str, str]  # country code -> the role kind that leads it
    _surnames: dict[str, list[str]] | None  # built on first use

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
