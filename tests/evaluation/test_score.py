"""Scorers on fake coders: hand-made cases with known numbers, then the real gold sets (skipped
when the shared data is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventcoder.evaluation.gold import (
    GoldCoding,
    GoldSentence,
    PloverGold,
    read_petrarch2,
    read_plover,
    read_ud_petrarch,
)
from eventcoder.evaluation.score import (
    VARIANTS,
    Coded,
    Table,
    judge,
    plover_label,
    score_petrarch,
    score_plover,
)

ROOT = Path(__file__).resolve().parents[2]
BENCH = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared")) / "benchmarks"


def sent(id: str, *codings: tuple[str, str, str], category: str = "DEMO",
         no_events: bool = False) -> GoldSentence:
    return GoldSentence(id=id, category=category, date=None, text=f"text of {id}",
                        expected=tuple(GoldCoding(*c) for c in codings), evaluate=True,
                        no_events=no_events)


def fixed(outputs: dict[str, list[Coded]]):
    return lambda s: outputs.get(s.id, [])


def perfect(s: GoldSentence) -> list[Coded]:
    return [c.as_tuple() for c in s.expected]


# -- PETRARCH-style, hand-made -----------------------------------------------------------------
def test_perfect_and_silent_coders():
    gold = [sent("a", ("050", "ARN", "GON")), sent("b", ("042", "USA", "CHN"), ("043", "CHN",
            "USA")), sent("c", no_events=True)]
    score = score_petrarch(gold, perfect)
    for variant in VARIANTS:
        t = score.total(variant)
        assert (t.records, t.expected, t.correct, t.uncoded, t.extra) == (3, 4, 4, 0, 0)
        assert t.tp_pct == 100.0 and t.precision == 1.0 and t.recall == 1.0
    silent = score_petrarch(gold, lambda s: []).total()
    # the no-event sentence is right when nothing is coded, as in PETRARCH's validation.py
    assert (silent.correct, silent.uncoded, silent.extra) == (1, 3, 0)
    assert silent.tp_pct == 25.0 and silent.recall == 0.0 and silent.f1 == 0.0


def test_extra_coding():
    gold = [sent("a", ("050", "ARN", "GON"))]
    t = score_petrarch(gold, fixed({"a": [("050", "ARN", "GON"), ("111", "GON", "ARN")]})).total()
    assert (t.correct, t.uncoded, t.extra) == (1, 0, 1)
    assert t.fp_pct == 100.0  # extra per 100 records
    assert t.precision == 0.5 and t.recall == 1.0 and t.f1 == pytest.approx(2 / 3)


def test_wrong_target_is_uncoded_plus_extra():
    gold = [sent("a", ("050", "ARN", "GON"))]
    score = score_petrarch(gold, fixed({"a": [("050", "ARN", "MOR")]}))
    for variant in VARIANTS:
        t = score.total(variant)
        assert (t.correct, t.uncoded, t.extra) == (0, 1, 1)
    row = score.details()[0]
    assert row["verdicts"]["strict"] == {"expected": ["uncoded"], "produced": ["extra"]}


def test_strict_country_root_variants():
    gold = [sent("a", ("042", "USAGOV", "CHN")), sent("b", ("0311", "RUS", "UKR"))]
    out = {"a": [("042", "USA", "CHNGOV")], "b": [("036", "RUSGOV", "UKR")]}
    score = score_petrarch(gold, fixed(out))
    assert score.total("strict").correct == 0
    assert score.total("country").correct == 1  # a: same code, same countries
    assert score.total("root").correct == 2  # b: same root 03, same countries
    assert judge((("042", "IGOWSTNAT", "RUS"),), (("042", "IGOUNO", "RUS"),), "country") \
        .expected == ("correct",)  # IGO codes compare on their first 3 characters


def test_missing_actor_matches_gold_dashes_and_null_is_not_extra():
    gold = [sent("a", ("222", "GON", "---")), sent("b", ("050", "ARN", "GON"))]
    out = {"a": [("222", "GON", None)], "b": [("050", "ARN", "GON"), ("010", None, "GON"),
                                             ("010", "---REL", "GON")]}
    t = score_petrarch(gold, fixed(out)).total()
    assert (t.correct, t.uncoded, t.extra, t.null) == (2, 0, 0, 2)


def test_no_event_sentence():
    gold = [sent("n", no_events=True)]
    t = score_petrarch(gold, fixed({"n": [("010", "ARN", "GON"), ("020", "ARN", "GON")]})).total()
    assert (t.expected, t.correct, t.uncoded, t.extra) == (1, 0, 1, 2)
    assert t.expected_events == 0 and t.precision == 0.0
    only_null = score_petrarch(gold, fixed({"n": [("010", "ARN", None)]})).total()
    assert (only_null.correct, only_null.extra, only_null.null) == (1, 0, 1)


def test_one_to_one_pairing_and_duplicates():
    gold = [sent("a", ("050", "ARN", "GON"), ("050", "ARN", "GON"))]
    t = score_petrarch(gold, fixed({"a": [("050", "ARN", "GON")] * 3})).total()
    assert (t.correct, t.uncoded, t.extra) == (1, 1, 0)  # duplicates dropped, not extra
    gold = [sent("b", ("050", "ARN", "GON"))]
    t = score_petrarch(gold, fixed({"b": [("050", "ARN", "GON"), ("050", "ARNGOV", "GON")]}))\
        .total("country")
    assert (t.correct, t.extra) == (1, 1)  # one expected coding pairs with one produced


def test_coder_failure_is_counted_and_the_run_goes_on():
    gold = [sent("a", ("050", "ARN", "GON")), sent("b", ("050", "ARN", "GON"))]

    def flaky(s: GoldSentence) -> list[Coded]:
        if s.id == "a":
            raise RuntimeError("boom")
        return perfect(s)

    score = score_petrarch(gold, flaky)
    t = score.total()
    assert (t.correct, t.uncoded, t.failures) == (1, 1, 1)
    assert score.details()[0]["error"] == "RuntimeError: boom"


def test_skips_sentences_not_evaluated():
    skipped = GoldSentence("x", "PARSING", None, "t", (GoldCoding("050", "A", "B"),), False, False)
    score = score_petrarch([skipped, sent("a", ("050", "ARN", "GON"))], perfect)
    assert score.skipped == 1 and score.total().records == 1
    assert score_petrarch([skipped], perfect, only_evaluated=False).total().records == 1


def test_breakdowns_by_root_and_category():
    gold = [sent("a", ("050", "ARN", "GON"), category="DEMO"),
            sent("b", ("0311", "ARN", "GON"), ("190", "MOR", "GON"), category="VERB"),
            sent("c", no_events=True, category="VERB")]
    out = {"a": [("050", "ARN", "GON")], "b": [("190", "MOR", "GON"), ("173", "GON", "MOR")]}
    score = score_petrarch(gold, fixed(out))
    cats = score.by_category()
    assert (cats["DEMO"].records, cats["DEMO"].correct, cats["DEMO"].expected) == (1, 1, 1)
    assert (cats["VERB"].records, cats["VERB"].correct, cats["VERB"].uncoded,
            cats["VERB"].extra) == (2, 2, 1, 1)
    roots = score.by_root()
    assert set(roots) == {"03", "05", "17", "19", "none"}
    assert (roots["03"].uncoded, roots["05"].correct, roots["19"].correct) == (1, 1, 1)
    assert (roots["17"].extra, roots["17"].expected, roots["none"].correct) == (1, 0, 1)
    total = score.total()
    assert sum(c.correct for c in roots.values()) == total.correct == 3
    assert sum(c.extra for c in cats.values()) == total.extra == 1


def test_tables_and_details_shape():
    score = score_petrarch([sent("a", ("050", "ARN", "GON"))], perfect)
    tables = score.tables()
    assert all(isinstance(t, Table) for t in tables)
    rows = tables[0].as_rows()
    assert rows[0][:3] == ["variant", "records", "expected"]
    assert rows[1][0] == "strict" and rows[1][7] == "100.00"
    row = score.details()[0]
    assert row["id"] == "a" and row["expected"] == [["050", "ARN", "GON"]]
    assert row["produced"] == [["050", "ARN", "GON"]] and row["error"] is None
    assert score.summary()["strict"]["tp_pct"] == 100.0


# -- PLOVER, hand-made -------------------------------------------------------------------------
def pg(id: str, event: str, sources=(), targets=(), mode=None) -> PloverGold:
    return PloverGold(id=id, text=f"text {id}", event=event, sources=tuple(sources),
                      targets=tuple(targets), mode=mode, context=None)


def test_plover_labels_2021_and_gsr():
    assert plover_label("demand") == "REQUEST" and plover_label("FIGHT") == "ASSAULT"
    assert plover_label("COERCE", "destroy") == "ASSAULT"
    assert plover_label("DEMAND", scheme="gsr") == "DEMAND" and plover_label(None) == "NONE"
    gold = [pg("1", "DEMAND", ["USA"], ["IRN"])]
    coder = lambda r: ("REQUEST", "USA", "IRN")  # noqa: E731
    assert score_plover(gold, coder).accuracy == 1.0
    assert score_plover(gold, coder, scheme="gsr").accuracy == 0.0


def test_plover_accuracy_macro_f1_and_confusion():
    gold = [pg("1", "AGREE", ["USA"]), pg("2", "AGREE", ["USA"]), pg("3", "PROTEST", ["FRA"]),
            pg("4", "PROTEST", ["FRA"])]
    preds = {"1": ("AGREE", "USA", None), "2": ("PROTEST", "USA", None),
             "3": ("PROTEST", "FRA", None), "4": (None, None, None)}
    score = score_plover(gold, lambda r: preds[r.id])
    assert score.accuracy == 0.5 and score.no_output == 1
    # AGREE: P 1/1, R 1/2 -> 2/3; PROTEST: P 1/2, R 1/2 -> 1/2; other types absent
    assert score.macro_f1 == pytest.approx((2 / 3 + 1 / 2) / 2)
    assert score.confusion[("AGREE", "PROTEST")] == 1 and score.confusion[("PROTEST", "NONE")] == 1
    confusions = score.tables()[2].as_rows()
    assert ["AGREE", "PROTEST", "1"] in confusions


def test_plover_dyads():
    gold = [pg("1", "AGREE", ["USA", "JOR"]),  # no target: None is right
            pg("2", "ASSAULT", ["ISR"], ["PSE"]),
            pg("3", "CONSULT", ["JAP"], ["IGO"]),  # gold typo JAP = JPN
            pg("4", "THREATEN", ["RUS"], ["UKR"])]
    preds = {"1": ("AGREE", "JOR", None), "2": ("ASSAULT", "ISR", "PSEGOV"),
             "3": ("CONSULT", "JPN", "IGOUNO"), "4": ("THREATEN", "RUS", "USA")}
    score = score_plover(gold, lambda r: preds[r.id])
    assert score.source_accuracy == 1.0
    assert score.target_accuracy == pytest.approx(2 / 3)
    assert score.dyad_accuracy == 0.75 and score.full_accuracy == 0.75
    assert score_plover([gold[0]], lambda r: ("AGREE", "USA", "JOR")).dyad_accuracy == 0.0


# -- real gold sets ----------------------------------------------------------------------------
def _need(relative: str) -> Path:
    path = BENCH / relative
    if not path.is_file():
        pytest.skip(f"gold file not found: {path}")
    return path


@pytest.mark.parametrize("reader, relative, expected, no_event", [
    (read_ud_petrarch, "ud_petrarch_validate/PETR_Validate_records_2_02.xml", 305, 8),
    (read_petrarch2, "petrarch2_gsr/PETR2_GSR_validation.xml", 80, 12),
])
def test_real_petrarch_sets(reader, relative, expected, no_event):
    gold = reader(_need(relative))
    best = score_petrarch(gold, perfect)
    for variant in VARIANTS:
        t = best.total(variant)
        assert (t.expected_events, t.expected - t.expected_events) == (expected, no_event)
        assert t.tp_pct == 100.0 and t.extra == 0 and t.null == 0 and t.f1 == 1.0
    silent = score_petrarch(gold, lambda s: []).total()
    assert silent.correct_events == 0 and silent.correct == no_event and silent.extra == 0


def test_real_plover_set():
    gold = read_plover(_need("plover_gsr/PLOVER_GSR_CAMEO.txt"))

    def oracle_for(scheme: str):
        def oracle(r: PloverGold):
            return (plover_label(r.event, r.mode, scheme=scheme),
                    r.sources[0] if r.sources else None, r.targets[0] if r.targets else None)
        return oracle

    oracle = oracle_for("2021")
    for scheme in ("2021", "gsr"):
        score = score_plover(gold, oracle_for(scheme), scheme=scheme)
        assert score.accuracy == 1.0 and score.macro_f1 == 1.0 and score.dyad_accuracy == 1.0
    assert len(score_plover(gold, oracle).per_label()) == 16
    assert len(score.per_label()) == 18
    silent = score_plover(gold, lambda r: (None, None, None))
    assert silent.accuracy == 0.0 and silent.macro_f1 == 0.0 and silent.no_output == 322
