"""Clauses by surface cues, for the case-marker rules (the parse, when present, decides
attachment first; see kg.extract.roles)."""

from __future__ import annotations

from kg.lang.data import LanguageData
from kg.text.segment import QUOTES, Sentence


def clauses(lang: LanguageData, sent: Sentence) -> list[int]:
    """A clause number per token: boundaries after a verb + comma, after a conditional
    verb, at quotes, after a complementiser and at clause-opening conjunctions."""
    morph = lang.morph
    ids, current = [], 0
    toks = sent.tokens
    for k, tok in enumerate(toks):
        if tok.norm in lang.openers and k > 0:
            current += 1
        ids.append(current)
        prev_verb = k > 0 and morph.lemma(toks[k - 1].norm) is not None
        if tok.norm == "," and (prev_verb or (k > 0 and toks[k - 1].text in QUOTES)):
            current += 1
        elif tok.text in QUOTES:
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
