"""Read an RDF file with both rdflib and pyoxigraph, as comparable sets of quads.

Terms become plain tuples: ("iri", value), ("lit", lexical form, language or datatype).
The default graph is "". Shared by the format round-trip tests and the fuzz test.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.formats import FORMATS

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
Quad = tuple[tuple, tuple, tuple, str]


def _rd_term(term) -> tuple:
    if isinstance(term, Literal):
        if term.language:
            return ("lit", str(term), "@" + term.language.lower())
        return ("lit", str(term), str(term.datatype) if term.datatype else XSD_STRING)
    if isinstance(term, BNode):
        return ("bnode",)
    assert isinstance(term, URIRef), term
    return ("iri", str(term))


def _ox_term(term) -> tuple:
    if isinstance(term, ox.Literal):
        if term.language:
            return ("lit", term.value, "@" + term.language.lower())
        return ("lit", term.value, term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    return ("iri", term.value)


def rdflib_quads(data: bytes, fmt: str) -> set[Quad]:
    """The quads rdflib reads (raises whatever rdflib raises on a file it cannot read)."""
    if FORMATS[fmt].named_graphs:
        ds = Dataset()
        ds.parse(data=data, format=fmt)
        out = set()
        for s, p, o, g in ds.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            graph = "" if name is None or name == DATASET_DEFAULT_GRAPH_ID else str(name)
            out.add((_rd_term(s), _rd_term(p), _rd_term(o), graph))
        return out
    g = Graph()
    g.parse(data=data, format=fmt)
    return {(_rd_term(s), _rd_term(p), _rd_term(o), "") for s, p, o in g}


def oxigraph_quads(data: bytes, fmt: str) -> set[Quad]:
    """The quads pyoxigraph's strict parser reads."""
    out = set()
    for q in ox.parse(data, format=FORMATS[fmt].oxigraph):
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.add((_ox_term(q.subject), _ox_term(q.predicate), _ox_term(q.object), graph))
    return out
