"""``eventcoder actors ...``: look up, add and import actors (typer sub-app; prints with rich).

    eventcoder actors list [--type person] [--search NAME] [--file user.jsonl]
    eventcoder actors add "Andris Sprūds" --code LVAGOV \
        --role "Defence Minister,defence_minister,2023-09-15,"
    eventcoder actors import Phoenix.Countries.actors.txt Phoenix.agents.txt [--out user.jsonl]

User actors live in a JSONL file in the knowledge-base format (``actors/kb.py``), by default
``~/.eventcoder/actors.jsonl``; an entry with the id of a packaged one replaces it when the
file is loaded with ``KnowledgeBase.default().extended(path)``.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from .actors.entries import ROLE_KINDS, TYPES, Discards, Entry, entry_from_dict, entry_to_dict
from .actors.kb import FORMAT_VERSION, KnowledgeBase, normalise
from .errors import EventcoderError

__all__ = ["USER_FILE", "actors_app"]

USER_FILE = Path.home() / ".eventcoder" / "actors.jsonl"
_PREFIX = {"country": "country", "capital": "capital", "organisation": "org", "igo": "igo",
           "group": "group", "person": "person", "agent": "agent"}
_CODE = re.compile(r"^[A-Z0-9]{3,}$")

actors_app = typer.Typer(add_completion=False, no_args_is_help=True,
                         help="Look up, add and import actors of the knowledge base.")
out = Console()
err = Console(stderr=True)

FileOpt = Annotated[Path, typer.Option("--file", help="User actors file (JSONL).")]


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def _read(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(header, entry objects) of a user file; a missing file is empty."""
    if not path.exists():
        return {}, []
    header: dict[str, Any] = {}
    objs: list[dict[str, Any]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            _fail(f"{path}:{lineno}: bad JSON: {exc.msg}")
        if "format_version" in obj and "id" not in obj:
            header = obj
        else:
            objs.append(obj)
    return header, objs


def _write(path: Path, header: dict[str, Any], objs: list[dict[str, Any]]) -> None:
    """Write entries (later ids replace earlier ones, in place) after a header line."""
    merged: dict[str, dict[str, Any]] = {}
    for obj in objs:
        merged[obj["id"]] = obj
    path.parent.mkdir(parents=True, exist_ok=True)
    head = {"format_version": FORMAT_VERSION, **header}
    lines = [json.dumps(head, ensure_ascii=False)]
    lines += [json.dumps(obj, ensure_ascii=False) for obj in merged.values()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _kb(path: Path) -> KnowledgeBase:
    try:
        return KnowledgeBase.default().extended(path) if path.exists() else \
            KnowledgeBase.default()
    except EventcoderError as exc:
        _fail(str(exc))


@actors_app.command("list")
def list_(
    type_: Annotated[str | None, typer.Option("--type", help=f"One of {', '.join(TYPES)}.")]
    = None,
    search: Annotated[str | None, typer.Option("--search", help="Part of a name or alias.")]
    = None,
    file: FileOpt = USER_FILE,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 50,
) -> None:
    """List actors of the packaged knowledge base and the user file."""
    if type_ is not None and type_ not in TYPES:
        _fail(f"--type {type_!r} is not one of {', '.join(TYPES)}")
    kb = _kb(file)
    key = normalise(search) if search else ""
    found = [e for e in kb.entries() if (type_ is None or e.type == type_)
             and (not key or any(key in normalise(n) for n in e.names()))]
    if search and not found:
        from .actors.fuzzy import FuzzyNameMatcher
        from .actors.mentions import MentionContext

        hit = FuzzyNameMatcher(kb)(search, MentionContext(search, None, None, None))
        if hit is not None:
            found = [hit[0]]
            out.print(f"no name contains {search!r}; closest: {hit[0].name} ({hit[1]:.2f})")
    table = Table("id", "type", "name", "code", "country", "roles", "aliases")
    for e in sorted(found, key=lambda e: (e.type, e.name))[:limit]:
        table.add_row(e.id, e.type, e.name, e.code or "", e.country or "", str(len(e.roles)),
                      ", ".join(e.aliases[:3]) + (" ..." if len(e.aliases) > 3 else ""))
    out.print(table)
    out.print(f"{len(found)} actor(s)" + (f", {limit} shown" if len(found) > limit else ""))


def _role(spec: str, code: str | None, country: str | None,
          sector: str | None) -> dict[str, Any]:
    """``"title,kind,start,end[,CODE]"`` -> a role object (dates ISO or empty)."""
    parts = [p.strip() for p in spec.split(",")]
    role_code = parts.pop() if len(parts) >= 5 and _CODE.match(parts[-1]) else None
    if len(parts) < 4:
        _fail(f"--role {spec!r}: use \"title,kind,start,end\" (dates YYYY-MM-DD or empty)")
    end, start, kind = parts.pop(), parts.pop(), parts.pop()
    if kind not in ROLE_KINDS:
        _fail(f"--role {spec!r}: kind {kind!r} is not one of {', '.join(ROLE_KINDS)}")
    role_code = role_code or code or ((country or "") + (sector or "")) or None
    from .actors.petrarch_import import split_code

    r_country, r_sector = split_code(role_code) if role_code else (country, sector)
    return {"title": ", ".join(parts) or kind, "kind": kind, "country": r_country or country,
            "sector": r_sector or sector, "code": role_code, "start": start or None,
            "end": end or None}


@actors_app.command()
def add(
    name: Annotated[str, typer.Argument(help="Canonical name, e.g. \"Andris Sprūds\".")],
    code: Annotated[str, typer.Option("--code", help="CAMEO actor code, e.g. LVAGOV.")],
    country: Annotated[str | None, typer.Option(help="CAMEO country code (default: from "
                                                     "--code).")] = None,
    sector: Annotated[str | None, typer.Option(help="Sector (default: from --code).")] = None,
    type_: Annotated[str, typer.Option("--type", help=f"One of {', '.join(TYPES)}.")]
    = "person",
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Another name "
                                                    "(repeatable).")] = None,
    role: Annotated[list[str] | None, typer.Option("--role", help="\"title,kind,start,end\" "
                                                   "(repeatable; dates YYYY-MM-DD or empty; "
                                                   "an optional 5th field is the role's "
                                                   "code).")] = None,
    id_: Annotated[str | None, typer.Option("--id", help="Entry id (default: "
                                            "<type>:<slug of name>).")] = None,
    file: FileOpt = USER_FILE,
) -> None:
    """Add (or replace) an actor in the user file."""
    from .actors.petrarch_import import split_code

    code = code.upper()
    if not _CODE.match(code):
        _fail(f"--code {code!r} is not a CAMEO code (3+ letters or digits, e.g. LVAGOV)")
    d_country, d_sector = split_code(code)
    country, sector = country or d_country, sector or d_sector
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(name)).strip("-")
    obj: dict[str, Any] = {
        "id": id_ or f"{_PREFIX.get(type_, type_)}:{slug}", "type": type_, "name": name,
        "code": code, "country": country, "sector": sector, "aliases": list(alias or []),
        "roles": [_role(r, code, country, sector) for r in role or []], "source": "user"}
    try:
        entry = entry_from_dict(obj, f"{file} (new entry)")
    except EventcoderError as exc:
        _fail(str(exc))
    header, objs = _read(file)
    replaced = any(o.get("id") == entry.id for o in objs)
    _write(file, header, objs + [entry_to_dict(entry)])
    packaged = KnowledgeBase.default().get(entry.id) is not None
    out.print(f"{'replaced' if replaced else 'added'} [bold]{entry.id}[/] ({entry.code}) in "
              f"{file}" + (" (overrides the packaged entry)" if packaged else ""))


