"""The event filter: a logistic model that weighs how each actor pair of an event was found.

The rules propose; on real news about four in ten of their proposals were wrong, and the
ways they go wrong are patterned (a target taken from the discourse topic, a genitive far
from the verb, a statement read as an act). Each pair carries features
(kg.extract.features); a model fitted on the real-news dev split (kg.models.event_filter)
scores it, and pairs below the model's threshold are dropped. An event keeps the sources
and targets of its surviving pairs, and goes when none survives.

There is one model per extractor (rules only, with parse), because the parse adds
features the rules-only run never sees. The models are plain JSON (weights by feature
name), so a reader can see what the filter learned.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import KgError
from kg.extract.state import Event

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
FORMAT = "kg-event-filter/1"


def model_path(parsed: bool, model_dir: Path = MODEL_DIR) -> Path:
    """Where the filter for one extractor lives."""
    return model_dir / f"event_filter_{'parse' if parsed else 'rules'}.json"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Weights by feature name, a bias among them, and the threshold a pair must reach."""

    weights: dict[str, float]
    threshold: float

    def score(self, features: dict[str, float]) -> float:
        """The model's probability that a pair with these features is a real event."""
        z = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def prune(self, ev: Event) -> Event | None:
        """The event with only the sources and targets of pairs that pass; None if none
        does. Events without features (built by hand, or by an older extractor) pass."""
        if not ev.features:
            return ev
        kept = [pair for pair, f in ev.features.items() if self.score(f) >= self.threshold]
        if not kept:
            return None
        if len(kept) == len(ev.features):
            return ev
        src = {s for s, _ in kept}
        tgt = {t for _, t in kept}
        return replace(ev, sources=[e for e in ev.sources if e.key in src],
                       targets=[e for e in ev.targets if e.key in tgt],
                       features={p: f for p, f in ev.features.items() if p in kept})

    def to_json(self, **about: object) -> str:
        """The model file: format tag, threshold, weights sorted by name, and `about`
        (what it was trained on, its cross-validated scores)."""
        body = {"format": FORMAT, "threshold": round(self.threshold, 4), **about,
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())}}
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def load(cls, path: Path) -> EventFilter:
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise KgError(f"{path}: cannot read the event filter ({exc})") from None
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise KgError(f"{path}: not an event filter model ({FORMAT})")
        try:
            weights = {str(k): float(v) for k, v in body["weights"].items()}
            return cls(weights, float(body["threshold"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise KgError(f"{path}: event filter model lacks weights or threshold") from None


def shipped_filter(parsed: bool) -> EventFilter | None:
    """The filter shipped for this extractor, or None when none is installed."""
    path = model_path(parsed)
    return EventFilter.load(path) if path.exists() else None
