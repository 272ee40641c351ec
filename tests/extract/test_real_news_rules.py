"""Behaviour grown from the real-news dev split (seeds/news/dev.jsonl): each case is a
pattern of real Bengali news the first rules got wrong. Sentences are written for the
test, in the register of the dev passages."""

import datetime as dt
from dataclasses import replace

import pytest

from kg.pipeline import Pipeline
from kg.text.documents import Document
from kg.text.segment import normalize


def records(pipeline, text, date=None):
    return pipeline.run(Document("t", normalize(text), date)).records


def triples(recs):
    return {(r["type"], a["label"], b["label"] if b else None)
            for r in recs for a in r["source"] for b in (r["target"] or [None])}


def test_a_news_agency_reports_but_does_not_act(pipeline):
    found = triples(records(pipeline, "বার্তা সংস্থা রয়টার্স জানিয়েছে, ইরানে হামলা চালিয়েছে ইসরায়েল।"))
    assert ("ASSAULT", "Israel", "Iran") in found
    assert not any("Reuters" in (s, t) for _, s, t in found)


def test_a_capital_named_as_a_news_agency_is_no_state(pipeline):
    found = triples(records(pipeline, "সংবাদ সংস্থা সানা জানিয়েছে, দামেস্কে হামলা হয়েছে।"))
    assert not any(s == "Yemen" for _, s, _ in found)


def test_an_unnamed_official_is_no_actor(pipeline):
    found = triples(records(pipeline, "মার্কিন প্রশাসনের একজন কর্মকর্তা বিষয়টি নিশ্চিত করেছেন।"))
    assert found == set()


def test_leaders_in_the_plural_stand_for_their_body(pipeline):
    found = triples(records(pipeline, "ইইউ নেতারা বলেছেন, আলোচনা আবার শুরু হবে।",
                            dt.date(2024, 3, 1)))
    assert ("STATEMENT", "European Union", None) in found


def test_a_country_before_a_place_noun_is_a_place(pipeline):
    found = triples(records(
        pipeline, "দামেস্ক আন্তর্জাতিক বিমানবন্দরে ইসরায়েলি বিমান হামলার তীব্র নিন্দা জানিয়েছে রাশিয়া।"))
    assert ("DISAPPROVE", "Russia", "Israel") in found
    assert not any(s == "Syria" for _, s, _ in found)


def test_sport_is_not_war(pipeline):
    assert records(pipeline, "ফাইনালে পর্তুগালের বিরুদ্ধে লড়াই ফ্রান্সের, সেমিফাইনালে দুই গোলে জয়।") == []


def test_what_is_called_for_is_no_event_of_its_own(pipeline):
    found = triples(records(pipeline, "যুক্তরাষ্ট্র ইরানকে আইএইএর সঙ্গে সহযোগিতা করার আহ্বান জানিয়েছে।"))
    assert ("DEMAND", "United States", "Iran") in found
    assert not any(t == "COOPERATE" for t, _, _ in found)


def test_a_clause_of_time_tells_an_event(pipeline):
    found = triples(records(pipeline, "মেক্সিকো সীমান্তে সেনা মোতায়েনে রাজি হওয়ার পর ট্রাম্পের সঙ্গে "
                                      "ফোনালাপ করেন শেইনবাউম।"))
    assert any(t == "CONSULT" and "Claudia Sheinbaum" in (s, o) for t, s, o in found)


def test_a_name_repeated_in_brackets_keeps_the_case_after_it(pipeline):
    found = triples(records(pipeline, "র্যাপিড সাপোর্ট ফোর্সেস (আরএসএফ) এর বিরুদ্ধে হত্যার অভিযোগ তুলেছে "
                                      "সুদানের পররাষ্ট্র মন্ত্রণালয়।"))
    assert ("DISAPPROVE", "Sudan", "Rapid Support Forces") in found


def test_he_is_whoever_acted_last_not_whoever_was_named_last(pipeline):
    text = ("জাতিসংঘের বিশেষ দূত ফ্রানচেস্কা আলবানিজ ইসরাইলি প্রধানমন্ত্রী বেনিয়ামিন নেতানিয়াহুকে "
            "আশ্রয় দেওয়ায় ইতালির তীব্র সমালোচনা করেছেন। তিনি বলেন, এটি আইনের লঙ্ঘন।")
    found = triples(records(pipeline, text))
    assert ("STATEMENT", "Francesca Albanese", None) in found
    assert ("STATEMENT", "Benjamin Netanyahu", None) not in found


def test_an_undated_text_reads_its_own_date(pipeline):
    recs = records(pipeline, "শুক্রবার (৬ সেপ্টেম্বর, ২০২৫) ওয়াশিংটনের সঙ্গে আলোচনার আহ্বান "
                             "জানিয়েছেন মাদুরো।")
    assert recs and recs[0]["date"] == "2025-09-06"


def test_an_undated_office_stands_for_its_state(pipeline):
    found = triples(records(pipeline, "পোল্যান্ডের প্রধানমন্ত্রী রাশিয়ার নিন্দা জানিয়েছেন।"))
    assert ("DISAPPROVE", "Poland", "Russia") in found


def test_two_states_drilling_together_exercise_jointly(pipeline):
    found = triples(records(pipeline, "সিউল ও ওয়াশিংটন একটি সামরিক মহড়া চালাবে।"))
    assert ("COOPERATE", "South Korea", "United States") in found


@pytest.mark.parametrize(("text", "etype"), [
    ("যুক্তরাষ্ট্র ইরানের ওপর নতুন নিষেধাজ্ঞা আরোপের ঘোষণা দিয়েছে।", "SANCTION"),
    ("যুক্তরাষ্ট্র বেলারুশের ওপর থেকে নিষেধাজ্ঞা তুলে নিয়েছে।", "RETREAT"),
    ("ফ্রান্স নাইজার থেকে তার রাষ্ট্রদূতকে প্রত্যাহার করেছে।", "SANCTION"),
    ("পুতিনের বিরুদ্ধে গ্রেফতারি পরোয়ানা জারি করেছে আইসিসি।", "COERCE"),
])
def test_what_is_done_to_what_decides_the_type(pipeline, text, etype):
    assert etype in {t for t, _, _ in triples(records(pipeline, text))}


def test_a_passive_statement_names_its_speaker_by_an_agent_phrase(pipeline):
    found = triples(records(pipeline, "বিজিবির পক্ষ থেকে জানানো হয়, সীমান্তে কোনো অনুপ্রবেশ হয়নি।"))
    assert ("STATEMENT", "Border Guard Bangladesh", None) in found
    found = triples(records(pipeline, "ইসলামাবাদের তরফে জানানো হয়েছে, সব বাণিজ্য বন্ধ থাকবে।"))
    assert ("STATEMENT", "Pakistan", None) in found


def test_a_passive_statement_without_an_agent_has_no_speaker(pipeline):
    found = triples(records(pipeline, "প্রতিবেদনে বলা হয়েছে, পরিস্থিতি শান্ত রয়েছে।"))
    assert not any(t == "STATEMENT" for t, _, _ in found)


def test_this_announcement_was_made_by_names_a_statement(pipeline):
    found = triples(records(pipeline, "এই ঘোষণা দেন মার্কিন আন্ডার সেক্রেটারি উজরা জেয়া।"))
    assert ("STATEMENT", "Uzra Zeya", None) in found


def test_an_attack_condemned_with_both_parties_named_is_an_event(pipeline):
    found = triples(records(pipeline, "গাজায় ইসরাইলি আগ্রাসনের নিন্দা জানিয়েছে সৌদি আরব।"))
    assert ("DISAPPROVE", "Saudi Arabia", "Israel") in found
    assert ("ASSAULT", "Israel", "Gaza Strip") in found


def test_an_attack_threatened_or_told_before_is_no_new_event(pipeline):
    found = triples(records(pipeline, "ইরানে হামলার হুমকি দিয়েছে ইসরায়েল।"))
    assert not any(t == "ASSAULT" for t, _, _ in found)
    found = triples(records(pipeline, "এই হামলার নিন্দা জানিয়েছে ভারত।"))
    assert not any(t == "ASSAULT" for t, _, _ in found)


def test_a_un_resolution_voted_against_belongs_to_the_organ_the_text_names(pipeline):
    found = triples(records(pipeline, "প্রস্তাবটি জাতিসংঘের সাধারণ পরিষদে ১৩০-৯ ভোটে গৃহীত হয়েছে। "
                                      "রাশিয়া ও চীন জাতিসংঘের খসড়া প্রস্তাবের বিরুদ্ধে ভোট দেয়।"))
    assert ("REJECT", "Russia", "United Nations General Assembly") in found
    assert not any(t == "United Nations" for _, _, t in found)


def test_the_troops_whose_withdrawal_is_called_for_are_the_target(pipeline):
    found = triples(records(pipeline, "উত্তর কোরিয়ার সৈন্য প্রত্যাহারের আহ্বান জানিয়েছে সিউল।"))
    assert ("DEMAND", "South Korea", "North Korea") in found
    assert not any(s == "North Korea" for _, s, _ in found)


@pytest.fixture(scope="module")
def unfiltered():
    """The rules' own proposals (the learned filter may prune a bare act of one sentence)."""
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    return Pipeline(Settings(parse=False, event_filter=False))


def test_the_subject_before_an_infinitive_refuses_or_agrees_itself(unfiltered):
    found = triples(records(unfiltered, "লাদাখে চীন সরে যেতে অস্বীকার করছে বলে জানিয়েছে ভারত।"))
    assert ("REJECT", "People's Republic of China", None) in found


def test_a_request_dismissed_is_rejected(pipeline):
    found = triples(records(pipeline, "ইসরায়েলের আবেদন খারিজ করে দিয়েছে আইসিসি।"))
    assert ("REJECT", "International Criminal Court", "Israel") in found


def test_having_spoken_with_someone_is_a_consultation(pipeline):
    found = triples(records(pipeline, "জয়শঙ্করের সঙ্গে মুত্তাকির কথা হয়েছে।"))
    assert ("CONSULT", "Amir Khan Muttaqi", "S. Jaishankar") in found or (
        "CONSULT", "S. Jaishankar", "Amir Khan Muttaqi") in found
    assert not triples(records(pipeline, "এ নিয়ে কোনো কথা হয়নি।"))


def test_a_foreign_leader_after_a_body_is_no_apposition_to_it(pipeline):
    found = triples(records(pipeline, "মার্কিন প্রশাসন পেত্রোর বিরুদ্ধে উসকানিমূলক আচরণের অভিযোগ তুলেছে।"))
    assert ("DISAPPROVE", "United States", "Gustavo Petro") in found
    found = triples(records(pipeline, "ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভ বলেছেন, আলোচনা হবে।"))
    assert ("STATEMENT", "Dmitry Peskov", None) in found


def test_what_a_state_owns_stands_for_it_when_attacked(unfiltered):
    found = triples(records(unfiltered, "ইরাকে মার্কিন ঘাঁটিতে হামলা চালিয়েছে ইরান।"))
    assert ("ASSAULT", "Iran", "United States") in found
    found = triples(records(unfiltered, "রুশ তেল শোধনাগারে ড্রোন হামলা চালিয়েছে ইউক্রেন।"))
    assert ("ASSAULT", "Ukraine", "Russia") in found


def test_an_act_threatened_is_no_act(unfiltered):
    found = triples(records(unfiltered, "ভেনেজুয়েলায় হামলা চালানোর হুমকি দিয়েছে যুক্তরাষ্ট্র।"))
    # the threat, and the statement making it; no attack
    assert found == {("THREATEN", "United States", "Venezuela"),
                     ("STATEMENT", "United States", None)}


def test_such_a_warning_after_its_content_is_a_new_warning(unfiltered):
    text = "মহড়া বিপজ্জনক পরিস্থিতি তৈরি করতে পারে এমন হুঁশিয়ারি দিয়েছেন কিম ইয়ো জং।"
    assert any(t == "THREATEN" for t, _, _ in triples(records(unfiltered, text)))
    assert not triples(records(unfiltered, "এমন হুঁশিয়ারি দিয়েছে উত্তর কোরিয়া।"))


def test_an_act_called_for_is_no_act(unfiltered):
    found = triples(records(unfiltered, "মার্কিন যুক্তরাষ্ট্র ইরানকে আলোচনায় ফেরার আহ্বান জানিয়েছে।"))
    assert found == {("DEMAND", "United States", "Iran")}
    found = triples(records(unfiltered, "সংঘাত ছড়িয়ে পড়ার পর থাইল্যান্ড কম্বোডিয়ার সমালোচনা করেছে।"))
    assert ("DISAPPROVE", "Thailand", "Cambodia") in found


def test_the_subject_before_what_it_demands(unfiltered):
    found = triples(records(unfiltered, "তুরস্ক যুদ্ধবিরতির দাবি জানিয়েছে।"))
    assert ("DEMAND", "Turkey", None) in found
    found = triples(records(unfiltered, "গাজা যুদ্ধবিরতির আহ্বান জানিয়েছে জাতিসংঘ।"))
    assert ("DEMAND", "United Nations", None) in found


def test_a_person_handed_over_is_no_addressee(unfiltered):
    found = triples(records(unfiltered, "বৈঠকে শেখ হাসিনাকে ফেরত পাঠানোর অনুরোধ জানান ইউনূস।"))
    assert not any(t == "Sheikh Hasina" for _, _, t in found)


def test_a_claim_asked_of_someone_is_a_demand(unfiltered):
    found = triples(records(unfiltered, "পোল্যান্ড এই ঘটনার নিন্দা জানিয়ে রাশিয়ার কাছ থেকে ব্যাখ্যা দাবি করেছে।"))
    assert ("DEMAND", "Poland", "Russia") in found
    found = triples(records(unfiltered, "ইরান দাবি করেছে, হামলায় ১০ জন নিহত হয়েছে।"))
    assert found == {("STATEMENT", "Iran", None)}


def test_telling_someone_to_act_is_calling_on_them(unfiltered):
    found = triples(records(unfiltered, "যুক্তরাষ্ট্র ইরানকে আলোচনায় বসতে বলেছে।"))
    assert found == {("DEMAND", "United States", "Iran")}


def test_aid_asked_for_is_no_aid(unfiltered):
    found = triples(records(unfiltered, "মিয়ানমার চীনের কাছে সাহায্য চেয়েছে।"))
    assert found == {("DEMAND", "Myanmar", "People's Republic of China")}


def test_names_spelt_with_the_other_final_vowel(unfiltered):
    found = triples(records(unfiltered, "জার্মানী রাশিয়ার কূটনীতিককে বহিষ্কার করেছে।"))
    assert ("SANCTION", "Germany", "Russia") in found


def test_imports_banned_from_a_state_sanction_it(unfiltered):
    found = triples(records(unfiltered, "তাইওয়ান থেকে বিভিন্ন পণ্য আমদানি নিষিদ্ধ করেছে বেজিং।"))
    assert ("SANCTION", "People's Republic of China", "Taiwan") in found


def test_an_envoy_named_by_a_name_the_gazetteer_lacks_is_still_the_envoy(unfiltered):
    text = "মার্কিন কূটনীতিক গ্যাব্রিয়েল এসকোবারকে তলব করে ব্রাজিলের পররাষ্ট্র মন্ত্রণালয়।"
    assert ("DISAPPROVE", "Brazil", "United States") in triples(records(unfiltered, text))
    text = "মিয়ানমারের রাষ্ট্রদূত অং কিউ মোকে তলব করেছে বাংলাদেশ।"
    assert ("DISAPPROVE", "Bangladesh", "Myanmar") in triples(records(unfiltered, text))


def test_what_is_expelled_banned_or_ordered_is_sanctioned(unfiltered):
    found = triples(records(unfiltered, "ইউরোপীয় ইউনিয়নের ১৮ জন কূটনীতিককে বহিস্কার করেছে রাশিয়া।"))
    assert ("SANCTION", "Russia", "European Union") in found
    text = "রাশিয়ান সরকার জাপানি সামুদ্রিক খাদ্য আমদানির উপর অস্থায়ী নিষেধাজ্ঞা জারি করেছে।"
    assert ("SANCTION", "Russia", "Japan") in triples(records(unfiltered, text))
    text = "যুক্তরাষ্ট্রের দুই শীর্ষ কুটনীতিককে বহিষ্কারের নির্দেশ দিয়েছেন মাদুরো।"
    assert ("SANCTION", "Nicolás Maduro", "United States") in triples(records(unfiltered, text))


def test_on_is_a_case_not_yaml_true():
    """A bare `on` in YAML 1.1 is the boolean true: the lexicon quotes it."""
    from kg.lang.data import default_language

    lang = default_language()
    assert lang.morph.postpositions["ওপর"] == "on"
    assert all(isinstance(k, str) for f in ("agent", "tariff", "request")
               for k in lang.lex.frame(f))


