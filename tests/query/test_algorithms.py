"""kg.query.algorithms: allies, rivals, paths, blocs, neighbours and centrality, on the
small graph (answers known by construction) and on the seed article's graph."""

from __future__ import annotations

import networkx as nx
import pytest

import kg.query.algorithms as algorithms
from kg.query import (
    allies,
    betweenness,
    blocs,
    centrality,
    neighbors,
    pagerank,
    rivals,
    shortest_path_events,
)
from tests.query.small_graph import KIM, NK, RUSSIA, UKRAINE, node


def test_allies_ranked_by_net_alignment(small):
    _events, _mg, ag = small
    ranked = [n for n, _d in allies(ag, node("A"), k=None)]
    assert ranked == [node("B"), node("C")]
    assert [n for n, _d in allies(ag, node("A"), k=1)] == [node("B")]


def test_rivals_are_the_negative_pairs(small):
    _events, _mg, ag = small
    assert [n for n, _d in rivals(ag, node("B"))] == [node("D")]
    assert rivals(ag, node("C")) == []


def test_shortest_path_breaks_ties_by_label(small):
    _events, mg, _ag = small
    # C-A-D-F and C-B-D-F are both 3 hops; Avalon sorts before Borduria.
    path, hops = shortest_path_events(mg, node("C"), node("F"))
    assert path == [node("C"), node("A"), node("D"), node("F")]
    assert [len(evs) for _u, _v, evs in hops] == [3, 1, 1]
    assert hops[1][2][0]["type"] == "ASSAULT"


def test_directed_path_follows_source_to_target(small):
    _events, mg, _ag = small
    path, _hops = shortest_path_events(mg, node("A"), node("F"), directed=True)
    assert path == [node("A"), node("D"), node("F")]
    with pytest.raises(nx.NetworkXNoPath):
        shortest_path_events(mg, node("F"), node("A"), directed=True)


def test_blocs_split_cooperators_from_their_enemies(small):
    _events, _mg, ag = small
    found = {frozenset(b) for b in blocs(ag, seed=42)}
    assert frozenset({node("A"), node("B"), node("C")}) in found
    assert any({node("D"), node("E"), node("F")} <= b for b in found)


def test_neighbors_and_centrality(small):
    _events, mg, _ag = small
    out = neighbors(mg, node("D"))
    assert ("in", node("A"), "ASSAULT", 1) in out and ("out", node("E"), "AGREE", 1) in out
    # Drusselstein bridges the two blocs: every path between them runs through it.
    assert centrality(mg, k=1, by="betweenness")[0][0] == node("D")
    by_degree = centrality(mg, k=None, by="degree")
    degrees = [d["degree"] for _n, d in by_degree]
    assert degrees == sorted(degrees, reverse=True)


def test_centrality_computes_only_the_measures_asked_for(small, monkeypatch):
    _events, mg, _ag = small
    every = centrality(mg, k=None, measures=("pagerank", "betweenness"))

    def not_asked(*_args, **_kwargs):
        raise AssertionError("betweenness computed although nobody asked for it")

    monkeypatch.setattr(algorithms, "betweenness", not_asked)
    by_degree = centrality(mg, k=None, by="degree")
    assert set(by_degree[0][1]) == {"degree", "in", "out"}
    by_pagerank = centrality(mg, k=None)
    assert set(by_pagerank[0][1]) == {"degree", "in", "out", "pagerank"}
    # the same ranking and values as when every measure is computed
    assert [(n, d["pagerank"]) for n, d in by_pagerank] == \
        [(n, d["pagerank"]) for n, d in every]
    monkeypatch.setattr(algorithms, "pagerank", lambda *_a, **_k: pytest.fail("pagerank"))
    assert "pagerank" not in centrality(mg, k=1, by="degree")[0][1]


def test_pagerank_and_betweenness_agree_with_networkx(small):
    _events, mg, _ag = small
    ours = pagerank(mg)
    theirs = nx.pagerank(mg, weight=None)
    assert max(abs(ours[n] - theirs[n]) for n in mg) < 1e-9
    H = nx.karate_club_graph()
    ours, theirs = betweenness(H), nx.betweenness_centrality(H)
    assert max(abs(ours[n] - theirs[n]) for n in H) < 1e-9
    assert betweenness(H, samples=10) == betweenness(H, samples=10)  # seeded


def test_seed_allies_of_russia_rank_north_korea_first(seed):
    _events, _mg, ag = seed
    assert allies(ag, RUSSIA)[0][0] == NK


def test_seed_rivals_of_russia_include_ukraine(seed):
    _events, _mg, ag = seed
    assert UKRAINE in [n for n, _d in rivals(ag, RUSSIA)]


def test_seed_path_from_kim_to_ukraine_has_events(seed):
    _events, mg, _ag = seed
    path, hops = shortest_path_events(mg, KIM, UKRAINE)
    assert path[0] == KIM and path[-1] == UKRAINE
    assert all(evs for _u, _v, evs in hops)
