"""Stage 5: event records → RDF (rdflib), one named graph per source document.

Shape (see ontology/kg.ttl and ontology/shapes.ttl):
- each event is a node typed kgo:Event and its category class (kgo:Support …), with
  kgo:eventType (a PLOVER SKOS concept), kgo:quadClass, kgo:cameoCode, kgo:mode,
  kgo:source/kgo:target/kgo:object, kgo:date, kgo:context, kgo:confidence and PROV-O
  provenance (prov:wasDerivedFrom its sentence, the character span, the extractor);
- actors are typed nodes linked to Wikidata with owl:sameAs, persons carry kgo:role and
  kgo:affiliation;
- a direct shortcut triple actor —rel:visited→ actor (or → agreement) per event, so that
  simple SPARQL stays simple.

Everything is emitted as sorted quads, so the same input gives byte-identical output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache, lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import __version__
from kg.lang.gazetteer import Entity, Gazetteer
from kg.pipeline import DocumentResult
from kg.rdf.codes import event_code_quads, provenance_quads, state_code_quads
from kg.rdf.vocab import (
    DCTERMS,
    GRAPH_ACTORS,
    GRAPH_ONTOLOGY,
    ID,
    KGO,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    REL,
    SDO,
    SKOS,
    SOFTWARE,
    WD,
    XSD,
    agreement_iri,
    context_iri,
    document_graph_iri,
    document_iri,
    entity_iri,
    event_class,
    event_iri,
    literal,
    quad_concept,
    sentence_iri,
    type_concept,
)
from kg.resources import ontology_dir

Quad = tuple[Node, Node, Node, URIRef]
# Terms and literals made once: rdflib builds and checks a new object on every
# RDF.type or Literal(3), and a large graph asks for the same few thousand terms millions of times.
_TYPE, _LABEL, _PREF_LABEL, _ALT_LABEL = RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel
_PART_OF, _IDENTIFIER, _DATE = DCTERMS.isPartOf, DCTERMS.identifier, DCTERMS.date
_DERIVED_FROM, _ATTRIBUTED_TO, _SAME_AS = PROV.wasDerivedFrom, PROV.wasAttributedTo, OWL.sameAs


ACTOR_CLASS = {"Country": KGO.Country, "Person": KGO.Person, "Organization": KGO.Organization,
               "Location": KGO.Location, "Agreement": KGO.Agreement, "Other": KGO.Other}


@lru_cache(maxsize=4_096, typed=True)  # typed: 1 and 1.0 print differently
def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


@lru_cache(maxsize=65_536)
def date_literal(value: str) -> Literal:
    """ISO dates of any precision: 2024-06-18, 2024-06, 2024, --06-18."""
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(dt.date.fromisoformat(value), datatype=XSD.date)


def actor_node(rec: dict) -> URIRef:
    return entity_iri(rec.get("wikidata"), rec.get("label", ""), rec.get("label_bn", ""),
                      rec.get("type", "Other"))


def document_quads(result: DocumentResult) -> Iterator[Quad]:
    """Quads of one document's named graph: document, sentences, events, shortcuts."""
    doc = result.doc
    g = document_graph_iri(doc.id)
    d = document_iri(doc.id)
    yield d, _TYPE, KGO.Document, g
    yield d, _IDENTIFIER, Literal(doc.id), g
    if doc.date:
        yield d, _DATE, Literal(doc.date, datatype=XSD.date), g
    yield from provenance_quads(doc, d, g)
    sentences = {r["sentence_index"] for r in result.records}
    for s in result.sentences:
        if s.index not in sentences:
            continue
        si = sentence_iri(doc.id, s.index)
        yield si, _TYPE, KGO.Sentence, g
        yield si, KGO.text, Literal(s.text, lang="bn"), g
        yield si, KGO.sentenceIndex, literal(s.index), g
        yield si, KGO.spanStart, literal(s.start), g
        yield si, KGO.spanEnd, literal(s.end), g
        yield si, _PART_OF, d, g
    counters: dict[int, int] = {}
    for rec in result.records:
        n = counters.get(rec["sentence_index"], 0)
        counters[rec["sentence_index"]] = n + 1
        yield from _event_quads(doc.id, rec, n, g)
        yield from event_code_quads(event_iri(doc.id, rec["sentence_index"], n), rec, doc, g)


