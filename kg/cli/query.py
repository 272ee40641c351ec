"""`kg query`: questions to a built graph (or to input texts) from the command line.

Every command reads `--graph FILE` (default graph.ttl, what `kg build` writes), prints a
table, or JSON/CSV/TSV with a fixed column order for scripts, and exits 0 with results,
1 when nothing is found (or the actor is unknown: then with "did you mean"), 2 for usage
errors and bad input. The work is done by kg.query, which notebooks can call directly.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import click

FORMATS = ("table", "json", "csv", "tsv")
CELL_WIDTH = 48  # table cells are cut here; json/csv/tsv are never cut


# ---------------------------------------------------------------- output


def _cell(value: object, fmt: str) -> object:
    if isinstance(value, float):
        value = round(value, 6)
        if fmt == "json":
            return value
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    if isinstance(value, (list, tuple)):
        return list(value) if fmt == "json" else "; ".join(map(str, value))
    if value is None:
        return None if fmt == "json" else ""
    return value if fmt == "json" else str(value)


def _width(text: str) -> int:
    """Terminal columns of a string: combining marks take none, wide characters two."""
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _cut(text: str, limit: int = CELL_WIDTH) -> str:
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def _table(columns: list[str], rows: list[dict]) -> str:
    cells = [[_cut(str(_cell(r.get(c), "table"))) for c in columns] for r in rows]
    numeric = [all(_is_number(r.get(c)) for r in rows) for c in columns]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        parts = []
        for v, w, num in zip(values, widths, numeric, strict=True):
            pad = " " * (w - _width(v))
            parts.append(pad + v if num else v + pad)
        return "  ".join(parts).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out)


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def render(columns: list[str], rows: list[dict], fmt: str) -> str:
    """Rows as a table, JSON (a list of objects), CSV or TSV; keys in `columns` order."""
    if fmt == "json":
        data = [{c: _cell(r.get(c), "json") for c in columns} for r in rows]
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c), fmt) for c in columns])
        return buf.getvalue().rstrip("\n")
    return _table(columns, rows)


def emit(columns: list[str], rows: list[dict], fmt: str, empty: str = "nothing found",
         title: str | None = None, table_columns: list[str] | None = None) -> None:
    """Print the rows; with none, say so on stderr and exit 1 (scripts still get a valid
    empty document on stdout)."""
    if not rows:
        if fmt != "table":
            click.echo(render(columns, [], fmt))
        click.echo(f"kg: {empty}", err=True)
        sys.exit(1)
    if fmt == "table":
        if title:
            click.echo(title)
        click.echo(render(table_columns or columns, rows, fmt))
    else:
        click.echo(render(columns, rows, fmt))


# ---------------------------------------------------------------- session


class Session:
    """One command's view of the graph: events loaded once, networkx views on demand."""

    def __init__(self, graph: str, level: str = "actor", no_cache: bool = False) -> None:
        self.path = graph
        self.level = level
        self.no_cache = no_cache

    @cached_property
    def events(self):
        from kg.query import load_events

        return load_events(self.path, use_cache=not self.no_cache)

    @cached_property
    def mg(self):
        from kg.query import actor_graph

        return actor_graph(self.events, self.level)

    @cached_property
    def ag(self):
        from kg.query import alignment_graph

        return alignment_graph(self.mg)

    def label(self, node: str) -> str:
        from kg.query import label_of

        return label_of(self.mg, node) if node in self.mg else node

    def node(self, node: str) -> dict:
        return {"actor": node, "label": self.label(node),
                "type": self.mg.nodes[node].get("type") if node in self.mg else None}

    def resolve(self, name: str) -> str:
        """A node id of the graph at this level; exit 1 with suggestions when unknown."""
        from kg.query import UnknownActor, resolve_actor

        try:
            node = resolve_actor(name, self.events, self.level)
        except UnknownActor as exc:
            click.echo(f"kg: {exc}", err=True)
            sys.exit(1)
        if node not in self.mg:
            click.echo(f"kg: {name!r} ({node}) takes part in no event", err=True)
            sys.exit(1)
        return node


def _graph_options(level: bool = True) -> Callable:
    """--graph, --format, --no-cache (and --level) on every command, so that options can
    come after the command name like everywhere else in kg."""

    def deco(f: Callable) -> Callable:
        f = click.option("--no-cache", is_flag=True,
                         help="Re-parse the graph; neither read nor write FILE.kgcache.")(f)
        f = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                         show_default=True, help="Output format.")(f)
        if level:
            f = click.option("--level", type=click.Choice(["actor", "country"]),
                             default="actor", show_default=True,
                             help="country: people and units count for their affiliation.")(f)
        return click.option("--graph", "graph", default="graph.ttl", show_default=True,
                            envvar="KG_GRAPH", metavar="FILE",
                            help="Graph file (.ttl .nt .nq .trig .jsonld) or input texts "
                                 "(.txt .jsonl or a directory) [env KG_GRAPH].")(f)

    return deco