def test_the_act_to_stop_is_no_act_of_who_calls_for_it(unfiltered):
    found = triples(records(unfiltered, "ইসরাইলকে হামলা বন্ধের আহ্বান জানিয়েছে আইসিজে।"))
    assert found == {("DEMAND", "International Court of Justice", "Israel")}


def test_wanting_to_act_asks_nobody(unfiltered):
    assert not triples(records(unfiltered, "পশ্চিমা দেশগুলো সুদানের সার্বভৌমত্বে হস্তক্ষেপ করতে চাইছে।"))


def test_a_call_to_a_body_about_someone_goes_to_the_body(unfiltered):
    text = "পোল্যান্ডকে আরও সামরিক সহায়তা দিতে ন্যাটোর সদস্য দেশগুলোর প্রতি আহ্বান জানিয়েছে জাপান।"
    found = triples(records(unfiltered, text))
    assert ("DEMAND", "Japan", "NATO") in found
    assert not any(t == "Poland" for _, _, t in found)


def test_mediators_are_no_parties(unfiltered):
    text = "সপ্তাহব্যাপী সংঘর্ষের পর কাতার এবং তুরস্কের মধ্যস্থতায় পাকিস্তান ও আফগানিস্তান যুদ্ধবিরতিতে সম্মত হয়েছে।"
    found = triples(records(unfiltered, text))
    assert ("CONSULT", "Qatar", "Pakistan") in found
    assert ("CONSULT", "Turkey", "Afghanistan") in found
    assert not any(t in ("RETREAT", "AGREE") and "Qatar" in (s, o) for t, s, o in found)
    text = "প্রস্তাবিত যুদ্ধবিরতিতে সৌদি আরব, মিশর ও সংযুক্ত আরব আমিরাত মধ্যস্থতা করছে।"
    assert not any(t == "RETREAT" for t, _, _ in triples(records(unfiltered, text)))


def test_a_sea_is_where_not_whom(unfiltered):
    found = triples(records(unfiltered, "লোহিত সাগরে আমেরিকার জাহাজে হামলা চালিয়েছে হুথিরা।"))
    assert found == {("ASSAULT", "Houthis", "United States")}


def test_a_ceasefire_spelt_in_two_words(unfiltered):
    found = triples(records(unfiltered, "সম্পূর্ণ যুদ্ধ বিরতিতে রাজি হয়েছে ভারত ও পাকিস্তান।"))
    assert ("RETREAT", "India", "Pakistan") in found
    assert not any(t == "ASSAULT" for t, _, _ in found)


def test_targeting_marks_the_target(unfiltered):
    found = triples(records(unfiltered, "মার্কিন ঘাঁটি লক্ষ্য করে হামলা চালিয়েছে ইরান।"))
    assert found == {("ASSAULT", "Iran", "United States")}
    found = triples(records(unfiltered, "ইসরায়েলকে লক্ষ্য করে ক্ষেপণাস্ত্র ছুড়েছে ইরান।"))
    assert ("ASSAULT", "Iran", "Israel") in found


def test_the_home_of_an_armed_group_is_no_party(unfiltered):
    text = "ইসরায়েলের রাজধানী লক্ষ্য করে আবারও মিসাইল হামলা চালিয়েছে ইয়েমেনের হুথিরা।"
    assert triples(records(unfiltered, text)) == {("ASSAULT", "Houthis", "Israel")}


def test_calling_something_wrong_criticises_its_owner(unfiltered):
    text = "জাপানি প্রধানমন্ত্রীর বক্তব্যকে ভুল মন্তব্য বলে অভিহিত করেছে চীন।"
    assert ("DISAPPROVE", "People's Republic of China", "Japan") in triples(
        records(unfiltered, text))
    text = "আলোচনাকে গঠনমূলক বলে অভিহিত করেছে চীন।"
    assert triples(records(unfiltered, text)) == {("STATEMENT", "People's Republic of China", None)}


def test_a_states_news_outlet_reports_for_nobody(unfiltered):
    found = triples(records(unfiltered, "তুরস্কের সংবাদমাধ্যম টিআরটি ওয়ার্ল্ড এ খবর জানিয়েছে।"))
    assert found == set()
    text = "সিরিয়ার সংবাদ সংস্থা সানা জানিয়েছে, ইসরাইল সিরিয়ার রাজধানীর ওপর হামলা চালিয়েছে।"
    assert triples(records(unfiltered, text)) == {("ASSAULT", "Israel", "Syria")}


def test_an_attack_to_come_is_a_threat(unfiltered):
    found = triples(records(unfiltered, "মার্কিন জাহাজে হামলা চালাবে হুথিরা।"))
    assert found == {("THREATEN", "Houthis", "United States")}
    found = triples(records(unfiltered, "মার্কিন জাহাজে হামলা চালাবে না হুথিরা।"))
    assert ("THREATEN", "Houthis", "United States") not in found


def test_food_and_medicine_sent_are_aid(unfiltered):
    found = triples(records(unfiltered, "মায়ানমারে ৪৪২ মেট্রিক টন খাবার পাঠাল ভারত।"))
    assert found == {("AID", "India", "Myanmar")}


def test_leaving_a_bloc_or_recalling_an_envoy_names_what_is_left(unfiltered):
    found = triples(records(unfiltered, "মালি ইকোওয়াস থেকে নিজেদের প্রত্যাহার করেছে।"))
    assert found == {("SANCTION", "Mali", "Economic Community of West African States")}
    found = triples(records(unfiltered, "ইসরায়েল থেকে রাষ্ট্রদূত প্রত্যাহার করেছে দক্ষিণ আফ্রিকা।"))
    assert found == {("SANCTION", "South Africa", "Israel")}


def test_who_votes_with_a_state_votes_as_it_does(unfiltered):
    text = ("জাতিসংঘ সাধারণ পরিষদে প্রস্তাবটি পাস হয়েছে। এই প্রস্তাবের বিপক্ষে ভোট দিতে রাশিয়ার "
            "সঙ্গে যোগ দিয়েছে বেলারুশ ও সিরিয়া।")
    found = triples(records(unfiltered, text))
    assert {("REJECT", s, "United Nations General Assembly")
            for s in ("Russia", "Belarus", "Syria")} <= found
    assert not any(t == "Russia" for _, _, t in found)


def test_what_another_should_do_is_urged_not_done(unfiltered):
    text = "ইউক্রেনে হামলা বন্ধে চীনের হস্তক্ষেপ করা উচিত বলে মন্তব্য করেছেন জার্মান চ্যান্সেলর।"
    found = triples(records(unfiltered, text))
    assert ("DEMAND", "Germany", "People's Republic of China") in found
    text = "জাতিসংঘ মহাসচিব বলেন, ‘যুক্তরাষ্ট্রের উচিত ইসরাইলকে চাপ দেওয়া।’"
    found = triples(records(unfiltered, text))
    assert ("DEMAND", "United Nations", "United States") in found
    assert not any(t == "DEMAND" and s == "United States" for t, s, _ in found)


def test_what_is_left_is_no_act_of_who_leaves(unfiltered):
    found = triples(records(unfiltered, "রাশিয়াকে যুদ্ধ থেকে সরে আসার আহ্বান জানিয়েছে জাতিসংঘ।"))
    assert found == {("DEMAND", "United Nations", "Russia")}
    found = triples(records(unfiltered, "ট্রাম্প কানাডার সঙ্গে বাণিজ্য আলোচনা থেকে সরে দাঁড়িয়েছেন।"))
    assert not any(t == "CONSULT" for t, _, _ in found)
    text = "ফিলিস্তিনকে ইসরায়েলের হামলা থেকে রক্ষা করার কোনো পদক্ষেপ নেওয়া হয়নি।"
    assert ("ASSAULT", "Israel", "State of Palestine") in triples(records(unfiltered, text))


def test_an_order_to_another_state_is_a_demand_and_to_leave_an_expulsion(unfiltered):
    found = triples(records(unfiltered, "রাফায় ইসরাইলকে হামলা বন্ধের নির্দেশ দিয়েছে আইসিজে।"))
    assert found == {("DEMAND", "International Court of Justice", "Israel")}
    text = "আলজেরিয়া ১২ জন ফরাসি কর্মকর্তাকে ৪৮ ঘণ্টার মধ্যে দেশ ছাড়ার নির্দেশ দিয়েছে।"
    assert ("SANCTION", "Algeria", "France") in triples(records(unfiltered, text))
    text = "ইসরাইল তুরস্ক থেকে সব কূটনীতিককে ফিরে আসার নির্দেশ দিয়েছে।"
    assert ("SANCTION", "Israel", "Turkey") in triples(records(unfiltered, text))


def test_an_order_to_ones_own_organs_is_no_event_between_states(unfiltered):
    text = "প্রতিরক্ষা দফতর পেন্টাগনকে প্রস্তুত থাকার নির্দেশ দিয়েছেন মার্কিন প্রেসিডেন্ট ডোনাল্ড ট্রাম্প।"
    assert not any(t == "DEMAND" for t, _, _ in triples(records(unfiltered, text)))


def test_claims_dismissed_or_rulings_ignored_are_rejected(unfiltered):
    found = triples(records(unfiltered, "রাশিয়া যুক্তরাষ্ট্রের এই দাবি উড়িয়ে দিয়েছে।"))
    assert found == {("REJECT", "Russia", "United States")}
    assert not triples(records(unfiltered, "হামাস ইসরায়েলি ভবন উড়িয়ে দিয়েছে।"))
    found = triples(records(unfiltered, "ইসরায়েল আইসিজের রায় অগ্রাহ্য করেছে।"))
    assert found == {("REJECT", "Israel", "International Court of Justice")}
    text = "রাশিয়া ইউক্রেনে আক্রমণ শুরু করার সাত মাস পর পাইপলাইনটি উড়িয়ে দেওয়া হয়।"
    assert ("ASSAULT", "Russia", "Ukraine") in triples(records(unfiltered, text))


def test_an_act_proposed_or_feared_is_not_done(unfiltered):
    found = triples(records(unfiltered, "ইরান যুক্তরাষ্ট্রের আলোচনার প্রস্তাব ফিরিয়ে দিয়েছে।"))
    assert not any(t == "CONSULT" for t, _, _ in found)
    found = triples(records(unfiltered, "ইউক্রেনে রাশিয়ার হামলার আশঙ্কা করছে ন্যাটো।"))
    assert not any(t == "ASSAULT" for t, _, _ in found)


def test_a_threatened_act_names_whom_the_threat_is_aimed_at(unfiltered):
    found = triples(records(unfiltered, "ইসরায়েল রাফাহ শহরে হামলার হুমকি দিয়েছে।"))
    assert found == {("THREATEN", "Israel", "Rafah"), ("STATEMENT", "Israel", None)}


def test_a_content_clause_without_a_subject_is_the_speakers_act(unfiltered):
    text = "যুক্তরাষ্ট্রের বিরুদ্ধে নির্মম পাল্টা আঘাত হানবে বলে সতর্ক করেছে উত্তর কোরিয়া।"
    found = triples(records(unfiltered, text))
    assert ("THREATEN", "North Korea", "United States") in found
    assert not any(t == "ASSAULT" for t, _, _ in found)  # a retaliation promised, not done


def test_regional_spellings_of_states(unfiltered):
    found = triples(records(unfiltered, "লিথুনিয়াকে কড়া হুমকি দিয়েছে রাশিয়া।"))
    assert {t for t in found if t[0] != "STATEMENT"} == {("THREATEN", "Russia", "Lithuania")}


def test_a_vow_of_retaliation_is_a_threat(unfiltered):
    found = triples(records(unfiltered, "ইসরায়েলের বিরুদ্ধে প্রতিশোধ নেওয়ার প্রতিশ্রুতি দিয়েছে ইরান।"))
    assert found == {("THREATEN", "Iran", "Israel")}
    text = "ইউক্রেনকে রুশ হামলা মোকাবিলায় সহায়তার প্রতিশ্রুতি দিয়েছে জার্মানি।"
    assert not any(t == "THREATEN" for t, _, _ in triples(records(unfiltered, text)))


def test_an_event_noun_dating_the_clause_is_not_the_subjects_act(unfiltered):
    text = ("পহেলগাঁও হামলার পর ভারতের প্রতি সহমর্মিতা দেখানোর জন্য কৃতজ্ঞতা ব্যক্ত করেন "
            "নরেন্দ্র মোদী।")
    assert not any(t == "ASSAULT" for t, _, _ in triples(records(unfiltered, text)))
    # talks before an agreement are the subject's own
    text = "দীর্ঘ আলোচনার পর ভারতের সঙ্গে সম্মত হয়েছে চীন।"
    assert ("CONSULT", "People's Republic of China", "India") in triples(
        records(unfiltered, text))


def test_a_cooperative_act_announced_as_not_done_is_a_refusal(unfiltered):
    recs = records(unfiltered, "ইরান যুক্তরাষ্ট্রের সঙ্গে আলোচনায় বসবে না।")
    assert triples(recs) == {("REJECT", "Iran", "United States")}
    assert "negated" not in recs[0]["context"]
    recs = records(unfiltered, "জার্মানি ইসরায়েলকে অস্ত্র সহায়তা দেবে না।")
    assert triples(recs) == {("REJECT", "Germany", "Israel")}
    # an act that did not happen is a negated event, not a refusal
    recs = records(unfiltered, "ইরান যুক্তরাষ্ট্রের সঙ্গে আলোচনায় বসেনি।")
    assert triples(recs) == {("CONSULT", "Iran", "United States")}
    assert "negated" in recs[0]["context"]


@pytest.mark.parametrize(("text", "expected"), [
    ("ইসরায়েল তুরস্ক থেকে তার রাষ্ট্রদূতকে ফিরিয়ে এনেছে।", ("SANCTION", "Israel", "Turkey")),
    ("নাইজার ইকোয়াস থেকে সরে দাঁড়িয়েছে।",
     ("SANCTION", "Niger", "Economic Community of West African States")),
    ("পাকিস্তান ভারতের সঙ্গে শিমলা চুক্তি বাতিল করেছে।", ("SANCTION", "Pakistan", "India")),
    ("পাকিস্তান ভারতের জন্য আকাশসীমা বন্ধ করেছে।", ("SANCTION", "Pakistan", "India")),
    ("ভারত পাকিস্তানের সঙ্গে কূটনৈতিক সম্পর্ক হ্রাস করেছে।", ("SANCTION", "India", "Pakistan")),
    ("মুইজ্জু সৈন্য প্রত্যাহারের জন্য ভারতকে ১৫ মার্চ পর্যন্ত সময়সীমা বেঁধে দিয়েছেন।",
     ("DEMAND", "Mohamed Muizzu", "India")),
    ("আইএমএফ বাংলাদেশকে নতুন শর্ত জুড়ে দিয়েছে।",
     ("DEMAND", "International Monetary Fund", "Bangladesh")),
    ("চীন যুক্তরাষ্ট্রকে আলোচনায় বসার তাগিদ দিয়েছে।",
     ("DEMAND", "People's Republic of China", "United States")),
])
def test_reducing_relations_and_pressing_demands(unfiltered, text, expected):
    assert triples(records(unfiltered, text)) == {expected}


def test_bringing_a_person_back_is_no_recall(unfiltered):
    found = triples(records(unfiltered, "বাংলাদেশ হাসিনাকে ফিরিয়ে আনতে ভারতকে অনুরোধ করেছে।"))
    assert not any(t == "SANCTION" for t, _, _ in found)


def test_calling_a_claim_false_rejects_it_and_naming_takes_its_subject(unfiltered):
    text = "চীন যুক্তরাষ্ট্রের অভিযোগকে ভিত্তিহীন বলে উল্লেখ করেছে।"
    assert triples(records(unfiltered, text)) == {
        ("REJECT", "People's Republic of China", "United States")}
    text = "চীন জাপানের অভিযোগকে মিথ্যা ও বানোয়াট বলে আখ্যা দিয়েছে।"
    assert triples(records(unfiltered, text)) == {
        ("REJECT", "People's Republic of China", "Japan")}
    # the subject before what a naming verb calls X is the naming verb's own
    text = "চীন জাপানকে বিপজ্জনক বলে অভিহিত করেছে।"
    assert triples(records(unfiltered, text)) == {
        ("DISAPPROVE", "People's Republic of China", "Japan")}


def test_consent_withheld_and_objections_are_refusals(unfiltered):
    assert triples(records(unfiltered, "রাশিয়া ইউক্রেনের প্রস্তাবে রাজি হয়নি।")) == {
        ("REJECT", "Russia", "Ukraine")}
    assert triples(records(unfiltered, "ভারত পাকিস্তানের দাবি মেনে নেয়নি।")) == {
        ("REJECT", "India", "Pakistan")}
    assert triples(records(unfiltered, "ভারত পাকিস্তানের প্রস্তাব মেনে নিয়েছে।")) == {
        ("AGREE", "India", "Pakistan")}
    assert triples(records(unfiltered, "চীন যুক্তরাষ্ট্রের প্রস্তাবে আপত্তি জানিয়েছে।")) == {
        ("REJECT", "People's Republic of China", "United States")}


