"""Issue 12: nothing the user had is lost. Runs are real `kg` processes, rules only
(KG_NO_PARSE=1) to keep them quick; each test reproduces a failure of the earlier code."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.rdf.dataset import Dataset

EVENT_TEXT = "রাশিয়ার প্রেসিডেন্ট পুতিন উত্তর কোরিয়া সফর করেছেন।"
ENV = dict(os.environ, KG_NO_PARSE="1", OMP_NUM_THREADS="1")
KG = [sys.executable, "-m", "kg.cli"]


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *map(str, args)], capture_output=True, timeout=300, env=ENV)


def run_pre(*args: object, input: bytes | None = None, pre: str = ""
            ) -> subprocess.CompletedProcess:
    """`kg ARGS` in a fresh process; `pre` is Python run first (to shrink a limit)."""
    code = f"{pre}\nfrom kg.cli import main\nmain()"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], input=input,
                          capture_output=True, timeout=300, env=ENV)


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


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


def test_append_refuses_an_id_that_mints_an_existing_documents_iri(tmp_path):
    target = tmp_path / "g.trig"
    first = jsonl(tmp_path / "a.jsonl", {"id": "a b", "text": EVENT_TEXT})
    assert run("build", first, "-o", target).returncode == 0
    before = target.read_bytes()
    second = jsonl(tmp_path / "b.jsonl", {"id": "a-b", "text": EVENT_TEXT})
    err = one_line_error(run("build", "--append", target, second))
    assert "holds document 'a b'" in err and "'a-b'" in err
    assert target.read_bytes() == before
    assert leftovers(tmp_path, {"g.trig", "a.jsonl", "b.jsonl"}) == []


# ---------------------------------------------------------------- item 5: input limits
def test_a_device_that_never_ends_is_refused(tmp_path):
    start = time.monotonic()
    err = one_line_error(run("build", "/dev/zero", "-o", tmp_path / "g.ttl"))
    assert "/dev/zero" in err and "byte limit" in err
    assert leftovers(tmp_path, set()) == []
    assert time.monotonic() - start < 60


LIMIT = "import kg.text.documents as d; d.MAX_DOCUMENT_BYTES = 4096; d.MAX_BYTES = 20000"


def test_stdin_is_held_to_the_document_limit(tmp_path):
    err = one_line_error(run_pre("build", "-", "-o", tmp_path / "g.ttl", pre=LIMIT,
                                 input=("ক " * 5000).encode()))
    assert "stdin" in err and "4096 byte limit" in err
    assert leftovers(tmp_path, set()) == []


def test_stdin_records_are_held_to_the_run_limit(tmp_path):
    records = "".join(json.dumps({"id": f"x{i}", "text": "ক" * 600}) + "\n" for i in range(40))
    err = one_line_error(run_pre("extract", "-", "-o", tmp_path / "e.jsonl", pre=LIMIT,
                                 input=records.encode()))
    assert "stdin:" in err and "20000 byte limit" in err
    assert leftovers(tmp_path, set()) == []


def test_a_fifo_is_held_to_the_run_limit(tmp_path):
    fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-c", f"{LIMIT}\nfrom kg.cli import main\nmain()",
                             "build", fifo, "-o", tmp_path / "g.ttl"], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with open(fifo, "w", encoding="utf-8") as fh:  # a pipe: no size until read
            for i in range(40):
                fh.write(json.dumps({"id": f"x{i}", "text": "ক" * 600}) + "\n")
    except BrokenPipeError:
        pass  # the reader stopped at the limit, as it should
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 2 and "20000 byte limit" in err.decode(), err
    assert len(err.decode().strip().splitlines()) == 1
    assert leftovers(tmp_path, {"in.jsonl"}) == []


def test_one_jsonl_line_is_held_to_the_document_limit(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", {"id": "big", "text": "ক" * 5000})
    err = one_line_error(run_pre("build", src, "-o", tmp_path / "g.ttl", pre=LIMIT))
    assert "in.jsonl:1: one line is over the 4096 byte limit" in err


# ---------------------------------------------------------------- SIGTERM
def test_sigterm_during_the_write_leaves_no_temp_file(tmp_path):
    out = tmp_path / "g.trig"
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": EVENT_TEXT})
    # The write's fsync sends SIGTERM to the process and waits for it: the signal lands
    # while the temporary file and the sort's folder exist.
    pre = ("import os, signal, time\n"
           "def slow(fd):\n"
           "    os.kill(os.getpid(), signal.SIGTERM); time.sleep(5)\n"
           "os.fsync = slow")
    proc = run_pre("build", src, "-o", out, pre=pre)
    assert proc.returncode == 143 and b"terminated" in proc.stderr, proc.stderr
    assert leftovers(tmp_path, {"a.jsonl"}) == []


def test_sigterm_of_a_running_build_leaves_no_files(tmp_path):
    out = tmp_path / "g.trig"
    assert run("build", jsonl(tmp_path / "old.jsonl", {"id": "old", "text": EVENT_TEXT}),
               "-o", out).returncode == 0
    before = out.read_bytes()
    src = jsonl(tmp_path / "a.jsonl", *({"id": f"d{i}", "text": EVENT_TEXT * 20}
                                        for i in range(300)))
    proc = subprocess.Popen([*KG, "build", src, "-o", out], env=ENV, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while not list(tmp_path.glob(".kg-sort.*")) and proc.poll() is None:
        assert time.monotonic() < deadline, "the build never started"
        time.sleep(0.05)  # wait until the build has files to clean up
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 143 and b"kg: terminated" in err, err
    assert leftovers(tmp_path, {"a.jsonl", "old.jsonl", "g.trig"}) == []
    assert out.read_bytes() == before


# ---------------------------------------------------------------- reading records
def test_raw_line_separators_inside_json_strings_are_accepted(tmp_path):
    src = tmp_path / "in.jsonl"
    record = {"id": "ls", "text": EVENT_TEXT + "\u2028" + EVENT_TEXT + "\u0085x"}
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert "\u2028" in src.read_text(encoding="utf-8")
    proc = run("extract", src)
    assert proc.returncode == 0, proc.stderr
    assert {json.loads(line)["doc"] for line in proc.stdout.decode().split("\n") if line} == {"ls"}


@pytest.mark.parametrize("field", ["id", "text"])
def test_a_lone_surrogate_is_a_clear_error(tmp_path, field):
    src = tmp_path / "in.jsonl"
    record = {"id": "a", "text": EVENT_TEXT}
    record[field] += "\\ud800"
    src.write_text(json.dumps(record, ensure_ascii=False).replace("\\\\ud800", "\\ud800")
                   + "\n", encoding="utf-8")
    err = one_line_error(run("build", src, "-o", tmp_path / "g.ttl"))
    assert f"in.jsonl:1: '{field}' holds a lone surrogate (U+D800)" in err


def test_extract_streams_to_a_file_atomically(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", *({"id": f"d{i}", "text": EVENT_TEXT} for i in range(5)))
    out = tmp_path / "e.jsonl"
    proc = run("extract", src, "-o", out)
    assert proc.returncode == 0 and b"5 events from 5 documents" in proc.stderr, proc.stderr
    assert [json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()] \
        == [f"d{i}" for i in range(5)]
    assert run("extract", src).stdout == out.read_bytes()
    assert leftovers(tmp_path, {"in.jsonl", "e.jsonl"}) == []
