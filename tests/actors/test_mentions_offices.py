"""Titles that single out persons the date does not, IGO officials, demonyms tagged PERSON."""

from __future__ import annotations

from datetime import date

PLACEHOLDER = date(2000, 1, 1)  # no office holder of these surnames on this day


def _find(doc, part):
    return next(m for m in doc.mentions if part in m.text)


def test_title_and_surname_of_a_past_office_holder(code):
    m = _find(code("President Bush has threatened further action against Russia.",
                   on=PLACEHOLDER), "Bush")
    assert m.actor.code == "USAGOV"
    assert m.method == "title+name"


def test_title_and_misspelt_name_of_an_office_holder(code):
    doc = code("Rebels dismissed an appeal from President Laurent Gbago to lay down their "
               "arms.", on=PLACEHOLDER)
    assert _find(doc, "Gbago").actor.country == "CIV"
    doc = code("President Francois Mitterand gave a warm welcome to the visitors.",
               on=PLACEHOLDER)
    assert _find(doc, "Mitterand").actor.code == "FRAGOV"


def test_title_does_not_force_an_unknown_name():
    from eventcoder.actors.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    assert kb.office_holders("Xqzvtor") == []
    assert [e.country for e in kb.office_holders("Laurent Gbago")] == ["CIV"]
    # a given name that no candidate bears rules the fuzzy match out
    assert kb.office_holders("Pierre Gbago") == []


def test_igo_post_codes_its_holder_as_the_igo(code):
    doc = code("Arab League Secretary-General Chedli Klibi urged the European Community to "
               "act.", on=PLACEHOLDER)
    m = _find(doc, "Klibi")
    assert m.actor.code == "IGOMEAARL"
    assert m.method == "igo+title"
    doc = code("Afghan rebel leaders said they would meet U.N. mediator Diego Cordovez.",
               on=PLACEHOLDER)
    assert _find(doc, "Cordovez").actor.code == "IGOUNO"
    doc = code("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded "
               "access.", on=PLACEHOLDER)
    assert _find(doc, "Oshima").actor.code == "IGOUNO"


def test_state_posts_and_former_officials_keep_their_country(code):
    doc = code("Former UN envoy Lakhdar Brahimi criticized Syria.", on=PLACEHOLDER)
    assert not _find(doc, "Brahimi").actor.code.startswith("IGO")
    doc = code("UN ambassador John Bolton criticised Iran.", on=PLACEHOLDER)
    assert not _find(doc, "Bolton").actor.code.startswith("IGO")


def test_lone_demonym_tagged_person_is_the_country(code):
    doc = code("President Yoweri Museveni has banned Ugandan opposition candidates from "
               "the elections.", on=PLACEHOLDER)
    assert _find(doc, "Ugandan").actor.code == "UGAOPP"
