"""The shape every `kg query` command shares: options, loading, printing, exit codes.

A command reads `--graph FILE` (default graph.ttl, what `kg build` writes; or input
texts), optionally at `--level country`, asks kg.query through a `Session`, and returns
an `Answer` that kg.cli.render prints in `--format`; exit 0 with results, 1 when nothing
is found (or the actor is unknown: then with "did you mean"), 2 for usage errors and bad
input. `graph_command` puts that shape around a function, so a command is only what it
asks and which columns it answers with.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

import click

from kg.cli.render import emit, format_param, nothing
from kg.errors import KgError

if TYPE_CHECKING:
    import networkx as nx

    from kg.query import EventList


class Session:
    """One command's view of the graph: events loaded once, networkx views on demand
    (kg.query is imported only when a command asks, so `kg --help` stays fast)."""

    def __init__(self, graph: str, level: str = "actor", no_cache: bool = False,
                 fmt: str = "table", endpoint: str | None = None,
                 mentions: bool = False) -> None:
        self.path = graph
        self.level = level
        self.no_cache = no_cache
        self.fmt = fmt
        self.endpoint = endpoint
        self.mentions = mentions
        if endpoint and level != "actor":
            raise KgError("--endpoint answers at --level actor only (the country roll-up "
                          "needs every event's year)")
        if endpoint and mentions:
            raise KgError("--endpoint counts each event once; --mentions needs --graph FILE")

    @cached_property
    def events(self) -> EventList:
        from kg.query import load_events

        self.needs_file()
        return load_events(self.path, use_cache=not self.no_cache, mentions=self.mentions)

    @cached_property
    def mg(self) -> nx.MultiDiGraph:
        from kg.query import actor_graph

        self.needs_file()
        return actor_graph(self.events, self.level)

    @cached_property
    def ag(self) -> nx.Graph:
        from kg.query import alignment_graph

        if self.endpoint:
            from kg.query.endpoint import endpoint_alignment

            return endpoint_alignment(self.endpoint)
        return alignment_graph(self.mg)

    @property
    def nodes(self) -> nx.Graph:
        """The graph whose nodes carry labels: the alignment graph alone with --endpoint
        (nothing else comes from the server)."""
        return self.ag if self.endpoint else self.mg

    def needs_file(self) -> None:
        if self.endpoint:
            raise KgError("--endpoint answers allies, rivals and blocs (the actor pairs, "
                          "aggregated on the server); this command needs --graph FILE")

    def label(self, node: str) -> str:
        from kg.query import label_of

        return label_of(self.nodes, node) if node in self.nodes else node

    def node(self, node: str) -> dict:
        return {"actor": node, "label": self.label(node),
                "type": self.nodes.nodes[node].get("type") if node in self.nodes else None}

    def resolve(self, name: str) -> str:
        """A node id of the graph at this level; exit 1 with suggestions when unknown."""
        from kg.query import UnknownActor, resolve_actor

        try:
            node = resolve_actor(name, self.ag if self.endpoint else self.events, self.level)
        except UnknownActor as exc:
            nothing(str(exc))
        if node not in self.nodes:
            nothing(f"{name!r} ({node}) takes part in no event")
        return node


def _shared_options(level: bool) -> list[click.Parameter]:
    """--graph, --level, --format, --no-cache (and --mentions with --level): on every
    command (after its name, like everywhere else in kg), in this order."""
    options: list[click.Parameter] = [
        click.Option(["--graph", "graph"], default="graph.ttl", show_default=True,
                     envvar="KG_GRAPH", metavar="FILE",
                     help="Graph file (.ttl .nt .nq .trig .jsonld) or input texts "
                          "(.txt .jsonl or a directory) [env KG_GRAPH].")]
    if level:
        options.append(click.Option(["--level"], type=click.Choice(["actor", "country"]),
                                    default="actor", show_default=True,
                                    help="country: people and units count for their "
                                         "affiliation."))
    options.append(click.Option(["--endpoint"], metavar="URL",
                                help="Ask a SPARQL endpoint instead of a file (allies, rivals, "
                                     "blocs): the actor pairs are aggregated on the server."))
    options.append(format_param())
    options.append(click.Option(["--no-cache"], is_flag=True,
                                help="Re-parse the graph; neither read nor write FILE.kgcache."))
    if level:
        options.append(click.Option(["--mentions"], is_flag=True,
                                    help="Count every report of an event, not each event "
                                         "once (canonical events)."))
    return options


def graph_command(group: click.Group, name: str | None = None, level: bool = True
                  ) -> Callable:
    """Register `f(session, **its own parameters) -> Answer | None` as a command
    of `group`: its arguments, then the shared options, then its own options (the order
    --help lists them in); the Answer is printed in --format (None: `f` printed itself)."""

    def deco(f: Callable) -> click.Command:
        own = list(reversed(getattr(f, "__click_params__", [])))
        params = [p for p in own if isinstance(p, click.Argument)] + _shared_options(level) \
            + [p for p in own if not isinstance(p, click.Argument)]

        def callback(graph: str, fmt: str, no_cache: bool, level: str = "actor",
                     endpoint: str | None = None, mentions: bool = False,
                     **kwargs: object) -> None:
            answer = f(Session(graph, level, no_cache, fmt, endpoint, mentions), **kwargs)
            if answer is not None:
                emit(answer, fmt)

        return group.command(name or f.__name__, params=params, help=f.__doc__)(callback)

    return deco
