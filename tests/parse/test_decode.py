"""kg.parse.decode: the fast path gives Stanza's trees."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("stanza")


def _scores(rng: np.random.Generator, n: int, tree_like: bool) -> np.ndarray:
    """Head scores of n-1 words (row: dependent, column: head; 0 is the root), as
    log-probabilities; `tree_like` makes each word's best head follow a random tree, as a
    trained parser's mostly do."""
    scores = rng.normal(size=(n, n))
    if tree_like:
        for dep in range(2, n):
            scores[dep, rng.integers(1, dep)] += 6.0  # an earlier word, so no cycle
        scores[1, 0] += 6.0
    return scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))


@pytest.mark.parametrize("tree_like", [True, False])
def test_the_fast_path_gives_stanzas_tree(tree_like):
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    from kg.parse import decode

    decode.install()
    rng = np.random.default_rng(7)
    fast = 0
    for _ in range(300):
        scores = _scores(rng, int(rng.integers(2, 40)), tree_like)
        before = scores.copy()
        assert decode.one_root_tree(scores).tolist() == chuliu_edmonds_one_root(scores).tolist()
        assert np.array_equal(scores, before)  # the caller's scores are left alone
        best = np.argmax(np.where(np.eye(len(scores), dtype=bool), -np.inf, scores), axis=1)
        fast += int(np.count_nonzero(best[1:] == 0) == 1 and decode._acyclic(
            np.concatenate([[0], best[1:]])))
    assert (fast > 250) if tree_like else (fast < 100)  # both paths are exercised


def test_a_cycle_is_found():
    from kg.parse.decode import _acyclic

    assert _acyclic(np.array([0, 0, 1, 2]))
    assert not _acyclic(np.array([0, 2, 1, 0]))
    assert not _acyclic(np.array([0, 1]))  # a word heading itself
