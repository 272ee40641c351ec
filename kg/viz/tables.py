"""Tables for notebooks: events with their Bengali evidence, as escaped HTML.

pandas is not a dependency, and a plain HTML table renders Bengali with whatever font
the browser has (a matplotlib figure would need a Bengali font installed).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kg.viz.style import relation_phrase

if TYPE_CHECKING:
    from kg.query import EventRow

EVENT_COLUMNS = ("date", "source", "relation", "target", "type", "evidence")


def event_rows(events: Iterable[EventRow], limit: int | None = None) -> list[dict]:
    """Events as table rows: the date, English actors and relation, and the Bengali
    sentence that is the evidence for the event. The relation reads between the two
    actors (`relation_phrase`: "signed with", not "signed")."""
    rows = []
    for row in events:
        rows.append({"date": row.when or "", "type": row.type,
                     "source": ", ".join(a.display for a in row.sources),
                     "relation": relation_phrase(row.relation, row.mode, row.objects),
                     "target": ", ".join(a.display for a in row.targets),
                     "context": ", ".join(row.context), "document": row.document or "",
                     "evidence": " ".join((row.evidence or "").split())})
        if limit and len(rows) >= limit:
            break
    return rows


def html_table(rows: Sequence[dict], columns: Sequence[str] | None = None) -> str:
    """A plain, escaped HTML table (pandas is not a dependency); Bengali renders in
    the browser with whatever Bengali font it has."""
    cols = list(columns or (rows[0].keys() if rows else ()))
    head = "".join(f"<th style='text-align:left'>{html.escape(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left'>{html.escape(_text(r.get(c)))}</td>"
                         for c in cols) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)
