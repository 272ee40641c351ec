"""`kg build` as a stream: document results in, one graph file out, memory bounded.

Each document's statements are made (kg.rdf.quads → Dataset, one document at a time)
and handed to an external sort (kg.rdf.spool) as `graph SEP statement` lines, never kept
as a corpus; an `--append` base is streamed through the same sort (pyoxigraph's parser),
without the graphs being replaced, its ontology graph and its derived graphs, which are
made again. Then, in one pass over the sorted lines:

- every line goes to a file, counted (the VoID triple count, the summary);
- each document graph, whole, goes to the canonical layer's MentionSpool
  (kg.rdf.canonical), which keeps one line per mention on disk and clusters them by
  mention_key once every graph has been seen;
- the document graph names go to the description (kg.rdf.describe.described).

The canonical events and the description are sorted the same way and merged with the
file, so the output is the sorted, unique statements Dataset.serialize writes for the
same documents: byte for byte the in-memory path (kg.rdf.dataset.build_dataset).
Turtle of at most PRETTY_LIMIT statements still gets rdflib's pretty writer from an
in-memory Dataset (as that path does); larger outputs go through pyoxigraph's streaming
writer from the canonical N-Quads/N-Triples on disk; JSON-LD's @context is added in
memory (kg.rdf.jsonld), so JSON-LD is the one format that is not bounded.

Peak memory: one chunk of documents (kg.scale), one sort chunk, the actors seen, the ids
of the documents, and the largest group of mentions of one actor pair and type.
"""

from __future__ import annotations

import heapq
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf.canonical import DEFAULT_WINDOW, MentionSpool
from kg.rdf.dataset import (
    DEFAULT_GRAPH,
    DOCUMENT_GRAPH_PREFIX,
    PRETTY_FORMATS,
    Dataset,
    _first_line,
    graph_key,
    reserialize,
)
from kg.rdf.formats import DATASET_FORMATS, FORMATS, format_for, ox_format
from kg.rdf.spool import CHUNK_LINES, SortedSpool, lines_of
from kg.rdf.text import TermTexts, quad_texts
from kg.rdf.vocab import DCTERMS, GRAPH_ACTORS, GRAPH_DATASET, GRAPH_EVENTS, GRAPH_ONTOLOGY, KGO

if TYPE_CHECKING:
    from kg.lang.gazetteer import Entity, Gazetteer
    from kg.pipeline import DocumentResult

SEP = "\x00"  # graph IRI SEP statement: sorts graph-major, like Dataset.nquads
_ACTORS = str(GRAPH_ACTORS)
_DERIVED = frozenset({str(GRAPH_ONTOLOGY), str(GRAPH_EVENTS), str(GRAPH_DATASET)})
_RELATION = str(KGO.relation)
_IDENTIFIER = str(DCTERMS.identifier)


@dataclass(slots=True)
class BuildReport:
    """What the summary prints: counted as documents pass, not kept."""

    documents: int = 0
    events: int = 0
    types: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    statements: int = 0  # what the file holds (triple formats: distinct triples)
    counts: dict[str, int] = field(default_factory=dict)  # added/replaced/kept, canonical

    def add(self, result: DocumentResult) -> None:
        self.count(*event_summary(result.records))

    def count(self, types: Iterable[str], labels: Iterable[str]) -> None:
        """One document: the type of each of its events, the label of each actor of
        each event (as `event_summary` gives them)."""
        self.documents += 1
        for t in types:
            self.events += 1
            self.types[t] += 1
        self.actors.update(labels)


def event_summary(records: list[dict]) -> tuple[list[str], list[str]]:
    """What the summary counts of a document's records: their types, and the labels of
    their actors (sources and targets); a shard's sidecar carries these (kg.scale.shards)."""
    types = [r["type"] for r in records]
    labels = [a["label"] for r in records for a in r["source"] + r["target"]]
    return types, labels


def check_base(base: Path) -> None:
    """An --append target must be a dataset format (checked before any work is done)."""
    if base.exists() and format_for(str(base), None) not in DATASET_FORMATS:
        raise KgError(f"{base}: --append needs a TriG (.trig) or N-Quads (.nq) dataset")


