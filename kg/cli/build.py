"""`kg extract`, `kg build`, `kg evaluate`, `kg validate`: text in, events and graphs out."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from kg.errors import KgError
from kg.rdf.formats import FORMATS as RDF_FORMATS
from kg.scale.options import plan_from, scale_options

if TYPE_CHECKING:
    from kg.rdf.stream import BuildReport

FORCE_HELP = "Replace an existing output even when the input holds no events."


def _documents(paths: tuple[str, ...]) -> Iterator:
    from kg.text.documents import iter_inputs

    if not paths:
        raise KgError("no input: name .txt/.jsonl files, directories, or - for stdin")
    return iter_inputs(paths)


def _results(paths: tuple[str, ...], use_parse: bool | None, scale: dict,
             label: str) -> Iterator:
    """The documents' results in input order, one at a time, on the processes or
    cluster the scale options name (kg.scale): documents are read as the workers need
    them, and nothing keeps the results once the caller has consumed them."""
    from kg.scale.run import extract as run
    from kg.settings import Settings
    from kg.text.documents import count_documents

    settings = Settings.from_env(parse=use_parse)
    docs = _documents(paths)
    return run(docs, settings, plan_from(**scale), total=count_documents(paths), label=label)


def _partitions(paths: tuple[str, ...], scale: dict, shards: str | None) -> list | None:
    """With --scheduler and file inputs (paths, directories, fsspec URLs): the files the
    workers read, one partition each (kg.scale.shards); else None, and the client reads
    the input (stdin, FIFOs) and sends the documents."""
    if scale.get("scheduler") is None:
        if shards is not None:
            raise KgError("--shards needs --scheduler: the Dask workers write the shards")
        return None
    from kg.scale.shards import partitions

    plan_from(**scale)  # a bad --scheduler or --jobs before any input is looked at
    if not paths:
        raise KgError("no input: name .txt/.jsonl files, directories, or - for stdin")
    found = partitions(paths)
    if found is None and shards is not None:
        raise KgError("--shards needs files as input (paths, directories or URLs), "
                      "not stdin, a FIFO or a device")
    return found


def _feed_shards(builder, sources: list, paths: tuple[str, ...],
                 use_parse: bool | None, scale: dict, shards: str | None,
                 workdir: Path | None) -> None:
    """The workers read the partitions and write the shards, which go into `builder`;
    the shard folder is removed afterwards unless it is --shards, and no temporary file
    of a shard is left in it either way."""
    import shutil
    import tempfile

    from kg.scale.run import merge_shards
    from kg.scale.shards import prepare_folder
    from kg.settings import Settings
    from kg.text.documents import count_documents

    plan = plan_from(**scale)
    settings = Settings.from_env(parse=use_parse)
    if shards is not None:
        folder = prepare_folder(Path(shards))
    else:
        folder = Path(tempfile.mkdtemp(prefix=".kg-shards-", dir=workdir)).resolve()
    try:
        merge_shards(sources, settings, plan, builder, folder, total=count_documents(paths),
                     keep=shards is not None)
    finally:
        if shards is None:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for temp in folder.glob(".part-*.tmp"):
                temp.unlink(missing_ok=True)


def _target(output: str) -> Path | None:
    """The output path (None: stdout), checked before any work: its directory also
    holds the build's temporary files."""
    if output == "-":
        return None
    path = Path(output)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise KgError(f"{path}: directory {directory} does not exist")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise KgError(f"{path}: cannot write in {directory} (permission denied)")
    return path


@click.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", default="-", help="JSON Lines file (default: stdout).")
@click.option("--no-parse", is_flag=True, help="Case-marker rules only, without the Stanza parse.")
@scale_options
@click.option("--force", is_flag=True, help=FORCE_HELP)
def extract(paths: tuple[str, ...], output: str, no_parse: bool, force: bool,
            **scale: object) -> None:
    """Extract events from PATHS (.txt, .jsonl, directories, - for stdin) as JSON Lines."""
    from kg.extract.records import public
    from kg.rdf.write import atomic_output, output_lock

    target = _target(output)
    results = _results(paths, False if no_parse else None, scale, "extract")
    documents = events = 0
    if target is None:
        for res in results:
            documents += 1
            events += len(res.records)
            sys.stdout.writelines(json.dumps(public(r), ensure_ascii=False) + "\n"
                                  for r in res.records)
        return
    with ExitStack() as lock:  # released after the rename
        with atomic_output(target) as out:  # a temporary file next to the target
            for res in results:
                documents += 1
                events += len(res.records)
                out.writelines(json.dumps(public(r), ensure_ascii=False).encode("utf-8")
                               + b"\n" for r in res.records)
            lock.enter_context(output_lock(target))
            _refuse_eventless(target, events, documents, force)
    click.echo(f"{_count(events, 'event')} from {_count(documents, 'document')} → "
               f"{output}", err=True)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", default=None,
              help="Graph file; - for stdout. The format follows the extension. "
                   "[default: graph.ttl, or the --append file]")
