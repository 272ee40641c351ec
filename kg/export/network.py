"""`kg export graph`: the actor network as GraphML or GEXF, for Gephi and Cytoscape.

The network is the alignment graph `kg query allies/rivals/blocs` read (kg.query.views):
one node per actor (or state, at country level, with its ISO 3166 alpha-3 and CAMEO codes
as `iso3` and `cameo`), one undirected edge per pair with
`weight` = cooperation - conflict, `coop`, `conflict` and `n_events`, so a picture in
Gephi and an answer of `kg query` agree. GraphML and GEXF hold only scalar attributes:
tuples become " | "-joined strings and missing values are left out. GEXF's writer stamps
today's date; it is replaced by the newest event date, so output depends on input only.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.query.model import EventRow, actors_of
from kg.query.views import alignment_graph

SUFFIXES = (".graphml", ".gexf")
SEP = " | "


def _scalar(value: object) -> object | None:
    if value is None:
        return None
    if isinstance(value, (tuple, list, set, frozenset)):
        return SEP.join(map(str, value)) if value else None
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _clean(attrs: dict) -> dict:
    return {k: v for k, v in ((k, _scalar(v)) for k, v in sorted(attrs.items()))
            if v is not None}


def export_network(events: Iterable[EventRow], level: str = "actor") -> nx.Graph:
    """The alignment graph with attributes GraphML/GEXF can hold, nodes and edges sorted."""
    rows = list(events)
    known = {**actors_of(rows), **getattr(events, "actors", {})}
    AG = alignment_graph(rows, level)
    G = nx.Graph(level=level)
    for n in sorted(AG.nodes):
        actor = known.get(n)
        codes = {"iso3": actor.iso3, "cameo": actor.cameo} if actor else {}
        G.add_node(n, **_clean({**AG.nodes[n], **codes}))
    for u, v in sorted(tuple(sorted(e)) for e in AG.edges):
        G.add_edge(u, v, **_clean(AG.edges[u, v]))
    dates = sorted(d for d in (r.when for r in rows) if d)
    G.graph["last_event"] = dates[-1] if dates else ""
    return G


def network_bytes(G: nx.Graph, suffix: str) -> bytes:
    buf = io.BytesIO()
    if suffix == ".graphml":
        nx.write_graphml(G, buf, encoding="utf-8", prettyprint=True)
    elif suffix == ".gexf":
        writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True)
        writer.add_graph(G)
        meta = writer.xml.find("meta")
        if meta is not None:
            meta.set("lastmodifieddate", str(G.graph.get("last_event") or "1970-01-01")[:10])
        writer.write(buf)
    else:
        raise KgError(f"unknown network format {suffix!r}; name a file ending in "
                      f"{' or '.join(SUFFIXES)}")
    return buf.getvalue()


def write_network(events: Iterable[EventRow], path: Path, level: str = "actor"
                  ) -> nx.Graph:
    """Write the network to `path` (format from the extension) atomically."""
    from kg.rdf.write import write_atomic

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise KgError(f"{path}: name a file ending in {' or '.join(SUFFIXES)}")
    G = export_network(events, level)
    write_atomic(path, network_bytes(G, suffix))
    return G
