"""The unit of work: a fixed number of consecutive documents.

Every way of running (in process, `--jobs N`, Dask) cuts the input into the same chunks
and parses each chunk in one Stanza batch (`Pipeline.stream(chunk, batch=len)`), so the
batches Stanza sees, and hence the output, do not depend on the number of workers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

from kg.errors import KgError

T = TypeVar("T")
CHUNK = 16  # documents per task: the pipeline's own batch; a few seconds of parse each


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), read lazily so that
    a long input is never held whole."""
    if size < 1:
        raise KgError(f"chunk size must be at least 1, not {size}")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def available_cores() -> int:
    """The cores this process may run on (its affinity mask, which a container or
    `taskset` narrows), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def check_jobs(jobs: int) -> int:
    """A positive number of worker processes, or a one-line error."""
    if jobs < 1:
        raise KgError(f"--jobs must be at least 1, not {jobs}")
    return jobs
