"""Reverse events of visits (042 -> 043 "host a visit"): a party named as the one visited
hosts; the venue of a meeting, or a place that only stands in for its state, does not."""

from __future__ import annotations


def _dyads(doc):
    return {(e.cameo, e.source.actor.code if e.source.actor else None,
             e.target.actor.code if e.target and e.target.actor else None)
            for e in doc.events}


def test_country_named_as_visited_hosts(code):
    dyads = _dyads(code("Prime Minister Narendra Modi visited Japan."))
    assert ("042", "INDGOV", "JPN") in dyads
    assert ("043", "JPN", "INDGOV") in dyads


def test_capital_named_as_destination_hosts(code):
    dyads = _dyads(code("The Iranian foreign minister visited Damascus."))
    assert ("043", "SYR", "IRNGOV") in dyads


def test_venue_of_a_summit_does_not_host(code):
    doc = code("Obama is scheduled to attend a summit in Switzerland on the unrest in Iran.")
    assert any(e.cameo_root == "04" and e.target is not None and e.target.actor is not None
               and e.target.actor.code == "CHE" for e in doc.events)
    assert not any(e.source.actor is not None and e.source.actor.code == "CHE"
                   for e in doc.events)


def test_venue_of_a_conference_does_not_host(code):
    doc = code("Obama will attend a conference in Paris.")
    assert not any(e.source.actor is not None and e.source.actor.country == "FRA"
                   for e in doc.events)


def test_place_standing_in_for_its_state_does_not_host(engine):
    from eventcoder.actors.mentions import Located
    from eventcoder.coding.targets import can_host
    from eventcoder.records import Actor, Mention

    doc = engine.nlp("Russian troops arrived in Alaska.")
    verb = next(t for t in doc if t.lemma_ == "arrive")
    place = next(t for t in doc if t.text == "Alaska")
    actor = Actor(code="USA", name="Alaska", country="USA", type="country")
    mention = Mention(text="Alaska", start=place.idx, end=place.idx + 6, actor=actor,
                      method="location", score=0.5)
    target = Located(place.i, place.i + 1, place.i, mention, "place")
    assert not can_host(target, verb)
