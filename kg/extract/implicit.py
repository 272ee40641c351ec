"""Implicit roles: the source or target a sentence leaves unsaid, from the rest of the
sentence and from the discourse (the topic of the previous sentence, the parties of the
last conflict, the actors of an earlier event that this one answers or condemns)."""

from __future__ import annotations

from kg.entities.mention import Mention, entities_of
from kg.extract.clauses import taken_up
from kg.extract.cues import Cue
from kg.extract.discourse import Discourse
from kg.extract.roles import RoleAssigner, timing_subject, venue
from kg.extract.state import Event, SentenceState, Slot
from kg.extract.types import SAID_FRAMES, adjust_type, has_class_word, owns_claim
from kg.kinds import TARGET_TYPES
from kg.lang.data import LanguageData
from kg.lang.gazetteer import Entity

# Cases of a phrase an act is aimed at (গাজায়, ফিলিস্তিনিদের ওপর, ইসরায়েলের বিরুদ্ধে).
AIM_CASES = frozenset({"loc", "on", "against", "toward"})

# Types whose implicit subject is the discourse topic (… সঙ্গে বৈঠকে চুক্তি সই হয়).
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE"})
VERBAL_CONFLICT = frozenset({"DEMAND", "DISAPPROVE", "REJECT", "THREATEN"})
UN = "Q1065"  # the United Nations as a whole




