"""Throughput of `kg build` (rules pipeline → RDF → Turtle) on N copies of the seed article.

Prints sentences/s, events/s, triples/s and peak memory, stage by stage, plus the RDF
store comparison that chose the write path (rdflib's default store vs oxrdflib's Oxigraph
store). Run: python benchmarks/bench_build.py [N] [--parse]
With --parse the Stanza tagger/parser/NER run too (the default of `kg build` when the
models are installed); the pipeline load time is then the Stanza load time.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from rdflib import Graph

from kg.lang.gazetteer import default_gazetteer
from kg.pipeline import Pipeline
from kg.rdf.dataset import build_dataset
from kg.settings import Settings
from kg.text.documents import Document
from kg.text.segment import normalize

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "seed-putin-north-korea.jsonl"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(n: int, parse: bool) -> None:
    rec = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    docs = [Document(f"copy-{i}", normalize(rec["text"])) for i in range(n)]
    t0 = time.perf_counter()
    pipeline = Pipeline(Settings.from_env(parse=parse))
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    results = [pipeline.run(d) for d in docs]
    t_extract = time.perf_counter() - t0
    n_sent = sum(len(r.sentences) for r in results)
    n_events = sum(len(r.records) for r in results)
    t0 = time.perf_counter()
    dataset, _ = build_dataset(results, default_gazetteer(), None)  # what `kg build` runs
    n_quads = dataset.quad_count()
    t_rdf = time.perf_counter() - t0
    t0 = time.perf_counter()
    data = dataset.serialize("turtle")
    t_ser = time.perf_counter() - t0
    total = t_extract + t_rdf + t_ser
    print(f"documents {n}, sentences {n_sent}, events {n_events}, triples {n_quads}, "
          f"parse {'on' if parse else 'off'}")
    print(f"pipeline load      {t_load:8.2f} s")
    print(f"extract            {t_extract:8.2f} s  {n_sent / t_extract:10.0f} sentences/s"
          f"  {n_events / t_extract:10.0f} events/s")
    print(f"RDF quads          {t_rdf:8.2f} s  {n_quads / t_rdf:10.0f} triples/s")
    mb = len(data) / 1e6
    print(f"Turtle ({mb:.1f} MB)  {t_ser:8.2f} s  {n_quads / t_ser:10.0f} triples/s")
    print(f"end to end         {total:8.2f} s  {n_sent / total:10.0f} sentences/s"
          f"  {n_events / total:10.0f} events/s  {n_quads / total:10.0f} triples/s")
    print(f"peak memory        {peak_mb():8.0f} MB")
    if not parse:
        compare_stores(build_dataset(results, default_gazetteer())[0].rdflib_quads()[:100_000])


def compare_stores(quads: list) -> None:
    """The measurement behind kg/rdf/write.py's choice of store."""
    print(f"\nstore comparison on {len(quads)} triples (Turtle):")
    for store, fmt in (("default", "turtle"), ("Oxigraph", "ox-turtle")):
        t0 = time.perf_counter()
        g = Graph(store=store)
        g.addN((s, p, o, g) for s, p, o, _ in quads)
        t_add = time.perf_counter() - t0
        t0 = time.perf_counter()
        g.serialize(format=fmt, encoding="utf-8")
        t_ser = time.perf_counter() - t0
        print(f"  rdflib store={store:<9} add {t_add:6.2f} s  serialise {t_ser:6.2f} s")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 200, "--parse" in sys.argv)
