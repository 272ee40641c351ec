"""Scoring against gold files, exactly as event-schema.md §5 defines it.

Per document, the system's events become a de-duplicated set of (type, source, target)
triples (each source × each target; an event without target gives one triple with
target None). A triple matches a gold event when its type is accepted and both actors
are accepted, by QID or case-insensitive English label (gold labels that the gazetteer
knows are also matched through its QID, so "Jens Stoltenberg" and his QID agree).
Precision = matched triples / triples not matching only optional gold events;
recall = required gold events matched / required gold events. Micro-averaged.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.lang.gazetteer import Gazetteer

Triple = tuple[str, dict, dict | None]


@dataclass
class Scores:
    tp: int = 0  # matched system triples (counted for precision)
    fp: int = 0
    matched_gold: int = 0
    required_gold: int = 0
    by_type: dict[str, Counter] = field(default_factory=dict)
    misses: list[tuple[str, dict]] = field(default_factory=list)
    false_positives: list[tuple[str, Triple, dict]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.required_gold if self.required_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def count(self, etype: str, key: str) -> None:
        self.by_type.setdefault(etype, Counter())[key] += 1


def load_gold(path: Path) -> list[dict]:
    docs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: cannot read gold file ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KgError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
        if not isinstance(doc, dict) or "doc" not in doc or "events" not in doc:
            raise KgError(f"{path}:{n}: a gold line needs 'doc' and 'events'")
        docs.append(doc)
    if not docs:
        raise KgError(f"{path}: no gold documents")
    return docs


class Matcher:
    """Decides whether a system actor is one a gold event accepts."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gaz = gazetteer

    def keys(self, name: str) -> set[str]:
        keys = {name.casefold()}
        if self.gaz is not None:
            entity = self.gaz.get(name)
            if entity is not None:
                keys |= {entity.label.casefold()}
                if entity.wikidata:
                    keys.add(entity.wikidata.casefold())
        return keys

    def accepts(self, names: list[str], actor: dict | None) -> bool:
        if actor is None:
            return False
        have = {str(actor.get("label", "")).casefold()}
        if actor.get("wikidata"):
            have.add(str(actor["wikidata"]).casefold())
        return any(self.keys(n) & have for n in names)

    def match(self, gold: dict, triple: Triple) -> bool:
        etype, src, tgt = triple
        if etype not in gold.get("type", []):
            return False
        if self._pair(gold, src, tgt):
            return True
        return bool(gold.get("symmetric")) and tgt is not None and self._pair(gold, tgt, src)

    def _pair(self, gold: dict, src: dict, tgt: dict | None) -> bool:
        if not self.accepts(gold.get("source", []), src):
            return False
        if not gold.get("target"):
            return True
        return self.accepts(gold["target"], tgt)


def triples(records: Iterable[dict]) -> list[Triple]:
    seen: dict[tuple, Triple] = {}
    for r in records:
        targets = r.get("target") or [None]
        for s in r.get("source") or []:
            for t in targets:
                key = (r["type"], _actor_key(s), _actor_key(t))
                seen.setdefault(key, (r["type"], s, t))
    return list(seen.values())


def _actor_key(a: dict | None) -> str | None:
    if a is None:
        return None
    return a.get("wikidata") or str(a.get("label", "")).casefold()


def score_document(gold_doc: dict, records: list[dict], matcher: Matcher, scores: Scores) -> None:
    gold_events = gold_doc["events"]
    system = triples(records)
    for triple in system:
        hits = [g for g in gold_events if matcher.match(g, triple)]
        if any(g.get("required", True) for g in hits):
            scores.tp += 1
            scores.count(triple[0], "tp")
        elif hits:
            continue  # matches only optional gold events: neutral
        else:
            scores.fp += 1
            scores.count(triple[0], "fp")
            scores.false_positives.append((gold_doc["doc"], triple, _record_for(records, triple)))
    for g in gold_events:
        if not g.get("required", True):
            continue
        scores.required_gold += 1
        scores.count(g["type"][0], "gold")
        if any(matcher.match(g, t) for t in system):
            scores.matched_gold += 1
            scores.count(g["type"][0], "matched")
        else:
            scores.misses.append((gold_doc["doc"], g))


def _record_for(records: list[dict], triple: Triple) -> dict:
    for r in records:
        if r["type"] == triple[0] and triple[1] in r.get("source", []):
            return r
    return {}


def format_report(name: str, scores: Scores, verbose: bool) -> str:
    lines = [f"{name}: precision {scores.precision:.3f}  recall {scores.recall:.3f}  "
             f"F1 {scores.f1:.3f}  (system triples {scores.tp + scores.fp}, matched "
             f"{scores.tp}; gold required {scores.required_gold}, found {scores.matched_gold})"]
    lines.append(f"  {'type':<12} {'gold':>5} {'found':>6} {'sys-tp':>7} {'sys-fp':>7}")
    for etype in sorted(scores.by_type):
        c = scores.by_type[etype]
        lines.append(f"  {etype:<12} {c['gold']:>5} {c['matched']:>6} {c['tp']:>7} {c['fp']:>7}")
    if verbose:
        for doc, g in scores.misses:
            lines.append(f"  MISS {doc}: {'/'.join(g['type'])} {g.get('source')} -> "
                         f"{g.get('target')}  ({g.get('note', '')})")
        for doc, (etype, s, t), rec in scores.false_positives:
            tl = t["label"] if t else "-"
            lines.append(f"  FP   {doc}: {etype} {s['label']} -> {tl}  "
                         f"[{rec.get('sentence_index')}] {rec.get('sentence', '')[:80]}")
    return "\n".join(lines)
