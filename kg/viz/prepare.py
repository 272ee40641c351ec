"""What to draw: the alignment graph pruned to busy pairs or to one actor's ego network,
in a stable order, and its blocs.

Every picture inserts nodes and edges in sorted order (`node_key`, `sorted_edges`): the
same graph then always gives the same picture, however it was built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import networkx as nx

from kg.errors import KgError
from kg.viz.style import label


def prune(AG: nx.Graph, min_events: int = 1) -> nx.Graph:
    """The pairs with at least `min_events` events and the nodes they touch.

    Rare pairs are often one misread sentence; dropping them keeps a busy picture
    legible. Nodes without a remaining pair go too: a dot without edges says nothing
    about alliances."""
    H = nx.Graph(**AG.graph)
    keep = [(u, v, d) for u, v, d in AG.edges(data=True) if d.get("n_events", 0) >= min_events]
    nodes = sorted({n for u, v, _d in keep for n in (u, v)}, key=node_key(AG))
    H.add_nodes_from((n, AG.nodes[n]) for n in nodes)
    H.add_edges_from(keep)
    return H


def ego(AG: nx.Graph, actor: str, radius: int = 1) -> nx.Graph:
    """The actor, its partners within `radius` pairs, and the pairs among them: who
    the actor deals with and how those partners relate to one another."""
    if actor not in AG:
        raise KgError(f"{label(AG, actor)} has no actor pairs in this graph")
    return nx.ego_graph(AG, actor, radius=radius)


def node_key(G: nx.Graph) -> Callable[[str], tuple[str, str]]:
    """Sort key of nodes: English label, then id (what every ordering here uses)."""
    return lambda n: ((G.nodes[n].get("label") or n).casefold(), n)


def sorted_edges(G: nx.Graph) -> list[tuple[str, str]]:
    """Edges with their ends in node_key order, sorted: insertion order never shows."""
    key = node_key(G)
    pairs = [(u, v) if key(u) <= key(v) else (v, u) for u, v in G.edges()]
    return sorted(pairs, key=lambda e: (key(e[0]), key(e[1])))


def node_events(G: nx.Graph) -> dict[str, int]:
    """Events per node, summed over its pairs (what node size shows)."""
    out: Counter[str] = Counter({n: 0 for n in G})
    for u, v, n in G.edges(data="n_events", default=0):
        out[u] += n
        out[v] += n
    return dict(out)


# ---------------------------------------------------------------- blocs


def bloc_index(bloc_list: Sequence[Sequence[str]]) -> dict[str, int]:
    """Node → its bloc's position in `bloc_list` (0 = the largest bloc)."""
    return {n: i for i, members in enumerate(bloc_list) for n in members}


def bloc_relations(AG: nx.Graph, bloc_list: Sequence[Sequence[str]]) -> list[dict]:
    """Pairs of blocs with the events between their members: cooperation, conflict and
    net weight summed over the cross-bloc pairs. A negative net weight marks opposing
    blocs, which Louvain alone cannot say, since it only sees the cooperative pairs."""
    where = bloc_index(bloc_list)
    agg: dict[tuple[int, int], dict] = {}
    for u, v, d in AG.edges(data=True):
        if u not in where or v not in where or where[u] == where[v]:
            continue
        a, b = sorted((where[u], where[v]))
        row = agg.setdefault((a, b), {"coop": 0.0, "conflict": 0.0, "weight": 0.0,
                                      "n_events": 0})
        for k in row:
            row[k] += d.get(k, 0)
    return [{"bloc_a": a + 1, "bloc_b": b + 1, **row} for (a, b), row in sorted(agg.items())]


def opposing_blocs(AG: nx.Graph, bloc_list: Sequence[Sequence[str]]) -> list[dict]:
    """The bloc pairs whose cross-bloc pairs are net conflictual, most hostile first."""
    rows = [r for r in bloc_relations(AG, bloc_list) if r["weight"] < 0]
    return sorted(rows, key=lambda r: (r["weight"], r["bloc_a"], r["bloc_b"]))


def bloc_rows(G: nx.Graph, bloc_list: Sequence[Sequence[str]]) -> list[dict]:
    """One table row per bloc: its number and members in English and Bengali."""
    return [{"bloc": i + 1, "size": len(members),
             "members": ", ".join(G.nodes[n].get("label") or n for n in members),
             "members_bn": ", ".join(G.nodes[n].get("label_bn") or "" for n in members)}
            for i, members in enumerate(bloc_list)]
