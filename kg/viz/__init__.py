"""Pictures of the alliance graph: matplotlib figures, an interactive pyvis page, tables.

The notebook (notebooks/alliances.ipynb) and `kg viz` (kg/cli/viz.py) draw the same
pictures, so the drawing lives here and both only call it. Everything is computed by
kg.query (`actor_graph`, `alignment_graph`, `blocs`, `timeline` …); this package only
maps those views to colours, widths and positions:

    from kg import viz
    from kg.query import actor_graph, alignment_graph, load_events

    AG = alignment_graph(actor_graph(load_events("graph.ttl")))
    viz.draw_alignment(viz.prune(AG, 2))          # a matplotlib Figure

| module | what it does |
|---|---|
| prepare | what to draw: prune, ego networks, blocs, stable node and edge order |
| style | how it looks: colours (entity kinds from kg.kinds), widths, labels |
| positions | where nodes go: seeded, deterministic layouts |
| figures | matplotlib: the alliance network, the timeline, PNG bytes |
| page | the self-contained interactive HTML page (pyvis) |
| tables | HTML tables of events with their Bengali evidence |
| picture | `render`: the one call `kg viz` makes |

matplotlib and pyvis are imported only when a picture is drawn.
"""

from kg.viz.figures import (
    DPI,
    MAX_MONTHS,
    draw_alignment,
    draw_timeline,
    draw_trend,
    figure_png,
    label_overlaps,
    new_figure,
    quad_counts,
)
from kg.viz.page import HOVER_EVENTS, alignment_html, edge_hover, node_hover, pair_events
from kg.viz.picture import OUTPUT_SUFFIXES, render
from kg.viz.positions import KAMADA_KAWAI_LIMIT, SEED, layout
from kg.viz.prepare import (
    bloc_index,
    bloc_relations,
    bloc_rows,
    ego,
    node_events,
    node_key,
    opposing_blocs,
    prune,
    sorted_edges,
)
from kg.viz.style import (
    BLOC_COLORS,
    CONFLICT_COLOR,
    COOPERATION_COLOR,
    LABEL_LIMIT,
    NEUTRAL_COLOR,
    NO_BLOC_COLOR,
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
    relation_phrase,
    short_label,
)
from kg.viz.tables import EVENT_COLUMNS, event_rows, html_table

__all__ = [
    "BLOC_COLORS", "CONFLICT_COLOR", "COOPERATION_COLOR", "DPI", "EVENT_COLUMNS", "HOVER_EVENTS",
    "KAMADA_KAWAI_LIMIT", "LABEL_LIMIT", "MAX_MONTHS", "NEUTRAL_COLOR", "NO_BLOC_COLOR",
    "OUTPUT_SUFFIXES", "QUAD_COLORS", "QUAD_ORDER", "SEED", "STATEMENT", "alignment_cmap",
    "alignment_html", "alignment_norm", "bloc_index", "bloc_relations", "bloc_rows",
    "draw_alignment", "draw_timeline", "draw_trend", "edge_color", "edge_hover", "edge_width",
    "ego", "event_rows", "figure_png", "html_table", "kind_color", "label", "label_overlaps",
    "layout", "new_figure", "node_color", "node_events", "node_hover", "node_key",
    "opposing_blocs", "pair_events", "prune", "quad_counts", "relation_phrase", "render",
    "short_label", "sorted_edges",
]
