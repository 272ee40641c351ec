"""RDF triples → `EventList`: the one-pass projection of kg's graph onto event rows.

A 1M-triple graph has to be projected in seconds, so the pass does one dict look-up per
triple (`_PREDICATES`) and keeps only the fields a query reads; everything is assembled
into Actor and EventRow records once the last triple has been seen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.query.model import ACTOR_CLASSES, Actor, EventList, EventRow, actor_key, natural_key
from kg.rdf.vocab import BASE
from kg.schema import QUAD_CLASSES

_KGO = BASE + "ontology#"
_PLOVER = BASE + "plover/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_QUAD_NAMES = {"".join(w.capitalize() for w in q.split()): q for q in QUAD_CLASSES}

# Predicate IRI → the field it fills. One dict look-up per triple keeps the pass fast.
_PREDICATES = {
    _RDF_TYPE: "rdf_type",
    _KGO + "eventType": "type",
    _KGO + "quadClass": "quad",
    _KGO + "mode": "mode",
    _KGO + "relation": "relation",
    _KGO + "cameoCode": "cameo",
    _KGO + "date": "date",
    _KGO + "context": "context",
    _KGO + "source": "source",
    _KGO + "target": "target",
    _KGO + "object": "object",
    _KGO + "location": "location",
    _KGO + "confidence": "confidence",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "sentence",
    _KGO + "text": "text",
    "http://purl.org/dc/terms/isPartOf": "part_of",
    "http://purl.org/dc/terms/identifier": "identifier",
    "http://purl.org/dc/terms/date": "doc_date",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "pref_label",
    "http://www.w3.org/2004/02/skos/core#altLabel": "alt_label",
    "http://www.w3.org/2002/07/owl#sameAs": "same_as",
    _KGO + "affiliation": "affiliation",
    _KGO + "role": "role",
    "https://schema.org/url": "url",
    "http://purl.org/dc/terms/publisher": "outlet",
    _KGO + "symmetric": "symmetric",
    _KGO + "goldsteinScale": "goldstein",
    _KGO + "iso3166Alpha3": "iso3",
    _KGO + "cameoActorCode": "cameo_actor",
    _KGO + "mention": "mention",
    _KGO + "numMentions": "num_mentions",
    _KGO + "numSources": "num_sources",
}
_MULTI = frozenset({"context", "source", "target", "object", "alt_label", "affiliation", "role",
                    "mention"})
_CLASSES = {_KGO + name: name for name in (*ACTOR_CLASSES, "Event", "Document", "Sentence",
                                           "CanonicalEvent")}


class _Collector:
    """Per-subject fields gathered in one pass over the triples."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[str, object]] = defaultdict(dict)
        self.classes: dict[str, set[str]] = defaultdict(set)
        self.triples = 0

    def add(self, s: str, field_name: str, o) -> None:
        if field_name == "rdf_type":
            cls = _CLASSES.get(o.value)
            if cls:
                self.classes[s].add(cls)
            return
        if field_name in ("label", "pref_label", "text"):
            lang = getattr(o, "language", None)
            if field_name == "label" and lang not in (None, "", "en"):
                return
            if field_name == "pref_label" and lang not in ("bn", None, ""):
                return
        value = o.value
        fields = self.fields[s]
        if field_name in _MULTI:
            fields.setdefault(field_name, []).append(value)
        else:
            fields.setdefault(field_name, value)


def _collect(triples: Iterable[tuple[str, str, object]]) -> _Collector:
    col = _Collector()
    predicates = _PREDICATES
    for s, p, o in triples:
        col.triples += 1
        name = predicates.get(p)
        if name is not None:
            col.add(s, name, o)
    return col


def project_triples(triples: Iterable[tuple[str, str, object]]) -> EventList:
    """(subject IRI, predicate IRI, pyoxigraph object term) triples → EventList."""
    col = _collect(triples)
    actors = _build_actors(col)
    rows = [_build_event(iri, col, actors) for iri, cls in col.classes.items() if "Event" in cls]
    rows.sort(key=lambda r: natural_key(r.event))
    _link_canonical(rows, col)
    return EventList(rows, actors, {"triples": col.triples})


def _link_canonical(rows: list[EventRow], col: _Collector) -> None:
    """Each mention row learns its canonical event and that event's counts."""
    by_iri = {r.event: r for r in rows}
    for iri, cls in col.classes.items():
        if "CanonicalEvent" not in cls:
            continue
        f = col.fields.get(iri, {})
        for m in f.get("mention", ()):
            row = by_iri.get(m)
            if row is not None:
                row.canonical = iri
                row.num_mentions = int(f.get("num_mentions", 1))
                row.num_sources = int(f.get("num_sources", 1))


