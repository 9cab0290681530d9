"""The actor ruler reads the words from the token array: lower-case phrases, then phrases as
written, longest first; an empty text has nothing to mark."""

from __future__ import annotations

import spacy

from eventcoder.nlp.actor_ruler import LABEL, add_actor_ruler


def test_lower_then_cased_phrases_longest_first() -> None:
    nlp = spacy.blank("en")
    add_actor_ruler(nlp, [("LOWER", ("gondor",), "country:GON"),
                          ("LOWER", ("gondor", "army"), "org:GONMIL"),
                          ("ORTH", ("Arnor",), "country:ARN")])
    doc = nlp("The GONDOR army met arnor and Arnor.")
    assert [(e.text, e.label_, e.id_) for e in doc.ents] == [
        ("GONDOR army", LABEL, "org:GONMIL"), ("Arnor", LABEL, "country:ARN")]
    assert list(nlp("").ents) == []
