import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import dedup_corpus as corpus
import duckdb
import pytest

from eventcoder.errors import StoreError
from eventcoder.records import Actor, Document
from eventcoder.store import schema
from eventcoder.store.dedup import ClusterStats, _Run, update_clusters
from eventcoder.store.duckdb_store import Store

DocFactory = Callable[..., Document]


@pytest.fixture
def docs() -> list[Document]:
    return corpus.documents()


@pytest.fixture
def gold(docs: list[Document]) -> dict[str, str | None]:
    return corpus.gold_labels(docs)


@pytest.fixture
def store(tmp_path: Path, docs: list[Document]) -> Iterator[Store]:
    with Store(tmp_path / "dedup.duckdb") as opened:
        opened.write(docs)
        yield opened


def members(store: Store) -> dict[str, str]:
    return {row["event_id"]: row["cluster_id"] for row in store.rows("cluster_members")}


def partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for event_id, cluster_id in members(store).items():
        groups.setdefault(cluster_id, set()).add(event_id)
    return {frozenset(group) for group in groups.values()}


def by_gold(store: Store, gold: dict[str, str | None]) -> dict[str, list[set[str]]]:
    """True event -> the clusters its reports ended up in (as sets of event ids)."""
    found: dict[str, list[set[str]]] = {}
    for group in partition(store):
        for label in {gold[event_id] for event_id in group}:
            assert label is not None
            found.setdefault(label, []).append(set(group))
    return found


def test_reports_of_one_event_merge_and_similar_events_stay_apart(
    store: Store, gold: dict[str, str | None]
) -> None:
    stats = store.cluster()
    assert isinstance(stats, ClusterStats)
    assert stats.events == sum(1 for label in gold.values() if label is not None)
    assert stats.clusters == store.cluster_counts()["clusters"] == stats.created
    clusters = by_gold(store, gold)
    # one cluster per group of reports that agree on dyad, code chain, date and place
    assert [len(group) for group in clusters["A"]].count(4) == 1  # RUSMIL/RUS, 190/195
    assert sorted(len(group) for group in clusters["E"]) == [1, 4]  # reversed dyad merged
    assert [len(group) for group in clusters["G"]] == [2]  # a day and a month date
    for label in ("B", "C", "D", "N"):
        assert len(clusters[label]) == 1, label
    # distinct events never share a cluster, except the Kherson shelling two days apart
    for group in partition(store):
        labels = {gold[event_id] for event_id in group}
        assert len(labels) == 1 or labels in ({"K", "L"}, {"P", "Q"}), labels
    # the not-happened events (negated, hypothetical, intended, historical) are in no cluster
    clustered = members(store)
    assert all(event_id not in clustered for event_id, label in gold.items() if label is None)


def test_pairwise_precision_and_recall_on_the_corpus(
    store: Store, gold: dict[str, str | None]
) -> None:
    store.cluster()
    precision, recall, _ = corpus.pairwise_scores(members(store), gold)
    assert precision >= 0.8 and recall >= 0.55  # 0.846 / 0.595, see benchmarks/dedup.py


def test_cluster_rows_count_mentions_sources_and_articles(
    store: Store, gold: dict[str, str | None]
) -> None:
    store.cluster()
    assigned = members(store)
    [kyiv] = [c for c in by_gold(store, gold)["A"] if len(c) == 4]
    cluster_id = assigned[next(iter(kyiv))]
    [row] = store.rows("clusters", where="cluster_id = ?", params=[cluster_id])
    assert (row["num_mentions"], row["num_sources"], row["num_articles"]) == (4, 3, 4)
    assert str(row["first_seen"]) == "2025-03-11" and str(row["last_seen"]) == "2025-03-12"
    assert str(row["event_date"]) == "2025-03-11" and row["date_precision"] == "day"
    assert (row["source_code"], row["target_code"], row["cameo"]) == ("RUSMIL", "UKR", "195")
    assert row["cameo_root"] == "19" and row["quad_class"] == 4 and row["plover"] == "ASSAULT"
    assert row["location"] == "Kyiv" and row["location_feature"] == "city"
    assert row["representative_event_id"] in kyiv
    # every member's evidence is reachable through cluster_members
    sentences = store.connection.execute(
        "SELECT e.sentence FROM cluster_members m JOIN events e ON e.id = m.event_id "
        "WHERE m.cluster_id = ? ORDER BY 1", [cluster_id]).fetchall()
    assert len(sentences) == 4 and all("Kyiv" in s or "Ukraine" in s for (s,) in sentences)
    [talks] = [c for c in by_gold(store, gold)["E"] if len(c) == 4]
    [row] = store.rows("clusters", where="cluster_id = ?", params=[assigned[next(iter(talks))]])
    assert row["cameo"] == "046" and row["location"] == "Jeddah"


