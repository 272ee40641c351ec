"""`kg export`: the graph as files for tools outside RDF (kg.export).

`kg export events FILE.csv|.parquet`: one row per canonical event (pandas).
`kg export graph FILE.graphml|.gexf`: the actor network with weights (networkx).
Both read `--graph` like `kg query` (a graph file kg built, or input texts) and count
each event once unless `--mentions`; the file is written whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

import click


def _graph_options(f):
    f = click.option("--no-cache", is_flag=True,
                     help="Re-parse the graph; neither read nor write FILE.kgcache.")(f)
    f = click.option("--mentions", is_flag=True,
                     help="One row / one count per report instead of per event.")(f)
    return click.option("--graph", "graph", default="graph.ttl", show_default=True,
                        envvar="KG_GRAPH", metavar="FILE",
                        help="Graph file (.ttl .nt .nq .trig .jsonld) or input texts "
                             "(.txt .jsonl or a directory) [env KG_GRAPH].")(f)


@click.group("export")
def export() -> None:
    """Write the events as a table, or the actor network for Gephi/Cytoscape."""


@export.command("events")
@click.argument("output", type=click.Path(dir_okay=False))
@_graph_options
def events(output: str, graph: str, mentions: bool, no_cache: bool) -> None:
    """One row per event to OUTPUT (.csv or .parquet): id, date, type, CAMEO code, quad
    class, Goldstein score, source/target QIDs, labels, CAMEO and ISO codes, location,
    confidence, context flags, numMentions, numSources, URLs."""
    from kg.export.table import SUFFIXES, export_events
    from kg.query import load_events

    _check_suffix(output, SUFFIXES)
    rows = load_events(graph, use_cache=not no_cache, mentions=mentions)
    n = export_events(rows, Path(output))
    click.echo(f"{n} {'mention' if mentions else 'event'}{'' if n == 1 else 's'} → {output}",
               err=True)


@export.command("graph")
@click.argument("output", type=click.Path(dir_okay=False))
@_graph_options
@click.option("--level", type=click.Choice(["actor", "country"]), default="actor",
              show_default=True, help="country: people and units count for their affiliation.")
def graph_(output: str, graph: str, mentions: bool, no_cache: bool, level: str) -> None:
    """The actor network to OUTPUT (.graphml or .gexf): the pairs `kg query allies`,
    `rivals` and `blocs` read, with weight = cooperation - conflict, coop, conflict,
    n_events."""
    from kg.export.network import SUFFIXES, write_network
    from kg.query import load_events

    _check_suffix(output, SUFFIXES)
    rows = load_events(graph, use_cache=not no_cache, mentions=mentions)
    G = write_network(rows, Path(output), level)
    click.echo(f"{G.number_of_nodes()} actors, {G.number_of_edges()} pairs → {output}",
               err=True)


def _check_suffix(output: str, suffixes: tuple[str, ...]) -> None:
    """Refuse a wrong extension before reading the graph (it may be big)."""
    from kg.errors import KgError

    if Path(output).suffix.lower() not in suffixes:
        raise KgError(f"{output}: name a file ending in {' or '.join(suffixes)}")
