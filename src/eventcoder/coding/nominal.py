"""Events named by a noun: "Palestinian riots against Israeli policies", "an attack by Osgiliath
soldiers on Ithilen", "Israeli tank shelling". The verb coder misses these when the governing
verb is no event verb ("riots are continuing", "four were killed in Israeli shelling").

Deliberately narrow: a small noun table of unambiguous acts, a doer that is named on the noun
itself (adjective, compound, possessive or "by" phrase), and a noun whose governing verb was
not itself coded (so "staged a protest" is not counted twice).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors.mentions import Located, MentionIndex
from .arguments import conjuncts

# noun lemma -> CAMEO code (codebook descriptions in data/cameo.tsv)
NOUN_EVENTS: dict[str, str] = {
    "riot": "145", "demonstration": "141", "protest": "141", "rally": "141",
    "march": "141", "sit-in": "141", "boycott": "143", "walkout": "143",
    "shelling": "194", "bombardment": "194", "airstrike": "195", "bombing": "183",
    "invasion": "192", "incursion": "190", "offensive": "190", "attack": "190",
    "assault": "190", "raid": "190", "assassination": "186", "kidnapping": "181",
    "abduction": "181", "blockade": "191", "crackdown": "175", "massacre": "202",
}
PATIENT_ADJECTIVE = {"invasion", "incursion", "blockade", "massacre", "crackdown",
                     "assassination", "kidnapping", "abduction", "occupation"}
DOER_DEPS = {"amod", "compound", "poss", "nmod"}
TARGET_PREPS = {"against", "on", "of", "in", "into"}


@dataclass(frozen=True, slots=True)
class NounEvent:
    noun: Token
    source: Located
    target: Located | None
    code: str


def _code(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma == "strike":
        if any(c.lower_ == "hunger" for c in noun.children):
            return "142"
        if any(c.lower_ in {"air", "drone", "missile"} for c in noun.children):
            return "195"
        return None  # a labour strike or a sports one: too ambiguous alone
    return NOUN_EVENTS.get(lemma)


def _doer(noun: Token, index: MentionIndex) -> Located | None:
    # "the Ukrainian invasion" is the invasion OF Ukraine: for these nouns only a possessive
    # or a "by" phrase names the doer
    adjectives = DOER_DEPS if noun.lemma_.lower() not in PATIENT_ADJECTIVE else {"poss"}
    for c in noun.children:
        if c.dep_ in adjectives:
            m = index.at(c.i)
            if m is not None and m.actor is not None:
                return m
            # "Israeli tank shelling": the actor sits on the compound's own modifier
            for g in c.children:
                m = index.at(g.i)
                if g.dep_ in DOER_DEPS and m is not None and m.actor is not None:
                    return m
        if c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                m = index.at(p.i)
                if m is None:
                    m = next((index.at(g.i) for g in p.children
                              if g.dep_ in DOER_DEPS and index.at(g.i)), None)
                if m is not None and m.actor is not None:
                    return m
    return None


def _target(noun: Token, index: MentionIndex, source: Located) -> Located | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            for p in c.children:
                for t in conjuncts(p):
                    m = index.at(t.i)
                    if m is None:
                        m = next((index.at(g.i) for g in t.children
                                  if g.dep_ in DOER_DEPS and index.at(g.i)), None)
                    if m is not None and m.actor is not None and m is not source \
                            and m.actor.code != (source.actor.code if source.actor else None):
                        return m
    return None


def noun_events(doc_tokens: list[Token], index: MentionIndex,
                coded_verbs: set[int]) -> list[NounEvent]:
    out: list[NounEvent] = []
    for noun in doc_tokens:
        if noun.pos_ != "NOUN":
            continue
        code = _code(noun)
        if code is None:
            continue
        head = noun.head
        if head.i in coded_verbs:
            continue  # "staged a protest", "launched an attack": the verb already coded it
        source = _doer(noun, index)
        if source is None:
            continue
        out.append(NounEvent(noun, source, _target(noun, index, source), code))
    return out