def test_clustering_again_changes_nothing(store: Store) -> None:
    store.cluster()
    clusters, links = store.rows("clusters"), store.rows("cluster_members")
    again = store.cluster()
    assert (again.events, again.created, again.grown, again.removed_members) == (0, 0, 0, 0)
    assert store.rows("clusters") == clusters and store.rows("cluster_members") == links


def test_rewriting_the_same_articles_gives_the_same_clusters(
    store: Store, docs: list[Document]
) -> None:
    store.cluster()
    before = members(store)
    store.write(docs)  # re-coded: every member is stale and clustered again
    stats = store.cluster()
    assert stats.removed_members == len(before) == stats.events
    assert members(store) == before  # same partition and the same cluster ids


def test_incremental_batches_give_the_clusters_of_one_batch(
    tmp_path: Path, docs: list[Document]
) -> None:
    with Store(tmp_path / "once.duckdb") as once, Store(tmp_path / "steps.duckdb") as steps:
        once.write(docs)
        once.cluster()
        for at in range(0, len(docs), 7):
            steps.write(docs[at:at + 7])
            steps.cluster()
        # "protesters demonstrated across Georgia" fits the Tbilisi and the Batumi protest
        # equally: which one it joins depends on the order reports arrive in
        ambiguous = next(e.id for d in docs for e in d.events if "across" in e.evidence.sentence)

        def unambiguous(store: Store) -> set[frozenset[str]]:
            return {group - {ambiguous} for group in partition(store)}

        assert unambiguous(steps) == unambiguous(once)
        assert steps.cluster_counts() == once.cluster_counts()
        rebuilt = steps.cluster(new_only=False)
        assert rebuilt.events == len(members(once)) and partition(steps) == partition(once)


def test_a_recoded_event_leaves_its_cluster(
    store: Store, docs: list[Document], gold: dict[str, str | None]
) -> None:
    store.cluster()
    # the AP report of the Kyiv strike is re-coded as negated
    ap = next(d for d in docs if d.article.source == "AP" and gold[d.events[0].id] == "A")
    event = ap.events[0]
    cluster_id = members(store)[event.id]
    store.write([replace(ap, events=(replace(event, modality="negated"),))])
    stats = store.cluster()
    assert stats.removed_members == 1 and stats.events == 0
    assert event.id not in members(store)
    [row] = store.rows("clusters", where="cluster_id = ?", params=[cluster_id])
    assert (row["num_mentions"], row["num_sources"], row["num_articles"]) == (3, 2, 3)
    # a cluster whose only member leaves is dropped
    bbc = next(d for d in docs if d.article.source == "BBC" and gold[d.events[0].id] == "A")
    alone = members(store)[bbc.events[0].id]
    store.write([replace(bbc, events=(replace(bbc.events[0], historical=True),))])
    assert store.cluster().dropped == 1
    assert store.rows("clusters", where="cluster_id = ?", params=[alone]) == []


def test_date_windows_follow_the_precision(store: Store, docs: list[Document]) -> None:
    store.cluster()  # NATO's condemnation: a cluster anchored on 12 March
    nato = next(d for d in docs if d.article.source == "Euronews")
    event = nato.events[0]
    later = [
        replace(nato, article=replace(nato.article, id=f"nato-{days}", text=f"{days}",
                                      source=f"Paper {days}"),
                events=(replace(event, id=f"nato-{days}-e0", article_id=f"nato-{days}",
                                date=f"2025-03-{12 + days:02d}", date_precision=precision),))
        for days, precision in ((2, "day"), (3, "day"), (-2, "week"), (-9, "week"))
    ]
    store.write(later)
    store.cluster()
    assigned = members(store)
    nato_cluster = assigned[event.id]
    assert assigned["nato-2-e0"] == nato_cluster  # +2 days, day precision
    assert assigned["nato-3-e0"] != nato_cluster  # +3 days, day precision
    assert assigned["nato--2-e0"] == nato_cluster  # the week of Monday 10 March
    assert assigned["nato--9-e0"] != nato_cluster  # the week before: 3-9 March


