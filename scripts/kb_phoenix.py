"""Phoenix persons and organisations for ``scripts/build_kb.py`` (``actors/data/phoenix.jsonl``).

The Phoenix actor dictionaries (Open Event Data Alliance, MIT) list ~18,000 persons with
dated CAMEO codes (cabinet members of every country up to ~2014, heads of state since
independence, IGO leaders) and ~8,000 organisations (IGOs, NGOs, multinational companies,
armed groups). They are read with the PETRARCH importer of the package
(:mod:`eventcoder.actors.petrarch_import`: blocks, dated codes -> roles, display names) and
then filtered for precision, because every alias becomes an EntityRuler pattern. The blocks
are checked in ``kb_phoenix_read.py``, the aliases in ``kb_phoenix_names.py``; the rest (from
**ambiguity** on) is done here:

* **blocks**: country blocks are left out (the curated countries already carry Phoenix's name
  variants); blocks with only ``---``/``+++``/multi-actor codes are dropped; "persons" that are
  places (a bare country code such as ``KSV``) are dropped and those named like organisations
  ("Republic of Serbian Krajina", "Sudan People's Liberation Army") become organisations;
  IGO officials of the International file (dated codes, a personal name) become persons.
* **aliases**: a leading title ("President", "Russian President", "UN Secretary-General") is
  cut off; aliases with digits or punctuation that names do not have, of more than eight
  words, of one or two letters, made only of stop words, title words and country names, or
  naming a place of the packaged gazetteer ("Gaza City": places are the geolocator's) are
  dropped; so are one-word aliases that are English words (the WordNet index shipped with the
  spaCy model, spaCy's stop words, the curated ``common_words``) -- except a few one-word
  names of famous persons that Phoenix gives explicitly and WordNet lists only as nouns
  ("Mubarak", "Gaddafi"): they stay, matched only as written (``ruler.exact_case``).
  Multi-word organisation aliases made only of English words ("Open Door") are matched only
  as written too.
* **ambiguity**: an alias two different Phoenix entries claim is dropped from both; a
  one-word name is kept only if no other person has that word in a name; entries left
  without a name are dropped. Persons named twice in Phoenix (same name and country, or an
  IGO office) are merged.
* **curated entries win**: a Phoenix person sharing a full name with a curated person of the
  same country is that person: its roles from before the curated ones (clipped to end where
  the curated roles begin) and its extra multi-word aliases are added to the curated entry,
  and the Phoenix entry is dropped. Any other Phoenix alias that a curated entry already uses
  is dropped; an organisation whose main name is curated is dropped.
* **surnames**: persons who held a national office without a sub-sector (``XXXGOV``,
  ``XXXMIL``, ``XXXOPP``, ``XXXREB``) or an IGO's top code get their last name as an alias
  ("Mugabe") when it is at least four letters, not an English word nor a place name (the
  packaged gazetteer), and no other person's name contains it; not for countries where the
  family name comes first (China, Korea, Japan, ...).

Roles keep Phoenix's dates (``end`` exclusive, open ends stay open), so "Yeltsin" is RUSGOV
in 1995 and RUSELI from 2000 on; a person's own ``code`` (used when an article has no date)
is that of the most recent office Phoenix gives. What was kept and dropped, and why, is
counted in the header of ``phoenix.jsonl`` (``stats``) and logged.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from kb_people import slug
from kb_phoenix_names import Words, clean_names, dedupe, exact_phrases
from kb_phoenix_read import Cand, read_phoenix, renamed_code

from eventcoder.actors.entries import Entry, Role, entry_from_dict, fold, normalise
from eventcoder.actors.kb import KnowledgeBase
from eventcoder.actors.petrarch_import import split_code

__all__ = ["build_phoenix", "renamed_code"]

log = logging.getLogger("build_kb")

Obj = dict[str, Any]
_FAMILY_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM", "MNG", "MMR", "VNM", "JPN"}
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "abd", "abdel", "abdul", "de", "da",
              "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der",
              "den", "ter", "y", "e", "ben", "ould", "mac", "mc", "st", "jr", "sr", "ii", "iii",
              "iv"}


# -- merging and ambiguity ------------------------------------------------------------------------
def merge_duplicates(cands: list[Cand], stats: Counter[str]) -> None:
    """Entries Phoenix lists twice -> one: organisations of the same name (the first code
    wins); persons sharing a full name with the same country, or an IGO office, or a full
    name whose every word at most three persons use ("Salva Kiir", Sudan then South Sudan)."""
    by_name: dict[tuple[bool, str], list[Cand]] = defaultdict(list)
    for c in cands:
        if c.dropped:
            continue
        if c.type != "person":
            by_name[(False, normalise(c.name))].append(c)
            continue
        for k in c.keys():
            if len(k.split()) > 1:
                by_name[(True, k)].append(c)
    df: Counter[str] = Counter()  # name word -> persons using it
    for c in cands:
        if not c.dropped and c.type == "person":
            df.update({t for k in c.keys() for t in k.split()})
    for (person, key), group in by_name.items():
        group = [c for c in group if not c.dropped]
        rare = all(df[t] <= 3 for t in key.split())
        while len(group) > 1:
            head, rest = group[0], group[1:]
            for other in rest:
                if other is not head and (not person or rare or _same_person(head, other)):
                    head.names = dedupe(head.names + other.names)
                    head.roles = _merge_roles(head.roles, other.roles)
                    head.exact |= other.exact
                    other.dropped = True
                    stats[f"merged: {'person' if person else 'organisation'} listed twice "
                          "in Phoenix"] += 1
            group = [o for o in rest if not o.dropped]


def _same_person(a: Cand, b: Cand) -> bool:
    ca, cb = a.countries(), b.countries()
    return bool(ca & cb) or not ca or not cb


def _merge_roles(a: list[Role], b: list[Role]) -> list[Role]:
    return list(dict.fromkeys([*a, *b]))


def resolve_against_curated(cands: list[Cand], kb: KnowledgeBase, words: Words,
                            stats: Counter[str]) -> dict[str, tuple[list[str], list[Role]]]:
    """Curated entries win. Returns curated person id -> (aliases, roles) to add to it."""
    additions: dict[str, tuple[list[str], list[Role]]] = {}
    for c in cands:
        if c.dropped:
            continue
        if c.type == "person":
            same = _curated_person(c, kb)
            if same is not None:
                aliases, roles = additions.setdefault(same.id, ([], []))
                known = {normalise(n) for n in same.names()} | {normalise(a) for a in aliases}
                for n in c.names:
                    k = normalise(n)
                    if len(k.split()) > 1 and k not in known and not kb.lookup(n):
                        aliases.append(n)
                        known.add(k)
                roles.extend(_earlier_roles(c.roles, same))
                c.dropped = True
                stats["merged: person already curated (historical roles, aliases added)"] += 1
                continue
        elif kb.lookup(c.name):
            c.dropped = True
            stats["dropped entry: organisation already curated"] += 1
            continue
        kept = []
        for n in c.names:
            if kb.lookup(n) or normalise(n) in kb.ruler_skip:
                stats["alias dropped: a curated entry uses it"] += 1
            else:
                kept.append(n)
        c.names = kept
        if not kept:
            c.dropped = True
            stats["dropped entry: every name is curated (another entry)"] += 1
    return additions


def _curated_person(c: Cand, kb: KnowledgeBase) -> Entry | None:
    for n in c.names:
        if len(normalise(n).split()) < 2:
            continue
        for e in kb.lookup(n):
            if e.type != "person":
                continue
            theirs = {x for x in [e.country, *(r.country for r in e.roles)] if x}
            mine = c.countries()
            if theirs & mine or not mine or not theirs:
                return e
    return None


def _earlier_roles(roles: list[Role], curated: Entry) -> list[Role]:
    """Phoenix roles from before the curated ones, clipped to end where those begin."""
    starts = [r.start for r in curated.roles]
    if not curated.roles or any(s is None for s in starts):
        return []
    first = min(s for s in starts if s is not None)
    out = []
    for r in roles:
        if r.start is None or r.start >= first:
            continue
        end = r.end if r.end is not None and r.end <= first else first
        out.append(Role(r.title, r.kind, r.country, r.sector, r.code, r.start, end))
    return out


def drop_ambiguous(cands: list[Cand], kb: KnowledgeBase, words: Words,
                   stats: Counter[str]) -> None:
    """An alias two Phoenix entries claim goes from both; a one-word person name stays only
    if no other person (curated or Phoenix) has that word in a name."""
    owners: dict[str, set[int]] = defaultdict(set)
    tokens: dict[str, set[str]] = defaultdict(set)  # name word -> person ids (i<n> or curated)
    live = [c for c in cands if not c.dropped]
    for i, c in enumerate(live):
        for k in c.keys():
            owners[k].add(i)
        if c.type == "person":
            for k in c.keys():
                if len(k.split()) > 1:
                    for t in k.split():
                        tokens[t].add(f"i{i}")
    for e in kb.entries():
        if e.type == "person":
            for n in e.names():
                for t in normalise(n).split():
                    tokens[t].add(e.id)
    for i, c in enumerate(live):
        kept = []
        for n in c.names:
            k = normalise(n)
            if len(owners[k]) > 1:
                stats["alias dropped: claimed by several Phoenix entries"] += 1
                continue
            if c.type == "person" and " " not in k and tokens[k] - {f"i{i}"}:
                stats["alias dropped: one-word name other persons share"] += 1
                continue
            kept.append(n)
        c.names = kept
        if not c.names or (c.type == "person" and all(" " not in normalise(n) for n in kept)):
            c.dropped = True
            stats["dropped entry: only ambiguous names left"] += 1
            continue
        if normalise(c.name) not in {normalise(n) for n in kept}:
            c.name = next(n for n in kept if c.type != "person" or " " in normalise(n))
            c.names.remove(c.name)
            c.names.insert(0, c.name)
        c.exact &= {normalise(n) for n in kept}
    add_surnames(live, kb, tokens, words, stats)


def add_surnames(live: list[Cand], kb: KnowledgeBase, tokens: dict[str, set[str]],
                 words: Words, stats: Counter[str]) -> None:
    taken = {k for c in live if not c.dropped for k in c.keys()}
    for i, c in enumerate(live):
        if c.dropped or c.type != "person" or (c.country() or "") in _FAMILY_FIRST:
            continue
        if any(" " not in k for k in c.keys()):
            continue  # Phoenix already gives a one-word name
        toks = [t for t in normalise(c.name).split() if t not in _PARTICLES]
        if len(toks) < 2:
            continue
        if not any(_prominent(r.code) for r in c.roles) and not _prominent(c.code):
            stats["surname not added: no national or IGO top office"] += 1
            continue
        last = toks[-1]
        if len(last) < 4 or not last.isalpha() or last in taken or kb.lookup(last):
            continue
        if tokens.get(last, set()) - {f"i{i}"}:
            stats["surname not added: other persons share it"] += 1
            continue
        if words.english(last) or last in words.places or last in words.towns:
            stats["surname not added: an English word or a place"] += 1
            continue
        surname = _display_word(c.name, last)
        c.names.append(surname)
        taken.add(last)
        stats["surname alias added"] += 1


def _prominent(code: str) -> bool:
    """A national office without a sub-sector (XXXGOV, XXXMIL, XXXOPP, XXXREB) or the top
    code of an IGO (IGOUNO, IGOWSTNAT): people news call by their surname alone."""
    if code.startswith("IGO"):
        return len(code) <= 9
    return len(code) == 6 and code[3:] in ("GOV", "MIL", "OPP", "REB")


def _display_word(name: str, key: str) -> str:
    for tok in reversed(name.split()):
        if normalise(tok) == key:
            return tok
    return key.title()


# -- output -------------------------------------------------------------------------------------
_PREFIX = {"person": "person", "organisation": "org", "igo": "igo", "group": "group"}


def assign_ids(cands: list[Cand], taken: set[str]) -> None:
    for c in cands:
        if c.dropped:
            continue
        base = f"{_PREFIX[c.type]}:{slug(fold(c.name)) or 'x'}"
        cid = base
        if cid in taken:
            cid = f"{base}-{(c.country() or c.code[:3]).lower()}"
        n = 1
        while cid in taken:
            n += 1
            cid = f"{base}-{n}"
        taken.add(cid)
        c.id = cid


def to_obj(c: Cand) -> Obj:
    country, sector = split_code(c.code)
    obj: Obj = {"id": c.id, "type": c.type, "name": c.name, "code": c.code,
                "country": country, "sector": sector}
    if c.names[1:]:
        obj["aliases"] = c.names[1:]
    if c.roles:
        obj["roles"] = [_role_obj(r) for r in c.roles]
    obj["source"] = "phoenix"
    return obj


def _role_obj(r: Role) -> Obj:
    return {"title": r.title, "kind": r.kind, "country": r.country, "sector": r.sector,
            "code": r.code, "start": r.start.isoformat() if r.start else None,
            "end": r.end.isoformat() if r.end else None}


def build_phoenix(folder: Path, curated: list[Obj], model: str,
                  renamed: dict[str, str] | None = None) -> tuple[list[Obj], list[Obj]]:
    """(curated lines with the Phoenix additions, [header, *Phoenix entries]); ``renamed``
    maps Phoenix country codes to the curated ones (``{"TMP": "TLS"}``)."""
    kb = KnowledgeBase([entry_from_dict(o, o["id"]) for o in curated if "id" in o])
    header = next((o for o in curated if "format_version" in o and "id" not in o), {})
    ruler = header.get("ruler", {})
    kb.common_words.update(w.lower() for w in ruler.get("common_words", []))
    kb.ruler_skip.update(normalise(w) for w in ruler.get("skip", []))
    words = Words(model, kb)
    stats: Counter[str] = Counter()
    cands = read_phoenix(folder, stats, renamed)
    clean_names([c for c in cands if not c.dropped], words, stats)
    merge_duplicates(cands, stats)
    additions = resolve_against_curated(cands, kb, words, stats)
    drop_ambiguous(cands, kb, words, stats)
    assign_ids(cands, {o["id"] for o in curated if "id" in o})
    kept = [c for c in cands if not c.dropped]
    for c in kept:
        stats[f"kept: {c.type}"] += 1
        stats["kept: names and aliases"] += len(c.names)
        stats["kept: roles"] += len(c.roles)
    merged: list[Obj] = []
    for o in curated:
        add = additions.get(o.get("id", ""))
        if add and (add[0] or add[1]):
            o = dict(o)
            o["aliases"] = [*o.get("aliases", []), *add[0]]
            roles = sorted(add[1], key=lambda r: (r.start or date.min, r.code))
            o["roles"] = [*(_role_obj(r) for r in dict.fromkeys(roles)), *o.get("roles", [])]
            o["source"] = o.get("source", "curated") + "+phoenix"
            stats["curated persons given Phoenix roles or aliases"] += 1
        merged.append(o)
    exact = sorted({k for c in kept for k in c.exact} | exact_phrases(kept, words))
    for reason, n in sorted(stats.items()):
        log.info("phoenix: %-70s %6d", reason, n)
    out_header: Obj = {
        "format_version": header.get("format_version", 1),
        "generated_by": "scripts/build_kb.py (scripts/kb_phoenix.py)",
        "sources": ["Phoenix dictionaries (Phoenix.Countries/International/MilNonState."
                    "actors.txt), Open Event Data Alliance, MIT licence"],
        "ruler": {"exact_case": exact},
        "stats": dict(sorted(stats.items())),
    }
    return merged, [out_header, *(to_obj(c) for c in kept)]

