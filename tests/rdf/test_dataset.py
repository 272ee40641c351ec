"""Datasets: one graph per document, `kg build --append`, and every export format read back
strictly by pyoxigraph as well as by rdflib."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

import kg.rdf.stream
from kg.errors import KgError
from kg.rdf.dataset import Dataset as KgDataset
from kg.rdf.text import quoted, term_text
from tests.conftest import SEED_ARTICLE

DOC_GRAPH = "https://w3id.org/kg-bn/graph/document/"
ACTORS = "https://w3id.org/kg-bn/graph/actors"
ONTOLOGY = "https://w3id.org/kg-bn/graph/ontology"
EVENTS = "https://w3id.org/kg-bn/graph/events"
DESCRIPTION = "https://w3id.org/kg-bn/graph/dataset"
FORMATS = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "json-ld": ".jsonld"}
QUAD_FORMATS = ("nquads", "trig", "json-ld")


def run_kg(monkeypatch, capsys, *args: object) -> tuple[int, str, str]:
    """kg's real entry point in-process: exit code, stdout, stderr."""
    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", *map(str, args)])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def seed_record() -> dict:
    return json.loads(SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[0])


def write_docs(path: Path, docs: dict[str, str], date: str = "2024-06-19") -> Path:
    path.write_text("".join(json.dumps({"id": k, "date": date, "text": v}, ensure_ascii=False)
                            + "\n" for k, v in docs.items()), encoding="utf-8")
    return path


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[।?!])\s+", text) if s.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """Three documents cut from the seed article, and doc-b changed (shortened)."""
    tmp = tmp_path_factory.mktemp("corpus")
    parts = sentences(seed_record()["text"])
    half = len(parts) // 2
    a, b, c = " ".join(parts), " ".join(parts[:half]), " ".join(parts[half:])
    b2 = " ".join(parts[: half // 2])
    return {
        "all": write_docs(tmp / "all.jsonl", {"doc-a": a, "doc-b": b, "doc-c": c}),
        "a": write_docs(tmp / "a.jsonl", {"doc-a": a}),
        "bc": write_docs(tmp / "bc.jsonl", {"doc-b": b, "doc-c": c}),
        "b2": write_docs(tmp / "b2.jsonl", {"doc-b": b2}),
        "all2": write_docs(tmp / "all2.jsonl", {"doc-a": a, "doc-b": b2, "doc-c": c}),
        "c_quiet": write_docs(tmp / "c_quiet.jsonl", {"doc-c": "আজ কোনো খবর নেই।"}),
        "bc_quiet": write_docs(tmp / "bc_quiet.jsonl", {"doc-b": b, "doc-c": "আজ কোনো খবর নেই।"}),
    }


@pytest.fixture(scope="module")
def seed_quads(seed_results):
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.dataset import build_dataset

    return build_dataset(seed_results, default_gazetteer())[0].rdflib_quads()


# ---------------------------------------------------------------- terms
def test_literal_escaping_is_exactly_pyoxigraphs():
    samples = [chr(c) for c in range(0x00, 0x80)] + ["অ্যা", "\u200c", "\ufeff", "😀", "a\"b\\c"]
    for text in samples:
        assert quoted(text) == str(ox.Literal(text)), repr(text)


@pytest.mark.parametrize(("term", "oxterm"), [
    (URIRef("https://w3id.org/kg-bn/id/actor/Q159"),
     ox.NamedNode("https://w3id.org/kg-bn/id/actor/Q159")),
    (Literal("পুতিন", lang="BN"), ox.Literal("পুতিন", language="bn")),
    (Literal(Decimal("0.90")), ox.Literal("0.90", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#decimal"))),
    (Literal("042"), ox.Literal("042")),
    (Literal("x", datatype=URIRef("http://www.w3.org/2001/XMLSchema#string")), ox.Literal("x")),
    (BNode("b1"), ox.BlankNode("b1")),
])
def test_term_text_equals_pyoxigraph_text(term, oxterm):
    assert term_text(term) == str(oxterm)


def test_an_invalid_iri_fails_the_build_with_one_line():
    bad = URIRef("https://w3id.org/kg-bn/id/actor/two words")
    with pytest.raises(KgError, match="invalid IRI"):
        KgDataset.from_quads([(bad, bad, bad, URIRef(ACTORS))])


# ---------------------------------------------------------------- formats
def _value(term) -> tuple:
    """A term as a comparable value: literals by value (0.750 == 0.75), not lexical form."""
    if isinstance(term, (ox.NamedNode, URIRef)):
        return ("iri", str(term.value if isinstance(term, ox.NamedNode) else term))
    if isinstance(term, (ox.BlankNode, BNode)):
        return ("bnode",)
    if isinstance(term, ox.Literal):
        term = Literal(term.value, lang=term.language,
                       datatype=None if term.language else term.datatype.value)
    if term.language:
        return ("lit", str(term), term.language.lower())
    value = term.toPython()
    return ("lit", value if not isinstance(value, Literal) else str(value),
            str(term.datatype or "http://www.w3.org/2001/XMLSchema#string"))


def _by_pyoxigraph(path: Path, fmt: str, with_graphs: bool) -> set:
    out = set()
    for q in ox.parse(path=str(path)):  # strict: any invalid term raises
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        key = (_value(q.subject), _value(q.predicate), _value(q.object))
        out.add((graph, *key) if with_graphs else key)
    return out


def _by_rdflib(path: Path, fmt: str, with_graphs: bool) -> set:
    rd_format = {"nquads": "nquads", "trig": "trig", "json-ld": "json-ld", "turtle": "turtle",
                 "nt": "nt"}[fmt]
    if with_graphs:
        ds = Dataset()
        ds.parse(path, format=rd_format)
        return {(str(g) if isinstance(g, URIRef) and not str(g).startswith("urn:x-rdflib")
                 else "", _value(s), _value(p), _value(o))
                for s, p, o, g in ds.quads((None, None, None, None))}
    g = Graph()
    g.parse(path, format=rd_format)
    return {(_value(s), _value(p), _value(o)) for s, p, o in g}


def _expected(quads, with_graphs: bool) -> set:
    if with_graphs:
        return {(str(g), _value(s), _value(p), _value(o)) for s, p, o, g in quads}
    return {(_value(s), _value(p), _value(o)) for s, p, o, _g in quads}


@pytest.mark.parametrize("path_kind", ["default", "streaming"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_reads_back_the_same_by_pyoxigraph_and_rdflib(tmp_path, seed_quads, fmt,
                                                                   path_kind):
    ds = KgDataset.from_quads(seed_quads)
    data = ds.serialize(fmt) if path_kind == "default" else ds.serialize(fmt, pretty_limit=0)
    path = tmp_path / f"g{FORMATS[fmt]}"
    path.write_bytes(data)
    with_graphs = fmt in QUAD_FORMATS
    expected = _expected(seed_quads, with_graphs)
    assert len(expected) > 500
    assert _by_pyoxigraph(path, fmt, with_graphs) == expected
    assert _by_rdflib(path, fmt, with_graphs) == expected


def test_dataset_formats_keep_one_graph_per_document_plus_actors_and_ontology(seed_quads):
    """Plus the canonical events and the dataset's VoID/DCAT description."""
    ds = KgDataset.from_quads(seed_quads)
    assert set(ds.graphs) == {DOC_GRAPH + "seed-putin-north-korea", ACTORS, ONTOLOGY,
                              EVENTS, DESCRIPTION}
    assert ds.quad_count() == len(seed_quads)


