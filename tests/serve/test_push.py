"""`kg push` to a real Oxigraph server on 127.0.0.1: every graph arrives, replacing is one
step on the server, and a server dying mid-push leaves no graph half-replaced."""

from __future__ import annotations

import pytest

from kg.rdf.dataset import Dataset as KgDataset
from tests.serve.helpers import (
    ACTORS,
    DOC_GRAPH,
    DyingProxy,
    free_port,
    graph_names,
    graph_text,
    one_line_error,
    push,
    run_kg,
)

GRAPH = "https://example.org/kg/all"


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
    code, out, _ = run_kg(monkeypatch, capsys, "push", files["all"], "--endpoint", oxigraph.url,
                          "--graph", GRAPH, "--chunk-size", "250")
    assert code == 0
    merged = KgDataset.read(files["all"]).triples()
    assert graph_text(oxigraph.url, GRAPH) == merged
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


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_replacing_in_chunks_goes_through_a_temporary_graph(oxigraph, files, monkeypatch,
                                                            capsys, no_credentials, protocol):
    assert push(monkeypatch, capsys, files["seed"], oxigraph.url, "--graph", GRAPH)[0] == 0
    code, out, err = push(monkeypatch, capsys, files["all"], oxigraph.url, "--graph", GRAPH,
                          "--replace", "--protocol", protocol, "--chunk-size", "200")
    assert code == 0, err
    assert graph_text(oxigraph.url, GRAPH) == KgDataset.read(files["all"]).triples()
    assert graph_names(oxigraph.url) == {GRAPH}  # no temporary graph left


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_server_dying_mid_replace_leaves_the_graph_unchanged(oxigraph, files, monkeypatch,
                                                               capsys, no_credentials,
                                                               protocol):
    """Issue 12.7: a replace larger than --chunk-size used to be PUT (or DROP + INSERT)
    then POSTs, so a server dying in between left the first chunk as the whole graph."""
    assert push(monkeypatch, capsys, files["seed"], oxigraph.url, "--graph", GRAPH)[0] == 0
    before = graph_text(oxigraph.url, GRAPH)
    proxy = DyingProxy(oxigraph.url, alive_for=3)
    try:
        code, out, err = push(monkeypatch, capsys, files["all"], proxy.url, "--graph", GRAPH,
                              "--replace", "--protocol", protocol, "--chunk-size", "200",
                              "--retries", "1", "--backoff", "0")
    finally:
        proxy.stop()
    line = one_line_error(err)
    assert code == 2 and "pushed" not in out
    assert graph_text(oxigraph.url, GRAPH) == before
    assert f"<{GRAPH}> is unchanged" in line and "no graph was partly replaced" in line
    leftovers = graph_names(oxigraph.url) - {GRAPH}
    assert all(f"<{g}>" in line for g in leftovers)  # named, since the server was gone


def test_a_server_dying_mid_add_says_what_is_partial(oxigraph, files, monkeypatch, capsys,
                                                     no_credentials):
    proxy = DyingProxy(oxigraph.url, alive_for=2)
    try:
        code, _, err = push(monkeypatch, capsys, files["all"], proxy.url, "--graph", GRAPH,
                            "--chunk-size", "200", "--retries", "0")
    finally:
        proxy.stop()
    total = len(KgDataset.read(files["all"]).triples())
    assert code == 2
    assert f"<{GRAPH}> has 400 of its {total} triples" in one_line_error(err)
    assert len(graph_text(oxigraph.url, GRAPH)) == 400


def test_a_server_without_update_cannot_replace_in_chunks(stub, files, monkeypatch, capsys,
                                                          no_credentials):
    """Graph Store only: the chunks went to a temporary graph; the MOVE is refused; the
    target is untouched, the temporary graph removed, and the message says what to do."""
    n = len(KgDataset.read(files["seed"]).triples())
    chunks = -(-n // 1000)
    stub.script = [(201, b"", 0.0)] * chunks + [(404, b"no update here", 0.0)]
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--graph", GRAPH,
                        "--replace", "--protocol", "gsp", "--chunk-size", "1000")
    line = one_line_error(err)
    assert code == 2 and f"--chunk-size {n} sends it in one PUT" in line
    assert f"<{GRAPH}> is unchanged; the temporary graph" in line and "removed" in line
    assert [r["method"] for r in stub.requests] == ["PUT"] + ["POST"] * chunks + ["DELETE"]
    stored = [r["path"] for r in stub.requests if r["path"].startswith("/store")]
    assert all("push-temp" in path for path in stored)  # the target was never written


def test_counts_over_http_match_the_file(oxigraph, files, monkeypatch, capsys, no_credentials):
    from kg.serve.http import HttpClient
    from kg.serve.verify import count_triples

    run_kg(monkeypatch, capsys, "push", files["all"], "--endpoint", oxigraph.url)
    local = KgDataset.read(files["all"])
    found = count_triples(HttpClient(timeout=10), oxigraph.url + "/query", list(local.graphs))
    assert found == {g: len(s) for g, s in local.graphs.items()}


def test_per_document_needs_named_graphs(tmp_path, files, monkeypatch, capsys, no_credentials):
    ttl = tmp_path / "g.ttl"
    ttl.write_bytes(KgDataset.read(files["seed"]).serialize("turtle"))
    code, _, err = run_kg(monkeypatch, capsys, "push", ttl, "--endpoint",
                          f"http://127.0.0.1:{free_port()}", "--per-document")
    assert code == 2 and "named graphs" in one_line_error(err)
