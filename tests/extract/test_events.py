"""Stage 4: predicates, role assignment from case markers, context flags, dates."""

import datetime as dt

import pytest

from kg.text.documents import Document
from kg.text.segment import normalize


def events(pipeline, text, date=dt.date(2025, 3, 12)):
    return pipeline.run(Document("t", normalize(text), date)).records


def triples(records):
    return {(r["type"], a["label"], b["label"] if b else None)
            for r in records for a in r["source"] for b in (r["target"] or [None])}


def only(records, etype):
    found = [r for r in records if r["type"] == etype]
    assert found, f"no {etype} in {triples(records)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # light-verb visit, locative destination, post-verbal subject
        ("সফরে ঢাকায় পৌঁছেছেন ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি।",
         ("CONSULT", "Narendra Modi", "Bangladesh")),
        # -কে marks the target
        ("যুক্তরাষ্ট্র ইরানকে কঠোর হুঁশিয়ারি দিয়েছে।", ("THREATEN", "United States", "Iran")),
        # সঙ্গে marks the partner of a meeting
        ("সি চিন পিংয়ের সঙ্গে বৈঠক করেছেন পুতিন।",
         ("CONSULT", "Vladimir Putin", "Xi Jinping")),
        # বিরুদ্ধে marks the accused
        ("ইসরায়েলের বিরুদ্ধে অভিযোগ তুলেছে তুরস্ক।", ("DISAPPROVE", "Turkey", "Israel")),
        # ওপর + নিষেধাজ্ঞা আরোপ
        ("যুক্তরাষ্ট্র ইরানের ওপর নতুন নিষেধাজ্ঞা আরোপ করেছে।",
         ("SANCTION", "United States", "Iran")),
        # পাওয়া inverts the roles: the subject receives, the genitive gives
        ("পিয়ংইয়ং খাদ্যের জন্য রাশিয়ার সমর্থন পাবে।", ("AID", "Russia", "North Korea")),
        # থেকে marks where a shipment comes from
        ("ইউক্রেন যুদ্ধে রাশিয়ার অস্ত্র প্রয়োজন। অস্ত্রের চালান আসবে উত্তর কোরিয়া থেকে।",
         ("AID", "North Korea", "Russia")),
        # a genitive event noun is what the condemnation is about
        ("তুরস্ক ইসরায়েলের হামলার কঠোর সমালোচনা করেছে।", ("DISAPPROVE", "Turkey", "Israel")),
        # a demonstrative refers back to an earlier event and its actor
        ("চীন তাইওয়ানের চারপাশে সামরিক মহড়া শুরু করেছে। তাইওয়ান এই মহড়ার নিন্দা জানিয়েছে।",
         ("DISAPPROVE", "Taiwan", "People's Republic of China")),
    ],
)
def test_roles_from_case_markers(pipeline, text, expected):
    assert expected in triples(events(pipeline, text))


def test_reporting_verb_gives_a_statement_and_marks_the_content_reported(pipeline):
    recs = events(pipeline, "ইসরায়েল গাজায় বিমান হামলা চালিয়েছে বলে জানিয়েছে হামাস।")
    assert ("STATEMENT", "Hamas", None) in triples(recs)
    assert "reported" in only(recs, "ASSAULT")["context"]


def test_quote_sentences_are_reported_speech_of_the_speaker(pipeline):
    recs = events(pipeline, "পুতিন বলেন, 'আলোচনা ভালো হয়েছে। উত্তর কোরিয়াকে রক্ষায় পদক্ষেপ নেবে রাশিয়া।'")
    agree = only(recs, "AGREE")
    assert {"reported", "future"} <= set(agree["context"])
    assert ("STATEMENT", "Vladimir Putin", None) in triples(recs)


def test_future_promise_of_aid_is_agree(pipeline):
    recs = events(pipeline, "জাপান মিয়ানমারকে মানবিক সহায়তা দেবে।")
    rec = only(recs, "AGREE")
    assert rec["context"] == ["future"] and rec["mode"] == "humanitarian"


def test_conditional_makes_the_sentence_hypothetical(pipeline):
    recs = events(pipeline, "পিয়ংইয়ং হামলার শিকার হলে সামরিক সহায়তা দেবে মস্কো।")
    rec = only(recs, "AGREE")
    assert ("AGREE", "Russia", "North Korea") in triples(recs)
    assert "hypothetical" in rec["context"]


