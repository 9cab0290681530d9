"""Modality read off real parses: only asserted events count as things that happened."""

from __future__ import annotations

import pytest

from eventcoder.coding.modality import is_reported, modality_of


@pytest.fixture(scope="module")
def parse(engine):
    def _parse(sentence: str, verb: str):
        doc = engine.nlp(sentence)
        return next(t for t in doc if t.text == verb)

    return _parse


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Russia attacked Ukrainian positions near Kharkiv.", "attacked", "asserted"),
        ("Russia did not attack Ukrainian positions.", "attack", "negated"),
        ("Russia never attacked Ukrainian positions.", "attacked", "negated"),
        ("Putin refused to meet Zelensky.", "meet", "negated"),
        ("Trump declined to say what leverage he had.", "say", "negated"),
        ("Russia would attack Ukraine if NATO expanded.", "attack", "hypothetical"),
        ("If Putin asks Trump to help him, Trump may agree.", "asks", "hypothetical"),
        ("The minister may visit Kyiv next week.", "visit", "hypothetical"),
        ("Will the president meet Putin?", "meet", "intended"),
        ("Did Russia attack the convoy?", "attack", "hypothetical"),
        # a why-question asks the reason of an act it takes as done
        ("Why did Russia attack the convoy?", "attack", "asserted"),
        ("Why would Russia attack the convoy?", "attack", "hypothetical"),
        ("China will send aid to Ukraine.", "send", "intended"),
        ("The government plans to expel the ambassador.", "expel", "intended"),
        ("He halted aid to force Zelensky to accept the deal.", "force", "intended"),
        ("The US asked Russia to withdraw its troops.", "withdraw", "hypothetical"),
        # a purpose clause is the subject's aim; asked of an addressee, another's act
        ("The EU pushed for sanctions to punish Russia.", "punish", "intended"),
        ("The EU pleaded with Russia to release the prisoners.", "release", "hypothetical"),
        # forcing someone to act is making them act: the act is as real as the forcing
        ("The blockade forced Gondor to accept the truce.", "accept", "asserted"),
        ("Arnor will force Gondor to accept the truce.", "accept", "intended"),
        ("Arnor did not force Gondor to accept the truce.", "accept", "negated"),
        # an attempt is the act itself (CAMEO 185 "attempt to assassinate")
        ("Militants said they attempted to assassinate the prime minister.", "assassinate",
         "asserted"),
        ("North Korea has tried to hack into South Korean computers.", "hack", "asserted"),
        ("Russia did not try to attack the convoy.", "attack", "negated"),
        # taking steps to do something is doing it, like an attempt
        ("The junta has taken steps to expand press freedoms.", "expand", "asserted"),
        ("The junta did not take measures to expand press freedoms.", "expand", "negated"),
        # "confirmed it would": reported "will", as after "said"
        ("NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.",
         "tighten", "intended"),
        ("The army is prepared to impose martial law.", "impose", "intended"),
        # the present tense after "before" speaks of what is still to come
        ("The talks open a day before the president flies to Moscow.", "flies", "intended"),
        ("The talks opened a day before the president flew to Moscow.", "flew", "asserted"),
        # an intention that is itself negated or conditional is no plan
        ("Israel did not agree to withdraw its troops.", "withdraw", "negated"),
        ("Syria may refuse to withdraw its troops.", "withdraw", "hypothetical"),
        ("They will boycott the vote unless the president agrees to step down.", "step",
         "hypothetical"),
        # the parser may hang the negation on an adverb of the verb
        ("The minister did not even ever clash with Eriador.", "clash", "negated"),
        ("The police will no longer tolerate the marches.", "tolerate", "negated"),
        # what a demand asks for has not been done
        ("The rebels insisted on their demand that the government release all prisoners.",
         "release", "hypothetical"),
        # the act one claims responsibility for is the claim's content (coded 015)
        ("The rebels claimed responsibility for an ambush targeting army patrols.",
         "targeting", "hypothetical"),
        ("The rebels claimed credit for bombing the bridge.", "bombing", "hypothetical"),
    ],
)
def test_modality(parse, sentence, verb, expected):
    assert modality_of(parse(sentence, verb)) == expected


def test_reported_speech_is_marked(parse):
    assert is_reported(parse("He said Russia is using salami tactics.", "using"))
    assert not is_reported(parse("Russia is using salami tactics.", "using"))
    # what one is confident or sure of is one's view, as what one believes
    assert is_reported(parse("He is confident that Russia wants to stop the fighting.",
                             "stop"))
    assert is_reported(parse("Egypt is sure Israel attacked the convoy.", "attacked"))
    assert not is_reported(parse("Egypt is aware that Israel attacked the convoy.",
                                 "attacked"))


def test_what_is_denied_is_not_asserted(code):
    for text in ("Russia denied that its forces had targeted civilians in Kharkiv.",
                 "The army rejected claims that its troops had shelled Kharkiv."):
        doc = code(text)
        assert not any(e.cameo_root == "19" and e.modality == "asserted" for e in doc.events)
    doc = code("Russia said that its forces had targeted civilians in Kharkiv.")
    assert any(e.cameo_root == "19" and e.modality == "asserted" for e in doc.events)


def test_conditional_promise_of_a_hostile_act_is_a_threat(code):
    doc = code("The EU will impose sanctions on Georgia if the crackdown continues.")
    assert ("1312", "asserted") in {(e.cameo, e.modality) for e in doc.events}
    doc = code("Russia will attack Ukraine.")  # no condition: a plan, not a threat
    assert not any(e.cameo_root == "13" for e in doc.events)
