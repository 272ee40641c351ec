"""The alliance PNG on every bundled article (issue 14): no two node labels overlap, and
the nodes fill the canvas (the legend sits below the picture, not in a column beside it
that left a third of the canvas empty; before: nodes spanned 60 % of its width)."""

from __future__ import annotations

import numpy as np
import pytest

from kg import viz
from kg.query import actor_graph, alignment_graph, blocs, load_events
from tests.conftest import SEED_ARTICLES


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """Every bundled article, rules only (quick; the picture is under test)."""
    from kg.cli import cli

    out = tmp_path_factory.mktemp("picture") / "articles.trig"
    cli.main(["build", str(SEED_ARTICLES), "--no-parse", "-o", str(out)],
             standalone_mode=False)
    return load_events(out, use_cache=False)


def _figure(events, level: str):
    AG = alignment_graph(actor_graph(events, level))
    fig = viz.draw_alignment(viz.prune(AG, 1), bloc_list=blocs(AG, seed=42),
                             fig=viz.new_figure(1600, 1200), title="t")
    fig.canvas.draw()
    return fig, AG


@pytest.mark.parametrize("level", ["actor", "country"])
def test_labels_do_not_overlap(articles, level):
    fig, AG = _figure(articles, level)
    labels = [t for ax in fig.axes for t in ax.texts]
    assert len(labels) == len(viz.prune(AG, 1)) > 20
    assert viz.label_overlaps(fig) == 0


@pytest.mark.parametrize("level", ["actor", "country"])
def test_nodes_fill_the_canvas(articles, level):
    fig, _AG = _figure(articles, level)
    ax = next(a for a in fig.axes if a.collections)
    xy = ax.transData.transform(np.vstack([c.get_offsets() for c in ax.collections
                                           if len(c.get_offsets())]))
    width, height = fig.canvas.get_width_height()
    spans = np.ptp(xy, axis=0) / (width, height)
    assert spans[0] >= 0.8 and spans[1] >= 0.75, spans  # before: 0.60 × 0.84 (actor)


def test_overlaps_are_counted():
    """label_overlaps sees two labels written on one spot."""
    fig = viz.new_figure(400, 300)
    ax = fig.add_subplot()
    ax.annotate("North Korea", (0.5, 0.5))
    ax.annotate("Russia", (0.5, 0.5))
    ax.annotate("far away", (0.05, 0.05))
    fig.canvas.draw()
    assert viz.label_overlaps(fig) == 1