def test_what_another_state_must_do_is_demanded_of_it(unfiltered):
    text = "জাতিসংঘ মহাসচিব বলেন, ইসরায়েলকে অবশ্যই গাজায় হামলা বন্ধ করতে হবে।"
    found = triples(records(unfiltered, text))
    assert ("DEMAND", "United Nations", "Israel") in found
    assert not any(t == "ASSAULT" for t, _, _ in found)  # stopping an attack is none
    # a state's own duties are no demand, nor is a consequence someone will suffer
    text = "বাংলাদেশের পররাষ্ট্র উপদেষ্টা বলেন, বাংলাদেশকে আরও সতর্ক থাকতে হবে।"
    assert not any(t == "DEMAND" for t, _, _ in triples(records(unfiltered, text)))
    text = "চীন বলেছে, তাইওয়ানের স্বাধীনতার পথে হাঁটলে কঠোর পরিণতি ভোগ করতে হবে।"
    assert not any(t == "DEMAND" for t, _, _ in triples(records(unfiltered, text)))


@pytest.mark.parametrize(("text", "expected"), [
    ("চীন জাপানকে কটাক্ষ করেছে।", ("DISAPPROVE", "People's Republic of China", "Japan")),
    ("ইরান যুক্তরাষ্ট্রকে দুষছে।", ("DISAPPROVE", "Iran", "United States")),
    ("বাংলাদেশ ভারতের প্রতি ধিক্কার জানিয়েছে।", ("DISAPPROVE", "Bangladesh", "India")),
    ("ইরান বলেছে, ইসরায়েলকে চরম মূল্য দিতে হবে।", ("THREATEN", "Iran", "Israel")),
    ("ইরানের হামলার সমুচিত জবাব দেবে ইসরায়েল।", ("THREATEN", "Israel", "Iran")),
    ("যুক্তরাষ্ট্র রাশিয়ার সম্পদ জব্দ করেছে।", ("SANCTION", "United States", "Russia")),
])
def test_more_ways_of_saying_conflict(unfiltered, text, expected):
    assert expected in triples(records(unfiltered, text))


def test_a_reaction_to_this_is_aimed_at_the_act_told_last(unfiltered):
    text = ("ইরানের বিরুদ্ধে নিষেধাজ্ঞা দিয়েছে যুক্তরাষ্ট্র। ইরানের পররাষ্ট্র মন্ত্রণালয় এর নিন্দা "
            "জানিয়েছে। এ সিদ্ধান্তের তীব্র সমালোচনা করেছে চীন।")
    found = triples(records(unfiltered, text))
    assert ("DISAPPROVE", "Iran", "United States") in found
    assert ("DISAPPROVE", "People's Republic of China", "United States") in found


def test_the_country_is_the_one_the_text_is_about(unfiltered):
    text = ("তুরস্ক ইসরায়েলের সঙ্গে বাণিজ্য বন্ধ করেছে। এ বিষয়ে হুঁশিয়ারি দিয়েছে দেশটির "
            "বাণিজ্য মন্ত্রণালয়।")
    found = triples(records(unfiltered, text))
    assert ("THREATEN", "Turkey", None) in found
    assert not any(s == "Israel" for _, s, _ in found)


def test_meeting_with_and_coming_together(unfiltered):
    found = triples(records(unfiltered, "পুতিন ও শি জিনপিং বেইজিংয়ে মিলিত হয়েছেন।"))
    assert ("CONSULT", "Vladimir Putin", "Xi Jinping") in found
    found = triples(records(unfiltered, "মোদী পুতিনের সঙ্গে দেখা করেছেন।"))
    assert ("CONSULT", "Narendra Modi", "Vladimir Putin") in found
    # দেখা alone is seeing
    text = "বিষয়টি খতিয়ে দেখা হচ্ছে বলে জানিয়েছে ভারত।"
    assert not any(t == "CONSULT" for t, _, _ in triples(records(unfiltered, text)))


def test_whoever_speaks_during_a_meeting_took_part_in_it(unfiltered):
    found = triples(records(unfiltered, "মোদীর সঙ্গে বৈঠককালে পুতিন এ কথা জানান।"))
    assert ("CONSULT", "Vladimir Putin", "Narendra Modi") in found
    assert ("STATEMENT", "Vladimir Putin", None) in found


def test_the_owner_of_what_a_concern_is_about_is_its_target(unfiltered):
    text = "জাতিসংঘের বিশেষজ্ঞরা বাংলাদেশের মানবাধিকার পরিস্থিতি নিয়ে উদ্বেগ প্রকাশ করেন।"
    found = triples(records(unfiltered, text))
    assert ("DISAPPROVE", "United Nations", "Bangladesh") in found
    assert not any(s == "Bangladesh" for _, s, _ in found)
    # a count is no topic: চীনের সঙ্গে বাংলাদেশের পাঁচটি বিষয়ে (on five matters)
    text = "চীনের সঙ্গে বাংলাদেশের পাঁচটি বিষয়ে সমঝোতা সই হয়েছে।"
    assert any(s == "Bangladesh" for _, s, _ in triples(records(unfiltered, text)))


def test_harsh_measures_announced_for_the_future_threaten(unfiltered):
    text = "যুক্তরাষ্ট্র উস্কানি অব্যাহত রাখলে উত্তর কোরিয়া কঠোর ব্যবস্থা নেবে।"
    assert ("THREATEN", "North Korea", "United States") in triples(records(unfiltered, text))
    # a measure taken, or one ruled out, threatens nobody
    for text in ("চীন জাপানের বিরুদ্ধে কঠোর ব্যবস্থা নিয়েছে।",
                 "চীন জাপানের বিরুদ্ধে কঠোর ব্যবস্থা নেবে না।"):
        assert not any(t == "THREATEN" for t, _, _ in triples(records(unfiltered, text)))


def test_whoever_speaks_in_a_statement_made_one(unfiltered):
    text = "এক বিবৃতিতে গুতেরেস সকল পক্ষের প্রতি শান্ত থাকার আহ্বান জানান।"
    found = triples(records(unfiltered, text))
    assert ("STATEMENT", "António Guterres", None) in found
    assert ("DEMAND", "António Guterres", None) in found
    # a statement talked about is no saying
    text = "ওই বিবৃতির বিষয়ে চীন সমালোচনা করেছে।"
    assert not any(t == "STATEMENT" for t, _, _ in triples(records(unfiltered, text)))
    # nor is one signed (the signing is the event), wherever the clause puts the signing
    for text in ("দুই দেশের সম্পর্ক নিয়ে একটি যৌথ বিবৃতিতে সই করেছে রাশিয়া ও চীন।",
                 "রাশিয়া ও চীন একটি যৌথ বিবৃতিতে আজ সই করেছে।"):
        found = triples(records(unfiltered, text))
        assert not any(t == "STATEMENT" for t, _, _ in found), text
        assert any(t == "SUPPORT" and s == "Russia" for t, s, _ in found), text


def test_an_unknown_he_is_still_the_subject(unfiltered):
    # the comma after তিনি lists nothing, and সিরিয়ার (of Syria's people) does not speak
    text = "এক বিবৃতিতে তিনি, এই পরিস্থিতিতে সিরিয়ার সাধারণ মানুষের প্রতি আহ্বান জানান।"
    found = triples(records(unfiltered, text))
    assert not any(s == "Syria" for _, s, _ in found)
    # and once the text has named who "he" is, he is the one who calls
    text = ("জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস বৃহস্পতিবার এক সংবাদ সম্মেলনে বক্তব্য রাখেন। " + text)
    found = triples(records(unfiltered, text))
    assert ("DEMAND", "António Guterres", "Syria") in found
    assert not any(s == "Syria" for _, s, _ in found)


def test_who_leads_or_backs_a_group_does_not_act_for_it(unfiltered):
    found = triples(records(unfiltered, "ইরান সমর্থিত হুতিরা ইসরায়েলে হামলা চালিয়েছে।"))
    assert ("ASSAULT", "Houthis", "Israel") in found
    assert not any(s == "Iran" for _, s, _ in found)


def test_who_speaks_for_a_side_tells_what_the_verb_tells(unfiltered):
    text = "ভারতীয় সেনার তরফে বৈঠকে লাল ফৌজকে পূর্বের জায়গায় ফিরে যেতে বলা হয়।"
    found = triples(records(unfiltered, text))
    assert ("DEMAND", "Indian Army", "People's Liberation Army") in found


def test_what_another_should_do_or_did_unacceptably(unfiltered):
    text = "জর্ডানের আশ্রয় দেয়া উচিত বলে মন্তব্য করেছেন ট্রাম্প।"
    assert ("DEMAND", "Donald Trump", "Jordan") in triples(records(unfiltered, text))
    text = "যুক্তরাষ্ট্রের এই প্রস্তাব অগ্রহণযোগ্য বলে জানিয়েছে ইরান।"
    assert ("REJECT", "Iran", "United States") in triples(records(unfiltered, text))


def test_an_accusation_told_as_its_content_accuses_the_content_subject(unfiltered):
    text = "কঙ্গো সরকারের অভিযোগ, রুয়ান্ডা বিদ্রোহীদের সমর্থন দিচ্ছে।"
    found = triples(records(unfiltered, text))
    assert ("DISAPPROVE", "Democratic Republic of the Congo", "Rwanda") in found
    # not whoever a later clause names
    text = ("ইরানের অভিযোগ, ইসরায়েল হামলা চালিয়েছে, তবে এ অভিযোগ নাকচ করেছেন "
            "নেতানিয়াহু।")
    found = triples(records(unfiltered, text))
    assert ("DISAPPROVE", "Iran", "Israel") in found
    assert ("DISAPPROVE", "Iran", "Benjamin Netanyahu") not in found


def test_weapons_given_promised_or_refused(unfiltered):
    found = triples(records(unfiltered, "যুক্তরাষ্ট্র ইউক্রেনকে অস্ত্র দিয়েছে।"))
    assert ("AID", "United States", "Ukraine") in found
    found = triples(records(unfiltered, "যুক্তরাষ্ট্র ইউক্রেনকে আরও অস্ত্র দেবে।"))
    assert ("AGREE", "United States", "Ukraine") in found
    # refused, also when the subject is only implied (তাঁর দেশ: the speaker's country)
    text = "জো বাইডেন নিশ্চিত করেছেন, তাঁর দেশ রাফাহ অভিযানের জন্য ইসরায়েলকে কোনো অস্ত্র দেবে না।"
    found = triples(records(unfiltered, text))
    assert ("REJECT", "Joe Biden", "Israel") in found
    assert not any(t == "AID" for t, _, _ in found)


def test_a_promise_made_in_talks_is_to_the_other_side(unfiltered):
    text = "বিজিবি ও বিএসএফের মধ্যে পতাকা বৈঠক হয়। বৈঠকে সীমান্ত হত্যা বন্ধের আশ্বাস দিয়েছে বিএসএফ।"
    found = triples(records(unfiltered, text))
    assert ("AGREE", "Border Security Force", "Border Guard Bangladesh") in found


def test_a_counterpart_stands_for_its_state(unfiltered):
    found = triples(records(unfiltered, "লাভরভ তার মার্কিন প্রতিপক্ষের সঙ্গে বৈঠক করেন।"))
    assert ("CONSULT", "Sergey Lavrov", "United States") in found


def test_missiles_fired_at_targets_south_of_a_capital_assault_its_state(unfiltered):
    text = "দামেস্কের দক্ষিণে বেশ কয়েকটি লক্ষ্যবস্তুতে ক্ষেপণাস্ত্র নিক্ষেপ করেছে ইসরায়েল।"
    assert ("ASSAULT", "Israel", "Syria") in triples(records(unfiltered, text))


def test_shots_fired_and_aircraft_downed_are_attacks(unfiltered):
    text = "বিএসএফের গুলিতে দুই বাংলাদেশি নিহত হয়েছেন।"
    assert ("ASSAULT", "Border Security Force", "Bangladesh") in triples(records(unfiltered, text))
    text = "ভারতের যুদ্ধবিমান ভূপাতিত করেছে পাকিস্তান।"
    assert ("ASSAULT", "Pakistan", "India") in triples(records(unfiltered, text))


def test_in_view_of_what_another_did_names_the_target(unfiltered):
    text = ("সীমান্তে মিয়ানমারের সেনাদের সন্দেহজনক গতিবিধির পরিপ্রেক্ষিতে রোববার ঢাকায় "
            "কড়া প্রতিবাদ জানায় বাংলাদেশ।")
    found = triples(records(unfiltered, text))
    assert ("DISAPPROVE", "Bangladesh", "Myanmar") in found
    assert ("DISAPPROVE", "Myanmar", "Bangladesh") not in found


def test_an_act_done_by_saying_is_also_a_statement(unfiltered):
    # condemning, accusing, threatening in public is a statement by whoever does it
    found = triples(records(unfiltered, "ইরান ইসরায়েলের হামলার তীব্র নিন্দা জানিয়েছে।"))
    assert ("DISAPPROVE", "Iran", "Israel") in found
    assert ("STATEMENT", "Iran", None) in found
    found = triples(records(unfiltered, "রাশিয়া ন্যাটোকে হুমকি দিয়েছে।"))
    assert ("STATEMENT", "Russia", None) in found
    # but not an act denied, nor one told by another speaker (theirs is the statement)
    found = triples(records(unfiltered, "ইরান ইসরায়েলের হামলার নিন্দা জানায়নি।"))
    assert ("STATEMENT", "Iran", None) not in found
    text = "যুক্তরাষ্ট্র বলেছে, চীন জাপানকে হুমকি দিয়েছে।"
    found = triples(records(unfiltered, text))
    assert ("STATEMENT", "United States", None) in found
    assert ("STATEMENT", "People's Republic of China", None) not in found
    # nor a call, which news annotates as a statement only when it is told as one
    found = triples(records(unfiltered, "জাতিসংঘ যুদ্ধবিরতির আহ্বান জানিয়েছে।"))
    assert ("STATEMENT", "United Nations", None) not in found


def test_whose_kin_a_person_is_is_no_actor(unfiltered):
    text = ("যুক্তরাষ্ট্র ও জাপানের যৌথ সামরিক মহড়া বিপজ্জনক পরিস্থিতি তৈরি করতে পারে এমন হুঁশিয়ারি "
            "দিয়েছেন উত্তর কোরিয়ার নেতা কিম জং উনের বোন কিম ইয়ো জং।")
    found = triples(records(unfiltered, text))
    assert ("THREATEN", "Kim Yo Jong", "United States") in found
    assert not any("Kim Jong Un" in (s, t) for _, s, t in found)


def test_the_first_person_in_a_quote_is_the_speaker(pipeline):
    found = triples(records(
        pipeline, "গুতেরেস বলেছেন, ‘ইসরাইলের স্থল অভিযানের খবরে আমি গভীর উদ্বিগ্ন।’"))
    assert ("DISAPPROVE", "António Guterres", "Israel") in found
    assert not any(s == "Israel" for t, s, _ in found if t == "DISAPPROVE")


def test_we_in_the_sentence_after_a_statement_is_its_speakers_state(pipeline):
    found = triples(records(
        pipeline, "পুতিন বলেন, রাশিয়া প্রস্তুত। আমরা ইউক্রেনের সঙ্গে আলোচনায় বসতে রাজি।"))
    assert ("AGREE", "Russia", "Ukraine") in found


def test_a_ministers_we_is_the_state(pipeline):
    found = triples(records(pipeline, "ল্যাভরভ বলেন, যুক্তরাষ্ট্র আমাদের ওপর নতুন নিষেধাজ্ঞা দিয়েছে।"))
    assert ("SANCTION", "United States", "Russia") in found


def test_the_first_person_without_a_speaker_is_no_one(pipeline):
    found = triples(records(pipeline, "আমরা ইউক্রেনের সঙ্গে আলোচনায় বসতে রাজি।"))
    assert not any(s for t, s, _ in found if t == "AGREE")


def test_a_broken_promise_is_no_promise(pipeline):
    found = triples(records(pipeline, "ট্রাম্প অভিযোগ করেছেন যে কানাডা প্রতিশ্রুতি ভঙ্গ করেছে।"))
    assert ("DISAPPROVE", "Donald Trump", "Canada") in found
    assert not any(t == "AGREE" for t, _, _ in found)


def test_money_released_is_aid_not_a_concession(pipeline):
    found = triples(records(pipeline, "আইএমএফ বাংলাদেশকে ঋণের তৃতীয় কিস্তি ছাড় করেছে।"))
    assert ("AID", "International Monetary Fund", "Bangladesh") in found
    assert not any(t == "CONCEDE" for t, _, _ in found)


