"""kg.query.views and kg.query.rollup: the alignment rule on the small graph, and the
country roll-up (people stand for the office they held in the event's year)."""

from __future__ import annotations

from kg.query import Rollup, actor_graph, resolve_actor
from tests.query.small_graph import ACTOR, NK, node


def test_alignment_weights_follow_the_documented_rule(small):
    _events, _mg, ag = small
    ac = ag.edges[node("A"), node("C")]
    # CONSULT +1, hypothetical AID 2 x 0.5, negated COOPERATE 0
    assert (ac["weight"], ac["coop"], ac["conflict"], ac["n_events"]) == (2.0, 2.0, 0.0, 3)
    assert ag.edges[node("A"), node("B")]["weight"] == 4.0
    assert ag.edges[node("A"), node("D")]["weight"] == -2.0


def test_country_level_rolls_people_up_to_their_affiliation(small):
    events, _mg, _ag = small
    mg = actor_graph(events, "country")
    assert node("P") not in mg
    assert mg.has_edge(node("A"), node("E"))
    assert resolve_actor("Ada Lind", events, "country") == node("A")


def test_seed_country_level_uses_the_office_held_at_the_event(seed):
    events = seed[0]
    stoltenberg = resolve_actor("Stoltenberg", events)
    assert actor_graph(events).nodes[stoltenberg]["type"] == "Person"
    country = actor_graph(events, "country")
    nato = ACTOR + "Q7184"
    # In 2024 Stoltenberg was NATO's secretary general (the gazetteer's years), so his
    # DISAPPROVE of North Korea is NATO's at country level, not Norway's.
    assert stoltenberg not in country and ACTOR + "Q20" not in country
    assert country.number_of_edges(nato, NK) == 2
    assert resolve_actor("Stoltenberg", events, "country") == nato
    up = Rollup("country")
    person = events.actors[stoltenberg]
    assert up(person, 2008).id == ACTOR + "Q20"  # prime minister of Norway then
    assert up(person, 2024).id == nato
