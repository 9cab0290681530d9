"""Export stored tables as CSV, JSON Lines or Parquet.

Two registries keep this open to new shapes without touching ``export``:

- ``EXPORTERS`` maps a *schema* name to a function ``(store, what) -> Selection``: the flat
  relation written to CSV/Parquet and how one flat row becomes a JSON object. ``native`` is the
  store's own columns (JSON nested like ``Event.to_dict()``); GDELT or POLECAT layouts can be
  added as further entries.
- ``FORMATS`` maps a file format to a writer ``(selection, out) -> rows written``.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from eventcoder.errors import InputError
from eventcoder.store import schema as tables
from eventcoder.store.duckdb_store import Store

logger = logging.getLogger(__name__)

__all__ = ["EXPORTERS", "FORMATS", "Selection", "export", "native"]

Out = Path | TextIO
_BATCH_ROWS = 10_000


@dataclass(frozen=True, slots=True)
class Selection:
    """What an export schema hands to a format writer."""

    relation: duckdb.DuckDBPyRelation  # flat rows, for CSV and Parquet
    to_json: Callable[[dict[str, Any]], dict[str, Any]]  # one flat row -> one JSON object


# --- schemas ---------------------------------------------------------------------------------


def _as_is(row: dict[str, Any]) -> dict[str, Any]:
    return row


def _actor_json(row: dict[str, Any]) -> dict[str, Any]:
    mention = tables.mention_from_row(row)
    body = mention.to_dict() if mention else {}
    return {"article_key": row["article_key"], "idx": row["idx"], **body}


_NATIVE_JSON: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "articles": _as_is,
    "actors": _actor_json,
    "events": lambda row: tables.event_from_row(row).to_dict(),
    "quotes": lambda row: tables.quote_from_row(row).to_dict(),
    "failures": _as_is,
}


def native(store: Store, what: str) -> Selection:
    """The store's own tables; JSON events and quotes are nested like their ``to_dict()``."""
    return Selection(relation=store.relation(what), to_json=_NATIVE_JSON[what])


EXPORTERS: dict[str, Callable[[Store, str], Selection]] = {"native": native}


# --- writers ---------------------------------------------------------------------------------


class _TextSink(io.RawIOBase):
    """A binary sink that decodes UTF-8 bytes into a text stream (e.g. sys.stdout)."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self._out = out
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raw = bytes(data)
        self._out.write(self._decoder.decode(raw))
        return len(raw)


def _batches(relation: duckdb.DuckDBPyRelation) -> pa.RecordBatchReader:
    """Stream the relation in Arrow batches; close the reader (``with``) to free the connection."""
    to_reader = getattr(relation, "to_arrow_reader", None)
    if to_reader is not None:  # duckdb >= 1.4
        return to_reader(_BATCH_ROWS)
    return relation.fetch_record_batch(_BATCH_ROWS)


def _open_error(out: Path, error: OSError) -> InputError:
    return InputError(f"cannot write the export: {error.strerror or error}", input=str(out))


def _write_csv(selection: Selection, out: Out) -> int:
    if isinstance(out, Path):
        try:
            sink: Any = out.open("wb")
        except OSError as error:
            raise _open_error(out, error) from error
    else:
        sink = _TextSink(out)
    rows = 0
    with sink, _batches(selection.relation) as reader:
        writer = pa_csv.CSVWriter(sink, reader.schema)
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
        writer.close()
    return rows


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _json_lines(selection: Selection) -> Iterator[str]:
    with _batches(selection.relation) as reader:
        for batch in reader:
            for row in batch.to_pylist():
                obj = selection.to_json(row)
                yield json.dumps(obj, ensure_ascii=False, default=_json_default) + "\n"


def _write_jsonl(selection: Selection, out: Out) -> int:
    rows = 0
    if isinstance(out, Path):
        try:
            handle = out.open("w", encoding="utf-8", newline="\n")
        except OSError as error:
            raise _open_error(out, error) from error
        with handle:
            for line in _json_lines(selection):
                handle.write(line)
                rows += 1
        return rows
    for line in _json_lines(selection):
        out.write(line)
        rows += 1
    return rows


def _write_parquet(selection: Selection, out: Out) -> int:
    if not isinstance(out, Path):
        raise InputError("parquet export needs a file path, not a stream")
    rows = 0
    with _batches(selection.relation) as reader:
        try:
            writer = pq.ParquetWriter(str(out), reader.schema)
        except OSError as error:
            raise _open_error(out, error) from error
        with writer:
            for batch in reader:
                writer.write_batch(batch)
                rows += batch.num_rows
    return rows


FORMATS: dict[str, Callable[[Selection, Out], int]] = {
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "parquet": _write_parquet,
}


def export(
    store: Store,
    *,
    what: str = "events",
    fmt: str = "csv",
    out: Path | str | TextIO,
    schema: str = "native",
) -> int:
    """Write one table of ``store`` to ``out`` (a path, or a text stream for csv and jsonl).

    ``what`` is one of articles, actors, events, quotes, failures; ``fmt`` one of ``FORMATS``;
    ``schema`` one of ``EXPORTERS``. Returns the number of rows written. Raises InputError
    for an unknown name or an unwritable path.
    """
    if what not in tables.TABLES:
        raise InputError(f"cannot export {what!r}; choose one of {', '.join(tables.TABLES)}")
    writer = FORMATS.get(fmt)
    if writer is None:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    make = EXPORTERS.get(schema)
    if make is None:
        raise InputError(
            f"unknown export schema {schema!r}; choose one of {', '.join(EXPORTERS)}"
        )
    target: Out = Path(out) if isinstance(out, str) else out
    rows = writer(make(store, what), target)
    logger.info("exported %d %s rows as %s (%s)", rows, what, fmt, schema)
    return rows
