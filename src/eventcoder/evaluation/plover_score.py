"""PLOVER event-type and dyad scoring; see ``score_plover``."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .gold import PloverGold
from .tables import FailureLog, Table, harmonic, ratio

log = logging.getLogger(__name__)

PloverCoded = tuple[str | None, str | None, str | None]  # (PLOVER type, source, target country)
PloverCoder = Callable[[PloverGold], PloverCoded]

PLOVER_2021: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
PLOVER_GSR: tuple[str, ...] = (
    "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND",
    "DISAPPROVE", "FIGHT", "INVESTIGATE", "MOBILIZE", "PROTEST", "REJECT", "RETREAT",
    "SANCTION", "SUPPORT", "THREATEN")
# The GSR was coded with PLOVER 0.5 (2016); CAMEO2PLOVER-2021 folds these types into others.
LEGACY_TO_2021: dict[str, str] = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
                                  "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Gold country codes that are not ISO 3166 alpha-3 (the GSR readme says they all should be).
GOLD_CODE_FIXES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NONE_LABEL = "NONE"


def _country(code: str | None) -> str | None:
    c = (code or "").strip().upper()[:3]
    if not c or c.startswith("-"):
        return None
    return GOLD_CODE_FIXES.get(c, c)


def plover_label(event: str | None, mode: str | None = None, *, scheme: str = "2021") -> str:
    """Normalise a PLOVER type; with ``scheme="2021"`` map 0.5 types to PLOVER 2021 (and
    COERCE/destroy to ASSAULT, as CAMEO 1712 moved)."""
    label = (event or "").strip().upper() or NONE_LABEL
    if scheme == "2021":
        if label == "COERCE" and (mode or "").strip().lower() == "destroy":
            return "ASSAULT"
        return LEGACY_TO_2021.get(label, label)
    return label


@dataclass(frozen=True, slots=True)
class PloverResult:
    gold: PloverGold
    gold_label: str
    predicted: PloverCoded
    label: str  # the predicted type after normalisation, NONE when nothing was produced
    source_ok: bool
    target_ok: bool
    error: str | None = None

    def details(self) -> dict[str, Any]:
        g = self.gold
        return {"id": g.id, "text": g.text, "gold_event": g.event, "gold_label": self.gold_label,
                "gold_sources": list(g.sources), "gold_targets": list(g.targets),
                "predicted": list(self.predicted), "label": self.label,
                "type_ok": self.label == self.gold_label, "source_ok": self.source_ok,
                "target_ok": self.target_ok, "error": self.error}


@dataclass(frozen=True, slots=True)
class PloverScore:
    scheme: str
    labels: tuple[str, ...]
    results: tuple[PloverResult, ...]
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)  # (gold, predicted)

    @property
    def n(self) -> int:
        return len(self.results)

    @property
    def accuracy(self) -> float:
        return ratio(sum(r.label == r.gold_label for r in self.results), self.n)

    @property
    def no_output(self) -> int:
        return sum(r.label == NONE_LABEL for r in self.results)

    @property
    def failures(self) -> int:
        return sum(r.error is not None for r in self.results)

    def per_label(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for lab in self.labels:
            tp = self.confusion.get((lab, lab), 0)
            gold_n = sum(n for (g, _), n in self.confusion.items() if g == lab)
            pred_n = sum(n for (_, p), n in self.confusion.items() if p == lab)
            p = ratio(tp, pred_n)
            r = ratio(tp, gold_n)
            out[lab] = {"gold": gold_n, "predicted": pred_n, "tp": tp, "precision": p,
                        "recall": r, "f1": harmonic(p, r)}
        return out

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the label set's types that occur in the gold or the predictions (all 16
        PLOVER 2021 types, or all 18 GSR types, occur in the gold)."""
        per = [v for v in self.per_label().values() if v["gold"] or v["predicted"]]
        return ratio(sum(v["f1"] for v in per), len(per))

    def _rate(self, ok: Callable[[PloverResult], bool],
              among: Callable[[PloverResult], bool] = lambda r: True) -> float:
        pool = [r for r in self.results if among(r)]
        return ratio(sum(ok(r) for r in pool), len(pool))

    @property
    def source_accuracy(self) -> float:
        """Among records with a gold source: the predicted source country is one of them."""
        return self._rate(lambda r: r.source_ok, lambda r: bool(r.gold.sources))

    @property
    def target_accuracy(self) -> float:
        return self._rate(lambda r: r.target_ok, lambda r: bool(r.gold.targets))

    @property
    def dyad_accuracy(self) -> float:
        """All records: source and target both right (an empty gold role wants ``None``)."""
        return self._rate(lambda r: r.source_ok and r.target_ok)

    @property
    def full_accuracy(self) -> float:
        """Type and dyad both right."""
        return self._rate(lambda r: r.source_ok and r.target_ok and r.label == r.gold_label)

    def details(self) -> list[dict[str, Any]]:
        return [r.details() for r in self.results]

    def summary(self) -> dict[str, Any]:
        return {"records": self.n, "scheme": self.scheme, "accuracy": self.accuracy,
                "macro_f1": self.macro_f1, "no_output": self.no_output,
                "failures": self.failures,
                "source_accuracy": self.source_accuracy, "target_accuracy": self.target_accuracy,
                "dyad_accuracy": self.dyad_accuracy, "full_accuracy": self.full_accuracy}

    def tables(self) -> list[Table]:
        s = self.summary()
        summary = Table(f"PLOVER summary (labels: {self.scheme})", ("measure", "value"),
                        tuple((k, v) for k, v in s.items() if k != "scheme"))
        per = Table("PLOVER per type", ("type", "gold", "predicted", "tp", "P", "R", "F1"),
                    tuple((lab, int(v["gold"]), int(v["predicted"]), int(v["tp"]),
                           v["precision"], v["recall"], v["f1"])
                          for lab, v in self.per_label().items()))
        errors = sorted(((g, p, n) for (g, p), n in self.confusion.items() if g != p),
                        key=lambda t: (-t[2], t[0], t[1]))
        confusion = Table("PLOVER confusions (gold -> predicted)",
                          ("gold", "predicted", "count"), tuple(errors))
        return [summary, per, confusion]


