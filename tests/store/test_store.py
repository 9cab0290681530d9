import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from eventcoder.errors import StoreError
from eventcoder.records import Document, Failure
from eventcoder.store.duckdb_store import Store, transaction

DocFactory = Callable[..., Document]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


def test_round_trip_gives_back_equal_documents(db: Path, make_doc: DocFactory) -> None:
    docs = [make_doc(i, n_events=i % 6) for i in range(12)]
    with Store(db) as store:
        stats = store.write(docs)
    assert (stats.articles, stats.replaced, stats.events) == (12, 0, sum(i % 6 for i in range(12)))
    with Store(db, read_only=True) as store:
        back = list(store.documents([d.article.key for d in docs]))
        assert back == docs
        assert {d.article.key for d in store.documents()} == {d.article.key for d in docs}


def test_columns_have_the_documented_types(db: Path, make_doc: DocFactory) -> None:
    doc = make_doc(1)
    with Store(db) as store:
        store.write([doc])
        [article] = store.rows("articles")
        events = store.rows("events")
        [actor] = store.rows("actors", where="idx = ?", params=[2])
    assert article["key"] == doc.article.key
    assert article["date"] == date(2025, 3, 2)
    assert article["n_events"] == 3
    assert isinstance(article["coded_at"], datetime)
    assert events[0]["cameo"] == "130" and events[0]["cameo_root"] == "13"
    assert events[1]["cameo"] == "0311" and events[1]["cameo_root"] == "03"
    assert isinstance(events[0]["goldstein"], float) and events[0]["historical"] is False
    assert events[0]["source_code"] == "RUS" and events[0]["target_code"] is None
    assert events[1]["target_name"] == "NATO" and events[1]["source_antecedent"] == "Putin"
    assert (actor["text"], actor["code"]) == ("Putin", "RUSGOV")
    assert (actor["start"], actor["end"]) == (70, 75)


def test_rewriting_the_same_documents_changes_nothing(db: Path, make_doc: DocFactory) -> None:
    docs = [make_doc(i) for i in range(5)]
    with Store(db) as store:
        store.write(docs)
        before = store.counts()
        stats = store.write(docs)
        assert store.counts() == before
        assert stats.replaced == 5
        assert list(store.documents([d.article.key for d in docs])) == docs
    assert before == {"articles": 5, "actors": 25, "events": 15, "quotes": 10, "failures": 5}


def test_a_recoded_article_replaces_its_old_rows(db: Path, make_doc: DocFactory) -> None:
    old = make_doc(1, n_events=6)
    new = replace(make_doc(1, n_events=2), mentions=(), quotes=(), failures=())
    assert new.article.key == old.article.key
    with Store(db) as store:
        store.write([old, make_doc(2)])
        store.write([new])
        assert list(store.documents([new.article.key])) == [new]
        assert store.counts() == {
            "articles": 2, "actors": 5, "events": 2 + 3, "quotes": 2, "failures": 1,
        }


def test_the_last_copy_of_an_article_in_a_batch_wins(db: Path, make_doc: DocFactory) -> None:
    first, second = make_doc(1, n_events=4), make_doc(1, n_events=1)
    with Store(db, chunk_size=1) as small_chunks, Store(":memory:") as one_chunk:
        for store in (small_chunks, one_chunk):
            store.write([first, make_doc(2), second])
            assert list(store.documents([first.article.key])) == [second]
            assert store.counts()["events"] == 1 + 3


def test_failures_are_upserted_by_id(db: Path) -> None:
    bad_line = Failure(input="in.jsonl:3", reason="invalid JSON", code="E100")
    bad_date = Failure(input="in.jsonl:4", reason="cannot read date 'x'", code="E102")
    with Store(db) as store:
        assert store.write_failures([bad_line, bad_line]) == 1
        assert store.write_failures([bad_line, bad_date]) == 2
        rows = store.rows("failures")
    assert [(r["input"], r["code"]) for r in rows] == [
        ("in.jsonl:3", "E100"),
        ("in.jsonl:4", "E102"),
    ]
    assert rows[0]["id"] == bad_line.id and rows[0]["article_key"] is None


def test_write_accepts_documents_and_loose_failures_together(
    db: Path, make_doc: DocFactory
) -> None:
    loose = Failure(input="x.txt", reason="no text to code", code="E101")
    with Store(db) as store:
        stats = store.write([make_doc(1), loose, make_doc(2)])
        assert (stats.articles, stats.failures) == (2, 3)
        assert store.has_article(make_doc(1).article.key)
        assert not store.has_article("nope")
        assert store.article_keys() == {make_doc(1).article.key, make_doc(2).article.key}


def crashing(docs: list[Document]) -> Iterator[Document]:
    yield from docs
    raise RuntimeError("coder crashed")


@pytest.mark.parametrize("chunk_size", [1, 1000])
def test_a_crash_mid_batch_keeps_what_was_stored(
    db: Path, make_doc: DocFactory, chunk_size: int
) -> None:
    stored = [make_doc(i) for i in range(3)]
    with Store(db, chunk_size=chunk_size) as store:
        store.write(stored)
        before = store.counts()
        shrunk = replace(stored[0], events=stored[0].events[:1], mentions=(), quotes=())
        with pytest.raises(RuntimeError, match="coder crashed"):
            store.write(crashing([make_doc(10), shrunk, make_doc(11)]))
        assert store.counts() == before
        assert not store.has_article(make_doc(10).article.key)
        assert list(store.documents([d.article.key for d in stored])) == stored
        store.write([make_doc(10)])  # the store still works after the rollback
        assert store.counts()["articles"] == 4
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 4


