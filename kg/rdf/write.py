"""Writing RDF files: format by name or extension, atomically (temp file, then rename).

rdflib is the graph API. `kg build` writes through kg.dataset: pyoxigraph's streaming
writer over sorted statements, and rdflib's pretty writer (`serialize` here) for Turtle
graphs of up to PRETTY_LIMIT triples, where it is fast enough and nicer to read. The store
comparison behind that choice is in benchmarks/bench_build.py: on 100k triples rdflib's
default store serialises Turtle ~40x slower than the Oxigraph store.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.rdf.formats import FORMATS
from kg.rdf.quads import Quad, _bind

# triples; above it the Oxigraph writer is used. rdflib's pretty writer took 4.2 s for the
# news corpus's 49,875 triples with the parse (a sixth of that build; the Oxigraph writer
# 0.15 s for 50,619), so it is kept for graphs a reader may open by eye.
PRETTY_LIMIT = 10_000


def serialize(quads: list[Quad], fmt: str) -> bytes:
    """The quads in `fmt`; triple formats merge all named graphs into one graph."""
    with_graphs = FORMATS[fmt].named_graphs
    if len(quads) > PRETTY_LIMIT or fmt in ("nt", "nquads"):
        return _oxigraph(quads, fmt, with_graphs)
    graph: Graph = Dataset() if with_graphs else Graph()
    _bind(graph)
    for s, p, o, g in quads:
        if with_graphs:
            graph.add((s, p, o, g))
        else:
            graph.add((s, p, o))
    data = graph.serialize(format=fmt, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _oxigraph(quads: list[Quad], fmt: str, with_graphs: bool) -> bytes:
    """Streaming write through the Oxigraph store behind rdflib (oxrdflib)."""
    graph: Graph = Dataset(store="Oxigraph") if with_graphs else Graph(store="Oxigraph")
    _bind(graph)
    if with_graphs:
        graph.addN(quads)
    else:
        graph.addN((s, p, o, graph) for s, p, o, _g in quads)
    ox_format = {"turtle": "ox-turtle", "nt": "ox-nt", "nquads": "ox-nquads",
                 "trig": "ox-trig"}.get(fmt, fmt)
    data = graph.serialize(format=ox_format, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


@contextmanager
def output_lock(*paths: Path) -> Iterator[None]:
    """Hold exclusive locks on the directories of `paths` for a read-modify-write
    (`kg build --append`, the check that an output exists): two runs at once then take
    turns, and neither loses what the other wrote. Directories, not lock files, are
    locked, so nothing is left behind; the locks go with the process. Sorted, so two
    runs never wait for each other in a cycle."""
    directories = sorted({str((p.parent if str(p.parent) else Path(".")).resolve())
                          for p in paths})
    fds: list[int] = []
    try:
        for directory in directories:
            try:
                fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
            except OSError as exc:
                raise KgError(f"{directory}: cannot open the directory ({exc.strerror})") \
                    from None
            fds.append(fd)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        for fd in fds:
            os.close(fd)  # closing releases the lock


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target and rename: a crash never leaves half a file, and an
    existing file is only replaced by a complete new one."""
    with atomic_output(path) as fh:
        fh.write(data)


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A file to stream into; on success it replaces `path` whole (fsync, rename), on
    any failure or signal (kg.cli raises SIGTERM as kg.errors.Terminated) it is
    removed."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise KgError(f"{path}: directory {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise KgError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise KgError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 less the umask (as
    open() would), not mkstemp's private 0600."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_lines(path: Path, lines: Iterable[str]) -> None:
    write_atomic(path, "".join(lines).encode("utf-8"))
