"""`kg push`: send a dataset's graphs to a SPARQL server, never leaving one half-replaced.

Two standard write protocols, so one code path serves Oxigraph, Jena Fuseki, GraphDB and
Virtuoso (docs/sparql.md):

- the SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces a graph, POST adds to it), one
  request per graph or per chunk of a large graph;
- SPARQL 1.1 Update (DROP + INSERT DATA) for servers without it; small graphs share a
  request, which matters with thousands of one-article graphs.

Replacing a graph that needs several requests is made atomic on the server: the chunks go
into a temporary graph, and one SPARQL Update request `MOVE`s it onto the target (servers
run one update request as one transaction). A graph that fits one request is replaced by
that request. So when the server or the network dies mid-push, every target graph is
either complete or unchanged, and the error says which graphs were done, which one was
partly added (when adding), and whether a temporary graph was left behind.

Chunk sizes differ by protocol: a Graph Store request is parsed as a stream and takes
50,000 triples easily, while Virtuoso 7.2 compiles SPARQL Update into SQL and refuses
large ones (SP030/SP031 past ~5,000 triples in one INSERT DATA, SQ156/SQ200 past several
hundred operations in one request), so Update requests carry at most 500 triples and
200 operations.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.serve.http import HttpClient, HttpError
from kg.serve.urls import BASE, SHARED_GRAPHS, Endpoints, shown, store_url

if TYPE_CHECKING:
    from kg.rdf.dataset import Dataset

GSP_CHUNK = 50_000  # triples per Graph Store request
UPDATE_CHUNK = 500  # triples per SPARQL Update request (measured on Virtuoso 7.2)
UPDATE_OPS = 200  # operations per SPARQL Update request (ditto)
NOT_SUPPORTED = (404, 405, 415, 501)  # a URL without the protocol asked of it
TEMP_GRAPHS = BASE + "graph/push-temp/"


@dataclass
class PushReport:
    """What a push did; `found` is filled in by the verification afterwards."""

    protocol: str
    graphs: int
    sent: int
    requests: int
    seconds: float
    found: dict[str, int] | None = None
    expected: dict[str, int] = field(default_factory=dict)

    def short_graphs(self) -> list[str]:
        """Graphs holding fewer triples than were sent to them."""
        if self.found is None:
            return []
        return sorted(g for g, n in self.expected.items() if self.found.get(g, 0) < n)


def push_targets(ds: Dataset, graph: str | None, per_document: bool) -> dict[str, set[str]]:
    """Target graph → statements. --graph merges everything into one graph; otherwise each
    named graph keeps its name (one per document) and default-graph triples stay there."""
    if graph:
        return {graph: ds.triples()}
    if per_document and not any(g for g, st in ds.graphs.items() if g and st):
        raise KgError("--per-document needs a dataset with named graphs (TriG or N-Quads)")
    return {g: st for g, st in ds.graphs.items() if st}


def split(statements: set[str], size: int) -> list[list[str]]:
    """Sorted chunks of at most `size`; a graph with blank nodes stays whole, since a blank
    node label means one node only within one request."""
    from kg.rdf.dataset import chunks

    whole = any("_:" in st for st in statements)
    return list(chunks(statements, len(statements) if whole else max(size, 1)))


def ref(graph: str) -> str:
    """A graph in SPARQL Update syntax: <IRI>, or DEFAULT."""
    return f"<{graph}>" if graph else "DEFAULT"


def insert(graph: str, chunk: list[str]) -> str:
    triples = " .\n".join(chunk)
    return (f"INSERT DATA {{ GRAPH <{graph}> {{\n{triples} .\n}} }}" if graph
            else f"INSERT DATA {{\n{triples} .\n}}")


def drop(graph: str) -> str:
    return f"DROP SILENT GRAPH <{graph}>" if graph else "CLEAR SILENT DEFAULT"


@dataclass
class _Unit:
    """Operations that must travel in one Update request (DROP with its INSERT, the last
    INSERT into a temporary graph with its MOVE)."""

    graph: str
    ops: list[str]
    triples: int
    total: int
    last: bool
    temp: str | None = None


@dataclass
class _Progress:
    """What is on the server so far, for the message when a push fails."""

    total: int
    replace: bool
    done: int = 0
    partial: dict[str, tuple[int, int]] = field(default_factory=dict)  # graph → sent, total
    temps: dict[str, str] = field(default_factory=dict)  # temporary graph → target
    bar: Any = None  # a kg.scale.progress.Progress counting graphs done (on a terminal)

    def added(self, graph: str, triples: int, total: int, last: bool) -> None:
        if last:
            self.done += 1
            if self.bar is not None:
                self.bar.update(1)
            self.partial.pop(graph, None)
        elif not self.replace or graph in SHARED_GRAPHS:
            sent = self.partial.get(graph, (0, total))[0] + triples
            self.partial[graph] = (sent, total)


class Pusher:
    """Sends targets by Graph Store Protocol or SPARQL Update; 'auto' starts with the
    Graph Store Protocol and falls back to Update if the store URL does not speak it."""

    def __init__(self, client: HttpClient, urls: Endpoints, protocol: str = "auto",
                 chunk_size: int | None = None, quiet: bool = True) -> None:
        self.client, self.urls, self.protocol = client, urls, protocol
        self.quiet = quiet  # False: a progress bar of graphs pushed, on a terminal
        self.gsp_chunk = chunk_size or GSP_CHUNK
        self.update_chunk = chunk_size or UPDATE_CHUNK
        self.progress = _Progress(0, False)
        self._spoken = False  # a Graph Store request succeeded: no fallback any more

    def push(self, targets: dict[str, set[str]], replace: bool) -> PushReport:
        start = time.perf_counter()
        before = self.client.requests
        self.progress = _Progress(len(targets), replace, bar=self._bar(len(targets)))
        graphs = sorted(targets)
        try:
            if self.protocol != "update":
                graphs = self._gsp(targets, graphs, replace)
            if graphs:
                self.protocol = "update"
                self._update(targets, graphs, replace)
        except HttpError as exc:
            raise HttpError(f"{exc}; {self._aftermath()}", exc.status) from None
        finally:
            self.progress.bar.close()
        return PushReport(self.protocol, len(targets), sum(len(s) for s in targets.values()),
                          self.client.requests - before, time.perf_counter() - start,
                          expected={g: len(s) for g, s in targets.items()})

    def _bar(self, total: int):
        from kg.scale.progress import Progress, wants_bar

        return Progress("push", total, wants_bar(self.quiet), unit="graph")

    # ------------------------------------------------------------ Graph Store Protocol
    def _gsp(self, targets: dict[str, set[str]], graphs: list[str], replace: bool
             ) -> list[str]:
        """Graph Store requests; returns the graphs left for Update after a fallback."""
        for graph in graphs:
            chunks = split(targets[graph], self.gsp_chunk)
            replacing = replace and graph not in SHARED_GRAPHS
            total = len(targets[graph])
            try:
                if replacing and len(chunks) > 1:
                    self._gsp_replace(graph, chunks)
                    continue
                for n, chunk in enumerate(chunks):
                    self._gsp_send("PUT" if replacing and n == 0 else "POST", graph, chunk)
                    self.progress.added(graph, len(chunk), total, n == len(chunks) - 1)
            except HttpError as exc:
                if not self._spoken and self.protocol == "auto" \
                        and exc.status in NOT_SUPPORTED:
                    self.progress.temps.clear()  # the store URL created nothing
                    return graphs
                raise
        return []

    def _gsp_send(self, method: str, graph: str, chunk: list[str]) -> None:
        body = (" .\n".join(chunk) + " .\n").encode("utf-8")
        self.client.send(method, store_url(self.urls.store, graph), body,
                         "application/n-triples")
        self._spoken = True
        self.protocol = "gsp" if self.protocol == "auto" else self.protocol

    def _gsp_replace(self, graph: str, chunks: list[list[str]]) -> None:
        """Chunks into a temporary graph, then one MOVE onto the target."""
        temp = TEMP_GRAPHS + uuid.uuid4().hex
        self.progress.temps[temp] = graph
        for n, chunk in enumerate(chunks):
            self._gsp_send("PUT" if n == 0 else "POST", temp, chunk)
        try:
            self._send_update([f"MOVE SILENT {ref(temp)} TO {ref(graph)}"])
        except HttpError as exc:
            if exc.status not in NOT_SUPPORTED:
                raise
            largest = sum(len(c) for c in chunks)
            raise HttpError(f"{exc} (no SPARQL Update there to replace <{graph}> in one "
                            f"step; --chunk-size {largest} sends it in one PUT)",
                            exc.status) from None
        del self.progress.temps[temp]
        self.progress.added(graph, 0, 0, last=True)

    # ------------------------------------------------------------ SPARQL Update
    def _update(self, targets: dict[str, set[str]], graphs: list[str], replace: bool) -> None:
        """Requests of at most update_chunk triples and UPDATE_OPS operations."""
        batch: list[_Unit] = []
        for graph in graphs:
            for unit in self._units(graph, targets[graph], replace):
                if batch and (sum(u.triples for u in batch) + unit.triples > self.update_chunk
                              or sum(len(u.ops) for u in batch) + len(unit.ops) > UPDATE_OPS):
                    self._flush(batch)
                    batch = []
                batch.append(unit)
        if batch:
            self._flush(batch)

    def _units(self, graph: str, statements: set[str], replace: bool) -> list[_Unit]:
        chunks = split(statements, self.update_chunk)
        total = len(statements)
        if not (replace and graph not in SHARED_GRAPHS):
            return [_Unit(graph, [insert(graph, c)], len(c), total, n == len(chunks) - 1)
                    for n, c in enumerate(chunks)]
        if len(chunks) == 1:
            return [_Unit(graph, [drop(graph), insert(graph, chunks[0])], total, total, True)]
        temp = TEMP_GRAPHS + uuid.uuid4().hex
        units = [_Unit(graph, [insert(temp, c)], len(c), total, False, temp) for c in chunks]
        units[-1].ops.append(f"MOVE SILENT {ref(temp)} TO {ref(graph)}")
        units[-1].last = True
        return units

    def _flush(self, batch: list[_Unit]) -> None:
        for unit in batch:
            if unit.temp:
                self.progress.temps[unit.temp] = unit.graph
        self._send_update([op for unit in batch for op in unit.ops])
        for unit in batch:
            if unit.temp and unit.last:
                del self.progress.temps[unit.temp]
            self.progress.added(unit.graph, unit.triples, unit.total, unit.last)

    def _send_update(self, ops: list[str]) -> None:
        body = " ;\n".join(ops).encode("utf-8")
        self.client.send("POST", self.urls.update, body, "application/sparql-update")

    # ------------------------------------------------------------ after a failure
    def _aftermath(self) -> str:
        """Exactly what is partial on the server; temporary graphs removed if possible."""
        p = self.progress
        parts = [f"{p.done} of {p.total} graphs pushed before the failure"]
        for graph, (sent, total) in sorted(p.partial.items()):
            parts.append(f"{_name(graph)} has {sent} of its {total} triples (adding is "
                         "safe to repeat: push again to complete it)")
        for temp, graph in sorted(p.temps.items()):
            where = ("the temporary graph with part of its new triples was removed"
                     if self._remove(temp) else
                     f"part of its new triples may be left in the temporary graph <{temp}> "
                     "(DROP GRAPH removes it)")
            parts.append(f"{_name(graph)} is unchanged; {where}")
        if p.replace:
            parts.append("no graph was partly replaced")
        return "; ".join(parts)

    def _remove(self, temp: str) -> bool:
        try:
            if self.protocol == "update":
                self.client.send("POST", self.urls.update, drop(temp).encode("utf-8"),
                                 "application/sparql-update", retries=0)
            else:
                self.client.send("DELETE", store_url(self.urls.store, temp), retries=0)
        except HttpError as exc:
            return exc.status == 404  # nothing there to remove
        return True


def _name(graph: str) -> str:
    return f"<{graph}>" if graph else "the default graph"


def describe(report: PushReport, endpoint: str) -> str:
    """The one-line summary `kg push` prints."""
    rate = report.sent / report.seconds if report.seconds else 0.0
    graphs = f"{report.graphs} graph" + ("s" if report.graphs != 1 else "")
    return (f"pushed {report.sent} triples in {graphs} to {shown(endpoint)} "
            f"({report.protocol}, {report.requests} requests, {report.seconds:.1f} s, "
            f"{rate:,.0f} triples/s)")
