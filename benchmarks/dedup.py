"""Cross-article deduplication: pairwise precision/recall and events/s at scale.

1. The hand-written corpus ``tests/store/dedup_corpus.py`` (the same events reported by
   several outlets, similar but distinct events, and reports coded in ways clustering cannot
   repair): pairwise precision, recall and F1 of the clusters against the true events.
2. A synthetic store of ``--n`` events (default 1,000,000) written straight into DuckDB:
   real events with a skewed number of reports each (a few dyads have most events),
   reported with coding noise (a sector left out, a root-level code, a date a day off, a
   missing place, some negated or historical), in 4 events per article from 500 outlets.
   It times ``update_clusters`` on the whole store, then on a further batch of 10% new
   events (late reports of known events and reports of new ones: incremental), then a
   re-run with nothing new and a full rebuild, and prints events/s and pairwise
   precision/recall against the generator's true events. The data are the same on every
   run (seeded; no ``any_value``).

    python benchmarks/dedup.py [--n 1000000] [--db PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "store"))

import dedup_corpus  # noqa: E402

from eventcoder.store import Store  # noqa: E402
from eventcoder.store.dedup import update_clusters  # noqa: E402
from eventcoder.store.schema import COLUMNS  # noqa: E402


def corpus_scores() -> None:
    docs = dedup_corpus.documents()
    gold = dedup_corpus.gold_labels(docs)
    with Store(":memory:") as store:
        store.write(docs)
        stats = update_clusters(store)
        members = store.rows("cluster_members")
    predicted = {row["event_id"]: row["cluster_id"] for row in members}
    precision, recall, f1 = dedup_corpus.pairwise_scores(predicted, gold)
    real = len({label for label in gold.values() if label is not None})
    leaked = sum(1 for event_id, label in gold.items() if label is None and event_id in predicted)
    print(f"hand-written corpus: {len(docs)} articles, {len(gold)} events, {real} real events")
    print(f"  clusters {stats.clusters}, pairwise precision {precision:.3f} recall {recall:.3f} "
          f"F1 {f1:.3f}; not-happened events clustered: {leaked}")


def _event_columns() -> str:
    return ", ".join(f'"{name}"' for name, _ in COLUMNS["events"])


def make_truth(store: Store, real: int, seed: float) -> None:
    """The real events: actor countries and codes skewed so that a few dyads dominate."""
    con = store.connection
    con.execute(f"SELECT setseed({seed})")
    con.execute(f"""
        CREATE OR REPLACE TABLE truth AS
        SELECT r,
               chr(65 + (s % 26)::INTEGER) || chr(65 + (s // 26 % 6)::INTEGER) || 'X' AS src,
               CASE WHEN random() < 0.1 THEN NULL
                    ELSE chr(65 + (t % 26)::INTEGER) || chr(65 + (t // 26 % 6)::INTEGER) || 'X'
               END AS tgt,
               ['GOV', 'MIL', 'OPP', 'REB', 'BUS', 'COP'][1 + (random() * 6)::INTEGER % 6]
                   AS ssec,
               ['GOV', 'MIL', 'CVL', 'REB', 'MED', 'COP'][1 + (random() * 6)::INTEGER % 6]
                   AS tsec,
               ['010', '020', '036', '042', '046', '057', '061', '071', '112', '120', '130',
                '141', '173', '190', '193', '195'][1 + (random() * 16)::INTEGER % 16] AS code,
               DATE '2024-01-01' + (random() * 730)::INTEGER AS day,
               CASE WHEN random() < 0.6 THEN 'place-' || (random() * 2000)::INTEGER END
                   AS place
        FROM (SELECT range AS r, (156 * pow(random(), 3))::INTEGER AS s,
                     (156 * pow(random(), 3))::INTEGER AS t
              FROM range({real}))
    """)


def synthesize(store: Store, n: int, offset: int, real: int, seed: float) -> None:
    """Insert ``n`` events (ids from ``offset``) reporting true events ``0..real-1``, 4 per
    article; the true event is kept in ``pattern``."""
    con = store.connection
    con.execute(f"SELECT setseed({seed})")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE syn AS
        SELECT i, (({real} - 1) * pow(random(), 1.6))::BIGINT AS r,
               random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5
        FROM range({offset}, {offset + n}) t(i)
    """)
    # deterministic: an article is dated by its earliest event (not any_value), and coded
    # "now" in naive UTC like the store's own clock (now()::TIMESTAMP is local time)
    coded_at = datetime.now(timezone.utc).replace(tzinfo=None)
    con.execute("""
        INSERT INTO articles (key, id, title, date, url, source, origin, text, n_events,
                              coded_at)
        SELECT 'syn-a' || (i // 4), 'syn-a' || (i // 4), NULL,
               min(day) + (CASE WHEN arg_min(u1, i) < 0.7 THEN 0 ELSE 1 END),
               'https://example.org/' || (i // 4), 'outlet-' || (hash(i // 4) % 500),
               'synthetic', '', count(*)::INTEGER, ?
        FROM syn JOIN truth USING (r) GROUP BY i // 4
    """, [coded_at])
    con.execute(f"""
        INSERT INTO events ({_event_columns()})
        SELECT 'syn-e' || i, 'syn-a' || (i // 4), 'syn-a' || (i // 4),
               src, 0, 3, src, src || CASE WHEN u1 < 0.25 THEN '' ELSE ssec END, src,
               CASE WHEN u1 < 0.25 THEN NULL ELSE ssec END, 'country', NULL, 'alias', 1.0,
               NULL,
               tgt, CASE WHEN tgt IS NULL THEN NULL ELSE 10 END,
               CASE WHEN tgt IS NULL THEN NULL ELSE 13 END, tgt,
               tgt || CASE WHEN u2 < 0.25 THEN '' ELSE tsec END, tgt,
               CASE WHEN u2 < 0.25 THEN NULL ELSE tsec END, 'country', NULL, 'alias', 1.0,
               NULL,
               CASE WHEN u3 < 0.1 THEN left(code, 2) ELSE code END, left(code, 2), 1, 0.0,
               NULL,
               CASE WHEN u4 < 0.05 THEN 'negated' WHEN u4 < 0.08 THEN 'hypothetical'
                    ELSE 'asserted' END,
               u4 > 0.97,
               CAST(day + CASE WHEN u5 < 0.1 THEN 1 WHEN u5 < 0.2 THEN -1 ELSE 0 END
                    AS VARCHAR),
               'day',
               CASE WHEN u1 < 0.7 THEN place END, NULL, NULL, NULL, NULL,
               CASE WHEN u1 < 0.7 AND place IS NOT NULL THEN 'city' END, NULL, NULL, NULL,
               NULL,
               false, 'synthetic sentence', 0, 18, 'did', 0, 3, 0.8, 'truth-' || r
        FROM syn JOIN truth USING (r)
    """)
    con.execute("DROP TABLE syn")


def synthetic_scores(store: Store) -> tuple[float, float]:
    """Pairwise precision/recall of the clusters against the generator's true events."""
    found, truth, hits = store.connection.execute("""
        WITH m AS (SELECT m.cluster_id, e.pattern AS truth
                   FROM cluster_members m JOIN events e ON e.id = m.event_id)
        SELECT (SELECT sum(n * (n - 1) / 2) FROM
                    (SELECT count(*) AS n FROM m GROUP BY cluster_id)),
               (SELECT sum(n * (n - 1) / 2) FROM
                    (SELECT count(*) AS n FROM m GROUP BY truth)),
               (SELECT sum(n * (n - 1) / 2) FROM
                    (SELECT count(*) AS n FROM m GROUP BY cluster_id, truth))
    """).fetchall()[0]
    return (float(hits) / float(found) if found else 1.0,
            float(hits) / float(truth) if truth else 1.0)


def scale(n: int, db: Path) -> None:
    with Store(db) as store:
        started = time.perf_counter()
        real = max(1, int(n * 0.35))  # ~2.9 reports per real event
        make_truth(store, real + real // 10, 0.42)
        synthesize(store, n, 0, real, 0.42)
        print(f"synthetic store: {n:,} events written in {time.perf_counter() - started:.1f}s")
        stats = update_clusters(store)
        print(f"  first run: {stats.events:,} counted events -> {stats.clusters:,} clusters in "
              f"{stats.seconds:.1f}s = {stats.events / stats.seconds:,.0f} events/s")
        precision, recall = synthetic_scores(store)
        print(f"  pairwise precision {precision:.3f} recall {recall:.3f} (synthetic truth)")
        batch = max(1, n // 10)  # late reports of known events and reports of new ones
        synthesize(store, batch, n, real + real // 10, 0.17)
        stats = update_clusters(store)
        print(f"  incremental: {stats.events:,} new events, {stats.created:,} new clusters, "
              f"{stats.grown:,} grown, in {stats.seconds:.1f}s = "
              f"{stats.events / stats.seconds:,.0f} events/s")
        stats = update_clusters(store)
        print(f"  re-run with nothing new: {stats.events} events, {stats.seconds:.2f}s")
        stats = update_clusters(store, rebuild=True)
        print(f"  full rebuild: {stats.events:,} events -> {stats.clusters:,} clusters in "
              f"{stats.seconds:.1f}s = {stats.events / stats.seconds:,.0f} events/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="synthetic events")
    ap.add_argument("--db", type=Path, help="store file (default: a temporary one)")
    args = ap.parse_args()
    corpus_scores()
    if args.db is not None:
        scale(args.n, args.db)
        return
    with tempfile.TemporaryDirectory() as tmp:
        scale(args.n, Path(tmp) / "dedup.duckdb")


if __name__ == "__main__":
    main()
