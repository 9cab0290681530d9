"""PETRARCH/TABARI dictionary import (eventcoder.actors.petrarch_import)."""

from __future__ import annotations

import json
import logging
import os
import time
from datetime import date
from pathlib import Path

import pytest

from eventcoder.actors.entries import Discards, entry_from_dict, entry_to_dict
from eventcoder.actors.kb import KnowledgeBase
from eventcoder.actors.petrarch_import import (
    NULL_CODE,
    compose_code,
    import_petrarch,
    parse_actor_file,
    parse_agent_file,
    read_discards,
)

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared"))
UD = SHARED / "benchmarks" / "ud_petrarch_validate"
PHOENIX = SHARED / "benchmarks" / "petrarch2_gsr"
needs_ud = pytest.mark.skipif(not UD.is_dir(), reason=f"shared dictionaries not at {UD}")
needs_phoenix = pytest.mark.skipif(not PHOENIX.is_dir(), reason=f"Phoenix not at {PHOENIX}")


@pytest.fixture(scope="module")
def ud() -> KnowledgeBase:
    if not UD.is_dir():
        pytest.skip(f"shared dictionaries not at {UD}")
    # PETRARCH-1 dictionaries: end dates inclusive, as the evaluation reads them
    return KnowledgeBase.from_petrarch(actors=[UD / "PETR_Validate_actors_2_02.txt"],
                                       agents=[UD / "PETR_Validate_agents_2_02.txt"],
                                       discards=[UD / "PETR_Validate_discards_2_02.txt"],
                                       inclusive_end=True)


def one(kb: KnowledgeBase, name: str):  # noqa: ANN201
    found = kb.lookup(name)
    assert found, name
    return found[0]


# -- the UD-PETRARCH validation dictionaries ---------------------------------------------------
@needs_ud
def test_fictional_countries_and_aliases(ud: KnowledgeBase) -> None:
    assert one(ud, "Arnor").code == "ARN" and one(ud, "Arnor").type == "country"
    assert one(ud, "Gondor").code == "GON" and one(ud, "Minas Tirith").code == "GON"
    assert one(ud, "Interpol").code == "IGOCOPITP"  # alias before the code line
    assert one(ud, "Ent").code == "ENT"  # code on the next line
    assert one(ud, "Radagast the Brown").code == "RAD"
    assert one(ud, "the Shire").code == "FRO/BIL/SAM"  # several actors, as written
    assert one(ud, "Nasgul").code == "+++"
    assert one(ud, "Boromir").code == NULL_CODE
    assert not ud.lookup("IMPORTANT NOTE")  # inside a multi-line <!-- --> comment


@needs_ud
@pytest.mark.parametrize(("name", "day", "code"), [
    ("Sam Gamgee", date(1995, 1, 4), "HOBCIV"),  # DATE-01
    ("Sam Gamgee", date(2010, 1, 6), "HOBMIL"),  # DATE-08
    ("Sam Gamgee", date(2010, 1, 9), "ORCHOB"),  # DATE-09: the narrower restriction wins
    ("Sam Gamgee", date(2010, 1, 12), "ORCHOB"),  # DATE-11: its end date is its last day
    ("Sam Gamgee", date(2012, 11, 9), "HOBGOV"),  # not HOBMIL's: HOBGOV starts that day
    ("Sam Gamgee", date(2012, 12, 25), "HOBGOV"),
    ("Sam Gamgee", date(2014, 1, 1), "HOBELI"),
    ("Hamfast Gamgee", date(1995, 1, 4), "HOB"),  # DATE-03: the default code
    ("Hamfast Gamgee", date(2012, 11, 9), "HOBGOV"),  # DATE-04: start inclusive
    ("Hamfast Gamgee", date(2013, 1, 19), "HOBGOV"),  # end inclusive
    ("Hamfast Gamgee", date(2013, 1, 20), "HOB"),
    ("Gollum", date(1992, 1, 2), "HOB"),  # COMPOUND-20
    ("Smeagol", date(1996, 1, 1), "HOBGOV"),
    ("Gollum", date(2000, 1, 1), "HOBREB"),
    ("Zimbabwe", date(1975, 1, 1), "RHO"),
    ("Zimbabwe", date(1995, 1, 1), "ZBW"),
    ("Prince of Dol Amroth", date(1995, 1, 1), NULL_CODE),
    ("Prince of Dol Amroth", date(1999, 8, 9), "DOL"),  # COMPOUND-18
])
def test_dated_codes_follow_the_article_date(ud: KnowledgeBase, name: str, day: date,
                                             code: str) -> None:
    assert ud.actor(one(ud, name), day).code == code


