"""Stage 5: event records → RDF, one named graph per source document.

A document's graph is made as N-Triples statements (kg.rdf.text), not rdflib terms: a
long document is millions of statements, and building a term for each and printing it
again was a third of writing the graph. The actors and ontology graphs, small, are made
as rdflib terms.

Shape (see ontology/kg.ttl and ontology/shapes.ttl):
- each event is a node typed kgo:Event and its category class (kgo:Support …), with
  kgo:eventType (a PLOVER SKOS concept), kgo:quadClass, kgo:cameoCode, kgo:mode,
  kgo:source/kgo:target/kgo:object, kgo:date, kgo:context, kgo:confidence and PROV-O
  provenance (prov:wasDerivedFrom its sentence, the character span, the extractor);
- actors are typed nodes linked to Wikidata with owl:sameAs, persons carry kgo:role and
  kgo:affiliation;
- a direct shortcut triple actor —rel:visited→ actor (or → agreement) per event, so that
  simple SPARQL stays simple.

Statements are sorted before they are written, so the same input gives byte-identical
output.
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
from kg.rdf.codes import event_code_statements, provenance_statements, state_code_quads
from kg.rdf.text import TermTexts, integer, lang_text, quoted, term_text
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

# The N-Triples text of the terms every document graph uses, made once.
_T_TYPE, _T_LABEL, _T_PREF_LABEL = term_text(RDF.type), term_text(RDFS.label), \
    term_text(SKOS.prefLabel)
_T_DOCUMENT, _T_SENTENCE, _T_EVENT = term_text(KGO.Document), term_text(KGO.Sentence), \
    term_text(KGO.Event)
_T_IDENTIFIER, _T_DATE, _T_PART_OF = term_text(DCTERMS.identifier), term_text(DCTERMS.date), \
    term_text(DCTERMS.isPartOf)
_T_TEXT, _T_SENTENCE_INDEX = term_text(KGO.text), term_text(KGO.sentenceIndex)
_T_SPAN_START, _T_SPAN_END = term_text(KGO.spanStart), term_text(KGO.spanEnd)
_T_EVENT_TYPE, _T_QUAD_CLASS = term_text(KGO.eventType), term_text(KGO.quadClass)
_T_CAMEO, _T_MODE, _T_RELATION = term_text(KGO.cameoCode), term_text(KGO.mode), \
    term_text(KGO.relation)
_T_CONTEXT, _T_DATE_OF, _T_CONFIDENCE = term_text(KGO.context), term_text(KGO.date), \
    term_text(KGO.confidence)
_T_DERIVED_FROM, _T_ATTRIBUTED_TO = term_text(PROV.wasDerivedFrom), \
    term_text(PROV.wasAttributedTo)
_T_SOFTWARE = term_text(SOFTWARE)
_T_SOURCE, _T_TARGET, _T_LOCATION = term_text(KGO.source), term_text(KGO.target), \
    term_text(KGO.location)
_T_OBJECT, _T_PARTY = term_text(KGO.object), term_text(KGO.party)
_T_ACTOR_CLASS = {k: term_text(v) for k, v in ACTOR_CLASS.items()}


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


@lru_cache(maxsize=4_096, typed=True)
def _confidence_text(value: float) -> str:
    return term_text(_confidence(value))


@lru_cache(maxsize=65_536)
def _date_text(value: str) -> str:
    return term_text(date_literal(value))


def actor_node(rec: dict) -> URIRef:
    return entity_iri(rec.get("wikidata"), rec.get("label", ""), rec.get("label_bn", ""),
                      rec.get("type", "Other"))


def document_graph(result: DocumentResult) -> tuple[str, Iterator[str]]:
    """The graph IRI of one document and its statements `<s> <p> o` (N-Triples text,
    kg.rdf.text): document, sentences, events, shortcuts."""
    return str(document_graph_iri(result.doc.id)), _document_statements(result)


def document_quads(result: DocumentResult) -> list[Quad]:
    """The document's graph as rdflib quads, for code that wants terms (tests, benchmarks)."""
    from kg.rdf.dataset import Dataset

    graph, statements = document_graph(result)
    return Dataset({graph: set(statements)}).rdflib_quads()


