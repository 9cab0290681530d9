"""Article records in JSON Lines, CSV/TSV and JSON arrays.

Each record is an object with ``text`` (required) and optional ``id``, ``title``, ``date``,
``url`` and ``source``; other fields are ignored. A bad record becomes a Failure naming the file
and line (``articles.jsonl:17``) and the file goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventcoder.errors import EmptyArticleError, EventcoderError, InputError
from eventcoder.ingest.dates import parse_date
from eventcoder.ingest.decode import clean_text, iter_lines, read_text
from eventcoder.ingest.text import check_length
from eventcoder.records import Article, Failure

logger = logging.getLogger(__name__)

__all__ = ["FIELDS", "article_from_record", "failure_from", "iter_csv", "iter_json", "iter_jsonl"]

FIELDS = ("id", "title", "text", "date", "url", "source")
_CSV_FIELD_LIMIT = 2**31 - 1


def failure_from(error: EventcoderError, where: str) -> Failure:
    """The Failure record for an error raised while reading ``where``."""
    return Failure(input=where, reason=error.message, stage="ingest", code=error.code)


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _optional_text(record: dict[str, Any], field: str, where: str) -> str | None:
    value = record.get(field)
    if value is None:
        return None
    if field == "id" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(f"'{field}' must be a string, got {_kind(value)}", input=where)
    value = " ".join(value.split())
    return value or None


def article_from_record(
    record: Any, *, where: str, date: dt.date | None = None, max_chars: int | None = None
) -> Article:
    """Validate one record and build its Article; raises an InputError subclass if it is bad.

    ``date`` fills in a missing or empty ``date`` field; it never overrides one the record has.
    """
    if not isinstance(record, dict):
        raise InputError(f"expected an object with a 'text' field, got {_kind(record)}",
                         input=where)
    if "text" not in record:
        raise InputError("'text' is missing", input=where)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, got {_kind(text)}", input=where)
    text = clean_text(text).strip()
    if not text:
        raise EmptyArticleError("'text' is empty", input=where)
    check_length(text, max_chars, where)
    raw_date = record.get("date")
    if raw_date is None or (isinstance(raw_date, str) and not raw_date.strip()):
        found = date
    else:
        found = parse_date(raw_date, input=where)
    return Article(
        text=text,
        id=_optional_text(record, "id", where) or "",
        title=_optional_text(record, "title", where),
        date=found,
        url=_optional_text(record, "url", where),
        source=_optional_text(record, "source", where),
        origin=where,
    )


def _article_or_failure(
    record: Any, where: str, date: dt.date | None, max_chars: int | None
) -> Article | Failure:
    try:
        return article_from_record(record, where=where, date=date, max_chars=max_chars)
    except EventcoderError as error:
        return failure_from(error, where)


def iter_jsonl_lines(
    lines: Iterable[str], label: str, *, date: dt.date | None, max_chars: int | None
) -> Iterator[Article | Failure]:
    """Records from JSON Lines; ``label:N`` names line N (1-based). Blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield failure_from(
                InputError(f"invalid JSON: {error.msg} at column {error.colno}"), where
            )
            continue
        yield _article_or_failure(record, where, date, max_chars)


def iter_jsonl(
    path: Path, label: str, *, date: dt.date | None = None, max_chars: int | None = None
) -> Iterator[Article | Failure]:
    yield from iter_jsonl_lines(iter_lines(path, label), label, date=date, max_chars=max_chars)


def iter_json(
    path: Path, label: str, *, date: dt.date | None = None, max_chars: int | None = None
) -> Iterator[Article | Failure]:
    """Records from a JSON array (``label[i]`` names item i, 0-based) or a single object."""
    try:
        data = json.loads(read_text(path, label))
    except json.JSONDecodeError as error:
        yield failure_from(
            InputError(f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}"),
            label,
        )
        return
    if isinstance(data, dict):
        yield _article_or_failure(data, label, date, max_chars)
        return
    if not isinstance(data, list):
        yield failure_from(
            InputError(f"expected a JSON array of articles, got {_kind(data)}"), label
        )
        return
    for index, record in enumerate(data):
        yield _article_or_failure(record, f"{label}[{index}]", date, max_chars)


def _raise_csv_field_limit() -> None:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)  # articles are longer than csv's 128 KiB default


def iter_csv(
    path: Path,
    label: str,
    *,
    delimiter: str = ",",
    date: dt.date | None = None,
    max_chars: int | None = None,
) -> Iterator[Article | Failure]:
    """Records from CSV/TSV with a header row; ``label:N`` names the line a record starts on."""
    _raise_csv_field_limit()
    reader = csv.reader(iter_lines(path, label), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        logger.info("%s: empty file", label)
        return
    except csv.Error as error:
        yield failure_from(InputError(f"cannot read the header row: {error}"), f"{label}:1")
        return
    names = [name.strip().lower() for name in header]
    if "text" not in names:
        found = ", ".join(repr(name) for name in names) or "nothing"
        yield failure_from(
            InputError(f"the header row has no 'text' column (found {found})"), f"{label}:1"
        )
        return
    while True:
        start = reader.line_num + 1
        where = f"{label}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield failure_from(InputError(f"malformed CSV: {error}"), where)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            yield failure_from(
                InputError(f"expected {len(names)} fields, got {len(row)}; check the quoting"),
                where,
            )
            continue
        record: dict[str, Any] = {
            name: value for name, value in zip(names, row, strict=False) if name in FIELDS
        }
        yield _article_or_failure(record, where, date, max_chars)
