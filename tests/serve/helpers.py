"""Helpers for the kg.serve tests: a scriptable HTTP stub, a proxy that dies, kg runs,
graph look-ups. Self-contained (only tests.conftest's paths), so the tests do not depend
on where other stages keep their test modules."""

from __future__ import annotations

import hashlib
import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlencode

from tests.conftest import ROOT, SEED_ARTICLE

DOC_GRAPH = "https://w3id.org/kg-bn/graph/document/"
ACTORS = "https://w3id.org/kg-bn/graph/actors"


def run_kg(monkeypatch, capsys, *args: object) -> tuple[int, str, str]:
    """kg's real entry point in-process: exit code, stdout, stderr."""
    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", *map(str, args)])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def seed_sentences() -> list[str]:
    """The sentences of the seed article."""
    text = json.loads(SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[0])["text"]
    return [s for s in re.split(r"(?<=[।?!])\s+", text) if s.strip()]


def write_docs(path: Path, docs: dict[str, str], date: str = "2024-06-19") -> Path:
    """A JSON Lines input file of documents (id → text)."""
    path.write_text("".join(json.dumps({"id": k, "date": date, "text": v}, ensure_ascii=False)
                            + "\n" for k, v in docs.items()), encoding="utf-8")
    return path

# (status, body, delay) or (status, body, delay, headers)
Answer = tuple


class Stub:
    """A local HTTP server whose answers a test scripts: status, body, delay, headers."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.script: list[Answer] = []
        self.default: Answer = (204, b"", 0.0)
        self.release = threading.Event()
        self.digest = False  # answer requests without Authorization with a Digest challenge
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                stub.requests.append({"method": self.command, "path": self.path,
                                      "headers": dict(self.headers),
                                      "body": self.rfile.read(length)})
                answer = stub.script.pop(0) if stub.script else stub.default
                status, body, delay = answer[:3]
                headers = dict(answer[3]) if len(answer) > 3 else {}
                if stub.digest and "Authorization" not in self.headers:
                    status, body = 401, b"who are you?"
                    headers["WWW-Authenticate"] = 'Digest realm="kg", nonce="n0nce", qop="auth"'
                if delay:
                    stub.release.wait(delay)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (timeout test)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)

    def writes(self) -> list[dict]:
        return [r for r in self.requests if r["method"] in ("PUT", "POST", "DELETE")]

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graph_text(server_url: str, graph: str) -> set[str]:
    """A graph's statements as the server holds them (Graph Store GET, N-Triples)."""
    req = urllib.request.Request(f"{server_url}/store?graph={quote(graph, safe='')}",
                                 headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        text = resp.read().decode("utf-8")
    return {line[:-2] for line in text.splitlines() if line.strip()}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def push(monkeypatch, capsys, path: Path, url: str, *extra: str) -> tuple[int, str, str]:
    return run_kg(monkeypatch, capsys, "push", path, "--endpoint", url, *extra)


def one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), err
    return lines[0]


def start_serve(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONUNBUFFERED="1", **(env or {})),
                            cwd=ROOT)


def read_banner(proc: subprocess.Popen, timeout: float = 60.0) -> dict[str, str]:
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


def banner_url(banner: dict[str, str]) -> str:
    """http://127.0.0.1:PORT of a `kg serve` banner."""
    return banner["SPARQL endpoint"].split(": ", 1)[1].rsplit("/", 1)[0]


def banner_store(banner: dict[str, str]) -> Path:
    return Path(banner["store"].split(": ", 1)[1].split(" (")[0])


class DyingProxy:
    """Forwards requests to a real server until its `alive_for`-th request, then dies: that
    request gets no answer (the connection drops) and the port closes, as when the server
    process is killed mid-push."""

    def __init__(self, upstream: str, alive_for: int) -> None:
        self.seen = 0
        self.lock = threading.Lock()
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with proxy.lock:
                    proxy.seen += 1
                    dying = proxy.seen > alive_for
                if dying:
                    proxy.server.shutdown()
                    proxy.server.server_close()
                    self.close_connection = True
                    return
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() in ("content-type", "accept", "authorization")}
                request = urllib.request.Request(upstream + self.path, data=body or None,
                                                 method=self.command, headers=headers)
                try:
                    with opener.open(request, timeout=30) as resp:
                        status, data, ctype = resp.status, resp.read(), resp.headers
                except urllib.error.HTTPError as exc:
                    status, data, ctype = exc.code, exc.read(), exc.headers
                self.send_response(status)
                if ctype.get("Content-Type"):
                    self.send_header("Content-Type", ctype["Content-Type"])
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,),
                                       daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()  # returns at once when it died already
        self.server.server_close()
        self.thread.join(5)


def graph_names(server_url: str) -> set[str]:
    """The named graphs on a server."""
    body = urlencode({"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"})
    req = urllib.request.Request(server_url + "/query", data=body.encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return {row["g"]["value"] for row in json.load(resp)["results"]["bindings"]}
