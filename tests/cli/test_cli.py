"""The command line: extract/build/evaluate/validate, and bad input handled cleanly."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from kg.cli import cli
from kg.rdf.vocab import KGO
from tests.conftest import SEED_ARTICLE, SEED_GOLD


def run(*args, input=None):
    """Run `kg` in a subprocess, as a user would (stderr and exit code included)."""
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], input=input,
                          capture_output=True, timeout=300)


def one_line_error(proc):
    err = proc.stderr.decode()
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_extract_writes_schema_records_as_json_lines():
    result = CliRunner().invoke(cli, ["extract", str(SEED_ARTICLE)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) >= 15
    assert {r["doc"] for r in records} == {"seed-putin-north-korea"}


def test_build_writes_turtle_and_prints_a_summary(tmp_path):
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(cli, ["build", str(SEED_ARTICLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("@prefix")
    assert "events by type" in result.output and "Vladimir Putin" in result.output


@pytest.mark.parametrize(("name", "fmt", "needle"), [
    ("g.nt", None, "<https://w3id.org/kg-bn/"),
    ("g.nq", None, "<https://w3id.org/kg-bn/graph/document/seed-putin-north-korea>"),
    ("g.trig", None, "<https://w3id.org/kg-bn/graph/actors>"),
    ("g.jsonld", None, "@id"),
    ("g.out", "nt", "<https://w3id.org/kg-bn/"),
])
def test_build_formats_follow_extension_or_option(tmp_path, name, fmt, needle):
    out = tmp_path / name
    args = ["build", str(SEED_ARTICLE), "-o", str(out)] + (["--format", fmt] if fmt else [])
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert needle in out.read_text(encoding="utf-8")


def test_evaluate_prints_f1_at_least_0_80_on_the_seed_gold():
    result = CliRunner().invoke(cli, ["evaluate", str(SEED_GOLD), "--verbose"])
    assert result.exit_code == 0
    f1 = float(result.output.split("F1 ")[1].split()[0])
    assert f1 >= 0.80, result.output


def test_evaluate_ablation_scores_parse_and_filter_each_on_and_off():
    result = CliRunner().invoke(cli, ["evaluate", str(SEED_GOLD), "--ablation"])
    assert result.exit_code == 0, result.output
    labels = [line.split("]")[0] + "]" for line in result.output.splitlines()
              if line.startswith(SEED_GOLD.name)]
    assert labels == [f"{SEED_GOLD.name} [{p}, {f}]" for p in ("no parse", "parse")
                      for f in ("no filter", "filter")]


def test_evaluate_scores_a_prediction_file(tmp_path):
    preds = tmp_path / "pred.jsonl"
    preds.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(SEED_GOLD), "--pred", str(preds)])
    assert result.exit_code == 0 and "F1 0.000" in result.output


def test_validate_reports_conformance(tmp_path):
    out = tmp_path / "g.ttl"
    CliRunner().invoke(cli, ["build", str(SEED_ARTICLE), "-o", str(out)])
    result = CliRunner().invoke(cli, ["validate", str(out)])
    assert result.exit_code == 0 and "conforms" in result.output


def test_stdin_input():
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    proc = run("extract", "-", input=text.encode())
    assert proc.returncode == 0
    assert len(proc.stdout.decode().splitlines()) >= 15


def test_missing_file_is_a_one_line_error_and_keeps_the_old_output(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("old graph", encoding="utf-8")
    proc = run("build", tmp_path / "nope.txt", "-o", out)
    assert "no such file" in one_line_error(proc)
    assert proc.returncode == 2
    assert out.read_text(encoding="utf-8") == "old graph"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]  # no temp file left


def test_invalid_utf8_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("রাশিয়া".encode() + b"\xff\xfe")
    assert "not valid UTF-8" in one_line_error(run("extract", bad))


def test_invalid_jsonl_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "ভারত"}\n{not json\n', encoding="utf-8")
    assert "bad.jsonl:2" in one_line_error(run("extract", bad))


@pytest.mark.parametrize("content", ["", "Putin visited North Korea on Tuesday.\n" * 20])
def test_empty_or_english_only_input_gives_an_empty_graph(tmp_path, content):
    src = tmp_path / "doc.txt"
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "g.ttl"
    proc = run("build", src, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "0 events" in proc.stdout.decode()
    graph = Graph().parse(out)
    assert not list(graph.subjects(RDF.type, KGO.Event))


def test_a_50_mb_file_is_handled(tmp_path):
    big = tmp_path / "big.txt"
    line = "The ministers met again in Geneva and talked for many hours.\n"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert big.stat().st_size >= 50 * 1024 * 1024
    proc = run("build", big, "-o", tmp_path / "g.ttl")
    assert proc.returncode == 0, proc.stderr
    assert "0 events" in proc.stdout.decode()


def test_directory_with_mixed_files(tmp_path):
    (tmp_path / "a.txt").write_text("পুতিন উত্তর কোরিয়া সফর করেন।", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "b", "text": "ভারত বাংলাদেশকে সহায়তা দিয়েছে।", "date": "2025-01-02"},
                   ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    proc = run("extract", tmp_path)
    assert proc.returncode == 0, proc.stderr
    docs = {json.loads(line)["doc"] for line in proc.stdout.decode().splitlines()}
    assert docs == {"a", "b"}


def test_directory_without_articles_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert "no .txt or .jsonl" in one_line_error(run("extract", tmp_path))


def test_no_input_is_a_usage_error():
    assert "no input" in one_line_error(run("build"))


def test_unknown_format_is_a_usage_error(tmp_path):
    proc = run("build", SEED_ARTICLE, "--format", "xml", "-o", tmp_path / "g.xml")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()


def test_a_superscript_digit_is_not_a_day_of_the_month(tmp_path):
    """Found by the fuzz test: "²" passes str.isdigit() but not int(), and the calendar's
    date reading crashed the build with an internal error."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "sup", "text": "পুতিন ² জুন উত্তর কোরিয়া সফর করেছেন।"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    proc = run("build", src, "-o", tmp_path / "g.ttl", "--no-parse")
    assert proc.returncode == 0, proc.stderr
