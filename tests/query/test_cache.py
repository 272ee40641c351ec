"""kg.query.cache: FILE.kgcache is reused while the graph's bytes are unchanged, gives
back exactly the projection it stored, and is data, never code: a planted pickle, a
cache of another file or a tampered cache is ignored and rebuilt, never trusted.

Security regression (issue 12, item 9): the cache used to be a pickle, so anyone who
could drop a file next to a graph ran code as whoever ran `kg query` on it."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.query.load as load_module
from kg.cli import cli
from kg.query import CACHE_SUFFIX, actor_graph, alignment_graph, load_events, stats
from kg.query.cache import CACHE_FORMAT, CACHE_VERSION
from tests.conftest import ROOT
from tests.query.small_graph import EVENTS


class _Payload:
    """Unpickling this runs code: it writes `marker`, as an attacker's cache would."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('pwned')",))


def _plant_pickle(graph: Path, marker: Path) -> Path:
    cache = graph.with_name(graph.name + CACHE_SUFFIX)
    digest = hashlib.sha256(graph.read_bytes()).hexdigest()
    # shaped like the old cache (version, sha256, events), so nothing but the format
    # tells it apart
    cache.write_bytes(pickle.dumps(("kg-query-1", digest, _Payload(marker))))
    return cache


@pytest.fixture
def graph(tmp_path, small_file) -> Path:
    path = tmp_path / "g.ttl"
    path.write_bytes(small_file.read_bytes())
    return path


def _rows(events) -> list:
    return [(r.event, r.type, r.quad, r.mode, r.relation, r.cameo, r.date, r.context,
             [a.id for a in r.sources], [a.id for a in r.targets], r.objects, r.location,
             r.document, r.doc_date, r.sentence, r.evidence, r.confidence) for r in events]


def _actors(events) -> list:
    return [(a.id, a.label, a.label_bn, a.type, a.wikidata, a.alt_labels, a.roles,
             [x.id for x in a.affiliations]) for a in events.actors.values()]


def test_cache_is_written_reused_and_invalidated(graph):
    first = load_events(graph)
    cache = graph.with_name("g.ttl" + CACHE_SUFFIX)
    assert cache.exists() and len(first) == len(EVENTS)
    graph.write_bytes(graph.read_bytes() +
                      b"\n<urn:x> a <https://w3id.org/kg-bn/ontology#Event> .")
    assert len(load_events(graph)) == len(EVENTS) + 1  # new hash: re-parsed
    cache.write_bytes(b"not a cache")
    assert len(load_events(graph)) == len(EVENTS) + 1


def test_cache_is_gzipped_json_naming_the_graph_it_was_made_from(graph):
    load_events(graph)
    doc = json.loads(gzip.decompress(graph.with_name("g.ttl" + CACHE_SUFFIX).read_bytes()))
    assert (doc["format"], doc["version"]) == (CACHE_FORMAT, CACHE_VERSION)
    assert doc["source_sha256"] == hashlib.sha256(graph.read_bytes()).hexdigest()


def test_cache_gives_back_exactly_the_projection(graph, monkeypatch):
    parsed = load_events(graph)
    monkeypatch.setattr(load_module, "project_rdf", lambda _p: pytest.fail("re-parsed"))
    cached = load_events(graph)
    assert _rows(cached) == _rows(parsed) and _actors(cached) == _actors(parsed)
    assert cached.meta == parsed.meta
    for level in ("actor", "country"):
        a, b = actor_graph(parsed, level), actor_graph(cached, level)
        assert list(a.nodes(data=True)) == list(b.nodes(data=True))
        assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert stats(cached) == stats(parsed)
    # shared actors stay shared: an event's source is the table's actor object
    row = next(r for r in cached if r.sources)
    assert row.sources[0] is cached.actors[row.sources[0].id]


def test_a_planted_pickle_is_ignored_and_never_executed(graph, tmp_path):
    marker = tmp_path / "pwned"
    cache = _plant_pickle(graph, marker)
    events = load_events(graph)
    assert not marker.exists(), "the planted cache ran code"
    assert _rows(events) == _rows(load_events(graph, use_cache=False))
    assert cache.read_bytes()[:2] == b"\x1f\x8b"  # replaced by a real (gzip) cache


def test_kg_query_ignores_a_planted_pickle_cache(graph, tmp_path):
    """The attack as it happens: someone runs `kg query` on a graph beside which a
    malicious FILE.kgcache was planted."""
    marker = tmp_path / "pwned"
    _plant_pickle(graph, marker)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "query", "stats", "--graph",
                           str(graph), "--format", "json"],
                          capture_output=True, text=True, env=env, check=False)
    assert not marker.exists(), "kg query ran code from the planted cache"
    assert proc.returncode == 0, proc.stderr
    expected = CliRunner().invoke(cli, ["query", "stats", "--graph", str(graph), "--format",
                                        "json", "--no-cache"])
    assert json.loads(proc.stdout) == json.loads(expected.stdout)


def test_a_cache_of_another_graph_is_not_trusted(graph, small_dir, tmp_path):
    other = tmp_path / "other.nt"
    other.write_bytes((small_dir / "small.nt").read_bytes())
    other_events = load_events(other)
    graph.with_name("g.ttl" + CACHE_SUFFIX).write_bytes(
        other.with_name("other.nt" + CACHE_SUFFIX).read_bytes())
    graph.write_bytes(graph.read_bytes() +
                      b"\n<urn:x> a <https://w3id.org/kg-bn/ontology#Event> .")
    assert len(load_events(graph)) == len(other_events) + 1


def _tamper(doc: dict, how: str) -> dict:
    if how == "version":
        doc["version"] = CACHE_VERSION + 1
    elif how == "kg-version":
        doc["kg"] = "0.0.0"
    elif how == "type":
        doc["events"][0][1] = 7  # an event type that is not a string
    elif how == "unknown-actor":
        doc["events"][0][8] = ["https://example.org/nobody"]
    elif how == "short-row":
        doc["events"][0] = doc["events"][0][:-1]
    elif how == "meta":
        doc["meta"] = {"triples": "many"}
    return doc


@pytest.mark.parametrize("how", ["version", "kg-version", "type", "unknown-actor",
                                 "short-row", "meta", "truncated", "bomb"])
def test_a_malformed_cache_is_rebuilt(graph, how):
    expected = _rows(load_events(graph, use_cache=False))
    cache = graph.with_name("g.ttl" + CACHE_SUFFIX)
    load_events(graph)
    data = cache.read_bytes()
    if how == "truncated":
        cache.write_bytes(data[:len(data) // 2])
    elif how == "bomb":  # inflates far past any cache of this graph: not read in full
        cache.write_bytes(gzip.compress(b" " * (64 << 20), compresslevel=1))
    else:
        doc = _tamper(json.loads(gzip.decompress(data)), how)
        cache.write_bytes(gzip.compress(json.dumps(doc).encode()))
    assert _rows(load_events(graph)) == expected
    assert gzip.decompress(cache.read_bytes()) == gzip.decompress(data)  # rebuilt


def test_no_cache_neither_reads_nor_writes(graph, tmp_path):
    marker = tmp_path / "pwned"
    cache = _plant_pickle(graph, marker)
    planted = cache.read_bytes()
    AG = alignment_graph(actor_graph(load_events(graph, use_cache=False)))
    assert AG.number_of_nodes() and not marker.exists()
    assert cache.read_bytes() == planted
