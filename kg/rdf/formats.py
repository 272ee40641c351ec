"""The one table of RDF formats kg reads and writes (like rdflib's plugin table).

Every command that takes a graph file (build, validate, query, serve, push, viz) decides
the format here, from `--format` or the file's extension. To add a format: one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError


@dataclass(frozen=True, slots=True)
class RdfFormat:
    name: str  # the --format value, also rdflib's parser/serializer name
    extension: str  # what kg writes
    named_graphs: bool  # keeps one graph per document (TriG, N-Quads, JSON-LD)
    oxigraph: ox.RdfFormat  # pyoxigraph's streaming parser/writer
    also: tuple[str, ...] = ()  # further extensions read as this format
    media_type: str = ""


FORMATS: dict[str, RdfFormat] = {f.name: f for f in (
    RdfFormat("turtle", ".ttl", False, ox.RdfFormat.TURTLE, (".n3",), "text/turtle"),
    RdfFormat("nt", ".nt", False, ox.RdfFormat.N_TRIPLES, (), "application/n-triples"),
    RdfFormat("nquads", ".nq", True, ox.RdfFormat.N_QUADS, (".nquads",), "application/n-quads"),
    RdfFormat("trig", ".trig", True, ox.RdfFormat.TRIG, (), "application/trig"),
    RdfFormat("json-ld", ".jsonld", True, ox.RdfFormat.JSON_LD, (".json",),
              "application/ld+json"),
)}
EXTENSIONS = {ext: f.name for f in FORMATS.values() for ext in (f.extension, *f.also)}
DATASET_FORMATS = tuple(name for name, f in FORMATS.items()
                        if f.named_graphs and name != "json-ld")  # --append targets


def format_for(path: str | None, fmt: str | None) -> str:
    """The format name: `fmt` if given, else from the path's extension, else Turtle."""
    if fmt:
        if fmt not in FORMATS:
            raise KgError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    if path and path != "-":
        ext = Path(path).suffix.lower()
        if ext in EXTENSIONS:
            return EXTENSIONS[ext]
    return "turtle"


def ox_format(fmt: str) -> ox.RdfFormat:
    """The pyoxigraph format of a kg format name."""
    return FORMATS[fmt].oxigraph
