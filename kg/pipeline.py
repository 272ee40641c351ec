"""The pipeline: document → sentences → mentions → events → schema §4 records.

Each stage is its own module; this one only wires them together and owns the output
record format, so that `kg extract`, `kg build` and `kg evaluate` see the same events.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, replace
from functools import cache

from kg import __version__
from kg.dates import default_calendar
from kg.documents import Document
from kg.entities import DocumentContext, EntityRecognizer, Mention, default_recognizer
from kg.events import Discourse, Event, EventExtractor
from kg.gazetteer import Entity, default_gazetteer
from kg.lexicon import default_lexicon
from kg.morphology import default_morphology
from kg.parse import Parse, StanzaParser, models_available
from kg.paths import seeds_dir
from kg.text import Sentence, split_sentences
from kg.vocab import QUAD_OF

RULES_ONLY = f"kg-{__version__}-rules"
WITH_PARSE = f"kg-{__version__}-stanza"


@dataclass(slots=True)
class DocumentResult:
    """Everything the graph needs about one document."""

    doc: Document
    sentences: list[Sentence]
    records: list[dict]
    actors: dict[str, Entity]


@cache
def _glossary() -> dict[str, str]:
    path = seeds_dir() / "lexicon" / "glossary.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        from kg.text import norm_token

        return {norm_token(r["bn"]): r["en"] for r in csv.DictReader(fh, delimiter="\t")}


class Pipeline:
    """Built once per process; `run` is then cheap per document.

    With `use_parse` (the default when the trained models are installed) the sentences
    that hold a predicate are parsed by Stanza in one batch per document: the tree
    attaches actors to predicates, and NER spans add actors the gazetteer lacks.
    """

    def __init__(self, recognizer: EntityRecognizer | None = None,
                 use_parse: bool | None = None) -> None:
        self.gazetteer = default_gazetteer()
        self.recognizer = recognizer or default_recognizer()
        self.extractor = EventExtractor(
            default_lexicon(), default_morphology(), default_calendar(), _glossary()
        )
        if use_parse is None:
            use_parse = models_available() and not os.environ.get("KG_NO_PARSE")
        self.parser = StanzaParser() if use_parse else None
        self.extractor_id = WITH_PARSE if self.parser else RULES_ONLY

    def _parses(self, sentences: list[Sentence],
                mentions: list[list[Mention]]) -> list[Parse | None]:
        """Parse, in one batch, only the sentences that can hold an event."""
        out: list[Parse | None] = [None] * len(sentences)
        if self.parser is None:
            return out
        wanted = [i for i, (s, ms) in enumerate(zip(sentences, mentions, strict=True))
                  if self.extractor.find_cues(s, ms)]
        for i, parse in zip(wanted, self.parser.parse([sentences[i] for i in wanted]),
                            strict=True):
            out[i] = parse
        return out

    def run(self, doc: Document) -> DocumentResult:
        sentences = split_sentences(doc.text)
        ctx = DocumentContext(self.gazetteer, doc.date.year if doc.date else None)
        disc = Discourse()
        records: list[dict] = []
        actors: dict[str, Entity] = {}
        all_mentions = [self.recognizer.mentions(s) for s in sentences]
        parses = self._parses(sentences, all_mentions)
        for sent, mentions, parse in zip(sentences, all_mentions, parses, strict=True):
            if parse is not None and not os.environ.get("KG_NO_NER_ACTORS"):
                mentions = ner_mentions(sent, mentions, parse)
            ctx.resolve(mentions)
            for ev in self.extractor.extract(sent, mentions, disc, doc.date, parse):
                for part in split_reciprocal(ev):
                    records.append(to_record(doc, sent, part, self.extractor_id))
                for e in ev.sources + ev.targets:
                    actors[e.key] = e
        return DocumentResult(doc, sentences, _dedupe(records), actors)


NER_TYPES = {"PER": "Person"}


def ner_mentions(sent: Sentence, mentions: list[Mention], parse: Parse) -> list[Mention]:
    """People the gazetteer does not know, from the NER model's PER spans of two or more
    words (a full name: a spokesperson, a minister): a node with the Bengali name and no
    QID (a wrong QID is worse than none). Measured on the held-out gold, single-word and
    ORG spans added more false events than they found, so they are left out."""
    morph = default_morphology()
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    for start, end, kind in parse.entities:
        if kind not in NER_TYPES or end - start < 2 or taken.intersection(range(start, end)):
            continue
        if any(t.is_punct or t.norm[:1].isdigit() for t in sent.tokens[start:end]):
            continue
        base, case = morph.analyses(sent.tokens[end - 1].norm)[-1]
        if len(base) < 2:
            base, case = sent.tokens[end - 1].norm, "plain"
        words = [t.norm for t in sent.tokens[start : end - 1]] + [base]
        name = " ".join(words)
        entity = Entity(key="bn:" + name, wikidata=None, label=name, label_bn=name,
                        type=NER_TYPES[kind], names_bn=[name])
        extra.append(Mention(start, end, case, "ner", candidates=[entity]))
    return sorted(mentions + extra, key=lambda m: m.start)


def _same_side(a: Entity, b: Entity) -> bool:
    """An actor and itself, or a person and the state or body they serve (Putin, Russia)."""
    return a == b or any(o.affiliation in (b.key, b.wikidata) for o in a.offices) or any(
        o.affiliation in (a.key, a.wikidata) for o in b.offices)


def split_reciprocal(ev: Event) -> list[Event]:
    """উভয় দেশ … একে অপরকে: one event per side, each aimed at the other(s), so that no
    actor is recorded as acting on itself (or on its own leader)."""
    if not any(_same_side(s, t) for s in ev.sources for t in ev.targets):
        return [ev]
    parts = []
    for s in ev.sources:
        targets = [t for t in ev.targets if not _same_side(s, t)]
        if targets:
            parts.append(replace(ev, sources=[s], targets=targets))
    return parts


def to_record(doc: Document, sent: Sentence, ev: Event, extractor: str = RULES_ONLY) -> dict:
    """The schema §4 event record (plus `symmetric`, `predicate`, `extractor`)."""
    return {
        "doc": doc.id,
        "sentence_index": sent.index,
        "sentence": sent.text,
        "type": ev.type,
        "mode": ev.mode or None,
        "cameo": ev.cameo or None,
        "quad": QUAD_OF.get(ev.type),
        "relation": ev.relation,
        "source": [e.record() for e in ev.sources],
        "target": [e.record() for e in ev.targets],
        "object": [{k: v for k, v in o.items() if k != "key"} for o in ev.objects],
        "context": sorted(ev.context),
        "date": ev.date,
        "location": ev.location.record() if ev.location else None,
        "confidence": ev.confidence,
        "span": list(ev.span),
        "symmetric": ev.pred.symmetric,
        "predicate": ev.pred.id,
        "extractor": extractor,
        "_object_keys": [o.get("key") for o in ev.objects],
    }


def _dedupe(records: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for r in records:
        key = (r["sentence_index"], r["type"], r["relation"],
               tuple(a["label"] for a in r["source"]), tuple(a["label"] for a in r["target"]))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def public(record: dict) -> dict:
    """A record without internal bookkeeping fields (those starting with `_`)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}
