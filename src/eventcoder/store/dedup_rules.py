"""The matching rules of cross-article deduplication: when two events are the same real event.

``store/dedup.py`` runs clustering in DuckDB; this module holds what it applies: the keys every
event is reduced to (SQL expressions, computed in DuckDB), and the comparison of an atom (events
with identical keys) with the open clusters of its block, in the greedy pass (plain Python, no
database).

When two events are the same real event
    * same **dyad**: the source actors have the same country (or, for actors without a
      country such as ``IGOWSTNAT``, the same code), and so have the targets; the sectors are
      compatible: equal, or one of them unknown (``RUS`` merges with ``RUSMIL``, ``RUSMIL``
      does not merge with ``RUSGOV``). An event without a target only merges with events
      without a target;
    * the same **direction**. An event is blocked on its pair of actors in a fixed order (the
      smaller key first) and remembers whether it acts in that order or against it. Actions
      both sides do together (``MUTUAL_CODES``: consult, meet, negotiate, sign an
      agreement, cooperate) have no direction: like an unknown sector, a mutual report merges
      with reports of either direction. So "A negotiated with B" merges with "B negotiated
      with A", and "A consulted B" (``04``) with "A visited B" (``042``) or with "B visited
      A", whatever the order of A and B (with both visits that day, it joins one of them);
      "A visited B" never merges with "B visited A", and once a directed report has joined
      a cluster, its direction is the cluster's. ("B hosted A", ``043``, is not on the
      ``042`` chain, so it does not merge with "A visited B" either);
    * **compatible CAMEO codes**: same root, and one code is a prefix of the other after
      ``X0`` "not specified" codes are read as their root (``19``/``190`` merge with
      ``193`` and with ``1931``; ``193`` does not merge with ``194``). All codes in a cluster
      lie on one such chain;
    * **close dates**. A date stands for the period its precision names (``PERIODS``): the
      day (``day`` precision, and events dated by their article's date, ``publication``),
      the week from Monday to Sunday (``week``: "this week", "last week") or the calendar
      month (``month``: "in March"). An event matches a cluster when its period and the
      period of the cluster's anchor (the event that founded it) overlap or lie at most
      ``TOLERANCE_DAYS`` (2) apart: a report of Wednesday 12 March matches "this week"
      (10-16 March) and "in March" but not "last week" (3-9 March), a report of 2 April
      still matches "in March", one of 5 April does not. Anchoring (rather than chaining
      date-to-date) stops daily reports of a recurring event from merging into one cluster;
    * **same place** when both places are known: same name, or within 25 km, or one of them
      is a whole country (or a region that is the other's ``admin1``) containing the other.

    Events whose date is only known to the year or era, that have no date at all, or whose
    source or target actor is unresolved are never merged: each is a cluster of its own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

# The calendar period a date stands for, by its precision; precisions not listed (year, era)
# never merge. "publication" is an event dated by its article. Week and month periods are
# taken from the date itself (``date_trunc``), so a mid-month date of precision "month" still
# stands for its whole month.
PERIODS: Mapping[str, str] = {"day": "day", "publication": "day", "week": "week",
                              "month": "month"}
# Days two periods may lie apart and still be the same event: reports a day or two off.
TOLERANCE_DAYS = 2
PLACE_KM = 25.0  # two known places closer than this are the same place
# Actions both sides of a dyad do together (CAMEO codes as read for clustering, "X0" as "X"):
# consult, discuss by telephone, meet at a third location, negotiate, sign an agreement,
# cooperate. They have no direction: "A negotiated with B" and "B negotiated with A" report
# the same event.
MUTUAL_CODES: frozenset[str] = frozenset(
    {"04", "041", "044", "046", "057", "06", "061", "062", "063", "064"})
# How precisely a place feature locates an event; a cluster shows its best-placed member's
# place. One table for the Python pass and the SQL that orders atoms and picks that member.
FEATURE_RANK: Mapping[str, int] = {"city": 3, "other": 3, "region": 2, "country": 1}
_EARTH_KM = 6371.0

# --- keys, as SQL over ``events e JOIN articles a`` --------------------------------------

# Counted events: what the text says happened now (Event.counted).
COUNTED_SQL = "e.modality = 'asserted' AND NOT coalesce(e.historical, false)"

PLACE_RANK_SQL = (
    "CASE place_feature "
    + " ".join(f"WHEN '{name}' THEN {rank}" for name, rank in FEATURE_RANK.items())
    + " ELSE 0 END"
)


def derived_sql() -> str:
    """Columns derived from ``events e JOIN articles a``: the keys clustering compares.

    ``skey``/``tkey`` are the dyad in a fixed order (the smaller key first; ``tkey`` is ''
    without a target, NULL when the target is unresolved) and ``rev`` says the event acts
    against that order (NULL for ``MUTUAL_CODES``: no direction); ``ncode`` reads ``X0`` as
    ``X``; ``period_start``/``period_end`` are the days the date stands for (NULL: never
    merges).
    """
    mutual = ", ".join(f"'{code}'" for code in sorted(MUTUAL_CODES))
    starts = " ".join(f"WHEN '{precision}' THEN CAST(date_trunc('{unit}', day) AS DATE)"
                      for precision, unit in sorted(PERIODS.items()))
    ends = " ".join(
        f"WHEN '{precision}' THEN CAST(date_trunc('{unit}', day) + INTERVAL 1 {unit} AS DATE) - 1"
        for precision, unit in sorted(PERIODS.items()))
    return f"""
        CASE WHEN e.source_code IS NULL THEN NULL
             ELSE coalesce(e.source_country, e.source_code) END AS _skey,
        CASE WHEN e.target_start IS NULL THEN ''
             WHEN e.target_code IS NULL THEN NULL
             ELSE coalesce(e.target_country, e.target_code) END AS _tkey,
        CASE WHEN length(e.cameo) = 3 AND right(e.cameo, 1) = '0' THEN left(e.cameo, 2)
             ELSE e.cameo END AS ncode,
        (_tkey <> '' AND _tkey < _skey) AS _swap,
        CASE WHEN _swap THEN _tkey ELSE _skey END AS skey,
        CASE WHEN _swap THEN _skey ELSE _tkey END AS tkey,
        CASE WHEN _swap THEN e.target_sector ELSE e.source_sector END AS ssec,
        CASE WHEN _swap THEN e.source_sector ELSE e.target_sector END AS tsec,
        CASE WHEN ncode NOT IN ({mutual}) THEN coalesce(_swap, false) END AS rev,
        e.cameo_root AS root,
        TRY_CAST(left(e.date, 10) AS DATE) AS _event_day,
        coalesce(_event_day, a.date) AS day,
        CASE WHEN _event_day IS NOT NULL THEN coalesce(e.date_precision, 'day')
             WHEN a.date IS NOT NULL THEN 'publication' END AS prec,
        CASE prec {starts} END AS period_start,
        CASE prec {ends} END AS period_end,
        lower(e.location) AS place,
        e.location_country AS place_country,
        lower(e.location_admin1) AS place_admin1,
        e.location_feature AS place_feature,
        e.location_lat AS place_lat,
        e.location_lon AS place_lon,
        coalesce(nullif(lower(trim(a.source)), ''), 'article:' || a.key) AS outlet_key,
        coalesce(a.date, CAST(a.coded_at AS DATE)) AS seen
    """


# --- comparing an atom with open clusters -------------------------------------------------


@dataclass(slots=True)
class PlaceKey:
    """A place as clustering compares it (name and admin1 lower-cased)."""

    name: str
    country: str | None
    admin1: str | None
    feature: str | None
    lat: float | None
    lon: float | None

    def rank(self) -> int:
        return FEATURE_RANK.get(self.feature or "", 0)


def km(a: PlaceKey, b: PlaceKey) -> float:
    """Great-circle distance; both places must have coordinates."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dla, dlo = la2 - la1, math.radians(b.lon - a.lon)
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def same_place(a: PlaceKey | None, b: PlaceKey | None) -> bool:
    """Same place when both are known; an unknown place matches any."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.name == b.name:
        return True
    if a.feature == "country" or b.feature == "country":
        return bool(a.country and a.country == b.country)
    if (a.feature == "region" and a.name == b.admin1) or (
        b.feature == "region" and b.name == a.admin1
    ):
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return km(a, b) <= PLACE_KM
    return False


@dataclass(slots=True)
class OpenCluster:
    """An open cluster during the greedy pass: what new atoms are compared with."""

    cluster_id: str | None  # None for a cluster founded in this call (id given at the end)
    start: int  # the anchor's period, as days since 1970-01-01
    end: int | None  # None: never merges (undated, year/era precision or unresolved actors)
    code: str  # the deepest (longest) normalized CAMEO code of its members
    ssec: str | None
    tsec: str | None
    rev: bool | None  # direction of its directed members; None while all are mutual
    place: PlaceKey | None
    size: int
    founder: str = ""  # smallest event id of the founding atom, for new clusters
    order: int = 0  # creation order, the last tie-break
    atoms: list[int] = field(default_factory=list)


Block = tuple[str, str, str]  # (source key, target key, CAMEO root): only these can merge


def compatible(code: str, ssec: Any, tsec: Any, rev: bool | None, place: PlaceKey | None,
               c: OpenCluster) -> bool:
    """Codes on one chain, sectors and directions not in conflict and the same place (dates
    are checked apart)."""
    if not (code.startswith(c.code) or c.code.startswith(code)):
        return False
    if ssec is not None and c.ssec is not None and ssec != c.ssec:
        return False
    if tsec is not None and c.tsec is not None and tsec != c.tsec:
        return False
    if rev is not None and c.rev is not None and rev != c.rev:
        return False
    return same_place(place, c.place)


def apart(start: int, end: int, c: OpenCluster) -> int:
    """Days between a period and the cluster's anchor period (0 or less: they overlap)."""
    assert c.end is not None
    return max(start - c.end, c.start - end)