def test_who_is_killed_in_an_attack_did_not_attack(pipeline):
    found = triples(records(
        pipeline, "তেহরানে ক্ষেপণাস্ত্র হামলায় হামাসের প্রধান ইসমাইল হানিয়েহ নিহত হন।"))
    assert not any(t == "ASSAULT" and s in ("Hamas", "Ismail Haniyeh") for t, s, _ in found)


def test_a_protest_at_home_is_the_protesters_against_the_state(pipeline):
    found = triples(records(pipeline, "নেপালের সরকারবিরোধী বিক্ষোভে ১৯ জন নিহত হয়েছেন।"))
    assert ("PROTEST", "protesters", "Nepal") in found
    assert not any(s == "Nepal" for _, s, _ in found)


def test_a_protest_against_a_government_is_against_its_head(pipeline):
    found = triples(records(
        pipeline, "কেনিয়ার প্রেসিডেন্ট উইলিয়াম রুটোর সরকারের বিরুদ্ধে বিক্ষোভ করেছেন আন্দোলনকারীরা।"))
    assert ("PROTEST", "protesters", "William Ruto") in found


def test_a_protest_aimed_abroad_stays_the_states(pipeline):
    found = triples(records(
        pipeline, "কিউবার হাজারো মানুষ হাভানায় মার্কিন দূতাবাসের সামনে বিক্ষোভ করেছে।"))
    assert ("PROTEST", "Cuba", "United States") in found


def test_a_state_boycott_is_no_street_protest(pipeline):
    found = triples(records(pipeline, "কাতারকে বয়কট করেছে সংযুক্ত আরব আমিরাত।"))
    assert ("PROTEST", "United Arab Emirates", "Qatar") in found


def test_these_countries_are_the_countries_named_together_before(pipeline):
    found = triples(records(pipeline, (
        "পোল্যান্ড, জার্মানি ও সুইডেন সোমবার রাশিয়ার কূটনীতিককে বহিষ্কার করেছে। "
        "এর আগে রাশিয়া এসব দেশের কূটনীতিককে বহিষ্কার করে।")))
    for state in ("Poland", "Germany", "Sweden"):
        assert ("SANCTION", "Russia", state) in found
    assert ("SANCTION", "Russia", "Russia") not in found


def test_these_countries_without_a_group_before_are_no_one(pipeline):
    found = triples(records(pipeline, "রাশিয়া এসব দেশের কূটনীতিককে বহিষ্কার করেছে।"))
    assert not any(t == "SANCTION" for t, _, _ in found)


def test_a_subject_put_after_the_verb_and_a_comma_is_the_subject(pipeline):
    found = triples(records(pipeline, (
        "নাইজার থেকে রাষ্ট্রদূত প্রত্যাহার করবে ফ্রান্স। "
        "এ সিদ্ধান্তকে স্বাগত জানিয়েছে, নাইজারের সামরিক নেতারা।")))
    assert ("SUPPORT", "Niger", "France") in found


def test_what_follows_a_verb_of_saying_is_content_not_its_subject(pipeline):
    found = triples(records(pipeline, "পুতিন বলেন, রাশিয়া প্রস্তুত।"))
    assert ("STATEMENT", "Vladimir Putin", None) in found
    assert ("STATEMENT", "Russia", None) not in found


def test_calling_an_act_a_bad_thing_in_quotes_criticises_its_doer(pipeline):
    found = triples(records(pipeline, (
        "ইরানের পারমাণবিক কেন্দ্রে হামলা চালিয়েছে যুক্তরাষ্ট্র। "
        "এ হামলাকে ‘বিপজ্জনক উত্তেজনার বহিঃপ্রকাশ’ বলছেন জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস।")))
    assert ("DISAPPROVE", "António Guterres", "United States") in found


def test_a_named_person_does_not_take_the_next_noun_as_more_name(pipeline):
    found = triples(records(pipeline, (
        "ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভ নিষেধাজ্ঞাকে 'অবৈধ' আখ্যা দিয়ে বলেন, "
        "এসব পদক্ষেপ কোনো পরিবর্তন আনবে না।")))
    assert ("STATEMENT", "Dmitry Peskov", None) in found


def test_said_on_behalf_of_a_force_is_its_statement(pipeline):
    found = triples(records(pipeline, "বিএসএফের পক্ষে জানানো হয়, মরদেহ হস্তান্তর করা হবে।"))
    assert ("STATEMENT", "Border Security Force", None) in found


def test_declared_unwelcome_is_an_expulsion(pipeline):
    found = triples(records(pipeline, (
        "ভেনেজুয়েলার প্রেসিডেন্ট মাদুরো যুক্তরাষ্ট্রের দুই কূটনীতিককে ‘অবাঞ্ছিত’ ঘোষণা করেছেন।")))
    assert ("SANCTION", "Nicolás Maduro", "United States") in found


def test_troops_leaving_a_country_withdraw_from_it(pipeline):
    found = triples(records(pipeline, "ভারতীয় সেনারা মে মাসের মধ্যে মালদ্বীপ ছেড়ে যাবে।"))
    assert any(t == "RETREAT" and b == "Maldives" and a != "Maldives" for t, a, b in found)


def test_a_denial_of_this_accusation_answers_the_accuser(pipeline):
    found = triples(records(pipeline, (
        "ভারত অভিযোগ করেছে, পাকিস্তান সন্ত্রাসীদের আশ্রয় দিচ্ছে। "
        "তবে এই অভিযোগ অস্বীকার করেছে পাকিস্তান।")))
    assert ("REJECT", "Pakistan", "India") in found


def test_a_denial_without_anything_told_before_has_no_target(pipeline):
    found = triples(records(pipeline, "তবে এই অভিযোগ অস্বীকার করেছে পাকিস্তান।"))
    assert ("REJECT", "Pakistan", None) in found


def test_whose_proposal_is_rejected_is_the_target(pipeline):
    found = triples(records(pipeline, "যুক্তরাষ্ট্রের প্রস্তাব প্রত্যাখ্যান করেছে রাশিয়া।"))
    assert ("REJECT", "Russia", "United States") in found
    found = triples(records(pipeline, "যুক্তরাষ্ট্রের প্রস্তাব প্রত্যাখ্যান করা হয়েছে।"))
    assert not any(s == "United States" for t, s, _ in found if t == "REJECT")


def test_they_inside_what_a_state_says_is_that_state(pipeline):
    found = triples(records(pipeline, "ইরান জানিয়েছে, তারা ইসরায়েলে হামলা চালিয়েছে।"))
    assert ("ASSAULT", "Iran", "Israel") in found


def test_they_inside_what_a_person_says_stays_unresolved(pipeline):
    found = triples(records(pipeline, "পুতিন জানিয়েছেন, তারা ইউক্রেনে হামলা চালিয়েছে।"))
    assert not any(t == "ASSAULT" and s == "Vladimir Putin" for t, s, _ in found)


def test_a_strike_hits_whose_cities_it_hits(pipeline):
    found = triples(records(pipeline, "ইসরায়েলের বিভিন্ন শহরে আঘাত হেনেছে ইরানের ক্ষেপণাস্ত্র।"))
    assert ("ASSAULT", "Iran", "Israel") in found
    assert ("ASSAULT", "Israel", "Iran") not in found


def test_a_bare_state_before_the_verb_after_its_subject_is_the_object(pipeline):
    found = triples(records(pipeline, "২০২২ সালে রাশিয়া ইউক্রেন আক্রমণ করে।"))
    assert ("ASSAULT", "Russia", "Ukraine") in found
    found = triples(records(pipeline, (
        "চীন তাইওয়ান আক্রমণ করলে জাপান তার আত্মরক্ষামূলক বাহিনী দিয়েও প্রতিক্রিয়া দেখাতে পারে।")))
    assert ("ASSAULT", "People's Republic of China", "Taiwan") in found
    assert not any(t == "ASSAULT" and b == "Japan" for t, _, b in found)


def test_backing_away_from_an_act_is_no_act(pipeline):
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্র ও চীন বলেছে তারা নতুন শুল্ক আরোপ করা থেকে পিছিয়ে আসার বিষয়ে একমত হয়েছে।")))
    assert not any(t == "SANCTION" for t, _, _ in found)
    assert ("AGREE", "United States", "People's Republic of China") in found


def test_nationals_taken_away_stand_for_their_state(pipeline):
    found = triples(records(pipeline, (
        "নাফ নদী থেকে ছয়জন বাংলাদেশি নাগরিককে ধরে নিয়ে গেছে মিয়ানমারের সশস্ত্র গোষ্ঠী আরাকান আর্মি।")))
    assert ("COERCE", "Arakan Army", "Bangladesh") in found
    found = triples(records(pipeline, "টেকনাফ থেকে চার বাংলাদেশি নাগরিককে অপহরণ করেছে আরাকান আর্মি।"))
    assert ("CRIME", "Arakan Army", "Bangladesh") in found


def test_a_jail_is_no_fisherman(pipeline):
    found = triples(records(pipeline, (
        "রাশিয়ার জেলে আটক মার্কিন সাংবাদিককে মুক্তি দিতে রাশিয়ার প্রতি আহ্বান জানিয়েছে যুক্তরাষ্ট্র।")))
    assert ("DEMAND", "United States", "Russia") in found
    assert not any(t == "DEMAND" and s == "Russia" for t, s, _ in found)


def test_whose_people_an_attack_kills_is_what_it_attacked(pipeline):
    found = triples(records(pipeline, (
        "সোমালিয়ায় যুক্তরাষ্ট্রের সামরিক বাহিনীর বিমান হামলায় আল-শাবাবের ৫২ সদস্য নিহত হয়েছে।")))
    assert any(t == "ASSAULT" and s == "United States" and "Shabaab" in (b or "")
               for t, s, b in found)
    assert ("ASSAULT", "United States", "Somalia") not in found


def test_a_tariff_suspended_is_eased_not_imposed(pipeline):
    found = triples(records(pipeline, (
        "মেক্সিকোর ওপর নতুন শুল্ক আরোপ এক মাসের জন্য স্থগিত করেছেন মার্কিন প্রেসিডেন্ট ডোনাল্ড ট্রাম্প।")))
    assert ("RETREAT", "Donald Trump", "Mexico") in found
    assert not any(t == "SANCTION" for t, _, _ in found)


def test_ties_suspended_stay_a_sanction(pipeline):
    found = triples(records(pipeline, "ভারত পাকিস্তানের সঙ্গে সিন্ধু পানি চুক্তি স্থগিত করেছে।"))
    assert ("SANCTION", "India", "Pakistan") in found


def test_a_clause_of_time_ends_at_its_comma(pipeline):
    found = triples(records(pipeline, (
        "মেক্সিকো সীমান্তে সেনা মোতায়েন করতে সম্মত হওয়ার পর, মার্কিন প্রেসিডেন্ট ডোনাল্ড ট্রাম্প "
        "মেক্সিকোর ওপর নতুন শুল্ক আরোপ এক মাসের জন্য স্থগিত করেছেন।")))
    assert not any(t == "AGREE" and s == "Donald Trump" for t, s, _ in found)
    assert ("RETREAT", "Donald Trump", "Mexico") in found


def test_a_project_suspended_over_sanctions_is_no_easing(pipeline):
    found = triples(records(pipeline, (
        "রাশিয়ার ওপর নিষেধাজ্ঞার কারণে ইরানের সঙ্গে প্রকল্প স্থগিত করেছে জাপান।")))
    assert not any(t == "RETREAT" for t, _, _ in found)


def test_a_person_before_a_war_noun_calls_for_its_end(pipeline):
    found = triples(records(pipeline, "আন্তোনিও গুতেরেস লড়াই থামানোর আহ্বান জানান।"))
    assert ("DEMAND", "António Guterres", None) in found


def test_a_war_named_by_its_parties_keeps_them_out_of_the_subject(pipeline):
    found = triples(records(pipeline, "রাশিয়া ইউক্রেন যুদ্ধ বন্ধের আহ্বান জানিয়েছে চীন।"))
    assert any(t == "DEMAND" and s == "People's Republic of China" for t, s, _ in found)
    assert not any(t == "DEMAND" and s == "Ukraine" for t, s, _ in found)


def test_in_that_country_is_no_affiliation_of_an_office(pipeline):
    found = triples(records(pipeline, (
        "জাতিসংঘের মহাসচিব আন্তোনিও গুতেরেস লিবিয়া সফর করেন। "
        "সে দেশে মহাসচিব লড়াই থামানোর আহ্বান জানান।")))
    assert not any(s == "Libya" for _, s, _ in found)
    assert any(t == "DEMAND" and s == "António Guterres" for t, s, _ in found)


def test_a_bare_office_as_subject_is_the_body_it_stood_for(pipeline):
    found = triples(records(pipeline, (
        "জাতিসংঘের মহাসচিবের লিবিয়া ত্যাগের পরপরই আবার লড়াই শুরু হয়। "
        "মহাসচিব লড়াই থামানোর আহ্বান জানান।")))
    assert any(t == "DEMAND" and s == "United Nations" for t, s, _ in found)


def test_an_envoy_summoned_in_a_capital_is_summoned_by_its_state(pipeline):
    found = triples(records(pipeline, (
        "দিনের শুরুতে ঢাকায় ভারতের হাইকমিশনার প্রণয় ভার্মাকে পররাষ্ট্র মন্ত্রণালয়ে তলব করা হয়।")))
    assert ("DISAPPROVE", "Bangladesh", "Pranay Verma") in found


def test_an_envoy_summoned_with_no_place_has_no_summoner(pipeline):
    found = triples(records(pipeline, "মঙ্গলবার মিয়ানমারের রাষ্ট্রদূতকে তলব করা হয়।"))
    assert not any(t == "DISAPPROVE" for t, _, _ in found)


def test_the_wing_a_country_names_is_no_actor(pipeline):
    found = triples(records(pipeline, (
        "পররাষ্ট্র মন্ত্রণালয়ের মিয়ানমার অনুবিভাগের মহাপরিচালক তাকে তলব করে কড়া প্রতিবাদ জানান।")))
    assert not any("Myanmar" == s for _, s, _ in found)


def test_a_boat_hit_makes_an_attack_without_a_state_target(pipeline):
    found = triples(records(pipeline, "ক্যারিবিয়ান সাগরে আরও একটি নৌযানে হামলা চালিয়েছে যুক্তরাষ্ট্র।"))
    assert ("ASSAULT", "United States", None) in found


def test_an_attack_with_no_target_and_no_boat_stays_unbuilt(pipeline):
    assert triples(records(pipeline, "যুক্তরাষ্ট্র হামলা চালিয়েছে।")) == set()
    found = triples(records(pipeline, (
        "হুথি হামলার পর লোহিত সাগরে সব ধরনের জাহাজ চলাচল নিষিদ্ধ করা হয়েছে।")))
    assert not any(t == "ASSAULT" for t, _, _ in found)


def test_help_one_is_ready_to_give_is_a_promise(pipeline):
    found = triples(records(pipeline, "বাংলাদেশকে সাহায্য করতে প্রস্তুত চীন।"))
    assert ("AGREE", "People's Republic of China", "Bangladesh") in found
    assert not any(t == "AID" for t, _, _ in found)


def test_an_act_at_someones_request_was_demanded_by_them(pipeline):
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্রের অনুরোধে রাজনৈতিক বন্দীদের মুক্তি দেওয়া শুরু করেছে ভেনেজুয়েলা।")))
    assert ("DEMAND", "United States", "Venezuela") in found
    found = triples(records(pipeline, "রাশিয়ার আহ্বানে বৈঠকে বসেছে নিরাপত্তা পরিষদ।"))
    assert ("DEMAND", "Russia", "United Nations Security Council") in found


def test_a_given_name_spelled_otherwise_joins_role_and_surname(pipeline):
    found = triples(records(pipeline, (
        "হাঙ্গেরির প্রধানমন্ত্রী ভিক্টর ওরবান শুক্রবার মস্কোতে রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির "
        "পুতিনের সাথে আলোচনা করেছেন।")))
    assert ("CONSULT", "Viktor Orbán", "Vladimir Putin") in found
    assert not any(s == "Hungary" for _, s, _ in found)


def test_both_in_the_accusative_makes_a_list_the_addressee(pipeline):
    found = triples(records(pipeline, (
        "গুতেরেস ইসরায়েল ও হামাস উভয়কেই একটি চুক্তি নিশ্চিত করার আহ্বান জানিয়েছেন।")))
    assert ("DEMAND", "António Guterres", "Israel") in found
    assert not any(t == "DEMAND" and s in ("Israel", "Hamas") for t, s, _ in found)


