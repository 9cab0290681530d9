"""Import PETRARCH/TABARI dictionaries (actors, agents, discards) into a knowledge base.

    kb = import_petrarch(actors=["Phoenix.Countries.actors.txt"], agents=["Phoenix.agents.txt"],
                         discards=["Phoenix.discards.txt"])   # base=...: on top of a KB

The files are read by :mod:`eventcoder.actors.petrarch_format` (the format is described
there; its reader names are re-exported here).

Each block becomes an :class:`Entry` ``petrarch:<slug>`` whose ``code`` is its first undated
code (else the most recent dated one). Dated codes become roles (kind ``other``) with their
start and end, followed by the undated codes as open roles, so that
``KnowledgeBase.actor(entry, on)`` picks, like PETRARCH, the restriction in force on the
article date and the default code outside it. The type is guessed: ``person`` when a dated
code has a sector or a code is ``...ELI`` or the name starts with a title ("PRESIDENT ...");
``country`` when every code is a bare 3-letter code; ``igo`` for ``IGO...`` codes; else
``organisation``.

**Agents.** ``~GOV`` is appended to the actor's code, ``NGO~`` put before it (see
:func:`compose_code`); regular plurals are generated. One agent entry per code,
``agent:petrarch:<code>``, whose ``code`` keeps a trailing ``~`` for prefix agents and whose
``sector`` is the code's first three letters. A phrase listed twice keeps its last code (as
in PETRARCH).

**Discards** are stored on ``KnowledgeBase.discards`` (:class:`Discards`), which the engine
checks per sentence: ``kb.discards.check(sentence_text)`` -> ``"story"`` (code nothing from
the article), ``"sentence"`` (skip the sentence) or None.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventcoder.actors.entries import Entry, Role, agent_sector, compose_code, normalise
from eventcoder.actors.kb import KnowledgeBase
from eventcoder.actors.petrarch_format import (
    NON_COUNTRY,
    NULL_CODE,
    ActorBlock,
    AgentPhrase,
    Code,
    display,
    parse_actor_file,
    parse_agent_file,
    read_discards,
)

__all__ = ["NULL_CODE", "ActorBlock", "AgentPhrase", "Code", "compose_code", "import_petrarch",
           "parse_actor_file", "parse_agent_file", "read_discards"]

log = logging.getLogger(__name__)

_ACRONYM = re.compile(r"\(([A-Z0-9.\-]{2,})\)")


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO code -> (country, sector): ``AFGGOV`` -> (AFG, GOV), ``IGOUNO`` -> (None, IGO)."""
    if not code[:3].isalpha() or "/" in code:
        return None, None
    if code[:3] in NON_COUNTRY:
        return None, code[:3]
    return code[:3], code[3:6] or None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "x"


def actor_entries(blocks: Iterable[ActorBlock], source: str, used: set[str]) -> Iterator[Entry]:
    for block in blocks:
        names: list[str] = []
        for raw in block.all_names():
            plain = " ".join(_ACRONYM.sub(" ", raw).split())
            names += [display(plain or raw)] + _ACRONYM.findall(raw)
        names = [n for n in dict.fromkeys(names) if n]
        if not names:
            continue
        dated = [c for c in block.codes if c.dated]
        undated = [c for c in block.codes if not c.dated]
        roles = tuple(Role(c.code, "other", *split_code(c.code), c.code, c.start, c.end)
                      for c in dated + undated) if dated else ()
        code = block.default_code()
        country, sector = split_code(code) if code else (None, None)
        base = "petrarch:" + _slug(names[0])
        entry_id, n = base, 1
        while entry_id in used:
            n += 1
            entry_id = f"{base}-{n}"
        used.add(entry_id)
        yield Entry(id=entry_id, type=block.type(), name=names[0], code=code, country=country,
                    sector=sector, aliases=tuple(names[1:]), roles=roles, source=source)


def agent_entries(phrases: Iterable[AgentPhrase], source: str) -> list[Entry]:
    code_of: dict[str, str] = {}
    for p in phrases:
        code_of.pop(p.phrase, None)  # the last definition wins, in its own position
        code_of[p.phrase] = p.code
    groups: dict[str, list[str]] = {}
    for phrase, code in code_of.items():
        groups.setdefault(code, []).append(phrase)
    out = []
    for code, forms in groups.items():
        stored = code.lstrip("~")
        out.append(Entry(id="agent:petrarch:" + stored.lower(), type="agent", name=forms[0],
                         code=stored, sector=agent_sector(stored)[:3] or None,
                         aliases=tuple(forms[1:]), source=source))
    return out


def import_petrarch(actors: Iterable[str | Path] = (), agents: Iterable[str | Path] = (),
                    discards: Iterable[str | Path] = (),
                    base: KnowledgeBase | None = None, *,
                    inclusive_end: bool = False) -> KnowledgeBase:
    """A knowledge base built from PETRARCH dictionaries, on top of a copy of ``base``
    (entries keep their ids; imported ones are ``petrarch:...`` and ``agent:petrarch:...``).
    ``inclusive_end``: PETRARCH-1 actor files, whose end dates are the last day of a code."""
    kb = base.copy() if base is not None else KnowledgeBase()
    used = {e.id for e in kb.entries()}
    for path in actors:
        for entry in actor_entries(parse_actor_file(path, inclusive_end=inclusive_end),
                                   f"petrarch:{Path(path).name}", used):
            kb.add(entry)
    for path in agents:
        for entry in agent_entries(parse_agent_file(path), f"petrarch:{Path(path).name}"):
            kb.add(entry)
    for path in discards:
        kb.discards = kb.discards.merged(read_discards(path))
    log.info("imported PETRARCH dictionaries: %s", kb.stats())
    return kb
