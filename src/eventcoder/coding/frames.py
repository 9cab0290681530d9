"""Verb frames: a verb occurrence as the dictionary's patterns see it (``VerbFrame``).

The frame lists lemmas without determiners or punctuation: the verb's particle, the words of
its object (or objects and complement clauses), each prepositional phrase, and the subject
noun phrase up to its head, so that PETRARCH patterns such as ``{DEATH TOLL} *`` or
``* (TO QUESTION)`` can be matched on a dependency parse (see verbs.py).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.mentions import Located
from .arguments import subtree
from .speech import SAYING_ONLY
from .verbs import VerbFrame, VerbLexicon, VerbMatch

OBJECT_DEPS = {"dobj", "attr", "oprd", "dative", "acomp"}
CLAUSE_OBJECT_DEPS = {"xcomp", "ccomp"}
MAX_FRAME_WORDS = 14
MODIFIER_DEPS = {"compound", "nmod", "amod"}


def words_of(tokens: list[Token]) -> tuple[str, ...]:
    """The lemmas a frame lists for ``tokens``: no punctuation, no determiners."""
    return tuple(t.lemma_.lower() for t in tokens if not t.is_punct and t.pos_ != "DET")[
        :MAX_FRAME_WORDS]


def verb_word(lexicon: VerbLexicon, v: Token) -> str:
    """The lexicon entry ``v`` is looked up by (its lemma, or the form the lexicon lists)."""
    return lexicon.entry_word(v.lower_, v.lemma_.lower(), v.tag_)


def verb_frame(lexicon: VerbLexicon, v: Token, obj: Token | None, source: Located,
               particle: str | None = None) -> VerbFrame:
    """``v`` as the verb patterns see it: its particle, the words of its object ``obj`` (or of
    its objects and complement clauses), its prepositional phrases and the subject phrase
    ``source`` sits in."""
    particle = particle or next((c.lower_ for c in v.children if c.dep_ == "prt"), None)
    objects: list[Token] = []
    if obj is not None:
        objects = subtree(obj, {"conj", "cc", "relcl"})
    else:
        # What someone said is coded on its own verbs (with its own modality), not as an
        # act of the speech verb: "said they will release X" is not a release.
        clause = CLAUSE_OBJECT_DEPS if v.lemma_.lower() not in SAYING_ONLY \
            else {"xcomp"}
        for c in v.children:
            if c.dep_ in OBJECT_DEPS or (c.dep_ == "advmod" and c.pos_ == "NOUN"
                                         and c.i > v.i):
                # (a noun the parser hung on the verb as an adverb is its object: "will
                # contribute a million gold florin to X")
                objects.extend(subtree(c, {"relcl"}))
            elif c.dep_ in clause:
                # the clause's own verbs are coded on their own ("wants to help Israel"
                # is no appeal for help); its nouns still shape this verb's code
                objects.extend(t for t in subtree(c, {"relcl"}) if t.pos_ != "VERB")
    preps = tuple(
        # not a clause said inside the phrase ("accused Rwanda of making accusations by
        # alleging Paris played a role in the genocide" is no accusation of genocide)
        (c.lower_, words_of([t for p in c.children
                           for t in subtree(p, {"relcl", "ccomp"})]))
        for c in v.children if c.dep_ in {"prep", "agent"}
    )
    # the subject noun phrase the source sits in, up to its head: PETRARCH subject
    # patterns name it ("{DEATH TOLL} *" for "Eriador's death toll has risen"), not the
    # phrases after it ("riots against Israeli military policies")
    # (in the passive the doer's phrase is the "by" agent: "was demolished by a protester")
    phrase = next((c for c in [*v.children, *(g for a in v.children if a.dep_ == "agent"
                                              for g in a.children if g.dep_ == "pobj")]
                   if c.dep_ in {"nsubj", "nsubjpass", "pobj"}
                   and c.left_edge.i <= source.head <= c.i), None)
    words = list(v.doc[phrase.left_edge.i:phrase.i + 1]) if phrase is not None \
        else list(v.doc[source.start:source.end])
    # coordinated modifiers share the head: "death and injury toll" is a death toll
    # (and an injury toll), so "{DEATH TOLL} *" matches
    shared = {t.i for c in words if c.dep_ == "cc" and c.head.dep_ in MODIFIER_DEPS
              and c.i + 1 < words[-1].i and c.nbor().dep_ in MODIFIER_DEPS | {"conj"}
              for t in (c, c.nbor())}
    subject = words_of([t for t in words if t.i not in shared])
    return VerbFrame(lemma=verb_word(lexicon, v), particle=particle, objects=words_of(objects),
                     preps=preps, subject=subject)


def infinitive_match(lexicon: VerbLexicon, v: Token,
                     frame: VerbFrame) -> tuple[VerbMatch, Token] | None:
    """"has begun to question whether ...": a pattern naming the infinitive after the
    verb as a phrase ("* (TO QUESTION)", as PETRARCH's word-sequence patterns see it),
    for a verb no pattern of its own codes; with the infinitive."""
    for c in v.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(
                a.lower_ == "to" and a.dep_ in {"aux", "mark"} for a in c.children):
            # (the verb alone: "agreed to lift the sanctions" is no "* (TO SANCTION)")
            match = lexicon.match(replace(frame, preps=(*frame.preps,
                                                             ("to", words_of([c])))))
            if match is not None and not match.default:
                return match, c
    return None
