"""Cross-document events (kg.rdf.canonical, kg.query.canonical): reports of one event
become one canonical event, counted once by the graph queries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.query.model import Actor, EventRow
from kg.rdf.canonical import canonical_statements, cluster, mention_key

KGO = "https://w3id.org/kg-bn/ontology#"
MEETING_A = ("রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন বৃহস্পতিবার (১৬ মে) বেইজিংয়ে চীনের প্রেসিডেন্ট "
             "সি চিন পিংয়ের সঙ্গে বৈঠক করেন।")
MEETING_B = "বেইজিংয়ে সি চিন পিংয়ের সঙ্গে বৈঠক করেছেন রুশ প্রেসিডেন্ট পুতিন।"
PUTIN, XI = "https://w3id.org/kg-bn/id/actor/Q7747", "https://w3id.org/kg-bn/id/actor/Q15031"


def _record(doc: str, text: str, date: str, outlet: str | None = None,
            url: str | None = None) -> dict:
    rec = {"id": doc, "date": date, "text": text}
    if outlet:
        rec["outlet"] = outlet
    if url:
        rec["url"] = url
    return rec


def _write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def _build(rules_pipeline, path: Path, base: Path | None = None, window: int | None = None):
    from kg.lang.gazetteer import default_gazetteer
    from kg.rdf.dataset import build_dataset
    from kg.text.documents import read_inputs

    results = [rules_pipeline.run(d) for d in read_inputs([str(path)])]
    return build_dataset(results, default_gazetteer(), base, window)


def _canonical(ds) -> dict[str, dict[str, list[str]]]:
    """Canonical event IRI → predicate local name → object values."""
    from kg.rdf.vocab import GRAPH_EVENTS

    out: dict[str, dict[str, list[str]]] = {}
    text = " .\n".join(sorted(ds.graphs.get(str(GRAPH_EVENTS), ()))) + " .\n"
    for t in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES):
        name = t.predicate.value.rsplit("#", 1)[-1]
        out.setdefault(t.subject.value, {}).setdefault(name, []).append(t.object.value)
    return out


@pytest.fixture()
def two_reports(tmp_path) -> Path:
    """Two outlets report Putin's meeting with Xi, a day apart, in different words."""
    return _write(tmp_path / "two.jsonl",
                  _record("outlet-a", MEETING_A, "2024-05-17", "Outlet A",
                          "https://a.example.com/news/1"),
                  _record("outlet-b", MEETING_B, "2024-05-16", "Outlet B",
                          "https://b.example.org/world/2"))


def test_two_reports_of_one_meeting_are_one_canonical_event(rules_pipeline, two_reports):
    ds, counts = _build(rules_pipeline, two_reports)
    events = _canonical(ds)
    assert counts["canonical"] == 1
    (fields,) = events.values()
    assert fields["numMentions"] == ["2"] and fields["numSources"] == ["2"]
    assert len(fields["mention"]) == 2
    assert fields["source"] == [PUTIN] and fields["target"] == [XI]
    assert fields["date"] == ["2024-05-16"]
    assert fields["goldsteinScale"] == ["1"]  # CAMEO 040 in GDELT's table


def test_allies_weigh_the_event_once_and_mentions_twice(rules_pipeline, two_reports,
                                                       tmp_path):
    from kg.query import alignment_graph, allies, load_events

    ds, _ = _build(rules_pipeline, two_reports)
    path = tmp_path / "g.trig"
    path.write_bytes(ds.serialize("trig"))
    once = alignment_graph(load_events(path, use_cache=False))
    twice = alignment_graph(load_events(path, use_cache=False, mentions=True))
    assert once[PUTIN][XI]["weight"] == 1.0 and once[PUTIN][XI]["n_events"] == 1
    assert twice[PUTIN][XI]["weight"] == 2.0 and twice[PUTIN][XI]["n_events"] == 2
    assert allies(once, PUTIN) == [(XI, once[PUTIN][XI])]


def test_mentions_keep_document_sentence_span_and_url(rules_pipeline, two_reports, tmp_path):
    from kg.query import load_events

    ds, _ = _build(rules_pipeline, two_reports)
    path = tmp_path / "g.trig"
    path.write_bytes(ds.serialize("trig"))
    (row,) = load_events(path, use_cache=False)
    assert row.num_mentions == 2 and row.num_sources == 2
    assert row.urls == ("https://a.example.com/news/1", "https://b.example.org/world/2")
    mentions = load_events(path, use_cache=False, mentions=True)
    assert {(m.document, m.url, m.outlet) for m in mentions} == {
        ("outlet-a", "https://a.example.com/news/1", "Outlet A"),
        ("outlet-b", "https://b.example.org/world/2", "Outlet B")}
    assert all(m.sentence and m.evidence for m in mentions)
    spans = [s for s in ds.nquads().splitlines() if f"<{KGO}spanStart>" in s and "/event/" in s]
    assert len(spans) == 2


