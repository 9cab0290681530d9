"""Readers for the gold-standard event sets in ``shared/benchmarks`` (never copied into the repo).

Three sets are read:

* ``ud_petrarch_validate/PETR_Validate_records_2_02.xml`` -- the UD-PETRARCH functional
  validation suite (274 sentences, 349 ``<EventCoding>`` lines);
* ``petrarch2_gsr/PETR2_GSR_validation.xml`` -- PETRARCH-2 GSR news sentences (78 sentences,
  92 ``<EventCoding>`` lines);
* ``plover_gsr/PLOVER_GSR_CAMEO.txt`` -- CAMEO-manual examples recoded to PLOVER (322 records).

The two PETRARCH files look like XML but are not well-formed (``--`` inside comments, a
``<Sentence .../>`` opening tag that is self-closing in the GSR file, a header that is not a
comment), so they are read line by line, as PETRARCH's own ``validation.py`` does: a record
starts at a line beginning with ``<Sentence `` in column 0 (the one inside the header comment
starts with ``#``) and ends at ``</Sentence>``.

How the PETRARCH files' special codings are read:

* ``<EventCoding noevents="True" />`` sets ``no_events``: the coder should produce nothing.
* ``<EventCoding error="..." />`` (category ERROR: dateline, bad parse, story/sentence
  discards) tests PETRARCH's input checks on *its* parse trees and discard lists, not the coding;
  the same texts appear elsewhere with real codings. It is kept in ``error`` and the sentence is
  never evaluated.
* ``evaluate`` follows ``validation.py``: a sentence is scored only when its attribute is
  ``evaluate="true"`` **and** its category is in the file's ``<Include>`` list (the UD file
  includes DEMO ACTOR VERB AGENT COMPOUND PATTERN DATE MODIFY SYNSET, so PARSING and ERROR are
  left out: 245 of 274 are scored; all 78 GSR sentences are).
* ``<PLEvent ...>`` lines and the CoNLL-U ``<Parse>`` are ignored; entities such as
  ``&quot;`` are unescaped; text lines are joined with single spaces.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError

log = logging.getLogger(__name__)

UD_PETRARCH_FILE = Path("ud_petrarch_validate") / "PETR_Validate_records_2_02.xml"
PETRARCH2_FILE = Path("petrarch2_gsr") / "PETR2_GSR_validation.xml"
PLOVER_FILE = Path("plover_gsr") / "PLOVER_GSR_CAMEO.txt"

_ATTR = re.compile(r'([A-Za-z_][\w-]*)\s*=\s*"([^"]*)"')
_SENTENCE = re.compile(r"<Sentence\s")
_NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", ")", "'s", "n't", "%"})


@dataclass(frozen=True, slots=True)
class GoldCoding:
    """One expected CAMEO coding: event code and source/target actor codes as written."""

    eventcode: str
    source: str
    target: str

    def as_tuple(self) -> tuple[str, str, str]:
        return (self.eventcode, self.source, self.target)


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One PETRARCH validation record."""

    id: str
    category: str
    date: date | None
    text: str
    expected: tuple[GoldCoding, ...]
    evaluate: bool  # scored the way PETRARCH's validation.py scores (see module docstring)
    no_events: bool  # <EventCoding noevents="True">: the right answer is no event at all
    error: str | None = None  # <EventCoding error="...">: a PETRARCH input-check test


@dataclass(frozen=True, slots=True)
class PloverGold:
    """One PLOVER gold record. ``sources``/``targets`` hold the actors' 3-letter codes as given
    (country, or IGO/NGO/IMG ...); the sector, when present, is in ``*_sectors``."""

    id: str
    text: str
    event: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    mode: str | None
    context: str | None
    date: date | None = None  # every record says 2000-01-01: a placeholder, kept for the coder
    source_sectors: tuple[str | None, ...] = ()
    target_sectors: tuple[str | None, ...] = ()


# -- where the data lives ----------------------------------------------------------------------
def shared_dir() -> Path:
    """``$EVENTCODER_SHARED`` or ``<repo>/../shared``."""
    default = Path(__file__).resolve().parents[3].parent / "shared"
    return Path(os.environ.get("EVENTCODER_SHARED", default))


def benchmarks_dir(shared: Path | None = None) -> Path:
    return (shared or shared_dir()) / "benchmarks"


def _resolve(path: Path | str | None, relative: Path) -> Path:
    resolved = Path(path) if path is not None else benchmarks_dir() / relative
    if not resolved.is_file():
        raise InputError(f"gold file not found: {resolved} (set EVENTCODER_SHARED to the folder "
                         "holding benchmarks/)", input=str(resolved))
    return resolved


# -- PETRARCH validation files -----------------------------------------------------------------
def _attrs(line: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(line)}


def _date(value: str | None, where: str) -> date | None:
    if value and re.fullmatch(r"\d{8}", value):
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            pass
    log.debug("%s: date %r is not YYYYMMDD; using None", where, value)
    return None


