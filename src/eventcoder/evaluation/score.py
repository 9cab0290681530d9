"""Scorers for the gold sets. They take a *coder callable*, never the engine, so they can be
tested with fake coders and reused for any system.

PETRARCH-style scoring (``score_petrarch``), per sentence:

* The coder returns ``Coded`` triples ``(cameo, source, target)`` for the events it asserts.
  Exact duplicates are dropped first (PETRARCH's coder keys its events, so it cannot emit one
  twice). A missing actor (``None`` or ``""``) is written ``---``, as in the gold files.
* Produced and expected codings are paired one-to-one; a pair matches when, in variant
  ``strict``: same event code and same full actor codes (``USAGOV`` != ``USA``);
  ``country``: same event code, actor codes equal on their first 3 characters (country, or
  ``IGO``/``NGO``... root); ``root``: same 2-digit CAMEO root and the ``country`` actor rule.
  Each rule is an equivalence, so the best pairing is found per key by counting.
* Expected codings left unpaired are *uncoded*. Produced codings left unpaired are *null* when
  the source or target is missing or country-less (code starting ``---``; PETRARCH's "Null
  events" column, not counted as errors by it either) and *extra* otherwise.
* A sentence expecting no event (``noevents="True"``) counts as one expected item: *correct*
  when the coder produces no non-null coding, otherwise *uncoded*, plus one *extra* per
  produced coding -- the way PETRARCH's ``validation.py`` counts it.

Reported like PETRARCH: TP% = correct / expected items, FN% = uncoded / expected items,
FP% = extra / records. Also precision / recall / F1 over real event codings only (no-event
markers excluded): recall = correct events / expected events, precision = correct events /
(correct events + extra).

PLOVER scoring (``score_plover``, in ``plover_score``, re-exported here) is described on that
function.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any

from .gold import GoldSentence
from .plover_score import (
    PloverCoded,
    PloverCoder,
    PloverResult,
    PloverScore,
    plover_label,
    score_plover,
)
from .tables import FailureLog, Table, harmonic, pct, ratio

log = logging.getLogger(__name__)

Coded = tuple[str, str | None, str | None]  # (CAMEO code, source actor code, target actor code)
Coder = Callable[[GoldSentence], list[Coded]]

VARIANTS: tuple[str, ...] = ("strict", "country", "root")
NULL = "---"
NO_EVENT_ROOT = "none"  # the by-root group of the no-event markers

__all__ = ["VARIANTS", "Coded", "Coder", "Counts", "PetrarchScore", "PloverCoded", "PloverCoder",
           "PloverResult", "PloverScore", "SentenceResult", "Table", "Verdicts", "judge",
           "match_key", "plover_label", "score_petrarch", "score_plover"]


# -- PETRARCH-style ----------------------------------------------------------------------------
def _actor(code: str | None) -> str:
    return (code or "").strip().upper() or NULL


def match_key(coding: Coded, variant: str) -> tuple[str, str, str]:
    """What two codings must share to match under ``variant``."""
    code, source, target = (coding[0] or "").strip(), _actor(coding[1]), _actor(coding[2])
    if variant == "strict":
        return (code, source, target)
    if variant == "country":
        return (code, source[:3], target[:3])
    if variant == "root":
        return (code[:2], source[:3], target[:3])
    raise ValueError(f"unknown variant {variant!r}; use one of {VARIANTS}")


def _is_null(coding: Coded) -> bool:
    return _actor(coding[1]).startswith(NULL) or _actor(coding[2]).startswith(NULL)


@dataclass(frozen=True, slots=True)
class Verdicts:
    expected: tuple[str, ...]  # per expected coding (or the one no-event marker): correct|uncoded
    produced: tuple[str, ...]  # per produced coding: correct|extra|null


def judge(expected: tuple[Coded, ...], produced: tuple[Coded, ...], variant: str) -> Verdicts:
    """Pair produced with expected codings one-to-one under ``variant`` and label each."""
    if not expected:  # a sentence that should yield nothing: one no-event marker
        labels = tuple("null" if _is_null(p) else "extra" for p in produced)
        return Verdicts(("uncoded" if "extra" in labels else "correct",), labels)
    open_slots: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, coding in enumerate(expected):
        open_slots[match_key(coding, variant)].append(i)
    exp = ["uncoded"] * len(expected)
    prod: list[str] = []
    for coding in produced:
        slots = open_slots.get(match_key(coding, variant))
        if slots:
            exp[slots.pop(0)] = "correct"
            prod.append("correct")
        else:
            prod.append("null" if _is_null(coding) else "extra")
    return Verdicts(tuple(exp), tuple(prod))


@dataclass(slots=True)
class Counts:
    records: int = 0
    expected: int = 0  # expected items: codings + one per no-event sentence
    correct: int = 0
    uncoded: int = 0
    extra: int = 0
    null: int = 0
    expected_events: int = 0  # expected codings only
    correct_events: int = 0
    failures: int = 0  # sentences on which the coder raised

    @property
    def tp_pct(self) -> float:
        return pct(self.correct, self.expected)

    @property
    def fn_pct(self) -> float:
        return pct(self.uncoded, self.expected)

    @property
    def fp_pct(self) -> float:
        """PETRARCH's FP: extra codings per 100 records."""
        return pct(self.extra, self.records)

    @property
    def precision(self) -> float:
        return ratio(self.correct_events, self.correct_events + self.extra)

    @property
    def recall(self) -> float:
        return ratio(self.correct_events, self.expected_events)

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for k in ("tp_pct", "fn_pct", "fp_pct", "precision", "recall", "f1"):
            out[k] = round(getattr(self, k), 4)
        return out


