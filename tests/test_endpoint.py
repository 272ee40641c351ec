"""SPARQL endpoints against a real Oxigraph server on 127.0.0.1 (started and stopped by
fixtures), and failures against a tiny local HTTP stub: push, verify, query, serve."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from rdflib import Dataset

from kg.rdf.dataset import Dataset as KgDataset
from kg.serve.endpoint import (
    Endpoints,
    HttpClient,
    OxigraphServer,
    Pusher,
    count_triples,
    derive_endpoints,
    free_port,
    select,
)
from tests.conftest import SEED_ARTICLE
from tests.rdf.test_dataset import (
    ACTORS,
    DOC_GRAPH,
    corpus,  # noqa: F401 - a module fixture shared with test_dataset
    run_kg,
)

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted(p for p in (ROOT / "queries").glob("*.rq") if "federated" not in p.name)


# ---------------------------------------------------------------- fixtures
@pytest.fixture
def oxigraph():
    """A fresh in-memory Oxigraph server on a free 127.0.0.1 port, stopped at teardown."""
    server = OxigraphServer().start()
    try:
        yield server
    finally:
        server.stop()
    assert server.process.poll() is not None


@pytest.fixture(scope="module")
def files(tmp_path_factory, corpus):  # noqa: F811 - the fixture imported above
    """all.trig (doc-a, doc-b, doc-c), changed.trig (doc-b shortened), seed.trig."""
    from kg.cli.build import build

    tmp = tmp_path_factory.mktemp("endpoint")
    out = {"all": tmp / "all.trig", "changed": tmp / "changed.trig", "seed": tmp / "seed.trig"}
    for key, src in (("all", corpus["all"]), ("changed", corpus["b2"]), ("seed", SEED_ARTICLE)):
        build.main([str(src), "-o", str(out[key])], standalone_mode=False)
    return out


class Stub:
    """A local HTTP server whose answers a test scripts: status, body, delay."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.script: list[tuple[int, bytes, float]] = []
        self.default: tuple[int, bytes, float] = (204, b"", 0.0)
        self.release = threading.Event()
        self.digest = False  # answer requests without Authorization with a Digest challenge
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                stub.requests.append({"method": self.command, "path": self.path,
                                      "headers": dict(self.headers),
                                      "body": self.rfile.read(length)})
                status, body, delay = stub.script.pop(0) if stub.script else stub.default
                challenge = stub.digest and "Authorization" not in self.headers
                if challenge:
                    status, body = 401, b"who are you?"
                if delay:
                    stub.release.wait(delay)
                try:
                    self.send_response(status)
                    if challenge:
                        self.send_header("WWW-Authenticate",
                                         'Digest realm="kg", nonce="n0nce", qop="auth"')
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (timeout test)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


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