@needs_ud
def test_dated_codes_become_roles(ud: KnowledgeBase) -> None:
    sam = one(ud, "Sam Gamgee")
    assert sam.type == "person" and sam.code == "HOB"
    mil = next(r for r in sam.roles if r.code == "HOBMIL")
    assert (mil.start, mil.end) == (date(2008, 1, 20), date(2012, 11, 9))
    assert (mil.country, mil.sector, mil.kind) == ("HOB", "MIL", "other")


@needs_ud
def test_agents_and_how_they_compose_with_actor_codes(ud: KnowledgeBase) -> None:
    fm = ud.agent_entry("foreign minister")
    assert fm is not None and fm.code == "GOVFRM" and fm.sector == "GOV"
    # KnowledgeBase.agent gives the sector: mentions.py builds country + sector ("ARNGOV");
    # compose_code keeps the full PETRARCH code ("ARNGOVFRM", as the gold codings expect).
    assert ud.agent("foreign minister") == ("GOV", "foreign minister")
    assert compose_code(one(ud, "Arnor").code, fm.code) == "ARNGOVFRM"
    msf = ud.agent_entry("MSF")
    assert msf is not None and msf.code == "NGO~"  # [NGO~]: a prefix agent
    assert compose_code("ARN", msf.code) == "NGOARN"
    assert compose_code(compose_code("ARN", msf.code), "~GOV") == "NGOARNGOV"
    assert compose_code("---", "REL") == "---REL"
    assert ud.agent("congressmen") == ("LEG", "congress")  # CONGRESS!PERSON!
    assert ud.agent("ministries of silly walks")[0] == "GOV"  # !MINST!_OF_SILLY_WALKS
    assert ud.agent("golden geese")[0] == "GGS"  # explicit plural {GOLDEN_GEESE}
    assert ud.agent("attorneys general")[0] == "GOV"
    assert ud.agent("troops")[0] == "MIL"


@needs_ud
def test_discards(ud: KnowledgeBase) -> None:
    d = ud.discards
    assert d.check("almost five years after a typhoon trashed its embassy") == "story"
    assert d.check("restore the World Golf Championships to Gondor") == "story"
    assert d.check("restore baseball competition with Gondor") == "sentence"
    assert d.check("restore the African Nations Cup to Gondor") == "sentence"
    assert d.check("Arnor is about to restore full diplomatic ties with Gondor") is None
    assert d.check("the ballclubs met") == "sentence"  # no trailing _: a stem


