"""What the tree decides, on trees written by hand (so the tests pin the extractor's reading
of a tree, not what the shipped parser happens to produce), and when the tree is set aside."""

from types import SimpleNamespace

import pytest

from kg.extract.discourse import Discourse
from kg.extract.roles import _one_phrase
from kg.parse.tree import Parse, Word
from kg.pipeline import Pipeline
from kg.settings import Settings
from kg.text.documents import Document
from kg.text.segment import normalize


@pytest.fixture(scope="module")
def rules():
    return Pipeline(Settings(parse=False, event_filter=False))


def events(pipeline, text, rows):
    """The sentence's events with the tree `rows`: (upos, head, deprel) per token."""
    st = pipeline.annotate(Document("t", normalize(text), None))
    parse = Parse([Word(u, h, d, "") for u, h, d in rows], [])
    evs = pipeline.extractor.extract(st.sentences[0], st.mentions[0], st.cues[0],
                                     Discourse(doc_bodies=[]), None, parse)
    return {(e.type, s.label, t.label) for e in evs for s in e.sources for t in e.targets}


# ইসরায়েলের রাজধানী লক্ষ্য করে আবারও মিসাইল হামলা চালিয়েছে ইয়েমেনের সশস্ত্র গোষ্ঠী হুতি বিদ্রোহীরা।
HOUTHI = "ইসরায়েলের রাজধানী লক্ষ্য করে আবারও মিসাইল হামলা চালিয়েছে ইয়েমেনের সশস্ত্র গোষ্ঠী হুতি বিদ্রোহীরা।"
HOUTHI_TREE = [("PROPN", 1, "nmod"), ("NOUN", 2, "compound"), ("NOUN", 3, "compound:lvc"),
               ("VERB", 7, "advcl"), ("ADV", 7, "advmod"), ("NOUN", 6, "compound"),
               ("NOUN", 7, "compound:lvc"), ("VERB", -1, "root"), ("PROPN", 10, "nmod"),
               ("ADJ", 10, "amod"), ("NOUN", 11, "compound"), ("PROPN", 12, "compound"),
               ("NOUN", 7, "nsubj"), ("PUNCT", 7, "punct")]


def test_a_genitive_describing_an_actor_is_no_argument_and_targeting_aims_the_act(rules):
    # ইয়েমেনের hangs off the Houthis' phrase: it says who they are, not whom they hit;
    # X লক্ষ্য করে is an adverbial clause, but it names what the attack aims at
    assert events(rules, HOUTHI, HOUTHI_TREE) == {("ASSAULT", "Houthis", "Israel")}


def test_a_conjunct_of_another_actor_stays_an_argument(rules):
    text = "ইতালি ও গ্রিসের তীব্র সমালোচনা করেছে জাতিসংঘ।"
    tree = [("PROPN", 6, "obl"), ("CCONJ", 2, "cc"), ("PROPN", 0, "conj"), ("ADJ", 4, "amod"),
            ("NOUN", 5, "compound:lvc"), ("VERB", -1, "root"), ("PROPN", 5, "nsubj"),
            ("PUNCT", 5, "punct")]
    # (the tree is deliberately odd: ইতালি attaches to জাতিসংঘ; গ্রিসের is a conjunct of it)
    found = events(rules, text, tree)
    assert ("DISAPPROVE", "United Nations", "Greece") in found


def test_a_tree_that_splits_or_extends_a_known_name_is_set_aside():
    name = SimpleNamespace(start=1, end=3)
    whole = [Word("VERB", -1, "root", ""), Word("PROPN", 0, "nsubj", ""),
             Word("PROPN", 1, "flat", "")]
    assert _one_phrase(whole, name)
    split = [Word("VERB", -1, "root", ""), Word("PROPN", 0, "nsubj", ""),
             Word("PROPN", 0, "obl", "")]
    assert not _one_phrase(split, name)
    extended = whole + [Word("PROPN", 2, "flat", "")]
    assert not _one_phrase(extended, name)