def _text_from_conllu(rows: list[str]) -> str:
    """Sentence text from CoNLL-U FORM columns, honouring ``SpaceAfter=No``."""
    out: list[str] = []
    for row in rows:
        cols = row.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue
        if cols[1] in _NO_SPACE_BEFORE and out:
            out[-1] = out[-1].rstrip()
        out.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(out).strip()


def _include(lines: list[str]) -> set[str] | None:
    for line in lines:
        if line.lstrip().startswith("<Include>"):
            inner = line.split(">", 1)[1].split("<", 1)[0]
            return {c for c in inner.split() if c != "valid"}
        if line.startswith("<Sentences>"):
            break
    return None


def read_petrarch_validation(path: Path | str) -> Iterator[GoldSentence]:
    """Yield the records of a PETRARCH validation file (UD-PETRARCH or PETRARCH-2 GSR)."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    include = _include(lines)
    i = 0
    while i < len(lines):
        if not _SENTENCE.match(lines[i]):
            i += 1
            continue
        head = _attrs(lines[i])
        where = f"{path.name}:{i + 1}"
        codings: list[GoldCoding] = []
        no_events = False
        error: str | None = None
        text_parts: list[str] = []
        parse: list[str] = []
        in_text = in_parse = False
        i += 1
        while i < len(lines) and not _SENTENCE.match(lines[i]):
            line = lines[i]
            i += 1
            if in_text:
                end = line.find("</Text>")
                text_parts.append(line if end < 0 else line[:end])
                in_text = end < 0
            elif in_parse and not line.startswith("</Parse"):
                parse.append(line)
            elif line.startswith("<EventCoding"):
                attrs = _attrs(line)
                if attrs.get("noevents", "").lower() == "true":
                    no_events = True
                elif "error" in attrs:
                    error = attrs["error"]
                else:
                    codings.append(GoldCoding(attrs.get("eventcode", ""),
                                              attrs.get("sourcecode", ""),
                                              attrs.get("targetcode", "")))
            elif line.startswith("<Text>"):
                rest = line[len("<Text>"):]
                end = rest.find("</Text>")
                text_parts.append(rest if end < 0 else rest[:end])
                in_text = end < 0
            elif line.startswith("<Parse>"):
                in_parse = True
            if "</Parse" in line:
                in_parse = False
            if "</Sentence>" in line:
                break
        if no_events and codings:
            log.warning("%s: %s has both noevents and event codings", where, head.get("id"))
        text = html.unescape(" ".join(p.strip() for p in text_parts if p.strip()))
        if not text and parse:
            text = _text_from_conllu(parse)
            log.debug("%s: empty <Text>; text rebuilt from the parse", where)
        category = head.get("category", "")
        flagged = head.get("evaluate", "true").strip().lower() == "true"
        included = include is None or category in include
        yield GoldSentence(
            id=head.get("id", ""),
            category=category,
            date=_date(head.get("date"), where),
            text=text,
            expected=tuple(codings),
            evaluate=flagged and included and error is None,
            no_events=no_events,
            error=error,
        )


def read_ud_petrarch(path: Path | str | None = None) -> list[GoldSentence]:
    """UD-PETRARCH functional validation records (274 sentences)."""
    return list(read_petrarch_validation(_resolve(path, UD_PETRARCH_FILE)))


def read_petrarch2(path: Path | str | None = None) -> list[GoldSentence]:
    """PETRARCH-2 GSR validation records (78 sentences)."""
    return list(read_petrarch_validation(_resolve(path, PETRARCH2_FILE)))


# -- PLOVER ------------------------------------------------------------------------------------
def _actors(value: Any, where: str, role: str) -> list[dict[str, Any]]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [a for a in value if isinstance(a, dict) and a.get("code")]
    log.debug("%s: %s is %r, not a list of actors; read as none", where, role, value)
    return []


def _plover_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_plover(path: Path | str | None = None) -> list[PloverGold]:
    """PLOVER gold records (322; the ``DOCUMENT`` header record is skipped)."""
    resolved = _resolve(path, PLOVER_FILE)
    records = json.loads(resolved.read_text(encoding="utf-8"))
    out: list[PloverGold] = []
    for n, rec in enumerate(records):
        event = str(rec.get("event", "")).strip().upper()
        if event == "DOCUMENT" or not event:
            continue
        where = f"{resolved.name}[{n}] {rec.get('id')}"
        sources = _actors(rec.get("source"), where, "source")
        targets = _actors(rec.get("target"), where, "target")
        out.append(PloverGold(
            id=str(rec.get("id", "")),
            text=str(rec.get("text", "")).strip(),
            event=event,
            sources=tuple(str(a["code"]).strip() for a in sources),
            targets=tuple(str(a["code"]).strip() for a in targets),
            mode=rec.get("mode") or None,
            context=rec.get("context") or None,
            date=_plover_date(rec.get("date")),
            source_sectors=tuple(a.get("sector") or None for a in sources),
            target_sectors=tuple(a.get("sector") or None for a in targets),
        ))
    return out
