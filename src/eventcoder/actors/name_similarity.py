"""Names compared by structure: folding, transliteration keys and the scores behind
:class:`eventcoder.actors.fuzzy.FuzzyNameMatcher` (see its module for the method).

Every score is scaled so that :data:`ACCEPT` is the bar whatever kind of comparison applies
(person names by their parts, one-word names, names compared as one string, organisation
names as word sets). The thresholds were set with ``benchmarks/actor_resolution.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jellyfish
from rapidfuzz.distance import OSA, Indel, JaroWinkler

from eventcoder.actors.entries import fold

__all__ = ["ACCEPT", "CONTEXT_SCORE", "MARGIN", "MIN_LEN", "Name", "acronym", "name_key",
           "score", "tokens", "weak_match"]

MIN_LEN = 4  # names shorter than this (letters) are never fuzzy-matched
ACCEPT = 0.86  # calibrated score a link needs (every kind of match is scaled to this bar)
MARGIN = 0.04  # ... and its lead over the best different entry
SURNAME_FLOOR = 0.80  # person names: surnames of 7+ letters must be this close (5-6: +0.04,
GIVEN_FLOOR = 0.72  # 4 or fewer: +0.08); given names this close (an initial counts 0.8)
RARE_GIVEN = 0.10  # ... lowered this much when the given name is rare in the knowledge base
COMMON_GIVEN = 0.03  # ... raised this much when more than three persons share it
FLAT = 0.88  # a name compared as one string (token splits, merges): Indel similarity needed
#              (10+ letters; shorter ones +0.02)
ONE_WORD = 0.91  # a one-word name against a one-word alias, 8+ letters (6-7: +0.02, <6: +0.05;
ONE_SURNAME = 0.02  # a bare surname of a person needs this much more)
ONE_EDIT = 0.01  # a one-word place or organisation name (6+ letters) one edit away, with the
#                  same first and last letters
ORG = 0.89  # several words, not a person's name: token-set and whole-name similarity
CONTEXT_FLOOR = 0.65  # surname floor when the context backs the candidate
CONTEXT_SCORE = 0.75  # the score of a link made because the context singles the person out

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "gen", "lt", "col",
               "maj", "capt", "sen", "rep", "gov", "rev", "mme", "mlle", "herr", "frau",
               "prince", "princess", "king", "queen", "sheikh", "sheik", "emir", "retired",
               "former", "late"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_DIGITS = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"})
_KEY_RULES = [(re.compile(p), r) for p, r in (
    (r"tsch", "ch"), (r"sch", "sh"), (r"dzh|dj|zh", "j"), (r"kh", "h"), (r"ph", "f"),
    (r"ck", "k"), (r"rn", "m"), (r"ks|cks|cs", "x"), (r"q", "k"), (r"w", "v"), (r"ou|oo", "u"),
    (r"ee|ie|ij", "i"), (r"[yj]", "i"), (r"c(?=[ei])", "s"), (r"c", "k"), (r"tz", "ts"),
    (r"(.)\1+", r"\1"))]
_WORD = re.compile(r"[a-z0-9]+")
_ROMAN = re.compile(r"[ivx]{1,4}")


def tokens(text: str) -> list[str]:
    """Folded lower-case tokens of a name, without honorifics, generational suffixes and
    regnal numbers; hyphenated parts are one token ("Kyo-ahn" -> "kyoahn")."""
    raw = fold(text).replace("'s", "").replace(".", " ").replace("-", "").split()
    while len(raw) > 1 and raw[0].casefold() in _HONORIFICS and not raw[0].isupper():
        raw = raw[1:]  # "Dr Smith", but "DR Congo"
    t = " ".join(raw).casefold()
    words = [w.translate(_DIGITS) if not w.isdigit() else w for w in _WORD.findall(t)]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    # regnal numbers ("Carl XVI Gustaf", "Mohammed VI"), not a first word ("Xi Jinping")
    return words[:1] + [w for w in words[1:] if not _ROMAN.fullmatch(w)]


def name_key(token: str) -> str:
    """Transliteration key of a folded word: "zelenskyy", "zelenskij" and "zelenskiy" all
    give "zelenski" (y/i/j, w/v, kh/h, zh/j, sch/sh, ph/f, ks/x, ou/u, c/k/s, rn/m, doubled
    letters)."""
    for pattern, repl in _KEY_RULES:
        token = pattern.sub(repl, token)
    return token


@dataclass(frozen=True, slots=True)
class Name:
    """A name (alias or query) prepared for comparison."""

    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    joined: str  # the key of the tokens written as one word
    entry: str = ""
    type: str = ""
    given_count: int = 0  # how many persons of the knowledge base have this given name

    @property
    def person(self) -> bool:
        return self.type == "person"

    @classmethod
    def of(cls, words: list[str], entry: str = "", type: str = "",
           given_count: int = 0) -> Name:
        keys = tuple(name_key(w) for w in words)
        return cls(tuple(words), keys, name_key("".join(words)), entry, type, given_count)

    def index_keys(self) -> set[tuple[str, str]]:
        """Soundex and Metaphone of every token and pair of adjacent tokens written as one
        word, and the letter trigrams of the whole name's key."""
        units = list(self.tokens) + [self.tokens[i] + self.tokens[i + 1]
                                     for i in range(len(self.tokens) - 1)]
        keys = {k for u in units if len(u) >= 3
                for k in (("s", jellyfish.soundex(u)), ("m", jellyfish.metaphone(u)[:4]))}
        padded = f"^{self.joined}$"
        keys.update(("3", padded[i:i + 3]) for i in range(len(padded) - 2))
        return keys


