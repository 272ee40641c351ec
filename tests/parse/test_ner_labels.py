"""The hand-labelled NER of the treebank's real-news sentences (seeds/treebank/ner)."""

import pytest

from kg.errors import KgError
from kg.models.evaluate import agreement
from kg.models.ner_data import NEWS_DEV, NEWS_TRAIN, entity_spans, read_labelled
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


def test_the_blind_news_dev_labels_are_dev_sentences_on_their_own_tokens():
    # the first round's 90 dev news sentences, labelled without seeing any model's output;
    # the dev sentences added later (news-dev-901 on) stay unlabelled, so the NER's real-news
    # score is on blind labels only
    labelled = read_labelled(NEWS_DEV)
    news = [s for s in read_conllu(treebank_file("dev")) if s.sent_id.startswith("news-")]
    first = [s.sent_id for s in news if int(s.sent_id.rsplit("-", 1)[1]) <= 900]
    assert first == list(labelled)
    for s in news:
        if s.sent_id in labelled:
            assert [w for w, _ in labelled[s.sent_id]] == [norm_token(r[1]) for r in s.rows]


def test_no_test_sentence_is_labelled_and_no_dev_sentence_trained_on():
    test_ids = {s.sent_id for s in read_conllu(treebank_file("test"))}
    assert not test_ids & (set(read_labelled(NEWS_TRAIN)) | set(read_labelled(NEWS_DEV)))
    assert not set(read_labelled(NEWS_DEV)) & set(read_labelled(NEWS_TRAIN))


def test_two_independent_labellings_agree():
    scores = agreement(NEWS_TRAIN, SECOND)
    assert scores["sentences"] == 60
    assert scores["entity_f1"] >= 0.9


def test_a_label_file_with_a_bad_tag_or_a_sentence_twice_is_refused(tmp_path):
    bad = tmp_path / "bad.ner.tsv"
    bad.write_text("# sent_id = a\nঢাকা\tB-CITY\n", encoding="utf-8")
    with pytest.raises(KgError, match="BIO tag"):
        read_labelled(bad)
    bad.write_text("# sent_id = a\nঢাকা\tB-LOC\n\n# sent_id = a\nঢাকা\tO\n", encoding="utf-8")
    with pytest.raises(KgError, match="twice"):
        read_labelled(bad)


def test_entity_spans_read_bio():
    sent = [("ডোনাল্ড", "B-PER"), ("ট্রাম্প", "I-PER"), ("ও", "O"), ("ঢাকা", "I-LOC")]
    assert entity_spans(sent) == {(0, 2, "PER"), (3, 4, "LOC")}
