"""A spelling-tolerant key for foreign names written in Bengali.

Bengali news transliterates the same name many ways: গুতেরেস / গুয়েট্রেস, স্টলটেনবার্গ /
স্টোলটেনবার্গ, মেদভেদেভ / মেদভদেভ. The skeleton keeps the consonant frame and drops what
varies: vowel signs, hasanta, ya-phala and the য় glide, nasalisation marks; it merges the
letters spellers swap (ট/ত, ড/দ, ড়/র, ণ/ন, শ/ষ/স, ভ/ব, য/জ) and treats every independent
vowel alike. Used only as a fallback for long names (kg.entities.recognizer), never for
words short enough to collide with ordinary vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

_GLIDES = [("য়", ""), ("্য", ""), ("ড়", "র"), ("ঢ়", "র")]
_DROP = dict.fromkeys(map(ord, "ািীুূৃেৈোৌ্ঁঃ়\u200c\u200d-‐'’"))
_SAME = str.maketrans({"ট": "ত", "ঠ": "থ", "ড": "দ", "ঢ": "ধ", "ণ": "ন", "ষ": "স", "শ": "স",
                       "ঞ": "ন", "ঙ": "ন", "ং": "ন", "ভ": "ব", "য": "জ", "ৎ": "ত",
                       "আ": "অ", "ই": "অ", "ঈ": "অ", "উ": "অ", "ঊ": "অ", "এ": "অ",
                       "ঐ": "অ", "ও": "অ", "ঔ": "অ", "ঋ": "অ"})
_REPEAT = re.compile(r"(.)\1+")
MIN_LETTERS = 4  # skeletons shorter than this are too common to trust


@lru_cache(maxsize=65_536)  # news repeats its words: most calls are a look-up
def skeleton(word: str) -> str:
    for a, b in _GLIDES:
        word = word.replace(a, b)
    word = word.translate(_DROP).translate(_SAME)
    return _REPEAT.sub(r"\1", word)


def collisions(tokens: list[tuple[str, str]], keys: set[str]) -> dict[str, int]:
    """How often each name skeleton in `keys` matches a token a corpus tags as no entity
    (`O`): such skeletons are ordinary words and must not be matched loosely."""
    from kg.lang.morphology import default_morphology
    from kg.text.segment import norm_token

    morph = default_morphology()
    found: dict[str, int] = {}
    for word, tag in tokens:
        if tag != "O":
            continue
        for base, _case in morph.analyses(norm_token(word)):
            key = skeleton(base)
            if key in keys:
                found[key] = found.get(key, 0) + 1
    return found


def main(argv: list[str]) -> None:
    """python -m kg.lang.skeleton NER_FILE… > seeds/lexicon/skeleton_stop.txt"""
    from kg.entities.recognizer import default_recognizer

    keys = default_recognizer().loose_keys()
    tokens = []
    for path in argv:
        with open(path, encoding="utf-8-sig") as fh:
            tokens += [tuple(line.rstrip("\n").split("\t")[:2]) for line in fh if "\t" in line]
    found = collisions(tokens, keys)
    print("# Name skeletons (kg.lang.skeleton) that match ordinary words: never matched loosely.")
    print("# Made by `python -m kg.lang.skeleton` from the Daffodil NER corpus's O-tagged tokens.")
    for key in sorted(found):
        print(key)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
