"""Datasets of named graphs: build, merge (`kg build --append`), and write them fast.

A dataset is held as a dict graph IRI → set of N-Triples statements (`<s> <p> o`, no
final dot), not as rdflib terms. Why strings:

- they are exactly the text pyoxigraph prints for a term (`term_text` mirrors its
  escaping; a test checks it), so statements built by kg.rdf and statements read back from
  a file compare equal: sets de-duplicate them, and reading a dataset, replacing one
  document and writing it again leaves every other graph byte for byte as it was;
- sorting 1M strings is a C-level sort (about 0.5 s); sorting the same quads as rdflib
  terms, with their Python `__lt__`, took 8.5 s;
- sorted, they already are pyoxigraph's canonical N-Triples / N-Quads, and the push code
  sends them as request bodies without another conversion.

Writing: N-Triples and N-Quads are the sorted statements themselves; Turtle, TriG and
JSON-LD go through pyoxigraph's streaming parser and writer (1M quads → TriG on disk in
3-4.5 s on this 2-core machine, benchmarks/bench_push.py; rdflib on oxrdflib's store,
the path kg.rdf.write takes above 50k triples, took 11 s on the same quads). Every IRI and
language tag is checked once, when first seen, so the writer can parse its own text
leniently, and an invalid term fails the build instead of a SPARQL server's upload. Small
Turtle files still get rdflib's grouped, sorted pretty output (kg.rdf.write.serialize);
rdflib's TriG and JSON-LD writers are not used because their output order changes from
one process to the next.
Document graphs and the canonical layer, millions of statements in a large build, are
made as N-Triples text directly (kg.rdf.quads.document_graph, kg.rdf.canonical, with
kg.rdf.text); the small graphs (actors, ontology, description) are made as rdflib terms
and printed by kg.rdf.text.quad_texts. `rdflib_quads` gives any dataset back as rdflib
terms for code that wants them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import KgError
from kg.rdf.formats import DATASET_FORMATS, FORMATS, format_for, ox_format
from kg.rdf.text import quad_texts
from kg.rdf.vocab import BASE, GRAPH_ONTOLOGY, KGO, PREFIXES, XSD

if TYPE_CHECKING:
    from kg.lang.gazetteer import Gazetteer
    from kg.pipeline import DocumentResult

DEFAULT_GRAPH = ""  # key of the default graph
DOCUMENT_GRAPH_PREFIX = BASE + "graph/document/"  # kg.vocab.document_graph_iri
PRETTY_FORMATS = ("turtle",)  # rdflib's TriG and JSON-LD output order varies per process
_XSD_STRING = str(XSD.string)
_RELATION = f"<{KGO.relation}>"
_DEFAULT_ID = str(DATASET_DEFAULT_GRAPH_ID)
_str = str.__str__  # plain str of a URIRef without URIRef.__add__ and its warnings

def graph_key(name: Node | None) -> str:
    """The key of a graph in Dataset.graphs ("" for the default graph)."""
    key = DEFAULT_GRAPH if name is None else _str(name)
    return DEFAULT_GRAPH if key == _DEFAULT_ID else key


class Dataset:
    """Graph IRI ("" for the default graph) → set of statements `<s> <p> o`."""

    def __init__(self, graphs: dict[str, set[str]] | None = None) -> None:
        self.graphs: dict[str, set[str]] = graphs if graphs is not None else {}

    # ------------------------------------------------------------------ building
    @classmethod
    def from_quads(cls, quads: Iterable[tuple[Node, Node, Node, Node]]) -> Dataset:
        """From kg.rdf's (s, p, o, graph) rdflib quads."""
        ds = cls()
        ds.add_quads(quads)
        return ds

    def add_quads(self, quads: Iterable[tuple[Node, Node, Node, Node]]) -> None:
        """Add rdflib quads."""
        last_g: Node | None = None
        graph: set[str] = set()
        for g, text in quad_texts(quads):
            if g is not last_g:
                graph = self._graph(g)
                last_g = g
            graph.add(text)

    def _graph(self, name: Node | None) -> set[str]:
        key = graph_key(name)
        graph = self.graphs.get(key)
        if graph is None:
            graph = self.graphs[key] = set()
        return graph

    @classmethod
    def read(cls, path: Path) -> Dataset:
        """Any RDF file kg writes (format from the extension), parsed strictly."""
        if not path.is_file():
            raise KgError(f"{path}: no such file")
        fmt = format_for(str(path), None)
        ds = cls()
        graphs = ds.graphs
        try:
            for q in ox.parse(path=str(path), format=ox_format(fmt)):
                g = q.graph_name
                key = DEFAULT_GRAPH if isinstance(g, ox.DefaultGraph) else g.value
                graph = graphs.get(key)
                if graph is None:
                    graph = graphs[key] = set()
                graph.add(str(q.triple))
        except SyntaxError as exc:
            raise KgError(f"{path}: cannot parse as {fmt} ({_first_line(exc)})") from None
        except OSError as exc:
            raise KgError(f"{path}: cannot read ({exc.strerror or exc})") from None
        return ds

    # ------------------------------------------------------------------ documents
    def document_graphs(self) -> list[str]:
        return sorted(g for g in self.graphs if g.startswith(DOCUMENT_GRAPH_PREFIX))

    def relations_in_use(self) -> set[str]:
        """kgo:relation labels of the events in the document graphs (for the ontology)."""
        found: set[str] = set()
        for g in self.document_graphs():
            for st in self.graphs[g]:
                if st.split(" ", 2)[1] == _RELATION:
                    value = next(iter(ox.parse(st + " .", format=ox.RdfFormat.N_TRIPLES)))
                    found.add(value.object.value)
        return found

    def add_results(self, results: list[DocumentResult], gazetteer: Gazetteer,
                    window: int | None = None) -> dict:
        """Add or replace the documents' graphs; the actors graph becomes the union of the
        old and new actor descriptions; the ontology graph is regenerated for the relations
        of every document now in the dataset; the canonical events (reports `window` days
        apart at most, kg.rdf.canonical) and the VoID/DCAT description (kg.rdf.describe)
        are recomputed from all documents. Returns counts for the summary."""
        from kg.rdf.quads import actor_quads, document_graph, ontology_quads
        from kg.rdf.vocab import document_graph_iri

        before = set(self.document_graphs())
        new = {_str(document_graph_iri(r.doc.id)) for r in results}
        for g in new:
            self.graphs.pop(g, None)
        kept_relations = self.relations_in_use()
        actors = {}
        for res in results:
            graph, statements = document_graph(res)
            self._graph(graph).update(statements)
            actors.update(res.actors)
        self.add_quads(actor_quads(sorted(actors.values(), key=lambda a: a.key), gazetteer))
        self.graphs.pop(_str(GRAPH_ONTOLOGY), None)
        relations = kept_relations | {r["relation"] for res in results for r in res.records}
        self.add_quads(ontology_quads(relations))
        canonical = self.refresh_derived(window)
        return {"added": len(new - before), "replaced": len(new & before),
                "kept": len(before - new), "canonical": canonical}

    def refresh_derived(self, window: int | None = None) -> int:
        """Recompute the canonical-event and description graphs; the number of canonical
        events."""
        from kg.rdf import canonical, describe

        days = canonical.DEFAULT_WINDOW if window is None else window
        clusters = canonical.refresh(self, days)
        describe.refresh(self, days, len(clusters))
        return len(clusters)

    # ------------------------------------------------------------------ counting
    def quad_count(self) -> int:
        return sum(len(g) for g in self.graphs.values())

    def triples(self) -> set[str]:
        """Every distinct triple, whatever graph it is in (triple formats merge graphs)."""
        merged: set[str] = set()
        for statements in self.graphs.values():
            merged |= statements
        return merged

    # ------------------------------------------------------------------ text
    def nquads(self) -> str:
        """Sorted N-Quads: graphs by IRI (default graph first), statements sorted."""
        parts: list[str] = []
        for g in sorted(self.graphs):
            if self.graphs[g]:
                suffix = " .\n" if g == DEFAULT_GRAPH else f" <{g}> .\n"
                parts.append(suffix.join(sorted(self.graphs[g])) + suffix)
        return "".join(parts)

    def ntriples(self, graph: str | None = None) -> str:
        """Sorted N-Triples of one graph, or of all graphs merged."""
        statements = self.triples() if graph is None else self.graphs.get(graph, set())
        return " .\n".join(sorted(statements)) + " .\n" if statements else ""

    # ------------------------------------------------------------------ writing
    def serialize(self, fmt: str, pretty_limit: int | None = None) -> bytes:
        """The dataset in `fmt` (kg.rdf.formats); triple formats merge all graphs.

        Same dataset → byte-identical output, whichever path writes it."""
        from kg.rdf.write import PRETTY_LIMIT, serialize

        limit = PRETTY_LIMIT if pretty_limit is None else pretty_limit
        if fmt in PRETTY_FORMATS and self.quad_count() <= limit:
            return serialize(self.rdflib_quads(), fmt)
        return self.stream(fmt)

    def stream(self, fmt: str) -> bytes:
        """pyoxigraph's strict parser and streaming writer over the sorted statements."""
        if fmt not in FORMATS:
            raise KgError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        with_graphs = FORMATS[fmt].named_graphs
        text = self.nquads() if with_graphs else self.ntriples()
        if fmt in ("nt", "nquads"):
            return text.encode("utf-8")  # already pyoxigraph's canonical N-Triples/N-Quads
        out = io.BytesIO()
        reserialize(fmt, out, input=text.encode("utf-8"))
        return out.getvalue()

    def rdflib_quads(self) -> list[tuple[Node, Node, Node, Node]]:
        """The statements as rdflib quads (graph order, then statement order)."""
        data = self.nquads().encode("utf-8")
        return [(_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object),
                 DATASET_DEFAULT_GRAPH_ID if isinstance(q.graph_name, ox.DefaultGraph)
                 else URIRef(q.graph_name.value))
                for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)]


