"""Questions about the events themselves: filters, timelines, counts, statistics.

These read the event rows rather than a graph view, because an event of an actor with
itself (a minister meeting their own president after the country roll-up) is no edge
but still an event of that actor. Dates of any precision are periods (2024-06 is all of
June), so filters match by overlap.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.query.model import EventList, EventRow, natural_key
from kg.query.rollup import Rollup, members
from kg.query.views import actor_graph, alignment_graph


def sort_rows(rows: Iterable[EventRow]) -> list[EventRow]:
    """Oldest first, undated last; then by document and event IRI (numbers as numbers)."""
    return sorted(rows, key=lambda r: (r.when is None, r.when or "", r.document or "",
                                       natural_key(r.event)))


def timeline(events: Iterable[EventRow], actor: str, level: str = "actor") -> list[EventRow]:
    """Events the actor takes part in (as source or target), oldest first; undated last."""
    up = Rollup(level)
    out = []
    for row in events:
        src, tgt = members(row, up)
        if actor in src or actor in tgt:
            out.append(row)
    return sort_rows(out)


def parse_period(value: str) -> tuple[dt.date, dt.date]:
    """YYYY, YYYY-MM or YYYY-MM-DD → its first and last day; ValueError otherwise."""
    parts = value.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"{value!r} is not a date like 2024, 2024-06 or 2024-06-18")
    try:
        return _period(parts)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date") from None


def _period(parts: list[str]) -> tuple[dt.date, dt.date]:
    y = int(parts[0])
    if len(parts) == 1:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = int(parts[1])
    if len(parts) == 2:
        first = dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    day = dt.date(y, m, int(parts[2]))
    return day, day


def _event_period(row: EventRow) -> tuple[dt.date, dt.date] | None:
    when = row.when
    if not when:
        return None
    try:
        return parse_period(when[:10])
    except ValueError:
        return None


@dataclass
class EventFilter:
    """What `filter_events` keeps; empty fields do not filter."""

    types: set[str] = field(default_factory=set)
    quads: set[str] = field(default_factory=set)
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    contexts: set[str] = field(default_factory=set)  # "none": events without context
    level: str = "actor"

    def keeps(self, row: EventRow, up: Rollup) -> bool:
        if self.types and row.type not in self.types:
            return False
        if self.quads and row.quad not in self.quads:
            return False
        if self.contexts and not (self.contexts & (set(row.context) or {"none"})):
            return False
        if self.since or self.until:
            period = _event_period(row)
            if period is None or (self.since and period[1] < self.since) or \
                    (self.until and period[0] > self.until):
                return False
        if self.actor:
            src, tgt = members(row, up)
            return self.actor in src or self.actor in tgt
        return True


def filter_events(events: Iterable[EventRow], types: Iterable[str] = (),
                  quads: Iterable[str] = (), actor: str | None = None,
                  since: str | dt.date | None = None, until: str | dt.date | None = None,
                  contexts: Iterable[str] = (), level: str = "actor") -> EventList:
    """Events matching every given filter (each multi-valued filter is an OR), sorted by
    date. Dates of any precision overlap-match: 2024-06 passes --since 2024-06-18."""
    since_d = parse_period(since)[0] if isinstance(since, str) else since
    until_d = parse_period(until)[1] if isinstance(until, str) else until
    f = EventFilter({t.upper() for t in types}, {q.lower() for q in quads}, actor,
                    since_d, until_d, {c.lower() for c in contexts}, level)
    up = Rollup(level)
    kept = sort_rows(r for r in events if f.keeps(r, up))
    return events.derive(kept) if isinstance(events, EventList) else EventList(kept)


def actor_counts(events: Iterable[EventRow], level: str = "actor"
                 ) -> dict[str, tuple[int, int, int]]:
    """Per node id: (events taken part in, as source, as target)."""
    up = Rollup(level)
    total: Counter[str] = Counter()
    as_src: Counter[str] = Counter()
    as_tgt: Counter[str] = Counter()
    for row in events:
        src, tgt = members(row, up)
        total.update(src | tgt)
        as_src.update(src)
        as_tgt.update(tgt)
    return {n: (total[n], as_src[n], as_tgt[n]) for n in total}


def stats(events: Iterable[EventRow], MG: nx.MultiDiGraph | None = None,
          AG: nx.Graph | None = None) -> dict[str, object]:
    """Sizes and distributions of the graph, metric name → value, in a fixed order."""
    rows = list(events)
    meta = getattr(events, "meta", {})
    MG = MG if MG is not None else actor_graph(rows)
    AG = AG if AG is not None else alignment_graph(MG)
    dates = sorted(w for w in (r.when for r in rows) if w)
    out: dict[str, object] = {}
    if "triples" in meta:
        out["triples"] = meta["triples"]
    out["documents"] = len({r.document for r in rows if r.document})
    out["events"] = len(rows)
    out["actors"] = MG.number_of_nodes()
    out["actor_edges"] = MG.number_of_edges()
    out["pairs"] = AG.number_of_edges()
    out["pairs_cooperative"] = sum(1 for *_e, w in AG.edges(data="weight") if w > 0)
    out["pairs_conflictual"] = sum(1 for *_e, w in AG.edges(data="weight") if w < 0)
    out["components"] = nx.number_connected_components(AG) if len(AG) else 0
    out["first_date"] = dates[0] if dates else None
    out["last_date"] = dates[-1] if dates else None
    out["undated_events"] = len(rows) - len(dates)
    for name, counter in (("type", Counter(r.type for r in rows)),
                          ("quad", Counter(r.quad or "none" for r in rows)),
                          ("context", Counter(c for r in rows for c in r.context or ("none",))),
                          ("actor_type", Counter(d for _n, d in MG.nodes(data="type")))):
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            out[f"{name}.{k}"] = v
    return out