def project_actors(triples: Iterable[tuple[str, str, object]],
                   participants: Iterable[str]) -> dict[str, Actor]:
    """Actor records from the triples describing them, for the subjects typed as actors
    and for `participants` (the events' sources and targets, when the events themselves
    are not among the triples: kg.query.endpoint)."""
    return _build_actors(_collect(triples), participants)


def _build_actors(col: _Collector, participants: Iterable[str] = ()) -> dict[str, Actor]:
    """Actors are the subjects typed with an actor class, plus whatever an event names
    as source or target (so a graph without the actors graph still projects)."""
    ids = {s for s, cls in col.classes.items() if cls & {"Country", "Person", "Organization"}}
    ids.update(participants)
    for s, cls in col.classes.items():
        if "Event" in cls:
            f = col.fields.get(s, {})
            ids.update(f.get("source", ()), f.get("target", ()))
    actors = {i: _make_actor(i, col) for i in sorted(ids)}
    for a in actors.values():
        affs = col.fields.get(a.id, {}).get("affiliation", ())
        a.affiliations = tuple(actors.get(x) or _make_actor(x, col) for x in sorted(set(affs)))
    return actors


def _make_actor(iri: str, col: _Collector) -> Actor:
    f = col.fields.get(iri, {})
    cls = col.classes.get(iri, set())
    atype = next((c for c in ACTOR_CLASSES if c in cls), "Other")
    same = str(f.get("same_as", ""))
    return Actor(
        id=iri, label=str(f.get("label", "")), label_bn=str(f.get("pref_label", "")),
        type=atype, wikidata=same.rsplit("/", 1)[-1] if "wikidata.org/entity/" in same else None,
        alt_labels=tuple(sorted(set(f.get("alt_label", ())))),
        roles=tuple(sorted(set(f.get("role", ())))),
        iso3=f.get("iso3"), cameo=f.get("cameo_actor"),
    )


def _tail(iri: object, prefix: str) -> str:
    text = str(iri)
    return text[len(prefix):] if text.startswith(prefix) else text.rsplit("/", 1)[-1]


def _build_event(iri: str, col: _Collector, actors: dict[str, Actor]) -> EventRow:
    f = col.fields.get(iri, {})
    sentence = f.get("sentence")
    sf = col.fields.get(sentence, {}) if sentence else {}
    doc = sf.get("part_of")
    df = col.fields.get(doc, {}) if doc else {}
    quad = f.get("quad")
    conf = f.get("confidence")
    objects = []
    for o in f.get("object", ()):
        of = col.fields.get(o, {})
        objects.append(str(of.get("label") or of.get("pref_label") or o.rsplit("/", 1)[-1]))
    loc = f.get("location")
    sources, targets, places = _split_places(f, actors)
    location = str(col.fields.get(loc, {}).get("label") or loc) if loc else None
    if location is None and places:
        location = places[0].display
    gold = f.get("goldstein")
    return EventRow(
        event=iri,
        type=_tail(f.get("type", "") or "", _PLOVER),
        quad=_QUAD_NAMES.get(_tail(quad, _PLOVER)) if quad else None,
        mode=f.get("mode"), relation=f.get("relation"), cameo=f.get("cameo"),
        date=f.get("date"),
        context=tuple(sorted(_tail(c, _KGO).lower() for c in f.get("context", ()))),
        sources=sources, targets=targets,
        objects=tuple(sorted(objects)),
        location=location,
        document=str(df.get("identifier") or doc.rsplit("/", 1)[-1]) if doc else None,
        doc_date=df.get("doc_date"),
        sentence=sentence, evidence=sf.get("text"),
        confidence=float(conf) if conf is not None else None,
        url=df.get("url"), outlet=df.get("outlet"),
        symmetric=f.get("symmetric") == "true",
        goldstein=float(gold) if gold is not None else None, places=places,
    )


def _split_places(f: dict, actors: dict[str, Actor]
                  ) -> tuple[tuple[Actor, ...], tuple[Actor, ...], tuple[Actor, ...]]:
    """Sources, targets and places of an event. A place named as a source or target
    ("the Sea of Japan", "Kashmir") is where the event happened, not a party to it, so
    it leaves the actor views and becomes the event's location."""
    src = {actors[a] for a in f.get("source", ())}
    tgt = {actors[a] for a in f.get("target", ())}
    places = {a for a in src | tgt if a.type == "Location"}
    return (tuple(sorted(src - places, key=actor_key)), tuple(sorted(tgt - places, key=actor_key)),
            tuple(sorted(places, key=actor_key)))
