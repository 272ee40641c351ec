"""Fixtures of tests/viz: a graph with several components (tests/query/small_graph.py's
actors), whose small components are where layout order used to depend on the process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.query.small_graph import entities, graph_quads, write_graph

# (source, type, target, context, date): one bloc of three, two pairs on their own
COMPONENT_EVENTS = [
    ("A", "AID", "B", [], "2023-01-05"),
    ("B", "CONSULT", "C", [], "2023-02-01"),
    ("C", "DISAPPROVE", "A", [], "2023-03-01"),
    ("D", "AGREE", "E", [], "2023-04-01"),
    ("F", "THREATEN", "P", [], "2023-05-01"),
]


@pytest.fixture(scope="session")
def components_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("components") / "components.ttl"
    return write_graph(path, graph_quads(entities(), COMPONENT_EVENTS, "components"))
