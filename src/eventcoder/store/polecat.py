"""Export as PLOVER/POLECAT event records (``--schema polecat``).

Field names follow the POLECAT data set's event files (its tab-separated releases have the
columns Event ID, Event Date, Event Type, Event Mode, Event Intensity, Quad Code, Contexts,
Actor Name, Actor Country, Actor COW, Primary Actor Sector, Actor Sectors, Actor Title,
Actor Name Raw, Wikipedia Actor ID, the same for Recipient, Placename, City, District,
Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type, Source,
Publication Date, Story People/Organizations/Locations, Language, Version), written in
snake_case, and the PLOVER manual (Open Event Data Alliance, ``openeventdata/PLOVER``,
``PLOVER_MANUAL.tex`` at commit 5e0c24f, chapters "Data Fields" and "Country Names and Sector
Codes"): ``actor``/``recipient`` rather than source/target, event type, mode and context as
lists, three-letter country codes, sector codes, auxiliary contexts. How eventcoder fills them:

* one record per **counted event** (asserted and not historical) with ``what="events"``; all
  events with ``all_events=True``, their modality then in ``contexts`` as PLOVER's auxiliary
  modes ("negation", "hypothetical", "future" for intended, "historical"). With
  ``what="clusters"`` one record per event cluster (``store/dedup.py``): its representative
  event with the cluster's id, date, place and counts;
* ``event_type`` is the event's PLOVER type, ``event_mode`` and ``contexts`` the PLOVER mode
  and contexts of its CAMEO code (``coding/data/cameo.tsv``), ``quad_code`` its QuadClass;
  ``event_intensity`` (POLECAT's PLOVER score) is empty: eventcoder gives the CAMEO
  ``goldstein`` score instead;
* ``actor_country`` is the CAMEO/ISO 3166 three-letter code (PLOVER allows codes for names),
  ``primary_actor_sector`` the actor's sector, ``actor_sectors`` every role code in its CAMEO
  code; ``actor_cow`` and ``actor_title`` are empty (no Correlates of War codes or titles);
  eventcoder's knowledge-base ids are Wikidata ids, so they are ``actor_wikidata_id`` instead
  of POLECAT's Wikipedia id; ``actor_name_raw`` is the words in the article;
* ``placename`` .. ``feature_type`` from the event's place; ``geonames_id`` and ``district``
  are empty;
* story: ``story_id`` (article id), ``headline``, ``source`` (outlet), ``publication_date``,
  ``url``, ``language`` (``en``), ``version`` (``eventcoder <version>``);
* evidence, beyond POLECAT: ``event_text`` (the sentence) and character offsets into the
  article of the sentence, the trigger word, the actor, recipient and place mentions, plus
  ``cameo``, ``goldstein``, ``modality``, ``historical``, ``reported``, ``confidence`` and
  the cluster's ``num_mentions``/``num_sources``/``num_articles``/``cluster_id``.

CSV and Parquet get these flat columns, multi-valued fields joined with ``;``. JSON Lines
records nest them: ``event_mode``, ``contexts`` and sectors as lists, ``actors`` and
``recipients`` as lists of entity objects (``name``, ``country``, ``sector``, ``sectors``,
``name_raw``, ``wikidata_id``, ``code``, ...), ``location`` as an object, ``attributes`` with
the evidence spans in NGEC's shape (``ACTOR``, ``RECIP``, ``LOC``, ``TRIGGER``: lists of
``{"text", "start_char", "end_char"}``) and ``story`` with the article's details.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from eventcoder import __version__
from eventcoder.coding.ontology import Ontology
from eventcoder.errors import InputError
from eventcoder.store.gdelt import register_lookups

if TYPE_CHECKING:
    from eventcoder.store.duckdb_store import Store
    from eventcoder.store.export import Selection

logger = logging.getLogger(__name__)

__all__ = ["POLECAT_COLUMNS", "polecat", "polecat_json"]

VERSION = f"eventcoder {__version__}"


def _entity_columns(role: str) -> list[tuple[str, str]]:
    return [
        (f"{role}_name", "VARCHAR"), (f"{role}_country", "VARCHAR"), (f"{role}_cow", "INTEGER"),
        (f"primary_{role}_sector", "VARCHAR"), (f"{role}_sectors", "VARCHAR"),
        (f"{role}_title", "VARCHAR"), (f"{role}_name_raw", "VARCHAR"),
        (f"{role}_wikidata_id", "VARCHAR"), (f"{role}_code", "VARCHAR"),
        (f"{role}_start", "INTEGER"), (f"{role}_end", "INTEGER"),
    ]


# Flat columns (CSV, Parquet), with DuckDB types.
POLECAT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "VARCHAR"), ("event_date", "DATE"), ("event_type", "VARCHAR"),
    ("event_mode", "VARCHAR"), ("event_intensity", "DOUBLE"), ("quad_code", "INTEGER"),
    ("contexts", "VARCHAR"),
    *_entity_columns("actor"), *_entity_columns("recipient"),
    ("placename", "VARCHAR"), ("city", "VARCHAR"), ("district", "VARCHAR"),
    ("province", "VARCHAR"), ("country", "VARCHAR"), ("latitude", "DOUBLE"),
    ("longitude", "DOUBLE"), ("geonames_id", "VARCHAR"), ("raw_placename", "VARCHAR"),
    ("feature_type", "VARCHAR"), ("placename_start", "INTEGER"), ("placename_end", "INTEGER"),
    ("story_id", "VARCHAR"), ("headline", "VARCHAR"), ("source", "VARCHAR"),
    ("publication_date", "DATE"), ("url", "VARCHAR"), ("language", "VARCHAR"),
    ("version", "VARCHAR"),
    ("event_text", "VARCHAR"), ("event_text_start", "INTEGER"), ("event_text_end", "INTEGER"),
    ("trigger", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
    ("cameo", "VARCHAR"), ("goldstein", "DOUBLE"), ("modality", "VARCHAR"),
    ("historical", "BOOLEAN"), ("reported", "BOOLEAN"), ("confidence", "DOUBLE"),
    ("num_mentions", "INTEGER"), ("num_sources", "INTEGER"), ("num_articles", "INTEGER"),
    ("cluster_id", "VARCHAR"),
]


def _register_plover(store: Store) -> None:
    codes = list(Ontology.default())
    store.connection.register("_ec_plover", pa.table({
        "code": pa.array([c.code for c in codes], type=pa.string()),
        "plover_mode": pa.array([c.plover_mode for c in codes], type=pa.string()),
        "plover_context": pa.array([c.plover_context for c in codes], type=pa.string()),
    }))


def _entity_select(role: str, prefix: str, parts: str) -> str:
    sectors = f'{parts}."Type1Code", {parts}."Type2Code", {parts}."Type3Code"'
    return f"""
        e.{prefix}_name AS {role}_name, e.{prefix}_country AS {role}_country,
        NULL::INTEGER AS {role}_cow,
        coalesce(e.{prefix}_sector, {parts}."Type1Code") AS primary_{role}_sector,
        nullif(concat_ws(';', {sectors}), '') AS {role}_sectors,
        NULL::VARCHAR AS {role}_title, e.{prefix}_text AS {role}_name_raw,
        CASE WHEN regexp_full_match(e.{prefix}_kb_id, 'Q[0-9]+') THEN e.{prefix}_kb_id END
            AS {role}_wikidata_id,
        e.{prefix}_code AS {role}_code,
        e.{prefix}_start AS {role}_start, e.{prefix}_end AS {role}_end
    """


def _query(what: str, counted_only: bool) -> str:
    columns = ", ".join(f'"{name}"' for name, _ in POLECAT_COLUMNS)
    clusters = what == "clusters"
    if clusters:
        rows = ("FROM clusters c JOIN events e ON e.id = c.representative_event_id "
                "JOIN articles a ON a.key = e.article_key")
        event_id, day = "c.cluster_id", "coalesce(c.event_date, c.first_seen)"
        loc = "c"
        order = "event_date NULLS LAST, event_id"
    else:
        rows = ("FROM events e JOIN articles a ON a.key = e.article_key "
                "LEFT JOIN cluster_members m ON m.event_id = e.id "
                "LEFT JOIN clusters c ON c.cluster_id = m.cluster_id")
        event_id = "e.id"
        day = "coalesce(TRY_CAST(left(e.date, 10) AS DATE), a.date)"
        loc = "e"
        order = "story_id, event_text_start, trigger_start, event_id"
    where = ("WHERE e.modality = 'asserted' AND NOT coalesce(e.historical, false)"
             if counted_only and not clusters else "")
    same_place = "TRUE" if not clusters else "c.location IS NOT DISTINCT FROM e.location"
    return f"""
        SELECT {columns} FROM (
        SELECT {event_id} AS event_id, {day} AS event_date, e.plover AS event_type,
               p.plover_mode AS event_mode, NULL::DOUBLE AS event_intensity,
               e.quad_class AS quad_code,
               nullif(concat_ws(';', p.plover_context,
                    CASE e.modality WHEN 'negated' THEN 'negation'
                         WHEN 'hypothetical' THEN 'hypothetical'
                         WHEN 'intended' THEN 'future' END,
                    CASE WHEN e.historical THEN 'historical' END), '') AS contexts,
               {_entity_select('actor', 'source', 'sp')},
               {_entity_select('recipient', 'target', 'tp')},
               {loc}.location AS placename,
               CASE WHEN {loc}.location_feature = 'city' THEN {loc}.location END AS city,
               NULL::VARCHAR AS district,
               coalesce({loc}.location_admin1,
                        CASE WHEN {loc}.location_feature = 'region' THEN {loc}.location END)
                   AS province,
               {loc}.location_country AS country,
               {loc}.location_lat AS latitude, {loc}.location_lon AS longitude,
               NULL::VARCHAR AS geonames_id,
               CASE WHEN {same_place} THEN e.location_text END AS raw_placename,
               {loc}.location_feature AS feature_type,
               CASE WHEN {same_place} THEN e.location_start END AS placename_start,
               CASE WHEN {same_place} THEN e.location_end END AS placename_end,
               a.id AS story_id, a.title AS headline, a.source AS source,
               a.date AS publication_date, a.url AS url, 'en' AS language,
               '{VERSION}' AS version,
               e.sentence AS event_text, e.sentence_start AS event_text_start,
               e.sentence_end AS event_text_end, e.trigger AS trigger,
               e.trigger_start AS trigger_start, e.trigger_end AS trigger_end,
               e.cameo AS cameo, e.goldstein AS goldstein, e.modality AS modality,
               e.historical AS historical, e.reported AS reported,
               e.confidence AS confidence,
               coalesce(c.num_mentions, 1) AS num_mentions,
               coalesce(c.num_sources, 1) AS num_sources,
               coalesce(c.num_articles, 1) AS num_articles,
               c.cluster_id AS cluster_id
        {rows}
        LEFT JOIN _ec_plover p ON p.code = e.cameo
        LEFT JOIN _ec_gdelt_actors sp ON sp.code = e.source_code
             AND sp.country IS NOT DISTINCT FROM e.source_country
        LEFT JOIN _ec_gdelt_actors tp ON tp.code = e.target_code
             AND tp.country IS NOT DISTINCT FROM e.target_country
        {where}
        ) ORDER BY {order}
    """


def _split(value: Any) -> list[str]:
    return [part for part in str(value).split(";") if part] if value else []


def _entity(row: dict[str, Any], role: str) -> dict[str, Any]:
    return {
        "name": row[f"{role}_name"], "country": row[f"{role}_country"],
        "cow": row[f"{role}_cow"], "sector": row[f"primary_{role}_sector"],
        "sectors": _split(row[f"{role}_sectors"]), "title": row[f"{role}_title"],
        "name_raw": row[f"{role}_name_raw"], "wikidata_id": row[f"{role}_wikidata_id"],
        "code": row[f"{role}_code"], "start": row[f"{role}_start"], "end": row[f"{role}_end"],
    }


def _span(text: Any, start: Any, end: Any) -> list[dict[str, Any]]:
    if text is None or start is None:
        return []
    return [{"text": text, "start_char": start, "end_char": end}]


def polecat_json(row: dict[str, Any]) -> dict[str, Any]:
    """One flat POLECAT row as a nested PLOVER/POLECAT JSON record."""
    has_actor = row["actor_name_raw"] is not None
    has_recipient = row["recipient_name_raw"] is not None
    location = None
    if row["placename"] is not None:
        location = {
            key: row[key] for key in ("placename", "city", "district", "province", "country",
                                      "latitude", "longitude", "geonames_id", "raw_placename",
                                      "feature_type")
        }
    return {
        "event_id": row["event_id"], "event_date": row["event_date"],
        "event_type": row["event_type"], "event_mode": _split(row["event_mode"]),
        "event_intensity": row["event_intensity"], "quad_code": row["quad_code"],
        "contexts": _split(row["contexts"]),
        "actors": [_entity(row, "actor")] if has_actor else [],
        "recipients": [_entity(row, "recipient")] if has_recipient else [],
        "location": location,
        "event_text": row["event_text"],
        "attributes": {
            "ACTOR": _span(row["actor_name_raw"], row["actor_start"], row["actor_end"]),
            "RECIP": _span(row["recipient_name_raw"], row["recipient_start"],
                           row["recipient_end"]),
            "LOC": _span(row["raw_placename"], row["placename_start"], row["placename_end"]),
            "TRIGGER": _span(row["trigger"], row["trigger_start"], row["trigger_end"]),
            "EVENT_TEXT": _span(row["event_text"], row["event_text_start"],
                                row["event_text_end"]),
        },
        "story": {
            "story_id": row["story_id"], "headline": row["headline"], "source": row["source"],
            "publication_date": row["publication_date"], "url": row["url"],
            "language": row["language"],
        },
        "cameo": row["cameo"], "goldstein": row["goldstein"], "modality": row["modality"],
        "historical": row["historical"], "reported": row["reported"],
        "confidence": row["confidence"], "num_mentions": row["num_mentions"],
        "num_sources": row["num_sources"], "num_articles": row["num_articles"],
        "cluster_id": row["cluster_id"], "version": row["version"],
    }


def polecat(store: Store, what: str) -> Selection:
    """POLECAT rows for ``what`` = ``events`` (counted ones; ``unfiltered``: all) or
    ``clusters``."""
    from eventcoder.store.export import Selection

    if what not in ("events", "clusters"):
        raise InputError(f"the polecat schema exports events or clusters, not {what!r}")
    register_lookups(store)
    _register_plover(store)
    con = store.connection
    relation = con.sql(_query(what, counted_only=True))
    unfiltered = con.sql(_query(what, counted_only=False)) if what == "events" else None
    return Selection(relation=relation, to_json=polecat_json, unfiltered=unfiltered)
