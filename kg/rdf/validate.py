"""SHACL validation (pySHACL) of a graph file against ontology/shapes.ttl."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.rdf.formats import FORMATS, format_for
from kg.resources import ontology_dir


@cache
def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def load_any(path: Path) -> Graph:
    """Any RDF file kg writes, with named graphs merged into one graph."""
    if not path.is_file():
        raise KgError(f"{path}: no such file")
    fmt = format_for(str(path), None)
    try:
        if FORMATS[fmt].named_graphs and fmt != "json-ld":
            ds = Dataset()
            ds.parse(path, format=fmt)
            merged = Graph()
            for s, p, o, _g in ds.quads((None, None, None, None)):
                merged.add((s, p, o))
            return merged
        g = Graph()
        g.parse(path, format=fmt)
        return g
    except Exception as exc:  # rdflib raises many parser error types
        raise KgError(f"{path}: cannot parse as {fmt} ({type(exc).__name__}: "
                      f"{str(exc).splitlines()[0] if str(exc) else ''})") from None


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """SHACL with RDFS inference. The inference (owlrl) replaces rdflib's process-wide
    lexical converters with its own, whose gMonthDay check rejects "--06-18"; left so,
    a second validation in the same process would call valid dates ill-typed. rdflib's
    table is restored afterwards, so every call gives the same answer."""
    from pyshacl import validate
    from rdflib.term import _toPythonMapping

    saved = dict(_toPythonMapping)
    try:
        conforms, _report_graph, text = validate(graph, shacl_graph=shapes_graph(),
                                                 inference="rdfs", advanced=True)
    finally:
        _toPythonMapping.clear()
        _toPythonMapping.update(saved)
    return bool(conforms), str(text)


def validate_file(path: Path) -> tuple[bool, str]:
    return validate_graph(load_any(path))