def test_reading_a_written_dataset_gives_the_same_statements(tmp_path, seed_quads):
    ds = KgDataset.from_quads(seed_quads)
    for fmt in QUAD_FORMATS:
        path = tmp_path / f"g{FORMATS[fmt]}"
        path.write_bytes(ds.serialize(fmt))
        assert KgDataset.read(path).graphs == ds.graphs, fmt


def test_nquads_text_is_pyoxigraphs_canonical_output(seed_quads):
    text = KgDataset.from_quads(seed_quads).nquads().encode("utf-8")
    again = ox.serialize(ox.parse(text, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    assert text == again


def test_every_format_is_byte_identical_across_processes(tmp_path):
    script = ("import sys; from kg.text.documents import read_inputs;"
              "from kg.pipeline import Pipeline;"
              "from kg.lang.gazetteer import default_gazetteer;"
              "from kg.rdf.dataset import build_dataset;"
              "r = [Pipeline().run(d) for d in read_inputs([sys.argv[1]])];"
              "ds, _ = build_dataset(r, default_gazetteer());"
              "[open(sys.argv[2] + f, 'wb').write(ds.serialize(f)) for f in sys.argv[3:]]")
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(SEED_ARTICLE), str(tmp_path / seed),
                        *FORMATS], check=True, env=env, capture_output=True)
    for fmt in FORMATS:
        assert (tmp_path / f"1{fmt}").read_bytes() == (tmp_path / f"2{fmt}").read_bytes(), fmt


def test_reading_a_broken_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<https://a> <https://b> .\n", encoding="utf-8")
    with pytest.raises(KgError) as err:
        KgDataset.read(bad)
    assert "bad.trig: cannot parse as trig" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(KgError, match="no such file"):
        KgDataset.read(tmp_path / "missing.nq")