def _role_ok(predicted: str | None, gold: tuple[str, ...]) -> bool:
    wanted = {c for c in (_country(g) for g in gold) if c}
    return _country(predicted) in wanted if wanted else _country(predicted) is None


def score_plover(gold: Iterable[PloverGold], coder: PloverCoder, *,
                 scheme: Literal["2021", "gsr"] = "2021") -> PloverScore:
    """Score a coder that returns one ``(PLOVER type, source country, target country)`` per
    record (``(None, None, None)`` when it codes nothing).

    * ``scheme="2021"`` (default; the coder's ontology uses PLOVER 2021): gold 0.5 types and
      predictions are both mapped by ``LEGACY_TO_2021`` (DEMAND->REQUEST, DISAPPROVE and
      INVESTIGATE->ACCUSE, FIGHT->ASSAULT, COERCE with mode destroy->ASSAULT); macro-F1 over
      the 16 PLOVER 2021 types. ``scheme="gsr"``: labels as written, macro-F1 over the 18 GSR
      types. A prediction outside the label set (or none) is a miss for the gold type and a
      false positive for no type.
    * Actors are compared on 3-letter codes (country or IGO/NGO/IMG ...), gold typos fixed by
      ``GOLD_CODE_FIXES``. Gold lists several actors for compound subjects/objects; a
      prediction matching *any* of them is right. A gold role that is empty is right only when
      the coder gives ``None`` for it.
    """
    labels = PLOVER_2021 if scheme == "2021" else PLOVER_GSR
    results: list[PloverResult] = []
    confusion: Counter[tuple[str, str]] = Counter()
    failures = FailureLog(log)
    for record in gold:
        error: str | None = None
        failures.seen += 1
        try:
            predicted = coder(record)
        except Exception as exc:  # noqa: BLE001 - one failing record must not stop the run
            predicted, error = (None, None, None), failures.record(record.id, exc)
        gold_label = plover_label(record.event, record.mode, scheme=scheme)
        label = plover_label(predicted[0], scheme=scheme)
        confusion[(gold_label, label)] += 1
        results.append(PloverResult(record, gold_label, predicted, label,
                                    _role_ok(predicted[1], record.sources),
                                    _role_ok(predicted[2], record.targets), error))
    failures.close()
    return PloverScore(scheme, labels, tuple(results), dict(confusion))
