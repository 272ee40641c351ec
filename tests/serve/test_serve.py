"""`kg serve`: loads a file, answers queries, and leaves nothing behind however it ends
(Ctrl-C, SIGTERM, SIGKILL, or a previous run killed with its janitor)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kg.rdf.dataset import Dataset as KgDataset
from tests.serve.helpers import banner_store, banner_url, one_line_error, read_banner, run_kg


def _count(query_url: str) -> int:
    body = urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    req = urllib.request.Request(query_url, data=body.encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return int(json.load(resp)["results"]["bindings"][0]["n"]["value"])


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _children(pid: int) -> list[int]:
    """Child processes of `pid` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found += [int(c) for c in text.split()]
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _eventually(check, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def test_serve_loads_the_file_answers_queries_and_stops_cleanly(files, serve_process):
    proc = serve_process(str(files["seed"]), "--port", "0")
    banner = read_banner(proc)
    url = banner_url(banner)
    assert url.startswith("http://127.0.0.1:")
    store = banner_store(banner)
    assert store.is_dir()
    assert _count(url + "/query") == KgDataset.read(files["seed"]).quad_count()
    proc.send_signal(signal.SIGINT)
    proc.wait(60)
    time.sleep(0.2)  # let the reader thread drain the pipe
    rest = []
    while not proc.banner_lines.empty():
        rest.append(proc.banner_lines.get())
    assert proc.returncode == 0 and "stopped\n" in rest
    assert not store.exists() and not store.parent.exists()
    assert not _port_open(int(url.rsplit(":", 1)[1]))


def test_serve_keeps_a_given_location_and_stops_on_sigterm(files, serve_process, tmp_path):
    store = tmp_path / "store"
    proc = serve_process(str(files["all"]), "--port", "0", "--location", str(store))
    banner = read_banner(proc)
    assert "kept" in banner["store"]
    proc.send_signal(signal.SIGTERM)
    proc.wait(60)
    assert proc.returncode == 0 and store.is_dir() and any(store.iterdir())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkill_leaves_no_server_and_no_store(files, serve_process, tmp_path):
    """Issue 12.11: SIGKILL used to leave the Oxigraph child serving and its temporary
    store on disk."""
    proc = serve_process(str(files["seed"]), "--port", "0", env={"TMPDIR": str(tmp_path)})
    banner = read_banner(proc)
    port = int(banner_url(banner).rsplit(":", 1)[1])
    store = banner_store(banner)
    children = _children(proc.pid)
    assert store.is_dir() and children
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert _eventually(lambda: not _port_open(port), 5.0)
    assert _eventually(lambda: not any(_running(c) for c in children), 5.0)
    assert _eventually(lambda: not any(tmp_path.iterdir()), 5.0), list(tmp_path.iterdir())


def test_the_next_start_removes_stores_of_dead_runs(files, serve_process, tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / "kg-serve-stale"
    (stale / "store").mkdir(parents=True)
    (stale / "kg-serve.pid").write_text(f"{dead.pid}\n")
    running = tmp_path / "kg-serve-running"
    running.mkdir()
    (running / "kg-serve.pid").write_text(f"{os.getpid()}\n")
    foreign = tmp_path / "kg-serve-foreign"  # no pid file: not kg serve's to judge
    foreign.mkdir()
    proc = serve_process(str(files["seed"]), "--port", "0", env={"TMPDIR": str(tmp_path)})
    read_banner(proc)
    assert not stale.exists() and running.is_dir() and foreign.is_dir()


def test_serve_errors_are_one_line(files, tmp_path, monkeypatch, capsys):
    code, _, err = run_kg(monkeypatch, capsys, "serve", tmp_path / "missing.trig")
    assert code == 2 and "no such file" in one_line_error(err)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = run_kg(monkeypatch, capsys, "serve", files["seed"], "--port", str(port))
    assert code == 2 and "in use" in one_line_error(err)
    bad = tmp_path / "bad.ttl"
    bad.write_text("garbage <", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    code, _, err = run_kg(monkeypatch, capsys, "serve", bad, "--port", "0")
    assert code == 2 and "oxigraph load failed" in one_line_error(err)
    assert not any((tmp_path / "tmp").iterdir())  # the temporary store went too
