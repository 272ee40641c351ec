"""`kg build --scheduler` on files: the workers read the input and write N-Quads shards.

The input files are the partitions, in the order a local build reads them (each file
named, each file of a named directory, sorted; each file an fsspec URL such as
s3://bucket/dir/*.jsonl names, sorted). A task reads its one partition on the worker,
exactly as kg.text.documents reads that file (the same limits, ids and dates; the run
limit of MAX_BYTES applies to each partition, not to their sum), runs it through the
worker's pipeline in chunks, and writes

- `part-NNNNN.nq`: the partition's document graphs, N-Quads, one statement a line, in
  input order (a document's statements together);
- `part-NNNNN.jsonl`: one line per document, what the merge needs that the statements
  do not hold: its id, its number of statements, the types and actor labels of its
  events (the summary), the relations it uses (the ontology graph) and its actors'
  entries (the actors graph).

Both are written under temporary names in the shard folder and renamed when complete.
The client merges the shards in partition order into the streaming GraphBuilder
(kg.rdf.stream), the lines going into its sort being the ones a local build spools, so
the file is the local build's, byte for byte; ids that occur twice in the input are
refused as a local build refuses them.

The shard folder must be one path that the client and every worker reach (a shared
file system): `--shards DIR`, or by default a temporary folder next to the output that
is removed after the merge.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.text.documents import SUFFIXES, Budget, directory_files, stream_documents

if TYPE_CHECKING:
    from kg.lang.gazetteer import Entity
    from kg.pipeline import Pipeline
    from kg.rdf.stream import GraphBuilder
    from kg.text.documents import Document

_GLOB = re.compile(r"[*?\[]")
_PART = re.compile(r"^part-\d{5,}\.(nq|jsonl)$")


@dataclass(slots=True)
class ShardResult:
    """What a task sends back: the rest is in its two files."""

    index: int
    documents: int
    sentences: int
    timings: Counter[str] = field(default_factory=Counter)
    error: str | None = None  # a KgError's line (returned, not raised: no worker log)


@dataclass(frozen=True, slots=True)
class Partition:
    """One input file: where a worker reads it (an absolute path or a URL), and how
    errors name it (as the user wrote it, as a local build names it)."""

    source: str
    label: str


def shard_name(index: int) -> str:
    return f"part-{index:05d}"


def is_url(raw: str) -> bool:
    return "://" in raw


# ---------------------------------------------------------------------- partitions
def partitions(paths: Iterable[str]) -> list[Partition] | None:
    """The input files, one partition each, in reading order (local paths made
    absolute: a worker's working directory is not the client's), or None when an input
    is stdin, a FIFO or a device, which only the client can read."""
    found: list[Partition] = []
    for raw in paths:
        if raw == "-":
            return None
        if is_url(raw):
            found.extend(Partition(url, url) for url in _url_files(raw))
            continue
        path = Path(raw)
        if path.is_dir():
            files = directory_files(path)
            if not files:
                raise KgError(f"{path}: directory holds no .txt or .jsonl files")
            found.extend(Partition(os.path.abspath(f), str(f)) for f in files)
        elif path.is_file():
            found.append(Partition(os.path.abspath(path), str(path)))
        elif not path.exists():
            raise KgError(f"{path}: no such file or directory")
        else:
            return None
    return found


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        raise KgError("URL inputs need fsspec: pip install 'kg[dask]'") from None
    return fsspec


def _url_files(url: str) -> list[str]:
    """The files an fsspec URL names: a glob's matches, a directory's .txt/.jsonl files
    (recursive), or the one file; sorted."""
    fsspec = _fsspec()
    try:
        fs, path = fsspec.core.url_to_fs(url)
        if _GLOB.search(path):
            names = [p for p in fs.glob(path) if fs.isfile(p)]
        elif fs.isdir(path):
            names = [p for p in fs.find(path) if PurePosixPath(p).suffix in SUFFIXES]
        elif fs.isfile(path):
            names = [path]
        else:
            raise KgError(f"{url}: no such file or directory")
    except (ImportError, ValueError) as exc:  # an unknown protocol, its package missing
        raise KgError(f"{url}: cannot open ({exc})") from None
    except OSError as exc:
        raise KgError(f"{url}: cannot read ({exc.strerror or exc})") from None
    if not names:
        raise KgError(f"{url}: names no .txt or .jsonl files")
    return [fs.unstrip_protocol(p) for p in sorted(names)]


def partition_documents(part: Partition) -> Iterator[Document]:
    """The documents of one partition, as a local build reads that file."""
    budget = Budget()
    source = part.source
    if not is_url(source):
        path = Path(source)
        try:
            fh = path.open("rb")
        except OSError as exc:
            raise KgError(f"{part.label}: cannot read ({exc.strerror})") from None
        with fh:
            yield from stream_documents(fh, part.label, path.suffix, path.stem, budget)
        return
    fsspec = _fsspec()
    name = PurePosixPath(fsspec.core.url_to_fs(source)[1])
    try:
        opened = fsspec.open(source, "rb")
        with opened as raw:
            fh = raw if hasattr(raw, "read1") else io.BufferedReader(raw)
            yield from stream_documents(fh, source, name.suffix, name.stem, budget)
    except FileNotFoundError:
        raise KgError(f"{source}: no such file") from None
    except OSError as exc:
        raise KgError(f"{source}: cannot read ({exc.strerror or exc})") from None


# ---------------------------------------------------------------------- on a worker
def write_shard(pipeline: Pipeline, index: int, part: Partition, folder: str,
                chunk: int) -> ShardResult:
    """One partition through `pipeline`, `chunk` documents per batch, into its shard
    and sidecar in `folder`, each renamed into place when whole (kg.rdf.write's
    atomic_output: nothing is left under a temporary name, whatever fails)."""
    from kg.rdf.quads import document_graph
    from kg.rdf.stream import event_summary
    from kg.rdf.write import atomic_output
    from kg.scale.chunks import chunked
    from kg.scale.work import run_chunk

    name = shard_name(index)
    done = ShardResult(index, 0, 0)
    where = Path(folder)
    if not where.is_dir():
        raise KgError(f"{folder}: no such shard folder on this worker (the shard folder "
                      "must be reachable from every worker)")
    with atomic_output(where / f"{name}.nq") as nq, \
            atomic_output(where / f"{name}.jsonl") as side:
        for docs in chunked(partition_documents(part), chunk):
            result = run_chunk(pipeline, index, docs)
            done.timings.update(result.timings)
            done.sentences += result.sentences
            for res in result.results:
                done.documents += 1
                n = 0
                graph, statements = document_graph(res)
                for text in statements:
                    nq.write(f"{text} <{graph}> .\n".encode())
                    n += 1
                types, labels = event_summary(res.records)
                side.write(json.dumps({
                    "id": res.doc.id, "statements": n, "types": types, "labels": labels,
                    "relations": [r["relation"] for r in res.records],
                    "actors": [_entity_json(a) for a in res.actors.values()],
                }, ensure_ascii=False).encode() + b"\n")
    return done


def _entity_json(entity: Entity) -> dict:
    return asdict(entity)


def _entity(data: dict) -> Entity:
    from kg.lang.gazetteer import Entity, Office

    offices = [Office(o["role"], o["affiliation"],
                      tuple((start, end) for start, end in o["years"]))
               for o in data.pop("offices")]
    return Entity(**data, offices=offices)


# ---------------------------------------------------------------------- on the client
def prepare_folder(folder: Path) -> Path:
    """A shard folder to keep (--shards): created if missing, refused if it holds
    shards already (a bulk load of it would mix two runs)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"--shards: cannot create {folder} ({exc.strerror or exc})") from None
    if any(_PART.match(p.name) for p in folder.iterdir()):
        raise KgError(f"--shards: {folder} already holds shards (part-*.nq); remove them "
                      "or name another folder")
    return folder.resolve()