# ---------------------------------------------------------------- kg build --append
@pytest.mark.parametrize("ext", [".trig", ".nq"])
def test_append_equals_a_fresh_build_byte_for_byte(tmp_path, corpus, monkeypatch, capsys, ext):
    fresh, grown = tmp_path / f"fresh{ext}", tmp_path / f"grown{ext}"
    assert run_kg(monkeypatch, capsys, "build", corpus["all"], "-o", fresh)[0] == 0
    assert run_kg(monkeypatch, capsys, "build", corpus["a"], "-o", grown)[0] == 0
    code, out, _ = run_kg(monkeypatch, capsys, "build", "--append", grown, corpus["bc"])
    assert code == 0
    assert "documents: 2 added, 0 replaced, 1 kept" in out
    assert grown.read_bytes() == fresh.read_bytes()


def test_append_replaces_one_document_and_leaves_the_others_alone(tmp_path, corpus,
                                                                 monkeypatch, capsys):
    path, expected = tmp_path / "g.trig", tmp_path / "expected.trig"
    run_kg(monkeypatch, capsys, "build", corpus["all"], "-o", path)
    before = KgDataset.read(path)
    code, out, _ = run_kg(monkeypatch, capsys, "build", "--append", path, corpus["b2"])
    assert code == 0 and "0 added, 1 replaced, 2 kept" in out
    after = KgDataset.read(path)
    run_kg(monkeypatch, capsys, "build", corpus["all2"], "-o", expected)
    want = KgDataset.read(expected)
    for doc in ("doc-a", "doc-c"):
        assert after.graphs[DOC_GRAPH + doc] == before.graphs[DOC_GRAPH + doc]
    assert after.graphs[DOC_GRAPH + "doc-b"] == want.graphs[DOC_GRAPH + "doc-b"]
    assert after.graphs[DOC_GRAPH + "doc-b"] != before.graphs[DOC_GRAPH + "doc-b"]
    # actors: the union of old and new descriptions; ontology: regenerated for what is used
    assert after.graphs[ACTORS] >= before.graphs[ACTORS] | want.graphs[ACTORS]
    assert after.graphs[ONTOLOGY] == want.graphs[ONTOLOGY]


def test_append_regenerates_the_ontology_for_the_relations_still_in_use(tmp_path, corpus,
                                                                       monkeypatch, capsys):
    path, expected = tmp_path / "g.nq", tmp_path / "expected.nq"
    run_kg(monkeypatch, capsys, "build", corpus["bc"], "-o", path)
    before = KgDataset.read(path).graphs[ONTOLOGY]
    run_kg(monkeypatch, capsys, "build", "--append", path, corpus["c_quiet"])
    run_kg(monkeypatch, capsys, "build", corpus["bc_quiet"], "-o", expected)
    after = KgDataset.read(path).graphs[ONTOLOGY]
    assert after == KgDataset.read(expected).graphs[ONTOLOGY]
    assert after < before  # doc-c's own relations are no longer declared


def test_append_to_a_missing_file_creates_it_and_output_can_go_elsewhere(tmp_path, corpus,
                                                                        monkeypatch, capsys):
    base, out = tmp_path / "new.nq", tmp_path / "out.trig"
    assert run_kg(monkeypatch, capsys, "build", "--append", base, corpus["a"])[0] == 0
    assert set(KgDataset.read(base).document_graphs()) == {DOC_GRAPH + "doc-a"}
    before = base.read_bytes()
    assert run_kg(monkeypatch, capsys, "build", "--append", base, corpus["bc"], "-o", out)[0] == 0
    assert base.read_bytes() == before
    assert len(KgDataset.read(out).document_graphs()) == 3


def test_append_refuses_a_triple_file(tmp_path, corpus, monkeypatch, capsys):
    ttl = tmp_path / "g.ttl"
    run_kg(monkeypatch, capsys, "build", corpus["a"], "-o", ttl)
    before = ttl.read_bytes()
    code, out, err = run_kg(monkeypatch, capsys, "build", "--append", ttl, corpus["bc"])
    assert code == 2
    assert err.startswith("kg: error:") and "TriG" in err and err.count("\n") == 1
    assert ttl.read_bytes() == before


@pytest.mark.parametrize("where", ["serialize", "write"])
def test_a_crash_mid_build_leaves_the_previous_file_intact(tmp_path, corpus, monkeypatch,
                                                          capsys, where):
    path = tmp_path / "g.trig"
    run_kg(monkeypatch, capsys, "build", corpus["all"], "-o", path)
    before = path.read_bytes()

    def crash(*_args, **_kwargs):
        raise KeyboardInterrupt

    if where == "serialize":
        monkeypatch.setattr(kg.rdf.stream, "reserialize", crash)  # kg build streams
    else:
        monkeypatch.setattr(os, "fsync", crash)
    code, _, err = run_kg(monkeypatch, capsys, "build", "--append", path, corpus["b2"])
    assert code == 130 and "kg: " in err and "Traceback" not in err
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.trig"]