def test_one_outlet_twice_is_one_source(rules_pipeline, tmp_path):
    path = _write(tmp_path / "same.jsonl",
                  _record("a1", MEETING_A, "2024-05-17", "Outlet A"),
                  _record("a2", MEETING_B, "2024-05-17", "Outlet A"))
    ds, _ = _build(rules_pipeline, path)
    (fields,) = _canonical(ds).values()
    assert fields["numMentions"] == ["2"] and fields["numSources"] == ["1"]


def test_the_window_is_configurable(rules_pipeline, tmp_path):
    path = _write(tmp_path / "apart.jsonl",
                  _record("early", MEETING_B, "2024-05-10"),
                  _record("late", MEETING_B, "2024-05-13"))
    assert len(_canonical(_build(rules_pipeline, path)[0])) == 2
    assert len(_canonical(_build(rules_pipeline, path, window=3)[0])) == 1


def test_append_updates_the_canonical_layer_deterministically(rules_pipeline, tmp_path):
    a = _write(tmp_path / "a.jsonl", _record("outlet-a", MEETING_A, "2024-05-17", "A"))
    b = _write(tmp_path / "b.jsonl", _record("outlet-b", MEETING_B, "2024-05-16", "B"))
    both = _write(tmp_path / "both.jsonl", *(json.loads(p.read_text()) for p in (a, b)))
    base = tmp_path / "g.trig"
    ds, _ = _build(rules_pipeline, a, base)
    base.write_bytes(ds.serialize("trig"))
    assert [f["numMentions"] for f in _canonical(ds).values()] == [["1"]]
    appended, counts = _build(rules_pipeline, b, base)
    assert counts["added"] == 1 and counts["canonical"] == 1
    at_once, _ = _build(rules_pipeline, both)
    assert appended.nquads() == at_once.nquads()
    # replacing b by a report of another day splits the event again
    base.write_bytes(appended.serialize("trig"))
    b2 = _write(tmp_path / "b2.jsonl", _record("outlet-b", MEETING_B, "2024-06-30", "B"))
    replaced, counts = _build(rules_pipeline, b2, base)
    assert counts["replaced"] == 1 and counts["canonical"] == 2


def _row(event: str, etype: str, src: list[str], tgt: list[str], date: str | None,
         symmetric: bool = False, context: tuple[str, ...] = ()) -> EventRow:
    return EventRow(event=event, type=etype, date=date, context=context,
                    sources=tuple(Actor(a) for a in src), targets=tuple(Actor(a) for a in tgt),
                    document=event.split("-")[0], symmetric=symmetric)


def test_symmetric_acts_match_either_way_round_others_do_not():
    meet = [_row("d1-0-0", "CONSULT", ["A"], ["B"], "2024-01-01", True),
            _row("d2-0-0", "CONSULT", ["B"], ["A"], "2024-01-01", True)]
    (one,) = cluster(meet)
    sides = {(p.rsplit("#", 1)[-1][:-1], o[1:-1])
             for _s, p, o in (st.split(" ", 2) for st in canonical_statements([one]))
             if p.endswith(("#source>", "#target>"))}
    assert sides == {("source", "A"), ("target", "B")}  # the first report's, not A meets A
    blame = [_row("d1-0-0", "DISAPPROVE", ["A"], ["B"], "2024-01-01"),
             _row("d2-0-0", "DISAPPROVE", ["B"], ["A"], "2024-01-01")]
    assert len(cluster(blame)) == 2


def test_type_polarity_and_undated_reports_keep_events_apart():
    rows = [_row("d1-0-0", "CONSULT", ["A"], ["B"], "2024-01-01"),
            _row("d2-0-0", "AID", ["A"], ["B"], "2024-01-01"),
            _row("d3-0-0", "CONSULT", ["A"], ["B"], "2024-01-01", context=("negated",)),
            _row("d4-0-0", "CONSULT", ["A"], ["B"], None),
            _row("d5-0-0", "CONSULT", ["A"], ["B"], None),
            _row("d6-0-0", "CONSULT", ["A"], ["B"], "2024-01")]
    assert [len(c.mentions) for c in cluster(rows)] == [1] * 6
    assert mention_key(rows[0]) != mention_key(rows[2])


