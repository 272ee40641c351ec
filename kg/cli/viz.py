"""`kg viz FILE -o out.png|out.html`: the alliance picture from the command line.

The same picture as notebooks/alliances.ipynb, drawn by kg.viz: a static PNG (matplotlib,
Agg canvas) or a self-contained interactive HTML page (pyvis with vis-network inlined,
so it opens offline) whose edges list their events and Bengali sentences on hover.
This module stays light: matplotlib and pyvis are imported only when a picture is drawn.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.query import EventList


def _size(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, int]:
    """WxH in pixels, each 200–8000 (smaller is unreadable, larger eats memory)."""
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", value)
    if not match:
        raise click.BadParameter(f"{value!r} is not like 1600x1200")
    w, h = int(match[1]), int(match[2])
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise click.BadParameter(f"{value!r}: width and height must be 200–8000 pixels")
    return w, h


@click.command("viz")
@click.argument("file", metavar="FILE")
@click.option("-o", "--output", required=True, metavar="OUT.png|OUT.html",
              help="Picture to write; the extension picks PNG or interactive HTML.")
@click.option("--level", type=click.Choice(["actor", "country"]), default="actor",
              show_default=True, help="country: people and units count for their affiliation.")
@click.option("--min-events", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only actor pairs with at least N events.")
@click.option("--ego", "ego_actor", metavar="ACTOR",
              help="Only ACTOR, its partners and the pairs among them (ego network).")
@click.option("--radius", type=click.IntRange(1, 3), default=1, show_default=True,
              help="Ego network radius, in pairs.")
@click.option("--seed", type=int, default=42, show_default=True,
              help="Seed of the spring layout and of Louvain's blocs.")
@click.option("--size", default="1600x1200", show_default=True, callback=_size,
              help="PNG size in pixels, WxH.")
@click.option("--since", metavar="DATE", help="Only events on or after DATE (2024, 2024-06 or "
                                               "2024-06-18): a time slice.")
@click.option("--until", metavar="DATE", help="Only events on or before DATE.")
@click.option("--title", help="Picture title (default: what is drawn).")
@click.option("--no-cache", is_flag=True, help="Re-parse the graph; neither read nor write "
                                                "FILE.kgcache.")
def viz(file: str, output: str, level: str, min_events: int, ego_actor: str | None,
        radius: int, seed: int, size: tuple[int, int], since: str | None, until: str | None,
        title: str | None, no_cache: bool) -> None:
    """Draw the alliance network of FILE: a graph kg wrote (.ttl .nt .nq .trig .jsonld)
    or input texts (.txt .jsonl or a directory).

    Edge colour is net cooperation (blue) or conflict (red), width the number of events,
    node colour the bloc."""
    from kg.query import actor_graph, load_events, resolve_actor
    from kg.rdf.write import write_atomic
    from kg.viz import OUTPUT_SUFFIXES, render

    out = Path(output)
    suffix = out.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise KgError(f"{output}: name the output .png or .html")
    if not Path(file).exists():
        raise KgError(f"{file}: no such file or directory")
    events = _time_slice(load_events(file, use_cache=not no_cache), since, until)
    MG = actor_graph(events, level)
    center = resolve_actor(ego_actor, events, level) if ego_actor else None
    data, shown = render(MG, suffix, min_events=min_events, center=center, radius=radius,
                         seed=seed, size=size, title=title, period=_period(since, until))
    write_atomic(out, data)
    click.echo(f"{output}: {suffix[1:].upper()} of {shown.number_of_nodes()} actors and "
               f"{shown.number_of_edges()} pairs from {len(events)} events ({level} level)")


def _time_slice(events: EventList, since: str | None, until: str | None) -> EventList:
    """The events of a period (dates of any precision overlap-match, as `kg query
    events`); undated events fall outside every slice. A bad date is a one-line error."""
    from kg.query import filter_events, parse_period

    if not since and not until:
        return events
    try:
        if since and until and parse_period(since)[0] > parse_period(until)[1]:
            raise ValueError(f"{since} is after {until}")
        return filter_events(events, since=since, until=until)
    except ValueError as exc:
        raise KgError(f"--since/--until: {exc}") from None


def _period(since: str | None, until: str | None) -> str | None:
    """The slice as the default title names it: "2024-06 to 2024-12", "since 2024"."""
    if since and until:
        return f"{since} to {until}"
    return f"since {since}" if since else f"until {until}" if until else None
