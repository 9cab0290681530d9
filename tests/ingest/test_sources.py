import io
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest.samples import sample_paths
from eventcoder.ingest.sources import count_records, read_inputs
from eventcoder.records import Article, Failure

DAY = date(2025, 3, 13)
OTHER_DAY = date(2024, 1, 2)


def read_all(*inputs: str | Path, **kwargs: object) -> list[Article | Failure]:
    return list(read_inputs(list(inputs), **kwargs))  # type: ignore[arg-type]


def articles(items: list[Article | Failure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def failures(items: list[Article | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- text files -------------------------------------------------------------------------------


def test_text_file_with_headline_and_date_in_the_name(tmp_path: Path) -> None:
    path = write(
        tmp_path / "cnn_2025-03-13_putin.txt",
        "Putin rejects ceasefire plan\n\nMOSCOW — Putin said on Thursday he would not agree.\n",
    )
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.title == "Putin rejects ceasefire plan"
    assert article.text == "MOSCOW — Putin said on Thursday he would not agree."
    assert article.date == DAY
    assert article.id == "cnn_2025-03-13_putin"
    assert article.origin == str(path)


def test_text_without_a_headline(tmp_path: Path) -> None:
    one_line = write(tmp_path / "a.txt", "Putin met Xi in Moscow.")
    sentences = write(tmp_path / "b.md", "Putin met Xi in Moscow.\nThey signed a deal.")
    long_first = write(tmp_path / "c.text", "word " * 50 + "\nMore text.")
    byline = write(tmp_path / "d.txt", "CNN\n\u2013\nPresident Trump said on Thursday ...")
    for path in (one_line, sentences, long_first, byline):
        [article] = articles(read_all(path))
        assert article.title is None
        assert article.text == path.read_text(encoding="utf-8").strip()


def test_markdown_heading_becomes_the_title(tmp_path: Path) -> None:
    [article] = articles(read_all(write(tmp_path / "x.md", "# NATO meets\n\nAllies met.")))
    assert article.title == "NATO meets"
    assert article.text == "Allies met."


def test_text_date_precedence(tmp_path: Path) -> None:
    path = write(
        tmp_path / "story_2024-01-02.txt", "Headline\nKYIV, March 13, 2025 — Talks began."
    )
    no_date_in_text = write(tmp_path / "story_2024-01-02b.txt", "Headline\nTalks began.")
    undated = write(tmp_path / "story.txt", "Headline\nTalks began.")
    assert articles(read_all(path))[0].date == DAY  # the text beats the file name
    assert articles(read_all(path, date=date(2020, 5, 5)))[0].date == date(2020, 5, 5)
    assert articles(read_all(no_date_in_text))[0].date == OTHER_DAY
    assert articles(read_all(undated))[0].date is None


def test_empty_text_file_is_a_failure(tmp_path: Path) -> None:
    [failure] = read_all(write(tmp_path / "empty.txt", " \n\n "))
    assert isinstance(failure, Failure)
    assert failure.input == str(tmp_path / "empty.txt")
    assert failure.code == "E101"
    assert failure.stage == "ingest"


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "T", "text": "Putin met Xi.", "date": "2025-03-13",
                    "url": "https://x.org/1", "source": "CNN", "extra": [1, 2]}),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Dated badly.", "date": "someday"}),
        json.dumps({"text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "text": "No date here."}),
        json.dumps({"text": "Title is a number.", "title": 3}),
    ]
    path = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    items = read_all(path, date=OTHER_DAY)
    assert len(items) == 9  # the blank line is skipped
    first, last_good = articles(items)
    assert first == Article(text="Putin met Xi.", id="a1", title="T", date=DAY,
                            url="https://x.org/1", source="CNN", origin=f"{path}:1")
    assert last_good.id == "7" and last_good.date == OTHER_DAY  # date fills missing only
    bad = {f.input.rsplit(":", 1)[1]: f for f in failures(items)}
    assert sorted(bad, key=int) == ["3", "4", "5", "6", "7", "8", "10"]
    assert bad["3"].reason.startswith("invalid JSON")
    assert bad["4"].reason == "'text' is missing"
    assert bad["5"].reason == "'text' must be a string, got int"
    assert "someday" in bad["6"].reason and bad["6"].code == "E102"
    assert bad["7"].code == "E101"
    assert "got list" in bad["8"].reason
    assert bad["10"].reason == "'title' must be a string, got int"
    assert all(f.input.startswith(f"{path}:") and f.stage == "ingest" for f in bad.values())


def test_ndjson_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "in.ndjson"
    path.write_bytes(b'{"text": "Line one.\\r\\nLine two."}\r\n{"text": "B"}\r\n')
    items = articles(read_all(path))
    assert [a.text for a in items] == ["Line one.\nLine two.", "B"]
    assert items[1].origin == f"{path}:2"


# --- CSV / TSV / JSON -------------------------------------------------------------------------


def test_csv_with_bom_quoted_newlines_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        "\ufeffID,Title,Text,Date,Ignored\r\n"
        'a,"Talks, again","First line.\r\nSecond line, with ""quotes"".",2025-03-13,x\r\n'
        "b,,Short.,,y\r\n"
        "c,,,,\r\n"
        "d,,Too,many,fields,here\r\n"
        "\r\n"
        "e,,Padded row\r\n".encode()
    )
    items = read_all(path)
    good = articles(items)
    assert [a.id for a in good] == ["a", "b", "e"]
    assert good[0].title == "Talks, again"
    assert good[0].text == 'First line.\nSecond line, with "quotes".'
    assert good[0].date == DAY
    assert good[0].origin == f"{path}:2"
    assert good[1].origin == f"{path}:4" and good[1].title is None and good[1].date is None
    assert [(f.input, f.code) for f in failures(items)] == [
        (f"{path}:5", "E101"),
        (f"{path}:6", "E100"),
    ]


def test_tsv_and_a_header_without_text(tmp_path: Path) -> None:
    tsv = write(tmp_path / "in.tsv", "id\ttext\n1\tAllies met in Brussels.\n")
    [article] = read_all(tsv)
    assert isinstance(article, Article) and article.text == "Allies met in Brussels."
    no_text = write(tmp_path / "bad.csv", "id,body\n1,hello\n")
    [failure] = read_all(no_text)
    assert isinstance(failure, Failure)
    assert "no 'text' column" in failure.reason and "'body'" in failure.reason


def test_csv_fields_longer_than_the_csv_default_limit(tmp_path: Path) -> None:
    text = "word " * 40_000
    path = write(tmp_path / "long.csv", f'text\n"{text}"\n')
    [article] = read_all(path)
    assert isinstance(article, Article) and len(article.text) == len(text.strip())


def test_json_array_single_object_and_bad_json(tmp_path: Path) -> None:
    array = write(tmp_path / "a.json", json.dumps([{"text": "One."}, {"text": None}]))
    items = read_all(array)
    assert isinstance(items[0], Article) and items[0].origin == f"{array}[0]"
    assert isinstance(items[1], Failure) and items[1].input == f"{array}[1]"
    single = write(tmp_path / "b.json", json.dumps({"text": "Solo.", "date": "13 March 2025"}))
    assert articles(read_all(single))[0].date == DAY
    broken = write(tmp_path / "c.json", "[{")
    [failure] = read_all(broken)
    assert isinstance(failure, Failure) and failure.input == str(broken)
    scalar = write(tmp_path / "d.json", "3")
    assert "JSON array" in failures(read_all(scalar))[0].reason


# --- folders, stdin, errors -------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B text.")
    write(tmp_path / "a" / "z.txt", "Z text.")
    write(tmp_path / "a" / "m.jsonl", '{"text": "M1"}\n{"text": "M2"}\n')
    write(tmp_path / ".hidden" / "h.txt", "Hidden.")
    write(tmp_path / ".x.txt", "Hidden too.")
    write(tmp_path / "notes.pdf", "not read")
    items = articles(read_all(tmp_path))
    assert [a.text for a in items] == ["M1", "M2", "Z text.", "B text."]
    assert items[2].origin == str(tmp_path / "a" / "z.txt")


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no supported files"):
        read_inputs([tmp_path / "empty"])


def test_missing_input_fails_before_anything_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Fine.")
    with pytest.raises(InputError) as caught:
        read_inputs([good, tmp_path / "x.txt"])  # raises on the call, not on iteration
    assert str(tmp_path / "x.txt") in str(caught.value)
    assert "no such file" in str(caught.value)


def test_unsupported_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "a.pdf", "x")
    with pytest.raises(InputError, match="unsupported file type '.pdf'"):
        read_inputs([path])


def test_stdin_jsonl_and_text() -> None:
    items = read_all("-", stdin=io.StringIO('\n {"text": "A"}\n{"text": 1}\n'))
    assert isinstance(items[0], Article) and items[0].origin == "<stdin>:2"
    assert isinstance(items[1], Failure) and items[1].input == "<stdin>:3"
    [article] = read_all("-", stdin=io.StringIO("Talks resume\nBody text."), date=DAY)
    assert isinstance(article, Article)
    assert (article.title, article.text, article.date) == ("Talks resume", "Body text.", DAY)


# --- encodings and limits ---------------------------------------------------------------------


def test_windows_1252_bytes_fall_back_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("\u201cNo,\u201d said the caf\u00e9 owner.".encode("cp1252"))
    with caplog.at_level(logging.WARNING):
        [article] = articles(read_all(path))
    assert article.text == "\u201cNo,\u201d said the caf\u00e9 owner."
    assert any("not valid UTF-8" in r.message and str(path) in r.message for r in caplog.records)


def test_latin1_jsonl_line_keeps_valid_utf8_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        '{"text": "Zürich"}\n'.encode() + '{"text": "Zürich"}\n'.encode("latin-1")
    )
    assert [a.text for a in articles(read_all(path))] == ["Zürich", "Zürich"]


