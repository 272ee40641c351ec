"""Stage 0: paths on the command line → documents (id, NFC text, optional date).

Accepted inputs: .txt files (id = file name without extension), .jsonl files of
`{"id", "text", "date"?, "url"?, "outlet"?}` records (the url and outlet of a news record
go onto every event it reports, so that a report can be traced and outlets counted),
directories holding those, and `-` for stdin.
Every failure is a `KgError` with a one-line message; the CLI turns it into exit 2.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.text.segment import normalize

MAX_BYTES = 200 * 1024 * 1024  # refuse inputs that would not fit a sensible run
SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    date: dt.date | None = None
    url: str | None = None
    outlet: str | None = None


def parse_date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise KgError(f"{where}: date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def parse_url(value: object, where: str) -> str | None:
    """An absolute http(s) URL, or None; it becomes an IRI in the graph, so anything else
    is refused here rather than by a SPARQL server."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    scheme, _, rest = text.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or any(
            c.isspace() or c in '<>"{}|\\^`' for c in text):
        raise KgError(f"{where}: url {value!r} is not an absolute http(s) URL")
    return text


def _optional_text(rec: dict, key: str, where: str) -> str | None:
    value = rec.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise KgError(f"{where}: {key!r} must be a string")
    return normalize(value).strip() or None


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KgError(f"{where}: not valid UTF-8 (byte {exc.start})") from None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KgError(f"{path}: {size} bytes is over the {MAX_BYTES} byte limit")
        return path.read_bytes()
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror})") from None


def read_text(path: Path) -> str:
    """A UTF-8 text file, or a one-line KgError saying why not."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KgError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: cannot read ({exc})") from None


def _jsonl_documents(text: str, where: str) -> Iterator[Document]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        loc = f"{where}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KgError(f"{loc}: invalid JSON ({exc.msg})") from None
        if not isinstance(rec, dict):
            raise KgError(f"{loc}: expected a JSON object")
        doc_id = rec.get("id", rec.get("doc"))
        body = rec.get("text")
        if not isinstance(doc_id, str) or not doc_id or not isinstance(body, str):
            raise KgError(f"{loc}: a record needs string fields 'id' and 'text'")
        yield Document(doc_id, normalize(body), parse_date(rec.get("date"), loc),
                       parse_url(rec.get("url"), loc), _optional_text(rec, "outlet", loc))


def read_path(path: Path) -> Iterator[Document]:
    """Documents of one file or directory (directories: sorted, recursive)."""
    if not path.exists():
        raise KgError(f"{path}: no such file or directory")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        if not files:
            raise KgError(f"{path}: directory holds no .txt or .jsonl files")
        for f in files:
            yield from read_path(f)
        return
    text = _decode(_read_bytes(path), str(path))
    if path.suffix == ".jsonl":
        yield from _jsonl_documents(text, str(path))
    else:
        yield Document(path.stem, normalize(text))


def read_inputs(paths: Iterable[str], stdin_id: str = "stdin") -> list[Document]:
    """All documents named on the command line, in order; ids must be unique."""
    docs: list[Document] = []
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            text = _decode(data, "stdin")
            stripped = text.lstrip()
            if stripped.startswith("{"):
                docs.extend(_jsonl_documents(text, "stdin"))
            else:
                docs.append(Document(stdin_id, normalize(text)))
        else:
            docs.extend(read_path(Path(raw)))
    seen: set[str] = set()
    for d in docs:
        if d.id in seen:
            raise KgError(f"document id {d.id!r} occurs twice in the input")
        seen.add(d.id)
    return docs