def _event_row(row, extra: dict | None = None) -> dict:
    out = dict(extra or {})
    out.update({
        "event": row.event, "date": row.when, "type": row.type, "quad": row.quad,
        "mode": row.mode, "relation": row.relation,
        "source": [a.display for a in row.sources], "target": [a.display for a in row.targets],
        "context": list(row.context), "document": row.document, "evidence": row.evidence,
        "source_ids": [a.id for a in row.sources], "target_ids": [a.id for a in row.targets],
    })
    return out


EVENT_COLUMNS = ["event", "date", "type", "quad", "mode", "relation", "source", "target",
                 "context", "document", "evidence", "source_ids", "target_ids"]
EVENT_TABLE = ["date", "type", "source", "relation", "target", "context", "evidence"]


# ---------------------------------------------------------------- commands


@click.group("query")
def query() -> None:
    """Ask the knowledge graph: actors, neighbours, paths, allies, blocs, SPARQL.

    ACTOR is an English label (Russia), a Bengali label in any inflected form (রাশিয়ার,
    পুতিনকে) or a Wikidata QID (Q159)."""


@query.command()
@_graph_options()
@click.option("--limit", type=click.IntRange(min=0), default=0, help="At most N rows (0: all).")
def actors(graph: str, fmt: str, level: str, no_cache: bool, limit: int) -> None:
    """Actors that take part in events, with their event counts (most active first)."""
    from kg.query import actor_counts

    s = Session(graph, level, no_cache)
    counts = actor_counts(s.events, level)
    nodes = sorted(counts, key=lambda n: (-counts[n][0], s.label(n).casefold(), n))
    rows = []
    for n in nodes[:limit or None]:
        d = s.mg.nodes[n]
        total, src, tgt = counts[n]
        rows.append({"actor": n, "label": s.label(n), "label_bn": d.get("label_bn"),
                     "type": d.get("type"), "wikidata": d.get("wikidata"), "events": total,
                     "as_source": src, "as_target": tgt})
    emit(["actor", "label", "label_bn", "type", "wikidata", "events", "as_source",
          "as_target"], rows, fmt, "no actors in the graph",
         table_columns=["label", "label_bn", "type", "wikidata", "events", "as_source",
                        "as_target"])


@query.command()
@click.argument("actor")
@_graph_options()
def neighbors(actor: str, graph: str, fmt: str, level: str, no_cache: bool) -> None:
    """Who ACTOR acts on (out) and who acts on ACTOR (in), by event type."""
    from kg.query import neighbors as find

    s = Session(graph, level, no_cache)
    node = s.resolve(actor)
    rows = [{"direction": d, "actor": n, "label": s.label(n), "event_type": t, "events": c}
            for d, n, t, c in find(s.mg, node)]
    emit(["direction", "actor", "label", "event_type", "events"], rows, fmt,
         f"{s.label(node)} has no neighbours",
         table_columns=["direction", "label", "event_type", "events"])


def _types(values: tuple[str, ...]) -> set[str]:
    from kg.schema import EVENT_TYPES

    out = {v.upper() for v in values}
    bad = sorted(out - set(EVENT_TYPES))
    if bad:
        raise click.BadParameter(f"unknown type {', '.join(bad)}; choose from "
                                 f"{', '.join(EVENT_TYPES)}", param_hint="--type")
    return out


