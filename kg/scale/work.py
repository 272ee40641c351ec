"""What one worker does with one chunk, the same in every process and on every cluster.

A worker builds its pipeline once (`load_pipeline`) and then runs chunks (`run_chunk`):
the stages of kg.pipeline over all the chunk's documents at once, exactly as
`Pipeline.stream(chunk, batch=len(chunk))` does, timing each stage for --verbose.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.pipeline import DocumentResult, Pipeline
    from kg.settings import Settings
    from kg.text.documents import Document

# Thread pools of the numeric libraries torch may use; set before torch is imported.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


@dataclass(slots=True)
class ChunkResult:
    """One chunk's results in input order, and what it cost (for progress and timings)."""

    index: int
    results: list[DocumentResult]
    sentences: int
    timings: Counter[str] = field(default_factory=Counter)


def one_thread() -> None:
    """One torch thread in this process: on a shared machine torch's default threads
    spin and burn ~13x the CPU (docs/scale.md); parallelism comes from processes."""
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    import torch

    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # torch already ran parallel work here; intra-op is what counts
        pass


def load_pipeline(settings: Settings) -> Pipeline:
    """The pipeline of a worker process: the run's settings with one torch thread."""
    from kg.pipeline import Pipeline

    one_thread()
    return Pipeline(replace(settings, torch_threads=1))


def run_chunk(pipeline: Pipeline, index: int, docs: list[Document]) -> ChunkResult:
    """The pipeline's stages over the whole chunk (one Stanza batch), timed per stage."""
    from kg.pipeline import DocState, DocumentResult

    states = [DocState(d) for d in docs]
    timings: Counter[str] = Counter()
    for stage in pipeline.stages:
        start = time.perf_counter()
        stage.batch(states)
        timings[stage.name] += time.perf_counter() - start
    results = [DocumentResult(s.doc, s.sentences, s.records, s.actors) for s in states]
    return ChunkResult(index, results, sum(len(s.sentences) for s in states), timings)
