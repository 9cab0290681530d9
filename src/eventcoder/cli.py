"""Command line: the only module that talks to people. It parses input, calls the Engine or the
store, and formats what comes back."""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .cli_actors import actors_app
from .config import Config
from .errors import EventcoderError

if TYPE_CHECKING:
    from collections.abc import Callable

    from .store import Store

T = TypeVar("T")

app = typer.Typer(
    add_completion=False, no_args_is_help=True,
    help="Code political news into evidence-linked CAMEO/PLOVER event data.",
)
app.add_typer(actors_app, name="actors", help="List, add and import actors.")
out = Console()
err = Console(stderr=True)

DateOpt = Annotated[
    str | None, typer.Option("--date", help="Publication date (ISO, e.g. 2025-03-13).")
]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB file of the store.")]
VerbsOpt = Annotated[list[Path] | None, typer.Option(
    "--verbs", help="Extra PETRARCH-format verb dictionary (repeatable); its patterns win.")]


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(code)


def _on_store(db: Path, action: Callable[[Store], T], *, read_only: bool = False) -> T:
    """Run ``action`` on the existing store ``db``; a missing store or an error ends the
    command with its message (opening a missing file for writing would create it)."""
    from .store import Store

    if not db.exists():
        _fail(f"{db}: no such store; run 'eventcoder run' first")
    try:
        with Store(db, read_only=read_only) as store:
            return action(store)
    except EventcoderError as exc:
        _fail(str(exc))


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    from .ingest.dates import parse_date

    try:
        return parse_date(value, input="--date")
    except EventcoderError as exc:
        _fail(str(exc))


def _config(verbs: list[Path] | None = None, **overrides: object) -> Config:
    """Settings for this run; the user's own actors (``eventcoder actors add``) are included."""
    from .cli_actors import USER_FILE

    for path in verbs or []:
        if not path.exists():
            _fail(f"{path}: no such verb dictionary")
    extra = (str(USER_FILE),) if USER_FILE.exists() else ()
    return Config(extra_actor_files=extra,
                  extra_verb_files=tuple(str(p) for p in verbs or ())).with_overrides(**overrides)


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False,
) -> None:
    if version:
        out.print(f"eventcoder {__version__}")
        raise typer.Exit()
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@app.command()
def analyze(
    file: Annotated[str, typer.Argument(help="An article: .txt, .jsonl, .csv, or - for stdin.")],
    date_: DateOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model name or path.")] = None,
    verbs: VerbsOpt = None,
) -> None:
    """Code one article and print its actors, events with evidence, and quotes."""
    from .engine import Engine
    from .ingest import read_inputs
    from .records import Failure

    pub = _parse_date(date_)
    try:
        items = list(read_inputs([file], date=pub))
        engine = Engine(_config(model=model, verbs=verbs))
        docs = list(engine.pipe(items))
    except EventcoderError as exc:
        _fail(str(exc))
    if not docs:
        _fail(f"{file}: no article found")
    for item in docs:
        if isinstance(item, Failure):
            if as_json:
                out.print_json(json.dumps({"failures": [item.to_dict()]}))
            else:
                err.print(f"[red]failed:[/] {escape(item.input)}: {escape(item.reason)}",
                          highlight=False)
            continue
        if as_json:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            from .report import print_document

            print_document(out, item)
    if all(isinstance(d, Failure) for d in docs):
        raise typer.Exit(1)


