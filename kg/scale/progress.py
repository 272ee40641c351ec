"""Progress of long runs: a bar on a terminal, silence otherwise, timings on request.

A build of an archive runs for hours; without a bar it prints nothing until it ends. The
bar goes to stderr, and only when stderr is a terminal and --quiet is not given, so
scripts, logs and CI see no control characters. --verbose adds per-stage timings at the
end (summed over workers: CPU-bound seconds, not wall time).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections import Counter
from typing import TextIO


def wants_bar(quiet: bool, stream: TextIO | None = None) -> bool:
    """A bar only for a person watching: stderr is a terminal and --quiet is not set."""
    stream = stream or sys.stderr
    return not quiet and hasattr(stream, "isatty") and stream.isatty()


def _size() -> os.terminal_size:
    """The terminal's size; 80 x 24 where it reports none (a pty without a size, where
    tqdm's own probe gives 0 rows and hides every bar)."""
    return shutil.get_terminal_size((80, 24))


class Progress:
    """Documents done (of `total`, when known), sentences/s and ETA; a no-op when off."""

    def __init__(self, label: str, total: int | None, enabled: bool, unit: str = "doc",
                 stream: TextIO | None = None, every: float = 0.5) -> None:
        self.label, self.unit = label, unit
        self.items = self.sentences = 0
        self.started = time.perf_counter()
        self._bar = None
        if enabled:
            from tqdm import tqdm

            size = _size()
            self._bar = tqdm(total=total, desc=label, unit=unit, file=stream or sys.stderr,
                             ncols=size.columns, nrows=size.lines, smoothing=0.1,
                             leave=False, mininterval=every)

    def update(self, items: int, sentences: int = 0) -> None:
        self.items += items
        self.sentences += sentences
        if self._bar is not None:
            if sentences:
                self._bar.set_postfix_str(f"{self.rate():.0f} sentences/s", refresh=False)
            self._bar.update(items)

    def rate(self) -> float:
        """Sentences per second of wall time so far."""
        elapsed = time.perf_counter() - self.started
        return self.sentences / elapsed if elapsed > 0 else 0.0

    def close(self) -> None:
        if self._bar is not None:
            self._bar.refresh()  # the final count, however little time has passed
            self._bar.close()
            self._bar = None


class Timings:
    """Seconds per named stage; printed by --verbose in the order first seen."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] += seconds

    def merge(self, other: Counter[str]) -> None:
        for stage, seconds in other.items():
            self.seconds[stage] += seconds

    def report(self, title: str) -> str:
        parts = ", ".join(f"{name} {s:.2f} s" for name, s in self.seconds.items())
        return f"{title}: {parts}" if parts else f"{title}: nothing timed"


class Stopwatch:
    """`with Stopwatch(timings, "write"):` adds the block's wall time to a stage."""

    def __init__(self, timings: Timings, stage: str) -> None:
        self.timings, self.stage = timings, stage

    def __enter__(self) -> Stopwatch:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timings.add(self.stage, time.perf_counter() - self.start)
