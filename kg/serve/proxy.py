"""A guard in front of the Oxigraph child of `kg serve`: Host, Origin and writes checked.

Oxigraph checks none of these itself. A server on 127.0.0.1 is still reachable from a
web page in the user's browser: a cross-site form can POST `update=DROP ALL` (CSRF), and
a hostile domain that re-resolves to 127.0.0.1 (DNS rebinding) can read answers. So the
served port belongs to this proxy, which forwards to Oxigraph on a private port only
requests that

- name this server in Host (127.0.0.1, localhost or [::1], with the served port), which
  a rebinding page cannot (its Host is its own domain);
- carry no Origin, or this server's own (its query page); browsers send Origin with
  every cross-site POST, PUT and DELETE;
- only read, unless `kg serve --writable` (POST /query, GET and HEAD; the child then
  also runs `oxigraph serve-read-only`, so a write cannot get through by another way).

Refusals are 403 with a one-line text/plain reason.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from kg.errors import KgError

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailer", "transfer-encoding", "upgrade", "proxy-connection",
              "expect"}  # 100-continue is answered here, the body forwarded at once
READS = {"GET", "HEAD", "OPTIONS"}
BLOCK = 64 * 1024


def local_names(port: int) -> set[str]:
    """Host header values that mean this server."""
    hosts = {"127.0.0.1", "localhost", "[::1]"}
    names = {f"{h}:{port}" for h in hosts}
    return names | hosts if port == 80 else names


def refusal(method: str, path: str, host: str | None, origin: str | None, port: int,
            writable: bool) -> str | None:
    """Why a request is refused, or None to forward it."""
    if host is None or host.lower() not in local_names(port):
        return (f"Host {host!r} is not this server (only 127.0.0.1:{port}, "
                f"localhost:{port}, [::1]:{port}: DNS rebinding protection)")
    if origin is not None and origin.lower() not in {f"http://{n}" for n in local_names(port)}:
        return f"cross-origin request from {origin!r} refused"
    if writable or method in READS or (method == "POST" and urlsplit(path).path == "/query"):
        return None
    return "read-only server: restart kg serve with --writable to allow updates"


class GuardProxy(ThreadingHTTPServer):
    """The proxy; bound at construction (so a busy port fails before anything starts),
    serving from `start` on."""

    daemon_threads = True
    upstream_port = 0
    writable = False

    def __init__(self, port: int) -> None:
        try:
            super().__init__(("127.0.0.1", port), _Handler)
        except OSError:
            raise KgError(f"127.0.0.1:{port} is in use; pick another --port "
                          "(0 = any free port)") from None
        self.port = self.server_address[1]
        self._thread: threading.Thread | None = None

    def start(self, upstream_port: int, writable: bool) -> None:
        self.upstream_port, self.writable = upstream_port, writable
        self._thread = threading.Thread(target=self.serve_forever, args=(0.1,), daemon=True,
                                        name="kg-serve-proxy")
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self.shutdown()
            self._thread.join(5)
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: GuardProxy
    timeout = 300  # an idle client connection is closed after this

    def _handle(self) -> None:
        why = refusal(self.command, self.path, self.headers.get("Host"),
                      self.headers.get("Origin"), self.server.port, self.server.writable)
        if why is not None:
            self._drain()
            self._send_text(403, why)
            return
        upstream = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port)
        try:
            try:
                response = self._forward(upstream)
            except (OSError, http.client.HTTPException):
                self.close_connection = True
                self._send_text(502, "the Oxigraph server behind kg serve is not answering")
                return
            self._relay(response)
        except (OSError, http.client.HTTPException):
            self.close_connection = True  # the client went away, or Oxigraph mid-answer
        finally:
            upstream.close()

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = _handle

    def _forward(self, upstream: http.client.HTTPConnection) -> http.client.HTTPResponse:
        """The request, streamed to Oxigraph (a chunked body stays chunked)."""
        upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        for name, value in self.headers.items():
            if name.lower() not in HOP_BY_HOP:
                upstream.putheader(name, value)
        chunked = "chunked" in self.headers.get("Transfer-Encoding", "").lower()
        if chunked:
            upstream.putheader("Transfer-Encoding", "chunked")
        upstream.endheaders()
        for block in self._body(chunked):
            upstream.send(b"%x\r\n%b\r\n" % (len(block), block) if chunked else block)
        if chunked:
            upstream.send(b"0\r\n\r\n")
        return upstream.getresponse()

    def _body(self, chunked: bool) -> Iterator[bytes]:
        """The request body in blocks, de-chunked."""
        if chunked:
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():  # trailers
                        pass
                    return
                yield self.rfile.read(size)
                self.rfile.readline()
        left = int(self.headers.get("Content-Length") or 0)
        while left > 0:
            block = self.rfile.read(min(left, BLOCK))
            if not block:
                return
            left -= len(block)
            yield block

    def _drain(self) -> None:
        """Read a refused request's body, so the connection stays usable."""
        chunked = "chunked" in self.headers.get("Transfer-Encoding", "").lower()
        for _ in self._body(chunked):
            pass

    def _relay(self, response: http.client.HTTPResponse) -> None:
        self.send_response_only(response.status, response.reason)
        length = response.getheader("Content-Length")
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        bodiless = self.command == "HEAD" or response.status in (204, 304) \
            or response.status < 200
        chunked = not bodiless and length is None
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if bodiless:
            return
        while block := response.read1(BLOCK) if chunked else response.read(BLOCK):
            self.wfile.write(b"%x\r\n%b\r\n" % (len(block), block) if chunked else block)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _send_text(self, status: int, text: str) -> None:
        body = (text + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

