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


def test_appeal_for_an_act_takes_the_acts_appeal_code(code):
    doc = code("Germany's foreign minister urged Iran to release detained German citizens.")
    assert {(e.cameo, e.target.actor.code) for e in doc.events
            if e.cameo_root == "02" and e.target and e.target.actor} == {("0253", "IRN")}
    doc = code("The UN called on Russia to withdraw its troops from Ukraine.")
    got = {(e.cameo, e.source.actor.code, e.modality) for e in doc.events if e.source.actor}
    assert ("0256", "IGOUNO", "asserted") in got
    assert ("0874", "RUS", "hypothetical") in got  # Russia, not the UN, is to withdraw


def test_the_party_appealed_to_or_pleaded_with_is_the_one_to_act(code):
    doc = code("The UN appealed to Sudan to agree to a ceasefire.")
    got = {(e.cameo[:2], e.source.actor.code, e.modality) for e in doc.events if e.source.actor}
    assert ("03", "SDN", "hypothetical") in got and ("02", "IGOUNO", "asserted") in got
    doc = code("The EU pleaded with Russia to release the prisoners.")
    assert {(e.source.actor.code, e.modality) for e in doc.events
            if e.cameo.startswith("084")} == {("RUS", "hypothetical")}
    # the appeal is for the act it names, as "called on Sudan to release" is
    doc = code("The UN appealed to Sudan to release the detained journalists.")
    assert ("0253", "IGOUNO", "SDN", "asserted") in {
        (e.cameo, e.source.actor.code, e.target.actor.code, e.modality) for e in doc.events
        if e.source.actor and e.target and e.target.actor}


def test_asking_another_party_to_act_is_an_appeal_for_that_act(code):
    doc = code("Norway asked Sudan to release the detained journalists.")
    assert ("0253", "NOR", "SDN") in {(e.cameo, e.source.actor.code, e.target.actor.code)
                                      for e in doc.events if e.modality == "asserted"
                                      and e.source.actor and e.target and e.target.actor}


def test_appeal_inside_a_condition_is_not_asserted(code):
    doc = code("How will the president respond if the Russians call him to withdraw the troops?")
    assert not any(e.cameo_root == "02" and e.modality == "asserted" for e in doc.events)
