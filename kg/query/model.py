"""The records every query works on: actors, events and the list that holds them.

Loading (kg.query.load) turns a graph into an `EventList`; every other module of
kg.query reads it. They are plain dataclasses, not rdflib terms, because a query touches
each event many times and attribute access is far cheaper than graph look-ups.

Alignment rule (how much one event says about a pair being aligned)
  contribution = QUAD_WEIGHT[quad class] x CONTEXT_FACTOR
  - verbal cooperation +1, material cooperation +2 (deeds weigh more than words),
    verbal conflict -1, material conflict -2; STATEMENT (no quad class) 0.
  - negated events count 0 (they did not happen); hypothetical ones 0.5 (a conditional
    pledge says less than a kept one); future, reported and historical ones count fully
    (a promise or a quoted treaty is still a signal of alignment).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

QUAD_WEIGHT = {
    "verbal cooperation": 1.0,
    "material cooperation": 2.0,
    "verbal conflict": -1.0,
    "material conflict": -2.0,
}
CONTEXT_FACTOR = {"negated": 0.0, "hypothetical": 0.5}
ACTOR_CLASSES = ("Country", "Person", "Organization", "Location", "Agreement", "Other")


@dataclass(slots=True, eq=False)
class Actor:
    """One actor node as the graph describes it; equal (and hashed) by IRI, because the
    same actor is met through many events and affiliations and must count once."""

    id: str
    label: str = ""
    label_bn: str = ""
    type: str = "Other"
    wikidata: str | None = None
    alt_labels: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[Actor, ...] = ()
    iso3: str | None = None  # ISO 3166-1 alpha-3 of a state (kg.codes)
    cameo: str | None = None  # CAMEO country code of a state

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Actor) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"Actor({self.display!r}, {self.id!r})"

    @property
    def display(self) -> str:
        """English label, else Bengali, else the tail of the IRI: never empty."""
        return self.label or self.label_bn or self.id.rsplit("/", 1)[-1]


@dataclass(slots=True)
class EventRow:
    """One kgo:Event, flattened: what a table row or a graph edge needs."""

    event: str
    type: str
    quad: str | None = None
    mode: str | None = None
    relation: str | None = None
    cameo: str | None = None
    date: str | None = None
    context: tuple[str, ...] = ()
    sources: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    objects: tuple[str, ...] = ()
    location: str | None = None
    document: str | None = None
    doc_date: str | None = None
    sentence: str | None = None
    evidence: str | None = None
    confidence: float | None = None
    url: str | None = None  # of the report's document
    outlet: str | None = None
    symmetric: bool = False
    goldstein: float | None = None
    places: tuple[Actor, ...] = ()  # places named as sources or targets: where, not who
    canonical: str | None = None  # the canonical event this row reports (kg.rdf.canonical)
    num_mentions: int = 1
    num_sources: int = 1
    mentions: tuple[str, ...] = ()  # a canonical row: the IRIs of its reports
    urls: tuple[str, ...] = ()  # a canonical row: the URLs of its reports

    @property
    def when(self) -> str | None:
        """The event's date, else its document's: what time filters and timelines use.
        A --MM-DD date takes the document's year."""
        if self.date and self.date.startswith("--") and self.doc_date:
            return self.doc_date[:4] + self.date[1:]
        return self.date or self.doc_date

    @property
    def year(self) -> int | None:
        when = self.when
        return int(when[:4]) if when and when[:4].isdigit() else None

    @property
    def weight(self) -> float:
        """The event's contribution to its pair's alignment (module docstring)."""
        w = QUAD_WEIGHT.get(self.quad or "", 0.0)
        for ctx in self.context:
            w *= CONTEXT_FACTOR.get(ctx, 1.0)
        return w


class EventList(list):
    """A list of EventRow that also knows every actor of its graph (`actors`, by IRI)
    and where it came from (`meta`), so filtered copies keep the labels."""

    def __init__(self, rows: Iterable[EventRow] = (), actors: dict[str, Actor] | None = None,
                 meta: dict | None = None) -> None:
        super().__init__(rows)
        self.actors: dict[str, Actor] = dict(actors or {})
        self.meta: dict = dict(meta or {})

    def derive(self, rows: Iterable[EventRow]) -> EventList:
        return EventList(rows, self.actors, self.meta)


def actor_key(a: Actor) -> tuple[str, str]:
    """Sort key of actors: label, then IRI, so that every ordering is stable."""
    return (a.display.casefold(), a.id)


def actors_of(events: Iterable[EventRow]) -> dict[str, Actor]:
    """All actors known to `events`: its `actors` table, else those its rows name."""
    known = dict(getattr(events, "actors", {}) or {})
    for row in events:
        for a in row.sources + row.targets:
            known.setdefault(a.id, a)
    return known


def natural_key(text: str) -> tuple:
    """'…-9-0' before '…-13-0': numbers in IRIs compare as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))
