"""The one reader of the PETRARCH/TABARI dictionary formats (eventcoder.actors.petrarch_format),
shared by the run-time import and the knowledge-base build (scripts/build_kb.py)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from eventcoder.actors import petrarch_import
from eventcoder.actors.petrarch_format import (
    AgentNoun,
    parse_actor_file,
    parse_agent_file,
    read_agent_nouns,
)

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def test_the_import_module_re_exports_the_reader() -> None:
    assert petrarch_import.parse_actor_file is parse_actor_file
    assert petrarch_import.parse_agent_file is parse_agent_file


def test_code_on_gives_the_code_in_force_the_last_listed_winning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ELBONIA_\n+ELBONIAN_\n\t[ELBOCC <910821]\n\t[ELB >910821]\n"
                    "FREEDONIA_ [FRD]\n\t[FRDGOV 200101-200601]\n", encoding="utf-8")
    elbonia, freedonia = parse_actor_file(path)
    assert elbonia.all_names() == ["ELBONIA", "ELBONIAN"]
    assert elbonia.code_on(date(1990, 1, 1)) == "ELBOCC"
    assert elbonia.code_on(date(1991, 8, 21)) == "ELB"  # the start is inclusive, the end not
    assert freedonia.code_on(date(2020, 3, 1)) == "FRDGOV"  # listed after the default
    assert freedonia.code_on(date(2021, 1, 1)) == "FRD"


def test_petrarch_1_end_dates_are_the_last_day_of_a_code(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ANNA_BREK_\n\t[ELBCIV <100101]\n\t[ELBMIL 100101-120601]\n"
                    "\t[ELBGOV 120601-140101]\n\t[ELBOPP 130101-130301]\n", encoding="utf-8")
    [brek] = parse_actor_file(path)  # PETRARCH2: the end date is the first day without it
    assert brek.code_on(date(2010, 1, 1)) == "ELBMIL"
    assert brek.code_on(date(2013, 3, 1)) == "ELBGOV"
    assert brek.code_on(date(2014, 1, 1)) is None
    [brek] = parse_actor_file(path, inclusive_end=True)  # PETRARCH-1: the last day with it
    assert brek.code_on(date(2010, 1, 1)) == "ELBMIL"  # ... unless the next code starts then
    assert brek.code_on(date(2009, 12, 31)) == "ELBCIV"
    assert [c.code for c in brek.codes if c.current(date(2010, 1, 1))] == ["ELBCIV", "ELBMIL"]
    assert brek.code_on(date(2012, 6, 1)) == "ELBGOV"  # ELBMIL yields its end to ELBGOV
    assert brek.code_on(date(2013, 3, 1)) == "ELBOPP"
    assert brek.code_on(date(2014, 1, 1)) == "ELBGOV"
    assert brek.code_on(date(2014, 1, 2)) is None


def test_agent_nouns_keep_the_file_s_plural_instructions(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text("!ROLE! = CLERK, CLERKS\nTHIEF {THIEVES} [~CRM]\nPOLICE {} [~COP]\n"
                    "CITY [~GOV]\n!ROLE!_OF_THE_HIGH_!ROLE!_COURT [~JUD]\nOBSERVER_TEAM [IGO~]\n",
                    encoding="utf-8")
    nouns = read_agent_nouns(path)
    assert nouns[:3] == [AgentNoun("thief", "~CRM", ("thieves",), False, "g.txt:2"),
                         AgentNoun("police", "~COP", (), True, "g.txt:3"),
                         AgentNoun("city", "~GOV", (), False, "g.txt:4")]
    # A set used twice in a line is substituted once per member: no repeated phrases.
    court = [n.phrase for n in nouns if n.code == "~JUD"]
    assert court == ["clerk of the high clerk court", "clerks of the high clerks court"]
    assert all(n.no_plural for n in nouns if n.code == "~JUD")
    assert nouns[-1].code == "IGO~"  # a prefix agent, as written
    phrases = [(p.phrase, p.code) for p in parse_agent_file(path)]
    assert ("thieves", "~CRM") in phrases and ("cities", "~GOV") in phrases
    assert len(phrases) == len(set(phrases))


def test_the_kb_build_takes_suffix_agents_only(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text("GUARD [~MIL]\nOBSERVER_TEAM [IGO~]\n", encoding="utf-8")
    sys.path.insert(0, str(SCRIPTS))
    try:
        from kb_people import agent_entries
    finally:
        sys.path.remove(str(SCRIPTS))
    entries = agent_entries(read_agent_nouns(path), {"names": {"MIL": "military"}, "extra": {}})
    assert [(e["code"], e["aliases"]) for e in entries] == [("MIL", ["guard", "guards"])]


def test_a_name_joins_the_record_until_the_record_has_a_code(tmp_path: Path) -> None:
    # PETRARCH's rule: names and their aliases share the codes below them, even when aliases
    # come between the names; a code (even a malformed one) or a blank line ends the record.
    path = tmp_path / "a.txt"
    path.write_text(
        "VALDIS_KORRO_\n+KORRO\n+PRESIDENT_KORRO\nFORMER_PRESIDENT_VALDIS_KORRO\n"
        "V._KORRO\n\t[ELBGOV 900101-950101]\n\t[ELBELI]\n"
        "ANNA_BREK_\n+BREK\n\t[ELBGOV >201005011]\n"  # a bad date: Brek keeps no code ...
        "OTTO_SEMM_\n\t[ELBGOV 100101-120101]\n"  # ... and does not take Semm's
        "ELBONIAN_MINISTRY_OF_SALT_\n+SALT_MINISTRY\n\n"  # codeless before a blank line
        "ELBONIAN_MINISTRY_OF_FISH_\n\t[ELBGOV]\n",
        encoding="utf-8")
    blocks = parse_actor_file(path)
    assert [b.names for b in blocks] == [
        ["VALDIS KORRO", "FORMER PRESIDENT VALDIS KORRO", "V. KORRO"], ["OTTO SEMM"],
        ["ELBONIAN MINISTRY OF FISH"]]
    korro = blocks[0]
    assert korro.aliases == ["KORRO", "PRESIDENT KORRO"]
    assert [c.code for c in korro.codes] == ["ELBGOV", "ELBELI"]
