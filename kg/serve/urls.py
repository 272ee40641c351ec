"""The URLs of a SPARQL server, and how messages show them.

A user names one endpoint; each server product puts the query, update and Graph Store
Protocol URLs somewhere else, so the others are derived by convention (and can be
overridden). Messages show URLs without user info or query string, so an error line
never carries a credential someone put in a URL, nor a graph IRI long enough to hide the
problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from kg.errors import KgError
from kg.serve.credentials import PASSWORD_ENV, USER_ENV

BASE = "https://w3id.org/kg-bn/"  # kg.rdf.vocab.BASE, repeated: kg.serve must not import rdflib
SHARED_GRAPHS = (BASE + "graph/actors", BASE + "graph/ontology")
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Endpoints:
    """The three URLs of a SPARQL server: query, update, Graph Store Protocol."""

    query: str
    update: str
    store: str


def derive_endpoints(endpoint: str, query: str | None = None, update: str | None = None,
                     store: str | None = None) -> Endpoints:
    """Default URLs by each server's convention; explicit overrides win.

    http://h:7878 (Oxigraph)                → /query, /update, /store
    http://h:3030/ds (Fuseki dataset)       → /ds/query, /ds/update, /ds/data
    http://h:7200/repositories/R (GraphDB)  → …/R, …/R/statements, …/R/rdf-graphs/service
    http://h:8890/sparql (Virtuoso)         → /sparql for both, /sparql-graph-crud
    """
    for url in (endpoint, query, update, store):
        if url:
            check_url(url)
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")

    def at(p: str) -> str:
        return urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    if "/repositories/" in path:
        repo = path.split("/statements")[0]
        urls = Endpoints(at(repo), at(repo + "/statements"), at(repo + "/rdf-graphs/service"))
    elif path in ("/sparql", "/sparql-auth"):  # Virtuoso serves both at the root
        crud = path.replace("/sparql", "/sparql-graph-crud")
        urls = Endpoints(at(path), at(path), at(crud))
    else:
        for suffix in ("/query", "/sparql", "/update", "/store", "/data"):
            if path.endswith(suffix):
                path = path[: -len(suffix)]
                break
        store_path = "/store" if not path else "/data"  # Oxigraph at the root, else Fuseki
        urls = Endpoints(at(path + "/query"), at(path + "/update"), at(path + store_path))
    return Endpoints(query or urls.query, update or urls.update, store or urls.store)


def check_url(url: str) -> None:
    """Refuse what urllib would misread, and credentials in a URL (they would end up in
    shell history, process lists and server logs)."""
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise KgError(f"not a valid port in URL {parts.scheme}://{parts.hostname}…") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KgError(f"not an http(s) URL: {shown(url)}")
    if parts.username or parts.password:
        raise KgError(f"put credentials in {USER_ENV} / {PASSWORD_ENV} or a netrc file, "
                      "not in the URL")


def shown(url: str) -> str:
    """A URL as messages show it: no user info, no query string."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def store_url(store: str, graph: str) -> str:
    """The Graph Store Protocol URL of one graph: ?graph=IRI, or ?default for the default
    graph; Virtuoso's /sparql-graph-crud names the parameter graph-uri."""
    sep = "&" if "?" in store else "?"
    if not graph:
        return store + sep + "default"
    param = "graph-uri" if "/sparql-graph-crud" in store else "graph"
    return f"{store}{sep}{param}={quote(graph, safe='')}"
