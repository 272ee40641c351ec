"""Stage 5: the RDF graph — required facts, round trips, SHACL, byte-stable output."""

import os
import subprocess
import sys

import pyoxigraph
import pytest
from rdflib import Graph, Literal

from kg.rdf.validate import validate_file
from tests.conftest import SEED_ARTICLE

PREFIXES = """
PREFIX kgo: <https://w3id.org/kg-bn/ontology#>
PREFIX plover: <https://w3id.org/kg-bn/plover/>
PREFIX rel: <https://w3id.org/kg-bn/relation/>
PREFIX actor: <https://w3id.org/kg-bn/id/actor/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@pytest.fixture(scope="module")
def graph(seed_graph_file):
    g = Graph()
    g.parse(seed_graph_file)
    return g


def ask(graph, body):
    return bool(graph.query(PREFIXES + "ASK { " + body + " }").askAnswer)


PUTIN, KIM, RUSSIA, NK = "actor:Q7747", "actor:Q56226", "actor:Q159", "actor:Q423"
US, UKRAINE, NATO = "actor:Q30", "actor:Q212", "actor:Q7184"


@pytest.mark.parametrize(
    ("fact", "pattern"),
    [
        ("Putin visited North Korea", f"{PUTIN} rel:visited {NK} ."),
        ("Putin and Kim met",
         f"?e kgo:eventType plover:CONSULT ; kgo:mode 'meet' ; kgo:source {PUTIN} ;"
         f" kgo:target {KIM} ."),
        ("the agreement they signed, as an Agreement node",
         f"?e kgo:eventType plover:SUPPORT ; kgo:object ?a . ?a a kgo:Agreement ;"
         f" kgo:party {PUTIN}, {KIM} . {PUTIN} rel:signed ?a ."),
        ("Russia pledges to defend North Korea (hypothetical)",
         f"?e kgo:eventType plover:AGREE ; kgo:source {RUSSIA} ; kgo:target {NK} ;"
         f" kgo:context kgo:Hypothetical ."),
        ("North Korea pledges to defend Russia (hypothetical)",
         f"?e kgo:eventType plover:AGREE ; kgo:source {NK} ; kgo:target {RUSSIA} ;"
         f" kgo:context kgo:Hypothetical ."),
        ("Putin's statement", f"?e kgo:eventType plover:STATEMENT ; kgo:source {PUTIN} ."),
        ("Kim's statement", f"?e kgo:eventType plover:STATEMENT ; kgo:source {KIM} ."),
        ("Stoltenberg's statement",
         "?e kgo:eventType plover:STATEMENT ; kgo:source ?s ."
         " ?s rdfs:label 'Jens Stoltenberg'@en ."),
        ("NATO's criticism", f"?e kgo:eventType plover:DISAPPROVE ; kgo:source {NATO} ."),
        ("US arms aid to Ukraine", f"?e kgo:eventType plover:AID ; kgo:source {US} ;"
                                   f" kgo:target {UKRAINE} ."),
        ("NATO arms aid to Ukraine", f"?e kgo:eventType plover:AID ; kgo:source {NATO} ;"
                                     f" kgo:target {UKRAINE} ."),
        ("North Korea's arms to Russia", f"?e kgo:eventType plover:AID ; kgo:source {NK} ;"
                                         f" kgo:target {RUSSIA} ."),
        ("the Russia-Ukraine war", f"?e kgo:eventType plover:ASSAULT ; kgo:source {RUSSIA} ;"
                                   f" kgo:target {UKRAINE} ."),
        ("actors link to Wikidata", f"{PUTIN} owl:sameAs <http://www.wikidata.org/entity/Q7747> ."),
        ("persons carry affiliation and role", f"{PUTIN} kgo:affiliation {RUSSIA} ; kgo:role ?r ."),
        ("every event is traceable to its sentence",
         "?e a kgo:Event ; prov:wasDerivedFrom ?s . ?s kgo:text ?t ."),
    ],
)
def test_seed_graph_holds(graph, fact, pattern):
    assert ask(graph, pattern), fact


def test_seed_graph_conforms_to_the_shapes(seed_graph_file):
    conforms, report = validate_file(seed_graph_file)
    assert conforms, report


def test_broken_graph_does_not_conform(tmp_path, seed_graph_file):
    g = Graph()
    g.parse(seed_graph_file)
    victim = next(iter(g.query(PREFIXES + "SELECT ?e WHERE { ?e kgo:eventType ?t } LIMIT 1")))[0]
    g.remove((victim, None, None))
    g.add((victim, g.namespace_manager.expand_curie("rdf:type"),
           g.namespace_manager.expand_curie("kgo:Event")))
    bad = tmp_path / "bad.ttl"
    g.serialize(bad, format="turtle")
    conforms, _ = validate_file(bad)
    assert not conforms


def _key(s, p, o):
    """A triple by value: Oxigraph canonicalises lexical forms ("0.60" → "0.6")."""
    if isinstance(o, Literal):
        return (str(s), str(p), o.toPython() if o.language is None else (str(o), o.language))
    return (str(s), str(p), str(o))


def _from_ox(term):
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=term.datatype.value)
    return term.value


def test_turtle_round_trip_rdflib_and_pyoxigraph_agree(graph, seed_graph_file):
    ox = {_key(q.subject.value, q.predicate.value, _from_ox(q.object))
          for q in pyoxigraph.parse(path=str(seed_graph_file), format=pyoxigraph.RdfFormat.TURTLE)}
    rd = {_key(*t) for t in graph}
    assert len(graph) > 500
    assert ox == rd


def test_same_input_gives_byte_identical_output(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"g{seed}.ttl"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEED_ARTICLE), "-o", str(out)],
                       check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_validate_file_gives_the_same_answer_twice_in_one_process(tmp_path, rules_pipeline):
    """Issue 12: owlrl's RDFS inference replaced rdflib's date converters for the rest of
    the process, so a graph with a gMonthDay date (an undated text's "১৮ জুন") conformed
    once, then not."""
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.dataset import build_dataset
    from kg.text.documents import Document
    from kg.text.segment import normalize

    text = "১৮ জুন রাশিয়ার প্রেসিডেন্ট পুতিন উত্তর কোরিয়া সফর করেছেন।"
    result = rules_pipeline.run(Document("undated", normalize(text)))
    path = tmp_path / "g.trig"
    path.write_bytes(build_dataset([result], default_gazetteer())[0].serialize("trig"))
    assert "gMonthDay" in path.read_text(encoding="utf-8")
    assert [validate_file(path)[0] for _ in range(3)] == [True, True, True]
