"""The Phoenix part of the packaged knowledge base (``phoenix.jsonl``), the actor ruler that
marks its names and the disk cache of the ruler's phrases."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
import spacy

from eventcoder.actors.kb import KnowledgeBase, normalise
from eventcoder.nlp import cache
from eventcoder.nlp.actor_ruler import LABEL, add_actor_ruler, phrases

DATA = Path(__file__).resolve().parents[2] / "src" / "eventcoder" / "actors" / "data"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def phoenix_person(kb: KnowledgeBase, name: str):  # type: ignore[no-untyped-def]
    found = [e for e in kb.lookup(name) if e.type == "person"]
    assert found, f"{name} is not in the knowledge base"
    return found[0]


# -- data -------------------------------------------------------------------------------------
def test_phoenix_file_is_loaded_after_the_curated_one(kb: KnowledgeBase) -> None:
    header = json.loads((DATA / "phoenix.jsonl").open(encoding="utf-8").readline())
    assert header["format_version"] == 1 and "MIT" in header["sources"][0]
    assert header["stats"]["kept: person"] > 15_000
    assert header["stats"]["kept: organisation"] > 4_000
    stats = kb.stats()
    assert stats["person"] > 15_000 and stats["organisation"] > 4_000
    assert kb.get("person:vladimir-putin").source.startswith("curated")  # type: ignore[union-attr]


@pytest.mark.parametrize("name,on,code", [
    ("Boris Yeltsin", date(1995, 6, 1), "RUSGOV"),
    ("Yeltsin", date(1995, 6, 1), "RUSGOV"),
    ("Boris Yeltsin", date(2005, 6, 1), "RUSELI"),
    ("Robert Mugabe", date(2005, 3, 1), "ZWEGOV"),
    ("Mugabe", date(2005, 3, 1), "ZWEGOV"),
    ("Yasser Arafat", date(2000, 6, 1), "PSEGOV"),
    ("Yasser Arafat", date(2010, 6, 1), "PSEELI"),
    ("Hosni Mubarak", date(2005, 1, 1), "EGYGOV"),
    ("Hosni Mubarak", date(2013, 1, 1), "EGYELI"),
    ("Kofi Annan", date(2000, 1, 1), "IGOUNO"),
])
def test_phoenix_persons_are_coded_by_date(kb: KnowledgeBase, name: str, on: date,
                                           code: str) -> None:
    assert kb.actor(phoenix_person(kb, name), on).code == code


def test_curated_persons_win_and_get_earlier_phoenix_roles(kb: KnowledgeBase) -> None:
    # Erdoğan is curated (PM from 2003); Phoenix knows him as a mayor and party leader before.
    assert all(e.source != "phoenix" for e in kb.lookup("Recep Tayyip Erdogan"))
    assert all(e.source != "phoenix" for e in kb.lookup("Vladimir Putin"))
    putin = kb.get("person:vladimir-putin")
    assert putin is not None and kb.actor(putin, date(2025, 3, 13)).code == "RUSGOV"
    merged = [e for e in kb.entries() if e.type == "person" and e.source == "curated+phoenix"]
    assert len(merged) > 50
    for e in merged:
        added = [r for r in e.roles if r.kind == "other" and r.title == r.code]
        own = [r.start for r in e.roles if r not in added and r.start is not None]
        assert own and all(r.end is not None and r.end <= min(own) for r in added), e.id


@pytest.mark.parametrize("word", [
    "total", "apple", "rice", "shell", "may", "hope", "said", "grace", "justice", "amazon",
    "new", "state", "general", "minister", "party", "mark", "young", "long", "hussein",
    "mohammed", "ali", "smith",
])
def test_common_words_and_shared_names_are_not_phoenix_actors(kb: KnowledgeBase,
                                                               word: str) -> None:
    assert not [e for e in kb.lookup(word) if e.source == "phoenix"]


def test_no_phoenix_alias_is_a_stop_word_or_one_or_two_letters(kb: KnowledgeBase) -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    for e in kb.entries():
        if e.source != "phoenix":
            continue
        for name in e.names():
            key = normalise(name)
            assert len(key.replace(" ", "")) >= 3, (e.id, name)
            assert key not in STOP_WORDS, (e.id, name)
            if e.type == "person":
                assert " " in normalise(e.name), e.id  # a full name, not a lone word


def test_ordinary_prose_marks_no_phoenix_actor(engine, kb: KnowledgeBase) -> None:  # type: ignore[no-untyped-def]
    text = ("Total exports rose in May. Shell companies were closed and the rice harvest "
            "failed. Rice prices rose, Hope said. Grace and Justice were on the agenda of the "
            "general meeting. The Amazon burned. Mark Young took a long walk. "
            "Open door policies and human rights organizations were discussed.")
    doc = engine.nlp(text)
    marked = [(ent.text, kb.get(ent.id_)) for ent in doc.ents if ent.label_ == LABEL]
    assert not [(t, e.id) for t, e in marked if e is not None and e.source == "phoenix"]


def test_president_mugabe_in_an_article(code) -> None:  # type: ignore[no-untyped-def]
    doc = code("President Mugabe met Kofi Annan in Harare on Monday.", date(2005, 3, 1))
    codes = {m.text: m.actor.code for m in doc.mentions if m.actor}
    assert codes.get("President Mugabe", codes.get("Mugabe")) == "ZWEGOV"
    assert codes["Kofi Annan"] == "IGOUNO"
    assert any(e.source and e.source.actor and e.source.actor.code == "ZWEGOV"
               for e in doc.events)


# -- load time --------------------------------------------------------------------------------
def test_load_time_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Generous bounds (a loaded CI machine): the two data files in under 4 s; the ruler's
    phrases from a warm disk cache in under 2 s, identical to the freshly built ones."""
    start = time.perf_counter()
    kb = KnowledgeBase.from_jsonl(DATA / "actors.jsonl", DATA / "phoenix.jsonl")
    assert time.perf_counter() - start < 4.0
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path))
    cold = cache.ruler_phrases(kb, "model-x")
    assert len(list(tmp_path.glob("actor-ruler-*.json"))) == 1
    start = time.perf_counter()
    warm = cache.ruler_phrases(kb, "model-x")
    assert time.perf_counter() - start < 2.0
    assert warm == cold
    nlp = spacy.blank("en")
    start = time.perf_counter()
    ruler = add_actor_ruler(nlp, warm)
    assert time.perf_counter() - start < 2.0 and ruler.size == len(warm)