def test_a_failed_run_changes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.cluster()
    before = store.rows("cluster_members")
    store.write(corpus.documents()[:3])

    def broken(self: _Run, existing: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(_Run, "assign", broken)
    with pytest.raises(RuntimeError, match="boom"):
        store.cluster()
    monkeypatch.undo()
    assert store.rows("cluster_members") == before
    stats = store.cluster()  # the re-written articles' events, clustered again
    assert stats.removed_members == stats.events == 3


def test_a_database_error_without_a_message_is_still_a_store_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: _Run, existing: object) -> object:
        raise duckdb.Error("")

    monkeypatch.setattr(_Run, "assign", broken)
    with pytest.raises(StoreError, match="nothing was changed: Error"):
        store.cluster()
    assert store.rows("cluster_members") == []


def test_read_only_stores_cannot_cluster(tmp_path: Path, docs: list[Document]) -> None:
    path = tmp_path / "ro.duckdb"
    with Store(path) as store:
        store.write(docs)
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        update_clusters(store)


def test_a_version_2_store_is_upgraded_when_opened_for_writing(
    tmp_path: Path, docs: list[Document]
) -> None:
    path = tmp_path / "v2.duckdb"
    with Store(path) as store:
        store.write(docs[:2])
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE clusters")
    con.execute("DROP TABLE cluster_members")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="open it once without read-only"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.cluster().events == 2
    with Store(path, read_only=True) as store:
        version = store.connection.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        assert version == [(str(schema.SCHEMA_VERSION),)]
        assert store.counts()["articles"] == 2


def test_a_version_3_store_gets_new_cluster_tables_and_clusters_every_event_again(
    tmp_path: Path, docs: list[Document]
) -> None:
    path = tmp_path / "v3.duckdb"
    with Store(path) as store:
        store.write(docs)
        store.cluster()
        partitioned = partition(store)
    con = duckdb.connect(str(path))  # version 3 anchored clusters on a day and a window
    con.execute("ALTER TABLE clusters RENAME COLUMN anchor_end TO anchor_window")
    con.execute("ALTER TABLE clusters DROP COLUMN match_reversed")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="open it once without read-only"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.cluster_counts() == {"clusters": 0, "cluster_members": 0}
        assert "anchor_end" in store.relation("clusters").columns
        assert store.cluster().events == len(members_of(partitioned))
        assert partition(store) == partitioned


def members_of(groups: set[frozenset[str]]) -> set[str]:
    return {event_id for group in groups for event_id in group}


