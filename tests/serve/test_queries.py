"""The starter queries in queries/ return the same rows on rdflib and over HTTP."""

from __future__ import annotations

import pytest
from rdflib import Dataset

from tests.serve.helpers import ROOT, run_kg

QUERIES = sorted(p for p in (ROOT / "queries").glob("*.rq") if "federated" not in p.name)


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_queries_return_the_same_rows_on_rdflib_and_the_server(oxigraph, files, monkeypatch,
                                                               capsys, no_credentials, query):
    from kg.serve.http import HttpClient
    from kg.serve.verify import select

    text = query.read_text(encoding="utf-8")
    local = Dataset()
    local.parse(files["seed"], format="trig")
    rdflib_rows = list(local.query(text))
    run_kg(monkeypatch, capsys, "push", files["seed"], "--endpoint", oxigraph.url)
    server_rows = select(HttpClient(timeout=30), oxigraph.url + "/query", text)
    assert rdflib_rows, f"{query.name} returns no rows on the seed graph"
    assert len(server_rows) == len(rdflib_rows)
    first = str(local.query(text).vars[0])
    assert {r[first]["value"] for r in server_rows} == {str(r[0]) for r in rdflib_rows}


def test_the_federated_query_is_documented_and_parses():
    from rdflib.plugins.sparql import prepareQuery

    text = (ROOT / "queries" / "wikidata-federated.rq").read_text(encoding="utf-8")
    assert "SERVICE <https://query.wikidata.org/sparql>" in text and "owl:sameAs" in text
    prepareQuery(text)
