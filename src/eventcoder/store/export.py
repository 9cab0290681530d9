"""Export stored tables as CSV (or tab-separated), JSON Lines or Parquet.

Two registries keep this open to new shapes without touching ``export``:

- ``EXPORTERS`` maps a *schema* name to a function ``(store, what) -> Selection``: the flat
  relation written to CSV/Parquet and how one flat row becomes a JSON object. ``native`` is the
  store's own columns (JSON nested like ``Event.to_dict()``), for every table including
  ``clusters`` and ``cluster_members``; ``gdelt`` is the GDELT 2.0 event table
  (``store/gdelt.py``) and ``polecat`` PLOVER/POLECAT records (``store/polecat.py``), both for
  ``events`` (by default only counted events: asserted and not historical; ``all_events=True``
  for all) or ``clusters``.
- ``FORMATS`` maps a file format to a writer ``(selection, out, options) -> rows written``.

CSV has a header row unless ``header=False``; ``tab=True`` writes tab-separated values without
quotes (GDELT's files are such, without a header); a backslash, tab, newline or carriage return
inside a value is escaped as backslash-backslash, backslash-t, backslash-n or backslash-r (as
in PostgreSQL's text format), and NULL is empty.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
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

__all__ = ["EXPORTERS", "FORMATS", "Selection", "WriteOptions", "export", "native"]

Out = Path | TextIO
_BATCH_ROWS = 10_000


@dataclass(frozen=True, slots=True)
class Selection:
    """What an export schema hands to a format writer."""

    relation: duckdb.DuckDBPyRelation  # flat rows, for CSV and Parquet
    to_json: Callable[[dict[str, Any]], dict[str, Any]]  # one flat row -> one JSON object
    # The same rows without the schema's default filter (export(..., all_events=True)), when
    # the schema has one (gdelt and polecat events: only counted events by default).
    unfiltered: duckdb.DuckDBPyRelation | None = None


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """How a writer lays out its file: CSV header row, tab-separated values."""

    header: bool = True
    tab: bool = False


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
    "clusters": _as_is,
    "cluster_members": _as_is,
}


def native(store: Store, what: str) -> Selection:
    """The store's own tables; JSON events and quotes are nested like their ``to_dict()``."""
    return Selection(relation=store.relation(what), to_json=_NATIVE_JSON[what])


def _gdelt(store: Store, what: str) -> Selection:
    from eventcoder.store.gdelt import gdelt

    return gdelt(store, what)


def _polecat(store: Store, what: str) -> Selection:
    from eventcoder.store.polecat import polecat

    return polecat(store, what)


EXPORTERS: dict[str, Callable[[Store, str], Selection]] = {
    "native": native, "gdelt": _gdelt, "polecat": _polecat,
}


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


def _tsv_relation(relation: duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """One VARCHAR column ``line``: the row's values joined by tabs, escaped, NULL empty."""
    parts = []
    for name, kind in zip(relation.columns, relation.types, strict=True):
        column = tables.quote_name(name)
        if str(kind) == "VARCHAR":
            value = (f"replace(replace(replace(replace({column}, '\\', '\\\\'), "
                     f"chr(9), '\\t'), chr(10), '\\n'), chr(13), '\\r')")
        else:
            value = f"CAST({column} AS VARCHAR)"
        parts.append(f"coalesce({value}, '')")
    return relation.project(" || chr(9) || ".join(parts) + " AS line")


def _write_tsv(selection: Selection, out: Out, options: WriteOptions) -> int:
    if isinstance(out, Path):
        try:
            handle: TextIO = out.open("w", encoding="utf-8", newline="\n")
        except OSError as error:
            raise _open_error(out, error) from error
    else:
        handle = out
    rows = 0
    try:
        if options.header:
            handle.write("\t".join(selection.relation.columns) + "\n")
        with _batches(_tsv_relation(selection.relation)) as reader:
            for batch in reader:
                lines = batch.column(0).to_pylist()
                if lines:
                    handle.write("\n".join(lines) + "\n")
                rows += len(lines)
    finally:
        if isinstance(out, Path):
            handle.close()
    return rows


def _write_csv(selection: Selection, out: Out, options: WriteOptions) -> int:
    if options.tab:
        return _write_tsv(selection, out, options)
    if isinstance(out, Path):
        try:
            sink: Any = out.open("wb")
        except OSError as error:
            raise _open_error(out, error) from error
    else:
        sink = _TextSink(out)
    rows = 0
    with sink, _batches(selection.relation) as reader:
        writer = pa_csv.CSVWriter(
            sink, reader.schema, write_options=pa_csv.WriteOptions(include_header=options.header)
        )
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


def _write_jsonl(selection: Selection, out: Out, options: WriteOptions) -> int:
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


def _write_parquet(selection: Selection, out: Out, options: WriteOptions) -> int:
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


FORMATS: dict[str, Callable[[Selection, Out, WriteOptions], int]] = {
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
    header: bool = True,
    tab: bool = False,
    all_events: bool = False,
) -> int:
    """Write one table of ``store`` to ``out`` (a path, or a text stream for csv and jsonl).

    ``what`` is one of articles, actors, events, quotes, failures, clusters, cluster_members
    (the gdelt and polecat schemas: events or clusters); ``fmt`` one of ``FORMATS``;
    ``schema`` one of ``EXPORTERS``. ``header=False`` leaves out the CSV header row and
    ``tab=True`` writes tab-separated values (see the module doc). The gdelt and polecat
    schemas export only counted events (asserted and not historical) unless ``all_events``.
    Returns the number of rows written. Raises InputError for an unknown name or an
    unwritable path.
    """
    if what not in tables.ALL_TABLES:
        raise InputError(
            f"cannot export {what!r}; choose one of {', '.join(tables.ALL_TABLES)}"
        )
    writer = FORMATS.get(fmt)
    if writer is None:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    make = EXPORTERS.get(schema)
    if make is None:
        raise InputError(
            f"unknown export schema {schema!r}; choose one of {', '.join(EXPORTERS)}"
        )
    target: Out = Path(out) if isinstance(out, str) else out
    selection = make(store, what)
    if all_events and selection.unfiltered is not None:
        selection = replace(selection, relation=selection.unfiltered, unfiltered=None)
    rows = writer(selection, target, WriteOptions(header=header, tab=tab))
    logger.info("exported %d %s rows as %s (%s)", rows, what, fmt, schema)
    return rows
