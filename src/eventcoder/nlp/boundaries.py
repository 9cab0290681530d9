"""Sentence boundaries the parser must respect: a blank line ends a sentence.

Headlines, datelines and paragraphs arrive separated by blank lines but often without a full
stop ("Georgian police detain protesters as EU weighs visa curbs"); left to itself the parser
runs the headline into the first sentence and reads both wrongly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FACTORY = "eventcoder_paragraph_breaks"


def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after each blank line (before parsing)."""
    for t in doc[1:]:
        prev = doc[t.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2 and not t.is_space:
            t.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Add :func:`mark_paragraph_breaks` right before the parser."""
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.component(FACTORY, func=mark_paragraph_breaks)
    nlp.add_pipe(FACTORY, name="paragraph_breaks", before="parser")
