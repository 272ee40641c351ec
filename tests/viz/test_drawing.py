"""kg.viz's building blocks: colours, blocs, layout, pruning, timeline bins, tables and
labels, each on a graph small enough to know the answer."""

from __future__ import annotations

import networkx as nx
import pytest

from kg import viz
from kg.kinds import KINDS
from kg.query import EventRow, load_events


def _graph(pairs: list[tuple[str, str, float, int]]) -> nx.Graph:
    G = nx.Graph()
    for u, v, w, n in pairs:
        for x in (u, v):
            G.add_node(x, label=x, type="Country")
        G.add_edge(u, v, weight=w, coop=max(w, 0), conflict=max(-w, 0), n_events=n)
    return G


def test_edge_colour_is_red_for_conflict_blue_for_cooperation():
    from matplotlib.colors import to_rgb

    red, grey, blue = (to_rgb(viz.edge_color(w)) for w in (-3.0, 0.0, 3.0))
    assert red[0] > red[2] and blue[2] > blue[0]
    assert grey == pytest.approx(to_rgb(viz.NEUTRAL_COLOR), abs=0.01)
    assert viz.edge_width(1, 10) < viz.edge_width(10, 10)


def test_node_colours_are_the_kinds_table_s_without_blocs_and_bloc_colours_with():
    G = _graph([("A", "B", 1, 1)])
    G.add_node("P", label="P", type="Person")
    G.add_node("X", label="X", type=None)
    assert viz.node_color(G, "A", None) == KINDS["Country"].color
    assert viz.node_color(G, "P", None) == KINDS["Person"].color
    assert viz.node_color(G, "X", None) == KINDS["Other"].color
    assert viz.kind_color("Spaceship") == viz.NO_BLOC_COLOR
    where = viz.bloc_index([["A"], ["B"]])
    assert viz.node_color(G, "B", where) == viz.BLOC_COLORS[1]
    assert viz.node_color(G, "P", where) == viz.NO_BLOC_COLOR


def test_opposing_blocs_are_read_from_the_pairs_between_blocs():
    G = _graph([("A", "B", 3, 2), ("C", "D", 2, 1), ("A", "C", -2, 1), ("B", "D", -1, 1),
                ("B", "C", 0.5, 1)])
    relations = viz.bloc_relations(G, [["A", "B"], ["C", "D"]])
    assert relations == [{"bloc_a": 1, "bloc_b": 2, "coop": 0.5, "conflict": 3, "weight": -2.5,
                          "n_events": 3}]
    assert viz.opposing_blocs(G, [["A", "B"], ["C", "D"]]) == relations
    assert viz.opposing_blocs(G, [["A", "B", "C", "D"]]) == []


def test_layout_is_seeded_and_independent_of_insertion_order():
    pairs = [("A", "B", 3, 2), ("B", "C", -1, 1), ("C", "D", 2, 1), ("E", "F", 1, 1)]
    forward, backward = _graph(pairs), _graph(pairs[::-1])
    assert viz.layout(forward) == viz.layout(backward)
    assert viz.layout(forward, seed=1) != viz.layout(forward, seed=2)
    pos = viz.layout(forward)
    assert set(pos) == set("ABCDEF")
    assert max(x for x, _y in (pos["E"], pos["F"])) > max(pos[n][0] for n in "ABCD")


def test_prune_drops_rare_pairs_and_lonely_nodes():
    G = _graph([("A", "B", 2, 3), ("B", "C", -1, 1)])
    G.add_node("Z", label="Z", type="Person")
    assert set(viz.prune(G, 1)) == {"A", "B", "C"}
    assert sorted(viz.prune(G, 2).edges()) == [("A", "B")]


def test_quad_counts_fill_empty_months_and_count_undated():
    rows = [EventRow("e1", "AID", quad="material cooperation", date="2024-01-05"),
            EventRow("e2", "ASSAULT", quad="material conflict", date="2024-03-01"),
            EventRow("e3", "STATEMENT", date="2024-03-09"),
            EventRow("e4", "CONSULT", quad="verbal cooperation")]
    bins, counts, undated = viz.quad_counts(rows)
    assert bins == ["2024-01", "2024-02", "2024-03"] and undated == 1
    assert counts["material cooperation"] == [1, 0, 0]
    assert counts["material conflict"] == [0, 0, 1] and counts[viz.STATEMENT] == [0, 0, 1]
    old = [EventRow("e5", "SUPPORT", quad="verbal cooperation", date="1961-07-06")]
    assert viz.quad_counts(rows + old)[0][0] == "1961"  # a long span is binned by year


def test_timeline_figure_stacks_every_dated_event(seed_graph_file):
    events = load_events(seed_graph_file)
    fig = viz.draw_timeline(events)
    heights = sum(p.get_height() for p in fig.axes[0].patches)
    assert heights == sum(1 for r in events if r.when)


def test_html_table_escapes_and_keeps_bengali():
    table = viz.html_table([{"evidence": "<script>x</script> পুতিন সফর করেন", "n": 1.5}])
    assert "<script>" not in table and "&lt;script&gt;" in table
    assert "পুতিন সফর করেন" in table and "<td style='text-align:left'>1.5</td>" in table


def test_short_labels_use_an_english_alias_or_an_ellipsis():
    assert viz.short_label({"label": "People's Republic of China", "wikidata": "Q148"}) == "China"
    cut = viz.short_label({"label": "A Very Long Name Of Some Committee", "wikidata": None})
    assert cut.endswith("…") and len(cut) == viz.LABEL_LIMIT


@pytest.mark.parametrize(("relation", "mode", "objects", "expected"), [
    ("signed", "sign", (), "signed with"),
    ("signed", "sign", ("joint statement",), "signed joint statement with"),
    ("condemned", "diplomatic", (), "condemned"),
    (None, None, (), ""),
])
def test_relation_phrase_reads_between_source_and_target(relation, mode, objects, expected):
    """Issue 14: "Putin signed Xi Jinping" read as if Xi were the document."""
    assert viz.relation_phrase(relation, mode, objects) == expected
