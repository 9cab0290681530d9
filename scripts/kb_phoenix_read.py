"""Reading the Phoenix actor dictionaries into candidates for ``phoenix.jsonl``
(``scripts/kb_phoenix.py``): blocks become :class:`Cand` entries with usable CAMEO codes,
their type checked (places, organisations named as persons, IGO officials), old country codes
renamed to the curated ones."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from eventcoder.actors.entries import Entry, Role, normalise
from eventcoder.actors.petrarch_import import actor_entries, parse_actor_file, split_code

FILES = ("Countries", "International", "MilNonState")
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3}){0,4}$")
ACRONYM = re.compile(r"^[A-Z][A-Z.\-]*[A-Z]\.?$")
_ORG_WORDS = re.compile(
    r"\b(?:union|organi[sz]ation|council|community|commission|bank|fund|agency|office|"
    r"programme|program|association|court|parliament|assembly|committee|forces?|mission|"
    r"conference|treaty|authority|secretariat|group|pact|alliance|institute|party|front|"
    r"movement|army|brigades?|corps|republic|liberation|government|ministry|league|"
    r"federation|foundation|company|corporation|society|church|congress|state|states)\b")
_GROUP_SECTORS = {"REB", "INS", "SEP", "UAF", "IMG"}
_SECTORS = {"IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT", "ELI", "REB", "INS", "CVL", "GOV",
            "MIL", "OPP", "BUS", "MED", "COP", "JUD", "SPY", "LEG", "EDU", "HLH", "REF", "AGR",
            "LAB", "CRM", "ENV", "RAD", "REL", "SEP", "UAF", "PTY", "HRI", "DEV", "IRC"}


@dataclass
class Cand:
    """One Phoenix entry on its way to the knowledge base."""

    type: str
    name: str
    names: list[str]  # display forms, the main name first
    code: str
    roles: list[Role]
    file: str
    where: str
    exact: set[str] = field(default_factory=set)  # normalised one-word names kept case-exact
    id: str = ""
    dropped: bool = False

    def country(self) -> str | None:
        return split_code(self.code)[0]

    def countries(self) -> set[str]:
        out = {c for c in (split_code(r.code)[0] for r in self.roles) if c}
        own = self.country()
        return out | ({own} if own else set())

    def keys(self) -> list[str]:
        return list(dict.fromkeys(normalise(n) for n in self.names))


def renamed_code(code: str, renamed: dict[str, str]) -> str:
    """A CAMEO code with old country codes replaced, in any of its 3-letter parts:
    ``TMPGOV`` -> ``TLSGOV``, ``NGOTMPHRI`` -> ``NGOTLSHRI`` (with ``{"TMP": "TLS"}``)."""
    if not renamed or "/" in code:
        return code
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    return "".join(renamed.get(p, p) for p in parts)


def _renamed_entry(entry: Entry, renamed: dict[str, str]) -> Entry:
    """The curated country codes (ISO 3166 ``TLS``) where Phoenix keeps old ones (``TMP``)."""
    if not renamed:
        return entry
    roles = []
    for r in entry.roles:
        code = renamed_code(r.code, renamed)
        country, sector = split_code(code)
        roles.append(replace(r, code=code, title=renamed_code(r.title, renamed),
                             country=country, sector=sector))
    code = renamed_code(entry.code, renamed) if entry.code else entry.code
    country, sector = split_code(code) if code else (entry.country, entry.sector)
    return replace(entry, code=code, country=country, sector=sector, roles=tuple(roles))


def read_phoenix(folder: Path, stats: Counter[str],
                 renamed: dict[str, str] | None = None) -> list[Cand]:
    out: list[Cand] = []
    used: set[str] = set()
    for name in FILES:
        path = folder / f"Phoenix.{name}.actors.txt"
        blocks = parse_actor_file(path)
        for block, entry in zip(blocks, actor_entries(blocks, "phoenix", used), strict=True):
            stats[f"blocks read ({name})"] += 1
            entry = _renamed_entry(entry, renamed or {})
            cand = _candidate(entry, name, block.where, stats)
            if cand is not None:
                out.append(cand)
    return out


def _candidate(entry: Entry, file: str, where: str, stats: Counter[str]) -> Cand | None:
    if entry.type == "country":
        stats["dropped block: a country (curated countries win)"] += 1
        return None
    roles = [r for r in entry.roles if _CODE.match(r.code) and
             not (r.start and r.end and r.end <= r.start)]  # no empty date ranges
    code = entry.code if entry.code and _CODE.match(entry.code) else None
    if code is None and roles:
        code = max(roles, key=lambda r: (r.start or date.min, r.end or date.max)).code
    if code is None:
        stats["dropped block: no usable code (---, +++, several actors)"] += 1
        return None
    codes = {r.code for r in roles} | {code}
    etype = entry.type
    first = entry.name
    if etype == "person":
        if any(len(c) == 3 and c not in _SECTORS for c in codes):
            stats["dropped block: a place (bare country code)"] += 1
            return None
        if _ORG_WORDS.search(first.lower()):
            etype = "organisation"
            stats["retyped: 'person' named like an organisation"] += 1
    elif etype in ("igo", "organisation") and any(r.start or r.end for r in roles) and \
            not _ORG_WORDS.search(first.lower()) and not ACRONYM.match(first):
        etype = "person"
        stats["retyped: IGO/NGO official with dated codes -> person"] += 1
    if etype == "organisation" and (code[:3] in _GROUP_SECTORS or code[3:6] in _GROUP_SECTORS):
        etype = "group"
    if etype == "igo" and not code.startswith("IGO"):
        etype = "organisation"
    dated = [r for r in roles if r.start]
    if etype == "person" and dated:
        # Without an article date a person is coded by the most recent office Phoenix knows
        # (PETRARCH's undated fallback is mostly the "before office" ELI code).
        code = max(dated, key=lambda r: (r.start, r.end or date.max)).code
    return Cand(type=etype, name=first, names=list(entry.names()), code=code,
                roles=roles if roles and any(r.start or r.end for r in roles) else [],
                file=file, where=where)

