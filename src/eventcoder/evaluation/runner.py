"""Run a named benchmark with a coder and collect a Report (``eventcoder eval BENCHMARK``).

Benchmarks: ``ud-petrarch`` and ``petrarch2`` (CAMEO, scored by ``score_petrarch``) and
``plover`` (PLOVER types and dyads, scored by ``score_plover``).

``coder_factory(kind)`` is called once, after the gold file has been read (so a missing gold
file fails before any model loads), with ``kind`` ``"cameo"`` or ``"plover"``; it returns a
``Coder`` or a ``PloverCoder``. ``engine_coders(engine)`` builds that factory from an Engine.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .gold import (
    PETRARCH2_FILE,
    PLOVER_FILE,
    UD_PETRARCH_FILE,
    GoldSentence,
    PloverGold,
    benchmarks_dir,
    read_petrarch2,
    read_plover,
    read_ud_petrarch,
)
from .score import (
    NULL,
    Coded,
    Coder,
    PetrarchScore,
    PloverCoded,
    PloverCoder,
    PloverScore,
    Table,
    score_petrarch,
    score_plover,
)

if TYPE_CHECKING:
    from ..engine import Engine
    from ..records import Event, Mention

log = logging.getLogger(__name__)

CoderFactory = Callable[[str], Callable[[Any], Any]]

# name -> (kind, gold file relative to benchmarks/)
BENCHMARKS: dict[str, tuple[str, Path]] = {
    "ud-petrarch": ("cameo", UD_PETRARCH_FILE),
    "petrarch2": ("cameo", PETRARCH2_FILE),
    "plover": ("plover", PLOVER_FILE),
}


@dataclass(frozen=True, slots=True)
class Report:
    name: str
    kind: str  # "cameo" or "plover"
    gold_path: Path
    score: PetrarchScore | PloverScore
    seconds: float

    def tables(self) -> list[Table]:
        return self.score.tables()

    def summary(self) -> dict[str, Any]:
        return {"benchmark": self.name, "gold": str(self.gold_path),
                "seconds": round(self.seconds, 2), **self.score.summary()}

    def details(self) -> list[dict[str, Any]]:
        return self.score.details()


def run_benchmark(name: str, coder_factory: CoderFactory, *, shared: Path | None = None,
                  limit: int | None = None) -> Report:
    """Read benchmark ``name``'s gold file, code it with the factory's coder and score it.

    ``shared`` overrides ``$EVENTCODER_SHARED``; ``limit`` keeps the first N gold items (for a
    quick look; the scores are then not comparable).
    """
    if name not in BENCHMARKS:
        raise ValueError(f"unknown benchmark {name!r}; choose one of {', '.join(BENCHMARKS)}")
    kind, relative = BENCHMARKS[name]
    path = benchmarks_dir(shared) / relative
    t0 = time.perf_counter()
    score: PetrarchScore | PloverScore
    if kind == "plover":
        records: Sequence[PloverGold] = read_plover(path)[:limit]
        log.info("%s: %d records from %s", name, len(records), path)
        score = score_plover(records, cast(PloverCoder, coder_factory(kind)))
    else:
        reader = read_ud_petrarch if name == "ud-petrarch" else read_petrarch2
        sentences: Sequence[GoldSentence] = reader(path)[:limit]
        log.info("%s: %d sentences (%d evaluated) from %s", name, len(sentences),
                 sum(s.evaluate for s in sentences), path)
        score = score_petrarch(sentences, cast(Coder, coder_factory(kind)))
    seconds = time.perf_counter() - t0
    log.info("%s: scored in %.1f s", name, seconds)
    return Report(name, kind, path, score, seconds)


def write_details(report: Report, path: Path | str) -> int:
    """Write one JSON line per scored sentence/record; return how many were written."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = report.details()
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps({"benchmark": report.name, **row}, ensure_ascii=False) + "\n")
    log.info("wrote %d detail rows to %s", len(rows), out)
    return len(rows)


