"""The Stanza parse of Bengali sentences — POS, dependency tree, NER spans.

Stanza publishes no Bengali models, so kg trains its own (`kg models train`) and ships
them in kg/data/models/ with the word vectors the tagger, parser and NER read (trained
here too; one file, loaded once); they load offline (`download_method=None`, explicit
paths, a minimal resources.json). The pipeline is built once per process and reused; a document's
sentences are parsed in one batch, and only sentences that can hold an event (a predicate
cue) are sent to the parser, since parsing is nearly the whole cost of a run.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path

from kg.errors import KgError
from kg.parse.tree import Parse, Word
from kg.text.segment import Sentence

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODELS = {
    "pos": "bn_kg_tagger.pt",
    "depparse": "bn_kg_parser.pt",
    "ner": "bn_kg_nertagger.pt",
    # kg's word vectors (kg.models.vectors), read by the tagger, the parser and the NER
    "pretrain": "bn_kg_pretrain.pt",
}


def models_available(model_dir: Path = MODEL_DIR) -> bool:
    return all((model_dir / name).is_file() for name in MODELS.values())


def _resources(model_dir: Path) -> Path:
    """Stanza wants a resources.json even offline; a minimal one is enough."""
    path = model_dir / "resources.json"
    if not path.is_file():
        path.write_text(json.dumps({"bn": {"lang_name": "Bengali", "default_processors": {}}}),
                        encoding="utf-8")
    return model_dir


def stanza_pipeline(model_dir: Path | None = None, threads: int = 2):
    """The one Stanza pipeline of this process (per model folder and thread count)."""
    return _pipeline_for((model_dir or MODEL_DIR).resolve(), threads)


def _import_stanza():
    """stanza, imported without the TqdmWarning ("IProgress not found") that its import of
    tqdm.auto prints in a Jupyter kernel without ipywidgets, such as the notebook's:
    stanza draws progress bars only for downloads, which kg never makes."""
    import warnings

    from tqdm import TqdmWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TqdmWarning)
        import stanza
    return stanza


@cache
def _pipeline_for(model_dir: Path, threads: int):
    if not models_available(model_dir):
        raise KgError(f"{model_dir}: Stanza models missing; run `kg models train`")
    stanza = _import_stanza()
    import torch

    from kg.parse.decode import install

    install()  # the same trees, decoded faster

    torch.set_num_threads(threads)
    logging.getLogger("stanza").setLevel(logging.WARNING)
    return stanza.Pipeline(
        "bn",
        dir=str(_resources(model_dir)),
        processors="tokenize,pos,lemma,depparse,ner",
        tokenize_pretokenized=True,
        pos_model_path=str(model_dir / MODELS["pos"]),
        depparse_model_path=str(model_dir / MODELS["depparse"]),
        pos_pretrain_path=str(model_dir / MODELS["pretrain"]),
        depparse_pretrain_path=str(model_dir / MODELS["pretrain"]),
        ner_model_path=str(model_dir / MODELS["ner"]),
        ner_pretrain_path=str(model_dir / MODELS["pretrain"]),
        lemma_use_identity=True,
        download_method=None,
        use_gpu=False,
        logging_level="WARN",
    )


class StanzaParser:
    """Parses the sentences of a document in one batch."""

    def __init__(self, model_dir: Path | None = None, threads: int = 2) -> None:
        self.nlp = stanza_pipeline(model_dir, threads)

    def parse(self, sentences: list[Sentence]) -> list[Parse]:
        if not sentences:
            return []
        doc = self.nlp([[t.text for t in s.tokens] for s in sentences])
        out = []
        for sent in doc.sentences:
            words = [Word(w.upos or "X", (w.head or 0) - 1, w.deprel or "dep", w.feats or "")
                     for w in sent.words]
            ents = []
            for ent in sent.ents:
                ids = [t.id[0] - 1 for t in ent.tokens]
                ents.append((min(ids), max(ids) + 1, ent.type))
            out.append(Parse(words, ents))
        return out
