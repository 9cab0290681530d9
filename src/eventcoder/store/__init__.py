"""The DuckDB store (``duckdb_store``), event clusters (``dedup``) and exports (``export``)."""

from eventcoder.store.dedup import ClusterStats, update_clusters
from eventcoder.store.duckdb_store import DEFAULT_PATH, Store, WriteStats

__all__ = ["DEFAULT_PATH", "ClusterStats", "Store", "WriteStats", "update_clusters"]
