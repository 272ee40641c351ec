"""An external merge sort of text lines, duplicates dropped: the sorted, de-duplicated
statements `kg build` writes, for corpora whose statements do not fit in memory.

Lines are kept in memory up to `chunk_lines`, then sorted and written to a run file in a
private folder; reading merges the runs (heapq.merge streams them). Peak memory is one
chunk, whatever the corpus. Python's str order is code point order, the order
kg.rdf.dataset sorts statements in, so the result is byte for byte what the in-memory
path writes.
"""

from __future__ import annotations

import heapq
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

CHUNK_LINES = 200_000  # ~60 MB of statements in memory at a time


class SortedSpool:
    """Add lines (no "\\n" inside) in any order; iterate them sorted and unique."""

    def __init__(self, directory: Path | None = None, chunk_lines: int = CHUNK_LINES) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=".kg-sort.", dir=directory))
        self.chunk_lines = chunk_lines
        self.buffer: set[str] = set()
        self.runs: list[Path] = []

    def __enter__(self) -> SortedSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the run files (also on errors and SIGTERM, through __exit__)."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def add(self, line: str) -> None:
        self.buffer.add(line)
        if len(self.buffer) >= self.chunk_lines:
            self._spill()

    def extend(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.add(line)

    def _spill(self) -> None:
        run = self.folder / f"run-{len(self.runs):05d}"
        with run.open("w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for line in sorted(self.buffer))
        self.runs.append(run)
        self.buffer = set()

    def __iter__(self) -> Iterator[str]:
        """Every line once, sorted. The spool can be read once; add nothing after."""
        if not self.runs:
            yield from sorted(self.buffer)
            return
        if self.buffer:
            self._spill()
        files = [run.open(encoding="utf-8", newline="\n") for run in self.runs]
        try:
            last = None
            for line in heapq.merge(*(lines_of(f) for f in files)):
                if line != last:
                    yield line
                    last = line
        finally:
            for f in files:
                f.close()
        for run in self.runs:  # read once: the disk is given back before the next step
            run.unlink(missing_ok=True)


def lines_of(fh: TextIO) -> Iterator[str]:
    """The lines of a file the sort wrote, without their "\n" (the lines hold no other)."""
    for line in fh:
        yield line[:-1]
