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
      without a target. Dyads are directed, except for actions both sides do together
      (``MUTUAL_CODES``: consult, meet, negotiate, sign an agreement, cooperate), where
      "A negotiated with B" and "B negotiated with A" are the same dyad;
    * **compatible CAMEO codes**: same root, and one code is a prefix of the other after
      ``X0`` "not specified" codes are read as their root (``19``/``190`` merge with
      ``193`` and with ``1931``; ``193`` does not merge with ``194``). All codes in a cluster
      lie on one such chain;
    * **close dates**: the event's date (its article's date when the text gives none) is
      within the window of the cluster's anchor date (the day of the event that founded it):
      +-2 days for ``day`` precision and undated events, +-7 for ``week``, +-31 for
      ``month``; the larger of the two windows applies. Anchoring (rather than chaining
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

# Days either side of a cluster's anchor date, by date precision. Precisions not listed
# (year, era) never merge. "publication" is an event dated by its article.
WINDOWS: Mapping[str, int] = {"day": 2, "publication": 2, "week": 7, "month": 31}
PLACE_KM = 25.0  # two known places closer than this are the same place
# Actions both sides of a dyad do together (CAMEO codes as read for clustering, "X0" as "X"):
# consult, discuss by telephone, meet at a third location, negotiate, sign an agreement,
# cooperate. "A negotiated with B" and "B negotiated with A" report the same event.
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


def derived_sql(windows: Mapping[str, int]) -> str:
    """Columns derived from ``events e JOIN articles a``: the keys clustering compares.

    ``skey``/``tkey`` are the dyad (``tkey`` is '' without a target, NULL when the target is
    unresolved), swapped into one order for ``MUTUAL_CODES``; ``ncode`` reads ``X0`` as ``X``;
    ``win`` is the date window by precision (NULL: never merges).
    """
    window_cases = " ".join(
        f"WHEN '{name}' THEN {int(days)}" for name, days in sorted(windows.items())
    )
    mutual = ", ".join(f"'{code}'" for code in sorted(MUTUAL_CODES))
    return f"""
        CASE WHEN e.source_code IS NULL THEN NULL
             ELSE coalesce(e.source_country, e.source_code) END AS _skey,
        CASE WHEN e.target_start IS NULL THEN ''
             WHEN e.target_code IS NULL THEN NULL
             ELSE coalesce(e.target_country, e.target_code) END AS _tkey,
        CASE WHEN length(e.cameo) = 3 AND right(e.cameo, 1) = '0' THEN left(e.cameo, 2)
             ELSE e.cameo END AS ncode,
        (ncode IN ({mutual}) AND _tkey <> '' AND _tkey < _skey) AS _swap,
        CASE WHEN _swap THEN _tkey ELSE _skey END AS skey,
        CASE WHEN _swap THEN _skey ELSE _tkey END AS tkey,
        CASE WHEN _swap THEN e.target_sector ELSE e.source_sector END AS ssec,
        CASE WHEN _swap THEN e.source_sector ELSE e.target_sector END AS tsec,
        e.cameo_root AS root,
        TRY_CAST(left(e.date, 10) AS DATE) AS _event_day,
        coalesce(TRY_CAST(left(e.date, 10) AS DATE), a.date) AS day,
        CASE WHEN TRY_CAST(left(e.date, 10) AS DATE) IS NOT NULL
             THEN coalesce(e.date_precision, 'day')
             WHEN a.date IS NOT NULL THEN 'publication' END AS prec,
        CASE CASE WHEN TRY_CAST(left(e.date, 10) AS DATE) IS NOT NULL
                  THEN coalesce(e.date_precision, 'day')
                  WHEN a.date IS NOT NULL THEN 'publication' END
             {window_cases} END AS win,
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
    anchor: int  # days since 1970-01-01
    window: int  # -1: never merges (undated, year/era precision or unresolved actors)
    code: str  # the deepest (longest) normalized CAMEO code of its members
    ssec: str | None
    tsec: str | None
    place: PlaceKey | None
    size: int
    founder: str = ""  # smallest event id of the founding atom, for new clusters
    order: int = 0  # creation order, the last tie-break
    atoms: list[int] = field(default_factory=list)


Block = tuple[str, str, str]  # (source key, target key, CAMEO root): only these can merge


def compatible(code: str, ssec: Any, tsec: Any, place: PlaceKey | None, c: OpenCluster) -> bool:
    """Codes on one chain, sectors not in conflict and the same place (dates checked apart)."""
    if not (code.startswith(c.code) or c.code.startswith(code)):
        return False
    if ssec is not None and c.ssec is not None and ssec != c.ssec:
        return False
    if tsec is not None and c.tsec is not None and tsec != c.tsec:
        return False
    return same_place(place, c.place)


# The columns of an atom, in the order ``assign_atoms`` unpacks them; ``dayn`` is the day as
# days since 1970-01-01.
ATOM_FIELDS = ("atom_id", "skey", "tkey", "root", "ssec", "tsec", "ncode", "dayn", "win",
               "place", "place_country", "place_admin1", "place_feature", "place_lat",
               "place_lon", "solo", "n", "first_id")


def assign_atoms(
    rows: Iterable[tuple[Any, ...]], existing: Mapping[Block, list[OpenCluster]]
) -> tuple[list[OpenCluster], set[str]]:
    """Give every atom a cluster; returns the new clusters and the stored ones grown.

    ``rows`` are atoms (``ATOM_FIELDS``) sorted by block and then date, ``existing`` the stored
    clusters of their blocks. An atom joins the compatible cluster whose anchor is nearest,
    then one with the same code, then the largest, then a stored one (by id) before one
    founded in this pass (in founding order); with none it founds a new cluster. Each atom is
    compared only with clusters anchored within reach of its day, so the pass is linear in the
    number of atoms.
    """
    created: list[OpenCluster] = []
    grown: set[str] = set()
    for block, group in groupby(rows, key=itemgetter(1, 2, 3)):
        by_day: dict[int, list[OpenCluster]] = {}
        widest = 0
        for stored in existing.get(block, ()):
            by_day.setdefault(stored.anchor, []).append(stored)
            widest = max(widest, stored.window)
        for (atom_id, _, _, _, ssec, tsec, code, day, window, name, country, admin1,
             feature, lat, lon, solo, n, first_id) in group:
            place = None if name is None else PlaceKey(name, country, admin1, feature, lat,
                                                       lon)
            best: OpenCluster | None = None
            if not solo:
                best_key: tuple[int, int, int, int, str] | None = None
                reach = max(window, widest)
                for d in range(day - reach, day + reach + 1):
                    for c in by_day.get(d, ()):
                        if abs(day - c.anchor) > max(window, c.window):
                            continue
                        if not compatible(code, ssec, tsec, place, c):
                            continue
                        key = (abs(day - c.anchor), 0 if c.code == code else 1, -c.size,
                               c.order if c.cluster_id is None else -1,
                               c.cluster_id or "")
                        if best_key is None or key < best_key:
                            best, best_key = c, key
            if best is None:
                cluster = OpenCluster(
                    cluster_id=None, anchor=day if day is not None else 0,
                    window=-1 if solo else window, code=code, ssec=ssec, tsec=tsec,
                    place=place, size=n, founder=first_id, order=len(created),
                    atoms=[atom_id],
                )
                created.append(cluster)
                if not solo:
                    by_day.setdefault(cluster.anchor, []).append(cluster)
                    widest = max(widest, cluster.window)
                continue
            if len(code) > len(best.code):
                best.code = code
            if best.ssec is None:
                best.ssec = ssec
            if best.tsec is None:
                best.tsec = tsec
            if place is not None and (best.place is None or place.rank() > best.place.rank()):
                best.place = place
            best.size += n
            best.atoms.append(atom_id)
            if best.cluster_id is not None:
                grown.add(best.cluster_id)
    return created, grown
