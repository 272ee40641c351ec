"""Cross-document events: the reports of one event become one canonical event.

Ten outlets reporting one meeting are ten kgo:Event nodes, one per sentence; counted as
they are, the meeting would weigh ten times in allies, rivals and blocs. Event datasets
keep one event per source-target-type-day (ICEWS, Phoenix) and count its reports (GDELT's
NumMentions, NumSources); this module does the same for kg's graphs.

Two mentions report the same event when they have
- the same PLOVER category,
- the same actors: sources and targets, or, for symmetric acts (a meeting, a joint
  signing), the same set of parties either way round (places excluded: they are where
  the event happened, kg.query.project),
- the same polarity (a denied or conditional act is not the act), and
- dates at most `window` days after the first report's date (a chain of reports starts a
  new event once it passes the window). Mentions without a full date (YYYY-MM-DD, the
  event's or else its document's) cannot be placed in time and stay events of their own.

The canonical layer is the named graph kg:graph/events, recomputed from every document
graph in the dataset after each build or `--append`, so it never depends on the order
documents were added: same documents → same canonical events, byte for byte. A canonical
event is named by its category, parties and first date (kg.rdf.vocab.canonical_iri), so
adding a later report keeps its name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from kg.codes import goldstein
from kg.query.model import ACTOR_CLASSES, Actor, EventRow, actor_key, natural_key
from kg.rdf.codes import decimal_literal, decimal_text
from kg.rdf.text import TermTexts, integer, quoted, term_text
from kg.rdf.vocab import (
    GRAPH_EVENTS,
    KGO,
    PLOVER,
    RDF,
    XSD,
    canonical_iri,
    context_iri,
)

if TYPE_CHECKING:
    from kg.pipeline import DocumentResult
    from kg.rdf.dataset import Dataset

DEFAULT_WINDOW = 1  # days: a report dated the day after the event is the same event
POLARITY = ("negated", "hypothetical")  # contexts that change whether the act happened


@dataclass(frozen=True, slots=True)
class Cluster:
    """The mentions of one canonical event, first report first."""

    key: str
    mentions: tuple[EventRow, ...]

    @property
    def iri(self) -> URIRef:
        return canonical_iri(self.key)


def mention_key(row: EventRow) -> str:
    """What two reports of one event share (module docstring), as a string."""
    sources = sorted(a.id for a in row.sources)
    targets = sorted(a.id for a in row.targets)
    if row.symmetric:
        parties = "=".join(sorted(set(sources) | set(targets)))
    else:
        parties = " ".join(sources) + ">" + " ".join(targets)
    polarity = ",".join(c for c in POLARITY if c in row.context)
    return f"{row.type}|{parties}|{polarity}"


def full_date(row: EventRow) -> dt.date | None:
    """The day of the event (else of its document), or None when only a year or month is
    known: such a report cannot be matched to a day."""
    when = row.when
    if not when or len(when) < 10:
        return None
    try:
        return dt.date.fromisoformat(when[:10])
    except ValueError:
        return None


def source_of(row: EventRow) -> str:
    """Who published a report: the outlet, else the URL, else the document."""
    return row.outlet or row.url or f"document:{row.document}"


def cluster(rows: list[EventRow], window: int = DEFAULT_WINDOW) -> list[Cluster]:
    """Canonical events of the mention rows, in a stable order (by first report)."""
    if window < 0:
        raise ValueError("the same-event window cannot be negative")
    groups: dict[str, list[tuple[dt.date, EventRow]]] = defaultdict(list)
    out: list[Cluster] = []
    for row in rows:
        day = full_date(row)
        if day is None:
            out.append(Cluster(f"{mention_key(row)}|{row.event}", (row,)))
        else:
            groups[mention_key(row)].append((day, row))
    for key, dated in groups.items():
        dated.sort(key=lambda x: (x[0], _order(x[1])))
        start, members = dated[0][0], [dated[0][1]]
        for day, row in dated[1:]:
            if (day - start).days > window:
                out.append(Cluster(f"{key}|{start.isoformat()}", tuple(members)))
                start, members = day, []
            members.append(row)
        out.append(Cluster(f"{key}|{start.isoformat()}", tuple(members)))
    out.sort(key=lambda c: _order(c.mentions[0]))
    return out


def _order(row: EventRow) -> tuple:
    return (row.document or "", natural_key(row.event))


_T = {name: term_text(KGO[name]) for name in (
    "CanonicalEvent", "eventType", "quadClass", "cameoCode", "goldsteinScale", "date",
    "source", "target", "location", "context", "confidence", "mention", "numMentions",
    "numSources")}
_T_TYPE = term_text(RDF.type)


def canonical_statements(clusters: Iterable[Cluster], texts: TermTexts | None = None
                         ) -> Iterator[str]:
    """The canonical events' statements (N-Triples text, kg.rdf.text) in kg:graph/events.
    The actor and mention IRIs come from graphs already read, so they are valid."""
    iri = (texts or TermTexts()).checked
    for c in clusters:
        e, first = iri(str(c.iri)), c.mentions[0]
        yield f"{e} {_T_TYPE} {_T['CanonicalEvent']}"
        yield f"{e} {_T['eventType']} {iri(str(PLOVER[first.type]))}"
        if first.quad:
            quad = PLOVER["".join(w.capitalize() for w in first.quad.split())]
            yield f"{e} {_T['quadClass']} {iri(str(quad))}"
        if first.cameo:
            yield f"{e} {_T['cameoCode']} {quoted(first.cameo)}"
        if first.goldstein is not None:
            yield f"{e} {_T['goldsteinScale']} {decimal_text(first.goldstein)}"
        dates = sorted(d for d in (full_date(m) for m in c.mentions) if d)
        if dates:
            yield f"{e} {_T['date']} {term_text(Literal(dates[0], datatype=XSD.date))}"
        # the first report's sides: the others name the same ones, or for a symmetric act
        # the same parties the other way round (a union would make A meet A)
        for a in first.sources:
            yield f"{e} {_T['source']} <{a.id}>"
        for a in first.targets:
            yield f"{e} {_T['target']} <{a.id}>"
        for a in sorted({a.id for m in c.mentions for a in m.places}):
            yield f"{e} {_T['location']} <{a}>"
        shared = set.intersection(*(set(m.context) for m in c.mentions))
        for ctx in sorted(shared):
            yield f"{e} {_T['context']} {iri(str(context_iri(ctx)))}"
        confidences = [m.confidence for m in c.mentions if m.confidence is not None]
        if confidences:
            yield f"{e} {_T['confidence']} {decimal_text(max(confidences))}"
        for m in c.mentions:
            yield f"{e} {_T['mention']} <{m.event}>"
        yield f"{e} {_T['numMentions']} {integer(len(c.mentions))}"
        yield f"{e} {_T['numSources']} {integer(len({source_of(m) for m in c.mentions}))}"


def refresh(ds: Dataset, window: int = DEFAULT_WINDOW) -> list[Cluster]:
    """Recompute kg:graph/events from every document graph of `ds` (module docstring)."""
    ds.graphs.pop(str(GRAPH_EVENTS), None)
    rows = mention_rows(ds)
    clusters = cluster(rows, window)
    statements = set(canonical_statements(clusters))
    if statements:
        ds.graphs[str(GRAPH_EVENTS)] = statements
    return clusters


_NEEDED = frozenset(f"<{p}>" for p in (
    RDF.type, KGO.eventType, KGO.quadClass, KGO.cameoCode, KGO.date, KGO.context, KGO.source,
    KGO.target, KGO.confidence, KGO.goldsteinScale, KGO.symmetric,
    "http://www.w3.org/ns/prov#wasDerivedFrom", "http://purl.org/dc/terms/isPartOf",
    "http://purl.org/dc/terms/identifier", "http://purl.org/dc/terms/date",
    "http://purl.org/dc/terms/publisher", "https://schema.org/url"))


def mention_rows(ds: Dataset) -> list[EventRow]:
    """The mention events of the dataset's documents, projected as kg.query sees them
    (places split off, dates, outlets), so clustering and queries agree. Only the
    statements clustering reads are parsed (not sentence texts or labels): this runs on
    every build, over every document."""
    import pyoxigraph as ox

    from kg.query.project import project_triples
    from kg.rdf.vocab import GRAPH_ACTORS

    names = [*ds.document_graphs(), str(GRAPH_ACTORS)]
    kept = [st for g in names for st in ds.graphs.get(g, ())
            if st.split(" ", 2)[1] in _NEEDED]
    text = " .\n".join(kept) + " .\n" if kept else ""
    triples = ((q.subject.value, q.predicate.value, q.object)
               for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    return list(project_triples(triples))


# ---------------------------------------------------------------------- streaming
# kg build (kg.rdf.stream) never holds the dataset: it hands MentionSpool each document
# graph as the sorted statements pass, and the spool keeps one line per mention on disk.
# Whether an actor is a place depends on every graph's rdf:type statements (an actor
# typed in a later document counts for an earlier one), so the rows are written with
# their raw sources and targets, and sides and places are settled at the end, from the
# classes of every actor seen (one small set per actor). The rows are then sorted by
# mention_key, and `cluster` runs one group at a time: the clusters, and so the
# statements, are those `refresh` makes from the whole dataset.
SEP = "\x00"
_RDF_TYPE = f"<{RDF.type}>"
_PLACE_CLASSES = ("Country", "Person", "Organization", "Location")  # what decides a place
_TYPED = {f"<{KGO[c]}>": c for c in _PLACE_CLASSES}
_ACTOR_CLASS_TEXTS = frozenset(f"<{KGO[c]}>" for c in ACTOR_CLASSES)


class MentionSpool:
    """Mention rows of document graphs, one document at a time, into a file in `folder`;
    `clusters` gives the canonical events of all of them."""

    def __init__(self, folder: Path, chunk_lines: int | None = None) -> None:
        self.folder = folder
        self.chunk_lines = chunk_lines
        self.classes: dict[str, set[str]] = {}  # actor IRI → its classes among _TYPED
        self.path = folder / "mentions.jsonl"
        self.rows = self.path.open("w", encoding="utf-8", newline="\n")
        self.count = 0

    def actor_statement(self, statement: str) -> None:
        """A statement of the actors graph: its rdf:type statements type actors."""
        s, p, o = statement.split(" ", 2)
        if p == _RDF_TYPE and o in _TYPED and s.startswith("<"):
            self.classes.setdefault(s[1:-1], set()).add(_TYPED[o])

    def document(self, statements: Iterable[str]) -> None:
        """All statements of one document graph (only those clustering reads are kept)."""
        kept = []
        for st in statements:
            s, p, o = st.split(" ", 2)
            if p not in _NEEDED:
                continue
            if p == _RDF_TYPE and o in _ACTOR_CLASS_TEXTS:
                if o in _TYPED and s.startswith("<"):
                    self.classes.setdefault(s[1:-1], set()).add(_TYPED[o])
                continue  # classes are settled at the end, from every graph
            kept.append(st)
        if not kept:
            return
        import pyoxigraph as ox

        from kg.query.project import project_triples

        text = " .\n".join(kept) + " .\n"
        triples = ((q.subject.value, q.predicate.value, q.object)
                   for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
        for r in project_triples(triples):
            self._write_row(
                [r.event, r.type, r.quad, r.cameo, r.date, r.doc_date, list(r.context),
                 sorted({a.id for a in r.sources}), sorted({a.id for a in r.targets}),
                 r.document, r.confidence, r.url, r.outlet, r.symmetric, r.goldstein])

    def result(self, result: DocumentResult) -> None:
        """One document's rows from its event records, as `document` would read them back
        from the graph kg.rdf.quads makes of them (tests/rdf check that both give the same
        rows), without printing, parsing and projecting a million statements again."""
        from kg.rdf.quads import actor_node, event_iris
        from kg.schema import QUAD_CLASSES

        doc = result.doc
        doc_date = doc.date.isoformat() if doc.date else None
        for rec, iri in event_iris(result):
            for obj, key in zip(rec.get("object", []), rec.get("_object_keys", []),
                                strict=False):
                if not key and obj.get("type") in _PLACE_CLASSES:  # typed in the graph too
                    self.classes.setdefault(str(actor_node(obj)), set()).add(obj["type"])
            quad = rec.get("quad")
            score = goldstein(rec.get("cameo"))
            self._write_row([
                iri, rec["type"],
                quad if quad in QUAD_CLASSES else None,  # as its PLOVER concept reads back
                rec.get("cameo") or None, rec.get("date") or None, doc_date,
                sorted({c.lower() for c in rec.get("context", [])}),
                sorted({str(actor_node(a)) for a in rec["source"]}),
                sorted({str(actor_node(a)) for a in rec["target"]}),
                doc.id, float(rec["confidence"]), doc.url or None, doc.outlet or None,
                bool(rec.get("symmetric")),
                float(str(decimal_literal(score))) if score is not None else None])

    def _write_row(self, fields: list) -> None:
        self.rows.write(json.dumps(fields, ensure_ascii=False) + "\n")
        self.count += 1

    def _row(self, fields: list) -> EventRow:
        (event, etype, quad, cameo, date, doc_date, context, sources, targets, document,
         confidence, url, outlet, symmetric, goldstein) = fields
        src = {self._actor(i) for i in sources}
        tgt = {self._actor(i) for i in targets}
        places = {a for a in src | tgt if a.type == "Location"}
        return EventRow(
            event=event, type=etype, quad=quad, cameo=cameo, date=date, doc_date=doc_date,
            context=tuple(context), sources=tuple(sorted(src - places, key=actor_key)),
            targets=tuple(sorted(tgt - places, key=actor_key)), document=document,
            confidence=confidence, url=url, outlet=outlet, symmetric=symmetric,
            goldstein=goldstein, places=tuple(sorted(places, key=actor_key)))

    def _actor(self, iri: str) -> Actor:
        classes = self.classes.get(iri, ())
        return Actor(id=iri, type=next((c for c in _PLACE_CLASSES if c in classes), "Other"))

    def clusters(self, window: int = DEFAULT_WINDOW) -> Iterator[Cluster]:
        """The canonical events of every row written, one mention_key group at a time
        (memory: the largest group)."""
        from kg.rdf.spool import SortedSpool

        self.rows.close()
        with SortedSpool(self.folder, **({"chunk_lines": self.chunk_lines}
                                         if self.chunk_lines else {})) as spool:
            with self.path.open(encoding="utf-8", newline="\n") as fh:
                for line in fh:
                    spool.add(mention_key(self._row(json.loads(line))) + SEP + line[:-1])
            self.path.unlink()
            for _key, group in groupby(spool, key=lambda line: line.split(SEP, 1)[0]):
                rows = [self._row(json.loads(line.split(SEP, 1)[1])) for line in group]
                yield from cluster(rows, window)
