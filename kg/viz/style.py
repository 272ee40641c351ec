"""How the alliance pictures look: colours, widths and labels.

Encoding
  edge colour: the pair's net alignment (kg.query's weight = cooperation − conflict) on a
    diverging scale, red (conflict) through grey (balanced) to blue (cooperation);
  edge width: the number of events between the pair;
  node colour: the node's bloc (Louvain community of the cooperative pairs), or its entity
    kind (kg.kinds, the one table of kinds) when no blocs are given.
Labels are English: matplotlib then needs no Bengali font. Bengali appears in tables
(kg.viz.tables) and in the HTML page's hover text, where the browser renders it.
matplotlib is imported only when a colour scale is needed, so `kg viz` stays light.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import KgError
from kg.kinds import KINDS

if TYPE_CHECKING:
    from matplotlib.colors import Colormap, Normalize

LABEL_LIMIT = 20  # characters; longer labels use a short English alias (BIMSTEC, OIC)
CONFLICT_COLOR, NEUTRAL_COLOR, COOPERATION_COLOR = "#b2182b", "#b8b8b8", "#2166ac"
BLOC_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
               "#a6761d", "#1f78b4", "#b15928", "#6a3d9a")
NO_BLOC_COLOR = "#d9d9d9"
STATEMENT = "statement (no quad class)"
QUAD_ORDER = ("verbal cooperation", "material cooperation", "verbal conflict",
              "material conflict", STATEMENT)
QUAD_COLORS = {"verbal cooperation": "#92c5de", "material cooperation": "#2166ac",
               "verbal conflict": "#f4a582", "material conflict": "#b2182b",
               STATEMENT: "#bdbdbd"}


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


def relation_phrase(relation: str | None, mode: str | None = None,
                    objects: tuple[str, ...] = ()) -> str:
    """The relation as it reads between a source and a target. A signing's target is the
    other party, not what was signed: "Putin signed Xi Jinping" read as if Xi were the
    document, so a relation with an object names the object and joins the target with
    "with" ("signed joint statement with Xi Jinping"), and a signing without one still
    says "signed with"."""
    if not relation:
        return ""
    if objects:
        return f"{relation} {', '.join(objects)} with"
    return f"{relation} with" if mode == "sign" else relation


def kind_color(kind: str | None) -> str:
    """The node colour of an entity kind (kg.kinds); grey for a kind the table lacks."""
    entry = KINDS.get(kind or "Other")
    return entry.color if entry else NO_BLOC_COLOR


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
    """The node's bloc colour (grey outside every bloc), or its kind's without blocs."""
    if where is None:
        return kind_color(G.nodes[node].get("type"))
    i = where.get(node)
    return NO_BLOC_COLOR if i is None else BLOC_COLORS[i % len(BLOC_COLORS)]
