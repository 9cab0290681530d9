"""The store's tables: column definitions, records -> flat rows, and flat rows -> records.

Each table is a list of ``(column, DuckDB type)``. Mentions inside events and quotes are
flattened into ``<role>_<field>`` columns (``source_code``, ``target_name``, ``speaker_start``,
...) holding every Mention field, so a row rebuilds exactly the record it came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa

from eventcoder.records import (
    Actor,
    Article,
    Event,
    Evidence,
    Failure,
    Mention,
    Place,
    Quote,
)

SCHEMA_VERSION = 4
# Version 3 added the cluster tables; version 4 anchors a cluster on a date period
# (``anchor_date``..``anchor_end``) and keeps its direction (``match_reversed``). An older store
# opened for writing is upgraded in place: its cluster tables, derived from the events, are
# dropped and made again, and the next clustering run clusters every event.
UPGRADABLE_FROM = ("2", "3")
# Tables of coded records, written by Store.write (and counted by Store.counts()).
TABLES = ("articles", "actors", "events", "quotes", "failures")
# Tables derived from the events by cross-article deduplication (store/dedup.py).
CLUSTER_TABLES = ("clusters", "cluster_members")
ALL_TABLES = TABLES + CLUSTER_TABLES

Row = tuple[Any, ...]

MENTION_COLUMNS: list[tuple[str, str]] = [
    ("text", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("name", "VARCHAR"),
    ("code", "VARCHAR"),
    ("country", "VARCHAR"),
    ("sector", "VARCHAR"),
    ("type", "VARCHAR"),
    ("kb_id", "VARCHAR"),
    ("method", "VARCHAR"),
    ("score", "DOUBLE"),
    ("antecedent", "VARCHAR"),
]


def _role(prefix: str) -> list[tuple[str, str]]:
    return [(f"{prefix}_{name}", kind) for name, kind in MENTION_COLUMNS]


PLACE_COLUMNS: list[tuple[str, str]] = [
    ("location", "VARCHAR"), ("location_country", "VARCHAR"), ("location_admin1", "VARCHAR"),
    ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"), ("location_feature", "VARCHAR"),
    ("location_method", "VARCHAR"), ("location_text", "VARCHAR"), ("location_start", "INTEGER"),
    ("location_end", "INTEGER"),
]


def place_values(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return (None,) * len(PLACE_COLUMNS)
    return (place.name, place.country, place.admin1, place.lat, place.lon, place.feature,
            place.method, place.text, place.start, place.end)


def place_from_row(row: Mapping[str, Any]) -> Place | None:
    if row.get("location") is None:
        return None
    return Place(name=row["location"], country=row["location_country"],
                 admin1=row["location_admin1"], lat=row["location_lat"],
                 lon=row["location_lon"], feature=row["location_feature"] or "unknown",
                 method=row["location_method"] or "unknown", text=row["location_text"],
                 start=row["location_start"], end=row["location_end"])


COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("key", "VARCHAR"), ("id", "VARCHAR"), ("title", "VARCHAR"), ("date", "DATE"),
        ("url", "VARCHAR"), ("source", "VARCHAR"), ("origin", "VARCHAR"), ("text", "VARCHAR"),
        ("n_events", "INTEGER"), ("coded_at", "TIMESTAMP"),
    ],
    "actors": [("article_key", "VARCHAR"), ("idx", "INTEGER"), *MENTION_COLUMNS],
    "events": [
        ("id", "VARCHAR"), ("article_key", "VARCHAR"), ("article_id", "VARCHAR"),
        *_role("source"), *_role("target"),
        ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("quad_class", "INTEGER"),
        ("goldstein", "DOUBLE"), ("plover", "VARCHAR"), ("modality", "VARCHAR"),
        ("historical", "BOOLEAN"), ("date", "VARCHAR"), ("date_precision", "VARCHAR"),
        *PLACE_COLUMNS, ("reported", "BOOLEAN"),
        ("sentence", "VARCHAR"), ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"), ("trigger", "VARCHAR"), ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"), ("confidence", "DOUBLE"), ("pattern", "VARCHAR"),
    ],
    "quotes": [
        ("id", "VARCHAR"), ("article_key", "VARCHAR"), ("article_id", "VARCHAR"),
        *_role("speaker"), *_role("listener"),
        ("outlet", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("trigger", "VARCHAR"), ("confidence", "DOUBLE"),
    ],
    "failures": [
        ("id", "VARCHAR"), ("input", "VARCHAR"), ("stage", "VARCHAR"), ("code", "VARCHAR"),
        ("reason", "VARCHAR"), ("article_id", "VARCHAR"), ("article_key", "VARCHAR"),
        ("recorded_at", "TIMESTAMP"),
    ],
    # One row per real-world event reported by one or more articles (see store/dedup.py).
    # Representative fields come from the representative member event; ``block_*``,
    # ``anchor_*`` and ``match_*`` are the state incremental clustering matches new events on.
    "clusters": [
        ("cluster_id", "VARCHAR"), ("representative_event_id", "VARCHAR"),
        ("source_code", "VARCHAR"), ("source_name", "VARCHAR"), ("source_country", "VARCHAR"),
        ("source_sector", "VARCHAR"),
        ("target_code", "VARCHAR"), ("target_name", "VARCHAR"), ("target_country", "VARCHAR"),
        ("target_sector", "VARCHAR"),
        ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("quad_class", "INTEGER"),
        ("goldstein", "DOUBLE"), ("plover", "VARCHAR"),
        ("event_date", "DATE"), ("date_precision", "VARCHAR"),
        ("min_event_date", "DATE"), ("max_event_date", "DATE"),
        ("location", "VARCHAR"), ("location_country", "VARCHAR"), ("location_admin1", "VARCHAR"),
        ("location_feature", "VARCHAR"), ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"),
        ("num_mentions", "INTEGER"), ("num_sources", "INTEGER"), ("num_articles", "INTEGER"),
        ("first_seen", "DATE"), ("last_seen", "DATE"), ("confidence", "DOUBLE"),
        ("block_source", "VARCHAR"), ("block_target", "VARCHAR"),
        ("anchor_date", "DATE"), ("anchor_end", "DATE"),
        ("match_cameo", "VARCHAR"), ("match_source_sector", "VARCHAR"),
        ("match_target_sector", "VARCHAR"), ("match_reversed", "BOOLEAN"),
        ("updated_at", "TIMESTAMP"),
    ],
    "cluster_members": [
        ("event_id", "VARCHAR"), ("cluster_id", "VARCHAR"), ("clustered_at", "TIMESTAMP"),
    ],
}
PRIMARY_KEYS = {
    "articles": "key", "events": "id", "failures": "id", "clusters": "cluster_id",
    "cluster_members": "event_id",
}
# Deterministic read order for rows(), relation() and exports.
ORDER_BY = {
    "articles": "date NULLS LAST, key",
    "actors": "article_key, idx",
    "events": "article_key, sentence_start, trigger_start, id",
    "quotes": "article_key, start, id",
    "failures": "recorded_at, input, id",
    "clusters": "event_date NULLS LAST, cluster_id",
    "cluster_members": "cluster_id, event_id",
}

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def column_list(table: str) -> str:
    return ", ".join(quote_name(name) for name, _ in COLUMNS[table])


def create_statements(tables: Sequence[str] | None = None) -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` for these tables (default: meta and every table)."""
    statements = [] if tables is not None else [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    ]
    for table in COLUMNS if tables is None else tables:
        key = PRIMARY_KEYS.get(table)
        parts = [
            f"{quote_name(name)} {kind}" + (" PRIMARY KEY" if name == key else "")
            for name, kind in COLUMNS[table]
        ]
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(parts)})")
    return statements