@click.option("--format", "fmt", type=click.Choice(list(RDF_FORMATS)),
              help="RDF format (default: from the extension, else Turtle).")
@click.option("--append", "append_to", type=click.Path(dir_okay=False),
              help="Add or replace PATHS' documents (by id) in this TriG/N-Quads dataset, "
                   "keeping its other documents (created if missing).")
@click.option("--no-parse", is_flag=True, help="Case-marker rules only, without the Stanza parse.")
@scale_options
@click.option("--same-event-days", "window", type=click.IntRange(min=0), default=1,
              show_default=True,
              help="Reports of the same act by the same actors at most this many days apart "
                   "are one canonical event.")
@click.option("--shards", metavar="DIR",
              help="With --scheduler and file inputs: keep the N-Quads shards the workers "
                   "write (DIR/part-NNNNN.nq, one per input file, its document graphs; "
                   "with a .jsonl sidecar) for a bulk load, besides the merged output. "
                   "DIR must be reachable by the workers and this process. "
                   "[default: a temporary folder next to the output, removed]")
@click.option("--force", is_flag=True, help=FORCE_HELP)
def build(paths: tuple[str, ...], output: str | None, fmt: str | None,
          append_to: str | None, no_parse: bool, window: int, shards: str | None,
          force: bool, **scale: object) -> None:
    """Build the RDF knowledge graph of PATHS (one named graph per document)."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.formats import format_for
    from kg.rdf.stream import GraphBuilder, check_base
    from kg.rdf.write import atomic_output, output_lock

    output = output or append_to or "graph.ttl"
    fmt = format_for(output, fmt)
    base = Path(append_to) if append_to else None
    if base is not None:
        check_base(base)
    target = _target(output)
    use_parse = False if no_parse else None
    sources = _partitions(paths, scale, shards)
    results = _results(paths, use_parse, scale, "build") if sources is None else None
    workdir = target.parent if target is not None else None  # else the system's temp
    with GraphBuilder(fmt, default_gazetteer(), window, workdir) as builder:
        if results is None:  # the workers read the files and write shards
            _feed_shards(builder, sources or [], paths, use_parse, scale, shards, workdir)
        else:
            for res in results:  # one document at a time into the external sort
                builder.add(res)
        # read-modify-write: one run at a time per directory
        with output_lock(*[p for p in (target, base) if p is not None]):
            if base is not None and base.exists():
                builder.merge_base(base)
            builder.finish()
            report = builder.report
            if base is None:  # --append keeps the other documents: nothing is emptied
                _refuse_eventless(target, report.events, report.documents, force)
            if target is None:
                builder.write(sys.stdout.buffer)
            else:
                with atomic_output(target) as out:
                    builder.write(out)
    out = sys.stderr if target is None else sys.stdout
    _summary(report, output, fmt, out)
    counts = report.counts
    print(f"canonical events: {counts['canonical']} (reports of one event within "
          f"{window} day{'s' if window != 1 else ''} counted once)", file=out)
    if base is not None:
        print(f"documents: {counts['added']} added, {counts['replaced']} replaced, "
              f"{counts['kept']} kept from {append_to}", file=out)


def _refuse_eventless(target: Path | None, events: int, documents: int, force: bool) -> None:
    """An empty or eventless input never replaces what the user has: it is far more
    often a wrong path or a failed download than a wish to empty a graph."""
    if events == 0 and target is not None and target.exists() and not force:
        raise KgError(f"the input ({_count(documents, 'document')}) holds no events; "
                      f"{target} was left as it was (--force to replace it)")


def _count(n: int, noun: str) -> str:
    """'1 document', '2 documents'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _summary(report: BuildReport, output: str, fmt: str, out: TextIO) -> None:
    where = "stdout" if output == "-" else output
    print(f"graph: {where} ({fmt}, {report.statements} triples) from "
          f"{_count(report.documents, 'document')}, {_count(report.events, 'event')}",
          file=out)
    if report.types:
        print("events by type: " + ", ".join(f"{t} {n}" for t, n in
                                             report.types.most_common()), file=out)
        print("most active actors: " + ", ".join(f"{a} ({n})" for a, n in
                                                report.actors.most_common(5)), file=out)


