"""SPARQL through rdflib, on a graph file or on input texts.

The networkx views answer graph questions; triple patterns are SPARQL's job, so `kg query
sparql` hands the same graph (or the dataset `kg build` would write from input texts) to
rdflib, named graphs unioned into the default graph as `kg build` merges them into a .ttl.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import KgError
from kg.query.load import is_text_input, text_dataset

STORES = ("memory", "oxigraph")


def rdf_graph(path: str | os.PathLike, store: str = "memory"):
    """An rdflib graph of a graph file or of input texts, named graphs unioned into the
    default graph, with kg's prefixes bound (queries may use kgo:, actor: … undeclared).

    store="memory" is rdflib's own store and SPARQL engine; "oxigraph" puts oxrdflib's
    Oxigraph store under the same rdflib API, which parses 1M triples ~20x faster."""
    from rdflib import Dataset

    from kg.rdf.formats import format_for
    from kg.rdf.quads import _bind

    if store not in STORES:
        raise KgError(f"unknown store {store!r}; choose one of {', '.join(STORES)}")
    p = Path(path)
    ds = Dataset(store="Oxigraph" if store == "oxigraph" else "default", default_union=True)
    _bind(ds)
    if is_text_input(p):
        ds.addN(text_dataset(p).rdflib_quads())
        return ds
    if not p.is_file():
        raise KgError(f"{p}: no such file (build one with `kg build`, or pass --graph)")
    fmt = format_for(str(p), None)
    if store == "oxigraph":
        fmt = {"turtle": "ox-turtle", "nt": "ox-nt", "nquads": "ox-nquads", "trig": "ox-trig",
               "json-ld": "ox-json-ld"}[fmt]
    try:
        ds.parse(p, format=fmt)
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many error types
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise KgError(f"{p}: cannot parse as {fmt} ({type(exc).__name__}: {first})") from None
    return ds


def sparql(graph, query: str):
    """Run a SPARQL query through rdflib; a bad query is a one-line KgError."""
    if not query.strip():
        raise KgError("empty SPARQL query")
    try:
        result = graph.query(query)
        if result.type == "SELECT":
            _ = result.bindings  # evaluate now, inside the try, not while printing
        return result
    except Exception as exc:  # noqa: BLE001 - pyparsing and rdflib raise many types
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise KgError(f"SPARQL: {type(exc).__name__}: {first}") from None
