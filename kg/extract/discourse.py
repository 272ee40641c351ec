"""What carries from sentence to sentence within one document: the topic, the speaker of
a quote, the parties of the last agreement, the date in force, the events told so far.
`finish` updates it after each sentence; the agreement signed becomes an object node."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.entities.mention import entities_of
from kg.extract.state import Event, SentenceState
from kg.lang.calendar import DateMention
from kg.lang.data import LanguageData
from kg.lang.gazetteer import Entity
from kg.text.segment import Sentence, Token

# Bodies that vote on resolutions and rulings (gazetteer `kind`): what a vote is against.
BODY_KINDS = frozenset({"un_organ", "intergovernmental", "bloc", "court", "commission"})


@dataclass(slots=True)
class Discourse:
    topic: list[Entity] = field(default_factory=list)
    speaker: list[Entity] = field(default_factory=list)
    speaker_paragraph: int = -1
    reported: bool = False
    agreement_parties: list[Entity] = field(default_factory=list)
    agreement: dict | None = None
    date: DateMention | None = None
    n_agreements: int = 0
    subject_person: Entity | None = None  # who acted or spoke last: তিনি
    last_body: Entity | None = None  # the council, assembly or court last named
    doc_bodies: list[Entity] = field(default_factory=list)  # every body the text names
    recent: list[Event] = field(default_factory=list)  # events of earlier sentences
    starts: list[int] = field(default_factory=list)  # where each sentence's events begin

    def last_of_type(self, etype: str) -> Event | None:
        return next((e for e in reversed(self.recent) if e.type == etype), None)

    def of_last(self, sentences: int) -> list[Event]:
        """The events of the last few sentences, oldest first."""
        return self.recent[self.starts[-min(sentences, len(self.starts))]:] if self.starts else []


class DiscourseKeeper:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.morph = lang.morph

    def finish(self, st: SentenceState, events: list[Event], disc: Discourse,
               date: DateMention | None, continues: bool) -> None:
        """Dates onto the events; then what the next sentence needs to know."""
        sent = st.sent
        statements = [e for e in events if e.type == "STATEMENT"]
        if date is not None and not date.explicit_year_only and not date.past:
            disc.date = date
        for ev in events:
            if date is not None and (date.explicit_year_only or date.past):
                ev.date = date.value
            elif disc.date is not None:
                ev.date = disc.date.value
        if statements:
            disc.speaker = list(statements[0].sources)
            disc.speaker_paragraph = sent.paragraph
            disc.reported = True
        elif not continues:
            disc.reported = False
        disc.starts.append(len(disc.recent))
        disc.recent.extend(events)
        bodies = [e for e in entities_of(st.actors) if e.kind in BODY_KINDS]
        if bodies:
            disc.last_body = bodies[-1]
        persons = [e for ev in events for e in ev.sources if e.type == "Person"]
        if persons:
            disc.subject_person = persons[0]
        main = [e for e in events if e.type != "STATEMENT"]
        if main:
            disc.topic = list(main[0].sources)
        elif not events:
            # no event, but a sentence about someone (… রাশিয়ার অস্ত্র প্রয়োজন): the topic
            subjects = [m for m in st.actors if m.case in ("plain", "gen")
                        and m.end not in st.cue_starts]  # not "ইউক্রেন" of ইউক্রেন যুদ্ধ
            if subjects:
                disc.topic = entities_of(subjects[:1])
        for ev in events:
            if ev.pred.id in ("sign", "agreement-made"):
                disc.agreement_parties = list(dict.fromkeys(ev.sources + ev.targets))
        self._agreements(events, sent, disc)

    def _agreements(self, events: list[Event], sent: Sentence, disc: Discourse) -> None:
        """The thing signed becomes an Agreement object; a later এই চুক্তি is the same."""
        signing = [e for e in events if e.pred.id in ("sign", "agreement-made")]
        if not signing:
            return
        toks = sent.tokens
        found = list(self.lang.lex.agreement_nouns.matches(toks, self.morph))
        if not found:
            return
        first_end = min(m.end for m in found)
        match = min((m for m in found if m.end == first_end), key=lambda m: m.value)
        i, j = match.start, match.end
        if i > 0 and toks[i - 1].norm in self.lang.demonstratives:
            return  # এই চুক্তি: the agreement already told
        disc.n_agreements += 1
        disc.agreement = self._agreement_object(toks, i, j, sent, disc)
        for e in signing:
            e.objects = [disc.agreement]

    def _agreement_object(self, toks: list[Token], i: int, j: int, sent: Sentence,
                          disc: Discourse) -> dict:
        glossary = self.lang.glossary
        start = i
        while start > 0 and i - start < 4:
            prev = toks[start - 1]
            if prev.is_punct or self.morph.lemma(prev.norm) or (
                    prev.norm in self.lang.demonstratives):
                break
            if prev.norm.endswith(("ের", "র")) and prev.norm not in glossary:
                base = prev.norm[:-2] if prev.norm.endswith("ের") else prev.norm[:-1]
                if base not in glossary:
                    break
            start -= 1
        words = [t.text for t in toks[start:j] if t.norm not in ("একটি", "একটা")]
        english = []
        for t in toks[start:j]:
            w = t.norm
            for cand in (w, w[:-2] if w.endswith("ের") else w, w[:-1] if w.endswith("র") else w):
                if cand in glossary:
                    english.append(glossary[cand])
                    break
        return {"wikidata": None, "label": " ".join(english) if english else "agreement",
                "label_bn": " ".join(words), "type": "Agreement",
                "key": f"{sent.index}-{disc.n_agreements}"}
