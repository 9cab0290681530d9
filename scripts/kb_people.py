"""Persons, journalists, media outlets and agents for ``scripts/build_kb.py``."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from typing import Any

from eventcoder.actors.petrarch_format import AgentNoun

log = logging.getLogger("build_kb")

Obj = dict[str, Any]
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "x", "xiv", "xvi"}
_DEFAULT_SECTOR = {"military_commander": "MIL", "journalist": "MED"}
_NON_COUNTRY = ("IGO", "NGO", "IMG", "MNC")
_UNCOUNTABLE = {"police", "media", "military", "personnel", "staff", "press", "public",
                "intelligence", "clergy", "youth", "people"}

# Letters NFKD does not decompose (the annotation: maketrans's dict is invariant for mypy).
_LETTERS: dict[str, str | int | None] = {"ð": "d", "þ": "th", "æ": "ae", "ø": "o", "ł": "l",
                                         "ı": "i", "Þ": "Th", "Ø": "O", "Ł": "L"}
_FOLD = str.maketrans(_LETTERS)


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.translate(_FOLD)
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def role_obj(spec: list[Any], person_country: str | None, where: str) -> Obj:
    """``[title, kind, start, end, {code, country, sector, approx}]`` -> JSONL role."""
    if not 4 <= len(spec) <= 5:
        raise ValueError(f"{where}: a role is [title, kind, start, end, {{options}}]: {spec}")
    title, kind, start, end = spec[:4]
    opts: Obj = spec[4] if len(spec) == 5 else {}
    code = opts.get("code")
    sector = opts.get("sector") or _DEFAULT_SECTOR.get(kind, "GOV")
    if code and code[:3] in _NON_COUNTRY:
        country = opts.get("country")
    else:
        country = opts.get("country", person_country)
    if not code:
        if not country:
            raise ValueError(f"{where}: role {title!r} needs a code or a country")
        code = country + sector
    return {"title": title, "kind": kind, "country": country, "sector": sector, "code": code,
            "start": start, "end": end}


def surname_alias(person: Obj) -> str | None:
    if "surname" in person:
        return person["surname"]
    words = person["name"].split()
    while len(words) > 2 and words[-1].lower() in _SUFFIXES:
        words = words[:-1]
    if len(words) < 2 or len(words[-1]) < 3:
        return None
    return words[-1]


def person_entries(persons: list[Obj]) -> list[Obj]:
    out: list[Obj] = []
    seen: set[str] = set()
    for p in persons:
        where = f"persons/{p['name']}"
        country = p.get("country")
        roles = [role_obj(r, country, where) for r in p.get("roles", [])]
        sector = p.get("sector") or "GOV"
        code = p.get("code") or (country + sector if country else None)
        if not code:
            raise ValueError(f"{where}: needs a country or a code")
        aliases = list(dict.fromkeys(a for a in [*p.get("aliases", []), surname_alias(p)]
                                     if a and a != p["name"]))
        pid = "person:" + slug(p["name"])
        if pid in seen:
            pid += "-" + (country or code).lower()
        seen.add(pid)
        out.append({"id": pid, "type": "person", "name": p["name"], "code": code,
                    "country": country, "sector": sector, "aliases": aliases, "roles": roles,
                    "source": "curated"})
    return out


def media_entries(media: list[Obj], journalists: list[Obj]) -> list[Obj]:
    out: list[Obj] = []
    for m in media:
        out.append({"id": "media:" + slug(m["name"]), "type": "organisation", "name": m["name"],
                    "code": m["country"] + "MED", "country": m["country"], "sector": "MED",
                    "aliases": [a for a in m.get("aliases", []) if a != m["name"]],
                    "source": "curated"})
    for j in journalists:
        code = j["country"] + "MED"
        role = {"title": f"{j['title']}, {j['outlet']}", "kind": "journalist",
                "country": j["country"], "sector": "MED", "code": code, "start": None,
                "end": None}
        aliases = [a for a in [*j.get("aliases", []), surname_alias(j)] if a and a != j["name"]]
        out.append({"id": "person:" + slug(j["name"]), "type": "person", "name": j["name"],
                    "code": code, "country": j["country"], "sector": "MED",
                    "aliases": list(dict.fromkeys(aliases)), "roles": [role],
                    "source": "curated"})
    return out


def plural(phrase: str) -> str | None:
    """Regular English plural of a noun phrase (the head before "of", else the last word)."""
    head, sep, tail = phrase.partition(" of ")
    words = head.split()
    if not words:
        return None
    last = words[-1]
    if not last[-1:].isalpha() or (not sep and last in _UNCOUNTABLE):
        return None
    if last.endswith("s") and not last.endswith(("ss", "us")):
        return None  # already plural
    if last.endswith("man"):
        new = last[:-3] + "men"
    elif re.search(r"[^aeiou]y$", last):
        new = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        new = last + "es"
    else:
        new = last + "s"
    return " ".join([*words[:-1], new]) + (sep + tail if sep else "")


def demonym_plurals(dem: str) -> list[str]:
    last = dem.split()[-1]
    if last.endswith(("ese", "sh", "ss", "s", "z", "x", "sy")) or last in {
            "French", "Dutch", "Swiss", "Lao", "Basotho", "Batswana", "Turkmen", "Kyrgyz",
            "Kirghiz", "Manx", "Filipina"}:
        return []
    if last.endswith("man"):
        return [dem[:-3] + "men"]
    if last.endswith("ch") and last != "Czech":
        return []
    return [dem + "s"]


def agent_entries(nouns: list[AgentNoun], curated: Obj) -> list[Obj]:
    names: dict[str, str] = curated["names"]
    extra: dict[str, list[str]] = curated["extra"]
    forced = {p.lower(): code for code, phrases in extra.items() for p in phrases}
    groups: dict[str, dict[str, None]] = defaultdict(dict)
    for noun in nouns:
        if not noun.code.startswith("~"):
            continue  # a prefix agent ([IGO~]) is not a sector of its own
        code = noun.code[1:]
        forms = [noun.phrase, *noun.plurals]
        if not noun.no_plural and not noun.plurals:
            p = plural(noun.phrase)
            forms += [p] if p else []
        for form in forms:
            if "!" in form or form in forced:
                continue
            if any(form in g for g in groups.values()):
                continue  # first code in the file wins
            groups[code][form] = None
    for phrase, code in forced.items():
        groups[code][phrase] = None
        p = plural(phrase)
        if p and p not in forced and not any(p in g for c, g in groups.items() if c != code):
            groups[code][p] = None
    out: list[Obj] = []
    used: set[str] = set()
    for code in sorted(groups):
        parts = [code[i:i + 3] for i in range(0, len(code), 3)]
        name = names.get(parts[0], parts[0].lower())
        if len(parts) > 1:
            name += " (" + ", ".join(names.get(p, p.lower()) for p in parts[1:]) + ")"
        aid = "agent:" + slug(name)
        if aid in used:
            aid += "-" + code.lower()
        used.add(aid)
        phrases = sorted(p for p in groups[code] if p != name)
        source = "phoenix-agents+curated" if code in extra else "phoenix-agents"
        out.append({"id": aid, "type": "agent", "name": name, "code": code, "country": None,
                    "sector": code[:3], "aliases": phrases, "source": source})
    log.info("agents: %d codes, %d phrases", len(out), sum(len(a["aliases"]) for a in out))
    return out
