"""Stage 0: paths on the command line → documents (id, NFC text, optional date).

Accepted inputs: .txt files (id = file name without extension), .jsonl files of
`{"id", "text", "date"?, "url"?, "outlet"?}` records (the url and outlet of a news record
go onto every event it reports, so that a report can be traced and outlets counted),
directories holding those, and `-` for stdin.
Every failure is a `KgError` with a one-line message; the CLI turns it into exit 2.

Documents are read one at a time (`iter_inputs`), so memory holds one document, not the
corpus. The limits are counted on the bytes actually read, never on what `stat` says:
FIFOs, devices (`/dev/zero`) and stdin have no size until they are read. JSON Lines are
split on "\n" only (JSON allows a raw U+2028 inside a string).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import KgError
from kg.text.segment import normalize

MAX_BYTES = 200 * 1024 * 1024  # all inputs of one run together
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # one .txt file, one JSON line, or stdin text
SUFFIXES = (".txt", ".jsonl")
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def _decode(data: bytes, where: str, first: bool = True) -> str:
    try:
        return data.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise KgError(f"{where}: not valid UTF-8 (byte {exc.start})") from None


class Budget:
    """Bytes read so far in this run, against MAX_BYTES (every input kind counts)."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = MAX_BYTES if limit is None else limit
        self.used = 0

    def take(self, n: int, where: str) -> None:
        self.used += n
        if self.used > self.limit:
            raise KgError(f"{where}: the input is over the {self.limit} byte limit of one "
                          "run; split it into several runs (kg build --append)")


def _read_bounded(fh: BinaryIO, where: str, budget: Budget, head: bytes = b"") -> bytes:
    """All of `fh` (after `head`, bytes already read from it), but never more than
    MAX_DOCUMENT_BYTES: a device never ends."""
    room = MAX_DOCUMENT_BYTES + 1 - len(head)
    data = head + fh.read(room) if room > 0 else head
    if len(data) > MAX_DOCUMENT_BYTES:
        raise KgError(f"{where}: one document is over the {MAX_DOCUMENT_BYTES} byte limit")
    budget.take(len(data), where)
    return data


def _lines(fh: BinaryIO, where: str, budget: Budget,
           head: bytes = b"") -> Iterator[tuple[int, str]]:
    """Numbered lines split on "\\n" only: JSON allows a raw U+2028 or U+0085 inside a
    string, and str.splitlines() would cut a record there. Each line is bounded."""
    lineno = 0
    while True:
        raw = _readline(fh, head) if head else fh.readline(MAX_DOCUMENT_BYTES + 1)
        head = head[len(raw):] if head else b""
        if not raw:
            return
        lineno += 1
        loc = f"{where}:{lineno}"
        if len(raw) > MAX_DOCUMENT_BYTES:
            raise KgError(f"{loc}: one line is over the {MAX_DOCUMENT_BYTES} byte limit")
        budget.take(len(raw), loc)
        yield lineno, _decode(raw.rstrip(b"\r\n"), loc, first=lineno == 1)


def _readline(fh: BinaryIO, head: bytes) -> bytes:
    """The next line of `head` + `fh` (a line that starts in `head` may end in `fh`)."""
    cut = head.find(b"\n")
    if cut >= 0:
        return head[:cut + 1]
    return head + fh.readline(max(MAX_DOCUMENT_BYTES + 1 - len(head), 1))


def _no_surrogate(value: str, field: str, loc: str) -> str:
    """JSON can spell a lone surrogate (\\ud800), which no UTF-8 output can hold."""
    m = _SURROGATE.search(value)
    if m:
        raise KgError(f"{loc}: {field!r} holds a lone surrogate (U+{ord(m.group()):04X}), "
                      "which is not a character")
    return value


def read_text(path: Path) -> str:
    """A UTF-8 text file, or a one-line KgError saying why not."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KgError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: cannot read ({exc})") from None


def _record(line: str, loc: str) -> Document:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise KgError(f"{loc}: invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise KgError(f"{loc}: invalid JSON (nested too deeply)") from None
    if not isinstance(rec, dict):
        raise KgError(f"{loc}: expected a JSON object")
    doc_id = rec.get("id", rec.get("doc"))
    body = rec.get("text")
    if not isinstance(doc_id, str) or not doc_id.strip() or not isinstance(body, str):
        raise KgError(f"{loc}: a record needs string fields 'id' and 'text'")
    outlet = _optional_text(rec, "outlet", loc)
    return Document(_no_surrogate(doc_id, "id", loc),
                    normalize(_no_surrogate(body, "text", loc)),
                    parse_date(rec.get("date"), loc), parse_url(rec.get("url"), loc),
                    outlet and _no_surrogate(outlet, "outlet", loc))


def _jsonl_documents(lines: Iterable[tuple[int, str]], where: str) -> Iterator[Document]:
    for lineno, line in lines:
        if line.strip():
            yield _record(line, f"{where}:{lineno}")


def _file_documents(path: Path, budget: Budget) -> Iterator[Document]:
    """One file of any kind (regular, FIFO, device), read within the limits."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        yield from stream_documents(fh, str(path), path.suffix, path.stem, budget)


