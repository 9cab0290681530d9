"""A small table type the scorers return and the CLI prints (the library never prints)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

MAX_LOGGED_FAILURES = 5


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table for printing; ``as_rows`` gives strings, header first."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def as_rows(self) -> list[list[str]]:
        return [list(self.columns)] + [[fmt(v) for v in row] for row in self.rows]


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)


def ratio(num: float, den: float) -> float:
    """``num / den``, 0.0 when ``den`` is 0 (the usual zero-division convention for P/R/F1)."""
    return num / den if den else 0.0


def pct(num: float, den: float) -> float:
    return 100.0 * ratio(num, den)


def harmonic(p: float, r: float) -> float:
    """F1 from precision and recall."""
    return ratio(2 * p * r, p + r)




@dataclass(slots=True)
class FailureLog:
    """Logs the first few coder failures in full, then only counts them (a broken coder fails on
    every sentence; hundreds of identical warnings help nobody)."""

    logger: logging.Logger
    failures: int = 0
    seen: int = 0

    def record(self, item_id: str, exc: Exception) -> str:
        message = f"{type(exc).__name__}: {exc}"
        self.failures += 1
        if self.failures <= MAX_LOGGED_FAILURES:
            self.logger.warning("coder failed on %s: %s", item_id, message)
        return message

    def close(self) -> None:
        if self.failures > MAX_LOGGED_FAILURES:
            self.logger.warning("coder failed on %d of %d items (first %d logged)",
                                self.failures, self.seen, MAX_LOGGED_FAILURES)
