"""Reading publication dates: strict for metadata fields, conservative when guessing from text.

``parse_date`` reads a date someone wrote down on purpose (a JSONL ``date`` field, ``--date``)
and raises :class:`~eventcoder.errors.DateError` when it cannot; ``find_date`` looks for a
publication date near the top of an article and returns ``None`` rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateutil_parser

from eventcoder.errors import DateError

__all__ = ["find_date", "parse_date", "date_in_name"]

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    (
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ),
    start=1,
):
    _MONTHS[_name] = _number
    _MONTHS[_name[:3]] = _number
_MONTHS["sept"] = 9

_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH = rf"(?P<mon>{_MONTH_NAMES})\.?"
_ANY_MONTH = rf"(?:{_MONTH_NAMES})\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_TIME = r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*" \
    r"(?:Z|UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2})?)?"

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_YMD = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})")
_NUMERIC_DMY = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})")
_DAY_MONTH = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})", re.IGNORECASE
)
_MONTH_DAY = re.compile(
    rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.IGNORECASE
)
_WHOLE = [
    re.compile(rf"{_WEEKDAY}{pattern.pattern}{_TIME}", pattern.flags)
    for pattern in (_ISO, _COMPACT, _YMD, _DAY_MONTH, _MONTH_DAY)
]

# In text: the same shapes, not glued to other digits or letters.
_IN_TEXT = re.compile(
    r"(?<![\w/.-])(?:"
    r"\d{4}-\d{1,2}-\d{1,2}(?![\d])"
    r"|\d{4}/\d{1,2}/\d{1,2}(?![\d])"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_ANY_MONTH},?\s+\d{{4}}(?!\d)"
    rf"|{_ANY_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\d)"
    r")",
    re.IGNORECASE,
)
# A date right after one of these words is usually about an event, not the publication.
_PREPOSITIONS = frozenset(
    "on since until till before after from by in of to between and through during around "
    "about circa than".split()
)
_PUBLICATION_WORDS = frozenset("published posted updated dated date modified".split())
_NAME_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<m>\d{2})(?P=sep)"
                        r"(?P<d>\d{2})(?!\d)")


def _build(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = groups.get("mon")
    m: str | int | None = _MONTHS.get(month.lower().rstrip(".")) if month else groups.get("m")
    if m is None:
        return None
    return _build(groups["y"], m, groups["d"])


def _numeric_day_month(match: re.Match[str], value: str, input: str | None) -> dt.date:
    a, b, year, sep = int(match["a"]), int(match["b"]), match["y"], match["sep"]
    if sep == ".":  # 13.03.2025 is always day first
        day, month = a, b
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    elif a == b:
        day = month = a
    else:
        raise DateError(
            f"ambiguous date {value!r}: day and month could be either way round; "
            "write it as ISO 8601 (YYYY-MM-DD)",
            input=input,
        )
    found = _build(year, month, day)
    if found is None:
        raise DateError(f"no such day: {value!r}", input=input)
    return found


def _dateutil(value: str) -> dt.date | None:
    """Last resort for other spellings; None unless year, month and day are all written."""
    first, second = dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2)
    try:
        a = dateutil_parser.parse(value, default=first)
        b = dateutil_parser.parse(value, default=second)
    except (ValueError, OverflowError, TypeError):
        return None
    if a.date() != b.date():  # a part came from the default: the value had no full date
        return None
    return a.date()


def parse_date(value: str, *, input: str | None = None) -> dt.date:
    """Read a full calendar date (year, month and day) written in a common form.

    Accepts ISO 8601 (``2025-03-13``, ``2025-03-13T10:00:00Z``), RFC 2822
    (``Thu, 13 Mar 2025 10:00:00 GMT``), ``March 13, 2025``, ``13 March 2025``, ``2025/03/13``,
    ``20250313`` and unambiguous ``13/03/2025``. A timestamp gives the date as written, in its
    own time zone. ``input`` names where the value came from for the error message.
    """
    if not isinstance(value, str):
        raise DateError(
            f"date must be a string, got {type(value).__name__}: {value!r}", input=input
        )
    text = " ".join(value.split())
    if not text:
        raise DateError("date is empty", input=input)
    for pattern in _WHOLE:
        match = pattern.fullmatch(text)
        if match:
            found = _from_match(match)
            if found is None:
                raise DateError(f"no such day: {value!r}", input=input)
            return found
    numeric = _NUMERIC_DMY.fullmatch(text)
    if numeric:
        return _numeric_day_month(numeric, value, input)
    if re.search(r"[A-Za-z]", text) and re.search(r"\d{4}", text):
        found = _dateutil(text)
        if found is not None:
            return found
    raise DateError(
        f"cannot read date {value!r}; write it as ISO 8601, e.g. 2025-03-13", input=input
    )


def _looks_like_event_date(text: str, start: int) -> bool:
    """True when the words just before ``start`` make the date part of a sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    words = re.findall(r"[A-Za-z]+", text[line_start:start])[-2:]
    if not words:
        return False
    last = words[-1].lower()
    if last in _PUBLICATION_WORDS:
        return False
    if last in _PREPOSITIONS:
        return not (len(words) == 2 and words[0].lower() in _PUBLICATION_WORDS)
    return False


def find_date(text: str, *, limit: int = 500) -> dt.date | None:
    """The publication date written near the top of an article, or None.

    Looks at the first ``limit`` characters for a full date (``2025-03-13``,
    ``March 13, 2025``, ``13 March 2025``, ``2025/03/13``) in a dateline or a "Published ..."
    line. Dates inside a sentence after a preposition ("invaded on February 24, 2022") are
    skipped, and a bare year never counts.
    """
    head = text[:limit]
    for match in _IN_TEXT.finditer(head):
        if _looks_like_event_date(head, match.start()):
            continue
        try:
            return parse_date(match.group(0))
        except DateError:
            continue
    return None


def date_in_name(name: str) -> dt.date | None:
    """A date written in a file name, e.g. ``cnn_2025-03-13_putin.txt`` or ``20250313.txt``."""
    for match in _NAME_DATE.finditer(name):
        found = _build(match["y"], match["m"], match["d"])
        if found is not None:
            return found
    return None
