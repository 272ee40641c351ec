"""Country roll-up (`level="country"`): which node an actor stands for at a level.

At country level people and organisation units stand for their kgo:affiliation
(followed until a country or an actor without affiliation), so that a leader's visit and
a ministry's protest add up to one relation between states. When a person has several
affiliations (Jens Stoltenberg: NATO, Norway) the office the gazetteer says they held in
the event's year decides; failing that, the first affiliation by label.
"""

from __future__ import annotations

from kg.errors import KgError
from kg.query.model import Actor, EventRow, actor_key

LEVELS = ("actor", "country")


class Rollup:
    """Maps an actor to the node that stands for it at a level; memoised per (actor,
    year), since every event asks again about the same few actors."""

    def __init__(self, level: str = "actor") -> None:
        if level not in LEVELS:
            raise KgError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
        self.level = level
        self._memo: dict[tuple[str, int | None], Actor] = {}

    def __call__(self, actor: Actor, year: int | None = None) -> Actor:
        if self.level == "actor":
            return actor
        key = (actor.id, year)
        if key not in self._memo:
            self._memo[key] = self._climb(actor, year)
        return self._memo[key]

    def _climb(self, actor: Actor, year: int | None) -> Actor:
        seen = {actor.id}
        while actor.type != "Country" and actor.affiliations:
            nxt = primary_affiliation(actor, year)
            if nxt.id in seen:
                break
            seen.add(nxt.id)
            actor = nxt
        return actor


def primary_affiliation(actor: Actor, year: int | None) -> Actor:
    """The affiliation `actor` acted for in `year` (None: now); it must have one."""
    affs = sorted(actor.affiliations, key=actor_key)
    if len(affs) > 1 and (actor.wikidata or actor.label):
        office_aff = _gazetteer_affiliation(actor.wikidata or actor.label, year)
        for a in affs:
            if office_aff and office_aff in (a.wikidata, a.label):
                return a
    return affs[0]


def _gazetteer_affiliation(key: str, year: int | None) -> str | None:
    """QID or label of what the gazetteer's person `key` (QID or label) acted for in
    `year` (None: now)."""
    try:
        from kg.lang.gazetteer import default_gazetteer

        entity = default_gazetteer().get(key)
    except KgError:
        return None
    office = entity.office_at(year) if entity else None
    return office.affiliation if office else None


def members(row: EventRow, up: Rollup) -> tuple[set[str], set[str]]:
    """Node ids of the event's sources and targets at the roll-up's level."""
    year = row.year
    return {up(a, year).id for a in row.sources}, {up(a, year).id for a in row.targets}