def _kind_of(path: Path) -> str:
    name = path.name.lower()
    return "agents" if "agent" in name else "discards" if "discard" in name else "actors"


@actors_app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="Dictionary or JSONL files.")],
    format_: Annotated[str, typer.Option("--format", help="petrarch or jsonl (default: "
                                         "jsonl for .jsonl files).")] = "",
    kind: Annotated[str, typer.Option(help="PETRARCH file kind: actors, agents, discards or "
                                      "auto (from the file name).")] = "auto",
    out_file: Annotated[Path, typer.Option("--out", help="User actors file to write "
                                           "(entries with the same id are replaced).")]
    = USER_FILE,
    inclusive_end: Annotated[bool, typer.Option(
        "--inclusive-end", help="PETRARCH-1 actor files: a date restriction's end date is "
        "its last day (PETRARCH2, the default, ends the day before).")] = False,
) -> None:
    """Import PETRARCH/TABARI dictionaries or JSONL actor files into a user file."""
    from .actors.petrarch_import import (
        actor_entries,
        agent_entries,
        parse_actor_file,
        parse_agent_file,
        read_discards,
    )

    start = time.perf_counter()
    header, objs = _read(out_file)
    discards = Discards.from_dict(header.get("discards"))
    used = {o["id"] for o in objs} | {e.id for e in KnowledgeBase.default().entries()}
    new: list[Entry] = []
    for path in paths:
        if not path.exists():
            _fail(f"{path}: no such file")
        fmt = format_ or ("jsonl" if path.suffix == ".jsonl" else "petrarch")
        try:
            if fmt == "jsonl":
                new += list(KnowledgeBase.from_jsonl(path).entries())
                continue
            if fmt != "petrarch":
                _fail(f"--format {fmt!r}: use petrarch or jsonl")
            what = _kind_of(path) if kind == "auto" else kind
            source = f"petrarch:{path.name}"
            if what == "actors":
                new += list(actor_entries(parse_actor_file(path, inclusive_end=inclusive_end),
                                          source, used))
            elif what == "agents":
                new += agent_entries(parse_agent_file(path), source)
            elif what == "discards":
                discards = discards.merged(read_discards(path))
            else:
                _fail(f"--kind {what!r}: use actors, agents, discards or auto")
        except EventcoderError as exc:
            _fail(str(exc))
    if discards:
        header["discards"] = discards.to_dict()
    _write(out_file, header, objs + [entry_to_dict(e) for e in new])
    table = Table("type", "entries")
    for t, n in sorted(Counter(e.type for e in new).items()):
        table.add_row(t, str(n))
    if discards:
        table.add_row("discards", f"{len(discards.sentence)} sentence, {len(discards.story)} "
                                  "story")
    out.print(table)
    out.print(f"wrote {out_file} in {time.perf_counter() - start:.1f}s")
