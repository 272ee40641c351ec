"""A mention: a span of a sentence's tokens that names or refers to actors.

The entity stage creates mentions (kg.entities.recognizer), the coreference step resolves
them (kg.entities.coref); from then on they are read-only: the event stage works on copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.kinds import ACTOR_TYPES, REPORTER_KINDS, WHERE_KINDS
from kg.lang.gazetteer import Entity


@dataclass(slots=True)
class Mention:
    """A span of tokens [start, end) that names (or refers to) one or more actors."""

    start: int
    end: int
    case: str
    kind: str
    entities: list[Entity] = field(default_factory=list)
    candidates: list[Entity] = field(default_factory=list)
    role: str | None = None
    affiliation: Entity | None = None
    group: int | None = None  # coordinated mentions share a group id
    role_label: str = ""  # the surface text of an absorbed role (রুশ প্রেসিডেন্ট)
    words: tuple[str, ...] = ()  # the name as matched (base forms), for coreference
    plural: bool = False  # নেতারা, কর্মকর্তারা: a group of office holders

    @property
    def resolved(self) -> bool:
        return bool(self.entities)


def entities_of(ms: list[Mention], types: frozenset[str] = ACTOR_TYPES) -> list[Entity]:
    """The distinct entities of mentions, in order, of the given kinds."""
    out: list[Entity] = []
    for m in ms:
        for e in m.entities:
            if e not in out and e.type in types and e.kind not in REPORTER_KINDS | WHERE_KINDS:
                out.append(e)
    return out
