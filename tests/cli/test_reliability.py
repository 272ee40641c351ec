"""Issue 12: nothing the user had is lost. Runs are real `kg` processes, rules only
(KG_NO_PARSE=1) to keep them quick; each test reproduces a failure of the earlier code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.rdf.dataset import Dataset

EVENT_TEXT = "রাশিয়ার প্রেসিডেন্ট পুতিন উত্তর কোরিয়া সফর করেছেন।"
ENV = dict(os.environ, KG_NO_PARSE="1", OMP_NUM_THREADS="1")
KG = [sys.executable, "-m", "kg.cli"]


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *map(str, args)], capture_output=True, timeout=300, env=ENV)


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


def test_two_appends_at_once_both_keep_their_documents(tmp_path):
    target = tmp_path / "same.trig"
    docs = [jsonl(tmp_path / f"d{i}.jsonl", {"id": f"doc-{i}", "text": EVENT_TEXT * 40})
            for i in range(2)]
    procs = [subprocess.Popen([*KG, "build", "--append", str(target), str(d)], env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for d in docs]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    graphs = Dataset.read(target).document_graphs()
    assert sorted(g.rsplit("/", 1)[1] for g in graphs) == ["doc-0", "doc-1"]


def test_ids_that_mint_the_same_iri_are_refused(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"id": "a b", "text": EVENT_TEXT},
                {"id": "a-b", "text": EVENT_TEXT})
    err = one_line_error(run("build", src, "-o", tmp_path / "g.trig"))
    assert "'a b' and 'a-b' both become the IRI" in err
    assert not (tmp_path / "g.trig").exists()


@pytest.mark.parametrize("content", [b"", "খেলায় বাংলাদেশ জিতেছে।".encode()])
def test_an_eventless_input_does_not_replace_a_graph_without_force(tmp_path, content):
    out = tmp_path / "graph.ttl"
    assert run("build", jsonl(tmp_path / "a.jsonl", {"id": "a", "text": EVENT_TEXT}),
               "-o", out).returncode == 0
    before = out.read_bytes()
    empty = tmp_path / "e.txt"
    empty.write_bytes(content)
    err = one_line_error(run("build", empty, "-o", out))
    assert "no events" in err and "--force" in err
    assert out.read_bytes() == before
    assert run("build", empty, "-o", out, "--force").returncode == 0
    assert out.read_bytes() != before


def test_an_eventless_extract_does_not_replace_records_without_force(tmp_path):
    out = tmp_path / "events.jsonl"
    out.write_text("old records\n", encoding="utf-8")
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert "no events" in one_line_error(run("extract", empty, "-o", out))
    assert out.read_text(encoding="utf-8") == "old records\n"


def test_an_empty_input_still_builds_where_there_was_no_graph(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert run("build", empty, "-o", tmp_path / "g.ttl").returncode == 0
    assert (tmp_path / "g.ttl").exists()
