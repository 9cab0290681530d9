"""Office queries of the knowledge base (eventcoder.actors.offices), reached through
KnowledgeBase and re-exported by eventcoder.actors.kb."""

from __future__ import annotations

from datetime import date

from eventcoder.actors import kb as kb_module
from eventcoder.actors import offices
from eventcoder.actors.entries import Entry, Role
from eventcoder.actors.kb import KnowledgeBase


def test_kb_re_exports_the_office_names() -> None:
    assert kb_module.TITLE_KINDS is offices.TITLE_KINDS
    assert kb_module.LEADER == offices.LEADER
    assert kb_module.OFFICE_SECTORS is offices.OFFICE_SECTORS
    assert issubclass(KnowledgeBase, offices.OfficeQueries)


def test_office_queries_read_the_indexes_the_kb_builds() -> None:
    role = Role("Grand Vizier", "head_of_government", "ELB", "GOV", "ELBGOV",
                date(2001, 1, 1), date(2005, 1, 1))
    kb = KnowledgeBase([Entry(id="person:ada-zorn", type="person", name="Ada Zorn",
                              code="ELBGOV", country="ELB", sector="GOV", roles=(role,))])
    assert kb.holder_by_title("ELB", "grand vizier", date(2003, 1, 1)).name == "Ada Zorn"
    assert kb.holder("ELB", offices.LEADER, date(2003, 1, 1)).name == "Ada Zorn"
    assert kb.in_office("Zorn", date(2003, 1, 1)).name == "Ada Zorn"
    assert kb.in_office("Zorn", date(2006, 1, 1)) is None
    ada = kb.get("person:ada-zorn")
    assert ada is not None and kb.actor(ada, date(2006, 1, 1)).code == "ELBELI"


def test_an_office_holder_added_later_is_found_by_surname() -> None:
    role = Role("Grand Vizier", "head_of_government", "ELB", "GOV", "ELBGOV",
                date(2001, 1, 1), date(2005, 1, 1))
    kb = KnowledgeBase([Entry(id="person:ada-zorn", type="person", name="Ada Zorn",
                              code="ELBGOV", country="ELB", sector="GOV", roles=(role,))])
    assert kb.in_office("Quill", date(2003, 1, 1)) is None  # builds the surname index
    later = Role("Grand Vizier", "head_of_government", "ELB", "GOV", "ELBGOV",
                 date(2006, 1, 1), None)
    kb.add(Entry(id="person:bo-quill", type="person", name="Bo Quill", code="ELBGOV",
                 country="ELB", sector="GOV", roles=(later,)))
    found = kb.in_office("Quill", date(2007, 1, 1))
    assert found is not None and found.name == "Bo Quill"
