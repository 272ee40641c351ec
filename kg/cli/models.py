"""`kg models …`: reproduce, split and score the shipped Stanza Bengali models."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.resources import ROOT

DEFAULT_SHARED = ROOT.parent / "shared"
# What the shipped event filters are fitted on: the real-news dev split (never the test
# split) and the seed article's gold.
FILTER_GOLD = (ROOT / "seeds" / "news" / "dev.jsonl", ROOT / "tests" / "data" / "seed_gold.jsonl")


@click.group()
def models() -> None:
    """Train and evaluate kg's Stanza Bengali models (tagger, parser, NER)."""


@models.command("split")
def split() -> None:
    """Rebuild the fixed train/dev/test treebank files from seeds/treebank/parts."""
    from kg.models.treebank import write_split

    counts = write_split()
    click.echo(", ".join(f"{k} {v}" for k, v in counts.items()) + " sentences")


@models.command("train")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_SHARED, show_default=True,
              help="The shared data folder (holds data/daffodil-ner).")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build/train"), show_default=True,
              help="Scratch folder for prepared data, checkpoints and logs.")
@click.option("--only", type=click.Choice(["vectors", "pos", "depparse", "ner"]), multiple=True,
              help="Train only these models (default: all).")
def train(shared: Path, work: Path, only: tuple[str, ...]) -> None:
    """Train every shipped model, seeded, on the CPU (NER takes the longest); the word
    vectors first, as the tagger and parser read them (needs the `train` extra: gensim)."""
    from kg.models.train import Paths, build_pretrain, train_ner, train_parser, train_tagger

    paths = Paths(shared, work)
    steps = {"vectors": (build_pretrain, "vectors"), "pos": (train_tagger, "tagger"),
             "depparse": (train_parser, "parser"), "ner": (train_ner, "ner")}
    for name, (fn, log) in steps.items():
        if only and name not in only:
            continue
        click.echo(f"training {name} (log: {work / (log + '_train.log')}) …", err=True)
        click.echo(f"{name}: {fn(paths)}")


@models.command("evaluate")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_SHARED, show_default=True,
              help="The shared data folder (holds data/daffodil-ner).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(shared: Path, as_json: bool) -> None:
    """Tokenizer/sentence F1, UPOS, UAS, LAS (treebank test), NER F1 (Daffodil test, and the
    treebank's hand-labelled real-news dev sentences)."""
    from kg.models.evaluate import NER_ANCHOR, ner_scores, parser_scores, tokenizer_scores
    from kg.models.ner_data import NEWS_DEV, read_daffodil, read_labelled
    from kg.models.treebank import split_file
    from kg.parse.stanza import StanzaParser

    parser = StanzaParser()
    daffodil = read_daffodil(shared / "data" / "daffodil-ner" / "test_data.txt")
    scores = {"tokenizer": tokenizer_scores(split_file("test")),
              "parser": parser_scores(parser, split_file("test")),
              "ner": ner_scores(parser, daffodil),
              "ner_news_dev": ner_scores(parser, list(read_labelled(NEWS_DEV).values()))}
    if as_json:
        click.echo(json.dumps(scores, indent=2, sort_keys=True))
        return
    tok, par, ner = scores["tokenizer"], scores["parser"], scores["ner"]
    click.echo(f"treebank test split ({par['tokens']} tokens, {par['words']} without punctuation):")
    click.echo(f"  tokens F1 {tok['tokens_f1']:.3f}   sentences F1 {tok['sentences_f1']:.3f}")
    click.echo(f"  all tokens (CoNLL 2018):  UPOS {par['upos']:.3f}   UAS {par['uas']:.3f}   "
               f"LAS {par['las']:.3f}")
    click.echo(f"  words only:               UPOS {par['upos_words']:.3f}   "
               f"UAS {par['uas_words']:.3f}   LAS {par['las_words']:.3f}")
    per_type = "  ".join(f"{k} {v:.3f}" for k, v in sorted(ner.items())
                         if k not in ("precision", "recall", "f1"))
    click.echo(f"Daffodil NER test: P {ner['precision']:.3f}  R {ner['recall']:.3f}  "
               f"F1 {100 * ner['f1']:.2f}  (anchor: BGRU {NER_ANCHOR})")
    click.echo(f"  per type: {per_type}")
    news = scores["ner_news_dev"]
    click.echo(f"NER on real news (treebank dev, labelled by hand): P {news['precision']:.3f}  "
               f"R {news['recall']:.3f}  F1 {100 * news['f1']:.2f}")


@models.command("agreement")
@click.argument("first", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("second", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def agreement_command(first: Path, second: Path) -> None:
    """Agreement of two independent annotations of the same sentences: UPOS, UAS, LAS of
    two CoNLL-U files; tag agreement and entity F1 of two NER label files."""
    from kg.models.evaluate import agreement

    scores = agreement(first, second)
    click.echo(" ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                        for k, v in scores.items()))


@models.command("filter")
@click.argument("gold", nargs=-1, type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--no-parse", is_flag=True, help="Fit the rules-only filter (default: the "
              "filter of the parse, which needs the Stanza models).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the model here (default: where kg loads it from).")
def filter_command(gold: tuple[Path, ...], no_parse: bool, out: Path | None) -> None:
    """Fit the learned event filter on gold files (default: the real-news dev split and
    the seed article's gold), choosing its regularisation and threshold by 5-fold
    cross-validation over the documents."""
    from kg.evaluate import Matcher, load_gold
    from kg.extract.filter import model_path
    from kg.models.event_filter import annotate, train_filter
    from kg.pipeline import Pipeline
    from kg.rdf.write import write_atomic
    from kg.settings import Settings

    files = list(gold) or list(FILTER_GOLD)
    pipeline = Pipeline(Settings.from_env(parse=not no_parse, event_filter=False))
    items = [it for f in files for it in annotate(load_gold(f), pipeline, str(f))]
    flt, about = train_filter(items, Matcher(pipeline.gazetteer), pipeline.extractor_id)
    target = out or model_path(pipeline.parsing)
    write_atomic(target, flt.to_json(trained_on=[f.name for f in files],
                                     extractor=pipeline.extractor_id, **about).encode("utf-8"))
    cv, base = about["cross_validated"], about["unfiltered"]
    click.echo(f"{target}: {about['examples']} pairs from {about['documents']} documents; "
               f"threshold {flt.threshold}, l2 {about['l2']}")
    click.echo(f"  5-fold F1 {base['f1']:.3f} → {cv['f1']:.3f} (P {base['precision']:.3f} → "
               f"{cv['precision']:.3f}, R {base['recall']:.3f} → {cv['recall']:.3f})")