def test_a_listed_name_inside_a_longer_bengali_name_is_not_that_person(pipeline):
    found = triples(records(pipeline, (
        "মহাপরিচালক মঞ্জুরুল করিম খান চৌধুরী বলেন, আলোচনা চলবে।")))
    assert not any(s == "Karim Ahmad Khan" for _, s, _ in found)
    found = triples(records(pipeline, "আইসিসির প্রসিকিউটর করিম খান বলেন, তদন্ত চলবে।"))
    assert ("STATEMENT", "Karim Ahmad Khan", None) in found


def test_the_capital_an_envoy_serves_in_summons_him(pipeline):
    found = triples(records(pipeline, (
        "ঢাকায় নিযুক্ত পাকিস্তানের ভারপ্রাপ্ত হাইকমিশনারকে তলব করেছে পররাষ্ট্র মন্ত্রণালয়।")))
    assert ("DISAPPROVE", "Bangladesh", "Pakistan") in found


def test_talks_proposed_by_one_and_refused_answer_the_proposer(pipeline):
    found = triples(records(pipeline, (
        "ইরানের প্রেসিডেন্ট হাসান রুহানির সঙ্গে মার্কিন প্রেসিডেন্ট ডোনাল্ড ট্রাম্পের দেয়া আলোচনার "
        "প্রস্তাব প্রত্যাখ্যান করেছে তেহরান।")))
    assert ("REJECT", "Iran", "Donald Trump") in found
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্রের সঙ্গে সরাসরি আলোচনার সম্ভাবনা প্রত্যাখ্যান করেছেন ইরানের পররাষ্ট্রমন্ত্রী আব্বাস আরাগচি।")))
    assert ("REJECT", "Abbas Araghchi", "United States") in found


def test_a_body_where_words_are_said_is_no_target_of_them(pipeline):
    found = triples(records(pipeline, (
        "ডোনাল্ড ট্রাম্পের প্রস্তাবের পর জাতিসংঘে নিযুক্ত ইরানের রাষ্ট্রদূত তা প্রত্যাখ্যান করেন।")))
    assert not any(t == "REJECT" and b == "United Nations" for t, _, b in found)


def test_whom_a_speaker_holds_responsible_is_accused(pipeline):
    found = triples(records(pipeline, (
        "কাতারের পররাষ্ট্র মন্ত্রণালয় এক বিবৃতিতে বলেছে, চলমান সহিংসতা ও উত্তেজনার জন্য ইসরায়েল একাই দায়ী।")))
    assert ("DISAPPROVE", "Qatar", "Israel") in found
    assert not any(t == "DISAPPROVE" for t, _, _ in triples(records(
        pipeline, "এই হামলার জন্য কে দায়ী তা এখনো জানা যায়নি।")))


def test_blame_laid_on_someone_accuses_them(pipeline):
    found = triples(records(pipeline, "এ ব্যাপারে তেলআবিব দায় চাপিয়েছে হামাসের ওপর।"))
    assert ("DISAPPROVE", "Israel", "Hamas") in found


def test_warned_with_husiyar_is_a_threat_to_whom_it_names(pipeline):
    found = triples(records(pipeline, "পাকিস্তান ভারতকে হুঁশিয়ার করে দিয়েছে।"))
    assert ("THREATEN", "Pakistan", "India") in found
    found = triples(records(pipeline, (
        "জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস হুঁশিয়ার করে বলেন, সংঘাত নিয়ন্ত্রণের বাইরে চলে যেতে পারে।")))
    assert not any(t == "THREATEN" for t, _, _ in found)


def test_a_threat_told_as_its_content_threatens_whom_it_names(pipeline):
    found = triples(records(pipeline, (
        "ইসলামাবাদের হুমকি, ভারত কোনওভাবে পাকিস্তানে আঘাত করলে সমস্ত অস্ত্র প্রয়োগ করা হবে।")))
    assert ("THREATEN", "Pakistan", "India") in found


def test_a_body_named_bare_is_the_one_named_in_full_before(pipeline):
    found = triples(records(pipeline, (
        "পাকিস্তান সেনাবাহিনী বৃহস্পতিবার এ কথা বলেছে। "
        "সেনাবাহিনীর মুখপাত্র ভারতকে হুঁশিয়ার করে দিয়ে বলেন, জবাব দেয়া হবে।")))
    assert ("THREATEN", "Pakistan Army", "India") in found


def test_a_body_named_bare_with_no_full_name_before_is_no_one(pipeline):
    assert triples(records(pipeline, "সেনাবাহিনীর মুখপাত্র ভারতকে হুঁশিয়ার করে দিয়েছেন।")) == set()


def test_a_deal_signed_at_a_meeting_is_signed_by_those_who_met(pipeline):
    found = triples(records(pipeline, (
        "নয়াদিল্লিতে ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদির সঙ্গে বাংলাদেশের প্রধানমন্ত্রী শেখ হাসিনার "
        "দ্বিপক্ষীয় বৈঠকে তিনটি সমঝোতা স্মারক সই হয়েছে।")))
    assert ("SUPPORT", "Sheikh Hasina", "Narendra Modi") in found


def test_a_veto_cast_in_a_council_is_cast_on_it(pipeline):
    found = triples(records(pipeline, "নিরাপত্তা পরিষদে প্রস্তাবটিতে ভেটো দিয়েছে রাশিয়া।"))
    assert ("REJECT", "Russia", "United Nations Security Council") in found
    found = triples(records(pipeline, (
        "সুদানে অবিলম্বে যুদ্ধবিরতির আহ্বান জানিয়ে জাতিসংঘ নিরাপত্তা পরিষদে আনা একটি খসড়া "
        "প্রস্তাবে ভেটো দিয়েছে রাশিয়া।")))
    assert ("REJECT", "Russia", "United Nations Security Council") in found


def test_prisoners_freed_by_two_together_are_freed_to_each_other(pipeline):
    found = triples(records(pipeline, "রাশিয়া ও ইউক্রেন শুক্রবার একসঙ্গে ৩৯০ জন যুদ্ধবন্দিকে মুক্তি দিয়েছে।"))
    assert ("RETREAT", "Russia", "Ukraine") in found and ("RETREAT", "Ukraine", "Russia") in found


def test_persona_non_grata_quoted_expels_a_states_diplomat(pipeline):
    found = triples(records(pipeline, (
        "এবার পাকিস্তানে নিযুক্ত ভারতীয় এক কূটনীতিককে ‘পারসোনা নন গ্রাটা’ ঘোষণা করেছে ইসলামাবাদ।")))
    assert ("SANCTION", "Pakistan", "India") in found


def test_a_leaders_government_acts_as_the_leader(pipeline):
    found = triples(records(pipeline, (
        "ইসলামাবাদে ভারতীয় হাইকমিশনের এক আধিকারিককে ‘অবাঞ্ছিত’ ঘোষণা করল শাহবাজ শরিফের সরকার।")))
    assert ("SANCTION", "Shehbaz Sharif", "India") in found
    assert not any(s == "India" for _, s, _ in found)


def test_one_unnamed_official_of_no_state_is_still_no_actor(pipeline):
    assert triples(records(pipeline, "একজন কূটনীতিক বিষয়টি নিশ্চিত করেছেন।")) == set()


def test_support_or_aid_kept_up_is_support_or_aid(pipeline):
    found = triples(records(pipeline, "ইউক্রেনকে সামরিক সহায়তা অব্যাহত রেখেছে যুক্তরাষ্ট্র।"))
    assert ("AID", "United States", "Ukraine") in found
    found = triples(records(pipeline, "ইউক্রেনের প্রতি সমর্থন অব্যাহত রাখবে জার্মানি।"))
    assert ("SUPPORT", "Germany", "Ukraine") in found


def test_an_act_someone_must_do_is_demanded_of_them(pipeline):
    found = triples(records(pipeline, (
        "জার্মান চ্যান্সেলর বলেন, রাশিয়াকে অবিলম্বে ইউক্রেন থেকে সেনা প্রত্যাহার করতে হবে।")))
    assert ("DEMAND", "Germany", "Russia") in found
    assert not any(t == "RETREAT" for t, _, _ in found)


def test_the_bare_place_between_visit_and_its_verb_is_visited(pipeline):
    found = triples(records(pipeline, "দুই দিনের রাষ্ট্রীয় সফরে চীন যাচ্ছেন প্রধান উপদেষ্টা মুহাম্মদ ইউনূস।"))
    assert ("CONSULT", "Muhammad Yunus", "People's Republic of China") in found
    assert not any(s == "People's Republic of China" for _, s, _ in found)


# Found by an independent review of this round's rules, on sentences written to break them.

def test_both_without_a_list_is_no_addressee(pipeline):
    found = triples(records(pipeline, (
        "ইসরায়েল ও হামাসের মধ্যে যুদ্ধ চলছে। মিসর উভয়কে সহায়তা দেওয়ার প্রতিশ্রুতি দিয়েছে।")))
    assert not any(s in ("Israel", "Hamas") and t == "AGREE" for t, s, _ in found)
    assert not any(t == "RETREAT" for t, _, _ in triples(records(
        pipeline, "রাশিয়া দুজনকে মুক্তি দিয়েছে বলে জানিয়েছে যুক্তরাষ্ট্র।")))


def test_the_summoning_host_is_the_nearest_place_and_never_the_envoys_own(pipeline):
    found = triples(records(pipeline, (
        "ইউক্রেনে হামলার প্রতিবাদে লন্ডনে রাশিয়ার রাষ্ট্রদূতকে তলব করা হয়েছে।")))
    assert ("DISAPPROVE", "United Kingdom", "Russia") in found
    assert not any(s == "Ukraine" for _, s, _ in found)
    found = triples(records(pipeline, "মিয়ানমারে নিযুক্ত বাংলাদেশের রাষ্ট্রদূতকে ঢাকায় তলব করা হয়েছে।"))
    assert not any(t == "DISAPPROVE" for t, _, _ in found)


def test_a_bare_ministry_is_not_the_one_named_before(pipeline):
    found = triples(records(pipeline, (
        "দিল্লিতে বাংলাদেশের হাইকমিশনারকে তলব করেছে ভারতের পররাষ্ট্র মন্ত্রণালয়। এর প্রতিক্রিয়ায় "
        "ঢাকায় ভারতের হাইকমিশনারকে তলব করেছে পররাষ্ট্র মন্ত্রণালয়।")))
    assert not any(s == "Ministry of External Affairs" and b == "India" for _, s, b in found)


def test_a_bare_office_held_for_two_states_is_ambiguous(pipeline):
    found = triples(records(pipeline, (
        "ভারতের প্রধানমন্ত্রী পাকিস্তানের প্রধানমন্ত্রীর সঙ্গে ফোনে কথা বলেছেন। "
        "পরে প্রধানমন্ত্রী চীনের সমালোচনা করেন।")))
    assert not any(t == "DISAPPROVE" and s == "Pakistan" for t, s, _ in found)


def test_a_deal_with_its_own_party_or_after_a_meeting_is_not_the_meetings(pipeline):
    found = triples(records(pipeline, (
        "ট্রাম্পের সঙ্গে পুতিনের বৈঠকের পর ইউক্রেনের সঙ্গে খনিজ চুক্তি সই হয়েছে।")))
    assert not any(t == "SUPPORT" for t, _, _ in found)
    found = triples(records(pipeline, (
        "ট্রাম্পের সঙ্গে পুতিনের বৈঠকে ইউক্রেনের সঙ্গে খনিজ চুক্তি সই হয়েছে।")))
    assert not any(t == "SUPPORT" and b == "Ukraine" for t, _, b in found)


def test_two_states_freeing_their_own_prisoners_free_nobody_of_each_other(pipeline):
    assert triples(records(pipeline, "ভেনেজুয়েলা ও কিউবা রাজনৈতিক বন্দিদের মুক্তি দিয়েছে।")) == set()


def test_a_leaders_government_as_a_compound_noun_is_not_the_leader_acting(pipeline):
    found = triples(records(pipeline, "মাদুরোর সরকার উৎখাতে হামলা চালানোর হুমকি দিয়েছেন ট্রাম্প।"))
    assert ("THREATEN", "Donald Trump", "Nicolás Maduro") in found
    found = triples(records(pipeline, "নেতানিয়াহুর সরকার পতনের দাবি জানিয়েছে হামাস।"))
    assert ("DEMAND", "Hamas", "Benjamin Netanyahu") in found


def test_a_threat_in_a_list_is_no_threat_told(pipeline):
    found = triples(records(pipeline, (
        "রাশিয়ার হুমকি, চীনের উত্থান ও জলবায়ু পরিবর্তন নিয়ে আলোচনা করেছেন ন্যাটো নেতারা।")))
    assert not any(t == "THREATEN" for t, _, _ in found)


def test_responsibility_denied_is_no_accusation(pipeline):
    found = triples(records(pipeline, "হামলার জন্য ইরান দায়ী নয় বলে জানিয়েছে রাশিয়া।"))
    assert not any(t == "DISAPPROVE" for t, _, _ in found)
    found = triples(records(pipeline, "ইরান দায়ী, বললেন ট্রাম্প।"))
    assert not any(t == "DISAPPROVE" and b == "Donald Trump" for t, _, b in found)


def test_a_travel_advisory_is_no_threat(pipeline):
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্রের পররাষ্ট্র দপ্তর মার্কিন নাগরিকদের ইসরায়েল সফরে হুঁশিয়ার করেছে।")))
    assert not any(t == "THREATEN" for t, _, _ in found)


def test_a_request_is_made_of_the_acts_subject_only(pipeline):
    found = triples(records(pipeline, "মিসরের অনুরোধে ইউক্রেন যুদ্ধ নিয়ে আলোচনা করেছে রাশিয়া।"))
    assert ("DEMAND", "Egypt", "Russia") in found
    assert ("DEMAND", "Egypt", "Ukraine") not in found
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্রের আহ্বানে অনুষ্ঠিত বৈঠকে ইসরায়েলের সমালোচনা করেছে সৌদি আরব।")))
    assert not any(s == "United States" or b == "United States" for _, s, b in found)


def test_not_ready_to_help_is_a_refusal(pipeline):
    found = triples(records(pipeline, "যুক্তরাষ্ট্রকে সহযোগিতা করতে প্রস্তুত নয় ভারত।"))
    assert ("REJECT", "India", "United States") in found
    assert not any(t == "AGREE" for t, _, _ in found)


def test_a_plain_subject_before_one_office_is_not_its_state(pipeline):
    found = triples(records(pipeline, (
        "যুক্তরাজ্যের সঙ্গে বিরোধের জেরে ইরান একজন কূটনীতিককে বহিষ্কার করেছে।")))
    assert ("SANCTION", "Iran", "United Kingdom") in found


def test_a_body_in_the_locative_is_a_venue_except_for_votes():
    from kg.entities.mention import Mention
    from kg.extract.cues import Cue
    from kg.extract.roles import venue
    from kg.lang.gazetteer import default_gazetteer
    from kg.lang.lexicon import default_lexicon

    lex, un = default_lexicon(), default_gazetteer().get("United Nations")
    at_un = Mention(0, 1, "loc", "name", entities=[un])

    def cue(pid):
        return Cue(lex.by_id[pid], 2, 4, 3, True, "করা")
    assert venue(at_un, cue("reject"))  # জাতিসংঘে দেওয়া প্রস্তাব প্রত্যাখ্যান
    assert venue(at_un, cue("call-on"))  # জাতিসংঘে দেওয়া ভাষণে … আহ্বান জানান
    assert not venue(at_un, cue("veto"))  # cast on the council's resolution
    assert not venue(Mention(0, 1, "plain", "name", entities=[un]), cue("reject"))


def test_talks_refused_with_a_partner_are_refused_to_it(pipeline):
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্রের সঙ্গে ইরানের সরাসরি আলোচনার সম্ভাবনা নাকচ করে দিয়েছে তেহরান।")))
    assert ("REJECT", "Iran", "United States") in found


def test_a_weekday_is_no_owner_of_a_bare_body(pipeline):
    found = triples(records(pipeline, (
        "পাকিস্তান সেনাবাহিনী জানায়, ভারত হামলা চালিয়েছে। "
        "সোমবার সেনাবাহিনীর মুখপাত্র ভারতকে হুঁশিয়ার করে দেন।")))
    assert ("THREATEN", "Pakistan Army", "India") in found


def test_a_boat_that_carries_is_not_hit(pipeline):
    found = triples(records(pipeline, "নৌকায় করে সীমান্ত পার হয়ে হামলা চালিয়েছে আরাকান আর্মি।"))
    assert not any(t == "ASSAULT" for t, _, _ in found)


def test_an_unnamed_official_of_a_state_speaks_for_no_one(pipeline):
    assert triples(records(pipeline, (
        "মার্কিন এক কর্মকর্তা নাম প্রকাশ না করার শর্তে বলেন, আলোচনা চলছে।"))) == set()


