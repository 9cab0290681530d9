"""run_benchmark, write_details and the engine adapters, with fake coders and a fake engine."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from eventcoder.evaluation.gold import GoldCoding, GoldSentence, PloverGold
from eventcoder.evaluation.runner import (
    BENCHMARKS,
    engine_coder,
    engine_coders,
    engine_plover_coder,
    run_benchmark,
    write_details,
)
from eventcoder.records import Actor, Article, Document, Event, Evidence, Mention

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared"))


def _mention(code: str | None, country: str | None = None, sector: str | None = None):
    if code is None:
        return None
    return Mention(text=code, start=0, end=1, actor=Actor(code=code, name=code, country=country,
                                                          sector=sector))


def _event(cameo, source, target, *, modality="asserted", plover=None, confidence=0.5):
    return Event(id=f"{cameo}{confidence}", article_id="a", source=source, target=target,
                 cameo=cameo, quad_class=1, goldstein=0.0, plover=plover, modality=modality,
                 historical=False, evidence=Evidence("s", 0, 1, "t", 0, 1),
                 confidence=confidence)


class FakeEngine:
    def __init__(self, events):
        self.events = events
        self.calls: list[tuple[str, date | None]] = []
        self.warmed = False

    def warm_up(self):
        self.warmed = True
        return self

    def code_text(self, text, *, date=None):
        self.calls.append((text, date))
        return Document(article=Article(text=text, date=date), events=tuple(self.events))


def test_engine_coder_keeps_asserted_events_and_writes_countryless_agents_petrarch_style():
    events = [
        _event("050", _mention("ARN", "ARN"), _mention("GON", "GON")),
        _event("190", _mention("REB", None, "REB"), None),
        _event("057", _mention("GONMIL", "GON", "MIL"), _mention("MOR", "MOR"),
               modality="negated"),
    ]
    engine = FakeEngine(events)
    sentence = GoldSentence("s", "DEMO", date(1995, 1, 1), "Arnor restored ties with Gondor.",
                            (GoldCoding("050", "ARN", "GON"),), True, False)
    assert engine_coder(engine)(sentence) == [("050", "ARN", "GON"), ("190", "---REB", None)]
    assert engine.calls == [("Arnor restored ties with Gondor.", date(1995, 1, 1))]


def test_engine_plover_coder_picks_the_most_confident_asserted_plover_event():
    events = [
        _event("010", _mention("USAGOV", "USA", "GOV"), None, confidence=0.99),  # no PLOVER type
        _event("0311", _mention("USAGOV", "USA", "GOV"), _mention("JOR", "JOR"),
               plover="AGREE", confidence=0.8),
        _event("173", _mention("IGOUNO", None), _mention("JOR", "JOR"), plover="COERCE",
               confidence=0.9, modality="hypothetical"),
        _event("042", _mention("IGOUNO", None), _mention("JOR", "JOR"), plover="CONSULT",
               confidence=0.8),
    ]
    record = PloverGold("p", "t", "AGREE", ("USA",), (), None, None, date(2000, 1, 1))
    assert engine_plover_coder(FakeEngine(events))(record) == ("AGREE", "USA", "JOR")
    only_un = [events[3]]
    assert engine_plover_coder(FakeEngine(only_un))(record) == ("CONSULT", "IGO", "JOR")
    assert engine_plover_coder(FakeEngine([]))(record) == (None, None, None)


def test_engine_plover_coder_writes_joint_actors_as_sources_without_target():
    us, jor = _mention("USA", "USA"), _mention("JOR", "JOR")
    both_ways = [_event("030", us, jor, plover="AGREE"), _event("030", jor, us, plover="AGREE")]
    record = PloverGold("p", "t", "AGREE", ("USA", "JOR"), (), None, None, date(2000, 1, 1))
    assert engine_plover_coder(FakeEngine(both_ways))(record) == ("AGREE", "USA", None)
    one_way = both_ways[:1]
    assert engine_plover_coder(FakeEngine(one_way))(record) == ("AGREE", "USA", "JOR")
    # one party coded twice with two names of the same-country target is no joint act
    nga = Mention(text="Nigerian authorities", start=0, end=20,
                  actor=Actor(code="NGAGOV", name="n", country="NGA", sector="GOV"))
    movement = Mention(text="Biafran movement", start=40, end=56,
                       actor=Actor(code="NGAOPP", name="m", country="NGA", sector="OPP"))
    acronym = Mention(text="BM", start=58, end=60,
                      actor=Actor(code="NGAOPP", name="m", country="NGA", sector="OPP"))
    twice = [_event("173", nga, movement, plover="COERCE"),
             _event("173", nga, acronym, plover="COERCE")]
    assert engine_plover_coder(FakeEngine(twice))(record) == ("COERCE", "NGA", "NGA")
    # a sector with no state is no country
    agent = Mention(text="troops", start=0, end=1,
                    actor=Actor(code="MIL", name="troops", sector="MIL", type="agent"))
    assert engine_plover_coder(FakeEngine([_event("190", agent, jor, plover="FIGHT")]))(
        record) == ("FIGHT", None, "JOR")


def test_an_unknown_doer_is_read_as_the_named_place_where_the_gold_does_so():
    from dataclasses import replace

    from eventcoder.records import Place

    unknown = Mention(text="", start=5, end=5, method="unknown")
    victims = _mention("USAMIL", "USA", "MIL")
    named = Place(name="Samarra", country="IRQ", method="sentence")
    guessed = Place(name="Iraq", country="IRQ", method="actor_country")
    bombing = replace(_event("190", unknown, victims, plover="ASSAULT"), location=named)
    record = PloverGold("p", "t", "ASSAULT", ("IRQ",), ("USA",), None, None, date(2000, 1, 1))
    assert engine_plover_coder(FakeEngine([bombing]))(record) == ("ASSAULT", "IRQ", "USA")
    # a place inferred from the actors is no evidence of who did it
    assert engine_plover_coder(FakeEngine([replace(bombing, location=guessed)]))(record) == (
        "ASSAULT", None, "USA")
    sentence = GoldSentence("s", "DEMO", date(1995, 1, 1), "t", (), True, False)
    assert engine_coder(FakeEngine([bombing]), "petrarch")(sentence) == [("190", "IRQ", "USAMIL")]
    # our own convention keeps the doer unknown, as the record does
    assert engine_coder(FakeEngine([bombing]))(sentence) == [("190", None, "USAMIL")]


def test_engine_coders_factory_warms_the_engine():
    engine = FakeEngine([])
    factory = engine_coders(engine)
    assert factory("plover")(PloverGold("p", "t", "AGREE", (), (), None, None)) == (None,) * 3
    assert engine.warmed


def test_unknown_benchmark():
    with pytest.raises(ValueError, match="ud-petrarch"):
        run_benchmark("nope", lambda kind: lambda x: [])


def test_missing_gold_fails_before_the_coder_is_built(tmp_path):
    from eventcoder.errors import InputError

    def factory(kind):
        raise AssertionError("the coder must not be built without gold data")

    with pytest.raises(InputError):
        run_benchmark("petrarch2", factory, shared=tmp_path)


@pytest.mark.parametrize("name", sorted(BENCHMARKS))
def test_run_benchmark_and_write_details(name, tmp_path):
    if not (SHARED / "benchmarks").is_dir():
        pytest.skip(f"shared benchmarks not found under {SHARED}")

    def factory(kind):
        if kind == "plover":
            return lambda r: (None, None, None)
        return lambda s: [c.as_tuple() for c in s.expected]

    report = run_benchmark(name, factory, shared=SHARED, limit=20)
    assert report.name == name and report.tables()
    summary = report.summary()
    assert summary["benchmark"] == name and summary["records"] <= 20
    n = write_details(report, tmp_path / "out" / f"{name}.jsonl")
    lines = (tmp_path / "out" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == summary["records"] > 0
    row = json.loads(lines[0])
    assert row["benchmark"] == name and "id" in row and "text" in row


def test_engine_plover_coder_keeps_a_domestic_target_coded_both_ways():
    # "Gondor forces killed ethnic rebels in a gunbattle in Gondor": both sides one state
    mil, reb = _mention("SRBMIL", "SRB", "MIL"), _mention("SRB", "SRB")
    both_ways = [_event("193", mil, reb, plover="FIGHT"), _event("193", reb, mil, plover="FIGHT")]
    record = PloverGold("p", "t", "FIGHT", ("SRB",), ("SRB",), None, None, date(2000, 1, 1))
    assert engine_plover_coder(FakeEngine(both_ways))(record) == ("FIGHT", "SRB", "SRB")
