"""Export and push a 1M-triple dataset to a local Oxigraph server, step by step.

The dataset is kg's own shape: the seed article's events, copied under new document ids
until the dataset holds about N quads (one named graph per copy, plus the actors and
ontology graphs). Steps, each with its triples/s:

  emit      kg.rdf's emitters → a dataset of statements (the RDF stage of `kg build`:
            document graphs as N-Triples text, actors and ontology from rdflib terms)
  export    the dataset → TriG bytes on disk: the streaming writer,
            kg.export.write_atomic — targets ≥ 200k triples/s
  read      the TriG file back into statements (the first step of `kg push`)
  push      Graph Store Protocol, one PUT per document graph — target ≤ 30 s for 1M
  verify    the COUNT queries `kg push` ends with
  update    the same push again by SPARQL Update (DROP + INSERT DATA), for comparison:
            with the default 500 triples per request (what Virtuoso accepts), then with
            --chunk-size 50000 (fine on Oxigraph)

The server is an in-memory Oxigraph server, so the figures measure kg's side of the push.
With --disk the steps run again against an on-disk store (RocksDB, what `kg serve` uses):
its writes are several times slower and slow down as the store grows (measured here:
100k triples in 3.4 s as one PUT per document into an empty store, 1.2 s as one request),
so a 1M --disk run takes many minutes.

Run: python benchmarks/bench_push.py [N=1000000] [--compare] [--disk]
--compare also times kg.export.serialize (rdflib on oxrdflib's Oxigraph store), the path
`kg build` used before, on the same quads as rdflib terms (about 25 s more per million
triples).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.lang.gazetteer import default_gazetteer
from kg.pipeline import Pipeline
from kg.rdf.dataset import Dataset
from kg.rdf.quads import actor_quads, document_graph, ontology_quads
from kg.rdf.write import serialize, write_atomic
from kg.serve.http import HttpClient
from kg.serve.oxigraph import OxigraphServer
from kg.serve.push import GSP_CHUNK, UPDATE_CHUNK, Pusher, push_targets
from kg.serve.urls import derive_endpoints
from kg.serve.verify import count_triples
from kg.settings import Settings
from kg.text.documents import Document
from kg.text.segment import normalize

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "seed-putin-north-korea.jsonl"
EXPORT_TARGET = 200_000  # triples/s
PUSH_TARGET = 30.0  # seconds per million triples


def synthetic_results(n_quads: int) -> list:
    """Copies of the seed article's result under new ids, about n_quads quads in all."""
    rec = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    doc = Document(rec["id"], normalize(rec["text"]))
    seed = Pipeline(Settings(parse=False)).run(doc)
    per_doc = len(set(document_graph(seed)[1]))  # distinct: an event may repeat a shortcut
    copies = max(1, -(-n_quads // per_doc))  # at least n_quads in the document graphs
    return [dataclasses.replace(seed, doc=dataclasses.replace(seed.doc, id=f"bench-{i:06d}"))
            for i in range(copies)]


def step(name: str, seconds: float, triples: int, note: str = "") -> None:
    rate = triples / seconds if seconds else float("inf")
    print(f"{name:<8} {seconds:8.2f} s  {rate:12,.0f} triples/s  {note}", flush=True)


def emit(results: list) -> Dataset:
    """The RDF stage of `kg build`: document graphs as statements, actors and ontology."""
    dataset = Dataset()
    for res in results:
        graph, statements = document_graph(res)
        dataset.graphs.setdefault(graph, set()).update(statements)
    actors = {key: a for res in results for key, a in res.actors.items()}
    dataset.add_quads(actor_quads(sorted(actors.values(), key=lambda a: a.key),
                                  default_gazetteer()))
    dataset.add_quads(ontology_quads({r["relation"] for res in results for r in res.records}))
    return dataset


def export(dataset: Dataset, path: Path) -> int:
    data = dataset.serialize("trig")
    write_atomic(path, data)
    return len(data)


def push(server: OxigraphServer, path: Path, protocol: str, chunk_size: int | None = None
         ) -> tuple[float, int, dict]:
    client = HttpClient(timeout=300, retries=2)
    urls = derive_endpoints(server.url)
    start = time.perf_counter()
    targets = push_targets(Dataset.read(path), None, per_document=True)
    report = Pusher(client, urls, protocol, chunk_size).push(targets, replace=True)
    return time.perf_counter() - start, report.requests, report.expected


def push_steps(server: OxigraphServer, path: Path, n_quads: int, kind: str) -> None:
    """Push by Graph Store Protocol, verify, then replace everything by SPARQL Update."""
    seconds, requests, expected = push(server, path, "gsp")
    limit = PUSH_TARGET * n_quads / 1e6
    step("push", seconds, n_quads, f"{kind} store, GSP, {requests} requests, read included; "
         f"target ≤ {limit:.0f} s: {'met' if seconds <= limit else 'MISSED'}")
    t0 = time.perf_counter()
    found = count_triples(HttpClient(timeout=300), server.url + "/query", list(expected))
    ok = all(found.get(g, 0) == k for g, k in expected.items())
    step("verify", time.perf_counter() - t0, n_quads, f"{kind} store, COUNT per graph: "
         f"{sum(found.values())} found, {'all' if ok else 'NOT all'} there")
    seconds, requests, _ = push(server, path, "update")
    step("update", seconds, n_quads, f"{kind} store, SPARQL Update replace, {requests} requests "
         f"(default {UPDATE_CHUNK} triples each, safe on Virtuoso)")
    seconds, requests, _ = push(server, path, "update", GSP_CHUNK)
    step("update", seconds, n_quads, f"{kind} store, SPARQL Update replace, {requests} requests "
         f"(--chunk-size {GSP_CHUNK})")


def main(n: int, compare: bool, disk: bool) -> None:
    results = synthetic_results(n)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-push-"))
    try:
        t0 = time.perf_counter()
        dataset = emit(results)
        n_quads = dataset.quad_count()
        step("emit", time.perf_counter() - t0, n_quads, f"{len(results)} documents")
        t0 = time.perf_counter()
        size = export(dataset, work / "bench.trig")
        t_export = time.perf_counter() - t0
        step("export", t_export, n_quads, f"TriG {size / 1e6:.0f} MB, {len(dataset.graphs)} "
             f"graphs; target ≥ {EXPORT_TARGET:,}/s: "
             f"{'met' if n_quads / t_export >= EXPORT_TARGET else 'MISSED'}")
        if compare:
            quads = dataset.rdflib_quads()
            t0 = time.perf_counter()
            serialize(quads, "trig")
            step("oxrdflib", time.perf_counter() - t0, len(quads), "kg.export.serialize, TriG")
            del quads
        del dataset
        t0 = time.perf_counter()
        Dataset.read(work / "bench.trig")
        step("read", time.perf_counter() - t0, n_quads, "TriG → statements")
        for kind in ("memory", "disk") if disk else ("memory",):
            location = work / "store" if kind == "disk" else None
            with OxigraphServer(location=location) as server:
                push_steps(server, work / "bench.trig", n_quads, kind)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 1_000_000, "--compare" in sys.argv, "--disk" in sys.argv)
