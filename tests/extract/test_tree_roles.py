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


def sources(pipeline, text, rows):
    """Who acts in the sentence's events (targets or not) with the tree `rows`."""
    st = pipeline.annotate(Document("t", normalize(text), None))
    parse = Parse([Word(u, h, d, "") for u, h, d in rows], [])
    evs = pipeline.extractor.extract(st.sentences[0], st.mentions[0], st.cues[0],
                                     Discourse(doc_bodies=[]), None, parse)
    return {(e.type, s.label) for e in evs for s in e.sources}


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


def test_a_genitive_list_the_tree_makes_a_subject_is_placed_by_its_case(rules):
    # the tree (as the parser read it) makes যুক্তরাষ্ট্র, the head of "the US, South Korea
    # and Japan's", the subject of the warning's content clause: a genitive is no subject,
    # so the case markers decide: the list owns the exercise, Kim Yo Jong only warns
    text = ("যুক্তরাষ্ট্র, দক্ষিণ কোরিয়া এবং জাপানের যৌথ সামরিক মহড়া তাদের নিজেদের জন্যই বিপজ্জনক "
            "পরিস্থিতি তৈরি করতে পারে এমন হুঁশিয়ারি দিয়েছেন উত্তর কোরিয়ার সর্বোচ্চ নেতা কিম জং "
            "উনের বোন কিম ইয়ো জং।")
    tree = [("PROPN", 15, "nsubj"), ("PUNCT", 2, "punct"), ("PROPN", 0, "conj"),
            ("PROPN", 2, "flat"), ("CCONJ", 5, "cc"), ("PROPN", 2, "conj"), ("ADJ", 8, "amod"),
            ("ADJ", 8, "amod"), ("NOUN", 15, "nsubj"), ("PRON", 10, "nmod"),
            ("PRON", 15, "obl"), ("ADP", 10, "case"), ("ADJ", 13, "amod"), ("NOUN", 15, "obj"),
            ("NOUN", 15, "compound:lvc"), ("VERB", 19, "ccomp"), ("AUX", 15, "aux"),
            ("DET", 18, "det"), ("NOUN", 19, "compound:lvc"), ("VERB", -1, "root"),
            ("PROPN", 23, "nmod"), ("PROPN", 20, "flat"), ("ADJ", 23, "amod"),
            ("NOUN", 24, "compound"), ("PROPN", 19, "nsubj"), ("PROPN", 24, "flat"),
            ("PROPN", 24, "flat"), ("NOUN", 28, "compound"), ("PROPN", 19, "nsubj"),
            ("PROPN", 28, "flat"), ("PROPN", 28, "flat"), ("PUNCT", 19, "punct")]
    found = events(rules, text, tree)
    assert ("COOPERATE", "South Korea", "Japan") in found
    assert not any(t == "COOPERATE" and "Kim Yo Jong" in (a, b) for t, a, b in found)


def test_a_bare_name_the_tree_hangs_off_a_time_noun_is_placed_by_its_case(rules):
    # হাঙ্গেরি read as a modifier of দীর্ঘদিন ("for long"), inside the membership clause: a
    # bare name modifies no noun but an event's, so the rules make it the subject
    text = "হাঙ্গেরি দীর্ঘদিন ধরে ইউক্রেনের সদস্য হওয়ার বিরোধিতা করেছে।"
    tree = [("PROPN", 1, "nmod"), ("NOUN", 5, "obl"), ("ADP", 1, "case"), ("PROPN", 4, "nmod"),
            ("NOUN", 5, "obj"), ("VERB", 6, "acl"), ("NOUN", 7, "obj"), ("VERB", -1, "root"),
            ("PUNCT", 7, "punct")]
    assert ("REJECT", "Hungary", "Ukraine") in events(rules, text, tree)


def test_a_bare_name_read_as_a_second_object_is_the_subject(rules):
    text = "এ ব্যাপারে তেলআবিব দায় চাপিয়েছে হামাসের ওপর।"
    tree = [("DET", 1, "det"), ("NOUN", 4, "obl"), ("PROPN", 4, "obj"), ("NOUN", 4, "obj"),
            ("VERB", -1, "root"), ("PROPN", 4, "obl"), ("ADP", 5, "case"), ("PUNCT", 4, "punct")]
    assert events(rules, text, tree) == {("DISAPPROVE", "Israel", "Hamas")}