class ImplicitRoles:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.event_pronouns = [tuple(p.split()) for p in lang.morph.word_list("event_pronouns")]
        self.casualties = frozenset(lang.morph.word_list("casualty_words"))
        self.told_things = frozenset(lang.morph.word_list("told_things"))
        self.joiners = frozenset(lang.morph.word_list("coordinators"))
        self.aspect = frozenset(lang.morph.word_list("aspect_words"))

    def source(self, st: SentenceState, cue: Cue, slot: Slot, used: set[int],
               disc: Discourse) -> Event | None:
        """No stated subject: an unused subject-like actor of the clause, or, for a
        cooperative act with a stated partner (… সঙ্গে বৈঠকে চুক্তি সই হয়), the
        topic of the discourse."""
        actors, clause = st.actors, st.clause
        cl = st.clause_of(cue)
        if any(m.kind == "pronouns_person" and m.case == "plain" and not m.entities
               and clause[m.start] == cl for m in st.mentions):
            return None  # তিনি … আহ্বান জানান: the subject is stated, only not known
        inside = {id(m) for m in actors if any(
            m.end <= r.start and r.start - m.end <= 1 for r in st.references)}
        # কানাডা থেকে আমদানি করা পণ্যের ওপর শুল্ক আরোপ করেছেন ট্রাম্প: a participle that
        # describes a noun has a subject of its own, unstated; it is not the clause's
        setting = self._setting(st, cue) or self._describes(st, cue)
        subj = [] if setting else [
            m for m in actors if id(m) not in used and clause[m.start] == cl
            # … হামলা ও ফিলিস্তিনিদের হত্যার পরেও … তুরস্ক: an act dating the clause takes
            # no subject after it (roles.timing_subject)
            and not (cue.timing and not timing_subject(st, cue, m))
            and m.case in ("plain", "gen") and m not in slot["target"]
            and id(m) not in inside and entities_of([m])
            # বলা হয়, বাংলাদেশের উত্তর-পূর্বাঞ্চলে …: a genitive the tree puts in a clause
            # of another verb owns something there; it says nothing
            and not (m.case == "gen" and id(m) in st.elsewhere
                     and cue.pred.type == "STATEMENT")
            and not (m.kind == "pronouns_self" and m.case != "plain")
            and not (m.case == "gen" and self._heads(st, m))
            and not (m.case == "gen" and owns_claim(self.lang, st.toks, m.end, cue))]
        if not subj and not setting:
            subj = [m for m in st.unknown if clause[m.start] == cl and m.case == "plain"]
        shared = [m for m in actors if clause[m.start] == cl and m.case in ("with", "between")]
        targets = entities_of(slot["target"]) or entities_of(shared)
        speaker = [] if subj else self._speaker_of_content(st, cue)
        # ঢাকায় দেশটির রাষ্ট্রদূতকে তলব করা হয়: where the envoy serves summons him, before
        # any genitive of the clause (পাকিস্তানের ওয়েবসাইটে: whose site, not who summons)
        host = self._host(st, cue, targets) if cue.pred.source_from == "host" and not any(
            m.case == "plain" for m in subj) else []
        met = self._met(st, cue) if cue.pred.symmetric and cue.pred.type in COOPERATIVE else []
        visit = _met_visit(st, cue) if len(met) > 2 else None
        if host:
            sources, confidence = host, 0.6
        elif subj:
            sources, confidence = entities_of(subj), 0.7
        elif speaker:
            # … পাল্টা আঘাত হানবে বলে সতর্ক করেছে উত্তর কোরিয়া: a content clause without a
            # subject of its own tells what the speaker does
            sources, confidence = speaker, 0.6
        elif targets and disc.topic and cue.pred.type in COOPERATIVE and cue.pred.frame != "victim":
            sources, confidence = [e for e in disc.topic if e not in targets], 0.6
        elif visit is not None and set(targets) <= set(met):
            # শি জিনপিংয়ের রাশিয়া ও কাজাখস্তান সফরে চুক্তি সই হয়েছে: the visitor signs with
            # each host, the hosts not with each other
            sources, confidence = visit.sources, 0.6
            targets = [e for e in visit.targets if e not in sources]
        elif met and set(targets) <= set(met):
            # মোদির সঙ্গে হাসিনার বৈঠকে তিনটি সমঝোতা স্মারক সই হয়েছে: signed by those who met
            # (not when the deal names a party of its own: … ইউক্রেনের সঙ্গে চুক্তি সই)
            sources, confidence = met, 0.6
        else:
            return None
        if not sources:
            return None
        ev = Event(cue.pred, cue.pred.type, cue.pred.cameo, cue.pred.relation, cue.pred.mode,
                   sources, [t for t in targets if t not in sources], confidence=confidence,
                   cue_start=cue.start)
        ev.span = (0, 0)
        ev.token_span = (cue.start, cue.end)
        # typed as a stated subject's act would be (হানবে: a threat; দেবে না: a refusal)
        adjust_type(self.lang, ev, cue, st.toks)
        return ev

    def target(self, st: SentenceState, cue: Cue, sources: list[Entity], used: set[int],
               disc: Discourse) -> list[Entity]:
        actors, clause = st.actors, st.clause
        cl = st.clause_of(cue)
        if any(m.kind == "reciprocal" and clause[m.start] == cl for m in st.mentions):
            return list(sources)
        if cue.pred.frame in SAID_FRAMES:
            return [e for e in disc.agreement_parties if e not in sources]
        if "said_follows" in cue.pred.needs:
            return self._accused(st, cue, sources)
        if "target_acc" in cue.pred.needs:
            return []
        if cue.pred.target_from == "last_conflict":
            # the fighting told in this sentence (সংঘর্ষের পর কাতারের মধ্যস্থতায়), else before
            here = [ev for ev in st.built if ev.type == "ASSAULT"]
            parties = list(dict.fromkeys(here[-1].sources + here[-1].targets)) if here \
                else _last_conflict(disc)
            return [e for e in parties if e not in sources]
        if len(sources) > 1 and (cue.pred.type in COOPERATIVE or cue.pred.symmetric or (
                cue.pred.mutual and cue.light_lemma != "পাওয়া"  # not মুক্তি পেয়েছেন
                and has_class_word(self.lang, cue.pred.mutual, st.toks, st.clause, cue))):
            return list(sources)  # সৌদি আরব ও ইরান … রাজি হয়েছে, বন্দী বিনিময় করল X ও Y
        if cue.pred.type == "THREATEN":
            aimed = [e for e in entities_of(_aimed_content(st, cue), TARGET_TYPES)
                     if e not in sources]
            if aimed:  # রাফাহ শহরে হামলার হুমকি: what the threatened act is aimed at
                return aimed
        shared = [m for m in actors if clause[m.start] == cl and m.case in ("with", "between")
                  and id(m) not in st.patients]
        referred = self.referred(st, cue, disc)
        if referred:
            found = [e for e in referred if e not in sources]
            if found:
                return found
        cond = [m for m in actors if m.case == "plain" and self._in_condition(st, m)
                and not set(m.entities) & set(sources) and entities_of([m])]
        rest = [m for m in actors if id(m) not in used | st.patients
                and m.kind != "pronouns_self"  # the speaker is no one's implied target
                and not (self._closed_apart(st, m, cue))
                and not set(m.entities) & set(sources)
                and entities_of([m]) and not (m.case == "loc" and cue.pred.type in COOPERATIVE)
                and not venue(m, cue) and m.case not in ("convener", "backed")]
        rest = [m for m in rest if not (m.case == "acc" and m.start > cue.end and cue.is_noun
                                        and cue.light_lemma is None)]
        for pool in (shared, cond, rest):
            found = [e for e in entities_of(pool) if e not in sources]
            if found:
                used.update(id(m) for m in pool)
                return found
        taken_up = self._taken_up(st, cue, sources)
        if taken_up:
            return taken_up
        content = [e for ev in st.built if ev.type != "STATEMENT" and ev.cue_start < cue.start
                   for e in ev.sources if e not in sources]
        if content and cue.pred.type in VERBAL_CONFLICT:
            return list(dict.fromkeys(content))  # … হামলা চালিয়েছে বলে অভিযোগ করেছে Y
        told = self._told_after(st, cue, sources)
        if told and cue.pred.type in VERBAL_CONFLICT:
            return told  # Y অভিযোগ করেছে, … পানি ছুড়েছে চীন
        claimant = self._claimant(st, cue, sources, disc)
        if claimant:
            return claimant
        partners = self._talks_partners(st, sources, disc) if cue.pred.type == "AGREE" else []
        if partners:
            return partners  # … বৈঠকে … আশ্বাস দিয়েছে বিএসএফ: a promise made in talks is to
            # the other side of the talks
        struck = self._struck_first(st, cue, sources, disc)
        if struck:
            return struck
        others = [m for m in actors if not set(m.entities) & set(sources)]
        if not others and disc.topic and (cue.pred.frame == "supply" or (
                cue.pred.type in VERBAL_CONFLICT and self._responds(st))):
            return [e for e in disc.topic if e not in sources]
        if cue.pred.target_from == "last_body":
            # বিরুদ্ধে ভোট দেয় চীন: against the resolution of the council or assembly voting
            return _named_organ(disc)
        return []

    @staticmethod
    def _talks_partners(st: SentenceState, sources: list[Entity],
                        disc: Discourse) -> list[Entity]:
        """The other side of the last talks (this sentence's or an earlier one's) that the
        source took part in."""
        here = [ev for ev in st.built if ev.type == "CONSULT"]
        talks = here[-1] if here else disc.last_of_type("CONSULT")
        if talks is None:
            return []
        sides = list(dict.fromkeys(talks.sources + talks.targets))
        if not set(sources) & set(sides):
            return []
        return [e for e in sides if e not in sources]

    @staticmethod
    def _accused(st: SentenceState, cue: Cue, sources: list[Entity]) -> list[Entity]:
        """ইসলামাবাদের অভিযোগ, … আশ্রয় দিচ্ছে আফগানিস্তানের তালেবান সরকার: the accused is the
        subject of the content clause (its unmarked actor, else its genitive), never an actor
        of a clause after it."""
        if cue.end + 1 >= len(st.toks):
            return []
        cl = st.clause[cue.end + 1]
        inside = [m for m in st.actors if st.clause[m.start] == cl]
        for case in ("plain", "gen"):
            found = [e for e in entities_of([m for m in inside if m.case == case])
                     if e not in sources]
            if found:
                return found
        return []

    @staticmethod
    def _met(st: SentenceState, cue: Cue) -> list[Entity]:
        """The sides of a meeting this sentence tells before the cue, in its clause, as the
        setting of the act (বৈঠকে …: at it, not বৈঠকের পর, after it)."""
        met = _meetings(st, cue)
        return list(dict.fromkeys(met[-1].sources + met[-1].targets)) if met else []

    @staticmethod
    def _host(st: SentenceState, cue: Cue, targets: list[Entity]) -> list[Entity]:
        """ঢাকায় ভারতের হাইকমিশনারকে তলব করা হয়, বেইজিংয়ে থাকা জাপানি রাষ্ট্রদূতকে তলব: the
        state where the envoy serves (the capital or country in the locative nearest before
        the cue, in its clause) is the one that summons him; none when a place named is the
        envoy's own state (… রাষ্ট্রদূতকে ঢাকায় তলব: called home, not summoned)."""
        cl = st.clause_of(cue)
        here = [e for e in entities_of([m for m in st.actors if m.case == "loc"
                                        and m.end <= cue.start and st.clause[m.start] == cl])
                if e.type == "Country"]
        if not here or set(here) & set(targets):
            return []
        return here[-1:]

    def _speaker_of_content(self, st: SentenceState, cue: Cue) -> list[Entity]:
        """Who says the clause `cue` ends: the source of a saying (or warning) whose cue
        follows, with the quotative বলে between them."""
        for ev in st.built:
            if ev.cue_start >= cue.end and ev.type in ("STATEMENT", "THREATEN") and any(
                    t.norm == "বলে" for t in st.toks[cue.end:ev.cue_start]):
                return list(ev.sources)
        return []

    @staticmethod
    def organ(targets: list[Entity], disc: Discourse) -> list[Entity]:
        """জাতিসংঘের প্রস্তাবের বিরুদ্ধে ভোট দেয়: a UN resolution voted on is the resolution
        of the organ the text names (the assembly, the council), not of the UN at large."""
        if len(targets) != 1 or targets[0].wikidata != UN:
            return targets
        return _named_organ(disc) or targets

    def _closed_apart(self, st: SentenceState, m: Mention, cue: Cue) -> bool:
        """চীন তাইওয়ান আক্রমণ করলে জাপান … প্রতিক্রিয়া দেখাতে পারে: a condition closes its
        clause; what the main clause names is no party to the act in the condition (nor
        the reverse)."""
        return st.clause[m.start] != st.clause_of(cue) and (
            self._in_condition(st, m) or any(self._in_condition(st, a) for a in st.actors
                                             if st.clause[a.start] == st.clause_of(cue)))

    def _describes(self, st: SentenceState, cue: Cue) -> bool:
        """A participle before the noun it describes (আমদানি করা পণ্য), not a verbal noun
        that is begun or ended (মুক্তি দেওয়া শুরু করেছে) or a passive (অস্বীকার করা হয়েছে)."""
        if not RoleAssigner.participle(cue, st.toks):
            return False
        word = st.toks[cue.end].norm
        return word not in self.aspect and self.lang.morph.lemma(word) is None

    def _heads(self, st: SentenceState, m: Mention) -> bool:
        """মিয়ানমার সেনাবাহিনীর প্রধান জেনারেল মিন অং হ্লাইংকে: a genitive at most two words
        (a title: no verb, no punctuation) before a person marked as an object names whom
        that person heads or serves; it is no subject of the clause (before a subject or
        an owner it speaks for the body)."""
        return any(a.start - m.end <= 2 and a.start >= m.end and a.case not in (
            "plain", "gen") and any(
            e.type == "Person" for e in a.entities) and not any(
            t.is_punct or self.lang.morph.lemma(t.norm) for t in st.toks[m.end:a.start])
            for a in st.actors)

    def _setting(self, st: SentenceState, cue: Cue) -> bool:
        """An attack in the locative in a clause of casualties (হামলায় … নিহত হন, "killed
        in an attack"): the clause's subject was hit, it did not attack. Elsewhere the
        subject may well be the attacker (যুক্তরাষ্ট্র বিমান হামলায় … ঘাঁটি ধ্বংস করেছে), and
        other acts in the locative are often the verb's argument (যুদ্ধবিরতিতে সম্মত)."""
        if not (cue.adverbial and cue.pred.type == "ASSAULT"):
            return False
        cl = st.clause_of(cue)
        return any(st.clause[k] == cl and t.norm in self.casualties
                   for k, t in enumerate(st.toks))

    def _claimant(self, st: SentenceState, cue: Cue, sources: list[Entity],
                  disc: Discourse) -> list[Entity]:
        """এই অভিযোগ অস্বীকার করেছে নাইজেরিয়া, এ ঘটনা অস্বীকার করা হয়: a denial of what was
        said in the last two sentences answers whoever said it last (an accusation, else a
        statement), if that is someone else. A proposal rejected is not "said" (its
        proposer is found as any target is)."""
        if cue.pred.type != "REJECT" or not self._denies_told(st, cue):
            return []
        said = next((e for e in reversed(disc.of_last(2)) if e.type in ("DISAPPROVE",
                                                                          "STATEMENT")
                     and not set(e.sources) & set(sources)), None)
        return list(said.sources) if said is not None else []

    def _denies_told(self, st: SentenceState, cue: Cue) -> bool:
        """What is rejected is "this" accusation, claim or incident (এই অভিযোগ, এ ঘটনা:
        morphology.yaml `told_things`), just before the cue in its clause, or named what it
        is before it (এই অভিযোগকে ‘সম্পূর্ণ ভিত্তিহীন’ বলে প্রত্যাখ্যান)."""
        cl = st.clause_of(cue)
        named = any(t.norm in self.lang.complementisers for t in st.toks[max(0, cue.start - 2):
                                                                          cue.start])
        clauses = (cl, cl - 1) if named else (cl,)  # বলে opens a clause of its own
        for k in range(max(1, cue.start - (10 if named else 3)), cue.start):
            if st.clause[k] not in clauses or (
                    st.toks[k - 1].norm not in self.lang.demonstratives):
                continue
            if any(b in self.told_things for b, _ in self.lang.morph.analyses(st.toks[k].norm)):
                return True
        return False

    def _told_after(self, st: SentenceState, cue: Cue, sources: list[Entity]) -> list[Entity]:
        """Y অভিযোগ করেছে, … পানি ছুড়েছে চীন (or অভিযোগ করেছে যে(,) …): the doers of the acts
        of the clause right after the cue and its comma or "that" (not of a clause joined by
        আর, অন্যদিকে: another report)."""
        k = cue.end + 1 if cue.end < len(st.toks) and st.toks[cue.end].norm == "যে" else cue.end
        if k < len(st.toks) and st.toks[k].norm == ",":
            k += 1
        if k == cue.end or k >= len(st.toks) or (
                st.toks[k].norm in self.lang.openers | self.joiners):
            return []
        told = [e for ev in st.built if ev.type != "STATEMENT" and ev.cue_start >= k
                and st.clause[ev.cue_start] == st.clause[k] for e in ev.sources]
        return [e for e in dict.fromkeys(told) if e not in sources]

    def _taken_up(self, st: SentenceState, cue: Cue, sources: list[Entity]) -> list[Entity]:
        """বাংলাদেশ যে বিবৃতি দিয়েছে ভারত তা প্রত্যাখ্যান করছে: what a correlative (তা) takes
        up is the act of the relative clause before it; who did it is answered."""
        if cue.pred.type not in ("REJECT", "DISAPPROVE", "SUPPORT") and (
                "unwilling" not in cue.pred.needs):
            return []
        rel = taken_up(self.lang, st.toks, st.clause, cue.start, st.clause_of(cue))
        if rel is None:
            return []
        told = [e for ev in st.built if st.clause[ev.cue_start] == rel for e in ev.sources]
        subjects = entities_of([m for m in st.actors
                                if st.clause[m.start] == rel and m.case == "plain"])
        return [e for e in dict.fromkeys(told or subjects) if e not in sources]

    def _struck_first(self, st: SentenceState, cue: Cue, sources: list[Entity],
                      disc: Discourse) -> list[Entity]:
        """পাল্টা … বিমান হামলা করা হয়েছে: a strike back is aimed at whoever struck the
        striker, when that attack is the last act told (within the last three sentences)."""
        if cue.pred.type != "ASSAULT" or not sources or not self._responds(st):
            return []
        # what the response answers is the last act told (ইইউ নিষেধাজ্ঞা আরোপ করেছে। জবাবে
        # রাশিয়া পাল্টা ব্যবস্থা নিয়েছে: the sanctions, not an older attack)
        last = next((e for e in reversed(disc.of_last(3)) if e.type != "STATEMENT"), None)
        if last is None or last.type != "ASSAULT" or not set(last.targets) & set(sources):
            return []
        return [e for e in last.sources if e not in sources]

    def _responds(self, st: SentenceState) -> bool:
        """এর জবাবে …: the act answers what the previous sentence told."""
        words = self.lang.response_words
        return any(t.norm in words or any(b in words for b, _ in self.lang.morph.analyses(t.norm))
                   for t in st.toks)

    def referred(self, st: SentenceState, cue: Cue, disc: Discourse) -> list[Entity]:
        """এই মহড়ার নিন্দা, এই নিষেধাজ্ঞা প্রত্যাখ্যান: the act condemned or rejected is an
        earlier event; its actors are the target."""
        if cue.pred.type not in ("DISAPPROVE", "REJECT", "DEMAND", "SUPPORT", "PROTEST"):
            return []
        cl = st.clause_of(cue)
        if self._points_back(st, cue):
            # ইরানের পররাষ্ট্র মন্ত্রণালয় এর নিন্দা জানিয়েছে: "this" is the act told last
            # (an act, not another reaction to it)
            earlier = next((e for e in reversed(disc.recent) if e.type != "STATEMENT"
                            and e.type not in VERBAL_CONFLICT), None)
            if earlier is not None:
                return list(earlier.sources)
        for ref in st.references:
            if st.clause_of(ref) != cl or ref.pred.type == cue.pred.type:
                continue
            owners = [m for m in st.actors if m.end == ref.start and m.case in ("gen", "plain")]
            if owners:
                return entities_of(owners)
            earlier = disc.last_of_type(ref.pred.type)
            if earlier is not None:
                return list(earlier.sources)
        return []

    def _points_back(self, st: SentenceState, cue: Cue) -> bool:
        """এর, এ ঘটনার, এই সিদ্ধান্তের right before the cue (one word, তীব্র, may stand
        between): the act is the one just told."""
        for end in (cue.start, cue.start - 1):
            if end < cue.start and (end < 0 or st.toks[end].is_punct):
                continue
            for phrase in self.event_pronouns:
                n = len(phrase)
                if end >= n and tuple(t.norm for t in st.toks[end - n:end]) == phrase:
                    return True
        return False

    def _in_condition(self, st: SentenceState, m: Mention) -> bool:
        """Is the mention in a clause that a conditional verb (-লে) closes?"""
        cl = st.clause[m.start]
        toks = st.toks
        last = max(k for k in range(len(toks)) if st.clause[k] == cl)
        return self.lang.morph.features(toks[last].norm).conditional


