"""networkx views of the events: the actor graph and the alignment graph.

`actor_graph`: a MultiDiGraph with one edge per event and (source, target) pair, keyed by
the event IRI, so paths and neighbours can name the events behind each hop.
`alignment_graph`: an undirected, weighted, signed Graph with one edge per actor pair,
what allies, rivals and blocs read.

Node ids are actor IRIs; node attributes: label (English), label_bn, type, wikidata,
affiliation (the primary one), affiliations, alt_labels.

Per pair: coop = sum of positive contributions (kg.query.model's alignment rule),
conflict = sum of the magnitudes of negative ones, weight = coop - conflict, n_events =
events between the pair in either direction, whatever their weight. Events of an actor
with itself (after the country roll-up) are left out of both graphs: they are domestic,
not relations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import networkx as nx

from kg.query.model import Actor, EventRow, actor_key
from kg.query.rollup import Rollup, primary_affiliation


def node_attrs(actor: Actor) -> dict:
    """networkx node attributes of an actor; `affiliation` is the one held now."""
    affs = sorted(actor.affiliations, key=actor_key)
    primary = primary_affiliation(actor, None).id if affs else None
    return {"label": actor.display, "label_bn": actor.label_bn, "type": actor.type,
            "wikidata": actor.wikidata, "affiliation": primary,
            "affiliations": tuple(a.id for a in affs), "alt_labels": actor.alt_labels}


def actor_graph(events: Iterable[EventRow], level: str = "actor") -> nx.MultiDiGraph:
    """One edge per event and (source, target) pair, keyed by the event IRI.

    The event's alignment contribution is the edge attribute `alignment`, not `weight`,
    so that networkx algorithms that read `weight` by default do not pick up signs.

    Every actor that takes part in an event is a node, also when it never has a
    counterpart (a STATEMENT's speaker), so that look-ups find it."""
    up = Rollup(level)
    G = nx.MultiDiGraph(level=level)
    for row in events:
        year = row.year
        srcs = {up(a, year) for a in row.sources}
        tgts = {up(a, year) for a in row.targets}
        for a in sorted(srcs | tgts, key=lambda x: x.id):
            if a.id not in G:
                G.add_node(a.id, **node_attrs(a))
        attrs = _edge_attrs(row)
        for s in sorted(srcs, key=lambda x: x.id):
            for t in sorted(tgts, key=lambda x: x.id):
                if s.id != t.id:
                    G.add_edge(s.id, t.id, key=row.event, **attrs)
    return G


def _edge_attrs(row: EventRow) -> dict:
    return {"event": row.event, "type": row.type, "mode": row.mode, "quad": row.quad,
            "date": row.when, "context": row.context, "document": row.document,
            "relation": row.relation, "evidence": row.evidence, "alignment": row.weight}


def alignment_graph(events: Iterable[EventRow] | nx.MultiDiGraph,
                    level: str = "actor") -> nx.Graph:
    """Signed, weighted pairs: weight = coop - conflict (module docstring).

    Takes the events, or an actor_graph already built (then `level` is the graph's)."""
    MG = events if isinstance(events, nx.MultiDiGraph) else actor_graph(events, level)
    pairs: dict[tuple[str, str], dict[str, float]] = {}
    seen: set[tuple[str, str, str]] = set()
    for u, v, key, w in MG.edges(keys=True, data="alignment"):
        a, b = (u, v) if u <= v else (v, u)
        if (a, b, key) in seen:
            continue  # the same event in both directions counts once
        seen.add((a, b, key))
        agg = pairs.setdefault((a, b), {"coop": 0.0, "conflict": 0.0, "n_events": 0})
        agg["n_events"] += 1
        if w > 0:
            agg["coop"] += w
        elif w < 0:
            agg["conflict"] -= w
    G = nx.Graph(level=MG.graph.get("level", level))
    G.add_nodes_from(MG.nodes(data=True))
    for (a, b), agg in sorted(pairs.items()):
        G.add_edge(a, b, weight=agg["coop"] - agg["conflict"], coop=agg["coop"],
                   conflict=agg["conflict"], n_events=int(agg["n_events"]))
    return G


def label_of(G: nx.Graph, node: str) -> str:
    """A node's label, else its id."""
    return G.nodes[node].get("label") or node


def by_label(G: nx.Graph) -> Callable[[str], tuple[str, str]]:
    """Sort key of nodes by label, then id: ties in every ranking break this way, so
    the same graph always gives the same answer."""
    return lambda n: (label_of(G, n).casefold(), n)