@app.command()
def run(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Files, folders or - (stdin): .txt, .jsonl, .csv, .json.")] = None,
    db: DbOpt = Path("eventcoder.duckdb"),
    date_: DateOpt = None,
    samples: Annotated[bool, typer.Option("--samples", help="Code the sample articles shipped "
                                          "with eventcoder.")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model name or path.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per parse batch.")] = 32,
    verbs: VerbsOpt = None,
    workers: Annotated[int, typer.Option(help="Worker processes (each loads its own model; "
                                         "worth it for hundreds of articles).")] = 1,
) -> None:
    """Code many articles into the embedded DuckDB store, with a progress bar."""
    from .engine import Engine
    from .ingest import count_records, read_inputs
    from .ingest.samples import sample_paths
    from .records import Document, Failure
    from .store import Store

    paths = list(inputs or [])
    if samples:
        paths += [str(p) for p in sample_paths()]
    if not paths:
        _fail("give input files or folders, '-' for stdin, or --samples")
    pub = _parse_date(date_)
    try:
        total = count_records(paths) if "-" not in paths else None
        items = read_inputs(paths, date=pub)
        engine = Engine(_config(model=model, batch_size=batch_size, verbs=verbs))
        store = Store(db)
    except EventcoderError as exc:
        _fail(str(exc))
    n_articles = n_events = n_failures = 0
    t0 = time.perf_counter()
    pending: list[Document] = []
    failures: list[Failure] = []
    progress = Progress(TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err,
                        transient=False)
    with store, progress:
        task = progress.add_task("coding", total=total, rate="")
        try:
            if workers > 1:
                from .batch import pipe_parallel

                results = pipe_parallel(items, engine.config, workers=workers)
            else:
                results = engine.warm_up().pipe(items)
            for item in results:
                if isinstance(item, Failure):
                    failures.append(item)
                    n_failures += 1
                else:
                    pending.append(item)
                    n_articles += 1
                    n_events += len(item.events)
                if len(pending) >= 200:  # write in chunks: a crash loses at most one chunk
                    store.write(pending)
                    pending = []
                done = n_articles + n_failures
                rate = done / max(time.perf_counter() - t0, 1e-9)
                progress.update(task, advance=1, rate=f"{rate:.1f} articles/s")
        except EventcoderError as exc:
            store.write(pending)
            store.write_failures(failures)
            _fail(str(exc))
        store.write(pending)
        store.write_failures(failures)
        clusters = store.cluster()
    elapsed = time.perf_counter() - t0
    table = Table(title=f"stored in {db}", show_header=False)
    for k, v in [("articles", n_articles), ("events", n_events),
                 ("event clusters", clusters.clusters), ("failures", n_failures),
                 ("time", f"{elapsed:.1f} s"),
                 ("articles/s", f"{(n_articles + n_failures) / max(elapsed, 1e-9):.1f}")]:
        table.add_row(k, str(v))
    out.print(table)
    for f in failures[:10]:
        err.print(f"[yellow]failure:[/] {escape(f.input)}: {escape(f.reason)}",
                  highlight=False)
    if len(failures) > 10:
        err.print(f"... and {len(failures) - 10} more (eventcoder export --what failures)")


@app.command()
def export(
    db: DbOpt = Path("eventcoder.duckdb"),
    what: Annotated[str, typer.Option(
        help="events, actors, quotes, articles, failures, clusters or cluster_members.")
    ] = "events",
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl or parquet.")] = "csv",
    out_path: Annotated[Path | None, typer.Option("--out", help="Output file (default stdout; "
                                                  "parquet needs a file).")] = None,
    schema: Annotated[str, typer.Option(help="native, gdelt or polecat.")] = "native",
    tab: Annotated[bool, typer.Option("--tab", help="Tab-separated (GDELT files: --tab "
                                      "--no-header).")] = False,
    header: Annotated[bool, typer.Option("--header/--no-header", help="CSV header row.")] = True,
    all_events: Annotated[bool, typer.Option("--all-events", help="gdelt/polecat: include "
                                             "negated, hypothetical, intended and historical "
                                             "events.")] = False,
) -> None:
    """Write stored records as CSV, JSON Lines or Parquet."""
    from .store.export import export as do_export

    n = _on_store(db, lambda store: do_export(
        store, what=what, fmt=fmt, out=out_path or sys.stdout, schema=schema, tab=tab,
        header=header, all_events=all_events), read_only=True)
    if out_path is not None:
        err.print(f"wrote {n} {what} rows to {out_path}")


@app.command()
def cluster(
    db: DbOpt = Path("eventcoder.duckdb"),
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-cluster all events.")] = False,
) -> None:
    """Merge events reported by several articles into event clusters."""
    stats = _on_store(db, lambda store: store.cluster(new_only=not rebuild))
    out.print(f"{stats.events} events clustered; {stats.clusters} clusters")


@app.command(name="eval")
def evaluate(
    benchmark: Annotated[str, typer.Argument(help="ud-petrarch, petrarch2 or plover.")],
    details: Annotated[Path | None, typer.Option("--details", help="Write per-sentence "
                                                 "expected vs produced to this JSONL.")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name or path.")] = None,
    convention: Annotated[str, typer.Option(
        help="eventcoder: count only asserted events; petrarch: count intended actions as "
             "done and negated ones as the benchmark's ontology codes their negation, as "
             "PETRARCH (which has no modality) does.")] = "eventcoder",
) -> None:
    """Score the coder on a gold set in ../shared/benchmarks (or $EVENTCODER_SHARED)."""
    from .evaluation.runner import (
        BENCHMARKS,
        CONVENTIONS,
        benchmark_negator,
        engine_coders,
        petrarch_dictionary_engine,
        run_benchmark,
        write_details,
    )

    if benchmark not in BENCHMARKS:
        _fail(f"unknown benchmark {benchmark!r}; choose one of {', '.join(BENCHMARKS)}")
    if convention not in CONVENTIONS:
        _fail(f"unknown convention {convention!r}; choose one of {', '.join(CONVENTIONS)}")
    try:
        engine = petrarch_dictionary_engine(benchmark, config=Config().with_overrides(model=model))
        negate = benchmark_negator(benchmark) if convention == "petrarch" else None
        report = run_benchmark(benchmark, engine_coders(engine, convention, negate),
                               limit=limit)
    except EventcoderError as exc:
        _fail(str(exc))
    for t in report.tables():
        rows = t.as_rows()
        table = Table(title=t.title)
        for col in rows[0]:
            table.add_column(col)
        for row in rows[1:]:
            table.add_row(*row)
        out.print(table)
    out.print(f"{benchmark}: scored in {report.seconds:.1f} s")
    if details is not None:
        n = write_details(report, details)
        err.print(f"wrote {n} rows to {details}")