# The columns of an atom, in the order ``assign_atoms`` unpacks them; ``start``/``end`` are
# its period as days since 1970-01-01.
ATOM_FIELDS = ("atom_id", "skey", "tkey", "root", "ssec", "tsec", "rev", "ncode", "start",
               "end", "place", "place_country", "place_admin1", "place_feature", "place_lat",
               "place_lon", "solo", "n", "first_id")


def assign_atoms(
    rows: Iterable[tuple[Any, ...]], existing: Mapping[Block, list[OpenCluster]],
    tolerance: int = TOLERANCE_DAYS,
) -> tuple[list[OpenCluster], set[str]]:
    """Give every atom a cluster; returns the new clusters and the stored ones grown.

    ``rows`` are atoms (``ATOM_FIELDS``) sorted by block and then period, ``existing`` the
    stored clusters of their blocks. An atom joins the compatible cluster whose anchor period
    is within ``tolerance`` days of its own and has the nearest middle, then one with the
    same code, then the largest, then a stored one (by id) before one founded in this pass
    (in founding order); with none it founds a new cluster. Each atom is compared only with
    clusters anchored within reach of its period, so the pass is linear in the number of
    atoms.
    """
    created: list[OpenCluster] = []
    grown: set[str] = set()
    for block, group in groupby(rows, key=itemgetter(1, 2, 3)):
        by_start: dict[int, list[OpenCluster]] = {}
        longest = 0  # the longest anchor period of the block's open clusters, minus one
        for stored in existing.get(block, ()):
            if stored.end is not None:
                by_start.setdefault(stored.start, []).append(stored)
                longest = max(longest, stored.end - stored.start)
        for (atom_id, _, _, _, ssec, tsec, rev, code, start, end, name, country, admin1,
             feature, lat, lon, solo, n, first_id) in group:
            place = None if name is None else PlaceKey(name, country, admin1, feature, lat,
                                                       lon)
            best: OpenCluster | None = None
            if not solo:
                best_key: tuple[int, int, int, int, str] | None = None
                for d in range(start - tolerance - longest, end + tolerance + 1):
                    for c in by_start.get(d, ()):
                        if apart(start, end, c) > tolerance:
                            continue
                        if not compatible(code, ssec, tsec, rev, place, c):
                            continue
                        assert c.end is not None
                        key = (abs(start + end - c.start - c.end), 0 if c.code == code else 1,
                               -c.size, c.order if c.cluster_id is None else -1,
                               c.cluster_id or "")
                        if best_key is None or key < best_key:
                            best, best_key = c, key
            if best is None:
                cluster = OpenCluster(
                    cluster_id=None, start=start if start is not None else 0,
                    end=None if solo else end, code=code, ssec=ssec, tsec=tsec, rev=rev,
                    place=place, size=n, founder=first_id, order=len(created),
                    atoms=[atom_id],
                )
                created.append(cluster)
                if cluster.end is not None:
                    by_start.setdefault(cluster.start, []).append(cluster)
                    longest = max(longest, cluster.end - cluster.start)
                continue
            if len(code) > len(best.code):
                best.code = code
            if best.ssec is None:
                best.ssec = ssec
            if best.tsec is None:
                best.tsec = tsec
            if best.rev is None:
                best.rev = rev
            if place is not None and (best.place is None or place.rank() > best.place.rank()):
                best.place = place
            best.size += n
            best.atoms.append(atom_id)
            if best.cluster_id is not None:
                grown.add(best.cluster_id)
    return created, grown
