"""The click options that `kg build` and `kg extract` share, in one decorator, so that
the commands only pass them on (`plan_from(...)`)."""

from __future__ import annotations

from collections.abc import Callable

import click

from kg.scale.chunks import CHUNK
from kg.scale.run import Plan


def scale_options(f: Callable) -> Callable:
    """--jobs, --scheduler, --chunk-size, --quiet, --verbose (last listed first)."""
    options = [
        click.option("--jobs", "-j", type=int, default=None,
                     help="Worker processes [default: the cores available to kg]. Output "
                          "is the same for any number."),
        click.option("--scheduler", metavar="tcp://HOST:PORT|local",
                     help="Run on a Dask cluster (pip install 'kg[dask]'): a scheduler's "
                          "address, or 'local' for a LocalCluster of --jobs processes."),
        click.option("--chunk-size", type=click.IntRange(1), default=CHUNK,
                     show_default=True,
                     help="Documents per task (and per Stanza batch)."),
        click.option("--quiet", "-q", is_flag=True,
                     help="No progress bar (there is none anyway when stderr is not a "
                          "terminal)."),
        click.option("--verbose", "-v", is_flag=True,
                     help="Print per-stage timings on stderr at the end."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def plan_from(jobs: int | None, scheduler: str | None, chunk_size: int, quiet: bool,
              verbose: bool) -> Plan:
    """The Plan of the options, checked (a bad --jobs or --scheduler is a one-line
    error before any work starts)."""
    from kg.scale.chunks import check_jobs

    if jobs is not None:
        check_jobs(jobs)
    if scheduler is not None:
        from kg.scale.cluster import check_scheduler

        check_scheduler(scheduler)
    return Plan(jobs, scheduler, chunk_size, quiet, verbose)
