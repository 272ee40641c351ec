"""The pipeline: a document flows through stage processors, Stanza-style.

    segment → mentions → cues → [parse → ner] → coref → events → records

Each processor is a small class with a `name`, the annotations it `requires` and those it
`provides`; `Pipeline` checks the chain when it is built, so a stage cannot run before
what it reads exists. The annotations live on one `DocState` per document, which is all
the state there is: a `Pipeline` can run many documents, one after another or at once.
Mentions are written by the entity stages and coreference, and read-only afterwards (the
event stage works on copies).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from kg import __version__
from kg.entities.coref import DocumentContext
from kg.entities.mention import Mention
from kg.entities.ner import ner_mentions
from kg.entities.recognizer import EntityRecognizer, default_recognizer
from kg.errors import KgError
from kg.extract.cues import Cue, CueFinder
from kg.extract.discourse import BODY_KINDS, Discourse
from kg.extract.extractor import EventExtractor
from kg.extract.filter import EventFilter, shipped_filter
from kg.extract.records import dedupe, split_reciprocal, to_record
from kg.extract.state import Event
from kg.lang.calendar import Calendar, document_date
from kg.lang.data import default_language
from kg.lang.gazetteer import Entity, default_gazetteer
from kg.parse.tree import Parse
from kg.settings import Settings
from kg.text.documents import Document
from kg.text.segment import Sentence, split_sentences

RULES_ONLY = f"kg-{__version__}-rules"
WITH_PARSE = f"kg-{__version__}-stanza"


@dataclass(slots=True)
class DocState:
    """One document and the annotations the stages add, one list entry per sentence."""

    doc: Document
    date: dt.date | None = None  # the document's date, given or read off the text
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[list[Mention]] = field(default_factory=list)
    cues: list[list[Cue]] = field(default_factory=list)
    parses: list[Parse | None] = field(default_factory=list)
    events: list[list[Event]] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    actors: dict[str, Entity] = field(default_factory=dict)


@dataclass(slots=True)
class DocumentResult:
    """Everything the graph needs about one document."""

    doc: Document
    sentences: list[Sentence]
    records: list[dict]
    actors: dict[str, Entity]


class Processor:
    name: ClassVar[str]
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, state: DocState) -> None:
        raise NotImplementedError

    def batch(self, states: list[DocState]) -> None:
        """Several documents at once; a stage with a per-call cost (the parse) overrides
        this to share it."""
        for state in states:
            self(state)


class Segmenter(Processor):
    """Text → sentences and tokens (kg.text.segment)."""

    name, provides = "segment", frozenset({"sentences"})

    def __call__(self, state: DocState) -> None:
        state.sentences = split_sentences(state.doc.text)
        state.parses = [None] * len(state.sentences)


class Dating(Processor):
    """The document's date: its metadata, else the latest full date its text gives
    (kg.lang.calendar.document_date); relative dates and office holders depend on it."""

    name, requires, provides = "date", frozenset({"sentences"}), frozenset({"date"})

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar

    def __call__(self, state: DocState) -> None:
        state.date = state.doc.date or document_date(
            self.calendar, [s.tokens for s in state.sentences])


class MentionFinder(Processor):
    """Gazetteer names, role phrases and references per sentence (kg.entities)."""

    name, requires, provides = "mentions", frozenset({"sentences"}), frozenset({"mentions"})

    def __init__(self, recognizer: EntityRecognizer) -> None:
        self.recognizer = recognizer

    def __call__(self, state: DocState) -> None:
        state.mentions = [self.recognizer.mentions(s) for s in state.sentences]


class CueStage(Processor):
    """Predicate cues per sentence (kg.extract.cues), found once for every later stage."""

    name, requires, provides = "cues", frozenset({"sentences", "mentions"}), frozenset({"cues"})

    def __init__(self, finder: CueFinder) -> None:
        self.finder = finder

    def __call__(self, state: DocState) -> None:
        state.cues = [self.finder.find(s, ms)
                      for s, ms in zip(state.sentences, state.mentions, strict=True)]


class StanzaStage(Processor):
    """The Stanza parse (POS, tree, NER) of the sentences that hold a cue, in one batch:
    parsing is nearly the whole cost of a run, and no other sentence can hold an event. A
    sentence with a cue but no known name is parsed too: its actor may be a person only the
    NER finds (জন স্মিথ বলেন, …)."""

    name, requires, provides = "parse", frozenset({"sentences", "cues"}), frozenset({"parse"})

    def __init__(self, threads: int) -> None:
        from kg.parse.stanza import StanzaParser

        self.parser = StanzaParser(threads=threads)

    def __call__(self, state: DocState) -> None:
        self.batch([state])

    def batch(self, states: list[DocState]) -> None:
        """One Stanza call for all the documents' wanted sentences: each call has a fixed
        cost, and a news passage has only a few sentences with a cue."""
        wanted = [(state, i) for state in states for i, cues in enumerate(state.cues) if cues]
        parses = self.parser.parse([state.sentences[i] for state, i in wanted])
        for (state, i), parse in zip(wanted, parses, strict=True):
            state.parses[i] = parse


class NerActors(Processor):
    """People the gazetteer lacks, from the NER model's spans (kg.entities.ner)."""

    name = "ner"
    requires = frozenset({"sentences", "mentions", "cues", "parse"})
    provides = frozenset({"ner"})

    def __init__(self) -> None:
        self.morph = default_language().morph

    def __call__(self, state: DocState) -> None:
        named = tuple(dict.fromkeys(e for ms in state.mentions for m in ms
                                    for e in m.candidates if e.type == "Person"))
        for i, parse in enumerate(state.parses):
            if parse is not None:
                cue_tokens = {k for c in state.cues[i] for k in range(c.start, c.end)}
                state.mentions[i] = ner_mentions(state.sentences[i], state.mentions[i], parse,
                                                 self.morph, cue_tokens, named)


