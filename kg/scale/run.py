"""The one entry point the commands call: documents in, results out, in input order.

    results = extract(docs, settings, plan)

`plan` says where the work runs: in this process (`--jobs 1`, or input of a single
chunk, where starting workers would cost more than it saves), on a local process pool
(`--jobs N`), or on Dask (`--scheduler`). Every way cuts the input into the same chunks
(kg.scale.chunks), so all of them give the same results.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.scale.chunks import CHUNK, available_cores, check_jobs, chunked
from kg.scale.progress import Progress, Timings, wants_bar
from kg.scale.work import ChunkResult, run_chunk

if TYPE_CHECKING:
    from pathlib import Path

    from kg.pipeline import DocumentResult
    from kg.rdf.stream import GraphBuilder
    from kg.scale.shards import Partition
    from kg.settings import Settings
    from kg.text.documents import Document


@dataclass(frozen=True, slots=True)
class Plan:
    """Where and how a run goes: from the --jobs, --scheduler, --chunk-size, --quiet and
    --verbose options (kg.scale.options)."""

    jobs: int | None = None  # None: the cores available
    scheduler: str | None = None  # tcp://HOST:PORT or "local"; None: no Dask
    chunk: int = CHUNK
    quiet: bool = False
    verbose: bool = False

    @property
    def workers(self) -> int:
        return check_jobs(self.jobs) if self.jobs is not None else available_cores()


def extract(docs: Iterable[Document], settings: Settings, plan: Plan,
            total: int | None = None, label: str = "extract") -> Iterator[DocumentResult]:
    """Each document's result, in input order; a progress bar while it runs (on a
    terminal), and stage timings on stderr at the end with --verbose."""
    timings = Timings()
    where, chunks = _chunk_results(docs, settings, plan)
    progress = Progress(label, total, wants_bar(plan.quiet))
    try:
        for chunk in chunks:
            timings.merge(chunk.timings)
            progress.update(len(chunk.results), chunk.sentences)
            yield from chunk.results
    finally:
        progress.close()
    if plan.verbose:
        print(timings.report(f"stage timings {where} ({progress.items} documents, "
                             f"{progress.sentences} sentences, {progress.rate():.1f} "
                             "sentences/s; seconds summed over workers)"), file=sys.stderr)


def merge_shards(sources: list[Partition], settings: Settings, plan: Plan,
                 builder: GraphBuilder,
                 folder: Path, total: int | None = None, keep: bool = True) -> None:
    """`--scheduler` on files (kg.scale.shards): each partition read and written as a
    shard in `folder` by a Dask worker, and the shards merged into `builder` in input
    order as they come (each removed once merged unless `keep`); progress and --verbose
    timings as `extract` gives them."""
    from kg.scale.cluster import check_scheduler, cluster_shards
    from kg.scale.shards import merge_shard

    assert plan.scheduler is not None
    _check_models(settings)
    check_scheduler(plan.scheduler)
    timings = Timings()
    seen: set[str] = set()
    progress = Progress("build", total, wants_bar(plan.quiet))
    shards = cluster_shards(sources, settings, plan.scheduler, plan.workers, str(folder),
                            plan.chunk)
    try:
        with closing(shards):  # the cluster is closed before this returns or raises
            for shard in shards:
                timings.merge(shard.timings)
                merge_shard(builder, folder, shard.index, seen, keep)
                progress.update(shard.documents, shard.sentences)
    finally:
        progress.close()
    if plan.verbose:
        parts = f"{len(sources)} partition{'' if len(sources) == 1 else 's'}"
        print(timings.report(f"stage timings on Dask ({plan.scheduler}) ({progress.items} "
                             f"documents, {progress.sentences} sentences, "
                             f"{progress.rate():.1f} sentences/s; {parts} read by the "
                             "workers; seconds summed over workers)"), file=sys.stderr)


def _chunk_results(docs: Iterable[Document], settings: Settings,
                   plan: Plan) -> tuple[str, Iterator[ChunkResult]]:
    """Where the chunks run (for --verbose), and their results in input order."""
    chunks = chunked(docs, plan.chunk)
    workers = plan.workers
    _check_models(settings)
    if plan.scheduler is not None:
        from kg.scale.cluster import check_scheduler, cluster_chunks

        check_scheduler(plan.scheduler)
        return (f"on Dask ({plan.scheduler})",
                cluster_chunks(chunks, settings, plan.scheduler, workers))
    first = list(next(chunks, []))
    second = next(chunks, None)
    if second is None or workers == 1:
        rest = chain([second], chunks) if second is not None else iter(())
        return "in this process", _in_process(chain([first], rest) if first else iter(()),
                                              settings)
    from kg.scale.pool import pool_chunks

    return (f"on {workers} worker processes",
            pool_chunks(chain([first, second], chunks), settings, workers))


def _in_process(chunks: Iterable[list[Document]], settings: Settings) -> Iterator[ChunkResult]:
    """Chunks through a pipeline of this process, with the settings' torch threads."""
    from kg.pipeline import Pipeline

    pipeline = Pipeline(settings)
    for index, chunk in enumerate(chunks):
        yield run_chunk(pipeline, index, chunk)


def _check_models(settings: Settings) -> None:
    """The error a pipeline would give, before any worker starts (a worker's start-up
    error would otherwise come back as a dead pool)."""
    from kg.parse.stanza import models_available

    if settings.parse and not models_available():
        raise KgError("the Stanza models are not installed (kg/data/models); run "
                      "`kg models train` or use --no-parse")
