"""Titles and offices (actors/titles.py): a title gives a name its country and sector or the
office holder of the day, and posts of international organisations code their holders as the
organisation (agent nouns and their countries: test_agent_phrases.py)."""

from __future__ import annotations

from datetime import date

ON = date(2000, 1, 1)  # no office holder of these surnames on this day


def _by_text(doc):
    return {m.text: m for m in doc.mentions}


def _find(doc, part):
    return next(m for m in doc.mentions if part in m.text)


# -- titles before names -----------------------------------------------------------------------
def test_unknown_name_with_title_gets_country_and_sector(code):
    doc = code("Latvian Defense Minister Janis Ozolkalns met Lithuanian officials in Riga.")
    m = next(m for m in doc.mentions if "Ozolkalns" in m.text)
    assert m.actor.code == "LVAGOV"
    assert m.method == "title"


def test_title_name_of_country(code):
    m = _by_text(code("King Hassan of Morocco met Israeli leaders.", ON))
    assert m["King Hassan"].actor.country == "MAR"
    assert m["King Hassan"].method == "title"


def test_title_inside_a_person_name_is_looked_past(code):
    m = _by_text(code("President Francois Mitterrand welcomed the decision.", ON))
    [name] = [x for t, x in m.items() if "Mitterrand" in t]
    assert name.actor is not None and name.actor.country == "FRA"


def test_title_without_a_country_still_gives_its_sector(code):
    doc = code("Judge Marisol Quintanar opened an inquiry into the ministry.", ON)
    m = _find(doc, "Quintanar")
    assert m.actor.code == "JUD" and m.actor.type == "agent" and m.method == "title"
    # an opposition leader the state yields to is its own (placement.repressed_placed)
    doc = code("The Kenyan government allowed opposition leader Maulana Zorbek Quandt to "
               "hold a rally.", ON)
    assert _find(doc, "Quandt").actor.code == "OPP"
    assert any(e.target is not None and e.target.actor.code == "KENOPP" for e in doc.events)


def test_title_gives_an_office_the_knowledge_base_lacks():
    from eventcoder.actors.entries import Entry
    from eventcoder.actors.kb import KnowledgeBase
    from eventcoder.engine import Engine

    kb = KnowledgeBase.default().copy()
    kb.add(Entry(id="person:zorbaz", type="person", name="Ivo Zorbaz", code="HRV",
                 country="HRV", aliases=("Zorbaz",)))
    doc = Engine(kb=kb).code_text("Croatian Prime Minister Ivo Zorbaz met the former Prime "
                                  "Minister Ivo Zorbaz.")
    codes = [m.actor.code for m in doc.mentions if "Zorbaz" in m.text]
    assert codes[0] == "HRVGOV"
    assert codes[-1] != "HRVGOV"  # a former office is no office (elite, ELI)


# -- office holders on a date ------------------------------------------------------------------
def test_title_and_ambiguous_surname_resolve_to_the_office_holder_of_the_day(code):
    doc = code("President Bush met Vladimir Putin in Beijing.", on=date(2008, 8, 6))
    m = next(m for m in doc.mentions if "Bush" in m.text)
    assert m.actor is not None and m.actor.code == "USAGOV" and m.method == "title+surname"
    doc = code("President Bush met Vladimir Putin in Beijing.", on=date(2024, 1, 1))
    m = next(m for m in doc.mentions if "Bush" in m.text)
    assert m.actor is None or m.method != "title+surname"  # nobody of that name in office


def test_title_and_surname_of_a_past_office_holder(code):
    m = _find(code("President Bush has threatened further action against Russia.",
                   on=ON), "Bush")
    assert m.actor.code == "USAGOV"
    assert m.method == "title+name"


def test_title_and_misspelt_name_of_an_office_holder(code):
    doc = code("Rebels dismissed an appeal from President Laurent Gbago to lay down their "
               "arms.", on=ON)
    assert _find(doc, "Gbago").actor.country == "CIV"
    doc = code("President Francois Mitterand gave a warm welcome to the visitors.",
               on=ON)
    assert _find(doc, "Mitterand").actor.code == "FRAGOV"


