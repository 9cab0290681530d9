"""The CLI through the real runner: analyze, run, export, and clear errors for bad input."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from eventcoder.cli import app

runner = CliRunner()

TEXT = ("Russia and China signed a trade agreement in Beijing on Tuesday. "
        "The United States threatened sanctions against Iran.\n")


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_analyze_json(article):
    r = runner.invoke(app, ["analyze", str(article), "--date", "2025-03-13", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert set(doc) >= {"article", "actors", "events", "quotes", "failures"}
    assert doc["article"]["date"] == "2025-03-13"
    assert any(e["cameo_root"] == "13" for e in doc["events"])


def test_analyze_report(article):
    r = runner.invoke(app, ["analyze", str(article), "--date", "2025-03-13"])
    assert r.exit_code == 0, r.output
    assert "Events" in r.stdout and "Russia" in r.stdout


def test_run_export_and_rerun_is_idempotent(tmp_path, article):
    db = tmp_path / "x.duckdb"
    jl = tmp_path / "b.jsonl"
    jl.write_text(json.dumps({"id": "b1", "text": TEXT, "date": "2025-03-13"}) + "\n"
                  + "{not json\n" + json.dumps({"id": "b2", "title": "no text"}) + "\n",
                  encoding="utf-8")
    r = runner.invoke(app, ["run", str(article), str(jl), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "articles/s" in r.stdout
    con = duckdb.connect(str(db))
    counts = [con.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("articles", "events", "failures")]
    con.close()
    assert counts[0] == 2 and counts[1] > 0 and counts[2] == 2
    r = runner.invoke(app, ["run", str(article), str(jl), "--db", str(db)])
    assert r.exit_code == 0, r.output
    con = duckdb.connect(str(db))
    again = [con.execute(f"select count(*) from {t}").fetchone()[0]
             for t in ("articles", "events", "failures")]
    con.close()
    assert again == counts
    out = tmp_path / "events.csv"
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text().count("\n") == counts[1] + 1
    r = runner.invoke(app, ["cluster", "--db", str(db), "--rebuild"])
    assert r.exit_code == 0 and "clusters" in r.stdout, r.output


def test_run_samples(tmp_path):
    r = runner.invoke(app, ["run", "--samples", "--db", str(tmp_path / "s.duckdb")])
    assert r.exit_code == 0, r.output
    assert "failures" in r.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [(["analyze", "does-not-exist.txt"], "does-not-exist.txt"),
     (["analyze", "-", "--date", "13/13/2025"], "13/13/2025"),
     (["export", "--db", "missing.duckdb"], "missing.duckdb"),
     (["cluster", "--db", "missing.duckdb"], "missing.duckdb")],
)
def test_bad_input_is_one_clear_line(args, needle, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, args, input="some text")
    assert r.exit_code != 0
    assert needle in r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "missing.duckdb").exists()  # a missing store is not created


def test_user_verb_dictionary_extends_the_coder(tmp_path):
    verbs = tmp_path / "my.verbs.txt"
    verbs.write_text("---  SNUB   [111]  ---\nSNUB\n- * (at summit)   [1213]\n", encoding="utf-8")
    text = "France snubbed Germany at the summit in Brussels on Monday."
    r = runner.invoke(app, ["analyze", "-", "--json"], input=text)
    assert r.exit_code == 0, r.output
    assert [e["cameo"] for e in json.loads(r.stdout)["events"]] == ["111"]  # packaged: rebuff
    r = runner.invoke(app, ["analyze", "-", "--json", "--verbs", str(verbs)], input=text)
    assert r.exit_code == 0, r.output
    events = json.loads(r.stdout)["events"]
    assert [(e["cameo"], e["source"]["code"], e["target"]["code"]) for e in events] == [
        ("1213", "FRA", "DEU")]  # not in the CAMEO table: kept, in its parent's category
    assert events[0]["quad_class"] == 3
