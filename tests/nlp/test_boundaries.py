"""A blank line ends a sentence: headlines and datelines are not run into the first one."""

from __future__ import annotations


def test_headline_is_its_own_sentence(engine):
    doc = engine.nlp("Police detain protesters as EU weighs visa curbs\n\n"
                     "Thousands of demonstrators marched on the parliament on Wednesday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Police detain protesters as EU weighs visa curbs"
    assert sents[1].startswith("Thousands")


def test_single_newline_does_not_split(engine):
    doc = engine.nlp("Thousands of demonstrators marched\non the parliament on Wednesday.")
    assert len(list(doc.sents)) == 1


def test_dateline_place_is_not_a_doer(code):
    doc = code("TBILISI, Jan. 16, 2025 — Thousands of Georgian demonstrators marched on the "
               "parliament on Wednesday night.")
    assert all(e.source.actor is None or e.source.actor.code != "GEO" for e in doc.events)
