"""RDF namespaces and the IRI scheme: one place decides what every node is called.

IRIs are flat (`…/event/<doc>-<sentence>-<n>`), not `<doc>#…` fragments, because
rdflib's Turtle writer slows down sharply with one namespace per document, and flat
IRIs stay stable across runs: the same input always gives the same names.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import quote

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD


class _Namespace(Namespace):
    """A Namespace that makes each term once. The RDF stage asks for kgo:source,
    id:event/… and the like for every event; rdflib builds and checks a new URIRef on
    every attribute access, which was a tenth of writing a large graph."""

    def term(self, name: str) -> URIRef:
        return _term(str(self), name if isinstance(name, str) else "")


@lru_cache(maxsize=262_144)
def _term(namespace: str, name: str) -> URIRef:
    return URIRef(namespace + name)


BASE = "https://w3id.org/kg-bn/"
KGO = _Namespace(BASE + "ontology#")
REL = _Namespace(BASE + "relation/")
PLOVER = _Namespace(BASE + "plover/")
ID = _Namespace(BASE + "id/")
WD = _Namespace("http://www.wikidata.org/entity/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SDO = _Namespace("https://schema.org/")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")

GRAPH_ONTOLOGY = URIRef(BASE + "graph/ontology")
GRAPH_ACTORS = URIRef(BASE + "graph/actors")
GRAPH_EVENTS = URIRef(BASE + "graph/events")  # canonical events (kg.rdf.canonical)
GRAPH_DATASET = URIRef(BASE + "graph/dataset")  # VoID/DCAT description (kg.rdf.describe)
DATASET = ID["dataset"]

PREFIXES = {
    "kgo": KGO,
    "event": Namespace(BASE + "id/event/"),
    "actor": Namespace(BASE + "id/actor/"),
    "sentence": Namespace(BASE + "id/sentence/"),
    "document": Namespace(BASE + "id/document/"),
    "agreement": Namespace(BASE + "id/agreement/"),
    "canonical": Namespace(BASE + "id/canonical/"),
    "rel": REL,
    "plover": PLOVER,
    "kgid": ID,
    "wd": WD,
    "sem": SEM,
    "schema": SDO,
    "prov": PROV,
    "skos": SKOS,
    "owl": OWL,
    "dcterms": DCTERMS,
    "void": VOID,
    "dcat": DCAT,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
}



@lru_cache(maxsize=65_536)  # a document's id is slugged for each of its nodes
def _slug(text: str) -> str:
    """A percent-encoded IRI segment. A final "." is encoded too (%2E): as the last
    character of a prefixed name it must be written `\\.`, which Turtle allows but
    rdflib's parser rejects, so a Turtle/TriG file with it would be unreadable."""
    slug = quote(re.sub(r"\s+", "-", text.strip()), safe="-._~")
    return slug[:-1] + "%2E" if slug.endswith(".") else slug


def event_class(event_type: str) -> URIRef:
    """kgo:Agree, kgo:Consult, …: the OWL class of an event category."""
    return KGO[event_type.capitalize()]


def type_concept(event_type: str) -> URIRef:
    return PLOVER[event_type]


def quad_concept(quad: str) -> URIRef:
    return PLOVER[_camel(quad)]


def context_iri(context: str) -> URIRef:
    return KGO[context.capitalize()]


def _camel(text: str) -> str:
    return "".join(w.capitalize() for w in text.split())


def document_iri(doc: str) -> URIRef:
    return ID["document/" + _slug(doc)]


def document_graph_iri(doc: str) -> URIRef:
    return URIRef(BASE + "graph/document/" + _slug(doc))


def sentence_iri(doc: str, index: int) -> URIRef:
    return ID[f"sentence/{_slug(doc)}-{index}"]


def event_iri(doc: str, sentence: int, n: int) -> URIRef:
    return ID[f"event/{_slug(doc)}-{sentence}-{n}"]


@lru_cache(maxsize=65_536)  # the same actors recur in every event
def entity_iri(wikidata: str | None, label: str, label_bn: str, etype: str) -> URIRef:
    """Actors with a QID are named by it; others by a slug of the English label, or by a
    hash of the Bengali label when there is no English one (unknown NER spans)."""
    if wikidata:
        return ID["actor/" + wikidata]
    kind = "thing" if etype in ("Agreement", "Other") else "actor"
    if label and label.isascii():
        return ID[f"{kind}/{_slug(label.lower())}"]
    digest = hashlib.sha1(label_bn.encode("utf-8")).hexdigest()[:12]
    return ID[f"{kind}/bn-{digest}"]


def canonical_iri(key: str) -> URIRef:
    """A canonical event, named by a digest of what makes it one event (its category,
    actors and first date: kg.rdf.canonical), so the name survives adding reports."""
    return ID["canonical/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]]


def agreement_iri(doc: str, sentence: int, n: int) -> URIRef:
    return ID[f"agreement/{_slug(doc)}-{sentence}-{n}"]


SOFTWARE = ID["software/kg"]


@lru_cache(maxsize=65_536, typed=True)  # typed: Literal(1) is not Literal(True)
def literal(value: str | int, lang: str | None = None) -> Literal:
    """A plain, numeric or language-tagged literal, shared (Literals are immutable)."""
    return Literal(value, lang=lang)