def _quads(values: tuple[str, ...]) -> set[str]:
    from kg.schema import QUAD_CLASSES

    out = {" ".join(v.lower().replace("-", " ").replace("_", " ").split()) for v in values}
    bad = sorted(out - set(QUAD_CLASSES))
    if bad:
        raise click.BadParameter(f"unknown quad class {', '.join(bad)}; choose from "
                                 f"{', '.join(QUAD_CLASSES)}", param_hint="--quad")
    return out


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from kg.query import parse_period

    if value is None:
        return None
    try:
        parse_period(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


@query.command()
@_graph_options()
@click.option("--type", "types", multiple=True, help="PLOVER type (repeatable): CONSULT, AID …")
@click.option("--quad", "quads", multiple=True,
              help="Quad class (repeatable): 'verbal cooperation', material-conflict …")
@click.option("--actor", help="Only events ACTOR takes part in (as source or target).")
@click.option("--since", callback=_date, help="From this date on (2024, 2024-06, 2024-06-18).")
@click.option("--until", callback=_date, help="Up to this date (inclusive).")
@click.option("--context", "contexts", multiple=True,
              type=click.Choice(["future", "hypothetical", "negated", "historical", "reported",
                                 "none"], case_sensitive=False),
              help="Context (repeatable); none: plain events without context.")
@click.option("--limit", type=click.IntRange(min=0), default=0, help="At most N rows (0: all).")
def events(graph: str, fmt: str, level: str, no_cache: bool, types: tuple[str, ...],
           quads: tuple[str, ...], actor: str | None, since: str | None, until: str | None,
           contexts: tuple[str, ...], limit: int) -> None:
    """Events matching the filters, oldest first."""
    from kg.query import filter_events

    type_set, quad_set = _types(types), _quads(quads)
    s = Session(graph, level, no_cache)
    node = s.resolve(actor) if actor else None
    kept = filter_events(s.events, type_set, quad_set, node, since, until, contexts, level)
    rows = [_event_row(r) for r in kept[:limit or None]]
    emit(EVENT_COLUMNS, rows, fmt, "no events match", table_columns=EVENT_TABLE)


@query.command()
@click.argument("a")
@click.argument("b")
@_graph_options()
@click.option("--directed", is_flag=True, help="Follow events from source to target only.")
def path(a: str, b: str, graph: str, fmt: str, level: str, no_cache: bool,
         directed: bool) -> None:
    """A shortest path from A to B and the events along each hop."""
    import networkx as nx

    from kg.query import shortest_path_events

    s = Session(graph, level, no_cache)
    na, nb = s.resolve(a), s.resolve(b)
    if na == nb:
        click.echo(f"kg: {a!r} and {b!r} are the same actor", err=True)
        sys.exit(1)
    try:
        nodes, hops = shortest_path_events(s.mg, na, nb, directed)
    except nx.NetworkXNoPath:
        nodes, hops = [], []
    rows = []
    for i, (u, v, evs) in enumerate(hops, 1):
        for d in evs:
            rows.append({"hop": i, "from": s.label(u), "to": s.label(v), "event": d["event"],
                         "date": d["date"], "type": d["type"], "quad": d["quad"],
                         "relation": d["relation"], "source": s.label(d["source"]),
                         "target": s.label(d["target"]), "context": list(d["context"]),
                         "document": d["document"], "evidence": d["evidence"]})
    title = " → ".join(s.label(n) for n in nodes) + f"  ({len(hops)} hops)" if nodes else None
    emit(["hop", "from", "to", "event", "date", "type", "quad", "relation", "source", "target",
          "context", "document", "evidence"], rows, fmt,
         f"no path between {s.label(na)} and {s.label(nb)}", title,
         ["hop", "source", "relation", "target", "type", "date", "context", "evidence"])


def _ranking(kind: str) -> Callable:
    @click.argument("actor")
    @_graph_options()
    @click.option("-k", "--top", type=click.IntRange(min=0), default=10, show_default=True,
                  help="How many (0: all).")
    def command(actor: str, graph: str, fmt: str, level: str, no_cache: bool, top: int) -> None:
        import kg.query as kgg

        s = Session(graph, level, no_cache)
        node = s.resolve(actor)
        ranked = getattr(kgg, kind)(s.ag, node, top or None)
        rows = [{"rank": i, **s.node(n), "weight": d["weight"], "coop": d["coop"],
                 "conflict": d["conflict"], "events": d["n_events"]}
                for i, (n, d) in enumerate(ranked, 1)]
        emit(["rank", "actor", "label", "type", "weight", "coop", "conflict", "events"], rows,
             fmt, f"{s.label(node)} has no {kind}",
             table_columns=["rank", "label", "type", "weight", "coop", "conflict", "events"])

    command.__doc__ = {
        "allies": "Partners of ACTOR with positive net alignment, strongest first.",
        "rivals": "Partners of ACTOR with negative net alignment, most hostile first.",
    }[kind] + "\n\nNet alignment = cooperation - conflict (docs/query.md has the weights)."
    return command


query.command("allies")(_ranking("allies"))
query.command("rivals")(_ranking("rivals"))


@query.command()
@_graph_options()
@click.option("-k", "--top", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many (0: all).")
@click.option("--by", type=click.Choice(["pagerank", "degree", "betweenness"]),
              default="pagerank", show_default=True, help="Rank by this measure.")
@click.option("--samples", type=click.IntRange(min=0),
              help="Betweenness from N sampled sources (0: exact; default: exact on small "
                   "graphs, sampled to stay near a second on big ones).")
def central(graph: str, fmt: str, level: str, no_cache: bool, top: int, by: str,
            samples: int | None) -> None:
    """The most central actors: degree (events), PageRank and betweenness."""
    from kg.query import centrality

    s = Session(graph, level, no_cache)
    ranked = centrality(s.mg, top or None, by, samples, ("pagerank", "betweenness"))
    rows = [{"rank": i, **s.node(n), **d} for i, (n, d) in enumerate(ranked, 1)]
    emit(["rank", "actor", "label", "type", "degree", "in", "out", "pagerank", "betweenness"],
         rows, fmt, "no actors in the graph",
         table_columns=["rank", "label", "type", "degree", "in", "out", "pagerank",
                        "betweenness"])


@query.command()
@_graph_options()
@click.option("--seed", type=int, default=42, show_default=True, help="Louvain's random seed.")
@click.option("--resolution", type=click.FloatRange(min=0, min_open=True), default=1.0,
              show_default=True, help="Louvain resolution: higher gives smaller blocs.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Leave out blocs smaller than this.")
def blocs(graph: str, fmt: str, level: str, no_cache: bool, seed: int, resolution: float,
          min_size: int) -> None:
    """Blocs: Louvain communities of the cooperative pairs of the alignment graph."""
    from kg.query import blocs as find

    s = Session(graph, level, no_cache)
    found = [b for b in find(s.ag, seed, resolution) if len(b) >= min_size]
    rows = [{"bloc": i, "size": len(members), **s.node(n)}
            for i, members in enumerate(found, 1) for n in members]
    emit(["bloc", "size", "actor", "label", "type"], rows, fmt, "no blocs",
         table_columns=["bloc", "size", "label", "type"])


@query.command()
@click.argument("actor")
@_graph_options()
def timeline(actor: str, graph: str, fmt: str, level: str, no_cache: bool) -> None:
    """ACTOR's events in date order (undated ones last)."""
    from kg.query import Rollup
    from kg.query import timeline as find

    s = Session(graph, level, no_cache)
    node = s.resolve(actor)
    up = Rollup(level)
    rows = []
    for r in find(s.events, node, level):
        role = "source" if any(up(a, r.year).id == node for a in r.sources) else "target"
        rows.append(_event_row(r, {"role": role}))
    emit(["role", *EVENT_COLUMNS], rows, fmt, f"{s.label(node)} has no events",
         table_columns=["date", "role", "type", "source", "relation", "target", "context",
                        "evidence"])


@query.command()
@_graph_options()
def stats(graph: str, fmt: str, level: str, no_cache: bool) -> None:
    """Sizes of the graph and its distributions (types, quad classes, contexts)."""
    from kg.query import stats as compute

    s = Session(graph, level, no_cache)
    rows = [{"metric": k, "value": v} for k, v in compute(s.events, s.mg, s.ag).items()]
    emit(["metric", "value"], rows, fmt, "empty graph")


@query.command()
@click.argument("text", metavar="QUERY|@FILE")
@_graph_options(level=False)
@click.option("--store", type=click.Choice(["memory", "oxigraph"]), default="memory",
              show_default=True,
              help="rdflib store: its own (memory), or Oxigraph under rdflib (big graphs).")
def sparql(text: str, graph: str, fmt: str, no_cache: bool, store: str) -> None:
    """Run a SPARQL query (or the one in @FILE) through rdflib on the graph.

    Named graphs are merged into the default graph. SELECT prints rows; ASK prints
    true/false (exit 1 for false); CONSTRUCT/DESCRIBE print Turtle."""
    from kg.query import rdf_graph
    from kg.query import sparql as run

    del no_cache  # SPARQL reads the file itself; the projection cache does not apply
    query_text = _query_text(text)
    g = rdf_graph(graph, store)
    result = run(g, query_text)
    if result.type == "ASK":
        click.echo("true" if result.askAnswer else "false")
        sys.exit(0 if result.askAnswer else 1)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if not len(result.graph):
            click.echo("kg: no triples", err=True)
            sys.exit(1)
        click.echo(result.graph.serialize(format="turtle"))
        return
    columns = [str(v) for v in result.vars]
    nsm = g.namespace_manager
    rows = [{c: _term(b.get(v), fmt, nsm) for c, v in zip(columns, result.vars, strict=True)}
            for b in result.bindings]
    emit(columns, rows, fmt, "no results")


def _query_text(text: str) -> str:
    if not text.startswith("@"):
        return text
    from kg.text.documents import read_text

    return read_text(Path(text[1:]))


def _term(term, fmt: str, nsm) -> object:
    """IRIs in full for scripts, prefixed in tables; literals as their Python value's
    text (numbers stay numbers in JSON)."""
    from rdflib import Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        if fmt == "table" and nsm is not None:
            try:
                return nsm.normalizeUri(term)
            except Exception:  # noqa: BLE001 - an IRI no prefix covers stays whole
                return str(term)
        return str(term)
    if isinstance(term, Literal):
        value = term.toPython()
        if fmt == "json" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        return str(term)
    return str(term)
