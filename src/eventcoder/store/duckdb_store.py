"""The DuckDB store: one file holding articles, actor mentions, events, quotes and failures.

Writes are bulk inserts of Arrow tables inside one transaction per ``write`` call, so a crash
half-way leaves the store as it was. Writing is idempotent: an article already stored (same
content key) has all its rows replaced, so re-running the same input changes nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from eventcoder.errors import StoreError
from eventcoder.records import Document, Failure
from eventcoder.store import schema
from eventcoder.store.schema import Row

if TYPE_CHECKING:
    from eventcoder.store.dedup import ClusterStats

logger = logging.getLogger(__name__)

__all__ = ["DEFAULT_PATH", "Store", "WriteStats"]

DEFAULT_PATH = "eventcoder.duckdb"
MEMORY = ":memory:"
_CHILD_TABLES = ("actors", "events", "quotes", "failures")


@dataclass(frozen=True, slots=True)
class WriteStats:
    """What one ``Store.write`` call stored. ``replaced`` counts articles already stored."""

    articles: int = 0
    replaced: int = 0
    actors: int = 0
    events: int = 0
    quotes: int = 0
    failures: int = 0
    seconds: float = 0.0

    def __add__(self, other: WriteStats) -> WriteStats:
        return WriteStats(
            articles=self.articles + other.articles,
            replaced=self.replaced + other.replaced,
            actors=self.actors + other.actors,
            events=self.events + other.events,
            quotes=self.quotes + other.quotes,
            failures=self.failures + other.failures,
            seconds=self.seconds + other.seconds,
        )


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)  # stored as naive UTC


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction, if there is one."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # no transaction was open


@contextmanager
def transaction(
    con: duckdb.DuckDBPyConnection, path: str, failed: str, *, starting: str | None = None
) -> Iterator[None]:
    """Run the ``with`` block as one transaction, committed at its end and rolled back on any
    error, so that nothing of it is kept. A DuckDB error becomes
    ``StoreError("<failed>: <its first line>")`` (``<starting>`` when BEGIN itself fails);
    other exceptions propagate unchanged."""
    try:
        con.execute("BEGIN TRANSACTION")
    except duckdb.Error as error:
        raise StoreError(f"{starting or failed}: {_first_line(error)}", input=path) from error
    try:
        yield
        con.execute("COMMIT")
    except duckdb.Error as error:
        rollback(con)
        raise StoreError(f"{failed}: {_first_line(error)}", input=path) from error
    except BaseException:
        rollback(con)
        raise


class Store:
    """An eventcoder DuckDB file. Use as a context manager, or call ``close()``.

    ``path`` may be ``":memory:"`` for a throw-away store. One Store (connection) should be
    used from one thread at a time.
    """

    def __init__(
        self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False, chunk_size: int = 1000
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.chunk_size = max(1, chunk_size)
        on_disk = self.path != MEMORY
        if on_disk and read_only and not Path(self.path).exists():
            raise StoreError("no such store file", input=self.path)
        try:
            if on_disk and not read_only:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(
                self.path, read_only=read_only
            )
        except (duckdb.Error, OSError) as error:
            raise StoreError(
                f"cannot open the store: {_first_line(error)}", input=self.path
            ) from error
        try:
            self._prepare()
        except BaseException:
            self.close()
            raise

    # --- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __repr__(self) -> str:
        state = "closed" if self._con is None else ("read-only" if self.read_only else "open")
        return f"Store({self.path!r}, {state})"

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for ad-hoc SQL (the CLI's ``query`` command, exports)."""
        if self._con is None:
            raise StoreError("the store is closed", input=self.path)
        return self._con

    def _prepare(self) -> None:
        con = self.connection
        failed = "not an eventcoder store, or it cannot be set up"
        if not self.read_only:
            upgraded: list[Any] = []
            with transaction(con, self.path, failed):
                for statement in schema.create_statements():
                    con.execute(statement)
                con.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                    [str(schema.SCHEMA_VERSION)],
                )
                upgraded = con.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version' "
                    "AND value IN (SELECT unnest(?)) RETURNING value",
                    [str(schema.SCHEMA_VERSION), list(schema.UPGRADABLE_FROM)],
                ).fetchall()
                if upgraded:  # the cluster tables of older versions are made again, empty
                    for statement in schema.recreate_statements(schema.CLUSTER_TABLES):
                        con.execute(statement)
            if upgraded:
                logger.info("upgraded %s to store schema version %s", self.path,
                            schema.SCHEMA_VERSION)
        try:
            found = con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchall()
        except duckdb.Error as error:
            raise StoreError(f"{failed}: {_first_line(error)}", input=self.path) from error
        version = found[0][0] if found else None
        if version != str(schema.SCHEMA_VERSION):
            remedy = (
                "open it once without read-only to upgrade it"
                if version in schema.UPGRADABLE_FROM
                else "write to a new store file"
            )
            raise StoreError(
                f"store schema version {version}, this eventcoder needs "
                f"{schema.SCHEMA_VERSION}; {remedy}",
                input=self.path,
            )

    def _writable(self) -> duckdb.DuckDBPyConnection:
        con = self.connection
        if self.read_only:
            raise StoreError("the store was opened read-only", input=self.path)
        return con

    # --- writing ---------------------------------------------------------------------------

    def write(self, docs: Iterable[Document | Failure]) -> WriteStats:
        """Store documents (and loose Failures) in one transaction; returns what was written.

        An article whose key is already stored is replaced: its actors, events, quotes and
        failures are deleted and the new ones inserted. Failures are upserted by id. If
        anything goes wrong, including an exception raised by ``docs`` itself, nothing of this
        call is kept and the exception propagates (DuckDB errors as StoreError).
        """
        con = self._writable()
        started = time.perf_counter()
        stats = WriteStats()
        documents: dict[str, Document] = {}
        loose: dict[str, Failure] = {}
        with transaction(
            con, self.path, "could not write; nothing from this batch was stored",
            starting="cannot start a write (is another write on this store still running?)",
        ):
            for item in docs:
                if isinstance(item, Document):
                    documents.pop(item.article.key, None)  # the last copy of an article wins
                    documents[item.article.key] = item
                elif isinstance(item, Failure):
                    loose[item.id] = item
                else:
                    raise TypeError(f"expected Document or Failure, got {type(item).__name__}")
                if len(documents) + len(loose) >= self.chunk_size:
                    stats = stats + self._flush(con, documents, loose)
                    documents, loose = {}, {}
            stats = stats + self._flush(con, documents, loose)
        seconds = time.perf_counter() - started
        logger.debug("stored %s in %.3fs", stats, seconds)
        return replace(stats, seconds=seconds)

    def write_failures(self, failures: Iterable[Failure]) -> int:
        """Upsert Failures by id in one transaction; returns how many were written."""
        return self.write(failures).failures

    def _flush(
        self,
        con: duckdb.DuckDBPyConnection,
        documents: dict[str, Document],
        loose: dict[str, Failure],
    ) -> WriteStats:
        if not documents and not loose:
            return WriteStats()
        now = _now()
        replaced = self._delete_articles(con, list(documents)) if documents else 0
        articles: list[Row] = []
        actors: list[Row] = []
        events: list[Row] = []
        quotes: list[Row] = []
        failures: dict[str, Row] = {}
        for key, doc in documents.items():
            articles.append(schema.article_row(doc.article, len(doc.events), now))
            actors.extend(schema.actor_row(key, i, m) for i, m in enumerate(doc.mentions))
            events.extend(schema.event_row(key, e) for e in doc.events)
            quotes.extend(schema.quote_row(key, q) for q in doc.quotes)
            for failure in doc.failures:
                failures[failure.id] = schema.failure_row(failure, key, now)
        for failure in loose.values():
            failures[failure.id] = schema.failure_row(failure, None, now)
        self._insert(con, "articles", articles)
        self._insert(con, "actors", actors)
        # ids are content hashes, unique by construction; a clash is a coder bug, which must
        # not cost the whole batch: keep the first row and say so
        self._insert(con, "events", _first_by_id(events, "events"))
        self._insert(con, "quotes", _first_by_id(quotes, "quotes"))
        self._insert(con, "failures", list(failures.values()), upsert=True)
        return WriteStats(
            articles=len(articles), replaced=replaced, actors=len(actors), events=len(events),
            quotes=len(quotes), failures=len(failures),
        )

    @staticmethod
    def _delete_articles(con: duckdb.DuckDBPyConnection, keys: list[str]) -> int:
        con.register("_ec_keys", pa.table({"key": pa.array(keys, type=pa.string())}))
        try:
            found = con.execute(
                "SELECT count(*) FROM articles WHERE key IN (SELECT key FROM _ec_keys)"
            ).fetchall()
            for table in _CHILD_TABLES:
                con.execute(
                    f"DELETE FROM {table} WHERE article_key IN (SELECT key FROM _ec_keys)"
                )
            con.execute("DELETE FROM articles WHERE key IN (SELECT key FROM _ec_keys)")
        finally:
            con.unregister("_ec_keys")
        return int(found[0][0])

    @staticmethod
    def _insert(
        con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Row], *, upsert: bool = False
    ) -> None:
        if not rows:
            return
        columns = schema.column_list(table)
        verb = "INSERT OR REPLACE INTO" if upsert else "INSERT INTO"
        con.register("_ec_rows", schema.to_arrow(table, rows))
        try:
            con.execute(f"{verb} {table} ({columns}) SELECT {columns} FROM _ec_rows")
        finally:
            con.unregister("_ec_rows")

    # --- reading ---------------------------------------------------------------------------

    @staticmethod
    def _table(table: str) -> str:
        if table not in schema.ALL_TABLES:
            raise StoreError(
                f"no table {table!r}; choose one of {', '.join(schema.ALL_TABLES)}"
            )
        return table

    def has_article(self, key: str) -> bool:
        found = self.connection.execute(
            "SELECT 1 FROM articles WHERE key = ? LIMIT 1", [key]
        ).fetchall()
        return bool(found)

    def article_keys(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT key FROM articles").fetchall()}

    def counts(self) -> dict[str, int]:
        """Rows per record table, e.g. ``{"articles": 12, "actors": 80, "events": 40, ...}``.

        The derived cluster tables are not included; see ``cluster_counts()``.
        """
        con = self.connection
        counts = {}
        for table in schema.TABLES:
            found = con.execute(f"SELECT count(*) FROM {table}").fetchall()
            counts[table] = int(found[0][0])
        return counts

    def cluster_counts(self) -> dict[str, int]:
        """Rows of the cluster tables: ``{"clusters": ..., "cluster_members": ...}``."""
        con = self.connection
        return {
            table: int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
            for table in schema.CLUSTER_TABLES
        }

    def cluster(self, new_only: bool = True) -> ClusterStats:
        """Merge events not yet clustered into event clusters (see ``store/dedup.py``).

        ``new_only=False`` drops every cluster and clusters all events again.
        """
        from eventcoder.store.dedup import update_clusters

        return update_clusters(self, rebuild=not new_only)

    def rows(
        self,
        table: str,
        *,
        where: str | None = None,
        params: Sequence[Any] | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Rows of ``table`` as dicts, in a stable order.

        ``where`` is a SQL condition (trusted input, e.g. ``"cameo_root = ?"``) with ``?``
        placeholders filled from ``params``.
        """
        name = self._table(table)
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)
                                  or limit < 0):
            raise StoreError(f"limit must be a whole number >= 0, got {limit!r}")
        return self._select(name, where, params, schema.ORDER_BY[name], limit)

    def _select(
        self,
        table: str,
        where: str | None,
        params: Sequence[Any] | None,
        order: str,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        sql = f"SELECT * FROM {table}"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        try:
            cursor = self.connection.execute(sql, list(params or []))
        except duckdb.Error as error:
            raise StoreError(
                f"cannot read {table}: {_first_line(error)}", input=self.path
            ) from error
        columns = [d[0] for d in cursor.description or []]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def relation(self, table: str) -> duckdb.DuckDBPyRelation:
        """A lazy DuckDB relation over ``table`` in a stable order, for exports and queries."""
        name = self._table(table)
        return self.connection.sql(f"SELECT * FROM {name} ORDER BY {schema.ORDER_BY[name]}")

    def documents(
        self, keys: Iterable[str] | None = None, *, chunk_size: int = 500
    ) -> Iterator[Document]:
        """Rebuild stored Documents (all, or those with the given article keys).

        A Document's failures are the ones written with it; loose failures are not included.
        """
        if keys is None:
            wanted = [row["key"] for row in self.rows("articles")]
        else:
            wanted = list(dict.fromkeys(keys))
        for at in range(0, len(wanted), max(1, chunk_size)):
            chunk = wanted[at : at + max(1, chunk_size)]
            yield from self._documents(chunk)

    def _documents(self, keys: list[str]) -> Iterator[Document]:
        params = [keys]
        children: dict[str, dict[str, list[dict[str, Any]]]] = {
            table: {} for table in _CHILD_TABLES
        }
        for table in _CHILD_TABLES:  # rowid order is the order the records were written in
            found = self._select(table, "article_key IN (SELECT unnest(?))", params, "rowid")
            for row in found:
                children[table].setdefault(row["article_key"], []).append(row)
        articles = self._select("articles", "key IN (SELECT unnest(?))", params, "key")
        by_key = {row["key"]: row for row in articles}
        for key in keys:
            article = by_key.get(key)
            if article is None:
                continue
            yield Document(
                article=schema.article_from_row(article),
                mentions=tuple(
                    m for r in children["actors"].get(key, [])
                    if (m := schema.mention_from_row(r)) is not None
                ),
                events=tuple(schema.event_from_row(r) for r in children["events"].get(key, [])),
                quotes=tuple(schema.quote_from_row(r) for r in children["quotes"].get(key, [])),
                failures=tuple(
                    schema.failure_from_row(r) for r in children["failures"].get(key, [])
                ),
            )


def _first_by_id(rows: list[Row], table: str) -> list[Row]:
    """Rows with a unique first column (the id), the first of each kept."""
    seen: dict[object, Row] = {}
    for row in rows:
        if row[0] in seen:
            logger.warning("%s: duplicate id %s dropped", table, row[0])
            continue
        seen[row[0]] = row
    return list(seen.values())
