"""`kg viz` and kg.viz.render: the PNG has the asked size, the HTML page carries exactly
the drawn nodes and edges with their evidence and needs no network, options filter what
they say, output is the same bytes in every process, and errors are one line without
touching the old file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import viz
from kg.cli import cli
from kg.query import actor_graph, alignment_graph, load_events
from tests.conftest import ROOT, SEED_ARTICLE

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


# Draws both pictures of each graph in one process; PYTHONHASHSEED changes the order of
# sets and dicts of strings between processes, which a second call in the same process
# (what this test used to do) never sees.
_DRAW = """
import sys
from pathlib import Path
from kg import viz
from kg.query import actor_graph, load_events
out = Path(sys.argv[1])
for i, graph in enumerate(sys.argv[2:]):
    for level in ("actor", "country"):
        MG = actor_graph(load_events(graph), level)
        for suffix in (".png", ".html"):
            data, _ = viz.render(MG, suffix, size=(400, 300))
            (out / f"{i}-{level}{suffix}").write_bytes(data)
"""


def _draw_in_a_process(out: Path, hash_seed: str, graphs: list[Path]) -> dict[str, bytes]:
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=hash_seed)
    proc = subprocess.run([sys.executable, "-c", _DRAW, str(out), *map(str, graphs)],
                          capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_png_and_html_are_byte_identical_across_processes(seed_graph_file, components_file,
                                                          tmp_path):
    graphs = [seed_graph_file, components_file]
    first = _draw_in_a_process(tmp_path / "first", "1", graphs)
    again = _draw_in_a_process(tmp_path / "again", "2", graphs)
    assert len(first) == 8 and list(first) == list(again)
    assert [name for name in first if first[name] != again[name]] == []


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
    widest = max(n["borderWidth"] for n in nodes)  # the ego's ring; the others show blocs
    assert [n["id"] for n in nodes if n["borderWidth"] == widest] == [RUSSIA]


def test_texts_are_accepted_like_kg_query(tmp_path):
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
