"""The Oxigraph server as a child process: load a file into a store, serve it, stop it.

A child that outlives its parent keeps serving (and holding its store) after `kg serve`
is killed with SIGKILL, which no handler in the parent can see. So on Linux each child
asks the kernel for a signal when its parent dies (prctl PR_SET_PDEATHSIG); kg.serve.
janitor covers what that cannot (removing the store, other systems).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.error import URLError
from urllib.parse import quote

from kg.errors import KgError
from kg.serve.urls import BASE

MERGED_GRAPH = BASE + "graph/merged"  # where `kg serve` loads a plain triple file
PR_SET_PDEATHSIG = 1


def oxigraph_command() -> str:
    """The `oxigraph` server installed beside kg (PyPI package `oxigraph`)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise KgError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check_port(port: int) -> None:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise KgError(f"127.0.0.1:{port} is in use; pick another --port "
                          "(0 = any free port)") from None


def die_with_parent() -> Callable[[], None] | None:
    """A preexec_fn that makes the child get SIGTERM when this process dies (Linux), or
    None where that is not available.

    The kernel ties the signal to the thread that forks, so it is only used from the main
    thread (a worker thread ending would otherwise stop the child)."""
    if not sys.platform.startswith("linux") or \
            threading.current_thread() is not threading.main_thread():
        return None
    try:
        prctl = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                      ctypes.c_ulong]
    parent = os.getpid()

    def preexec() -> None:  # runs in the child between fork and exec: no allocation
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)

    return preexec


def load_store(location: Path, path: Path,
               started: Callable[[int], None] | None = None) -> None:
    """`oxigraph load`: the file into the store; a triple file goes to MERGED_GRAPH.
    `started` gets the loader's pid (kg serve tells its janitor)."""
    from kg.rdf.formats import FORMATS, format_for

    fmt = format_for(str(path), None)
    args = [oxigraph_command(), "load", "--location", str(location), "--file", str(path),
            "--format", FORMATS[fmt].extension.lstrip(".")]
    if not FORMATS[fmt].named_graphs:
        args += ["--graph", MERGED_GRAPH]
    with subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True,
                          preexec_fn=die_with_parent()) as loader:
        if started is not None:
            started(loader.pid)
        try:
            _, err = loader.communicate()
        except BaseException:
            loader.terminate()
            loader.wait()
            raise
    if loader.returncode != 0:
        raise KgError(f"{path}: oxigraph load failed ({oxigraph_error(err)})")


def oxigraph_error(text: str) -> str:
    """The line of Oxigraph's output that says what went wrong."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("Error"):
            return line
    return lines[-1] if lines else "no message"


class OxigraphServer:
    """`oxigraph serve` (or `serve-read-only`) on 127.0.0.1, started and stopped by its
    owner (a with-block). Read-only needs a `location`."""

    def __init__(self, port: int = 0, location: Path | None = None,
                 union_default_graph: bool = False, read_only: bool = False) -> None:
        if read_only and location is None:
            raise ValueError("a read-only Oxigraph server needs a store location")
        self.port = port or free_port()
        self.location = location
        self.union_default_graph = union_default_graph
        self.read_only = read_only
        self.process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: float = 30.0) -> OxigraphServer:
        command = "serve-read-only" if self.read_only else "serve"
        args = [oxigraph_command(), command, "--bind", f"127.0.0.1:{self.port}"]
        if self.location is not None:
            args += ["--location", str(self.location)]
        if self.union_default_graph:
            args.append("--union-default-graph")
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self._log,
                                        stderr=subprocess.STDOUT,
                                        preexec_fn=die_with_parent())
        try:
            self._wait_ready(wait)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        probe = f"{self.url}/query?query=" + quote("ASK {}")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                self._log.seek(0)
                text = self._log.read().decode("utf-8", "replace")
                raise KgError(f"oxigraph serve stopped at start ({oxigraph_error(text)})")
            try:
                with opener.open(probe, timeout=1.0):
                    return
            except (URLError, OSError):
                time.sleep(0.05)
        raise KgError(f"oxigraph serve did not answer on {self.url} within {wait:g} s")

    def stop(self) -> None:
        """Terminate, then kill if it has not exited within 10 s."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if not self._log.closed:
            self._log.close()

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
