"""`--jobs N`: chunks of documents on a local pool of N worker processes.

Processes, not threads: the parse holds the GIL for its pure-Python tree decoding, and
two processes with one torch thread each parse ~1.5x faster than one process with two
threads (docs/scale.md). Workers start with forkserver (spawn where there is none), not
fork: a forked copy of a parent that has started torch's threads can deadlock. Each
worker loads the pipeline once (~3 s), then takes chunk after chunk.

At most `2 x N` chunks are in flight, so memory holds a bounded window of the input and
results, and the results are handed back in input order however the workers finish.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.scale.work import ChunkResult, load_pipeline, run_chunk

if TYPE_CHECKING:
    from kg.pipeline import Pipeline
    from kg.settings import Settings
    from kg.text.documents import Document

_PIPELINE: Pipeline | None = None  # the worker process's own pipeline


def _start_worker(settings: Settings) -> None:
    global _PIPELINE
    _PIPELINE = load_pipeline(settings)


def _work(index: int, docs: list[Document]) -> ChunkResult:
    if _PIPELINE is None:
        raise KgError("worker process has no pipeline (its start-up failed)")
    return run_chunk(_PIPELINE, index, docs)


def start_method() -> str:
    return "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"


def pool_chunks(chunks: Iterable[list[Document]], settings: Settings,
                jobs: int) -> Iterator[ChunkResult]:
    """ChunkResults in input order from `jobs` worker processes."""
    context = mp.get_context(start_method())
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                             initargs=(settings,)) as pool:
        pending: deque[Future[ChunkResult]] = deque()
        try:
            for index, chunk in enumerate(chunks):
                pending.append(pool.submit(_work, index, chunk))
                if len(pending) >= 2 * jobs:
                    yield _result(pending.popleft())
            while pending:
                yield _result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()


def _result(future: Future[ChunkResult]) -> ChunkResult:
    try:
        return future.result()
    except BrokenProcessPool:
        raise KgError("a worker process died (out of memory, or killed); "
                      "try fewer --jobs") from None