def graph_text(server_url: str, graph: str) -> set[str]:
    """A graph's statements as the server holds them (Graph Store GET, N-Triples)."""
    req = urllib.request.Request(f"{server_url}/store?graph={quote(graph, safe='')}",
                                 headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        text = resp.read().decode("utf-8")
    return {line[:-2] for line in text.splitlines() if line.strip()}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- endpoint URLs
@pytest.mark.parametrize(("endpoint", "expected"), [
    ("http://127.0.0.1:7878", ("/query", "/update", "/store")),
    ("http://127.0.0.1:7878/query", ("/query", "/update", "/store")),
    ("http://h:3030/ds", ("/ds/query", "/ds/update", "/ds/data")),
    ("http://h:3030/ds/sparql", ("/ds/query", "/ds/update", "/ds/data")),
    ("http://h:7200/repositories/kg", ("/repositories/kg", "/repositories/kg/statements",
                                       "/repositories/kg/rdf-graphs/service")),
    ("http://h:8890/sparql", ("/sparql", "/sparql", "/sparql-graph-crud")),
    ("http://h:8890/sparql-auth", ("/sparql-auth", "/sparql-auth", "/sparql-graph-crud-auth")),
])
def test_endpoint_urls_follow_each_servers_convention(endpoint, expected):
    urls = derive_endpoints(endpoint)
    base = endpoint.split("/", 3)
    root = "/".join(base[:3])
    assert (urls.query, urls.update, urls.store) == tuple(root + p for p in expected)


@pytest.mark.parametrize(("endpoint", "graph", "expected"), [
    ("http://h:7878", "https://x/g#1", "http://h:7878/store?graph=https%3A%2F%2Fx%2Fg%231"),
    ("http://h:7878", "", "http://h:7878/store?default"),
    ("http://h:8890/sparql-auth", "https://x/g",
     "http://h:8890/sparql-graph-crud-auth?graph-uri=https%3A%2F%2Fx%2Fg"),
])
def test_graph_store_urls_name_the_graph(endpoint, graph, expected):
    pusher = Pusher(HttpClient(), derive_endpoints(endpoint))
    assert pusher._store_url(graph) == expected


def test_explicit_urls_override_the_derived_ones():
    urls = derive_endpoints("http://h:7878", store="http://h:1/gsp", update="http://h:2/u")
    assert urls == Endpoints("http://h:7878/query", "http://h:2/u", "http://h:1/gsp")


# ---------------------------------------------------------------- real server
@pytest.mark.parametrize("protocol", ["gsp", "update", "auto"])
def test_push_then_every_graph_is_on_the_server(oxigraph, files, monkeypatch, capsys,
                                                no_credentials, protocol):
    code, out, err = run_kg(monkeypatch, capsys, "push", files["all"], "--endpoint",
                            oxigraph.url, "--protocol", protocol, "--chunk-size", "300")
    assert code == 0, err
    local = KgDataset.read(files["all"])
    sent = local.quad_count()
    assert f"verified: {sent} triples sent, {sent} found" in out
    assert f"({'gsp' if protocol == 'auto' else protocol}," in out
    for graph, statements in local.graphs.items():
        assert graph_text(oxigraph.url, graph) == statements, graph


def test_auto_falls_back_to_sparql_update_when_the_store_url_is_missing(
        oxigraph, files, monkeypatch, capsys, no_credentials):
    code, out, _ = run_kg(monkeypatch, capsys, "push", files["seed"], "--endpoint", oxigraph.url,
                          "--store-url", oxigraph.url + "/no-graph-store")
    n = KgDataset.read(files["seed"]).quad_count()
    assert code == 0
    assert "(update," in out and f"verified: {n} triples sent, {n} found" in out


def test_one_graph_for_everything_in_chunks(oxigraph, files, monkeypatch, capsys,
                                            no_credentials):
    graph = "https://example.org/kg/all"
    code, out, _ = run_kg(monkeypatch, capsys, "push", files["all"], "--endpoint", oxigraph.url,
                          "--graph", graph, "--chunk-size", "250")
    assert code == 0
    merged = KgDataset.read(files["all"]).triples()
    assert graph_text(oxigraph.url, graph) == merged
    requests = int(out.split(" requests")[0].rsplit(" ", 1)[1])
    assert requests == -(-len(merged) // 250)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_repushing_a_changed_document_changes_no_other_document(oxigraph, files, monkeypatch,
                                                                capsys, no_credentials,
                                                                protocol):
    args = ["--endpoint", oxigraph.url, "--protocol", protocol]
    assert run_kg(monkeypatch, capsys, "push", files["all"], *args)[0] == 0
    docs = [DOC_GRAPH + d for d in ("doc-a", "doc-b", "doc-c")]
    before = {g: graph_text(oxigraph.url, g) for g in [*docs, ACTORS]}
    code, out, _ = run_kg(monkeypatch, capsys, "push", files["changed"], "--replace", *args)
    assert code == 0 and "verified" in out
    changed = KgDataset.read(files["changed"])
    assert graph_text(oxigraph.url, DOC_GRAPH + "doc-a") == before[DOC_GRAPH + "doc-a"]
    assert graph_text(oxigraph.url, DOC_GRAPH + "doc-c") == before[DOC_GRAPH + "doc-c"]
    new_b = graph_text(oxigraph.url, DOC_GRAPH + "doc-b")
    assert new_b == changed.graphs[DOC_GRAPH + "doc-b"] != before[DOC_GRAPH + "doc-b"]
    assert graph_text(oxigraph.url, ACTORS) >= before[ACTORS]  # shared graph: added to


def test_counts_over_http_match_the_file(oxigraph, files, monkeypatch, capsys, no_credentials):
    run_kg(monkeypatch, capsys, "push", files["all"], "--endpoint", oxigraph.url)
    local = KgDataset.read(files["all"])
    found = count_triples(HttpClient(timeout=10), oxigraph.url + "/query", list(local.graphs))
    assert found == {g: len(s) for g, s in local.graphs.items()}


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_queries_return_the_same_rows_on_rdflib_and_the_server(oxigraph, files, monkeypatch,
                                                               capsys, no_credentials, query):
    text = query.read_text(encoding="utf-8")
    local = Dataset()
    local.parse(files["seed"], format="trig")
    rdflib_rows = list(local.query(text))
    run_kg(monkeypatch, capsys, "push", files["seed"], "--endpoint", oxigraph.url)
    server_rows = select(HttpClient(timeout=30), oxigraph.url + "/query", text)
    assert rdflib_rows, f"{query.name} returns no rows on the seed graph"
    assert len(server_rows) == len(rdflib_rows)
    first = str(local.query(text).vars[0])
    assert {r[first]["value"] for r in server_rows} == {str(r[0]) for r in rdflib_rows}


def test_the_federated_query_is_documented_and_parses():
    from rdflib.plugins.sparql import prepareQuery

    text = (ROOT / "queries" / "wikidata-federated.rq").read_text(encoding="utf-8")
    assert "SERVICE <https://query.wikidata.org/sparql>" in text and "owl:sameAs" in text
    prepareQuery(text)


# ---------------------------------------------------------------- failures
def _push(monkeypatch, capsys, path: Path, url: str, *extra: str) -> tuple[int, str, str]:
    return run_kg(monkeypatch, capsys, "push", path, "--endpoint", url, *extra)


def _one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), err
    return lines[0]


