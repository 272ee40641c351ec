"""Scale-out: the pipeline over all cores of one machine, or over a Dask cluster.

Extraction is per document and the Stanza parse is nearly its whole cost, so the work
splits into fixed chunks of documents that any process can run; the results come back
in input order, so the graph does not depend on how many processes made it.

    chunks    documents → numbered chunks of a fixed size (the unit of work everywhere)
    pool      a local process pool (`--jobs N`), one pipeline per worker process
    cluster   Dask (`--scheduler tcp://… | local`): a worker plugin holds the pipeline
    run       the one entry point the commands call: in process, pool or cluster
    progress  a progress bar on a terminal, per-stage timings with --verbose
    options   the click options the commands share (--jobs, --scheduler, …)

Nothing here imports torch, Stanza or Dask at module level: `kg --help` stays fast and
Dask stays optional (`pip install 'kg[dask]'`).
"""
