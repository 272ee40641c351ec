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
from kg.models.treebank import TREEBANK
from kg.text.segment import norm_token

# Hand labels of the treebank's real-news sentences: the training split's (trained on) and
# the dev split's (scored only, by kg models evaluate).
NEWS_TRAIN = TREEBANK / "ner" / "bn_kg-news-train.ner.tsv"
NEWS_DEV = TREEBANK / "ner" / "bn_kg-news-dev.ner.tsv"

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


TAGS = frozenset({"O"} | {f"{p}-{t}" for p in "BI" for t in ("PER", "ORG", "LOC", "TIM")})


def read_labelled(path: Path) -> dict[str, Sentence]:
    """Hand-labelled treebank sentences (seeds/treebank/ner): `# sent_id = …` blocks of
    `token<TAB>tag` lines in BIO over PER, ORG, LOC, TIM, as the guide in that folder says."""
    if not path.is_file():
        raise KgError(f"{path}: NER label file not found")
    out: dict[str, Sentence] = {}
    current: Sentence | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# sent_id = "):
            sid = line.split("= ", 1)[1].strip()
            if sid in out:
                raise KgError(f"{path}:{n}: sentence {sid} is labelled twice")
            current = out[sid] = []
        elif line.strip():
            word, sep, tag = line.partition("\t")
            if current is None or not sep or tag not in TAGS:
                raise KgError(f"{path}:{n}: expected `token<TAB>tag` with a BIO tag after a "
                              "`# sent_id` line")
            current.append((norm_token(word), tag))
    empty = [sid for sid, sent in out.items() if not sent]
    if empty:
        raise KgError(f"{path}: sentence {empty[0]} has no tokens")
    return out


def entity_spans(sentence: Sentence) -> set[tuple[int, int, str]]:
    """(start, end, type) of each entity; an I- that continues nothing starts one."""
    spans, start, kind = set(), None, ""
    for i, tag in enumerate([t for _, t in sentence] + ["O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != kind:
            if start is not None:
                spans.add((start, i, kind))
            start, kind = (None, "") if tag == "O" else (i, tag[2:])
    return spans


def ner_agreement(first: Path, second: Path) -> dict[str, float]:
    """Agreement of two independent NER labellings of the same sentences (by sent_id):
    token tag agreement and entity F1 (exact span and type) of the second against the first."""
    a, b = read_labelled(first), read_labelled(second)
    sents = tokens = same = matched = n_a = n_b = 0
    for sid, sb in b.items():
        sa = a.get(sid)
        if sa is None or [w for w, _ in sa] != [w for w, _ in sb]:
            continue
        sents += 1
        tokens += len(sa)
        same += sum(x == y for (_, x), (_, y) in zip(sa, sb, strict=True))
        ea, eb = entity_spans(sa), entity_spans(sb)
        matched, n_a, n_b = matched + len(ea & eb), n_a + len(ea), n_b + len(eb)
    if not tokens:
        return {"sentences": 0, "tokens": 0}
    return {"sentences": sents, "tokens": tokens, "tags": same / tokens,
            "entity_f1": 2 * matched / (n_a + n_b) if n_a + n_b else 1.0}
