"""People only the NER model finds (kg.entities.ner), on spans and trees written by hand."""

from kg.entities.ner import name_base, ner_mentions
from kg.entities.recognizer import EntityRecognizer
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


def test_a_name_loses_only_a_names_case_ending():
    assert name_base("আরাকচিকে", MORPH) == ("আরাকচি", "acc")
    assert name_base("স্কলজের", MORPH) == ("স্কলজ", "gen")
    assert name_base("পলিয়ানস্কির", MORPH) == ("পলিয়ানস্কি", "gen")
    # no plural is cut from a name (শারা is no শা + রা), nor র after a consonant
    assert name_base("শারা", MORPH) == ("শারা", "plain")
    assert name_base("শঙ্কর", MORPH) == ("শঙ্কর", "plain")


def test_a_name_right_after_a_states_office_is_that_office_not_a_second_actor():
    s = sentence("রুশ উপ-রাষ্ট্রদূত দিমিত্রি পলিয়ানস্কিকে তলব করা হয়।")
    known = EntityRecognizer(default_gazetteer(), MORPH).mentions(s)
    upos = ["ADJ", "NOUN", "PROPN", "PROPN", "NOUN", "VERB", "VERB", "PUNCT"]
    ms = ner_mentions(s, known, Parse(tree(upos), [(2, 4, "PER")]), MORPH)
    (m,) = ms
    assert (m.start, m.end, m.case, m.kind) == (0, 4, "acc", "unit")
    assert [e.label for e in m.candidates] == ["Russia"]


def test_an_office_with_a_case_of_its_own_keeps_the_name_after_it_apart():
    s = sentence("চীনের রাষ্ট্রদূতকে জসিম উদ্দিন আহমেদ তলব করেছেন।")
    known = EntityRecognizer(default_gazetteer(), MORPH).mentions(s)
    upos = ["PROPN", "NOUN", "PROPN", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT"]
    ms = ner_mentions(s, known, Parse(tree(upos), [(2, 5, "PER")]), MORPH)
    assert [(m.start, m.end, m.case) for m in ms] == [(0, 2, "acc"), (2, 5, "plain")]


def test_a_final_r_is_a_genitive_only_when_the_tagger_says_so():
    s = sentence("ভারতের রাষ্ট্রদূত প্রণয় কুমার পাকিস্তানের সমালোচনা করেছেন।")
    upos = ["PROPN", "NOUN", "PROPN", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT"]
    parse = Parse(tree(upos), [(2, 4, "PER")])
    (m,) = ner_mentions(s, [], parse, MORPH)
    assert m.case == "plain" and m.candidates[0].label_bn == "প্রণয় কুমার"
    parse.words[3] = Word("PROPN", 0, "nmod", "Case=Gen")
    (m,) = ner_mentions(s, [], parse, MORPH)
    assert m.case == "gen" and m.candidates[0].label_bn == "প্রণয় কুমা"