class Coreference(Processor):
    """Mentions resolved to entities in document order (kg.entities.coref); the last
    stage that writes mentions."""

    name, requires, provides = "coref", frozenset({"mentions", "date"}), frozenset({"resolved"})

    def __call__(self, state: DocState) -> None:
        ctx = DocumentContext(default_gazetteer(), state.date.year if state.date else None)
        for sent, mentions in zip(state.sentences, state.mentions, strict=True):
            ctx.resolve(mentions, sent.tokens)


class EventStage(Processor):
    """Events per sentence, with the discourse carried through the document."""

    name, requires, provides = "events", frozenset({"resolved", "cues"}), frozenset({"events"})

    def __init__(self, extractor: EventExtractor) -> None:
        self.extractor = extractor

    def __call__(self, state: DocState) -> None:
        disc = Discourse(doc_bodies=[e for ms in state.mentions for m in ms for e in m.entities
                                     if e.kind in BODY_KINDS])
        state.events = [
            self.extractor.extract(sent, mentions, cues, disc, state.date, parse)
            for sent, mentions, cues, parse in zip(state.sentences, state.mentions, state.cues,
                                                   state.parses, strict=True)]


class EventFiltering(Processor):
    """Pairs the learned filter scores below its threshold are dropped (kg.extract.filter);
    the discourse has already seen every proposal, so pruning changes only the output."""

    name, requires, provides = "filter", frozenset({"events"}), frozenset({"filtered"})

    def __init__(self, event_filter: EventFilter) -> None:
        self.filter = event_filter

    def __call__(self, state: DocState) -> None:
        state.events = [[kept for ev in events if (kept := self.filter.prune(ev)) is not None]
                        for events in state.events]


class RecordWriter(Processor):
    """Schema §4 records, and the actors the graph must describe."""

    name, requires, provides = "records", frozenset({"events"}), frozenset({"records"})

    def __init__(self, extractor_id: str) -> None:
        self.extractor_id = extractor_id

    def __call__(self, state: DocState) -> None:
        records = []
        for sent, events in zip(state.sentences, state.events, strict=True):
            for ev in events:
                for part in split_reciprocal(ev):
                    records.append(to_record(state.doc, sent, part, self.extractor_id))
                for e in ev.sources + ev.targets:
                    state.actors[e.key] = e
        state.records = dedupe(records)


def check_chain(processors: list[Processor]) -> None:
    """Every processor's requirements are provided by the ones before it."""
    have: set[str] = set()
    for p in processors:
        missing = p.requires - have
        if missing:
            raise KgError(f"pipeline: stage {p.name!r} needs {', '.join(sorted(missing))}, "
                          "which no earlier stage provides")
        have |= p.provides


class Pipeline:
    """Built once per process; `run` is then cheap per document.

    With the parse (settings.parse None: when the trained models are installed), the
    sentences holding a cue are parsed by Stanza: the tree attaches actors to predicates,
    and NER spans add actors the gazetteer lacks.
    """

    def __init__(self, settings: Settings | None = None,
                 recognizer: EntityRecognizer | None = None) -> None:
        from kg.parse.stanza import models_available

        self.settings = settings or Settings.from_env()
        use_parse = self.settings.parse
        if use_parse and not models_available():
            raise KgError("the Stanza models are not installed (kg/data/models); run "
                          "`kg models train` or use --no-parse")
        if use_parse is None:
            use_parse = models_available()
        self.gazetteer = default_gazetteer()
        self.recognizer = recognizer or default_recognizer()
        lang = default_language()
        self.extractor = EventExtractor(lang, self.gazetteer)
        self.extractor_id = WITH_PARSE if use_parse else RULES_ONLY
        stages: list[Processor] = [Segmenter(), Dating(lang.cal), MentionFinder(self.recognizer),
                                   CueStage(CueFinder(lang))]
        if use_parse:
            stages.append(StanzaStage(self.settings.torch_threads))
            if self.settings.ner_actors:
                stages.append(NerActors())
        stages += [Coreference(), EventStage(self.extractor)]
        self.event_filter = shipped_filter(bool(use_parse)) if self.settings.event_filter else None
        if self.event_filter is not None:
            stages.append(EventFiltering(self.event_filter))
        stages.append(RecordWriter(self.extractor_id))
        check_chain(stages)
        self.stages = stages

    @property
    def parsing(self) -> bool:
        return self.extractor_id == WITH_PARSE

    def annotate(self, doc: Document) -> DocState:
        state = DocState(doc)
        for stage in self.stages:
            stage(state)
        return state

    def run(self, doc: Document) -> DocumentResult:
        return self._result(self.annotate(doc))

    def stream(self, docs: Iterable[Document], batch: int = 16) -> Iterator[DocumentResult]:
        """Results in input order, `batch` documents at a time: stages that share a cost
        across documents (one Stanza call) do so, and memory holds one batch."""
        chunk: list[DocState] = []
        for doc in docs:
            chunk.append(DocState(doc))
            if len(chunk) == batch:
                yield from self._run_batch(chunk)
                chunk = []
        if chunk:
            yield from self._run_batch(chunk)

    def _run_batch(self, states: list[DocState]) -> Iterator[DocumentResult]:
        for stage in self.stages:
            stage.batch(states)
        return map(self._result, states)

    @staticmethod
    def _result(state: DocState) -> DocumentResult:
        return DocumentResult(state.doc, state.sentences, state.records, state.actors)