def test_server_down_is_one_line_and_nothing_is_lost(files, monkeypatch, capsys,
                                                    no_credentials):
    before = digest(files["seed"])
    code, out, err = _push(monkeypatch, capsys, files["seed"], f"http://127.0.0.1:{free_port()}")
    assert code == 2 and "pushed" not in out
    assert "connection refused" in _one_line_error(err)
    assert digest(files["seed"]) == before


def test_a_4xx_answer_is_not_retried(stub, files, monkeypatch, capsys, no_credentials):
    stub.default = (400, b"Parse error: unexpected token\nmore detail", 0.0)
    code, _, err = _push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp")
    line = _one_line_error(err)
    assert code == 2
    assert "HTTP 400" in line and "Parse error: unexpected token" in line
    assert len(stub.requests) == 1


def test_a_5xx_answer_is_retried_with_backoff_then_fails(stub, files, monkeypatch, capsys,
                                                        no_credentials):
    stub.default = (503, b"busy", 0.0)
    start = time.monotonic()
    code, _, err = _push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                         "--retries", "2", "--backoff", "0.1")
    line = _one_line_error(err)
    assert code == 2 and "HTTP 503" in line and "(3 attempts)" in line
    assert len(stub.requests) == 3
    assert time.monotonic() - start >= 0.3  # waited 0.1 s, then 0.2 s


def test_a_passing_5xx_is_survived(stub, files, monkeypatch, capsys, no_credentials):
    stub.script = [(502, b"", 0.0)]
    code, out, _ = _push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                         "--backoff", "0", "--no-verify")
    assert code == 0 and f"pushed {KgDataset.read(files['seed']).quad_count()} triples" in out
    puts = [r for r in stub.requests if r["method"] == "POST"]
    assert len(puts) == 4  # 3 graphs, the first one twice


