"""`FILE.kgcache`: the projection of a graph file, kept beside it so the next query
skips parsing.

The cache sits in whatever directory the graph sits in, so it is data from a possibly
untrusted source: anyone who can drop a file next to a graph can plant a cache. It is
therefore plain JSON (gzip-compressed), never pickle, and it is read as data and checked
field by field: the format name and version, the kg version (a newer kg may project
differently), the sha256 of the graph file's bytes, and the type of every value. Anything
else (a pickle, a truncated file, a cache of another file, a field of the wrong type) is
ignored and rebuilt, never trusted. Reading never executes anything from the file.

Layout (version 3):
  {"format": "kg-query-cache", "version": 2, "kg": "<kg version>",
   "source_sha256": "<hex>", "meta": {"triples": N},
   "actors": [[id, label, label_bn, type, wikidata, [alt labels], [roles],
               [affiliation ids], in_table, iso3, cameo], …],
   "events": [[event, type, quad, mode, relation, cameo, date, [context], [source ids],
               [target ids], [objects], location, document, doc_date, sentence,
               evidence, confidence, url, outlet, symmetric, goldstein, [place ids],
               canonical, num_mentions, num_sources], …]}
Actors are listed once and events name them by IRI, so shared actors stay shared
objects after reading, as they were after parsing.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg import __version__
from kg.errors import KgError
from kg.query.model import Actor, EventList, EventRow

CACHE_SUFFIX = ".kgcache"
CACHE_FORMAT = "kg-query-cache"
CACHE_VERSION = 3
# A cache's JSON is about half the size of its graph in Turtle (the most compact format
# kg writes); a gzip stream that inflates past this many times the graph's size (plus
# 1 MiB) is not one of ours, and must not exhaust memory: it is ignored unread.
MAX_INFLATION = 4


def cache_path(graph: Path) -> Path:
    """Where the cache of `graph` lives: beside it, FILE.kgcache."""
    return graph.with_name(graph.name + CACHE_SUFFIX)


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes: the cache is valid only for exactly these bytes."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror})") from None
    return h.hexdigest()


def read_cache(cache: Path, digest: str, source_size: int | None = None) -> EventList | None:
    """The cached projection, or None when missing, stale, foreign or malformed (the
    caller then re-parses the graph and writes a fresh cache)."""
    limit = MAX_INFLATION * (source_size or 0) + (1 << 20)
    try:
        with gzip.open(cache, "rb") as fh:
            raw = fh.read(limit + 1)
        if len(raw) > limit:
            return None
        with _no_gc():
            return decode(json.loads(raw.decode("utf-8")), digest)
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache, it is just rebuilt
        return None


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: reading builds ~1M objects, none of them
    garbage, and the collections their allocation triggers took two thirds of the time
    (0.6 s against 0.2 s for a 1M-triple graph's cache)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_cache(cache: Path, digest: str, events: EventList) -> None:
    """Best effort, atomically (a temporary file, then a rename): a read-only directory
    only costs the next run a re-parse, and a reader never sees half a cache."""
    data = json.dumps(encode(events, digest), ensure_ascii=False, separators=(",", ":"))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{cache.name}.", dir=cache.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(gzip.compress(data.encode("utf-8"), compresslevel=1, mtime=0))
        os.replace(tmp, cache)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def encode(events: EventList, digest: str) -> dict:
    """The JSON document of a projection (module docstring)."""
    table = dict(events.actors)
    for row in events:
        for a in row.sources + row.targets + row.places:
            table.setdefault(a.id, a)
    listed = {a.id: (a, a.id in events.actors) for a in table.values()}
    todo = [x for a in table.values() for x in a.affiliations]
    while todo:  # affiliations outside the table (an office's unit typed as nothing)
        actor = todo.pop()
        if actor.id not in listed:
            listed[actor.id] = (actor, False)
            todo += actor.affiliations
    actors = [[a.id, a.label, a.label_bn, a.type, a.wikidata, list(a.alt_labels),
               list(a.roles), [x.id for x in a.affiliations], in_table, a.iso3, a.cameo]
              for a, in_table in (listed[i] for i in sorted(listed))]
    rows = [[r.event, r.type, r.quad, r.mode, r.relation, r.cameo, r.date, list(r.context),
             [a.id for a in r.sources], [a.id for a in r.targets], list(r.objects),
             r.location, r.document, r.doc_date, r.sentence, r.evidence, r.confidence,
             r.url, r.outlet, r.symmetric, r.goldstein, [a.id for a in r.places], r.canonical,
             r.num_mentions, r.num_sources]
            for r in events]
    meta = {k: v for k, v in events.meta.items() if k == "triples"}
    return {"format": CACHE_FORMAT, "version": CACHE_VERSION, "kg": __version__,
            "source_sha256": digest, "meta": meta, "actors": actors, "events": rows}


class _Invalid(ValueError):
    """The document is not a cache this kg wrote for this file."""


def decode(doc: object, digest: str) -> EventList:
    """The projection a cache document holds; _Invalid unless every check passes.

    The checks compare types (`type(v) is str`, sets of types) rather than calling a
    checker per value: a 1M-triple graph's cache holds ~1M values, and per-value calls
    would make reading the cache slower than the pickle it replaced."""
    if type(doc) is not dict or doc.get("format") != CACHE_FORMAT \
            or doc.get("version") != CACHE_VERSION or doc.get("kg") != __version__ \
            or doc.get("source_sha256") != digest:
        raise _Invalid("not a cache of this file")
    meta = doc.get("meta")
    if type(meta) is not dict or not all(k == "triples" and type(v) is int
                                         for k, v in meta.items()):
        raise _Invalid("bad meta")
    actors, table = _actors(_list(doc.get("actors")))
    get = actors.__getitem__  # an unknown or non-string IRI raises KeyError or TypeError
    rows = [_event(r, get) for r in _list(doc.get("events"))]
    return EventList(rows, table, meta)


_STR_OR_NONE = frozenset({str, type(None)})
_STR_ONLY = frozenset({str})
_NUMBER_OR_NONE = frozenset({float, int, type(None)})  # not bool: type(True) is bool


def _actors(items: list) -> tuple[dict[str, Actor], dict[str, Actor]]:
    actors: dict[str, Actor] = {}
    links: list[tuple[Actor, list]] = []
    table: dict[str, Actor] = {}
    for item in items:
        if type(item) is not list or len(item) != 11:
            raise _Invalid("bad actor")
        iri, label, label_bn, kind, qid, alts, roles, affs, in_table, iso3, cameo = item
        if {type(iri), type(label), type(label_bn), type(kind)} != _STR_ONLY \
                or not {type(qid), type(iso3), type(cameo)} <= _STR_OR_NONE \
                or type(in_table) is not bool \
                or not _strings(alts) or not _strings(roles) or type(affs) is not list \
                or iri in actors:
            raise _Invalid("bad actor")
        actor = Actor(iri, label, label_bn, kind, qid, tuple(alts), tuple(roles), (), iso3,
                      cameo)
        actors[iri] = actor
        links.append((actor, affs))
        if in_table:
            table[iri] = actor
    get = actors.__getitem__
    for actor, affs in links:
        actor.affiliations = tuple(map(get, affs))
    return actors, table


def _event(item: object, get: Callable[[str], Actor]) -> EventRow:
    if type(item) is not list or len(item) != 25:
        raise _Invalid("bad event")
    (event, etype, quad, mode, relation, cameo, date, context, sources, targets, objects,
     location, document, doc_date, sentence, evidence, confidence, url, outlet, symmetric,
     goldstein, places, canonical, num_mentions, num_sources) = item
    if type(event) is not str or type(etype) is not str \
            or not {type(quad), type(mode), type(relation), type(cameo), type(date),
                    type(location), type(document), type(doc_date), type(sentence),
                    type(evidence), type(url), type(outlet), type(canonical)} <= _STR_OR_NONE \
            or not _strings(context) or not _strings(objects) \
            or type(sources) is not list or type(targets) is not list \
            or type(places) is not list or type(symmetric) is not bool \
            or type(num_mentions) is not int or type(num_sources) is not int \
            or type(confidence) not in _NUMBER_OR_NONE or type(goldstein) not in _NUMBER_OR_NONE:
        raise _Invalid("bad event")
    return EventRow(event, etype, quad, mode, relation, cameo, date, tuple(context),
                    tuple(map(get, sources)), tuple(map(get, targets)), tuple(objects),
                    location, document, doc_date, sentence, evidence,
                    None if confidence is None else float(confidence), url, outlet, symmetric,
                    None if goldstein is None else float(goldstein), tuple(map(get, places)),
                    canonical, num_mentions, num_sources)


def _strings(value: object) -> bool:
    """A list of strings (possibly empty)."""
    return type(value) is list and set(map(type, value)) <= _STR_ONLY


def _list(value: object) -> list:
    if type(value) is not list:
        raise _Invalid("not a list")
    return value
