"""One table of speech and belief verbs, read by modality, intent, extract and quotes."""

from __future__ import annotations

from eventcoder.coding import extract, intent, modality, quotes, speech


def test_consumers_read_the_one_table():
    assert modality.REPORTING is speech.REPORTING
    assert intent.STATING is speech.STATING
    assert extract.SAYING_ONLY is speech.SAYING_ONLY
    assert quotes.QUOTING is speech.QUOTING


def test_table_is_consistent():
    # a speaker's own statement, or a bare saying, is always reported speech
    assert speech.STATING <= speech.REPORTING
    assert speech.SAYING_ONLY <= speech.REPORTING
    assert speech.CLAIMING <= speech.REPORTING
    # beliefs report a view: no stated intention, no quote attribution ("I think ...")
    for belief in ("believe", "think"):
        assert belief in speech.REPORTING
        assert belief not in speech.STATING | speech.QUOTING
    # demands and promises attribute quotes, but their clause is their own kind
    for verb in ("ask", "urge", "vow", "promise"):
        assert verb in speech.QUOTING and verb not in speech.REPORTING
    # speech acts with a code of their own keep their clause for it
    for verb in ("warn", "suggest", "admit", "acknowledge"):
        assert verb in speech.REPORTING and verb not in speech.SAYING_ONLY
    assert all(lemma == lemma.lower() for lemma in speech.SPEECH_TABLE)


def _coded(doc):
    return {(e.source.actor.country if e.source.actor else e.source.text, e.cameo,
             e.target.actor.country if e.target and e.target.actor else None, e.modality)
            for e in doc.events}


def test_a_belief_states_no_intention(code):
    doc = code("Iran believes that Israel will attack Iraq.")
    assert all(e.cameo_root != "13" for e in doc.events)
    assert any(e.cameo == "190" and e.modality == "intended" and e.reported
               for e in doc.events)


def test_a_claim_states_an_intention(code):
    doc = code("Iran claimed that it would attack Israel.")
    assert any(e.cameo_root == "13" and e.modality == "asserted" for e in doc.events)


def test_claimed_own_act_is_a_claim_of_responsibility(code):
    doc = code("The US claimed that they had attacked Iraq")
    assert ("USA", "015", "IRQ", "asserted") in _coded(doc)
    attack = next(e for e in doc.events if e.cameo == "190")
    assert attack.reported
    # what one claims to have done is a claim (015), not an attack the text establishes
    assert attack.modality != "asserted"


def test_claimed_act_of_another_is_an_accusation(code):
    doc = code("Russia claimed that Ukraine shelled the nuclear plant.")
    assert ("RUS", "112", "UKR", "asserted") in _coded(doc)
    assert not any(e.cameo == "015" for e in doc.events)


def test_reiterated_attributes_a_quote(code):
    doc = code("“We will never accept this deal with Russia,” Zelensky reiterated on Thursday.")
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker is not None and "Zelensky" in doc.quotes[0].speaker.text


def test_a_statement_is_about_the_party_its_clause_names_when_the_clause_codes_nothing(code):
    # PETRARCH codes the statement (010) toward the actor in the said clause's subject phrase
    doc = code("Kenya said that a ban on Ugandan imports would not work.")
    assert ("KEN", "010", "UGA", "asserted") in _coded(doc)
    # a clause that codes an act, or a demand, is the event; the statement adds nothing
    doc = code("Kenya said that Ugandan troops had attacked Tanzania.")
    assert not any(e.cameo == "010" for e in doc.events)
    doc = code("Kenya said Uganda must reconsider.")
    assert {e.cameo for e in doc.events} == {"100"}
    # a pronoun names no one; an unnamed official speaks for no one named
    assert not any(e.cameo == "010" for e in code(
        "Kenya and Uganda said they would not reconsider.").events)
    assert not any(e.cameo == "010" for e in code(
        "A senior official said that the talks with Uganda had stalled.").events)
