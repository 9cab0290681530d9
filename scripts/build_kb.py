#!/usr/bin/env python3
"""Build ``actors.jsonl`` and ``phoenix.jsonl`` in ``src/eventcoder/actors/data``, the packaged
actor knowledge base.

Sources (see ``src/eventcoder/actors/data/SOURCES.md``):

* pycountry: ISO 3166 country names (LGPL-2.1);
* the Phoenix dictionaries of the Open Event Data Alliance (MIT), read from
  ``--phoenix`` (default ``../shared/benchmarks/petrarch2_gsr`` beside the repo):
  CAMEO country codes and name variants, IGO and armed-group codes, CAMEO agents;
* ``scripts/kb_curated.json``: facts written for eventcoder (capitals, demonyms,
  organisations, persons with dated roles, media, agent nouns that must exist);
* ``phoenix.jsonl``: the Phoenix persons and organisations the curated entries lack, filtered
  for precision (``scripts/kb_phoenix.py``); Phoenix roles from before a curated person's own
  are added to that person in ``actors.jsonl``.

Re-run after editing the curated file:  ``python scripts/build_kb.py``
Check that the committed file is up to date:  ``python scripts/build_kb.py --check``
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "src"), str(HERE)]

import pycountry  # noqa: E402
from kb_people import (  # noqa: E402
    agent_entries,
    demonym_plurals,
    media_entries,
    person_entries,
    slug,
)
from kb_phoenix import build_phoenix  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from eventcoder.actors.kb import FORMAT_VERSION, KnowledgeBase, entry_from_dict, normalise  # noqa: E402
from eventcoder.actors.petrarch_format import (  # noqa: E402
    ActorBlock,
    parse_actor_file,
    read_agent_nouns,
)
from eventcoder.config import DEFAULT_MODEL  # noqa: E402

log = logging.getLogger("build_kb")
Obj = dict[str, Any]
REFERENCE = date(2025, 1, 1)  # "current" Phoenix codes are those in force on this date
DEFAULT_PHOENIX = ROOT.parent / "shared" / "benchmarks" / "petrarch2_gsr"
OUT = ROOT / "src" / "eventcoder" / "actors" / "data" / "actors.jsonl"
PHOENIX_OUT = OUT.with_name("phoenix.jsonl")
ACRONYMS = {"UAE", "BIH", "DPRK", "ROK", "FYROM", "HKSAR", "RDTL", "USA", "US", "UK", "PRC",
            "ROC", "DRC", "CAR", "KSA", "RSA", "USSR", "LPDR", "SRVN", "DRTL", "TFYRM"}
_SMALL = {"of", "the", "and", "de", "du", "da", "des", "la", "le", "y", "e", "al", "el"}


def display(raw: str) -> str:
    """Phoenix upper-case names -> "Republic of the Congo"; acronyms stay upper case."""
    if " " not in raw and (raw.replace(".", "") in ACRONYMS or
                           (len(raw) <= 6 and not re.search(r"[AEIOUY]", raw))):
        return raw
    words = []
    for i, word in enumerate(raw.lower().split()):
        if i and word in _SMALL:
            words.append(word)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(words)


class Phoenix:
    """The parsed Phoenix actor files, indexed by normalised name."""

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise SystemExit(f"Phoenix dictionaries not found in {folder}: pass --phoenix DIR")
        self.folder = folder
        self.countries = parse_actor_file(folder / "Phoenix.Countries.actors.txt")
        self.by_name: dict[str, list[ActorBlock]] = {}
        for name in ("International", "MilNonState", "Countries"):
            blocks = self.countries if name == "Countries" else parse_actor_file(
                folder / f"Phoenix.{name}.actors.txt")
            for block in blocks:
                for n in block.all_names():
                    self.by_name.setdefault(normalise(n), []).append(block)
        self.by_code: dict[str, list[ActorBlock]] = {}
        for block in self.countries:
            for c in {c.code for c in block.codes if len(c.code) == 3}:
                self.by_code.setdefault(c, []).append(block)

    def code_for(self, *names: str) -> str | None:
        for name in names:
            for block in self.by_name.get(normalise(name), []):
                code = block.code_on(REFERENCE)
                if code and code != "---":
                    return code
        return None


def country_entries(cur: Obj, phoenix: Phoenix) -> tuple[list[Obj], list[Obj]]:
    countries: list[Obj] = []
    capitals: list[Obj] = []
    deny = {normalise(d) for d in cur["phoenix_alias_denylist"]}
    specs: list[tuple[str | None, Obj, list[str]]] = []
    for c in pycountry.countries:
        spec = cur["countries"][c.alpha_3]
        iso_names = [getattr(c, k, "") for k in ("name", "common_name", "official_name")]
        specs.append((c.alpha_2, {**spec, "code": spec.get("code", c.alpha_3)},
                      [n for n in iso_names if n]))
    specs += [(None, x, []) for x in cur["extra_countries"]]
    for alpha2, spec, iso_names in specs:
        code: str = spec["code"]
        name = spec.get("name") or (iso_names[1] if len(iso_names) > 1 and
                                    iso_names[1] != iso_names[0] and "," in iso_names[0]
                                    else iso_names[0])
        known = [name, *iso_names, *spec.get("aliases", [])]
        known_keys = {normalise(n) for n in known}
        demonyms = list(spec.get("demonyms", []))
        dem_forms = [f for d in demonyms for f in (d, *demonym_plurals(d))]
        dem_keys = {normalise(d) for d in dem_forms}
        capital_keys = {normalise(n) for n in spec.get("capital", [])}
        subdivisions = set()
        if alpha2:
            subdivisions = {normalise(s.name) for s in pycountry.subdivisions.get(
                country_code=alpha2) or []}
        aliases = [n for n in iso_names if "," not in n and "(" not in n]
        aliases += spec.get("aliases", [])
        from_phoenix = []
        blocks = phoenix.by_code.get(spec.get("phoenix_code", code), [])
        chosen = [b for b in blocks if any(normalise(n) in known_keys for n in b.all_names())]
        if not chosen and blocks and not spec.get("historic"):
            chosen = [max(blocks, key=lambda b: len(b.all_names()))]
        for raw in [n for b in chosen for n in b.all_names()]:
            key = normalise(raw)
            if key in capital_keys:
                break  # Phoenix lists name variants first, then the capital and other cities
            if (len(key.replace(" ", "")) < 3 or re.search(r"[()/,?+\"0-9]|^'", raw) or key in deny
                    or key in subdivisions or key in known_keys or key in dem_keys):
                continue
            dem_score = max((fuzz.ratio(key, d) for d in dem_keys), default=0)
            name_score = max((fuzz.ratio(key, k) for k in known_keys), default=0)
            if dem_score >= 88 and dem_score > name_score:
                continue  # a misspelt demonym (or a name closer to one): not useful
            else:
                from_phoenix.append(display(raw))
                known_keys.add(key)
        aliases = list(dict.fromkeys(a for a in [*aliases, *from_phoenix] if a != name))
        source = ("pycountry+" if alpha2 else "") + ("phoenix+" if chosen else "") + "curated"
        entry: Obj = {"id": f"country:{code}", "type": "country", "name": name, "code": code,
                      "country": code, "sector": None, "aliases": aliases,
                      "demonyms": list(dict.fromkeys(dem_forms)), "source": source}
        if spec.get("leader"):
            entry["leader"] = spec["leader"]
        countries.append(entry)
        caps = spec.get("capital", [])
        if caps:
            capitals.append({"id": "capital:" + slug(caps[0]), "type": "capital",
                             "name": caps[0], "code": code, "country": code, "sector": None,
                             "aliases": caps[1:], "source": "curated"})
    return countries, capitals


def split_code(code: str, country_codes: set[str]) -> tuple[str | None, str | None]:
    """"RUSGOV" -> ("RUS", "GOV"); "IGOWSTNAT" -> (None, "IGO"); "IMGMUSISI" -> (None, "IMG")."""
    if code[:3] in country_codes:
        return code[:3], (code[3:6] or None)
    return None, code[:3]


def org_entries(cur: Obj, phoenix: Phoenix, country_codes: set[str]) -> list[Obj]:
    out: list[Obj] = []
    sections = [("igos", "igo", "igo"), ("ngos", "organisation", "org"),
                ("organisations", "organisation", "org"), ("groups", "group", "group")]
    for section, etype, prefix in sections:
        for spec in cur[section]:
            names = [spec.get("phoenix") or spec["name"], spec["name"], *spec["aliases"]]
            from_phoenix = phoenix.code_for(*names)
            code = spec.get("code") or from_phoenix
            if not code:
                raise SystemExit(f"{section}/{spec['name']}: no code in the curated file and "
                                 "none found in the Phoenix dictionaries")
            if spec.get("code") and from_phoenix and from_phoenix != code:
                log.debug("%s: curated code %s, Phoenix says %s", spec["name"], code,
                          from_phoenix)
            country, sector = split_code(code, country_codes)
            entry: Obj = {"id": f"{prefix}:{slug(spec.get('id') or spec['name'])}",
                          "type": etype, "name": spec["name"], "code": code,
                          "country": country, "sector": sector,
                          "aliases": [a for a in spec["aliases"] if a != spec["name"]],
                          "source": "curated" + ("+phoenix" if not spec.get("code") else "")}
            if spec.get("roles"):
                from kb_people import role_obj

                entry["roles"] = [role_obj(r, country, spec["name"]) for r in spec["roles"]]
            out.append(entry)
    return out


def build(phoenix_dir: Path, curated_path: Path) -> list[Obj]:
    cur = json.loads(curated_path.read_text(encoding="utf-8"))
    phoenix = Phoenix(phoenix_dir)
    countries, capitals = country_entries(cur, phoenix)
    codes = {c["code"] for c in countries}
    entries = [*countries, *capitals, *org_entries(cur, phoenix, codes),
               *media_entries(cur["media"], cur["journalists"]),
               *person_entries(cur["persons"]),
               *agent_entries(read_agent_nouns(phoenix_dir / "Phoenix.agents.txt"), cur["agents"])]
    seen: set[str] = set()
    for i, e in enumerate(entries):
        if e["id"] in seen:
            raise SystemExit(f"duplicate id {e['id']}")
        seen.add(e["id"])
        entry_from_dict(e, f"entry {i} ({e['id']})")  # validates like the loader does
    ruler = {k: v for k, v in cur["ruler"].items() if not k.startswith("_")}
    header = {"format_version": FORMAT_VERSION, "generated_by": "scripts/build_kb.py",
              "reference_date": REFERENCE.isoformat(),
              "sources": ["pycountry (LGPL-2.1)", "Phoenix dictionaries, Open Event Data "
                          "Alliance (MIT)", "scripts/kb_curated.json (eventcoder)"],
              "ruler": ruler}
    return [header, *entries]


def render(lines: list[Obj]) -> str:
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX)
    parser.add_argument("--curated", type=Path, default=HERE / "kb_curated.json")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--phoenix-out", type=Path, default=PHOENIX_OUT,
                        help="the Phoenix persons and organisations (see kb_phoenix.py)")
    parser.add_argument("--model", default=DEFAULT_MODEL,
                        help="spaCy model whose WordNet lemma index tells English words")
    parser.add_argument("--check", action="store_true", help="fail if an output is out of date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    renamed = {spec["phoenix_code"]: code for code, spec in json.loads(
        args.curated.read_text(encoding="utf-8"))["countries"].items() if "phoenix_code" in spec}
    curated, phoenix = build_phoenix(args.phoenix, build(args.phoenix, args.curated), args.model,
                                     renamed)
    outputs = [(args.out, render(curated)), (args.phoenix_out, render(phoenix))]
    if args.check:
        stale = [path for path, text in outputs
                 if not path.exists() or path.read_text(encoding="utf-8") != text]
        for path in stale:
            log.error("%s is out of date: run python scripts/build_kb.py", path)
        if not stale:
            log.info("%s are up to date", ", ".join(str(p) for p, _ in outputs))
        return 1 if stale else 0
    for path, text in outputs:
        path.write_text(text, encoding="utf-8")
    kb = KnowledgeBase.from_jsonl(args.out, args.phoenix_out)
    log.info("wrote %s and %s: %s", args.out, args.phoenix_out, kb.stats())
    return 0


if __name__ == "__main__":
    sys.exit(main())
