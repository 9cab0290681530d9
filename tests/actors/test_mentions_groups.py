"""Political and armed organisations of the 1980s-2010s, demonyms of former names and peoples,
and acronyms an article defines ("non-" groups and "based in": test_agent_phrases.py)."""

from __future__ import annotations

from datetime import date

ON = date(2000, 1, 1)


def _code_of(doc, text):
    m = next(m for m in doc.mentions if m.text == text)
    return m.actor.code if m.actor else None


def test_liberian_factions_and_defined_acronym(code):
    doc = code("The Ceasefire Violations Committee has completed its investigation into an "
               "allegation by the Liberian Peace Council (LPC) that the NPFL had taken over "
               "the city of Greenville.", on=ON)
    assert _code_of(doc, "NPFL") == "LBRREB"
    assert _code_of(doc, "Liberian Peace Council") == "LBRREB"
    assert _code_of(doc, "LPC") == "LBRREB"  # defined by the article, not a KB alias


def test_same_named_parties_follow_the_country_named(code):
    doc = code("The fundamentalist Umma (Nation) party has said it will boycott Algeria's "
               "elections.", on=ON)
    assert _code_of(doc, "Umma") == "DZAOPP"
    doc = code("Contacts between al Qaeda and senior members of Saddam Hussein's Ba'ath Party "
               "were reported.", on=ON)
    assert _code_of(doc, "Ba'ath Party") == "IRQGOV"


def test_ibo_and_kampuchean_demonyms():
    from eventcoder.actors.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    assert kb.demonym("Ibo") == "NGA"
    assert kb.demonym("Kampuchean") == "KHM"
    assert [e.country for e in kb.lookup("Kampuchea")] == ["KHM"]


def test_fdd_acronym_is_not_a_kb_alias():
    from eventcoder.actors.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    assert [e.code for e in kb.lookup("Forces for Defence of Democracy")] == ["BDIREB"]
    assert not [e for e in kb.lookup("FDD") if e.country == "BDI"]


def test_languages_are_not_their_states(code):
    doc = code("The court lifted restrictions on the use of the French language.", on=ON)
    assert not any(m.actor is not None and m.actor.country == "FRA" for m in doc.mentions)
    doc = code("Russian language teachers protested in Riga.", on=ON)
    assert not any(m.actor is not None and m.actor.country == "RUS" for m in doc.mentions)


def test_plural_demonym_tagged_as_a_person(code):
    doc = code("Bosnian Serbs demanded a ceasefire.", on=ON)
    assert _code_of(doc, "Bosnian Serbs") == "BIH"


def test_algerian_salvation_front_is_algerian(code):
    doc = code("The government lifted its ban on the Islamic Salvation Front (FIS).", on=ON)
    assert _code_of(doc, "Islamic Salvation Front") == "DZAOPP"
    assert _code_of(doc, "FIS") == "DZAOPP"  # the acronym the article defines


def test_acronym_of_a_name_used_before_stands_for_it(code):
    # RSF is also Reporters sans frontieres in the knowledge base
    doc = code("The Rapid Support Forces attacked El Fasher. The army said it would not "
               "negotiate with the RSF.")
    rsf = next(m for m in doc.mentions if m.text == "RSF")
    assert rsf.actor.code == "SDNREB" and rsf.method == "acronym"
