"""The matching rules of deduplication, without a database: places, code chains, the greedy pass."""

from typing import Any

from eventcoder.store.dedup_rules import (
    ATOM_FIELDS,
    OpenCluster,
    PlaceKey,
    assign_atoms,
    compatible,
    same_place,
)

TOWN = PlaceKey("northtown", "AAA", "east province", "city", 10.0, 20.0)
SUBURB = PlaceKey("northtown heights", "AAA", "east province", "city", 10.1, 20.1)  # ~16 km
FAR_TOWN = PlaceKey("southtown", "AAA", "west province", "city", 12.0, 20.0)  # ~220 km
PROVINCE = PlaceKey("east province", "AAA", None, "region", None, None)
COUNTRY = PlaceKey("aaaland", "AAA", None, "country", None, None)
ABROAD = PlaceKey("northtown", "BBB", None, "city", None, None)


def atom(atom_id: int, day: int | None, *, days: int = 1, code: str = "19",
         rev: bool | None = False, place: PlaceKey | None = None,
         block: tuple[str, str, str] = ("AAA", "BBB", "19"), solo: bool = False
         ) -> tuple[Any, ...]:
    """A row of ``ATOM_FIELDS``: one event dated to a period of ``days`` from ``day``, no
    sectors."""
    where = (None,) * 6 if place is None else (
        place.name, place.country, place.admin1, place.feature, place.lat, place.lon)
    end = None if day is None else day + days - 1
    row = (atom_id, *block, None, None, rev, code, day, end, *where, solo, 1, f"e{atom_id}")
    assert len(row) == len(ATOM_FIELDS)
    return row


def stored(cluster_id: str, start: int, days: int = 1) -> OpenCluster:
    return OpenCluster(cluster_id=cluster_id, start=start, end=start + days - 1, code="19",
                       ssec=None, tsec=None, rev=False, place=None, size=1)


def test_same_place_by_name_distance_or_containment() -> None:
    assert same_place(TOWN, None) and same_place(None, None)  # an unknown place matches any
    assert same_place(TOWN, SUBURB)  # within 25 km
    assert not same_place(TOWN, FAR_TOWN)
    assert same_place(PROVINCE, TOWN) and same_place(TOWN, PROVINCE)  # the town's admin1
    assert not same_place(PROVINCE, FAR_TOWN)
    assert same_place(COUNTRY, FAR_TOWN)  # a whole country contains its towns
    assert not same_place(TOWN, ABROAD)  # same name, other country


def test_compatible_codes_lie_on_one_chain_and_sectors_do_not_conflict() -> None:
    cluster = OpenCluster(cluster_id="c", start=0, end=0, code="193", ssec="MIL",
                          tsec=None, rev=False, place=None, size=1)
    assert compatible("19", None, None, False, None, cluster)
    assert compatible("1931", "MIL", "GOV", False, None, cluster)
    assert not compatible("194", None, None, False, None, cluster)
    assert not compatible("193", "GOV", None, False, None, cluster)


def test_a_mutual_act_has_no_direction_and_a_directed_one_keeps_its_own() -> None:
    visit = OpenCluster(cluster_id="v", start=0, end=0, code="042", ssec=None, tsec=None,
                        rev=False, place=None, size=1)
    talks = OpenCluster(cluster_id="t", start=0, end=0, code="04", ssec=None, tsec=None,
                        rev=None, place=None, size=1)
    assert compatible("04", None, None, None, None, visit)  # "B and A consulted"
    assert not compatible("042", None, None, True, None, visit)  # "B visited A"
    assert compatible("042", None, None, True, None, talks)
    assert compatible("042", None, None, False, None, talks)
    # the first directed report gives a mutual cluster its direction
    created, _ = assign_atoms([atom(1, 100, code="04", rev=None),
                               atom(2, 100, code="042", rev=True),
                               atom(3, 100, code="042", rev=False)], {})
    assert [c.atoms for c in created] == [[1, 2], [3]] and created[0].rev is True


def test_a_date_matches_the_periods_it_falls_in_or_lies_two_days_from() -> None:
    def joins(day: int, anchor: OpenCluster) -> bool:
        _, grown = assign_atoms([atom(1, day)], {("AAA", "BBB", "19"): [anchor]})
        return bool(grown)

    # a cluster anchored on a week (days 100-106) and one on a 31-day month (days 200-230)
    week = [day for day in range(90, 115) if joins(day, stored("w", 100, days=7))]
    month = [day for day in range(185, 245) if joins(day, stored("m", 200, days=31))]
    assert week == list(range(98, 109)) and month == list(range(198, 233))
    # a week report joins a day cluster inside it (or two days from it), not one of the
    # week before
    week_report = [atom(1, 100, days=7)]
    _, grown = assign_atoms(week_report, {("AAA", "BBB", "19"): [stored("d", 94)]})
    assert not grown
    _, grown = assign_atoms(week_report, {("AAA", "BBB", "19"): [stored("d", 108)]})
    assert grown == {"d"}


def test_an_atom_joins_the_nearest_anchor_and_a_stored_cluster_before_a_new_one() -> None:
    existing = {("AAA", "BBB", "19"): [stored("old", 100)]}
    created, grown = assign_atoms([atom(1, 101), atom(2, 104), atom(3, 105)], existing)
    # day 101 joins the stored cluster; day 104 is 4 days off it and founds a new cluster,
    # which day 105 joins (1 day off the new anchor, 5 off the stored one)
    assert grown == {"old"} and existing[("AAA", "BBB", "19")][0].atoms == [1]
    assert [c.atoms for c in created] == [[2, 3]]
    # at equal distance the stored cluster wins over one founded in this pass
    existing = {("AAA", "BBB", "19"): [stored("old", 100)]}
    created, grown = assign_atoms([atom(1, 96), atom(2, 98)], existing)
    assert grown == {"old"} and [c.atoms for c in created] == [[1]]


def test_places_codes_blocks_and_windows_decide_what_merges() -> None:
    # rows come sorted by block and then period, undated (solo) atoms last, as from DuckDB
    created, _ = assign_atoms([
        atom(1, 100, code="193", place=TOWN),
        atom(2, 100, code="193", place=FAR_TOWN),  # another town
        atom(3, 100, code="194", place=TOWN),  # another branch of the code tree
        atom(4, 100, days=31, code="19", place=TOWN),  # a month from day 100
        atom(5, None, solo=True), atom(6, None, solo=True),  # never merge
        atom(7, 100, code="193", block=("AAA", "CCC", "19")),  # another target
    ], {})
    # 4 fits 1 and 3 equally (same middle, other code, same size): the earlier-founded wins
    assert [sorted(c.atoms) for c in created] == [[1, 4], [2], [3], [5], [6], [7]]
    assert created[0].code == "193" and created[3].end is None
