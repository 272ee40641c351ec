"""The learned event filter: pruning pairs, the model file, fitting, and the pipeline stage."""

from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.extract.filter import EventFilter, model_path, shipped_filter
from kg.extract.state import Event
from kg.lang.gazetteer import Entity
from kg.lang.lexicon import Predicate


def _entity(key: str) -> Entity:
    return Entity(key=key, label=key, label_bn=key, type="Country", wikidata=None)


def _event(features: dict) -> Event:
    pred = Predicate(id="criticize", type="DISAPPROVE", cameo="111", relation="criticized",
                     mode="")
    return Event(pred=pred, type="DISAPPROVE", cameo="111", relation="criticized", mode="",
                 sources=[_entity("a"), _entity("b")], targets=[_entity("x"), _entity("y")],
                 features=features)


FLT = EventFilter({"bias": -1.0, "good": 3.0}, threshold=0.5)


def test_pairs_below_the_threshold_go_and_their_actors_with_them():
    ev = _event({("a", "x"): {"bias": 1, "good": 1}, ("a", "y"): {"bias": 1},
                 ("b", "x"): {"bias": 1}, ("b", "y"): {"bias": 1}})
    kept = FLT.prune(ev)
    assert [e.key for e in kept.sources] == ["a"]
    assert [e.key for e in kept.targets] == ["x"]
    assert list(kept.features) == [("a", "x")]
    assert [e.key for e in ev.sources] == ["a", "b"]  # the proposal itself is untouched


def test_an_event_with_no_passing_pair_is_dropped_and_one_with_all_is_kept_whole():
    assert FLT.prune(_event({("a", "x"): {"bias": 1}})) is None
    whole = _event({("a", "x"): {"bias": 1, "good": 1}, ("b", "y"): {"bias": 1, "good": 1}})
    assert FLT.prune(whole) is whole


def test_events_without_features_pass():
    ev = _event({})
    assert FLT.prune(ev) is ev


def test_scores_are_probabilities_even_for_huge_weights():
    flt = EventFilter({"x": 1e6}, 0.5)
    assert flt.score({"x": 1.0}) == pytest.approx(1.0)
    assert flt.score({"x": -1.0}) == pytest.approx(0.0)


def test_the_model_file_round_trips(tmp_path):
    path = tmp_path / "f.json"
    path.write_text(FLT.to_json(documents=3), encoding="utf-8")
    assert EventFilter.load(path) == FLT
    assert json.loads(path.read_text())["documents"] == 3


@pytest.mark.parametrize("text", ["{", "[]", '{"format": "other"}',
                                  '{"format": "kg-event-filter/1", "weights": 3}'])
def test_a_broken_model_file_is_a_one_line_error(tmp_path, text):
    path = tmp_path / "f.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KgError, match="event filter"):
        EventFilter.load(path)


def test_the_rules_only_filter_ships_and_says_what_it_was_fitted_on():
    flt = shipped_filter(parsed=False)
    assert flt is not None and 0 < flt.threshold < 1
    about = json.loads(model_path(False).read_text(encoding="utf-8"))
    # fitted on the dev split (and the seed), never on the frozen test split
    assert "dev.jsonl" in about["trained_on"]
    assert "test.jsonl" not in about["trained_on"]
    assert about["cross_validated"]["f1"] > about["unfiltered"]["f1"]


def test_fitting_separates_what_the_labels_separate():
    from kg.models.event_filter import Example, fit

    examples = [Example("d", {"bias": 1.0, "good": 1.0}, 1) for _ in range(20)]
    examples += [Example("d", {"bias": 1.0, "bad": 1.0}, 0) for _ in range(20)]
    flt = EventFilter(fit(examples, l2=0.1), 0.5)
    assert flt.score({"bias": 1.0, "good": 1.0}) > 0.9
    assert flt.score({"bias": 1.0, "bad": 1.0}) < 0.1


def test_the_pipeline_filters_only_when_asked(rules_pipeline):
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    assert "filter" in [s.name for s in rules_pipeline.stages]
    unfiltered = Pipeline(Settings(parse=False, event_filter=False))
    assert "filter" not in [s.name for s in unfiltered.stages]
    assert unfiltered.event_filter is None


def test_filtered_records_are_a_subset_of_the_proposals(rules_pipeline):
    from kg.pipeline import Pipeline
    from kg.settings import Settings
    from kg.text.documents import Document
    from kg.text.segment import normalize

    text = ("রাশিয়া ইউক্রেনে হামলা চালিয়েছে। যুক্তরাষ্ট্র রাশিয়ার কড়া সমালোচনা করেছে। "
            "জাতিসংঘ মহাসচিব উদ্বেগ প্রকাশ করেছেন।")
    doc = Document("d", normalize(text), None)
    unfiltered = Pipeline(Settings(parse=False, event_filter=False)).run(doc).records

    def key(r):
        return (r["sentence_index"], r["type"], tuple(a["label"] for a in r["source"]))

    assert {key(r) for r in rules_pipeline.run(doc).records} <= {key(r) for r in unfiltered}


def test_the_filter_command_fits_a_loadable_model(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli
    from tests.conftest import HELDOUT_GOLD

    out = tmp_path / "flt.json"
    res = CliRunner().invoke(cli, ["models", "filter", str(HELDOUT_GOLD), "--no-parse",
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "5-fold F1" in res.output
    assert EventFilter.load(out).weights


def test_the_filter_command_refuses_too_few_documents(tmp_path):
    import subprocess
    import sys

    from tests.conftest import SEED_GOLD

    out = tmp_path / "flt.json"
    res = subprocess.run([sys.executable, "-m", "kg.cli", "models", "filter", str(SEED_GOLD),
                          "--no-parse", "--out", str(out)], capture_output=True, text=True)
    assert res.returncode == 2
    assert res.stderr.startswith("kg: error:") and "at least 5 gold documents" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert not out.exists()
