"""Reading the PETRARCH/TABARI dictionary formats: actor, agent and discard files.

The one reader of these files: the run-time import (:mod:`eventcoder.actors.petrarch_import`,
``eventcoder actors import``) and the knowledge-base build (``scripts/build_kb.py``, the
Phoenix dictionaries) both use it.

**Actor files.** ``NAME_ [CODE]`` lines (``_`` joins words; a trailing ``_`` is dropped),
``+ALIAS`` lines, and codes on their own (indented) lines below the names they belong to. A
name joins the current record until the record has a code (PETRARCH's rule: names share the
codes below them, also with ``+`` aliases between them); a blank line also ends a record (see
:func:`parse_actor_file`). A code may carry a date restriction: ``[USAGOV 170120-210120]``
(from - to, the end exclusive), ``[HOB <950601]`` (before), ``[HOBREB >990816]`` (from); dates
are ``YYMMDD`` (00-30 read as 20YY, as PETRARCH does) or ``YYYYMMDD``. That is PETRARCH2's
reading, which the Phoenix dictionaries are written for; PETRARCH-1 and UniversalPetrarch
include the end date (``<date`` is "on or before", and ``from-to`` holds on both dates unless
another code of the record starts on ``to``): ``parse_actor_file(path, inclusive_end=True)``
reads their dictionaries so. Comments: ``#`` to the end of the line and ``<!-- ... -->`` (also
over several lines). Codes are kept as written (upper-cased), also ``FRO/BIL/SAM`` (several
actors), ``+++`` and :data:`NULL_CODE` ``---`` (a known name with no country: PETRARCH writes
it as it is, e.g. ``---`` and ``---REL`` in the UD-PETRARCH gold). A malformed code (or date)
is skipped with a warning; blocks left without a code are dropped.

**Agent files.** ``NOUN {PLURAL} [~CODE]`` (``[CODE~]``: a prefix agent); ``{}`` means no
plural, otherwise the regular plural is meant; ``!PERSON! = MAN, MEN, ...`` defines a
substitution set used as ``CONGRESS!PERSON!`` (substituted forms get no plural).
:func:`read_agent_nouns` gives the nouns as written, :func:`parse_agent_file` every phrase
with its plural forms.

**Discard files.** One phrase a line; a leading ``+`` makes it a story discard, otherwise a
sentence discard (:func:`read_discards`).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from eventcoder.actors.entries import Discards
from eventcoder.errors import KnowledgeBaseError

__all__ = ["NON_COUNTRY", "NULL_CODE", "ActorBlock", "AgentNoun", "AgentPhrase", "Code",
           "display", "parse_actor_file", "parse_agent_file", "read_agent_nouns",
           "read_discards"]

log = logging.getLogger(__name__)

NULL_CODE = "---"
NON_COUNTRY = {"IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT", "ELI"}
_TITLES = {"PRESIDENT", "PREMIER", "PRIME", "KING", "QUEEN", "PRINCE", "PRINCESS", "SHEIKH",
           "SECRETARY", "MINISTER", "GENERAL", "CHANCELLOR", "AYATOLLAH", "EMIR", "SULTAN"}
_SMALL = {"of", "the", "and", "de", "du", "da", "des", "la", "le", "al", "el", "bin", "van",
          "von", "der"}
_CODE_RE = re.compile(r"^(?:[A-Z0-9]{3,}(?:/[A-Z0-9]{3,})*|-{3}|\+{3})$")
_BRACKETS = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    start: date | None = None
    end: date | None = None  # exclusive

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def current(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(slots=True)
class ActorBlock:
    """One actor record of a dictionary file: names, ``+`` aliases and codes."""

    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    where: str = ""

    def all_names(self) -> list[str]:
        return list(dict.fromkeys(self.names + self.aliases))

    def display_name(self) -> str:
        return display(self.names[0] if self.names else self.aliases[0])

    def default_code(self) -> str | None:
        undated = [c for c in self.codes if not c.dated]
        if undated:
            return undated[0].code
        dated = sorted(self.codes, key=lambda c: (c.start or date.min, c.end or date.max))
        return dated[-1].code if dated else None

    def code_on(self, on: date) -> str | None:
        """The code in force on ``on`` (the last one listed wins), else None."""
        found = [c.code for c in self.codes if c.current(on)]
        return found[-1] if found else None

    def is_person(self) -> bool:
        return self.type() == "person"

    def type(self) -> str:
        """person, country, igo or organisation, guessed from the codes and the name."""
        first = self.names[0] if self.names else self.aliases[0]
        if first.split()[0] in _TITLES or any(c.code.endswith("ELI") for c in self.codes):
            return "person"
        if _is_country_name(first):
            return "country"
        codes = [c for c in self.codes if c.code not in (NULL_CODE, "+++")]
        if any(c.dated and len(c.code) > 3 and c.code[:3] not in NON_COUNTRY for c in codes):
            return "person"
        if codes and all(len(c.code) == 3 and c.code.isalpha() and c.code not in NON_COUNTRY
                         for c in codes):
            return "country"
        if codes and codes[0].code.startswith("IGO"):
            return "igo"
        return "organisation"


@functools.lru_cache(maxsize=4096)
def _is_country_name(name: str) -> bool:
    import pycountry

    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def display(raw: str) -> str:
    """A dictionary name as text: ``ARNOR`` -> ``Arnor``, ``U.S.`` and ``IAEA`` stay."""
    words = []
    for i, w in enumerate(raw.split()):
        if i and w.lower() in _SMALL:
            words.append(w.lower())
            continue
        bare = w.replace(".", "").replace("-", "")
        keep = "." in w or (len(bare) <= 4 and not re.search(r"[AEIOUY]", bare)) or \
            not w.isupper()
        words.append(w if keep else "-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


# -- lines, codes and dates --------------------------------------------------------------------
def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) without comments; blank lines kept (they end a run of names).
    Stray non-UTF-8 bytes (the Phoenix files have some) are replaced, not fatal."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read dictionary: {exc}", input=str(path)) from exc
    in_comment = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!" in line:
            head, _, tail = line.partition("<!")
            if "-->" in tail:
                line = head + tail.split("-->", 1)[1]
            else:
                line, in_comment = head, True
        yield lineno, line.split("#", 1)[0].rstrip()


def _date(text: str, where: str) -> date:
    digits = text.strip()
    try:
        if len(digits) == 8 and digits.isdigit():
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6 and digits.isdigit():
            yy = int(digits[:2])
            return date(2000 + yy if yy <= 30 else 1900 + yy, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        pass
    raise KnowledgeBaseError(f"bad date {text!r} in a code: use YYMMDD or YYYYMMDD", input=where)


def _code(token: str, where: str) -> Code | None:
    """``RUS``, ``HOB < 950601``, ``HOBREB >990816``, ``AFGGOV 331108-730717``; None when
    malformed (logged)."""
    parts = token.strip().split(None, 1)
    if not parts:
        return None
    code = parts[0].upper()
    if not _CODE_RE.match(code):
        log.warning("%s: skipped code [%s]: not a CAMEO code", where, token.strip())
        return None
    spec = parts[1].replace(" ", "") if len(parts) > 1 else ""
    try:
        if not spec:
            return Code(code)
        if spec[0] == "<":
            return Code(code, end=_date(spec[1:], where))
        if spec[0] == ">":
            return Code(code, start=_date(spec[1:], where))
        if "-" in spec:
            a, b = spec.split("-", 1)
            start, end = _date(a, where), _date(b, where)
            if end < start:
                raise KnowledgeBaseError(f"code [{token.strip()}] ends before it starts",
                                         input=where)
            return Code(code, start=start, end=end)
    except KnowledgeBaseError as exc:
        log.warning("skipped code: %s", exc)
        return None
    log.warning("%s: skipped code [%s]: bad date restriction", where, token.strip())
    return None


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").replace("\ufffd", " ").split())


# -- actor files -------------------------------------------------------------------------------
def parse_actor_file(path: str | Path, *, inclusive_end: bool = False) -> list[ActorBlock]:
    """The actor blocks of a PETRARCH/TABARI actor dictionary, in file order.
    ``inclusive_end``: read end dates as PETRARCH-1 does (see the module doc)."""
    path = Path(path)
    blocks: list[ActorBlock] = []
    block: ActorBlock | None = None
    closed = False  # the current block takes no more names
    for lineno, line in _lines(path):
        where = f"{path.name}:{lineno}"
        stripped = line.strip()
        if not stripped:
            closed = True
            continue
        codes = [c for c in (_code(t, where) for t in _BRACKETS.findall(stripped)) if c]
        text = _name(_BRACKETS.sub(" ", stripped))
        if stripped.startswith("["):
            if block is not None:
                block.codes.extend(codes)
                closed = True
            continue
        if stripped.startswith("+"):
            if block is not None and text[1:].strip():
                block.aliases.append(text[1:].strip())
                block.codes.extend(codes)
                closed = closed or "[" in stripped
            continue
        # PETRARCH's rule: a name (and the aliases after it) joins the current record until
        # that record has a code. Unlike PETRARCH, a malformed code also closes the record (the
        # next actor's codes must not leak onto it), and so does a blank line: the files set
        # records apart with one, and a codeless record before it is a slip, not a synonym of
        # the next one (HUD is not the Department of the Interior).
        if block is None or closed:
            block = ActorBlock(where=where)
            blocks.append(block)
            closed = False
        block.names.append(text)
        block.codes.extend(codes)
        closed = "[" in stripped
    empty = [b for b in blocks if not b.codes]
    if empty:
        log.info("%s: %d names without a code skipped (first: %s)", path.name, len(empty),
                 empty[0].where)
    kept = [b for b in blocks if b.codes and (b.names or b.aliases)]
    if inclusive_end:
        for b in kept:
            b.codes = _inclusive_ends(b.codes)
    return kept


def _inclusive_ends(codes: list[Code]) -> list[Code]:
    """Codes whose written end date is their last day (PETRARCH-1, UniversalPetrarch), stored
    with the exclusive end :class:`Code` keeps. As in UniversalPetrarch's reader, a span
    ending on the day another code of the record starts yields that day to it (GOV to
    20121109, ELI from 20121109: the 9th is ELI)."""
    starts = {c.start for c in codes if c.start is not None}
    out = []
    for c in codes:
        if c.end is not None and (c.start is None or c.end not in starts - {c.start}):
            c = replace(c, end=c.end + timedelta(days=1))
        out.append(c)
    return out


# -- agent files -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AgentNoun:
    """One agent noun as the file gives it (after substitution)."""

    phrase: str  # lower case, single spaces
    code: str  # as written without spaces: "~GOV" (after the actor's code), "NGO~" (before)
    plurals: tuple[str, ...]  # the explicit {PLURAL}, if any
    no_plural: bool  # {} given, or a substituted form: make no plural
    where: str


@dataclass(frozen=True, slots=True)
class AgentPhrase:
    phrase: str  # lower case, single spaces
    code: str  # as written without spaces: "~GOV", "NGO~"
    where: str


def read_agent_nouns(path: str | Path) -> list[AgentNoun]:
    """The agent nouns of a PETRARCH agent dictionary, in file order."""
    path = Path(path)
    sets: dict[str, list[str]] = {}
    out: list[AgentNoun] = []
    for lineno, line in _lines(path):
        where = f"{path.name}:{lineno}"
        text = line.strip()
        if not text:
            continue
        m = re.match(r"^!([^!]+)!\s*=\s*(.+)$", text)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _BRACKETS.search(text)
        if not cm:
            log.warning("%s: agent without a [code] skipped", where)
            continue
        code = cm.group(1).replace(" ", "").upper()
        if "~" not in code or not _CODE_RE.match(code.strip("~")):
            log.warning("%s: skipped agent code [%s]: use [~CODE] or [CODE~]", where, code)
            continue
        body = text[:cm.start()]
        plural: str | None = None
        pm = re.search(r"\{([^}]*)\}", body)
        if pm:
            plural, body = pm.group(1), body[:pm.start()] + body[pm.end():]
        variants = [body]
        for marker in dict.fromkeys(re.findall(r"!([^!\s]+)!", body)):  # each set once
            if marker not in sets:
                log.warning("%s: substitution set !%s! is not defined", where, marker)
                variants = []
                break
            variants = [v.replace(f"!{marker}!", s) for v in variants for s in sets[marker]]
            plural = ""  # substituted forms get no plural
        plurals = tuple(p for p in [_name(plural or "").lower()] if p)
        for variant in variants:
            phrase = _name(variant).lower()
            if phrase:
                out.append(AgentNoun(phrase, code, plurals, plural is not None and not plurals,
                                      where))
    return out


def parse_agent_file(path: str | Path) -> list[AgentPhrase]:
    """Every phrase (with its plural forms) of a PETRARCH agent dictionary."""
    out: list[AgentPhrase] = []
    for noun in read_agent_nouns(path):
        out.append(AgentPhrase(noun.phrase, noun.code, noun.where))
        forms = noun.plurals or (() if noun.no_plural else (_plural(noun.phrase),))
        out.extend(AgentPhrase(f, noun.code, noun.where) for f in forms)
    return out


def _plural(phrase: str) -> str:
    if re.search(r"[^aeiou]y$", phrase):
        return phrase[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", phrase):
        return phrase + "es"
    return phrase + "s"


# -- discard files -----------------------------------------------------------------------------
def read_discards(path: str | Path) -> Discards:
    """A PETRARCH discard list: ``+PHRASE`` story discards, ``PHRASE`` sentence discards."""
    sentence: list[str] = []
    story: list[str] = []
    for _, line in _lines(Path(path)):
        text = line.strip()
        if text.startswith("+"):
            story.append(text[1:].strip().lower())
        elif text:
            sentence.append(text.lower())
    return Discards(tuple(dict.fromkeys(p for p in sentence if p.strip("_"))),
                    tuple(dict.fromkeys(p for p in story if p.strip("_"))))
