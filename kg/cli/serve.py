"""`kg push` and `kg serve`: the SPARQL endpoint commands (the work is in kg.serve).

Both import their heavy parts (rdflib, pyoxigraph) inside the command, so `kg --help`
stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from kg.errors import KgError
from kg.rdf.formats import FORMATS as RDF_FORMATS
from kg.serve.credentials import PASSWORD_ENV, USER_ENV
from kg.serve.push import GSP_CHUNK, UPDATE_CHUNK, PushReport


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--endpoint", required=True,
              help="Server URL: http://HOST:7878 (Oxigraph), http://HOST:3030/DATASET "
                   "(Fuseki), http://HOST:7200/repositories/REPO (GraphDB), "
                   "http://HOST:8890/sparql (Virtuoso).")
@click.option("--query-url", help="SPARQL query URL (default: derived from --endpoint).")
@click.option("--update-url", help="SPARQL Update URL (default: derived from --endpoint).")
@click.option("--store-url", help="Graph Store Protocol URL (default: from --endpoint).")
@click.option("--graph", "graph_iri", help="Push every triple into this one named graph.")
@click.option("--per-document", is_flag=True,
              help="One graph per document, as named in the file (the default for "
                   "TriG/N-Quads; an error for a triple file).")
@click.option("--replace", is_flag=True,
              help="Replace the target graphs instead of adding to them, each in one step "
                   "on the server. The shared actors and ontology graphs are always added "
                   "to.")
@click.option("--protocol", type=click.Choice(["auto", "gsp", "update"]), default="auto",
              show_default=True, help="Graph Store Protocol, SPARQL Update, or GSP falling "
                                      "back to Update.")
@click.option("--chunk-size", type=click.IntRange(1), default=None,
              help=f"Triples per request [default: {GSP_CHUNK:,} for the Graph Store "
                   f"Protocol, {UPDATE_CHUNK} for SPARQL Update].")
@click.option("--timeout", type=click.FloatRange(0.01), default=60.0, show_default=True,
              help="Seconds to wait for each answer.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Retries after a 5xx answer, a timeout or a dropped connection.")
@click.option("--backoff", type=click.FloatRange(0), default=0.5, show_default=True,
              help="Seconds before the first retry; doubled for each next one.")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic",
              show_default=True, help=f"HTTP authentication, with {USER_ENV} / "
                                      f"{PASSWORD_ENV} or a netrc entry.")
@click.option("--no-verify", is_flag=True, help="Skip the COUNT query after pushing.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (none anyway when stderr "
                                                   "is not a terminal).")
def push(file: str, endpoint: str, query_url: str | None, update_url: str | None,
         store_url: str | None, graph_iri: str | None, per_document: bool, replace: bool,
         protocol: str, chunk_size: int | None, timeout: float, retries: int,
         backoff: float, auth: str, no_verify: bool, quiet: bool) -> None:
    """Push an RDF FILE to a SPARQL server, then count what arrived."""
    from kg.rdf.dataset import Dataset
    from kg.serve.http import HttpClient
    from kg.serve.push import Pusher, describe, push_targets
    from kg.serve.urls import derive_endpoints
    from kg.serve.verify import count_triples

    if graph_iri and per_document:
        raise KgError("choose --graph or --per-document, not both")
    if graph_iri:
        _check_iri(graph_iri)
    urls = derive_endpoints(endpoint, query_url, update_url, store_url)
    targets = push_targets(Dataset.read(Path(file)), graph_iri, per_document)
    client = HttpClient(timeout=timeout, retries=retries, backoff=backoff, auth=auth)
    try:
        report = Pusher(client, urls, protocol, chunk_size, quiet).push(targets, replace)
        click.echo(describe(report, endpoint))
        if no_verify:
            return
        report.found = count_triples(client, urls.query, list(targets))
    except KgError as exc:  # every message once more through the scrubber
        raise KgError(client.secrets.scrub(str(exc))) from None
    _verdict(report)


def _check_iri(iri: str) -> None:
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        raise KgError(f"--graph: not an absolute IRI: {iri!r}") from None
    if not urlsplit(iri).scheme:
        raise KgError(f"--graph: not an absolute IRI: {iri!r}")


def _verdict(report: PushReport) -> None:
    found = sum((report.found or {}).get(g, 0) for g in report.expected)
    short = report.short_graphs()
    line = f"verified: {report.sent} triples sent, {found} found in those graphs"
    if not short:
        extra = " (the rest were there before)" if found > report.sent else ""
        click.echo(line + extra)
        return
    click.echo(f"kg: error: {line}; {len(short)} graphs are short, first <{short[0]}>",
               err=True)
    sys.exit(1)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False), required=False)
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port on 127.0.0.1 (0 = any free port).")
@click.option("--location", type=click.Path(file_okay=False),
              help="Keep the store in this directory (default: a temporary one, removed "
                   "on exit); without FILE, serve the store there (from `kg load`).")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (from this machine only; "
                   "default: read-only).")
def serve(file: str | None, port: int, location: str | None, writable: bool) -> None:
    """Serve an RDF FILE, or the store at --location, as a SPARQL endpoint (Oxigraph) on
    127.0.0.1 until Ctrl-C."""
    from kg.serve.local import serve_file

    if file is None and location is None:
        raise KgError("name a FILE to serve, or a store with --location DIR")
    serve_file(Path(file) if file else None, port, Path(location) if location else None,
               writable)


@click.command()
@click.argument("dataset", type=click.Path(dir_okay=False))
@click.option("--location", required=True, type=click.Path(file_okay=False),
              help="The on-disk store to add to (created if missing).")
@click.option("--format", "fmt", type=click.Choice(list(RDF_FORMATS)),
              help="RDF format (default: from the extension).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def load(dataset: str, location: str, fmt: str | None, quiet: bool) -> None:
    """Bulk-load an RDF DATASET into an Oxigraph store on disk, for graphs beyond memory;
    then `kg serve --location DIR` and `kg query … --endpoint URL`."""
    from kg.serve.bulk import bulk_load

    report = bulk_load(Path(dataset), Path(location), fmt, quiet)
    click.echo(f"loaded {report.quads} quads from {dataset} into {location} "
               f"in {report.seconds:.1f} s")
