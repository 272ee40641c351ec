"""Endpoint URLs: each server's convention, overrides, Graph Store URLs, shown URLs."""

from __future__ import annotations

import pytest

from kg.serve.urls import Endpoints, derive_endpoints, shown, store_url


@pytest.mark.parametrize(("endpoint", "expected"), [
    ("http://127.0.0.1:7878", ("/query", "/update", "/store")),
    ("http://127.0.0.1:7878/query", ("/query", "/update", "/store")),
    ("http://h:3030/ds", ("/ds/query", "/ds/update", "/ds/data")),
    ("http://h:3030/ds/sparql", ("/ds/query", "/ds/update", "/ds/data")),
    ("http://h:7200/repositories/kg", ("/repositories/kg", "/repositories/kg/statements",
                                       "/repositories/kg/rdf-graphs/service")),
    ("http://h:8890/sparql", ("/sparql", "/sparql", "/sparql-graph-crud")),
    ("http://h:8890/sparql-auth", ("/sparql-auth", "/sparql-auth", "/sparql-graph-crud-auth")),
])
def test_endpoint_urls_follow_each_servers_convention(endpoint, expected):
    urls = derive_endpoints(endpoint)
    base = endpoint.split("/", 3)
    root = "/".join(base[:3])
    assert (urls.query, urls.update, urls.store) == tuple(root + p for p in expected)


@pytest.mark.parametrize(("endpoint", "graph", "expected"), [
    ("http://h:7878", "https://x/g#1", "http://h:7878/store?graph=https%3A%2F%2Fx%2Fg%231"),
    ("http://h:7878", "", "http://h:7878/store?default"),
    ("http://h:8890/sparql-auth", "https://x/g",
     "http://h:8890/sparql-graph-crud-auth?graph-uri=https%3A%2F%2Fx%2Fg"),
])
def test_graph_store_urls_name_the_graph(endpoint, graph, expected):
    assert store_url(derive_endpoints(endpoint).store, graph) == expected


def test_explicit_urls_override_the_derived_ones():
    urls = derive_endpoints("http://h:7878", store="http://h:1/gsp", update="http://h:2/u")
    assert urls == Endpoints("http://h:7878/query", "http://h:2/u", "http://h:1/gsp")


def test_shown_urls_drop_user_info_and_query():
    assert shown("http://u:p@h:1/x?graph=secret") == "http://h:1/x"
    assert shown("http://[::1]:7878/query") == "http://[::1]:7878/query"
