"""`kg models train`: reproduce every shipped Stanza model from seeds/ and ../shared data.

Stanza's own training entry points do the work (`python -m stanza.models.tagger|parser|
ner_tagger`); this module prepares their inputs, fixes the seeds and the (small) layer
sizes, and copies the weights into kg/data/models/ without optimizer state, so the
models ship compact. Everything runs on the CPU.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import torch

from kg.errors import KgError
from kg.models.ner_data import NEWS_TRAIN, read_daffodil, read_labelled, split_dev, to_stanza_json
from kg.models.treebank import read_conllu, split_file

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
PRETRAIN = MODEL_DIR / "bn_kg_pretrain.pt"
SEED = 1234
# Small dimensions: the shipped models must stay within 25 MB all together. All three
# models read kg's own word vectors (PRETRAIN, built by build_pretrain; 100 dimensions, so
# the NER's word_emb_dim is 100 too). NER: dev F1 80.07 (best at step 9,500 of 12,000),
# Daffodil test 67.46; without the vectors and at word 50, hidden 128, char hidden 64 it
# was dev 74.79, test 60.99.
NER_ARGS = ["--word_emb_dim", "100", "--hidden_dim", "256",
            "--char_hidden_dim", "100", "--char_emb_dim", "50", "--batch_size", "32",
            "--eval_interval", "500", "--max_steps_no_improve", "3000"]
POS_ARGS = ["--word_emb_dim", "50", "--hidden_dim", "64",
            "--char_hidden_dim", "100", "--char_emb_dim", "50", "--deep_biaff_hidden_dim", "100",
            "--composite_deep_biaff_hidden_dim", "50", "--tag_emb_dim", "25",
            # the tagger's batch is counted in sentences (the parser's in words): 100
            # sentences is about 12 steps an epoch of the 1,200-sentence train split
            "--batch_size", "100", "--eval_interval", "100",
            # still improving on dev at step 1,500 (dev UPOS 0.928 at 1,000 steps, 0.936
            # at 1,500, 0.938 at step 2,300 of 2,500); a 300-step stall would switch Adam
            # to AMSGrad (none came in 2,500 steps)
            "--max_steps_before_stop", "300"]
PARSER_ARGS = ["--word_emb_dim", "75", "--hidden_dim", "200",
               "--char_hidden_dim", "100", "--char_emb_dim", "50",
               "--deep_biaff_hidden_dim", "200", "--tag_emb_dim", "25",
               # 4,000 steps: dev LAS (gold tags) 0.859 at step 3,650; 2,400 steps gave 0.831
               "--batch_size", "500", "--eval_interval", "50"]


@dataclass(frozen=True)
class Paths:
    shared: Path
    work: Path

    @property
    def daffodil(self) -> Path:
        return self.shared / "data" / "daffodil-ner"


def _fresh(save_dir: Path) -> Path:
    """Stanza resumes from a checkpoint it finds in save_dir; a reproducible run must
    start from nothing."""
    shutil.rmtree(save_dir, ignore_errors=True)
    save_dir.mkdir(parents=True)
    return save_dir


def _run(module: str, args: list[str], log: Path, stanza: bool = True,
         threads: int | None = None) -> None:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if threads:  # one thread: the same float sums, so the same weights, on any machine
        env.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    cmd = [sys.executable, "-m", module, *args]
    if stanza:
        cmd += ["--seed", str(SEED), "--cpu"]
    with log.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env, check=False)
    if proc.returncode != 0:
        raise KgError(f"{module} failed (exit {proc.returncode}); see {log}")


def compact(src: Path, dst: Path) -> None:
    """Copy a Stanza checkpoint without its optimizer/scheduler state, weights in float16
    (Stanza's load_state_dict copies them back into its float32 parameters)."""
    state = torch.load(src, map_location="cpu", weights_only=False)
    for key in ("optimizer", "scheduler", "global_step", "epoch", "epochs_trained",
                "dev_score_history", "best_f1"):
        state.pop(key, None)
    if isinstance(state.get("model"), dict):
        state["model"] = {k: v.half() if torch.is_tensor(v) and v.is_floating_point() else v
                          for k, v in state["model"].items()}
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, dst)