def stream_documents(fh: BinaryIO, where: str, suffix: str, stem: str,
                     budget: Budget) -> Iterator[Document]:
    """The documents of one open file (a .jsonl file's records, else one text with the
    id `stem`), read within the limits; `where` names it in errors. A local file and a
    file opened through fsspec (kg.scale.shards) give the same documents."""
    try:
        if suffix == ".jsonl":
            yield from _jsonl_documents(_lines(fh, where, budget), where)
        else:
            text = _decode(_read_bounded(fh, where, budget), where)
            yield Document(stem, normalize(text))
    except OSError as exc:
        raise KgError(f"{where}: cannot read ({exc.strerror or exc})") from None


def directory_files(path: Path) -> list[Path]:
    """The input files of a directory, as every reader takes them: sorted, recursive,
    .txt and .jsonl only."""
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def read_path(path: Path, budget: Budget | None = None) -> Iterator[Document]:
    """Documents of one file or directory (directories: sorted, recursive)."""
    budget = budget or Budget()
    if not path.exists():
        raise KgError(f"{path}: no such file or directory")
    if path.is_dir():
        files = directory_files(path)
        if not files:
            raise KgError(f"{path}: directory holds no .txt or .jsonl files")
        for f in files:
            yield from _file_documents(f, budget)
        return
    yield from _file_documents(path, budget)


_BLANK = b" \t\r\n\f\v"
_BOM = b"\xef\xbb\xbf"


def _stdin_documents(budget: Budget, stdin_id: str) -> Iterator[Document]:
    """stdin: JSON Lines if its first non-blank character is "{", else one text. Only
    the blank start is read ahead, so a stream of records is never held whole."""
    fh = sys.stdin.buffer
    head = b""
    while True:
        block = fh.read1(65536) if hasattr(fh, "read1") else fh.read(65536)
        head += block
        if not block or head.removeprefix(_BOM).lstrip(_BLANK):
            break
        if len(head) > MAX_DOCUMENT_BYTES:
            raise KgError(f"stdin: one document is over the {MAX_DOCUMENT_BYTES} byte limit")
    if head.removeprefix(_BOM).lstrip(_BLANK).startswith(b"{"):
        yield from _jsonl_documents(_lines(fh, "stdin", budget, head), "stdin")
        return
    text = _decode(_read_bounded(fh, "stdin", budget, head), "stdin")
    yield Document(stdin_id, normalize(text))


def iter_inputs(paths: Iterable[str], stdin_id: str = "stdin") -> Iterator[Document]:
    """The documents named on the command line, in order, one at a time, within the
    per-document and per-run limits; ids must be unique (a set of ids is all that is
    kept)."""
    budget = Budget()
    seen: set[str] = set()
    for raw in paths:
        docs = _stdin_documents(budget, stdin_id) if raw == "-" else \
            read_path(Path(raw), budget)
        for d in docs:
            if d.id in seen:
                raise KgError(f"document id {d.id!r} occurs twice in the input")
            seen.add(d.id)
            yield d


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents `iter_inputs` will give (.txt files, non-blank JSON Lines), for
    a progress bar, or None when that cannot be known without consuming the input
    (stdin, FIFOs, devices) or the input is over the run limit anyway. Reads the files
    in blocks: memory stays small whatever their lines."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-" or not (path.is_dir() or path.is_file()):
            return None
        files.extend(directory_files(path) if path.is_dir() else [path])
    try:
        if sum(f.stat().st_size for f in files) > MAX_BYTES:
            return None
        return sum(_jsonl_count(f) if f.suffix == ".jsonl" else 1 for f in files)
    except OSError:
        return None


def _jsonl_count(path: Path) -> int:
    n, blank = 0, True
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            *ends, last = block.split(b"\n")
            for part in ends:
                if not (blank and not part.strip()):
                    n += 1
                blank = True
            blank = blank and not last.strip()
    return n if blank else n + 1


def read_inputs(paths: Iterable[str], stdin_id: str = "stdin") -> list[Document]:
    """All documents named on the command line, as a list (small inputs, tests)."""
    return list(iter_inputs(paths, stdin_id))
