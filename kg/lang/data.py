"""The language data the extractor reads, loaded once and bundled.

Word lists come from seeds/lexicon/morphology.yaml (demonstratives, clause openers …);
this bundle only turns them into sets, so that every extraction module asks the same
object instead of re-reading lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kg.lang.calendar import Calendar, default_calendar
from kg.lang.glossary import default_glossary
from kg.lang.lexicon import Lexicon, default_lexicon
from kg.lang.morphology import Morphology, default_morphology


@dataclass(slots=True)
class LanguageData:
    lex: Lexicon
    morph: Morphology
    cal: Calendar
    glossary: dict[str, str]
    demonstratives: set[str] = field(init=False)
    predicative: set[str] = field(init=False)
    openers: set[str] = field(init=False)
    relatives: set[str] = field(init=False)
    correlatives: set[str] = field(init=False)
    complementisers: set[str] = field(init=False)
    naming_verbs: set[str] = field(init=False)
    response_words: set[str] = field(init=False)
    coordinators: set[str] = field(init=False)
    compound_heads: set[str] = field(init=False)
    conditional_words: set[str] = field(init=False)
    sports_words: set[str] = field(init=False)
    auxiliary_before_go: set[str] = field(init=False)
    context_markers: set[str] = field(init=False)
    temporal_after: set[str] = field(init=False)
    time_before_after: set[str] = field(init=False)
    pronouns: set[str] = field(init=False)  # personal pronouns of every kind

    def __post_init__(self) -> None:
        words = self.morph.word_list
        self.demonstratives = set(words("demonstratives"))
        self.predicative = set(words("predicative_markers"))
        self.openers = set(words("clause_openers"))
        self.relatives = set(words("relatives"))
        self.correlatives = set(words("correlatives"))
        self.complementisers = set(words("complementisers"))
        self.naming_verbs = set(words("naming_verbs"))
        self.response_words = set(words("response_words"))
        self.coordinators = set(words("coordinators"))
        self.compound_heads = set(words("compound_verb_heads"))
        self.conditional_words = set(words("conditional_words"))
        self.sports_words = set(words("sports_words"))
        self.auxiliary_before_go = set(words("auxiliary_before_go"))
        self.context_markers = set(words("context_markers"))
        self.temporal_after = set(words("temporal_after"))
        self.time_before_after = set(words("time_before_after"))
        self.pronouns = {w for kind in ("pronouns_self", "pronouns_person", "pronouns_group")
                         for w in words(kind)}


@cache
def default_language() -> LanguageData:
    return LanguageData(default_lexicon(), default_morphology(), default_calendar(),
                        default_glossary())