def test_fire_from_a_states_side_is_its_fire(pipeline):
    found = triples(records(pipeline, "রাশিয়ার দিক থেকে ইউক্রেনে ক্ষেপণাস্ত্র হামলা চালানো হয়েছে।"))
    assert ("ASSAULT", "Russia", "Ukraine") in found


def test_a_demonym_in_the_older_spelling_is_the_same_state(pipeline):
    found = triples(records(pipeline, (
        "সীমান্তে পাকিস্তানী সৈন্যদের সঙ্গে সংঘর্ষে বিএসএফের এক সদস্য নিহত হয়েছে।")))
    assert ("ASSAULT", "Border Security Force", "Pakistan") in found


def test_at_the_hands_of_names_who_arrested_or_killed(pipeline):
    # the rule, before the learned filter weighs it (a refitted filter may drop the arrest)
    unfiltered = Pipeline(replace(pipeline.settings, event_filter=False))
    found = triples(records(unfiltered, "ইসরায়েলি বাহিনীর হাতে আটক হয়েছেন তিন ফিলিস্তিনি সাংবাদিক।"))
    assert ("COERCE", "Israel Defense Forces", "State of Palestine") in found
    found = triples(records(pipeline, "ভারতীয় সেনার হাতে নিহত হয়েছে দুই পাকিস্তানি সেনা।"))
    assert any(t == "ASSAULT" and s == "Indian Army" for t, s, _ in found)
    assert triples(records(pipeline, "সাবেক প্রধানমন্ত্রী ইমরান খান গ্রেপ্তার হয়েছেন।")) == set()
    assert not any(t == "ASSAULT" for t, _, _ in triples(records(
        pipeline, "গাজায় হামলায় ৫০ জন নিহত হয়েছেন।")))


def test_people_handed_into_a_states_hands_are_handed_over_to_it(pipeline):
    found = triples(records(pipeline, (
        "পাকিস্তান রেঞ্জার্সের সদস্যকে পাকিস্তানের হাতে তুলে দিয়েছে ভারত।")))
    assert ("RETREAT", "India", "Pakistan") in found
    assert triples(records(pipeline, "ক্ষমতা সেনাবাহিনীর হাতে তুলে দিয়েছে সরকার।")) == set()


def test_who_holds_the_hostages_named_does_not_act_in_the_clause(pipeline):
    found = triples(records(pipeline, (
        "হামাসের হাতে আটক পণবন্দিদের মুক্তির দাবিতে বিক্ষোভ করেছে ইসরায়েলিরা।")))
    assert not any(s == "Hamas" or b == "Hamas" for _, s, b in found)


def test_a_description_joined_to_a_short_name_by_a_hyphen_is_that_body(pipeline):
    found = triples(records(pipeline, "যশোরে ভারতীয় সীমান্তরক্ষী বাহিনী-বিএসএফের গুলিতে এক "
                                      "বাংলাদেশি গরু ব্যবসায়ী নিহত হয়েছেন।"))
    assert ("ASSAULT", "Border Security Force", "Bangladesh") in found
    assert not any(t == "India" for _, _, t in found)


def test_a_full_name_joined_to_its_abbreviation_is_one_actor(pipeline):
    found = triples(records(pipeline, "বর্ডার গার্ড বাংলাদেশ-বিজিবি বিএসএফের কাছে প্রতিবাদ "
                                      "জানিয়েছে।"))
    assert ("DISAPPROVE", "Border Guard Bangladesh", "Border Security Force") in found
    assert not any(s == "Bangladesh" for _, s, _ in found)


def test_two_names_joined_by_a_hyphen_stay_a_pair(pipeline):
    found = triples(records(pipeline, "বিজিবি-বিএসএফের মহাপরিচালক পর্যায়ের বৈঠক শুরু হয়েছে।"))
    assert ("CONSULT", "Border Guard Bangladesh", "Border Security Force") in found


def test_a_strike_back_is_aimed_at_who_struck_first(pipeline):
    found = triples(records(pipeline, "থাইল্যান্ডের সেনাবাহিনীর উপর আচমকা হামলা চালায় কম্বোডিয়ার "
                                      "সেনারা। তাতে এক সেনা নিহত হয়েছেন। পালটা থাইল্যান্ডের তরফে "
                                      "এয়ার স্ট্রাইক করা হয়েছে।"))
    assert ("ASSAULT", "Thailand", "Cambodia") in found


def test_a_strike_with_no_one_struck_before_keeps_no_target(pipeline):
    found = triples(records(pipeline, "ইসরায়েল ও ইরানের আলোচনা ভেস্তে গেছে। পাল্টা জবাবে "
                                      "ইরানের পক্ষ থেকে ড্রোন হামলা চালানো হয়।"))
    assert not any(t == "ASSAULT" and s == "Iran" and o == "Israel" for t, s, o in found)


def test_a_water_cannon_turned_on_a_vessel_is_an_attack(pipeline):
    found = triples(records(pipeline, "চীনের কোস্টগার্ড ফিলিপাইনের একটি জাহাজে জলকামান ব্যবহার "
                                      "করেছে।"))
    assert ("ASSAULT", "People's Republic of China", "Philippines") in found


def test_their_inside_an_accusation_is_the_accusers_and_the_actor_told_is_accused(
        rules_pipeline):
    # rules only: with the parse, the tree makes চীন the subject of ছুড়েছে (no cue), and
    # the water cannon is left without a source (known, not yet handled)
    found = triples(records(rules_pipeline, "ফিলিপাইনের কোস্টগার্ড অভিযোগ করেছে, তাদের একটি জাহাজে "
                                      "পানিকামান ব্যবহার করে পানি ছুড়েছে চীন।"))
    assert ("ASSAULT", "People's Republic of China", "Philippines") in found
    assert ("DISAPPROVE", "Philippines", "People's Republic of China") in found


def test_ceasefire_talks_are_talks_not_a_ceasefire(pipeline):
    found = triples(records(pipeline, "হামাস বলেছে, তাদের প্রতিনিধি দল গাজা যুদ্ধবিরতি আলোচনা "
                                      "পুনরায় শুরু করতে শনিবার কায়রোতে যাচ্ছে।"))
    assert ("CONSULT", "Hamas", "Egypt") in found
    assert not any(t == "RETREAT" for t, _, _ in found)


def test_whoever_backs_a_group_is_not_acted_on_by_it(pipeline):
    found = triples(records(pipeline, "রুয়ান্ডা সমর্থিত বিদ্রোহী গোষ্ঠী এম-টোয়েন্টি থ্রি বর্তমানে "
                                      "কঙ্গোর সবচেয়ে বড় শহর গোমা দখলে রেখেছে।"))
    assert ("COERCE", "March 23 Movement", "Democratic Republic of the Congo") in found
    assert not any(o == "Rwanda" for _, _, o in found)


def test_a_proposal_one_is_unwilling_to_accept_is_rejected(pipeline):
    found = triples(records(pipeline, "যুক্তরাষ্ট্রের প্রস্তাব মানতে নারাজ ইরান।"))
    assert ("REJECT", "Iran", "United States") in found
    found = triples(records(pipeline, "মার্কিন প্রস্তাব গ্রহণ করতে নারাজ রাশিয়া।"))
    assert ("REJECT", "Russia", "United States") in found


def test_accepting_or_obeying_without_unwillingness_is_no_event(pipeline):
    recs = records(pipeline, "ইসরায়েলকে যুদ্ধবিরতি মানতে হবে বলে জানিয়েছে মিসর।")
    assert not any(r["predicate"] == "accept-unwilling" for r in recs)
    found = triples(records(pipeline, "জাতিসংঘ প্রস্তাবটি গ্রহণ করেছে।"))
    assert not any(t in ("AGREE", "REJECT") for t, _, _ in found)


def test_a_truce_something_is_for_is_sought_not_reached(pipeline):
    found = triples(records(pipeline, "ইউক্রেনের সঙ্গে যুদ্ধবিরতির জন্য মার্কিন যুক্তরাষ্ট্র একটি "
                                      "প্রস্তাব দিয়েছে।"))
    assert not any(t == "RETREAT" for t, _, _ in found)


def test_the_past_spelt_with_o_and_a_plural_name_are_read(pipeline):
    found = triples(records(pipeline, "আমেরিকার শেষ সেনাকে ফিরে যেতে হবে বলে দাবি তুললো "
                                      "তালিবানেরা।"))
    assert ("DEMAND", "Taliban", "United States") in found


def test_an_appeal_for_aid_is_a_demand_even_to_no_one_named(pipeline):
    assert ("DEMAND", "Myanmar", None) in triples(records(
        pipeline, "এই কঠিন সময়ে অন্যান্য দেশের কাছে সাহায্য চেয়েছে মায়ানমার।"))
    assert ("DEMAND", "Sri Lanka", "India") in triples(records(
        pipeline, "ভারতের কাছে আর্থিক সহায়তা চেয়েছে শ্রীলঙ্কা।"))


def test_what_a_correlative_takes_up_is_answered(pipeline):
    found = triples(records(pipeline, "বাংলাদেশের অন্তর্বর্তী সরকার যে বিবৃতি দিয়েছে ভারত তা "
                                      "দ্ব্যর্থহীনভাবে প্রত্যাখ্যান করছে।"))
    assert ("REJECT", "India", "Bangladesh") in found
    assert not any(t == "REJECT" and s == "Bangladesh" for t, s, _ in found)
    found = triples(records(pipeline, "ভারত যে অভিযোগ তুলেছে তা ভিত্তিহীন বলে উড়িয়ে দিয়েছে "
                                      "পাকিস্তান।"))
    assert ("REJECT", "Pakistan", "India") in found


def test_a_proposal_taken_up_by_a_correlative_is_refused_to_its_proposer(pipeline):
    found = triples(records(pipeline, "যুক্তরাষ্ট্র যে প্রস্তাব দিয়েছে তা গ্রহণ করতে নারাজ রাশিয়া।"))
    assert ("REJECT", "Russia", "United States") in found


def test_two_sides_pulling_back_together_pull_back_from_each_other(pipeline):
    found = triples(records(pipeline, "সীমান্ত সংলগ্ন এলাকা থেকে পুরোপুরি সেনা প্রত্যাহার করে "
                                      "নিয়েছে দুই দেশ ভারত ও চীন।"))
    assert ("RETREAT", "India", "People's Republic of China") in found
    assert ("RETREAT", "People's Republic of China", "India") in found
    # two states leaving a third's border do not leave each other
    found = triples(records(pipeline, "ইউক্রেন সীমান্ত থেকে সেনা প্রত্যাহার করেছে রাশিয়া ও "
                                      "বেলারুশ।"))
    assert ("RETREAT", "Russia", "Belarus") not in found
    found = triples(records(pipeline, "আফগানিস্তান থেকে সেনা প্রত্যাহার করেছে যুক্তরাষ্ট্র ও "
                                      "ব্রিটেন।"))
    assert ("RETREAT", "United States", "Afghanistan") in found
    assert ("RETREAT", "United States", "United Kingdom") not in found


def test_a_participle_describing_the_object_of_another_act_is_no_event(pipeline):
    found = triples(records(pipeline, "দুদেশের মধ্যকার নিয়ন্ত্রণরেখা বরাবর মোতায়েন করা সেনা "
                                      "প্রত্যাহার করে নিয়েছে দুই প্রতিবেশী চীন ও ভারত।"))
    assert not any(t == "MOBILIZE" for t, _, _ in found)
    assert ("RETREAT", "People's Republic of China", "India") in found


def test_calling_an_appeal_disgraceful_criticises_who_made_it(pipeline):
    found = triples(records(pipeline, "ম্যাখোঁর আহ্বানকে অসম্মানজনক বললেন নেতানিয়াহু।"))
    assert ("DISAPPROVE", "Benjamin Netanyahu", "Emmanuel Macron") in found


def test_visa_sanctions_on_a_states_nationals_in_other_spellings(pipeline):
    found = triples(records(pipeline, "গুয়েতেমালার ৩০০ নাগরিকের ওপর ভিসা নিষেধাজ্ঞা দিয়েছে "
                                      "অ্যামেরিকা।"))
    assert ("SANCTION", "United States", "Guatemala") in found


def test_alerting_someone_warns_them_alerting_nobody_is_a_statement(pipeline):
    found = triples(records(pipeline, "ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদি পাকিস্তানকে সতর্ক করে "
                                      "বলেন, আবার হামলা হলে জবাব দেওয়া হবে।"))
    assert ("THREATEN", "Narendra Modi", "Pakistan") in found
    found = triples(records(pipeline, "জাতিসংঘ সতর্ক করেছে, গাজায় দুর্ভিক্ষ আসন্ন।"))
    assert ("STATEMENT", "United Nations", None) in found
    assert not any(t == "THREATEN" for t, _, _ in found)


def test_a_quoted_word_inside_an_event_phrase_is_passed_over(pipeline):
    found = triples(records(pipeline, "মোদি বলেছেন, পাকিস্তানকে ‘দাঁতভাঙা’ জবাব দেবে ভারত।"))
    assert ("THREATEN", "India", "Pakistan") in found


def test_a_strike_back_answers_the_last_act_told_not_an_older_attack(pipeline):
    found = triples(records(pipeline, "রাশিয়ার তেল শোধনাগারে ড্রোন হামলা চালিয়েছে ইউক্রেন। এদিকে "
                                      "ইইউ রাশিয়ার ওপর নতুন নিষেধাজ্ঞা আরোপ করেছে। জবাবে রাশিয়া "
                                      "পাল্টা ব্যবস্থা নিয়েছে।"))
    assert ("ASSAULT", "Russia", "Ukraine") not in found


def test_two_names_joined_by_a_hyphen_however_long_stay_a_pair(pipeline):
    found = triples(records(pipeline, "দক্ষিণ কোরিয়া-যুক্তরাষ্ট্র যৌথ সামরিক মহড়ার কড়া নিন্দা "
                                      "জানিয়েছে উত্তর কোরিয়া।"))
    assert ("DISAPPROVE", "North Korea", "South Korea") in found
    assert ("DISAPPROVE", "North Korea", "United States") in found


def test_a_water_cannon_accusation_denied_is_no_attack(pipeline):
    found = triples(records(pipeline, "ফিলিপাইনের নৌযানে জলকামান ব্যবহারের অভিযোগ অস্বীকার "
                                      "করেছে চীন।"))
    assert ("REJECT", "People's Republic of China", "Philippines") in found
    assert not any(t == "ASSAULT" for t, _, _ in found)


def test_their_after_another_party_is_named_is_not_the_speakers(pipeline):
    found = triples(records(pipeline, "হুতিদের বিরুদ্ধে অভিযোগ তুলে যুক্তরাষ্ট্র বলেছে, তাদের "
                                      "ঘাঁটিতে হামলা চালিয়েছে মার্কিন বাহিনী।"))
    assert not any(t == "ASSAULT" and o == "United States" for t, _, o in found)
    found = triples(records(pipeline, "হামাস নতুন করে রকেট ছুড়েছে। ইসরায়েল অভিযোগ করেছে, তাদের "
                                      "নেতাদের আশ্রয় দিচ্ছে কাতার।"))
    assert not any(o == "Israel" and t != "STATEMENT" for t, s, o in found if s == "Qatar")


def test_an_accusation_takes_the_doer_of_its_own_clause_only(rules_pipeline):
    # rules only: with the parse, the tree attaches the clause after আর to the condemnation
    # (as before this rule; known, not yet handled)
    found = triples(records(rules_pipeline, "ইসরায়েল গাজায় ত্রাণবহরে হামলা চালিয়েছে। জাতিসংঘ তীব্র "
                                      "নিন্দা জানিয়েছে, আর কাতার হামাসকে আলোচনায় ফেরার আহ্বান "
                                      "জানিয়েছে।"))
    assert ("DISAPPROVE", "United Nations", "Qatar") not in found


def test_fighting_that_breaks_out_is_not_a_topic_of_talks(pipeline):
    found = triples(records(pipeline, "লাদাখ সীমান্তে ভারত ও চীনের সেনাদের মধ্যে নতুন করে সংঘর্ষ "
                                      "দেখা দিয়েছে।"))
    assert ("ASSAULT", "India", "People's Republic of China") in found


def test_thanks_for_a_truce_keep_the_truce(pipeline):
    found = triples(records(pipeline, "থাইল্যান্ড ও কম্বোডিয়ার যুদ্ধবিরতির জন্য মালয়েশিয়াকে "
                                      "কৃতিত্ব দিয়েছে যুক্তরাষ্ট্র।"))
    assert {("RETREAT", "Thailand", "Cambodia"), ("RETREAT", "Cambodia", "Thailand")} & found


