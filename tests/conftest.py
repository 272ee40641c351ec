"""Shared fixtures: the seed article, its gold file, and its graph built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED_ARTICLES = ROOT / "seeds" / "articles"
SEED_ARTICLE = SEED_ARTICLES / "seed-putin-north-korea.jsonl"
SEED_GOLD = DATA / "seed_gold.jsonl"
HELDOUT_GOLD = DATA / "heldout_gold.jsonl"


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline: with the Stanza parse (the models ship with kg)."""
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    return Pipeline(Settings(parse=True))


@pytest.fixture(scope="session")
def rules_pipeline():
    """Case-marker rules only (`--no-parse`, KG_NO_PARSE=1)."""
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    return Pipeline(Settings(parse=False))


@pytest.fixture(scope="session")
def seed_results(pipeline):
    from kg.text.documents import read_inputs

    return [pipeline.run(d) for d in read_inputs([str(SEED_ARTICLE)])]


@pytest.fixture(scope="session")
def seed_records(seed_results):
    return [r for res in seed_results for r in res.records]


@pytest.fixture(scope="session")
def seed_graph_file(tmp_path_factory, seed_results) -> Path:
    """The seed article's graph as `kg build` writes it (Turtle)."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.dataset import build_dataset
    from kg.rdf.write import write_atomic

    path = tmp_path_factory.mktemp("seed") / "graph.ttl"
    dataset, _ = build_dataset(seed_results, default_gazetteer())
    write_atomic(path, dataset.serialize("turtle"))
    return path
