"""An act named again: "the RSF attacked camps near El Fasher. The attack killed at least
100 civilians" - the doer of "the attack" is the one the article just named for it; and in
"North Korea fired two missiles. Seoul condemned the launch", the launch is North Korea's.

The extractor codes "The attack killed ..." as violence by an unknown doer (a weapon or an
act as subject leaves the doer out). When that subject is a definite noun for an attack and
one of the sentences just before asserts an act of force by a known party, that party is the
doer: the article refers back to the act it reported. Anything less definite ("an attack",
"attacks") or farther back stays unknown. Likewise a reaction (criticism, rejection, demand,
threat) whose object is such a noun ("condemned the launch") targets the party an earlier
sentence says did an act of force, coercion or a show of force, unless the object names a
party itself ("the Russian attack").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..records import Event, Mention
from .ontology import FORCE_ROOTS

ATTACK_NOUNS = {"attack", "assault", "bombing", "strike", "airstrike", "raid", "shelling",
                "offensive", "ambush", "bombardment", "incursion", "onslaught"}
DEFINITE = {"the", "this", "that"}
WINDOW_SENTENCES = 2
# acts a later sentence may name by a noun, and the codes of the acts they can name
ACT_NOUNS = ATTACK_NOUNS | {"launch", "test", "killing", "killings", "invasion", "arrest",
                            "arrests", "detention", "crackdown", "massacre", "execution",
                            "seizure", "blockade", "provocation", "incident"}
ACT_ROOTS = FORCE_ROOTS | {"15", "17"}
# reactions to an act: criticism, rejection, demands and threats aimed at whoever did it
REACTION_ROOTS = {"10", "11", "12", "13"}


def _definite(noun: Token, dated: bool = False) -> bool:
    """"the attack", "this launch"; with ``dated`` also "Sunday's raid"."""
    return any((d.dep_ == "det" and d.lower_ in DEFINITE)
               or (dated and d.dep_ == "poss" and d.ent_type_ in {"DATE", "TIME"})
               for d in noun.children)


def _definite_attack(trigger: Token) -> Token | None:
    """The subject of ``trigger`` if it is "the attack", "this bombing", "Sunday's raid"
    (one attack: "the attacks" may be others)."""
    return next((c for c in trigger.children if c.dep_ == "nsubj" and c.tag_ == "NN"
                 and c.lemma_.lower() in ATTACK_NOUNS and _definite(c, dated=True)), None)


def _definite_act(trigger: Token) -> Token | None:
    """The object of ``trigger`` if it is "the launch", "this attack", "the arrests"."""
    return next((c for c in trigger.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in ACT_NOUNS and _definite(c)), None)


def _sentence_number(doc: Doc) -> dict[int, int]:
    """Sentence start offset -> its number (an event's ``evidence.start`` is the former)."""
    return {sent.start_char: n for n, sent in enumerate(doc.sents)}


def _earlier(out: list[Event], here: int, number: dict[int, int], roots: frozenset[str] | set[str],
             not_by: Mention | None = None) -> Event | None:
    """The last event of ``roots`` asserted by a known party (not ``not_by``'s actor) in the
    sentences just before; ``out`` is in text order."""
    for p in reversed(out):
        there = number.get(p.evidence.start)
        if there is None or there >= here:
            continue
        if here - there > WINDOW_SENTENCES:
            return None
        a = p.source.actor
        if a is not None and p.counted and p.cameo[:2] in roots and not (
                not_by is not None and not_by.actor is not None
                and not_by.actor.code == a.code):
            return p
    return None


def _at(doc: Doc, e: Event) -> Token | None:
    span = doc.char_span(e.evidence.trigger_start, e.evidence.trigger_end,
                         alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _end_char(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _as_mention(phrase_head: Token, actor_of: Mention) -> Mention:
    doc = phrase_head.doc
    phrase = doc[phrase_head.left_edge.i:phrase_head.i + 1]
    return Mention(text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                   actor=actor_of.actor, method="coref", score=0.5,
                   antecedent=actor_of.antecedent or actor_of.text)


def _reacted(e: Event, doc: Doc, here: int, number: dict[int, int],
             before: list[Event]) -> Event:
    """``e`` with the target of a reaction to "the launch", "the attack" set to the party an
    earlier sentence says did it, unless the reaction already targets a party named inside
    that object ("condemned the Russian attack" names the doer itself)."""
    trigger = _at(doc, e) if e.cameo[:2] in REACTION_ROOTS else None
    act = _definite_act(trigger) if trigger is not None else None
    if act is None or (e.target is not None and e.target.actor is not None
                       and act.left_edge.idx <= e.target.start < _end_char(act.right_edge)):
        return e
    done = _earlier(before, here, number, ACT_ROOTS, not_by=e.source)
    return replace(e, target=_as_mention(act, done.source)) if done is not None else e


def _attacked(e: Event, doc: Doc, here: int, number: dict[int, int],
              before: list[Event]) -> Event:
    """``e`` with the unknown doer of a definite attack ("The attack killed ...") resolved to
    the party an earlier sentence names for an act of force."""
    if e.source.actor is not None or e.source.method != "unknown" \
            or e.cameo[:2] not in FORCE_ROOTS:
        return e
    trigger = _at(doc, e)
    noun = _definite_attack(trigger) if trigger is not None else None
    done = _earlier(before, here, number, FORCE_ROOTS) if noun is not None else None
    return replace(e, source=_as_mention(noun, done.source)) \
        if noun is not None and done is not None else e


def linked_acts(events: list[Event], doc: Doc) -> list[Event]:
    """``events`` (in text order) with the acts named again linked to the earlier ones: the
    doer of "the attack" and the target of a reaction to it. (The two never apply to the same
    event: one is an act of force, the other a reaction.)"""
    number = _sentence_number(doc)
    out: list[Event] = []
    for e in events:
        here = number.get(e.evidence.start)
        if here is not None:
            e = _reacted(_attacked(e, doc, here, number, out), doc, here, number, out)
        out.append(e)
    return out
