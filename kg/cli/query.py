"""`kg query`: questions to a built graph (or to input texts) from the command line.

Every command has one shape (kg.cli.session): it reads `--graph FILE` (default
graph.ttl, what `kg build` writes), asks kg.query, and prints its rows through
kg.cli.render: a table, or JSON/CSV/TSV with a fixed column order for scripts; exit 0 with
results, 1 when nothing is found (or the actor is unknown: then with "did you mean"), 2
for usage errors and bad input. So a command here is only what it asks and which columns
it answers with. The work is done by kg.query, which notebooks call directly; it is
imported lazily, so that `kg --help` and the other commands do not pay for networkx.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from kg.cli.render import EXIT_NOTHING, EXIT_OK, Answer, nothing
from kg.cli.session import Session, graph_command

EVENT_COLUMNS = ["event", "date", "type", "quad", "mode", "relation", "source", "target",
                 "context", "document", "evidence", "source_ids", "target_ids", "cameo",
                 "goldstein", "confidence", "location", "num_mentions", "num_sources", "urls"]
EVENT_TABLE = ["date", "type", "source", "relation", "target", "context", "evidence"]
RANKING_COLUMNS = ["rank", "actor", "label", "type", "weight", "coop", "conflict", "events"]
CENTRAL_MEASURES = ["pagerank", "betweenness"]  # computed on demand; degree always is


@click.group("query")
def query() -> None:
    """Ask the knowledge graph: actors, neighbours, paths, allies, blocs, SPARQL.

    ACTOR is an English label (Russia), a Bengali label in any inflected form (রাশিয়ার,
    পুতিনকে) or a Wikidata QID (Q159)."""


def query_command(name: str | None = None, level: bool = True) -> Callable:
    """A `kg query` command of the shared shape (kg.cli.session.graph_command)."""
    return graph_command(query, name, level)


def _event_row(row, extra: dict | None = None) -> dict:
    out = dict(extra or {})
    out.update({
        "event": row.event, "date": row.when, "type": row.type, "quad": row.quad,
        "mode": row.mode, "relation": row.relation,
        "source": [a.display for a in row.sources], "target": [a.display for a in row.targets],
        "context": list(row.context), "document": row.document, "evidence": row.evidence,
        "source_ids": [a.id for a in row.sources], "target_ids": [a.id for a in row.targets],
        "cameo": row.cameo, "goldstein": row.goldstein, "confidence": row.confidence,
        "location": row.location, "num_mentions": row.num_mentions,
        "num_sources": row.num_sources, "urls": list(row.urls or ([row.url] if row.url else [])),
    })
    return out


def _top(f: Callable) -> Callable:
    return click.option("-k", "--top", type=click.IntRange(min=0), default=10,
                        show_default=True, help="How many (0: all).")(f)


def _limit(f: Callable) -> Callable:
    return click.option("--limit", type=click.IntRange(min=0), default=0,
                        help="At most N rows (0: all).")(f)


# ---------------------------------------------------------------- commands


@query_command()
@_limit
def actors(s: Session, limit: int) -> Answer:
    """Actors that take part in events, with their event counts (most active first)."""
    from kg.query import actor_counts

    counts = actor_counts(s.events, s.level)
    nodes = sorted(counts, key=lambda n: (-counts[n][0], s.label(n).casefold(), n))
    rows = []
    for n in nodes[:limit or None]:
        d = s.mg.nodes[n]
        total, src, tgt = counts[n]
        rows.append({"actor": n, "label": s.label(n), "label_bn": d.get("label_bn"),
                     "type": d.get("type"), "wikidata": d.get("wikidata"), "events": total,
                     "as_source": src, "as_target": tgt})
    table = ["label", "label_bn", "type", "wikidata", "events", "as_source", "as_target"]
    return Answer(["actor", *table], rows, "no actors in the graph", table_columns=table)


@query_command()
@click.argument("actor")
def neighbors(s: Session, actor: str) -> Answer:
    """Who ACTOR acts on (out) and who acts on ACTOR (in), by event type."""
    from kg.query import neighbors as find

    node = s.resolve(actor)
    rows = [{"direction": d, "actor": n, "label": s.label(n), "event_type": t, "events": c}
            for d, n, t, c in find(s.mg, node)]
    return Answer(["direction", "actor", "label", "event_type", "events"], rows,
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


@query_command()
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
@_limit
def events(s: Session, types: tuple[str, ...], quads: tuple[str, ...], actor: str | None,
           since: str | None, until: str | None, contexts: tuple[str, ...],
           limit: int) -> Answer:
    """Events matching the filters, oldest first."""
    from kg.query import filter_events

    type_set, quad_set = _types(types), _quads(quads)
    node = s.resolve(actor) if actor else None
    kept = filter_events(s.events, type_set, quad_set, node, since, until, contexts, s.level)
    rows = [_event_row(r) for r in kept[:limit or None]]
    return Answer(EVENT_COLUMNS, rows, "no events match", table_columns=EVENT_TABLE)


@query_command()
@click.argument("a")
@click.argument("b")
@click.option("--directed", is_flag=True, help="Follow events from source to target only.")
def path(s: Session, a: str, b: str, directed: bool) -> Answer:
    """A shortest path from A to B and the events along each hop."""
    import networkx as nx

    from kg.query import shortest_path_events

    na, nb = s.resolve(a), s.resolve(b)
    if na == nb:
        nothing(f"{a!r} and {b!r} are the same actor")
    try:
        nodes, hops = shortest_path_events(s.mg, na, nb, directed)
    except nx.NetworkXNoPath:
        nodes, hops = [], []
    rows = [{"hop": i, "from": s.label(u), "to": s.label(v), "event": d["event"],
             "date": d["date"], "type": d["type"], "quad": d["quad"], "relation": d["relation"],
             "source": s.label(d["source"]), "target": s.label(d["target"]),
             "context": list(d["context"]), "document": d["document"],
             "evidence": d["evidence"]}
            for i, (u, v, evs) in enumerate(hops, 1) for d in evs]
    title = " → ".join(s.label(n) for n in nodes) + f"  ({len(hops)} hops)" if nodes else None
    return Answer(["hop", "from", "to", "event", "date", "type", "quad", "relation", "source",
                   "target", "context", "document", "evidence"], rows,
                  f"no path between {s.label(na)} and {s.label(nb)}", title,
                  ["hop", "source", "relation", "target", "type", "date", "context",
                   "evidence"])


def _ranking(kind: str, doc: str) -> None:
    """Register `allies` or `rivals`: one command shape, two signs (kg.query.allies and
    kg.query.rivals)."""

    def command(s: Session, actor: str, top: int) -> Answer:
        import kg.query

        node = s.resolve(actor)
        ranked = getattr(kg.query, kind)(s.ag, node, top or None)
        rows = [{"rank": i, **s.node(n), "weight": d["weight"], "coop": d["coop"],
                 "conflict": d["conflict"], "events": d["n_events"]}
                for i, (n, d) in enumerate(ranked, 1)]
        return Answer(RANKING_COLUMNS, rows, f"{s.label(node)} has no {kind}",
                      table_columns=[c for c in RANKING_COLUMNS if c != "actor"])

    command.__doc__ = doc + "\n\nNet alignment = cooperation - conflict (docs/query.md has " \
        "the weights)."
    query_command(kind)(click.argument("actor")(_top(command)))


_ranking("allies", "Partners of ACTOR with positive net alignment, strongest first.")
_ranking("rivals", "Partners of ACTOR with negative net alignment, most hostile first.")


@query_command()
@_top
@click.option("--by", type=click.Choice(["pagerank", "degree", "betweenness"]),
              help="Rank by this measure, and compute only it (and degree, which is free). "
                   "Default: every measure, ranked by pagerank.")
@click.option("--samples", type=click.IntRange(min=0),
              help="Betweenness from N sampled sources (0: exact; default: exact on small "
                   "graphs, sampled to stay near a second on big ones).")
def central(s: Session, top: int, by: str | None, samples: int | None) -> Answer:
    """The most central actors: degree (events), PageRank and betweenness."""
    from kg.query import centrality

    measures = CENTRAL_MEASURES if by is None else [by]
    ranked = centrality(s.mg, top or None, by or "pagerank", samples, measures)
    rows = [{"rank": i, **s.node(n), **d} for i, (n, d) in enumerate(ranked, 1)]
    shown = [m for m in CENTRAL_MEASURES if m in measures]
    return Answer(["rank", "actor", "label", "type", "degree", "in", "out",
                   *CENTRAL_MEASURES], rows, "no actors in the graph",
                  table_columns=["rank", "label", "type", "degree", "in", "out", *shown])


@query_command()
@click.option("--seed", type=int, default=42, show_default=True, help="Louvain's random seed.")
@click.option("--resolution", type=click.FloatRange(min=0, min_open=True), default=1.0,
              show_default=True, help="Louvain resolution: higher gives smaller blocs.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Leave out blocs smaller than this.")
def blocs(s: Session, seed: int, resolution: float, min_size: int) -> Answer:
    """Blocs: Louvain communities of the cooperative pairs of the alignment graph."""
    from kg.query import blocs as find

    found = [b for b in find(s.ag, seed, resolution) if len(b) >= min_size]
    rows = [{"bloc": i, "size": len(members), **s.node(n)}
            for i, members in enumerate(found, 1) for n in members]
    return Answer(["bloc", "size", "actor", "label", "type"], rows, "no blocs",
                  table_columns=["bloc", "size", "label", "type"])


@query_command()
@click.argument("actor")
def timeline(s: Session, actor: str) -> Answer:
    """ACTOR's events in date order (undated ones last)."""
    from kg.query import Rollup
    from kg.query import timeline as find

    node = s.resolve(actor)
    up = Rollup(s.level)
    rows = []
    for r in find(s.events, node, s.level):
        role = "source" if any(up(a, r.year).id == node for a in r.sources) else "target"
        rows.append(_event_row(r, {"role": role}))
    return Answer(["role", *EVENT_COLUMNS], rows, f"{s.label(node)} has no events",
                  table_columns=["date", "role", "type", "source", "relation", "target",
                                 "context", "evidence"])


