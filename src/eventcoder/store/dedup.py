"""Cross-article deduplication: events that report the same real event become one cluster.

Many articles report the same event ("Russia and Ukraine exchanged prisoners on Tuesday"), each
coded as its own ``Event``. ``update_clusters(store)`` (or ``Store.cluster()``) groups them into
**event clusters**: the ``clusters`` table has one row per real event, with the fields of a
representative member, ``num_mentions`` (member events), ``num_sources`` (distinct outlets),
``num_articles``, ``first_seen``/``last_seen`` (publication dates of the first and last
report), and ``cluster_members`` links every member event (and so its evidence span) to its
cluster.

Which events cluster
    Only events the text says happened now: ``modality = 'asserted'`` and not ``historical``
    (``Event.counted``). Negated, hypothetical, intended and historical events are not
    clustered and belong to no cluster. Every counted event belongs to exactly one cluster,
    perhaps alone in it.

When two events are the same real event
    Same dyad and direction (a mutual action, such as talks, has none and merges with either
    direction), CAMEO codes on one chain, date periods (a day, a week, a month) overlapping
    or within two days of the cluster's anchor period, and the same place when both are
    known; events dated only to the year or era, undated or with an unresolved actor never
    merge. The rules, and the greedy pass that applies them, are in
    ``store/dedup_rules.py``.

How it scales
    Blocking is done in DuckDB: events are reduced to *atoms* (events with identical keys:
    dyad, direction, sectors, code, date period, place) with one ``GROUP BY``; existing
    clusters are fetched only for the blocks ``(source, target, CAMEO root)`` and date
    ranges that new atoms touch. A greedy pass in Python then visits each block's atoms in
    date order and compares each atom only with open clusters of its block whose anchor
    periods lie within reach, so the work is linear in the number of atoms (no all-pairs
    comparison). Cluster rows are recomputed in SQL for the clusters that changed.

Incremental and idempotent
    New events (not in ``cluster_members``) are merged into stored clusters or found new ones.
    Members whose event was deleted, re-coded (its article was written again after it was
    clustered) or is no longer counted are removed first and their clusters recomputed (or
    dropped when empty), and re-coded events are clustered again. Running it again with no
    new events changes nothing. Cluster ids are a hash of the founding event's id, so
    clustering the same events in the same order gives the same ids. The pass is greedy: an
    event that fits several clusters joins the one whose anchor period is nearest, then the
    one with the same code, then the largest; so a report that fits two clusters equally well
    (a generic "protests across Georgia" beside protests in two cities that day) may join a
    different one depending on the order batches arrive in. ``rebuild=True`` clusters all
    events again in one pass (the cluster tables are dropped and made again: deleting every
    row and inserting the same keys in one transaction makes DuckDB's commit several times
    slower than the clustering itself).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import duckdb
import pyarrow as pa

from eventcoder.errors import StoreError
from eventcoder.records import content_hash
from eventcoder.store import schema
from eventcoder.store.dedup_rules import (
    ATOM_FIELDS,
    COUNTED_SQL,
    PLACE_RANK_SQL,
    TOLERANCE_DAYS,
    Block,
    OpenCluster,
    PlaceKey,
    assign_atoms,
    derived_sql,
)
from eventcoder.store.duckdb_store import Store, _now, transaction

logger = logging.getLogger(__name__)

__all__ = ["TOLERANCE_DAYS", "ClusterStats", "cluster_pairs", "update_clusters"]


@dataclass(frozen=True, slots=True)
class ClusterStats:
    """What one ``update_clusters`` call did."""

    events: int = 0  # events clustered in this call
    created: int = 0  # new clusters
    grown: int = 0  # stored clusters that new events joined
    removed_members: int = 0  # members dropped (event deleted, re-coded or no longer counted)
    dropped: int = 0  # clusters left empty and deleted
    clusters: int = 0  # clusters stored after the call
    members: int = 0  # cluster members stored after the call
    seconds: float = 0.0


# --- how a cluster's row sums up its members ---------------------------------------------

_PRECISION_RANK = (
    "CASE prec WHEN 'day' THEN 0 WHEN 'publication' THEN 1 WHEN 'week' THEN 2 "
    "WHEN 'month' THEN 3 WHEN 'year' THEN 4 ELSE 5 END"
)
_PLACE_ORDER = f"ORDER BY {PLACE_RANK_SQL} DESC, id"
# a cluster's place: every column from the one best-placed event that has a place
_CLUSTER_PLACE = ",\n".join(
    f"first({c} {_PLACE_ORDER}) FILTER (WHERE location IS NOT NULL) AS {c}"
    for c in ("location", "location_country", "location_admin1", "location_feature",
              "location_lat", "location_lon"))


def _columns(table: pa.Table) -> dict[str, list[Any]]:
    return {name: table.column(name).to_pylist() for name in table.column_names}


class _Run:
    """One ``update_clusters`` call on an open transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection, tolerance: int) -> None:
        self.con = con
        self.tolerance = int(tolerance)
        self.derived = derived_sql()
        self.now = _now()  # the store's clock: compared with the articles' coded_at

    def scalar(self, sql: str, params: list[Any] | None = None) -> int:
        return int(self.con.execute(sql, params or []).fetchall()[0][0])

    # --- 1. drop members whose event is gone, re-coded or no longer counted ----------------

    def remove_stale_members(self) -> tuple[int, set[str]]:
        self.con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _ec_stale AS
            SELECT m.event_id, m.cluster_id
            FROM cluster_members m
            LEFT JOIN events e ON e.id = m.event_id
            LEFT JOIN articles a ON a.key = e.article_key
            WHERE e.id IS NULL OR a.key IS NULL OR NOT ({COUNTED_SQL})
               OR a.coded_at > m.clustered_at
        """)
        dirty = {row[0] for row in self.con.execute(
            "SELECT DISTINCT cluster_id FROM _ec_stale").fetchall()}
        removed = self.scalar("SELECT count(*) FROM _ec_stale")
        if removed:
            self.con.execute(
                "DELETE FROM cluster_members WHERE event_id IN (SELECT event_id FROM _ec_stale)"
            )
        return removed, dirty

    # --- 2. the new events, reduced to atoms ---------------------------------------------

    def build_atoms(self) -> int:
        """Temp tables ``_ec_new`` (event -> atom) and ``_ec_atoms``; returns new events."""
        self.con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _ec_new AS
            WITH ev AS (
                SELECT e.id, {self.derived}
                FROM events e JOIN articles a ON a.key = e.article_key
                WHERE {COUNTED_SQL}
                  AND NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.event_id = e.id)
            ), keyed AS (
                SELECT *, CASE WHEN skey IS NULL OR tkey IS NULL OR period_start IS NULL
                               THEN id END AS solo
                FROM ev
            )
            SELECT id, dense_rank() OVER (ORDER BY
                       skey, tkey, root, period_start, period_end, length(ncode) DESC,
                       ncode, rev NULLS LAST, ssec NULLS LAST, tsec NULLS LAST,
                       {PLACE_RANK_SQL} DESC, place NULLS LAST, place_country NULLS LAST,
                       place_admin1 NULLS LAST, place_feature NULLS LAST,
                       place_lat NULLS LAST, place_lon NULLS LAST,
                       solo NULLS FIRST) AS atom_id,
                   skey, tkey, root, ssec, tsec, rev, ncode, period_start, period_end, place,
                   place_country, place_admin1, place_feature, place_lat, place_lon, solo
            FROM keyed
        """)
        new = self.scalar("SELECT count(*) FROM _ec_new")
        self.con.execute("""
            CREATE OR REPLACE TEMP TABLE _ec_atoms AS
            SELECT atom_id, any_value(skey) AS skey, any_value(tkey) AS tkey,
                   any_value(root) AS root, any_value(ssec) AS ssec, any_value(tsec) AS tsec,
                   any_value(rev) AS rev, any_value(ncode) AS ncode,
                   any_value(period_start) AS period_start,
                   any_value(period_end) AS period_end,
                   any_value(place) AS place, any_value(place_country) AS place_country,
                   any_value(place_admin1) AS place_admin1,
                   any_value(place_feature) AS place_feature,
                   any_value(place_lat) AS place_lat, any_value(place_lon) AS place_lon,
                   bool_or(solo IS NOT NULL) AS solo, count(*) AS n, min(id) AS first_id
            FROM _ec_new GROUP BY atom_id
        """)
        return new

    # --- 3. stored clusters the new atoms may join ----------------------------------------

    def candidates(self) -> dict[Block, list[OpenCluster]]:
        table = self.con.sql(f"""
            WITH blocks AS (
                SELECT skey, tkey, root, min(period_start) AS lo, max(period_end) AS hi
                FROM _ec_atoms WHERE NOT solo GROUP BY ALL
            )
            SELECT c.cluster_id, c.block_source, c.block_target, c.cameo_root,
                   CAST(c.anchor_date - DATE '1970-01-01' AS INTEGER) AS anchor_start,
                   CAST(c.anchor_end - DATE '1970-01-01' AS INTEGER) AS anchor_end,
                   c.match_cameo, c.match_source_sector, c.match_target_sector,
                   c.match_reversed, lower(c.location) AS place, c.location_country,
                   lower(c.location_admin1) AS admin1, c.location_feature, c.location_lat,
                   c.location_lon, c.num_mentions
            FROM clusters c JOIN blocks b
              ON c.block_source = b.skey AND c.block_target = b.tkey
             AND c.cameo_root = b.root
            WHERE c.anchor_end >= b.lo - {self.tolerance}
              AND c.anchor_date <= b.hi + {self.tolerance}
            ORDER BY c.block_source, c.block_target, c.cameo_root, c.anchor_date, c.cluster_id
        """).to_arrow_table()
        cols = _columns(table)
        found: dict[Block, list[OpenCluster]] = {}
        for i, cluster_id in enumerate(cols["cluster_id"]):
            place = None
            if cols["place"][i] is not None:
                place = PlaceKey(cols["place"][i], cols["location_country"][i],
                                 cols["admin1"][i], cols["location_feature"][i],
                                 cols["location_lat"][i], cols["location_lon"][i])
            key = (cols["block_source"][i], cols["block_target"][i], cols["cameo_root"][i])
            found.setdefault(key, []).append(OpenCluster(
                cluster_id=cluster_id, start=cols["anchor_start"][i], end=cols["anchor_end"][i],
                code=cols["match_cameo"][i], ssec=cols["match_source_sector"][i],
                tsec=cols["match_target_sector"][i], rev=cols["match_reversed"][i],
                place=place, size=cols["num_mentions"][i],
            ))
        return found

    # --- 4. greedy assignment, block by block ---------------------------------------------

    def assign(
        self, existing: dict[Block, list[OpenCluster]]
    ) -> tuple[list[OpenCluster], set[str]]:
        """Give every atom a cluster; returns the new clusters and the stored ones grown."""
        days = {"start": "CAST(period_start - DATE '1970-01-01' AS INTEGER)",
                "end": "CAST(period_end - DATE '1970-01-01' AS INTEGER)"}
        columns = ", ".join(f'{days.get(name, name)} AS "{name}"' for name in ATOM_FIELDS)
        atoms = self.con.sql(
            f"SELECT {columns} FROM _ec_atoms ORDER BY atom_id").to_arrow_table()
        rows = zip(*(atoms.column(name).to_pylist() for name in ATOM_FIELDS), strict=True)
        return assign_atoms(rows, existing, self.tolerance)

    # --- 5. write members and recompute the clusters that changed -------------------------

    def name_new(self, created: list[OpenCluster]) -> None:
        """Cluster ids: a hash of the founding event id, re-hashed if already taken."""
        ids = [content_hash("cluster", c.founder) for c in created]
        taken = set()
        if ids:
            taken = {row[0] for row in self.con.execute(
                "SELECT cluster_id FROM clusters WHERE cluster_id IN (SELECT unnest(?))", [ids]
            ).fetchall()}
        for cluster, cluster_id in zip(created, ids, strict=True):
            salt = 0
            while cluster_id in taken:
                salt += 1
                cluster_id = content_hash("cluster", cluster.founder, str(salt))
            taken.add(cluster_id)
            cluster.cluster_id = cluster_id

    def write_members(
        self, created: list[OpenCluster], existing: dict[Block, list[OpenCluster]]
    ) -> None:
        atom_ids: list[int] = []
        cluster_ids: list[str] = []
        for cluster in [*created, *(c for cs in existing.values() for c in cs)]:
            for atom_id in cluster.atoms:
                atom_ids.append(atom_id)
                cluster_ids.append(cluster.cluster_id or "")
        self.con.register("_ec_assign", pa.table({
            "atom_id": pa.array(atom_ids, type=pa.int64()),
            "cluster_id": pa.array(cluster_ids, type=pa.string()),
        }))
        self.con.register("_ec_anchors", pa.table({
            "cluster_id": pa.array([c.cluster_id for c in created], type=pa.string()),
            "anchor_start": pa.array([None if c.end is None else c.start for c in created],
                                     type=pa.int32()),
            "anchor_end": pa.array([c.end for c in created], type=pa.int32()),
        }))
        try:
            self.con.execute("""
                INSERT INTO cluster_members (event_id, cluster_id, clustered_at)
                SELECT n.id, s.cluster_id, ? FROM _ec_new n JOIN _ec_assign s USING (atom_id)
            """, [self.now])
            self.con.execute(
                "CREATE OR REPLACE TEMP TABLE _ec_new_anchors AS SELECT * FROM _ec_anchors"
            )
        finally:
            self.con.unregister("_ec_assign")
            self.con.unregister("_ec_anchors")

    def recompute(self, cluster_ids: set[str]) -> int:
        """Rebuild the rows of these clusters from their members; returns how many emptied."""
        if not cluster_ids:
            return 0
        self.con.register("_ec_touched_arrow", pa.table(
            {"cluster_id": pa.array(sorted(cluster_ids), type=pa.string())}))
        try:
            self.con.execute(
                "CREATE OR REPLACE TEMP TABLE _ec_touched AS SELECT * FROM _ec_touched_arrow")
        finally:
            self.con.unregister("_ec_touched_arrow")
        self.con.execute("""
            CREATE TEMP TABLE IF NOT EXISTS _ec_new_anchors
            (cluster_id VARCHAR, anchor_start INTEGER, anchor_end INTEGER)
        """)
        self.con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _ec_rows AS
            WITH mem AS (
                SELECT m.cluster_id, e.id, e.article_key, e.confidence, e.location,
                       e.location_country, e.location_admin1, e.location_feature,
                       e.location_lat, e.location_lon, {self.derived}
                FROM cluster_members m
                JOIN events e ON e.id = m.event_id
                JOIN articles a ON a.key = e.article_key
                WHERE m.cluster_id IN (SELECT cluster_id FROM _ec_touched)
            ), agg AS (
                SELECT cluster_id,
                    first(id ORDER BY length(ncode) DESC,
                          (ssec IS NOT NULL)::INTEGER + (tsec IS NOT NULL)::INTEGER DESC,
                          confidence DESC, seen, id) AS representative_event_id,
                    first(day ORDER BY {_PRECISION_RANK}, day) AS event_date,
                    first(prec ORDER BY {_PRECISION_RANK}, day) AS date_precision,
                    min(day) AS min_event_date, max(day) AS max_event_date,
                    {_CLUSTER_PLACE},
                    count(*)::INTEGER AS num_mentions,
                    count(DISTINCT outlet_key)::INTEGER AS num_sources,
                    count(DISTINCT article_key)::INTEGER AS num_articles,
                    min(seen) AS first_seen, max(seen) AS last_seen,
                    max(confidence) AS confidence,
                    first(skey ORDER BY id) AS block_source,
                    first(tkey ORDER BY id) AS block_target,
                    first(ncode ORDER BY length(ncode) DESC, ncode) AS match_cameo,
                    max(ssec) AS match_source_sector, max(tsec) AS match_target_sector,
                    bool_or(rev) AS match_reversed
                FROM mem GROUP BY cluster_id
            )
            SELECT g.cluster_id, g.representative_event_id,
                   r.source_code, r.source_name, r.source_country, r.source_sector,
                   r.target_code, r.target_name, r.target_country, r.target_sector,
                   r.cameo, r.cameo_root, r.quad_class, r.goldstein, r.plover,
                   g.event_date, g.date_precision, g.min_event_date, g.max_event_date,
                   g.location, g.location_country, g.location_admin1, g.location_feature,
                   g.location_lat, g.location_lon,
                   g.num_mentions, g.num_sources, g.num_articles, g.first_seen, g.last_seen,
                   g.confidence, g.block_source, g.block_target,
                   CASE WHEN old.cluster_id IS NOT NULL THEN old.anchor_date
                        ELSE DATE '1970-01-01' + na.anchor_start END AS anchor_date,
                   CASE WHEN old.cluster_id IS NOT NULL THEN old.anchor_end
                        ELSE DATE '1970-01-01' + na.anchor_end END AS anchor_end,
                   g.match_cameo, g.match_source_sector, g.match_target_sector,
                   g.match_reversed,
                   ?::TIMESTAMP AS updated_at
            FROM agg g
            JOIN events r ON r.id = g.representative_event_id
            LEFT JOIN clusters old ON old.cluster_id = g.cluster_id
            LEFT JOIN _ec_new_anchors na ON na.cluster_id = g.cluster_id
        """, [self.now])
        kept = self.scalar("SELECT count(*) FROM _ec_rows")
        self.con.execute(
            "DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM _ec_touched)")
        columns = schema.column_list("clusters")
        self.con.execute(f"INSERT INTO clusters ({columns}) SELECT {columns} FROM _ec_rows")
        return len(cluster_ids) - kept

    def drop_temp(self) -> None:
        for table in ("_ec_stale", "_ec_new", "_ec_atoms", "_ec_new_anchors", "_ec_touched",
                      "_ec_rows"):
            self.con.execute(f"DROP TABLE IF EXISTS {table}")


def update_clusters(
    store: Store, *, rebuild: bool = False, tolerance: int = TOLERANCE_DAYS
) -> ClusterStats:
    """Cluster the store's counted events that are not clustered yet; see the module doc.

    ``rebuild=True`` deletes every cluster first and clusters all events again.
    ``tolerance`` is how many days apart two date periods may be (``TOLERANCE_DAYS``). Runs
    in one transaction: on any error nothing changes and the error propagates (DuckDB errors
    as StoreError).
    """
    con = store.connection
    if store.read_only:
        raise StoreError("the store was opened read-only; cannot cluster", input=store.path)
    started = time.perf_counter()
    run = _Run(con, tolerance)
    with transaction(con, store.path, "could not cluster; nothing was changed",
                     starting="cannot start clustering"):
        if rebuild:
            for statement in schema.recreate_statements(schema.CLUSTER_TABLES):
                con.execute(statement)
        removed, dirty = run.remove_stale_members()
        dropped = run.recompute(dirty)
        new = run.build_atoms()
        created: list[OpenCluster] = []
        grown: set[str] = set()
        if new:
            existing = run.candidates()
            created, grown = run.assign(existing)
            run.name_new(created)
            run.write_members(created, existing)
            run.recompute(grown | {c.cluster_id for c in created if c.cluster_id})
        clusters = run.scalar("SELECT count(*) FROM clusters")
        members = run.scalar("SELECT count(*) FROM cluster_members")
        run.drop_temp()
    stats = ClusterStats(
        events=new, created=len(created), grown=len(grown), removed_members=removed,
        dropped=dropped, clusters=clusters, members=members,
        seconds=time.perf_counter() - started,
    )
    logger.info("clustered %d events: %s", new, stats)
    return stats


def cluster_pairs(store: Store) -> Iterator[tuple[str, str]]:
    """Every pair of event ids in the same cluster (a < b), for evaluation on small stores."""
    rows = store.connection.execute(
        "SELECT cluster_id, event_id FROM cluster_members ORDER BY cluster_id, event_id"
    ).fetchall()
    for _, group in groupby(rows, key=lambda row: row[0]):
        ids = [row[1] for row in group]
        for i, first in enumerate(ids):
            for second in ids[i + 1:]:
                yield first, second