def _event_quads(doc_id: str, rec: dict, n: int, g: URIRef) -> Iterator[Quad]:
    e = event_iri(doc_id, rec["sentence_index"], n)
    etype = rec["type"]
    yield e, _TYPE, KGO.Event, g
    yield e, _TYPE, event_class(etype), g
    yield e, KGO.eventType, type_concept(etype), g
    if rec.get("quad"):
        yield e, KGO.quadClass, quad_concept(rec["quad"]), g
    if rec.get("cameo"):
        yield e, KGO.cameoCode, literal(rec["cameo"]), g
    if rec.get("mode"):
        yield e, KGO.mode, literal(rec["mode"]), g
    yield e, KGO.relation, literal(rec["relation"]), g
    for ctx in rec.get("context", []):
        yield e, KGO.context, context_iri(ctx), g
    if rec.get("date"):
        yield e, KGO.date, date_literal(rec["date"]), g
    yield e, KGO.confidence, _confidence(rec["confidence"]), g
    yield e, KGO.spanStart, literal(rec["span"][0]), g
    yield e, KGO.spanEnd, literal(rec["span"][1]), g
    yield e, _DERIVED_FROM, sentence_iri(doc_id, rec["sentence_index"]), g
    yield e, _ATTRIBUTED_TO, SOFTWARE, g
    sources = [actor_node(a) for a in rec["source"]]
    targets = [actor_node(a) for a in rec["target"]]
    for s in sources:
        yield e, KGO.source, s, g
    for t in targets:
        yield e, KGO.target, t, g
    if rec.get("location"):
        yield e, KGO.location, actor_node(rec["location"]), g
    rel = REL[rec["relation"]]
    objects = []
    for obj, key in zip(rec.get("object", []), rec.get("_object_keys", []), strict=False):
        o = agreement_iri(doc_id, *map(int, str(key).split("-"))) if key else actor_node(obj)
        objects.append(o)
        yield e, KGO.object, o, g
        yield o, _TYPE, ACTOR_CLASS.get(obj.get("type"), KGO.Other), g
        yield o, _LABEL, literal(obj["label"], "en"), g
        yield o, _PREF_LABEL, literal(obj["label_bn"], "bn"), g
        for p in sources + targets:
            yield o, KGO.party, p, g
    for s in sources:
        for t in targets or objects:
            yield s, rel, t, g
        if targets:
            for o in objects:
                yield s, rel, o, g


def actor_quads(actors: Iterable[Entity], gazetteer: Gazetteer) -> Iterator[Quad]:
    """Actor descriptions (labels, Wikidata link, role, affiliation) in their own graph."""
    g = GRAPH_ACTORS
    done: set[str] = set()
    queue = list(actors)
    while queue:
        a = queue.pop()
        if a.key in done:
            continue
        done.add(a.key)
        node = entity_iri(a.wikidata, a.label, a.label_bn, a.type)
        yield node, _TYPE, ACTOR_CLASS[a.type], g
        yield node, _LABEL, literal(a.label, "en"), g
        yield node, _PREF_LABEL, literal(a.label_bn, "bn"), g
        for name in a.names_bn[1:]:
            yield node, _ALT_LABEL, literal(name, "bn"), g
        if a.wikidata:
            yield node, _SAME_AS, WD[a.wikidata], g
        if a.type == "Country":
            yield from state_code_quads(node, a.wikidata, g)
        for office in a.offices:
            yield node, KGO.role, literal(office.role), g
            aff = gazetteer.get(office.affiliation) if office.affiliation else None
            if aff is not None:
                yield node, KGO.affiliation, entity_iri(aff.wikidata, aff.label, aff.label_bn,
                                                        aff.type), g
                queue.append(aff)
        if a.affiliation:
            aff = gazetteer.get(a.affiliation)
            if aff is not None:
                yield node, KGO.affiliation, entity_iri(aff.wikidata, aff.label, aff.label_bn,
                                                        aff.type), g
                queue.append(aff)


@cache
def ontology_graph() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "kg.ttl", format="turtle")
    return g


def ontology_quads(relations: Iterable[str]) -> Iterator[Quad]:
    """The ontology, the extractor as a PROV agent, and the relations in use."""
    g = GRAPH_ONTOLOGY
    for s, p, o in ontology_graph():
        if isinstance(s, BNode) or isinstance(o, BNode):
            continue
        yield s, p, o, g
    yield SOFTWARE, _TYPE, PROV.SoftwareAgent, g
    yield SOFTWARE, _LABEL, Literal("kg (Bengali diplomatic event extractor)", lang="en"), g
    yield SOFTWARE, KGO.version, Literal(__version__), g
    for rel in sorted(set(relations)):
        yield REL[rel], _TYPE, OWL.ObjectProperty, g
        yield REL[rel], _LABEL, literal(rel, "en"), g
        yield REL[rel], RDFS.comment, Literal(
            "Shortcut: source actor –relation→ target actor or agreement of a kgo:Event.",
            lang="en"), g


def _bind(graph: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    graph.bind("kgid", ID, override=True)
    graph.bind("schema", SDO, override=True)
