"""kg.graph and `kg query`: on the seed article's graph, and on a small graph built through
kg.rdf whose answers are known by construction (a path, two blocs, an ally ranking)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KgError
from kg.query import graph as kgg

ACTOR = "https://w3id.org/kg-bn/id/actor/"
RUSSIA, NK, UKRAINE, PUTIN, KIM = (ACTOR + q for q in ("Q159", "Q423", "Q212", "Q7747",
                                                       "Q56226"))

# ---------------------------------------------------------------- the small graph
# Two blocs: {Avalon, Borduria, Carpania} cooperate, {Drusselstein, Elbonia, Freedonia}
# cooperate, and the blocs fight (Avalon–Drusselstein, Borduria–Drusselstein). Ada Lind
# is an Avalonian minister. QIDs are made up (Q990000xx), so no gazetteer entry leaks in.

COUNTRIES = {
    "A": ("Q99000001", "Avalon", "আভালন"),
    "B": ("Q99000002", "Borduria", "বোরদুরিয়া"),
    "C": ("Q99000003", "Carpania", "কার্পানিয়া"),
    "D": ("Q99000004", "Drusselstein", "ড্রুসেলস্টাইন"),
    "E": ("Q99000005", "Elbonia", "এলবোনিয়া"),
    "F": ("Q99000006", "Freedonia", "ফ্রিডোনিয়া"),
}
# (source, type, target, context, date)
EVENTS = [
    ("A", "AID", "B", [], "2023-01-05"),
    ("B", "AID", "A", [], "2023-02-10"),
    ("A", "CONSULT", "C", [], "2023-03-01"),
    ("A", "AID", "C", ["hypothetical"], "2023-03-02"),  # counts half: +1
    ("A", "COOPERATE", "C", ["negated"], "2023-03-03"),  # counts nothing
    ("B", "CONSULT", "C", [], "2023-04-01"),
    ("A", "ASSAULT", "D", [], "2024-01-15"),
    ("D", "THREATEN", "B", [], "2024-02"),
    ("D", "AGREE", "E", [], "2024-03-01"),
    ("E", "COOPERATE", "F", [], "2024-03-02"),
    ("D", "SUPPORT", "F", ["reported"], "2024-03-03"),
    ("P", "CONSULT", "E", [], "2024-05-01"),
    ("P", "STATEMENT", None, [], "2024-05-02"),
]


def _entities():
    from kg.lang.gazetteer import Entity, Office

    ents = {k: Entity(q, q, en, bn, "Country", [bn]) for k, (q, en, bn) in COUNTRIES.items()}
    ada = Entity("Q99000100", "Q99000100", "Ada Lind", "আডা লিন্ড", "Person",
                 ["আডা লিন্ড", "লিন্ড"])
    ada.offices.append(Office("foreign_minister", "Q99000001", ((2020, None),)))
    ents["P"] = ada
    return ents


def _small_quads():
    from kg.lang.gazetteer import Gazetteer
    from kg.pipeline import DocumentResult
    from kg.rdf.quads import actor_quads, document_quads, ontology_quads
    from kg.schema import QUAD_OF
    from kg.text.documents import Document
    from kg.text.segment import Sentence

    ents = _entities()
    doc = Document("small", "", None)
    sentences = [Sentence(i, i * 10, i * 10 + 9, f"বাক্য {i}।") for i in range(len(EVENTS))]
    records = []
    for i, (s, etype, t, context, date) in enumerate(EVENTS):
        records.append({
            "sentence_index": i, "type": etype, "quad": QUAD_OF.get(etype), "cameo": None,
            "mode": None, "relation": f"did{etype.capitalize()}", "context": context,
            "date": date, "confidence": 0.9, "span": [i * 10, i * 10 + 9],
            "source": [ents[s].record()], "target": [ents[t].record()] if t else [],
            "object": [], "_object_keys": [], "location": None,
        })
    result = DocumentResult(doc, sentences, records, {})
    quads = set(document_quads(result))
    quads |= set(actor_quads(list(ents.values()), Gazetteer(list(ents.values()))))
    quads |= set(ontology_quads({r["relation"] for r in records}))
    return sorted(quads, key=lambda q: (q[3], q[0], q[1], q[2]))


@pytest.fixture(scope="module")
def small_dir(tmp_path_factory) -> Path:
    from kg.rdf.write import serialize, write_atomic

    out = tmp_path_factory.mktemp("small")
    quads = _small_quads()
    for fmt, ext in (("turtle", "ttl"), ("nt", "nt"), ("nquads", "nq"), ("trig", "trig"),
                     ("json-ld", "jsonld")):
        write_atomic(out / f"small.{ext}", serialize(quads, fmt))
    return out


@pytest.fixture(scope="module")
def small_file(small_dir) -> Path:
    return small_dir / "small.ttl"


@pytest.fixture(scope="module")
def small(small_file):
    events = kgg.load_events(small_file, use_cache=False)
    mg = kgg.actor_graph(events)
    return events, mg, kgg.alignment_graph(mg)


def node(key: str) -> str:
    return ACTOR + (COUNTRIES[key][0] if key in COUNTRIES else "Q99000100")


def run(*args: str):
    return CliRunner().invoke(cli, ["query", *args])


# ---------------------------------------------------------------- library: small graph


def test_projection_reads_every_event_with_its_fields(small):
    events, mg, _ag = small
    assert len(events) == len(EVENTS)
    hyp = [e for e in events if e.context == ("hypothetical",)][0]
    assert (hyp.type, hyp.quad, hyp.date) == ("AID", "material cooperation", "2023-03-02")
    assert [a.label for a in hyp.sources] == ["Avalon"]
    assert hyp.evidence == "বাক্য 3।" and hyp.document == "small"
    ada = mg.nodes[node("P")]
    assert (ada["label"], ada["type"], ada["affiliation"]) == ("Ada Lind", "Person", node("A"))


@pytest.mark.parametrize("ext", ["nt", "nq", "trig", "jsonld"])
def test_every_rdf_format_projects_the_same_events(small_dir, small, ext):
    other = kgg.load_events(small_dir / f"small.{ext}", use_cache=False)
    assert [(e.event, e.type, e.sources, e.targets) for e in other] == \
        [(e.event, e.type, e.sources, e.targets) for e in small[0]]


def test_alignment_weights_follow_the_documented_rule(small):
    _events, _mg, ag = small
    ac = ag.edges[node("A"), node("C")]
    # CONSULT +1, hypothetical AID 2 x 0.5, negated COOPERATE 0
    assert (ac["weight"], ac["coop"], ac["conflict"], ac["n_events"]) == (2.0, 2.0, 0.0, 3)
    assert ag.edges[node("A"), node("B")]["weight"] == 4.0
    assert ag.edges[node("A"), node("D")]["weight"] == -2.0


def test_allies_ranked_by_net_alignment(small):
    _events, _mg, ag = small
    ranked = [n for n, _d in kgg.allies(ag, node("A"), k=None)]
    assert ranked == [node("B"), node("C")]
    assert [n for n, _d in kgg.allies(ag, node("A"), k=1)] == [node("B")]


def test_rivals_are_the_negative_pairs(small):
    _events, _mg, ag = small
    assert [n for n, _d in kgg.rivals(ag, node("B"))] == [node("D")]
    assert kgg.rivals(ag, node("C")) == []


def test_shortest_path_breaks_ties_by_label(small):
    _events, mg, _ag = small
    # C-A-D-F and C-B-D-F are both 3 hops; Avalon sorts before Borduria.
    path, hops = kgg.shortest_path_events(mg, node("C"), node("F"))
    assert path == [node("C"), node("A"), node("D"), node("F")]
    assert [len(evs) for _u, _v, evs in hops] == [3, 1, 1]
    assert hops[1][2][0]["type"] == "ASSAULT"


def test_directed_path_follows_source_to_target(small):
    _events, mg, _ag = small
    path, _hops = kgg.shortest_path_events(mg, node("A"), node("F"), directed=True)
    assert path == [node("A"), node("D"), node("F")]
    with pytest.raises(nx.NetworkXNoPath):
        kgg.shortest_path_events(mg, node("F"), node("A"), directed=True)


def test_blocs_split_cooperators_from_their_enemies(small):
    _events, _mg, ag = small
    found = {frozenset(b) for b in kgg.blocs(ag, seed=42)}
    assert frozenset({node("A"), node("B"), node("C")}) in found
    assert any({node("D"), node("E"), node("F")} <= b for b in found)


def test_country_level_rolls_people_up_to_their_affiliation(small):
    events, _mg, _ag = small
    mg = kgg.actor_graph(events, "country")
    assert node("P") not in mg
    assert mg.has_edge(node("A"), node("E"))
    assert kgg.resolve_actor("Ada Lind", events, "country") == node("A")


def test_resolve_actor_by_label_qid_and_inflected_bengali(small):
    events = small[0]
    assert kgg.resolve_actor("avalon", events) == node("A")
    assert kgg.resolve_actor("q99000004", events) == node("D")
    assert kgg.resolve_actor("আভালনের", events) == node("A")  # genitive
    assert kgg.resolve_actor("লিন্ডকে", events) == node("P")  # accusative of an alt label
    with pytest.raises(kgg.UnknownActor) as exc:
        kgg.resolve_actor("Avalom", events)
    assert "Avalon" in exc.value.suggestions


def test_filter_events_by_type_quad_context_and_dates(small):
    events = small[0]
    assert {e.type for e in kgg.filter_events(events, types=["aid"])} == {"AID"}
    assert len(kgg.filter_events(events, quads=["material conflict"])) == 1
    assert len(kgg.filter_events(events, contexts=["negated"])) == 1
    # a month-precision date (2024-02) overlaps a day inside it
    feb = kgg.filter_events(events, since="2024-02-15", until="2024-02-20")
    assert [e.type for e in feb] == ["THREATEN"]
    assert len(kgg.filter_events(events, since="2024")) == 7
    only_b = kgg.filter_events(events, actor=node("B"))
    assert all(node("B") in {a.id for a in e.sources + e.targets} for e in only_b)
    assert len(only_b) == 4


def test_timeline_is_in_date_order(small):
    events = small[0]
    dates = [e.when for e in kgg.timeline(events, node("A"))]
    assert dates == sorted(dates) and len(dates) == 6


def test_neighbors_centrality_and_stats(small):
    events, mg, ag = small
    out = kgg.neighbors(mg, node("D"))
    assert ("in", node("A"), "ASSAULT", 1) in out and ("out", node("E"), "AGREE", 1) in out
    # Drusselstein bridges the two blocs: every path between them runs through it.
    assert kgg.centrality(mg, k=1, by="betweenness")[0][0] == node("D")
    by_degree = kgg.centrality(mg, k=None, by="degree")
    degrees = [d["degree"] for _n, d in by_degree]
    assert degrees == sorted(degrees, reverse=True)
    st = kgg.stats(events, mg, ag)
    assert st["events"] == len(EVENTS) and st["actors"] == 7 and st["type.AID"] == 3


def test_pagerank_and_betweenness_agree_with_networkx(small):
    _events, mg, _ag = small
    ours = kgg.pagerank(mg)
    theirs = nx.pagerank(mg, weight=None)
    assert max(abs(ours[n] - theirs[n]) for n in mg) < 1e-9
    H = nx.karate_club_graph()
    ours, theirs = kgg.betweenness(H), nx.betweenness_centrality(H)
    assert max(abs(ours[n] - theirs[n]) for n in H) < 1e-9
    assert kgg.betweenness(H, samples=10) == kgg.betweenness(H, samples=10)  # seeded


def test_cache_is_written_reused_and_invalidated(tmp_path, small_file):
    path = tmp_path / "g.ttl"
    path.write_bytes(small_file.read_bytes())
    first = kgg.load_events(path)
    cache = path.with_name("g.ttl" + kgg.CACHE_SUFFIX)
    assert cache.exists() and len(first) == len(EVENTS)
    path.write_bytes(path.read_bytes() + b"\n<urn:x> a <https://w3id.org/kg-bn/ontology#Event> .")
    assert len(kgg.load_events(path)) == len(EVENTS) + 1  # new hash: re-parsed
    cache.write_bytes(b"not a pickle")
    assert len(kgg.load_events(path)) == len(EVENTS) + 1


def test_bad_input_is_a_kg_error(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        kgg.load_events(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    with pytest.raises(KgError, match="cannot parse"):
        kgg.load_events(bad)


# ---------------------------------------------------------------- library: seed graph


@pytest.fixture(scope="module")
def seed(seed_graph_file):
    events = kgg.load_events(seed_graph_file, use_cache=False)
    mg = kgg.actor_graph(events)
    return events, mg, kgg.alignment_graph(mg)


def test_seed_allies_of_russia_rank_north_korea_first(seed):
    _events, _mg, ag = seed
    assert kgg.allies(ag, RUSSIA)[0][0] == NK


def test_seed_rivals_of_russia_include_ukraine(seed):
    _events, _mg, ag = seed
    assert UKRAINE in [n for n, _d in kgg.rivals(ag, RUSSIA)]


def test_seed_path_from_kim_to_ukraine_has_events(seed):
    _events, mg, _ag = seed
    path, hops = kgg.shortest_path_events(mg, KIM, UKRAINE)
    assert path[0] == KIM and path[-1] == UKRAINE
    assert all(evs for _u, _v, evs in hops)


def test_seed_country_level_uses_the_office_held_at_the_event(seed):
    events = seed[0]
    stoltenberg = kgg.resolve_actor("Stoltenberg", events)
    assert kgg.actor_graph(events).nodes[stoltenberg]["type"] == "Person"
    country = kgg.actor_graph(events, "country")
    nato = ACTOR + "Q7184"
    # In 2024 Stoltenberg was NATO's secretary general (the gazetteer's years), so his
    # DISAPPROVE of North Korea is NATO's at country level, not Norway's.
    assert stoltenberg not in country and ACTOR + "Q20" not in country
    assert country.number_of_edges(nato, NK) == 2
    assert kgg.resolve_actor("Stoltenberg", events, "country") == nato
    up = kgg.Rollup("country")
    person = events.actors[stoltenberg]
    assert up(person, 2008).id == ACTOR + "Q20"  # prime minister of Norway then
    assert up(person, 2024).id == nato


def test_seed_bengali_inflections_resolve(seed):
    events = seed[0]
    assert kgg.resolve_actor("রাশিয়ার", events) == RUSSIA
    assert kgg.resolve_actor("পুতিনকে", events) == PUTIN
    assert kgg.resolve_actor("Putin", events, "country") == RUSSIA


# ---------------------------------------------------------------- CLI: seed graph


def test_cli_allies_russia_on_seed(seed_graph_file):
    res = run("allies", "Russia", "--graph", str(seed_graph_file), "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows[0]["label"] == "North Korea" and rows[0]["rank"] == 1
    assert list(rows[0]) == ["rank", "actor", "label", "type", "weight", "coop", "conflict",
                             "events"]


def test_cli_rivals_russia_lists_ukraine(seed_graph_file):
    res = run("rivals", "Russia", "--graph", str(seed_graph_file))
    assert res.exit_code == 0 and "Ukraine" in res.stdout


def test_cli_path_prints_hops_and_events(seed_graph_file):
    res = run("path", "Kim Jong Un", "Ukraine", "--graph", str(seed_graph_file))
    assert res.exit_code == 0, res.output
    first = res.stdout.splitlines()[0]
    assert first.startswith("Kim Jong Un → ") and first.split("  (")[0].endswith("Ukraine")
    assert "hops" in first and "evidence" in res.stdout


@pytest.mark.parametrize("args", [
    ["actors"], ["neighbors", "রাশিয়ার"], ["events", "--type", "SUPPORT"],
    ["central", "-k", "3"], ["blocs"], ["timeline", "পুতিনকে"], ["stats"],
    ["allies", "Putin", "--level", "country"],
    ["sparql", "SELECT ?a WHERE { ?a a kgo:Country }"],
])
def test_cli_every_command_answers_on_seed(seed_graph_file, args):
    res = run(*args, "--graph", str(seed_graph_file), "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert len(rows) >= 2  # header + at least one row


def test_cli_events_json_columns_are_stable(seed_graph_file):
    res = run("events", "--type", "assault", "--graph", str(seed_graph_file), "--format",
              "json")
    rows = json.loads(res.stdout)
    assert res.exit_code == 0 and len(rows) == 1
    assert list(rows[0])[:4] == ["event", "date", "type", "quad"]
    assert rows[0]["source"] == ["Russia"] and rows[0]["target"] == ["Ukraine"]


def test_cli_reads_input_texts_directly():
    article = Path(__file__).resolve().parent.parent / "seeds" / "articles" / \
        "seed-putin-north-korea.jsonl"
    res = run("allies", "Russia", "--graph", str(article), "--format", "tsv", "-k", "1")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1].split("\t")[2] == "North Korea"


# ---------------------------------------------------------------- CLI: small graph


def test_cli_allies_ranking_on_small_graph(small_file):
    res = run("allies", "Avalon", "--graph", str(small_file), "--format", "tsv")
    lines = res.stdout.splitlines()
    assert res.exit_code == 0
    assert lines[0].split("\t") == ["rank", "actor", "label", "type", "weight", "coop",
                                    "conflict", "events"]
    assert [ln.split("\t")[2] for ln in lines[1:]] == ["Borduria", "Carpania"]


def test_cli_path_on_small_graph_json(small_file):
    res = run("path", "Carpania", "Freedonia", "--graph", str(small_file), "--format", "json")
    rows = json.loads(res.stdout)
    assert res.exit_code == 0
    hops = sorted({(r["hop"], r["from"], r["to"]) for r in rows})
    assert hops == [(1, "Carpania", "Avalon"), (2, "Avalon", "Drusselstein"),
                    (3, "Drusselstein", "Freedonia")]


def test_cli_blocs_on_small_graph(small_file):
    res = run("blocs", "--graph", str(small_file), "--format", "json")
    rows = json.loads(res.stdout)
    blocs: dict[int, set[str]] = {}
    for r in rows:
        blocs.setdefault(r["bloc"], set()).add(r["label"])
    assert {"Avalon", "Borduria", "Carpania"} in blocs.values()


def test_cli_sparql_ask_and_file(small_file, tmp_path):
    res = run("sparql", "ASK { ?e a kgo:Assault }", "--graph", str(small_file))
    assert (res.exit_code, res.stdout.strip()) == (0, "true")
    res = run("sparql", "ASK { ?e a kgo:Protest }", "--graph", str(small_file))
    assert (res.exit_code, res.stdout.strip()) == (1, "false")
    qfile = tmp_path / "q.rq"
    qfile.write_text("SELECT ?l WHERE { ?a a kgo:Country ; rdfs:label ?l } ORDER BY ?l",
                     encoding="utf-8")
    res = run("sparql", f"@{qfile}", "--graph", str(small_file), "--format", "json",
              "--store", "oxigraph")
    assert [r["l"] for r in json.loads(res.stdout)] == sorted(
        en for _q, en, _bn in COUNTRIES.values())


# ---------------------------------------------------------------- CLI: exit codes


def test_cli_unknown_actor_exits_1_with_suggestions(small_file):
    res = run("allies", "Avalom", "--graph", str(small_file))
    assert res.exit_code == 1
    assert "did you mean" in res.stderr and "Avalon" in res.stderr


def test_cli_nothing_found_exits_1(small_file):
    res = run("rivals", "Carpania", "--graph", str(small_file), "--format", "json")
    assert res.exit_code == 1 and json.loads(res.stdout) == []
    res = run("events", "--since", "2030", "--graph", str(small_file))
    assert res.exit_code == 1 and "no events" in res.stderr


@pytest.mark.parametrize("args", [
    ["events", "--type", "NOPE"], ["events", "--since", "2024-13-01"],
    ["events", "--quad", "friendly"], ["allies"], ["central", "--by", "fame"],
    ["allies", "Avalon", "--format", "xml"],
])
def test_cli_usage_errors_exit_2(small_file, args):
    res = run(*args, "--graph", str(small_file))
    assert res.exit_code == 2, res.output


@pytest.mark.parametrize("make", [
    lambda d: d / "missing.ttl",
    lambda d: (d / "bad.ttl").write_text("@prefix : <x> . :a :b", encoding="utf-8") and
    d / "bad.ttl",
])
def test_main_reports_bad_graph_in_one_line(tmp_path, monkeypatch, capsys, make):
    from kg.cli import main

    path = make(tmp_path)
    monkeypatch.setattr(sys, "argv", ["kg", "query", "stats", "--graph", str(path)])
    with pytest.raises(SystemExit) as exc:
        main()
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith("kg: error:") and err.count("\n") == 1 and "Traceback" not in err


def test_main_reports_bad_sparql_in_one_line(small_file, monkeypatch, capsys):
    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", "query", "sparql", "SELEKT ?x",
                                      "--graph", str(small_file)])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 2
    assert capsys.readouterr().err.startswith("kg: error: SPARQL")
