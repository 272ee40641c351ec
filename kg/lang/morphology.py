"""Bengali morphology as the extractor needs it: case endings, postpositions, verb forms.

All the language facts live in seeds/lexicon/morphology.yaml and verbs.yaml; this module
turns them into fast look-ups. Strings are compared in the `norm` form of kg.text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from kg.errors import KgError
from kg.resources import seeds_dir
from kg.text.segment import norm_token

CASES = ("gen", "acc", "loc", "plain")
# Endings of the infinitive, verbal noun and participle (দিতে, দেওয়ার, চালানো, চালানোর)
NONFINITE_ENDINGS = ("তে", "ার", "ানো", "োর", "ওয়া", "য়া")


def finite_form(word: str) -> bool:
    """A verb form that can end a clause: not an infinitive, verbal noun or conjunctive
    participle (দিয়েছে, বলেন, করবে; not দিতে, দেওয়ার, দিয়ে). The one test of it: clauses,
    cues and coreference all ask here."""
    if word.endswith(NONFINITE_ENDINGS):
        return False
    return not word.endswith("ে") or word.endswith(("েন", "ছে", "বে"))


def conjunctive_participle(word: str) -> bool:
    """করে, দিয়ে, বলে: the -এ form that is neither finite (করেছে, বলেন) nor an
    infinitive (করতে)."""
    return word.endswith("ে") and not finite_form(word) and not word.endswith(NONFINITE_ENDINGS)


def _load_yaml(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise KgError(f"{path}: cannot load lexicon ({exc})") from None
    if not isinstance(data, dict):
        raise KgError(f"{path}: expected a mapping at the top level")
    return data


def _norm_list(items: list) -> list[str]:
    return [norm_token(str(x)) for x in items or []]


@dataclass(frozen=True, slots=True)
class VerbFeatures:
    future: bool = False
    conditional: bool = False
    concessive: bool = False
    negated: bool = False


def _regular_forms(lemma: str, endings: dict[str, list[str]]) -> list[str]:
    """The regular forms of a verb lemma (morphology.yaml `verb_endings`); none for the
    irregular -ওয়া verbs."""
    if lemma.endswith("ানো"):
        stem = lemma[:-2]  # চালানো → চালা
        return ([stem + e for e in endings.get("ano_stem", [])]
                + [stem[:-1] + e for e in endings.get("ano_perfect", [])])
    if lemma.endswith("ওয়া") or not lemma.endswith("া"):
        return []
    return [lemma[:-1] + e for e in endings.get("a_stem", [])]


# Cases whose postposition may carry an emphatic clitic and keep its meaning.
CLITIC_CASES = frozenset({"with", "against", "toward", "to", "for", "on"})


class Morphology:
    """Case analysis of nouns and lemma/feature analysis of verbs."""

    def __init__(self, data: dict, verbs: dict) -> None:
        suffixes: list[tuple[str, str]] = []
        for case in CASES:
            for s in _norm_list(data.get("case_suffixes", {}).get(case, [])):
                suffixes.append((s, case))
        clitics = sorted(set(_norm_list(data.get("clitics", []))), key=len, reverse=True)
        combos = {(s, case) for s, case in suffixes}
        combos |= {(s + c, case) for s, case in suffixes for c in clitics}
        combos |= {(c, "plain") for c in clitics}
        self.suffixes = sorted(combos, key=lambda x: -len(x[0]))
        self._analyses: dict[str, list[tuple[str, str]]] = {}
        self._features: dict[tuple[str, str], VerbFeatures] = {}
        # the postpositions of an act's parties also with an emphatic clitic (সঙ্গেই,
        # বিরুদ্ধেও); not those of place and time (পূর্বেও is "before, too")
        pps = {norm_token(k): v for k, v in data.get("postpositions", {}).items()}
        self.postpositions = {k + c: v for k, v in pps.items() for c in clitics
                              if v in CLITIC_CASES}
        self.postpositions.update(pps)
        self.lists = {k: _norm_list(v) for k, v in data.items() if isinstance(v, list)}
        self.verb_forms: dict[str, str] = {}
        for lemma, forms in verbs.items():
            lemma_n = norm_token(lemma)
            for form in _norm_list(forms):
                self.verb_forms.setdefault(form, lemma_n)
        endings = {k: _norm_list(v) for k, v in data.get("verb_endings", {}).items()}
        for lemma in verbs:
            lemma_n = norm_token(lemma)
            for form in _regular_forms(lemma_n, endings):
                self.verb_forms.setdefault(form, lemma_n)
        # the simple past in its other spellings and persons (তুলল: তুললো, তুললেন)
        for form, lemma_n in list(self.verb_forms.items()):
            if form.endswith("ল") and len(form) > 2:
                for variant in (form + "ো", form + "েন"):
                    self.verb_forms.setdefault(variant, lemma_n)
        self._future = tuple(self.lists.get("future_endings", []))
        self._cond = tuple(self.lists.get("conditional_endings", []))
        self._conc = tuple(self.lists.get("concessive_endings", []))
        self._neg = tuple(self.lists.get("negative_endings", []))

    def analyses(self, word: str) -> list[tuple[str, str]]:
        """(base, case) readings of a word: the bare word, and each ending stripped.
        Memoised: every stage asks about the same few thousand word forms."""
        cached = self._analyses.get(word)
        if cached is None:
            cached = [(word, "plain")]
            for suffix, case in self.suffixes:
                # no reading leaves a stem ending in a virama: the র of অস্ত্র, রাষ্ট্র is
                # the second half of a conjunct, no genitive
                if len(word) > len(suffix) + 1 and word.endswith(suffix) and not word[
                        : -len(suffix)].endswith("\u09cd"):
                    cached.append((word[: -len(suffix)], case))
            if len(self._analyses) < 500_000:
                self._analyses[word] = cached
        return cached

    def lemma(self, word: str) -> str | None:
        return self.verb_forms.get(word)

    def finite_verb(self, word: str) -> bool:
        """A verb this lexicon knows, in a form that can end a clause (`finite_form`)."""
        return self.lemma(word) is not None and finite_form(word)

    def features(self, word: str, following: str = "") -> VerbFeatures:
        """Tense/mood/polarity of a verb form, and of a following negative particle.
        Memoised like `analyses` (VerbFeatures is frozen, so sharing one is safe)."""
        cached = self._features.get((word, following))
        if cached is None:
            cached = self._features_of(word, following)
            if len(self._features) < 500_000:
                self._features[(word, following)] = cached
        return cached

    def _features_of(self, word: str, following: str) -> VerbFeatures:
        concessive = word.endswith(self._conc)
        return VerbFeatures(
            future=word.endswith(self._future) and self.lemma(word) is not None,
            conditional=word.endswith(self._cond)
            and self.lemma(word) is not None
            and not concessive
            and word not in self.lists.get("not_conditional", []),
            concessive=concessive,
            negated=word.endswith(self._neg) or word in self.lists.get("negative_words", [])
            or following in self.lists.get("negative_words", []),
        )

    def past_negative(self, word: str, following: str = "") -> bool:
        """করেনি, দেয়নি, করে নি: an act that did not happen (the -নি perfect negative)."""
        return word.endswith(self._neg) or following == "নি"

    def word_list(self, name: str) -> list[str]:
        return self.lists.get(name, [])


@cache
def default_morphology() -> Morphology:
    base = seeds_dir() / "lexicon"
    return Morphology(_load_yaml(base / "morphology.yaml"), _load_yaml(base / "verbs.yaml"))
