"""kg.scale: the same graph from one process, a process pool and a Dask cluster; bad
options as one-line errors; progress only on a terminal."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.scale.chunks import available_cores, check_jobs, chunked
from kg.scale.cluster import check_scheduler
from kg.scale.progress import Progress, Timings, wants_bar
from kg.scale.run import Plan
from tests.conftest import SEED_ARTICLES

ARTICLES = sorted(SEED_ARTICLES.glob("*.jsonl"))[:5]


def kg(*args: object, timeout: float = 600) -> subprocess.CompletedProcess:
    """`kg` in a fresh process, as a user runs it (worker processes and all)."""
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    return proc.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five seed articles in one JSON Lines file: three chunks of two."""
    path = tmp_path_factory.mktemp("scale") / "corpus.jsonl"
    path.write_text("".join(p.read_text(encoding="utf-8") for p in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_process(corpus: Path) -> bytes:
    """The reference: `--jobs 1`, in this process, with the parse."""
    out = corpus.parent / "jobs1.nq"
    proc = kg("build", corpus, "-o", out, "--jobs", 1, "--chunk-size", 2, "-v")
    assert proc.returncode == 0, proc.stderr
    assert "stage timings in this process (5 documents" in proc.stderr
    assert "parse " in proc.stderr
    return out.read_bytes()


def test_chunks_are_consecutive_and_fixed_in_size() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked(iter(()), 3)) == []
    with pytest.raises(KgError):
        list(chunked(range(3), 0))


def test_jobs_must_be_positive_and_default_to_the_cores_available() -> None:
    assert check_jobs(3) == 3
    with pytest.raises(KgError, match="--jobs must be at least 1"):
        check_jobs(0)
    assert Plan().workers == available_cores() >= 1
    assert Plan(jobs=5).workers == 5


@pytest.mark.parametrize("address", ["local", "tcp://10.0.0.5:8786", "tls://sched.example:8786",
                                     "tcp://[::1]:8786"])
def test_scheduler_addresses_that_are_accepted(address: str) -> None:
    assert check_scheduler(address) == address


@pytest.mark.parametrize("address", ["10.0.0.5:8786", "http://host:8786", "tcp://host",
                                     "tcp://host:port", "Local", ""])
def test_scheduler_addresses_that_are_refused(address: str) -> None:
    with pytest.raises(KgError, match="--scheduler"):
        check_scheduler(address)


def test_without_dask_the_scheduler_option_says_how_to_install_it(monkeypatch) -> None:
    from kg.scale.cluster import _distributed

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(KgError, match=r"pip install 'kg\[dask\]'"):
        _distributed()


def test_no_bar_unless_a_terminal_and_not_quiet() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert wants_bar(False, Tty()) and not wants_bar(True, Tty())
    assert not wants_bar(False, io.StringIO())


def test_the_bar_draws_only_when_enabled() -> None:
    shown, hidden = io.StringIO(), io.StringIO()
    for stream, enabled in ((shown, True), (hidden, False)):
        bar = Progress("build", 10, enabled, stream=stream, every=0)
        bar.update(4, 40)
        bar.close()
        assert bar.items == 4 and bar.sentences == 40
    assert "build" in shown.getvalue() and "4/10" in shown.getvalue()
    assert "sentences/s" in shown.getvalue()
    assert hidden.getvalue() == ""


def test_timings_add_up_per_stage_in_first_seen_order() -> None:
    from collections import Counter

    t = Timings()
    t.merge(Counter({"parse": 1.5, "events": 0.25}))
    t.merge(Counter({"parse": 0.5}))
    assert t.report("x") == "x: parse 2.00 s, events 0.25 s"


@pytest.mark.slow
@pytest.mark.parametrize("bad", ["0", "-2"])
def test_jobs_below_one_is_a_one_line_error(corpus: Path, bad: str) -> None:
    err = one_line_error(kg("build", corpus, "--no-parse", "--jobs", bad, "-o", "-"))
    assert "--jobs must be at least 1" in err


@pytest.mark.slow
def test_a_malformed_scheduler_is_a_one_line_error(corpus: Path) -> None:
    err = one_line_error(kg("extract", corpus, "--no-parse", "--scheduler", "sched:8786"))
    assert "tcp://HOST:PORT" in err


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_one_line_error(corpus: Path) -> None:
    from kg.serve.oxigraph import free_port

    address = f"tcp://127.0.0.1:{free_port()}"
    err = one_line_error(kg("build", corpus, "--no-parse", "--scheduler", address, "-o", "-"))
    assert f"cannot reach the Dask scheduler at {address}" in err


@pytest.mark.slow
def test_workers_run_one_torch_thread() -> None:
    code = ("from kg.scale.work import one_thread; one_thread(); import torch; "
            "print(torch.get_num_threads())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "1", out.stderr


@pytest.mark.slow
def test_two_worker_processes_write_the_same_bytes(corpus: Path, one_process: bytes) -> None:
    out = corpus.parent / "jobs2.nq"
    proc = kg("build", corpus, "-o", out, "--jobs", 2, "--chunk-size", 2, "-v")
    assert proc.returncode == 0, proc.stderr
    assert "stage timings on 2 worker processes (5 documents" in proc.stderr
    assert out.read_bytes() == one_process
    assert b"kg-bn/graph/document/" in one_process


@pytest.mark.slow
def test_extract_with_two_workers_gives_the_same_lines(corpus: Path) -> None:
    runs = [kg("extract", corpus, "--jobs", n, "--chunk-size", 2) for n in (1, 2)]
    assert all(p.returncode == 0 for p in runs), runs[1].stderr
    assert runs[0].stdout == runs[1].stdout
    assert len(runs[0].stdout.splitlines()) >= 20


@pytest.mark.slow
def test_a_dask_local_cluster_writes_the_same_bytes(corpus: Path, one_process: bytes) -> None:
    pytest.importorskip("distributed")
    out = corpus.parent / "dask.nq"
    proc = kg("build", corpus, "-o", out, "--scheduler", "local", "--jobs", 2,
              "--chunk-size", 2, "-v")
    assert proc.returncode == 0, proc.stderr
    assert "stage timings on Dask (local) (5 documents" in proc.stderr
    assert "1 partition read by the workers" in proc.stderr  # kg.scale.shards
    assert out.read_bytes() == one_process


@pytest.mark.slow
def test_a_dask_local_cluster_takes_stdin_from_the_client(corpus: Path,
                                                          one_process: bytes) -> None:
    """stdin is read by the client, which sends the documents (no shards)."""
    pytest.importorskip("distributed")
    out = corpus.parent / "dask-stdin.nq"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", "-", "-o", str(out),
                           "--scheduler", "local", "--jobs", "2", "--chunk-size", "2", "-v"],
                          input=corpus.read_text(encoding="utf-8"), capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "stage timings on Dask (local) (5 documents" in proc.stderr
    assert "read by the workers" not in proc.stderr
    assert out.read_bytes() == one_process


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("quiet", [False, True])
def test_push_counts_graphs_on_a_bar_unless_quiet(monkeypatch, quiet: bool) -> None:
    from kg.serve.http import HttpClient
    from kg.serve.push import Pusher
    from kg.serve.urls import derive_endpoints
    from tests.serve.helpers import Stub

    stub = Stub()
    stub.thread.start()
    err = _Tty()
    monkeypatch.setattr(sys, "stderr", err)
    try:
        targets = {f"http://example.org/g{i}": {f"<http://a> <http://b> \"{i}\" ."}
                   for i in range(3)}
        Pusher(HttpClient(timeout=10), derive_endpoints(stub.url), "gsp",
               quiet=quiet).push(targets, replace=False)
    finally:
        stub.stop()
    assert len(stub.writes()) == 3
    assert ("3/3" in err.getvalue()) is not quiet


def test_a_chunk_gives_what_the_pipeline_gives_one_document_at_a_time(pipeline) -> None:
    """run_chunk is what every worker runs: it must be Pipeline.run, batched."""
    from kg.scale.work import run_chunk
    from kg.text.documents import Document
    from kg.text.segment import normalize

    texts = ["রাশিয়া ইউক্রেনে হামলা চালিয়েছে। যুক্তরাষ্ট্র রাশিয়ার কড়া সমালোচনা করেছে।",
             "আজ আবহাওয়া ভালো।",
             "ভারত ও বাংলাদেশ একটি চুক্তি সই করেছে। চীন উদ্বেগ জানিয়েছে।"]
    docs = [Document(f"d{i}", normalize(t)) for i, t in enumerate(texts)]
    chunk = run_chunk(pipeline, 7, docs)
    assert chunk.index == 7 and chunk.sentences == 5
    assert [r.records for r in chunk.results] == [pipeline.run(d).records for d in docs]
    assert [r.actors.keys() for r in chunk.results] == [pipeline.run(d).actors.keys()
                                                         for d in docs]
    assert any(r.records for r in chunk.results)
    assert chunk.timings["parse"] > 0 and "events" in chunk.timings


def _stderr_on_a_terminal(*args: object) -> str:
    """What `kg` writes to stderr when stderr is a terminal (a pty without a size, as in
    CI's or `script`'s)."""
    import os
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(300) == 0
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_build_draws_a_bar_on_a_terminal_only(corpus: Path, tmp_path: Path) -> None:
    args = ["build", corpus, "--no-parse", "--jobs", 1, "--chunk-size", 2, "-o",
            tmp_path / "g.nq"]
    shown = _stderr_on_a_terminal(*args)
    assert "build:" in shown and "5/5" in shown and "sentences/s" in shown
    assert "build:" not in _stderr_on_a_terminal(*args, "--quiet")
    piped = kg(*args)
    assert piped.returncode == 0 and "build:" not in piped.stderr and "\r" not in piped.stderr
