"""An attack named again: "the RSF attacked camps near El Fasher. The attack killed at least
100 civilians" - the doer of "the attack" is the one the article just named for it.

The extractor codes "The attack killed ..." as violence by an unknown doer (a weapon or an
act as subject leaves the doer out). When that subject is a definite noun for an attack and
one of the sentences just before asserts an act of force by a known party, that party is the
doer: the article refers back to the act it reported. Anything less definite ("an attack",
"attacks") or farther back stays unknown.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..records import Event, Mention

ATTACK_NOUNS = {"attack", "assault", "bombing", "strike", "airstrike", "raid", "shelling",
                "offensive", "ambush", "bombardment", "incursion", "onslaught"}
DEFINITE = {"the", "this", "that"}
FORCE_ROOTS = {"18", "19", "20"}
WINDOW_SENTENCES = 2


def _definite_attack(trigger: Token) -> Token | None:
    """The subject of ``trigger`` if it is "the attack", "this bombing", "Sunday's raid"."""
    for c in trigger.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in ATTACK_NOUNS and c.tag_ == "NN" and any(
                (d.dep_ == "det" and d.lower_ in DEFINITE)
                or (d.dep_ == "poss" and d.ent_type_ in {"DATE", "TIME"}) for d in c.children):
            return c
    return None


def _sentence_number(doc: Doc) -> dict[int, int]:
    return {sent.start_char: n for n, sent in enumerate(doc.sents)}


def attack_doers(events: list[Event], doc: Doc) -> list[Event]:
    """``events`` (in text order) with the unknown doer of a definite attack resolved to the
    party an earlier sentence names for an act of force."""
    number = _sentence_number(doc)
    out: list[Event] = []
    for e in events:
        if e.source.actor is None and e.source.method == "unknown" \
                and e.cameo[:2] in FORCE_ROOTS:
            span = doc.char_span(e.evidence.trigger_start, e.evidence.trigger_end,
                                 alignment_mode="expand")
            noun = _definite_attack(span[0]) if span is not None and len(span) else None
            here = number.get(e.evidence.start)
            if noun is not None and here is not None:
                before = [p for p in out if p.source.actor is not None and p.counted
                          and p.cameo[:2] in FORCE_ROOTS
                          and 0 < here - number.get(p.evidence.start, -99) <= WINDOW_SENTENCES]
                if before:
                    doer = before[-1].source
                    phrase = doc[noun.left_edge.i:noun.i + 1]
                    mention = Mention(text=phrase.text, start=phrase.start_char,
                                      end=phrase.end_char, actor=doer.actor, method="coref",
                                      score=0.5, antecedent=doer.antecedent or doer.text)
                    e = replace(e, source=mention)
        out.append(e)
    return out