def test_discard_stems_and_exact_words(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("# comment\nGROUP A_\n+CRICKET  # story\nMONTHS LATER\n", encoding="utf-8")
    d = read_discards(path)
    assert d == Discards(("group a_", "months later"), ("cricket",))
    assert d.check("Group A winners") == "sentence"
    assert d.check("Group Apple") is None
    assert d.check("the cricketers") == "story"
    assert d.check("two\nmonths   later") == "sentence"
    assert Discards.from_dict(d.to_dict()) == d


# -- the format --------------------------------------------------------------------------------
def test_format_details(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "<!-- header\n  spanning lines -->\n"
        "ELBONIA_ [ELB]  # a country\n+ELBONIAN\n\n"
        "JOHN_DOE_\n+J._DOE\n\t[ELBGOV 170120-210120]\n\t[ELBELI]\n"
        "IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_\n\t[HRVGOV >20120219]\n"
        "BROKEN_ [s]\n"
        "BAD_DATE_ [ELBGOV 991399-000101]\n"
        "OLD_CODE_ [USR <911226]\n",
        encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        blocks = parse_actor_file(path)
    assert [b.names[0] for b in blocks] == ["ELBONIA", "JOHN DOE", "IVO JOSIPOVIC", "OLD CODE"]
    assert "not a CAMEO code" in caplog.text and "bad date" in caplog.text
    kb = import_petrarch(actors=[path])
    doe = one(kb, "J. Doe")
    assert doe.name == "John Doe" and doe.type == "person" and doe.code == "ELBELI"
    assert kb.actor(doe, date(2018, 1, 1)).code == "ELBGOV"  # 6-digit years: 17 -> 2017
    assert kb.actor(doe, date(2022, 1, 1)).code == "ELBELI"
    assert one(kb, "President Josipovic").id == one(kb, "Ivo Josipovic").id  # shared codes
    assert one(kb, "Old Code").roles[0].end == date(1991, 12, 26)  # 91 -> 1991
    assert one(kb, "Elbonian").type == "country"


def test_agent_format(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text("!PERSON! = MAN, WOMAN\nPOLICE {} [ ~COP]\nTHIEF {THIEVES} [~CRM]\n"
                    "CITY [~GOV]\nSPOKES!PERSON! [~GOV]\nNOCODE\nPOLICE [~MIL]\n",
                    encoding="utf-8")
    phrases = {(p.phrase, p.code) for p in parse_agent_file(path)}
    assert ("police", "~COP") in phrases and ("policeman", "~COP") not in phrases
    assert {("thief", "~CRM"), ("thieves", "~CRM"), ("cities", "~GOV"),
            ("spokesman", "~GOV"), ("spokeswoman", "~GOV")} <= phrases
    kb = import_petrarch(agents=[path])
    assert kb.agent("police") == ("MIL", "police")  # the last definition wins


def test_entries_round_trip_through_jsonl(ud: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonl"
    lines = [json.dumps({"format_version": 1, "discards": ud.discards.to_dict()})]
    lines += [json.dumps(entry_to_dict(e)) for e in ud.entries()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = KnowledgeBase.from_jsonl(path)
    assert len(again) == len(ud) and again.discards == ud.discards
    for e in ud.entries():
        assert entry_from_dict(entry_to_dict(e), "x") == e


# -- the Phoenix dictionaries ------------------------------------------------------------------
@needs_phoenix
def test_phoenix_imports_in_seconds_on_top_of_the_packaged_kb() -> None:
    base = KnowledgeBase.default()
    size = len(base)
    start = time.perf_counter()
    kb = import_petrarch(
        actors=[PHOENIX / f"Phoenix.{n}.actors.txt" for n in ("Countries", "International",
                                                              "MilNonState")],
        agents=[PHOENIX / "Phoenix.agents.txt"], discards=[PHOENIX / "Phoenix.discards.txt"],
        base=base)
    assert time.perf_counter() - start < 10
    assert len(base) == size  # the packaged knowledge base is not changed
    stats = kb.stats()
    assert stats["person"] > 15_000 and stats["agent"] > 150 and stats["igo"] > 500
    assert len(kb.discards.story) > 50 and len(kb.discards.sentence) > 300
    karzai = next(e for e in kb.lookup("Hamid Karzai") if e.id.startswith("petrarch:"))
    assert kb.actor(karzai, date(2005, 1, 1)).code == "AFGGOV"
    latvia = next(e for e in kb.lookup("Latvia") if e.id.startswith("petrarch:"))
    assert latvia.type == "country" and kb.actor(latvia, date(2020, 1, 1)).code == "LVA"
    assert any(e.code == "IGOWSTNAT" for e in kb.lookup("NATO"))
    assert kb.get("person:vladimir-putin") is not None  # packaged entries keep their ids
