import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from eventcoder.errors import InputError
from eventcoder.records import Document, Event, Quote
from eventcoder.store import export as export_module
from eventcoder.store.duckdb_store import Store
from eventcoder.store.export import EXPORTERS, Selection, export
from eventcoder.store.schema import COLUMNS

DocFactory = Callable[..., Document]


@pytest.fixture
def docs(make_doc: DocFactory) -> list[Document]:
    return [make_doc(i, n_events=4) for i in range(1, 6)]


@pytest.fixture
def store(tmp_path: Path, docs: list[Document]) -> Iterator[Store]:
    with Store(tmp_path / "s.duckdb") as opened:
        opened.write(docs)
        yield opened


def test_csv_events_load_back_with_their_types(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(store, what="events", fmt="csv", out=out) == 20
    table = pa_csv.read_csv(out)
    assert table.column_names == [name for name, _ in COLUMNS["events"]]
    assert table.num_rows == 20
    assert table.schema.field("goldstein").type == pa.float64()
    assert table.schema.field("historical").type == pa.bool_()
    assert table.schema.field("quad_class").type == pa.int64()
    loaded = duckdb.read_csv(str(out), all_varchar=True)
    cameo = loaded.columns.index("cameo")
    rows = loaded.fetchall()
    assert {row[cameo] for row in rows} == {"0311", "130", "1724", "057"}  # leading zeros kept
    assert rows[0][0] == store.rows("events", limit=1)[0]["id"]


def test_csv_to_a_text_stream_matches_the_file(store: Store, tmp_path: Path) -> None:
    path, stream = tmp_path / "articles.csv", io.StringIO()
    assert export(store, what="articles", fmt="csv", out=path) == 5
    assert export(store, what="articles", fmt="csv", out=stream) == 5
    assert stream.getvalue() == path.read_text(encoding="utf-8")
    assert "\u201cWe will respond,\u201d" in stream.getvalue()


def test_jsonl_events_are_nested_like_event_to_dict(
    store: Store, tmp_path: Path, docs: list[Document]
) -> None:
    out = tmp_path / "events.jsonl"
    assert export(store, what="events", fmt="jsonl", out=str(out)) == 20
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = {e.id: e.to_dict() for d in docs for e in d.events}
    assert {line["id"]: line for line in lines} == expected
    originals = {e.id: e for d in docs for e in d.events}
    assert all(Event.from_dict(line) == originals[line["id"]] for line in lines)
    assert isinstance(lines[0]["source"], dict) and lines[0]["evidence"]["trigger"] == "threatened"


def test_jsonl_other_tables(store: Store, docs: list[Document]) -> None:
    stream = io.StringIO()
    assert export(store, what="quotes", fmt="jsonl", out=stream) == 10
    quotes = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert {Quote.from_dict(q) for q in quotes} == {q for d in docs for q in d.quotes}
    stream = io.StringIO()
    export(store, what="articles", fmt="jsonl", out=stream)
    articles = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert articles[0]["date"] == "2025-03-02" and isinstance(articles[0]["coded_at"], str)
    assert articles[0]["text"].startswith("Story 1.")
    stream = io.StringIO()
    assert export(store, what="actors", fmt="jsonl", out=stream) == 25
    first = json.loads(stream.getvalue().splitlines()[0])
    assert first["idx"] == 0 and first["code"] == "RUS" and "article_key" in first


def test_parquet_keeps_column_types(store: Store, tmp_path: Path) -> None:
    assert export(store, what="events", fmt="parquet", out=tmp_path / "e.parquet") == 20
    events = pq.read_table(tmp_path / "e.parquet")
    assert events.num_rows == 20
    assert events.schema.field("goldstein").type == pa.float64()
    assert events.schema.field("historical").type == pa.bool_()
    assert events.schema.field("quad_class").type == pa.int32()
    assert pa.types.is_string(events.schema.field("cameo").type) or pa.types.is_large_string(
        events.schema.field("cameo").type
    )
    export(store, what="articles", fmt="parquet", out=tmp_path / "a.parquet")
    articles = pq.read_table(tmp_path / "a.parquet")
    assert articles.schema.field("date").type == pa.date32()
    assert pa.types.is_timestamp(articles.schema.field("coded_at").type)
    count = duckdb.execute(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchall()
    assert count == [(20,)]


def test_empty_tables_export_headers_only(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as empty:
        stream = io.StringIO()
        assert export(empty, what="failures", fmt="csv", out=stream) == 0
        assert stream.getvalue().strip() == ",".join(f'"{n}"' for n, _ in COLUMNS["failures"])
        assert export(empty, what="events", fmt="parquet", out=tmp_path / "e.parquet") == 0
        assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"what": "verbs"}, "cannot export 'verbs'"),
        ({"fmt": "xlsx"}, "unknown export format 'xlsx'"),
        ({"schema": "acled"}, "unknown export schema 'acled'"),
        ({"fmt": "parquet"}, "needs a file path"),
    ],
)
def test_bad_requests_are_input_errors(store: Store, kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        export(store, out=io.StringIO(), **kwargs)


def test_unwritable_path_is_an_input_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot write the export"):
        export(store, fmt="csv", out=tmp_path / "no" / "such" / "dir.csv")


def test_a_registered_schema_is_used(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def roots(store: Store, what: str) -> Selection:
        relation = store.connection.sql(
            "SELECT cameo_root, count(*) AS n FROM events GROUP BY 1 ORDER BY 1"
        )
        return Selection(relation=relation, to_json=lambda row: row)

    monkeypatch.setitem(EXPORTERS, "roots", roots)
    stream = io.StringIO()
    assert export(store, fmt="jsonl", out=stream, schema="roots") == 4
    assert json.loads(stream.getvalue().splitlines()[0]) == {"cameo_root": "03", "n": 5}
    assert export_module.FORMATS.keys() == {"csv", "jsonl", "parquet"}


def test_the_store_still_works_after_an_export_fails_half_way(
    store: Store, make_doc: DocFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(store: Store, what: str) -> Selection:
        def to_json(row: dict) -> dict:
            raise ValueError("bad row")

        return Selection(relation=store.relation(what), to_json=to_json)

    monkeypatch.setitem(EXPORTERS, "broken", broken)
    with pytest.raises(ValueError, match="bad row"):
        export(store, fmt="jsonl", out=io.StringIO(), schema="broken")
    store.write([make_doc(99)])
    assert store.counts()["articles"] == 6
    assert export(store, what="articles", fmt="csv", out=io.StringIO()) == 6


def test_tab_separated_values_escape_tabs_and_newlines(
    tmp_path: Path, make_doc: DocFactory
) -> None:
    doc = make_doc(1, text="Line one.\tTabbed\\slash\nLine two. Russia threatened NATO.")
    with Store(tmp_path / "tsv.duckdb") as store:
        store.write([doc])
        stream = io.StringIO()
        assert export(store, what="articles", fmt="csv", out=stream, tab=True) == 1
        header, line = stream.getvalue().splitlines()
        assert header.split("\t") == [name for name, _ in COLUMNS["articles"]]
        fields = line.split("\t")
        assert len(fields) == len(COLUMNS["articles"])
        assert fields[7] == "Line one.\\tTabbed\\\\slash\\nLine two. Russia threatened NATO."
        assert fields[2] == (doc.article.title or "")
        stream = io.StringIO()
        export(store, what="events", fmt="csv", out=stream, tab=True, header=False)
        assert len(stream.getvalue().splitlines()) == 3


def test_csv_without_header_and_the_cluster_tables(
    store: Store, tmp_path: Path
) -> None:
    stream = io.StringIO()
    assert export(store, what="failures", fmt="csv", out=stream, header=False) == 5
    assert not stream.getvalue().startswith('"id"')
    store.cluster()
    out = tmp_path / "clusters.parquet"
    n = export(store, what="clusters", fmt="parquet", out=out)
    assert n == store.cluster_counts()["clusters"] > 0
    assert pq.read_table(out).column_names == [name for name, _ in COLUMNS["clusters"]]
    stream = io.StringIO()
    assert export(store, what="cluster_members", fmt="jsonl", out=stream) == (
        store.cluster_counts()["cluster_members"])
    assert set(json.loads(stream.getvalue().splitlines()[0])) == {
        "event_id", "cluster_id", "clustered_at"}
