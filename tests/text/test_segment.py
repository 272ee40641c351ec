"""Stage 1: normalisation, tokenisation with offsets, sentence splitting with quotes."""

from kg.text.segment import norm_token, normalize, split_sentences, tokenize


def test_precomposed_and_decomposed_ya_are_one_spelling():
    precomposed = "\u0995\u09cb\u09b0\u09bf\u09df\u09be"  # কোরিয়া with U+09DF
    decomposed = "\u0995\u09cb\u09b0\u09bf\u09af\u09bc\u09be"  # য + nukta
    assert normalize(precomposed) == normalize(decomposed)
    assert norm_token(precomposed) == norm_token(decomposed)


def test_norm_token_strips_zero_width_and_maps_bengali_digits():
    assert norm_token("রাশিয়া\u200cর") == norm_token("রাশিয়ার")
    assert norm_token("১৯৬১") == "1961"


def test_tokens_keep_vowel_signs_and_offsets_point_into_text():
    text = normalize("পুতিনের উত্তর কোরিয়া সফর, 'হ্যাঁ।'")
    toks = tokenize(text)
    assert [t.text for t in toks] == ["পুতিনের", "উত্তর", "কোরিয়া", "সফর", ",", "'", "হ্যাঁ", "।", "'"]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_hyphenated_words_stay_whole():
    assert [t.text for t in tokenize("এফ-সিক্সটিন যুদ্ধবিমান")] == ["এফ-সিক্সটিন", "যুদ্ধবিমান"]


def test_split_on_danda_question_exclamation_and_line_breaks():
    text = normalize("প্রথম বাক্য। দ্বিতীয় বাক্য? তৃতীয়!\nচতুর্থ লাইন")
    assert [s.text for s in split_sentences(text)] == [
        "প্রথম বাক্য।", "দ্বিতীয় বাক্য?", "তৃতীয়!", "চতুর্থ লাইন"]


def test_the_currency_sign_some_outlets_type_for_the_danda_ends_a_sentence():
    # U+09F7 (৷) in place of the danda (U+0964), as in three of the dev passages
    text = normalize("দিল্লিকে তলব করেছিল ঢাকা\u09f7 এবার পাল্টা পদক্ষেপ করল দিল্লি\u09f7")
    assert [s.text for s in split_sentences(text)] == [
        "দিল্লিকে তলব করেছিল ঢাকা\u09f7", "এবার পাল্টা পদক্ষেপ করল দিল্লি\u09f7"]


def test_closing_quote_stays_with_its_sentence_and_quoted_words_are_marked():
    text = normalize("পুতিন বলেন, 'আলোচনা হয়েছে। রাশিয়া পদক্ষেপ নেবে।' এরপর তিনি ফেরেন।")
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "পুতিন বলেন, 'আলোচনা হয়েছে।", "রাশিয়া পদক্ষেপ নেবে।'", "এরপর তিনি ফেরেন।"]
    assert not sents[0].tokens[0].in_quote and sents[0].tokens[-2].in_quote
    assert sents[1].quoted and sents[1].quote_open_at_start
    assert not sents[2].quoted


def test_exclamation_inside_quote_followed_by_comma_does_not_split():
    text = normalize("‘এটা অগ্রহণযোগ্য!’, বলেন মন্ত্রী।")
    assert len(split_sentences(text)) == 1


def test_unclosed_quote_is_reset_at_the_paragraph_end():
    text = normalize("তিনি বলেন, 'চুক্তিটি ভালো।\nপরের অনুচ্ছেদ এখানে।")
    sents = split_sentences(text)
    assert sents[-1].text == "পরের অনুচ্ছেদ এখানে।"
    assert not sents[-1].quoted


def test_sentence_offsets_are_document_offsets():
    text = normalize("প্রথম। দ্বিতীয়।\nতৃতীয়।")
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_a_run_without_sentence_ends_is_cut_into_capped_sentences():
    """Issue 12, item 4: one 10,000-word run used to be one sentence, and the parse and
    role search grow faster than linearly with sentence length."""
    from kg.text.segment import MAX_SENTENCE_TOKENS

    words = ["ভারত", "বাংলাদেশ", "আলোচনা", "করে"] * 2500
    cut = MAX_SENTENCE_TOKENS * 7 // 4
    words[cut] += ","  # a clause break in the second half of the second piece
    text = " ".join(words)
    sentences = split_sentences(text)
    assert max(len(s.tokens) for s in sentences) <= MAX_SENTENCE_TOKENS
    assert [t.text for s in sentences for t in s.tokens] == [t.text for t in tokenize(text)]
    assert sentences[1].tokens[-1].text == ","  # cut after the comma, not mid-clause
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_sentences_of_real_length_are_not_cut():
    from kg.text.segment import MAX_SENTENCE_TOKENS

    text = " ".join(["শব্দ"] * (MAX_SENTENCE_TOKENS - 1)) + "।"
    assert len(split_sentences(text)) == 1


def test_an_elision_apostrophe_is_part_of_its_word():
    # দু’পক্ষের, এএফপি’র: letters left out or a case ending on an abbreviation; the
    # word matches without the apostrophe
    toks = tokenize(normalize("দু’পক্ষের বৈঠক, এএফপি'র খবর"))
    assert [t.text for t in toks] == ["দু’পক্ষের", "বৈঠক", ",", "এএফপি'র", "খবর"]
    assert [t.norm for t in toks][::3] == ["দুপক্ষের", "এএফপির"]
    assert toks[0].end - toks[0].start == len("দু’পক্ষের")
    text = normalize("প্রথম লাইন।\nদুই দেশের দু’পক্ষের বৈঠক হয়।")
    assert all(text[t.start:t.end] == t.text for s in split_sentences(text) for t in s.tokens)


def test_a_closing_quote_before_a_case_ending_still_closes():
    (s,) = split_sentences(normalize("তিনি ‘সন্ত্রাসী’দের সঙ্গে বৈঠক করেন।"))
    assert [t.text for t in s.tokens][1:5] == ["‘", "সন্ত্রাসী", "’", "দের"]
    assert not s.tokens[4].in_quote


def test_a_hyphen_ending_a_word_before_a_space_is_a_dash():
    toks = tokenize(normalize("বিমান বাহিনী বলছে- রাশিয়া-ইউক্রেন যুদ্ধ - চলছে"))
    assert [t.text for t in toks] == ["বিমান", "বাহিনী", "বলছে", "-", "রাশিয়া-ইউক্রেন",
                                      "যুদ্ধ", "-", "চলছে"]
    assert toks[3].is_punct and not toks[4].is_punct
