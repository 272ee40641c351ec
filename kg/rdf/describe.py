"""The dataset's description of itself (VoID and DCAT), in the named graph kg:graph/dataset.

Catalogues, SPARQL endpoints and linked-data tools find out what a dataset holds from
its VoID/DCAT description: how many triples, which vocabularies, which documents, which
licence. kg writes one into every dataset it builds, recomputed after each build or
`--append` from what the dataset holds, and without a timestamp, so the same input still
gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from kg import __version__
from kg.rdf.vocab import (
    BASE,
    DATASET,
    DCAT,
    DCTERMS,
    GRAPH_DATASET,
    GRAPH_EVENTS,
    KGO,
    PROV,
    RDF,
    SOFTWARE,
    VOID,
    XSD,
)

if TYPE_CHECKING:
    from kg.rdf.dataset import Dataset

LICENSE = URIRef("https://creativecommons.org/licenses/by-sa/4.0/")
VOCABULARIES = ("https://w3id.org/kg-bn/ontology#", "http://semanticweb.cs.vu.nl/2009/11/sem/",
                "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#",
                "http://purl.org/dc/terms/", "https://schema.org/")


def description_quads(ds: Dataset, window: int, canonical: int) -> Iterator[tuple]:
    """VoID/DCAT triples of `ds` as it is without its description graph."""
    documents = ds.document_graphs()
    triples = sum(len(ds.graphs[k]) for k in ds.graphs if k != str(GRAPH_DATASET))
    return described(documents, len(documents), triples, window, canonical)


def described(documents: Iterable[str], n_documents: int, triples: int, window: int,
              canonical: int) -> Iterator[tuple]:
    """VoID/DCAT triples from counts: the document graph names (any order), how many
    there are, and the statements of every graph but the description's (the streaming
    build, kg.rdf.stream, counts them as they pass)."""
    g, d = GRAPH_DATASET, DATASET
    yield d, RDF.type, VOID.Dataset, g
    yield d, RDF.type, DCAT.Dataset, g
    yield d, DCTERMS.title, Literal("kg: diplomatic events from Bengali news", lang="en"), g
    yield d, DCTERMS.description, Literal(
        "Events extracted from news texts, typed with PLOVER/CAMEO, one named graph per "
        "document, canonical events across documents in <" + str(GRAPH_EVENTS) + ">.",
        lang="en"), g
    yield d, DCTERMS.license, LICENSE, g
    yield d, DCTERMS.creator, SOFTWARE, g
    yield d, PROV.wasAttributedTo, SOFTWARE, g
    yield d, KGO.version, Literal(__version__), g
    yield d, VOID.uriSpace, Literal(BASE + "id/"), g
    for v in VOCABULARIES:
        yield d, VOID.vocabulary, URIRef(v), g
    yield d, VOID.triples, Literal(triples, datatype=XSD.integer), g
    yield d, VOID.documents, Literal(n_documents, datatype=XSD.integer), g
    yield d, KGO.numCanonicalEvents, Literal(canonical, datatype=XSD.integer), g
    yield d, KGO.sameEventDays, Literal(window, datatype=XSD.integer), g
    for name in documents:
        yield d, DCTERMS.hasPart, URIRef(name), g


def refresh(ds: Dataset, window: int, canonical: int) -> None:
    """Replace the description graph of `ds`."""
    ds.graphs.pop(str(GRAPH_DATASET), None)
    ds.add_quads(list(description_quads(ds, window, canonical)))
