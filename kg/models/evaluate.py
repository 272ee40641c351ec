"""`kg models evaluate`: the shipped models' scores on held-out data.

- tokenizer and sentence-split F1 of kg.text (the tokeniser kg feeds to Stanza) on the
  treebank test split, against its gold tokens and sentence boundaries;
- UPOS accuracy, UAS and LAS of the Stanza tagger and parser on the treebank test split
  (gold tokens, as kg parses pretokenised text);
- entity F1 of the Stanza NER model on the Daffodil test split (exact span and type),
  beside the dataset paper's BGRU anchor of 72.66.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg.models.ner_data import entity_spans, ner_agreement
from kg.models.treebank import read_conllu
from kg.parse.stanza import StanzaParser
from kg.text.segment import Sentence, Token, normalize, split_sentences, tokenize

NER_ANCHOR = 72.66


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _gold_spans(text: str, forms: list[str]) -> set[tuple[int, int]]:
    spans, cursor = set(), 0
    for form in forms:
        start = text.find(form, cursor)
        if start < 0:
            continue
        spans.add((start, start + len(form)))
        cursor = start + len(form)
    return spans


def tokenizer_scores(test: Path) -> dict[str, float]:
    sents = read_conllu(test)
    tp = n_pred = n_gold = 0
    for s in sents:
        text = normalize(s.text)
        gold = _gold_spans(text, [normalize(r[1]) for r in s.rows])
        pred = {(t.start, t.end) for t in tokenize(text)}
        tp, n_pred, n_gold = tp + len(gold & pred), n_pred + len(pred), n_gold + len(gold)
    tok = f1(tp, n_pred, n_gold)[2]
    # Sentence splitting: paragraphs of five test sentences, boundaries compared.
    tp = n_pred = n_gold = 0
    for i in range(0, len(sents), 5):
        texts = [normalize(s.text) for s in sents[i : i + 5]]
        para = " ".join(texts)
        gold, pos = set(), 0
        for t in texts:
            pos += len(t)
            gold.add(pos)
            pos += 1
        pred = {s.end for s in split_sentences(para)}
        tp, n_pred, n_gold = tp + len(gold & pred), n_pred + len(pred), n_gold + len(gold)
    return {"tokens_f1": tok, "sentences_f1": f1(tp, n_pred, n_gold)[2]}


def _as_sentence(forms: list[str]) -> Sentence:
    toks, pos = [], 0
    for f in forms:
        toks.append(Token(f, pos, pos + len(f), f))
        pos += len(f) + 1
    return Sentence(0, 0, pos, " ".join(forms), toks)


def parser_scores(parser: StanzaParser, test: Path) -> dict[str, float]:
    """UPOS, UAS and LAS over all tokens, as the CoNLL 2018 shared task's evaluation
    counts them (punctuation included), and over words only (`*_words`), the stricter
    number, since attaching punctuation is easy."""
    sents = read_conllu(test)
    parses = parser.parse([_as_sentence([normalize(r[1]) for r in s.rows]) for s in sents])
    counts: Counter[str] = Counter()
    for s, p in zip(sents, parses, strict=True):
        for row, w in zip(s.rows, p.words, strict=True):
            head_ok = int(row[6]) - 1 == w.head
            marks = {"upos": row[3] == w.upos, "uas": head_ok,
                     "las": head_ok and row[7] == w.deprel}
            for suffix in ("", "_words") if row[3] != "PUNCT" else ("",):
                counts["n" + suffix] += 1
                for key, ok in marks.items():
                    counts[key + suffix] += ok
    out = {key + suffix: counts[key + suffix] / counts["n" + suffix]
           for key in ("upos", "uas", "las") for suffix in ("", "_words")}
    out.update({"tokens": counts["n"], "words": counts["n_words"]})
    return out


def ner_scores(parser: StanzaParser, sents: list[list[tuple[str, str]]]) -> dict[str, float]:
    """Entity F1 (exact span and type) of the NER model on BIO-labelled sentences: overall,
    with precision and recall, and per type."""
    parses = parser.parse([_as_sentence([w for w, _ in s]) for s in sents])
    counts: Counter[str] = Counter()
    for s, p in zip(sents, parses, strict=True):
        gold = entity_spans(s)
        pred = set(p.entities)
        for kind in {k for *_, k in gold | pred}:
            g = {x for x in gold if x[2] == kind}
            q = {x for x in pred if x[2] == kind}
            counts[kind + ":tp"] += len(g & q)
            counts[kind + ":pred"] += len(q)
            counts[kind + ":gold"] += len(g)
    kinds = sorted({k.split(":")[0] for k in counts})
    out = {}
    for kind in kinds:
        out[kind] = f1(counts[kind + ":tp"], counts[kind + ":pred"], counts[kind + ":gold"])[2]
    tot = [sum(counts[k + ":" + x] for k in kinds) for x in ("tp", "pred", "gold")]
    p, r, f = f1(*tot)
    out.update({"precision": p, "recall": r, "f1": f})
    return out


def agreement(first: Path, second: Path) -> dict[str, float]:
    """Inter-annotator agreement of two annotations of the same sentences (matched by
    `# text`): UPOS, UAS and LAS of the second against the first, over all tokens; for NER
    label files (not .conllu), tag agreement and entity F1 (kg.models.ner_data)."""
    if first.suffix != ".conllu" or second.suffix != ".conllu":
        return ner_agreement(first, second)
    second_by_text = {s.text: s for s in read_conllu(second)}
    n = upos = uas = las = sents = 0
    for a in read_conllu(first):
        b = second_by_text.get(a.text)
        if b is None or len(a.rows) != len(b.rows):
            continue
        sents += 1
        for ra, rb in zip(a.rows, b.rows, strict=True):
            n += 1
            upos += ra[3] == rb[3]
            uas += ra[6] == rb[6]
            las += ra[6] == rb[6] and ra[7] == rb[7]
    if not n:
        return {"sentences": 0, "tokens": 0}
    return {"sentences": sents, "tokens": n, "upos": upos / n, "uas": uas / n, "las": las / n}
