"""`--scheduler`: chunks of documents on a Dask cluster (`pip install 'kg[dask]'`).

Where one machine is not enough, kg runs on an existing distributed engine rather than
a home-made one. `tcp://HOST:PORT` connects to a running scheduler (dask-jobqueue on an
HPC queue, a Kubernetes or cloud deployment: docs/scale.md); `local` starts a
`distributed.LocalCluster` of worker processes on this machine, bound to 127.0.0.1.

Each worker loads the pipeline once, through a worker plugin (a worker that joins later
gets it too), with one torch thread. Two kinds of task:

- `kg build` on files: a partition (one input file) per task; the worker reads it and
  writes its N-Quads shard (kg.scale.shards), which the client merges in input order;
- otherwise (stdin, FIFOs, `kg extract`): the client reads the input and sends chunks of
  documents, and gathers their results back in input order.

Either way the graph is the one a local build writes, byte for byte. kg (and its models)
must be installed on the workers, in the same version: the plugin's pipeline is built
there.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.scale.shards import Partition, ShardResult, write_shard
from kg.scale.work import ChunkResult, load_pipeline, run_chunk

if TYPE_CHECKING:
    from kg.pipeline import Pipeline
    from kg.settings import Settings
    from kg.text.documents import Document

PLUGIN = "kg-pipeline"
ADDRESS = re.compile(r"^(tcp|tls)://[A-Za-z0-9.\-]+:\d{1,5}$|^(tcp|tls)://\[[0-9A-Fa-f:]+\]:\d{1,5}$")
CONNECT_TIMEOUT = "10s"


def check_scheduler(address: str) -> str:
    """`local` or a scheduler address tcp://HOST:PORT (tls:// too), else a one-line error."""
    if address == "local" or ADDRESS.match(address):
        return address
    raise KgError(f"--scheduler: {address!r} is neither 'local' nor an address like "
                  "tcp://HOST:PORT")


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise KgError("--scheduler needs Dask: pip install 'kg[dask]'") from None
    return distributed


def pipeline_plugin(settings: Settings) -> Any:
    """A WorkerPlugin that builds the pipeline once per worker (defined here so that
    importing this module does not need Dask)."""
    distributed = _distributed()

    class PipelinePlugin(distributed.WorkerPlugin):
        """Holds the worker's pipeline; tasks find it by the plugin's name."""

        name = PLUGIN

        def __init__(self, settings: Settings) -> None:
            self.settings = settings
            self.pipeline = None

        def setup(self, worker: Any) -> None:
            self.pipeline = load_pipeline(self.settings)

    return PipelinePlugin(settings)


def _pipeline() -> Pipeline:
    """The pipeline the plugin built on this worker."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(PLUGIN)
    if plugin is None or plugin.pipeline is None:
        raise KgError("this Dask worker has no kg pipeline (the plugin did not start)")
    return plugin.pipeline


def _work(index: int, docs: list[Document]) -> ChunkResult:
    """A task: one chunk through the worker's own pipeline."""
    return run_chunk(_pipeline(), index, docs)


def _shard(index: int, part: Partition, folder: str, chunk: int) -> ShardResult:
    """A task: one partition, read on the worker, into its shard (kg.scale.shards). A
    KgError (a bad input line) comes back as the result's error, not as a failed task,
    which the worker would log with its traceback."""
    try:
        return write_shard(_pipeline(), index, part, folder, chunk)
    except KgError as exc:
        return ShardResult(index, 0, 0, error=str(exc))


def connect(address: str, workers: int, stack: ExitStack) -> Any:
    """A Client of the scheduler at `address`, or of a new LocalCluster of `workers`
    processes; closed (and the cluster stopped) when `stack` closes."""
    distributed = _distributed()
    if address == "local":
        cluster = stack.enter_context(distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, silence_logs=logging.ERROR))
        return stack.enter_context(distributed.Client(cluster))
    try:
        return stack.enter_context(distributed.Client(address, timeout=CONNECT_TIMEOUT))
    except (OSError, TimeoutError) as exc:
        raise KgError(f"--scheduler: cannot reach the Dask scheduler at {address} "
                      f"({type(exc).__name__})") from None


def cluster_chunks(chunks: Iterable[list[Document]], settings: Settings, address: str,
                   workers: int) -> Iterator[ChunkResult]:
    """ChunkResults in input order from the Dask cluster at `address` (or `local`)."""
    tasks = ((_work, index, chunk) for index, chunk in enumerate(chunks))
    yield from _in_order(tasks, settings, address, workers)


def cluster_shards(sources: Iterable[Partition], settings: Settings, address: str, workers: int,
                   folder: str, chunk: int) -> Iterator[ShardResult]:
    """Each partition read and written as a shard in `folder` by a worker; their
    ShardResults in partition order (a partition's KgError raised here)."""
    tasks = ((_shard, index, source, folder, chunk) for index, source in enumerate(sources))
    for shard in _in_order(tasks, settings, address, workers):
        if shard.error is not None:
            raise KgError(shard.error)
        yield shard


def _in_order(tasks: Iterable[tuple], settings: Settings, address: str,
              workers: int) -> Iterator[Any]:
    """The tasks' results in submission order, 2 per worker in flight; what is still
    pending is cancelled on any exit."""
    check_scheduler(address)
    with ExitStack() as stack:
        client = connect(address, workers, stack)
        client.register_plugin(pipeline_plugin(settings))
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        try:
            for task in tasks:
                pending.append(client.submit(*task, pure=False))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
