"""The team's Bengali UD treebank: well-formed trees and a fixed, clean split."""

import pytest

from kg.models.treebank import parts, problems, read_conllu, split_file, split_treebank
from kg.text.segment import normalize, tokenize

SPLITS = ("train", "dev", "test")


@pytest.fixture(scope="module")
def splits():
    return {name: read_conllu(split_file(name)) for name in SPLITS}


def test_every_tree_is_well_formed(splits):
    bad = [p for sents in splits.values() for s in sents for p in problems(s)]
    assert bad == []


def test_problems_catches_broken_trees():
    from kg.models.treebank import Sent

    row = ["1", "ক", "ক", "NOUN", "_", "_", "2", "nsubj", "_", "_"]
    cyclic = Sent(["# sent_id = x"], [row, ["2", "খ", "খ", "VERB", "_", "_", "1", "obj", "_", "_"]])
    assert any("root" in p for p in problems(cyclic))
    assert any("cycle" in p for p in problems(cyclic))


def test_split_sizes_and_no_overlap(splits):
    everything = [s for sents in splits.values() for s in sents]
    assert len(everything) >= 1500
    assert sum(s.source.startswith("news-") for s in everything) >= 700
    assert len(splits["test"]) >= 150
    ids = [s.sent_id for s in everything]
    assert len(ids) == len(set(ids))


def test_test_split_is_the_news_test_passages_only(splits):
    """The parser is measured on news it never saw: sentences of the corpus's frozen test
    passages, and nothing of them in train or dev."""
    import json

    from tests.conftest import ROOT

    with (ROOT / "seeds" / "news" / "test.jsonl").open(encoding="utf-8") as fh:
        test_docs = {json.loads(line)["doc"] for line in fh if line.strip()}
    assert all(s.source.startswith("news-test:") for s in splits["test"])
    assert {s.source.split(":")[1] for s in splits["test"]} <= test_docs
    trained = splits["train"] + splits["dev"]
    assert not any(s.source.startswith("news-") and s.source.split(":")[1] in test_docs
                   for s in trained)


def test_split_files_are_derived_from_the_parts(splits):
    derived = split_treebank(parts())
    for name in SPLITS:
        assert [s.sent_id for s in derived[name]] == [s.sent_id for s in splits[name]]


def test_seed_article_sentences_are_training_only(splits):
    assert any(s.source == "seed" for s in splits["train"])
    assert not any(s.source == "seed" for s in splits["dev"] + splits["test"])


def test_tokens_match_the_tokenizer_kg_feeds_to_stanza(splits):
    def same(s):
        return [normalize(r[1]) for r in s.rows] == [t.text for t in tokenize(normalize(s.text))]

    mismatched = [s.sent_id for sents in splits.values() for s in sents if not same(s)]
    assert mismatched == []


def test_features_are_the_agreed_small_set(splits):
    allowed = {"Case", "Tense", "Mood", "Polarity", "Person", "VerbForm"}
    used = {f.split("=")[0] for sents in splits.values() for s in sents for r in s.rows
            if r[5] != "_" for f in r[5].split("|")}
    assert used <= allowed