def test_a_subject_listed_with_a_noun_subject_stays_a_subject(rules):
    # যুক্তরাষ্ট্র is a conjunct of দেশগুলি, the tree's second subject: both who call are kept
    text = ("উপসাগরীয় সহযোগিতা পরিষদ (GCC) দেশগুলি এবং মার্কিন যুক্তরাষ্ট্র ইরানকে আন্তর্জাতিক পরমাণু "
            "শক্তি সংস্থা (IAEA) এর সাথে সম্পূর্ণ সহযোগিতা করার জন্য নতুন করে আহ্বান জানিয়েছে, "
            "দেশগুলি একটি যৌথ বিবৃতিতে বলেছে।")
    tree = [("ADJ", 1, "amod"), ("PROPN", 27, "nsubj"), ("PROPN", 1, "flat"),
            ("PUNCT", 4, "punct"), ("PROPN", 1, "appos"), ("PUNCT", 4, "punct"),
            ("NOUN", 27, "nsubj"), ("CCONJ", 9, "cc"), ("ADJ", 9, "amod"), ("PROPN", 6, "conj"),
            ("PROPN", 9, "flat"), ("ADJ", 13, "amod"), ("NOUN", 14, "compound"),
            ("PROPN", 14, "compound"), ("NOUN", 1, "conj"), ("PUNCT", 16, "punct"),
            ("PROPN", 14, "appos"), ("PUNCT", 16, "punct"), ("ADP", 14, "case"),
            ("ADP", 14, "case"), ("ADJ", 21, "amod"), ("NOUN", 22, "compound:lvc"),
            ("VERB", 25, "advcl"), ("ADP", 22, "mark"), ("ADJ", 25, "compound:lvc"),
            ("VERB", 27, "advcl"), ("NOUN", 27, "compound:lvc"), ("VERB", -1, "root"),
            ("PUNCT", 33, "punct"), ("NOUN", 33, "nsubj"), ("DET", 32, "det"),
            ("ADJ", 32, "amod"), ("NOUN", 33, "obl"), ("VERB", 27, "conj"),
            ("PUNCT", 27, "punct")]
    found = events(rules, text, tree)
    assert {("DEMAND", "Gulf Cooperation Council", "Iran"),
            ("DEMAND", "United States", "Iran")} <= found


def test_a_subject_the_act_is_aimed_at_is_no_choice_of_subject(rules):
    # the tree's only subject is চীন, who answers; the tariff is imposed on China, so the
    # tree cannot choose among the tariff's subjects: Trump keeps it
    text = ("যুক্তরাষ্ট্রের প্রেসিডেন্ট ডোনাল্ড ট্রাম্প চীনের ওপর নতুন ১০ শতাংশ শুল্ক আরোপের ঘোষণা "
            "দেয়ার পর চীন এমন পদক্ষেপের কথা জানালো।")
    tree = [("PROPN", 1, "nmod"), ("NOUN", 2, "compound"), ("PROPN", 10, "nmod"),
            ("PROPN", 2, "flat"), ("PROPN", 2, "flat"), ("ADP", 4, "case"), ("ADJ", 8, "amod"),
            ("NUM", 8, "nummod"), ("NOUN", 9, "compound"), ("NOUN", 10, "compound"),
            ("NOUN", 11, "nmod"), ("NOUN", 12, "compound:lvc"), ("VERB", 18, "advcl"),
            ("ADP", 12, "mark"), ("PROPN", 18, "nsubj"), ("DET", 16, "det"),
            ("NOUN", 17, "nmod"), ("NOUN", 18, "obj"), ("VERB", -1, "root"),
            ("PUNCT", 18, "punct")]
    assert ("SANCTION", "Donald Trump", "People's Republic of China") in events(rules, text,
                                                                                tree)


def test_a_bare_object_of_a_verb_without_a_subject_is_its_subject(rules):
    text = "কয়েকদিন আগে দোহায় ইসরায়েল আক্রমণ করেছে।"
    tree = [("NOUN", 5, "obl"), ("ADP", 0, "case"), ("PROPN", 5, "obl"), ("PROPN", 5, "obj"),
            ("NOUN", 5, "compound:lvc"), ("VERB", -1, "root"), ("PUNCT", 5, "punct")]
    assert events(rules, text, tree) == {("ASSAULT", "Israel", "Qatar")}


