"""Parties whose state the sentence implies: every inference is recorded on the mention."""

from __future__ import annotations


def test_a_sector_only_party_belongs_to_the_place_of_the_act(code):
    doc = code("Riot police used tear gas to disperse demonstrators in Monrovia.")
    placed = [m for e in doc.events for m in (e.source, e.target)
              if m is not None and m.method == "agent+place"]
    assert placed and all(m.actor.country == "LBR" for m in placed)
    # a place that is itself a party says nothing about where the act happens
    doc = code("The government expressed appreciation for China's assistance.")
    assert all(e.source.actor.code != "CHNGOV" for e in doc.events)


def test_victims_of_repression_belong_to_the_repressing_state(code):
    doc = code("Egyptian police dispersed the demonstrators.")
    inferred = [e.target for e in doc.events if e.target is not None
                and e.target.method == "agent+source"]
    assert inferred and all(m.actor.country == "EGY" for m in inferred)