def test_a_coalition_leader_may_be_the_target_a_backer_may_not(pipeline):
    found = triples(records(pipeline, "ইয়েমেনে সৌদি আরবের নেতৃত্বাধীন জোটের বিমান হামলার নিন্দা "
                                      "জানিয়েছে ইরান।"))
    assert ("DISAPPROVE", "Iran", "Saudi Arabia") in found


def test_a_relative_clause_with_its_subject_after_the_verb_keeps_its_event(rules_pipeline):
    # rules only: with the parse, the tree gives the attack the main clause's subject as
    # target (as before this rule; known, not yet handled)
    found = triples(records(rules_pipeline, "গাজায় যে হামলা চালিয়েছে ইসরায়েল তা যুদ্ধাপরাধের শামিল বলে "
                                      "নিন্দা জানিয়েছে তুরস্ক।"))
    assert ("ASSAULT", "Israel", "Gaza Strip") in found
    assert ("DISAPPROVE", "Turkey", "Israel") in found


def test_an_appeal_for_aid_is_never_aimed_at_an_actor_merely_named(pipeline):
    found = triples(records(pipeline, "ইসরায়েলি হামলায় বিধ্বস্ত লেবানন মানবিক সহায়তা চেয়েছে।"))
    assert ("DEMAND", "Lebanon", None) in found
    assert ("DEMAND", "Lebanon", "Israel") not in found


def test_every_place_of_a_listed_visit_is_visited(pipeline):
    found = triples(records(pipeline, "ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদী গত সপ্তাহে কিয়েভ ও মস্কো সফর করেন।",
                            dt.date(2024, 8, 30)))
    modi = "Narendra Modi"
    assert {("CONSULT", modi, "Ukraine"), ("CONSULT", modi, "Russia")} <= found
    assert not any(s == "Ukraine" for _, s, _ in found)


def test_a_listed_subject_is_not_the_argument_of_the_act_it_demands(pipeline):
    found = triples(records(pipeline, "চীন ও রাশিয়া যুদ্ধবিরতির দাবি জানিয়েছে।"))
    assert ("DEMAND", "People's Republic of China", None) in found
    assert ("DEMAND", "Russia", None) in found
    assert ("DEMAND", "People's Republic of China", "Russia") not in found


def test_both_in_the_genitive_hands_the_postposition_to_the_list(pipeline):
    found = triples(records(pipeline, "ওমান তেহরান ও ওয়াশিংটন উভয়ের সঙ্গেই আলোচনা করছে।"))
    assert {("CONSULT", "Oman", "Iran"), ("CONSULT", "Oman", "United States")} <= found
    assert not any(s in ("Iran", "United States") and t != "Oman" for _, s, t in found)


def test_a_title_between_an_office_and_its_holder_keeps_them_one_actor(pipeline):
    found = triples(records(pipeline, "চীনের পররাষ্ট্রমন্ত্রী ওয়াং ই এবং বাংলাদেশের পররাষ্ট্রমন্ত্রী ড. এ কে "
                                      "আবদুল মোমেন বেইজিংয়ে বৈঠক করেন।", dt.date(2019, 7, 5)))
    assert ("CONSULT", "Wang Yi", "A. K. Abdul Momen") in found
    assert not any("Bangladesh" in (s, t) for _, s, t in found)


def test_a_title_before_a_name_and_a_recogniser_are_not_actors(pipeline):
    found = triples(records(pipeline, (
        "জাতিসংঘের মহাসচিব আন্তোনিও গুতেরেস বলেন, লিবিয়ায় যুদ্ধ ছড়িয়ে পড়তে পারে। "
        "দেশটিতে শক্তিশালী নেতা খলিফা হাফতারের অনুগত বাহিনী জাতিসংঘ স্বীকৃত জাতীয় ঐক্যের "
        "সরকারের হাত থেকে ত্রিপোলির দখল নিতে হামলা শুরু করে।"), dt.date(2019, 5, 1)))
    assert ("ASSAULT", "Libyan National Army", "Libya") in found
    assert not any(t == "ASSAULT" and s in ("António Guterres", "United Nations")
                   for t, s, _ in found)


def test_fleeing_is_no_visit_and_aid_needed_is_no_aid(pipeline):
    found = triples(records(pipeline, (
        "মিয়ানমারের সীমান্তরক্ষী বাহিনীর ৯৫ জন সদস্য বাংলাদেশে পালিয়ে এসেছে। ইউনিসেফ জানিয়েছে, "
        "বাংলাদেশে বন্যায় ক্ষতিগ্রস্ত মানুষের জরুরী ভিত্তিতে সহায়তার প্রয়োজন।")))
    assert not any(t in ("CONSULT", "AID") for t, _, _ in found)


def test_a_participle_describing_goods_is_not_the_subjects_act(pipeline):
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্রের প্রেসিডেন্ট ডোনাল্ড ট্রাম্প কানাডা থেকে আমদানি করা পণ্যের ওপর আরও ১০ শতাংশ "
        "শুল্ক আরোপ করেছেন।"), dt.date(2025, 10, 26)))
    assert ("SANCTION", "Donald Trump", "Canada") in found
    assert not any(t == "COOPERATE" for t, _, _ in found)
    # a verbal noun that is begun is the subject's act
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্রের অনুরোধে রাজনৈতিক বন্দীদের মুক্তি দেওয়া শুরু করেছে ভেনেজুয়েলা।")))
    assert ("RETREAT", "Venezuela", "United States") in found


def test_only_a_rejecter_is_kept_from_the_demand_it_rejects(pipeline):
    found = triples(records(pipeline, (
        "গাজা থেকে সব ইসরায়েলি সেনা প্রত্যাহারের যে দাবি হামাস তুলেছে, তা নাকচ করে দিয়েছে "
        "নেতানিয়াহুর দপ্তর।")))
    assert ("REJECT", "Prime Minister's Office (Israel)", "Hamas") in found
    assert not any(t == "DEMAND" and b == "Prime Minister's Office (Israel)"
                   for t, _, b in found)
    # one who condemns an attack on itself is still its target
    found = triples(records(pipeline, (
        "ইউক্রেন রাতভর ড্রোন হামলা চালিয়েছে বলে অভিযোগ করে এর নিন্দা জানিয়েছে রাশিয়া।")))
    assert ("ASSAULT", "Ukraine", "Russia") in found


def test_an_office_before_a_body_named_after_someone_else_still_speaks(pipeline):
    found = triples(records(pipeline, (
        "তুরস্কের প্রেসিডেন্ট এরদোয়ান মঙ্গলবার ভাষণ দেন। প্রেসিডেন্ট ন্যাটোকে সতর্ক করে বলেন, "
        "জোট ভুল করছে।"), dt.date(2024, 5, 7)))
    assert ("THREATEN", "Recep Tayyip Erdoğan", "NATO") in found


def test_earlier_too_is_no_postposition(pipeline):
    found = triples(records(pipeline, "চীন পূর্বেও তাইওয়ানকে হুমকি দিয়েছে।"))
    assert ("THREATEN", "People's Republic of China", "Taiwan") in found


def test_agreements_signed_on_a_visit_are_the_visitors_with_each_host(pipeline):
    found = triples(records(pipeline, "শি জিনপিংয়ের রাশিয়া ও কাজাখস্তান সফরে বেশ কয়েকটি চুক্তি সই হয়েছে।",
                            dt.date(2024, 7, 5)))
    assert {("SUPPORT", "Xi Jinping", "Russia"), ("SUPPORT", "Xi Jinping", "Kazakhstan")} <= found
    assert ("SUPPORT", "Russia", "Kazakhstan") not in found


def test_the_two_countries_are_the_pair_last_named_together(pipeline):
    found = triples(records(pipeline, (
        "সম্পূর্ণ যুদ্ধবিরতিতে রাজি হয়েছে ভারত ও পাকিস্তান। এমনটাই দাবি করলেন মার্কিন প্রেসিডেন্ট "
        "ডোনাল্ড ট্রাম্প। শনিবার সামাজিক মাধ্যমে একথা জানিয়েছেন তিনি। ট্রাম্পের দাবি, আমেরিকার "
        "মধ্যস্থতায় দীর্ঘ আলোচনার পর যুদ্ধবিরতিতে সম্মতি জানিয়েছে দুই দেশ।"), dt.date(2025, 5, 10)))
    assert ("AGREE", "India", "Pakistan") in found
    assert not any("United States" in (s, t) and k in ("AGREE", "RETREAT") for k, s, t in found)


def test_persuading_is_no_agreement(pipeline):
    found = triples(records(pipeline, "ট্রাম্প দোহাকে অনুরোধ করেন যাতে তেহরানকেও রাজি করানো হয়।",
                            dt.date(2025, 6, 24)))
    assert ("DEMAND", "Donald Trump", "Qatar") in found
    assert not any(t == "AGREE" for t, _, _ in found)


def test_an_announcement_that_came_is_no_visit(pipeline):
    unfiltered = Pipeline(replace(pipeline.settings, event_filter=False))
    found = triples(records(unfiltered, (
        "সিরিয়ার দুটি শহরে যুক্তরাষ্ট্রের হামলা এবং এর জবাবে ইরাকে মার্কিন ঘাঁটি লক্ষ্য করে ইরানি "
        "রকেট নিক্ষেপের পর এই ঘোষণা এলো।")))
    assert ("ASSAULT", "United States", "Syria") in found
    assert not any(t == "CONSULT" for t, _, _ in found)


def test_a_phone_call_and_a_that_clause(pipeline):
    found = triples(records(pipeline, (
        "সোমবার কাতারের আমিরকে ফোন করে ট্রাম্প জানান যে, ইসরায়েল ইতোমধ্যেই যুদ্ধবিরতিতে রাজি "
        "হয়েছে।"), dt.date(2025, 6, 24)))
    assert ("CONSULT", "Donald Trump", "Tamim bin Hamad Al Thani") in found
    # what follows "that" is a clause of its own: Israel neither phones nor says
    assert not any(s == "Israel" and t in ("CONSULT", "STATEMENT") for t, s, _ in found)
    assert not any(t == "RETREAT" and "Qatar" in (s, b) for t, s, b in found)


def test_the_body_whose_session_hosts_a_meeting_is_no_party(pipeline):
    found = triples(records(pipeline, (
        "জাতিসংঘের সাধারণ অধিবেশনের ফাঁকে পাকিস্তানের প্রধানমন্ত্রী শাহবাজ শরিফের সঙ্গে সাক্ষাৎ "
        "হয়েছে প্রধান উপদেষ্টা মুহাম্মদ ইউনূসের।"), dt.date(2024, 9, 26)))
    assert ("CONSULT", "Muhammad Yunus", "Shehbaz Sharif") in found
    assert not any("United Nations" in (s, t) for _, s, t in found)


def test_sides_naming_a_war_told_as_a_setting_do_not_act(pipeline):
    found = triples(records(pipeline, (
        "রাশিয়া-ইউক্রেন যুদ্ধ শুরুর পর থেকে ইউরোপীয় ইউনিয়নের অধিকাংশ দেশ ইউক্রেনকে সহযোগিতা "
        "করছে।")))
    assert ("COOPERATE", "European Union", "Ukraine") in found
    assert not any(s == "Russia" for _, s, _ in found)


def test_a_passive_saying_without_an_agent_says_nothing(pipeline):
    found = triples(records(pipeline, "বলা হয়েছে আট জন আল শাবাব চরমপন্থী হামলায় নিহত হয়।"))
    assert not any(t == "STATEMENT" for t, _, _ in found)


def test_who_gave_the_notice_says_what_it_tells(pipeline):
    found = triples(records(pipeline, (
        "ভারতের তরফ থেকে দেয়া বিজ্ঞপ্তিতে বলা হয়েছে, দুই দেশের যৌথ মহড়া শনিবার শুরু হবে।")))
    assert ("STATEMENT", "India", None) in found


def test_a_ceasefire_agreement_is_a_ceasefire(pipeline):
    found = triples(records(pipeline, "ভারত ও পাকিস্তানের মধ্যে যুদ্ধবিরতি চুক্তি হয়।"))
    assert ("RETREAT", "India", "Pakistan") in found
    assert not any(t == "SUPPORT" for t, _, _ in found)


def test_a_body_naming_its_charter_is_no_actor(pipeline):
    found = triples(records(pipeline, (
        "জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস এ কথা বলেন। তিনি সবাইকে জাতিসংঘ সনদ ও আন্তর্জাতিক "
        "আইন অনুযায়ী দায়িত্ব পালন করার আহ্বান জানান।"), dt.date(2025, 6, 22)))
    assert ("DEMAND", "António Guterres", None) in found
    assert not any(s == "United Nations" for t, s, _ in found if t == "DEMAND")


def test_who_is_excluded_from_a_meeting_did_not_meet(pipeline):
    found = triples(records(pipeline, (
        "আসিয়ানের নেতারা মিয়ানমারের শীর্ষ জেনারেল মিন অং হ্লাইংকে বৈঠক থেকে বাদ দেন।"),
        dt.date(2021, 10, 26)))
    assert ("SANCTION", "Association of Southeast Asian Nations", "Min Aung Hlaing") in found
    assert not any(t == "CONSULT" for t, _, _ in found)


def test_what_the_review_of_these_rules_found(pipeline):
    # the pair named long ago is not "the two countries" once two others were named since
    found = triples(records(pipeline, (
        "ভারত ও পাকিস্তান যুদ্ধবিরতিতে রাজি হয়েছে। এদিকে চীনের প্রেসিডেন্ট শি জিনপিং রাশিয়া সফর "
        "করেছেন। সফরে দুই দেশ বাণিজ্য চুক্তি সই করেছে।"), dt.date(2025, 5, 10)))
    assert ("SUPPORT", "People's Republic of China", "Russia") in found
    assert not any(t == "SUPPORT" and "India" in (s, b) for t, s, b in found)
    # told to do something, in the passive, is still a call
    found = triples(records(pipeline, "হামাসকে অস্ত্র ছাড়তে বলা হয় যুক্তরাষ্ট্রের পক্ষ থেকে।"))
    assert ("DEMAND", "United States", "Hamas") in found
    # "and in response" after a verb keeps the subject
    found = triples(records(pipeline, (
        "ইরান গতকাল ইসরায়েলের হামলার নিন্দা জানায় এবং এর জবাবে কঠোর প্রতিশোধ নেওয়ার হুমকি দেয়।")))
    assert ("THREATEN", "Iran", "Israel") in found
    # "that" without a subject of its own keeps the speaker's
    found = triples(records(pipeline, "চীন জানিয়েছে যে যুক্তরাষ্ট্রের সঙ্গে বাণিজ্য আলোচনা চালিয়ে যাবে।"))
    assert ("CONSULT", "People's Republic of China", "United States") in found
    # a person before the sidelines acts; a state before a charter too
    found = triples(records(pipeline, "শাহবাজ শরিফ সাধারণ অধিবেশনের ফাঁকে ইউনূসের সঙ্গে বৈঠক করেন।",
                            dt.date(2024, 9, 26)))
    assert ("CONSULT", "Shehbaz Sharif", "Muhammad Yunus") in found
    found = triples(records(pipeline, (
        "রাশিয়া সনদ লঙ্ঘন করে ইউক্রেনে হামলা চালিয়েছে বলে অভিযোগ করেছে যুক্তরাষ্ট্র।")))
    assert ("ASSAULT", "Russia", "Ukraine") in found
    # phones given are no call; whom a call reached is also whom the next act addresses
    assert not triples(records(pipeline, "যুক্তরাষ্ট্র ইউক্রেনের সেনাদের স্যাটেলাইট ফোন দিয়েছে।"))
    found = triples(records(pipeline, "কাতারের আমিরকে ফোন করে ট্রাম্প অভিনন্দন জানান।",
                            dt.date(2025, 6, 24)))
    assert {("CONSULT", "Donald Trump", "Tamim bin Hamad Al Thani"),
            ("SUPPORT", "Donald Trump", "Tamim bin Hamad Al Thani")} <= found


def test_an_attack_begun_still_tells_its_doer(rules_pipeline):
    found = triples(records(rules_pipeline, (
        "গতকাল ইসরায়েল গাজায় নতুন করে হামলা শুরুর পর অন্তত ৫০ জন নিহত হয়েছে।")))
    assert ("ASSAULT", "Israel", "Gaza Strip") in found


def test_what_the_second_review_found(pipeline):
    # an accusation followed by "that" accuses the content clause's doer, also when a
    # second verb joins it
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্র অভিযোগ করেছে যে রাশিয়া যুদ্ধবিরতি লঙ্ঘন করেছে এবং ইউক্রেনে হামলা চালিয়েছে।")))
    assert ("DISAPPROVE", "United States", "Russia") in found
    # যে after a participle is a relative, no clause boundary
    found = triples(records(pipeline, (
        "ইসরায়েলকে অস্ত্র দিয়ে যে যুক্তরাষ্ট্র সহায়তা করছে, তার নিন্দা জানিয়েছে ইরান।")))
    assert ("AID", "United States", "Israel") in found
    assert ("AID", "United States", "Iran") not in found
    # the partner of a call built from implicit roles is still the next act's addressee
    found = triples(records(pipeline, "শাহবাজ শরিফকে ফোন করে রুবিও উত্তেজনা কমানোর আহ্বান জানান।",
                            dt.date(2025, 5, 9)))
    assert ("DEMAND", "Marco Rubio", "Shehbaz Sharif") in found


