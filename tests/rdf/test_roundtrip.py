"""Every output format reads back the same in rdflib and in pyoxigraph (issue 12, item 1).

A document id or an actor label (a person without a QID, "Charles Q. Brown Jr.") that
ends in "." used to become a prefixed name ending in `\\.`: valid Turtle, but rdflib
cannot read it, so `kg validate` and `kg query` failed on TriG files and on Turtle over
the pretty-writer limit. Both writer paths (rdflib's pretty Turtle and pyoxigraph's
streaming writer) are checked for every format in kg.rdf.formats.FORMATS.
"""

from __future__ import annotations

import pytest

from kg.lang.gazetteer import default_gazetteer
from kg.rdf.dataset import build_dataset
from kg.rdf.formats import FORMATS
from kg.rdf.vocab import document_iri, entity_iri
from kg.text.documents import Document
from kg.text.segment import normalize
from tests.rdf.roundtrip import oxigraph_quads, rdflib_quads

AWKWARD = [
    ("a.", "চার্লস কিউ ব্রাউন উত্তর কোরিয়া সফর করেছেন।"),
    ("Jr..", "রাশিয়ার প্রেসিডেন্ট পুতিন উত্তর কোরিয়া সফর করেছেন।\u2028 x\u0085y \ufffe\uffff"),
    ("-x~y.", "ভারত বাংলাদেশকে সহায়তা দিয়েছে।"),
]


@pytest.fixture(scope="module")
def awkward_dataset(rules_pipeline):
    docs = [Document(i, normalize(t)) for i, t in AWKWARD]
    results = [rules_pipeline.run(d) for d in docs]
    assert sum(len(r.records) for r in results) >= 3
    return build_dataset(results, default_gazetteer())[0]


def test_minted_iris_never_end_in_a_dot():
    assert not str(document_iri("a.")).endswith(".")
    assert not str(entity_iri(None, "Charles Q. Brown Jr.", "", "Person")).endswith(".")
    assert str(document_iri("a.b")).endswith("a.b")  # inner dots stay readable


def test_the_awkward_names_are_in_the_graph(awkward_dataset):
    text = awkward_dataset.nquads()
    assert "charles-q.-brown-jr%2E>" in text and "document/a%2E>" in text


@pytest.mark.parametrize("path", ["pretty", "stream"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_reads_the_same_in_rdflib_and_pyoxigraph(awkward_dataset, fmt, path):
    data = awkward_dataset.serialize(fmt, pretty_limit=0 if path == "stream" else None)
    ox_side = oxigraph_quads(data, fmt)
    assert rdflib_quads(data, fmt) == ox_side
    expected = awkward_dataset.quad_count() if FORMATS[fmt].named_graphs \
        else len(awkward_dataset.triples())
    assert len(ox_side) == expected
