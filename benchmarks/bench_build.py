"""Throughput of `kg build` (pipeline → RDF → Turtle), on real news or on seed copies.

Prints sentences/s, events/s, triples/s, CPU seconds per 1,000 sentences and peak memory,
stage by stage, plus the RDF store comparison that chose the write path (rdflib's default
store vs oxrdflib's Oxigraph store).

    python benchmarks/bench_build.py --news [--parse] [--threads T] [--contend]
    python benchmarks/bench_build.py 200 [--parse]        # 200 copies of the seed article

--news runs the real-news corpus (seeds/news: every dev and test passage, timing only),
--parse the Stanza tagger/parser/NER too (the default of `kg build` when the models are
installed; the load time is then Stanza's), --threads sets torch's thread count
(KG_TORCH_THREADS), and --contend runs a CPU-bound process beside the run, as on a
machine other work shares: CPU time per sentence must not balloon when the cores are
contended.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
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
NEWS = [ROOT / "seeds" / "news" / "dev.jsonl", ROOT / "seeds" / "news" / "test.jsonl"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def documents(news: bool, n: int) -> list[Document]:
    if news:
        recs = [json.loads(line) for path in NEWS
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [Document(r["doc"], normalize(r["text"])) for r in recs]
    rec = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    return [Document(f"copy-{i}", normalize(rec["text"])) for i in range(n)]


def _burn(stop) -> None:
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def main(docs: list[Document], parse: bool, threads: int, contend: bool) -> None:
    t0 = time.perf_counter()
    pipeline = Pipeline(Settings.from_env(parse=parse, torch_threads=threads))
    t_load = time.perf_counter() - t0
    stop = multiprocessing.Event()
    rival = multiprocessing.Process(target=_burn, args=(stop,), daemon=True)
    if contend:
        rival.start()
    t0, c0 = time.perf_counter(), cpu_seconds()
    results = list(pipeline.stream(docs))
    t_extract, c_extract = time.perf_counter() - t0, cpu_seconds() - c0
    if contend:
        stop.set()
        rival.join()
    n = len(docs)
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
          f"parse {'on' if parse else 'off'}, torch threads {threads}"
          f"{', beside a CPU-bound process' if contend else ''}")
    print(f"pipeline load      {t_load:8.2f} s")
    print(f"extract            {t_extract:8.2f} s  {n_sent / t_extract:10.0f} sentences/s"
          f"  {n_events / t_extract:10.0f} events/s"
          f"  {1000 * c_extract / n_sent:8.1f} CPU s per 1,000 sentences")
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
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("copies", nargs="?", type=int, default=200,
                    help="copies of the seed article (without --news)")
    ap.add_argument("--news", action="store_true", help="the real-news corpus instead")
    ap.add_argument("--parse", action="store_true", help="with the Stanza parse")
    ap.add_argument("--threads", type=int, default=2, help="torch threads")
    ap.add_argument("--contend", action="store_true", help="a CPU-bound process beside")
    a = ap.parse_args()
    main(documents(a.news, a.copies), a.parse, a.threads, a.contend)
