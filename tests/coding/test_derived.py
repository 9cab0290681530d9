"""Events read off another one (coding/derived.py): a stated intention, a demand by the
speaker, a claim of responsibility or an accusation."""

from __future__ import annotations


def _by_code(doc):
    return {e.cameo: e for e in doc.events}


def test_stated_intention_is_an_asserted_event_of_its_own(code):
    events = _by_code(code("Finland will give Tanzania a grant for schools."))
    assert events["071"].modality == "intended"
    stated = events["0331"]
    assert stated.modality == "asserted" and stated.pattern.startswith("will(071) -> 0331")


def test_claim_of_another_partys_attack_is_an_accusation_and_the_attack_is_not_asserted(code):
    doc = code("Iran claimed that Israeli forces had attacked Syria.")
    assert any(e.cameo == "112" and e.modality == "asserted" and e.target is not None
               and e.target.actor is not None and e.target.actor.country == "ISR"
               for e in doc.events)
    assert not any(e.cameo_root == "19" and e.modality == "asserted" for e in doc.events)
