"""Clauses by surface cues, for the case-marker rules (the parse, when present, decides
attachment first; see kg.extract.roles)."""

from __future__ import annotations

from kg.lang.data import LanguageData
from kg.lang.morphology import finite_form
from kg.text.segment import QUOTES, Sentence, Token

# An opening quote mark and the mark that closes it.
OPENING = {"‘": "’", "“": "”", '"': '"', "'": "'"}


def clauses(lang: LanguageData, sent: Sentence,
            subjects: frozenset[int] = frozenset()) -> list[int]:
    """A clause number per token: boundaries after a verb + comma, after a conditional
    verb, at quotes, after a complementiser, at clause-opening conjunctions and where a
    relative clause taken up by a correlative ends. `subjects`: where unmarked actors begin
    (a relative clause without one before its verb takes the one right after it)."""
    morph = lang.morph
    ids, current = [], 0
    toks = sent.tokens
    terms = _quoted_terms(lang, sent)
    relative_end = _relative_end(lang, toks, subjects)
    for k, tok in enumerate(toks):
        if tok.norm in lang.openers and k > 0 or _responds(lang, toks, k):
            current += 1
        ids.append(current)
        prev_verb = k > 0 and morph.lemma(toks[k - 1].norm) is not None
        if tok.norm == "," and (prev_verb or (k > 0 and toks[k - 1].text in QUOTES)) and not (
                prev_verb and not _saying(lang, toks, k - 1) and _postposed(lang, toks[k + 1:])):
            current += 1
        elif tok.norm == "," and _after_clause(lang, toks, k):
            current += 1  # … সম্মত হওয়ার পর, ট্রাম্প …: a clause of time ends at its comma
        elif tok.text in QUOTES and k not in terms:
            current += 1
        elif tok.text == "-" and prev_verb and sum(t.text == "-" for t in toks[:k]) % 2 == 0:
            # বিমান বাহিনী বলছে- রাশিয়া …: a dash after a verb, like its comma; not the dash
            # closing an aside (পুতিন- যিনি … নির্দেশ দিয়েছেন- ট্রাম্পের সঙ্গে …)
            current += 1
        elif tok.norm == "যে" and prev_verb and finite_form(toks[k - 1].norm) and k + 1 < len(
                toks) and (toks[k + 1].text == "," or k + 1 in subjects):
            # ট্রাম্প জানান যে(,) | ইসরায়েল … রাজি হয়েছে: "that" after a finite verb, with a
            # comma or a subject of its own (not চীন জানিয়েছে যে যুক্তরাষ্ট্রের সঙ্গে … চালিয়ে
            # যাবে; not the relative যে after a participle: অস্ত্র দিয়ে যে যুক্তরাষ্ট্র …)
            current += 1
        elif k == relative_end:
            current += 1  # বাংলাদেশ যে বিবৃতি দিয়েছে | ভারত তা প্রত্যাখ্যান করছে
        elif tok.norm in lang.complementisers and k + 1 < len(toks) and not toks[
                k + 1].is_punct and toks[k + 1].norm not in lang.naming_verbs:
            # (… জাপানকে বিপজ্জনক বলে অভিহিত করেছে: what a naming verb calls X is no
            # clause of its own; X and the subject are the naming verb's)
            current += 1
        elif not tok.is_punct:
            feats = morph.features(tok.norm)
            if feats.conditional or feats.concessive:
                current += 1
    return ids


def _responds(lang: LanguageData, toks: list[Token], k: int) -> bool:
    """… হামলা এবং | এর জবাবে … রকেট নিক্ষেপ: "and in response to it" after an event noun
    opens the answer's clause (morphology.yaml `coordinators`, then এর and one of
    `response_words`); after a verb the two clauses share their subject."""
    return (1 < k and toks[k - 1].norm in lang.coordinators and k + 1 < len(toks)
            and toks[k].norm == "এর" and toks[k + 1].norm in lang.response_words
            and lang.morph.lemma(toks[k - 2].norm) is None)  # not নিন্দা জানায় এবং এর জবাবে


def _relative_end(lang: LanguageData, toks: list[Token],
                  subjects: frozenset[int] = frozenset()) -> int:
    """Where a relative clause (X যে বিবৃতি দিয়েছে) taken up again by a correlative after it
    (… ভারত তা প্রত্যাখ্যান করছে) ends: at its finite verb, the two being clauses of their
    own, each with its subject; but a relative clause with no subject before its verb takes
    the one right after it (গাজায় যে হামলা চালিয়েছে ইসরায়েল | তা …). -1 when the sentence
    has no such pair."""
    morph = lang.morph
    correlatives = lang.correlatives
    for r, tok in enumerate(toks):
        if tok.norm != "যে" or r == 0:
            continue
        for v in range(r + 1, min(len(toks) - 1, r + 8)):
            if toks[v].is_punct:
                break
            if morph.finite_verb(toks[v].norm):
                rest = toks[v + 1:v + 5]
                corr = next((v + 1 + n for n, t in enumerate(rest) if t.norm in correlatives),
                            None)
                if corr is None or rest[0].is_punct:
                    break
                if v + 1 in subjects and not any(k in subjects for k in range(v)):
                    return corr - 1
                return v
    return -1


