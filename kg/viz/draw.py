"""Pictures of the alliance graph: matplotlib figures and an interactive pyvis page.

The notebook (notebooks/alliances.ipynb) and `kg viz` (kg/cli/viz.py) draw the same
pictures, so the drawing lives here and both only call it. Everything is computed by
kg.query (`actor_graph`, `alignment_graph`, `blocs`, `timeline` …); this module only maps
those views to colours, widths and positions.

Encoding
  edge colour: the pair's net alignment (kg.query's weight = cooperation − conflict) on a
    diverging scale, red (conflict) through grey (balanced) to blue (cooperation);
  edge width: the number of events between the pair;
  node colour: the node's bloc (Louvain community of the cooperative pairs), or its actor
    type when no blocs are given; node area grows with the node's events.
Labels are English: matplotlib then needs no Bengali font. Bengali appears in tables
(`html_table`) and in the HTML page's hover text, where the browser renders it.

Determinism: layouts are seeded spring layouts refined by Kamada-Kawai, over nodes and
edges inserted in sorted order, so the same graph always gives the same picture (and the
same HTML bytes).
Figures are built with `matplotlib.figure.Figure` on the Agg canvas, never with pyplot,
so `kg viz` needs no display and the notebook shows exactly the figures it returns.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from io import BytesIO
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import KgError

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes
    from matplotlib.colors import Colormap, Normalize
    from matplotlib.figure import Figure

    from kg.query import EventRow

SEED = 42
DPI = 100
LABEL_LIMIT = 20  # characters; longer labels use a short English alias (BIMSTEC, OIC)
CONFLICT_COLOR, NEUTRAL_COLOR, COOPERATION_COLOR = "#b2182b", "#b8b8b8", "#2166ac"
BLOC_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
               "#a6761d", "#1f78b4", "#b15928", "#6a3d9a")
NO_BLOC_COLOR = "#d9d9d9"
TYPE_COLORS = {"Country": "#8dd3c7", "Person": "#fdb462", "Organization": "#bebada",
               "Location": "#d9d9d9", "Other": "#d9d9d9", "Agreement": "#d9d9d9"}
STATEMENT = "statement (no quad class)"
QUAD_ORDER = ("verbal cooperation", "material cooperation", "verbal conflict",
              "material conflict", STATEMENT)
QUAD_COLORS = {"verbal cooperation": "#92c5de", "material cooperation": "#2166ac",
               "verbal conflict": "#f4a582", "material conflict": "#b2182b",
               STATEMENT: "#bdbdbd"}
MAX_MONTHS = 36  # a longer timeline is binned by year
HOVER_EVENTS = 8  # events listed in an edge's hover text; the rest are counted
OUTPUT_SUFFIXES = (".png", ".html")
# Kamada-Kawai optimises over all node pairs: ~2 s at 150 nodes, ~8 s at 300 on this
# 2-core machine. Larger components keep the spring layout alone (a picture of them is
# unreadable anyway; --min-events or --ego make it small).
KAMADA_KAWAI_LIMIT = 150


# ---------------------------------------------------------------- graph preparation


def prune(AG: nx.Graph, min_events: int = 1) -> nx.Graph:
    """The pairs with at least `min_events` events and the nodes they touch.

    Rare pairs are often one misread sentence; dropping them keeps a busy picture
    legible. Nodes without a remaining pair go too: a dot without edges says nothing
    about alliances."""
    H = nx.Graph(**AG.graph)
    keep = [(u, v, d) for u, v, d in AG.edges(data=True) if d.get("n_events", 0) >= min_events]
    nodes = sorted({n for u, v, _d in keep for n in (u, v)}, key=_node_key(AG))
    H.add_nodes_from((n, AG.nodes[n]) for n in nodes)
    H.add_edges_from(keep)
    return H


def ego(AG: nx.Graph, actor: str, radius: int = 1) -> nx.Graph:
    """The actor, its partners within `radius` pairs, and the pairs among them: who
    the actor deals with and how those partners relate to one another."""
    if actor not in AG:
        raise KgError(f"{label(AG, actor)} has no actor pairs in this graph")
    return nx.ego_graph(AG, actor, radius=radius)


def label(G: nx.Graph, node: str) -> str:
    """The node's English label, shortened past LABEL_LIMIT (see `short_label`)."""
    return short_label(G.nodes[node]) if node in G else node.rsplit("/", 1)[-1]


