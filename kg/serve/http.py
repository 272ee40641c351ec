"""HTTP for `kg push`: urllib with bounded retries, one-line errors, hidden credentials.

Every request has a timeout. 5xx answers, timeouts and dropped connections are retried
with exponential backoff, which is safe because RDF graphs are sets (triples sent twice
are stored once) and every write kg sends is idempotent. Answers that retrying cannot
change fail at once (see kg.serve.replies). Only the standard library talks HTTP, so
pushing needs nothing beyond kg's own dependencies.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.request
import urllib.response
from dataclasses import dataclass, field
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from kg.errors import KgError
from kg.serve.credentials import (
    PASSWORD_ENV,
    USER_ENV,
    Secrets,
    basic_authorization,
    credentials,
)
from kg.serve.replies import hint, retry_helps, server_message
from kg.serve.urls import LOOPBACK, shown

MAX_ERROR_BODY = 256 * 1024  # bytes of an error answer read for its message


class HttpError(KgError):
    """A failed request; `status` is the HTTP status when the server answered."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class DigestAuth(urllib.request.HTTPDigestAuthHandler):
    """urllib's digest handler, answering challenges before they are made.

    urllib sends every request first without credentials and resends it after the 401.
    Besides doubling the traffic, that breaks large bodies: Virtuoso answers the 401 and
    closes the connection while a multi-megabyte PUT is still being sent, which urllib
    reports as a connection reset. So once a challenge is known, later requests carry the
    answer at once (nonce count going up); a refused answer to a fresh challenge means a
    wrong user or password and is not resent five times.
    """

    def __init__(self, passwords: urllib.request.HTTPPasswordMgr) -> None:
        super().__init__(passwords)
        self.challenge: dict[str, str] | None = None

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        if self.challenge is not None and not req.has_header("Authorization"):
            answer = self.get_authorization(req, self.challenge)
            if answer:
                req.add_unredirected_header("Authorization", f"Digest {answer}")
        return req

    https_request = http_request

    def retry_http_digest_auth(self, req: urllib.request.Request, auth: str
                               ) -> urllib.response.addinfourl | None:
        if getattr(req, "kg_fresh_answer", False):
            return None  # the 401 goes up as it is
        _, challenge = auth.split(" ", 1)
        self.challenge = urllib.request.parse_keqv_list(
            filter(None, urllib.request.parse_http_list(challenge)))
        req.kg_fresh_answer = True  # type: ignore[attr-defined]
        return super().retry_http_digest_auth(req, auth)


@dataclass
class _Host:
    opener: urllib.request.OpenerDirector
    authorization: str | None  # basic: sent with every request
    digest: DigestAuth | None
    has_credentials: bool


