"""Fixtures of the kg.serve tests: an Oxigraph server, built files, an HTTP stub, kg serve
processes, and no credentials from the person running the tests.

kg modules are imported inside fixtures and tests, so that the regression tests of
issue 12 can also be run against the code before it (they then fail as they should)."""

from __future__ import annotations

import signal
import subprocess

import pytest

from tests.conftest import SEED_ARTICLE
from tests.serve.helpers import Stub, seed_sentences, start_serve, write_docs


@pytest.fixture
def oxigraph():
    """A fresh in-memory Oxigraph server on a free 127.0.0.1 port, stopped at teardown."""
    from kg.serve.oxigraph import OxigraphServer

    server = OxigraphServer().start()
    try:
        yield server
    finally:
        server.stop()
    assert server.process.poll() is not None


@pytest.fixture(scope="session")
def files(tmp_path_factory):
    """all.trig (doc-a, doc-b, doc-c cut from the seed article), changed.trig (doc-b
    shortened), seed.trig, as `kg build` writes them."""
    from kg.cli import cli

    tmp = tmp_path_factory.mktemp("endpoint")
    parts = seed_sentences()
    half = len(parts) // 2
    a, b, c = " ".join(parts), " ".join(parts[:half]), " ".join(parts[half:])
    sources = {"all": write_docs(tmp / "all.jsonl", {"doc-a": a, "doc-b": b, "doc-c": c}),
               "changed": write_docs(tmp / "b2.jsonl", {"doc-b": " ".join(parts[: half // 2])}),
               "seed": SEED_ARTICLE}
    out = {key: tmp / f"{key}.trig" for key in sources}
    for key, src in sources.items():
        cli.main(["build", str(src), "-o", str(out[key])], standalone_mode=False)
    return out


@pytest.fixture
def stub():
    s = Stub()
    s.thread.start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def no_credentials(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


@pytest.fixture
def serve_process():
    """Start `kg serve` processes; whatever still runs at teardown is stopped."""
    procs: list[subprocess.Popen] = []

    def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
        procs.append(start_serve(*args, env=env))
        return procs[-1]

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
