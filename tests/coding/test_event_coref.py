"""An attack named again takes the doer the article just named for it (coding/event_coref.py)."""

from __future__ import annotations

from datetime import date

ON = date(2025, 6, 2)


def _killings(doc):
    return [e for e in doc.events if e.evidence.trigger.lower().startswith("kill")]


def test_the_attack_is_the_one_just_reported(code):
    doc = code("Russian forces shelled Kharkiv on Monday. The attack killed at least four "
               "civilians, officials said.", ON)
    killing = _killings(doc)[0]
    assert killing.source.actor is not None and killing.source.actor.code == "RUSMIL"
    assert killing.source.method == "coref" and killing.source.text == "The attack"


def test_an_indefinite_or_distant_attack_keeps_its_doer_unknown(code):
    doc = code("Russian forces shelled Kharkiv on Monday. An attack killed two people.", ON)
    assert _killings(doc)[0].source.actor is None
    doc = code("Russian forces shelled Kharkiv on Monday. Talks went on. Ministers met. "
               "Nothing changed. The attack killed two people.", ON)
    assert _killings(doc)[0].source.actor is None


def test_no_act_of_force_before_means_no_doer(code):
    doc = code("Russia said it wanted peace. The attack killed two people.", ON)
    assert _killings(doc)[0].source.actor is None


def _reactions(doc):
    return {(e.source.actor.code if e.source.actor else None,
             e.target.actor.code if e.target and e.target.actor else None)
            for e in doc.events if e.cameo_root == "11"}


def test_a_reaction_to_the_act_targets_its_doer(code):
    doc = code("North Korea fired two missiles into the sea. Japan condemned the launch as a "
               "violation of UN resolutions.", ON)
    assert _reactions(doc) == {("JPN", "PRK")}


def test_a_reaction_to_an_act_whose_doer_it_names_keeps_that_target(code):
    doc = code("Fighting went on near Kharkiv. Germany condemned the Russian attack.", ON)
    assert _reactions(doc) == {("DEU", "RUS")}
