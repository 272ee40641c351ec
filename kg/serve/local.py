"""`kg serve`: one file behind a local SPARQL endpoint, read-only unless asked otherwise.

Process layout: kg serve binds the served port itself (kg.serve.proxy checks Host, Origin
and writes there) and forwards to an Oxigraph child on a private port: `oxigraph
serve-read-only` by default, `oxigraph serve` with --writable. The child dies with kg
serve (kg.serve.oxigraph.die_with_parent).

A temporary store lives in $TMPDIR/kg-serve-XXXX/store beside a file holding kg serve's
pid. It is removed on every way out: by kg serve on Ctrl-C, SIGTERM and errors; by the
janitor process (kg.serve.janitor) when kg serve is killed outright; and, if even that
was killed, by the next `kg serve`, which removes the stores whose pid is not running.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import click

from kg.errors import KgError
from kg.serve.janitor import Janitor, alive
from kg.serve.oxigraph import OxigraphServer, load_store
from kg.serve.proxy import GuardProxy

PREFIX = "kg-serve-"
PID_FILE = "kg-serve.pid"


def remove_stale_stores(root: Path | None = None) -> list[Path]:
    """Temporary stores whose kg serve is gone (a pid file naming a dead process).
    Directories without a pid file are not kg serve's to judge and are left alone."""
    removed = []
    for work in sorted(Path(root or tempfile.gettempdir()).glob(PREFIX + "*")):
        try:
            pid = int((work / PID_FILE).read_text(encoding="ascii").split()[0])
        except (OSError, ValueError, IndexError):
            continue
        if pid != os.getpid() and not alive(pid):
            shutil.rmtree(work, ignore_errors=True)
            removed.append(work)
    return removed


def temporary_store() -> Path:
    """A new work directory with this process's pid file; the store goes in `store/`."""
    work = Path(tempfile.mkdtemp(prefix=PREFIX))
    (work / PID_FILE).write_text(f"{os.getpid()}\n", encoding="ascii")
    return work


def serve_file(path: Path | None, port: int, location: Path | None,
               writable: bool = False) -> None:
    """Load `path` into a store and serve it until Ctrl-C (or SIGTERM); a temporary store
    is removed afterwards, a --location store is kept. Without `path`, serve the store
    at `location` as it is (`kg load` filled it)."""
    if path is not None and not path.is_file():
        raise KgError(f"{path}: no such file")
    if path is None and (location is None or not location.is_dir()):
        raise KgError(f"{location}: no store there (fill one with `kg load FILE "
                      f"--location {location}`)")
    proxy = GuardProxy(port)
    # Ctrl-C and SIGTERM both stop the server, even when the shell that started kg made
    # it ignore SIGINT (a background job of a non-interactive shell, as in CI).
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
    server = janitor = work = None
    try:
        remove_stale_stores()
        work = temporary_store() if location is None else None
        store = location or work / "store"
        janitor = Janitor(work)
        if path is not None:
            load_store(store, path, janitor.watch)
        server = OxigraphServer(0, store, union_default_graph=True, read_only=not writable)
        server.start()
        janitor.watch(server.process.pid)
        proxy.start(server.port, writable)
        _banner(proxy.port, store, temporary=location is None, writable=writable)
        server.process.wait()
        raise KgError(f"oxigraph serve exited with status {server.process.returncode}")
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        proxy.stop()
        if server is not None:
            server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        if janitor is not None:
            janitor.close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _banner(port: int, store: Path, temporary: bool, writable: bool) -> None:
    url = f"http://127.0.0.1:{port}"
    kept = "temporary, removed on exit" if temporary else "kept"
    if writable:
        access = (f"update: {url}/update   graph store: {url}/store\n"
                  "writable: updates accepted from this machine (Host and Origin checked)")
    else:
        access = (f"graph store: {url}/store (read)\n"
                  "read-only: updates refused (kg serve --writable to allow them)")
    click.echo(f"SPARQL endpoint: {url}/query\n{access}\nstore: {store} ({kept})\n"
               "Ctrl-C to stop")
    sys.stdout.flush()