def _after_clause(lang: LanguageData, toks: list[Token], k: int) -> bool:
    """A verbal noun, then পর/পরে, then the comma at k (সম্মত হওয়ার পর,)."""
    return k >= 2 and toks[k - 1].norm in lang.temporal_after and (
        lang.morph.lemma(toks[k - 2].norm) is not None)


def _saying(lang: LanguageData, toks: list[Token], k: int) -> bool:
    """বলেন, জানান: a verb of saying, whose comma opens what is said (পুতিন বলেন, রাশিয়া
    প্রস্তুত: a content clause with the copula left out); but not the light verb of an act
    (স্বাগত জানিয়েছে, নাইজারের সামরিক নেতারা)."""
    lemma = lang.morph.lemma(toks[k].norm)
    if not any(p.type == "STATEMENT" for p in lang.lex.verbs.get(lemma or "", ())):
        return False
    before = toks[k - 1].norm if k > 0 else ""
    return not any(p.type != "STATEMENT" for _, p in lang.lex.nouns.get(before))


def _postposed(lang: LanguageData, rest: list[Token]) -> bool:
    """… স্বাগত জানিয়েছে, নাইজারের সামরিক নেতারা।: after the verb and its comma only a
    phrase without a verb, to the end of the sentence: the subject put last, not a clause."""
    words = [t for t in rest if not t.is_punct]
    return bool(words) and not any(t.text in QUOTES for t in rest) and not any(
        lang.morph.lemma(t.norm) is not None for t in words)


def _quoted_terms(lang: LanguageData, sent: Sentence, longest: int = 6) -> set[int]:
    """The quote marks around a short phrase without a verb or pronoun, not right after a
    verb (এ হামলাকে ‘বিপজ্জনক উত্তেজনার বহিঃপ্রকাশ’ বলছেন): a term quoted, not words
    spoken, so no clause boundary."""
    toks = sent.tokens
    morph = lang.morph
    found: set[int] = set()
    for a, tok in enumerate(toks):
        if tok.text not in OPENING or (a > 0 and morph.lemma(toks[a - 1].norm) is not None):
            continue  # পুতিন বলেন ‘আমরা প্রস্তুত’: words quoted after a verb are spoken
        b = next((k for k in range(a + 1, min(len(toks), a + longest + 2))
                  if toks[k].text in QUOTES), None)
        if b is None or toks[b].text != OPENING[tok.text]:
            continue
        inside = toks[a + 1:b]
        if inside and (tuple(t.norm for t in inside) in lang.lex.noun_phrases or not any(
                t.is_punct or morph.lemma(t.norm) is not None or t.norm in lang.pronouns
                for t in inside)):
            found.update((a, b))  # (‘পারসোনা নন গ্রাটা’: an event noun, though নন is a verb)
    return found


def taken_up(lang: LanguageData, toks: list[Token], clause: list[int], start: int,
             cl: int) -> int | None:
    """The relative clause a correlative takes up for a cue starting at `start` in clause
    `cl` (যুক্তরাষ্ট্র যে প্রস্তাব দিয়েছে | তা গ্রহণ করতে নারাজ রাশিয়া; also across the
    complementiser: … | তা ভিত্তিহীন বলে | উড়িয়ে দিয়েছে পাকিস্তান), else None."""
    for k in range(start - 1, -1, -1):
        if clause[k] < cl - 1:
            return None
        if toks[k].norm in lang.correlatives and clause[k] >= 1 and (
                _last_of(clause, clause[k] - 1) in _relative_ends(lang, toks)):
            return clause[k] - 1
    return None


def _relative_ends(lang: LanguageData, toks: list[Token]) -> set[int]:
    """The ends _relative_end may have given, whichever the subjects were."""
    end = _relative_end(lang, toks)
    return {end, _correlative_after(lang, toks, end) - 1} - {-1, -2}


def _correlative_after(lang: LanguageData, toks: list[Token], v: int) -> int:
    return next((k for k in range(v + 1, min(len(toks), v + 5))
                 if toks[k].norm in lang.correlatives), -1) if v >= 0 else -1


def _last_of(clause: list[int], cl: int) -> int:
    return max((k for k, c in enumerate(clause) if c == cl), default=-1)
