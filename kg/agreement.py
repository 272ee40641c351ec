"""How far two independent gold annotations of the same passages agree.

A gold file is only as good as its annotator: a second, independent annotation of a
sample tells how much of a system's measured error is the gold's. Two figures, both
over required events:

- lenient: each annotation scored as if the other were a system emitting its events
  (first type, first form of each side) with the scoring rule of event-schema.md §5;
- strict: one-to-one between required events, each one's first type accepted by the
  other.

Each direction gives a recall; the agreement is their harmonic mean (an F1 with either
annotation as the reference).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.evaluate import Matcher


@dataclass(frozen=True, slots=True)
class Agreement:
    passages: int
    first: tuple[int, int]  # required events of the first found in the second, of all
    second: tuple[int, int]

    @property
    def f1(self) -> float:
        a, b = (k / n if n else 1.0 for k, n in (self.first, self.second))
        return 2 * a * b / (a + b) if a + b else 0.0


def agreement(first: list[dict], second: list[dict], matcher: Matcher,
              strict: bool = False) -> Agreement:
    """Agreement over the passages both annotate (by `doc`)."""
    other = {g["doc"]: g for g in second}
    pairs = [(g, other[g["doc"]]) for g in first if g["doc"] in other]
    return Agreement(len(pairs), _found(pairs, matcher, strict),
                     _found([(b, a) for a, b in pairs], matcher, strict))


def _found(pairs: list[tuple[dict, dict]], matcher: Matcher, strict: bool) -> tuple[int, int]:
    found = total = 0
    for mine, theirs in pairs:
        used: set[int] = set()
        emitted = [t for f in theirs["events"] for t in _as_triples(f)]
        for e in _required(mine["events"]):
            total += 1
            if not strict:
                found += any(matcher.match(e, t) for t in emitted)
                continue
            pool = [(i, f) for i, f in enumerate(theirs["events"])
                    if i not in used and f.get("required", True)]
            hit = next((i for i, f in pool if _same(e, f, matcher)), None)
            if hit is not None:
                found += 1
                used.add(hit)
    return found, total


def _as_triples(e: dict) -> list[tuple]:
    """The event as a system would emit it: its first type and each side's first form."""
    def actor(forms: list) -> dict | None:
        if not forms:
            return None
        name = str(forms[0])
        return {"label": name, "wikidata": name if _is_qid(name) else None}

    src, tgt = actor(e["source"]), actor(e["target"])
    return [(_types(e)[0], src, tgt)] if src is not None else []


def _is_qid(name: str) -> bool:
    return name[:1] == "Q" and name[1:].isdigit()


def _required(events: list[dict]) -> list[dict]:
    return [e for e in events if e.get("required", True)]


def _types(e: dict) -> list[str]:
    return e["type"] if isinstance(e["type"], list) else [e["type"]]


def _same(a: dict, b: dict, matcher: Matcher) -> bool:
    """Strict: each one's first type accepted by the other, both sides in common."""
    ta, tb = _types(a), _types(b)
    if ta[0] not in tb or tb[0] not in ta:
        return False
    if _sides(a["source"], b["source"], matcher) and _sides(a["target"], b["target"], matcher):
        return True
    return bool(a.get("symmetric") or b.get("symmetric")) and _sides(
        a["source"], b["target"], matcher) and _sides(a["target"], b["source"], matcher)


def _sides(a: list, b: list, matcher: Matcher) -> bool:
    if not a or not b:
        return not a and not b
    keys = set().union(*(matcher.keys(str(n)) for n in a))
    return any(matcher.keys(str(n)) & keys for n in b)


def format_agreement(lenient: Agreement, strict: Agreement) -> str:
    lines = [f"{lenient.passages} passages annotated twice"]
    for name, ag in (("lenient (as the scorer matches)", lenient),
                     ("strict (one-to-one, first types)", strict)):
        (k1, n1), (k2, n2) = ag.first, ag.second
        lines.append(f"  {name}: first {k1}/{n1} found in second, second {k2}/{n2} found "
                     f"in first; agreement F1 {ag.f1:.3f}")
    return "\n".join(lines)
