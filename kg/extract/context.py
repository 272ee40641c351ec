"""Context flags of schema §2: future, hypothetical, negated, historical, reported."""

from __future__ import annotations

import datetime as dt

from kg.extract.cues import Cue
from kg.extract.discourse import Discourse
from kg.extract.state import Event, SentenceState
from kg.lang.calendar import DateMention
from kg.lang.data import LanguageData
from kg.text.segment import Sentence, Token


class ContextReader:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.morph = lang.morph

    def apply(self, st: SentenceState, built: dict[int, tuple[Cue, Event]],
              date: DateMention | None, doc_date: dt.date | None, continues: bool) -> None:
        """Set the span and context of each built event (in place)."""
        toks = st.toks
        events = [ev for _, ev in built.values()]
        sentence_ctx = self._sentence_context(toks, date, doc_date)
        has_statement = any(e.type == "STATEMENT" for e in events)
        comp = [k for k, t in enumerate(toks) if t.norm in self.lang.complementisers]
        later = max((ev.cue_start for ev in events), default=-1)
        for cue, ev in built.values():
            if comp and ev.cue_start < comp[0] < later:
                ev.context.add("reported")  # … সহায়তা দেয় বলে অভিযোগ করে: the content
            lo, hi = ev.token_span
            ev.span = (toks[lo].start, toks[hi - 1].end)
            ev.context |= sentence_ctx | self._verb_context(toks, cue)
            if ev.refused:
                ev.context.discard("negated")  # বসবে না: the refusal is what happens
            if ev.type != "STATEMENT" and (toks[cue.noun_end - 1].in_quote or continues
                                           or has_statement):
                ev.context.add("reported")

    def _verb_context(self, toks: list[Token], cue: Cue) -> set[str]:
        """Tense and polarity of the governing verb; through an infinitive (আলোচনায় বসতে
        রাজি নয়) to the finite verb that carries them."""
        if cue.gov is None:
            return set()
        out = set()
        k = cue.gov
        for _ in range(3):
            nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
            feats = self.morph.features(toks[k].norm, nxt)
            if feats.future:
                out.add("future")
            if feats.negated:
                out.add("negated")
            if not toks[k].norm.endswith(("তে", "ার")) or k + 1 >= len(toks):
                break
            k = next((j for j in range(k + 1, min(k + 4, len(toks)))
                      if self.morph.lemma(toks[j].norm)), k)
            if k == cue.gov:
                break
        return out

    def _sentence_context(self, toks: list[Token], date: DateMention | None,
                          doc_date: dt.date | None) -> set[str]:
        out = set()
        for t in toks:
            if t.is_punct:
                continue
            if t.norm in self.lang.conditional_words or self.morph.features(t.norm).conditional:
                out.add("hypothetical")
        past_year = date is not None and date.explicit_year_only and date.year
        if past_year and doc_date and date.year < doc_date.year:
            out.add("historical")
        return out

    def continues_report(self, sent: Sentence, disc: Discourse) -> bool:
        """Inside a quote opened earlier in the paragraph, or a relative clause (যা …)
        continuing reported speech: the words are still the speaker's."""
        if not disc.speaker or disc.speaker_paragraph != sent.paragraph:
            return False
        first = next((t for t in sent.tokens if not t.is_punct), None)
        if first is None:
            return False
        return (sent.quote_open_at_start and first.in_quote) or (
            disc.reported and first.norm in self.lang.relatives)
