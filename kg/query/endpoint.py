"""The alignment graph of a graph on a SPARQL endpoint, aggregated by the server.

A graph too big for one machine's memory lives in a store (`kg load`, `kg serve
--location`); projecting all its triples into Python would defeat that. So the server
does the aggregation: one query sums each actor pair's cooperation, conflict and event
count (the alignment rule of kg.query.model, written out in SPARQL from the same
tables), one counts each actor's events, one describes the actors. Only that small
projection comes back, into the networkx Graph kg.query.views.alignment_graph builds
from a file: same nodes, attributes and edges, so allies, rivals and blocs answer alike.

Patterns are inside `GRAPH ?g`, so the queries work on any SPARQL 1.1 server with or
without a union default graph (kg serve, Fuseki, GraphDB, Virtuoso).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import networkx as nx

from kg.query.model import CONTEXT_FACTOR, QUAD_WEIGHT, Actor
from kg.query.views import node_attrs
from kg.rdf.vocab import BASE

KGO = BASE + "ontology#"
PREFIXES = f"PREFIX kgo: <{KGO}>\n"
ACTOR_CLASSES = ("Country", "Person", "Organization")


def _weight_expression() -> str:
    """SPARQL for an event's alignment contribution (EventRow.weight): the quad class's
    weight times the factor of each context it has."""
    from kg.rdf.vocab import context_iri, quad_concept

    base = "0"
    for quad, w in QUAD_WEIGHT.items():
        base = f"IF(?q = <{quad_concept(quad)}>, {w}, {base})"
    factors = [f"IF(EXISTS {{ GRAPH ?g {{ ?e kgo:context <{context_iri(ctx)}> }} }}, {f}, 1)"
               for ctx, f in CONTEXT_FACTOR.items()]
    return " * ".join([f"COALESCE({base}, 0)", *factors])


def pair_query(cls: str = "Event") -> str:
    """Per unordered pair (?a < ?b): events between them in either direction (each event
    once), and the sums of positive and of negated negative contributions."""
    return PREFIXES + f"""SELECT ?a ?b (COUNT(?e) AS ?n)
  (SUM(IF(?w > 0, ?w, 0)) AS ?coop) (SUM(IF(?w < 0, -?w, 0)) AS ?conflict)
WHERE {{
  {{ SELECT DISTINCT ?e ?g ?a ?b WHERE {{
      GRAPH ?g {{ ?e a kgo:{cls} ; kgo:source ?s ; kgo:target ?t }}
      FILTER(?s != ?t)
      BIND(IF(STR(?s) < STR(?t), ?s, ?t) AS ?a)
      BIND(IF(STR(?s) < STR(?t), ?t, ?s) AS ?b)
  }} }}
  OPTIONAL {{ GRAPH ?g {{ ?e kgo:quadClass ?q }} }}
  BIND({_weight_expression()} AS ?w)
}}
GROUP BY ?a ?b"""


def participant_query(cls: str = "Event") -> str:
    """Each actor taking part in an event, with how often (as source plus as target):
    the weight names.ActorIndex gives the busiest of several actors with one name."""
    return PREFIXES + f"""SELECT ?x (COUNT(*) AS ?n) WHERE {{
  GRAPH ?g {{ ?e a kgo:{cls} . {{ ?e kgo:source ?x }} UNION {{ ?e kgo:target ?x }} }}
}} GROUP BY ?x"""


def actor_query(cls: str = "Event") -> str:
    """Every triple about an actor (typed as one, or taking part in an event): what
    kg.query.project reads to make Actor records."""
    classes = " ".join(f"kgo:{c}" for c in ACTOR_CLASSES)
    roles = "{ ?e kgo:source ?x } UNION { ?e kgo:target ?x }"
    return PREFIXES + f"""CONSTRUCT {{ ?x ?p ?o }} WHERE {{
  {{ SELECT DISTINCT ?x WHERE {{
      {{ GRAPH ?h {{ ?x a ?cls }} VALUES ?cls {{ {classes} }} }}
      UNION {{ GRAPH ?h {{ ?e a kgo:{cls} . {roles} }} }}
  }} }}
  GRAPH ?g {{ ?x ?p ?o }}
}}"""


def endpoint_alignment(url: str, timeout: float = 300.0) -> nx.Graph:
    """The alignment graph (actor level) of the data behind the SPARQL query URL."""
    from kg.serve.http import HttpClient
    from kg.serve.urls import derive_endpoints

    query_url = derive_endpoints(url).query
    client = HttpClient(timeout=timeout, retries=2)
    cls = _event_class(client, query_url)
    counts = {row["x"]["value"]: int(row["n"]["value"])
              for row in _select(client, query_url, participant_query(cls))}
    actors = _actors(client, query_url, counts, cls)
    G = nx.Graph(level="actor")
    for iri in sorted(counts):
        G.add_node(iri, **node_attrs(actors.get(iri) or Actor(iri)), events=counts[iri])
    pairs = sorted((row["a"]["value"], row["b"]["value"], row)
                   for row in _select(client, query_url, pair_query(cls)))
    for a, b, row in pairs:
        coop, conflict = _number(row["coop"]), _number(row["conflict"])
        G.add_edge(a, b, weight=coop - conflict, coop=coop, conflict=conflict,
                   n_events=int(row["n"]["value"]))
    return G


def _number(binding: dict) -> float:
    """A SPARQL numeric literal as the float Python's sums give (exact for the
    weights' halves and wholes)."""
    return float(Decimal(binding["value"]))


def _select(client, query_url: str, query: str) -> list[dict]:
    from kg.serve.verify import select

    return select(client, query_url, query)


def _event_class(client, query_url: str) -> str:
    """What counts as one event: the canonical events (kg.rdf.canonical) where the data
    has them, as a graph file counts them; else each report."""
    from kg.serve.verify import select

    query = PREFIXES + "SELECT ?e WHERE { GRAPH ?g { ?e a kgo:CanonicalEvent } } LIMIT 1"
    return "CanonicalEvent" if select(client, query_url, query) else "Event"


def _actors(client, query_url: str, participants: Iterable[str],
            cls: str = "Event") -> dict[str, Actor]:
    """Actor records from the CONSTRUCT answer (N-Triples), through the same one-pass
    projection a graph file goes through."""
    from urllib.parse import urlencode

    import pyoxigraph as ox

    from kg.query.project import project_actors

    body = urlencode({"query": actor_query(cls)}).encode("ascii")
    data = client.send("POST", query_url, body, "application/x-www-form-urlencoded",
                       "application/n-triples")
    triples = ((t.subject.value, t.predicate.value, t.object)
               for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    return project_actors(triples, participants)