def _sim(a: str, b: str) -> float:
    """Edit similarity of two keys: Indel, raised towards Jaro-Winkler (which forgives
    transpositions and rewards a shared beginning) by at most 0.1."""
    if a == b:
        return 1.0
    ind = Indel.normalized_similarity(a, b)
    return max(ind, min((ind + JaroWinkler.similarity(a, b)) / 2, ind + 0.1))


def _sounds_alike(a: str, b: str) -> bool:
    return len(a) >= 4 and len(b) >= 4 and (
        jellyfish.metaphone(a) == jellyfish.metaphone(b) or
        jellyfish.nysiis(a) == jellyfish.nysiis(b))


def score(q: Name, a: Name, weight: dict[str, float]) -> float:
    """Name-only similarity of a query and an alias, scaled so that :data:`ACCEPT` is the bar
    whatever kind of comparison applies."""
    n, m = len(q.keys), len(a.keys)
    size = min(len(q.joined), len(a.joined))
    flat = Indel.normalized_similarity(q.joined, a.joined)
    close_size = abs(len(q.joined) - len(a.joined)) <= 2
    same_end = Indel.normalized_similarity(q.joined[-4:], a.joined[-4:]) >= 0.75
    if n > 1 and len(q.keys[-1]) >= 3:  # the last word must end the name ("Dominic Raab")
        same_end = _ends_alike(q.keys[-1], a.joined, 0.75)
    flat_bar = FLAT + (0.0 if size >= 10 else 0.02)  # short names collide more
    best = flat - (flat_bar - ACCEPT) if size >= 8 and close_size and same_end else 0.0
    if n != m and size >= 5 and q.joined == a.joined:  # "Ger Many", "Karimkhan"
        best = max(best, ACCEPT + 0.06)
    if n == 1 and m == 1:
        one = _sim(q.joined, a.joined)
        if one < 1.0 and _sounds_alike(q.tokens[0], a.tokens[0]):
            one = min(1.0, one + 0.03)
        bar = ONE_WORD + (0.05 if size < 6 else 0.02 if size < 8 else 0.0) + \
            (ONE_SURNAME if a.person else 0.0)
        if (not a.person and size >= 6 and q.joined[0] == a.joined[0]
                and q.joined[-1] == a.joined[-1]
                and OSA.distance(q.joined, a.joined) <= 1):  # "Ukriane", "Hugnary"
            best = max(best, ACCEPT + ONE_EDIT)
        return max(best, one - (bar - ACCEPT))
    if n == 1 or m == 1:
        return 0.0 if n > 1 and a.person else best  # a full name is not a bare surname
    if not (q.person or a.person):
        org = (_token_set(q.keys, a.keys, weight) + _sim(q.joined, a.joined)) / 2
        return max(best, org - (ORG - ACCEPT))
    return _person(q, a, best)


