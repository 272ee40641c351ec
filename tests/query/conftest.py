"""Fixtures of tests/query: the small graph (tests/query/small_graph.py) in every RDF
format kg writes, and the seed article's graph, each built and loaded once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import actor_graph, alignment_graph, load_events
from tests.query.small_graph import EVENTS, FORMATS, entities, graph_quads, write_graph


@pytest.fixture(scope="session")
def small_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small")
    quads = graph_quads(entities(), EVENTS)
    for fmt, ext in FORMATS:
        write_graph(out / f"small.{ext}", quads, fmt)
    return out


@pytest.fixture(scope="session")
def small_file(small_dir) -> Path:
    return small_dir / "small.ttl"


@pytest.fixture(scope="session")
def small(small_file):
    events = load_events(small_file, use_cache=False)
    mg = actor_graph(events)
    return events, mg, alignment_graph(mg)


@pytest.fixture(scope="session")
def seed(seed_graph_file):
    events = load_events(seed_graph_file, use_cache=False)
    mg = actor_graph(events)
    return events, mg, alignment_graph(mg)
