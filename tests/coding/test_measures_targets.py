"""Targets of measures at home, demands named by a noun, repression of bare sectors, and
curated patterns for non-events (verbs_curated.txt), through the real engine."""

from __future__ import annotations

from datetime import date

import pytest


def _events(engine, text: str):
    return engine.code_text(text, date=date(2000, 1, 1)).events


def _country(m) -> str | None:
    return m.actor.country if m is not None and m.actor is not None else None


def test_capital_of_an_imposed_measure_is_its_target(engine) -> None:
    events = _events(engine, "President Abdelaziz Bouteflicka threatened to institute a "
                             "curfew in Algiers in response to recent unrest.")
    threat = next(e for e in events if e.cameo == "1323")
    assert _country(threat.target) == "DZA"


def test_martial_law_at_home_targets_own_country(engine) -> None:
    events = _events(engine, "Iraq's interim government announced that it is prepared to "
                             "impose martial law.")
    threat = next(e for e in events if e.cameo == "1324")
    assert _country(threat.target) == "IRQ"
    assert threat.target is not None and threat.target.method == "measure+source"


def test_demand_clause_of_a_noun_names_target(engine) -> None:
    events = _events(engine, "The main Hutu rebel group insisted on its demands that "
                             "Burundi's government grant the Hutu majority more rights.")
    demand = next(e for e in events if e.cameo.startswith("10"))
    assert _country(demand.target) == "BDI"


def test_repressed_sector_belongs_to_the_state(engine) -> None:
    events = _events(engine, "Egyptian police dispersed Moslem fundamentalist demonstrators "
                             "on Monday night.")
    rep = next(e for e in events if e.cameo == "175")
    assert rep.target is not None and rep.target.method == "agent+source"
    assert _country(rep.target) == "EGY"


@pytest.mark.parametrize("sentence,wrong", [
    ("APEC has agreed to set up an energy research center in Tokyo.", "090"),
    ("Doctors delivered goods to Baghdad, risking 12 years in prison.", "130"),
    ("North Korea has trained 500 computer hackers.", "030"),
    ("The general led troops to Kosovo.", "042"),
])
def test_curated_non_events(engine, sentence: str, wrong: str) -> None:
    assert wrong not in {e.cameo for e in _events(engine, sentence)}


def test_heading_to_a_capital_is_a_visit(engine) -> None:
    assert "042" in {e.cameo for e in _events(engine, "Sarkozy heads to Beijing.")}


def test_home_place_blockaded_beats_party_of_the_purpose(engine) -> None:
    events = _events(engine, "French farmers said they would blockade Paris to demand an "
                             "end to the European Union's quotas.")
    blockade = next(e for e in events if e.cameo == "170")
    assert _country(blockade.target) == "FRA"


def test_state_of_siege_is_emergency_rule_at_home(engine) -> None:
    events = _events(engine, "The army declared a state of siege in Bolivia on Sunday.")
    siege = next(e for e in events if e.cameo == "1724")
    assert _country(siege.target) == "BOL"


def test_withdrawal_from_a_town_at_home_has_no_target(engine) -> None:
    # a place at home stands for its people when force is used there, not when troops
    # leave it or give up there
    events = _events(engine, "Syrian troops withdrew from the town of Homs.")
    retreat = next(e for e in events if e.cameo == "0874")
    assert retreat.target is None or retreat.target.actor is None


def test_a_refusal_despite_a_partys_pressure_rejects_that_party(code):
    doc = code("The Kenyan minister refused to resign despite strong pressure from Uganda.")
    refused = [e for e in doc.events if e.cameo.startswith("12")]
    assert refused and all(e.target is not None and e.target.actor.country == "UGA"
                           for e in refused)
    # a body its state's name qualifies is that state's, even against its own official
    doc = code("The Kenyan minister declined to resign despite calls by the Kenya Audit "
               "Office.")
    assert any(e.cameo.startswith("12") and e.target is not None
               and e.target.actor.country == "KEN" for e in doc.events)


def test_a_protest_naming_no_party_is_aimed_at_the_author_of_what_it_is_over(code):
    doc = code("Thousands of Ghanaian nurses went on strike over a pay decree signed by the "
               "Ghanaian health minister.")
    struck = [e for e in doc.events if e.cameo.startswith("14")]
    assert struck and all(e.target is not None and e.target.actor.code == "GHAGOV"
                          for e in struck)
    doc = code("Zambian students rioted following a rally calling for the removal of "
               "President Frederick Chiluba.")
    rioted = [e for e in doc.events if e.cameo.startswith("145")]
    assert rioted and all(e.target is not None and e.target.actor.country == "ZMB"
                          for e in rioted)