def test_a_chain_of_reports_starts_a_new_event_past_the_window():
    rows = [_row(f"d{i}-0-0", "CONSULT", ["A"], ["B"], f"2024-01-0{i}") for i in (1, 2, 3, 4)]
    assert [len(c.mentions) for c in cluster(rows, 1)] == [2, 2]
    assert [len(c.mentions) for c in cluster(rows, 0)] == [1, 1, 1, 1]
    with pytest.raises(ValueError):
        cluster(rows, -1)


def test_canonical_names_survive_a_later_report():
    first = cluster([_row("d1-0-0", "CONSULT", ["A"], ["B"], "2024-01-01")])
    later = cluster([_row("d1-0-0", "CONSULT", ["A"], ["B"], "2024-01-01"),
                     _row("d2-0-0", "CONSULT", ["A"], ["B"], "2024-01-02")])
    assert first[0].iri == later[0].iri


def _doc_queries() -> list[str]:
    """The SPARQL examples of docs/sparql.md's "Canonical events" section."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "sparql.md").read_text("utf-8")
    section = text.split("## Canonical events", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sparql\n(.*?)```", section, re.S)


def test_the_documented_sparql_finds_canonical_events_and_their_reports(rules_pipeline,
                                                                       two_reports,
                                                                       tmp_path):
    from rdflib import Dataset

    ds, _ = _build(rules_pipeline, two_reports)
    path = tmp_path / "g.trig"
    path.write_bytes(ds.serialize("trig"))
    rdf = Dataset()
    rdf.parse(path, format="trig")
    events, reports = _doc_queries()
    (row,) = list(rdf.query(events))
    assert (str(row.sourceLabel), str(row.targetLabel)) == ("Vladimir Putin", "Xi Jinping")
    assert (int(row.mentions), int(row.sources), float(row.goldstein)) == (2, 2, 1.0)
    urls = sorted(str(r.url) for r in rdf.query(reports))
    assert urls == ["https://a.example.com/news/1", "https://b.example.org/world/2"]


def test_the_build_with_canonical_events_and_description_conforms(rules_pipeline,
                                                                 two_reports, tmp_path):
    """SHACL (inference rdfs): the canonical events, codes, URLs and the VoID/DCAT
    description satisfy ontology/shapes.ttl; a canonical event that lost its mentions or
    counts does not."""
    from kg.rdf.validate import load_any, validate_graph

    ds, _ = _build(rules_pipeline, two_reports)
    path = tmp_path / "g.trig"
    path.write_bytes(ds.serialize("trig"))
    conforms, report = validate_graph(load_any(path))
    assert conforms, report
    broken = "\n".join(line for line in ds.nquads().splitlines()
                       if f"<{KGO}mention>" not in line and f"<{KGO}numSources>" not in line)
    bad = tmp_path / "bad.nq"
    bad.write_text(broken + "\n", encoding="utf-8")
    conforms, report = validate_graph(load_any(bad))
    assert not conforms and "mention" in report and "numSources" in report


def test_a_store_gives_every_statement_back_unchanged(rules_pipeline, two_reports):
    """Decimals (Goldstein, confidence) are written in canonical form: a SPARQL store
    (Oxigraph) returns exactly the statements it was given, as `kg push` verifies."""
    ds, _ = _build(rules_pipeline, two_reports)
    store = ox.Store()
    store.load(ds.nquads().encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    back = {str(q) + " ." for q in store}
    assert back == set(ds.nquads().splitlines())


def test_rows_from_records_are_the_rows_read_back_from_the_graph(rules_pipeline, tmp_path):
    """`kg build` takes a new document's canonical-layer rows from its records; shards and
    --append bases are read from their statements. Both must give the same rows."""
    from kg.rdf.canonical import MentionSpool
    from kg.rdf.quads import document_graph
    from kg.text.documents import read_path

    paths = [Path("seeds/news/dev.jsonl"), *sorted(Path("seeds/articles").glob("*.jsonl"))]
    docs = [d for p in paths for d in read_path(p)][:120]
    assert any(d.date for d in docs) and any(d.url for d in docs)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    from_records, from_graph = MentionSpool(tmp_path / "a"), MentionSpool(tmp_path / "b")
    for doc in docs:
        result = rules_pipeline.run(doc)
        from_records.result(result)
        from_graph.document(document_graph(result)[1])
    for spool in (from_records, from_graph):
        spool.rows.close()
    rows = [sorted((t / "mentions.jsonl").read_text(encoding="utf-8").splitlines())
            for t in (tmp_path / "a", tmp_path / "b")]
    assert rows[0] == rows[1] and len(rows[0]) > 300
    assert from_records.classes == from_graph.classes
