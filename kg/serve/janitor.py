"""Clean up after `kg serve` however it ends, SIGKILL included.

A killed process runs no cleanup code, so the cleaning is done by another process: `kg
serve` starts this file as a script (standard library only, so it runs without kg on
sys.path) in its own session, with a pipe on its stdin. kg serve writes `pid N` for each
child it starts and never closes the pipe itself until it has cleaned up; the kernel
closes it when kg serve dies. At end of file the janitor waits for those children to go
(on Linux they get SIGTERM from the kernel, see kg.serve.oxigraph.die_with_parent; it
sends SIGTERM itself if they are still there), then removes the temporary store.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


def alive(pid: int) -> bool:
    """Whether `pid` is a running process (a zombie is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc: trust kill()
    return stat.rsplit(")", 1)[-1].split()[:1] not in (["Z"], ["X"])


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except OSError:
        pass


def clean(remove: Path | None, pids: list[int]) -> None:
    """Children gone first (a store still open may be rewritten), then the store."""
    for pid in pids:
        if not _wait_gone(pid, 3.0):
            _signal(pid, signal.SIGTERM)
            if not _wait_gone(pid, 10.0):
                _signal(pid, signal.SIGKILL)
                _wait_gone(pid, 5.0)
    for _ in range(20):
        if remove is None or not remove.exists():
            return
        shutil.rmtree(remove, ignore_errors=True)
        time.sleep(0.05)


class Janitor:
    """The parent's side: start the janitor, tell it about children, let it go."""

    def __init__(self, remove: Path | None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(remove or "")],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, text=True)

    def watch(self, pid: int) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"pid {pid}\n")
        self.process.stdin.flush()

    def close(self) -> None:
        """After the parent's own cleanup: the janitor checks and exits."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            try:
                self.process.stdin.close()
            except OSError:
                pass
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            pass


def main(argv: list[str]) -> None:
    for name in ("SIGINT", "SIGHUP"):  # a closing terminal must not stop the cleaning
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    remove = Path(argv[1]) if len(argv) > 1 and argv[1] else None
    pids = []
    for line in sys.stdin:  # until kg serve closes the pipe or dies
        if line.startswith("pid "):
            pids.append(int(line.split()[1]))
    clean(remove, pids)


if __name__ == "__main__":
    main(sys.argv)
