"""Word vectors for the tagger and parser, trained here on the raw Bengali text kg may use.

Stanza has no Bengali pretrained vectors kg can ship, so `kg models train` builds its own:
FastText (gensim, seeded, one worker) on the project's raw text, written in the word2vec
text format and converted to a Stanza pretrain file (kg/data/models/bn_kg_pretrain.pt,
about 4 MB) that the tagger and the parser share. The frozen news test split (seeds/news/test.jsonl,
and the treebank test split made from it) is never read; nor is Daffodil's test split,
on which the NER model is scored. Tokens are kg's own (kg.text.segment.tokenize on the
NFC text), the forms kg hands to Stanza, so the vector keys match what the models see.

gensim is a training-only dependency (the `train` extra): the shipped pretrain file is
read by Stanza alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import torch

from kg.models.ner_data import read_daffodil
from kg.models.treebank import read_conllu
from kg.resources import seeds_dir
from kg.text.segment import normalize, split_sentences, tokenize

VECTOR_DIM = 100
MIN_COUNT = 2
EPOCHS = 20
WINDOW = 5


def _doc_sentences(text: str) -> list[list[str]]:
    return [[t.text for t in s.tokens] for s in split_sentences(normalize(text))]


def raw_corpus(daffodil: Path, treebank_files: list[Path]) -> list[list[str]]:
    """Every tokenised sentence of the allowed raw text, in a fixed order."""
    seeds = seeds_dir()
    out: list[list[str]] = []
    with (seeds / "news" / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out += _doc_sentences(json.loads(line)["text"])
    for path in sorted((seeds / "articles").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    out += _doc_sentences(json.loads(line)["text"])
    for sent in read_daffodil(daffodil / "train_data.txt"):
        out.append([t.text for t in tokenize(normalize(" ".join(w for w, _ in sent)))])
    for path in treebank_files:
        out += [[normalize(r[1]) for r in s.rows] for s in read_conllu(path)]
    return [s for s in out if s]


def train_vectors(sentences: list[list[str]], seed: int):
    """FastText: subwords make the rare words of a small corpus usable."""
    from gensim.models import FastText

    if os.environ.get("PYTHONHASHSEED") != "0":
        raise RuntimeError("run with PYTHONHASHSEED=0: gensim seeds word vectors by hash()")
    return FastText(sentences=sentences, vector_size=VECTOR_DIM, window=WINDOW,
                    min_count=MIN_COUNT, sg=1, epochs=EPOCHS, seed=seed, workers=1,
                    sorted_vocab=1)


def write_text(model, path: Path) -> None:
    """word2vec text format (the one Stanza's Pretrain reads), most frequent first."""
    wv = model.wv
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f"{len(wv.index_to_key)} {wv.vector_size}\n")
        for word in wv.index_to_key:
            vec = " ".join(f"{x:.5f}" for x in wv[word])
            fh.write(f"{word} {vec}\n")


def to_pretrain(vec_file: Path, dst: Path) -> Path:
    """Stanza's pretrain file (vocabulary and float32 embeddings) from the text vectors."""
    from stanza.models.common.pretrain import Pretrain

    tmp = dst.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    Pretrain(str(tmp), str(vec_file)).load()
    if not tmp.is_file():
        raise RuntimeError(f"{vec_file}: Stanza wrote no pretrain file")
    # Stanza saves in torch's legacy format, whose bytes vary from run to run; saved again
    # in the zip format, the same vectors give the same file.
    data = torch.load(tmp, map_location="cpu", weights_only=True)
    dst.parent.mkdir(parents=True, exist_ok=True)
    torch.save(data, tmp)
    os.replace(tmp, dst)
    return dst


def main(argv: list[str] | None = None) -> None:
    """`python -m kg.models.vectors` (run by `kg models train`, with PYTHONHASHSEED=0)."""
    import argparse

    from kg.models.train import treebank_file

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--daffodil", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, required=True)
    args = ap.parse_args(argv)
    sents = raw_corpus(args.daffodil, [treebank_file("train"), treebank_file("dev")])
    print(f"{len(sents)} sentences, {sum(map(len, sents))} tokens", flush=True)
    model = train_vectors(sents, args.seed)
    vec_file = args.work / "vectors.txt"
    write_text(model, vec_file)
    print(f"{len(model.wv.index_to_key)} words x {VECTOR_DIM} dims -> {vec_file}", flush=True)
    print(to_pretrain(vec_file, args.out), flush=True)


if __name__ == "__main__":
    main()
