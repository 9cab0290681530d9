"""Repairs of parses the small English model gets wrong in a way that flips who did what.

Garden-path reduced relatives: in "The civilians imprisoned for acting against Moscow were
released by Putin" the model reads "imprisoned" as the main verb with "the civilians" as its
subject (they imprisoned someone) and hangs "were released" off it with no subject. The
participle is a passive modifier of the noun and "were released" is the sentence's verb, so
the tree is rewired to say that: ``civilians <-nsubjpass- released``, ``imprisoned -acl->
civilians`` (tag VBN). The coder then reads "imprisoned" as a passive whose patient is its
head noun (see :func:`eventcoder.coding.arguments.reduced_passive`).

Datelines: in "KYIV, Ukraine (AP) — Russian forces shelled Kharkiv" the model makes "KYIV" a
second subject of "shelled". A dateline only says where the story was filed, so its words are
re-attached to the sentence's verb as a modifier (``npadvmod``): the place is still there for
geolocation, but no longer an argument.

Reported clauses read as modifiers: in "Israeli airstrikes killed at least 20 people in Gaza,
health officials said" the model makes "killed" a participle modifying "airstrikes" (the
airstrikes that killed ...) and "airstrikes" a second subject of "said". A participle with a
direct object is no passive; when its noun is a subject of a later speech verb that has a
subject of its own, the participle is the reported clause and the noun its subject.

Fronted dates: "On Wednesday Ukraine appealed to NATO" is read as the phrase "on Wednesday
Ukraine" and leaves "appealed" without a subject; the name becomes the subject again.

Fronted phrases: in "With the signing of a memorandum, the government and the rebels have
agreed ..." the model reads "the government" as one more conjunct inside the fronted phrase
and leaves "agreed" with no subject. The noun phrase between the phrase's comma and the verb
is the subject.

Participial subjects: in "The Red Cross operating in Iraq said ..." the model makes the
participle "operating" the subject of "said" and "the Red Cross" the participle's subject. A
bare present participle right after its noun modifies it (the Red Cross that operates in
Iraq); the noun is the subject of the main verb.

Quantities: "kidnapped up to 16 advisers" is read as the particle "up" and "to 16 advisers";
the counted people become the verb's object again.

Means before the object: "has received by courier money from X" is read as "by [courier
money]". "By" with a bare noun of carriage or messaging is an idiom of its own ("by courier",
"by post", "by phone"); in a clause with a subject and no object the noun after it is the
verb's object.

Split possessives: "told CNN's Jim Sciutto" is read as two objects; the possessor becomes the
possessor of the noun after it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

FACTORY = "eventcoder_parse_repair"
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_ADJUNCTS = {"prep", "agent", "npadvmod", "advmod", "punct"}
_DASHES = {"—", "–", "--"}
_SPEECH = {"say", "tell", "report", "announce", "claim", "confirm", "add", "state", "allege"}
_DATELINE_MAX = 12  # tokens before the dash: "WASHINGTON, Jan. 16, 2025 (Reuters) —"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def has_subject(v: Token) -> bool:
    """Does the clause headed by ``v`` have a subject of its own (an expletive counts)?"""
    return any(c.dep_ in SUBJECT_DEPS for c in v.children)


def _stranded_main_verb(v: Token) -> Token | None:
    """The real main verb hanging off a misread past-tense ``v``: a later conj/ccomp child with
    a finite auxiliary of its own and no subject, not joined to ``v`` by a conjunction."""
    if v.tag_ != "VBD" or any(c.dep_ in {"dobj", "aux", "auxpass", "cc"} for c in v.children):
        return None
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    # a pronoun cannot carry a reduced relative ("they imprisoned ... were released")
    if len(subjects) != 1 or subjects[0].pos_ not in {"NOUN", "PROPN"} \
            or subjects[0].i > v.i:
        return None
    for m in v.children:
        if m.i < v.i or m.dep_ not in {"conj", "ccomp"} or m.pos_ not in {"VERB", "AUX"}:
            continue
        if has_subject(m):
            continue
        # only the participle's own adjuncts ("for acting against Moscow", "last year",
        # "by police") stand between it and the stranded verb
        between = [c for c in v.children if v.i < c.i < m.i]
        if any(c.dep_ not in _ADJUNCTS for c in between):
            continue
        if any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE and c.i < m.i
               for c in m.children):
            return m
    return None


def repair_reduced_relatives(doc: Doc) -> int:
    """Rewire each garden-path reduced relative in ``doc``; return how many were repaired."""
    repaired = 0
    for v in list(doc):
        main = _stranded_main_verb(v)
        if main is None:
            continue
        subject = next(c for c in v.children if c.dep_ == "nsubj")
        passive = any(c.dep_ == "auxpass" for c in main.children)
        moved = [c for c in v.children if c.i >= main.left_edge.i and c.i != main.i]
        head, dep = v.head, v.dep_
        main.head = main if head.i == v.i else head
        main.dep_ = dep
        subject.head = main
        subject.dep_ = "nsubjpass" if passive else "nsubj"
        v.head = subject
        v.dep_ = "acl"
        v.tag_ = "VBN"
        for c in moved:  # the main clause's trailing words belong to its verb
            c.head = main
        repaired += 1
    if repaired:
        log.debug("repaired %d reduced relative(s)", repaired)
    return repaired


def repair_datelines(doc: Doc) -> int:
    """Detach the dateline opening each sentence ("TBILISI, Jan. 16 —") from the verb's
    arguments, and give the verb back the words after the dash the model hung on the dateline
    (the first noun as its subject if it has none); return how many datelines were found."""
    found = 0
    for sent in doc.sents:
        first = sent[0]
        if not (first.is_alpha and first.is_upper and len(first) > 1):
            continue
        dash = next((t for t in sent[1:_DATELINE_MAX] if t.text in _DASHES), None)
        root = sent.root
        if dash is None or root.i <= dash.i:
            continue
        # what the model hung on the dateline from after the dash is the sentence's own:
        # "UNITED NATIONS — Secretary-General Guterres appealed" (Guterres read as the
        # dateline's apposition) gives the verb its subject back
        hung = [t for t in doc[dash.i + 1:root.i] if first.i <= t.head.i <= dash.i]
        for t in doc[first.i:dash.i + 1]:
            if not first.i <= t.head.i <= dash.i or t.head.i == t.i:
                t.head = root
                t.dep_ = "punct" if t.is_punct else "npadvmod"
        for t in hung:
            subject = t.pos_ in {"PROPN", "NOUN", "PRON"} and not has_subject(root)
            t.head = root
            t.dep_ = "punct" if t.is_punct else "nsubj" if subject else "npadvmod"
        found += 1
    return found


def repair_reported_clauses(doc: Doc) -> int:
    """Rewire "X did Y, officials said" read as "X (that did Y) ..., officials said"."""
    found = 0
    for v in list(doc):
        if v.dep_ != "acl" or v.tag_ not in {"VBN", "VBD"} \
                or not any(c.dep_ == "dobj" for c in v.children):
            continue
        noun, speech = v.head, v.head.head
        if noun.dep_ != "nsubj" or speech.lemma_.lower() not in _SPEECH \
                or speech.i <= v.right_edge.i:
            continue
        if not any(c.dep_ == "nsubj" and c.i > v.i for c in speech.children):
            continue
        noun.head, noun.dep_ = v, "nsubj"
        v.head, v.dep_, v.tag_ = speech, "ccomp", "VBD"
        found += 1
    return found


def repair_fronted_dates(doc: Doc) -> int:
    """Give back the subject swallowed by a fronted date phrase; return how many."""
    found = 0
    for v in doc:
        if v.pos_ not in {"VERB", "AUX"} or has_subject(v):
            continue
        for prep in (c for c in v.children if c.dep_ == "prep" and c.i < v.i):
            name = next((p for p in prep.children if p.dep_ == "pobj"), None)
            if name is None or name.pos_ != "PROPN" or name.ent_type_ == "DATE":
                continue
            date = next((d for d in name.children if d.dep_ == "compound"
                         and d.ent_type_ == "DATE" and d.i == prep.i + 1), None)
            if date is None:
                continue
            date.head, date.dep_ = prep, "pobj"
            name.head, name.dep_ = v, "nsubj"
            found += 1
            break
    return found


def repair_fronted_phrases(doc: Doc) -> int:
    """Give back the subject a fronted "with ..., X and Y have agreed" phrase swallowed as a
    conjunct; return how many."""
    found = 0
    for v in doc:
        if v.dep_ != "ROOT" or v.pos_ not in {"VERB", "AUX"} or has_subject(v):
            continue
        start = min([c.i for c in v.children if c.dep_ in {"aux", "auxpass"}] + [v.i])
        for prep in (c for c in v.children if c.dep_ == "prep" and c.i < v.i):
            noun = next((t for t in prep.subtree if t.dep_ == "conj"
                         and t.pos_ in {"NOUN", "PROPN"} and t.left_edge.i > 0
                         and doc[t.left_edge.i - 1].text == ","
                         and t.right_edge.i == start - 1), None)
            if noun is None:
                continue
            noun.head, noun.dep_ = v, "nsubj"
            found += 1
            break
    return found


def repair_participial_subjects(doc: Doc) -> int:
    """Rewire "[X operating in Iraq] said" read as "X" subject of a subject "operating";
    return how many were repaired."""
    found = 0
    for g in doc:
        if g.dep_ != "nsubj" or g.tag_ != "VBG" or g.head.pos_ not in {"VERB", "AUX"} \
                or g.head.i < g.i or any(c.dep_ in {"aux", "auxpass"} for c in g.children):
            continue
        noun = next((c for c in g.children if c.dep_ == "nsubj"), None)
        # the noun right before its participle, no comma or possessive ("Russia's attacking")
        if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or noun.right_edge.i != g.i - 1 \
                or any(c.dep_ == "case" for c in noun.children):
            continue
        verb = g.head
        noun.head, noun.dep_ = verb, "nsubj"
        g.head, g.dep_ = noun, "acl"
        found += 1
    return found


def repair_up_to_quantities(doc: Doc) -> int:
    """"kidnapped up to 16 Russian advisers": the model reads "up" as the verb's particle and
    the people as the object of "to"; "up to 16" counts them and they are the verb's object.
    Return how many were repaired."""
    found = 0
    for up in doc:
        if up.lower_ != "up" or up.dep_ != "prt" or up.i + 2 >= len(doc):
            continue
        to, num, verb = doc[up.i + 1], doc[up.i + 2], up.head
        noun = next((p for p in to.children if p.dep_ == "pobj"), None)
        if to.lower_ != "to" or not num.like_num or noun is None or num.head.i != noun.i \
                or any(c.dep_ == "dobj" for c in verb.children):
            continue
        noun.head, noun.dep_ = verb, "dobj"
        up.head, up.dep_ = num, "quantmod"
        to.head, to.dep_ = num, "quantmod"
        found += 1
    return found


# nouns of "by <noun>" naming how something is sent or passed on (not "air": "by air strikes")
_MEANS = {"courier", "messenger", "mail", "post", "hand", "fax", "phone", "telephone",
          "email", "e-mail", "telegram", "cable", "radio", "letter", "boat", "ship", "train",
          "rail", "truck", "lorry", "road", "plane"}


def repair_means_objects(doc: Doc) -> int:
    """"received by courier money": "by courier" is the means and "money" the object, not the
    compound "courier money" (nor, the clause being active, an agent). Return how many were
    repaired."""
    found = 0
    for by in doc:
        verb = by.head
        if by.lower_ != "by" or by.dep_ not in {"prep", "agent"} or verb.pos_ != "VERB" \
                or by.i + 2 >= len(doc):
            continue
        means, noun = doc[by.i + 1], doc[by.i + 2]
        if means.lower_ not in _MEANS or means.tag_ != "NN" or noun.pos_ != "NOUN" \
                or means.dep_ != "compound" or means.head.i != noun.i \
                or noun.head.i != by.i or noun.dep_ != "pobj" \
                or not has_subject(verb) or any(c.dep_ in {"dobj", "auxpass"}
                                                 for c in verb.children):
            continue
        noun.head, noun.dep_ = verb, "dobj"
        means.head, means.dep_ = by, "pobj"
        by.dep_ = "prep"  # an active clause has no agent
        found += 1
    return found


def repair_split_possessives(doc: Doc) -> int:
    """"told CNN's Jim Sciutto" read as two objects, "CNN" and "Sciutto": a noun carrying
    the possessive ending right before a sibling of the same role is that sibling's
    possessor ("poss"), not an argument of its own. Return how many were repaired."""
    found = 0
    for case in doc:
        owner = case.head
        if case.dep_ != "case" or case.tag_ != "POS" or owner.i != case.i - 1 \
                or owner.dep_ not in {"dobj", "nsubj", "pobj", "dative"}:
            continue
        # the sibling whose phrase starts right after the "'s"
        owned = next((s for s in owner.head.children if s.i > case.i and s.dep_ == owner.dep_
                      and s.left_edge.i == case.i + 1), None)
        if owned is None:
            continue
        owner.head, owner.dep_ = owned, "poss"
        found += 1
    return found


class ParseRepair:
    """spaCy pipeline component running the repairs above; add with :func:`add_parse_repair`."""

    def __init__(self, nlp: Language, name: str = "parse_repair") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        repair_datelines(doc)
        repair_fronted_dates(doc)
        repair_fronted_phrases(doc)
        repair_reported_clauses(doc)
        repair_reduced_relatives(doc)
        repair_participial_subjects(doc)
        repair_up_to_quantities(doc)
        repair_means_objects(doc)
        repair_split_possessives(doc)
        return doc


def _factory(nlp: Language, name: str) -> ParseRepair:
    return ParseRepair(nlp, name)


def add_parse_repair(nlp: Language, *, name: str = "parse_repair") -> ParseRepair:
    """Add a :class:`ParseRepair` after the parser (at the end of ``nlp``)."""
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_factory)
    return nlp.add_pipe(FACTORY, name=name)  # type: ignore[return-value]