def prepare_ner(paths: Paths) -> dict[str, Path]:
    """Daffodil's training split (less a seeded dev tenth) plus the treebank's training
    sentences (news on international relations, the register kg reads): the real-news ones
    labelled by hand (seeds/treebank/ner), the team's by the gazetteer. Daffodil's test
    split is kept untouched for scoring."""
    paths.work.mkdir(parents=True, exist_ok=True)
    train_all = read_daffodil(paths.daffodil / "train_data.txt")
    test = read_daffodil(paths.daffodil / "test_data.txt")
    train, dev = split_dev(train_all, 0.1, SEED)
    treebank = read_conllu(treebank_file("train"))
    by_hand = read_labelled(NEWS_TRAIN)
    train = train + [by_hand[s.sent_id] for s in treebank if s.sent_id in by_hand]
    train = train + gazetteer_labelled([s for s in treebank if s.sent_id not in by_hand])
    out = {name: paths.work / f"ner_{name}.json" for name in ("train", "dev", "test")}
    for name, data in (("train", train), ("dev", dev), ("test", test)):
        to_stanza_json(data, out[name])
    return out


NER_OF_TYPE = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Location": "LOC"}


def gazetteer_labelled(sents: list) -> list[list[tuple[str, str]]]:
    """Treebank sentences with BIO tags from kg's own entity recogniser (names and capitals
    of the gazetteer; demonyms and role words stay O)."""
    from kg.entities.recognizer import default_recognizer
    from kg.text.segment import Sentence as TextSentence
    from kg.text.segment import normalize, tokenize

    recognizer = default_recognizer()
    out = []
    for s in sents:
        text = normalize(s.text)
        toks = tokenize(text)
        tags = ["O"] * len(toks)
        for m in recognizer.mentions(TextSentence(0, 0, len(text), text, toks)):
            if m.kind not in ("name", "capital") or not m.candidates:
                continue
            kind = NER_OF_TYPE.get(m.candidates[0].type)
            if kind:
                tags[m.start:m.end] = [f"B-{kind}"] + [f"I-{kind}"] * (m.end - m.start - 1)
        out.append([(t.text, tag) for t, tag in zip(toks, tags, strict=True)])
    return out


def train_ner(paths: Paths, max_steps: int = 12000) -> Path:
    if not PRETRAIN.is_file():
        raise KgError(f"{PRETRAIN}: word vectors missing; run `kg models train --only vectors`")
    files = prepare_ner(paths)
    save_dir = _fresh(paths.work / "ner")
    _run("stanza.models.ner_tagger",
         ["--mode", "train", "--train_file", str(files["train"]), "--eval_file",
          str(files["dev"]), "--shorthand", "bn_kg", "--save_dir", str(save_dir),
          "--save_name", "bn_kg_nertagger.pt", "--max_steps", str(max_steps),
          "--wordvec_pretrain_file", str(PRETRAIN), *NER_ARGS],
         paths.work / "ner_train.log", threads=1)
    dst = MODEL_DIR / "bn_kg_nertagger.pt"
    compact(save_dir / "bn_kg_nertagger.pt", dst)
    return dst


def treebank_file(split: str) -> Path:
    path = split_file(split)
    if not path.is_file():
        raise KgError(f"{path}: treebank split missing")
    return path


def build_pretrain(paths: Paths) -> Path:
    """kg's word vectors (kg.models.vectors), in a process of its own because gensim's
    seeding needs PYTHONHASHSEED fixed before Python starts."""
    paths.work.mkdir(parents=True, exist_ok=True)
    _run("kg.models.vectors", ["--daffodil", str(paths.daffodil), "--work", str(paths.work),
                               "--out", str(PRETRAIN), "--seed", str(SEED)],
         paths.work / "vectors_train.log", stanza=False)
    return PRETRAIN


def _train_on_treebank(paths: Paths, module: str, name: str, args: list[str],
                       max_steps: int) -> Path:
    """Tagger and parser train alike: treebank train split, dev split for selection,
    kg's word vectors."""
    if not PRETRAIN.is_file():
        raise KgError(f"{PRETRAIN}: word vectors missing; run `kg models train --only vectors`")
    save_dir = _fresh(paths.work / name)
    _run(module,
         ["--mode", "train", "--train_file", str(treebank_file("train")), "--eval_file",
          str(treebank_file("dev")), "--output_file", str(paths.work / f"{name}_dev.conllu"),
          "--lang", "bn", "--shorthand", "bn_kg", "--save_dir", str(save_dir),
          "--save_name", f"bn_kg_{name}.pt", "--max_steps", str(max_steps),
          "--wordvec_pretrain_file", str(PRETRAIN), *args],
         paths.work / f"{name}_train.log")
    dst = MODEL_DIR / f"bn_kg_{name}.pt"
    compact(save_dir / f"bn_kg_{name}.pt", dst)
    return dst


def train_tagger(paths: Paths, max_steps: int = 2500) -> Path:
    return _train_on_treebank(paths, "stanza.models.tagger", "tagger", POS_ARGS, max_steps)


def train_parser(paths: Paths, max_steps: int = 4000) -> Path:
    return _train_on_treebank(paths, "stanza.models.parser", "parser", PARSER_ARGS, max_steps)
