"""Clauses by surface cues, for the case-marker rules (the parse, when present, decides
attachment first; see kg.extract.roles)."""

from __future__ import annotations

from kg.lang.data import LanguageData
from kg.text.segment import QUOTES, Sentence, Token

# An opening quote mark and the mark that closes it.
OPENING = {"‘": "’", "“": "”", '"': '"', "'": "'"}


def clauses(lang: LanguageData, sent: Sentence) -> list[int]:
    """A clause number per token: boundaries after a verb + comma, after a conditional
    verb, at quotes, after a complementiser and at clause-opening conjunctions."""
    morph = lang.morph
    ids, current = [], 0
    toks = sent.tokens
    terms = _quoted_terms(lang, sent)
    for k, tok in enumerate(toks):
        if tok.norm in lang.openers and k > 0:
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
