"""The predicate lexicon (seeds/lexicon/predicates.yaml) as Python objects.

A predicate is an event noun (সফর, নিষেধাজ্ঞা) with the light verbs that make it a
clause (সফর করা, নিষেধাজ্ঞা আরোপ করা), or a verb that is an event on its own (বলা).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kg.errors import KgError
from kg.lang.morphology import _load_yaml
from kg.lang.phrases import PhraseIndex
from kg.resources import seeds_dir
from kg.schema import EVENT_TYPES
from kg.text.segment import norm_token

Words = tuple[str, ...]


def _words(phrase: str) -> Words:
    return tuple(norm_token(w) for w in str(phrase).split())


@dataclass(frozen=True, slots=True)
class LightVerb:
    """Fixed words then a verb lemma: "আরোপ করা" → (("আরোপ",), "করা")."""

    prefix: Words
    lemma: str
    generic: bool = False  # from `generic_light` (ঘোষণা দেওয়া): fits any event noun


@dataclass(slots=True)
class Predicate:
    id: str
    type: str
    cameo: str
    relation: str
    mode: str
    frame: str = "agent"
    nouns: list[Words] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    light: list[LightVerb] = field(default_factory=list)
    nominal: bool = False
    needs: frozenset[str] = frozenset()
    symmetric: bool = False
    future: dict | None = None
    goods: dict | None = None
    retype: list[dict] = field(default_factory=list)  # [{class: envoys, type: …}]
    target_from: str | None = None
    source_from: str | None = None
    at_country: dict | None = None
    bare: bool = False
    bare_class: str | None = None  # may stand without a target when this class is named
    # done by two together with a word of this word class in the clause, it is done to
    # each other ('' when not so)
    mutual: str = ""
    joint: dict | None = None  # may stand without a target when none can be found (call for X)


class Lexicon:
    """Predicates indexed for matching, plus frames, mode words and goods nouns."""

    def __init__(self, data: dict) -> None:
        self.predicates = [_predicate(p) for p in data.get("predicates", [])]
        generic = [_words(g) for g in data.get("generic_light", [])]
        for pred in self.predicates:
            if pred.nouns and pred.type != "STATEMENT":
                pred.light += [LightVerb(w[:-1], w[-1], generic=True) for w in generic]
        self.by_id = {p.id: p for p in self.predicates}
        # Acts done by saying (condemning, accusing, threatening): whoever does one in
        # public has also made a statement (seeds/lexicon/predicates.yaml, `told_acts`).
        told = data.get("told_acts") or {}
        self.told_acts = frozenset(told.get("acts") or [])
        self.told_as = told.get("statement")
        for pid in sorted(self.told_acts | {self.told_as} - {None}):
            if pid not in self.by_id:
                raise KgError(f"predicates.yaml: told_acts: unknown predicate {pid!r}")
        self.frames: dict[str, dict[str, str]] = data.get("frames", {})
        self.light_frames = {norm_token(k): v for k, v in data.get("light_frames", {}).items()}
        self.mode_words = {norm_token(k): v for k, v in data.get("mode_words", {}).items()}
        self.goods = {norm_token(g) for g in data.get("goods", [])}
        self.word_classes = {name: {norm_token(w) for w in words}
                             for name, words in (data.get("word_classes") or {}).items()}
        self.agreement_nouns: PhraseIndex[int] = PhraseIndex()
        for n, words in enumerate(_words(a) for a in data.get("agreement_nouns", [])):
            self.agreement_nouns.add(words, n)  # n: file order decides between matches
        self.nouns: PhraseIndex[Predicate] = PhraseIndex()
        self.verbs: dict[str, list[Predicate]] = {}
        for pred in self.predicates:
            for noun in pred.nouns:
                self.nouns.add(noun, pred)
            for lemma in pred.verbs:
                self.verbs.setdefault(lemma, []).append(pred)
        self.nouns.longest_first()
        # every event noun as its words (পারসোনা নন গ্রাটা): a quoted one is a term
        self.noun_phrases = frozenset(n for pred in self.predicates for n in pred.nouns)
        unknown = set(self.frames) | {"agent"}
        for pred in self.predicates:
            if pred.frame not in unknown:
                raise KgError(f"predicates.yaml: {pred.id}: unknown frame {pred.frame!r}")

    def frame(self, name: str) -> dict[str, str]:
        return self.frames.get(name, self.frames.get("agent", {}))


def _predicate(raw: dict) -> Predicate:
    if raw.get("type") not in EVENT_TYPES:
        raise KgError(f"predicates.yaml: {raw.get('id')}: unknown type {raw.get('type')!r}")
    light = []
    for item in raw.get("light", []) or []:
        words = _words(item)
        light.append(LightVerb(words[:-1], words[-1]))
    return Predicate(
        id=raw["id"],
        type=raw["type"],
        cameo=str(raw.get("cameo", "")),
        relation=raw["relation"],
        mode=raw.get("mode", ""),
        frame=raw.get("frame", "agent"),
        nouns=[_words(n) for n in raw.get("nouns", []) or []],
        verbs=[norm_token(v) for v in raw.get("verbs", []) or []],
        light=light,
        nominal=bool(raw.get("nominal", False)),
        needs=frozenset(raw.get("needs", []) or []),
        symmetric=bool(raw.get("symmetric", False)),
        future=raw.get("future"),
        goods=raw.get("goods"),
        retype=list(raw.get("retype", []) or []),
        target_from=raw.get("target_from"),
        source_from=raw.get("source_from"),
        at_country=raw.get("at_country"),
        bare=bool(raw.get("bare", False)),
        bare_class=raw.get("bare_class"),
        mutual=_mutual_class(raw.get("mutual", False)),
        joint=raw.get("joint"),
    )


@cache
def default_lexicon() -> Lexicon:
    return Lexicon(_load_yaml(seeds_dir() / "lexicon" / "predicates.yaml"))


def _mutual_class(value: object) -> str:
    """`mutual: true` reads the `exchanged` word class; `mutual: NAME` another one."""
    if value is True:
        return "exchanged"
    return value if isinstance(value, str) else ""