class GraphBuilder:
    """Documents → sorted statements → one file in `fmt`. Use as a context manager: the
    sort's folder (in `workdir`, next to the output) is removed on every exit, SIGTERM
    included (kg.cli raises it as an exception)."""

    def __init__(self, fmt: str, gazetteer: Gazetteer, window: int | None = None,
                 workdir: Path | None = None, chunk_lines: int = CHUNK_LINES,
                 pretty_limit: int | None = None) -> None:
        from kg.rdf.write import PRETTY_LIMIT

        self.fmt = fmt
        self.with_graphs = FORMATS[fmt].named_graphs
        self.gazetteer = gazetteer
        self.window = DEFAULT_WINDOW if window is None else window
        self.chunk_lines = chunk_lines
        self.pretty_limit = PRETTY_LIMIT if pretty_limit is None else pretty_limit
        self.spool = SortedSpool(workdir, chunk_lines)
        self.folder = self.spool.folder
        # Triple formats sort `statement SEP graph` (statement-major): a triple in two
        # graphs is then two adjacent lines, written once, and no second sort is needed.
        # Datasets sort graph-major. A new document's canonical-layer rows are taken
        # from its records as it comes (MentionSpool.result); a shard's are read from its
        # statements, as they pass for a triple format (that sort never gives a
        # document's statements together), in the sorted pass for a dataset.
        self.mentions = MentionSpool(self.folder, chunk_lines)
        self.rows_taken: set[str] = set()  # document graphs whose rows came from records
        self.actors: dict[str, Entity] = {}
        self.relations: set[str] = set()
        self.new_ids: dict[str, str] = {}  # document graph IRI → document id
        self.report = BuildReport()

    def __enter__(self) -> GraphBuilder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.spool.close()

    # ------------------------------------------------------------------ input
    def add(self, result: DocumentResult) -> None:
        """One document's graph into the sort; only its actors, the relations it uses,
        its id and counts are kept."""
        from kg.rdf.quads import document_graph

        graph = self.claim(result.doc.id)
        self._document(graph, document_graph(result)[1], rows_taken=True)
        self.mentions.result(result)  # the canonical layer's rows, from the records
        self.actors.update(result.actors)
        self.relations.update(r["relation"] for r in result.records)
        self.report.add(result)

    def claim(self, doc_id: str) -> str:
        """The graph IRI of a new document, refused if another id already mints it."""
        from kg.rdf.vocab import document_graph_iri

        iri = str(document_graph_iri(doc_id))
        other = self.new_ids.setdefault(iri, doc_id)
        if other != doc_id:  # 'a b' and 'a-b' would share one graph, the later winning
            raise KgError(f"document ids {other!r} and {doc_id!r} both become the IRI "
                          f"{iri}; give them ids that differ in letters or digits")
        return iri

    def add_statements(self, doc_id: str, statements: Iterable[str],
                       actors: Iterable[Entity], relations: Iterable[str],
                       types: Iterable[str], labels: Iterable[str]) -> None:
        """One document as a shard holds it (kg.scale.shards): the statements
        `<s> <p> o` of its graph, and what `add` would keep of its result. The lines
        that go into the sort are the ones `add` makes, so the file is the same."""
        self._document(self.claim(doc_id), statements)
        self.actors.update((a.key, a) for a in actors)
        self.relations.update(relations)
        self.report.count(types, labels)

    def _document(self, graph: str, statements: Iterable[str], rows_taken: bool = False
                  ) -> None:
        """A document graph's statements into the sort, one at a time: a document of a
        million statements is never a set of them. Unless its canonical-layer rows were
        taken from its records, they are read from the statements: as they pass for a
        triple format, in the sorted pass for a dataset."""
        add = self.spool.add
        if rows_taken:
            self.rows_taken.add(graph)
        if self.with_graphs:
            prefix = graph + SEP
            for st in statements:
                add(prefix + st)
            return
        suffix = SEP + graph
        if rows_taken:
            for st in statements:
                add(st + suffix)
            return

        def spooled() -> Iterator[str]:
            for st in statements:
                add(st + suffix)
                yield st

        self.mentions.document(spooled())

    def _line(self, graph: str, statement: str) -> str:
        """The sort's line: graph-major for datasets, statement-major for triple formats."""
        return graph + SEP + statement if self.with_graphs else statement + SEP + graph

    def _spool_quads(self, spool: SortedSpool, quads: Iterable[tuple]) -> None:
        """rdflib quads (the small graphs) into a sort, one line each."""
        for g, text in quad_texts(quads):
            key = graph_key(g)
            spool.add(self._line(key, text))
            if key == _ACTORS and not self.with_graphs:
                self.mentions.actor_statement(text)

    def merge_base(self, base: Path) -> None:
        """Stream an existing dataset in, without the graphs of the new documents, its
        ontology graph and its derived graphs (all made again); an old document whose
        id differs from the new one that mints the same graph IRI is refused, not
        replaced."""
        fmt = format_for(str(base), None)
        before: set[str] = set()
        try:
            for q in ox.parse(path=str(base), format=ox_format(fmt)):
                g = DEFAULT_GRAPH if isinstance(q.graph_name, ox.DefaultGraph) \
                    else q.graph_name.value
                is_document = g.startswith(DOCUMENT_GRAPH_PREFIX)
                if is_document:
                    before.add(g)
                    if g in self.new_ids:
                        self._check_same_id(base, g, q)
                        continue
                    if q.predicate.value == _RELATION:
                        self.relations.add(q.object.value)
                elif g in _DERIVED:
                    continue
                self.spool.add(g + SEP + str(q.triple))
        except SyntaxError as exc:
            raise KgError(f"{base}: cannot parse as {fmt} ({_first_line(exc)})") from None
        except OSError as exc:
            raise KgError(f"{base}: cannot read ({exc.strerror or exc})") from None
        new = set(self.new_ids)
        self.report.counts.update(added=len(new - before), replaced=len(new & before),
                                  kept=len(before - new))

    def _check_same_id(self, base: Path, graph: str, q: ox.Quad) -> None:
        if q.predicate.value == _IDENTIFIER and isinstance(q.object, ox.Literal) \
                and q.object.value != self.new_ids[graph]:
            raise KgError(f"{base} holds document {q.object.value!r}, and the new document "
                          f"{self.new_ids[graph]!r} becomes the same IRI <{graph}>; "
                          "rename one")

    def finish(self) -> None:
        """The actors graph and the ontology graph for the relations now in use."""
        from kg.rdf.quads import actor_quads, ontology_quads

        actors = sorted(self.actors.values(), key=lambda a: a.key)
        self._spool_quads(self.spool, actor_quads(actors, self.gazetteer))
        self._spool_quads(self.spool, ontology_quads(self.relations))
        self.report.counts.setdefault("added", len(self.new_ids))
        self.report.counts.setdefault("replaced", 0)
        self.report.counts.setdefault("kept", 0)

    # ------------------------------------------------------------------ derived graphs
    def _sorted_pass(self) -> tuple[Path, int, Path, int, MentionSpool]:
        """The sorted, unique lines to a file; the canonical layer's mention rows and the
        document graph names on the way. Graph by graph, each read once (a document
        graph is never a list of its statements here)."""
        lines_path = self.folder / "sorted.txt"
        names_path = self.folder / "documents.txt"
        mentions = self.mentions
        written = [0]
        documents = 0
        if not self.with_graphs:  # the rows were taken as the documents came
            with lines_path.open("w", encoding="utf-8", newline="\n") as out:
                for _line in _written(self.spool, out, written):
                    pass
            names_path.write_text("".join(g + "\n" for g in sorted(self.new_ids)),
                                  encoding="utf-8")
            return lines_path, written[0], names_path, len(self.new_ids), mentions
        with lines_path.open("w", encoding="utf-8", newline="\n") as out, \
                names_path.open("w", encoding="utf-8", newline="\n") as names:
            for g, group in groupby(_written(self.spool, out, written), key=_graph):
                statements = (line.split(SEP, 1)[1] for line in group)
                if g.startswith(DOCUMENT_GRAPH_PREFIX):
                    documents += 1
                    names.write(g + "\n")
                    if g not in self.rows_taken:  # a shard's or the --append base's
                        mentions.document(statements)
                elif g == _ACTORS:
                    for st in statements:
                        mentions.actor_statement(st)
                # the other graphs' lines pass through _written as groupby moves on
        return lines_path, written[0], names_path, documents, mentions

    def _derived(self, mentions: MentionSpool, names: Path, documents: int,
                 statements: int) -> tuple[Path, int, list[str]]:
        """The canonical events (sorted lines on disk) and the description (a few lines
        per document, sorted in memory)."""
        from kg.rdf.canonical import canonical_statements
        from kg.rdf.describe import described

        events_path = self.folder / "events.txt"
        canonical = n_events = 0
        graph = str(GRAPH_EVENTS)
        texts = TermTexts()  # shared, so each IRI is checked once in the whole layer
        with SortedSpool(self.folder, self.chunk_lines) as events:
            for c in mentions.clusters(self.window):
                canonical += 1
                for st in canonical_statements([c], texts):
                    events.add(self._line(graph, st))
            with events_path.open("w", encoding="utf-8", newline="\n") as out:
                for line in events:
                    out.write(line + "\n")
                    n_events += 1
        self.report.counts["canonical"] = canonical
        with names.open(encoding="utf-8") as fh:
            graph_names = (line[:-1] for line in fh)
            description = Dataset.from_quads(described(
                graph_names, documents, statements + n_events, self.window, canonical))
        lines = sorted(self._line(g, st) for g, sts in description.graphs.items() for st in sts)
        return events_path, n_events, lines

    # ------------------------------------------------------------------ output
    def write(self, out: BinaryIO) -> int:
        """The dataset in `fmt` into `out`; returns the number of statements written."""
        lines_path, n, names, documents, mentions = self._sorted_pass()
        events_path, n_events, description = self._derived(mentions, names, documents, n)
        total = n + n_events + len(description)
        with lines_path.open(encoding="utf-8", newline="\n") as a, \
                events_path.open(encoding="utf-8", newline="\n") as b:
            merged = heapq.merge(lines_of(a), lines_of(b), description)
            if self.fmt in PRETTY_FORMATS and total <= self.pretty_limit:
                ds = Dataset()
                for line in merged:
                    g, st = line.split(SEP, 1)
                    if not self.with_graphs:
                        g, st = st, g
                    ds.graphs.setdefault(g, set()).add(st)
                out.write(ds.serialize(self.fmt, self.pretty_limit))
                self.report.statements = ds.quad_count() if self.with_graphs \
                    else len(ds.triples())
                return self.report.statements
            if self.fmt in ("nt", "nquads"):  # the sorted statements are the file
                text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
                try:
                    written = self._write_text(merged, text)
                finally:
                    text.flush()
                    text.detach()  # `out` stays open: the caller owns it
            else:
                canonical = self.folder / "canonical.nq"
                with canonical.open("w", encoding="utf-8", newline="\n") as fh:
                    written = self._write_text(merged, fh)
        lines_path.unlink()
        events_path.unlink()
        self.report.statements = written
        if self.fmt not in ("nt", "nquads"):
            reserialize(self.fmt, out, path=str(canonical))
        return written

    def _write_text(self, lines: Iterable[str], fh: TextIO) -> int:
        """Canonical N-Quads, or N-Triples for a triple format."""
        return _write_nquads(lines, fh) if self.with_graphs else self._write_ntriples(lines, fh)

    @staticmethod
    def _write_ntriples(lines: Iterable[str], fh: TextIO) -> int:
        """Triple formats merge the graphs: a triple in two graphs (two adjacent
        statement-major lines) is written once."""
        n = 0
        last = None
        for line in lines:
            st = line[:line.index(SEP)]
            if st != last:
                fh.write(st + " .\n")
                n += 1
                last = st
        return n

def _graph(line: str) -> str:
    return line.split(SEP, 1)[0]


def _written(lines: Iterable[str], out: TextIO, count: list[int]) -> Iterator[str]:
    """The lines, each written to `out` (one line each) and counted as it passes."""
    for line in lines:
        out.write(line + "\n")
        count[0] += 1
        yield line


def _write_nquads(lines: Iterable[str], fh: TextIO) -> int:
    n = 0
    for line in lines:
        graph, statement = line.split(SEP, 1)
        fh.write(statement + (" .\n" if graph == DEFAULT_GRAPH else f" <{graph}> .\n"))
        n += 1
    return n