def test_a_timeout_is_bounded(stub, files, monkeypatch, capsys, no_credentials):
    stub.default = (204, b"", 5.0)
    start = time.monotonic()
    code, _, err = _push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                         "--timeout", "0.2", "--retries", "1", "--backoff", "0")
    line = _one_line_error(err)
    assert code == 2 and "no answer within 0.2 s (2 attempts)" in line
    assert time.monotonic() - start < 3.0
    assert len(stub.requests) == 2


def test_missing_triples_fail_the_verification(stub, files, monkeypatch, capsys, no_credentials):
    empty = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": []}}).encode()
    stub.default = (204, b"", 0.0)
    stub.script = [(204, b"", 0.0)] * 3 + [(200, empty, 0.0)]
    code, out, err = _push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp")
    n = KgDataset.read(files["seed"]).quad_count()
    assert code == 1
    assert f"pushed {n} triples" in out
    assert f"{n} triples sent, 0 found" in _one_line_error(err)


def test_credentials_come_from_the_environment_and_are_never_shown(stub, files, monkeypatch,
                                                                   capsys, tmp_path):
    secret = "s3cr3t-pa55"
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", secret)
    stub.default = (401, f"bad password {secret}".encode(), 0.0)
    code, out, err = _push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp")
    assert code == 2
    line = _one_line_error(err)
    assert "HTTP 401" in line and "KG_ENDPOINT_USER" in line
    assert secret not in out + err
    token = base64.b64encode(f"alice:{secret}".encode()).decode()
    assert stub.requests[0]["headers"]["Authorization"] == f"Basic {token}"


def test_credentials_from_a_netrc_file(stub, files, monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    rc = tmp_path / "netrc"
    rc.write_text("machine 127.0.0.1 login bob password n3trc-pw\n", encoding="utf-8")
    rc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(rc))
    code, _, _ = _push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                       "--no-verify")
    assert code == 0
    token = base64.b64encode(b"bob:n3trc-pw").decode()
    assert {r["headers"].get("Authorization") for r in stub.requests} == {f"Basic {token}"}


def test_digest_authentication_answers_the_challenge(stub, files, monkeypatch, capsys):
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "d1gest-pw")
    stub.digest = True
    code, _, err = _push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                         "--auth", "digest", "--no-verify")
    assert code == 0, err
    answered = [r for r in stub.requests if "Authorization" in r["headers"]]
    assert answered and len(stub.requests) == 2 * len(answered)
    fields = dict(re.findall(r'(\w+)="?([^",]+)"?', answered[0]["headers"]["Authorization"]))
    md5 = lambda text: hashlib.md5(text.encode()).hexdigest()  # noqa: E731
    ha1, ha2 = md5("alice:kg:d1gest-pw"), md5(f"POST:{fields['uri']}")
    expected = md5(f"{ha1}:n0nce:{fields['nc']}:{fields['cnonce']}:auth:{ha2}")
    assert fields["username"] == "alice" and fields["response"] == expected
    assert all("d1gest-pw" not in json.dumps(r["headers"]) for r in stub.requests)


def test_no_credentials_send_no_authorization(stub, files, monkeypatch, capsys, no_credentials):
    assert _push(monkeypatch, capsys, files["seed"], stub.url, "--no-verify")[0] == 0
    assert all("Authorization" not in r["headers"] for r in stub.requests)


@pytest.mark.parametrize(("args", "message"), [
    (["--endpoint", "http://alice:pw@127.0.0.1:1"], "not in the URL"),
    (["--endpoint", "ftp://127.0.0.1"], "not an http(s) URL"),
    (["--endpoint", "http://127.0.0.1:1", "--graph", "g1", ], "not an absolute IRI"),
    (["--endpoint", "http://127.0.0.1:1", "--graph", "http://x/g", "--per-document"],
     "not both"),
])
def test_bad_options_are_one_line_errors(files, monkeypatch, capsys, no_credentials, args,
                                         message):
    code, _, err = run_kg(monkeypatch, capsys, "push", files["seed"], *args)
    assert code == 2 and message in _one_line_error(err)
    assert "alice:pw" not in err