def test_a_failed_rebuild_keeps_the_clusters(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.cluster()
    clusters, links = store.rows("clusters"), store.rows("cluster_members")

    def broken(self: _Run, existing: object) -> object:
        raise duckdb.Error("disk full")

    monkeypatch.setattr(_Run, "assign", broken)
    with pytest.raises(StoreError, match="nothing was changed: disk full"):
        store.cluster(new_only=False)
    assert store.rows("clusters") == clusters and store.rows("cluster_members") == links


def test_clustering_many_events_is_fast(tmp_path: Path, make_doc: DocFactory) -> None:
    with Store(tmp_path / "many.duckdb") as store:
        store.write(make_doc(i, n_events=20) for i in range(1000))
        started = time.perf_counter()
        stats = store.cluster()
        seconds = time.perf_counter() - started
    assert stats.events == 1000 * 4  # asserted and not historical: j = 0, 8, 12, 16
    assert seconds < 10, f"clustering 20,000 events took {seconds:.2f}s"


def _report(title: str, published: date, sentence: str, spec: corpus.Spec) -> corpus.Story:
    """A one-sentence article by an outlet of its own."""
    return corpus.Story(f"Outlet {title}", published, title, ((sentence, (spec,)),))


def _partition_by_title(stories: list[corpus.Story], batches: list[list[int]],
                        folder: Path) -> set[frozenset[str]]:
    """Cluster the stories in batches (lists of indices); the clusters as sets of titles."""
    docs = corpus.documents(stories)
    titles = {doc.events[0].id: doc.article.title or "" for doc in docs}
    with Store(folder / "stories.duckdb") as store:
        for batch in batches:
            store.write(docs[i] for i in batch)
            store.cluster()
        return {frozenset(titles[event_id] for event_id in group) for group in partition(store)}


@pytest.mark.parametrize("periods_first", [False, True])
def test_week_and_month_dates_match_reports_inside_their_period(
    tmp_path: Path, periods_first: bool
) -> None:
    strike = ("Russian forces", corpus.RUSMIL), ("Kharkiv", corpus.UKR)
    shelling = ("Israeli troops", corpus.ISRMIL), ("Gaza", corpus.PSE)

    def attack(title: str, published: date, when: str, precision: str,
               who: tuple[tuple[str, Actor], tuple[str, Actor]]) -> corpus.Story:
        sentence = f"{who[0][0]} attacked {who[1][0]} ({title})."
        return _report(title, published, sentence,
                       corpus.Spec(title, who[0], who[1], "190", "attacked", when, precision))

    stories = [
        # "this week" of Wednesday 12 March is the week of Monday 10 March ...
        attack("this week", date(2025, 3, 12), "2025-03-10", "week", strike),
        # ... and "in March" the whole month
        attack("in March", date(2025, 3, 20), "2025-03-01", "month", shelling),
        attack("on 4 March, the week before", date(2025, 3, 4), "2025-03-04", "day", strike),
        attack("on Sunday", date(2025, 3, 16), "2025-03-16", "day", strike),
        attack("two days after the week", date(2025, 3, 18), "2025-03-18", "day", strike),
        attack("on 24 February", date(2025, 2, 24), "2025-02-24", "day", shelling),
        attack("on 30 March", date(2025, 3, 30), "2025-03-30", "day", shelling),
        attack("two days after the month", date(2025, 4, 2), "2025-04-02", "day", shelling),
        attack("five days after the month", date(2025, 4, 5), "2025-04-05", "day", shelling),
    ]
    batches = [[0, 1], list(range(2, len(stories)))] if periods_first else [
        list(range(len(stories)))]
    assert _partition_by_title(stories, batches, tmp_path) == {
        frozenset({"this week", "on Sunday", "two days after the week"}),
        frozenset({"on 4 March, the week before"}),
        frozenset({"in March", "on 30 March", "two days after the month"}),
        frozenset({"on 24 February"}), frozenset({"five days after the month"}),
    }


@pytest.mark.parametrize("first, second", [
    (("Rubio", corpus.USAGOV), ("Zelensky", corpus.UKRGOV)),
    (("Zelensky", corpus.UKRGOV), ("Rubio", corpus.USAGOV)),
])
def test_a_mutual_act_merges_with_a_directed_one_whatever_the_order_of_the_actors(
    tmp_path: Path, first: tuple[str, Actor], second: tuple[str, Actor]
) -> None:
    day = date(2025, 3, 11)

    def act(title: str, source: tuple[str, Actor], target: tuple[str, Actor], cameo: str,
            verb: str) -> corpus.Story:
        return _report(title, day, f"{source[0]} {verb} {target[0]} ({title}).",
                       corpus.Spec(title, source, target, cameo, verb, "2025-03-11", "day"))

    consulted = act("consulted", first, second, "040", "consulted")
    # a mutual act has no direction: it merges with a visit either way ...
    for n, visit in enumerate((act("visited", first, second, "042", "visited"),
                               act("visited", second, first, "042", "visited"))):
        assert _partition_by_title([consulted, visit], [[0, 1]], tmp_path / str(n)) == {
            frozenset({"consulted", "visited"})}
    # ... but two visits in opposite directions are two events
    visits = [act("there", first, second, "042", "visited"),
              act("back", second, first, "042", "visited")]
    assert _partition_by_title(visits, [[0, 1]], tmp_path / "visits") == {
        frozenset({"there"}), frozenset({"back"})}
