"""Noisy-name resolution: precision, recall and false links of the fuzzy name matcher.

    python benchmarks/actor_resolution.py [--seed 13] [--levels 1 2 3] [--holdout 0.2]

Test set, built from the packaged knowledge base with the seeded noise model of
``eventcoder.actors.noise`` (substitutions, drops, insertions, transpositions, phonetic and
transliteration respellings, token splits and merges, OCR confusions; level n = n edits):

* **known**: the persons kept in the matcher's knowledge base, by full name (``person``) and
  by their one-word aliases (``surname``, e.g. "Zelenskyy"), countries (``country``), and
  IGOs, organisations and groups (``organisation``) by name; a link is right when it names
  the entry the name came from;
* **unknown**: a share (``--holdout``) of the persons is removed from the matcher's knowledge
  base; their names, clean and garbled, must link to nothing (``unknown held-out``; namesakes
  may stay in the knowledge base). ``unknown Phoenix``: up to ``--phoenix`` of the held-out
  persons that come from the Phoenix dictionaries (``phoenix.jsonl``) and whose surname no
  person left in the knowledge base has -- the names of unknown officials a news text may
  carry. (Before ``phoenix.jsonl`` was packaged this track took Phoenix persons straight
  from the dictionaries; with ``--kb curated`` it still does.) ``unknown places``: up to
  ``--places`` ISO 3166-2 subdivision names (pycountry) the knowledge base does not know.

``--kb curated`` runs on the curated knowledge base alone (``actors.jsonl``, as before the
Phoenix persons and organisations were added). The matcher leaves the Phoenix entries out of
its index, as the engine's does (``fuzzy.SKIP_SOURCES``); the known tracks then hold only
indexed entries, and ``Phoenix unindexed`` up to ``--phoenix`` Phoenix persons of the
knowledge base: garbled, they must link to nothing (exact names are found by the lookup).
``--fuzzy-phoenix`` indexes them too (the known tracks then include them).

``--labels`` passes each track's NER label (PERSON, GPE, ORG) in the context, as the engine
can once ``MentionContext`` carries it; without it the matcher considers every entry type.

Garbled names that the exact alias lookup already finds are left out (the matcher only sees
names the lookup missed); their number is printed. Prints, per track and level: names,
precision (right links / links), recall (right links / names), false-link rate (unknown names
linked / unknown names) and names matched per second. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTCODER_SHARED", ROOT.parent / "shared"))
PHOENIX = SHARED / "benchmarks" / "petrarch2_gsr" / "Phoenix.Countries.actors.txt"
sys.path.insert(0, str(ROOT / "src"))

from eventcoder.actors.entries import Entry  # noqa: E402
from eventcoder.actors.fuzzy import SKIP_SOURCES, FuzzyNameMatcher, tokens  # noqa: E402
from eventcoder.actors.kb import KnowledgeBase  # noqa: E402
from eventcoder.actors.mentions import MentionContext  # noqa: E402
from eventcoder.actors.noise import garble  # noqa: E402


@dataclass(frozen=True, slots=True)
class LabelledContext(MentionContext):
    """A context that also carries the NER label (``--labels``); the matcher reads it."""

    label: str | None = None


@dataclass
class Track:
    name: str
    names: list[tuple[str, str | None]]  # (name, expected entry id or None: unknown)
    label: str  # the NER label such a name would carry
    unknown: bool = False


@dataclass
class Tally:
    names: int = 0
    linked: int = 0
    right: int = 0
    skipped: int = 0  # found by the exact lookup
    seconds: float = 0.0

    def row(self, track: str, level: int, unknown: bool) -> str:
        rate = self.names / self.seconds if self.seconds else 0.0
        if unknown:
            fl = self.linked / self.names if self.names else 0.0
            return (f"{track:<18}{level:>5}{self.names:>7}{'':>10}{'':>8}{fl:>10.1%}"
                    f"{self.skipped:>8}{rate:>10.0f}")
        p = self.right / self.linked if self.linked else 1.0
        r = self.right / self.names if self.names else 0.0
        return (f"{track:<18}{level:>5}{self.names:>7}{p:>10.1%}{r:>8.1%}{'':>10}"
                f"{self.skipped:>8}{rate:>10.0f}")


def _rng(seed: int, *parts: object) -> random.Random:
    return random.Random(zlib.crc32(repr((seed, *parts)).encode()))


def run(kb: KnowledgeBase, matcher: FuzzyNameMatcher, track: Track, level: int, seed: int,
        labels: bool, fails: list[str], misses: list[str]) -> Tally:
    t = Tally()
    ctx = LabelledContext(sentence="", country_hint=None, sector_hint=None, on=None,
                          label=track.label if labels else None)
    for name, expected in track.names:
        query = garble(name, level, _rng(seed, track.name, level, name)) if level else name
        if kb.lookup(query):
            t.skipped += 1
            continue
        start = time.perf_counter()
        hit = matcher(query, ctx)
        t.seconds += time.perf_counter() - start
        t.names += 1
        if hit is not None:
            t.linked += 1
            if hit[0].id == expected:
                t.right += 1
            else:
                fails.append(f"wrong {track.name} L{level}: {query!r} ({name}) -> {hit[0].name} "
                             f"{hit[1]:.3f}")
        elif expected is not None:
            misses.append(f"missed {track.name} L{level}: {query!r} ({name})")
    return t


def held_out_phoenix(kb: KnowledgeBase, held: list[Entry], limit: int,
                     seed: int) -> list[tuple[str, None]]:
    """Held-out Phoenix persons whose surname no person left in ``kb`` has."""
    surnames = {tokens(n)[-1] for e in kb.entries() if e.type == "person" for n in e.names()
                if tokens(n)}
    out = sorted({e.name for e in held if e.source == "phoenix" and len(tokens(e.name)) >= 2
                  and tokens(e.name)[-1] not in surnames and not kb.lookup(e.name)})
    _rng(seed, "phoenix").shuffle(out)
    return [(n, None) for n in sorted(out[:limit])]


def phoenix_unknowns(kb: KnowledgeBase, limit: int, seed: int) -> list[tuple[str, None]]:
    if not PHOENIX.exists() or limit <= 0:
        return []
    from eventcoder.actors.petrarch_import import parse_actor_file

    surnames = {tokens(n)[-1] for e in kb.entries() if e.type == "person" for n in e.names()
                if tokens(n)}
    out: list[str] = []
    for block in parse_actor_file(PHOENIX):
        if not block.is_person():
            continue
        name = block.display_name()
        words = tokens(name)
        if len(words) < 2 or words[-1] in surnames or any(kb.lookup(n) for n in block.names):
            continue
        out.append(name)
    _rng(seed, "phoenix").shuffle(out)
    return [(n, None) for n in sorted(set(out[:limit]))]


def unknown_places(kb: KnowledgeBase, limit: int, seed: int) -> list[tuple[str, None]]:
    """Names of first-level subdivisions (ISO 3166-2, from pycountry) the KB does not know."""
    import pycountry

    names = sorted({s.name for s in pycountry.subdivisions if len(s.name) >= 4
                    and not kb.lookup(s.name)})
    _rng(seed, "places").shuffle(names)
    return [(n, None) for n in sorted(names[:limit])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--levels", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--holdout", type=float, default=0.2)
    ap.add_argument("--phoenix", type=int, default=2000,
                    help="unknown Phoenix persons to add (0: none)")
    ap.add_argument("--places", type=int, default=2000,
                    help="unknown place names (ISO 3166-2 subdivisions) to add (0: none)")
    ap.add_argument("--labels", action="store_true",
                    help="pass each track's NER label (PERSON, GPE, ORG) to the matcher")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong links")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed names")
    ap.add_argument("--kb", choices=["default", "curated"], default="default",
                    help="the packaged knowledge base, or its curated part alone")
    ap.add_argument("--fuzzy-phoenix", action="store_true",
                    help="index the Phoenix entries in the matcher too")
    args = ap.parse_args(argv)

    full = KnowledgeBase.default()
    if args.kb == "curated":
        full = KnowledgeBase([e for e in full.entries() if e.source != "phoenix"],
                             common_words=full.common_words, ruler_skip=full.ruler_skip)
    persons = sorted((e for e in full.entries() if e.type == "person"), key=lambda e: e.id)
    _rng(args.seed, "holdout").shuffle(persons)
    held = {e.id for e in persons[:int(len(persons) * args.holdout)]}
    kb = KnowledgeBase([e for e in full.entries() if e.id not in held],
                       common_words=full.common_words, ruler_skip=full.ruler_skip)
    start = time.perf_counter()
    skip = set() if args.fuzzy_phoenix else set(SKIP_SOURCES)
    matcher = FuzzyNameMatcher(kb, skip_sources=skip)
    build = time.perf_counter() - start

    def two_words(e: Entry) -> bool:
        return len(tokens(e.name)) >= 2

    kept = sorted((e for e in persons if e.id not in held and two_words(e)
                   and e.source not in skip), key=lambda e: e.id)
    gone = sorted((e for e in persons if e.id in held and two_words(e)), key=lambda e: e.id)
    entries = sorted((e for e in kb.entries() if e.source not in skip), key=lambda e: e.id)
    unindexed = sorted(e.name for e in persons if e.id not in held and two_words(e)
                       and e.source in skip)
    _rng(args.seed, "unindexed").shuffle(unindexed)
    tracks = [
        Track("person", [(e.name, e.id) for e in kept], "PERSON"),
        Track("surname", [(a, e.id) for e in kept for a in e.aliases if len(tokens(a)) == 1
                          and len(a) >= 5 and len(kb.lookup(a)) == 1], "PERSON"),
        Track("country", [(e.name, e.id) for e in entries
                          if e.type == "country" and len(e.name) >= 5], "GPE"),
        Track("organisation", [(e.name, e.id) for e in entries
                               if e.type in ("igo", "organisation", "group")
                               and len(e.name) >= 5], "ORG"),
        Track("unknown held-out", [(e.name, None) for e in gone], "PERSON", True),
        Track("unknown Phoenix", (phoenix_unknowns(full, args.phoenix, args.seed)
                                  if args.kb == "curated" else
                                  held_out_phoenix(kb, gone, args.phoenix, args.seed)),
              "PERSON", True),
        Track("unknown places", unknown_places(full, args.places, args.seed), "GPE", True),
        Track("Phoenix unindexed", [(n, None) for n in sorted(unindexed[:args.phoenix])],
              "PERSON", True),
    ]
    print(f"knowledge base ({args.kb}): {len(kb)} entries ({len(held)} persons held out, "
          f"{sum(e.source in skip for e in kb.entries())} not indexed); "
          f"matcher index built in {build:.2f}s; seed {args.seed}; NER labels "
          f"{'passed' if args.labels else 'not passed'}")
    print(f"{'track':<18}{'level':>5}{'names':>7}{'precision':>10}{'recall':>8}"
          f"{'false-link':>10}{'exact':>8}{'names/s':>10}")
    fails: list[str] = []
    misses: list[str] = []
    for track in tracks:
        for level in ([0] if track.unknown else []) + args.levels:
            if track.names:
                tally = run(kb, matcher, track, level, args.seed, args.labels, fails, misses)
                print(tally.row(track.name, level, track.unknown))
    for line in fails[:args.show] + _rng(args.seed, "show").sample(
            misses, min(args.misses, len(misses))):
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
