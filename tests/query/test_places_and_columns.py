"""Places are locations, not actors, in the query views; `kg query events` tables carry
the codes, confidence and report counts."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from kg.cli import cli
from tests.query.small_graph import entities, graph_quads, node, write_graph

SEA = "https://w3id.org/kg-bn/id/actor/sea-of-marmalade"


def _graph(tmp_path):
    from kg.lang.gazetteer import Entity

    ents = entities()
    ents["S"] = Entity("Sea of Marmalade", None, "Sea of Marmalade", "মার্মালেড সাগর",
                       "Location", ["মার্মালেড সাগর"])
    events = [("A", "MOBILIZE", "S", [], "2024-01-01"),
              ("A", "CONSULT", "B", [], "2024-01-02")]
    return write_graph(tmp_path / "g.ttl", graph_quads(ents, events))


def test_a_place_named_as_target_is_the_location_not_an_actor(tmp_path):
    from kg.query import actor_graph, load_events

    events = load_events(_graph(tmp_path), use_cache=False)
    launch = next(r for r in events if r.type == "MOBILIZE")
    assert launch.targets == () and launch.location == "Sea of Marmalade"
    assert [a.id for a in launch.places] == [SEA]
    assert SEA not in actor_graph(events)
    assert node("A") in actor_graph(events)


def test_event_table_has_codes_confidence_and_counts(tmp_path):
    graph = _graph(tmp_path)
    result = CliRunner().invoke(cli, ["query", "events", "--graph", str(graph), "--format",
                                      "csv", "--no-cache"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    for column in ("cameo", "goldstein", "confidence", "location", "num_mentions",
                   "num_sources", "urls"):
        assert column in rows[0]
    launch = next(r for r in rows if r["type"] == "MOBILIZE")
    assert launch["location"] == "Sea of Marmalade" and launch["confidence"] == "0.9"
    assert launch["num_mentions"] == "1"