def recreate_statements(tables: Sequence[str]) -> list[str]:
    """Drop these tables and create them empty. Faster than deleting every row: re-inserting
    deleted primary keys in the same transaction makes DuckDB's commit slow."""
    return [f"DROP TABLE IF EXISTS {table}" for table in tables] + create_statements(tables)


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in COLUMNS[table]])


def to_arrow(table: str, rows: Sequence[Row]) -> pa.Table:
    """Row tuples (in COLUMNS order) to an Arrow table with the store's types."""
    schema = arrow_schema(table)
    if not rows:
        return schema.empty_table()
    columns = list(zip(*rows, strict=True))
    return pa.Table.from_arrays(
        [pa.array(values, type=field.type) for values, field in zip(columns, schema, strict=True)],
        schema=schema,
    )


# --- records -> rows -------------------------------------------------------------------------

_NO_MENTION: Row = (None,) * len(MENTION_COLUMNS)


def mention_values(mention: Mention | None) -> Row:
    if mention is None:
        return _NO_MENTION
    actor = mention.actor
    return (
        mention.text, mention.start, mention.end,
        actor.name if actor else None, actor.code if actor else None,
        actor.country if actor else None, actor.sector if actor else None,
        actor.type if actor else None, actor.kb_id if actor else None,
        mention.method, mention.score, mention.antecedent,
    )


