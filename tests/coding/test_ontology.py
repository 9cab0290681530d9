"""The CAMEO ontology table (cameo.tsv) and its reader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventcoder.coding.ontology import CameoCode, Ontology
from eventcoder.errors import OntologyError

SHARED = Path(os.environ.get("EVENTCODER_SHARED",
                             Path(__file__).resolve().parents[3] / "shared"))
BENCH = SHARED / "benchmarks" / "cameo_tables"
HEADER = "code\tdescription\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context\n"


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.default()


def test_default_is_cached(onto: Ontology) -> None:
    assert Ontology.default() is onto


def test_all_levels_present(onto: Ontology) -> None:
    by_len = {n: sum(len(c.code) == n for c in onto) for n in (2, 3, 4)}
    assert by_len == {2: 20, 3: 147, 4: 144}
    assert len(onto) == 311


def test_get_two_three_and_four_digit_codes(onto: Ontology) -> None:
    root, mid, leaf = onto.get("13"), onto.get("131"), onto.get("1312")
    assert root.description == "THREATEN"
    assert mid.description.startswith("Threaten non-force")
    assert leaf == CameoCode("1312", "Threaten to boycott, embargo, or sanction", -5.8, 3,
                             "THREATEN", "restrict", "economic")
    assert leaf.root == mid.root == root.root == "13"


def test_leading_zeros_are_kept(onto: Ontology) -> None:
    assert onto.get("0311").description == "Express intent to cooperate economically"
    assert onto.get("042").goldstein == 1.9
    assert "311" not in onto and "42" not in onto


@pytest.mark.parametrize("bad", ["311", "21", "9", "0000", "1313x", "", "abc"])
def test_unknown_codes_raise(onto: Ontology, bad: str) -> None:
    with pytest.raises(OntologyError) as err:
        onto.get(bad)
    assert err.value.code == "E300"
    assert bad not in onto


def test_contains_is_false_for_non_strings(onto: Ontology) -> None:
    assert 42 not in onto
    assert None not in onto


@pytest.mark.parametrize("code,quad", [("01", 1), ("0211", 1), ("057", 1), ("061", 2),
                                       ("0874", 2), ("094", 3), ("1312", 3), ("145", 4),
                                       ("163", 4), ("2042", 4)])
def test_quad_class_follows_root(onto: Ontology, code: str, quad: int) -> None:
    assert onto.get(code).quad_class == quad


def test_quad_class_and_goldstein_everywhere(onto: Ontology) -> None:
    for entry in onto:
        root = int(entry.root)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert entry.quad_class == expected, entry.code
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.code.startswith(entry.root) and entry.root in onto


def test_plover_types(onto: Ontology) -> None:
    for entry in onto:
        if entry.root in ("01", "02"):
            assert entry.plover is None and entry.plover_mode is None, entry.code
        else:
            assert entry.plover, entry.code
    assert onto.get("163").plover == "COERCE"
    assert onto.get("042").plover_mode == "visit"
    assert onto.get("091").plover_context == "crime;corruption"
    assert onto.get("08").plover == "CONCEDE"


def test_source_quirks_fixed(onto: Ontology) -> None:
    assert onto.get("044").description == "Meet at a 'third' location"
    assert onto.get("1056").description == "Demand de-escalation of military engagement"
    assert onto.get("106").description == "Demand meeting, negotiation"
    assert onto.get("106").goldstein == -5.0
    assert onto.get("105").description.startswith("Demand that target yields")
    assert "matyerial" not in onto.get("033").description


def test_describe(onto: Ontology) -> None:
    text = onto.describe("1312")
    assert text.startswith("1312 Threaten to boycott, embargo, or sanction")
    assert "THREATEN" in text and "verbal conflict" in text and "-5.8" in text
    assert onto.describe("04").startswith("04 CONSULT")


def test_reader_errors_name_the_line(tmp_path: Path) -> None:
    good = HEADER + "04\tCONSULT\t1.0\t1\tCONSULT\t\t\n"
    assert Ontology.from_text(good).get("04").plover_mode is None
    cases = {
        "code\tdescription\n": "t.tsv:1",
        good + "042\tMake a visit\t1.9\t1\n": "t.tsv:3",
        good + "42\tMake a visit\t1.9\t1\tCONSULT\t\t\n": "t.tsv:3",
        good + "042\tMake a visit\tx\t1\tCONSULT\t\t\n": "t.tsv:3",
        good + "042\tMake a visit\t1.9\t7\tCONSULT\t\t\n": "t.tsv:3",
        good + "04\tCONSULT\t1.0\t1\tCONSULT\t\t\n": "t.tsv:3",
    }
    for text, where in cases.items():
        path = tmp_path / "t.tsv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(OntologyError, match=where):
            Ontology.from_tsv(path)
    with pytest.raises(OntologyError):
        Ontology.from_tsv(tmp_path / "missing.tsv")


@pytest.mark.skipif(not BENCH.is_dir(), reason="benchmarks folder not available")
def test_matches_gdelt_tables(onto: Ontology) -> None:
    def rows(name: str) -> dict[str, str]:
        lines = (BENCH / name).read_text(encoding="utf-8").splitlines()[1:]
        return dict(line.split("\t", 1) for line in lines if line.strip())

    events, weights = rows("CAMEO.eventcodes.txt"), rows("CAMEO.goldsteinscale.txt")
    assert set(events) | {"106"} == {c.code for c in onto}
    for code, weight in weights.items():
        assert onto.get(code).goldstein == float(weight), code
    assert onto.get("0211").description == events["0211"]