# -- engine adapters ---------------------------------------------------------------------------
def _actor_code(mention: Mention | None) -> str | None:
    """The mention's actor code; a sector-only actor with no country (``REB``) is written the
    PETRARCH way, ``---REB``, so it can match gold codes such as ``---REB``."""
    if mention is None or mention.actor is None:
        return None
    actor = mention.actor
    if actor.country is None and actor.sector and actor.code == actor.sector:
        return NULL + actor.code
    return actor.code


def _country(mention: Mention | None) -> str | None:
    """Country code, or the 3-letter root of an IGO/NGO-style code."""
    if mention is None or mention.actor is None:
        return None
    actor = mention.actor
    if actor.country:
        return actor.country
    if actor.type == "agent" and actor.code == actor.sector:
        return None  # "soldiers", "the government": a sector with no state is no country
    return actor.code[:3] if actor.code and not actor.code.startswith("-") else None


def _placed_source(e: Event) -> str | None:
    """The country an unknown doer is read as where the gold does so: the PLOVER GSR (its
    readme: "the actor primary codes were inferred from these locations") and PETRARCH code
    "was arrested in Lebanon" or "a bombing near Samarra killed" with the place's country as
    source. Our records keep the doer unknown; only a place named in the sentence counts,
    never one guessed from the actors."""
    if e.source.actor is not None or e.source.method != "unknown":
        return None
    place = e.location
    if place is None or not place.country or place.method == "actor_country":
        return None
    return place.country


def _same(a: Mention | None, b: Mention | None) -> bool:
    """The same mention (by position and text)."""
    if a is None or b is None:
        return a is None and b is None
    return (a.start, a.end, a.text) == (b.start, b.end, b.text)


CONVENTIONS = ("eventcoder", "petrarch")


def _derived(e: Event) -> bool:
    """An event read off another one: a stated intention, refusal or demand ("will give" ->
    0331); its pattern records the action it came from as ``governor(code) -> code``."""
    return ") -> " in (e.pattern or "")


Negator = Callable[[str], "str | None"]


def _asserted(engine: Engine, text: str, on: Any, convention: str = "eventcoder",
              negate: Negator | None = None) -> list[tuple[str, Event]]:
    """The events a coder of this convention counts, as ``(CAMEO code, event)``.
    ``eventcoder``: only what the text says happened (asserted). ``petrarch``: PETRARCH has no
    modality, so "will contribute" counts as the contribution itself: intended actions count
    as their action and the derived intention codes are left out; a negated act counts as
    the code its negation amounts to in the benchmark's ontology (``negate``, see pico.py:
    "did not clash" -> 050), or not at all without one. Hypothetical events stay out in both."""
    doc = engine.code_text(text, date=on)
    if convention != "petrarch":
        return [(e.cameo, e) for e in doc.events if e.modality == "asserted"]
    out: list[tuple[str, Event]] = []
    for e in doc.events:
        if e.modality in {"asserted", "intended"} and not (
                _derived(e) and e.cameo_root in {"03", "13"}):
            out.append((e.cameo, e))
        elif e.modality == "negated" and negate is not None and not _derived(e):
            code = negate(e.cameo)
            if code is not None:
                out.append((code, e))
    return out


def engine_coder(engine: Engine, convention: str = "eventcoder",
                 negate: Negator | None = None) -> Callable[[GoldSentence], list[Coded]]:
    """A ``Coder``: the events the engine finds in the sentence that the convention counts,
    as ``(cameo, source code, target code)``; under ``petrarch`` an unknown doer is the
    country of the place the sentence names (see :func:`_placed_source`)."""
    placed = convention == "petrarch"

    def coder(sentence: GoldSentence) -> list[Coded]:
        return [(code, _actor_code(e.source) or (_placed_source(e) if placed else None),
                 _actor_code(e.target))
                for code, e in _asserted(engine, sentence.text, sentence.date, convention,
                                         negate)]

    return coder


