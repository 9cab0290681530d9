"""PETRARCH's internal coding ontology (PICO): how PETRARCH codes a negated verb.

PETRARCH has no modality; "did not clash" is coded as the act that the negation amounts to.
Its PICO file gives every CAMEO code a number whose high part is a category (0x7000
disapprove, 0x0080 diplomatic cooperation, ...) and where adding or removing 0xFFFF negates:
``110:0x1007f`` (= 0xFFFF + 0x0080) says "disapprove" is "not cooperate diplomatically", so a
negated 110 is coded 050 and a negated 050 is 110. A PETRARCH-convention run reads the
benchmark's own PICO file (its ``<Environment>`` names it) to count our negated events the
way its gold does; our own records keep ``modality="negated"`` and the code of the verb.

File format: ``CODE:VALUE#comment``, VALUE a sum of hexadecimal terms ("-0xFFFF+0x0070").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError

NEGATION = 0xFFFF
_LINE = re.compile(r"^\s*(\d{2,4}|---)\s*:\s*([-+0-9xXa-fA-F\s]+?)\s*(?:#.*)?$")
_TERM = re.compile(r"([-+]?)\s*(0[xX][0-9a-fA-F]+|\d+)")


def _value(expr: str, where: str) -> int:
    terms = _TERM.findall(expr)
    if not terms or _TERM.sub("", expr).strip():
        raise InputError(f"bad PICO value {expr!r}", input=where)
    return sum((-1 if sign == "-" else 1) * int(num, 0) for sign, num in terms)


def read_pico(path: Path | str) -> dict[str, int]:
    """CAMEO code -> PICO value. Raises InputError naming ``file:line`` on a bad line."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read PICO file: {exc}", input=str(p)) from exc
    out: dict[str, int] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if m is None:
            raise InputError(f"bad PICO line {line.strip()!r}", input=f"{p.name}:{n}")
        if m.group(1) != "---":
            out[m.group(1)] = _value(m.group(2), f"{p.name}:{n}")
    return out


def negator(pico: dict[str, int]) -> Callable[[str], str | None]:
    """``code -> code of its negation`` by the PICO arithmetic, None where the ontology has
    no such code. Where two codes share a value the shorter (more general) one is used."""
    by_value: dict[int, str] = {}
    for code, value in sorted(pico.items(), key=lambda kv: (len(kv[0]), kv[0])):
        by_value.setdefault(value, code)

    def negate(code: str) -> str | None:
        value = pico.get(code)
        if value is None:
            return None
        # a negative or above-0xFFFF value carries a negation: remove it; otherwise add one
        # (and try the other sign, as "say" 010 <-> "decline comment" 011 = 0x1000 - 0xFFFF)
        if value < 0:
            return by_value.get(value + NEGATION)
        if value >= NEGATION:
            return by_value.get(value - NEGATION)
        return by_value.get(value + NEGATION) or by_value.get(value - NEGATION)

    return negate
