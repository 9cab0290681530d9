"""Pronouns in a reported clause stand for the one who reports it."""

from __future__ import annotations


def test_it_in_a_reported_clause_is_the_speaking_government(code):
    doc = code("Iraq's interim government announced that it is prepared to impose martial law.")
    it = next(m for m in doc.mentions if m.text == "it")
    assert it.method == "coref" and it.actor.code == "IRQGOV"
    assert it.antecedent == "interim government"


def test_they_after_joint_subjects_stands_for_each_of_them(code, dyads):
    doc = code("Syria and Iran said they would support Hezbollah.")
    sources = {s for _, s, t, _ in dyads(doc) if t == "LBNREB"}
    assert {"SYR", "IRN"} <= sources


def test_they_after_a_state_speaker_is_that_state(code):
    doc = code("The US claimed that they had attacked Iraq.")
    they = next(m for m in doc.mentions if m.text == "they")
    assert they.actor.code == "USA"


def test_it_does_not_stand_for_a_person_speaker(code):
    doc = code("Putin said it would attack Ukraine.")
    assert not any(m.text == "it" and m.actor is not None and m.actor.type == "person"
                   for m in doc.mentions)
