"""`kg query`: every command on the seed article's graph and on the small graph, its
output formats and column orders, and its exit codes (0 results, 1 nothing found,
2 usage errors and bad input, as one line on stderr)."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest
from click.testing import CliRunner

import kg.query.algorithms as algorithms
from kg.cli import cli
from tests.conftest import SEED_ARTICLE
from tests.query.small_graph import COUNTRIES


def run(*args: str):
    return CliRunner().invoke(cli, ["query", *args])


# ---------------------------------------------------------------- seed graph


def test_cli_allies_russia_on_seed(seed_graph_file):
    res = run("allies", "Russia", "--graph", str(seed_graph_file), "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows[0]["label"] == "North Korea" and rows[0]["rank"] == 1
    assert list(rows[0]) == ["rank", "actor", "label", "type", "weight", "coop", "conflict",
                             "events"]


def test_cli_rivals_russia_lists_ukraine(seed_graph_file):
    res = run("rivals", "Russia", "--graph", str(seed_graph_file))
    assert res.exit_code == 0 and "Ukraine" in res.stdout


def test_cli_path_prints_hops_and_events(seed_graph_file):
    res = run("path", "Kim Jong Un", "Ukraine", "--graph", str(seed_graph_file))
    assert res.exit_code == 0, res.output
    first = res.stdout.splitlines()[0]
    assert first.startswith("Kim Jong Un → ") and first.split("  (")[0].endswith("Ukraine")
    assert "hops" in first and "evidence" in res.stdout


@pytest.mark.parametrize("args", [
    ["actors"], ["neighbors", "রাশিয়ার"], ["events", "--type", "SUPPORT"],
    ["central", "-k", "3"], ["blocs"], ["timeline", "পুতিনকে"], ["stats"],
    ["allies", "Putin", "--level", "country"],
    ["sparql", "SELECT ?a WHERE { ?a a kgo:Country }"],
])
def test_cli_every_command_answers_on_seed(seed_graph_file, args):
    res = run(*args, "--graph", str(seed_graph_file), "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert len(rows) >= 2  # header + at least one row


def test_cli_events_json_columns_are_stable(seed_graph_file):
    res = run("events", "--type", "assault", "--graph", str(seed_graph_file), "--format",
              "json")
    rows = json.loads(res.stdout)
    assert res.exit_code == 0 and len(rows) == 1
    assert list(rows[0])[:4] == ["event", "date", "type", "quad"]
    assert rows[0]["source"] == ["Russia"] and rows[0]["target"] == ["Ukraine"]


def test_cli_reads_input_texts_directly():
    res = run("allies", "Russia", "--graph", str(SEED_ARTICLE), "--format", "tsv", "-k", "1")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1].split("\t")[2] == "North Korea"


# ---------------------------------------------------------------- central


def test_cli_central_shows_every_measure_by_default(seed_graph_file):
    res = run("central", "--graph", str(seed_graph_file), "-k", "3")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0].split() == ["rank", "label", "type", "degree", "in",
                                                  "out", "pagerank", "betweenness"]


def test_cli_central_by_degree_does_not_compute_betweenness(seed_graph_file, monkeypatch):
    def not_asked(*_args, **_kwargs):
        raise AssertionError("betweenness computed for --by degree")

    monkeypatch.setattr(algorithms, "betweenness", not_asked)
    monkeypatch.setattr(algorithms, "pagerank", not_asked)
    res = run("central", "--by", "degree", "--graph", str(seed_graph_file), "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    # the columns stay fixed for scripts; what was not computed is null
    assert list(rows[0]) == ["rank", "actor", "label", "type", "degree", "in", "out",
                             "pagerank", "betweenness"]
    assert rows[0]["pagerank"] is None and rows[0]["betweenness"] is None
    degrees = [r["degree"] for r in rows]
    assert degrees == sorted(degrees, reverse=True)
    table = run("central", "--by", "degree", "--graph", str(seed_graph_file))
    assert table.stdout.splitlines()[0].split()[-1] == "out"


# ---------------------------------------------------------------- small graph


def test_cli_allies_ranking_on_small_graph(small_file):
    res = run("allies", "Avalon", "--graph", str(small_file), "--format", "tsv")
    lines = res.stdout.splitlines()
    assert res.exit_code == 0
    assert lines[0].split("\t") == ["rank", "actor", "label", "type", "weight", "coop",
                                    "conflict", "events"]
    assert [ln.split("\t")[2] for ln in lines[1:]] == ["Borduria", "Carpania"]


def test_cli_path_on_small_graph_json(small_file):
    res = run("path", "Carpania", "Freedonia", "--graph", str(small_file), "--format", "json")
    rows = json.loads(res.stdout)
    assert res.exit_code == 0
    hops = sorted({(r["hop"], r["from"], r["to"]) for r in rows})
    assert hops == [(1, "Carpania", "Avalon"), (2, "Avalon", "Drusselstein"),
                    (3, "Drusselstein", "Freedonia")]


def test_cli_blocs_on_small_graph(small_file):
    res = run("blocs", "--graph", str(small_file), "--format", "json")
    rows = json.loads(res.stdout)
    blocs: dict[int, set[str]] = {}
    for r in rows:
        blocs.setdefault(r["bloc"], set()).add(r["label"])
    assert {"Avalon", "Borduria", "Carpania"} in blocs.values()


def test_cli_sparql_ask_and_file(small_file, tmp_path):
    res = run("sparql", "ASK { ?e a kgo:Assault }", "--graph", str(small_file))
    assert (res.exit_code, res.stdout.strip()) == (0, "true")
    res = run("sparql", "ASK { ?e a kgo:Protest }", "--graph", str(small_file))
    assert (res.exit_code, res.stdout.strip()) == (1, "false")
    qfile = tmp_path / "q.rq"
    qfile.write_text("SELECT ?l WHERE { ?a a kgo:Country ; rdfs:label ?l } ORDER BY ?l",
                     encoding="utf-8")
    res = run("sparql", f"@{qfile}", "--graph", str(small_file), "--format", "json",
              "--store", "oxigraph")
    assert [r["l"] for r in json.loads(res.stdout)] == sorted(
        en for _q, en, _bn in COUNTRIES.values())


# ---------------------------------------------------------------- exit codes


def test_cli_unknown_actor_exits_1_with_suggestions(small_file):
    res = run("allies", "Avalom", "--graph", str(small_file))
    assert res.exit_code == 1
    assert "did you mean" in res.stderr and "Avalon" in res.stderr


def test_cli_nothing_found_exits_1(small_file):
    res = run("rivals", "Carpania", "--graph", str(small_file), "--format", "json")
    assert res.exit_code == 1 and json.loads(res.stdout) == []
    res = run("events", "--since", "2030", "--graph", str(small_file))
    assert res.exit_code == 1 and "no events" in res.stderr


@pytest.mark.parametrize("args", [
    ["events", "--type", "NOPE"], ["events", "--since", "2024-13-01"],
    ["events", "--quad", "friendly"], ["allies"], ["central", "--by", "fame"],
    ["allies", "Avalon", "--format", "xml"],
])
def test_cli_usage_errors_exit_2(small_file, args):
    res = run(*args, "--graph", str(small_file))
    assert res.exit_code == 2, res.output


@pytest.mark.parametrize("make", [
    lambda d: d / "missing.ttl",
    lambda d: (d / "bad.ttl").write_text("@prefix : <x> . :a :b", encoding="utf-8") and
    d / "bad.ttl",
])
def test_main_reports_bad_graph_in_one_line(tmp_path, monkeypatch, capsys, make):
    from kg.cli import main

    path = make(tmp_path)
    monkeypatch.setattr(sys, "argv", ["kg", "query", "stats", "--graph", str(path)])
    with pytest.raises(SystemExit) as exc:
        main()
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith("kg: error:") and err.count("\n") == 1 and "Traceback" not in err


def test_main_reports_bad_sparql_in_one_line(small_file, monkeypatch, capsys):
    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", "query", "sparql", "SELEKT ?x",
                                      "--graph", str(small_file)])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 2
    assert capsys.readouterr().err.startswith("kg: error: SPARQL")
