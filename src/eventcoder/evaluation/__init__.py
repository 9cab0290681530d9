"""Benchmark readers and scorers: gold sets from ``shared/benchmarks`` (read in place, never
copied), PETRARCH-validation-style CAMEO scoring and PLOVER type/dyad scoring.

    from eventcoder import Engine
    from eventcoder.evaluation import engine_coders, run_benchmark, write_details

    report = run_benchmark("ud-petrarch", engine_coders(Engine()))
    tables = report.tables()          # list[Table]; Table.as_rows() gives strings to print
    write_details(report, "ud-petrarch.details.jsonl")
"""

from __future__ import annotations

from .gold import (
    GoldCoding,
    GoldSentence,
    PloverGold,
    read_petrarch2,
    read_petrarch_validation,
    read_plover,
    read_ud_petrarch,
    shared_dir,
)
from .runner import (
    BENCHMARKS,
    Report,
    engine_coder,
    engine_coders,
    engine_plover_coder,
    run_benchmark,
    write_details,
)
from .score import (
    VARIANTS,
    Coded,
    Coder,
    Counts,
    PetrarchScore,
    PloverCoded,
    PloverCoder,
    PloverScore,
    Table,
    score_petrarch,
    score_plover,
)

__all__ = [
    "BENCHMARKS", "VARIANTS", "Coded", "Coder", "Counts", "GoldCoding", "GoldSentence",
    "PetrarchScore", "PloverCoded", "PloverCoder", "PloverGold", "PloverScore", "Report", "Table",
    "engine_coder", "engine_coders", "engine_plover_coder", "read_petrarch2",
    "read_petrarch_validation", "read_plover", "read_ud_petrarch", "run_benchmark",
    "score_petrarch", "score_plover", "shared_dir", "write_details",
]
