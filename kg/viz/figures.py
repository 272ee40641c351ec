"""matplotlib pictures: the alliance network and the timeline by quad class.

Figures are built with `matplotlib.figure.Figure` on the Agg canvas, never with pyplot,
so `kg viz` needs no display and the notebook shows exactly the figures it returns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import TYPE_CHECKING

import networkx as nx

from kg.viz.positions import SEED, layout
from kg.viz.prepare import bloc_index, node_events, node_key, sorted_edges
from kg.viz.style import (
    BLOC_COLORS,
    NEUTRAL_COLOR,
    QUAD_COLORS,
    QUAD_ORDER,
    STATEMENT,
    alignment_cmap,
    alignment_norm,
    edge_color,
    edge_width,
    kind_color,
    label,
    node_color,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from kg.query import EventRow, Trend

DPI = 100
MAX_MONTHS = 36  # a longer timeline is binned by year


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
    counts = node_events(AG)
    _draw_labels(ax, AG, pos, {n: _marker_area(counts[n]) for n in AG})  # after the layout
    return fig


def _draw_edges(AG: nx.Graph, pos: dict, ax: Axes) -> None:
    edges = sorted_edges(AG)
    norm = alignment_norm(AG)
    most = max(AG.edges[e].get("n_events", 1) for e in edges)
    nx.draw_networkx_edges(
        AG, pos, edgelist=edges, ax=ax, alpha=0.8,
        edge_color=[edge_color(AG.edges[e].get("weight", 0.0), norm) for e in edges],
        width=[edge_width(AG.edges[e].get("n_events", 1), most) for e in edges])


def _draw_nodes(AG: nx.Graph, pos: dict, ax: Axes, where: dict[str, int] | None,
                center: str | None) -> None:
    nodes = sorted(AG, key=node_key(AG))
    counts = node_events(AG)
    sizes = [_marker_area(counts[n]) for n in nodes]
    nx.draw_networkx_nodes(
        AG, pos, nodelist=nodes, ax=ax, node_size=sizes,
        node_color=[node_color(AG, n, where) for n in nodes],
        edgecolors=["black" if n == center else "white" for n in nodes],
        linewidths=[3.0 if n == center else 1.0 for n in nodes])


def _marker_area(n_events: int) -> float:
    """Marker area in points² (matplotlib's node_size): grows with the node's events."""
    return 100 + 40 * n_events


# Where a label may go, in order of preference: above, below, right, left, the corners.
# (dx, dy) in units of the marker radius plus a gap; ha/va anchor the text there.
_LABEL_SPOTS = ((0, 1, "center", "bottom"), (0, -1, "center", "top"),
                (1, 0, "left", "center"), (-1, 0, "right", "center"),
                (0.8, 0.8, "left", "bottom"), (-0.8, 0.8, "right", "bottom"),
                (0.8, -0.8, "left", "top"), (-0.8, -0.8, "right", "top"))


def _draw_labels(ax: Axes, AG: nx.Graph, pos: dict, sizes: dict[str, float]) -> None:
    """Each label at the first spot around its node that covers no other label or node
    (the least covered spot if none is free), busiest nodes first: names written
    over each other were the most common complaint about the picture. The figure's
    layout is settled first, so the pixel extents measured here are final."""
    fig = ax.figure
    fig.canvas.draw()
    fig.set_layout_engine("none")
    renderer = fig.canvas.get_renderer()
    scale = fig.dpi / 72.0  # points → pixels
    markers = {n: _marker_box(ax, pos[n], math.sqrt(a) / 2 * scale) for n, a in sizes.items()}
    placed: list = []
    for n in sorted(sizes, key=lambda n: (-sizes[n], node_key(AG)(n))):
        radius = math.sqrt(sizes[n]) / 2 + 2  # points
        best = None
        for dx, dy, ha, va in _LABEL_SPOTS:
            text = ax.annotate(label(AG, n), pos[n], xytext=(dx * radius, dy * radius),
                               textcoords="offset points", ha=ha, va=va, fontsize=9,
                               bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                                     "alpha": 0.6})
            box = text.get_window_extent(renderer)
            cost = sum(_overlap(box, b) for b in placed) + \
                sum(_overlap(box, b) for m, b in markers.items() if m != n)
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, text, box)
            else:
                text.remove()
            if cost == 0:
                break
        placed.append(best[2])


def _marker_box(ax: Axes, xy: tuple[float, float], r: float):
    from matplotlib.transforms import Bbox

    x, y = ax.transData.transform(xy)
    return Bbox([[x - r, y - r], [x + r, y + r]])


def _overlap(a, b) -> float:
    """Area (pixels²) that two boxes share."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def label_overlaps(fig: Figure) -> int:
    """Pairs of node labels in a drawn figure whose boxes overlap (for tests and for
    judging a layout)."""
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for ax in fig.axes for t in ax.texts]
    return sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1:] if _overlap(a, b) > 0)


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
        handles += [Patch(color=kind_color(t), label=t) for t in types]
    # below the picture, not beside it: a legend column left a third of the canvas empty
    fig.legend(handles=handles, loc="outside lower center", ncols=min(4, len(handles)),
               fontsize=8, frameon=False)


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


def draw_trend(trend: Trend, *, title: str | None = None, fig: Figure | None = None
               ) -> Figure:
    """Net alignment per quarter, one line per main pair (kg.query.alignment_by_quarter):
    above zero the pair cooperated that quarter, below it clashed; a quarter without
    events is a gap, not a zero, so silence does not read as neutrality."""
    fig = fig or new_figure(1400, 600)
    ax = fig.add_subplot()
    ax.axhline(0.0, color=NEUTRAL_COLOR, lw=1)
    x = range(len(trend.quarters))
    for i, pair in enumerate(trend.pairs):
        y = [v if n else float("nan") for v, n in
             zip(trend.values[pair], trend.events[pair], strict=True)]
        dodge = 0.05 * (i - (len(trend.pairs) - 1) / 2)  # equal values stay visible
        ax.plot([q + dodge for q in x], y, marker="o", color=BLOC_COLORS[i % len(BLOC_COLORS)],
                label=" – ".join(_short(trend, n) for n in pair))
    ax.set_xticks(list(x), trend.quarters)
    ax.set_ylabel("net alignment (cooperation − conflict)")
    note = f" ({trend.unplaced} events dated only by year not shown)" if trend.unplaced else ""
    ax.set_title((title or "Net alignment per quarter") + note)
    if trend.pairs:
        ax.legend(fontsize=8, loc="best")
    else:
        ax.text(0.5, 0.5, "no dated pairs", ha="center", va="center", transform=ax.transAxes)
    return fig


def _short(trend: Trend, node: str) -> str:
    from kg.viz.style import short_label

    return short_label({"label": trend.labels[node]})


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes at its own size and dpi (no tight bbox, so a 1600×1200
    figure is a 1600×1200 image)."""
    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)
    return buf.getvalue()
