"""Tests for the actor knowledge base (eventcoder.actors.kb) and its packaged data."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pycountry
import pytest

from eventcoder.actors.kb import (
    LEADER,
    ROLE_KINDS,
    Entry,
    KnowledgeBase,
    Role,
    normalise,
)
from eventcoder.errors import KnowledgeBaseError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "eventcoder" / "actors" / "data" / "actors.jsonl"
PHOENIX = ROOT.parent / "shared" / "benchmarks" / "petrarch2_gsr"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def ids(kb: KnowledgeBase, text: str) -> list[str]:
    return [e.id for e in kb.lookup(text)]


# -- loading --------------------------------------------------------------------------------
def test_packaged_data_loads_fast_and_is_cached() -> None:
    start = time.perf_counter()
    fresh = KnowledgeBase.from_jsonl(DATA)
    assert time.perf_counter() - start < 1.5  # about 0.1 s on a quiet machine
    assert len(fresh) > 1000
    assert KnowledgeBase.default() is KnowledgeBase.default()


def test_counts_by_type(kb: KnowledgeBase) -> None:
    stats = kb.stats()
    assert stats["country"] >= len(pycountry.countries)
    assert stats["capital"] >= 190
    assert stats["person"] >= 500
    assert stats["igo"] >= 40 and stats["group"] >= 20 and stats["agent"] >= 20


def test_every_entry_is_well_formed(kb: KnowledgeBase) -> None:
    for entry in kb.entries():
        assert entry.id.split(":")[0] in {"country", "capital", "org", "igo", "group", "person",
                                          "media", "agent"}
        assert entry.code is None or entry.code.isalpha() and entry.code.isupper(), entry
        for role in entry.roles:
            assert role.kind in ROLE_KINDS
            assert role.code.isalpha() and role.code.isupper(), (entry.id, role)
            assert not (role.start and role.end) or role.start < role.end, (entry.id, role)


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="Phoenix dictionaries not available")
def test_committed_data_is_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_kb.py"), "--check"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


# -- normalisation and lookup -----------------------------------------------------------------
@pytest.mark.parametrize("a,b", [
    ("U.S.", "US"), ("the Kremlin’s", "Kremlin"), ("Erdoğan", "erdogan"),
    ("J. D. Vance", "JD Vance"), ("al-Qaeda", "Al Qaeda"), ("Brussels'", "brussels"),
    ("Þorgerður Katrín", "Thorgerdur Katrin"), ("  Kyiv ", "KYIV"),
    ("George W. Bush", "george w bush"),
])
def test_normalise(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize("text,entry_id", [
    ("Putin", "person:vladimir-putin"), ("Vladimir Vladimirovich Putin", "person:vladimir-putin"),
    ("Zelensky", "person:volodymyr-zelenskyy"), ("Zelenskiy", "person:volodymyr-zelenskyy"),
    ("Vladimir Zelensky", "person:volodymyr-zelenskyy"),
    ("Selenskyj", "person:volodymyr-zelenskyy"),
    ("Erdogan", "person:recep-tayyip-erdogan"), ("Andris Spruds", "person:andris-spruds"),
    ("Andris Sprūds", "person:andris-spruds"), ("Kirill Budanov", "person:kyrylo-budanov"),
    ("J.D. Vance", "person:jd-vance"), ("Stavridis", "person:james-stavridis"),
    ("Jim Sciutto", "person:jim-sciutto"), ("Kallas", "person:kaja-kallas"),
    ("U.S.", "country:USA"), ("America", "country:USA"), ("the United States", "country:USA"),
    ("Britain", "country:GBR"), ("UK", "country:GBR"), ("Russia", "country:RUS"),
    ("Russian Federation", "country:RUS"), ("Türkiye", "country:TUR"), ("Latvija", "country:LVA"),
    ("Kyiv", "capital:kyiv"), ("Kiev", "capital:kyiv"), ("Riga", "capital:riga"),
    ("the Kremlin's", "org:kremlin"), ("Pentagon", "org:pentagon"),
    ("Capitol Hill", "org:us-congress"), ("NATO", "igo:nato"), ("U.N.", "igo:un"),
    ("Brussels", "igo:eu"), ("ISIL", "group:islamic-state"),
    ("Hezbollah", "group:hezbollah"), ("CNN", "media:cnn"),
])
def test_lookup_finds_best_entry(kb: KnowledgeBase, text: str, entry_id: str) -> None:
    assert ids(kb, text)[0] == entry_id


@pytest.mark.parametrize("text,code", [
    ("Kremlin", "RUSGOV"), ("White House", "USAGOV"), ("Pentagon", "USAMIL"),
    ("State Department", "USAGOV"), ("Congress", "USALEG"), ("Downing Street", "GBRGOV"),
    ("Elysee", "FRAGOV"), ("Élysée", "FRAGOV"), ("Zhongnanhai", "CHNGOV"), ("Bankova", "UKRGOV"),
    ("NATO", "IGOWSTNAT"), ("UN", "IGOUNO"), ("IAEA", "IGOUNOIAE"), ("Hamas", "PSEREBHMS"),
    ("al-Qaeda", "IMGMUSALQ"), ("Wagner Group", "RUSUAF"), ("Moscow", "RUS"), ("Romania", "ROU"),
    ("East Timor", "TLS"), ("Reuters", "GBRMED"), ("Xinhua", "CHNMED"),
])
def test_lookup_codes(kb: KnowledgeBase, text: str, code: str) -> None:
    assert kb.lookup(text)[0].code == code


def test_lookup_skips_agents_and_unknowns(kb: KnowledgeBase) -> None:
    assert kb.lookup("troops") == []
    assert kb.lookup("Zzyzx Republic") == []
    assert kb.get("nope") is None


def test_every_pycountry_country_and_main_capitals(kb: KnowledgeBase) -> None:
    for country in pycountry.countries:
        assert kb.get(f"country:{country.alpha_3}") is not None, country
    for capital, code in [("Moscow", "RUS"), ("Washington", "USA"), ("Beijing", "CHN"),
                          ("London", "GBR"), ("Paris", "FRA"), ("Tallinn", "EST"),
                          ("Vilnius", "LTU"), ("Warsaw", "POL"), ("Canberra", "AUS"),
                          ("Pretoria", "ZAF"), ("Pristina", "KSV"), ("Naypyidaw", "MMR")]:
        entry = kb.lookup(capital)[0]
        assert (entry.type, entry.code) == ("capital", code)


def test_namesakes_ranked_by_recency(kb: KnowledgeBase) -> None:
    assert ids(kb, "Singh")[:2] == ["person:rajnath-singh", "person:manmohan-singh"]


# -- demonyms, agents, titles -------------------------------------------------------------------
@pytest.mark.parametrize("word,code", [
    ("Russian", "RUS"), ("Russians", "RUS"), ("Latvian", "LVA"), ("Ukrainian", "UKR"),
    ("American", "USA"), ("British", "GBR"), ("Britons", "GBR"), ("Chinese", "CHN"),
    ("North Korean", "PRK"), ("South Korean", "KOR"), ("Iraqis", "IRQ"), ("Czechs", "CZE"),
    ("Frenchmen", "FRA"), ("Soviet", "SUN"), ("Filipinos", "PHL"),
])
def test_demonyms(kb: KnowledgeBase, word: str, code: str) -> None:
    assert kb.demonym(word) == code


def test_demonym_unknown(kb: KnowledgeBase) -> None:
    assert kb.demonym("Martian") is None


@pytest.mark.parametrize("phrase,sector", [
    ("troops", "MIL"), ("soldiers", "MIL"), ("army", "MIL"), ("armed forces", "MIL"),
    ("president", "GOV"), ("prime minister", "GOV"), ("minister", "GOV"), ("chancellor", "GOV"),
    ("foreign minister", "GOV"), ("defence minister", "GOV"), ("defense minister", "GOV"),
    ("government", "GOV"), ("administration", "GOV"), ("police", "COP"), ("policemen", "COP"),
    ("rebels", "REB"), ("insurgents", "REB"), ("opposition", "OPP"), ("protesters", "OPP"),
    ("journalists", "MED"), ("media", "MED"), ("business", "BUS"), ("companies", "BUS"),
    ("civilians", "CVL"), ("students", "EDU"), ("refugees", "REF"), ("judges", "JUD"),
    ("court", "JUD"), ("parliament", "LEG"), ("lawmakers", "LEG"), ("intelligence", "SPY"),
    ("foreign ministries", "GOV"), ("businessmen", "BUS"), ("The Troops", "MIL"),
])
def test_agents(kb: KnowledgeBase, phrase: str, sector: str) -> None:
    found = kb.agent(phrase)
    assert found is not None and found[0] == sector, (phrase, found)


def test_agent_names_and_full_codes(kb: KnowledgeBase) -> None:
    assert kb.agent("troops") == ("MIL", "military")
    entry = kb.agent_entry("defense minister")
    assert entry is not None and entry.code == "GOVMIL" and entry.sector == "GOV"
    assert kb.agent("Vladimir Putin") is None


@pytest.mark.parametrize("phrase,kind", [
    ("president", "head_of_state"), ("Russian President", "head_of_state"),
    ("prime minister", "head_of_government"), ("premier", "head_of_government"),
    ("chancellor", "head_of_government"), ("foreign minister", "foreign_minister"),
    ("U.S. Secretary of State", "foreign_minister"), ("defense secretary", "defence_minister"),
    ("Latvian defence minister", "defence_minister"), ("acting president", "head_of_state"),
    ("commander-in-chief", "military_commander"), ("NATO secretary-general", "igo_leader"),
    ("leader", LEADER), ("deputy prime minister", None), ("former president", None),
    ("correspondent", "journalist"),
])
def test_title_kind(kb: KnowledgeBase, phrase: str, kind: str | None) -> None:
    assert kb.title_kind(phrase) == kind


# -- dated roles --------------------------------------------------------------------------------
def test_role_active_is_end_exclusive() -> None:
    role = Role("President", "head_of_state", "USA", "GOV", "USAGOV",
                date(2021, 1, 20), date(2025, 1, 20))
    assert role.active(date(2021, 1, 20)) and role.active(date(2025, 1, 19))
    assert not role.active(date(2025, 1, 20)) and not role.active(date(2021, 1, 19))
    assert Role("King", "head_of_state", "NOR", "GOV", "NORGOV").active(date(1900, 1, 1))


@pytest.mark.parametrize("country,kind,on,name", [
    ("USA", "head_of_state", date(2022, 5, 1), "Joe Biden"),
    ("USA", "head_of_state", date(2025, 3, 13), "Donald Trump"),
    ("USA", "head_of_state", date(2019, 6, 1), "Donald Trump"),
    ("USA", "head_of_government", date(2016, 6, 1), "Barack Obama"),
    ("USA", "foreign_minister", date(2025, 3, 1), "Marco Rubio"),
    ("USA", "defence_minister", date(2023, 1, 1), "Lloyd Austin"),
    ("GBR", "head_of_government", date(2022, 10, 1), "Liz Truss"),
    ("GBR", "head_of_government", date(2024, 8, 1), "Keir Starmer"),
    ("GBR", "head_of_state", date(2023, 1, 1), "Charles III"),
    ("DEU", LEADER, date(2025, 3, 13), "Olaf Scholz"),
    ("DEU", LEADER, date(2025, 6, 1), "Friedrich Merz"),
    ("RUS", LEADER, date(2025, 6, 1), "Vladimir Putin"),
    ("RUS", "head_of_government", date(2010, 1, 1), "Vladimir Putin"),
    ("RUS", "head_of_state", date(2010, 1, 1), "Dmitry Medvedev"),
    ("UKR", "military_commander", date(2023, 1, 1), "Valerii Zaluzhnyi"),
    ("UKR", "military_commander", date(2024, 6, 1), "Oleksandr Syrskyi"),
    ("UKR", "head_of_state", date(2014, 4, 1), "Oleksandr Turchynov"),
    ("LVA", "defence_minister", date(2024, 6, 1), "Andris Sprūds"),
    ("EST", "head_of_government", date(2023, 1, 1), "Kaja Kallas"),
    ("IGOWSTNAT", "igo_leader", date(2020, 1, 1), "Jens Stoltenberg"),
    ("IGOWSTNAT", "igo_leader", date(2025, 1, 1), "Mark Rutte"),
    ("IGOWSTNAT", "military_commander", date(2011, 1, 1), "James Stavridis"),
    ("IGOUNO", "igo_leader", date(2016, 1, 1), "Ban Ki-moon"),
    ("IGOEUREEC", "foreign_minister", date(2025, 2, 1), "Kaja Kallas"),
    ("KOR", "head_of_state", date(2025, 1, 10), "Choi Sang-mok"),
    ("SAU", "head_of_government", date(2024, 1, 1), "Mohammed bin Salman"),
    ("IRN", "head_of_state", date(2025, 1, 1), "Ali Khamenei"),
])
def test_holder(kb: KnowledgeBase, country: str, kind: str, on: date, name: str) -> None:
    holder = kb.holder(country, kind, on)
    assert holder is not None and holder.name == name


def test_holder_none(kb: KnowledgeBase) -> None:
    assert kb.holder("XXX", "head_of_state", date(2020, 1, 1)) is None
    assert kb.holder("USA", "head_of_state", date(1800, 1, 1)) is None


@pytest.mark.parametrize("country", [
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS",
    "SAU", "ZAF", "KOR", "TUR", "GBR", "USA", "UKR", "EST", "LVA", "LTU", "DNK", "FIN", "ISL",
    "NOR", "SWE", "POL",
])
def test_coverage_of_required_countries(kb: KnowledgeBase, country: str) -> None:
    for on in (date(2014, 12, 1), date(2019, 1, 1), date(2025, 6, 1)):
        for kind in ("head_of_state", "head_of_government"):
            assert kb.holder(country, kind, on) is not None, (country, kind, on)
    kinds = ["foreign_minister"] + ([] if country == "ISL" else ["defence_minister"])
    for kind in kinds:
        assert kb.holder(country, kind, date(2025, 6, 1)) is not None, (country, kind)


def test_holder_by_title(kb: KnowledgeBase) -> None:
    on = date(2025, 6, 1)
    assert kb.holder_by_title("IRN", "Supreme Leader", on).name == "Ali Khamenei"  # type: ignore[union-attr]
    assert kb.holder_by_title("IRN", "president", on).name == "Masoud Pezeshkian"  # type: ignore[union-attr]
    assert kb.holder_by_title("GBR", "Chancellor of the Exchequer", on).name == "Rachel Reeves"  # type: ignore[union-attr]
    assert kb.holder_by_title("DEU", "chancellor", on).name == "Friedrich Merz"  # type: ignore[union-attr]


def _code(kb: KnowledgeBase, entry_id: str, on: date | None) -> tuple[str, str | None, str | None]:
    entry = kb.get(entry_id)
    assert entry is not None
    actor = kb.actor(entry, on)
    assert actor.kb_id == entry_id and actor.name == entry.name
    return actor.code, actor.country, actor.sector


@pytest.mark.parametrize("entry_id,on,expected", [
    ("person:vladimir-putin", date(2010, 1, 1), ("RUSGOV", "RUS", "GOV")),
    ("person:vladimir-putin", None, ("RUSGOV", "RUS", "GOV")),
    ("person:donald-trump", date(2022, 6, 1), ("USAELI", "USA", "ELI")),
    ("person:donald-trump", date(2025, 6, 1), ("USAGOV", "USA", "GOV")),
    ("person:joe-biden", date(2015, 6, 1), ("USAGOV", "USA", "GOV")),
    ("person:james-stavridis", date(2010, 6, 1), ("IGOWSTNAT", None, "MIL")),
    ("person:james-stavridis", date(2020, 6, 1), ("USAELI", "USA", "ELI")),
    ("person:james-stavridis", None, ("USAMIL", "USA", "MIL")),
    ("person:volodymyr-zelenskyy", date(2018, 1, 1), ("UKR", "UKR", None)),
    ("person:kaja-kallas", date(2022, 1, 1), ("ESTGOV", "EST", "GOV")),
    ("person:kaja-kallas", date(2025, 1, 1), ("IGOEUREEC", None, "IGO")),
    ("person:valerii-zaluzhnyi", date(2023, 1, 1), ("UKRMIL", "UKR", "MIL")),
    ("person:elon-musk", date(2025, 3, 1), ("USAGOV", "USA", "GOV")),
    ("person:elon-musk", date(2025, 7, 1), ("USABUS", "USA", "BUS")),
    ("person:jim-sciutto", date(2024, 1, 1), ("USAMED", "USA", "MED")),
    ("group:taliban", date(2020, 1, 1), ("AFGREB", "AFG", "REB")),
    ("group:taliban", date(2022, 1, 1), ("AFGGOV", "AFG", "GOV")),
    ("country:LVA", date(2022, 1, 1), ("LVA", "LVA", None)),
])
def test_actor_codes(kb: KnowledgeBase, entry_id: str, on: date | None,
                     expected: tuple[str, str | None, str | None]) -> None:
    assert _code(kb, entry_id, on) == expected


# -- ruler patterns -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ruler_nlp(kb: KnowledgeBase):  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(kb.ruler_patterns())
    return nlp


def test_ruler_pattern_shape(kb: KnowledgeBase) -> None:
    patterns = kb.ruler_patterns()
    assert patterns and all(p["label"] == "ACTOR" and kb.get(p["id"]) for p in patterns)
    usa = [p["pattern"] for p in patterns if p["id"] == "country:USA"]
    assert [{"ORTH": "US"}] in usa and [{"LOWER": "us"}] not in usa
    assert [{"LOWER": "vladimir"}, {"LOWER": "putin"}] in [
        p["pattern"] for p in patterns if p["id"] == "person:vladimir-putin"]
    assert not any(p["id"].startswith("agent:") for p in patterns)


@pytest.mark.parametrize("text,expected", [
    ("The U.S. said the Kremlin's envoy met Vladimir Putin in Moscow.",
     [("U.S.", "country:USA"), ("Kremlin", "org:kremlin"),
      ("Vladimir Putin", "person:vladimir-putin"), ("Moscow", "capital:moscow")]),
    ("Let us go and roast a turkey.", []),
    ("Zelenskyy told CNN's Jim Sciutto that NATO must act.",
     [("Zelenskyy", "person:volodymyr-zelenskyy"), ("CNN", "media:cnn"),
      ("Jim Sciutto", "person:jim-sciutto"), ("NATO", "igo:nato")]),
    ("Latvia's defence minister Andris Sprūds spoke in Riga; Erdoğan and Erdogan replied.",
     [("Latvia", "country:LVA"), ("Andris Sprūds", "person:andris-spruds"),
      ("Riga", "capital:riga"), ("Erdoğan", "person:recep-tayyip-erdogan"),
      ("Erdogan", "person:recep-tayyip-erdogan")]),
])
def test_ruler_matches(ruler_nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    doc = ruler_nlp(text)
    assert [(e.text, e.ent_id_) for e in doc.ents] == expected


# -- user files and errors --------------------------------------------------------------------
def _write(tmp_path: Path, *objs: object, raw: str | None = None) -> Path:
    path = tmp_path / "kb.jsonl"
    lines = [json.dumps(o) for o in objs] + ([raw] if raw is not None else [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_from_jsonl_user_file(tmp_path: Path) -> None:
    path = _write(tmp_path, {"format_version": 1}, {
        "id": "person:jane-roe", "type": "person", "name": "Jane Roe", "aliases": ["Roe"],
        "country": "NZL", "sector": "GOV", "code": "NZLGOV",
        "roles": [{"title": "Mayor", "kind": "other", "country": "NZL", "sector": "GOV",
                   "start": "2020-01-01", "end": None}]})
    kb = KnowledgeBase.from_jsonl(path)
    assert [e.id for e in kb.lookup("roe")] == ["person:jane-roe"]
    assert kb.get("person:jane-roe").roles[0].code == "NZLGOV"  # type: ignore[union-attr]


@pytest.mark.parametrize("line,message", [
    ("{not json", "bad JSON"),
    (json.dumps({"id": "x", "type": "person"}), "'name'"),
    (json.dumps({"id": "x", "type": "planet", "name": "X"}), "type"),
    (json.dumps({"id": "x", "type": "person", "name": "X",
                 "roles": [{"kind": "emperor-ish", "code": "XXX"}]}), "role kind"),
    (json.dumps({"id": "x", "type": "person", "name": "X",
                 "roles": [{"kind": "other", "code": "XXX", "start": "2020-13-01"}]}), "bad date"),
    (json.dumps({"format_version": 99}), "format_version"),
])
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, {"id": "a", "type": "country", "name": "A", "code": "AAA"}, raw=line)
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase.from_jsonl(path)
    assert f"{path}:2" in str(err.value) and message in str(err.value)
    assert err.value.code == "E200"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        KnowledgeBase.from_jsonl(tmp_path / "absent.jsonl")


def test_extended_loads_user_files_on_a_copy(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = _write(tmp_path, {"id": "org:kremlin", "type": "organisation", "name": "Kremlin",
                             "code": "RUSGOVX", "aliases": []})
    mine = kb.extended(path)
    assert mine.lookup("Kremlin")[0].code == "RUSGOVX"
    assert kb.lookup("Kremlin")[0].code == "RUSGOV"


def test_add_replaces_entry_and_indexes(kb: KnowledgeBase) -> None:
    mine = kb.copy()
    assert mine is not kb and len(mine) == len(kb)
    mine.add(Entry(id="org:kremlin", type="organisation", name="Kremlin Palace", code="RUSGOV",
                   country="RUS", sector="GOV", aliases=("Red Fortress",)))
    assert ids(mine, "Red Fortress") == ["org:kremlin"]
    assert ids(mine, "the Kremlin") == []
    assert ids(kb, "the Kremlin") == ["org:kremlin"]  # the shared default is untouched
    mine.add(Entry(id="country:ZZZ", type="country", name="Zedland", code="ZZZ",
                   country="ZZZ", demonyms=("Zedlander",)))
    assert mine.demonym("Zedlanders") is None and mine.demonym("Zedlander") == "ZZZ"


@pytest.mark.parametrize("phrase,sector", [
    ("youths", "CVL"), ("prisoners", "CVL"), ("inhabitants", "CVL"),
    ("opposition groups", "OPP"), ("hackers", "CRM")])
def test_people_nouns_are_agents(kb: KnowledgeBase, phrase: str, sector: str) -> None:
    found = kb.agent(phrase)
    assert found is not None and found[0] == sector


@pytest.mark.parametrize("name,code", [
    ("PLO", "PSEREB"), ("Palestinian Liberation Organization", "PSEREB"), ("Fatah", "PSEPTY")])
def test_palestinian_organisations(kb: KnowledgeBase, name: str, code: str) -> None:
    assert kb.lookup(name)[0].code == code
