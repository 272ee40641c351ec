"""kg.query.canonical: reports of one event fold into one row; rivals weigh it once."""

from __future__ import annotations

from kg.query import alignment_graph, rivals
from kg.query.canonical import canonical_events
from kg.query.model import Actor, EventList, EventRow

A, B = Actor("urn:a", "A", type="Country"), Actor("urn:b", "B", type="Country")


def _report(n: int, canonical: str | None, context: tuple[str, ...] = (),
            confidence: float = 0.5, url: str | None = None) -> EventRow:
    return EventRow(event=f"urn:e{n}", type="DISAPPROVE", quad="verbal conflict",
                    date="2024-01-0" + str(n), context=context, sources=(A,), targets=(B,),
                    document=f"d{n}", confidence=confidence, url=url, canonical=canonical,
                    num_mentions=3 if canonical else 1, num_sources=2 if canonical else 1)


def test_three_reports_fold_into_one_row_and_weigh_once():
    rows = EventList([_report(1, "urn:c", ("reported",), 0.4, "https://x/1"),
                      _report(2, "urn:c", ("reported", "future"), 0.9, "https://y/2"),
                      _report(3, "urn:c", ("reported",), 0.6, "https://x/1")])
    (row,) = canonical_events(rows)
    assert row.event == "urn:c" and row.mentions == ("urn:e1", "urn:e2", "urn:e3")
    assert (row.num_mentions, row.num_sources) == (3, 2)
    assert row.context == ("reported",) and row.confidence == 0.9
    assert row.urls == ("https://x/1", "https://y/2") and row.document == "d1"
    once, thrice = alignment_graph([row]), alignment_graph(rows)
    assert once["urn:a"]["urn:b"]["weight"] == -1.0
    assert thrice["urn:a"]["urn:b"]["weight"] == -3.0
    assert rivals(once, "urn:a") == [("urn:b", once["urn:a"]["urn:b"])]


def test_without_a_canonical_layer_every_report_is_its_own_event():
    rows = EventList([_report(1, None), _report(2, None)])
    folded = canonical_events(rows)
    assert [r.event for r in folded] == ["urn:e1", "urn:e2"]
    assert all(r.num_mentions == 1 and r.mentions == (r.event,) for r in folded)
