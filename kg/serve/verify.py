"""After a push: count what arrived, by SPARQL SELECT over HTTP.

Counting per graph (one query per 500 graphs) catches what a 2xx answer does not prove:
a proxy that swallowed a request, a server that silently dropped triples it could not
store. Only the SPARQL 1.1 Protocol is used, so it works on every server kg pushes to.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from kg.errors import KgError
from kg.serve.http import HttpClient
from kg.serve.urls import shown

RESULTS_JSON = "application/sparql-results+json"
VALUES_BATCH = 500  # graph IRIs per COUNT query


def count_triples(client: HttpClient, query_url: str, graphs: list[str]) -> dict[str, int]:
    """Triples per graph on the server ("" = the default graph), by COUNT queries."""
    found: dict[str, int] = {}
    named = sorted(g for g in graphs if g)
    for i in range(0, len(named), VALUES_BATCH):
        values = " ".join(f"<{g}>" for g in named[i:i + VALUES_BATCH])
        rows = select(client, query_url, "SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { "
                      f"{values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g")
        for row in rows:
            found[row["g"]["value"]] = int(row["n"]["value"])
    if "" in graphs:
        rows = select(client, query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        found[""] = int(rows[0]["n"]["value"]) if rows else 0
    return found


def select(client: HttpClient, query_url: str, query: str) -> list[dict]:
    """SPARQL 1.1 Protocol SELECT (form-encoded POST, which every server accepts)."""
    body = urlencode({"query": query}).encode("ascii")
    data = client.send("POST", query_url, body, "application/x-www-form-urlencoded",
                       RESULTS_JSON)
    try:
        return json.loads(data)["results"]["bindings"]
    except (ValueError, KeyError, TypeError):
        raise KgError(f"POST {shown(query_url)}: the answer is not SPARQL JSON results") \
            from None
