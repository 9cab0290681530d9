"""Targets and doers read through common misparses: a dative "to", hyphenated backers,
relative clauses and time phrases inside an argument, accusations, particles read as
prepositions, misparsed conjuncts."""

from __future__ import annotations


def _coded(doc, modality="asserted"):
    return {(e.cameo, e.source.actor.code if e.source.actor else None,
             e.target.actor.code if e.target and e.target.actor else None)
            for e in doc.events if e.modality == modality}


def test_dative_to_is_the_recipient(code):
    events = _coded(code("Britain gave permission to Jordan to attack Syria."))
    assert ("080", "GBR", "JOR") in events
    assert not any(c == "080" and t == "SYR" for c, _, t in events)


def test_hyphenated_backer_is_not_the_actor(code):
    events = _coded(code("The US-backed Syrian rebels attacked Damascus."))
    assert events and all(s != "USA" for _, s, _ in events)


def test_time_phrase_holds_no_target(code):
    doc = code("Before leaving for Moscow, Macron scheduled a speech.")
    assert not any(e.target is not None and e.target.actor is not None
                   and e.target.actor.country == "RUS" for e in doc.events)


def test_accused_acts_are_not_asserted(code):
    doc = code("Russia claimed that Ukraine had attacked Belgorod and seized a village.")
    asserted = _coded(doc)
    assert ("112", "RUS", "UKR") in asserted
    assert not any(c[:2] == "19" for c, _, _ in asserted)


def test_bare_verb_conjoined_to_finite_one_keeps_no_subject(code):
    doc = code("A French court has jailed a Belgian man for helping young militants join "
               "an armed group in Syria.")
    assert {e.cameo for e in doc.events} == {"173"}


def test_particle_read_as_preposition(code):
    doc = code("Israeli police have cordoned off the roads leading into Jenin.")
    assert any(e.cameo == "144" and e.target is not None for e in doc.events)


def test_purpose_of_help_is_no_target(code):
    doc = code("Interpol said it will send a team to help identify victims in Ukraine.")
    assert all(e.target is None for e in doc.events if e.cameo == "036")


def test_indefinite_apposition_describes_and_names_no_party(code):
    events = _coded(code("Chile, a key US ally, has refused to deploy peacekeepers in Haiti."))
    assert ("122", "CHL", "HTI") in events
    assert not any("USA" in (s, t) for _, s, t in events)


def test_stranded_preposition_takes_the_following_subject(code):
    events = _coded(code("Chile granted asylum to three Bolivian army officers holed up in "
                         "its embassy since the coup."))
    assert ("075", "CHL", "BOLMIL") in events


def test_verb_hung_on_the_subject_noun_and_shared_object(code):
    # the parser roots the sentence on "Doctors"; "donated" shares "delivered"'s object
    doc = code("Doctors from two American aid groups donated and delivered medicine to a "
               "Baghdad hospital.")
    aid = [e for e in doc.events if e.cameo == "070"]
    assert aid and aid[0].source.actor.country == "USA"
    assert aid[0].target is not None and aid[0].target.actor.country == "IRQ"
