"""The predicate lexicon and the verb forms agree (seeds/lexicon)."""

from __future__ import annotations

from kg.lang.data import default_language
from kg.schema import EVENT_TYPES


def test_every_light_verb_and_event_verb_has_its_forms():
    """A light verb missing from verbs.yaml never matches (অভিযোগ এনেছে was missed)."""
    lang = default_language()
    lemmas = {lv.lemma for p in lang.lex.predicates for lv in p.light}
    lemmas |= {v for p in lang.lex.predicates for v in p.verbs}
    known = set(lang.morph.verb_forms.values())
    assert sorted(lemmas - known) == []


def test_every_event_type_has_predicates():
    types = {p.type for p in default_language().lex.predicates}
    assert types == set(EVENT_TYPES) - {"CRIME"} or types == set(EVENT_TYPES)