def test_what_is_agreed_to_is_done_by_who_agrees(rules):
    # the tree makes the countries subjects of সম্মত হয়েছে, not parts of the ceasefire noun
    text = ("বিবৃতিতে বলা হয়, আফগানিস্তান ও পাকিস্তান যুদ্ধবিরতিতে সম্মত হয়েছে এবং এ যুদ্ধবিরতি যেন "
            "কার্যকর থাকে সেটি নিশ্চিতে দুই দেশ ফলোআপ বৈঠক করতেও সম্মত হয়েছে।")
    tree = [("NOUN", 2, "obl"), ("VERB", 2, "xcomp"), ("VERB", -1, "root"), ("PUNCT", 2, "punct"),
            ("PROPN", 9, "nsubj"), ("CCONJ", 6, "cc"), ("PROPN", 4, "conj"), ("NOUN", 9, "obl"),
            ("ADJ", 9, "compound:lvc"), ("VERB", 2, "ccomp"), ("CCONJ", 14, "cc"),
            ("DET", 12, "det"), ("NOUN", 14, "nsubj"), ("SCONJ", 14, "mark"),
            ("ADJ", 2, "ccomp"), ("AUX", 14, "cop"), ("PRON", 17, "compound"),
            ("NOUN", 24, "obl"), ("NUM", 19, "nummod"), ("NOUN", 24, "nsubj"),
            ("NOUN", 21, "compound"), ("NOUN", 22, "obj"), ("VERB", 24, "xcomp"),
            ("ADJ", 24, "compound:lvc"), ("VERB", 2, "ccomp"), ("PUNCT", 2, "punct")]
    assert ("RETREAT", "Afghanistan", "Pakistan") in events(rules, text, tree)



def test_the_subject_of_a_joined_nominal_clause_is_not_the_first_clauses(rules):
    # বিরত ছিল ("refrained") is a conjunct of দাঁড়িয়েছে with a copula of its own: India
    # and Japan are its subjects, not supporters of Myanmar
    text = ("চীন ও রাশিয়া আবারো মিয়ানমারের পাশে দাঁড়িয়েছে, তবে দেশটির বিরুদ্ধে অবস্থান নেয়া থেকে "
            "বিরত ছিল ভারত ও জাপান।")
    tree = [("PROPN", 6, "nsubj"), ("CCONJ", 2, "cc"), ("PROPN", 0, "conj"), ("ADV", 6, "advmod"),
            ("PROPN", 5, "nmod"), ("NOUN", 6, "obl"), ("VERB", -1, "root"),
            ("PUNCT", 6, "punct"), ("CCONJ", 14, "cc"), ("NOUN", 11, "nmod"),
            ("ADP", 9, "case"), ("NOUN", 12, "obj"), ("VERB", 14, "advcl"), ("ADP", 12, "mark"),
            ("ADJ", 6, "conj"), ("AUX", 14, "cop"), ("PROPN", 14, "nsubj"),
            ("CCONJ", 18, "cc"), ("PROPN", 16, "conj"), ("PUNCT", 6, "punct")]
    found = events(rules, text, tree)
    assert ("SUPPORT", "Russia", "Myanmar") in found
    assert not any(s in ("India", "Japan") for _, s, _ in found)


def test_a_genitive_inside_the_content_of_a_passive_saying_does_not_say_it(rules):
    # বলা হয় has no subject; বাংলাদেশের belongs to the content clause (the tree says so),
    # where it owns a region: Bangladesh says nothing
    text = ("সংবাদ বিজ্ঞপ্তিতে বলা হয়, বাংলাদেশের উত্তর-পূর্বাঞ্চলে বন্যায় ক্ষতিগ্রস্ত মানুষের দ্রুত "
            "সহায়তা দরকার।")
    tree = [("NOUN", 1, "compound"), ("NOUN", 3, "obl"), ("VERB", 3, "xcomp"),
            ("VERB", -1, "root"), ("PUNCT", 3, "punct"), ("PROPN", 6, "nmod"),
            ("NOUN", 7, "nmod"), ("NOUN", 12, "obl"), ("ADJ", 9, "amod"), ("NOUN", 11, "nmod"),
            ("ADJ", 11, "amod"), ("NOUN", 12, "nsubj"), ("NOUN", 3, "ccomp"),
            ("PUNCT", 3, "punct")]
    assert sources(rules, text, tree) == set()


def test_a_vector_verb_heading_the_compound_is_the_predicates(rules):
    # the tree heads নাকচ করে দিয়েছে with দিয়েছে (a complement of তুলেছে): its subject is
    # the rejection's, and the rejecter is not whom Hamas demands of
    text = "গাজা থেকে সব ইসরায়েলি সেনা প্রত্যাহারের যে দাবি হামাস তুলেছে, তা নাকচ করে দিয়েছে নেতানিয়াহুর দপ্তর।"
    tree = [("PROPN", 5, "nmod"), ("ADP", 0, "case"), ("DET", 4, "det"), ("ADJ", 4, "amod"),
            ("NOUN", 5, "compound"), ("NOUN", 7, "nmod"), ("DET", 7, "det"), ("NOUN", 9, "obj"),
            ("PROPN", 9, "nsubj"), ("VERB", -1, "root"), ("PUNCT", 9, "punct"),
            ("PRON", 14, "obj"), ("NOUN", 13, "compound:lvc"), ("VERB", 14, "advcl"),
            ("VERB", 9, "ccomp"), ("PROPN", 16, "nmod"), ("NOUN", 14, "nsubj"),
            ("PUNCT", 9, "punct")]
    found = events(rules, text, tree)
    assert ("REJECT", "Prime Minister's Office (Israel)", "Hamas") in found
    assert not any(t == "DEMAND" and b == "Prime Minister's Office (Israel)"
                   for t, _, b in found)


