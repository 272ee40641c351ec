"""Clause boundaries the case-marker rules read (kg.extract.clauses)."""

from kg.extract.clauses import clauses, taken_up
from kg.lang.data import default_language
from kg.text.segment import normalize, split_sentences


def _clauses(text: str) -> tuple[list[str], list[int]]:
    sent = split_sentences(normalize(text))[0]
    return [t.text for t in sent.tokens], clauses(default_language(), sent)


def test_a_relative_clause_taken_up_by_a_correlative_ends_at_its_verb():
    words, ids = _clauses("বাংলাদেশ যে বিবৃতি দিয়েছে ভারত তা প্রত্যাখ্যান করছে।")
    assert ids[words.index("দিয়েছে")] < ids[words.index("ভারত")]
    assert ids[words.index("বাংলাদেশ")] == ids[words.index("দিয়েছে")]
    assert ids[words.index("ভারত")] == ids[words.index("প্রত্যাখ্যান")]


def test_without_a_correlative_the_relative_clause_stays_joined():
    words, ids = _clauses("বাংলাদেশ যে প্রস্তাব দিয়েছে ভারত সমর্থন করেছে।")
    assert len(set(ids)) == 1


def test_the_correlative_points_back_to_the_relative_clause():
    sent = split_sentences(normalize("ভারত যে অভিযোগ তুলেছে তা ভিত্তিহীন বলে উড়িয়ে দিয়েছে "
                                     "পাকিস্তান।"))[0]
    lang = default_language()
    ids = clauses(lang, sent)
    words = [t.text for t in sent.tokens]
    cue = words.index("উড়িয়ে")
    assert taken_up(lang, sent.tokens, ids, cue, ids[cue]) == ids[words.index("ভারত")]
