"""The interactive page: a self-contained pyvis/vis-network HTML file of the alliances.

Hovering an edge lists its events with their Bengali sentences, so a reader can check
the picture against the text. The page opens offline (vis-network inlined, CDN links
removed) and is the same bytes every time (seeded positions, physics off).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence

import networkx as nx

from kg.viz.positions import SEED, layout
from kg.viz.prepare import bloc_index, node_events, node_key, sorted_edges
from kg.viz.style import (
    BLOC_COLORS,
    CONFLICT_COLOR,
    COOPERATION_COLOR,
    NEUTRAL_COLOR,
    alignment_norm,
    edge_color,
    edge_width,
    kind_color,
    label,
    node_color,
    relation_phrase,
)

HOVER_EVENTS = 8  # events listed in an edge's hover text; the rest are counted


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
                     f"{relation_phrase(e.get('relation'), e.get('mode')) or e.get('type')} "
                     f"{label(AG, e['target'])}{ctx}")
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
# pyvis's empty <h1> headings and its commented-out links to ../node_modules
_LEFTOVERS = re.compile(r"<center>\s*<h1></h1>\s*</center>|<!--\s*<link[^>]*node_modules.*?-->",
                        re.S)
_PAGE_STYLE = ("<style>div.vis-tooltip{white-space:pre-wrap;max-width:48em;"
               "font-family:sans-serif;font-size:13px}"
               "#kg-title h1{font-family:sans-serif;font-size:20px;margin:8px 12px 4px}"
               "#kg-legend{font-family:sans-serif;font-size:13px;margin:0 12px 6px;"
               "line-height:1.8}.kg-item{margin-right:1.2em;white-space:nowrap}</style>")


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
    where = bloc_index(bloc_list) if bloc_list is not None else None
    counts = node_events(AG)
    pos = _spread_labels(_pixels(layout(AG, seed), 1000.0),
                         {n: (label(AG, n), _node_size(counts[n])) for n in AG})
    for n in sorted(AG, key=node_key(AG)):
        x, y = pos[n]
        net.add_node(n, label=label(AG, n), title=node_hover(AG, n, where, counts[n]),
                     color=_node_colors(AG, n, where), x=x, y=y,
                     size=_node_size(counts[n]),
                     borderWidth=6 if n == center else 3 if where is not None else 1)
    norm = alignment_norm(AG) if AG.number_of_edges() else None
    most = max((n for *_e, n in AG.edges(data="n_events", default=1)), default=1)
    for u, v in sorted_edges(AG):
        d = AG.edges[u, v]
        net.add_edge(u, v, color=edge_color(d["weight"], norm), title=edge_hover(MG, AG, u, v),
                     width=edge_width(d["n_events"], most), weight=d["weight"],
                     n_events=d["n_events"])
    page = net.generate_html(name="alliances.html")
    return _offline(page, title, _header(AG, title, bloc_list))


def _node_colors(G: nx.Graph, node: str, where: dict[str, int] | None) -> dict[str, str]:
    """Fill = the entity kind (kg.kinds), ring = the bloc: a page shows both at once,
    where the PNG (no hover, no room) colours by bloc alone."""
    fill = kind_color(G.nodes[node].get("type"))
    ring = node_color(G, node, where) if where is not None else fill
    return {"background": fill, "border": ring,
            "highlight": {"background": fill, "border": ring},
            "hover": {"background": fill, "border": ring}}


def _swatch(color: str, text: str, ring: bool = False, line: bool = False) -> str:
    style = (f"display:inline-block;width:2em;height:0.35em;background:{color}" if line else
             "display:inline-block;width:0.9em;height:0.9em;border-radius:50%;"
             + (f"border:3px solid {color}" if ring else f"background:{color}"))
    return (f"<span class='kg-item'><span style='{style};vertical-align:middle'></span> "
            f"{html.escape(text)}</span>")


def _header(G: nx.Graph, title: str, bloc_list: Sequence[Sequence[str]] | None) -> str:
    """The page's visible title and legend: what the fill, the ring, the edge colour and
    the edge width mean (a reader without the docs open cannot guess)."""
    kinds = sorted({G.nodes[n].get("type") or "Other" for n in G})
    rows = ["<b>actor kind</b> " + " ".join(_swatch(kind_color(k), k) for k in kinds)]
    if bloc_list:
        shown = [(i, [label(G, n) for n in members if n in G])
                 for i, members in enumerate(bloc_list)]
        rows.append("<b>bloc (ring)</b> " + " ".join(
            _swatch(BLOC_COLORS[i % len(BLOC_COLORS)],
                    f"{i + 1}: {', '.join(names[:3])}{' …' if len(names) > 3 else ''}",
                    ring=True) for i, names in shown if names))
    rows.append("<b>pair</b> " + " ".join(
        _swatch(c, t, line=True) for c, t in ((COOPERATION_COLOR, "cooperation"),
                                              (NEUTRAL_COLOR, "balanced"),
                                              (CONFLICT_COLOR, "conflict")))
                + " <span class='kg-item'>width: number of events; hover a pair for its "
                  "events and Bengali sentences</span>")
    return (f"<header id='kg-title'><h1>{html.escape(title)}</h1></header>\n"
            f"<div id='kg-legend'>{'<br>'.join(rows)}</div>")


def _node_size(n_events: int) -> float:
    """vis-network's dot radius in pixels: grows with the node's events."""
    return 10 + 3 * math.sqrt(n_events)


# vis-network draws a label centred under its dot in 14 px type: 9.2-9.4 px a character in
# headless Chromium ("Muhammad Yunus" 128 px, "Myanmar" 66 px)
_CHAR_PX, _LINE_PX = 9.5, 18.0


def _label_box(xy: tuple[float, float], text: str, radius: float) -> tuple[float, ...]:
    w = _CHAR_PX * len(text) + 4
    return (xy[0] - w / 2, xy[1] + radius, xy[0] + w / 2, xy[1] + radius + _LINE_PX)


def _spread_labels(pos: dict[str, tuple[float, float]], labels: dict[str, tuple[str, float]],
                   rounds: int = 200) -> dict[str, tuple[float, float]]:
    """Nudge nodes apart until no two labels (text under each dot) cover each other, or
    `rounds` passes: labels written over each other made names unreadable. Each pass
    moves the two nodes of an overlapping pair apart along the axis where they overlap
    least, by half the overlap each, in sorted order, so the result is deterministic."""
    pos = {n: (float(x), float(y)) for n, (x, y) in pos.items()}
    nodes = sorted(pos)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                ax0, ay0, ax1, ay1 = _label_box(pos[a], *labels[a])
                bx0, by0, bx1, by1 = _label_box(pos[b], *labels[b])
                dx, dy = min(ax1, bx1) - max(ax0, bx0), min(ay1, by1) - max(ay0, by0)
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                axis = 0 if dx < dy else 1  # the cheaper way apart
                step = (dx if axis == 0 else dy) / 2 + 1
                sign = 1.0 if pos[a][axis] <= pos[b][axis] else -1.0
                pos[a], pos[b] = _shift(pos[a], axis, -sign * step), _shift(pos[b], axis,
                                                                             sign * step)
        if not moved:
            break
    return pos


def _shift(xy: tuple[float, float], axis: int, by: float) -> tuple[float, float]:
    return (round(xy[0] + by, 1), xy[1]) if axis == 0 else (xy[0], round(xy[1] + by, 1))


def _pixels(pos: dict[str, tuple[float, float]], span: float) -> dict[str, tuple[float, float]]:
    """Layout coordinates → canvas pixels (y grows downwards), the larger side `span`."""
    if not pos:
        return {}
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    scale = span / (max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0)
    return {n: (round((x - min(xs)) * scale, 1), round((max(ys) - y) * scale, 1))
            for n, (x, y) in pos.items()}


def _offline(page: str, title: str, header: str) -> str:
    """Drop pyvis's CDN links (Bootstrap, only styling) and its commented-out
    node_modules references so the page names nothing outside itself, replace its empty
    headings by the title and legend, and let tooltips wrap long Bengali sentences."""
    page = _CDN_TAG.sub("", page)
    page = _LEFTOVERS.sub("", page)
    page = page.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    page = page.replace("<body>", "<body>\n" + header, 1)
    return page.replace("</head>", _PAGE_STYLE + "\n</head>", 1)  # after vis-network's CSS
