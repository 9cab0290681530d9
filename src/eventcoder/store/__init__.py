"""The DuckDB store (``duckdb_store``) and its exports (``export``)."""

from eventcoder.store.duckdb_store import DEFAULT_PATH, Store, WriteStats

__all__ = ["DEFAULT_PATH", "Store", "WriteStats"]
