"""kg.query.load and kg.query.project: every RDF format kg writes projects to the same
events, with their fields; bad input is a one-line KgError."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.query import load_events
from tests.query.small_graph import EVENTS, node


def test_projection_reads_every_event_with_its_fields(small):
    events, mg, _ag = small
    assert len(events) == len(EVENTS)
    hyp = [e for e in events if e.context == ("hypothetical",)][0]
    assert (hyp.type, hyp.quad, hyp.date) == ("AID", "material cooperation", "2023-03-02")
    assert [a.label for a in hyp.sources] == ["Avalon"]
    assert hyp.evidence == "বাক্য 3।" and hyp.document == "small"
    ada = mg.nodes[node("P")]
    assert (ada["label"], ada["type"], ada["affiliation"]) == ("Ada Lind", "Person", node("A"))


@pytest.mark.parametrize("ext", ["nt", "nq", "trig", "jsonld"])
def test_every_rdf_format_projects_the_same_events(small_dir, small, ext):
    other = load_events(small_dir / f"small.{ext}", use_cache=False)
    assert [(e.event, e.type, e.sources, e.targets) for e in other] == \
        [(e.event, e.type, e.sources, e.targets) for e in small[0]]


def test_bad_input_is_a_kg_error(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        load_events(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    with pytest.raises(KgError, match="cannot parse"):
        load_events(bad)
