"""`kg export events` (pandas/pyarrow tables) and `kg export graph` (GraphML/GEXF)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import SEED_ARTICLES

REQUIRED = ["id", "date", "type", "cameo", "quad", "goldstein", "source_qid", "target_qid",
            "source_label", "target_label", "source_cameo", "source_iso3", "target_cameo",
            "target_iso3", "location", "confidence", "future", "hypothetical", "negated",
            "historical", "reported", "num_mentions", "num_sources", "urls"]


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    """seeds/articles built rules-only (fast), as TriG."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.pipeline import Pipeline
    from kg.rdf.dataset import build_dataset
    from kg.settings import Settings
    from kg.text.documents import read_inputs

    pipeline = Pipeline(Settings(parse=False))
    results = [pipeline.run(d) for d in read_inputs([str(SEED_ARTICLES)])]
    path = tmp_path_factory.mktemp("export") / "g.trig"
    path.write_bytes(build_dataset(results, default_gazetteer())[0].serialize("trig"))
    return path


def _export(*args: str) -> None:
    result = CliRunner().invoke(cli, ["export", *args, "--no-cache"])
    assert result.exit_code == 0, result.output


def test_event_table_loads_in_pandas_one_row_per_canonical_event(graph, tmp_path):
    from kg.query import load_events

    out = tmp_path / "events.csv"
    _export("events", str(out), "--graph", str(graph))
    df = pd.read_csv(out, dtype={"cameo": str})
    assert set(REQUIRED) <= set(df.columns)
    mentions = load_events(graph, use_cache=False, mentions=True)
    canonical = {m.canonical for m in mentions}
    assert len(df) == len(canonical) < len(mentions)
    assert df["id"].is_unique and set(df["id"]) == canonical
    assert df["num_mentions"].sum() == len(mentions)
    assert (df["num_sources"] >= 1).all() and (df["num_sources"] <= df["num_mentions"]).all()
    russia = df[df["source_qid"] == "Q159"]
    assert not russia.empty and set(russia["source_iso3"]) == {"RUS"}
    putin = df[df["source_qid"] == "Q7747"]  # a person: the codes of his state
    assert set(putin["source_cameo"]) == {"RUS"}
    consult = df[df["cameo"] == "040"]
    assert set(consult["goldstein"]) == {1.0}
    assert df["date"].notna().all()
    assert df["negated"].dtype == bool


def test_parquet_holds_the_same_table(graph, tmp_path):
    _export("events", str(tmp_path / "e.csv"), "--graph", str(graph))
    _export("events", str(tmp_path / "e.parquet"), "--graph", str(graph))
    pq = pd.read_parquet(tmp_path / "e.parquet")
    csv = pd.read_csv(tmp_path / "e.csv", dtype={"cameo": str})
    assert list(pq.columns) == list(csv.columns)
    assert list(pq["id"]) == list(csv["id"])
    assert list(pq["num_mentions"]) == list(csv["num_mentions"])
    assert str(pq["goldstein"].dtype) == "float64"


def test_mentions_flag_gives_one_row_per_report(graph, tmp_path):
    from kg.query import load_events

    out = tmp_path / "m.csv"
    _export("events", str(out), "--graph", str(graph), "--mentions")
    assert len(pd.read_csv(out)) == len(load_events(graph, use_cache=False, mentions=True))


def test_graphml_has_the_nodes_and_weights_kg_query_uses(graph, tmp_path):
    from kg.query import alignment_graph, load_events

    out = tmp_path / "g.graphml"
    _export("graph", str(out), "--graph", str(graph))
    G = nx.read_graphml(out)
    AG = alignment_graph(load_events(graph, use_cache=False))
    assert set(G.nodes) == set(AG.nodes)
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in AG.edges}
    for u, v, w in AG.edges(data="weight"):
        assert G.edges[u, v]["weight"] == pytest.approx(w)
        assert G.edges[u, v]["n_events"] == AG.edges[u, v]["n_events"]
    # and as `kg query allies` prints them
    russia = "https://w3id.org/kg-bn/id/actor/Q159"
    result = CliRunner().invoke(cli, ["query", "allies", "Russia", "--graph", str(graph),
                                      "--format", "json", "--no-cache", "-k", "0"])
    assert result.exit_code == 0, result.output
    for row in json.loads(result.output):
        assert G.edges[russia, row["actor"]]["weight"] == pytest.approx(row["weight"])
    assert G.nodes[russia]["label"] == "Russia"
    assert (G.nodes[russia]["iso3"], G.nodes[russia]["cameo"]) == ("RUS", "RUS")


def test_gexf_at_country_level_and_stable_bytes(graph, tmp_path):
    from kg.query import alignment_graph, load_events

    a, b = tmp_path / "a.gexf", tmp_path / "b.gexf"
    _export("graph", str(a), "--graph", str(graph), "--level", "country")
    _export("graph", str(b), "--graph", str(graph), "--level", "country")
    assert a.read_bytes() == b.read_bytes()
    G = nx.read_gexf(a)
    AG = alignment_graph(load_events(graph, use_cache=False), "country")
    assert set(G.nodes) == set(AG.nodes)
    for u, v, w in AG.edges(data="weight"):
        assert float(G.edges[u, v]["weight"]) == pytest.approx(w)


@pytest.mark.parametrize("args", [
    ["export", "events", "out.txt", "--graph", "{graph}"],
    ["export", "graph", "out.csv", "--graph", "{graph}"],
    ["export", "events", "out.csv", "--graph", "missing.ttl"],
    ["export", "events", "nodir/out.csv", "--graph", "{graph}"],
])
def test_bad_input_is_one_line_and_no_file(graph, tmp_path, args):
    proc = subprocess.run([sys.executable, "-m", "kg.cli",
                           *[a.format(graph=graph) for a in args]],
                          capture_output=True, cwd=tmp_path, timeout=300)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("kg: error: "), err
    assert not any(p.name.startswith(("out", ".out")) for p in tmp_path.rglob("*"))
