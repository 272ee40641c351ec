"""Events → schema §4 records: reciprocal events split per side, duplicates dropped."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.state import Event
from kg.lang.gazetteer import Entity
from kg.schema import QUAD_OF
from kg.text.documents import Document
from kg.text.segment import Sentence


def _same_side(a: Entity, b: Entity) -> bool:
    """An actor and itself, or a person and the state or body they serve (Putin, Russia)."""
    return a == b or any(o.affiliation in (b.key, b.wikidata) for o in a.offices) or any(
        o.affiliation in (a.key, a.wikidata) for o in b.offices)


def split_reciprocal(ev: Event) -> list[Event]:
    """উভয় দেশ … একে অপরকে: one event per side, each aimed at the other(s), so that no
    actor is recorded as acting on itself (or on its own leader)."""
    if not any(_same_side(s, t) for s in ev.sources for t in ev.targets):
        return [ev]
    parts = []
    for s in ev.sources:
        targets = [t for t in ev.targets if not _same_side(s, t)]
        if targets:
            parts.append(replace(ev, sources=[s], targets=targets))
    return parts


def to_record(doc: Document, sent: Sentence, ev: Event, extractor: str) -> dict:
    """The schema §4 event record (plus `symmetric`, `predicate`, `extractor`)."""
    return {
        "doc": doc.id,
        "sentence_index": sent.index,
        "sentence": sent.text,
        "type": ev.type,
        "mode": ev.mode or None,
        "cameo": ev.cameo or None,
        "quad": QUAD_OF.get(ev.type),
        "relation": ev.relation,
        "source": [e.record() for e in ev.sources],
        "target": [e.record() for e in ev.targets],
        "object": [{k: v for k, v in o.items() if k != "key"} for o in ev.objects],
        "context": sorted(ev.context),
        "date": ev.date,
        "location": ev.location.record() if ev.location else None,
        "confidence": ev.confidence,
        "span": list(ev.span),
        "symmetric": ev.pred.symmetric,
        "predicate": ev.pred.id,
        "extractor": extractor,
        "_object_keys": [o.get("key") for o in ev.objects],
    }


def dedupe(records: list[dict]) -> list[dict]:
    """One record per (sentence, type, relation, sources, targets), the first kept."""
    seen = set()
    out = []
    for r in records:
        key = (r["sentence_index"], r["type"], r["relation"],
               tuple(a["label"] for a in r["source"]), tuple(a["label"] for a in r["target"]))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def public(record: dict) -> dict:
    """A record without internal bookkeeping fields (those starting with `_`)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}
