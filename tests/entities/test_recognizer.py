"""Stage 3: gazetteer matching with inflection, role phrases, and reference resolution."""

import pytest

from kg.entities.coref import DocumentContext
from kg.text.segment import normalize, split_sentences


def mentions(pipeline, text, year=2024):
    ctx = DocumentContext(pipeline.gazetteer, year)
    out = []
    for sent in split_sentences(normalize(text)):
        ms = pipeline.recognizer.mentions(sent)
        ctx.resolve(ms)
        out += [(m.case, [e.label for e in m.entities]) for m in ms]
    return out


@pytest.mark.parametrize(
    ("text", "case", "label"),
    [
        ("পুতিনের সফর", "gen", "Vladimir Putin"),
        ("রাশিয়াকে সতর্ক করে", "acc", "Russia"),
        ("উত্তর কোরিয়ায় গেলেন", "loc", "North Korea"),
        ("বেইজিংয়ের অবস্থান", "gen", "People's Republic of China"),
        ("দিল্লিতে বৈঠক", "loc", "India"),
        ("ন্যাটোর সহায়তা", "gen", "NATO"),
        ("রাশিয়াও রাজি", "plain", "Russia"),
    ],
)
def test_inflected_names_resolve_with_their_case(pipeline, text, case, label):
    assert (case, [label]) in mentions(pipeline, text)


def test_longest_match_wins_for_multi_word_names(pipeline):
    # উত্তর কোরিয়া, not a bare কোরিয়া; মার্কিন যুক্তরাষ্ট্র as one mention
    found = mentions(pipeline, "উত্তর কোরিয়া ও মার্কিন যুক্তরাষ্ট্র")
    assert [labels for _, labels in found] == [["North Korea"], ["United States"]]


def test_postposition_sets_the_role_case(pipeline):
    assert ("with", ["Kim Jong Un"]) in mentions(pipeline, "কিম জং উনের সঙ্গে বৈঠক")
    assert ("against", ["Israel"]) in mentions(pipeline, "ইসরায়েলের বিরুদ্ধে অভিযোগ")
    assert ("from", ["North Korea"]) in mentions(pipeline, "উত্তর কোরিয়া থেকে আসবে")


def test_demonym_and_title_merge_into_the_named_person(pipeline):
    found = mentions(pipeline, "রুশ প্রেসিডেন্ট পুতিন মস্কো ফিরেছেন।")
    assert found[0] == ("plain", ["Vladimir Putin"])


def test_role_phrase_without_name_resolves_to_office_holder_at_document_date(pipeline):
    assert ("plain", ["Vladimir Putin"]) in mentions(pipeline, "রুশ প্রেসিডেন্ট বলেন।", 2024)


def test_adjectival_demonym_is_only_an_adjective(pipeline):
    sent = split_sentences(normalize("রুশ অস্ত্রের চালান এসেছে।"))[0]
    assert [m.kind for m in pipeline.recognizer.mentions(sent)] == ["adjective"]


def test_pronoun_resolves_to_the_last_person(pipeline):
    found = mentions(pipeline, "কিম জং উন বক্তব্য দেন। তিনি বলেন, শান্তি চাই।")
    assert found[-1] == ("plain", ["Kim Jong Un"])


def test_this_country_resolves_to_the_last_named_country(pipeline):
    found = mentions(pipeline, "পুতিন উত্তর কোরিয়া গেলেন। দেশটির নেতা খুশি।")
    assert found[-1][1] == ["Kim Jong Un"]  # দেশটির নেতা: the leader of North Korea


def test_both_countries_bind_to_the_named_pair(pipeline):
    found = mentions(pipeline, "ভারত ও পাকিস্তান দুই দেশই আলোচনা চায়। উভয় দেশ রাজি।")
    assert sorted(found[-1][1]) == ["India", "Pakistan"]


def test_coordinated_actors_share_the_last_case(pipeline):
    found = mentions(pipeline, "যুক্তরাষ্ট্র ও সামরিক জোট ন্যাটোর সহায়তা")
    assert found == [("gen", ["United States"]), ("gen", ["NATO"])]


def test_gazetteer_has_the_required_coverage(pipeline):
    gaz = pipeline.gazetteer
    un = [e for e in gaz.entities if e.type == "Country" and e.kind == "un_member"]
    people = [e for e in gaz.entities if e.type == "Person"]
    assert len(un) == 193
    for name in ("Palestine", "Taiwan", "Kosovo", "Holy See"):
        assert gaz.get(name) is not None, name
    assert len(people) >= 150
    for org in ("NATO", "European Union", "ASEAN", "BRICS", "Hamas", "Taliban", "IAEA"):
        assert gaz.get(org) is not None, org
    assert all(e.label and e.label_bn for e in gaz.entities)
    qids = [e.wikidata for e in gaz.entities if e.wikidata]
    assert len(qids) == len(set(qids))
