"""kg.viz and `kg viz`: the PNG has the asked size, the HTML page carries exactly the
drawn nodes and edges with their evidence and needs no network, options filter what they
say, output is deterministic, and errors are one line without touching the old file."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import EventRow, actor_graph, alignment_graph, load_events
from kg.viz import draw as viz

ACTOR = "https://w3id.org/kg-bn/id/actor/"
RUSSIA, NORTH_KOREA, PUTIN = ACTOR + "Q159", ACTOR + "Q423", ACTOR + "Q7747"
BENGALI = re.compile("[\u0980-\u09ff]")


def run(*args: str):
    return CliRunner().invoke(cli, ["viz", *args])


def vis_data(page: str, name: str) -> list[dict]:
    """The nodes or edges pyvis embeds as `name = new vis.DataSet([...]);`."""
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    assert match, f"no {name} DataSet in the page"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def seed_ag(seed_graph_file: Path) -> nx.Graph:
    return alignment_graph(actor_graph(load_events(seed_graph_file)))


@pytest.fixture(scope="module")
def actor_page(seed_graph_file: Path, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("viz") / "alliances.html"
    res = run(str(seed_graph_file), "-o", str(out))
    assert res.exit_code == 0, res.output
    return out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- PNG


def test_png_decodes_with_the_requested_size(seed_graph_file, tmp_path):
    from matplotlib.image import imread

    out = tmp_path / "alliances.png"
    res = run(str(seed_graph_file), "-o", str(out), "--size", "640x480")
    assert res.exit_code == 0, res.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = imread(out)
    assert image.shape[:2] == (480, 640)
    assert image[..., :3].std() > 0.05  # something was drawn, not a blank canvas


def test_png_and_html_are_byte_identical_across_runs(seed_graph_file):
    MG = actor_graph(load_events(seed_graph_file))
    for suffix in (".png", ".html"):
        first, _ = viz.render(MG, suffix, size=(400, 300))
        again, _ = viz.render(MG, suffix, size=(400, 300))
        assert first == again, suffix


# ---------------------------------------------------------------- HTML


def test_html_has_exactly_the_drawn_nodes_and_edges(actor_page, seed_ag):
    shown = viz.prune(seed_ag, 1)
    nodes = vis_data(actor_page, "nodes")
    edges = vis_data(actor_page, "edges")
    assert {n["id"] for n in nodes} == set(shown)
    assert {frozenset((e["from"], e["to"])) for e in edges} == \
        {frozenset(e) for e in shown.edges()}
    assert {n["label"] for n in nodes} >= {"Russia", "North Korea", "Vladimir Putin"}
    pair = next(e for e in edges if {e["from"], e["to"]} == {RUSSIA, NORTH_KOREA})
    assert pair["n_events"] == shown.edges[RUSSIA, NORTH_KOREA]["n_events"]
    assert pair["color"] == viz.edge_color(pair["weight"], viz.alignment_norm(shown))


def test_html_hover_shows_relation_date_and_bengali_sentence(actor_page, seed_graph_file):
    MG = actor_graph(load_events(seed_graph_file))
    event = next(d for *_e, d in MG.edges(PUTIN, data=True) if d["relation"] == "signed")
    edges = vis_data(actor_page, "edges")
    hover = next(e["title"] for e in edges if PUTIN in (e["from"], e["to"])
                 and event["evidence"] in e["title"])
    assert f"{event['date']} · " in hover and " signed " in hover
    assert BENGALI.search(hover)
    node_titles = [n["title"] for n in vis_data(actor_page, "nodes")]
    assert any("রাশিয়া" in t for t in node_titles)  # Bengali labels on node hover


def test_html_opens_offline(actor_page):
    assert not re.search(r"<(?:script|link)\b[^>]*(?:src|href)=\"https?:", actor_page)
    assert "new vis.Network(" in actor_page
    assert len(actor_page) > 300_000  # vis-network itself is inlined, not fetched
    assert "white-space:pre-wrap" in actor_page  # long sentences wrap in the tooltip


def test_level_country_rolls_people_up(seed_graph_file, tmp_path):
    out = tmp_path / "country.html"
    res = run(str(seed_graph_file), "-o", str(out), "--level", "country")
    assert res.exit_code == 0, res.output
    nodes = vis_data(out.read_text(encoding="utf-8"), "nodes")
    ids = {n["id"] for n in nodes}
    assert RUSSIA in ids and NORTH_KOREA in ids and PUTIN not in ids
    assert not any("\nPerson," in n["title"] for n in nodes)


def test_min_events_keeps_only_busy_pairs(seed_graph_file, seed_ag, tmp_path):
    out = tmp_path / "busy.html"
    res = run(str(seed_graph_file), "-o", str(out), "--min-events", "2")
    assert res.exit_code == 0, res.output
    edges = vis_data(out.read_text(encoding="utf-8"), "edges")
    expected = [e for *e, n in seed_ag.edges(data="n_events") if n >= 2]
    assert len(edges) == len(expected) < seed_ag.number_of_edges()
    assert all(e["n_events"] >= 2 for e in edges)


def test_ego_network_keeps_the_actor_and_its_partners(seed_graph_file, tmp_path):
    out = tmp_path / "ego.html"
    res = run(str(seed_graph_file), "-o", str(out), "--level", "country", "--ego", "রাশিয়ার")
    assert res.exit_code == 0, res.output
    nodes = vis_data(out.read_text(encoding="utf-8"), "nodes")
    AG = alignment_graph(actor_graph(load_events(seed_graph_file), "country"))
    assert {n["id"] for n in nodes} == {RUSSIA, *AG[RUSSIA]}
    assert [n["id"] for n in nodes if n["borderWidth"] > 1] == [RUSSIA]


def test_texts_are_accepted_like_kg_query(tmp_path):
    from tests.conftest import SEED_ARTICLE

    out = tmp_path / "from-text.html"
    res = run(str(SEED_ARTICLE), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert RUSSIA in {n["id"] for n in vis_data(out.read_text(encoding="utf-8"), "nodes")}


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize("args, message", [
    (["-o", "{out}.svg"], "name the output .png or .html"),
    (["-o", "{out}.png", "--min-events", "999"], "nothing to draw"),
    (["-o", "{out}.png", "--ego", "Atlantis"], "no actor 'Atlantis'"),
    (["-o", "{missing}/x.png"], "does not exist"),
])
def test_errors_are_one_line_and_keep_the_old_file(seed_graph_file, tmp_path, monkeypatch,
                                                   capsys, args, message):
    from kg.cli import main

    old = tmp_path / "out.png"
    old.write_bytes(b"previous picture")
    argv = [a.format(out=tmp_path / "out", missing=tmp_path / "missing") for a in args]
    monkeypatch.setattr(sys, "argv", ["kg", "viz", str(seed_graph_file), *argv])
    with pytest.raises(SystemExit) as exc:
        main()
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith("kg: error:") and err.count("\n") == 1 and message in err
    assert old.read_bytes() == b"previous picture"
    assert [p.name for p in tmp_path.iterdir()] == ["out.png"]  # no temp file left


def test_missing_input_and_bad_size_are_usage_errors(tmp_path):
    assert run(str(tmp_path / "nope.ttl"), "-o", str(tmp_path / "a.png")).exit_code != 0
    res = run(str(tmp_path), "-o", str(tmp_path / "a.png"), "--size", "12")
    assert res.exit_code == 2 and "1600x1200" in res.output


# ---------------------------------------------------------------- building blocks


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