def article_row(article: Article, n_events: int, coded_at: Any) -> Row:
    return (
        article.key, article.id, article.title, article.date, article.url, article.source,
        article.origin, article.text, n_events, coded_at,
    )


def actor_row(article_key: str, idx: int, mention: Mention) -> Row:
    return (article_key, idx, *mention_values(mention))


def event_row(article_key: str, event: Event) -> Row:
    ev = event.evidence
    return (
        event.id, article_key, event.article_id,
        *mention_values(event.source), *mention_values(event.target),
        event.cameo, event.cameo_root, event.quad_class, event.goldstein, event.plover,
        event.modality, event.historical, event.date, event.date_precision,
        *place_values(event.location), event.reported,
        ev.sentence, ev.start, ev.end, ev.trigger, ev.trigger_start, ev.trigger_end,
        event.confidence, event.pattern,
    )


def quote_row(article_key: str, quote: Quote) -> Row:
    return (
        quote.id, article_key, quote.article_id,
        *mention_values(quote.speaker), *mention_values(quote.listener),
        quote.outlet, quote.text, quote.start, quote.end, quote.trigger, quote.confidence,
    )


def failure_row(failure: Failure, article_key: str | None, recorded_at: Any) -> Row:
    return (
        failure.id, failure.input, failure.stage, failure.code, failure.reason,
        failure.article_id, article_key, recorded_at,
    )


# --- rows -> records -------------------------------------------------------------------------


def mention_from_row(row: Mapping[str, Any], prefix: str = "") -> Mention | None:
    """The Mention stored in ``row`` under ``prefix`` (``"source_"``, ``""`` for actors)."""

    def get(name: str) -> Any:
        return row[prefix + name]

    if get("start") is None:
        return None
    actor = None
    if get("code") is not None:
        actor = Actor(
            code=get("code"), name=get("name"), country=get("country"), sector=get("sector"),
            type=get("type") or "unknown", kb_id=get("kb_id"),
        )
    return Mention(
        text=get("text"), start=get("start"), end=get("end"), actor=actor,
        method=get("method") or "unresolved", score=get("score") or 0.0,
        antecedent=get("antecedent"),
    )


def article_from_row(row: Mapping[str, Any]) -> Article:
    return Article(
        text=row["text"], id=row["id"] or "", title=row["title"], date=row["date"],
        url=row["url"], source=row["source"], origin=row["origin"],
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    source = mention_from_row(row, "source_")
    if source is None:
        raise ValueError(f"event {row['id']} has no source actor")
    return Event(
        id=row["id"], article_id=row["article_id"], source=source,
        target=mention_from_row(row, "target_"), cameo=row["cameo"],
        quad_class=row["quad_class"], goldstein=row["goldstein"], plover=row["plover"],
        modality=row["modality"], historical=row["historical"],
        evidence=Evidence(
            sentence=row["sentence"], start=row["sentence_start"], end=row["sentence_end"],
            trigger=row["trigger"], trigger_start=row["trigger_start"],
            trigger_end=row["trigger_end"],
        ),
        confidence=row["confidence"], date=row["date"], date_precision=row["date_precision"],
        location=place_from_row(row), reported=bool(row["reported"]), pattern=row["pattern"],
    )


def quote_from_row(row: Mapping[str, Any]) -> Quote:
    return Quote(
        id=row["id"], article_id=row["article_id"], speaker=mention_from_row(row, "speaker_"),
        text=row["text"], start=row["start"], end=row["end"],
        listener=mention_from_row(row, "listener_"), outlet=row["outlet"],
        trigger=row["trigger"], confidence=row["confidence"] or 0.0,
    )


def failure_from_row(row: Mapping[str, Any]) -> Failure:
    return Failure(
        input=row["input"], reason=row["reason"], stage=row["stage"], code=row["code"],
        article_id=row["article_id"],
    )
