"""SPARQL endpoints: `kg push` a dataset to a server, `kg serve` one with Oxigraph.

Push speaks the two standard write protocols, so one code path serves Oxigraph, Jena
Fuseki, GraphDB and Virtuoso (docs/sparql.md):

- the SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces a graph, POST adds to it), one
  request per graph or per chunk of a large graph;
- SPARQL 1.1 Update (DROP SILENT GRAPH + INSERT DATA) for servers without it; small
  graphs share a request, which matters with thousands of one-article graphs.

Every request is bounded (timeout, retries with exponential backoff on 5xx, timeouts and
dropped connections). Retrying is safe because RDF graphs are sets: sending the same
triples twice stores them once. Credentials come from KG_ENDPOINT_USER /
KG_ENDPOINT_PASSWORD or a netrc file and appear in no message. After a push, a COUNT
query per graph checks that every triple sent is there.

Only the standard library talks HTTP (urllib), so pushing needs nothing beyond kg's own
dependencies; the heavy RDF imports happen inside the commands.
"""

from __future__ import annotations

import base64
import http.client
import json
import netrc
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import click

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.rdf.dataset import Dataset

BASE = "https://w3id.org/kg-bn/"  # kg.vocab.BASE, repeated: this module must not import rdflib
SHARED_GRAPHS = (BASE + "graph/actors", BASE + "graph/ontology")
MERGED_GRAPH = BASE + "graph/merged"  # where `kg serve` loads a plain triple file
USER_ENV, PASSWORD_ENV = "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"
NOT_SUPPORTED = (404, 405, 415, 501)  # a store URL without the Graph Store Protocol
RESULTS_JSON = "application/sparql-results+json"
VALUES_BATCH = 500  # graph IRIs per COUNT query
LOOPBACK = ("127.0.0.1", "localhost", "::1")


# ---------------------------------------------------------------------- endpoint URLs
@dataclass(frozen=True)
class Endpoints:
    """The three URLs of a SPARQL server: query, update, Graph Store Protocol."""

    query: str
    update: str
    store: str


def derive_endpoints(endpoint: str, query: str | None = None, update: str | None = None,
                     store: str | None = None) -> Endpoints:
    """Default URLs by each server's convention; explicit overrides win.

    http://h:7878 (Oxigraph)                → /query, /update, /store
    http://h:3030/ds (Fuseki dataset)       → /ds/query, /ds/update, /ds/data
    http://h:7200/repositories/R (GraphDB)  → …/R, …/R/statements, …/R/rdf-graphs/service
    http://h:8890/sparql (Virtuoso)         → /sparql for both, /sparql-graph-crud
    """
    for url in (endpoint, query, update, store):
        if url:
            _check_url(url)
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")

    def at(p: str) -> str:
        return urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    if "/repositories/" in path:
        repo = path.split("/statements")[0]
        urls = Endpoints(at(repo), at(repo + "/statements"), at(repo + "/rdf-graphs/service"))
    elif path in ("/sparql", "/sparql-auth"):  # Virtuoso serves both at the root
        crud = path.replace("/sparql", "/sparql-graph-crud")
        urls = Endpoints(at(path), at(path), at(crud))
    else:
        for suffix in ("/query", "/sparql", "/update", "/store", "/data"):
            if path.endswith(suffix):
                path = path[: -len(suffix)]
                break
        store_path = "/store" if not path else "/data"  # Oxigraph at the root, else Fuseki
        urls = Endpoints(at(path + "/query"), at(path + "/update"), at(path + store_path))
    return Endpoints(query or urls.query, update or urls.update, store or urls.store)


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise KgError(f"not a valid port in URL {parts.scheme}://{parts.hostname}…") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KgError(f"not an http(s) URL: {shown(url)}")
    if parts.username or parts.password:
        raise KgError(f"put credentials in {USER_ENV} / {PASSWORD_ENV} or a netrc file, "
                      "not in the URL")


def shown(url: str) -> str:
    """A URL as messages show it: no user info, no query string."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


# ---------------------------------------------------------------------- credentials
def credentials(url: str) -> tuple[str, str] | None:
    """User and password for `url`: the environment first, then the netrc file
    ($NETRC or ~/.netrc) entry of its host. None when neither has any."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user or password:
        if not user or password is None:
            raise KgError(f"set both {USER_ENV} and {PASSWORD_ENV}, or neither")
        return user, password
    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urlsplit(url).hostname or "")
    except netrc.NetrcParseError as exc:
        raise KgError(f"{path}: cannot parse netrc file (line {exc.lineno})") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read netrc file ({exc.strerror})") from None
    if entry is None or not entry[0]:
        return None
    return entry[0], entry[2] or ""