# -- the disk cache ---------------------------------------------------------------------------
def _small_kb(tmp_path: Path) -> KnowledgeBase:
    path = tmp_path / "kb.jsonl"
    path.write_text("\n".join(json.dumps(o) for o in [
        {"id": "person:ann-example", "type": "person", "name": "Ann Example",
         "code": "FRAGOV", "aliases": ["Examplova"]},
        {"id": "org:us-group", "type": "organisation", "name": "US Group", "code": "USABUS"},
    ]) + "\n", encoding="utf-8")
    return KnowledgeBase.from_jsonl(path)


def test_fingerprint_follows_the_files(tmp_path: Path) -> None:
    a, b = _small_kb(tmp_path), _small_kb(tmp_path)
    assert a.fingerprint() is not None and a.fingerprint() == b.fingerprint()
    assert a.copy().fingerprint() == a.fingerprint()
    b.ruler_skip.add("examplova")
    assert b.fingerprint() != a.fingerprint()
    c = a.copy()
    c.add(next(a.entries()))
    assert c.fingerprint() is None
    assert KnowledgeBase(list(a.entries())).fingerprint() is None


def test_cache_is_written_atomically_and_survives_corruption(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE", str(folder))
    kb = _small_kb(tmp_path)
    first = cache.ruler_phrases(kb, "m")
    files = list(folder.iterdir())
    assert len(files) == 1 and files[0].suffix == ".json"  # no temporary file left
    files[0].write_text("{not json", encoding="utf-8")
    assert cache.ruler_phrases(kb, "m") == first  # corrupt: ignored and rebuilt
    obj = json.loads(files[0].read_text(encoding="utf-8"))
    obj["phrases"] = [["LOWER", ["wrong"], "person:ann-example"]]
    obj["key"] = "0" * 64
    files[0].write_text(json.dumps(obj), encoding="utf-8")
    assert cache.ruler_phrases(kb, "m") == first  # stale key: ignored
    assert cache.ruler_phrases(kb, "other-model") == first
    assert len(list(folder.glob("actor-ruler-*.json"))) == 2  # one file per key


def test_cache_can_be_turned_off_and_skips_in_memory_kbs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = _small_kb(tmp_path)
    monkeypatch.setenv("EVENTCODER_CACHE", "off")
    assert cache.cache_dir() is None
    assert cache.ruler_phrases(kb) == phrases(kb.ruler_patterns())
    folder = tmp_path / "c"
    monkeypatch.setenv("EVENTCODER_CACHE", str(folder))
    cache.ruler_phrases(KnowledgeBase(list(kb.entries())))
    assert not folder.exists()


def test_unwritable_cache_folder_only_costs_the_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("EVENTCODER_CACHE", str(blocker / "sub"))
    kb = _small_kb(tmp_path)
    assert cache.ruler_phrases(kb) == phrases(kb.ruler_patterns())


# -- the actor ruler --------------------------------------------------------------------------
def test_actor_ruler_matches_like_the_entity_rulers_it_replaces() -> None:
    """Same entities as two spaCy EntityRulers (LOWER phrases, then ORTH phrases, both
    overwriting), on the curated knowledge base."""
    full = KnowledgeBase.default()
    kb = KnowledgeBase([e for e in full.entries() if e.source != "phoenix"],
                       common_words=full.common_words, ruler_skip=full.ruler_skip)
    items = phrases(kb.ruler_patterns())
    reference = spacy.blank("en")
    for name, attr in (("lower", "LOWER"), ("cased", "ORTH")):
        ruler = reference.add_pipe("entity_ruler", name=name, config={
            "overwrite_ents": True, "validate": False, "phrase_matcher_attr": attr})
        ruler.add_patterns([{"label": LABEL, "pattern": " ".join(w), "id": i}  # type: ignore
                            for a, w, i in items if a == attr])
    ours = spacy.blank("en")
    add_actor_ruler(ours, items)
    texts = [
        "The US and the U.S. Army met NATO, the UN Security Council and Vladimir Putin.",
        "Russian President Vladimir Putin told the Kremlin's aides in Moscow that Turkey, "
        "not turkey, would join the European Union; the Times and the New York Times agreed.",
        "Zelensky, Zelenskyy and Volodymyr Zelensky met Keir Starmer at Downing Street, "
        "then flew to Kyiv via Warsaw with the IMF's chief and Hamas and Hezbollah envoys.",
    ]
    for text in texts:
        want = [(e.start, e.end, e.label_, e.id_) for e in reference(text).ents]
        got = [(e.start, e.end, e.label_, e.id_) for e in ours(text).ents]
        assert got == want, text


def test_phoenix_old_country_codes_read_as_iso(kb: KnowledgeBase) -> None:
    """Phoenix writes Timor-Leste as TMP; the build reads it as ISO TLS in every code part."""
    import sys

    scripts = str(DATA.parents[3] / "scripts")
    sys.path.insert(0, scripts)
    try:
        from kb_phoenix import renamed_code
    finally:
        sys.path.remove(scripts)
    assert renamed_code("TMPGOV", {"TMP": "TLS"}) == "TLSGOV"
    assert renamed_code("NGOTMPHRI", {"TMP": "TLS"}) == "NGOTLSHRI"
    assert renamed_code("FRO/TMP", {"TMP": "TLS"}) == "FRO/TMP"  # several actors: as written
    assert renamed_code("ATMPGO", {"TMP": "TLS"}) == "ATMPGO"  # only whole 3-letter parts
    assert not any(e.country == "TMP" for e in kb.entries())
    assert kb.get("country:TLS") is not None