def test_sides_written_with_an_elision_meet(pipeline):
    found = triples(records(pipeline, "মঙ্গলবার গালওয়ানে ভারত-চিন দু’পক্ষের কমান্ডো লেভেলের বৈঠক হয়।"))
    assert ("CONSULT", "India", "People's Republic of China") in found


def test_a_saying_verb_before_a_dash_states(pipeline):
    found = triples(records(pipeline, "ইউক্রেনের বিমান বাহিনী বলছে- রাশিয়া ৫৪টি ড্রোন নিক্ষেপ করেছে।"))
    assert ("STATEMENT", "Ukrainian Air Force", None) in found


def test_the_organisation_is_one_of_its_kind(pipeline):
    # সংস্থাটি points back past an army to the agency named before it
    found = triples(records(pipeline, (
        "অবশেষে মুখ খুললো জাতিসংঘ। মিয়ানমারে ক্ষমতা দখল করে নেয় তাতমাদো। "
        "তাদের ওপর অস্ত্রনিষেধাজ্ঞা আরোপের জন্য আহ্বান জানিয়েছেন সংস্থাটি।")))
    assert any(t == "DEMAND" and s == "United Nations" for t, s, _ in found)
    assert not any(t == "DEMAND" and s == "Tatmadaw" for t, s, _ in found)
    # and none when no organisation of its kind was named (an army is no agency)
    found = triples(records(pipeline, (
        "মিয়ানমারে ক্ষমতা দখল করে নেয় তাতমাদো। নিষেধাজ্ঞা আরোপের আহ্বান জানিয়েছে সংস্থাটি।")))
    assert not any(t == "DEMAND" for t, _, _ in found)


def test_acts_joined_before_a_word_of_time_date_the_clause(pipeline):
    found = triples(records(pipeline, (
        "গাজায় অব্যাহত বোমা হামলা ও ফিলিস্তিনিদের হত্যার পরেও ইসরায়েলের সঙ্গে বাণিজ্যিক "
        "সম্পর্ক ছিন্ন করেছে তুরস্ক।")))
    assert ("SANCTION", "Turkey", "Israel") in found
    assert not any(t == "ASSAULT" for t, _, _ in found)
    # an attack whose doer is named inside the phrase of time is still told
    found = triples(records(pipeline, (
        "গাজায় ইসরায়েলের হামলার পরেও ইসরায়েলের সঙ্গে সম্পর্ক ছিন্ন করেনি মিসর।")))
    assert ("ASSAULT", "Israel", "Gaza Strip") in found


def test_a_listed_object_shares_the_case_of_a_counted_last_member(pipeline):
    found = triples(records(pipeline, (
        "তদন্তকারীরা মিয়ানমার সেনাবাহিনীর প্রধান জেনারেল মিন অং হ্লাইং এবং আরো পাঁচ জন "
        "জেনারেলকে বিচারের সম্মুখীন করার আহ্বান জানিয়েছেন।")))
    # the general is called to account, not calling; his army only names whom he heads
    assert not any(s in ("Min Aung Hlaing", "Tatmadaw") for _, s, _ in found)
    # any other word ends the list: the UN is still the subject
    found = triples(records(pipeline, (
        "জাতিসংঘ ও মানবাধিকার সংস্থাগুলো ঘটনাটিকে যুদ্ধাপরাধের সমতুল্য বলে উল্লেখ করেছে।")))
    assert ("STATEMENT", "United Nations", None) in found


def test_protests_sent_are_protests(pipeline):
    found = triples(records(pipeline, (
        "তাইওয়ান নিয়ে জাপান ও চীনের মধ্যে উত্তেজনা বাড়ছে। দুই দেশের পররাষ্ট্র মন্ত্রণালয় "
        "একে অপরের কাছে আনুষ্ঠানিক প্রতিবাদও পাঠিয়েছে।")))
    assert {("DISAPPROVE", "Japan", "People's Republic of China"),
            ("DISAPPROVE", "People's Republic of China", "Japan")} <= found


def test_an_attack_told_again_aimed_at_someone_new(pipeline):
    found = triples(records(pipeline, (
        "কাতারের রাজধানী দোহায় হামলা চালিয়েছে ইসরাইল। হামাসের নেতাদের লক্ষ্য করে এ হামলা "
        "চালানো হয়েছে বলে দাবি করেছে তেল আবিব।")))
    assert {("ASSAULT", "Israel", "Qatar"), ("ASSAULT", "Israel", "Hamas")} <= found


def test_the_country_is_not_the_subject_named_after_it(pipeline):
    # দেশটির … পাঠিয়েছে ভারত সরকার: India sends help for "the country", Afghanistan
    found = triples(records(pipeline, (
        "আফগানিস্তানে ভয়াবহ ভূমিকম্পে ক্ষতিগ্রস্তদের পাশে দাঁড়িয়েছে ভারত। দেশটির এক হাজার "
        "পরিবারের জন্য জরুরি সহায়তা হিসেবে তাঁবু পাঠিয়েছে ভারত সরকার।")))
    assert ("AID", "India", "Afghanistan") in found
    # beyond a punctuation mark, or a capital in apposition, it may be the one named
    found = triples(records(pipeline, (
        "বেলারুশ পোল্যান্ড সীমান্তে সেনা পাঠিয়েছে। দেশটির প্রতিরক্ষা মন্ত্রণালয় জানিয়েছে, "
        "রাজধানী মিনস্কের কাছে মহড়া শুরু করেছে বেলারুশ।")))
    assert ("STATEMENT", "Belarus", None) in found


def test_help_for_a_countrys_people_helps_the_country(pipeline):
    found = triples(records(pipeline, "সিরিয়ার শরণার্থীদের জন্য কম্বল পাঠিয়েছে তুরস্ক।"))
    assert ("AID", "Turkey", "Syria") in found
    # those hit in a place stood by: the place's state; not people who are only there
    found = triples(records(pipeline, "আফগানিস্তানে ভূমিকম্পে ক্ষতিগ্রস্তদের পাশে দাঁড়িয়েছে ভারত।"))
    assert ("SUPPORT", "India", "Afghanistan") in found
    assert not triples(records(pipeline, "ঢাকায় রোহিঙ্গা শরণার্থীদের পাশে দাঁড়িয়েছে জাপান।"))
    # not so a genitive before an act: what someone is blamed for
    found = triples(records(pipeline, "ইসরায়েলের হামলার জন্য যুক্তরাষ্ট্রকে দায়ী করেছে ইরান।"))
    assert ("DISAPPROVE", "Iran", "United States") in found
    assert not any(t == "AID" for t, _, _ in found)


def test_who_must_act_may_be_named_last(pipeline):
    found = triples(records(pipeline, "আইএমএফ জানিয়েছে, নানা বিষয়ের শর্ত পূরণ করতে হবে বাংলাদেশকে।"))
    assert ("DEMAND", "International Monetary Fund", "Bangladesh") in found


def test_the_agreement_told_before_cancelled_is_new(pipeline):
    found = triples(records(pipeline, (
        "এই বিষয়ে ব্রিটেনের সাথে হওয়া ২০১৬ সালের চুক্তিটি বাতিল ঘোষণা করেছে আর্জেন্টিনা।")))
    assert ("SANCTION", "Argentina", "United Kingdom") in found
    # the talks told before, without a word of stopping, are no new act
    found = triples(records(pipeline, "ব্রিটেনের সঙ্গে এই আলোচনা করেছে আর্জেন্টিনা।"))
    assert not any(t == "CONSULT" for t, _, _ in found)


def test_what_the_review_of_this_round_found(pipeline):
    # an act between a state and the people helped ends the phrase: Israel attacked
    unfiltered = Pipeline(replace(pipeline.settings, event_filter=False))
    found = triples(records(unfiltered, (
        "গাজায় ইসরায়েলের হামলায় ক্ষতিগ্রস্তদের জন্য ত্রাণ পাঠিয়েছে তুরস্ক।")))
    assert ("ASSAULT", "Israel", "Gaza Strip") in found
    assert not any(t == "ASSAULT" and s == "Turkey" for t, s, _ in found)
    # an act dating the clause keeps a subject of its own named before it
    found = triples(records(unfiltered, (
        "ইসরায়েল গাজায় হামলা ও অবরোধ আরোপের পর ইসরায়েলের নিন্দা জানিয়েছে মিসর।")))
    assert {("ASSAULT", "Israel", "Gaza Strip"), ("DISAPPROVE", "Egypt", "Israel")} <= found
    # a meeting cancelled is no meeting, with or without "the"
    for text in ("জেলেনস্কির সঙ্গে বৈঠকটি বাতিল করেছেন ট্রাম্প।",
                 "জেলেনস্কির সঙ্গে বৈঠক বাতিল করেছেন ট্রাম্প।"):
        assert not any(t == "CONSULT" for t, _, _ in triples(records(pipeline, text)))
    # a quote opened without a space, and the danda-like sign, are no elisions
    found = triples(records(pipeline, (
        "ইরানের পররাষ্ট্রমন্ত্রী আরাঘচি বলেন'যুক্তরাষ্ট্রের সঙ্গে আলোচনায় আমরা প্রস্তুত'।")))
    assert ("STATEMENT", "Iran", None) in found
    # "the country" is the one named later when that one opens another clause
    found = triples(records(pipeline, (
        "যুক্তরাষ্ট্রের নিষেধাজ্ঞার মুখে পড়েছে ইরান। দেশটির পররাষ্ট্রমন্ত্রী বলেছেন ইরান "
        "কখনো মাথা নত করবে না।")))
    assert not any(t == "STATEMENT" and s == "United States" for t, s, _ in found)
    # an agency is an organisation of its kind
    found = triples(records(pipeline, (
        "রোহিঙ্গাদের জন্য নতুন সহায়তা ঘোষণা করেছে ইউএসএআইডি। সংস্থাটি বাংলাদেশকে ৭ কোটি ডলার "
        "অনুদান দেবে।")))
    assert any(t in ("AID", "AGREE") and s == "United States Agency for International Development"
               for t, s, _ in found)
    # "no longer anyone" is no list
    found = triples(records(pipeline, "হামাস আর কাউকে জিম্মি করবে না বলে জানিয়েছে কাতার।"))
    assert not any(t == "COERCE" for t, _, _ in found)
    # an attack told again but denied, or with an attacker of its own, adds nothing
    found = triples(records(pipeline, (
        "কাতারের রাজধানী দোহায় হামলা চালিয়েছে ইসরাইল। হামাসের নেতাদের লক্ষ্য করে এ হামলা "
        "চালানো হয়নি বলে দাবি করেছে কাতার।")))
    assert ("ASSAULT", "Israel", "Hamas") not in found
    found = triples(records(pipeline, (
        "ইসরায়েলে রকেট হামলা চালিয়েছে হামাস। হিজবুল্লাহকে লক্ষ্য করে এই হামলা চালায় ইসরায়েল।")))
    assert ("ASSAULT", "Hamas", "Hezbollah") not in found
    assert ("ASSAULT", "Israel", "Hezbollah") in found


def test_what_the_second_review_of_this_round_found(pipeline):
    unfiltered = Pipeline(replace(pipeline.settings, event_filter=False))
    # two subjects named after the verb are both not "the country"
    found = triples(records(unfiltered, (
        "আফগানিস্তানে ভূমিকম্পে ক্ষতিগ্রস্তদের পাশে দাঁড়িয়েছে ভারত। দেশটিতে ত্রাণ পাঠিয়েছে "
        "পাকিস্তান ও ভারত।")))
    assert {("AID", "Pakistan", "Afghanistan"), ("AID", "India", "Afghanistan")} <= found
    # the subject of a clause told inside a saying may be "the country" itself
    found = triples(records(unfiltered, (
        "যুক্তরাষ্ট্রের সঙ্গে আলোচনায় বসেছে ইরান। দেশটির পররাষ্ট্রমন্ত্রী বলেছেন পারমাণবিক "
        "অস্ত্র বানাবে না ইরান।")))
    assert ("STATEMENT", "United States", None) not in found
    # "the organisation" is the one named as a subject, not the one it accused
    found = triples(records(unfiltered, (
        "হিউম্যান রাইটস ওয়াচ বাংলাদেশ পুলিশের বিরুদ্ধে বিচারবহির্ভূত হত্যার অভিযোগ এনেছে। "
        "সংস্থাটি স্বাধীন তদন্তের দাবি জানিয়েছে।")))
    assert not any(s == "Bangladesh Police" for t, s, _ in found)
    # a decision to cancel is still a cancelling
    found = triples(records(unfiltered, "ভারতের সঙ্গে বাণিজ্য চুক্তি বাতিলের সিদ্ধান্ত নিয়েছে বাংলাদেশ।"))
    assert ("SANCTION", "Bangladesh", "India") in found
    # an attack told again with its attacker named
    found = triples(records(unfiltered, (
        "কাতারের রাজধানী দোহায় হামলা চালিয়েছে ইসরাইল। হামাসের নেতাদের লক্ষ্য করে ইসরাইল এ "
        "হামলা চালায়।")))
    assert ("ASSAULT", "Israel", "Hamas") in found
    # the dash closing an aside is no clause boundary
    found = triples(records(unfiltered, (
        "পুতিন- যিনি ইউক্রেনে হামলার নির্দেশ দিয়েছেন- ট্রাম্পের সঙ্গে বৈঠক করবেন।")))
    assert ("CONSULT", "Vladimir Putin", "Donald Trump") in found
    # a subject before acts dating a clause with no subject of its own is the clause's
    found = triples(records(unfiltered, (
        "কাতার গাজায় বিমান হামলা ও স্থল অভিযানের পর যুদ্ধবিরতির প্রস্তাব দিয়েছে।")))
    assert not any(t == "ASSAULT" and s == "Qatar" for t, s, _ in found)
    # a place hit is not the attacker of those helped there
    found = triples(records(unfiltered, "লেবাননে বোমা হামলায় ক্ষতিগ্রস্তদের পাশে দাঁড়িয়েছে ফ্রান্স।"))
    assert not any(t == "ASSAULT" for t, _, _ in found)
    # a short word after a glued quote is no case ending
    found = triples(records(unfiltered, (
        "ইরানের পররাষ্ট্রমন্ত্রী আব্বাস আরাকচি বলেন'এই হামলা আন্তর্জাতিক আইনের লঙ্ঘন'।")))
    assert any(t == "STATEMENT" for t, _, _ in found)


def test_another_states_foreign_office_is_that_states(pipeline):
    # পররাষ্ট্র দপ্তর bare is the US State Department; after another state it is that state's
    found = triples(records(pipeline, (
        "মস্কোয় নিযুক্ত এক ব্রিটিশ কূটনীতিককে গুপ্তচরবৃত্তির অভিযোগে অভিযুক্ত করেছে রাশিয়া। তবে "
        "এই অভিযোগকে ‘সম্পূর্ণ ভিত্তিহীন’ বলে প্রত্যাখ্যান করেছে যুক্তরাজ্যের পররাষ্ট্র দপ্তর।")))
    # accused "on charges of" is an accusation; "this accusation", named what it is and
    # rejected, answers the accuser
    assert {("DISAPPROVE", "Russia", "United Kingdom"),
            ("REJECT", "United Kingdom", "Russia")} <= found
    assert not any("Department of State" in s for _, s, _ in found)
    found = triples(records(pipeline, "এই অভিযোগ প্রত্যাখ্যান করেছে পররাষ্ট্র দপ্তর।"))
    assert any(s == "United States Department of State" for _, s, _ in found)


def test_help_blocked_is_no_help_and_a_mission_is_its_states(pipeline):
    unfiltered = Pipeline(replace(pipeline.settings, event_filter=False))
    found = triples(records(unfiltered, (
        "ইউরোপের অধিকাংশ দেশ ইউক্রেনকে সহযোগিতা করলেও হাঙ্গেরি এবার ইইউ সহায়তার ৫০ বিলিয়ন "
        "ইউরো আটকে দিয়েছে।")))
    assert not any(t == "AID" and s == "Hungary" for t, s, _ in found)
    # ভারতের কাবুল মিশন: India's mission in Kabul, not Afghanistan
    found = triples(records(unfiltered, (
        "ভারতের কাবুল মিশন কুনার প্রদেশে ১৫ টন খাদ্যসামগ্রী পৌঁছে দিতে সহায়তা করছে।")))
    assert not any(s == "Afghanistan" for _, s, _ in found)
