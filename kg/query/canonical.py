"""One row per canonical event: what graph queries count by default.

A graph kg built holds every report of an event as its own kgo:Event (a mention) and
the canonical events that group them (kg.rdf.canonical). Allies, rivals, blocs and the
pictures should weigh an event once however many outlets reported it, so `load_events`
returns canonical rows unless asked for mentions (`--mentions` on the command line).

A canonical row is its first report (earliest, then by document and IRI) standing for
all of them: the event IRI becomes the canonical event's, `mentions` and `urls` list every
report, and the context keeps only the flags all reports agree on (one report calling a
meeting "planned" does not make it hypothetical). A graph without a canonical layer (an
older build, or rows built by hand) gives one canonical row per mention, unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from kg.query.model import EventList, EventRow, natural_key


def _first(rows: list[EventRow]) -> EventRow:
    return min(rows, key=lambda r: (r.when is None, r.when or "", r.document or "",
                                    natural_key(r.event)))


def merge(canonical: str, rows: list[EventRow]) -> EventRow:
    """The canonical row of one event's mention rows."""
    first = _first(rows)
    shared = set.intersection(*(set(r.context) for r in rows))
    confidences = [r.confidence for r in rows if r.confidence is not None]
    return dataclasses.replace(
        first, event=canonical, context=tuple(c for c in first.context if c in shared),
        confidence=max(confidences) if confidences else None,
        canonical=canonical, num_mentions=first.num_mentions if first.canonical else 1,
        num_sources=first.num_sources if first.canonical else 1,
        mentions=tuple(sorted((r.event for r in rows), key=natural_key)),
        urls=tuple(sorted({r.url for r in rows if r.url})))


def canonical_events(events: Iterable[EventRow]) -> EventList:
    """One row per canonical event, in the order of their first mentions."""
    groups: dict[str, list[EventRow]] = {}
    for row in events:
        groups.setdefault(row.canonical or row.event, []).append(row)
    rows = [merge(key, members) for key, members in groups.items()]
    if isinstance(events, EventList):
        out = events.derive(rows)
    else:
        out = EventList(rows)
    out.meta["counting"] = "events"
    return out
