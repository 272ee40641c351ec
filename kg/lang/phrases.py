"""Multi-word phrases in a token list, with case endings on the last word.

One matcher for every phrase list of the language data: gazetteer names and role phrases
(kg.entities), event nouns (kg.extract.cues) and agreement nouns (kg.extract.discourse).
Phrases are indexed by their last word, because that is the word that takes the ending
(উত্তর কোরিয়ায়, সমঝোতা স্মারকে): each token's readings (kg.lang.morphology) are looked
up, then the words before it compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from kg.lang.morphology import Morphology
from kg.text.segment import QUOTES, Token

T = TypeVar("T")
Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """Tokens [start, end) match `words`; the last token read as `base` + a `case` ending."""

    start: int
    end: int
    words: Words
    value: T
    base: str
    case: str


class PhraseIndex(Generic[T]):
    """Phrases (tuples of `norm` words) with a value each, indexed by their last word."""

    def __init__(self) -> None:
        self.by_last: dict[str, list[tuple[Words, T]]] = {}

    def add(self, words: Words, value: T) -> None:
        if words:
            self.by_last.setdefault(words[-1], []).append((words, value))

    def longest_first(self) -> PhraseIndex[T]:
        """Sort each bucket longest phrase first (stable): greedy matching wants it."""
        for entries in self.by_last.values():
            entries.sort(key=lambda e: -len(e[0]))
        return self

    def __contains__(self, last_word: str) -> bool:
        return last_word in self.by_last

    def get(self, last_word: str) -> list[tuple[Words, T]]:
        return self.by_last.get(last_word, [])

    def matches(self, toks: list[Token], morph: Morphology,
                skip: Callable[[int, Token], bool] | None = None,
                key: Callable[[str], str] | None = None,
                through_quotes: bool = False) -> Iterator[PhraseMatch[T]]:
        """Every match, by end token, then reading (bare word first), then bucket order.
        With `key`, phrases were indexed by key(word) and tokens are compared by it too
        (kg.lang.skeleton: spelling-tolerant matching of names). With `through_quotes`, quote
        marks inside a phrase are passed over (‘দাঁতভাঙা’ জবাব)."""
        norms = [t.norm for t in toks] if key is None else [key(t.norm) for t in toks]
        words_at = [k for k, t in enumerate(toks) if not (through_quotes and t.text in QUOTES)]
        place = {k: n for n, k in enumerate(words_at)}
        for j, tok in enumerate(toks):
            if tok.is_punct or (skip is not None and skip(j, tok)):
                continue
            for base, case in morph.analyses(tok.norm):
                for words, value in self.by_last.get(base if key is None else key(base), ()):
                    n = place[j] - len(words) + 1
                    if n < 0:
                        continue
                    span = words_at[n:place[j]]
                    if any(norms[k] != w for k, w in zip(span, words, strict=False)):
                        continue
                    yield PhraseMatch(span[0] if span else j, j + 1, words, value, base, case)
