"""Fitting the event filter (kg.extract.filter) on annotated real news.

Every actor pair the rules propose on a gold document becomes one example: label 1 when
it matches a required gold event, 0 when it matches none; pairs that match only optional
gold events teach nothing and are left out (the scoring rule counts them neither way).
The model is an L2-regularised logistic regression fitted with scipy's L-BFGS. The
regularisation and the threshold are chosen by 5-fold cross-validation grouped by
document, scoring each held-out fold with the real scoring rule (kg.evaluate): the
threshold is the one that maximises F1 (the lowest of those within TIE of the best), not
the one that fits the examples best.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import minimize

from kg.errors import KgError
from kg.evaluate import Matcher, Scores, score_document
from kg.extract.filter import EventFilter
from kg.extract.records import dedupe, split_reciprocal, to_record
from kg.extract.state import Event
from kg.pipeline import DocState, Pipeline
from kg.text.documents import Document, parse_date
from kg.text.segment import normalize

FOLDS = 5
L2_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 13))
TIE = 0.005


@dataclass(slots=True)
class Example:
    doc: str
    features: dict[str, float]
    label: int


@dataclass(slots=True)
class Annotated:
    """One gold document as the unfiltered pipeline saw it."""

    gold: dict
    state: DocState
    examples: list[Example] = field(default_factory=list)


def _label(matcher: Matcher, gold: dict, ev: Event, pair: tuple[str, str | None]) -> int | None:
    src = next(e for e in ev.sources if e.key == pair[0])
    tgt = next((e for e in ev.targets if e.key == pair[1]), None)
    triple = (ev.type, src.record(), tgt.record() if tgt else None)
    hits = [g for g in gold["events"] if matcher.match(g, triple)]
    if any(g.get("required", True) for g in hits):
        return 1
    return None if hits else 0


def annotate(gold_docs: Iterable[dict], pipeline: Pipeline, where: str) -> list[Annotated]:
    """Run the pipeline (whose filter must be off) and label every proposed pair."""
    if pipeline.event_filter is not None:
        raise ValueError("the event filter must be fitted on unfiltered proposals")
    matcher = Matcher(pipeline.gazetteer)
    out = []
    for g in gold_docs:
        doc = Document(g["doc"], normalize(g.get("text", "")), parse_date(g.get("date"), where))
        item = Annotated(g, pipeline.annotate(doc))
        for events in item.state.events:
            for ev in events:
                for pair, feats in ev.features.items():
                    label = _label(matcher, g, ev, pair)
                    if label is not None:
                        item.examples.append(Example(g["doc"], feats, label))
        out.append(item)
    return out


def fit(examples: list[Example], l2: float) -> dict[str, float]:
    """Weights by feature name; the bias is not regularised."""
    names = sorted({k for ex in examples for k in ex.features})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    for i, ex in enumerate(examples):
        for k, v in ex.features.items():
            x[i, index[k]] = v
    y = np.array([ex.label for ex in examples], dtype=float)
    penal = np.array([0.0 if k == "bias" else 1.0 for k in names])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        nll = np.sum(np.logaddexp(0.0, z) - y * z)
        return nll + l2 * np.sum(penal * w * w), x.T @ (p - y) + 2 * l2 * penal * w

    w = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x
    return {k: float(v) for k, v in zip(names, w, strict=True) if abs(v) > 1e-6}


def score(items: Iterable[Annotated], flt: EventFilter | None, matcher: Matcher,
          extractor: str) -> Scores:
    """Scores of the records the pipeline writes when `flt` prunes its events."""
    scores = Scores()
    for item in items:
        st = item.state
        records = []
        for sent, events in zip(st.sentences, st.events, strict=True):
            for ev in events:
                kept = flt.prune(ev) if flt is not None else ev
                if kept is not None:
                    records += [to_record(st.doc, sent, part, extractor)
                                for part in split_reciprocal(kept)]
        score_document(item.gold, dedupe(records), matcher, scores)
    return scores


def folds(items: list[Annotated]) -> list[list[Annotated]]:
    """Documents dealt into FOLDS groups, shuffled with a fixed seed."""
    order = sorted(items, key=lambda it: it.gold["doc"])
    random.Random(0).shuffle(order)
    return [order[k::FOLDS] for k in range(FOLDS)]


def cross_validate(items: list[Annotated], matcher: Matcher, extractor: str
                   ) -> dict[tuple[float, float], Scores]:
    """Pooled held-out scores for every (l2, threshold) of the grids."""
    groups = folds(items)
    pooled: dict[tuple[float, float], Scores] = {}
    for k, held in enumerate(groups):
        train = [ex for j, g in enumerate(groups) if j != k for it in g for ex in it.examples]
        for l2 in L2_GRID:
            weights = fit(train, l2)
            for th in THRESHOLDS:
                s = score(held, EventFilter(weights, th), matcher, extractor)
                acc = pooled.setdefault((l2, th), Scores())
                acc.tp += s.tp
                acc.fp += s.fp
                acc.matched_gold += s.matched_gold
                acc.required_gold += s.required_gold
    return pooled


def train_filter(items: list[Annotated], matcher: Matcher, extractor: str
                 ) -> tuple[EventFilter, dict]:
    """The filter fitted on every document, with the grid point cross-validation chose,
    and a summary of what it measured."""
    if len(items) < FOLDS:
        raise KgError(f"the event filter needs at least {FOLDS} gold documents "
                      f"(cross-validation), not {len(items)}")
    if len({ex.label for it in items for ex in it.examples}) < 2:
        raise KgError("the gold documents give no correct and incorrect proposals to learn "
                      "from")
    base = score(items, None, matcher, extractor)
    pooled = cross_validate(items, matcher, extractor)
    top = max(s.f1 for s in pooled.values())
    # F1 is flat near its peak; within TIE of it, keep the most recall (the lowest
    # threshold), since a dropped true event is lost for every later use
    (l2, th), best = min(((k, s) for k, s in pooled.items() if s.f1 >= top - TIE),
                         key=lambda kv: (kv[0][1], -kv[1].f1))
    examples = [ex for it in items for ex in it.examples]
    about = {
        "documents": len(items), "examples": len(examples),
        "positive": sum(ex.label for ex in examples), "l2": l2,
        "unfiltered": _figures(base), "cross_validated": _figures(best),
    }
    return EventFilter(fit(examples, l2), th), about


def _figures(s: Scores) -> dict[str, float]:
    return {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
            "f1": round(s.f1, 3)}