def test_boms_nuls_and_line_ends(tmp_path: Path) -> None:
    utf8 = tmp_path / "bom.txt"
    utf8.write_bytes(b"\xef\xbb\xbfA title\r\nBody\x00 text.\r\nMore.\r")
    [article] = articles(read_all(utf8))
    assert (article.title, article.text) == ("A title", "Body text.\nMore.")
    utf16 = tmp_path / "wide.csv"
    utf16.write_bytes("text\r\nKyiv said no.\r\n".encode("utf-16"))
    assert [a.text for a in articles(read_all(utf16))] == ["Kyiv said no."]


def test_max_chars_turns_long_articles_into_failures(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"text": "short"}\n{"text": "' + "x" * 50 + '"}\n')
    items = read_all(path, max_chars=10)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Failure) and "over the limit" in items[1].reason


def test_count_records(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"text": "1"}\n{"text": "2"}\n{"text": "3"}')
    write(tmp_path / "b.csv", "text\nx\ny\n")
    write(tmp_path / "c.txt", "one")
    write(tmp_path / "d.json", '[{"text": "1"}, {"text": "2"}]')
    assert count_records([tmp_path]) == 3 + 2 + 1 + 2
    assert count_records(["-"]) == 0
    with pytest.raises(InputError):
        count_records([tmp_path / "nope.jsonl"])


# --- the packaged samples ---------------------------------------------------------------------


def test_samples_are_packaged_dated_and_readable() -> None:
    paths = sample_paths()
    assert {p.suffix for p in paths} == {".txt", ".jsonl"}
    items = read_all(*paths)
    assert not failures(items)
    assert 5 <= len(items) <= 8
    for article in articles(items):
        assert article.date is not None, article.id
        assert article.title, article.id
        assert "\u201c" in article.text or '"' in article.text, article.id
