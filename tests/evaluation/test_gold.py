"""Gold readers: counts and quirks of the shared benchmark files (skipped when they are absent),
plus a small synthetic file that needs no shared data."""

from __future__ import annotations

import os
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.evaluation.gold import (
    GoldCoding,
    read_petrarch2,
    read_petrarch_validation,
    read_plover,
    read_ud_petrarch,
)

ROOT = Path(__file__).resolve().parents[2]
BENCH = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared")) / "benchmarks"


def _need(relative: str) -> Path:
    path = BENCH / relative
    if not path.is_file():
        pytest.skip(f"gold file not found: {path}")
    return path


@pytest.fixture(scope="module")
def ud():
    return read_ud_petrarch(_need("ud_petrarch_validate/PETR_Validate_records_2_02.xml"))


@pytest.fixture(scope="module")
def gsr():
    return read_petrarch2(_need("petrarch2_gsr/PETR2_GSR_validation.xml"))


@pytest.fixture(scope="module")
def plover():
    return read_plover(_need("plover_gsr/PLOVER_GSR_CAMEO.txt"))


def test_ud_petrarch_counts(ud):
    assert len(ud) == 274  # the <Sentence inside the header comment is not a record
    codings = sum(len(s.expected) for s in ud)
    no_events = sum(s.no_events for s in ud)
    errors = sum(s.error is not None for s in ud)
    assert (codings, no_events, errors) == (322, 20, 7)
    assert codings + no_events + errors == 349  # every <EventCoding> line is accounted for
    assert Counter(s.category for s in ud) == {
        "SYNSET": 52, "COMPOUND": 37, "DEMO": 35, "PATTERN": 26, "AGENT": 24, "VERB": 23,
        "DATE": 21, "MODIFY": 20, "ACTOR": 15, "PARSING": 12, "ERROR": 7, "AGENTS": 2}


def test_ud_petrarch_evaluate_follows_validation_py(ud):
    # evaluate="false" on 10; PARSING and ERROR are not in the file's <Include> list
    assert sum(s.evaluate for s in ud) == 245
    assert not any(s.evaluate for s in ud if s.category in {"PARSING", "ERROR", "AGENTS"})
    assert {s.id for s in ud if s.category == "ACTOR" and not s.evaluate} == {
        "ACTOR-01", "ACTOR-02", "ACTOR-03", "ACTOR-04"}
    assert all(s.error is None for s in ud if s.evaluate)


def test_ud_petrarch_records(ud):
    first = ud[0]
    assert first.id == "DEMO-01" and first.category == "DEMO"
    assert first.date == date(1995, 1, 1)
    assert first.expected == (GoldCoding("050", "ARN", "GON"),)
    assert first.text.startswith("Arnor is about to restore full diplomatic ties with Gondor")
    assert "  " not in first.text and "\n" not in first.text
    by_id = {s.id: s for s in ud}
    assert by_id["PATTERN-20"].text.endswith("pass of Cirith Ungol.")  # </Text> on a text line
    assert by_id["ACTOR-01"].expected[0].source == '"GRYFFINDOR HEAD MINERVA MCGONAGALL"'
    assert "&TIETYPE" in by_id["SYNSET-02"].text  # &amp; unescaped
    assert by_id["FINAL-RECORD"].no_events and by_id["FINAL-RECORD"].expected == ()
    assert by_id["DISCARD-01"].error == "storydiscard" and not by_id["DISCARD-01"].evaluate
    assert len(by_id["COMPOUND-08"].expected) == 8
    assert [s.id for s in ud].count("DEMO-32") == 2
    assert all(s.text for s in ud)


def test_petrarch2_counts(gsr):
    assert len(gsr) == 78
    assert sum(len(s.expected) for s in gsr) == 80
    assert sum(s.no_events for s in gsr) == 12
    assert sum(len(s.expected) for s in gsr) + sum(s.no_events for s in gsr) == 92
    assert all(s.evaluate for s in gsr)
    assert Counter(s.category for s in gsr) == {
        "OTHER": 23, "AFP": 18, "TEST": 11, "GOLD": 10, "VERB": 8, "PASSIVE": 8}


