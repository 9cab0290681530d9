"""A readable report of one coded article for the terminal (used by ``eventcoder analyze``)."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .records import Document, Mention

MODALITY_STYLE = {"asserted": "green", "negated": "red", "hypothetical": "yellow",
                  "intended": "cyan"}


def _who(m: Mention | None) -> str:
    if m is None:
        return "-"
    if m.actor is None:
        return f"{m.text} (?)"
    return f"{m.actor.name} [{m.actor.code}]"


def print_document(console: Console, doc: Document) -> None:
    a = doc.article
    head = a.title or a.origin or a.id
    console.rule(f"[bold]{head}")
    console.print(f"date: {a.date or 'unknown'}   source: {a.source or '-'}   id: {a.id}",
                  highlight=False)

    actors = Table(title="Actors", show_lines=False)
    for col in ("actor", "code", "country", "sector", "mentions", "how"):
        actors.add_column(col)
    counts: Counter[tuple[str, str, str, str]] = Counter()
    methods: dict[tuple[str, str, str, str], set[str]] = {}
    for m in doc.mentions:
        if m.actor is None:
            continue
        key = (m.actor.name, m.actor.code, m.actor.country or "", m.actor.sector or "")
        counts[key] += 1
        methods.setdefault(key, set()).add(m.method)
    for key, n in counts.most_common():
        actors.add_row(*key, str(n), ", ".join(sorted(methods[key])))
    console.print(actors)

    events = Table(title="Events", show_lines=True)
    for col in ("source", "action", "target", "modality", "evidence", "conf"):
        events.add_column(col, overflow="fold")
    for e in doc.events:
        style = MODALITY_STYLE.get(e.modality, "white")
        modality = e.modality + (" · historical" if e.historical else "") + \
            (" · reported" if e.reported else "")
        sentence = e.evidence.sentence
        rel_start = e.evidence.trigger_start - e.evidence.start
        rel_end = e.evidence.trigger_end - e.evidence.start
        ev = Text(sentence[:rel_start])
        ev.append(sentence[rel_start:rel_end], style="bold underline")
        ev.append(sentence[rel_end:])
        events.add_row(_who(e.source), f"{e.cameo} {e.plover or ''}\nQ{e.quad_class} "
                       f"G{e.goldstein:+.1f}", _who(e.target), Text(modality, style=style), ev,
                       f"{e.confidence:.2f}")
    console.print(events)

    quotes = Table(title="Quotes", show_lines=True)
    for col in ("speaker", "quote", "to", "outlet"):
        quotes.add_column(col, overflow="fold")
    for q in doc.quotes:
        quotes.add_row(_who(q.speaker), q.text, _who(q.listener) if q.listener else "-",
                       q.outlet or "-")
    console.print(quotes)
    for f in doc.failures:
        console.print(f"[red]failure[/] {escape(f.input)}: {escape(f.reason)}", highlight=False)
