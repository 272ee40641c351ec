"""`kg load` → `kg serve --location` → `kg query … --endpoint`: the actor pairs summed
by the server equal the file's projection, and the answers are the same."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import alignment_graph, load_events
from kg.query.endpoint import endpoint_alignment
from kg.serve.bulk import bulk_load
from tests.serve.helpers import banner_url, read_banner, start_serve

pytestmark = pytest.mark.slow


def _serve(dataset: Path, store: Path) -> Iterator[str]:
    """`kg load` the dataset into a store, `kg serve --location` it; yields the URL."""
    report = bulk_load(dataset, store)
    assert report.quads > 0
    proc = start_serve("--location", str(store), "--port", "0")
    try:
        yield banner_url(read_banner(proc))
    finally:
        proc.terminate()
        proc.wait(30)


@pytest.fixture(scope="module")
def small_url(small_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small graph as N-Quads (its named graphs kept)."""
    yield from _serve(small_dir / "small.nq", tmp_path_factory.mktemp("store") / "small")


@pytest.fixture(scope="module")
def seed_url(seed_graph_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed article's graph as Turtle (a triple file: loaded into one named graph)."""
    yield from _serve(seed_graph_file, tmp_path_factory.mktemp("store") / "seed")


def _edges(G: nx.Graph) -> list:
    return sorted((min(u, v), max(u, v), sorted(d.items())) for u, v, d in G.edges(data=True))


def _nodes(G: nx.Graph) -> list:
    return sorted((n, sorted((k, v) for k, v in d.items() if k != "events"))
                  for n, d in G.nodes(data=True))


@pytest.mark.parametrize("which", ["small", "seed"])
def test_the_servers_pairs_are_the_files_alignment_graph(which, request) -> None:
    """Every pair's coop, conflict, weight and event count, and every node's attributes
    (the small graph has negated, hypothetical and reported events: the context factors)."""
    url = request.getfixturevalue(f"{which}_url")
    path = (request.getfixturevalue("small_dir") / "small.nq" if which == "small"
            else request.getfixturevalue("seed_graph_file"))
    expected = alignment_graph(load_events(path, use_cache=False))
    got = endpoint_alignment(url)
    assert expected.number_of_edges() > 3
    assert _edges(got) == _edges(expected)
    assert _nodes(got) == _nodes(expected)


def _answer(args: list[str]) -> tuple[int, list]:
    result = CliRunner().invoke(cli, ["query", *args, "--format", "json"])
    return result.exit_code, json.loads(result.output) if result.output.strip() else []


@pytest.mark.parametrize("question", [["allies", "Russia"], ["rivals", "রাশিয়ার"],
                                      ["allies", "পুতিনকে"], ["blocs"]])
def test_queries_through_the_endpoint_answer_as_on_the_file(question, seed_url,
                                                             seed_graph_file) -> None:
    on_file = _answer([*question, "--graph", str(seed_graph_file), "--no-cache"])
    on_server = _answer([*question, "--endpoint", seed_url])
    assert on_server == on_file
    assert on_file[0] == 0 and on_file[1]


def test_allies_of_a_small_graph_country_through_the_endpoint(small_url, small_dir) -> None:
    on_server = _answer(["allies", "Avalon", "--endpoint", small_url])
    assert on_server == _answer(["allies", "Avalon", "--graph", str(small_dir / "small.nq"),
                                 "--no-cache"])
    # Carpania: consult +1, hypothetical aid +1, negated cooperation 0 (small_graph.py)
    assert {r["label"]: r["weight"] for r in on_server[1]}["Carpania"] == 2.0


@pytest.mark.parametrize("args", [["neighbors", "Avalon"], ["events"],
                                  ["allies", "Avalon", "--level", "country"]])
def test_what_the_endpoint_cannot_answer_is_a_one_line_error(args, small_url) -> None:
    result = CliRunner().invoke(cli, ["query", *args, "--endpoint", small_url])
    assert result.exit_code != 0
    assert "--endpoint" in str(result.exception)


def test_kg_load_reports_and_refuses_what_it_cannot_parse(tmp_path: Path, small_dir) -> None:
    ok = CliRunner().invoke(cli, ["load", str(small_dir / "small.trig"),
                                  "--location", str(tmp_path / "s")])
    assert ok.exit_code == 0 and ok.output.startswith("loaded ")
    assert int(ok.output.split()[1]) == len(load_quads(small_dir / "small.nq"))
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(bad), "--location", str(tmp_path / "t")])
    assert result.exit_code != 0 and "cannot parse as nquads" in str(result.exception)


def load_quads(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_serving_a_location_without_a_store_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--location", str(tmp_path / "none")])
    assert result.exit_code != 0 and "no store there" in str(result.exception)
