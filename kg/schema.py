"""The event schema's vocabulary (event-schema.md §1–2): the one table of event types.

To add an event type: a row here (with its quad class), its class and SKOS concept in
ontology/kg.ttl, and its predicates in seeds/lexicon/predicates.yaml.
"""

from __future__ import annotations

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME",
    "MOBILIZE", "COERCE", "ASSAULT", "STATEMENT",
)
QUAD_CLASSES = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT", "INVESTIGATE"),
    "verbal conflict": ("DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION"),
    "material conflict": ("PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT"),
}
QUAD_OF = {t: q for q, types in QUAD_CLASSES.items() for t in types}
CONTEXTS = ("future", "hypothetical", "negated", "historical", "reported")
