"""Alliance change over time: a pair's net alignment per quarter.

The alignment graph sums a pair's whole history into one number, which hides a turn
(partners who fell out, rivals who made up). Here the same rule (kg.query.model: each
event's weight, an event counted once per pair) is summed per calendar quarter for the
pairs with the most events. Events dated only to a year cannot be placed in a quarter
and are counted as `unplaced`, not guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.query.model import EventRow
from kg.query.views import actor_graph, alignment_graph, by_label, label_of

MAIN_PAIRS = 5


@dataclass
class Trend:
    """Net alignment per quarter of a few pairs; `values[pair][i]` is quarter i's sum."""

    quarters: list[str]
    pairs: list[tuple[str, str]]
    labels: dict[str, str]
    values: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    events: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    unplaced: int = 0

    def rows(self) -> list[dict]:
        """One row per pair and quarter with events: for tables and CSV."""
        return [{"pair": self.pair_label(p), "quarter": q, "net": self.values[p][i],
                 "events": self.events[p][i]}
                for p in self.pairs for i, q in enumerate(self.quarters) if self.events[p][i]]

    def pair_label(self, pair: tuple[str, str]) -> str:
        return f"{self.labels[pair[0]]} – {self.labels[pair[1]]}"


def quarter(when: str | None) -> str | None:
    """2024-06-18 or 2024-06 → 2024-Q2; a year alone or no date → None."""
    if not when or len(when) < 7 or not when[:4].isdigit() or not when[5:7].isdigit():
        return None
    return f"{when[:4]}-Q{(int(when[5:7]) - 1) // 3 + 1}"


def _quarters(first: str, last: str) -> list[str]:
    """Every quarter from first to last, empty ones included (the axis is time)."""
    y, q = int(first[:4]), int(first[-1])
    out = []
    while f"{y}-Q{q}" <= last:
        out.append(f"{y}-Q{q}")
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


def alignment_by_quarter(events: Iterable[EventRow], level: str = "country",
                         top: int = MAIN_PAIRS) -> Trend:
    """Net alignment per quarter of the `top` pairs with the most events (ties by
    label), at `level` (country: people count for their country, as in the notebook)."""
    MG = actor_graph(events, level)
    AG = alignment_graph(MG)
    key = by_label(AG)
    ranked = sorted(((u, v) if key(u) <= key(v) else (v, u) for u, v in AG.edges()),
                    key=lambda p: (-AG.edges[p]["n_events"], key(p[0]), key(p[1])))
    pairs = ranked[:top]
    wanted = set(pairs)
    sums: dict[tuple[str, str], dict[str, list[float]]] = {p: {} for p in pairs}
    seen: set[tuple[str, str, str]] = set()
    unplaced = 0
    for u, v, k, d in MG.edges(keys=True, data=True):
        pair = (u, v) if key(u) <= key(v) else (v, u)
        if pair not in wanted or (*pair, k) in seen:
            continue
        seen.add((*pair, k))
        q = quarter(d.get("date"))
        if q is None:
            unplaced += 1
            continue
        cell = sums[pair].setdefault(q, [0.0, 0])
        cell[0] += d.get("alignment", 0.0)
        cell[1] += 1
    placed = sorted({q for s in sums.values() for q in s})
    quarters = _quarters(placed[0], placed[-1]) if placed else []
    return Trend(quarters, pairs, {n: label_of(AG, n) for p in pairs for n in p},
                 {p: [sums[p].get(q, [0.0, 0])[0] for q in quarters] for p in pairs},
                 {p: [int(sums[p].get(q, [0.0, 0])[1]) for q in quarters] for p in pairs},
                 unplaced)
