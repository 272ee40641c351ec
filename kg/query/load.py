"""Loading: a graph file kg wrote, or input texts, into an `EventList`.

RDF files (.ttl .nt .nq .trig .jsonld) are read with pyoxigraph's streaming parser,
because rdflib needs ~40x longer for 1M triples, and projected in one pass
(kg.query.project). The projection is cached beside the file (kg.query.cache) and reused
while the file's bytes are unchanged. Input texts (.txt, .jsonl, directories) go through
kg's own pipeline and dataset builder, exactly as `kg build` runs them, so a graph never
has to be written to be queried and both paths give the same events.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import KgError
from kg.query.cache import cache_path, read_cache, sha256_of, write_cache
from kg.query.canonical import canonical_events
from kg.query.model import EventList
from kg.query.project import project_triples

TEXT_SUFFIXES = (".txt", ".jsonl")


def is_text_input(path: Path) -> bool:
    """Input texts (run through the pipeline) rather than a graph file."""
    return path.is_dir() or path.suffix.lower() in TEXT_SUFFIXES


def load_events(path: str | os.PathLike, use_cache: bool = True,
                mentions: bool = False) -> EventList:
    """Events of an RDF graph file kg wrote, or of input texts run through kg's pipeline:
    one row per canonical event (reports of one event counted once, kg.query.canonical),
    or with `mentions` one row per report."""
    events = _load_mentions(Path(path), use_cache)
    return events if mentions else canonical_events(events)


def _load_mentions(p: Path, use_cache: bool) -> EventList:
    if is_text_input(p):
        return events_from_texts(p)
    if not p.is_file():
        raise KgError(f"{p}: no such file (build one with `kg build`, or pass --graph)")
    digest = sha256_of(p)
    cache = cache_path(p)
    if use_cache:
        cached = read_cache(cache, digest, p.stat().st_size)
        if cached is not None:
            cached.meta["source"] = str(p)
            return cached
    events = project_rdf(p)
    if use_cache:
        write_cache(cache, digest, events)
    return events


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


def events_from_texts(path: Path) -> EventList:
    """Run kg's pipeline on input texts and project the quads `kg build` would write."""
    import pyoxigraph as ox

    data = text_dataset(path).nquads()
    triples = ((q.subject.value, q.predicate.value, q.object)
               for q in ox.parse(data, format=ox.RdfFormat.N_QUADS))
    events = project_triples(triples)
    events.meta["source"] = str(path)
    return events


def text_dataset(path: Path):
    """Input texts through kg's pipeline (kg.pipeline.Pipeline, settings from the
    environment) into the dataset `kg build` would write (kg.rdf.dataset.build_dataset)."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.pipeline import Pipeline
    from kg.rdf.dataset import build_dataset
    from kg.text.documents import read_inputs

    pipeline = Pipeline()
    results = [pipeline.run(d) for d in read_inputs([str(path)])]
    return build_dataset(results, default_gazetteer(), None)[0]
