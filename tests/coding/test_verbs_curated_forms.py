"""Curated patterns for opposition, commitment, calls for sanctions, emergency rule, welcomes,
light verbs and a few other forms (see the blocks' comments in verbs_curated.txt)."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2000, 1, 1)


def _asserted(doc) -> set[str]:
    return {e.cameo for e in doc.events if e.modality == "asserted"}


@pytest.mark.parametrize("sentence,cameo", [
    # "be opposed to" takes the verb's codes: rejecting an offer (12x), else disapproval (110)
    ("Israel is opposed to French mediation in the talks with Syria.", "126"),
    ("Syria opposes Egyptian mediation in the dispute with Turkey.", "126"),
    ("Iraq is opposed to the French proposal.", "120"),
    ("Iraq opposes the French proposal.", "120"),
    # a stated commitment to a course is an intent to cooperate
    ("Egypt is committed to the peace process with Israel.", "030"),
    # calling for sanctions condemns the target; it is no threat by the caller
    ("The archbishop called for sanctions against Nigeria.", "111"),
    # a demand stays a demand whatever "against" says
    ("Washington demanded that Hamas end its campaign against Israel.", "100"),
    # accusations of rights violations
    ("Amnesty International accused Egypt of violating human rights.", "1122"),
    # emergency rule eased
    ("Serbia eased emergency measures in Kosovo.", "0814"),
    ("The Sudanese government shortened the curfew in Khartoum.", "0813"),
    ("Algeria lifted the state of emergency.", "0814"),
    # widening freedoms
    ("The Sudanese president expanded political freedoms in Sudan.", "0811"),
    # hosting a visitor
    ("President Chirac gave a warm welcome to Nelson Mandela.", "043"),
    # back to the table; a hearing into a matter
    ("Israeli negotiators returned to Washington for talks with Syria.", "046"),
    ("Israel's supreme court opened a hearing into the interrogation methods.", "090"),
    # staying away from work is a strike
    ("Palestinian workers shunned work to protest against Israel.", "143"),
])
def test_curated_form_codes(code, sentence: str, cameo: str) -> None:
    assert cameo in _asserted(code(sentence, ON)), sentence


@pytest.mark.parametrize("sentence,wrong", [
    # "take steps" is a light verb, not a seizure of property (171)
    ("Sudan's president took steps to reform the economy.", "171"),
    # taking punches or a beating is receiving them, not a seizure
    ("The Iraqi minister took a beating from the rebels in Mosul.", "171"),
    # "caught up in" a scandal or fighting is being involved in it, not an arrest
    ("The Afghan minister caught up in the scandal resigned.", "173"),
    # "called for sanctions" is no threat (1312)
    ("The archbishop called for sanctions against Nigeria.", "1312"),
    # "opposed to mediation" is no mere disapproval once the rejection is coded
    ("Israel is opposed to French mediation in the talks with Syria.", "110"),
])
def test_curated_form_limits(code, sentence: str, wrong: str) -> None:
    assert wrong not in _asserted(code(sentence, ON)), sentence
