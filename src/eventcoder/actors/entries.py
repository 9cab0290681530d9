"""The records of the actor knowledge base and the text normalisation its indexes use.

Split from :mod:`eventcoder.actors.kb` (which re-exports everything here); the JSONL format
is documented there.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventcoder.errors import KnowledgeBaseError

TYPES = ("country", "capital", "organisation", "igo", "group", "person", "agent")
ROLE_KINDS = (
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "igo_leader", "military_commander", "other", "journalist",
)

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'",
                         "`": "'", "\u00b4": "'", "\u2032": "'"})
_FOLD = str.maketrans({"ð": "d", "þ": "th", "æ": "ae", "ø": "o", "ß": "ss", "ł": "l",
                       "đ": "d", "ı": "i", "œ": "oe", "ħ": "h", "Ð": "D", "Þ": "Th", "Æ": "Ae",
                       "Ø": "O", "Ł": "L", "Đ": "D", "Œ": "Oe"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Strip accents but keep case: "Erdoğan" -> "Erdogan", "Þórdís" -> "Thordis"."""
    if text.isascii():
        return text.replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """The lookup key: casefolded, accents folded, quotes straightened, a trailing "'s"
    and a leading "the" dropped, dots removed ("U.S." == "US"), other punctuation and
    hyphens turned into single spaces, and runs of single letters joined ("J. D." == "JD")."""
    t = fold(text).casefold().strip()
    t = re.sub(r"(?:'s|')\s*$", "", t).replace(".", "").replace("'", "")
    words = _NON_WORD.sub(" ", t).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    out: list[str] = []
    joining = False
    for w in words:
        if len(w) == 1 and w.isalpha():
            if joining:
                out[-1] += w
            else:
                out.append(w)
            joining = True
        else:
            out.append(w)
            joining = False
    return " ".join(out)


normalize = normalise


def compose_code(base: str, agent: str) -> str:
    """Join an actor code and an agent code as PETRARCH does: the agent follows the actor
    (``("ARN", "GOVFRM")`` -> ``ARNGOVFRM``; a leading ``~`` is optional) unless it ends in
    ``~``, which puts it first (the agents file's ``MSF {} [NGO~]``: ``("ARN", "NGO~")`` ->
    ``NGOARN``). ``base`` is empty for an agent of no one."""
    if agent.endswith("~"):
        return agent[:-1] + base
    return base + agent.lstrip("~")


def agent_sector(agent: str) -> str:
    """The sector of an agent code without its position mark: ``NGO~`` -> ``NGO``."""
    return agent.strip("~")


def owner_stem(code: str, country: str | None) -> str:
    """What an agent of an owner composes onto: the owner's country with any prefix agent
    before it kept ("An MSF Arnor diplomat": ``NGOARN`` -> ``NGOARN``, so NGOARNGOV), never
    the owner's own trailing agents (``ARNGOV`` -> ``ARN``)."""
    if not country:
        return code
    at = code.find(country)
    return code[:at + len(country)] if at > 0 and at % 3 == 0 else country


def with_country(code: str, old: str, new: str) -> str:
    """``code`` with its country ``old`` replaced by ``new``, its agents kept on either side
    (``ALBREB`` -> ``MKDREB``, ``NGOALB`` -> ``NGOMKD``); just ``new`` if ``old`` is not one
    of its three-letter parts."""
    at = code.find(old)
    if at < 0 or at % 3:
        return new
    return code[:at] + new + code[at + len(old):]


@dataclass(frozen=True, slots=True)
class Role:
    """A dated position: the CAMEO code it gives its holder and when (end exclusive)."""

    title: str
    kind: str
    country: str | None
    sector: str | None
    code: str
    start: date | None = None
    end: date | None = None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    type: str
    name: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    source: str = ""
    leader: str | None = None  # countries: which role kind leads (see LEADER)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

def _date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeBaseError(f"bad date {value!r}: use YYYY-MM-DD", input=where) from None