def _meetings(st: SentenceState, cue: Cue) -> list[Event]:
    """Meetings and visits told before the cue, in its clause, as its setting (বৈঠকে,
    সফরে: at it)."""
    settings = {c.start for c in st.cues if c.adverbial}
    return [ev for ev in st.built if ev.type == "CONSULT" and ev.cue_start < cue.start
            and ev.cue_start in settings and st.clause[ev.cue_start] == st.clause_of(cue)]


def _met_visit(st: SentenceState, cue: Cue) -> Event | None:
    """The visit (a one-sided meeting) this sentence tells before the cue as its setting."""
    met = _meetings(st, cue)
    return met[-1] if met and not met[-1].pred.symmetric else None


def _last_conflict(disc: Discourse) -> list[Entity]:
    last = next((e for e in reversed(disc.recent) if e.type == "ASSAULT"), None)
    return list(dict.fromkeys(last.sources + last.targets)) if last else []


def _named_organ(disc: Discourse) -> list[Entity]:
    """The UN organ (council, assembly) the text named last, else first: [] if none."""
    organs = [b for b in [disc.last_body, *disc.doc_bodies]
              if b is not None and b.kind == "un_organ"]
    return organs[:1]


def _aimed_content(st: SentenceState, cue: Cue) -> list[Mention]:
    """The place or actor an act told just before `cue` is aimed at (… শহরে হামলার হুমকি):
    a locative, on- or against-phrase at most three words before that act."""
    refs = [r for r in st.references if 0 <= cue.start - r.end <= 1]
    return [m for r in refs for m in st.mentions if m.resolved and m.end <= r.start
            and r.start - m.end <= 3 and m.case in AIM_CASES]
