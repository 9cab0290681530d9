"""Readers for the TABARI/PETRARCH dictionary formats used by the Phoenix dictionaries.

Used only by ``scripts/build_kb.py``; nothing here is imported at run time.

Actor files (``Phoenix.*.actors.txt``)::

    # comment
    RUSSIAN_FEDERATION_  [RUS]          <- name line with an inline code
    +RUSSIA_                            <- alias of the names above
    LATVIA_                             <- name line without a code ...
    +LATVIAN_
    \t[LVAOCC <910821]                  <- ... codes on following indented lines
    \t[LVA >910821]                     <- dated codes: <before, >after, start-end

Consecutive name lines without codes share the codes that follow them. Dates are
``YYMMDD`` (two-digit years; 30-99 read as 19xx) or ``YYYYMMDD``; malformed dates are
dropped (the code is kept without that bound).

Agents file (``Phoenix.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON    <- substitution set
    POLICE!PERSON!  [~COP]                         <- expands to POLICEMAN, POLICEMEN, ...
    THIEF {THIEVES} [~CRM]                         <- explicit plural; {} = no plural
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_DATE_RE = re.compile(r"^\d{6}$|^\d{8}$")


@dataclass
class Code:
    code: str
    start: date | None = None
    end: date | None = None

    def current(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass
class Block:
    """One actor record: names (first is primary), aliases (+ lines) and codes."""

    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    line: int = 0

    @property
    def all_names(self) -> list[str]:
        return self.names + self.aliases

    def code_on(self, on: date) -> str | None:
        """The code in force on ``on`` (the last one listed wins), else None."""
        found = [c.code for c in self.codes if c.current(on)]
        return found[-1] if found else None


def read_text(path: Path) -> list[str]:
    """Phoenix files contain stray non-UTF-8 bytes: replace them rather than fail."""
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not _DATE_RE.match(text):
        return None
    try:
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        yy = int(text[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        return date(year, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None


def parse_code(token: str) -> Code | None:
    """``RUS``, ``LVA >910821``, ``LVAOCC <910821``, ``AFGGOV 331108-730717``."""
    parts = token.replace("> ", ">").replace("< ", "<").split()
    if not parts or not re.fullmatch(r"~?[A-Z]{3,15}", parts[0]):
        return None
    code = Code(parts[0].lstrip("~"))
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            code.start = parse_date(span[1:])
        elif span.startswith("<"):
            code.end = parse_date(span[1:])
        elif "-" in span:
            start, _, end = span.partition("-")
            code.start, code.end = parse_date(start), parse_date(end)
    return code


def clean_name(raw: str) -> str:
    """``ST._PETERSBURG_`` -> ``ST. PETERSBURG``; drops comments and stray underscores."""
    text = raw.split("#", 1)[0]
    text = _CODE_RE.sub(" ", text)
    text = text.replace("_", " ").replace("\ufffd", " ")
    return " ".join(text.split())


def parse_actors(path: Path) -> list[Block]:
    """Parse a TABARI actor file into blocks, in file order."""
    blocks: list[Block] = []
    current: Block | None = None

    def start_block(lineno: int) -> Block:
        nonlocal current
        if current is not None and (current.names or current.aliases):
            blocks.append(current)
        current = Block(line=lineno)
        return current

    for lineno, raw in enumerate(read_text(path), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        content = stripped.split("#", 1)[0]
        codes = [c for c in (parse_code(t) for t in _CODE_RE.findall(content)) if c]
        if stripped.startswith("["):
            if current is not None:
                current.codes.extend(codes)
            continue
        if stripped.startswith("+"):
            if current is None:
                current = Block(line=lineno)
            name = clean_name(stripped[1:])
            if name:
                current.aliases.append(name)
            current.codes.extend(codes)
            continue
        name = clean_name(stripped)
        if current is None or current.codes:
            block = start_block(lineno)
        else:
            block = current  # consecutive name lines share the codes that follow
        if name:
            block.names.append(name)
        block.codes.extend(codes)
    if current is not None and (current.names or current.aliases):
        blocks.append(current)
    return blocks


@dataclass
class AgentNoun:
    phrase: str  # lower case, words separated by single spaces
    code: str  # e.g. "MIL", "GOVMIL"
    plurals: list[str]  # explicit plural forms; empty list means "make the regular one"
    no_plural: bool  # {} given, or the phrase came from a substitution set
    line: int


def parse_agents(path: Path) -> list[AgentNoun]:
    lines = read_text(path)
    sets: dict[str, list[str]] = {}
    out: list[AgentNoun] = []
    for lineno, raw in enumerate(lines, 1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", text)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = re.search(r"\[~([A-Z]+)\]", text)
        if not cm:
            continue
        body = text[: cm.start()]
        plural_spec: str | None = None
        pm = re.search(r"\{([^}]*)\}", body)
        if pm:
            plural_spec = pm.group(1)
            body = body[: pm.start()] + body[pm.end():]
        variants = [body]
        substituted = False
        for key, values in sets.items():
            if any(key in v for v in variants):
                substituted = True
                variants = [v.replace(key, val) for v in variants for val in values]
        for variant in variants:
            phrase = " ".join(variant.replace("_", " ").lower().split())
            if not phrase:
                continue
            plurals: list[str] = []
            if plural_spec:
                plurals = [" ".join(plural_spec.replace("_", " ").lower().split())]
            out.append(
                AgentNoun(
                    phrase=phrase,
                    code=cm.group(1),
                    plurals=plurals,
                    no_plural=substituted or (plural_spec is not None and not plurals),
                    line=lineno,
                )
            )
    return out
