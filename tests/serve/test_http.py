"""Failures against a local HTTP stub: one line each, bounded, retried only when that can
help; Virtuoso's answers (recorded) shown with the server's real message and a hint."""

from __future__ import annotations

import json
import time

import pytest

from kg.rdf.dataset import Dataset as KgDataset
from tests.serve import virtuoso
from tests.serve.helpers import digest, free_port, one_line_error, push


def test_server_down_is_one_line_and_nothing_is_lost(files, monkeypatch, capsys,
                                                    no_credentials):
    before = digest(files["seed"])
    code, out, err = push(monkeypatch, capsys, files["seed"], f"http://127.0.0.1:{free_port()}")
    assert code == 2 and "pushed" not in out
    assert "connection refused" in one_line_error(err)
    assert digest(files["seed"]) == before


def test_a_4xx_answer_is_not_retried(stub, files, monkeypatch, capsys, no_credentials):
    stub.default = (400, b"Parse error: unexpected token\nmore detail", 0.0)
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp")
    line = one_line_error(err)
    assert code == 2
    assert "HTTP 400" in line and "Parse error: unexpected token" in line
    assert len(stub.requests) == 1


def test_a_5xx_answer_is_retried_with_backoff_then_fails(stub, files, monkeypatch, capsys,
                                                        no_credentials):
    stub.default = (503, b"busy", 0.0)
    start = time.monotonic()
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                        "--retries", "2", "--backoff", "0.1")
    line = one_line_error(err)
    assert code == 2 and "HTTP 503" in line and "(3 attempts)" in line
    assert len(stub.requests) == 3
    assert time.monotonic() - start >= 0.3  # waited 0.1 s, then 0.2 s


def test_a_passing_5xx_is_survived(stub, files, monkeypatch, capsys, no_credentials):
    stub.script = [(502, b"", 0.0)]
    code, out, _ = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                        "--backoff", "0", "--no-verify")
    assert code == 0 and f"pushed {KgDataset.read(files['seed']).quad_count()} triples" in out
    puts = [r for r in stub.requests if r["method"] == "POST"]
    assert len(puts) == 6  # 5 graphs (document, actors, ontology, events, dataset), first twice


def test_a_timeout_is_bounded(stub, files, monkeypatch, capsys, no_credentials):
    stub.default = (204, b"", 5.0)
    start = time.monotonic()
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                        "--timeout", "0.2", "--retries", "1", "--backoff", "0")
    line = one_line_error(err)
    assert code == 2 and "no answer within 0.2 s (2 attempts)" in line
    assert time.monotonic() - start < 3.0
    assert len(stub.requests) == 2


def test_missing_triples_fail_the_verification(stub, files, monkeypatch, capsys, no_credentials):
    empty = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": []}}).encode()
    stub.default = (204, b"", 0.0)
    stub.script = [(204, b"", 0.0)] * 5 + [(200, empty, 0.0)]  # 5 graphs, then verify
    code, out, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp")
    n = KgDataset.read(files["seed"]).quad_count()
    assert code == 1
    assert f"pushed {n} triples" in out
    assert f"{n} triples sent, 0 found" in one_line_error(err)


# ---------------------------------------------------------------- Virtuoso's answers
def test_virtuoso_html_error_pages_show_the_servers_message(stub, files, monkeypatch, capsys,
                                                           no_credentials):
    stub.default = virtuoso.SP031
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "update",
                        "--backoff", "0")
    line = one_line_error(err)
    assert code == 2
    assert "SP031: SPARQL: generated SQL exceeded 10000 lines" in line
    assert "<" not in line.split("HTTP 500", 1)[1]  # no markup
    assert "--chunk-size" in line  # what to do about it
    assert len(stub.requests) == 1  # a request too large stays too large: no retries


def test_html_pages_give_their_message_not_their_heading():
    from kg.serve.replies import server_message

    assert server_message(virtuoso.SQ110_PAGE.decode(), "text/html", "Forbidden") == \
        "SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)"
    page = ("<html><head><title>Oops</title><style>p {}</style></head><body>"
            "<h1>500 Internal Server Error</h1><p>Error: disk &amp; store full</p></body>"
            "</html>")
    assert server_message(page, "text/html", "Internal Server Error") == \
        "Error: disk & store full"
    assert server_message("<html><head><title>Gone away</title></head></html>", "") == \
        "Gone away"


@pytest.mark.parametrize("answer", [virtuoso.SR186, virtuoso.SQ110], ids=["SR186", "SQ110"])
def test_permission_errors_are_not_retried(stub, files, monkeypatch, capsys, no_credentials,
                                           answer):
    stub.default = answer
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                        "--backoff", "0")
    line = one_line_error(err)
    assert code == 2 and "SECURITY" in line and "SPARQL_UPDATE" in line
    assert len(stub.requests) == 1


def test_too_many_operations_are_not_retried(stub, files, monkeypatch, capsys, no_credentials):
    stub.default = virtuoso.SQ156
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "update",
                        "--backoff", "0")
    assert code == 2 and "SQ156" in one_line_error(err) and len(stub.requests) == 1


@pytest.mark.parametrize(("answer", "protocol"), [(virtuoso.DIGEST_401, "update"),
                                                  (virtuoso.BARE_401, "gsp")],
                         ids=["challenge", "bare"])
def test_a_digest_challenge_suggests_auth_digest(stub, files, monkeypatch, capsys, answer,
                                                 protocol):
    monkeypatch.setenv("KG_ENDPOINT_USER", "dba")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "dba-pw")
    stub.default = answer
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url + "/sparql-auth",
                        "--protocol", protocol)
    line = one_line_error(err)
    assert code == 2 and "HTTP 401" in line and "--auth digest" in line
    assert len(stub.requests) == 1


def test_update_requests_are_small_enough_for_virtuoso(stub, files, monkeypatch, capsys,
                                                      no_credentials):
    """By default at most 500 triples and 200 operations per SPARQL Update request."""
    code, _, err = push(monkeypatch, capsys, files["all"], stub.url, "--protocol", "update",
                        "--replace", "--no-verify")
    assert code == 0, err
    bodies = [r["body"].decode() for r in stub.requests]
    assert len(bodies) > 1
    for body in bodies:
        ops = body.split(" ;\n")
        triples = sum(op.count(" .\n") for op in ops)
        assert triples <= 500 and len(ops) <= 200
    sent = KgDataset.read(files["all"]).quad_count()
    assert sum(b.count(" .\n") for b in bodies) == sent


def test_graph_store_requests_keep_large_chunks(stub, files, monkeypatch, capsys,
                                               no_credentials):
    code, _, _ = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                      "--graph", "https://example.org/kg", "--no-verify")
    assert code == 0 and len(stub.requests) == 1
