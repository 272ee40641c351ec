"""Graph queries over kg's event graph with networkx: load, project, ask.

SPARQL answers "which triples match"; questions such as "who are Russia's closest
partners", "how is Kim Jong Un connected to Ukraine" or "which blocs form" are graph
algorithms. This module projects kg's RDF output onto networkx views, as plain functions
shared by `kg query` (kg/query_cli.py) and notebooks.

Loading (`load_events`)
  RDF files kg writes (.ttl .nt .nq .trig .jsonld) are read with pyoxigraph's streaming
  parser, because rdflib needs ~40x longer for 1M triples, and projected in one pass into
  `EventRow` records. The projection is pickled next to the file (`graph.ttl.kgcache`) and
  reused while the sha256 of the file's bytes is unchanged. Input texts (.txt, .jsonl,
  directories) run kg's pipeline first, so a graph never has to be written to be queried.

Views
  `actor_graph`: a MultiDiGraph with one edge per event and (source, target) pair, keyed
  by the event IRI. `alignment_graph`: an undirected, weighted, signed Graph with one edge
  per actor pair. Node ids are actor IRIs; node attributes: label (English), label_bn,
  type, wikidata, affiliation (the primary one), affiliations, alt_labels.

Alignment rule (how much one event says about a pair being aligned)
  contribution = QUAD_WEIGHT[quad class] x CONTEXT_FACTOR
  - verbal cooperation +1, material cooperation +2 (deeds weigh more than words),
    verbal conflict -1, material conflict -2; STATEMENT (no quad class) 0.
  - negated events count 0 (they did not happen); hypothetical ones 0.5 (a conditional
    pledge says less than a kept one); future, reported and historical ones count fully
    (a promise or a quoted treaty is still a signal of alignment).
  Per pair: coop = sum of positive contributions, conflict = sum of the magnitudes of
  negative ones, weight = coop - conflict, n_events = events between the pair in either
  direction, whatever their weight. Events of an actor with itself (after the country
  roll-up) are left out of both graphs: they are domestic, not relations.

Country roll-up (`level="country"`)
  People and organisation units stand for their kgo:affiliation (followed until a
  country or an actor without affiliation). When a person has several affiliations
  (Jens Stoltenberg: NATO, Norway) the office the gazetteer says they held in the event's
  year decides; failing that, the first affiliation by label.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import pickle
import random
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.rdf.vocab import BASE
from kg.schema import QUAD_CLASSES
from kg.text.segment import norm_token

# ---------------------------------------------------------------- constants

QUAD_WEIGHT = {
    "verbal cooperation": 1.0,
    "material cooperation": 2.0,
    "verbal conflict": -1.0,
    "material conflict": -2.0,
}
CONTEXT_FACTOR = {"negated": 0.0, "hypothetical": 0.5}
LEVELS = ("actor", "country")
ACTOR_CLASSES = ("Country", "Person", "Organization", "Location", "Agreement", "Other")
CACHE_SUFFIX = ".kgcache"
CACHE_VERSION = "kg-query-1"
TEXT_SUFFIXES = (".txt", ".jsonl")
# Betweenness does one BFS per source node; above this many (sources x edges), about
# 0.2 s with `betweenness` below, it is estimated from a seeded sample of sources.
BETWEENNESS_BUDGET = 3_000_000
MIN_BETWEENNESS_SAMPLES = 64

_KGO = BASE + "ontology#"
_PLOVER = BASE + "plover/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_QUAD_NAMES = {"".join(w.capitalize() for w in q.split()): q for q in QUAD_CLASSES}

# Predicate IRI → the field it fills. One dict look-up per triple keeps the pass fast.
_PREDICATES = {
    _RDF_TYPE: "rdf_type",
    _KGO + "eventType": "type",
    _KGO + "quadClass": "quad",
    _KGO + "mode": "mode",
    _KGO + "relation": "relation",
    _KGO + "cameoCode": "cameo",
    _KGO + "date": "date",
    _KGO + "context": "context",
    _KGO + "source": "source",
    _KGO + "target": "target",
    _KGO + "object": "object",
    _KGO + "location": "location",
    _KGO + "confidence": "confidence",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "sentence",
    _KGO + "text": "text",
    "http://purl.org/dc/terms/isPartOf": "part_of",
    "http://purl.org/dc/terms/identifier": "identifier",
    "http://purl.org/dc/terms/date": "doc_date",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "pref_label",
    "http://www.w3.org/2004/02/skos/core#altLabel": "alt_label",
    "http://www.w3.org/2002/07/owl#sameAs": "same_as",
    _KGO + "affiliation": "affiliation",
    _KGO + "role": "role",
}
_MULTI = frozenset({"context", "source", "target", "object", "alt_label", "affiliation", "role"})
_CLASSES = {_KGO + name: name for name in (*ACTOR_CLASSES, "Event", "Document", "Sentence")}


# ---------------------------------------------------------------- records


@dataclass(slots=True, eq=False)
class Actor:
    """One actor node as the graph describes it; equal (and hashed) by IRI."""

    id: str
    label: str = ""
    label_bn: str = ""
    type: str = "Other"
    wikidata: str | None = None
    alt_labels: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[Actor, ...] = ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Actor) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"Actor({self.display!r}, {self.id!r})"

    @property
    def display(self) -> str:
        """English label, else Bengali, else the tail of the IRI: never empty."""
        return self.label or self.label_bn or self.id.rsplit("/", 1)[-1]

    def attrs(self) -> dict:
        """networkx node attributes; `affiliation` is the one held now (see Rollup)."""
        affs = sorted(self.affiliations, key=_actor_key)
        primary = _primary_affiliation(self, None).id if affs else None
        return {"label": self.display, "label_bn": self.label_bn, "type": self.type,
                "wikidata": self.wikidata, "affiliation": primary,
                "affiliations": tuple(a.id for a in affs), "alt_labels": self.alt_labels}


@dataclass(slots=True)
class EventRow:
    """One kgo:Event, flattened: what a table row or a graph edge needs."""

    event: str
    type: str
    quad: str | None = None
    mode: str | None = None
    relation: str | None = None
    cameo: str | None = None
    date: str | None = None
    context: tuple[str, ...] = ()
    sources: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    objects: tuple[str, ...] = ()
    location: str | None = None
    document: str | None = None
    doc_date: str | None = None
    sentence: str | None = None
    evidence: str | None = None
    confidence: float | None = None

    @property
    def when(self) -> str | None:
        """The event's date, else its document's: what time filters and timelines use.
        A --MM-DD date takes the document's year."""
        if self.date and self.date.startswith("--") and self.doc_date:
            return self.doc_date[:4] + self.date[1:]
        return self.date or self.doc_date

    @property
    def year(self) -> int | None:
        when = self.when
        return int(when[:4]) if when and when[:4].isdigit() else None

    @property
    def weight(self) -> float:
        """The event's contribution to its pair's alignment (module docstring)."""
        w = QUAD_WEIGHT.get(self.quad or "", 0.0)
        for ctx in self.context:
            w *= CONTEXT_FACTOR.get(ctx, 1.0)
        return w


