"""Quotes: speaker resolved to an actor, listener and outlet recorded."""

from __future__ import annotations


def test_quote_with_pronoun_speaker_listener_and_outlet(code):
    text = ("Vladimir Putin met reporters in Moscow. “We are ready to talk about a ceasefire "
            "with Ukraine,” he told CNN's Jim Sciutto.")
    doc = code(text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.text.startswith("We are ready")
    assert text[q.start:q.end] == q.text
    assert q.speaker is not None and q.speaker.actor.name == "Vladimir Putin"
    assert q.outlet == "CNN"
    assert q.listener is not None and "Sciutto" in q.listener.text


def test_quote_after_colon_and_unbalanced_quote(code):
    doc = code("Donald Trump spoke at the White House. He added: “Now we will see if Russia "
               "is there or not.” Later he repeated the point.")
    assert doc.quotes and doc.quotes[0].speaker.actor.name == "Donald Trump"
    doc = code("“I think we will be in a very good shape to get it done, Trump said on "
               "Thursday in the Oval Office.")
    assert doc.quotes and doc.quotes[0].speaker.actor.name == "Donald Trump"
    assert doc.quotes[0].text.endswith("get it done")


def test_scare_quotes_are_not_quotes(code):
    doc = code("Putin spoke of the “root cause” of the war in a speech in Moscow.")
    assert doc.quotes == ()