@query_command()
def stats(s: Session) -> Answer:
    """Sizes of the graph and its distributions (types, quad classes, contexts)."""
    from kg.query import stats as compute

    rows = [{"metric": k, "value": v} for k, v in compute(s.events, s.mg, s.ag).items()]
    return Answer(["metric", "value"], rows, "empty graph")


@query_command(level=False)
@click.argument("text", metavar="QUERY|@FILE")
@click.option("--store", type=click.Choice(["memory", "oxigraph"]), default="memory",
              show_default=True,
              help="rdflib store: its own (memory), or Oxigraph under rdflib (big graphs).")
def sparql(s: Session, text: str, store: str) -> Answer | None:
    """Run a SPARQL query (or the one in @FILE) through rdflib on the graph.

    Named graphs are merged into the default graph. SELECT prints rows; ASK prints
    true/false (exit 1 for false); CONSTRUCT/DESCRIBE print Turtle."""
    from kg.query import rdf_graph
    from kg.query import sparql as run

    # SPARQL reads the file itself: the projection cache (--no-cache) does not apply.
    s.needs_file()
    query_text = _query_text(text)
    g = rdf_graph(s.path, store)
    result = run(g, query_text)
    if result.type == "ASK":
        click.echo("true" if result.askAnswer else "false")
        sys.exit(EXIT_OK if result.askAnswer else EXIT_NOTHING)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if not len(result.graph):
            nothing("no triples")
        click.echo(result.graph.serialize(format="turtle"))
        return None
    columns = [str(v) for v in result.vars]
    nsm = g.namespace_manager
    rows = [{c: _term(b.get(v), s.fmt, nsm) for c, v in zip(columns, result.vars, strict=True)}
            for b in result.bindings]
    return Answer(columns, rows, "no results")


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
