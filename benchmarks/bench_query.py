"""Speed of `kg query` on a synthetic graph of ~1M triples shaped like `kg build`'s output.

The graph is made with kg's own writers (kg.rdf.document_quads, actor_quads,
ontology_quads), so every triple has the shape kg emits, and written as Turtle with
pyoxigraph's streaming serialiser. Actors: countries in a few blocs, people and units
affiliated to them, Zipf-like activity; events between a bloc's members are mostly
cooperation, across blocs mostly conflict, so allies, rivals and blocs have answers.

Measures: parse + projection (pyoxigraph, no cache), cache write and read, building the
networkx views (actor and country level), each query, one `kg query` process end to end,
and SPARQL through rdflib. Targets (this file only, never unit tests): load + projection
<= 30 s; each query <= 1 s after loading.

Run: python benchmarks/bench_query.py [--events 50000] [--actors 10000] [--sparql-memory]
The graph is kept in --workdir (default /tmp/kg-bench-query) and reused when it exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.lang.gazetteer import Entity, Gazetteer, Office
from kg.pipeline import DocumentResult
from kg.rdf.quads import actor_quads, document_quads, ontology_quads
from kg.rdf.vocab import PREFIXES
from kg.schema import EVENT_TYPES, QUAD_CLASSES, QUAD_OF
from kg.text.documents import Document
from kg.text.segment import Sentence

LOAD_TARGET = 30.0
QUERY_TARGET = 1.0
BLOCS = 8
EVENTS_PER_SENTENCE = 2
SENTENCES_PER_DOC = 10
COOP = [t for q in ("verbal cooperation", "material cooperation") for t in QUAD_CLASSES[q]]
CONFLICT = [t for q in ("verbal conflict", "material conflict") for t in QUAD_CLASSES[q]]


# ---------------------------------------------------------------- synthetic graph


def make_actors(n: int, rng: random.Random) -> tuple[list[Entity], dict[str, int]]:
    """~2% countries, ~70% people, the rest organisations; each with a bloc."""
    n_countries = max(BLOCS * 2, n // 50)
    countries = [Entity(f"Q{900000 + i}", f"Q{900000 + i}", f"Country {i}", f"দেশ {i}",
                        "Country", [f"দেশ {i}"]) for i in range(n_countries)]
    bloc = {c.key: i % BLOCS for i, c in enumerate(countries)}
    people, orgs = [], []
    for i in range(n - n_countries):
        home = rng.choice(countries)
        if i % 10 < 7:
            qid = f"Q{1000000 + i}" if i % 5 else None
            e = Entity(qid or f"Person {i}", qid, f"Person {i}", f"ব্যক্তি {i}", "Person",
                       [f"ব্যক্তি {i}", f"ব্যক্তি-{i}"])
            e.offices.append(Office("minister", home.key, ((2010, None),)))
            people.append(e)
        else:
            e = Entity(f"Q{2000000 + i}", f"Q{2000000 + i}", f"Unit {i}", f"সংস্থা {i}",
                       "Organization", [f"সংস্থা {i}"],
                       affiliation=home.key if i % 3 else None)
            orgs.append(e)
        bloc[e.key] = bloc[home.key]
    return countries + people + orgs, bloc


def make_documents(n_events: int, actors: list[Entity], bloc: dict[str, int],
                   rng: random.Random) -> Iterator[DocumentResult]:
    weights = [1 / (r + 1) ** 0.8 for r in range(len(actors))]
    order = actors[:]
    rng.shuffle(order)
    per_doc = EVENTS_PER_SENTENCE * SENTENCES_PER_DOC
    day0 = dt.date(2015, 1, 1)
    for d in range(-(-n_events // per_doc)):
        date = day0 + dt.timedelta(days=rng.randrange(3650))
        doc = Document(f"synth-{d}", "", date)
        sentences = [Sentence(i, i * 100, i * 100 + 90, f"বাক্য {d}-{i}।")
                     for i in range(SENTENCES_PER_DOC)]
        records = []
        for k in range(per_doc):
            s, t = rng.choices(order, weights=weights, k=2)
            if s.key == t.key:
                continue
            records.append(make_record(doc, k // EVENTS_PER_SENTENCE, s, t,
                                       bloc[s.key] == bloc[t.key], rng))
        yield DocumentResult(doc, sentences, records, {})


def make_record(doc: Document, sentence: int, s: Entity, t: Entity, same_bloc: bool,
                rng: random.Random) -> dict:
    roll = rng.random()
    if roll < 0.12:
        etype = "STATEMENT"
    else:
        friendly = rng.random() < (0.85 if same_bloc else 0.2)
        etype = rng.choice(COOP if friendly else CONFLICT)
    assert etype in EVENT_TYPES
    context = sorted(rng.sample(["future", "hypothetical", "negated", "reported"], 1)) \
        if rng.random() < 0.25 else []
    return {
        "sentence_index": sentence, "type": etype, "quad": QUAD_OF.get(etype),
        "cameo": "042", "mode": "meet", "relation": f"rel{etype.capitalize()}",
        "context": context, "date": doc.date.isoformat() if doc.date else None,
        "confidence": 0.9, "span": [sentence * 100, sentence * 100 + 90],
        "source": [s.record()], "target": [] if etype == "STATEMENT" else [t.record()],
        "object": [], "_object_keys": [], "location": None,
    }


class _Converter:
    """rdflib terms → pyoxigraph terms, memoised (predicates and actors repeat a lot)."""

    def __init__(self) -> None:
        self.memo: dict = {}

    def __call__(self, term):
        hit = self.memo.get(term)
        if hit is not None:
            return hit
        if isinstance(term, URIRef):
            out = ox.NamedNode(str(term))
        elif isinstance(term, BNode):
            out = ox.BlankNode(str(term))
        elif isinstance(term, Literal) and term.language:
            out = ox.Literal(str(term), language=term.language)
        else:
            out = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or
                             "http://www.w3.org/2001/XMLSchema#string")))
        if len(self.memo) < 200_000:
            self.memo[term] = out
        return out


def write_graph(path: Path, n_events: int, n_actors: int, seed: int = 7) -> int:
    """The synthetic graph as Turtle; returns the number of triples written."""
    rng = random.Random(seed)
    actors, bloc = make_actors(n_actors, rng)
    gaz = Gazetteer(actors)
    conv = _Converter()
    count = 0
    relations: set[str] = set()

    def triples() -> Iterator[ox.Triple]:
        nonlocal count
        for res in make_documents(n_events, actors, bloc, rng):
            relations.update(r["relation"] for r in res.records)
            for s, p, o, _g in dict.fromkeys(document_quads(res)):
                count += 1
                yield ox.Triple(conv(s), conv(p), conv(o))
        for s, p, o, _g in dict.fromkeys(actor_quads(actors, gaz)):
            count += 1
            yield ox.Triple(conv(s), conv(p), conv(o))
        for s, p, o, _g in ontology_quads(sorted(relations)):
            count += 1
            yield ox.Triple(conv(s), conv(p), conv(o))

    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    tmp = path.with_suffix(".tmp")
    ox.serialize(triples(), str(tmp), ox.RdfFormat.TURTLE, prefixes=prefixes)
    tmp.replace(path)
    return count


# ---------------------------------------------------------------- measuring


def timed(label: str, fn: Callable, target: float | None = None, results: list | None = None):
    t0 = time.perf_counter()
    value = fn()
    took = time.perf_counter() - t0
    mark = "" if target is None else ("  ok" if took <= target else "  OVER TARGET")
    print(f"  {label:<44} {took:8.3f} s{mark}", flush=True)
    if results is not None:
        results.append((label, took, target))
    return value


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_queries(events, MG, AG, level: str, results: list) -> None:
    """Every `kg query` command's library call, once, on the loaded graph. scipy (PageRank's
    sparse matrices) is imported here, before the clock starts: a once-per-process cost of
    a few tenths of a second, not a per-query one."""
    import scipy.sparse  # noqa: F401

    import kg.query as g

    hub = max(MG.nodes, key=MG.degree)
    mid = sorted(MG.nodes, key=MG.degree)[len(MG) // 2]
    hub_label = MG.nodes[hub]["label"]
    print(f"  (level {level}: busiest actor {hub_label}, degree {MG.degree(hub)}; "
          f"median actor {MG.nodes[mid]['label']})")
    q = QUERY_TARGET
    timed("resolve actor (English label)", lambda: g.resolve_actor(hub_label, events, level),
          q, results)
    bn = MG.nodes[hub].get("label_bn") or hub_label
    timed("resolve actor (Bengali, inflected -কে)",
          lambda: g.resolve_actor(bn + "কে", events, level), q, results)
    timed("actors (counts)", lambda: g.actor_counts(events, level), q, results)
    timed("neighbors (busiest actor)", lambda: g.neighbors(MG, hub), q, results)
    timed("events --type AID --since 2020 --actor hub",
          lambda: g.filter_events(events, ["AID"], (), hub, "2020", None, (), level), q, results)
    timed("events --quad 'material conflict' --context none",
          lambda: g.filter_events(events, (), ["material conflict"], None, None, None,
                                  ["none"], level), q, results)
    timed("path (median actor → busiest)", lambda: g.shortest_path_events(MG, mid, hub), q,
          results)
    timed("allies (busiest actor)", lambda: g.allies(AG, hub, 10), q, results)
    timed("rivals (busiest actor)", lambda: g.rivals(AG, hub, 10), q, results)
    timed("central (degree, PageRank, betweenness)",
          lambda: g.centrality(MG, 10, measures=("pagerank", "betweenness")), q, results)
    timed("central --by degree (degree only)", lambda: g.centrality(MG, 10, by="degree"), q,
          results)
    found = timed("blocs (Louvain, seed 42)", lambda: g.blocs(AG, seed=42), q, results)
    print(f"  (blocs: {len(found)}, largest {len(found[0]) if found else 0})")
    timed("timeline (busiest actor)", lambda: g.timeline(events, hub, level), q, results)
    timed("stats", lambda: g.stats(events, MG, AG), q, results)


def run_cli(path: Path, label: str) -> None:
    """One whole `kg query` process (start-up, cache read, views, query, printing)."""
    kg = Path(sys.executable).with_name("kg")
    cmd = [str(kg), "query", "allies", label, "--graph", str(path), "-k", "5"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - t0
    print(f"  {'kg query allies (one process, warm cache)':<44} {took:8.3f} s  "
          f"(exit {proc.returncode})")


def run_sparql(path: Path, store: str, results: list) -> None:
    from kg.query import rdf_graph, sparql

    g = timed(f"sparql load (rdflib, {store} store)", lambda: rdf_graph(path, store),
              None, results)
    text = ("PREFIX kgo: <https://w3id.org/kg-bn/ontology#> "
            "SELECT ?t (COUNT(?e) AS ?n) WHERE { ?e kgo:eventType ?t } GROUP BY ?t")
    timed(f"sparql count events by type ({store})", lambda: sparql(g, text).bindings,
          None, results)
    text = ("PREFIX kgo: <https://w3id.org/kg-bn/ontology#> "
            "SELECT ?e WHERE { ?e kgo:source <https://w3id.org/kg-bn/id/actor/Q900000> }")
    timed(f"sparql events of one actor ({store})", lambda: sparql(g, text).bindings,
          None, results)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=50_000,
                    help="events to generate (50k events ≈ 1M triples)")
    ap.add_argument("--actors", type=int, default=10_000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench-query"))
    ap.add_argument("--sparql-memory", action="store_true",
                    help="also load the graph into rdflib's own store (slow: ~1 min per 1M)")
    args = ap.parse_args()

    import kg.query as g

    args.workdir.mkdir(parents=True, exist_ok=True)
    path = args.workdir / f"synthetic-{args.events}e-{args.actors}a.ttl"
    print(f"graph: {path}")
    if not path.exists():
        n = timed("generate (kg.rdf quads → pyoxigraph Turtle)",
                  lambda: write_graph(path, args.events, args.actors))
        print(f"  wrote {n} triples, {path.stat().st_size / 1e6:.1f} MB")
    cache = path.with_name(path.name + g.CACHE_SUFFIX)
    cache.unlink(missing_ok=True)
    results: list = []

    print("load")
    load_parts: list = []
    events = timed("parse + project (pyoxigraph, no cache)", lambda: g.project_rdf(path),
                   None, load_parts)
    print(f"  ({events.meta['triples']} triples, {len(events)} events, "
          f"{len(events.actors)} actors)")
    timed("first load: sha256, parse, project, cache write", lambda: g.load_events(path))
    events = timed("load from cache (sha256 + gzip JSON)", lambda: g.load_events(path))
    MG = timed("actor_graph (level actor)", lambda: g.actor_graph(events), None, load_parts)
    AG = timed("alignment_graph (level actor)", lambda: g.alignment_graph(MG), None,
               load_parts)
    print(f"  (actor graph: {MG.number_of_nodes()} nodes, {MG.number_of_edges()} edges; "
          f"alignment graph: {AG.number_of_edges()} pairs)")
    load = sum(took for _label, took, _t in load_parts)
    print(f"  {'load + projection (parse, project, views)':<44} {load:8.3f} s"
          f"{'  ok' if load <= LOAD_TARGET else '  OVER TARGET'}")

    print("queries, level actor")
    run_queries(events, MG, AG, "actor", results)
    print("queries, level country")
    MGc = timed("actor_graph (level country)", lambda: g.actor_graph(events, "country"))
    AGc = timed("alignment_graph (level country)", lambda: g.alignment_graph(MGc))
    run_queries(events, MGc, AGc, "country", results)

    print("end to end")
    run_cli(path, MG.nodes[max(MG.nodes, key=MG.degree)]["label"])
    print("sparql")
    run_sparql(path, "oxigraph", results)
    if args.sparql_memory:
        run_sparql(path, "memory", results)
    print(f"peak memory {peak_mb():.0f} MB")
    over = [label for label, took, target in results if target and took > target]
    print("all queries within target" if not over else f"over target: {', '.join(over)}")


if __name__ == "__main__":
    main()
