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


def test_parties_a_state_yields_to_are_its_own(code):
    doc = code("The Kenyan government accepted demands from rebels that it hold elections.")
    conceded = [e.target for e in doc.events if e.cameo.startswith("08")
                and e.target is not None and e.target.method == "agent+source"]
    assert conceded and all(m.actor.code == "KENREB" for m in conceded)


def test_force_against_protesters_is_repression_at_home(code):
    doc = code("Kenyan police fired on demonstrators.")
    fired = [e.target for e in doc.events if e.cameo.startswith("19")]
    assert fired and all(m is not None and m.actor.code == "KENOPP" for m in fired)


def test_a_doer_named_as_a_country_is_not_the_place_of_the_act(code):
    # the refugees are not Chile's (the speaker), nor Peru's (named only in the condition)
    doc = code("Chile says it will not accept more refugees if fighting breaks out in Peru.")
    accepted = [e for e in doc.events if e.cameo in {"0333", "122"}]
    assert accepted and all(e.target is None or e.target.actor.country is None
                            for e in accepted)
    assert all(e.location is None or e.location.country != "PER" for e in accepted)


def test_the_people_of_an_armed_group_are_that_group(code):
    doc = code("Israeli troops killed six Hamas militants.")
    killed = [e.target for e in doc.events if e.cameo.startswith("19")]
    assert killed and all(m is not None and m.actor.code == "PSEREBHMS"
                          and m.method == "agent+unit" for m in killed)


def test_a_party_named_as_the_place_of_the_act_still_places_bare_agents(code):
    doc = code("Leaders of the opposition coalition agreed to postpone the rally in Baku.")
    agreed = [e for e in doc.events if e.cameo.startswith("03")]
    assert agreed and all(e.source.actor.code == "AZEOPP"
                          and e.source.method == "agent+place" for e in agreed)


def test_a_person_coded_as_the_state_yields_to_its_own_opposition():
    from eventcoder.actors.entries import Entry
    from eventcoder.actors.kb import KnowledgeBase
    from eventcoder.engine import Engine

    kb = KnowledgeBase.default().copy()
    # dictionaries code some persons with the bare country code, as the state itself
    kb.add(Entry(id="person:zorbaz", type="person", name="Ivo Zorbaz", code="HRV",
                 country="HRV", aliases=("Zorbaz",)))
    doc = Engine(kb=kb).code_text("Ivo Zorbaz allowed the opposition to hold a rally.")
    allowed = [e.target for e in doc.events if e.cameo.startswith("08")]
    assert allowed and all(m is not None and m.actor.code == "HRVOPP" for m in allowed)


def test_members_of_a_national_organisation_are_of_its_country(code):
    doc = code("Workers affiliated with the Kenyan Teachers' Union stopped work on Monday.")
    assert any(e.source.actor.code == "KENLAB" and e.source.method == "agent+unit"
               for e in doc.events)


def test_judge_or_opposition_addressing_a_states_organs_is_of_that_state(code):
    doc = code("Judge Alejandro Rivera opened fraud investigations against 28 Chilean "
               "government officials.")
    assert any(e.source.actor is not None and e.source.actor.code == "CHLJUD"
               and e.source.method == "agent+target" for e in doc.events)
    doc = code("The opposition demanded the resignation of the Kenyan president.")
    assert any(e.source.actor is not None and e.source.actor.code == "KENOPP"
               for e in doc.events)
    # the victims' nationality says nothing of where the police are
    doc = code("Police arrested two Russian journalists.")
    assert all(e.source.actor is None or e.source.actor.country is None for e in doc.events)


def test_a_bare_group_protesting_against_a_states_leader_is_of_that_state(code):
    doc = code("Islamic militants began a hunger strike to demand the resignation of the "
               "Tunisian president.")
    struck = [e for e in doc.events if e.cameo.startswith("14")]
    assert struck and all(e.source.actor is not None and e.source.actor.country == "TUN"
                          and e.source.method == "agent+target" for e in struck)
    # a protest against a country as such says nothing of where the protesters are
    doc = code("Students protested against Denmark.")
    assert all(e.source.actor is None or e.source.actor.country is None for e in doc.events)
