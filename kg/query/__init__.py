"""Graph queries over kg's event graph with networkx: load, project, ask.

SPARQL answers "which triples match"; questions such as "who are Russia's closest
partners", "how is Kim Jong Un connected to Ukraine" or "which blocs form" are graph
algorithms. This package projects kg's RDF output onto networkx views, as plain
functions shared by `kg query` (kg/cli/query.py), `kg viz` and notebooks:

    from kg.query import load_events, actor_graph, alignment_graph, resolve_actor, allies

    events = load_events("graph.ttl")        # or input texts: a .txt/.jsonl or a folder
    AG = alignment_graph(actor_graph(events))
    allies(AG, resolve_actor("রাশিয়ার", events))

One module per topic, data flowing one way:

| module | what it does |
|---|---|
| model | the records: Actor, EventRow, EventList; the alignment weights |
| project | RDF triples → EventList, in one pass |
| cache | FILE.kgcache: the projection beside its graph, as checked JSON |
| load | a graph file (cached) or input texts (kg's pipeline) → EventList |
| rollup | country roll-up: people and units stand for their affiliation |
| views | actor_graph (one edge per event), alignment_graph (one signed edge per pair) |
| names | names in English, Bengali (any inflection) or QIDs → node ids |
| algorithms | neighbours, allies, rivals, blocs, paths, degree, PageRank, betweenness |
| events | filters, timelines, counts, statistics over the event rows |
| trends | alliance change over time: net alignment per quarter of the main pairs |
| rdflib_graph | the graph in rdflib, and SPARQL on it |
"""

from kg.query.algorithms import (
    MEASURES,
    allies,
    betweenness,
    blocs,
    centrality,
    neighbors,
    pagerank,
    rivals,
    shortest_path_events,
)
from kg.query.cache import CACHE_SUFFIX
from kg.query.events import (
    EventFilter,
    actor_counts,
    filter_events,
    parse_period,
    sort_rows,
    stats,
    timeline,
)
from kg.query.load import TEXT_SUFFIXES, events_from_texts, load_events, project_rdf
from kg.query.model import (
    CONTEXT_FACTOR,
    QUAD_WEIGHT,
    Actor,
    EventList,
    EventRow,
    actors_of,
    natural_key,
)
from kg.query.names import ActorIndex, UnknownActor, resolve_actor
from kg.query.project import project_triples
from kg.query.rdflib_graph import STORES, rdf_graph, sparql
from kg.query.rollup import LEVELS, Rollup
from kg.query.trends import MAIN_PAIRS, Trend, alignment_by_quarter, quarter
from kg.query.views import actor_graph, alignment_graph, label_of

__all__ = [
    "CACHE_SUFFIX", "CONTEXT_FACTOR", "LEVELS", "MAIN_PAIRS", "MEASURES", "QUAD_WEIGHT", "STORES",
    "TEXT_SUFFIXES", "Actor", "ActorIndex", "EventFilter", "EventList", "EventRow", "Rollup",
    "Trend", "UnknownActor", "actor_counts", "actor_graph", "actors_of", "alignment_by_quarter",
    "alignment_graph", "allies", "betweenness", "blocs", "centrality", "events_from_texts",
    "filter_events", "label_of", "load_events", "natural_key", "neighbors", "pagerank",
    "parse_period", "project_rdf", "project_triples", "quarter", "rdf_graph", "resolve_actor",
    "rivals", "shortest_path_events", "sort_rows", "sparql", "stats", "timeline",
]