def test_half_set_credentials_are_refused(files, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    code, _, err = run_kg(monkeypatch, capsys, "push", files["seed"], "--endpoint",
                          f"http://127.0.0.1:{free_port()}")
    assert code == 2 and "set both" in _one_line_error(err)


def test_per_document_needs_named_graphs(tmp_path, files, monkeypatch, capsys, no_credentials):
    ttl = tmp_path / "g.ttl"
    ttl.write_bytes(KgDataset.read(files["seed"]).serialize("turtle"))
    code, _, err = run_kg(monkeypatch, capsys, "push", ttl, "--endpoint",
                          f"http://127.0.0.1:{free_port()}", "--per-document")
    assert code == 2 and "named graphs" in _one_line_error(err)


# ---------------------------------------------------------------- kg serve
def _start_serve(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)


def _read_banner(proc: subprocess.Popen, timeout: float = 60.0) -> dict[str, str]:
    """The banner lines of `kg serve`, keyed by what comes before the first colon (read in
    a thread: a select() on a buffered text pipe misses lines already buffered)."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout],
                     daemon=True).start()
    banner: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while "Ctrl-C to stop" not in banner and time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5).strip()
        except queue.Empty:
            continue
        banner[line.split(":", 1)[0] if ":" in line else line] = line
    assert "Ctrl-C to stop" in banner, (banner, proc.poll())
    proc.banner_lines = lines  # the rest of the output, for the caller
    return banner


@pytest.fixture
def serve_process():
    procs: list[subprocess.Popen] = []

    def start(*args: str) -> subprocess.Popen:
        procs.append(_start_serve(*args))
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


def _count(query_url: str) -> int:
    body = urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    req = urllib.request.Request(query_url, data=body.encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return int(json.load(resp)["results"]["bindings"][0]["n"]["value"])


def test_serve_loads_the_file_answers_queries_and_stops_cleanly(files, serve_process):
    proc = serve_process(str(files["seed"]), "--port", "0")
    banner = _read_banner(proc)
    url = banner["SPARQL endpoint"].split(": ", 1)[1]
    assert url.startswith("http://127.0.0.1:") and url.endswith("/query")
    store = Path(banner["store"].split(": ", 1)[1].split(" (")[0])
    assert store.is_dir()
    assert _count(url) == KgDataset.read(files["seed"]).quad_count()
    proc.send_signal(signal.SIGINT)
    proc.wait(60)
    time.sleep(0.2)  # let the reader thread drain the pipe
    rest = []
    while not proc.banner_lines.empty():
        rest.append(proc.banner_lines.get())
    assert proc.returncode == 0 and "stopped\n" in rest
    assert not store.exists()
    port = int(url.split(":")[2].split("/")[0])
    with socket.socket() as sock, pytest.raises(OSError):
        sock.settimeout(1)
        sock.connect(("127.0.0.1", port))


def test_serve_keeps_a_given_location_and_stops_on_sigterm(files, serve_process, tmp_path):
    store = tmp_path / "store"
    proc = serve_process(str(files["all"]), "--port", "0", "--location", str(store))
    banner = _read_banner(proc)
    assert "kept" in banner["store"]
    proc.send_signal(signal.SIGTERM)
    proc.wait(60)
    assert proc.returncode == 0 and store.is_dir() and any(store.iterdir())


def test_serve_errors_are_one_line(files, tmp_path, monkeypatch, capsys):
    code, _, err = run_kg(monkeypatch, capsys, "serve", tmp_path / "missing.trig")
    assert code == 2 and "no such file" in _one_line_error(err)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = run_kg(monkeypatch, capsys, "serve", files["seed"], "--port", str(port))
    assert code == 2 and "in use" in _one_line_error(err)
    bad = tmp_path / "bad.ttl"
    bad.write_text("garbage <", encoding="utf-8")
    code, _, err = run_kg(monkeypatch, capsys, "serve", bad, "--port", "0")
    assert code == 2 and "oxigraph load failed" in _one_line_error(err)
