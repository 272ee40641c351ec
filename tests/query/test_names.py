"""kg.query.names: actors by English label, QID, and Bengali in any inflected form; an
unknown name suggests close ones."""

from __future__ import annotations

import pytest

from kg.query import UnknownActor, resolve_actor
from tests.query.small_graph import PUTIN, RUSSIA, node


def test_resolve_actor_by_label_qid_and_inflected_bengali(small):
    events = small[0]
    assert resolve_actor("avalon", events) == node("A")
    assert resolve_actor("q99000004", events) == node("D")
    assert resolve_actor("আভালনের", events) == node("A")  # genitive
    assert resolve_actor("লিন্ডকে", events) == node("P")  # accusative of an alt label
    with pytest.raises(UnknownActor) as exc:
        resolve_actor("Avalom", events)
    assert "Avalon" in exc.value.suggestions


def test_seed_bengali_inflections_resolve(seed):
    events = seed[0]
    assert resolve_actor("রাশিয়ার", events) == RUSSIA
    assert resolve_actor("পুতিনকে", events) == PUTIN
    assert resolve_actor("Putin", events, "country") == RUSSIA