@dataclass(frozen=True, slots=True)
class SentenceResult:
    sentence: GoldSentence
    produced: tuple[Coded, ...]
    verdicts: dict[str, Verdicts]
    error: str | None = None  # the coder's exception, if it raised

    def details(self) -> dict[str, Any]:
        s = self.sentence
        return {
            "id": s.id, "category": s.category, "text": s.text,
            "date": s.date.isoformat() if s.date else None,
            "expected": [list(c.as_tuple()) for c in s.expected], "no_events": s.no_events,
            "produced": [list(p) for p in self.produced],
            "verdicts": {v: {"expected": list(d.expected), "produced": list(d.produced)}
                         for v, d in self.verdicts.items()},
            "error": self.error,
        }


_COLUMNS = ("records", "expected", "correct", "uncoded", "extra", "null", "TP%", "FN%", "FP%",
            "P", "R", "F1")


def _count_row(label: str, c: Counts) -> tuple[Any, ...]:
    return (label, c.records, c.expected, c.correct, c.uncoded, c.extra, c.null, c.tp_pct,
            c.fn_pct, c.fp_pct, c.precision, c.recall, c.f1)


@dataclass(frozen=True, slots=True)
class PetrarchScore:
    results: tuple[SentenceResult, ...]
    skipped: int = 0  # sentences not evaluated (evaluate=False)

    def _groups(self, variant: str, by: str) -> dict[str, Counts]:
        groups: dict[str, Counts] = defaultdict(Counts)
        for r in self.results:
            verdicts = r.verdicts[variant]

            def group(root: str, category: str = r.sentence.category) -> str:
                if by == "total":
                    return "total"
                return category if by == "category" else root

            exp_groups = [group(c.eventcode[:2]) for c in r.sentence.expected]
            marker = not exp_groups
            exp_groups = exp_groups or [group(NO_EVENT_ROOT)]
            prod_groups = [group(p[0][:2]) for p in r.produced]
            for key in set(exp_groups) | set(prod_groups):
                groups[key].records += 1
            if r.error:
                groups[exp_groups[0]].failures += 1
            for key, verdict in zip(exp_groups, verdicts.expected, strict=True):
                c = groups[key]
                c.expected += 1
                c.correct += verdict == "correct"
                c.uncoded += verdict == "uncoded"
                if not marker:
                    c.expected_events += 1
                    c.correct_events += verdict == "correct"
            for key, verdict in zip(prod_groups, verdicts.produced, strict=True):
                groups[key].extra += verdict == "extra"
                groups[key].null += verdict == "null"
        return dict(sorted(groups.items()))

    def total(self, variant: str = "strict") -> Counts:
        return self._groups(variant, "total").get("total", Counts())

    def by_category(self, variant: str = "strict") -> dict[str, Counts]:
        return self._groups(variant, "category")

    def by_root(self, variant: str = "strict") -> dict[str, Counts]:
        """Expected codings by their CAMEO root (``none`` for no-event sentences); extra and null
        codings by the root the coder gave them."""
        return self._groups(variant, "root")

    def details(self) -> list[dict[str, Any]]:
        return [r.details() for r in self.results]

    def summary(self) -> dict[str, Any]:
        return {"records": len(self.results), "skipped": self.skipped,
                **{v: self.total(v).as_dict() for v in VARIANTS}}

    def tables(self) -> list[Table]:
        out = [Table("Summary (TP% = correct/expected, FP% = extra/records)",
                     ("variant",) + _COLUMNS,
                     tuple(_count_row(v, self.total(v)) for v in VARIANTS))]
        for variant in ("strict", "country"):
            out.append(Table(f"By category ({variant})", ("category",) + _COLUMNS,
                             tuple(_count_row(k, c)
                                   for k, c in self.by_category(variant).items())))
        for variant in ("strict", "country"):
            out.append(Table(f"By CAMEO root ({variant})", ("root",) + _COLUMNS,
                             tuple(_count_row(k, c) for k, c in self.by_root(variant).items())))
        return out


def _clean(codings: Iterable[Coded]) -> tuple[Coded, ...]:
    """Tuples with a stripped code and ``None`` for a missing actor; exact duplicates dropped."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Coded] = []
    for raw in codings:
        coding: Coded = (str(raw[0] or "").strip(), raw[1] or None, raw[2] or None)
        key = match_key(coding, "strict")
        if key not in seen:
            seen.add(key)
            out.append(coding)
    return tuple(out)


def score_petrarch(gold: Iterable[GoldSentence], coder: Coder, *,
                   only_evaluated: bool = True) -> PetrarchScore:
    """Run ``coder`` on every evaluated sentence and score it PETRARCH-validation style."""
    results: list[SentenceResult] = []
    skipped = 0
    failures = FailureLog(log)
    for sentence in gold:
        if only_evaluated and not sentence.evaluate:
            skipped += 1
            continue
        error: str | None = None
        failures.seen += 1
        try:
            produced = _clean(coder(sentence))
        except Exception as exc:  # noqa: BLE001 - one failing sentence must not stop the run
            produced, error = (), failures.record(sentence.id, exc)
        expected = tuple(c.as_tuple() for c in sentence.expected)
        verdicts = {v: judge(expected, produced, v) for v in VARIANTS}
        results.append(SentenceResult(sentence, produced, verdicts, error))
    failures.close()
    return PetrarchScore(tuple(results), skipped)


