"""Events named by a noun: "Palestinian riots against Israeli policies", "an attack by Osgiliath
soldiers on Ithilen", "Israeli tank shelling". The verb coder misses these when the governing
verb is no event verb ("riots are continuing", "four were killed in Israeli shelling").

Deliberately narrow: a small noun table of unambiguous acts, a doer that is named on the noun
itself (adjective, compound, possessive or "by" phrase) or is the subject of a light verb
whose object the noun is ("Gondor launched an offensive against Osgiliath"), and a noun whose
governing verb was not itself coded (so "staged a protest" is not counted twice).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors.mentions import Located, MentionIndex
from .arguments import SETTING_PREPS, conjuncts, subjects_of, subtree
from .ontology import FORCE_ROOTS

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
# verbs that only carry the act their object names: the subject does the act
LIGHT_VERBS = {"launch", "stage", "mount", "carry", "conduct", "wage", "begin", "start",
               "hold", "unleash", "resume", "renew", "intensify", "escalate", "step", "open",
               "undertake", "lead", "organize", "organise"}
# nouns that are an act only as the object of a light verb ("opened fire on", "launched an
# investigation into"); alone they are too ambiguous ("a fire broke out")
LIGHT_NOUN_EVENTS: dict[str, str] = {
    "fire": "190", "investigation": "090", "inquiry": "090", "probe": "090",
}
# a light verb's own prepositions that name the target of the act ("launched attacks on X")
LIGHT_TARGET_PREPS = {"against", "on", "into"}
# words that may stand between the light verb's object and the head noun of its phrase in a
# misparsed compound ("a new bombing and shelling offensive")
PHRASE_POS = {"NOUN", "ADJ", "CCONJ", "PUNCT", "VERB"}


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


def act_doer(noun: Token, index: MentionIndex) -> Located | None:
    """The doer named on ``noun`` if it is an act of the noun table ("a Russian air strike")."""
    return _doer(noun, index) if _code(noun) is not None else None


def act_phrase_doers(prep: Token, index: MentionIndex) -> list[Located]:
    """Actors named as the doer of the act noun a preposition introduces: "in Israeli tank
    shelling", "in a Hamas attack", "by Russia's offensive". Read off the words between the
    preposition and the act noun (at most four), as the parse of such phrases is unreliable."""
    doc = prep.doc
    out: list[Located] = []
    for t in doc[prep.i + 1: min(prep.i + 6, prep.sent.end)]:
        if _code(t) is not None or t.lower_ in NOUN_EVENTS:  # "shelling" mis-tagged a verb
            return out
        if t.is_punct or t.pos_ in {"VERB", "ADP"}:
            break
        m = index.at(t.i)
        if m is not None and m not in out:
            out.append(m)
    return []


def _target(noun: Token, index: MentionIndex, source: Located) -> Located | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            for p in c.children:
                m = _other_party(p, index, source)
                if m is not None:
                    return m
    return None


def _other_party(p: Token, index: MentionIndex, source: Located) -> Located | None:
    """The first known actor at ``p`` or its conjuncts (or on their modifiers) that is not the
    doer itself."""
    for t in conjuncts(p):
        m = index.at(t.i)
        if m is None:
            m = next((index.at(g.i) for g in t.children
                      if g.dep_ in DOER_DEPS and index.at(g.i)), None)
        if m is not None and m.actor is not None and m is not source \
                and m.actor.code != (source.actor.code if source.actor else None):
            return m
    return None


def _light_verb(noun: Token) -> Token | None:
    """The light verb whose direct object ``noun`` is ("launched an attack"), if any."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
        return head
    return None


def _phrase_head(noun: Token, code: str) -> tuple[Token, str]:
    """The last act noun of the object phrase: "a new bombing and shelling offensive" is an
    offensive even where the parser makes "bombing" the object and splits the rest off."""
    best = (noun, code)
    for t in noun.doc[noun.i + 1:noun.sent.end]:
        if t.pos_ not in PHRASE_POS or (t.pos_ == "PUNCT" and t.text != ","):
            break
        if t.pos_ == "VERB" and t.tag_ != "VBG":
            break
        c = _code(t) if t.pos_ == "NOUN" else None
        if c is not None:
            best = (t, c)
    return best


def _light_target(noun: Token, verb: Token, index: MentionIndex,
                  source: Located) -> Located | None:
    """The target of an act named by a light verb's object: on the noun ("an offensive
    against X"), on the verb ("launched attacks yesterday on X"), or on the next
    against/on/into phrase of the object's own words where the parser split them off."""
    found = _target(noun, index, source)
    if found is not None:
        return found
    skip = {"relcl", "advcl", "ccomp", "acl", "nsubj", "nsubjpass"}
    for t in subtree(verb, skip):
        if t.dep_ != "prep" or t.lower_ not in LIGHT_TARGET_PREPS or t.i < noun.i:
            continue
        if t.head.i != verb.i and not any(a.i == verb.i for a in t.head.ancestors):
            continue
        for p in t.children:
            m = _other_party(p, index, source) if p.dep_ == "pobj" else None
            if m is not None:
                return m
        return None  # only the first such phrase
    return None


def noun_events(doc_tokens: list[Token], index: MentionIndex,
                coded_verbs: set[int]) -> list[NounEvent]:
    out: list[NounEvent] = []
    for noun in doc_tokens:
        if noun.pos_ != "NOUN":
            continue
        code = _code(noun)
        verb = _light_verb(noun)
        if code is None and verb is not None:
            code = LIGHT_NOUN_EVENTS.get(noun.lemma_.lower())
        if code is None:
            continue
        head = noun.head
        if head.i in coded_verbs:
            continue  # "staged a protest", "launched an attack": the verb already coded it
        if noun.dep_ == "pobj" and head.lower_ in SETTING_PREPS and head.head.i in coded_verbs \
                and code[:2] in FORCE_ROOTS:
            # "were killed in an air strike": the act the verb already coded ("arrested
            # in a demonstration" names two acts)
            continue
        source = _doer(noun, index)
        if source is not None:
            out.append(NounEvent(noun, source, _target(noun, index, source), code))
            continue
        if verb is None:
            continue
        # "Gondor launched an offensive against Osgiliath": the light verb's subject does it
        act, code = _phrase_head(noun, code)
        for doer in subjects_of(verb, index, keep_unresolved=False):
            out.append(NounEvent(noun, doer, _light_target(act, verb, index, doer), code))
    return out
