"""Worker processes on one machine, each with its own Engine (spaCy is not shared across
processes). Articles go out in chunks and come back in input order, so the store writes and
the progress bar behave exactly as with one process."""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from ..config import Config
from ..engine import Engine
from ..records import Article, Document, Failure

log = logging.getLogger(__name__)

_engine: Engine | None = None


def _init(config: Config) -> None:
    global _engine
    _engine = Engine(config).warm_up()


def _work(chunk: list[Article | Failure]) -> list[Document | Failure]:
    assert _engine is not None, "worker not initialised"
    return list(_engine.pipe(chunk))


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def pipe_parallel(items: Iterable[Article | Failure], config: Config | None = None,
                  workers: int = 2, chunk_size: int | None = None) -> Iterator[Document | Failure]:
    """Like ``Engine(config).pipe(items)``, spread over ``workers`` processes."""
    config = config or Config()
    if workers <= 1:
        yield from Engine(config).pipe(items)
        return
    size = chunk_size or config.batch_size
    ctx = mp.get_context("spawn")  # fork would copy a half-loaded spaCy; spawn starts clean
    with ctx.Pool(workers, initializer=_init, initargs=(config,)) as pool:
        for done in pool.imap(_work, _chunks(items, size)):
            yield from done
    log.info("parallel run finished with %d workers", workers)
