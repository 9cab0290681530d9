"""Throughput of `eventcoder run`: N articles through the real CLI into a fresh store.

Articles are the package samples plus, when ../shared is present, the re3d documents, cycled
until N (each copy gets a distinct id and a numbered first line so content hashes differ).

    python benchmarks/throughput.py --n 1000
prints articles/s, events/s and the store's row counts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared"))


def corpus() -> list[dict]:
    from eventcoder.ingest import read_inputs
    from eventcoder.ingest.samples import sample_paths
    from eventcoder.records import Article

    texts: list[dict] = []
    for a in read_inputs([str(p) for p in sample_paths()]):
        if isinstance(a, Article):
            texts.append({"title": a.title, "text": a.text,
                          "date": a.date.isoformat() if a.date else None})
    re3d = SHARED / "benchmarks" / "re3d"
    for docs in sorted(re3d.glob("*/documents.json")):
        for line in docs.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            texts.append({"title": d.get("title"), "text": d["text"], "date": None})
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    base = corpus()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for i in range(args.n):
                a = dict(base[i % len(base)])
                a["id"] = f"bench-{i}"
                a["text"] = f"Copy {i}.\n" + a["text"]
                f.write(json.dumps(a) + "\n")
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "eventcoder", "run", str(src), "--db", str(db),
                        "--workers", str(args.workers)], check=True)
        elapsed = time.perf_counter() - t0
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0]  # type: ignore[index]
                  for t in ("articles", "events", "quotes", "failures")}
        con.close()
    chars = sum(len(base[i % len(base)]["text"]) for i in range(args.n))
    print(f"workers: {args.workers}")
    print(f"articles: {args.n}  distinct base texts: {len(base)}  characters: {chars:,}")
    print(f"wall time (incl. model load): {elapsed:.1f} s")
    print(f"articles/s: {args.n / elapsed:.1f}   events/s: {counts['events'] / elapsed:.1f}")
    print(f"stored: {counts}")


if __name__ == "__main__":
    main()