def test_misspelt_name_after_a_title_is_whoever_of_that_name_was_in_office():
    from eventcoder.actors.entries import Entry, Role
    from eventcoder.actors.kb import KnowledgeBase
    from eventcoder.actors.titles import TitleResolver

    def minister(slug, name, country, start, end):
        role = Role(title=f"{country}GOV", kind="other", country=country, sector="GOV",
                    code=f"{country}GOV", start=start, end=end)
        return Entry(id=f"person:{slug}", type="person", name=name, code=f"{country}GOV",
                     country=country, sector="GOV", roles=(role,))

    kb = KnowledgeBase.default().copy()
    # two countries' office holders of that name, in office for about as long
    kb.add(minister("ivo-zorvanic", "Ivo Zorvanic", "HRV", date(1980, 1, 1), date(2000, 6, 1)))
    kb.add(minister("ana-zorvanic", "Ana Zorvanic", "SVN", date(2001, 1, 1), date(2020, 1, 1)))
    titles = TitleResolver(kb)
    # "Zorvanik" is one letter off; on the date only one of them held an office
    assert titles.office_holder("Zorvanik", "president", None, date(1995, 1, 1)).country == "HRV"
    assert titles.office_holder("Zorvanik", "president", None, date(2010, 1, 1)).country == "SVN"
    assert titles.office_holder("Zorvanik", "president", None, None) is None


def test_title_does_not_force_an_unknown_name():
    from eventcoder.actors.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    assert kb.office_holders("Xqzvtor") == []
    assert [e.country for e in kb.office_holders("Laurent Gbago")] == ["CIV"]
    # a given name that no candidate bears rules the fuzzy match out
    assert kb.office_holders("Pierre Gbago") == []


def test_role_is_resolved_on_the_article_date(code):
    before = code("The US president visited Warsaw.", on=date(2022, 5, 1))
    after = code("The US president visited Warsaw.", on=date(2025, 3, 13))
    name = lambda doc: next(m.actor.name for m in doc.mentions if "president" in m.text)  # noqa: E731
    assert "Biden" in name(before)
    assert "Trump" in name(after)


# -- officials of international organisations --------------------------------------------------
def test_igo_post_codes_its_holder_as_the_igo(code):
    doc = code("Arab League Secretary-General Chedli Klibi urged the European Community to "
               "act.", on=ON)
    m = _find(doc, "Klibi")
    assert m.actor.code == "IGOMEAARL"
    assert m.method == "igo+title"
    doc = code("Afghan rebel leaders said they would meet U.N. mediator Diego Cordovez.",
               on=ON)
    assert _find(doc, "Cordovez").actor.code == "IGOUNO"
    doc = code("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded "
               "access.", on=ON)
    assert _find(doc, "Oshima").actor.code == "IGOUNO"


def test_state_posts_and_former_officials_keep_their_country(code):
    doc = code("Former UN envoy Lakhdar Brahimi criticized Syria.", on=ON)
    assert not _find(doc, "Brahimi").actor.code.startswith("IGO")
    doc = code("UN ambassador John Bolton criticised Iran.", on=ON)
    assert not _find(doc, "Bolton").actor.code.startswith("IGO")


# -- PETRARCH prefix agents ([NGO~]) -----------------------------------------------------------
def test_prefix_agent_goes_before_the_country_and_its_agents_compose_after():
    from eventcoder.actors.entries import Entry, compose_code, owner_stem, with_country
    from eventcoder.actors.kb import KnowledgeBase
    from eventcoder.engine import Engine

    assert compose_code("KEN", "NGO~") == "NGOKEN" and compose_code("KEN", "~GOV") == "KENGOV"
    assert owner_stem("NGOKEN", "KEN") == "NGOKEN" and owner_stem("KENGOV", "KEN") == "KEN"
    # moving an agent to another country keeps its agents on either side
    assert with_country("ALBREB", "ALB", "MKD") == "MKDREB"
    assert with_country("NGOALB", "ALB", "MKD") == "NGOMKD"
    assert with_country("REB", "ALB", "MKD") == "MKD"
    kb = KnowledgeBase.default().copy()
    # an agents file's "ZRF {} [NGO~]": the agent code is written before the actor's
    kb.add(Entry(id="agent:zrf", type="agent", name="ZRF", code="NGO~", sector="NGO"))
    assert kb.agent("ZRF") == ("NGO~", "ZRF")
    engine = Engine(kb=kb)
    doc = engine.code_text("ZRF Kenya sharply criticized Uganda on Monday.")
    assert _find(doc, "ZRF").actor.code == "NGOKEN" and _find(doc, "ZRF").actor.sector == "NGO"
    doc = engine.code_text("A ZRF Kenya diplomat sharply criticized Uganda on Monday.")
    assert [(e.source.actor.code, e.target.actor.code) for e in doc.events] == [
        ("NGOKENGOV", "UGA")]
    doc = engine.code_text("A Kenyan diplomat sharply criticized Uganda on Monday.")
    assert _find(doc, "diplomat").actor.code == "KENGOV"