def _strs(d: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = d.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeBaseError(f"{key!r} must be a list of strings", input=where)
    return tuple(value)


def role_from_dict(d: dict[str, Any], where: str) -> Role:
    if not isinstance(d, dict):
        raise KnowledgeBaseError("a role must be a JSON object", input=where)
    kind = d.get("kind")
    if kind not in ROLE_KINDS:
        raise KnowledgeBaseError(f"role kind {kind!r} is not one of {', '.join(ROLE_KINDS)}",
                                 input=where)
    country, sector = d.get("country"), d.get("sector")
    code = d.get("code") or ((country or "") + (sector or ""))
    if not code:
        raise KnowledgeBaseError("a role needs a code (or a country)", input=where)
    start, end = _date(d.get("start"), where), _date(d.get("end"), where)
    if start and end and end < start:
        raise KnowledgeBaseError(f"role ends ({end}) before it starts ({start})", input=where)
    return Role(str(d.get("title") or kind), kind, country, sector, code, start, end)


def entry_from_dict(d: dict[str, Any], where: str) -> Entry:
    """Build an :class:`Entry` from one JSONL object; errors name ``where`` (file:line)."""
    for key in ("id", "type", "name"):
        if not isinstance(d.get(key), str) or not d[key]:
            raise KnowledgeBaseError(f"missing or empty {key!r}", input=where)
    if d["type"] not in TYPES:
        raise KnowledgeBaseError(f"type {d['type']!r} is not one of {', '.join(TYPES)}",
                                 input=where)
    roles = d.get("roles") or []
    if not isinstance(roles, list):
        raise KnowledgeBaseError("'roles' must be a list", input=where)
    return Entry(
        id=d["id"], type=d["type"], name=d["name"], code=d.get("code"),
        country=d.get("country"), sector=d.get("sector"),
        aliases=_strs(d, "aliases", where), demonyms=_strs(d, "demonyms", where),
        roles=tuple(role_from_dict(r, where) for r in roles),
        source=str(d.get("source") or ""), leader=d.get("leader"),
    )


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """The JSONL object of an entry (inverse of :func:`entry_from_dict`); empty fields left out."""
    d: dict[str, Any] = {"id": entry.id, "type": entry.type, "name": entry.name}
    for key in ("code", "country", "sector", "leader"):
        if getattr(entry, key):
            d[key] = getattr(entry, key)
    if entry.aliases:
        d["aliases"] = list(entry.aliases)
    if entry.demonyms:
        d["demonyms"] = list(entry.demonyms)
    if entry.roles:
        d["roles"] = [{"title": r.title, "kind": r.kind, "country": r.country,
                       "sector": r.sector, "code": r.code,
                       "start": r.start.isoformat() if r.start else None,
                       "end": r.end.isoformat() if r.end else None} for r in entry.roles]
    if entry.source:
        d["source"] = entry.source
    return d


@dataclass(frozen=True, slots=True)
class Discards:
    """Words and phrases that mean "do not code this": PETRARCH discard lists.

    ``sentence`` phrases drop the sentence they occur in; ``story`` phrases drop the whole
    article ("World Golf Championships", "typhoon"). Matching follows PETRARCH: case is
    ignored, a phrase must start at a word boundary, and it may end inside a word (it is a
    stem: "ballclub" matches "ballclubs") unless it was written with a trailing ``_``, which
    is kept here as a trailing ``_`` and means the phrase must end at a word boundary.
    """

    sentence: tuple[str, ...] = ()
    story: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sentence or self.story)

    def check(self, text: str) -> str | None:
        """``"story"``, ``"sentence"`` or None: the strongest discard ``text`` triggers."""
        if self.story and _discard_regex(self.story).search(text):
            return "story"
        if self.sentence and _discard_regex(self.sentence).search(text):
            return "sentence"
        return None

    def merged(self, other: Discards) -> Discards:
        return Discards(tuple(dict.fromkeys(self.sentence + other.sentence)),
                        tuple(dict.fromkeys(self.story + other.story)))

    def to_dict(self) -> dict[str, list[str]]:
        return {"sentence": list(self.sentence), "story": list(self.story)}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Discards:
        d = d or {}
        return cls(tuple(d.get("sentence") or ()), tuple(d.get("story") or ()))


@functools.lru_cache(maxsize=16)
def _discard_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for phrase in phrases:
        exact = phrase.endswith("_")
        words = phrase.strip("_").replace("_", " ").split()
        if words:
            parts.append(r"\s+".join(map(re.escape, words)) + (r"(?!\w)" if exact else ""))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts or [r"(?!x)x"]) + ")", re.IGNORECASE)
