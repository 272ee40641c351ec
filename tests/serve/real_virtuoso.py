"""A real Virtuoso (Debian's virtuoso-opensource 7) for the tests: a fresh database in a
temporary directory, SQL and HTTP ports on 127.0.0.1 only (free ports, never the
defaults 1111/8890), stopped and its directory removed at the end.

Why a real server and not only the recorded answers of tests/serve/virtuoso.py: the
recordings pin kg's handling of Virtuoso's errors, but only a real server shows what
Virtuoso does with kg's data and queries (a property path inside GRAPH ?g silently
returned no rows there, issue 14)."""

from __future__ import annotations

import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from tests.serve.helpers import free_port

# A fresh database's administrator; the digest endpoints (/sparql-auth,
# /sparql-graph-crud-auth) accept it and it may write (SPARQL_UPDATE).
USER, PASSWORD = "dba", "dba"
KG_GRAPHS = "https://w3id.org/kg-bn/graph/"

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
"""


class Virtuoso:
    """virtuoso-t in the foreground on its own database directory."""

    def __init__(self, program: str, directory: Path) -> None:
        self.program, self.dir = program, directory
        self.http = free_port()
        self.url = f"http://127.0.0.1:{self.http}"
        self.process: subprocess.Popen | None = None

    def start(self, wait: float = 90.0) -> Virtuoso:
        ini = self.dir / "virtuoso.ini"
        ini.write_text(INI.format(d=self.dir, sql=free_port(), http=self.http))
        log = (self.dir / "stdout.log").open("wb")
        self.process = subprocess.Popen([self.program, "+foreground", "+configfile", str(ini)],
                                        cwd=self.dir, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited: {self.log_tail()}")
            if self._answers():
                return self
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"virtuoso-t did not answer in {wait:g} s: {self.log_tail()}")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/sparql?query=ASK%7B%7D", timeout=2) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def update(self, sparql: str) -> None:
        """A SPARQL Update as the administrator (digest, /sparql-auth)."""
        auth = urllib.request.HTTPDigestAuthHandler()
        auth.add_password("SPARQL", self.url, USER, PASSWORD)
        opener = urllib.request.build_opener(auth, urllib.request.ProxyHandler({}))
        with opener.open(f"{self.url}/sparql-auth", urlencode({"query": sparql}).encode(),
                         timeout=60) as resp:
            resp.read()

    def drop_kg_graphs(self) -> None:
        """Drop every graph kg wrote (its IRIs start with KG_GRAPHS), and only those:
        Virtuoso keeps its own system graphs in the same store."""
        self.update("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } "
                    f'FILTER(STRSTARTS(STR(?g), "{KG_GRAPHS}")) }}')

    def log_tail(self) -> str:
        path = self.dir / "stdout.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def stop(self) -> None:
        """SIGTERM (Virtuoso shuts down cleanly), SIGKILL if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
