"""The streaming build (kg.rdf.stream) writes the bytes of the in-memory one
(kg.rdf.dataset.build_dataset): every format, with the external sort spilling to disk
after a few lines, with and without the pretty Turtle writer, fresh and --append; the
canonical layer clustered group by group from the mention spool equals `refresh`'s."""

from __future__ import annotations

import io
import json
from itertools import islice
from pathlib import Path

import pytest

from kg.rdf.formats import FORMATS
from tests.conftest import ROOT, SEED_ARTICLES

DEV = ROOT / "seeds" / "news" / "dev.jsonl"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """The seed articles, 40 real-news dev passages, and the same articles again under
    other ids, dates and outlets (so reports of one event meet across documents)."""
    folder = tmp_path_factory.mktemp("stream")
    records = [json.loads(line) for f in sorted(SEED_ARTICLES.glob("*.jsonl"))
               for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    again = [dict(r, id=r["id"] + "-again", outlet="Other Daily",
                  url=f"https://other.example/{i}") for i, r in enumerate(records)]
    dev = [json.loads(line) for line in
           islice(DEV.read_text(encoding="utf-8").splitlines(), 40)]
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    first.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                             for r in records + dev[:20]), encoding="utf-8")
    second.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                              for r in again + dev[20:]), encoding="utf-8")
    return {"first": first, "second": second}


@pytest.fixture(scope="module")
def results(rules_pipeline, corpus):
    from kg.text.documents import read_inputs

    return {name: [rules_pipeline.run(d) for d in read_inputs([str(path)])]
            for name, path in corpus.items()}


def _streamed(results, fmt: str, tmp_path: Path, base: Path | None = None,
              pretty_limit: int | None = None, window: int | None = None) -> bytes:
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.stream import GraphBuilder

    out = io.BytesIO()
    with GraphBuilder(fmt, default_gazetteer(), window, tmp_path, chunk_lines=50,
                      pretty_limit=pretty_limit) as builder:
        for res in results:
            builder.add(res)
        if base is not None:
            builder.merge_base(base)
        builder.finish()
        n = builder.write(out)
        assert n == builder.report.statements > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kg-sort")] == []
    return out.getvalue()


def _in_memory(results, fmt: str, base: Path | None = None, pretty_limit: int | None = None,
               window: int | None = None) -> bytes:
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.dataset import build_dataset

    ds, _ = build_dataset(results, default_gazetteer(), base, window)
    return ds.serialize(fmt, pretty_limit)


@pytest.mark.parametrize("pretty_limit", [None, 0])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_streamed_build_is_byte_identical(results, tmp_path, fmt, pretty_limit):
    docs = results["first"] + results["second"]
    assert _streamed(docs, fmt, tmp_path, pretty_limit=pretty_limit) == \
        _in_memory(docs, fmt, pretty_limit=pretty_limit)


@pytest.mark.parametrize("window", [0, 3])
def test_the_streamed_canonical_layer_is_refreshs(results, tmp_path, window):
    from kg.rdf.dataset import Dataset
    from kg.rdf.vocab import GRAPH_EVENTS

    docs = results["first"] + results["second"]
    streamed = _streamed(docs, "nquads", tmp_path, window=window)
    assert streamed == _in_memory(docs, "nquads", window=window)
    path = tmp_path / "g.nq"
    path.write_bytes(streamed)
    events = Dataset.read(path).graphs[str(GRAPH_EVENTS)]
    merged = sum(1 for st in events if "numMentions> \"2\"" in st)
    assert merged > 0, "the corpus should hold reports of one event in two documents"


@pytest.mark.parametrize("ext", [".trig", ".nq"])
def test_a_streamed_append_is_byte_identical(results, tmp_path, ext):
    from kg.rdf.formats import format_for

    fmt = format_for("x" + ext, None)
    base = tmp_path / f"base{ext}"
    base.write_bytes(_in_memory(results["first"], fmt))
    # replace a few documents, add the others
    new = results["first"][:3] + results["second"]
    work = tmp_path / "work"
    work.mkdir()
    streamed = _streamed(new, fmt, work, base=base)
    assert streamed == _in_memory(new, fmt, base=base)
    fresh = _in_memory(results["first"] + results["second"], fmt)
    assert streamed == fresh  # the union, whatever order it came in


def test_mention_spool_clusters_equal_refresh(results, tmp_path):
    """Group by group from disk, the same clusters as `cluster` over every row."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.canonical import MentionSpool, cluster, mention_rows
    from kg.rdf.dataset import build_dataset
    from kg.rdf.vocab import GRAPH_ACTORS

    ds, _ = build_dataset(results["first"] + results["second"], default_gazetteer())
    spool = MentionSpool(tmp_path, chunk_lines=10)
    for st in ds.graphs[str(GRAPH_ACTORS)]:
        spool.actor_statement(st)
    for g in ds.document_graphs():
        spool.document(sorted(ds.graphs[g]))
    streamed = sorted((c.key, tuple(m.event for m in c.mentions)) for c in spool.clusters(1))
    whole = sorted((c.key, tuple(m.event for m in c.mentions))
                   for c in cluster(mention_rows(ds), 1))
    assert streamed == whole and len(whole) > 10
