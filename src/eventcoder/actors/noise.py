"""A seeded noise model for names, as machine translation, OCR and loose transliteration
garble them ("Volodymyr Zelensky" -> "Voldimi Zelensky", "Ukraine" -> "Ukriane").

Used by ``benchmarks/actor_resolution.py`` and the tests of :mod:`eventcoder.actors.fuzzy`.
:func:`garble` applies ``edits`` operations to a name, each drawn from the operations that
apply to it (a drawn operation that cannot apply is drawn again):

============  =====================================================  ==========================
operation     what it does                                           example
============  =====================================================  ==========================
substitute    a letter becomes a keyboard neighbour                  Sciutto -> Sciuttp
drop          a letter is lost                                       Stavridis -> Stavrdis
insert        a letter is doubled or a neighbour is typed next to it Putin -> Puttin
transpose     two adjacent letters are swapped                       Ukraine -> Ukriane
phonetic      a phonetic respelling (ph/f, c/k, s/z, ee/i, ...)      Philipp -> Filipp
translit      a transliteration variant (y/i/j, v/w, ks/x, ou/u,     Zelenskyy -> Zelenskii
              kh/h, zh/j, sch/sh, ts/tz)
split         a long token is cut in two                             Stavridis -> Stav Ridis
merge         two adjacent tokens are joined                         Jim Sciutto -> JimSciutto
ocr           an OCR confusion (rn/m, l/1, O/0, cl/d, w/vv)          Kim -> Kirn
============  =====================================================  ==========================

Noise level ``n`` means ``n`` operations. The result always differs from the input, keeps the
case pattern of the letters it touches and never empties a token. Everything is driven by the
``random.Random`` passed in, so a seed gives the same names on every run and platform.
"""

from __future__ import annotations

import random
import re

__all__ = ["OPERATIONS", "garble", "noisy_variants"]

OPERATIONS = ("substitute", "drop", "insert", "transpose", "phonetic", "translit", "split",
              "merge", "ocr")

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _i, _ch in enumerate(_row):
        near = [_row[j] for j in (_i - 1, _i + 1) if 0 <= j < len(_row)]
        for _rr in (_r - 1, _r + 1):
            if 0 <= _rr < len(_ROWS):
                near += [_ROWS[_rr][j] for j in (_i - 1, _i, _i + 1) if 0 <= j < len(_ROWS[_rr])]
        _NEIGHBOURS[_ch] = "".join(near)

# Pairs are tried in both directions.
_PHONETIC = (("ph", "f"), ("ck", "k"), ("c", "k"), ("s", "z"), ("ee", "i"), ("ea", "e"),
             ("oo", "u"), ("ie", "y"), ("ai", "ei"), ("g", "gh"), ("t", "d"), ("b", "v"),
             ("ss", "s"), ("tt", "t"), ("ll", "l"), ("qu", "kw"), ("ei", "i"))
_TRANSLIT = (("y", "i"), ("i", "j"), ("y", "j"), ("v", "w"), ("ks", "x"), ("ou", "u"),
             ("kh", "h"), ("zh", "j"), ("sch", "sh"), ("ts", "tz"), ("iy", "y"), ("yy", "y"),
             ("ch", "tch"), ("yu", "iu"), ("ya", "ia"), ("e", "ye"))
_OCR = (("rn", "m"), ("l", "1"), ("o", "0"), ("cl", "d"), ("w", "vv"), ("i", "l"), ("e", "c"),
        ("h", "b"))


def garble(name: str, edits: int, rng: random.Random) -> str:
    """``name`` with ``edits`` noise operations applied (see the module docstring)."""
    out = name
    for _ in range(edits):
        for _attempt in range(50):
            op = rng.choice(OPERATIONS)
            changed = _apply(op, out, rng)
            if changed is not None and changed != out and changed.strip():
                out = changed
                break
    return out


def noisy_variants(name: str, levels: tuple[int, ...], rng: random.Random) -> dict[int, str]:
    """One garbled variant of ``name`` per noise level."""
    return {level: garble(name, level, rng) for level in levels}


def _apply(op: str, s: str, rng: random.Random) -> str | None:
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if not letters:
        return None
    if op == "substitute":
        i = rng.choice(letters)
        near = _NEIGHBOURS.get(s[i].lower())
        return _put(s, i, i + 1, rng.choice(near)) if near else None
    if op == "drop":
        i = rng.choice(letters)
        if _token_len(s, i) < 3:
            return None
        return s[:i] + s[i + 1:]
    if op == "insert":
        i = rng.choice(letters)
        near = _NEIGHBOURS.get(s[i].lower(), "")
        extra = s[i].lower() if rng.random() < 0.5 or not near else rng.choice(near)
        return s[:i + 1] + (extra.upper() if s[i].isupper() and i + 1 == len(s) else extra) + \
            s[i + 1:]
    if op == "transpose":
        pairs = [i for i in letters if i + 1 < len(s) and s[i + 1].isalpha()
                 and s[i].lower() != s[i + 1].lower()]
        if not pairs:
            return None
        i = rng.choice(pairs)
        a, b = s[i], s[i + 1]
        if a.isupper():  # keep the capital at the front of the token
            a, b = a.lower(), b.upper()
        return s[:i] + b + a + s[i + 2:]
    if op in ("phonetic", "translit", "ocr"):
        table = {"phonetic": _PHONETIC, "translit": _TRANSLIT, "ocr": _OCR}[op]
        return _respell(s, table, rng)
    if op == "split":
        tokens = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]{6,}", s)]
        if not tokens:
            return None
        start, end = rng.choice(tokens)
        cut = rng.randrange(start + 3, end - 2)
        right = s[cut].upper() if s[start].isupper() else s[cut]
        return s[:cut] + " " + right + s[cut + 1:]
    if op == "merge":
        gaps = [m.start() for m in re.finditer(r"(?<=[A-Za-z]) (?=[A-Za-z])", s)]
        if not gaps:
            return None
        g = rng.choice(gaps)
        return s[:g] + s[g + 1].lower() + s[g + 2:]
    raise ValueError(f"unknown noise operation {op!r}")


def _respell(s: str, table: tuple[tuple[str, str], ...], rng: random.Random) -> str | None:
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in s)  # same length as s
    options: list[tuple[int, int, str]] = []
    for a, b in table:
        for src, dst in ((a, b), (b, a)):
            for m in re.finditer(re.escape(src), low):
                options.append((m.start(), m.end(), dst))
    if not options:
        return None
    start, end, dst = rng.choice(options)
    return _put(s, start, end, dst)


def _put(s: str, start: int, end: int, new: str) -> str:
    """Replace s[start:end] with ``new``, capitalised if the replaced text started upper."""
    if s[start].isupper() and new[:1].isalpha():
        new = new[0].upper() + new[1:]
    return s[:start] + new + s[end:]


def _token_len(s: str, i: int) -> int:
    start = i
    while start > 0 and not s[start - 1].isspace():
        start -= 1
    end = i
    while end < len(s) and not s[end].isspace():
        end += 1
    return end - start
