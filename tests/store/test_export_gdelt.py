import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import dedup_corpus as corpus
import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventcoder.errors import InputError
from eventcoder.records import Article, Document, Event, Place
from eventcoder.store.duckdb_store import Store
from eventcoder.store.export import export
from eventcoder.store.gdelt import GDELT_COLUMNS, actor_parts, global_event_id

NAMES = [name for name, _ in GDELT_COLUMNS]


@pytest.fixture
def docs() -> list[Document]:
    return corpus.documents()


@pytest.fixture
def store(tmp_path: Path, docs: list[Document]) -> Iterator[Store]:
    with Store(tmp_path / "gdelt.duckdb") as opened:
        opened.write(docs)
        yield opened


def kyiv_report(docs: list[Document]) -> tuple[Document, Event]:
    doc = docs[0]  # Reuters, 11 March: "Russian forces launched a missile attack on Kyiv ..."
    return doc, doc.events[0]


def rows(store: Store, **kwargs: object) -> list[dict]:
    stream = io.StringIO()
    export(store, fmt="jsonl", out=stream, schema="gdelt", **kwargs)  # type: ignore[arg-type]
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_the_61_columns_in_gdelt_order() -> None:
    assert len(NAMES) == 61
    assert NAMES[:6] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
                         "Actor1Code"]
    assert NAMES[15] == "Actor2Code" and NAMES[25:35] == [
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert NAMES[35] == "Actor1Geo_Type" and NAMES[43] == "Actor2Geo_Type"
    assert NAMES[51:59] == ["ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
                            "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
                            "ActionGeo_Long", "ActionGeo_FeatureID"]
    assert NAMES[59:] == ["DATEADDED", "SOURCEURL"]


def test_tab_separated_without_header_loads_back_with_gdelt_types(
    store: Store, tmp_path: Path, docs: list[Document]
) -> None:
    out = tmp_path / "events.tsv"
    counted = sum(1 for d in docs for e in d.events if e.counted)
    assert export(store, fmt="csv", out=out, schema="gdelt", tab=True, header=False) == counted
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == counted and all(line.count("\t") == 60 for line in lines)
    types = {name: kind for name, kind in GDELT_COLUMNS}
    loaded = duckdb.read_csv(str(out), delimiter="\t", header=False, quotechar="",
                             names=NAMES, dtype=types)
    assert loaded.columns == NAMES
    assert [str(t) for t in loaded.types] == [kind for _, kind in GDELT_COLUMNS]
    values = loaded.fetchall()
    ids = [row[0] for row in values]
    assert len(set(ids)) == counted and all(0 < i < 2**63 for i in ids)
    assert {row[26] for row in values} >= {"195", "046", "033"}  # leading zeros kept
    every = tmp_path / "all.tsv"
    total = sum(len(d.events) for d in docs)
    assert export(store, fmt="csv", out=every, schema="gdelt", tab=True, header=False,
                  all_events=True) == total


def test_parquet_and_csv_keep_the_types(store: Store, tmp_path: Path) -> None:
    export(store, fmt="parquet", out=tmp_path / "e.parquet", schema="gdelt")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.column_names == NAMES
    expected = {"BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64()}
    for name, kind in GDELT_COLUMNS:
        actual = table.schema.field(name).type
        if kind == "VARCHAR":
            assert pa.types.is_string(actual) or pa.types.is_large_string(actual), name
        else:
            assert actual == expected[kind], name
    export(store, fmt="csv", out=tmp_path / "e.csv", schema="gdelt")
    loaded = duckdb.read_csv(str(tmp_path / "e.csv"))
    assert loaded.columns == NAMES
    assert str(loaded.types[0]) == "BIGINT" and str(loaded.types[59]) == "BIGINT"


def test_values_of_one_event_before_and_after_clustering(
    store: Store, docs: list[Document]
) -> None:
    doc, event = kyiv_report(docs)
    gid = global_event_id(event.id)
    [row] = [r for r in rows(store) if r["GLOBALEVENTID"] == gid]
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == (20250311, 202503, 2025)
    assert row["FractionDate"] == round(2025 + (3 * 30 + 11) / 365, 4)
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == (
        "RUSMIL", "RUSSIAN ARMED FORCES", "RUS")
    assert row["Actor1Type1Code"] == "MIL" and row["Actor1KnownGroupCode"] is None
    assert (row["Actor2Code"], row["Actor2CountryCode"], row["Actor2Type1Code"]) == (
        "UKR", "UKR", None)
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("195", "195", "19")
    assert (row["QuadClass"], row["GoldsteinScale"], row["IsRootEvent"]) == (4, -10.0, 1)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (1, 1, 1)
    assert row["AvgTone"] is None and row["Actor1Geo_Type"] == row["Actor2Geo_Type"] == 0
    assert row["ActionGeo_Type"] == 4 and row["ActionGeo_FullName"] == "Kyiv, Kyiv City, Ukraine"
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_Lat"], row["ActionGeo_Long"]) == (
        "UP", 50.45, 30.52)
    assert row["ActionGeo_ADM1Code"] is None and row["ActionGeo_FeatureID"] is None
    [coded_at] = store.connection.execute(
        "SELECT coded_at FROM articles WHERE key = ?", [doc.article.key]).fetchall()[0]
    assert row["DATEADDED"] == int(coded_at.strftime("%Y%m%d%H%M%S"))
    assert row["SOURCEURL"] == doc.article.url
    store.cluster()
    [row] = [r for r in rows(store) if r["GLOBALEVENTID"] == gid]
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (4, 3, 4)


def test_global_event_ids_in_sql_and_python_agree(store: Store) -> None:
    [(sql,)] = store.connection.execute(
        "SELECT CAST(('0x' || substr(md5('abc'), 1, 16))::UBIGINT >> 1 AS BIGINT)").fetchall()
    assert sql == global_event_id("abc") == 0x900150983CD24FB0 >> 1


def test_one_row_per_cluster(store: Store, docs: list[Document]) -> None:
    store.cluster()
    clusters = rows(store, what="clusters")
    assert len(clusters) == store.cluster_counts()["clusters"]
    assert sum(r["NumMentions"] for r in clusters) == store.cluster_counts()["cluster_members"]
    assert len({r["GLOBALEVENTID"] for r in clusters}) == len(clusters)
    [kyiv] = [r for r in clusters if r["NumMentions"] == 4 and r["EventCode"] == "195"]
    assert kyiv["SQLDATE"] == 20250311 and kyiv["ActionGeo_FullName"].startswith("Kyiv")
    first = min((d for d in docs if d.article.source in {"Reuters", "Al Jazeera"}
                 and d.article.date == date(2025, 3, 11) and "Kyiv" in d.article.title),
                key=lambda d: d.article.key)
    assert kyiv["SOURCEURL"] == first.article.url  # the earliest report
    assert kyiv["NumSources"] == 3 and kyiv["IsRootEvent"] == 1


def test_actor_codes_are_split_into_gdelt_parts(store: Store) -> None:
    nato = next(r for r in rows(store) if r["Actor1Code"] == "IGOWSTNAT")
    assert (nato["Actor1CountryCode"], nato["Actor1KnownGroupCode"], nato["Actor1Type1Code"]) \
        == ("WST", "NAT", "IGO")
    assert actor_parts("PSEREBHMS", "PSE")["Type1Code"] == "REB"
    assert actor_parts("PSEREBHMS", "PSE")["KnownGroupCode"] == "HMS"
    parts = actor_parts("IMGMUSALQ", None)
    assert (parts["Type1Code"], parts["Religion1Code"], parts["KnownGroupCode"]) == (
        "IMG", "MUS", "ALQ")
    assert actor_parts("USAGOVMIL", "USA")["Type2Code"] == "MIL"
    assert actor_parts(None, None)["CountryCode"] is None


def test_geography_types_and_fips_codes(tmp_path: Path, docs: list[Document]) -> None:
    base = docs[0]
    places = {
        "country": Place("Russia", country="RUS", feature="country", lat=60.0, lon=90.0),
        "us-state": Place("Texas", country="USA", feature="region", lat=31.0, lon=-100.0),
        "us-city": Place("Austin", country="USA", admin1="Texas", feature="city", lat=30.27,
                         lon=-97.74),
        "world-state": Place("Kursk Oblast", country="RUS", feature="region", lat=51.7,
                             lon=36.2),
        "gaza": Place("Gaza Strip", country="PSE", feature="region", lat=31.4, lon=34.4),
    }
    made = []
    for n, (name, place) in enumerate(places.items()):
        article = replace(base.article, id=name, text=f"{n} " + base.article.text, url=name)
        made.append(replace(base, article=article, events=(replace(
            base.events[0], id=f"{name}-e0", article_id=name, location=place),)))
    with Store(tmp_path / "geo.duckdb") as store:
        store.write(made)
        by_url = {r["SOURCEURL"]: r for r in rows(store)}
    assert (by_url["country"]["ActionGeo_Type"], by_url["country"]["ActionGeo_FullName"]) == (
        1, "Russia")
    assert by_url["country"]["ActionGeo_CountryCode"] == "RS"
    assert by_url["country"]["ActionGeo_ADM1Code"] == by_url["country"]["ActionGeo_FeatureID"] \
        == "RS"
    assert by_url["us-state"]["ActionGeo_Type"] == 2
    assert by_url["us-city"]["ActionGeo_Type"] == 3
    assert by_url["us-city"]["ActionGeo_FullName"] == "Austin, Texas, United States"
    assert (by_url["world-state"]["ActionGeo_Type"], by_url["world-state"]["ActionGeo_FullName"]) \
        == (5, "Kursk Oblast, Russia")
    assert by_url["gaza"]["ActionGeo_CountryCode"] == "GZ"


def test_is_root_event_marks_the_lead_paragraph(tmp_path: Path, docs: list[Document]) -> None:
    base = docs[0]
    lead = "Russian forces launched a missile attack on Kyiv early on Tuesday. " * 3
    text = lead + "\n" + "Later, Russia did not strike Odesa, officials said."
    article = Article(text=text, id="lead", date=date(2025, 3, 11), url="lead", source="X")
    first, second = base.events
    doc = Document(article=article, events=(
        replace(first, id="lead-e0", article_id="lead"),
        replace(second, id="lead-e1", article_id="lead", modality="asserted",
                evidence=replace(second.evidence, start=len(lead) + 1, end=len(text))),
    ))
    with Store(tmp_path / "lead.duckdb") as store:
        store.write([doc])
        found = {r["GLOBALEVENTID"]: r["IsRootEvent"] for r in rows(store)}
    assert found == {global_event_id("lead-e0"): 1, global_event_id("lead-e1"): 0}


def test_only_events_and_clusters(store: Store) -> None:
    with pytest.raises(InputError, match="gdelt schema exports events or clusters"):
        export(store, what="quotes", fmt="csv", out=io.StringIO(), schema="gdelt")
