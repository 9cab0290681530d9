"""Which parties an event names: ethnic kin groups and peoples placed in another country,
and events with a named counterpart ranked above bare ones, through the real engine."""

from __future__ import annotations

from datetime import date


def _events(engine, text: str):
    return engine.code_text(text, date=date(2000, 1, 1)).events


def _country(m) -> str | None:
    return m.actor.country if m is not None and m.actor is not None else None


def test_ethnic_group_belongs_to_the_country_it_is_placed_in(engine) -> None:
    events = _events(engine, "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.")
    protest = next(e for e in events if e.cameo.startswith("14"))
    assert _country(protest.source) == "SRB"
    assert protest.source.method == "ethnic+place"


def test_demonym_without_ethnic_keeps_its_state(engine) -> None:
    events = _events(engine, "Albanian diplomats demonstrated on Tuesday in Serbia.")
    assert all(_country(e.source) != "SRB" for e in events if e.cameo.startswith("14"))


def test_demonym_on_a_people_noun_names_an_ethnic_group(engine) -> None:
    for text, country in (("Police attacked the Greek minority in Albania on Tuesday.", "ALB"),
                          ("Troops attacked the Hungarian population in Romania on Tuesday.",
                           "ROU")):
        attack = next(e for e in _events(engine, text) if e.cameo.startswith("19"))
        assert _country(attack.target) == country
        assert attack.target.method == "ethnic+place"


def test_people_of_a_country_are_its_people(engine) -> None:
    events = _events(engine, "The Albanians of southern Serbia are demanding political and "
                             "territorial autonomy from Serbian authorities.")
    demand = next(e for e in events if e.cameo.startswith("10"))
    assert _country(demand.source) == "SRB"
    assert demand.source.method == "demonym+place"