def short_label(attrs: dict, limit: int = LABEL_LIMIT) -> str:
    """A label that fits a picture: the English label, else the gazetteer's first
    English alias that is short enough (People's Republic of China → China), else the
    label cut with an ellipsis."""
    text = attrs.get("label") or attrs.get("label_bn") or "?"
    if len(text) <= limit:
        return text
    for alias in _aliases(attrs.get("wikidata"), text):
        if 1 < len(alias) <= limit:
            return alias
    return text[:limit - 1] + "…"


def _aliases(qid: str | None, text: str) -> list[str]:
    try:
        from kg.lang.gazetteer import default_gazetteer

        entity = default_gazetteer().get(qid or text)
    except KgError:
        return []
    return list(entity.aliases_en) if entity else []


def _node_key(G: nx.Graph) -> Callable[[str], tuple[str, str]]:
    """Sort key of nodes: English label, then id (what every ordering here uses)."""
    return lambda n: ((G.nodes[n].get("label") or n).casefold(), n)


def _sorted_edges(G: nx.Graph) -> list[tuple[str, str]]:
    key = _node_key(G)
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


# ---------------------------------------------------------------- layout and style


def layout(G: nx.Graph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Deterministic positions in which partners sit together and rivals apart.

    Per connected component: a seeded spring layout (cooperation pulls harder than
    conflict) is refined by Kamada-Kawai with alliance-aware edge lengths (short for
    cooperative pairs, long for conflictual ones), which spreads out the dense core
    that a spring layout alone squeezes between its leaves. The largest component takes
    the left; the others are stacked in columns to its right, since one layout of the
    whole graph flings small components to the corners. Nodes and edges are inserted in
    sorted order: the same graph always gives the same picture, however it was built."""
    key = _node_key(G)
    H = nx.Graph()
    H.add_nodes_from(sorted(G, key=key))
    for u, v in _sorted_edges(G):
        H.add_edge(u, v, **_spring(G.edges[u, v].get("weight", 0.0)))
    comps = sorted((sorted(c, key=key) for c in nx.connected_components(H)),
                   key=lambda c: (-len(c), key(c[0])))
    if not comps:
        return {}
    sides = [2.0 * math.sqrt(len(c)) for c in comps]
    cell = max(sides[1:], default=sides[0])
    per_column = max(1, int(sides[0] // cell))
    pos: dict[str, tuple[float, float]] = {}
    for i, (comp, side) in enumerate(zip(comps, sides, strict=True)):
        if i == 0:
            x0, y0 = 0.0, 0.0
        else:
            x0 = sides[0] + ((i - 1) // per_column) * cell
            y0 = -((i - 1) % per_column) * cell
        for n, (px, py) in _component_layout(H.subgraph(comp), seed).items():
            pos[n] = (x0 + side / 2 + px * side * 0.42, y0 - side / 2 + py * side * 0.42)
    return pos


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


def alignment_norm(G: nx.Graph) -> Normalize:
    """The colour scale of net alignment, symmetric around 0 so that grey means
    balanced. It saturates at the 90th percentile of |weight| (at least 2): one very
    busy pair would otherwise wash every other edge out to grey."""
    from matplotlib.colors import TwoSlopeNorm

    sizes = sorted(abs(w) for *_e, w in G.edges(data="weight", default=0.0))
    top = max(2.0, sizes[int(0.9 * (len(sizes) - 1))] if sizes else 0.0)
    return TwoSlopeNorm(vmin=-top, vcenter=0.0, vmax=top)


@lru_cache(maxsize=1)
def alignment_cmap() -> Colormap:
    """Red (conflict) through grey (balanced) to blue (cooperation)."""
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list(
        "kg_alignment", [CONFLICT_COLOR, NEUTRAL_COLOR, COOPERATION_COLOR])


def edge_color(weight: float, norm: Normalize | None = None) -> str:
    """Hex colour of a net alignment weight: red for conflict, blue for cooperation."""
    from matplotlib.colors import TwoSlopeNorm, to_hex

    if norm is None:
        top = abs(weight) or 1.0
        norm = TwoSlopeNorm(vmin=-top, vcenter=0.0, vmax=top)
    return to_hex(alignment_cmap()(norm(weight)))


def edge_width(n_events: int, most: int) -> float:
    """Line width in points: 1 for a single event, up to 7 for the busiest pair."""
    return 1.0 + 6.0 * (n_events - 1) / max(most - 1, 1)


def node_color(G: nx.Graph, node: str, where: dict[str, int] | None) -> str:
    """The node's bloc colour (grey outside every bloc), or its type's without blocs."""
    if where is None:
        return TYPE_COLORS.get(G.nodes[node].get("type") or "Other", NO_BLOC_COLOR)
    i = where.get(node)
    return NO_BLOC_COLOR if i is None else BLOC_COLORS[i % len(BLOC_COLORS)]


# ---------------------------------------------------------------- matplotlib figures


def new_figure(width_px: int = 1400, height_px: int = 1000, dpi: int = DPI) -> Figure:
    """A Figure of exactly width_px × height_px pixels on the Agg canvas (no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def draw_alignment(AG: nx.Graph, *, bloc_list: Sequence[Sequence[str]] | None = None,
                   center: str | None = None, seed: int = SEED, title: str | None = None,
                   fig: Figure | None = None) -> Figure:
    """The alliance network: edge colour = net alignment, width = events, node colour =
    bloc (or actor type without blocs), `center` ringed (an ego network's actor)."""
    fig = fig or new_figure()
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    if AG.number_of_edges() == 0:
        ax.text(0.5, 0.5, "no actor pairs to draw", ha="center", va="center")
        return fig
    pos = layout(AG, seed)
    where = bloc_index(bloc_list) if bloc_list is not None else None
    _draw_edges(AG, pos, ax)
    _draw_nodes(AG, pos, ax, where, center)
    _legends(fig, ax, AG, bloc_list, where)
    return fig


def _draw_edges(AG: nx.Graph, pos: dict, ax: Axes) -> None:
    edges = _sorted_edges(AG)
    norm = alignment_norm(AG)
    most = max(AG.edges[e].get("n_events", 1) for e in edges)
    nx.draw_networkx_edges(
        AG, pos, edgelist=edges, ax=ax, alpha=0.8,
        edge_color=[edge_color(AG.edges[e].get("weight", 0.0), norm) for e in edges],
        width=[edge_width(AG.edges[e].get("n_events", 1), most) for e in edges])


def _draw_nodes(AG: nx.Graph, pos: dict, ax: Axes, where: dict[str, int] | None,
                center: str | None) -> None:
    nodes = sorted(AG, key=_node_key(AG))
    counts = node_events(AG)
    sizes = [100 + 40 * counts[n] for n in nodes]
    nx.draw_networkx_nodes(
        AG, pos, nodelist=nodes, ax=ax, node_size=sizes,
        node_color=[node_color(AG, n, where) for n in nodes],
        edgecolors=["black" if n == center else "white" for n in nodes],
        linewidths=[3.0 if n == center else 1.0 for n in nodes])
    for n, area in zip(nodes, sizes, strict=True):
        # Just above the marker: node_size is the squared diameter in points.
        ax.annotate(label(AG, n), pos[n], xytext=(0, math.sqrt(area) / 2 + 1),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                          "alpha": 0.6})


def _legends(fig: Figure, ax: Axes, AG: nx.Graph, bloc_list: Sequence[Sequence[str]] | None,
             where: dict[str, int] | None) -> None:
    from matplotlib.cm import ScalarMappable
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    sm = ScalarMappable(norm=alignment_norm(AG), cmap=alignment_cmap())
    fig.colorbar(sm, ax=ax, shrink=0.35, pad=0.01, extend="both", location="left",
                 label="net alignment (cooperation − conflict)")
    most = max(n for *_e, n in AG.edges(data="n_events", default=1))
    sizes = sorted({1, max(1, (most + 1) // 2), most})
    handles = [Line2D([], [], color=NEUTRAL_COLOR, lw=edge_width(n, most),
                      label=f"{n} event{'s' if n > 1 else ''}") for n in sizes]
    if where is not None and bloc_list:
        handles += [Patch(color=BLOC_COLORS[i % len(BLOC_COLORS)],
                          label=f"bloc {i + 1}: " + _members(AG, members))
                    for i, members in enumerate(bloc_list) if any(n in AG for n in members)]
    else:
        types = sorted({AG.nodes[n].get("type") or "Other" for n in AG})
        handles += [Patch(color=TYPE_COLORS.get(t, NO_BLOC_COLOR), label=t) for t in types]
    fig.legend(handles=handles, loc="outside right upper", fontsize=8, frameon=False)


def _members(G: nx.Graph, members: Sequence[str], shown: int = 3) -> str:
    names = [label(G, n) for n in members if n in G]
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" +{more}" if more > 0 else "")


def quad_counts(events: Iterable[EventRow]) -> tuple[list[str], dict[str, list[int]], int]:
    """(time bins, counts per quad class per bin, undated events) for the timeline.

    Bins are months from the first to the last dated event (empty months included, so
    the axis is proportional to time); beyond MAX_MONTHS, years."""
    dated: list[tuple[str, str]] = []
    undated = 0
    for row in events:
        when = row.when
        if when and re.match(r"\d{4}-\d{2}", when):
            dated.append((when[:7], row.quad or STATEMENT))
        else:
            undated += 1
    if not dated:
        return [], {q: [] for q in QUAD_ORDER}, undated
    bins = _month_bins(min(m for m, _q in dated), max(m for m, _q in dated))
    by_year = len(bins) > MAX_MONTHS
    if by_year:
        bins = [str(y) for y in range(int(bins[0][:4]), int(bins[-1][:4]) + 1)]
    index = {b: i for i, b in enumerate(bins)}
    counts = {q: [0] * len(bins) for q in QUAD_ORDER}
    for month, quad in dated:
        counts[quad if quad in counts else STATEMENT][index[month[:4] if by_year else month]] += 1
    return bins, counts, undated


def _month_bins(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def draw_timeline(events: Iterable[EventRow], *, title: str | None = None,
                  fig: Figure | None = None) -> Figure:
    """Events per month, stacked by quad class: when relations warmed or cooled."""
    bins, counts, undated = quad_counts(events)
    fig = fig or new_figure(1400, 600)
    ax = fig.add_subplot()
    bottom = [0] * len(bins)
    for quad in QUAD_ORDER:
        values = counts[quad]
        if bins and any(values):
            ax.bar(bins, values, bottom=bottom, color=QUAD_COLORS[quad], label=quad)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylabel("events")
    ax.tick_params(axis="x", labelrotation=60)
    note = f" ({undated} undated not shown)" if undated else ""
    ax.set_title((title or "Events by quad class") + note)
    if bins:
        ax.legend(fontsize=8)
    else:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
    return fig


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes at its own size and dpi (no tight bbox, so a 1600×1200
    figure is a 1600×1200 image)."""
    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)
    return buf.getvalue()


# ---------------------------------------------------------------- tables


EVENT_COLUMNS = ("date", "source", "relation", "target", "type", "evidence")


def event_rows(events: Iterable[EventRow], limit: int | None = None) -> list[dict]:
    """Events as table rows: the date, English actors and relation, and the Bengali
    sentence that is the evidence for the event."""
    rows = []
    for row in events:
        rows.append({"date": row.when or "", "type": row.type,
                     "source": ", ".join(a.display for a in row.sources),
                     "relation": row.relation or "",
                     "target": ", ".join(a.display for a in row.targets),
                     "context": ", ".join(row.context), "document": row.document or "",
                     "evidence": " ".join((row.evidence or "").split())})
        if limit and len(rows) >= limit:
            break
    return rows


def html_table(rows: Sequence[dict], columns: Sequence[str] | None = None) -> str:
    """A plain, escaped HTML table (pandas is not a dependency); Bengali renders in
    the browser with whatever Bengali font it has."""
    cols = list(columns or (rows[0].keys() if rows else ()))
    head = "".join(f"<th style='text-align:left'>{html.escape(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left'>{html.escape(_text(r.get(c)))}</td>"
                         for c in cols) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


# ---------------------------------------------------------------- pyvis page


def pair_events(MG: nx.MultiDiGraph, u: str, v: str) -> list[dict]:
    """The events behind one alignment pair, both directions, oldest first; an event
    with several actors on a side is listed once."""
    seen: set[str] = set()
    out = []
    for a, b in ((u, v), (v, u)):
        for key, d in (MG.get_edge_data(a, b) or {}).items():
            if key not in seen:
                seen.add(key)
                out.append(dict(d, source=a, target=b))
    out.sort(key=lambda d: (d.get("date") or "9999", d.get("event") or ""))
    return out


def edge_hover(MG: nx.MultiDiGraph, AG: nx.Graph, u: str, v: str,
               limit: int = HOVER_EVENTS) -> str:
    """Hover text of a pair: the balance, then each event's date, relation and Bengali
    sentence, so a reader can check the picture against the text."""
    d = AG.edges[u, v]
    lines = [f"{label(AG, u)} – {label(AG, v)}: net {d['weight']:+g} "
             f"(cooperation {d['coop']:g}, conflict {d['conflict']:g}), "
             f"{d['n_events']} event{'s' if d['n_events'] != 1 else ''}"]
    events = pair_events(MG, u, v)
    for e in events[:limit]:
        ctx = f" [{', '.join(e['context'])}]" if e.get("context") else ""
        lines.append(f"{e.get('date') or 'undated'} · {label(AG, e['source'])} "
                     f"{e.get('relation') or e.get('type')} {label(AG, e['target'])}{ctx}")
        if e.get("evidence"):
            lines.append("    " + " ".join(e["evidence"].split()))
    if len(events) > limit:
        lines.append(f"… and {len(events) - limit} more")
    return "\n".join(lines)


def node_hover(G: nx.Graph, node: str, where: dict[str, int] | None, n: int) -> str:
    """Hover text of a node: English and Bengali names, type, `n` events, bloc."""
    d = G.nodes[node]
    parts = [d.get("label") or node]
    if d.get("label_bn"):
        parts.append(d["label_bn"])
    parts.append(f"{d.get('type') or 'Other'}, {n} event{'s' if n != 1 else ''}")
    if where is not None and node in where:
        parts.append(f"bloc {where[node] + 1}")
    return "\n".join(parts)


_CDN_TAG = re.compile(r"<(?:link|script)\b[^>]*?(?:href|src)=\"https?://[^\"]*\"[^>]*>"
                      r"(?:\s*</script>)?", re.S)
_PAGE_STYLE = ("<style>div.vis-tooltip{white-space:pre-wrap;max-width:48em;"
               "font-family:sans-serif;font-size:13px}</style>")


def alignment_html(MG: nx.MultiDiGraph, AG: nx.Graph, *,
                   bloc_list: Sequence[Sequence[str]] | None = None,
                   center: str | None = None, seed: int = SEED,
                   title: str = "kg alliances") -> str:
    """A self-contained HTML page of the alliance network (pyvis, vis-network inlined):
    positions from the seeded layout with physics off, so the page is the same every
    time and opens offline; hovering an edge lists its events with their Bengali
    sentences."""
    from pyvis.network import Network

    net = Network(height="900px", width="100%", cdn_resources="in_line", heading="")
    net.toggle_physics(False)
    pos = _pixels(layout(AG, seed), 1000.0)
    where = bloc_index(bloc_list) if bloc_list is not None else None
    counts = node_events(AG)
    for n in sorted(AG, key=_node_key(AG)):
        x, y = pos[n]
        net.add_node(n, label=label(AG, n), title=node_hover(AG, n, where, counts[n]),
                     color=node_color(AG, n, where), x=x, y=y,
                     size=10 + 3 * math.sqrt(counts[n]), borderWidth=4 if n == center else 1)
    norm = alignment_norm(AG) if AG.number_of_edges() else None
    most = max((n for *_e, n in AG.edges(data="n_events", default=1)), default=1)
    for u, v in _sorted_edges(AG):
        d = AG.edges[u, v]
        net.add_edge(u, v, color=edge_color(d["weight"], norm), title=edge_hover(MG, AG, u, v),
                     width=edge_width(d["n_events"], most), weight=d["weight"],
                     n_events=d["n_events"])
    page = net.generate_html(name="alliances.html")
    return _offline(page, title)


def _pixels(pos: dict[str, tuple[float, float]], span: float) -> dict[str, tuple[float, float]]:
    """Layout coordinates → canvas pixels (y grows downwards), the larger side `span`."""
    if not pos:
        return {}
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    scale = span / (max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0)
    return {n: (round((x - min(xs)) * scale, 1), round((max(ys) - y) * scale, 1))
            for n, (x, y) in pos.items()}


def _offline(page: str, title: str) -> str:
    """Drop pyvis's CDN links (Bootstrap, only styling) so the page needs no network,
    give it a title and let tooltips wrap long Bengali sentences."""
    page = _CDN_TAG.sub("", page)
    page = page.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    return page.replace("</head>", _PAGE_STYLE + "\n</head>", 1)  # after vis-network's CSS


# ---------------------------------------------------------------- one call for `kg viz`


def render(MG: nx.MultiDiGraph, output_suffix: str, *, min_events: int = 1,
           center: str | None = None, radius: int = 1, seed: int = SEED,
           size: tuple[int, int] = (1600, 1200), title: str | None = None
           ) -> tuple[bytes, nx.Graph]:
    """The alliance picture of an actor graph as PNG or HTML bytes, and the alignment
    graph it shows (after --ego and --min-events), for the caller's summary.

    Blocs are computed on the whole alignment graph, before pruning, so a bloc's colour
    does not change with --min-events."""
    from kg.query import alignment_graph, blocs

    if output_suffix not in OUTPUT_SUFFIXES:
        raise KgError(f"cannot draw to {output_suffix or 'a file without extension'}; "
                      "name the output .png or .html")
    AG = alignment_graph(MG)
    bloc_list = blocs(AG, seed=seed)
    shown = prune(ego(AG, center, radius) if center else AG, min_events)
    if shown.number_of_edges() == 0:
        raise KgError(f"nothing to draw: no actor pairs with at least {min_events} "
                      f"event{'s' if min_events != 1 else ''}")
    level = MG.graph.get("level", "actor")
    title = title or (f"Alliances ({level} level)" if not center else
                      f"Ego network of {label(AG, center)} ({level} level)")
    if output_suffix == ".html":
        page = alignment_html(MG, shown, bloc_list=bloc_list, center=center, seed=seed,
                              title=title)
        return page.encode("utf-8"), shown
    fig = draw_alignment(shown, bloc_list=bloc_list, center=center, seed=seed, title=title,
                         fig=new_figure(*size))
    return figure_png(fig), shown

