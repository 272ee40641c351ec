"""kg.pipeline: stage processors, checked when the pipeline is built."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.pipeline import (
    Coreference,
    EventStage,
    Processor,
    Segmenter,
    check_chain,
)


class _NeedsParse(Processor):
    name, requires, provides = "needs-parse", frozenset({"parse"}), frozenset({"x"})


def test_a_stage_before_its_inputs_is_refused():
    with pytest.raises(KgError, match="needs parse"):
        check_chain([Segmenter(), _NeedsParse()])


def test_events_need_coreference_first(rules_pipeline):
    with pytest.raises(KgError, match="resolved"):
        check_chain([Segmenter(), EventStage(rules_pipeline.extractor)])


def test_stage_order_with_and_without_the_parse(pipeline, rules_pipeline):
    assert [s.name for s in pipeline.stages] == [
        "segment", "date", "mentions", "cues", "parse", "ner", "coref", "events", "records"]
    assert [s.name for s in rules_pipeline.stages] == [
        "segment", "date", "mentions", "cues", "coref", "events", "records"]
    assert isinstance(rules_pipeline.stages[4], Coreference)


def test_a_pipeline_keeps_no_document_state(rules_pipeline):
    """Two documents through one pipeline in either order give the same records."""
    from kg.text.documents import Document
    from kg.text.segment import normalize

    a = Document("a", normalize("পুতিন উত্তর কোরিয়া সফর করেন। তিনি বলেন, সহযোগিতা বাড়বে।"))
    b = Document("b", normalize("তুরস্ক ইসরায়েলের হামলার কঠোর সমালোচনা করেছে।"))
    first = [rules_pipeline.run(d).records for d in (a, b)]
    second = [rules_pipeline.run(d).records for d in (b, a)][::-1]
    assert first == second


def test_mentions_are_not_changed_by_the_event_stage(rules_pipeline):
    from kg.text.documents import Document
    from kg.text.segment import normalize

    doc = Document("t", normalize("রুশ হামলার নিন্দা জানিয়েছে ইউক্রেন। দুই পক্ষ আলোচনায় বসবে।"))
    state = rules_pipeline.annotate(doc)
    again = rules_pipeline.annotate(doc)
    assert [[(m.case, m.kind) for m in ms] for ms in state.mentions] == [
        [(m.case, m.kind) for m in ms] for ms in again.mentions]
    assert state.mentions[0][0].case == "plain"  # the event stage read রুশ as "gen" on a copy