class EventList(list):
    """A list of EventRow that also knows every actor of its graph (`actors`, by IRI)
    and where it came from (`meta`), so filtered copies keep the labels."""

    def __init__(self, rows: Iterable[EventRow] = (), actors: dict[str, Actor] | None = None,
                 meta: dict | None = None) -> None:
        super().__init__(rows)
        self.actors: dict[str, Actor] = dict(actors or {})
        self.meta: dict = dict(meta or {})

    def derive(self, rows: Iterable[EventRow]) -> EventList:
        return EventList(rows, self.actors, self.meta)


def _actor_key(a: Actor) -> tuple[str, str]:
    return (a.display.casefold(), a.id)


def actors_of(events: Iterable[EventRow]) -> dict[str, Actor]:
    """All actors known to `events`: its `actors` table, else those its rows name."""
    known = dict(getattr(events, "actors", {}) or {})
    for row in events:
        for a in row.sources + row.targets:
            known.setdefault(a.id, a)
    return known


# ---------------------------------------------------------------- loading


def load_events(path: str | os.PathLike, use_cache: bool = True) -> EventList:
    """Events of an RDF graph file kg wrote, or of input texts run through kg's pipeline."""
    p = Path(path)
    if p.is_dir() or p.suffix.lower() in TEXT_SUFFIXES:
        return _events_from_texts(p)
    if not p.is_file():
        raise KgError(f"{p}: no such file (build one with `kg build`, or pass --graph)")
    digest = _sha256(p)
    cache = p.with_name(p.name + CACHE_SUFFIX)
    if use_cache:
        cached = _read_cache(cache, digest)
        if cached is not None:
            return cached
    events = project_rdf(p)
    if use_cache:
        _write_cache(cache, digest, events)
    return events


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror})") from None
    return h.hexdigest()


def _read_cache(cache: Path, digest: str) -> EventList | None:
    """The cached projection, or None when missing, stale or unreadable (then rebuilt)."""
    try:
        with cache.open("rb") as fh:
            version, key, events = pickle.load(fh)
    except Exception:  # noqa: BLE001 - any unreadable cache is simply rebuilt
        return None
    if version != CACHE_VERSION or key != digest or not isinstance(events, EventList):
        return None
    return events


def _write_cache(cache: Path, digest: str, events: EventList) -> None:
    """Best effort: a read-only directory only costs the next run a re-parse."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{cache.name}.", dir=cache.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((CACHE_VERSION, digest, events), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def _rdf_format(path: Path):
    import pyoxigraph as ox

    formats = {".ttl": ox.RdfFormat.TURTLE, ".n3": ox.RdfFormat.TURTLE,
               ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
               ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD,
               ".json": ox.RdfFormat.JSON_LD}
    return formats.get(path.suffix.lower(), ox.RdfFormat.TURTLE)


def project_rdf(path: Path) -> EventList:
    """Parse an RDF file with pyoxigraph and project it (no cache)."""
    import pyoxigraph as ox

    fmt = _rdf_format(path)
    try:
        triples = ((q.subject.value, q.predicate.value, q.object)
                   for q in ox.parse(path=str(path), format=fmt, lenient=True))
        events = project_triples(triples)
    except SyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise KgError(f"{path}: cannot parse as {fmt.name} ({first})") from None
    except (OSError, ValueError) as exc:
        raise KgError(f"{path}: cannot read as {fmt.name} ({exc})") from None
    events.meta["source"] = str(path)
    return events


def _events_from_texts(path: Path) -> EventList:
    """Run kg's pipeline on input texts and project the quads `kg build` would write."""
    import pyoxigraph as ox

    data = _text_dataset(path).nquads()
    triples = ((q.subject.value, q.predicate.value, q.object)
               for q in ox.parse(data, format=ox.RdfFormat.N_QUADS))
    events = project_triples(triples)
    events.meta["source"] = str(path)
    return events


