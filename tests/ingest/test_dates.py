from datetime import date

import pytest

from eventcoder.errors import DateError
from eventcoder.ingest.dates import date_in_name, find_date, parse_date

MARCH_13 = date(2025, 3, 13)


@pytest.mark.parametrize(
    "value",
    [
        "2025-03-13",
        "2025-3-13",
        "2025-03-13T10:00:00Z",
        "2025-03-13T23:30:00-05:00",
        "2025-03-13 10:00:00.123456+00:00",
        "Thu, 13 Mar 2025 10:00:00 GMT",
        "Thu, 13 Mar 2025 10:00:00 +0000",
        "March 13, 2025",
        "Mar. 13, 2025",
        "Thursday, March 13, 2025",
        "13 March 2025",
        "13th March 2025",
        "2025/03/13",
        "20250313",
        "13/03/2025",
        "03/13/2025",
        "13.03.2025",
        "  March  13,\n2025 ",
    ],
)
def test_parse_date_reads_common_forms(value: str) -> None:
    assert parse_date(value) == MARCH_13


def test_parse_date_keeps_the_date_as_written_in_its_time_zone() -> None:
    # 23:30 in New York is already the 14th in UTC; the article's own date is the 13th.
    assert parse_date("2025-03-13T23:30:00-05:00") == MARCH_13


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "empty"),
        ("soon", "cannot read date 'soon'"),
        ("2014", "cannot read date '2014'"),
        ("March 2025", "cannot read"),
        ("13 March", "cannot read"),
        ("2025-02-30", "no such day"),
        ("03/04/2025", "ambiguous"),
    ],
)
def test_parse_date_errors_name_the_input_and_the_value(value: str, fragment: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(value, input="articles.jsonl:17")
    message = str(caught.value)
    assert "articles.jsonl:17" in message
    assert fragment in message
    assert caught.value.code == "E102"


def test_parse_date_rejects_non_strings() -> None:
    with pytest.raises(DateError, match="must be a string, got int"):
        parse_date(20250313)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "KYIV, March 13, 2025 (Reuters) — Ukraine said on Thursday ...",
        "Headline here\nTBILISI, Mar. 13, 2025 — Police detained ...",
        "Published: 2025-03-13\n\nThe minister said ...",
        "Published on 13 March 2025\nThe minister said ...",
        "Updated 10:32 GMT, Thu March 13, 2025. The talks ...",
        "Date: 2025/03/13\nText follows.",
    ],
)
def test_find_date_finds_datelines_and_publication_lines(text: str) -> None:
    assert find_date(text) == MARCH_13


@pytest.mark.parametrize(
    "text",
    [
        "The war that began in 2014 has killed thousands.",
        "Russia invaded Ukraine on February 24, 2022, and the fighting goes on.",
        "The deal signed since 2019-05-01 is void.",
        "Talks resumed on Monday in Geneva.",
        "A plan dated 2025-02-30 is not a real day.",
        "Version 2025-03-131 of the file.",
        "x" * 600 + " March 13, 2025",
        "",
    ],
)
def test_find_date_is_conservative(text: str) -> None:
    assert find_date(text) is None


def test_find_date_takes_the_first_good_date() -> None:
    text = "GENEVA, 12 March 2025 — Envoys met. The accord of March 1, 2020 was cited."
    assert find_date(text) == date(2025, 3, 12)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cnn_2025-03-13_putin.txt", MARCH_13),
        ("20250313-story.md", MARCH_13),
        ("story_2025_03_13.txt", MARCH_13),
        ("notes.txt", None),
        ("report_2025-13-45.txt", None),
        ("id_120250313999.txt", None),
    ],
)
def test_date_in_name(name: str, expected: date | None) -> None:
    assert date_in_name(name) == expected
