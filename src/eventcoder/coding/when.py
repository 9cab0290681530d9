"""When did the action happen? Relative dates resolved against the publication date.

Only time words in the action's own clause count ("annexed by Putin in 2014"), so a date in a
neighbouring clause does not leak in. ``historical`` is true when the action is placed clearly
before the publication date: an earlier year, "three years ago", "in his first term",
"until Russia was kicked out", "after the Cold War".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Token

from ..records import Mention
from .arguments import to_infinitive

CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "eleven": 11,
           "twelve": 12, "twenty": 20}
ERA_WORDS = {("cold", "war"), ("world", "war"), ("soviet", "union"), ("first", "term"),
             ("previous", "term"), ("last", "term")}
OFFICE_TITLES = {"president", "prime", "premier", "chancellor", "king", "queen", "emperor",
                 "chairman", "secretary"}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")


@dataclass(frozen=True, slots=True)
class When:
    date: str | None  # ISO date; with precision "year" it is the 1st of January
    precision: str | None  # day, week, month, year, era, publication
    historical: bool


def _clause_tokens(v: Token) -> list[Token]:
    """Tokens of v's own clause: its subtree without nested clauses."""
    out: list[Token] = []
    stack = [v]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"}:
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _past(v: Token) -> bool:
    if v.tag_ in {"VBD", "VBN"}:
        return not any(c.dep_ == "aux" and c.lower_ in {"will", "'ll"} for c in v.children)
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in v.children)


def _weekday(pub: date, name: str, past: bool) -> date:
    target = WEEKDAYS.index(name)
    delta = (pub.weekday() - target) % 7
    if past or delta == 0:
        return pub - timedelta(days=delta)
    return pub + timedelta(days=(target - pub.weekday()) % 7)


def resolve_when(v: Token, pub: date | None, doer: Mention | None = None) -> When:
    tokens = _clause_tokens(v)
    words = [t.lower_ for t in tokens]
    past = _past(v)
    if doer is not None and _former_office(doer) and (past or (
            v.dep_ in {"advcl", "xcomp"} and _past(v.head))):
        # "President Joe Biden assembled the alliance (to arm Ukraine)", written after his
        # term: the act (and its aim) lies in the term the title names
        return When(None, "era", True)
    # "... until Russia was kicked out": a state that ended before now
    if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in v.children) \
            and past:
        return When(None, "era", True)
    years = _years_before(v)
    if years:
        # "restores ties five years after crowds burned its embassy": the act of the after-
        # clause lies a year or more before the main one
        return When(date(pub.year - years, 1, 1).isoformat() if pub else None, "year", True)
    for a, b in zip(words, words[1:], strict=False):
        if (a, b) in ERA_WORDS:
            return When(None, "era", True)
    for k, w in enumerate(words):
        if w == "ago" and k >= 2 and words[k - 1] in {"years", "year", "months", "month",
                                                       "decades"}:
            n = NUMBERS.get(words[k - 2]) or (int(words[k - 2]) if words[k - 2].isdigit() else 1)
            if pub is None:
                return When(None, "year", True)
            unit = words[k - 1]
            if unit.startswith("year"):
                return When(date(pub.year - n, 1, 1).isoformat(), "year", True)
            if unit.startswith("decade"):
                return When(date(pub.year - 10 * n, 1, 1).isoformat(), "era", True)
            month = (pub.month - 1 - n) % 12 + 1
            year = pub.year + (pub.month - 1 - n) // 12
            return When(date(year, month, 1).isoformat(), "month", True)
    for k, t in enumerate(tokens):
        if YEAR.match(t.text) and t.ent_type_ in {"DATE", ""} and t.pos_ == "NUM":
            year = int(t.text[:4])
            prev = words[k - 1] if k else ""
            if prev in {"since", "from"}:
                continue  # "since 2014": an ongoing state, not a dated act
            if prev in {"for", "by", "until", "till", "through", "to"}:
                continue  # "a trade protocol for 1990", "by 2030": a period or deadline
            historical = pub is not None and year < pub.year
            return When(date(year, 1, 1).isoformat(), "year", historical)
    if pub is None:
        return When(None, None, False)
    for k, w in enumerate(words):
        if w in WEEKDAYS:
            return When(_weekday(pub, w, past).isoformat(), "day", False)
        if w == "yesterday":
            return When((pub - timedelta(days=1)).isoformat(), "day", False)
        if w in {"today", "tonight"}:
            return When(pub.isoformat(), "day", False)
        if w in {"week", "month", "year"} and k and words[k - 1] in {"this", "last", "next"}:
            rel = words[k - 1]
            shift = {"last": -1, "this": 0, "next": 1}[rel]
            if w == "week":
                start = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * shift)
                return When(start.isoformat(), "week", False)
            if w == "month":
                index = pub.year * 12 + pub.month - 1 + shift
                return When(date(index // 12, index % 12 + 1, 1).isoformat(), "month", False)
            year = pub.year + shift
            return When(date(year, 1, 1).isoformat(), "year", rel == "last")
        if w in MONTHS and t_is_month(tokens[k]):
            month = MONTHS.index(w) + 1
            year = pub.year if month <= pub.month else pub.year - 1
            return When(date(year, month, 1).isoformat(), "month", False)
    if v.dep_ in {"advcl", "xcomp"} and v.head.pos_ in {"VERB", "AUX"} and to_infinitive(v):
        # "intervened in the 2016 election to help him": an aim with no time of its own
        # has the time of the act it is the aim of
        return resolve_when(v.head, pub)
    return When(pub.isoformat(), "publication", False)


def _former_office(doer: Mention) -> bool:
    """Is ``doer`` a person the text calls by an office title (``OFFICE_TITLES``: "President
    Joe Biden") whom the knowledge base codes as a former elite (``...ELI``) on the date,
    all their roles having ended? ("Former President ..." leads with no title.)"""
    a = doer.actor
    words = doer.text.lower().replace("-", " ").split()
    return a is not None and a.type == "person" and a.sector == "ELI" \
        and bool(words) and words[0] in OFFICE_TITLES


def _years_before(v: Token) -> int:
    """How many years before its main clause the "N years after/since" clause ``v`` is
    (0 if it is no such clause)."""
    if v.dep_ != "advcl":
        return 0
    marks = [c for c in v.children if c.dep_ == "mark" and c.lower_ in {"after", "since"}]
    if not marks:
        return 0
    for c in [*v.children, *(g for m in marks for g in m.children)]:
        if c.dep_ == "npadvmod" and c.lemma_.lower() in {"year", "decade"}:
            count = next((NUMBERS.get(n.lower_) or (int(n.text) if n.text.isdigit() else 0)
                          for n in c.children if n.dep_ in {"nummod", "det"}), 1) or 1
            return count * (10 if c.lemma_.lower() == "decade" else 1)
    return 0


def t_is_month(t: Token) -> bool:
    if t.lower_ == "may":  # the modal is far more common than the month
        return t.ent_type_ == "DATE"
    return t.ent_type_ == "DATE" or t.text[:1].isupper()