@dataclass
class HttpClient:
    """Requests with retries; errors are HttpError with one scrubbed line."""

    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    auth: str = "basic"  # or "digest"
    requests: int = 0
    secrets: Secrets = field(default_factory=Secrets)
    _hosts: dict[str, _Host] = field(default_factory=dict)

    def send(self, method: str, url: str, body: bytes | None = None,
             content_type: str | None = None, accept: str | None = None,
             retries: int | None = None) -> bytes:
        """The response body. 4xx, refusals and unreachable hosts fail at once; 5xx,
        timeouts and dropped connections are retried, then fail with the last problem."""
        retries = self.retries if retries is None else retries
        problem, status = "no attempt", None
        for attempt in range(retries + 1):
            if attempt:
                time.sleep(min(self.backoff * 2 ** (attempt - 1), 30.0))
            try:
                return self._once(method, url, body, content_type, accept)
            except HTTPError as exc:
                status = exc.code
                problem, retry = self._http_problem(exc, url)
                if not retry:
                    raise self.error(method, url, problem, status) from None
            except URLError as exc:
                if isinstance(exc.reason, (ConnectionRefusedError, socket.gaierror)) \
                        or not isinstance(exc.reason, OSError):
                    raise self.error(method, url, _unreachable(exc.reason)) from None
                problem, status = _transient(exc.reason, self.timeout), None
            except (OSError, http.client.HTTPException) as exc:
                problem, status = _transient(exc, self.timeout), None
            except ValueError as exc:  # urllib's digest handler: an algorithm it lacks
                raise self.error(method, url, f"cannot authenticate ({exc})") from None
        attempts = f" ({retries + 1} attempts)" if retries else ""
        raise self.error(method, url, problem + attempts, status)

    def error(self, method: str, url: str, problem: str, status: int | None = None
              ) -> HttpError:
        """An HttpError whose text holds no credential in any form."""
        return HttpError(self.secrets.scrub(f"{method} {shown(url)}: {problem}"), status)

    def _once(self, method: str, url: str, body: bytes | None, content_type: str | None,
              accept: str | None) -> bytes:
        host = self._host(url)
        if body and host.digest is not None and host.digest.challenge is None:
            self._probe(host, url)
        request = urllib.request.Request(url, data=body, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        if accept:
            request.add_header("Accept", accept)
        if host.authorization:  # not repeated on a redirect, which may go to another host
            request.add_unredirected_header("Authorization", host.authorization)
        self.requests += 1
        with host.opener.open(request, timeout=self.timeout) as response:
            return response.read()

    def _probe(self, host: _Host, url: str) -> None:
        """A body-less HEAD to learn the digest challenge before the first body is sent."""
        try:
            host.opener.open(urllib.request.Request(url, method="HEAD"),
                             timeout=self.timeout).close()
        except (OSError, http.client.HTTPException):  # HTTPError and URLError included
            pass  # the real request will tell

    def _host(self, url: str) -> _Host:
        """Per host: basic auth goes in the first request (the header is kept); digest
        answers the server's challenge (a handler in the opener)."""
        parts = urlsplit(url)
        if parts.netloc not in self._hosts:
            creds = credentials(url)
            handlers: list[urllib.request.BaseHandler] = []
            if parts.hostname in LOOPBACK:  # a proxy cannot reach this machine's loopback
                handlers.append(urllib.request.ProxyHandler({}))
            authorization, digest = None, None
            if creds:
                self.secrets.add(*creds)
            if creds and self.auth == "digest":
                manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", *creds)
                digest = DigestAuth(manager)
                handlers.append(digest)
            elif creds:
                authorization = basic_authorization(*creds)
            self._hosts[parts.netloc] = _Host(urllib.request.build_opener(*handlers),
                                              authorization, digest, creds is not None)
        return self._hosts[parts.netloc]

    def _http_problem(self, exc: HTTPError, url: str) -> tuple[str, bool]:
        """The problem line of an error answer (credentials scrubbed before anything is cut
        or unescaped) and whether a retry may help."""
        try:
            raw = exc.read(MAX_ERROR_BODY)
        except Exception:  # noqa: BLE001 - the status line is enough when the body is unreadable
            raw = b""
        finally:
            exc.close()
        headers = exc.headers or {}
        content_type = headers.get("Content-Type", "") or ""
        charset = "utf-8"
        if "charset=" in content_type:
            charset = content_type.split("charset=", 1)[1].split(";")[0].strip() or charset
        try:
            text = raw.decode(charset, "replace")
        except LookupError:
            text = raw.decode("utf-8", "replace")
        reason = str(exc.reason)
        scrub = self.secrets.scrub
        message = scrub(server_message(scrub(text), content_type, reason))
        problem = f"HTTP {exc.code} {reason}" + (f": {message}" if message else "")
        has_credentials = self._host(url).has_credentials
        tip = hint(exc.code, message, headers.get("WWW-Authenticate", "") or "", self.auth,
                   has_credentials, USER_ENV, PASSWORD_ENV, urlsplit(url).path)
        if tip:
            problem += f" ({tip})"
        return problem, retry_helps(exc.code, message)


def _transient(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout:g} s"
    return f"connection failed ({type(exc).__name__})"


def _unreachable(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    return f"cannot connect ({reason})"