def merge_shard(builder: GraphBuilder, folder: Path, index: int, seen: set[str],
                keep: bool = True) -> None:
    """One shard's documents into the builder, in input order; an id already seen in
    an earlier document is refused as a local build refuses it. Unless `keep`, the
    shard's files are removed once merged (the sort holds its lines now)."""
    name = shard_name(index)
    nq_path, side_path = folder / f"{name}.nq", folder / f"{name}.jsonl"
    try:
        with nq_path.open(encoding="utf-8", newline="\n") as nq, \
                side_path.open(encoding="utf-8") as side:
            for line in side:
                doc = json.loads(line)
                doc_id = doc["id"]
                if doc_id in seen:
                    raise KgError(f"document id {doc_id!r} occurs twice in the input")
                seen.add(doc_id)
                builder.add_statements(doc_id, _statements(nq, doc["statements"], nq_path),
                                       [_entity(a) for a in doc["actors"]],
                                       doc["relations"], doc["types"], doc["labels"])
    except OSError as exc:
        raise KgError(f"{nq_path}: cannot read the shard ({exc.strerror or exc})") from None
    if not keep:
        nq_path.unlink(missing_ok=True)
        side_path.unlink(missing_ok=True)


def _statements(nq: io.TextIOBase, n: int, where: Path) -> Iterator[str]:
    """The next `n` lines of a shard, each without its ` <graph> .`."""
    for _ in range(n):
        line = nq.readline()
        cut = line.rfind(" <", 0, len(line) - 3)
        if not line.endswith("> .\n") or cut < 0:
            raise KgError(f"{where}: not a shard of kg build (a line without its graph)")
        yield line[:cut]
