"""The one table of entity kinds (event-schema.md §3).

Every stage that needs to know about kinds reads this table: the gazetteer (which TSV
files hold which kind), the event stage (who can act, who can be acted on), the RDF
writer (the ontology class) and the pictures (node colours). To add a kind, add a row
here, its class to ontology/kg.ttl, and, if it has a gazetteer, its TSV files.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    name: str  # also the local name of its class in the kg ontology (kgo:Country)
    actor: bool  # can be the source or target of an event
    target_only: bool  # can be what an act is aimed at (গাজায় হামলা), never who acts
    gazetteer: tuple[str, ...]  # seeds/gazetteer file stems (a prefix ending in "_" matches)
    color: str  # node colour in kg viz


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("Country", True, False, ("countries",), "#8dd3c7"),
    Kind("Person", True, False, ("people", "people_"), "#fdb462"),
    Kind("Organization", True, False, ("organizations", "organizations_"), "#bebada"),
    Kind("Location", False, True, ("places", "places_"), "#d9d9d9"),
    Kind("Agreement", False, False, (), "#d9d9d9"),
    Kind("Other", False, False, (), "#d9d9d9"),
)}

ACTOR_TYPES = frozenset(k.name for k in KINDS.values() if k.actor)
# Organisations that report (news agencies and outlets, the gazetteer's `kind` column):
# recognised, so that their names are not read as anything else, but never actors: an
# agency reports what others did and said (event-schema.md §3; seeds/news/ANNOTATION.md).
REPORTER_KINDS = frozenset({"media"})
# Places that are only ever where an act happens (লোহিত সাগরে হামলা: an attack in the Red
# Sea is on the ships there, not on the sea), by the gazetteer's `kind` column.
WHERE_KINDS = frozenset({"sea", "river"})
TARGET_TYPES = ACTOR_TYPES | frozenset(k.name for k in KINDS.values() if k.target_only)


def kind_of_gazetteer(stem: str) -> str | None:
    """The kind a seeds/gazetteer/<stem>.tsv file holds, or None if no kind claims it."""
    for kind in KINDS.values():
        for pattern in kind.gazetteer:
            if stem == pattern or (pattern.endswith("_") and stem.startswith(pattern)):
                return kind.name
    return None