def test_concessive_hole_is_not_hypothetical(pipeline):
    recs = events(pipeline, "ভারত ও বাংলাদেশের মধ্যে চুক্তি সই হলেও বাস্তবায়ন হয়নি।")
    assert "hypothetical" not in only(recs, "SUPPORT")["context"]


def test_negation(pipeline):
    recs = events(pipeline, "পাকিস্তান আফগানিস্তানের সঙ্গে সীমান্ত বন্ধ করেনি।")
    assert "negated" in only(recs, "SANCTION")["context"]


def test_past_year_makes_an_event_historical(pipeline):
    recs = events(pipeline, "১৯৭১ সালে ভারত বাংলাদেশকে সহায়তা দিয়েছিল।")
    rec = only(recs, "AID")
    assert rec["context"] == ["historical"] and rec["date"] == "1971"


def test_reciprocal_pledge_goes_both_ways(pipeline):
    recs = events(pipeline, "রাশিয়া ও উত্তর কোরিয়া দুই দেশই বৈঠক করে। হামলা হলে একে অপরকে রক্ষা করার "
                            "অঙ্গীকার করে উভয় দেশ।")
    t = triples(recs)
    assert ("AGREE", "Russia", "North Korea") in t and ("AGREE", "North Korea", "Russia") in t
    assert not any(a == b for _, a, b in t)


def test_anaphoric_event_noun_is_not_a_new_event(pipeline):
    recs = events(pipeline, "পুতিন উত্তর কোরিয়া সফর করেন। পুতিনের এই সফর সম্পর্ক মজবুত করেছে।")
    assert [r["sentence_index"] for r in recs if r["type"] == "CONSULT"] == [0]


def test_non_actor_subject_gives_no_event(pipeline):
    assert events(pipeline, "বিশ্লেষকরা বলছেন, পরিস্থিতি জটিল।") == []


def test_english_only_text_gives_no_events(pipeline):
    assert events(pipeline, "Putin visited North Korea and signed a treaty with Kim.") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("মঙ্গলবার (১৮ জুনন) পুতিন উত্তর কোরিয়া সফর করেন।", "2024-06-18"),  # typo জুনন
        ("১৮ জুন ২০২৪ পুতিন উত্তর কোরিয়া সফর করেন।", "2024-06-18"),
        ("মঙ্গলবার পুতিন উত্তর কোরিয়া সফর করেন।", "2024-06-18"),  # weekday before doc date
        ("গতকাল পুতিন উত্তর কোরিয়া সফর করেন।", "2024-06-18"),
    ],
)
def test_dates_resolve_against_the_document_date(pipeline, text, date):
    rec = only(events(pipeline, text, dt.date(2024, 6, 19)), "CONSULT")
    assert rec["date"] == date


def test_record_has_every_schema_field(pipeline):
    rec = events(pipeline, "পুতিন উত্তর কোরিয়া সফর করেন।")[0]
    for key in ("doc", "sentence_index", "sentence", "type", "mode", "cameo", "quad", "relation",
                "source", "target", "object", "context", "date", "location", "confidence",
                "span"):
        assert key in rec
    assert rec["quad"] == "verbal cooperation"
    assert rec["source"][0] == {"wikidata": "Q7747", "label": "Vladimir Putin",
                                "label_bn": "ভ্লাদিমির পুতিন", "type": "Person",
                                "role": "president", "affiliation": "Q159"}


def test_span_points_at_the_evidence(pipeline):
    text = normalize("এরপর পুতিন উত্তর কোরিয়া সফর করেন।")
    rec = events(pipeline, text)[0]
    start, end = rec["span"]
    assert "সফর" in text[start:end] and "পুতিন" in text[start:end]


def test_signing_gives_an_agreement_object(pipeline):
    recs = events(pipeline, "ঢাকা ও দিল্লির মধ্যে একটি নতুন বাণিজ্য চুক্তি সই হয়েছে।")
    rec = only(recs, "SUPPORT")
    assert rec["object"][0]["type"] == "Agreement"
    assert "trade" in rec["object"][0]["label"]
