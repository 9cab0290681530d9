"""``eventcoder actors list|add|import`` (eventcoder.cli_actors) through typer's CliRunner."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder.actors.kb import KnowledgeBase
from eventcoder.cli_actors import actors_app

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared"))
UD = SHARED / "benchmarks" / "ud_petrarch_validate"

runner = CliRunner()


def invoke(*args: str):  # noqa: ANN201
    return runner.invoke(actors_app, list(args), env={"COLUMNS": "200"})


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_list_filters_by_type_and_name(tmp_path: Path) -> None:
    result = invoke("list", "--type", "person", "--search", "zelensk",
                    "--file", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 0, result.output
    assert "person:volodymyr-zelenskyy" in result.output and "1 actor(s)" in result.output
    result = invoke("list", "--type", "country", "--limit", "3",
                    "--file", str(tmp_path / "none.jsonl"))
    assert "3 shown" in result.output and "person:" not in result.output


def test_list_suggests_the_closest_name(tmp_path: Path) -> None:
    result = invoke("list", "--search", "Voldimi Zelensky", "--file", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 0
    assert "closest: Volodymyr Zelenskyy" in result.output


def test_list_rejects_an_unknown_type(tmp_path: Path) -> None:
    result = invoke("list", "--type", "planet", "--file", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 2 and "planet" in result.output


def test_add_writes_a_user_entry_with_dated_roles(tmp_path: Path) -> None:
    user = tmp_path / "actors.jsonl"
    result = invoke("add", "Janis Ozolkalns", "--code", "LVAGOV", "--alias", "Ozolkalns",
                    "--role", "Minister of Defence,defence_minister,2030-01-01,",
                    "--role", "Deputy, Saeima,other,2020-01-01,2030-01-01,LVALEG",
                    "--file", str(user))
    assert result.exit_code == 0, result.output
    assert "added person:janis-ozolkalns" in result.output
    header, entry = lines(user)
    assert header == {"format_version": 1}
    assert entry["country"] == "LVA" and entry["sector"] == "GOV"
    assert entry["roles"][1]["title"] == "Deputy, Saeima"
    assert entry["roles"][1]["code"] == "LVALEG"
    kb = KnowledgeBase.default().extended(user)
    person = kb.lookup("Ozolkalns")[0]
    assert kb.actor(person, date(2025, 1, 1)).code == "LVALEG"
    assert kb.actor(person, date(2031, 1, 1)).code == "LVAGOV"
    assert kb.holder("LVA", "defence_minister", date(2031, 1, 1)) == person


def test_add_replaces_the_same_id(tmp_path: Path) -> None:
    user = tmp_path / "actors.jsonl"
    assert invoke("add", "Jane Roe", "--code", "USAGOV", "--file", str(user)).exit_code == 0
    result = invoke("add", "Jane Roe", "--code", "USAMED", "--file", str(user))
    assert "replaced person:jane-roe" in result.output
    assert [e["code"] for e in lines(user)[1:]] == ["USAMED"]


@pytest.mark.parametrize(("args", "message"), [
    (["--code", "lv"], "not a CAMEO code"),
    (["--code", "LVAGOV", "--role", "Boss,boss,,"], "kind 'boss'"),
    (["--code", "LVAGOV", "--role", "Boss"], "title,kind,start,end"),
    (["--code", "LVAGOV", "--role", "Minister,other,2020-13-01,"], "bad date"),
    (["--code", "LVAGOV", "--type", "planet"], "type 'planet'"),
])
def test_add_explains_bad_input(tmp_path: Path, args: list[str], message: str) -> None:
    user = tmp_path / "actors.jsonl"
    result = invoke("add", "Someone Else", *args, "--file", str(user))
    assert result.exit_code == 2 and message in result.output, result.output
    assert not user.exists()


@pytest.mark.skipif(not UD.is_dir(), reason=f"shared dictionaries not at {UD}")
def test_import_petrarch_dictionaries_into_a_user_file(tmp_path: Path) -> None:
    out = tmp_path / "ud.jsonl"
    result = invoke("import", str(UD / "PETR_Validate_actors_2_02.txt"),
                    str(UD / "PETR_Validate_agents_2_02.txt"),
                    str(UD / "PETR_Validate_discards_2_02.txt"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "discards" in result.output and "wrote" in result.output
    kb = KnowledgeBase.from_jsonl(out)
    assert kb.lookup("Arnor")[0].code == "ARN"
    assert kb.agent("foreign minister") == ("GOV", "foreign minister")
    assert kb.discards.check("a typhoon hit") == "story"
    sam = kb.lookup("Sam Gamgee")[0]
    assert kb.actor(sam, date(2010, 1, 9)).code == "ORCHOB"
    again = invoke("import", str(out), "--out", str(tmp_path / "copy.jsonl"))  # JSONL in
    assert again.exit_code == 0, again.output
    assert len(KnowledgeBase.from_jsonl(tmp_path / "copy.jsonl")) == len(kb)


def test_import_reads_petrarch_1_end_dates_on_request(tmp_path: Path) -> None:
    dictionary = tmp_path / "a.txt"
    dictionary.write_text("ANNA_BREK_ [ELB]\n\t[ELBGOV 100101-120601]\n", encoding="utf-8")
    for flag, code in (((), "ELB"), (("--inclusive-end",), "ELBGOV")):
        out = tmp_path / f"a{len(flag)}.jsonl"
        result = invoke("import", str(dictionary), "--out", str(out), *flag)
        assert result.exit_code == 0, result.output
        kb = KnowledgeBase.from_jsonl(out)
        assert kb.actor(kb.lookup("Anna Brek")[0], date(2012, 6, 1)).code == code


def test_import_reports_missing_and_malformed_files(tmp_path: Path) -> None:
    result = invoke("import", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 2 and "no such file" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x:y", "type": "robot", "name": "Y"}\n', encoding="utf-8")
    result = invoke("import", str(bad), "--out", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 2 and "type 'robot'" in result.output