def engine_plover_coder(engine: Engine,
                        convention: str = "eventcoder") -> Callable[[PloverGold], PloverCoded]:
    """A ``PloverCoder``: ``(PLOVER type, source country, target country)`` of the one event the
    record is about. Each gold record codes exactly one event, so we pick the asserted event
    with a PLOVER type (root codes 01/02 have none) and the highest confidence; on a tie the
    first in the text. An unknown doer is the country of the place the sentence names (see
    :func:`_placed_source`). ``(None, None, None)`` when there is none."""

    def coder(record: PloverGold) -> PloverCoded:
        events = [e for _, e in _asserted(engine, record.text, record.date, convention)
                  if e.plover]
        if not events:
            return (None, None, None)
        best = max(events, key=lambda e: e.confidence)  # max keeps the first of equals
        source = _country(best.source) or _placed_source(best)
        target = _country(best.target)
        if target != source and any(e is not best and e.cameo == best.cameo
                                    and _country(e.source) == target
                                    and _country(e.target) == source
                                    and not _same(e.source, best.source) for e in events):
            # joint actors ("the US and Jordan agreed"): PLOVER lists both as sources and
            # has no target, where we code the act in both directions. Not within one state
            # ("Serb forces killed ethnic Albanians in southern Serbia": PLOVER codes the
            # domestic act with that state as target too), and the other event must have
            # another party as its source (not one party named twice)
            target = None
        return (best.plover, source, target)

    return coder


def engine_coders(engine: Engine, convention: str = "eventcoder",
                  negate: Negator | None = None) -> CoderFactory:
    """The ``coder_factory`` for ``run_benchmark`` backed by one Engine. It loads the engine
    first, so a missing model or knowledge base raises once instead of failing every sentence."""

    def factory(kind: str) -> Callable[[Any], Any]:
        engine.warm_up()
        if kind == "plover":
            return engine_plover_coder(engine, convention)
        return engine_coder(engine, convention, negate)

    return factory


# the PETRARCH internal coding ontology each CAMEO benchmark names in its environment
PICO_FILES = {
    "ud-petrarch": UD_PETRARCH_FILE.parent / "PETR_Validate_Internal_Coding_Ontology_1_01.txt",
    "petrarch2": PETRARCH2_FILE.parent / "PETR.Internal.Coding.Ontology.txt",
}


def benchmark_negator(name: str, *, shared: Path | None = None) -> Negator | None:
    """How the benchmark's own ontology codes a negated act (None if it names no PICO file)."""
    from .pico import negator, read_pico

    relative = PICO_FILES.get(name)
    return negator(read_pico(benchmarks_dir(shared) / relative)) if relative else None


UD_DICTIONARIES = {
    "actors": "PETR_Validate_actors_2_02.txt",
    "agents": "PETR_Validate_agents_2_02.txt",
    "discards": "PETR_Validate_discards_2_02.txt",
    "verbs": "PETR_Validate_verbs_2_02.txt",
}


def petrarch_dictionary_engine(name: str, *, shared: Path | None = None,
                               config: Any = None) -> Engine:
    """An Engine coding with a benchmark's own PETRARCH dictionaries, read through the
    importer, as PETRARCH's validation runs do (``ud-petrarch``: fictional actors such as ARN,
    GON; its own verb file). Other benchmarks use the packaged knowledge base and verbs."""
    from ..actors.kb import KnowledgeBase
    from ..coding.verbs import VerbLexicon
    from ..engine import Engine

    if name != "ud-petrarch":
        return Engine(config)
    folder = benchmarks_dir(shared) / UD_PETRARCH_FILE.parent
    files = {k: folder / v for k, v in UD_DICTIONARIES.items()}
    # the suite's gold was coded by PETRARCH-1/UniversalPetrarch, which include end dates
    kb = KnowledgeBase.from_petrarch(actors=[files["actors"]], agents=[files["agents"]],
                                     discards=[files["discards"]], inclusive_end=True)
    return Engine(config, kb=kb, lexicon=VerbLexicon.from_petrarch(files["verbs"]))
