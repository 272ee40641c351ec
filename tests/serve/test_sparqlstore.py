"""rdflib's SPARQLStore against `kg serve`, as docs/sparql.md shows it (issue 14).

A plain `Dataset(store=SPARQLStore(url))` sends every query with default-graph-uri =
rdflib's own default graph (urn:x-rdflib:default), which the server holds empty, and so
gets no rows, even for GRAPH ?g patterns; `default_union=True` sends the query as written
(the server's union default graph), and `Graph(store, identifier=IRI)` asks one graph."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from tests.serve.helpers import ACTORS, ROOT, banner_url, read_banner

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture
def served(serve_process, files) -> str:
    """The SPARQL query URL of `kg serve` on the seed article (read-only)."""
    proc = serve_process(str(files["seed"]), "--port", "0")
    return banner_url(read_banner(proc)) + "/query"


def _local(files) -> Dataset:
    ds = Dataset()
    ds.parse(files["seed"], format="trig")
    return ds


def _count(graph: Graph, query: str = COUNT) -> int:
    return int(next(iter(graph.query(query)))[0])


def test_a_default_union_dataset_sees_every_graph(served, files):
    local = _local(files)
    remote = Dataset(store=SPARQLStore(served), default_union=True)
    triples = sum(len(g) for g in local.graphs())
    assert _count(remote) == triples > 1000
    query = (ROOT / "queries" / "signed-agreements.rq").read_text(encoding="utf-8")
    assert sorted(map(tuple, remote.query(query))) == sorted(map(tuple, local.query(query)))


def test_a_named_graph_through_the_store_sees_only_that_graph(served, files):
    actors = Graph(store=SPARQLStore(served), identifier=URIRef(ACTORS))
    assert _count(actors) == len(_local(files).graph(URIRef(ACTORS))) > 0


def test_a_plain_dataset_asks_rdflibs_empty_default_graph(served):
    """The catch docs/sparql.md warns of: no error, no rows."""
    remote = Dataset(store=SPARQLStore(served))
    assert _count(remote) == 0
    assert _count(remote, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 0
