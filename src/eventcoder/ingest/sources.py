"""Turn command-line inputs (files, folders, ``-``) into a stream of Articles and Failures.

``read_inputs`` checks every input before it reads any, so a typo in the last path fails at
once with an :class:`~eventcoder.errors.InputError`; after that, one bad record or unreadable
file becomes a :class:`~eventcoder.records.Failure` and the stream goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from eventcoder.errors import EventcoderError, InputError
from eventcoder.ingest.decode import clean_text, read_text
from eventcoder.ingest.dumps import failure_from, iter_csv, iter_json, iter_jsonl, iter_jsonl_lines
from eventcoder.ingest.text import article_from_text
from eventcoder.records import Article, Failure

logger = logging.getLogger(__name__)

__all__ = ["STDIN", "SUPPORTED_SUFFIXES", "count_records", "read_inputs", "resolve_inputs"]

STDIN = "-"
STDIN_LABEL = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
JSON_SUFFIXES = frozenset({".json"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | JSON_SUFFIXES


@dataclass(frozen=True, slots=True)
class Source:
    """One readable input: a file (``path``) or stdin (``path`` is None)."""

    label: str  # how the user named it; used in origins and failure messages
    path: Path | None

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower() if self.path else ""


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _folder_files(folder: Path, label: str) -> list[Source]:
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue  # hidden files and folders (.git, .DS_Store)
        if path.is_file() and _supported(path):
            found.append((relative.as_posix(), path))
        elif path.is_file():
            logger.debug("%s: skipping %s (unsupported file type)", label, relative)
    if not found:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise InputError(f"no supported files in this folder (looked for {kinds})", input=label)
    return [
        Source(label=str(Path(label) / relative), path=path) for relative, path in sorted(found)
    ]


def resolve_inputs(inputs: Iterable[str | Path]) -> list[Source]:
    """Check every input and expand folders; raises InputError for the first bad one."""
    sources: list[Source] = []
    for item in inputs:
        label = str(item)
        if label == STDIN:
            sources.append(Source(label=STDIN_LABEL, path=None))
            continue
        path = Path(item)
        if path.is_dir():
            sources.extend(_folder_files(path, label))
        elif not path.exists():
            raise InputError("no such file or folder", input=label)
        elif not _supported(path):
            kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
            raise InputError(
                f"unsupported file type {path.suffix or '(none)'!r}; use one of {kinds}",
                input=label,
            )
        else:
            sources.append(Source(label=label, path=path))
    return sources


def _read_stdin(
    stream: TextIO, *, date: dt.date | None, max_chars: int | None
) -> Iterator[Article | Failure]:
    text = clean_text(stream.read())
    if text.lstrip().startswith("{"):
        yield from iter_jsonl_lines(
            text.splitlines(), STDIN_LABEL, date=date, max_chars=max_chars
        )
        return
    try:
        yield article_from_text(text, origin=STDIN_LABEL, date=date, max_chars=max_chars)
    except EventcoderError as error:
        yield failure_from(error, STDIN_LABEL)


def _read_source(
    source: Source, *, date: dt.date | None, stdin: TextIO | None, max_chars: int | None
) -> Iterator[Article | Failure]:
    if source.path is None:
        yield from _read_stdin(stdin or sys.stdin, date=date, max_chars=max_chars)
        return
    path, label, suffix = source.path, source.label, source.suffix
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(path, label, date=date, max_chars=max_chars)
    elif suffix in CSV_SUFFIXES:
        delimiter = "\t" if suffix == ".tsv" else ","
        yield from iter_csv(path, label, delimiter=delimiter, date=date, max_chars=max_chars)
    elif suffix in JSON_SUFFIXES:
        yield from iter_json(path, label, date=date, max_chars=max_chars)
    else:
        text = read_text(path, label)
        yield article_from_text(
            text, origin=label, id=path.stem, name=path.name, date=date, max_chars=max_chars
        )


def _generate(
    sources: list[Source], *, date: dt.date | None, stdin: TextIO | None, max_chars: int | None
) -> Iterator[Article | Failure]:
    for source in sources:
        logger.debug("reading %s", source.label)
        try:
            yield from _read_source(source, date=date, stdin=stdin, max_chars=max_chars)
        except EventcoderError as error:
            yield failure_from(error, source.label)
        except OSError as error:
            reason = error.strerror or str(error)
            yield failure_from(InputError(f"cannot read file: {reason}"), source.label)


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    stdin: TextIO | None = None,
    max_chars: int | None = None,
) -> Iterator[Article | Failure]:
    """Articles (or Failures) from files, folders and ``-`` (stdin), in a stable order.

    - ``.txt``/``.text``/``.md``: one article; a short first line is its title; the date is
      ``date``, else one at the top of the text, else one in the file name.
    - ``.jsonl``/``.ndjson``/``.csv``/``.tsv``/``.json``: one article per record with fields
      ``id, title, text, date, url, source``; ``date`` fills in missing dates only.
    - a folder: every supported file inside, recursively, sorted by path.
    - ``-``: stdin, read as JSON Lines if it starts with ``{``, else as one text article.

    Raises InputError right away (before anything is read) for a missing path or an
    unsupported file type. ``max_chars`` turns longer articles into Failures.
    """
    sources = resolve_inputs(inputs)
    return _generate(sources, date=date, stdin=stdin, max_chars=max_chars)


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _count_json(path: Path) -> int:
    try:
        data = json.loads(read_text(path))
    except (json.JSONDecodeError, OSError):
        return 1
    return len(data) if isinstance(data, list) else 1


def count_records(inputs: Iterable[str | Path]) -> int:
    """A cheap estimate of how many records ``read_inputs`` will yield, for a progress bar.

    Counts lines in JSON Lines files, lines minus the header in CSV/TSV (a quoted field that
    spans lines is counted more than once), items in JSON arrays and 1 per text file. Stdin
    cannot be counted and adds 0, so a total of 0 means "unknown".
    """
    total = 0
    for source in resolve_inputs(inputs):
        path = source.path
        try:
            if path is None:
                continue
            if source.suffix in JSONL_SUFFIXES:
                total += _count_lines(path)
            elif source.suffix in CSV_SUFFIXES:
                total += max(_count_lines(path) - 1, 0)
            elif source.suffix in JSON_SUFFIXES:
                total += _count_json(path)
            else:
                total += 1
        except OSError:
            total += 1  # read_inputs will report it as a Failure
    return total