def _document_statements(result: DocumentResult) -> Iterator[str]:
    doc = result.doc
    texts = TermTexts()
    d = texts.checked(str(document_iri(doc.id)))
    yield f"{d} {_T_TYPE} {_T_DOCUMENT}"
    yield f"{d} {_T_IDENTIFIER} {quoted(doc.id)}"
    if doc.date:
        yield f"{d} {_T_DATE} {term_text(Literal(doc.date, datatype=XSD.date))}"
    yield from provenance_statements(doc, d, texts)
    sentences = {r["sentence_index"] for r in result.records}
    for s in result.sentences:
        if s.index not in sentences:
            continue
        si = texts.checked(str(sentence_iri(doc.id, s.index)))
        yield f"{si} {_T_TYPE} {_T_SENTENCE}"
        yield f"{si} {_T_TEXT} {lang_text(s.text, 'bn')}"
        yield f"{si} {_T_SENTENCE_INDEX} {integer(s.index)}"
        yield f"{si} {_T_SPAN_START} {integer(s.start)}"
        yield f"{si} {_T_SPAN_END} {integer(s.end)}"
        yield f"{si} {_T_PART_OF} {d}"
    for rec, iri in event_iris(result):
        e = texts.checked(iri)
        yield from _event_statements(doc.id, rec, e, texts)
        yield from event_code_statements(e, rec, doc, texts)


def event_iris(result: DocumentResult) -> Iterator[tuple[dict, str]]:
    """Each event record with its IRI: the n-th event of a sentence is `…-<sentence>-<n>`
    (the graph and the canonical layer's rows must name events alike)."""
    counters: dict[int, int] = {}
    for rec in result.records:
        n = counters.get(rec["sentence_index"], 0)
        counters[rec["sentence_index"]] = n + 1
        yield rec, str(event_iri(result.doc.id, rec["sentence_index"], n))


def _event_statements(doc_id: str, rec: dict, e: str, texts: TermTexts) -> Iterator[str]:
    iri = texts.checked
    etype = rec["type"]
    yield f"{e} {_T_TYPE} {_T_EVENT}"
    yield f"{e} {_T_TYPE} {iri(str(event_class(etype)))}"
    yield f"{e} {_T_EVENT_TYPE} {iri(str(type_concept(etype)))}"
    if rec.get("quad"):
        yield f"{e} {_T_QUAD_CLASS} {iri(str(quad_concept(rec['quad'])))}"
    if rec.get("cameo"):
        yield f"{e} {_T_CAMEO} {quoted(rec['cameo'])}"
    if rec.get("mode"):
        yield f"{e} {_T_MODE} {quoted(rec['mode'])}"
    yield f"{e} {_T_RELATION} {quoted(rec['relation'])}"
    for ctx in rec.get("context", []):
        yield f"{e} {_T_CONTEXT} {iri(str(context_iri(ctx)))}"
    if rec.get("date"):
        yield f"{e} {_T_DATE_OF} {_date_text(rec['date'])}"
    yield f"{e} {_T_CONFIDENCE} {_confidence_text(rec['confidence'])}"
    yield f"{e} {_T_SPAN_START} {integer(rec['span'][0])}"
    yield f"{e} {_T_SPAN_END} {integer(rec['span'][1])}"
    yield f"{e} {_T_DERIVED_FROM} {iri(str(sentence_iri(doc_id, rec['sentence_index'])))}"
    yield f"{e} {_T_ATTRIBUTED_TO} {_T_SOFTWARE}"
    sources = [iri(str(actor_node(a))) for a in rec["source"]]
    targets = [iri(str(actor_node(a))) for a in rec["target"]]
    for s in sources:
        yield f"{e} {_T_SOURCE} {s}"
    for t in targets:
        yield f"{e} {_T_TARGET} {t}"
    if rec.get("location"):
        yield f"{e} {_T_LOCATION} {iri(str(actor_node(rec['location'])))}"
    rel = iri(str(REL[rec["relation"]]))
    objects = []
    for obj, key in zip(rec.get("object", []), rec.get("_object_keys", []), strict=False):
        o = iri(str(agreement_iri(doc_id, *map(int, str(key).split("-"))) if key
                    else actor_node(obj)))
        objects.append(o)
        yield f"{e} {_T_OBJECT} {o}"
        yield f"{o} {_T_TYPE} {_T_ACTOR_CLASS.get(obj.get('type'), _T_ACTOR_CLASS['Other'])}"
        yield f"{o} {_T_LABEL} {lang_text(obj['label'], 'en')}"
        yield f"{o} {_T_PREF_LABEL} {lang_text(obj['label_bn'], 'bn')}"
        for p in sources + targets:
            yield f"{o} {_T_PARTY} {p}"
    for s in sources:
        for t in targets or objects:
            yield f"{s} {rel} {t}"
        if targets:
            for o in objects:
                yield f"{s} {rel} {o}"


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
