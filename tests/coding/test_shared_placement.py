"""Agents placed by a phrase they share or by the body they are drawn from."""

from __future__ import annotations


def _sources(doc):
    return {e.source.actor.code for e in doc.events if e.source.actor is not None}


def test_conjoined_agents_share_the_place_phrase(code):
    # "in Britain and France" places both the lawmakers and the officials in each state
    doc = code("Lawmakers and officials in Britain and France welcomed the agreement with Iran.")
    assert {"GBRLEG", "FRALEG", "GBRGOV", "FRAGOV"} <= _sources(doc)


def test_agents_drawn_from_a_national_body_belong_to_its_state(code):
    doc = code("Soldiers from the Russian 64th brigade attacked Ukrainian villages.")
    placed = [e.source for e in doc.events if e.source.method == "agent+unit"]
    assert placed and all(m.actor.code == "RUSMIL" for m in placed)


def test_agents_of_a_stateless_organisation_are_its_own(code):
    doc = code("Activists of Amnesty International criticized Egypt.")
    placed = [e.source for e in doc.events if e.source.method == "agent+unit"]
    assert placed and all(m.actor.code.startswith("NGO") and m.actor.country is None
                          for m in placed)


def test_a_party_preposition_outranks_an_earlier_place(code):
    # "in Vienna" says where; "with France" says with whom
    doc = code("Iran signed the deal in Vienna with France.")
    targets = {e.target.actor.code for e in doc.events
               if e.source.actor is not None and e.source.actor.code == "IRN"
               and e.target is not None and e.target.actor is not None}
    assert targets == {"FRA"}
