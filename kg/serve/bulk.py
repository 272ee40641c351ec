"""`kg load`: an RDF file into an on-disk Oxigraph store with the bulk loader.

A graph beyond memory cannot go through rdflib or an in-memory store; Oxigraph's bulk
loader streams the parse into a RocksDB store on disk, writing new files rather than
transactions (docs/scale.md). The store is then served by `kg serve --location DIR`
and queried with `kg query … --endpoint URL`. A triple file (Turtle, N-Triples) goes into
one named graph (MERGED_GRAPH), as `kg serve FILE` loads it, so the queries that look in
`GRAPH ?g` find it; TriG and N-Quads keep their graphs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.serve.oxigraph import MERGED_GRAPH


@dataclass(frozen=True, slots=True)
class LoadReport:
    quads: int
    seconds: float


def _quads(path: Path, fmt: str, progress) -> Iterator:
    """The file's quads, a triple file's put into MERGED_GRAPH, counted into `progress`."""
    import pyoxigraph as ox

    from kg.rdf.formats import FORMATS

    spec = FORMATS[fmt]
    graph = None if spec.named_graphs else ox.NamedNode(MERGED_GRAPH)
    n = 0
    for q in ox.parse(path=str(path), format=spec.oxigraph):
        if graph is not None:
            q = ox.Quad(q.subject, q.predicate, q.object, graph)
        yield q
        n += 1
        if n % 10_000 == 0:
            progress.update(10_000)
    progress.update(n % 10_000)


def bulk_load(path: Path, location: Path, fmt: str | None = None,
              quiet: bool = False) -> LoadReport:
    """Add the file's quads to the store at `location` (created if missing)."""
    import pyoxigraph as ox

    from kg.rdf.formats import format_for
    from kg.scale.progress import Progress, wants_bar

    if not path.is_file():
        raise KgError(f"{path}: no such file")
    fmt = format_for(str(path), fmt)
    progress = Progress(f"load {path.name}", None, wants_bar(quiet), unit="quad")
    start = time.perf_counter()
    try:
        store = ox.Store(str(location))
    except OSError as exc:
        raise KgError(f"{location}: cannot open an Oxigraph store there ({exc})") from None
    try:
        store.bulk_extend(_quads(path, fmt, progress))
        store.flush()
    except SyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise KgError(f"{path}: cannot parse as {fmt} ({first})") from None
    finally:
        progress.close()
        del store  # releases the store's lock for `kg serve --location`
    return LoadReport(progress.items, time.perf_counter() - start)
