"""Agent phrases (actors/agent_phrases.py): which words name an agent or a title, its sector,
and the country or stateless organisation a modifier or a preposition makes it the agent of."""

from __future__ import annotations

from datetime import date

ON = date(2000, 1, 1)  # no office holder of these surnames on this day


def _by_text(doc):
    return {m.text: m for m in doc.mentions}


def _find(doc, part):
    return next(m for m in doc.mentions if part in m.text)


def _code_of(doc, text):
    m = next(m for m in doc.mentions if m.text == text)
    return m.actor.code if m.actor else None


def _sources(doc) -> set[str | None]:
    return {e.source.actor.country if e.source.actor else None for e in doc.events}


# -- agent phrases and their countries ---------------------------------------------------------
def test_agent_with_demonym(code):
    m = next(m for m in code("Ukrainian troops pushed forward.").mentions if "troops" in m.text)
    assert m.actor.code == "UKRMIL"


def test_negotiators_are_government_agents(code):
    m = _by_text(code("Russian negotiators arrived in Geneva.", ON))
    assert m["Russian negotiators"].actor.code == "RUSGOV"


def test_agent_takes_the_country_of_from_and_in_phrases(code):
    found = {m.text: m.actor.code for m in code(
        "Soldiers from Ukraine arrived. Security forces in Guinea met officials in Moscow."
        ).mentions
        if m.actor}
    assert found.get("Soldiers") == "UKRMIL"
    assert found.get("Security forces") == "GINCOP"
    assert found.get("officials") == "GOV"  # a capital after "in" is where, not whose


def test_surname_administration_is_that_leaders_state(code):
    # "Bush" alone is ambiguous (and a town in Egypt): the phrase "Bush Administration"
    # names the US government
    doc = code("The Bush administration criticized China on Monday.", ON)
    m = _by_text(doc)
    assert m["administration"].actor.code == "USAGOV"
    assert _sources(doc) == {"USA"}


def test_security_chief_and_group_based_in_a_country(code):
    doc = code("Cairo's security chief has warned the Kifaya group.", on=ON)
    assert _code_of(doc, "security chief") == "EGYCOP"
    assert _code_of(doc, "Kifaya") == "EGYOPP"
    doc = code("A terror group based in Trinidad claims to be making weapons.", on=ON)
    assert any(m.actor and m.actor.code == "TTOREB" for m in doc.mentions)


def test_organisation_based_in_a_capital(code):
    doc = code("A newspaper based in Nairobi criticised the ruling party.", on=ON)
    assert _code_of(doc, "A newspaper") == "KENMED"


def test_assembly_qualified_by_a_country_is_its_legislature(code):
    doc = code("Protesters demanded support from the Croatia Assembly.", on=ON)
    assert _code_of(doc, "Assembly") == "HRVLEG"
    doc = code("The Serbian Assembly rejected the plan.", on=ON)
    assert _code_of(doc, "Serbian Assembly") == "SRBLEG"
    # without a country it may be any gathering
    doc = code("The assembly of villagers rejected the plan.", on=ON)
    assert all(m.actor is None or m.actor.sector != "LEG" for m in doc.mentions)


def test_non_prefix_does_not_code_the_group(code):
    doc = code("Militants carried out a deadly attack targeting non-Muslims at a mall in "
               "Kenya.", on=ON)
    assert all(not (m.actor and m.actor.code.endswith("MUS")) for m in doc.mentions)


# -- what a modifier says about an agent's country ---------------------------------------------
def test_led_forces_are_the_leaders_forces(code):
    doc = code("French-led troops entered the town on Monday.", on=ON)
    assert _find(doc, "troops").actor.code == "FRAMIL"


def test_anti_and_pro_modifiers_are_not_membership(code):
    doc = code("A prominent pro-Iran journalist was detained.", on=ON)
    assert _find(doc, "journalist").actor.country != "IRN"
    doc = code("An anti-Russia activist was arrested.", on=ON)
    assert _code_of(doc, "activist") == "OPP"


def test_organisation_named_with_its_country(code):
    doc = code("Kenya Farmers Association officials criticised the plan.", on=ON)
    assert _find(doc, "officials").actor.code == "KENGOV"


def test_people_of_a_place_a_demonym_qualifies(code):
    doc = code("Residents of the Lebanese town protested against the closure.", on=ON)
    assert _code_of(doc, "Residents") == "LBNCVL"
    doc = code("Refugees from the Afghan province of Herat crossed the border.", on=ON)
    assert _code_of(doc, "Refugees") == "AFGREF"


def test_agents_of_a_stateless_organisation(code):
    doc = code("Red Cross officials visited the prison.", on=ON)
    assert _code_of(doc, "Red Cross officials") == "NGOHLHIRCGOV"
    doc = code("Al-Qaeda's fighters attacked a base.", on=ON)
    assert _find(doc, "fighters").actor.code.startswith("IMGMUSALQ")


def test_leaders_of_a_group_take_its_sector(code):
    doc = code("Leaders of the opposition alliance met on Monday.", on=ON)
    assert _code_of(doc, "Leaders") == "OPP"
    doc = code("Leaders of the rebels signed the accord.", on=ON)
    assert _code_of(doc, "Leaders") == "REB"


def test_agent_phrase_is_the_longest_title_or_agent_ending_at_the_noun(engine):
    from eventcoder.actors.agent_phrases import AgentPhrases

    agents = AgentPhrases(engine.kb)
    doc = engine.nlp("The Latvian Defense Minister, the Secretary General, the leader, the "
                     "army generals and the foreign ministers held talks.")

    def phrase(word: str) -> tuple[str | None, str]:
        tok = next(t for t in doc if t.text == word)
        found, first = agents.phrase(tok)
        return found, doc[first:tok.i + 1].text

    assert phrase("Minister") == ("defense minister", "Defense Minister")
    # a title the lemma alone does not give ("general" is an army rank)
    assert phrase("General") == ("secretary general", "Secretary General")
    assert phrase("leader") == ("leader", "leader")  # a title without an agent
    assert phrase("generals") == ("general", "generals")  # "army generals" is no phrase
    assert phrase("ministers") == ("foreign minister", "foreign ministers")
    assert phrase("talks") == (None, "talks")
