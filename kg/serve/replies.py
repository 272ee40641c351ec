"""What a server's error answer says, and what to do about it.

Real servers answer errors in many shapes: Oxigraph and Fuseki in plain text, Virtuoso in
plain text from /sparql but in an HTML page from /sparql-graph-crud (the message inside
an <xmp> under a generic "HTTP/1.1 403 Forbidden" heading), proxies in HTML. Showing the
first line of the body would show `<!DOCTYPE HTML …>` and hide the message, so HTML is
reduced to its text and the most telling line is kept.

The answer also decides whether retrying can help. Retrying is right for an overloaded or
restarting server (5xx), wrong when the server has understood and refused: a 4xx, and a
5xx that carries a permission error (Virtuoso answers an update without the SPARQL_UPDATE
role with "500 … SR186: SECURITY: No permission …") or says the request is too large for
it (Virtuoso's SP031 / SQ156 / SQ200 compiler limits). Those fail at once, with a hint.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_MESSAGE = 300
# "HTTP/1.1 403 Forbidden", "500 Internal Server Error", "HTTP ERROR 500", "Error 500"
_GENERIC = re.compile(r"^(HTTP/\d(\.\d)?\s+)?\d{3}\b|^(HTTP\s+)?ERROR\s+\d{3}\b", re.I)
# Lines that carry the server's own words: an error code (SP031, SR186, SQ110) or a verdict
_TELLING = re.compile(r"\b[A-Z]{2}\d{3}\b|error\b.*:|exception|denied|permission|invalid|"
                      r"syntax|not allowed|forbidden", re.I)
_SQLSTATE_REFUSED = re.compile(r"\b(37000|42000)\b")  # ODBC: syntax error or access violation
_PERMISSION = re.compile(r"SECURITY|permission|access denied|not authori[sz]ed", re.I)
_TOO_LARGE = re.compile(r"\bSP031\b|\bSQ156\b|\bSQ200\b|memory exhausted|too large|"
                        r"exceeded \d+ lines|generated SQL", re.I)


class _Text(HTMLParser):
    """The visible text of an HTML page, one line per block; the title kept apart."""

    BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "xmp", "li", "tr",
              "td", "th", "table", "hr", "title", "body", "dt", "dd", "section"}
    HIDDEN = {"script", "style", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        self._in_title = self._in_title or tag == "title"
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        if tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)


def is_html(body: str, content_type: str = "") -> bool:
    head = body.lstrip()[:200].lower()
    return ("html" in content_type.lower() or head.startswith("<!doctype html")
            or head.startswith("<html"))


def server_message(body: str, content_type: str = "", reason: str = "") -> str:
    """The message of an error answer, one line: the first line of a plain-text body; for
    an HTML page, its most telling line of text (else its title)."""
    if is_html(body, content_type):
        page = _Text()
        try:
            page.feed(body)
            page.close()
        except Exception:  # noqa: BLE001 - a broken page still has text worth showing
            pass
        lines = _lines("".join(page.parts))
        plain = [line for line in lines if not _GENERIC.match(line) and line != reason]
        telling = [line for line in plain if _TELLING.search(line)]
        title = " ".join(" ".join(page.title).split())
        chosen = (telling or plain or [title])[0]
    else:
        lines = _lines(body)
        chosen = lines[0] if lines else ""
    if chosen == reason:
        return ""
    return chosen if len(chosen) <= MAX_MESSAGE else chosen[: MAX_MESSAGE - 1] + "…"


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def is_permission_error(message: str) -> bool:
    return bool(_PERMISSION.search(message))


def is_too_large(status: int, message: str) -> bool:
    return status == 413 or bool(_TOO_LARGE.search(message))


def retry_helps(status: int, message: str) -> bool:
    """Only a 5xx that is not a refusal in disguise: a permission error, a request too
    large for the server, or an SQL 'syntax error or access violation'."""
    if status < 500:
        return False
    return not (is_permission_error(message) or is_too_large(status, message)
                or _SQLSTATE_REFUSED.search(message))


def hint(status: int, message: str, challenge: str, auth: str, has_credentials: bool,
         user_env: str, password_env: str, path: str = "") -> str:
    """What the user can do about a refusal; "" when nothing specific helps.

    Virtuoso's /sparql-auth and /sparql-graph-crud-auth take Digest only, and answer
    basic credentials with a bare 401 (no WWW-Authenticate), hence the path test."""
    scheme = challenge.split(None, 1)[0].lower() if challenge else ""
    if status == 401 and auth != "digest" and (
            scheme == "digest" or (not scheme and path.rstrip("/").endswith("-auth"))):
        return "the server asks for Digest authentication: add --auth digest"
    if status == 401 and scheme == "basic" and auth == "digest":
        return "the server asks for Basic authentication: use --auth basic"
    if status == 401 and not has_credentials:
        return f"no credentials were sent: set {user_env} / {password_env} or a netrc entry"
    if is_permission_error(message):
        return ("no write permission: on Virtuoso the user needs the SPARQL_UPDATE role, "
                "or write through /sparql-auth with --auth digest; retrying will not help")
    if status in (401, 403):
        return f"check {user_env} / {password_env} or your netrc file"
    if is_too_large(status, message):
        return ("the request is too large for this server: use a smaller --chunk-size "
                "(Virtuoso: 500 for SPARQL Update); retrying will not help")
    return ""
