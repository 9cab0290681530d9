"""Worker processes give the same documents, in the same order, as one process."""

from __future__ import annotations

from datetime import date

from eventcoder.batch import pipe_parallel
from eventcoder.records import Article, Document, Failure

TEXTS = [
    "Russia and China signed a trade agreement in Beijing on Tuesday.",
    "The United States threatened sanctions against Iran over its nuclear programme.",
    "",  # too short: a Failure, in its place
    "Ukrainian troops attacked Russian positions near Kursk on Monday.",
    "NATO condemned the missile strike on Kyiv.",
]


def test_parallel_matches_serial(engine):
    articles = [Article(text=t, id=f"a{i}", date=date(2025, 3, 13)) for i, t in enumerate(TEXTS)]
    serial = list(engine.pipe(articles))
    parallel = list(pipe_parallel(articles, engine.config, workers=2, chunk_size=2))
    assert [type(x) for x in parallel] == [type(x) for x in serial]
    assert isinstance(parallel[2], Failure)
    for a, b in zip(serial, parallel, strict=True):
        if isinstance(a, Document):
            assert a.to_dict() == b.to_dict()
