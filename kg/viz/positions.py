"""Where the nodes go: deterministic positions in which partners sit together and
rivals apart.

Layouts are seeded spring layouts refined by Kamada-Kawai, over nodes and edges inserted
in sorted order, so the same graph always gives the same picture (and the same HTML
bytes), in any process.
"""

from __future__ import annotations

import math

import networkx as nx

from kg.viz.prepare import node_key, sorted_edges

SEED = 42
# Kamada-Kawai optimises over all node pairs: ~2 s at 150 nodes, ~8 s at 300 on this
# 2-core machine. Larger components keep the spring layout alone (a picture of them is
# unreadable anyway; --min-events or --ego make it small).
KAMADA_KAWAI_LIMIT = 150


def layout(G: nx.Graph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Deterministic positions in which partners sit together and rivals apart.

    Per connected component: a seeded spring layout (cooperation pulls harder than
    conflict) is refined by Kamada-Kawai with alliance-aware edge lengths (short for
    cooperative pairs, long for conflictual ones), which spreads out the dense core
    that a spring layout alone squeezes between its leaves. The largest component takes
    the left; the others are stacked in columns to its right, since one layout of the
    whole graph flings small components to the corners. Nodes and edges are inserted in
    sorted order: the same graph always gives the same picture, however it was built."""
    key = node_key(G)
    edges = [(u, v, _spring(G.edges[u, v].get("weight", 0.0))) for u, v in sorted_edges(G)]
    H = nx.Graph()
    H.add_nodes_from(sorted(G, key=key))
    H.add_edges_from(edges)
    comps = sorted((sorted(c, key=key) for c in nx.connected_components(H)),
                   key=lambda c: (-len(c), key(c[0])))
    if not comps:
        return {}
    subgraphs = _components(comps, edges)
    sides = [2.0 * math.sqrt(len(c)) for c in comps]
    cell = max(sides[1:], default=sides[0])
    per_column = max(1, int(sides[0] // cell))
    pos: dict[str, tuple[float, float]] = {}
    for i, (C, side) in enumerate(zip(subgraphs, sides, strict=True)):
        if i == 0:
            x0, y0 = 0.0, 0.0
        else:
            x0 = sides[0] + ((i - 1) // per_column) * cell
            y0 = -((i - 1) % per_column) * cell
        for n, (px, py) in _component_layout(C, seed).items():
            pos[n] = (x0 + side / 2 + px * side * 0.42, y0 - side / 2 + py * side * 0.42)
    return pos


def _components(comps: list[list[str]], edges: list[tuple[str, str, dict]]) -> list[nx.Graph]:
    """Each component as a graph of its own, nodes and edges inserted in the sorted order
    of the whole. Not H.subgraph(comp): a view iterates a node set smaller than half
    the graph in set order, which follows the strings' hashes and so changes between
    processes (PYTHONHASHSEED), and with it the layout of every small component."""
    where = {n: i for i, comp in enumerate(comps) for n in comp}
    out = []
    for comp in comps:
        C = nx.Graph()
        C.add_nodes_from(comp)
        out.append(C)
    for u, v, d in edges:
        out[where[u]].add_edge(u, v, **d)
    return out


def _spring(weight: float) -> dict[str, float]:
    """Spring strength (`pull`) and Kamada-Kawai length of a pair: allies pull harder
    and sit closer the stronger the tie (capped at 3, so one busy pair does not collapse
    onto a point); rivals barely pull and sit far apart; balanced pairs in between."""
    if weight > 0:
        return {"pull": 1.0 + min(weight, 3.0), "length": 1.0 / (1.0 + 0.3 * min(weight, 3.0))}
    if weight < 0:
        return {"pull": 0.2, "length": 1.5}
    return {"pull": 0.5, "length": 1.0}


def _component_layout(C: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Seeded spring layout refined by Kamada-Kawai, stretched to [-1, 1]²."""
    if len(C) == 1:
        return {next(iter(C)): (0.0, 0.0)}
    start = nx.spring_layout(C, weight="pull", seed=seed, k=1.8 / math.sqrt(len(C)))
    if 2 < len(C) <= KAMADA_KAWAI_LIMIT:
        start = nx.kamada_kawai_layout(C, weight="length", pos=start)
    return _fill(start)


def _fill(pos: dict) -> dict[str, tuple[float, float]]:
    """Stretch each axis to [-1, 1]: pictures are wider than tall and labels need the
    room more than the layout needs its aspect ratio."""
    xs, ys = [float(p[0]) for p in pos.values()], [float(p[1]) for p in pos.values()]

    def scale(v: float, lo: float, hi: float) -> float:
        return 0.0 if hi == lo else 2.0 * (v - lo) / (hi - lo) - 1.0

    return {n: (scale(float(x), min(xs), max(xs)), scale(float(y), min(ys), max(ys)))
            for n, (x, y) in pos.items()}