def build_dataset(results: list[DocumentResult], gazetteer: Gazetteer,
                  base: Path | None = None, window: int | None = None
                  ) -> tuple[Dataset, dict]:
    """`kg build`: the documents' dataset, or `base` (a TriG / N-Quads file, if it
    exists) with these documents added or replaced by id."""
    if base is not None and base.exists():
        if format_for(str(base), None) not in DATASET_FORMATS:
            raise KgError(f"{base}: --append needs a TriG (.trig) or N-Quads (.nq) dataset")
        ds = Dataset.read(base)
    else:
        ds = Dataset()
    counts = ds.add_results(results, gazetteer, window)
    return ds, counts


def stream_prefixes() -> dict[str, str]:
    """Prefixes for the streaming Turtle/TriG writer. `kgid:` is left out: it would only
    match IRIs like kgid:software\\/kg, with an escaped slash."""
    return {k: str(v) for k, v in sorted(PREFIXES.items()) if k != "kgid"}


def _rdflib(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


def reserialize(fmt: str, out: BinaryIO, **source: object) -> None:
    """Canonical N-Quads (or N-Triples, for a triple format) from `source` — pyoxigraph's
    `input=` bytes or `path=` — written to `out` in `fmt` by pyoxigraph's streaming
    writer, with kg's prefixes for Turtle/TriG and its @context for JSON-LD. The one
    re-serialisation both the in-memory Dataset and the streaming build use."""
    with_graphs = FORMATS[fmt].named_graphs
    kind = ox.RdfFormat.N_QUADS if with_graphs else ox.RdfFormat.N_TRIPLES
    prefixes = stream_prefixes() if fmt in ("turtle", "trig") else None
    try:
        quads = ox.parse(**source, format=kind, lenient=True)
        if fmt == "json-ld":  # pyoxigraph writes no @context (kg.rdf.jsonld)
            from kg.rdf.jsonld import with_context

            out.write(with_context(ox.serialize(quads, format=ox_format(fmt)),
                                   stream_prefixes()))
            return
        ox.serialize(quads, out, format=ox_format(fmt), prefixes=prefixes)
    except SyntaxError as exc:
        raise KgError(f"cannot write {fmt}: invalid RDF term ({_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def chunks(statements: Iterable[str], size: int) -> Iterator[list[str]]:
    """Sorted statements in lists of at most `size` (push sends one request per list)."""
    batch: list[str] = []
    for st in sorted(statements):
        batch.append(st)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
