"""Build src/eventcoder/coding/data/cameo.tsv, the CAMEO event ontology table.

Sources (read, never copied; see src/eventcoder/coding/data/SOURCES.md):
  - CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt: GDELT Project CAMEO lookup tables
    (CAMEO codebook descriptions; Goldstein 1992 weights)
  - CAMEO2PLOVER-2021.txt: Open Event Data Alliance CAMEO->PLOVER map (CC BY-SA 4.0)

Usage: python scripts/build_ontology.py [--benchmarks /work/shared/benchmarks]

Columns: code, description, goldstein, quad_class, plover, plover_mode, plover_context.
Codes are strings with leading zeros ("0311"). Fixes applied to the GDELT table:
  * the "1056" line also holds code 106 ("...engagement106:[-5.0] Demand withdrawal"): split
    into 1056 and 106; 106 takes the Goldstein weight -5.0 written on that line;
  * 044 "Meet at a \xd2hird\xd3location" (mojibake) -> "Meet at a 'third' location";
  * typos "matyerial" (033) and "radiologicalweapons" (2041); runs of spaces collapsed.
QuadClass by root code (GDELT/Phoenix convention): 01-05 verbal cooperation (1), 06-08
material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
PLOVER: the map's line for the code; a two-digit root takes its header line (08 has two
headers, CONCEDE and RETREAT; the first, CONCEDE, matches 080 "Yield"). Roots 01 and 02 and
their sub-codes have no PLOVER type and stay empty.
Descriptions of 101 and 105-108: the GDELT table reads 101 "Demand information,
investigation", 105 "Demand mediation", 106 "Demand withdrawal", 107 "Demand ceasefire",
108 "Demand meeting, negotiation", which contradicts its own sub-codes (1011-1014 demand
cooperation, 1051-1056 demand that the target yields), the parallel codes 025-028 and 125-127,
the PLOVER map and PETRARCH's coding ontology (PETR.Internal.Coding.Ontology.txt: 106 =
Demand+Meet, 107 = Demand+Settle, 108 = Demand+Mediate), and the CAMEO.2.0 verb dictionary we
convert (it codes "demand talks" as 106). We use the CAMEO codebook numbering, DESCRIPTION_FIXES.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventcoder" / "coding" / "data" / "cameo.tsv"
COLUMNS = ("code", "description", "goldstein", "quad_class", "plover", "plover_mode",
           "plover_context")

TEXT_FIXES = {
    "044": ("Meet at a \u00d2hird\u00d3location", "Meet at a 'third' location"),
    "033": ("matyerial", "material"),
    "2041": ("radiologicalweapons", "radiological weapons"),
}
# CAMEO codebook numbering of the 10x codes that the GDELT table describes differently.
DESCRIPTION_FIXES = {
    "101": ("Demand information, investigation",
            "Demand material cooperation, not specified below"),
    "105": ("Demand mediation", "Demand that target yields, not specified below"),
    "106": ("Demand withdrawal", "Demand meeting, negotiation"),
    "107": ("Demand ceasefire", "Demand settling of dispute"),
    "108": ("Demand meeting, negotiation", "Demand mediation"),
}


def quad_class(code: str) -> int:
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO event code: {code}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def read_table(path: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines[1:], 2):  # first line is the header
        if not line.strip():
            continue
        code, _, value = line.partition("\t")
        if not re.fullmatch(r"\d{2,4}", code):
            raise SystemExit(f"{path.name}:{n}: bad code {code!r}")
        rows.append((code, value.strip()))
    return rows


def read_events(path: Path) -> tuple[dict[str, str], dict[str, float]]:
    """Descriptions in table order, plus Goldstein weights found inside merged lines."""
    descriptions: dict[str, str] = {}
    extra_weights: dict[str, float] = {}
    for code, text in read_table(path):
        merged = re.fullmatch(r"(.*?)(\d{3}):\[(-?\d+(?:\.\d+)?)\]\s*(.*)", text)
        if merged:
            descriptions[code] = merged.group(1).strip()
            descriptions[merged.group(2)] = merged.group(4).strip()
            extra_weights[merged.group(2)] = float(merged.group(3))
        else:
            descriptions[code] = text
    for code, (bad, good) in TEXT_FIXES.items():
        if bad not in descriptions[code]:
            raise SystemExit(f"expected {bad!r} in the description of {code}")
        descriptions[code] = descriptions[code].replace(bad, good)
    for code, (old, new) in DESCRIPTION_FIXES.items():
        if descriptions[code] != old:
            raise SystemExit(f"expected {old!r} as the description of {code}")
        descriptions[code] = new
    return {c: re.sub(r"\s+", " ", d).strip() for c, d in descriptions.items()}, extra_weights


def read_plover(path: Path) -> tuple[dict[str, tuple[str, str, str, str]], list[str]]:
    """code -> (event, mode, context, comment); the first line of a code wins."""
    mapping: dict[str, tuple[str, str, str, str]] = {}
    notes: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^(\d{2,4}):\s*([^#]*)(?:#\s*(.*))?$", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")] + ["", ""]
        context = ";".join(c.strip() for c in fields[2].split(";") if c.strip())
        value = (fields[0], fields[1], context, (m.group(3) or "").strip())
        if m.group(1) in mapping:
            if mapping[m.group(1)][:3] != value[:3]:
                notes.append(f"{path.name}:{n}: second line for {m.group(1)} ignored: {line}")
            continue
        mapping[m.group(1)] = value
    return mapping, notes


def build(bench: Path) -> list[dict[str, str]]:
    tables = bench / "cameo_tables"
    descriptions, weights = read_events(tables / "CAMEO.eventcodes.txt")
    for code, value in read_table(tables / "CAMEO.goldsteinscale.txt"):
        weights[code] = float(value)
    plover, notes = read_plover(bench / "plover_gsr" / "CAMEO2PLOVER-2021.txt")
    rows = []
    for code, description in descriptions.items():
        if code not in weights:
            raise SystemExit(f"no Goldstein weight for {code}")
        event, mode, context, _ = plover.get(code, ("", "", "", ""))
        if code[:2] in ("01", "02") and event:
            raise SystemExit(f"unexpected PLOVER type for {code}")
        rows.append({"code": code, "description": description,
                     "goldstein": f"{weights[code]:.1f}", "quad_class": str(quad_class(code)),
                     "plover": event, "plover_mode": mode, "plover_context": context})
    for code in sorted(set(plover) - set(descriptions)):
        notes.append(f"PLOVER map code {code} is not in CAMEO.eventcodes.txt: skipped")
    unmapped = [r["code"] for r in rows if not r["plover"] and r["code"][:2] not in ("01", "02")]
    if unmapped:
        notes.append(f"codes without a PLOVER line: {', '.join(unmapped)}")
    for note in notes:
        print(note, file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.benchmarks)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    by_len = {n: sum(len(r["code"]) == n for r in rows) for n in (2, 3, 4)}
    print(f"wrote {args.out}: {len(rows)} codes ({by_len[2]} two-digit, {by_len[3]} three-digit, "
          f"{by_len[4]} four-digit), {sum(bool(r['plover']) for r in rows)} with a PLOVER type")


if __name__ == "__main__":
    main()