def test_petrarch2_quirks(gsr):
    by_id = {s.id: s for s in gsr}
    assert gsr[0].id == "AFP0808020625_4" and gsr[0].date == date(2008, 8, 4)
    assert gsr[0].expected == (GoldCoding("042", "USA", "CHN"),)
    assert by_id["AFP0808020905_1"].date is None  # date="121108" is not YYYYMMDD
    # empty <Text>: rebuilt from the CoNLL-U parse
    assert by_id["abc12_3"].text.startswith("Boko Haram has launched many similar attacks")
    assert by_id["abc12_3"].text.endswith("northeastern Nigeria.")
    assert all(s.text for s in gsr)


def test_plover_counts(plover):
    assert len(plover) == 322  # DOCUMENT record skipped
    assert Counter(p.event for p in plover) == {
        "AGREE": 40, "DEMAND": 34, "REJECT": 34, "THREATEN": 29, "PROTEST": 27, "COERCE": 18,
        "FIGHT": 17, "DISAPPROVE": 16, "ASSAULT": 15, "RETREAT": 14, "SANCTION": 14,
        "SUPPORT": 12, "CONCEDE": 12, "CONSULT": 11, "AID": 10, "INVESTIGATE": 9,
        "MOBILIZE": 6, "COOPERATE": 4}
    assert all(p.text for p in plover)


def test_plover_records(plover):
    by_id = {p.id: p for p in plover}
    first = by_id["PLOVER-GSR01-AGREE-0001"]
    assert first.sources == ("HUN", "ROU") and first.targets == ()
    assert first.source_sectors == ("GOV", "GOV")
    assert first.context == "refugees" and first.mode is None
    assert first.date == date(2000, 1, 1)
    assert by_id["PLOVER-GSR01-AGREE-0007"].targets == ()  # target is the string "diplomatic"
    assert by_id["PLOVER-GSR01-ASSAULT-0009"].sources == ()  # no source field
    assert [p.id for p in plover].count("PLOVER-GSR01-COERCE-0004") == 2


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        read_ud_petrarch(tmp_path / "nope.xml")


SYNTHETIC = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!--
#   Use <Sentence ... evaluate="false"> to bypass -- this is not a record
-->
<Environment>
    <Include>valid DEMO VERB </Include>
</Environment>
<Sentences>
<Sentence category="DEMO" date="20240102" id="A-1" evaluate="true"/>
<!-- a comment with <EventCoding eventcode="999" /> inside -->
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="&quot;X&quot;" />
<EventCoding eventcode="043" sourcecode="USA" targetcode="---" />
<Text>
The first line
  and the second.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse></Sentence>
<Sentence category="DEMO" date="20240103" id="A-2" evaluate="false">
<EventCoding noevents="True"> </EventCoding>
<Text>
Nothing happened.</Text>
</Sentence>
<Sentence category="PARSING" date="2024" id="A-3" evaluate="true">
<EventCoding error="dateline" />
<Text>
</Text>
<Parse>
1	Hello	hello	INTJ	UH	_	0	root	_	SpaceAfter=No
2	,	,	PUNCT	,	_	1	punct	_	_
3	world	world	NOUN	NN	_	1	vocative	_	SpaceAfter=No
4	.	.	PUNCT	.	_	1	punct	_	_
</Parse></Sentence>
</Sentences>
</Validation>
"""


def test_synthetic_validation_file(tmp_path):
    path = tmp_path / "v.xml"
    path.write_text(SYNTHETIC, encoding="utf-8")
    a1, a2, a3 = list(read_petrarch_validation(path))
    assert a1.id == "A-1" and a1.date == date(2024, 1, 2) and a1.evaluate
    assert a1.expected == (GoldCoding("042", "USAGOV", '"X"'), GoldCoding("043", "USA", "---"))
    assert a1.text == "The first line and the second."
    assert a2.no_events and not a2.evaluate and a2.text == "Nothing happened."
    assert a3.error == "dateline" and not a3.evaluate and a3.date is None
    assert a3.text == "Hello, world."
