"""Accuracy on real news cannot silently fall: the frozen test split (never read while the
rules, lexicon or gazetteer were written) and the dev split, scored as event-schema.md §5
defines it, stay at or above the figures reported in the README less 0.02."""

from __future__ import annotations

from pathlib import Path

import pytest

NEWS = Path(__file__).resolve().parents[2] / "seeds" / "news"
# Measured with `kg evaluate seeds/news/<split>.jsonl --ablation` (README, Quality).
REPORTED = {("test", "parse"): 0.588, ("test", "rules"): 0.581,
            ("dev", "parse"): 0.730, ("dev", "rules"): 0.723}
MARGIN = 0.02
# What the parse adds on the test split (issue "Real news II"), pinned at the level reached:
# 0.0072 with the learned filters (each fitted on dev for its own path), 0.0099 without them
# (0.0015 and 0.010 at the last stop).
PARSE_GAIN = {True: 0.007, False: 0.009}


def _score(split: str, pipeline) -> float:
    from kg.evaluate import Matcher, Scores, load_gold, score_document
    from kg.lang.gazetteer import default_gazetteer
    from kg.text.documents import Document, parse_date
    from kg.text.segment import normalize

    scores, matcher = Scores(), Matcher(default_gazetteer())
    for g in load_gold(NEWS / f"{split}.jsonl"):
        doc = Document(g["doc"], normalize(g["text"]), parse_date(g.get("date"), split))
        score_document(g, pipeline.run(doc).records, matcher, scores)
    return scores.f1


@pytest.mark.slow
@pytest.mark.parametrize(("split", "path"), sorted(REPORTED))
def test_f1_does_not_fall(split, path, pipeline, rules_pipeline):
    f1 = _score(split, pipeline if path == "parse" else rules_pipeline)
    assert f1 >= REPORTED[(split, path)] - MARGIN, f"{split} [{path}]: F1 {f1:.3f}"


@pytest.mark.slow
@pytest.mark.parametrize("event_filter", [True, False])
def test_the_parse_earns_its_place_on_the_test_split(event_filter):
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    with_parse = _score("test", Pipeline(Settings(parse=True, event_filter=event_filter)))
    without = _score("test", Pipeline(Settings(parse=False, event_filter=event_filter)))
    gain = PARSE_GAIN[event_filter]
    assert with_parse >= without + gain, f"parse {with_parse:.3f}, rules {without:.3f}"
