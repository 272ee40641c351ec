"""A sentence's dependency tree and NER spans, as the extractor reads them.

Kept apart from the Stanza wrapper (kg.parse.stanza) so that the extractor, its tests and
tree-reading code need neither torch nor the models.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """One token's analysis; `head` is a 0-based token index, -1 for the root."""

    upos: str
    head: int
    deprel: str
    feats: str


@dataclass(frozen=True, slots=True)
class Parse:
    words: list[Word]
    entities: list[tuple[int, int, str]]  # token spans [start, end) and PER/ORG/LOC/TIM

    def governor_path(self, i: int, limit: int = 8) -> list[int]:
        """Token indices from i's head up to the root (bounded: trees may be cyclic if
        the model errs, and a short path is what attachment needs)."""
        path = []
        k = self.words[i].head
        while k >= 0 and len(path) < limit and k not in path:
            path.append(k)
            k = self.words[k].head
        return path
