"""Stated intentions, threats and demands derived from the act a clause names (intent.py):
warnings are threats, aspectual verbs are transparent, a message can carry a demand."""

from __future__ import annotations


def test_warning_that_one_will_no_longer_allow_is_a_threat(code, dyads):
    got = dyads(code("The army warned that it will no longer tolerate attacks by the militia."))
    assert any(c == "130" and t is not None for c, _, t, m in got if m == "asserted")
    assert not any(c.startswith("03") for c, _, _, _ in got)


def test_warning_about_another_party_is_no_threat_of_it(code, dyads):
    got = dyads(code("The Israeli minister warned that Iran will attack Saudi Arabia."))
    assert not any(c.startswith("13") and s == "IRN" for c, s, _, _ in got)


def test_intending_to_resume_an_act_intends_the_act(code, dyads):
    # preparing to use force is a force posture (15), not a verbal threat
    got = dyads(code("The Syrian army prepared to resume shelling Turkish positions."))
    assert ("150", "SYRMIL", "TUR", "asserted") in got
    assert not any(c.startswith("13") for c, _, _, _ in got)
    # the bare intent verb's generic code would count the one statement twice
    assert not any(c == "030" for c, _, _, _ in got)


def test_being_prepared_to_use_force_is_a_threat_preparing_it_a_force_posture(code, dyads):
    # the adjective states a readiness (a threat); the verb "prepare" reports preparations
    for text in ("Turkey said it is prepared to attack Kurdish positions in Syria.",
                 "Colombian troops are prepared to attack the rebel camps."):
        said = dyads(code(text))
        assert any(c.startswith("13") and m == "asserted" for c, _, _, m in said), text
    moved = dyads(code("Turkish troops are preparing to attack Kurdish positions in Syria."))
    assert any(c == "150" and s == "TURMIL" and m == "asserted" for c, s, _, m in moved)
    assert not any(c.startswith("13") for c, _, _, _ in moved)
    # a non-violent measure being prepared stays a threat of it
    curfew = dyads(code("The Syrian government prepared to impose a curfew on Aleppo."))
    assert any(c.startswith("13") for c, _, _, _ in curfew)


def test_message_whose_clause_says_what_another_must_do_is_a_demand(code, dyads):
    got = dyads(code("The chancellor issued a warning to Iran that it must cooperate with "
                     "the inspectors."))
    assert any(c.startswith("10") and t == "IRN" for c, _, t, m in got if m == "asserted")


def test_hostile_act_promised_unless_another_complies_is_a_threat_to_it(code, dyads):
    got = dyads(code("The Umma (Nation) party has said it will boycott Sudan's elections "
                     "unless the president agrees to step down."))
    assert ("133", "SDNOPP", "SDNGOV", "asserted") in got
    # a government promising to boycott unless its own president resigns threatens no one
    got = dyads(code("The Baath (Renaissance) party has said it will boycott Syria's elections "
                     "unless the president agrees to resign."))
    assert not any(c.startswith("13") and s == t for c, s, t, _ in got)
