"""The hand-labelled NER of the treebank's real-news sentences (seeds/treebank/ner)."""

from kg.models.evaluate import agreement
from kg.models.ner_data import NEWS_DEV, NEWS_TRAIN, TAGS, entity_spans, read_labelled
from kg.models.train import treebank_file
from kg.models.treebank import TREEBANK, read_conllu
from kg.text.segment import norm_token

SECOND = TREEBANK / "agreement" / "news-dev-1-60.second.ner.tsv"


def test_every_news_training_sentence_is_labelled_on_its_own_tokens():
    labelled = read_labelled(NEWS_TRAIN)
    news = [s for s in read_conllu(treebank_file("train")) if s.sent_id.startswith("news-")]
    assert {s.sent_id for s in news} == set(labelled)
    for s in news:
        assert [w for w, _ in labelled[s.sent_id]] == [norm_token(r[1]) for r in s.rows]
        assert all(t in TAGS for _, t in labelled[s.sent_id])


def test_every_news_dev_sentence_is_labelled_on_its_own_tokens():
    labelled = read_labelled(NEWS_DEV)
    news = [s for s in read_conllu(treebank_file("dev")) if s.sent_id.startswith("news-")]
    assert [s.sent_id for s in news] == list(labelled)
    for s in news:
        assert [w for w, _ in labelled[s.sent_id]] == [norm_token(r[1]) for r in s.rows]
        assert all(t in TAGS for _, t in labelled[s.sent_id])


def test_no_test_sentence_is_labelled_and_no_dev_sentence_trained_on():
    test_ids = {s.sent_id for s in read_conllu(treebank_file("test"))}
    assert not test_ids & (set(read_labelled(NEWS_TRAIN)) | set(read_labelled(NEWS_DEV)))
    assert not set(read_labelled(NEWS_DEV)) & set(read_labelled(NEWS_TRAIN))


def test_two_independent_labellings_agree():
    scores = agreement(NEWS_TRAIN, SECOND)
    assert scores["sentences"] == 60
    assert scores["entity_f1"] >= 0.9


def test_entity_spans_read_bio():
    sent = [("ডোনাল্ড", "B-PER"), ("ট্রাম্প", "I-PER"), ("ও", "O"), ("ঢাকা", "I-LOC")]
    assert entity_spans(sent) == {(0, 2, "PER"), (3, 4, "LOC")}