def test_a_database_error_rolls_back_and_says_so(db: Path, make_doc: DocFactory) -> None:
    one, two, three = make_doc(1), make_doc(2), make_doc(3)
    # an event id already stored for another article: the database refuses the batch
    clash = replace(two, events=tuple(replace(e, id=three.events[0].id) for e in two.events[:1]))
    with Store(db) as store:
        store.write([three])
        with pytest.raises(StoreError, match="nothing from this batch was stored") as caught:
            store.write([one, clash])
        assert str(db) in str(caught.value)
        assert store.counts()["articles"] == 1


def test_a_transaction_commits_or_keeps_nothing_and_says_why_in_one_line(db: Path) -> None:
    with Store(db) as store:
        con = store.connection
        con.execute("CREATE TABLE t (x INTEGER)")
        with transaction(con, store.path, "could not add"):
            con.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(StoreError, match="could not add: Catalog Error") as caught, \
                transaction(con, store.path, "could not add"):
            con.execute("INSERT INTO t VALUES (2)")
            con.execute("INSERT INTO missing VALUES (3)")
        assert "\n" not in str(caught.value) and str(db) in str(caught.value)
        with pytest.raises(KeyError), transaction(con, store.path, "could not add"):
            con.execute("INSERT INTO t VALUES (4)")
            raise KeyError("not a database error: propagates as it is")
        assert con.execute("SELECT x FROM t").fetchall() == [(1,)]


def test_write_rejects_other_objects(db: Path) -> None:
    with Store(db) as store, pytest.raises(TypeError, match="got str"):
        store.write(["not a document"])  # type: ignore[list-item]


def test_rows_validates_table_and_limit(db: Path, make_doc: DocFactory) -> None:
    with Store(db) as store:
        store.write([make_doc(i, n_events=4) for i in range(3)])
        assert len(store.rows("events", limit=5)) == 5
        assert len(store.rows("events", where="cameo_root = ?", params=["13"])) == 3
        with pytest.raises(StoreError, match="no table 'meta'"):
            store.rows("meta")
        with pytest.raises(StoreError, match="limit"):
            store.rows("events", limit=-1)
        with pytest.raises(StoreError, match="cannot read events"):
            store.rows("events", where="no_such_column = 1")
        relation = store.relation("events")
        assert isinstance(relation, duckdb.DuckDBPyRelation)
        assert len(relation.fetchall()) == 12


def test_read_only_and_missing_stores(db: Path, tmp_path: Path, make_doc: DocFactory) -> None:
    with pytest.raises(StoreError, match="no such store file"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    with Store(tmp_path / "new" / "dir" / "s.duckdb") as created:
        assert created.counts()["events"] == 0
    with Store(db) as store:
        store.write([make_doc(1)])
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1
        with pytest.raises(StoreError, match="read-only"):
            store.write([make_doc(2)])
    store = Store(db)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_not_a_store_and_wrong_schema_version(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_text("hello")
    with pytest.raises(StoreError, match="cannot open the store") as caught:
        Store(junk)
    assert str(junk) in str(caught.value) and caught.value.code == "E600"
    old = tmp_path / "old.duckdb"
    with Store(old):
        pass
    con = duckdb.connect(str(old))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(old)


def test_bulk_write_is_fast(db: Path, make_doc: DocFactory) -> None:
    docs = [make_doc(i, n_events=20) for i in range(1000)]
    with Store(db) as store:
        started = time.perf_counter()
        stats = store.write(docs)
        seconds = time.perf_counter() - started
        assert stats.events == 20_000
        assert store.counts()["events"] == 20_000
    assert seconds < 10, f"1,000 documents took {seconds:.2f}s"  # ~0.5 s on a laptop


def test_the_documents_iterable_may_query_the_store_while_it_is_written(
    db: Path, make_doc: DocFactory
) -> None:
    with Store(db, chunk_size=2) as store:
        store.write([make_doc(0)])
        wanted = [make_doc(i) for i in range(5)]
        fresh = (d for d in wanted if not store.has_article(d.article.key))
        stats = store.write(fresh)
        assert (stats.articles, stats.replaced) == (4, 0)
        assert store.counts()["articles"] == 5


def test_a_write_inside_a_write_is_refused(db: Path, make_doc: DocFactory) -> None:
    with Store(db) as store:

        def sneaky() -> Iterator[Document]:
            yield make_doc(1)
            store.write([make_doc(2)])

        with pytest.raises(StoreError, match="another write"):
            store.write(sneaky())
        assert store.counts()["articles"] == 0
        store.write([make_doc(3)])
        assert store.counts()["articles"] == 1


def test_a_duplicate_event_id_costs_one_row_not_the_batch(db: Path, make_doc: DocFactory) -> None:
    doc = make_doc(1, 2)
    twin = replace(doc.events[1], id=doc.events[0].id)
    clashing = replace(doc, events=(doc.events[0], twin))
    with Store(db) as store:
        stats = store.write([clashing, make_doc(2, 2)])
    assert stats.articles == 2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from events").fetchone()[0] == 3
    con.close()