# ---------------------------------------------------------------------- HTTP
@dataclass
class HttpClient:
    """urllib with bounded retries, one-line errors and never-shown credentials."""

    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    auth: str = "basic"  # or "digest"
    requests: int = 0
    _secrets: list[str] = field(default_factory=list)
    _openers: dict[str, tuple[urllib.request.OpenerDirector, str | None]] = field(
        default_factory=dict)

    def send(self, method: str, url: str, body: bytes | None = None,
             content_type: str | None = None, accept: str | None = None) -> bytes:
        """The response body. 4xx and unreachable hosts fail at once; 5xx, timeouts and
        dropped connections are retried, then fail with the last problem."""
        problem, status = "no attempt", None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(self.backoff * 2 ** (attempt - 1), 30.0))
            try:
                return self._once(method, url, body, content_type, accept)
            except HTTPError as exc:
                problem, status = _http_problem(exc, _server_message(exc)), exc.code
                if exc.code < 500:
                    raise self._error(method, url, problem, status) from None
            except URLError as exc:
                if isinstance(exc.reason, (ConnectionRefusedError, socket.gaierror)) \
                        or not isinstance(exc.reason, OSError):
                    raise self._error(method, url, _unreachable(exc.reason)) from None
                problem, status = _transient(exc.reason, self.timeout), None
            except (OSError, http.client.HTTPException) as exc:
                problem, status = _transient(exc, self.timeout), None
        raise self._error(method, url, f"{problem} ({self.retries + 1} attempts)", status)

    def _once(self, method: str, url: str, body: bytes | None, content_type: str | None,
              accept: str | None) -> bytes:
        request = urllib.request.Request(url, data=body, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        if accept:
            request.add_header("Accept", accept)
        opener, authorization = self._opener(url)
        if authorization:  # not repeated on a redirect, which may go to another host
            request.add_unredirected_header("Authorization", authorization)
        self.requests += 1
        with opener.open(request, timeout=self.timeout) as response:
            return response.read()

    def _opener(self, url: str) -> tuple[urllib.request.OpenerDirector, str | None]:
        """Per host: basic auth goes in the first request (the header is returned);
        digest answers the server's challenge (a handler in the opener)."""
        parts = urlsplit(url)
        if parts.netloc not in self._openers:
            creds = credentials(url)
            handlers: list[urllib.request.BaseHandler] = []
            if parts.hostname in LOOPBACK:  # a proxy cannot reach this machine's loopback
                handlers.append(urllib.request.ProxyHandler({}))
            authorization = None
            if creds:
                self._secrets.append(creds[1])
            if creds and self.auth == "digest":
                manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", *creds)
                handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
            elif creds:
                token = base64.b64encode(f"{creds[0]}:{creds[1]}".encode()).decode()
                authorization = f"Basic {token}"
            self._openers[parts.netloc] = (urllib.request.build_opener(*handlers),
                                           authorization)
        return self._openers[parts.netloc]

    def _error(self, method: str, url: str, problem: str, status: int | None = None
               ) -> HttpError:
        message = f"{method} {shown(url)}: {problem}"
        for secret in self._secrets:
            if secret:
                message = message.replace(secret, "***")
        return HttpError(message, status)


class HttpError(KgError):
    """A failed request; `status` is the HTTP status when the server answered."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def _server_message(exc: HTTPError) -> str:
    try:
        text = exc.read().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - the status line is enough when the body is unreadable
        text = ""
    finally:
        exc.close()
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return lines[0][:200] if lines else ""


def _http_problem(exc: HTTPError, message: str) -> str:
    problem = f"HTTP {exc.code} {exc.reason}"
    if message and message != str(exc.reason):
        problem += f": {message}"
    if exc.code in (401, 403):
        problem += f" (check {USER_ENV} / {PASSWORD_ENV} or your netrc file)"
    return problem


def _transient(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout:g} s"
    return f"connection failed ({type(exc).__name__})"


def _unreachable(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    return f"cannot connect ({reason})"


# ---------------------------------------------------------------------- push
@dataclass
class PushReport:
    protocol: str
    graphs: int
    sent: int
    requests: int
    seconds: float
    found: dict[str, int] | None = None
    expected: dict[str, int] = field(default_factory=dict)

    def short_graphs(self) -> list[str]:
        """Graphs holding fewer triples than were sent to them."""
        if self.found is None:
            return []
        return sorted(g for g, n in self.expected.items() if self.found.get(g, 0) < n)


def push_targets(ds: Dataset, graph: str | None, per_document: bool) -> dict[str, set[str]]:
    """Target graph → statements. --graph merges everything into one graph; otherwise each
    named graph keeps its name (one per document) and default-graph triples stay there."""
    if graph:
        return {graph: ds.triples()}
    if per_document and not any(g for g, st in ds.graphs.items() if g and st):
        raise KgError("--per-document needs a dataset with named graphs (TriG or N-Quads)")
    return {g: st for g, st in ds.graphs.items() if st}


@dataclass
class Piece:
    """One chunk of one graph: what a Graph Store request carries."""

    graph: str
    statements: list[str]
    first: bool


def pieces(targets: dict[str, set[str]], chunk_size: int) -> Iterator[Piece]:
    """Graphs in IRI order, each cut into chunks; a graph with blank nodes is sent whole,
    since a blank node label means one node only within one request."""
    from kg.rdf.dataset import chunks

    for g in sorted(targets):
        statements = targets[g]
        size = chunk_size if not any("_:" in st for st in statements) else len(statements)
        for n, chunk in enumerate(chunks(statements, max(size, 1))):
            yield Piece(g, chunk, n == 0)


class Pusher:
    """Sends targets by Graph Store Protocol or SPARQL Update; 'auto' starts with the
    Graph Store Protocol and falls back to Update if the store URL does not speak it."""

    def __init__(self, client: HttpClient, urls: Endpoints, protocol: str = "auto",
                 chunk_size: int = 50_000) -> None:
        self.client, self.urls, self.protocol, self.chunk_size = client, urls, protocol, chunk_size

    def push(self, targets: dict[str, set[str]], replace: bool) -> PushReport:
        start = time.perf_counter()
        before = self.client.requests
        todo = list(pieces(targets, self.chunk_size))
        if self.protocol != "update":
            todo = self._gsp(todo, replace)
        if todo:
            self.protocol = "update"
            self._update(todo, replace)
        return PushReport(self.protocol, len(targets), sum(len(s) for s in targets.values()),
                          self.client.requests - before, time.perf_counter() - start,
                          expected={g: len(s) for g, s in targets.items()})

    def _gsp(self, todo: list[Piece], replace: bool) -> list[Piece]:
        """Graph Store requests; returns what is left for Update after a fallback."""
        for n, piece in enumerate(todo):
            method = "PUT" if replace and piece.first and piece.graph not in SHARED_GRAPHS \
                else "POST"
            body = (" .\n".join(piece.statements) + " .\n").encode("utf-8")
            try:
                self.client.send(method, self._store_url(piece.graph), body,
                                 "application/n-triples")
            except HttpError as exc:
                if n == 0 and self.protocol == "auto" and exc.status in NOT_SUPPORTED:
                    return todo
                raise
            self.protocol = "gsp"
        return []

    def _store_url(self, graph: str) -> str:
        """?graph=IRI or ?default; Virtuoso's /sparql-graph-crud names it graph-uri."""
        sep = "&" if "?" in self.urls.store else "?"
        param = "graph-uri" if "/sparql-graph-crud" in self.urls.store else "graph"
        return self.urls.store + sep + ("default" if not graph else
                                        f"{param}={quote(graph, safe='')}")

    def _update(self, todo: list[Piece], replace: bool) -> None:
        """SPARQL Update requests of up to chunk_size triples, several graphs each."""
        ops: list[str] = []
        size = 0
        for piece in todo:
            if ops and size + len(piece.statements) > self.chunk_size:
                self._send_update(ops)
                ops, size = [], 0
            if replace and piece.first and piece.graph not in SHARED_GRAPHS:
                ops.append(f"DROP SILENT GRAPH <{piece.graph}>" if piece.graph
                           else "CLEAR SILENT DEFAULT")
            triples = " .\n".join(piece.statements)
            ops.append(f"INSERT DATA {{ GRAPH <{piece.graph}> {{\n{triples} .\n}} }}"
                       if piece.graph else f"INSERT DATA {{\n{triples} .\n}}")
            size += len(piece.statements)
        if ops:
            self._send_update(ops)

    def _send_update(self, ops: list[str]) -> None:
        body = " ;\n".join(ops).encode("utf-8")
        self.client.send("POST", self.urls.update, body, "application/sparql-update")


def count_triples(client: HttpClient, query_url: str, graphs: list[str]) -> dict[str, int]:
    """Triples per graph on the server ("" = the default graph), by COUNT queries."""
    found: dict[str, int] = {}
    named = sorted(g for g in graphs if g)
    for i in range(0, len(named), VALUES_BATCH):
        values = " ".join(f"<{g}>" for g in named[i:i + VALUES_BATCH])
        rows = select(client, query_url, "SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { "
                      f"{values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g")
        for row in rows:
            found[row["g"]["value"]] = int(row["n"]["value"])
    if "" in graphs:
        rows = select(client, query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        found[""] = int(rows[0]["n"]["value"]) if rows else 0
    return found


def select(client: HttpClient, query_url: str, query: str) -> list[dict]:
    """SPARQL 1.1 Protocol SELECT (form-encoded POST, which every server accepts)."""
    body = urlencode({"query": query}).encode("ascii")
    data = client.send("POST", query_url, body, "application/x-www-form-urlencoded",
                       RESULTS_JSON)
    try:
        return json.loads(data)["results"]["bindings"]
    except (ValueError, KeyError, TypeError):
        raise KgError(f"POST {shown(query_url)}: the answer is not SPARQL JSON results") \
            from None


# ---------------------------------------------------------------------- serve
def oxigraph_command() -> str:
    """The `oxigraph` server installed beside kg (PyPI package `oxigraph`)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise KgError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check_port(port: int) -> None:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise KgError(f"127.0.0.1:{port} is in use; pick another --port "
                          "(0 = any free port)") from None


def load_store(location: Path, path: Path) -> None:
    """`oxigraph load`: the file into the store; a triple file goes to MERGED_GRAPH."""
    from kg.rdf.formats import FORMATS, format_for

    fmt = format_for(str(path), None)
    args = [oxigraph_command(), "load", "--location", str(location), "--file", str(path),
            "--format", FORMATS[fmt].extension.lstrip(".")]
    if not FORMATS[fmt].named_graphs:
        args += ["--graph", MERGED_GRAPH]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise KgError(f"{path}: oxigraph load failed ({_oxigraph_error(done.stderr)})")


def _oxigraph_error(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("Error"):
            return line
    return lines[-1] if lines else "no message"


class OxigraphServer:
    """`oxigraph serve` on 127.0.0.1, started and stopped by its owner (a with-block)."""

    def __init__(self, port: int = 0, location: Path | None = None,
                 union_default_graph: bool = False) -> None:
        self.port = port or free_port()
        self.location = location
        self.union_default_graph = union_default_graph
        self.process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: float = 30.0) -> OxigraphServer:
        args = [oxigraph_command(), "serve", "--bind", f"127.0.0.1:{self.port}"]
        if self.location is not None:
            args += ["--location", str(self.location)]
        if self.union_default_graph:
            args.append("--union-default-graph")
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self._log,
                                        stderr=subprocess.STDOUT)
        try:
            self._wait_ready(wait)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        probe = f"{self.url}/query?query=" + quote("ASK {}")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                self._log.seek(0)
                text = self._log.read().decode("utf-8", "replace")
                raise KgError(f"oxigraph serve stopped at start ({_oxigraph_error(text)})")
            try:
                with opener.open(probe, timeout=1.0):
                    return
            except (URLError, OSError):
                time.sleep(0.05)
        raise KgError(f"oxigraph serve did not answer on {self.url} within {wait:g} s")

    def stop(self) -> None:
        """Terminate, then kill if it has not exited within 10 s."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if not self._log.closed:
            self._log.close()

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_file(path: Path, port: int, location: Path | None) -> None:
    """Load `path` into a store and serve it until Ctrl-C (or SIGTERM); a temporary store
    is removed afterwards, a --location store is kept."""
    if not path.is_file():
        raise KgError(f"{path}: no such file")
    if port:
        check_port(port)
    store = location or Path(tempfile.mkdtemp(prefix="kg-serve-"))
    # Ctrl-C and SIGTERM both stop the server, even when the shell that started kg made
    # it ignore SIGINT (a background job of a non-interactive shell, as in CI).
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
    server = None
    try:
        load_store(store, path)
        server = OxigraphServer(port, store, union_default_graph=True).start()
        _banner(server, store, temporary=location is None)
        server.process.wait()
        raise KgError(f"oxigraph serve exited with status {server.process.returncode}")
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        if server is not None:
            server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if location is None:
            shutil.rmtree(store, ignore_errors=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _banner(server: OxigraphServer, store: Path, temporary: bool) -> None:
    kept = "temporary, removed on exit" if temporary else "kept"
    click.echo(f"SPARQL endpoint: {server.url}/query\n"
               f"update: {server.url}/update   graph store: {server.url}/store\n"
               f"store: {store} ({kept})\n"
               "Ctrl-C to stop")
    sys.stdout.flush()


# ---------------------------------------------------------------------- commands
@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--endpoint", required=True,
              help="Server URL: http://HOST:7878 (Oxigraph), http://HOST:3030/DATASET "
                   "(Fuseki), http://HOST:7200/repositories/REPO (GraphDB), "
                   "http://HOST:8890/sparql (Virtuoso).")
@click.option("--query-url", help="SPARQL query URL (default: derived from --endpoint).")
@click.option("--update-url", help="SPARQL Update URL (default: derived from --endpoint).")
@click.option("--store-url", help="Graph Store Protocol URL (default: from --endpoint).")
@click.option("--graph", "graph_iri", help="Push every triple into this one named graph.")
@click.option("--per-document", is_flag=True,
              help="One graph per document, as named in the file (the default for "
                   "TriG/N-Quads; an error for a triple file).")
@click.option("--replace", is_flag=True,
              help="Replace the target graphs instead of adding to them. The shared actors "
                   "and ontology graphs are always added to.")
@click.option("--protocol", type=click.Choice(["auto", "gsp", "update"]), default="auto",
              show_default=True, help="Graph Store Protocol, SPARQL Update, or GSP falling "
                                      "back to Update.")
@click.option("--chunk-size", type=click.IntRange(1), default=50_000, show_default=True,
              help="Triples per request.")
@click.option("--timeout", type=click.FloatRange(0.01), default=60.0, show_default=True,
              help="Seconds to wait for each answer.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Retries after a 5xx answer, a timeout or a dropped connection.")
@click.option("--backoff", type=click.FloatRange(0), default=0.5, show_default=True,
              help="Seconds before the first retry; doubled for each next one.")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic",
              show_default=True, help=f"HTTP authentication, with {USER_ENV} / "
                                      f"{PASSWORD_ENV} or a netrc entry.")
@click.option("--no-verify", is_flag=True, help="Skip the COUNT query after pushing.")
def push(file: str, endpoint: str, query_url: str | None, update_url: str | None,
         store_url: str | None, graph_iri: str | None, per_document: bool, replace: bool,
         protocol: str, chunk_size: int, timeout: float, retries: int, backoff: float,
         auth: str, no_verify: bool) -> None:
    """Push an RDF FILE to a SPARQL server, then count what arrived."""
    from kg.rdf.dataset import Dataset

    if graph_iri and per_document:
        raise KgError("choose --graph or --per-document, not both")
    if graph_iri:
        _check_iri(graph_iri)
    urls = derive_endpoints(endpoint, query_url, update_url, store_url)
    targets = push_targets(Dataset.read(Path(file)), graph_iri, per_document)
    client = HttpClient(timeout=timeout, retries=retries, backoff=backoff, auth=auth)
    report = Pusher(client, urls, protocol, chunk_size).push(targets, replace)
    rate = report.sent / report.seconds if report.seconds else 0.0
    graphs = f"{report.graphs} graph" + ("s" if report.graphs != 1 else "")
    click.echo(f"pushed {report.sent} triples in {graphs} to {shown(endpoint)} "
               f"({report.protocol}, {report.requests} requests, {report.seconds:.1f} s, "
               f"{rate:,.0f} triples/s)")
    if no_verify:
        return
    report.found = count_triples(client, urls.query, list(targets))
    _verdict(report)


def _check_iri(iri: str) -> None:
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        raise KgError(f"--graph: not an absolute IRI: {iri!r}") from None
    if not urlsplit(iri).scheme:
        raise KgError(f"--graph: not an absolute IRI: {iri!r}")


def _verdict(report: PushReport) -> None:
    found = sum((report.found or {}).get(g, 0) for g in report.expected)
    short = report.short_graphs()
    line = f"verified: {report.sent} triples sent, {found} found in those graphs"
    if not short:
        extra = " (the rest were there before)" if found > report.sent else ""
        click.echo(line + extra)
        return
    click.echo(f"kg: error: {line}; {len(short)} graphs are short, first <{short[0]}>",
               err=True)
    sys.exit(1)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port on 127.0.0.1 (0 = any free port).")
@click.option("--location", type=click.Path(file_okay=False),
              help="Keep the store in this directory (default: a temporary one, removed "
                   "on exit).")
def serve(file: str, port: int, location: str | None) -> None:
    """Serve an RDF FILE as a SPARQL endpoint (Oxigraph) on 127.0.0.1 until Ctrl-C."""
    serve_file(Path(file), port, Path(location) if location else None)