class _Collector:
    """Per-subject fields gathered in one pass over the triples."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[str, object]] = defaultdict(dict)
        self.classes: dict[str, set[str]] = defaultdict(set)
        self.triples = 0

    def add(self, s: str, field_name: str, o) -> None:
        if field_name == "rdf_type":
            cls = _CLASSES.get(o.value)
            if cls:
                self.classes[s].add(cls)
            return
        if field_name in ("label", "pref_label", "text"):
            lang = getattr(o, "language", None)
            if field_name == "label" and lang not in (None, "", "en"):
                return
            if field_name == "pref_label" and lang not in ("bn", None, ""):
                return
        value = o.value
        fields = self.fields[s]
        if field_name in _MULTI:
            fields.setdefault(field_name, []).append(value)
        else:
            fields.setdefault(field_name, value)


def project_triples(triples: Iterable[tuple[str, str, object]]) -> EventList:
    """(subject IRI, predicate IRI, pyoxigraph object term) triples → EventList."""
    col = _Collector()
    predicates = _PREDICATES
    for s, p, o in triples:
        col.triples += 1
        name = predicates.get(p)
        if name is not None:
            col.add(s, name, o)
    actors = _build_actors(col)
    rows = [_build_event(iri, col, actors) for iri, cls in col.classes.items() if "Event" in cls]
    rows.sort(key=lambda r: natural_key(r.event))
    return EventList(rows, actors, {"triples": col.triples})


def _build_actors(col: _Collector) -> dict[str, Actor]:
    """Actors are the subjects typed with an actor class, plus whatever an event names
    as source or target (so a graph without the actors graph still projects)."""
    ids = {s for s, cls in col.classes.items() if cls & {"Country", "Person", "Organization"}}
    for s, cls in col.classes.items():
        if "Event" in cls:
            f = col.fields.get(s, {})
            ids.update(f.get("source", ()), f.get("target", ()))
    actors = {i: _make_actor(i, col) for i in sorted(ids)}
    for a in actors.values():
        affs = col.fields.get(a.id, {}).get("affiliation", ())
        a.affiliations = tuple(actors.get(x) or _make_actor(x, col) for x in sorted(set(affs)))
    return actors


def _make_actor(iri: str, col: _Collector) -> Actor:
    f = col.fields.get(iri, {})
    cls = col.classes.get(iri, set())
    atype = next((c for c in ACTOR_CLASSES if c in cls), "Other")
    same = str(f.get("same_as", ""))
    return Actor(
        id=iri, label=str(f.get("label", "")), label_bn=str(f.get("pref_label", "")),
        type=atype, wikidata=same.rsplit("/", 1)[-1] if "wikidata.org/entity/" in same else None,
        alt_labels=tuple(sorted(set(f.get("alt_label", ())))),
        roles=tuple(sorted(set(f.get("role", ())))),
    )


def _tail(iri: object, prefix: str) -> str:
    text = str(iri)
    return text[len(prefix):] if text.startswith(prefix) else text.rsplit("/", 1)[-1]


def _build_event(iri: str, col: _Collector, actors: dict[str, Actor]) -> EventRow:
    f = col.fields.get(iri, {})
    sentence = f.get("sentence")
    sf = col.fields.get(sentence, {}) if sentence else {}
    doc = sf.get("part_of")
    df = col.fields.get(doc, {}) if doc else {}
    quad = f.get("quad")
    conf = f.get("confidence")
    objects = []
    for o in f.get("object", ()):
        of = col.fields.get(o, {})
        objects.append(str(of.get("label") or of.get("pref_label") or o.rsplit("/", 1)[-1]))
    loc = f.get("location")
    return EventRow(
        event=iri,
        type=_tail(f.get("type", "") or "", _PLOVER),
        quad=_QUAD_NAMES.get(_tail(quad, _PLOVER)) if quad else None,
        mode=f.get("mode"), relation=f.get("relation"), cameo=f.get("cameo"),
        date=f.get("date"),
        context=tuple(sorted(_tail(c, _KGO).lower() for c in f.get("context", ()))),
        sources=tuple(sorted({actors[a] for a in f.get("source", ())}, key=_actor_key)),
        targets=tuple(sorted({actors[a] for a in f.get("target", ())}, key=_actor_key)),
        objects=tuple(sorted(objects)),
        location=str(col.fields.get(loc, {}).get("label") or loc) if loc else None,
        document=str(df.get("identifier") or doc.rsplit("/", 1)[-1]) if doc else None,
        doc_date=df.get("doc_date"),
        sentence=sentence, evidence=sf.get("text"),
        confidence=float(conf) if conf is not None else None,
    )


# ---------------------------------------------------------------- roll-up


class Rollup:
    """Maps an actor to the node that stands for it at a level (module docstring)."""

    def __init__(self, level: str = "actor") -> None:
        if level not in LEVELS:
            raise KgError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
        self.level = level
        self._memo: dict[tuple[str, int | None], Actor] = {}

    def __call__(self, actor: Actor, year: int | None = None) -> Actor:
        if self.level == "actor":
            return actor
        key = (actor.id, year)
        if key not in self._memo:
            self._memo[key] = self._climb(actor, year)
        return self._memo[key]

    def _climb(self, actor: Actor, year: int | None) -> Actor:
        seen = {actor.id}
        while actor.type != "Country" and actor.affiliations:
            nxt = _primary_affiliation(actor, year)
            if nxt.id in seen:
                break
            seen.add(nxt.id)
            actor = nxt
        return actor


def _primary_affiliation(actor: Actor, year: int | None) -> Actor:
    affs = sorted(actor.affiliations, key=_actor_key)
    if len(affs) > 1 and (actor.wikidata or actor.label):
        office_aff = _gazetteer_affiliation(actor.wikidata or actor.label, year)
        for a in affs:
            if office_aff and office_aff in (a.wikidata, a.label):
                return a
    return affs[0]


def _gazetteer_affiliation(key: str, year: int | None) -> str | None:
    """QID or label of what the gazetteer's person `key` (QID or label) acted for in
    `year` (None: now)."""
    try:
        from kg.lang.gazetteer import default_gazetteer

        entity = default_gazetteer().get(key)
    except KgError:
        return None
    office = entity.office_at(year) if entity else None
    return office.affiliation if office else None


# ---------------------------------------------------------------- views


def actor_graph(events: Iterable[EventRow], level: str = "actor") -> nx.MultiDiGraph:
    """One edge per event and (source, target) pair, keyed by the event IRI.

    The event's alignment contribution is the edge attribute `alignment`, not `weight`,
    so that networkx algorithms that read `weight` by default do not pick up signs.

    Every actor that takes part in an event is a node, also when it never has a
    counterpart (a STATEMENT's speaker), so that look-ups find it."""
    up = Rollup(level)
    G = nx.MultiDiGraph(level=level)
    for row in events:
        year = row.year
        srcs = {up(a, year) for a in row.sources}
        tgts = {up(a, year) for a in row.targets}
        for a in sorted(srcs | tgts, key=lambda x: x.id):
            if a.id not in G:
                G.add_node(a.id, **a.attrs())
        attrs = _edge_attrs(row)
        for s in sorted(srcs, key=lambda x: x.id):
            for t in sorted(tgts, key=lambda x: x.id):
                if s.id != t.id:
                    G.add_edge(s.id, t.id, key=row.event, **attrs)
    return G


def _edge_attrs(row: EventRow) -> dict:
    return {"event": row.event, "type": row.type, "mode": row.mode, "quad": row.quad,
            "date": row.when, "context": row.context, "document": row.document,
            "relation": row.relation, "evidence": row.evidence, "alignment": row.weight}


def alignment_graph(events: Iterable[EventRow] | nx.MultiDiGraph,
                    level: str = "actor") -> nx.Graph:
    """Signed, weighted pairs: weight = coop - conflict (module docstring).

    Takes the events, or an actor_graph already built (then `level` is the graph's)."""
    MG = events if isinstance(events, nx.MultiDiGraph) else actor_graph(events, level)
    pairs: dict[tuple[str, str], dict[str, float]] = {}
    seen: set[tuple[str, str, str]] = set()
    for u, v, key, w in MG.edges(keys=True, data="alignment"):
        a, b = (u, v) if u <= v else (v, u)
        if (a, b, key) in seen:
            continue  # the same event in both directions counts once
        seen.add((a, b, key))
        agg = pairs.setdefault((a, b), {"coop": 0.0, "conflict": 0.0, "n_events": 0})
        agg["n_events"] += 1
        if w > 0:
            agg["coop"] += w
        elif w < 0:
            agg["conflict"] -= w
    G = nx.Graph(level=MG.graph.get("level", level))
    G.add_nodes_from(MG.nodes(data=True))
    for (a, b), agg in sorted(pairs.items()):
        G.add_edge(a, b, weight=agg["coop"] - agg["conflict"], coop=agg["coop"],
                   conflict=agg["conflict"], n_events=int(agg["n_events"]))
    return G


def label_of(G: nx.Graph, node: str) -> str:
    return G.nodes[node].get("label") or node


def _by_label(G: nx.Graph):
    return lambda n: (label_of(G, n).casefold(), n)


# ---------------------------------------------------------------- actor look-up


class UnknownActor(KgError):
    """No actor by that name; carries close names for a "did you mean"."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no actor {name!r} in the graph{hint}")
        self.name = name
        self.suggestions = suggestions


def _candidates(source) -> list[tuple[str, str, str, tuple[str, ...], str | None, int]]:
    """(id, label, label_bn, alt labels, QID, weight) of everything `source` knows."""
    if isinstance(source, nx.Graph):
        deg = dict(source.degree())
        return [(n, d.get("label") or "", d.get("label_bn") or "", tuple(d.get("alt_labels", ())),
                 d.get("wikidata"), deg.get(n, 0)) for n, d in source.nodes(data=True)]
    counts: Counter[str] = Counter()
    known = dict(getattr(source, "actors", {}) or {})
    for row in source:
        for a in row.sources + row.targets:
            counts[a.id] += 1
            if a.id not in known:
                known[a.id] = a
    return [(a.id, a.display, a.label_bn, a.alt_labels, a.wikidata, counts[a.id])
            for a in known.values()
            if counts[a.id] or a.type in ("Country", "Person", "Organization")]


class ActorIndex:
    """Names → actor ids: IRIs, QIDs, English labels and aliases, Bengali labels in any
    inflected form (রাশিয়ার, পুতিনকে) through kg.morphology and the gazetteer."""

    def __init__(self, source) -> None:
        self.keys: dict[str, list[str]] = defaultdict(list)
        self.weight: dict[str, int] = {}
        self.display: dict[str, str] = {}
        known: dict[str, str] = {}  # QID or casefolded English label → IRI
        for iri, label, label_bn, alts, qid, weight in _candidates(source):
            self.weight[iri] = weight
            self.display[iri] = label or label_bn or iri
            names = [iri, iri.rsplit("/", 1)[-1], label, label_bn, *alts]
            if qid:
                names.append(qid)
                known[qid] = iri
            elif label:
                known.setdefault(label.casefold(), iri)
            for name in names:
                self._add(name, iri)
        self._add_gazetteer(known)

    def _add(self, name: str | None, iri: str) -> None:
        if name:
            key = _key(name)
            if iri not in self.keys[key]:
                self.keys[key].append(iri)

    def _add_gazetteer(self, known: dict[str, str]) -> None:
        """English aliases, Bengali variants, capitals and demonyms of the graph's actors
        that the gazetteer knows (by QID, else by English label)."""
        try:
            from kg.lang.gazetteer import default_gazetteer

            gaz = default_gazetteer()
        except KgError:
            return
        for e in gaz.entities:
            iri = known.get(e.wikidata) if e.wikidata else known.get(e.label.casefold())
            if iri:
                for name in [*e.aliases_en, *e.names_bn, *e.demonyms_bn, *e.capitals_bn]:
                    self._add(name, iri)

    def lookup(self, name: str) -> str | None:
        for form in _forms(name):
            hits = self.keys.get(_key(form))
            if hits:
                return min(hits, key=lambda i: (-self.weight.get(i, 0),
                                                self.display[i].casefold(), i))
        return None

    def suggest(self, name: str, n: int = 5) -> list[str]:
        key = _key(name)
        close = difflib.get_close_matches(key, list(self.keys), n=n * 3, cutoff=0.6)
        close += sorted(k for k in self.keys if key and len(key) > 2 and key in k)
        out: list[str] = []
        for k in close:
            for iri in self.keys[k]:
                label = self.display[iri]
                if label not in out:
                    out.append(label)
        return out[:n]


def _key(name: str) -> str:
    if name.isascii():
        return name.casefold().strip()
    return norm_token(name).casefold().strip()


def _forms(name: str) -> Iterator[str]:
    """The name, then readings with a case ending stripped from its last word."""
    name = " ".join(name.split())
    yield name
    if name.endswith(("'s", "’s")):
        yield name[:-2]
    words = name.split(" ")
    if not words or words[-1].isascii():
        return
    from kg.lang.morphology import default_morphology

    head = " ".join(words[:-1])
    for base, _case in default_morphology().analyses(norm_token(words[-1]))[1:]:
        yield f"{head} {base}".strip()


def resolve_actor(name: str, events_or_graph, level: str = "actor") -> str:
    """The node id `name` refers to (see ActorIndex); raises UnknownActor.

    Given events and level="country", a person or unit resolves to the node that
    stands for it in its latest event (Putin → Russia; Stoltenberg in 2024 → NATO)."""
    index = ActorIndex(events_or_graph)
    iri = index.lookup(name)
    if iri is None:
        raise UnknownActor(name, index.suggest(name))
    if level != "actor" and not isinstance(events_or_graph, nx.Graph):
        actor = actors_of(events_or_graph).get(iri)
        if actor is not None:
            return Rollup(level)(actor, _latest_year(events_or_graph, iri)).id
    return iri


def _latest_year(events: Iterable[EventRow], iri: str) -> int | None:
    years = [row.year for row in events
             if any(a.id == iri for a in row.sources + row.targets)]
    return max((y for y in years if y is not None), default=None)


# ---------------------------------------------------------------- queries


def _require(G: nx.Graph, actor: str) -> None:
    if actor not in G:
        raise UnknownActor(actor, [])


def neighbors(MG: nx.MultiDiGraph, actor: str) -> list[tuple[str, str, str, int]]:
    """(direction "out"/"in", neighbour, event type, number of events), sorted."""
    _require(MG, actor)
    counts: Counter[tuple[str, str, str]] = Counter()
    for _u, v, etype in MG.out_edges(actor, data="type"):
        counts[("out", v, etype)] += 1
    for u, _v, etype in MG.in_edges(actor, data="type"):
        counts[("in", u, etype)] += 1
    key = _by_label(MG)
    return sorted(((d, n, t, c) for (d, n, t), c in counts.items()),
                  key=lambda x: (x[0] != "out", key(x[1]), x[2]))


def _ranked(G: nx.Graph, actor: str, sign: int, k: int | None) -> list[tuple[str, dict]]:
    _require(G, actor)
    key = _by_label(G)
    rows = [(n, dict(d)) for n, d in G[actor].items() if d["weight"] * sign > 0]
    rows.sort(key=lambda x: (-sign * x[1]["weight"], key(x[0])))
    return rows[:k] if k else rows


def allies(G: nx.Graph, actor: str, k: int | None = 10) -> list[tuple[str, dict]]:
    """Partners with positive net alignment, strongest first (ties by label)."""
    return _ranked(G, actor, 1, k)


def rivals(G: nx.Graph, actor: str, k: int | None = 10) -> list[tuple[str, dict]]:
    """Partners with negative net alignment, most hostile first (ties by label)."""
    return _ranked(G, actor, -1, k)


def blocs(G: nx.Graph, seed: int = 42, resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities of the positive part of an alignment graph.

    Louvain needs non-negative weights, so only pairs with weight > 0 join blocs: conflict
    separates blocs by not linking them. Nodes and edges are added in sorted order so the
    seeded result does not depend on how the graph was built. Largest bloc first; members
    and ties sorted by label."""
    by_label = _by_label(G)
    rank = {n: i for i, n in enumerate(sorted(G.nodes, key=by_label))}
    H = nx.Graph()
    H.add_nodes_from(rank)
    H.add_weighted_edges_from(sorted(((u, v, w) if rank[u] < rank[v] else (v, u, w)
                                      for u, v, w in G.edges(data="weight") if w > 0),
                                     key=lambda e: (rank[e[0]], rank[e[1]])))
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    if H.number_of_nodes() == 0:
        return []
    communities = nx.community.louvain_communities(H, weight="weight",
                                                   resolution=resolution, seed=seed)
    out = [sorted(c, key=rank.__getitem__) for c in communities]
    out.sort(key=lambda c: (-len(c), rank[c[0]]))
    return out


def _simple(MG: nx.MultiDiGraph, directed: bool) -> nx.Graph:
    H: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    H.add_nodes_from(MG)
    H.add_edges_from((u, v) for u, v in MG.edges())
    return H


def shortest_path_events(MG: nx.MultiDiGraph, a: str, b: str, directed: bool = False
                         ) -> tuple[list[str], list[tuple[str, str, list[dict]]]]:
    """A shortest path from a to b and the events along each hop.

    Of all shortest paths, the one whose labels come first alphabetically, so the
    answer does not depend on insertion order. Undirected unless `directed`. Raises
    networkx.NetworkXNoPath when there is none."""
    _require(MG, a)
    _require(MG, b)
    H = _simple(MG, directed)
    to_b = nx.single_source_shortest_path_length(H.reverse(copy=False) if directed else H, b)
    if a not in to_b:
        raise nx.NetworkXNoPath(f"no path between {a} and {b}")
    key = _by_label(MG)
    path = [a]
    while path[-1] != b:
        here = path[-1]
        step = [n for n in H[here] if to_b.get(n) == to_b[here] - 1]
        path.append(min(step, key=key))
    hops = []
    for u, v in zip(path, path[1:], strict=False):
        evs = [dict(d, source=u, target=v) for d in MG.get_edge_data(u, v, default={}).values()]
        if not directed:
            evs += [dict(d, source=v, target=u)
                    for d in MG.get_edge_data(v, u, default={}).values()]
        evs.sort(key=lambda d: (d["date"] or "9999", natural_key(d["event"]), d["source"]))
        hops.append((u, v, evs))
    return path, hops


def centrality(MG: nx.MultiDiGraph, k: int | None = 10, by: str = "pagerank",
               samples: int | None = None) -> list[tuple[str, dict]]:
    """Degree (events in + out), PageRank (directed, source → target) and betweenness
    (undirected, normalised). Top k by `by`, ties by label.

    Exact betweenness costs one BFS per node, ~13 s at 10k actors, so above
    BETWEENNESS_BUDGET (sources x edges) it is estimated from a seeded sample of source nodes
    (`samples` sets the sample size; 0 forces the exact value)."""
    if by not in ("pagerank", "degree", "betweenness"):
        raise KgError(f"unknown centrality {by!r}; choose pagerank, degree or betweenness")
    if MG.number_of_nodes() == 0:
        return []
    pr = pagerank(MG)
    bc = betweenness(MG, _betweenness_sample(MG, samples))
    deg, ins, outs = dict(MG.degree()), dict(MG.in_degree()), dict(MG.out_degree())
    rows = [(node, {"degree": deg[node], "in": ins[node], "out": outs[node],
                    "pagerank": pr.get(node, 0.0), "betweenness": bc.get(node, 0.0)})
            for node in MG]
    key = _by_label(MG)
    rows.sort(key=lambda x: (-x[1][by], key(x[0])))
    return rows[:k] if k else rows


def pagerank(G: nx.DiGraph, alpha: float = 0.85, tol: float = 1.0e-6,
             max_iter: int = 200) -> dict[str, float]:
    """networkx's PageRank (parallel edges add up, dangling nodes spread evenly), computed
    on a scipy matrix built straight from the edge list: nx.pagerank spends most of its
    time converting a MultiDiGraph, ~0.7 s at 44k edges against ~0.08 s here."""
    import numpy as np
    from scipy import sparse

    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64).reshape(-1, 2)
    A = sparse.csr_array((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    out = np.asarray(A.sum(axis=1)).ravel()
    inv = np.divide(1.0, out, out=np.zeros(n), where=out != 0)
    M = sparse.diags_array(inv) @ A
    x = np.full(n, 1.0 / n)
    dangling = out == 0
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ M + x[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            break
    return dict(zip(nodes, (float(v) for v in x), strict=True))


def betweenness(H: nx.Graph, samples: int | None = None, seed: int = 42,
                batch: int = 128) -> dict[str, float]:
    """Brandes' betweenness of H taken as an undirected simple graph (directions and
    parallel edges ignored, self-loops dropped), normalised as networkx does.

    Level-synchronous: a batch of sources walks the graph together as sparse matrix
    products (path counts forward, dependencies backward) instead of networkx's
    per-node Python BFS. With `samples`, estimated from that many source nodes drawn
    with `seed` from the sorted nodes (networkx's estimator)."""
    import numpy as np
    from scipy import sparse

    nodes = sorted(H)
    n = len(nodes)
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in H.edges() if u != v],
                     dtype=np.int64).reshape(-1, 2)
    rows = np.concatenate([pairs[:, 0], pairs[:, 1]])
    cols = np.concatenate([pairs[:, 1], pairs[:, 0]])
    A = sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    A.data[:] = 1.0  # a pair listed twice is still one edge
    sources = list(range(n)) if samples is None else \
        random.Random(seed).sample(range(n), samples)
    bc = np.zeros(n)
    for start in range(0, len(sources), batch):
        bc += _brandes_batch(A, np.array(sources[start:start + batch]))
    scale = 1.0 / ((n - 1) * (n - 2))
    if samples is not None:
        scale *= n / samples
    return {node: float(bc[i] * scale) for i, node in enumerate(nodes)}


def _brandes_batch(A, sources):
    """Dependencies of every node summed over a batch of BFS sources (columns)."""
    import numpy as np

    n, b = A.shape[0], len(sources)
    cols = np.arange(b)
    sigma = np.zeros((n, b))
    dist = np.full((n, b), -1, dtype=np.int32)
    sigma[sources, cols] = 1.0
    dist[sources, cols] = 0
    level = 0
    while True:
        reach = A @ np.where(dist == level, sigma, 0.0)
        new = (dist < 0) & (reach > 0)
        if not new.any():
            break
        level += 1
        sigma[new] = reach[new]
        dist[new] = level
    delta = np.zeros((n, b))
    safe = np.where(sigma > 0, sigma, 1.0)
    for d in range(level, 0, -1):
        coeff = np.where(dist == d, (1.0 + delta) / safe, 0.0)
        delta += np.where(dist == d - 1, sigma * (A @ coeff), 0.0)
    delta[sources, cols] = 0.0
    return delta.sum(axis=1)


def _betweenness_sample(H: nx.Graph, samples: int | None) -> int | None:
    """None for exact betweenness, else how many source nodes to sample (edges are
    counted with their parallels, which errs on the side of fewer samples)."""
    n, m = H.number_of_nodes(), max(H.number_of_edges(), 1)
    if samples is None:
        samples = 0 if n * m <= BETWEENNESS_BUDGET else \
            max(MIN_BETWEENNESS_SAMPLES, BETWEENNESS_BUDGET // m)
    return samples if 0 < samples < n else None


def _members(row: EventRow, up: Rollup) -> tuple[set[str], set[str]]:
    year = row.year
    return {up(a, year).id for a in row.sources}, {up(a, year).id for a in row.targets}


def natural_key(text: str) -> tuple:
    """'…-9-0' before '…-13-0': numbers in IRIs compare as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def _sort_rows(rows: Iterable[EventRow]) -> list[EventRow]:
    return sorted(rows, key=lambda r: (r.when is None, r.when or "", r.document or "",
                                       natural_key(r.event)))


def timeline(events: Iterable[EventRow], actor: str, level: str = "actor") -> list[EventRow]:
    """Events the actor takes part in (as source or target), oldest first; undated last."""
    up = Rollup(level)
    out = []
    for row in events:
        src, tgt = _members(row, up)
        if actor in src or actor in tgt:
            out.append(row)
    return _sort_rows(out)


def parse_period(value: str) -> tuple[dt.date, dt.date]:
    """YYYY, YYYY-MM or YYYY-MM-DD → its first and last day; ValueError otherwise."""
    parts = value.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"{value!r} is not a date like 2024, 2024-06 or 2024-06-18")
    try:
        return _period(parts)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date") from None


def _period(parts: list[str]) -> tuple[dt.date, dt.date]:
    y = int(parts[0])
    if len(parts) == 1:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = int(parts[1])
    if len(parts) == 2:
        first = dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    day = dt.date(y, m, int(parts[2]))
    return day, day


def _event_period(row: EventRow) -> tuple[dt.date, dt.date] | None:
    when = row.when
    if not when:
        return None
    try:
        return parse_period(when[:10])
    except ValueError:
        return None


@dataclass
class EventFilter:
    """What `filter_events` keeps; empty fields do not filter."""

    types: set[str] = field(default_factory=set)
    quads: set[str] = field(default_factory=set)
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    contexts: set[str] = field(default_factory=set)  # "none": events without context
    level: str = "actor"

    def keeps(self, row: EventRow, up: Rollup) -> bool:
        if self.types and row.type not in self.types:
            return False
        if self.quads and row.quad not in self.quads:
            return False
        if self.contexts and not (self.contexts & (set(row.context) or {"none"})):
            return False
        if self.since or self.until:
            period = _event_period(row)
            if period is None or (self.since and period[1] < self.since) or \
                    (self.until and period[0] > self.until):
                return False
        if self.actor:
            src, tgt = _members(row, up)
            return self.actor in src or self.actor in tgt
        return True


def filter_events(events: Iterable[EventRow], types: Iterable[str] = (),
                  quads: Iterable[str] = (), actor: str | None = None,
                  since: str | dt.date | None = None, until: str | dt.date | None = None,
                  contexts: Iterable[str] = (), level: str = "actor") -> EventList:
    """Events matching every given filter (each multi-valued filter is an OR), sorted by
    date. Dates of any precision overlap-match: 2024-06 passes --since 2024-06-18."""
    since_d = parse_period(since)[0] if isinstance(since, str) else since
    until_d = parse_period(until)[1] if isinstance(until, str) else until
    f = EventFilter({t.upper() for t in types}, {q.lower() for q in quads}, actor,
                    since_d, until_d, {c.lower() for c in contexts}, level)
    up = Rollup(level)
    kept = _sort_rows(r for r in events if f.keeps(r, up))
    return events.derive(kept) if isinstance(events, EventList) else EventList(kept)


def actor_counts(events: Iterable[EventRow], level: str = "actor"
                 ) -> dict[str, tuple[int, int, int]]:
    """Per node id: (events taken part in, as source, as target)."""
    up = Rollup(level)
    total: Counter[str] = Counter()
    as_src: Counter[str] = Counter()
    as_tgt: Counter[str] = Counter()
    for row in events:
        src, tgt = _members(row, up)
        total.update(src | tgt)
        as_src.update(src)
        as_tgt.update(tgt)
    return {n: (total[n], as_src[n], as_tgt[n]) for n in total}


def stats(events: Iterable[EventRow], MG: nx.MultiDiGraph | None = None,
          AG: nx.Graph | None = None) -> dict[str, object]:
    """Sizes and distributions of the graph, metric name → value, in a fixed order."""
    rows = list(events)
    meta = getattr(events, "meta", {})
    MG = MG if MG is not None else actor_graph(rows)
    AG = AG if AG is not None else alignment_graph(MG)
    dates = sorted(w for w in (r.when for r in rows) if w)
    out: dict[str, object] = {}
    if "triples" in meta:
        out["triples"] = meta["triples"]
    out["documents"] = len({r.document for r in rows if r.document})
    out["events"] = len(rows)
    out["actors"] = MG.number_of_nodes()
    out["actor_edges"] = MG.number_of_edges()
    out["pairs"] = AG.number_of_edges()
    out["pairs_cooperative"] = sum(1 for *_e, w in AG.edges(data="weight") if w > 0)
    out["pairs_conflictual"] = sum(1 for *_e, w in AG.edges(data="weight") if w < 0)
    out["components"] = nx.number_connected_components(AG) if len(AG) else 0
    out["first_date"] = dates[0] if dates else None
    out["last_date"] = dates[-1] if dates else None
    out["undated_events"] = len(rows) - len(dates)
    for name, counter in (("type", Counter(r.type for r in rows)),
                          ("quad", Counter(r.quad or "none" for r in rows)),
                          ("context", Counter(c for r in rows for c in r.context or ("none",))),
                          ("actor_type", Counter(d for _n, d in MG.nodes(data="type")))):
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            out[f"{name}.{k}"] = v
    return out


# ---------------------------------------------------------------- SPARQL (rdflib)

STORES = ("memory", "oxigraph")


def rdf_graph(path: str | os.PathLike, store: str = "memory"):
    """An rdflib graph of a graph file or of input texts, named graphs unioned into the
    default graph (what `kg build` merges into a .ttl), for SPARQL.

    store="memory" is rdflib's own store and SPARQL engine; "oxigraph" puts oxrdflib's
    Oxigraph store under the same rdflib API, which parses 1M triples ~20x faster."""
    from rdflib import Dataset

    from kg.rdf.formats import format_for
    from kg.rdf.quads import _bind

    if store not in STORES:
        raise KgError(f"unknown store {store!r}; choose one of {', '.join(STORES)}")
    p = Path(path)
    ds = Dataset(store="Oxigraph" if store == "oxigraph" else "default", default_union=True)
    _bind(ds)
    if p.is_dir() or p.suffix.lower() in TEXT_SUFFIXES:
        ds.addN(_text_quads(p))
        return ds
    if not p.is_file():
        raise KgError(f"{p}: no such file (build one with `kg build`, or pass --graph)")
    fmt = format_for(str(p), None)
    if store == "oxigraph":
        fmt = {"turtle": "ox-turtle", "nt": "ox-nt", "nquads": "ox-nquads", "trig": "ox-trig",
               "json-ld": "ox-json-ld"}[fmt]
    try:
        ds.parse(p, format=fmt)
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many error types
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise KgError(f"{p}: cannot parse as {fmt} ({type(exc).__name__}: {first})") from None
    return ds


def _text_quads(path: Path) -> list:
    return _text_dataset(path).rdflib_quads()


def _text_dataset(path: Path):
    """Input texts through kg's pipeline into the dataset `kg build` would write."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.pipeline import Pipeline
    from kg.rdf.dataset import build_dataset
    from kg.text.documents import read_inputs

    pipeline = Pipeline()
    results = [pipeline.run(d) for d in read_inputs([str(path)])]
    return build_dataset(results, default_gazetteer(), None)[0]


def sparql(graph, query: str):
    """Run a SPARQL query through rdflib; a bad query is a one-line KgError."""
    if not query.strip():
        raise KgError("empty SPARQL query")
    try:
        result = graph.query(query)
        if result.type == "SELECT":
            _ = result.bindings  # evaluate now, inside the try, not while printing
        return result
    except Exception as exc:  # noqa: BLE001 - pyparsing and rdflib raise many types
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise KgError(f"SPARQL: {type(exc).__name__}: {first}") from None
