"""Which state a place name stands for (actors/place_names.py); the engine-level cases are in
test_mentions.py (Tripoli, Istanbul)."""

from __future__ import annotations

from eventcoder.actors.place_names import city_country, water_body


def _places(table):
    return lambda name: table.get(name, [])


def test_a_town_stands_for_its_country_when_it_dwarfs_its_namesakes():
    places = _places({"Bigtown": [("AAA", 900_000), ("BBB", 50_000)],
                      "Twin": [("AAA", 300_000), ("BBB", 200_000)],
                      "Hamlet": [("AAA", 5_000)]})
    assert city_country("Bigtown", places) == "AAA"
    assert city_country("Twin", places) is None  # no town of that name dwarfs the other
    assert city_country("Hamlet", places) is None  # too small to stand for a state
    assert city_country("Nowhere", places) is None


def test_a_name_in_a_seas_name_is_no_place_of_the_state(engine):
    doc = engine.nlp("A tanker was seized in the Gulf of Oman near the coast of Oman.")
    first, second = (doc[t.i:t.i + 1] for t in doc if t.text == "Oman")
    assert water_body(first) and not water_body(second)
