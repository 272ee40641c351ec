"""Credentials for a SPARQL server: where they come from, and keeping them out of messages.

They come from the environment (KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD) or a netrc file,
never from the command line, where they would land in shell history and process lists.

Servers echo what they were sent: a 401 page may quote the Authorization header, a proxy
may log the URL-encoded form, an HTML page the entity-escaped one. Blanking only the raw
password misses all of those, so `Secrets` knows every form a password travels in (raw,
user:password, base64 of that, percent-, plus-, HTML- and JSON-escaped) and `scrub`
removes each from any text before it is shown.
"""

from __future__ import annotations

import base64
import html
import json
import netrc
import os
import re
from pathlib import Path
from urllib.parse import quote, quote_plus, urlsplit

from kg.errors import KgError

USER_ENV, PASSWORD_ENV = "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"
HIDDEN = "***"
# Whatever follows these is a credential even when it is not one of ours (a proxy's token,
# a digest answer that could be attacked offline).
_AUTH_VALUES = re.compile(r"(\b(?:Basic|Bearer)\s+)[A-Za-z0-9+/=._~-]{6,}"
                          r"|(\b(?:response|cnonce)\s*=\s*\"?)[0-9A-Za-z+/=]{6,}", re.IGNORECASE)


def credentials(url: str) -> tuple[str, str] | None:
    """User and password for `url`: the environment first, then the netrc file
    ($NETRC or ~/.netrc) entry of its host. None when neither has any."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user or password:
        if not user or password is None:
            raise KgError(f"set both {USER_ENV} and {PASSWORD_ENV}, or neither")
        return user, password
    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urlsplit(url).hostname or "")
    except netrc.NetrcParseError as exc:
        raise KgError(f"{path}: cannot parse netrc file (line {exc.lineno})") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read netrc file ({exc.strerror})") from None
    if entry is None or not entry[0]:
        return None
    return entry[0], entry[2] or ""


def basic_authorization(user: str, password: str) -> str:
    """The Authorization header value of HTTP basic authentication."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def secret_forms(user: str, password: str) -> set[str]:
    """Every form in which `password` may come back in a server's answer."""
    forms: set[str] = set()
    for text in (password, f"{user}:{password}"):
        raw = text.encode("utf-8")
        b64 = base64.b64encode(raw).decode("ascii")
        forms |= {text, quote(text, safe=""), quote(text), quote_plus(text),
                  html.escape(text), html.escape(text, quote=False),
                  json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1],
                  b64, b64.rstrip("="), base64.urlsafe_b64encode(raw).decode("ascii")}
    forms.add(basic_authorization(user, password))
    return {f for f in forms if f}


class Secrets:
    """The credentials in use; `scrub` hides them in any text (case-insensitively, since
    servers may change the case of percent escapes; hiding too much is harmless)."""

    def __init__(self) -> None:
        self._forms: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, user: str, password: str) -> None:
        self._forms |= secret_forms(user, password)
        longest_first = sorted(self._forms, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE)

    def scrub(self, text: str) -> str:
        if self._pattern is not None:
            text = self._pattern.sub(HIDDEN, text)
        return _AUTH_VALUES.sub(lambda m: (m.group(1) or m.group(2)) + HIDDEN, text)
