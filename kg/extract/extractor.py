"""The event stage: one sentence's tokens, resolved mentions, cues and parse → events.

It works the way a reader of Bengali news does, one module per step:
1. the predicate cues (kg.extract.cues, found once by the pipeline's cue stage);
2. clauses (kg.extract.clauses);
3. references only the discourse resolves: তিনি, আমি/আমরা, তারা in what a body says
   (kg.extract.references);
4. roles from case markers, frames and the tree (kg.extract.roles);
5. roles left implicit, from the sentence and the discourse (kg.extract.implicit), and a
   street protest nobody in the sentence holds, the protesters' (CROWD);
6. type adjustments (kg.extract.types), context flags (kg.extract.context), and the
   discourse carried to the next sentence (kg.extract.discourse).
Pass 1 builds the events whose roles the sentence states; pass 2 fills the others from
actors no stated event uses and from the discourse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kg.entities.mention import Mention, entities_of
from kg.extract import references
from kg.extract.clauses import clauses
from kg.extract.context import ContextReader
from kg.extract.cues import Cue
from kg.extract.discourse import Discourse, DiscourseKeeper
from kg.extract.embedded import aimed_again, embedded_events, requested_acts
from kg.extract.features import pair_features
from kg.extract.implicit import ImplicitRoles
from kg.extract.roles import RoleAssigner
from kg.extract.state import Event, SentenceState, Slot
from kg.extract.types import (
    PLACE_TARGETS,
    SAID_FRAMES,
    adjust_type,
    has_claim,
    has_class_word,
    has_goods,
)
from kg.kinds import ACTOR_TYPES, TARGET_TYPES
from kg.lang.data import LanguageData
from kg.lang.gazetteer import Entity, Gazetteer
from kg.lang.morphology import conjunctive_participle
from kg.parse.tree import Parse
from kg.text.segment import QUOTES, Sentence, Token

# Acts aimed at something a state owns (its base, ship, refinery, embassy, goods).
AIMED = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# The gazetteer's generic actor of demonstrations: a state does not march, its people do.
CROWD = "protesters"


class EventExtractor:
    """Turns one sentence into events; holds no per-sentence state (see SentenceState)."""

    def __init__(self, lang: LanguageData, gazetteer: Gazetteer) -> None:
        self.lang = lang
        self.gazetteer = gazetteer
        self.crowd = gazetteer.get(CROWD)
        self.we = frozenset(lang.morph.word_list("pronouns_we"))
        self.roles = RoleAssigner(lang)
        self.implicit = ImplicitRoles(lang)
        self.context = ContextReader(lang)
        self.discourse = DiscourseKeeper(lang)
        self.kinship = frozenset(lang.morph.word_list("kinship_words"))
        self.people = frozenset(lang.morph.word_list("people_words"))
        self.hit_places = frozenset(lang.morph.word_list("hit_places"))
        self.sidelines = frozenset(lang.morph.word_list("sideline_words"))
        self.charters = frozenset(lang.morph.word_list("charter_words"))
        self.casualties = frozenset(lang.morph.word_list("casualty_words"))
        self.numerals = frozenset(lang.morph.word_list("group_numerals"))
        self.unwilling = frozenset(lang.morph.word_list("unwilling_words"))
        self.owned = frozenset(lang.morph.word_list("owned_by_speaker"))
        self.counts = frozenset(lang.morph.word_list("count_words"))
        self.negatives = frozenset(lang.morph.word_list("negative_words")
                                   + lang.morph.word_list("negative_copulas"))

    def state(self, sent: Sentence, mentions: list[Mention], all_cues: list[Cue],
              parse: Parse | None, disc: Discourse) -> SentenceState:
        """The sentence as this stage sees it, on its own copies of the mentions."""
        mentions = [replace(m) for m in mentions]
        all_cues = [replace(c) for c in all_cues]
        st = SentenceState(sent, parse, mentions,
                           cues=[c for c in all_cues if not c.anaphoric],
                           references=[c for c in all_cues if c.anaphoric],
                           cue_starts={c.start for c in all_cues},
                           clause=clauses(self.lang, sent, frozenset(
                               m.start for m in mentions if m.case == "plain" and m.resolved)))
        references.resolve(st.mentions, disc)
        references.spoken_pronouns(st.mentions, st.cues, disc, sent.paragraph, self.we,
                                  self._body_of, st.toks, self.owned, self.counts)
        st.mentions = [m for m in st.mentions
                       if m.kind != "adjective" or self._adjective(st, m, all_cues)]
        for m in st.mentions:
            if m.case == "gen" and self._owns_place_hit(st, m, all_cues):
                m.case = "loc"  # ইসরায়েলের বিভিন্ন শহরে আঘাত: whose cities are hit
        st.actors = [m for m in st.mentions if m.kind != "ner"
                     and m.resolved and entities_of([m], TARGET_TYPES)]
        st.actors = [m for m in st.actors if not self._kin_of_next(st, m)
                     and not self._sidelines(st, m) and not self._charter(st, m)]
        for m in st.actors:
            if self._names_war(st, m):
                m.case = "gen"  # রাশিয়া-ইউক্রেন যুদ্ধ: the war's, no subject of the clause
        # People only the NER model knows fill a subject nobody else fills, nothing more.
        st.unknown = [m for m in st.mentions if m.kind == "ner" and m.resolved]
        return st

    def extract(self, sent: Sentence, mentions: list[Mention], cues: list[Cue],
                disc: Discourse, doc_date: dt.date | None,
                parse: Parse | None = None) -> list[Event]:
        """Events of one sentence; updates the discourse state for the next one."""
        st = self.state(sent, mentions, cues, parse, disc)
        groups = self._merge(st, self.roles.assign(st))
        future = any(self.lang.morph.features(t.norm).future for t in st.toks if not t.is_punct)
        date = self.lang.cal.find(st.toks, doc_date, future)
        continues = self.context.continues_report(sent, disc)
        speaker = disc.speaker if continues or sent.quote_open_at_start else []
        sport = self._sport(st)
        built = {} if sport else self._build(st, groups, speaker, disc)
        told_inside = [] if sport else (embedded_events(self.lang, st)
                                         + requested_acts(self.lang, st)
                                         + aimed_again(self.lang, st, disc))
        for k, (ref, ev) in enumerate(told_inside):
            if not any(_same(ev, other) for _, other in built.values()):
                built[len(groups) + k] = (ref, ev)  # after the sentence's own events
        events = [ev for _, ev in (built[gi] for gi in sorted(built))]
        self.context.apply(st, {gi: built[gi] for gi in sorted(built)}, date, doc_date,
                           continues)
        quoted = sent.quoted  # once per sentence, not per event
        for ev in events:
            ev.features = pair_features(st, ev, quoted)
        self.discourse.finish(st, events, disc, date, continues)
        told = self._statements_made(events)
        for ev in told:
            ev.features = pair_features(st, ev, quoted)
        return events + told

    def _statements_made(self, events: list[Event]) -> list[Event]:
        """The STATEMENT an act done by saying also is (ইরান … নিন্দা জানিয়েছে: Iran has
        made a statement), for speakers the sentence gives no statement of their own. Made
        after the discourse is updated: the last speaker stays whoever was quoted."""
        lex = self.lang.lex
        if lex.told_as is None:
            return []
        said = {e.key for ev in events if ev.type == "STATEMENT" for e in ev.sources}
        told_as = lex.by_id[lex.told_as]
        out = []
        for ev in events:
            if (ev.pred.id not in lex.told_acts or ev.embedded
                    or ev.context & {"negated", "reported"}):
                continue
            speakers = [e for e in ev.sources if e.key not in said]
            if not speakers:
                continue
            said |= {e.key for e in speakers}
            out.append(Event(told_as, told_as.type, told_as.cameo, told_as.relation,
                             told_as.mode, sources=speakers, context=set(ev.context),
                             location=ev.location, date=ev.date, confidence=ev.confidence,
                             span=ev.span, token_span=ev.token_span, cue_start=ev.cue_start,
                             cue_end=ev.cue_end))
        return out

    def _build(self, st: SentenceState, groups: list[tuple[Cue, Slot]],
               speaker: list[Entity], disc: Discourse) -> dict[int, tuple[Cue, Event]]:
        built: dict[int, tuple[Cue, Event]] = {}
        for gi, (cue, slot) in enumerate(groups):  # pass 1: roles the sentence states
            ev = self._event(st, cue, slot, speaker)
            if ev is not None and self._complete(st, ev, cue, slot):
                built[gi] = (cue, ev)
                st.built.append(ev)
        used = {id(m) for gi in built for r in groups[gi][1].values() for m in r}
        # কাতারের আমিরকে ফোন করে ট্রাম্প অভিনন্দন জানান: whom a call or meeting told as a
        # participle reached is also whom the next act of its clause addresses
        on_way = {id(m): st.clause_of(groups[gi][0]) for gi in built
                  for m in groups[gi][1]["target"] if self._on_the_way(st, groups[gi][0])}
        # a mediator is no party, even when the mediation has no parties to name
        used |= {id(m) for cue, slot in groups if cue.pred.target_from == "last_conflict"
                 for m in slot["source"]}
        # who rejects a demand, as stated, is not whom the demand is implicitly made of
        # (… যে দাবি হামাস তুলেছে, তা নাকচ করে দিয়েছে নেতানিয়াহুর দপ্তর)
        rejecters = {id(m) for cue, slot in groups if cue.pred.type == "REJECT"
                     for m in slot["source"] if m.case == "plain"}
        for gi, (cue, slot) in enumerate(groups):  # pass 2: implicit roles
            if gi in built:
                continue
            ev = self._event(st, cue, slot, speaker)
            if ev is None:
                ev = self.implicit.source(st, cue, slot, used, disc)
            if ev is None:
                ev = self._crowd_event(cue, slot)
            if ev is None:
                continue
            if not ev.targets and (cue.pred.needs & {"target", "target_acc"}
                                   or cue.pred.type == "MOBILIZE"):
                barred = rejecters if cue.pred.type == "DEMAND" else set()
                seen = (used - {i for i, cl in on_way.items() if cl == st.clause_of(cue)}) | barred
                ev.targets = self.implicit.target(st, cue, ev.sources, seen, disc)
                used |= seen - barred
                ev.confidence = min(ev.confidence, 0.7)
                ev.implicit_target = bool(ev.targets)
            if self._complete(st, ev, cue, slot, bare_ok=True):
                built[gi] = (cue, ev)
                st.built.append(ev)
                used |= {id(m) for r in slot.values() for m in r}
                if self._on_the_way(st, cue):
                    on_way.update({id(m): st.clause_of(cue) for m in slot["target"]})
        victims = entities_of([m for m in st.actors if self._lost_people(st, m)]) if any(
            ev.type == "ASSAULT" for _, ev in built.values()) else []
        for cue, ev in built.values():
            if cue.pred.frame == "crowd":
                self._crowd(ev)
            if ev.type == "ASSAULT" and victims and not set(victims) & set(ev.sources):
                ev.targets = victims  # … হামলায় আল-শাবাবের ৫২ সদস্য নিহত: who was killed
            if cue.pred.target_from == "last_body":
                ev.targets = self.implicit.organ(ev.targets, disc)
            if not ev.targets and ev.type == "MOBILIZE":  # a show of force: at whom?
                ev.targets = self.implicit.target(st, cue, ev.sources, used, disc)
                ev.implicit_target = bool(ev.targets)
            ev.cue_end = cue.end
        return built

    @staticmethod
    def _on_the_way(st: SentenceState, cue: Cue) -> bool:
        """A meeting or call whose light verb is a conjunctive participle (ফোন করে, বৈঠক
        করে) before the clause's own verb."""
        return (cue.pred.type == "CONSULT" and cue.light_lemma is not None
                and cue.end < len(st.toks) and not st.toks[cue.end].is_punct
                and conjunctive_participle(st.toks[cue.end - 1].norm))

    def _body_of(self, person: Entity) -> Entity | None:
        """The state a person holds office for, else the body (a party leader who is also
        prime minister speaks for the state)."""
        if person.type != "Person":
            return None
        bodies = [b for o in person.offices if o.affiliation
                  for b in [self.gazetteer.get(o.affiliation)] if b is not None]
        states = [b for b in bodies if b.type == "Country"]
        return (states or bodies or [None])[0]

    def _crowd_event(self, cue: Cue, slot: Slot) -> Event | None:
        """বিক্ষোভে … নিহত হয়েছেন: a demonstration nobody in the sentence holds is the
        protesters'; aimed at whom the sentence says (… সরকারের বিরুদ্ধে বিক্ষোভ)."""
        if cue.pred.frame != "crowd" or self.crowd is None:
            return None
        targets = entities_of(slot["target"], TARGET_TYPES)
        if not targets:
            return None
        ev = Event(cue.pred, cue.pred.type, cue.pred.cameo, cue.pred.relation, cue.pred.mode,
                   [self.crowd], targets, confidence=0.5, cue_start=cue.start)
        ev.token_span = (cue.start, cue.end)
        return ev

    def _crowd(self, ev: Event) -> None:
        """নেপালের সরকারবিরোধী বিক্ষোভ, নেতানিয়াহু সরকারের বিরুদ্ধে বিক্ষোভে অংশ নিয়েছে
        ইসরায়েলি নাগরিক: a protest at home is not the state's act but its protesters',
        against the state unless the sentence names whom. A protest aimed abroad (কিউবায়
        মার্কিন দূতাবাসের সামনে বিক্ষোভ) stays the state's, as the people of one state
        against another."""
        states = [e for e in ev.sources if e.type == "Country"]
        if not states or self.crowd is None:
            return
        own = {s for e in states for s in _states(e)}
        if any(not _states(t) & own for t in ev.targets):
            return
        ev.sources = [e for e in ev.sources if e.type != "Country"] or [self.crowd]
        if not ev.targets and self.crowd in ev.sources:
            ev.targets = states

    def _sport(self, st: SentenceState) -> bool:
        """A sentence about a game (গোল, ম্যাচ, সেমিফাইনাল) holds no event between states."""
        words = self.lang.sports_words
        return any(b in words for t in st.toks if not t.is_punct
                   for b, _ in self.lang.morph.analyses(t.norm))

    def _kin_of_next(self, st: SentenceState, m: Mention) -> bool:
        """A genitive right before a kinship word and the named kin (কিম জং উনের বোন কিম
        ইয়ো জং): it says whose kin the person is, and is no actor of the sentence."""
        k = m.end
        if m.case != "gen" or k + 1 >= len(st.toks) or st.toks[k].norm not in self.kinship:
            return False
        return any(a.start == k + 1 and any(e.type == "Person" for e in a.entities)
                   for a in st.actors)

    @staticmethod
    def _names_war(st: SentenceState, m: Mention) -> bool:
        """রাশিয়া-ইউক্রেন যুদ্ধ শুরুর পর থেকে, ইউক্রেন-রাশিয়া সংঘাতের বিষয়ে: sides joined
        by a hyphen right before a war told as a setting name that war; they are no actors
        of the sentence's other acts."""
        return m.kind == "hyphen_pair" and any(
            c.start == m.end and c.pred.frame == "conflict" for c in st.references)

    def _charter(self, st: SentenceState, m: Mention) -> bool:
        """জাতিসংঘ সনদ, ন্যাটো সনদের: a body's bare name right before a charter
        (morphology.yaml `charter_words`) names the document, not an actor (রাশিয়া সনদ
        লঙ্ঘন করে: a state's is its subject)."""
        return m.case == "plain" and _bodies(m) and m.end < len(st.toks) and any(
            b in self.charters for b, _ in self.lang.morph.analyses(st.toks[m.end].norm))

    def _sidelines(self, st: SentenceState, m: Mention) -> bool:
        """জাতিসংঘের সাধারণ অধিবেশনের ফাঁকে, বিমসটেক শীর্ষ সম্মেলনের ফাঁকে: the body whose
        session's sidelines host a meeting is the venue, no party to it (morphology.yaml
        `sideline_words`; one to three words between, none of them another actor; a bare
        name only of a body)."""
        if not (m.case == "gen" or m.case == "plain" and _bodies(m)):
            return False  # শাহবাজ শরিফ সাধারণ অধিবেশনের ফাঁকে …: a plain person acts
        after = st.toks[m.end:m.end + 4]
        k = next((n for n, t in enumerate(after) if t.norm in self.sidelines), None)
        return bool(k) and not any(t.is_punct for t in after[:k]) and not any(
            m.end <= o.start < m.end + k for o in st.mentions if o is not m)

    def _adjective(self, st: SentenceState, m: Mention, cues: list[Cue]) -> bool:
        """রুশ হামলা, মার্কিন নিষেধাজ্ঞা: a demonym right before an event noun (a mode word
        like সামরিক may stand between) names who acts; it then counts as a possessor."""
        for c in cues:
            between = st.toks[m.end : c.start]
            if c.is_noun and len(between) <= 1 and all(
                    t.norm in self.lang.lex.mode_words for t in between):
                m.case = "gen"
                return True
            if len(between) == 1 and not between[0].is_punct and (c.pred.type in (
                    "REJECT", "DISAPPROVE", "DEMAND") or "unwilling" in c.pred.needs) and (
                    c.light_lemma is not None):
                m.case = "gen"  # মার্কিন প্রস্তাব প্রত্যাখ্যান: whose proposal is rejected
                return True
            if c.is_noun and c.pred.type in AIMED and self._aimed_at(between):
                m.case = "loc"  # মার্কিন ঘাঁটিতে হামলা: the state whose base is attacked
                return True
        return False

    def _lost_people(self, st: SentenceState, m: Mention) -> bool:
        """বিমান হামলায় আল-শাবাবের ৫২ সদস্য নিহত হয়েছে: the genitive owns the people the
        sentence's attack killed or wounded, so it is what was attacked, rather than the
        place it happened (morphology.yaml `people_words`, `casualty_words`)."""
        if m.case != "gen":
            return False
        toks, k = st.toks, m.end
        while k < len(toks) and k - m.end < 2 and (toks[k].norm[:1].isdigit()
                                                   or toks[k].norm in self.numerals):
            k += 1
        if k >= len(toks) or not any(b in self.people for b, _ in
                                     self.lang.morph.analyses(toks[k].norm)):
            return False
        return any(t.norm in self.casualties for t in toks[k + 1:k + 4])

    def _owns_place_hit(self, st: SentenceState, m: Mention, cues: list[Cue]) -> bool:
        """A genitive owning the place an attack, seizure or sanction hits (ইসরায়েলের
        বিভিন্ন শহরে আঘাত হেনেছে …): the state is what is hit, as with a demonym. Only a
        place (morphology.yaml `hit_places`) in the locative, one or two words after the
        genitive with no other actor between: ইসরায়েলের যুদ্ধবিমান গাজায় হামলা চালিয়েছে
        is Israel's act."""
        toks = st.toks
        for c in cues:
            between = toks[m.end:c.start]
            if not (c.is_noun and c.pred.type in AIMED and 1 <= len(between) <= 2) or any(
                    o is not m and m.end <= o.start < c.start for o in st.mentions):
                continue
            if any(b in self.hit_places and case == "loc"
                   for b, case in self.lang.morph.analyses(between[-1].norm)):
                return True
        return False

    def _aimed_at(self, between: list[Token]) -> bool:
        """What lies between a demonym and an act names what the act hits, which belongs to
        the state the demonym names: one or two words, the last in the locative (ঘাঁটিতে,
        তেল শোধনাগারে, জাহাজগুলিতেও), a mode word (ড্রোন, ক্ষেপণাস্ত্র) allowed after it; a few
        words ending in ওপর/উপর (… খাদ্য আমদানির উপর নিষেধাজ্ঞা); or one or two ending in
        লক্ষ্য করে (মার্কিন ঘাঁটি লক্ষ্য করে হামলা)."""
        words = [t for t in between if t.norm not in self.lang.lex.mode_words]
        if any(t.is_punct for t in between) or len(between) > 5:
            return False
        if len(words) in (3, 4) and " ".join(t.norm for t in words[-2:]) in (
                self.lang.morph.word_list("targeting")):
            return True  # মার্কিন ঘাঁটি লক্ষ্য করে হামলা
        on = [k for k, t in enumerate(words) if self.lang.morph.postpositions.get(t.norm) == "on"]
        if on and 1 <= on[-1] <= 3 and len(words) - on[-1] <= 2:
            return True  # জাপানি সামুদ্রিক খাদ্য আমদানির উপর (অস্থায়ী) নিষেধাজ্ঞা
        if not 1 <= len(words) <= 2 or len(between) > 3:
            return False
        return any(case == "loc" for _, case in self.lang.morph.analyses(words[-1].norm))

    @staticmethod
    def _merge(st: SentenceState, slots: list[Slot]) -> list[tuple[Cue, Slot]]:
        """Two predicates of one type in one clause (সফরে … গেলেন) are one event."""
        out: list[tuple[Cue, Slot]] = []
        for cue, slot in zip(st.cues, slots, strict=True):
            for k, (prev, pslot) in enumerate(out):
                if prev.pred.type == cue.pred.type and st.clause_of(prev) == st.clause_of(cue):
                    for role in ("source", "target"):
                        pslot[role].extend(m for m in slot[role] if m not in pslot[role])
                    if prev.light_lemma is None and cue.light_lemma is not None:
                        prev.gov = cue.gov
                        if "said_follows" in prev.pred.needs:
                            # গুপ্তচরবৃত্তির অভিযোগে অভিযুক্ত করেছে রাশিয়া: the verb is the
                            # act; the noun before it names the charge, no saying to follow
                            out[k] = (cue, pslot)
                    break
            else:
                out.append((cue, {k: list(v) for k, v in slot.items()}))
        return out

    def _event(self, st: SentenceState, cue: Cue, slot: Slot,
               speaker: list[Entity]) -> Event | None:
        """The event with the roles its clause states (None without a source)."""
        pred = cue.pred
        toks = st.toks
        sources = entities_of(slot["source"])
        targets = entities_of(slot["target"], TARGET_TYPES if pred.type in PLACE_TARGETS
                              else ACTOR_TYPES)
        if pred.frame in SAID_FRAMES:
            # who calls it a threat: the quote's speaker, or the reporting verb's subject;
            # whom it is said of is named before it (ইরান দায়ী, বললেন ট্রাম্প: not Trump)
            said = [e for ev in st.built if ev.type == "STATEMENT" for e in ev.sources]
            told = entities_of([m for m in slot["source"] + slot["target"] if m.end <= cue.start
                                # … শর্ত পূরণ করতে হবে বাংলাদেশকে: who must, named last
                                or (pred.frame == "must" and m.case == "acc")], ACTOR_TYPES)
            sources = list(speaker) or said
            targets = [e for e in told if e not in sources]
        if not sources:
            return None
        ev = Event(pred, pred.type, pred.cameo, pred.relation, pred.mode, sources, targets,
                   cue_start=cue.start)
        adjust_type(self.lang, ev, cue, toks)
        involved = [cue.start, cue.end] + [x for m in slot["source"] + slot["target"]
                                           for x in (m.start, m.end)]
        lo, hi = min(involved), max(involved)
        ev.token_span = (lo, hi)
        ev.span = (toks[lo].start, toks[hi - 1].end)
        return ev

    def _negated_after(self, st: SentenceState, cue: Cue) -> bool:
        """A negative word right after the cue (দায়ী নয়, দায়ী নন)."""
        return cue.end < len(st.toks) and st.toks[cue.end].norm in self.negatives

    def _future_after(self, st: SentenceState, cue: Cue) -> bool:
        """A verb in the future or a condition after the cue (… আঘাত করলে … প্রয়োগ করা হবে):
        the content of a threat told after a comma."""
        morph = self.lang.morph
        return any((f.future or f.conditional) for t in st.toks[cue.end:] if not t.is_punct
                   for f in [morph.features(t.norm)])

    def _hit_thing(self, st: SentenceState, cue: Cue) -> bool:
        """নৌযানে হামলা চালিয়েছে যুক্তরাষ্ট্র: what the act hits, a word of the predicate's
        `bare_class` in the locative before it in its clause, stands in for a target."""
        if cue.pred.bare_class is None:
            return False
        words = self.lang.lex.word_classes.get(cue.pred.bare_class, set())
        cl = st.clause_of(cue)
        return any(st.clause[k] == cl and st.toks[k + 1].norm != "করে" and any(
            base in words and case == "loc" for base, case in self.lang.morph.analyses(t.norm))
            for k, t in enumerate(st.toks[: cue.start]))  # (নৌকায় করে: a boat that carries)

    def _future(self, st: SentenceState, cue: Cue) -> bool:
        """Is the cue's verb a future, not negated (নেবে, দেবে; not দেবে না)?"""
        if cue.gov is None:
            return False
        toks = st.toks
        nxt = toks[cue.gov + 1].norm if cue.gov + 1 < len(toks) else ""
        feats = self.lang.morph.features(toks[cue.gov].norm, nxt)
        return feats.future and not feats.negated

    def _complete(self, st: SentenceState, ev: Event, cue: Cue, slot: Slot,
                  bare_ok: bool = False) -> bool:
        """Does the event have what its predicate needs (lexicon `needs`)? A `bare`
        predicate may do without its target once no stated or implicit one was found."""
        needs = cue.pred.needs
        if bare_ok and not ev.targets and (cue.pred.bare or self._hit_thing(st, cue)):
            needs = needs - {"target", "target_acc"}
        if cue.pred.frame == "conflict" and cue.light_lemma is None and slot["target"] and all(
                m.end == cue.start and m.case == "plain" for m in slot["target"]):
            return False  # ইউক্রেন যুদ্ধে …: the war named as a setting, not a new event
        if not ev.sources or ("target" in needs or "target_acc" in needs) and not ev.targets:
            return False
        if ev.targets and set(ev.targets) == set(ev.sources) and len(ev.sources) < 2:
            return False
        if "goal" in needs and not any(m.case in ("plain", "loc", "to") for m in slot["target"]):
            return False
        if "foreign" in needs:
            # ট্রাম্প পেন্টাগনকে … নির্দেশ দিয়েছেন: an order to one's own state's organs is
            # no act between states
            own = {s for e in ev.sources for s in _states(e)}
            ev.targets = [t for t in ev.targets if not own & _states(t)]
            if not ev.targets:
                return False
        if "setting" in needs and (not cue.adverbial or any(
                c.pred.id == "sign" and c.start >= cue.end
                and st.clause_of(c) == st.clause_of(cue) for c in st.cues)):
            # ওই বিবৃতির বিষয়ে: a statement talked about is no saying; যৌথ বিবৃতিতে সই: nor
            # is one signed
            return False
        if "future" in needs and not self._future(st, cue):
            return False  # কঠোর ব্যবস্থা নিয়েছে: a measure taken is no threat
        if "with" in needs and not any(m.case == "with" for m in slot["target"]):
            return False
        if "said_follows" in needs and not (cue.end < len(st.toks) and (
                st.toks[cue.end].text in (",", ":") or st.toks[cue.end].text in QUOTES)):
            return False  # হুথিদের দাবি, …: a claim is told only if its content follows
        if "claim" in needs and not has_claim(self.lang, st.toks, st.clause, cue):
            return False
        if "source_by" in needs and not any(m.case == "by" for m in slot["source"]):
            return False  # নিহত হয়েছে: killed, by whom the sentence does not say
        if "unwilling" in needs and not (cue.gov is not None and cue.gov + 1 < len(st.toks)
                                         and st.toks[cue.gov + 1].norm in self.unwilling):
            return False  # মানতে নারাজ: only the unwillingness makes the act
        if "affirmed" in needs and self._negated_after(st, cue):
            return False  # ইরান দায়ী নয়: not held responsible
        if "future_content" in needs and not self._future_after(st, cue):
            return False  # রাশিয়ার হুমকি, চীনের উত্থান ও …: a list, not what is threatened
        for need in needs:
            # class:envoys: a word of that class in the clause (রাষ্ট্রদূতকে ফিরিয়ে এনেছে);
            # no_class:travel: none (নাগরিকদের ইসরায়েল সফরে হুঁশিয়ার: a travel advisory)
            if need.startswith("class:") and not has_class_word(
                    self.lang, need.removeprefix("class:"), st.toks, st.clause, cue):
                return False
            if need.startswith("no_class:") and has_class_word(
                    self.lang, need.removeprefix("no_class:"), st.toks, st.clause, cue):
                return False
        return "goods" not in needs or has_goods(self.lang, st.toks, st.clause, cue)


def _bodies(m: Mention) -> bool:
    """Does the phrase name organisations only (জাতিসংঘ, বিমসটেক; not রাশিয়া, ট্রাম্প)?"""
    return bool(m.entities) and all(e.type == "Organization" for e in m.entities)


def _states(e: Entity) -> set[str]:
    """The state an actor is or serves: itself, its affiliation, its offices'."""
    found = {e.wikidata or e.key} if e.type == "Country" else set()
    found.update(a for a in [e.affiliation, *(o.affiliation for o in e.offices)] if a)
    return found


def _same(a: Event, b: Event) -> bool:
    return a.type == b.type and set(a.sources) == set(b.sources) and set(a.targets) == set(
        b.targets)