@click.command()
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--pred", "pred_file", type=click.Path(dir_okay=False),
              help="Score these predictions (JSON Lines records) instead of running kg.")
@click.option("--no-parse", is_flag=True, help="Case-marker rules only, without the Stanza parse.")
@click.option("--ablation", is_flag=True,
              help="Score with and without the parse, each with and without the learned "
                   "event filter, and print all four.")
@click.option("--agreement", "second", type=click.Path(dir_okay=False),
              help="Instead of running kg: how far a second, independent annotation of "
                   "some of GOLD's passages agrees with GOLD.")
@click.option("-v", "--verbose", is_flag=True, help="List misses and false positives.")
def evaluate(gold: str, pred_file: str | None, no_parse: bool, ablation: bool,
             second: str | None, verbose: bool) -> None:
    """Score extraction against a gold file (event-schema.md §5): P, R, F1 per type."""
    from kg.evaluate import format_report, load_gold

    gold_docs = load_gold(Path(gold))
    if second:
        click.echo(_agreement(gold_docs, load_gold(Path(second))))
        return
    if pred_file:
        scores = _score(gold_docs, _predictions(Path(pred_file)))
        click.echo(format_report(Path(gold).name, scores, verbose))
        return
    runs: list[tuple[bool | None, bool | None]] = (
        [(p, f) for p in (False, True) for f in (False, True)] if ablation
        else [(False if no_parse else None, None)])
    for use_parse, use_filter in runs:
        pipeline = _pipeline(use_parse, use_filter)
        label = f"{Path(gold).name} [{'parse' if pipeline.parsing else 'no parse'}"
        label += ", filter]" if pipeline.event_filter is not None else ", no filter]"
        scores = _score(gold_docs, _run_gold(gold_docs, pipeline, gold))
        click.echo(format_report(label, scores, verbose))


def _agreement(first: list[dict], second: list[dict]) -> str:
    from kg.agreement import agreement, format_agreement
    from kg.evaluate import Matcher
    from kg.lang.gazetteer import default_gazetteer

    matcher = Matcher(default_gazetteer())
    lenient = agreement(first, second, matcher)
    if not lenient.passages:
        raise KgError("the two gold files share no passage (by 'doc')")
    return format_agreement(lenient, agreement(first, second, matcher, strict=True))


def _predictions(path: Path) -> dict[str, list[dict]]:
    from kg.text.documents import read_text

    by_doc: dict[str, list[dict]] = {}
    for n, line in enumerate(read_text(path).splitlines(), 1):
        if line.strip():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KgError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
            by_doc.setdefault(rec.get("doc"), []).append(rec)
    return by_doc


def _run_gold(gold_docs: list[dict], pipeline, where: str) -> dict[str, list[dict]]:
    from kg.text.documents import Document, parse_date
    from kg.text.segment import normalize

    docs = (Document(g["doc"], normalize(g.get("text", "")), parse_date(g.get("date"), where))
            for g in gold_docs)
    return {res.doc.id: res.records for res in pipeline.stream(docs)}


def _score(gold_docs: list[dict], by_doc: dict[str, list[dict]]):
    from kg.evaluate import Matcher, Scores, score_document
    from kg.lang.gazetteer import default_gazetteer

    scores = Scores()
    matcher = Matcher(default_gazetteer())
    for g in gold_docs:
        score_document(g, by_doc.get(g["doc"], []), matcher, scores)
    return scores


def _pipeline(use_parse: bool | None, use_filter: bool | None = None):
    """None: as the environment says (parse when the models are installed, the event filter
    unless KG_NO_FILTER); True: require the models; False: rules only / no filter."""
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    return Pipeline(Settings.from_env(parse=use_parse, event_filter=use_filter))


@click.command()
@click.argument("graph_file", type=click.Path(dir_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="Print the full SHACL report.")
def validate(graph_file: str, verbose: bool) -> None:
    """Validate an RDF file against the kg SHACL shapes (exit 1 if it does not conform)."""
    from kg.rdf.validate import validate_file

    conforms, report = validate_file(Path(graph_file))
    if conforms:
        click.echo(f"{graph_file}: conforms")
        return
    click.echo(f"{graph_file}: does NOT conform", err=True)
    click.echo(report if verbose else report.splitlines()[0] if report else "", err=True)
    sys.exit(1)