def test_a_locative_the_tree_makes_a_subject_is_placed_by_its_case(rules):
    # the parser made রাফায় the subject of the content clause's verb (no predicate of
    # ours), which would put it in another clause; a locative is no subject
    text = "আদালত বলেছে, রাফায় ইসরাইলি সামরিক হামলা বেসামরিক মানুষের জন্য ধ্বংস ডেকে আনবে।"
    tree = [("NOUN", 1, "nsubj"), ("VERB", -1, "root"), ("PUNCT", 1, "punct"),
            ("PROPN", 12, "nsubj"), ("ADJ", 6, "amod"), ("ADJ", 6, "amod"),
            ("NOUN", 8, "compound"), ("ADJ", 8, "amod"), ("NOUN", 12, "obl"),
            ("ADP", 8, "case"), ("NOUN", 11, "obj"), ("VERB", 12, "advcl"),
            ("VERB", 1, "ccomp"), ("PUNCT", 1, "punct")]
    assert ("ASSAULT", "Israel", "Rafah") in events(rules, text, tree)


def test_the_subject_of_a_verb_is_its_conjunctive_participles(rules):
    # চীন is the subject of ছুড়েছে (no predicate of ours, in the complement of the
    # accusation); the participle ব্যবহার করে, an adverbial clause of that verb, shares it
    text = ("ফিলিপাইনের কোস্টগার্ড অভিযোগ করেছে, তাদের একটি জাহাজে পানিকামান ব্যবহার করে পানি "
            "ছুড়েছে চীন।")
    tree = [("PROPN", 1, "nmod"), ("NOUN", 3, "nsubj"), ("NOUN", 3, "compound:lvc"),
            ("VERB", -1, "root"), ("PUNCT", 3, "punct"), ("PRON", 7, "nmod"),
            ("DET", 7, "det"), ("NOUN", 10, "obj"), ("NOUN", 10, "obj"),
            ("NOUN", 10, "compound:lvc"), ("VERB", 12, "advcl"), ("NOUN", 12, "obj"),
            ("VERB", 3, "ccomp"), ("PROPN", 12, "nsubj"), ("PUNCT", 3, "punct")]
    assert ("ASSAULT", "People's Republic of China") in sources(rules, text, tree)
    # a conditional (-লে) is no shared subject's act: চীন তাইওয়ান আক্রমণ করলে জাপান …
    text = "চীন তাইওয়ান আক্রমণ করলে জাপান প্রতিক্রিয়া দেখাতে পারে বলে জানিয়েছে টোকিও।"
    tree = [("PROPN", 3, "nsubj"), ("PROPN", 3, "obj"), ("NOUN", 3, "compound:lvc"),
            ("VERB", 6, "advcl"), ("PROPN", 6, "nsubj"), ("NOUN", 6, "obj"),
            ("VERB", 9, "ccomp"), ("AUX", 6, "aux"), ("SCONJ", 6, "mark"),
            ("VERB", -1, "root"), ("PROPN", 9, "nsubj"), ("PUNCT", 9, "punct")]
    assert ("ASSAULT", "Japan") not in sources(rules, text, tree)


def test_an_infinitive_is_no_participle_sharing_the_subject(rules):
    # জর্ডান opens the airspace; the infinitive চালাতে (to attack) is Israel's, not Jordan's
    text = "ইরান অভিযোগ করেছে, সিরিয়ায় হামলা চালাতে ইসরায়েলকে আকাশপথ ছেড়ে দিচ্ছে জর্ডান।"
    tree = [("PROPN", 2, "nsubj"), ("NOUN", 2, "compound:lvc"), ("VERB", -1, "root"),
            ("PUNCT", 2, "punct"), ("PROPN", 6, "obl"), ("NOUN", 6, "compound:lvc"),
            ("VERB", 10, "advcl"), ("PROPN", 10, "iobj"), ("NOUN", 10, "obj"),
            ("VERB", 10, "compound"), ("VERB", 2, "ccomp"), ("PROPN", 10, "nsubj"),
            ("PUNCT", 2, "punct")]
    assert ("ASSAULT", "Jordan") not in sources(rules, text, tree)
