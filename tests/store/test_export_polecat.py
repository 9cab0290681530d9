import io
import json
from collections.abc import Iterator
from pathlib import Path

import dedup_corpus as corpus
import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventcoder.coding.ontology import Ontology
from eventcoder.errors import InputError
from eventcoder.records import Document
from eventcoder.store.duckdb_store import Store
from eventcoder.store.export import export
from eventcoder.store.polecat import POLECAT_COLUMNS

NAMES = [name for name, _ in POLECAT_COLUMNS]


@pytest.fixture
def docs() -> list[Document]:
    return corpus.documents()


@pytest.fixture
def store(tmp_path: Path, docs: list[Document]) -> Iterator[Store]:
    with Store(tmp_path / "polecat.duckdb") as opened:
        opened.write(docs)
        yield opened


def records(store: Store, **kwargs: object) -> list[dict]:
    stream = io.StringIO()
    export(store, fmt="jsonl", out=stream, schema="polecat", **kwargs)  # type: ignore[arg-type]
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_flat_columns_load_back_with_their_types(
    store: Store, tmp_path: Path, docs: list[Document]
) -> None:
    counted = sum(1 for d in docs for e in d.events if e.counted)
    assert export(store, fmt="parquet", out=tmp_path / "p.parquet", schema="polecat") == counted
    table = pq.read_table(tmp_path / "p.parquet")
    assert table.column_names == NAMES
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("quad_code").type == pa.int32()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("historical").type == pa.bool_()
    assert table.schema.field("num_mentions").type == pa.int32()
    assert export(store, fmt="csv", out=tmp_path / "p.csv", schema="polecat") == counted
    loaded = duckdb.read_csv(str(tmp_path / "p.csv"))
    assert loaded.columns == NAMES
    assert str(loaded.types[NAMES.index("event_date")]) == "DATE"
    events = {row[0]: row for row in loaded.fetchall()}
    first = docs[0].events[0]
    row = events[first.id]
    assert row[NAMES.index("event_type")] == "ASSAULT"
    assert row[NAMES.index("actor_country")] == "RUS"
    assert row[NAMES.index("primary_actor_sector")] == "MIL"
    assert row[NAMES.index("contexts")] == Ontology.default().get("195").plover_context


def test_json_records_nest_actors_location_attributes_and_story(
    store: Store, docs: list[Document]
) -> None:
    doc, event = docs[0], docs[0].events[0]
    [record] = [r for r in records(store) if r["event_id"] == event.id]
    code = Ontology.default().get("195")
    assert record["event_type"] == "ASSAULT" and record["quad_code"] == 4
    assert record["event_mode"] == [code.plover_mode] and record["contexts"] == ["military"]
    assert record["event_date"] == "2025-03-11" and record["event_intensity"] is None
    [actor] = record["actors"]
    assert actor == {
        "name": "Russian Armed Forces", "country": "RUS", "cow": None, "sector": "MIL",
        "sectors": ["MIL"], "title": None, "name_raw": "Russian forces",
        "wikidata_id": "Q1056972", "code": "RUSMIL", "start": event.source.start,
        "end": event.source.end,
    }
    [recipient] = record["recipients"]
    assert (recipient["name"], recipient["country"], recipient["name_raw"]) == (
        "Ukraine", "UKR", "Kyiv")
    assert record["location"]["placename"] == "Kyiv" and record["location"]["city"] == "Kyiv"
    assert record["location"]["province"] == "Kyiv City"
    assert record["location"]["country"] == "UKR" and record["location"]["latitude"] == 50.45
    text = doc.article.text
    attributes = record["attributes"]
    for name in ("ACTOR", "RECIP", "TRIGGER", "EVENT_TEXT"):
        [span] = attributes[name]
        assert text[span["start_char"]:span["end_char"]] == span["text"], name
    assert attributes["TRIGGER"][0]["text"] == "launched"
    assert record["event_text"] == event.evidence.sentence
    assert record["story"] == {
        "story_id": doc.article.id, "headline": doc.article.title, "source": "Reuters",
        "publication_date": "2025-03-11", "url": doc.article.url, "language": "en",
    }
    assert record["modality"] == "asserted" and record["cameo"] == "195"
    assert record["cluster_id"] is None and record["num_mentions"] == 1
    assert record["version"].startswith("eventcoder ")


def test_only_counted_events_unless_all_events(store: Store, docs: list[Document]) -> None:
    counted = {e.id for d in docs for e in d.events if e.counted}
    assert {r["event_id"] for r in records(store)} == counted
    every = {r["event_id"]: r for r in records(store, all_events=True)}
    assert set(every) == {e.id for d in docs for e in d.events}
    auxiliary = {e.modality: every[e.id]["contexts"] for d in docs for e in d.events
                 if not e.counted}
    assert "negation" in auxiliary["negated"] and "hypothetical" in auxiliary["hypothetical"]
    assert "future" in auxiliary["intended"]
    historical = next(e for d in docs for e in d.events if e.historical)
    assert "historical" in every[historical.id]["contexts"]


def test_one_record_per_cluster(store: Store) -> None:
    store.cluster()
    clusters = records(store, what="clusters")
    assert len(clusters) == store.cluster_counts()["clusters"]
    assert all(r["event_id"] == r["cluster_id"] for r in clusters)
    [kyiv] = [r for r in clusters if r["num_mentions"] == 4 and r["cameo"] == "195"]
    assert (kyiv["num_sources"], kyiv["num_articles"]) == (3, 4)
    assert kyiv["location"]["placename"] == "Kyiv" and kyiv["event_date"] == "2025-03-11"
    events = records(store)
    assert sum(1 for r in events if r["cluster_id"] == kyiv["cluster_id"]) == 4


def test_only_events_and_clusters(store: Store) -> None:
    with pytest.raises(InputError, match="polecat schema exports events or clusters"):
        export(store, what="actors", fmt="jsonl", out=io.StringIO(), schema="polecat")
