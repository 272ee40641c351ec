"""People only the NER model finds (kg.entities.ner), on spans and trees written by hand."""

from kg.entities.ner import ner_mentions
from kg.lang.data import default_language
from kg.lang.gazetteer import default_gazetteer
from kg.parse.tree import Parse, Word
from kg.text.segment import Sentence, normalize, tokenize


def sentence(text):
    text = normalize(text)
    return Sentence(0, 0, len(text), text, tokenize(text))


def tree(upos):
    return [Word(u, -1 if k == 0 else 0, "root" if k == 0 else "dep", "")
            for k, u in enumerate(upos)]


MORPH = default_language().morph


def test_a_full_name_becomes_an_actor_without_a_qid():
    s = sentence("মুখপাত্র রহিম উদ্দিন জানান।")
    parse = Parse(tree(["NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]), [(1, 3, "PER")])
    (m,) = ner_mentions(s, [], parse, MORPH)
    assert (m.start, m.end, m.kind) == (1, 3, "ner")
    assert m.candidates[0].wikidata is None and m.candidates[0].label_bn == "রহিম উদ্দিন"


def test_edge_words_that_are_no_proper_nouns_are_not_the_name():
    s = sentence("মুকুল বিগত আট মাস আগে মালয়েশিয়া যায়।")
    upos = ["PROPN", "ADJ", "NUM", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"]
    # trimmed to one word, the span is no full name any more
    assert ner_mentions(s, [], Parse(tree(upos), [(0, 2, "PER")]), MORPH) == []


def test_the_start_of_a_name_the_document_gives_is_that_person():
    kim = default_gazetteer().get("Q56226")
    s = sentence("হুঁশিয়ারি দিয়েছেন কিম জং।")
    parse = Parse(tree(["NOUN", "VERB", "PROPN", "PROPN", "PUNCT"]), [(2, 4, "PER")])
    (m,) = ner_mentions(s, [], parse, MORPH, named=(kim,))
    assert m.kind == "name" and m.candidates == [kim]
    # without Kim named in the document, no QID is guessed
    (m,) = ner_mentions(s, [], parse, MORPH)
    assert m.kind == "ner" and m.candidates[0].wikidata is None
