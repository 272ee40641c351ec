"""One call for `kg viz`: the alliance picture of an actor graph as PNG or HTML bytes.

The notebook (notebooks/alliances.ipynb) and `kg viz` (kg/cli/viz.py) draw the same
pictures, so the choices `kg viz` makes (blocs before pruning, titles) live here and the
command only reads options and writes the file.
"""

from __future__ import annotations

import networkx as nx

from kg.errors import KgError
from kg.query import alignment_graph, blocs
from kg.viz.figures import draw_alignment, figure_png, new_figure
from kg.viz.page import alignment_html
from kg.viz.positions import SEED
from kg.viz.prepare import ego, prune
from kg.viz.style import label

OUTPUT_SUFFIXES = (".png", ".html")


def render(MG: nx.MultiDiGraph, output_suffix: str, *, min_events: int = 1,
           center: str | None = None, radius: int = 1, seed: int = SEED,
           size: tuple[int, int] = (1600, 1200), title: str | None = None,
           period: str | None = None) -> tuple[bytes, nx.Graph]:
    """The alliance picture of an actor graph as PNG or HTML bytes, and the alignment
    graph it shows (after --ego and --min-events), for the caller's summary.

    Blocs are computed on the whole alignment graph, before pruning, so a bloc's colour
    does not change with --min-events. `period` (a time slice, already applied to MG)
    goes into the default title: a slice must not look like the whole story."""
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
    title_given = title is not None
    title = title or (f"Alliances ({level} level)" if not center else
                      f"Ego network of {label(AG, center)} ({level} level)")
    if period and not title_given:
        title = f"{title}, {period}"
    if output_suffix == ".html":
        page = alignment_html(MG, shown, bloc_list=bloc_list, center=center, seed=seed,
                              title=title)
        return page.encode("utf-8"), shown
    fig = draw_alignment(shown, bloc_list=bloc_list, center=center, seed=seed, title=title,
                         fig=new_figure(*size))
    return figure_png(fig), shown
