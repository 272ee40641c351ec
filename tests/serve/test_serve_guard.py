"""`kg serve` is read-only unless --writable, and answers only this machine's own pages
and names: no cross-site updates (CSRF), no foreign Host (DNS rebinding)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from tests.serve.helpers import banner_url, read_banner

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _request(url: str, method: str = "GET", body: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with NO_PROXY.open(req, timeout=20) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _count(url: str, **headers: str) -> int:
    status, data = _request(url + "/query", "POST", urlencode({"query": COUNT}).encode(),
                            {"Accept": "application/sparql-results+json",
                             "Content-Type": "application/x-www-form-urlencoded", **headers})
    assert status == 200, data
    return int(json.loads(data)["results"]["bindings"][0]["n"]["value"])


def _update(url: str, text: str, **headers: str) -> tuple[int, bytes]:
    return _request(url + "/update", "POST", text.encode(),
                    {"Content-Type": "application/sparql-update", **headers})


@pytest.fixture(scope="module")
def read_only(files):
    from tests.serve.helpers import start_serve

    proc = start_serve(str(files["seed"]), "--port", "0")
    try:
        yield banner_url(read_banner(proc))
    finally:
        proc.terminate()
        proc.wait(60)


def test_updates_are_refused_by_default(read_only):
    before = _count(read_only)
    status, body = _update(read_only, "DROP ALL")
    assert status == 403 and b"--writable" in body
    form = urlencode({"update": "DROP ALL"}).encode()  # what a cross-site <form> would send
    assert _request(read_only + "/update", "POST", form)[0] == 403
    assert _request(read_only + "/store?default", "DELETE")[0] == 403
    assert _request(read_only + "/store?default", "PUT", b"<a:a> <a:b> <a:c> .",
                    {"Content-Type": "application/n-triples"})[0] == 403
    assert _count(read_only) == before > 0


def test_reads_work_from_every_local_name(read_only):
    port = read_only.rsplit(":", 1)[1]
    n = _count(read_only)
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        assert _count(read_only, Host=host) == n
    assert _count(read_only, Origin=read_only) == n  # Oxigraph's own query page
    status, page = _request(read_only + "/")
    assert status == 200 and page


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:1"},  # another local port is another site
    {"Host": "evil.example"},
    {"Host": "rebound.example:{port}"},
    {"Host": "127.0.0.1:1"},
])
def test_foreign_origins_and_hosts_are_refused(read_only, headers):
    port = read_only.rsplit(":", 1)[1]
    headers = {k: v.format(port=port) for k, v in headers.items()}
    status, body = _request(read_only + "/query?" + urlencode({"query": COUNT}), "GET",
                            headers=headers)
    assert status == 403, body


def test_writable_accepts_updates_from_this_machine_only(files, serve_process):
    url = banner_url(read_banner(serve_process(str(files["seed"]), "--port", "0",
                                               "--writable")))
    assert _count(url) > 0
    status, body = _update(url, "DROP ALL", Origin="http://evil.example")
    assert status == 403 and _count(url) > 0
    assert _update(url, "DROP ALL", Host="evil.example")[0] == 403
    assert _update(url, "DROP ALL", Origin=url)[0] in (200, 204)
    assert _count(url) == 0
    status, _ = _request(url + "/store?graph=" + "https%3A%2F%2Fexample.org%2Fg", "PUT",
                         b"<http://a/a> <http://a/b> <http://a/c> .",
                         {"Content-Type": "application/n-triples"})
    assert status in (201, 204) and _count(url) == 1