def _person(q: Name, a: Name, flat: float) -> float:
    """Given name + surname against given name + surname."""
    n, m = _core(q.keys), _core(a.keys)
    sur = _sim(q.keys[-1], a.keys[-1])
    q_mid, a_mid = q.keys[1:-1], a.keys[1:-1]
    # A split surname ("Stav Ridis") or a compound one ("Paton Walsh"), if the ends agree.
    if n > m and _ends_alike(q.keys[-1], a.keys[-1]):
        split = Indel.normalized_similarity(q.keys[-2] + q.keys[-1], a.keys[-1])
        if split > sur:
            sur, q_mid = split, q.keys[1:-2]
    elif m > n and _ends_alike(a.keys[-1], q.keys[-1]):
        split = Indel.normalized_similarity(q.keys[-1], a.keys[-2] + a.keys[-1])
        if split > sur:
            sur, a_mid = split, a.keys[1:-2]
    qs, as_ = q.keys[-1], a.keys[-1]
    if len(qs) > len(as_) + 1 and len(as_) >= 5:  # a word run into it: "Stabridisdad"
        sur = max(sur, Indel.normalized_similarity(qs[:len(as_)], as_) - 0.04)
    if sur < 1.0 and _sounds_alike(q.tokens[-1], a.tokens[-1]):
        sur = min(1.0, sur + 0.05)
    qf, af = q.keys[0], a.keys[0]
    if len(qf) == 1 or len(af) == 1:
        given = 0.8 if qf[0] == af[0] else 0.0
    else:
        given = _sim(qf, af)
    # Tokens that do not line up (a split and a merge, "Volodymyrzel Enskyy") are compared
    # as one string; names that line up are not, so that a shared long given name cannot
    # carry a different surname ("Christopher Meyer" is not "Christopher Miller").
    aligned = n == m and given >= 0.9
    if given < 0.5 or sur < CONTEXT_FLOOR:
        return 0.0 if aligned else flat
    qm = "".join(k for k in q_mid if len(k) > 1)
    am = "".join(k for k in a_mid if len(k) > 1)
    if qm and am:  # both have middle names: they must agree ("Han Myung Sook")
        middle = 0.2 * (1.0 - _sim(qm, am))
    else:  # a middle name only in the query counts against, one only in the alias barely
        middle = 0.08 if qm else 0.02 if am else 0.0
    whole = _sim(q.joined, a.joined)
    score = 0.55 * sur + 0.3 * given + 0.15 * whole - middle
    surname_len = len(a.keys[-1])
    floor = SURNAME_FLOOR + (0.0 if surname_len >= 7 else 0.04 if surname_len >= 5 else 0.08)
    if a.person and given >= 0.9:  # "Elon Musm": a rare given name vouches for the rest,
        floor += -RARE_GIVEN if a.given_count <= 2 else COMMON_GIVEN if a.given_count > 3 \
            else 0.0  # a common one ("David", "Christopher") barely
    shortfall = max(0.0, floor - sur) + max(0.0, GIVEN_FLOOR - given)
    if shortfall:
        score = min(score, ACCEPT - 0.01 - shortfall)
    return score if aligned else max(score, flat)


def _ends_alike(part: str, whole: str, bar: float = 0.8) -> bool:
    """Is ``part`` (the last piece of a split name) the end of ``whole``?"""
    return len(part) >= 3 and Indel.normalized_similarity(part, whole[-len(part):]) >= bar


def _core(keys: tuple[str, ...]) -> int:
    """Number of tokens not counting middle initials ("Charles Q. Brown" has two)."""
    return len(keys) - sum(len(k) == 1 for k in keys[1:-1])


def _token_set(q: tuple[str, ...], a: tuple[str, ...], weight: dict[str, float]) -> float:
    """Mean over the alias tokens of the best similarity with a query token, weighted by how
    rare each token is ("Saint" counts less than "Lucia"), penalised for query tokens left
    over."""
    total = sum(weight.get(t, 1.0) for t in a)
    best = sum(weight.get(t, 1.0) * max(_sim(t, u) for u in q) for t in a)
    return best / total - 0.05 * max(0, len(q) - len(a))


def weak_match(q: Name, a: Name) -> bool:
    if len(q.keys) < 2 or _core(a.keys) < 2:
        return False
    qf, af = q.keys[0], a.keys[0]
    given = (qf[0] == af[0]) if min(len(qf), len(af)) == 1 else _sim(qf, af) >= 0.9
    return given and (_sim(q.keys[-1], a.keys[-1]) >= CONTEXT_FLOOR or
                      jellyfish.soundex(q.tokens[-1]) == jellyfish.soundex(a.tokens[-1]))


def acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)
