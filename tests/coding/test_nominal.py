"""Events named by a noun, with the doer on the noun itself."""

from __future__ import annotations


def test_noun_event_with_demonym_doer_and_target(code, dyads):
    doc = code("Palestinian riots against Israeli military policies are still continuing.")
    assert ("145", "PSE", "ISRMIL", "asserted") in dyads(doc)


def test_noun_event_takes_the_modality_of_its_verb(code, dyads):
    doc = code("Palestinian riots against Israeli policies may continue next week.")
    assert all(m != "asserted" for *_, m in dyads(doc))


def test_noun_under_a_coded_verb_is_not_counted_twice(code):
    doc = code("Russia staged a protest against NATO.")
    assert [e.cameo_root for e in doc.events] == ["14"]


def test_noun_without_a_named_doer_is_no_event(code):
    assert code("The riots are still continuing in the capital.").events == ()


def test_adjective_before_invasion_names_the_victim_not_the_doer(code):
    doc = code("Putin's justification for the Ukrainian invasion was rejected.")
    assert not any(e.evidence.trigger == "invasion" and e.source.actor
                   and e.source.actor.country == "UKR" for e in doc.events)


def test_act_in_which_a_coded_act_happened_is_not_counted_twice(code):
    # "killed in a Russian air strike": the killing is the strike's, one act
    doc = code("Eight people were killed in a Russian air strike in the city.")
    assert len([e for e in doc.events if e.cameo_root in {"18", "19", "20"}]) == 1
