"""kg.query.events: filters (dates of any precision match by overlap), timelines in date
order, and the statistics of a graph."""

from __future__ import annotations

from kg.query import filter_events, stats, timeline
from tests.query.small_graph import EVENTS, node


def test_filter_events_by_type_quad_context_and_dates(small):
    events = small[0]
    assert {e.type for e in filter_events(events, types=["aid"])} == {"AID"}
    assert len(filter_events(events, quads=["material conflict"])) == 1
    assert len(filter_events(events, contexts=["negated"])) == 1
    # a month-precision date (2024-02) overlaps a day inside it
    feb = filter_events(events, since="2024-02-15", until="2024-02-20")
    assert [e.type for e in feb] == ["THREATEN"]
    assert len(filter_events(events, since="2024")) == 7
    only_b = filter_events(events, actor=node("B"))
    assert all(node("B") in {a.id for a in e.sources + e.targets} for e in only_b)
    assert len(only_b) == 4


def test_timeline_is_in_date_order(small):
    events = small[0]
    dates = [e.when for e in timeline(events, node("A"))]
    assert dates == sorted(dates) and len(dates) == 6


def test_stats_count_events_actors_and_types(small):
    events, mg, ag = small
    st = stats(events, mg, ag)
    assert st["events"] == len(EVENTS) and st["actors"] == 7 and st["type.AID"] == 3
    assert stats(events) == st  # the views are built when not given
