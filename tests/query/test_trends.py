"""kg.query.alignment_by_quarter: the alliance change over time (issue 14) sums the same
rule as the alignment graph, per calendar quarter, for the busiest pairs."""

from __future__ import annotations

import pytest

from kg.query import alignment_by_quarter, quarter
from tests.query.small_graph import node

A, B, C = map(node, "ABC")


@pytest.mark.parametrize(("when", "expected"), [
    ("2024-06-18", "2024-Q2"), ("2024-01", "2024-Q1"), ("2023-12-31", "2023-Q4"),
    ("2024", None), (None, None), ("--06-18", None),
])
def test_quarter_of_a_date(when, expected):
    assert quarter(when) == expected


def test_the_busiest_pairs_come_first_and_quarters_are_contiguous(small):
    trend = alignment_by_quarter(small[0], level="actor", top=20)
    assert trend.pairs[:2] == [(A, C), (A, B)]  # 3 and 2 events; the rest have 1
    assert trend.quarters == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1",
                              "2024-Q2"]  # empty quarters stay on the axis
    assert trend.events[(A, C)] == [3, 0, 0, 0, 0, 0]
    assert trend.unplaced == 0


def test_quarters_sum_to_the_alignment_graph(small):
    """Per pair, the quarters add up to the pair's net weight and event count."""
    AG = small[2]
    trend = alignment_by_quarter(small[0], level="actor", top=20)
    assert len(trend.pairs) == AG.number_of_edges()
    for pair in trend.pairs:
        assert sum(trend.values[pair]) == pytest.approx(AG.edges[pair]["weight"])
        assert sum(trend.events[pair]) == AG.edges[pair]["n_events"]


def test_rows_name_the_pairs_and_skip_empty_quarters(small):
    trend = alignment_by_quarter(small[0], level="actor", top=2)
    assert trend.rows() == [
        {"pair": "Avalon – Carpania", "quarter": "2023-Q1", "net": trend.values[(A, C)][0],
         "events": 3},
        {"pair": "Avalon – Borduria", "quarter": "2023-Q1", "net": trend.values[(A, B)][0],
         "events": 2}]
    assert trend.values[(A, B)][0] > trend.values[(A, C)][0] > 0  # two aids, a hedged one
