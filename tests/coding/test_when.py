"""Event dates resolved against the publication date; historical events flagged."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.coding.when import resolve_when

PUB = date(2025, 3, 13)  # a Thursday


@pytest.fixture(scope="module")
def when(engine):
    def _when(sentence: str, verb: str, pub: date | None = PUB):
        doc = engine.nlp(sentence)
        return resolve_when(next(t for t in doc if t.text == verb), pub)

    return _when


def test_weekday_resolves_to_the_latest_such_day(when):
    assert when("Putin responded on Thursday to the plan.", "responded").date == "2025-03-13"
    w = when("Putin met the envoy on Tuesday.", "met")
    assert (w.date, w.precision, w.historical) == ("2025-03-11", "day", False)


def test_explicit_earlier_year_is_historical(when):
    w = when("Crimea was annexed by Russia in 2014.", "annexed")
    assert (w.date, w.precision, w.historical) == ("2014-01-01", "year", True)


def test_years_ago(when):
    w = when("Russia invaded Ukraine three years ago.", "invaded")
    assert (w.date, w.historical) == ("2022-01-01", True)


def test_eras_and_terms_are_historical(when):
    assert when("In his first term Trump praised Putin.", "praised").historical
    assert when("NATO expanded after the Cold War.", "expanded").historical


def test_this_week_and_no_date(when):
    w = when("The president threatened sanctions this week.", "threatened")
    assert (w.date, w.precision, w.historical) == ("2025-03-10", "week", False)
    w = when("The president threatened sanctions.", "threatened")
    assert (w.date, w.precision) == ("2025-03-13", "publication")
    assert when("The president threatened sanctions.", "threatened", None).date is None


def test_since_is_not_a_date(when):
    assert not when("Russia has occupied Crimea since 2014.", "occupied").historical


def test_years_after_clause_is_historical(when):
    sentence = "Arnor is about to restore ties with Gondor almost five years after crowds " \
               "burned down its embassy."
    w = when(sentence, "burned")
    assert (w.date, w.historical) == ("2020-01-01", True)
    assert not when(sentence, "restore").historical
    assert not when("Arnor restored ties two days after crowds burned its embassy.",
                    "burned").historical


def test_year_of_a_period_or_deadline_does_not_date_the_act(code):
    doc = code("India on Thursday signed a trade protocol for 1990 with Nepal.")
    doc2 = code("Russia signed a trade protocol for 1990 with China on Thursday.")
    for d in (doc, doc2):
        assert d.events and not any(e.historical for e in d.events)


@pytest.mark.parametrize("phrase, expected", [
    ("last week", ("2025-03-03", "week")), ("next week", ("2025-03-17", "week")),
    ("last month", ("2025-02-01", "month")), ("next month", ("2025-04-01", "month")),
    ("next year", ("2026-01-01", "year")),
])
def test_last_this_next_periods(when, phrase, expected):
    w = when(f"Russia will meet Ukraine {phrase}.", "meet")
    assert (w.date, w.precision) == expected


def test_next_month_in_december_is_january(when):
    w = when("Russia will meet Ukraine next month.", "meet", date(2025, 12, 5))
    assert (w.date, w.precision) == ("2026-01-01", "month")


def test_an_act_under_an_office_its_holder_has_left_is_historical(code):
    # published 2025-03-13, after Biden's term: "President Joe Biden" acted in his term
    doc = code("President Joe Biden sent weapons to Ukraine.")
    sent = [e for e in doc.events if e.cameo == "072"]
    assert sent and all(e.historical for e in sent)
    doc = code("President Joe Biden gathered his allies to provide Ukraine with weapons.")
    aim = [e for e in doc.events if e.cameo == "072"]
    assert aim and all(e.historical for e in aim)  # the aim of an act in his term
    for text in ("Former President Joe Biden sent weapons to Ukraine.",
                 "President Donald Trump sent weapons to Ukraine."):
        assert not any(e.historical for e in code(text).events), text


def test_an_aim_takes_the_time_of_its_act(code):
    doc = code("Iran intervened in the 2016 election to help Russia.")
    helps = [e for e in doc.events if e.evidence.trigger == "help"]
    assert helps and all(e.historical and e.date == "2016-01-01" for e in helps)
