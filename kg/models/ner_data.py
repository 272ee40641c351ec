"""Daffodil Bengali NER data → Stanza's NER JSON, with the obvious tag noise cleaned.

The corpus (../shared/data/daffodil-ner, MIT) is one token per line with no sentence
breaks; its SOURCE.md says to split on the danda, ? and ! tokens. Cleaning: a danda glued
to a word (না।’) still ends the sentence; an I- tag that does not continue an entity of
its type becomes B-; the untyped TIM tag becomes B-TIM/I-TIM runs.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from kg.errors import KgError
from kg.text.segment import norm_token

ENDS = ("।", "?", "!", "।’", "।'", "?’", "!’")

Sentence = list[tuple[str, str]]


def read_daffodil(path: Path) -> list[Sentence]:
    if not path.is_file():
        raise KgError(f"{path}: Daffodil NER file not found")
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip():
            continue
        word, _, tag = line.rpartition("\t")
        word, tag = norm_token(word.strip()), tag.strip() or "O"
        if not word:
            continue
        current.append((word, tag))
        if word.endswith(ENDS) or word in ("?", "!"):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return [clean_tags(s) for s in sentences]


def clean_tags(sentence: Sentence) -> Sentence:
    out: Sentence = []
    prev = "O"
    for word, tag in sentence:
        if tag == "TIM":
            tag = "I-TIM" if prev.endswith("TIM") else "B-TIM"
        elif tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        elif not (tag == "O" or tag[:2] in ("B-", "I-")):
            tag = "O"
        out.append((word, tag))
        prev = tag
    return out


def split_dev(sentences: list[Sentence], fraction: float, seed: int) -> tuple[list, list]:
    """A fixed, seeded dev split carved from the training sentences."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    n_dev = int(len(order) * fraction)
    dev_ids = set(order[:n_dev])
    train = [s for i, s in enumerate(sentences) if i not in dev_ids]
    dev = [s for i, s in enumerate(sentences) if i in dev_ids]
    return train, dev


def to_stanza_json(sentences: list[Sentence], path: Path) -> None:
    data = [[{"text": w, "ner": t} for w, t in s] for s in sentences]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

