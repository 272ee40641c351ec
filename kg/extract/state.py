"""What the event stage works on: one sentence's state, and the events it builds.

The state lives in a per-sentence object rather than on the extractor, so one extractor
serves any number of documents (and threads) at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.entities.mention import Mention
from kg.extract.cues import Cue
from kg.lang.gazetteer import Entity
from kg.lang.lexicon import Predicate
from kg.parse.tree import Parse
from kg.text.segment import Sentence, Token

Slot = dict[str, list[Mention]]  # "source" / "target" → the mentions in that role


@dataclass(slots=True)
class Event:
    """An extracted event before it becomes a schema record."""

    pred: Predicate
    type: str
    cameo: str
    relation: str
    mode: str
    sources: list[Entity] = field(default_factory=list)
    targets: list[Entity] = field(default_factory=list)
    objects: list[dict] = field(default_factory=list)
    context: set[str] = field(default_factory=set)
    location: Entity | None = None
    date: str | None = None
    confidence: float = 0.9
    span: tuple[int, int] = (0, 0)
    token_span: tuple[int, int] = (0, 0)
    cue_start: int = 0
    cue_end: int = 0
    implicit_target: bool = False  # the target was not stated but filled (implicit roles)
    embedded: bool = False  # told inside another predicate (kg.extract.embedded)
    refused: bool = False  # a cooperative act announced as not done: a REJECT, not negated
    # Per (source key, target key or None): the evidence the event filter weighs
    # (kg.extract.features); empty until the sentence is finished.
    features: dict[tuple[str, str | None], dict[str, float]] = field(default_factory=dict)


@dataclass(slots=True)
class SentenceState:
    """One sentence as the event stage sees it. `mentions` are the stage's own copies:
    the entity stage's mentions stay as coreference left them."""

    sent: Sentence
    parse: Parse | None
    mentions: list[Mention]
    cues: list[Cue]  # the cues that can become events
    references: list[Cue]  # anaphoric cues: events told before, or topics of other cues
    cue_starts: set[int]
    clause: list[int]
    actors: list[Mention] = field(default_factory=list)  # gazetteer actors and places
    unknown: list[Mention] = field(default_factory=list)  # people only NER knows
    built: list[Event] = field(default_factory=list)  # events built so far, in order
    patients: set[int] = field(default_factory=set)  # ids of actors a reference acts on
    # ids of actors the tree places in a clause of a verb that is no predicate of ours
    elsewhere: set[int] = field(default_factory=set)

    @property
    def toks(self) -> list[Token]:
        return self.sent.tokens

    def clause_of(self, cue: Cue) -> int:
        return self.clause[cue.noun_end - 1]
