"""Predicate cues: where a sentence says that something happened.

Three shapes (seeds/lexicon/predicates.yaml): an event noun with its light verb (সফর করেন,
নিষেধাজ্ঞা আরোপ করে), a nominal event (পুতিনের উত্তর কোরিয়া সফর) and an event verb
(বলেন, গেলেন). A cue found here may still be *anaphoric*: a mention of an event already
told (এই সফর), a description (… হিসেবে) or the topic of another predicate (হামলার নিন্দা);
such cues are kept as references for the role stage, not turned into events.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.entities.mention import Mention
from kg.lang.data import LanguageData
from kg.lang.lexicon import LightVerb, Predicate
from kg.lang.morphology import NONFINITE_ENDINGS, finite_form
from kg.text.segment import QUOTES, Sentence, Token, norm_token

HOWA = norm_token("হওয়া")
ERAS = frozenset({"war"})  # events that also name a time: যুদ্ধ শুরুর পর থেকে
CAUSATIVE = "ানো"  # রাজি করানো "persuade": the causative verbal noun


@dataclass(slots=True)
class Cue:
    """One predicate occurrence: the noun/verb tokens, its light verb and clause."""

    pred: Predicate
    start: int
    end: int  # exclusive, after the light verb if any
    noun_end: int  # end of the noun part (the verb itself for verb cues)
    is_noun: bool
    light_lemma: str | None = None
    gov: int | None = None  # index of the governing verb token
    clause: int = 0
    anaphoric: bool = False
    adverbial: bool = False  # a nominal event in the locative (মধ্যস্থতায়, সফরে): a setting
    timing: bool = False  # a nominal event telling when the clause's act happens (হামলার পর)


class CueFinder:
    """Finds the predicate cues of a sentence (stateless: one per process is enough)."""

    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.lex = lang.lex
        self.morph = lang.morph
        # the predicates a neighbour can turn a cue into (_speech_acts)
        self.senses = {pid: self.lex.by_id[pid]
                       for pid in ("demand", "call-on", "criticise", "reject", "lift-sanctions",
                                   "warn")}
        self.condemning = frozenset(self.morph.word_list("negative_evaluations"))
        self.falsity = frozenset(self.morph.word_list("falsity_words"))
        self.act_stopped = frozenset(self.morph.word_list("act_stopped"))
        self.act_left = frozenset(self.morph.word_list("act_left"))
        self.aspect = frozenset(self.morph.word_list("aspect_words"))
        self.leaving = frozenset(self.morph.word_list("leaving_words"))
        self.act_proposed = frozenset(self.morph.word_list("act_proposed"))
        self.cancelling = frozenset(self.morph.word_list("cancelling"))
        self.unwilling = frozenset(self.morph.word_list("unwilling_words"))
        self.alert = frozenset(self.morph.word_list("alert_words"))
        self.talks = frozenset(self.morph.word_list("talk_nouns"))
        self.gratitude = frozenset(self.morph.word_list("gratitude_words"))
        self.purpose = frozenset(self.morph.word_list("purpose_after"))
        # nouns that themselves end like a classifier (পারসোনা নন গ্রাটা): no এই … টি
        self.noun_ends = frozenset(n[-1] for p in self.lex.predicates for n in p.nouns)

    def find(self, sent: Sentence, mentions: list[Mention]) -> list[Cue]:
        """Noun cues longest first, then event verbs on tokens no noun cue took."""
        toks = sent.tokens
        in_mention = {i for m in mentions for i in range(m.start, m.end)}
        found = [(m.start, m.end, [m.value]) for m in self.lex.nouns.matches(
            toks, self.morph, skip=lambda j, _t: j in in_mention, through_quotes=True)]
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        cues: list[Cue] = []
        taken: set[int] = set()
        spans: dict[tuple[int, int], list[Predicate]] = {}
        for i, j, preds in found:
            if (i, j) in spans:
                spans[(i, j)].extend(p for p in preds if p not in spans[(i, j)])
                continue
            if taken.intersection(range(i, j)):
                continue
            taken.update(range(i, j))
            spans[(i, j)] = list(preds)
        consumed: set[int] = set()  # tokens already used as some noun's light verb
        # রাশিয়াকে … সেনা প্রত্যাহার করতে হবে: an act someone must do is the content of the
        # obligation (frame must), whose words its light verb would otherwise take
        obliged = {i for (i, _), preds in spans.items() if any(p.frame == "must" for p in preds)}
        for (i, j), preds in sorted(spans.items()):
            if consumed.intersection(range(i, j)):
                continue
            cue = self._noun_cue(toks, i, j, preds, taken)
            if cue is not None and cue.light_lemma and cue.pred.frame != "must" and (
                    obliged.intersection(range(cue.noun_end, cue.end))):
                cue = Cue(cue.pred, i, j, j, True, None, gov=None, anaphoric=True)
            if cue is not None:
                cues.append(cue)
                taken.update(range(cue.noun_end, cue.end))
                consumed.update(range(cue.noun_end, cue.end))
        cues += self._verb_cues(toks, taken, in_mention)
        cues += self._passive_statements(toks, taken, mentions)
        cues.sort(key=lambda c: c.start)
        if not self._claims_named(toks):  # পাইপলাইন উড়িয়ে দেওয়া হয়: blown up, not dismissed
            cues = [c for c in cues if "claim" not in c.pred.needs]
        self._complements(toks, cues)
        self._told_to(toks, cues)
        self._speech_acts(toks, cues, mentions)
        self._suspended_sanctions(toks, cues)
        self._described(toks, cues)
        return cues

    @staticmethod
    def _described(toks: list[Token], cues: list[Cue]) -> None:
        """মোতায়েন করা সেনা প্রত্যাহার: a light verb in its participle form right before
        another event noun describes that act's object (the troops deployed); it is no event
        of its own."""
        starts = {c.start for c in cues if c.is_noun}
        for c in cues:
            if c.light_lemma is None or c.end not in starts or c.anaphoric:
                continue
            word = toks[c.end - 1].norm
            if word.endswith(("া", "ানো", "ওয়া")) and not word.endswith("তে"):
                c.anaphoric = True

    def _suspended_sanctions(self, toks: list[Token], cues: list[Cue]) -> None:
        """শুল্ক আরোপ এক মাসের জন্য স্থগিত করেছেন: a tariff or sanction suspended, its noun
        at most three words before স্থগিত with no verb or punctuation between, is eased
        (but … নিষেধাজ্ঞার কারণে ইরানের সঙ্গে প্রকল্প স্থগিত: a project suspended)."""
        for cue in cues:
            if cue.pred.id != "suspend":
                continue
            for c in cues:
                between = toks[c.end:cue.start]
                if (c.pred.type == "SANCTION" and c.anaphoric and 0 <= cue.start - c.end <= 3
                        and not any(t.is_punct or self.morph.lemma(t.norm) for t in between)):
                    cue.pred = self.senses["lift-sanctions"]
                    break

    def _claims_named(self, toks: list[Token]) -> bool:
        """A word for what is said or proposed (অভিযোগ, দাবি, প্রস্তাব) among `toks`."""
        claims = self.lex.word_classes.get("claims", set())
        return any(b in claims for t in toks for b, _ in self.morph.analyses(t.norm))

    @staticmethod
    def _told_to(toks: list[Token], cues: list[Cue]) -> None:
        """যুক্তরাষ্ট্রের হস্তক্ষেপ করা উচিত, যুক্তরাষ্ট্রের উচিত ইসরাইলকে চাপ দেওয়া: what
        someone says another should do (frame said_of) is the content of the saying, not an
        act; it is told right before the modal, or after it up to the clause's end."""
        for s in (c for c in cues if c.pred.frame == "said_of"):
            for c in cues:
                if c is s or c.anaphoric:
                    continue
                if 0 <= s.start - c.end <= 1:
                    c.anaphoric = True
                elif c.start >= s.end and all(not t.is_punct for t in toks[s.end:c.start]) \
                        and (c.end == len(toks) or toks[c.end].is_punct
                             or toks[c.end].norm == "বলে"):  # … করা বলে মনে করেন
                    c.anaphoric = True

    def _speech_acts(self, toks: list[Token], cues: list[Cue], mentions: list[Mention]) -> None:
        """Words of saying and asking whose sense their neighbours decide: দাবি করা is
        "claim", but asked of someone (রাশিয়ার কাছে ব্যাখ্যা দাবি) a demand; naming something
        with a condemning word (… লেবেলকে "মিথ্যা" বলে অভিহিত) criticises it; telling someone
        to act (চীনকে সরে যেতে বলেছে) calls on them; wanting to act (হস্তক্ষেপ করতে চাইছে)
        asks nobody; alerting someone (পাকিস্তানকে সতর্ক করে বলেন) warns them, while alerting
        nobody in particular (জাতিসংঘ সতর্ক করেছে) is a statement."""
        senses = self.senses
        for cue in cues:
            word = toks[cue.noun_end - 1].norm
            after_infinitive = cue.start > 0 and self._infinitive(toks[cue.start - 1].norm)
            if cue.pred.id in ("comment", "accuse") and "reject" in senses and self._condemning(
                    toks, cue, self.falsity) and self._claims_named(toks[:cue.start]):
                cue.pred = senses["reject"]  # অভিযোগকে ভিত্তিহীন বলে উল্লেখ: rejects the claim
            elif cue.pred.id == "comment" and "criticise" in senses and self._condemning(
                    toks, cue):
                cue.pred = senses["criticise"]
            elif cue.pred.id == "say" and cue.light_lemma == "বলা" and (
                    "criticise" in senses and self._called(toks, cue, cues)):
                cue.pred = senses["criticise"]  # এ হামলাকে ‘বিপজ্জনক …’ বলছেন: calls it bad
            elif cue.pred.id == "comment" and cue.light_lemma == "করা" and word == "দাবি" and (
                    "demand" in senses and self._asked(toks, cue, mentions, ("to", "from"))):
                cue.pred = senses["demand"]
            elif cue.pred.id == "comment" and cue.light_lemma == "করা" and word in self.alert and (
                    "warn" in senses and self._asked(toks, cue, mentions, ("acc",))):
                cue.pred = senses["warn"]  # পাকিস্তানকে সতর্ক করে বলেন: a warning to someone
            elif cue.pred.id == "ask-for" and after_infinitive:
                cue.anaphoric = True
            elif cue.pred.id == "say" and cue.light_lemma == "বলা" and after_infinitive and (
                    "call-on" in senses and self._asked(toks, cue, mentions, ("acc",))):
                cue.pred = senses["call-on"]

    def _condemning(self, toks: list[Token], cue: Cue,
                    words: frozenset[str] | None = None) -> bool:
        """A condemning word (or one of `words`) just before বলে and the naming verb
        (অভিহিত, আখ্যা, বর্ণনা, উল্লেখ)."""
        if toks[cue.noun_end - 1].norm not in self.lang.naming_verbs:
            return False
        words = words or self.condemning
        k = cue.start - 1
        while k >= 0 and (toks[k].is_punct or toks[k].text in QUOTES):
            k -= 1
        if k < 0 or toks[k].norm != "বলে":
            return False
        window = [t.norm for t in toks[max(0, k - 4):k]]
        return any(w in words for w in window)

    def _called(self, toks: list[Token], cue: Cue, cues: list[Cue]) -> bool:
        """X-কে ‘বিপজ্জনক উত্তেজনা’ বলছেন: an object in -কে, then a condemning word, then
        the verb of saying, in one stretch of words (quotes aside): X is called bad. Not
        when an act is named between (বাংলাদেশকে ‘সন্ত্রাসী হামলার শিকার’ বলছেন: a
        victim, not a culprit)."""
        k = cue.start - 1
        while k >= 0 and toks[k].text in QUOTES:
            k -= 1
        for j in range(k, max(-1, k - 6), -1):
            if (toks[j].is_punct and toks[j].text not in QUOTES) or self.morph.lemma(
                    toks[j].norm) is not None:
                return False  # … 'অবৈধ' আখ্যা দিয়ে বলেন: another verb names it
            if toks[j].norm.endswith("কে") and j < k:
                return any(t.norm in self.condemning for t in toks[j + 1:k + 1]) and not any(
                    c is not cue and j < c.start < cue.start for c in cues)
        return False

    @staticmethod
    def _asked(toks: list[Token], cue: Cue, mentions: list[Mention],
               cases: tuple[str, ...]) -> bool:
        """An actor in one of `cases` before the cue, in the same stretch of words."""
        return any(m.case in cases and m.end <= cue.start
                   and not any(t.is_punct for t in toks[m.end:cue.start]) for m in mentions)

    def _infinitive(self, word: str) -> bool:
        return word.endswith("তে") and self.morph.lemma(word) is not None

    def _complements(self, toks: list[Token], cues: list[Cue]) -> None:
        """ইরানকে … সহযোগিতা করার আহ্বান, সৈন্য প্রত্যাহার করতে বলেছে: a predicate whose
        light verb is an infinitive or verbal noun, with another predicate after it, is the
        content of that predicate (what is called for, threatened, refused), not an event
        of its own; it stays a reference for the roles."""
        for k, cue in enumerate(cues):
            if cue.anaphoric or cue.light_lemma is None or not cue.is_noun:
                continue
            word = toks[cue.end - 1].norm
            nxt = toks[cue.end].norm if cue.end < len(toks) else ""
            if nxt in self.lang.temporal_after:
                continue  # সম্মত হওয়ার পর: a clause of time, telling an event of its own
            if word.endswith(NONFINITE_ENDINGS) and any(not c.anaphoric for c in cues[k + 1:]):
                cue.anaphoric = True
        for k, cue in enumerate(cues):
            if cue.anaphoric or cue.light_lemma is not None:
                continue
            later = [c for c in cues[k + 1:] if not c.anaphoric]
            if later and self._nonfinite_next(toks, cue.end, cues[k + 1].start):
                cue.anaphoric = True  # ইরানকে আলোচনায় ফেরার আহ্বান: the talks are called for
            elif later and self._nonfinite_cue(toks, cues[k + 1], cue.end):
                cue.anaphoric = True  # সুরক্ষা নিশ্চিত করার আহ্বান: what is called for
            elif later and not later[0].is_noun and later[0].start == cue.end and (
                    cue.pred.type != "CONSULT"):
                # সাহায্য চেয়েছে: the aid is what is asked for (but আলোচনা চায়, wanting talks,
                # is the intent to hold them)
                cue.anaphoric = True

    @staticmethod
    def _nonfinite_cue(toks: list[Token], nxt: Cue, j: int) -> bool:
        """The next cue starts right here and is itself a complement (নিশ্চিত করার)."""
        return nxt.start == j and nxt.anaphoric and nxt.light_lemma is not None and (
            toks[nxt.end - 1].norm.endswith(NONFINITE_ENDINGS))

    def _nonfinite_next(self, toks: list[Token], j: int, stop: int) -> bool:
        """An infinitive or verbal noun within four words after an event noun, before the
        next predicate (আলোচনায় ফেরার, যুদ্ধ থেকে সরে আসার)."""
        for k in range(j, min(j + 4, stop, len(toks))):
            t = toks[k]
            if t.is_punct:
                return False
            if self.morph.lemma(t.norm) is not None:
                nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
                # ছড়িয়ে পড়ার পর: a clause of time, telling an event of its own
                return t.norm.endswith(NONFINITE_ENDINGS) and nxt not in self.lang.temporal_after
        return False

    def _verb_cues(self, toks: list[Token], taken: set[int], in_mention: set[int]) -> list[Cue]:
        cues = []
        for j, tok in enumerate(toks):
            if j in taken or j in in_mention:
                continue
            lemma = self.morph.lemma(tok.norm)
            passive = tok.norm == lemma and j + 1 < len(toks) and self.morph.lemma(
                toks[j + 1].norm) == HOWA and not (j > 0 and self._infinitive(toks[j - 1].norm))
            for pred in self.lex.verbs.get(lemma or "", ()):
                if passive and pred.frame == "statement":
                    continue  # বলা হয়েছে "it was said": a passive (_passive_statements),
                    # but ফিরে যেতে বলা হয় "was told to go back" is still a call
                if pred.frame == "visit" and j > 0 and self._compound_verb(toks[j - 1].norm):
                    continue  # উঠে আসে, জানিয়ে আসছে: a compound verb, not a journey
                if pred.frame == "visit" and j > 0 and (
                        toks[j - 1].norm in self.lang.auxiliary_before_go):
                    continue  # দেখা গেছে, জানা গেছে: an auxiliary, not a journey
                if pred.frame == "visit" and j > 0 and (toks[j - 1].norm,) in self.lex.noun_phrases:
                    continue  # এই ঘোষণা এলো "the announcement came": the act came, no one went
                if self._finite(toks, j) or ("unwilling" in pred.needs and j + 1 < len(toks)
                                             and toks[j + 1].norm in self.unwilling):
                    cues.append(Cue(pred, j, j + 1, j + 1, False, lemma, gov=j))
                    break
        return cues

    def _passive_statements(self, toks: list[Token], taken: set[int],
                            mentions: list[Mention]) -> list[Cue]:
        """বিজিবির পক্ষ থেকে জানানো হয়, ইসলামাবাদের তরফে জানানো হয়েছে: a verb of saying
        in the passive (verbal noun + হওয়া) is a statement when an agent phrase (পক্ষ
        থেকে, তরফে, কর্তৃক) names who said it; without one (প্রতিবেদনে বলা হয়েছে) the
        speaker is unknown and there is no event."""
        agents = [m.end for m in mentions if m.case == "by"]
        cues = []
        for j in range(len(toks) - 1):
            if j in taken or self.morph.lemma(toks[j + 1].norm) != HOWA:
                continue
            word = toks[j].norm
            if not word.endswith(("ানো", "া")) or not any(end <= j for end in agents):
                continue
            for pred in self.lex.verbs.get(self.morph.lemma(word) or "", ()):
                if pred.frame == "statement":
                    cues.append(Cue(pred, j, j + 2, j + 1, False, HOWA, gov=j + 1))
                    break
        return cues

    def _compound_verb(self, prev: str) -> bool:
        """A conjunctive participle before a verb makes a compound (জানিয়ে আসছে "has been
        saying", উঠে আসে "comes up")."""
        if prev in self.lang.compound_heads:
            return True
        lemma = self.morph.lemma(prev)
        travel = {lemma for p in self.lex.verbs.get(lemma or "", ()) if p.frame == "visit"}
        return (lemma is not None and not travel and prev.endswith(("িয়ে", "য়ে", "ে"))
                and not prev.endswith(("েন", "বে")))

    @staticmethod
    def _finite(toks: list[Token], j: int) -> bool:
        word = toks[j].norm
        if finite_form(word):
            return True
        if word.endswith(NONFINITE_ENDINGS):
            return False
        # বলে/করে mid-sentence is a participle or the complementiser "that"; at the
        # sentence's end a verb (… এমনটাই বলে।)
        nxt = toks[j + 1].norm if j + 1 < len(toks) else "।"
        return nxt in ("।", "?", "!", "'", "’", "”") or nxt in QUOTES

    def _own_light_noun(self, pred: Predicate, word: str) -> bool:
        """আরোপের in নিষেধাজ্ঞা আরোপের ঘোষণা: the genitive of the noun's own light verb."""
        own = {lv.prefix[0] for lv in pred.light if lv.prefix and not lv.generic}
        return any(base in own for base, case in self.morph.analyses(word) if case == "gen")

    def _light(self, toks: list[Token], k: int, lv: LightVerb) -> int | None:
        """Index just past the light verb if `lv` starts at token k."""
        n = len(lv.prefix)
        if k + n >= len(toks):
            return None
        if any(toks[k + x].norm != lv.prefix[x] for x in range(n)):
            return None
        return k + n + 1 if self.morph.lemma(toks[k + n].norm) == lv.lemma else None

    def _with_light_verb(self, toks: list[Token], i: int, j: int, preds: list[Predicate],
                         taken: set[int]) -> Cue | None:
        """The noun followed (directly or after one word) by one of its light verbs; a
        light verb right after the noun first, whichever predicate it belongs to (চুক্তি
        বাতিল করেছে: cancelling, not making, the agreement)."""
        for gap in (0, 1):
            k = j + gap
            if gap and (k >= len(toks) or (toks[j].is_punct and toks[j].text not in QUOTES)
                        or j in taken
                        or toks[j].norm in self.act_stopped):
                break  # হামলা বন্ধ করতে: stopping the act is no light verb of it
            if gap and (self.morph.lemma(toks[j].norm) or toks[j].norm.endswith(CAUSATIVE)):
                break  # রাজি করানো হয় "is persuaded": a verb between is no light verb's gap
            for pred in preds:
                for lv in pred.light:
                    if gap and lv.generic and not self._own_light_noun(pred, toks[j].norm):
                        continue  # নিষেধাজ্ঞা আরোপের ঘোষণা: only the noun's own verb between
                    end = self._light(toks, k, lv)
                    if end is not None:
                        return Cue(pred, i, end, j, True, lv.lemma, gov=end - 1)
        return None

    def _noun_cue(self, toks: list[Token], i: int, j: int, preds: list[Predicate],
                  taken: set[int]) -> Cue | None:
        best = self._with_light_verb(toks, i, j, preds, taken)
        # a word of stopping inside the noun's own light verb (চুক্তি স্থগিত করেছে) is the act
        stopped = best is not None and any(
            b in self.cancelling for t in toks[j:best.end] for b, _ in self.morph.analyses(t.norm))
        anaphoric = self._anaphoric(toks, i, j, best.end if best is not None else j, stopped)
        if best is None and self._predicative(toks, j):
            # … সবচেয়ে বড় হুমকি।: a predicate noun with the zero copula
            copular = [p for p in preds if any(lv.lemma == HOWA and not lv.prefix
                                               for lv in p.light)]
            if copular:
                best = Cue(copular[0], i, j, j, True, HOWA, gov=None)
        if best is None:
            nominal = [p for p in preds if p.nominal]
            # সৈন্য প্রত্যাহারের আহ্বান: a genitive event noun before another predicate is
            # kept as a reference even when it cannot be an event of its own, so that the
            # actors just before it stay its arguments
            if not nominal and not anaphoric and not self._complement(toks, j):
                return None
            best = Cue((nominal or preds)[0], i, j, j, True, None, gov=self._next_verb(toks, j))
            # বৈঠকে …: "at the meeting" opening a sentence refers back to it
            anaphoric = anaphoric or (i == 0 and self.noun_base(toks[j - 1].norm)
                                      != toks[j - 1].norm)
            # হামলার নিন্দা, যুদ্ধবিরতির আহ্বান: an event noun in the genitive before another
            # predicate is what that predicate is about, not an event of its own.
            anaphoric = anaphoric or self._complement(toks, j) or (
                best.pred.type != "CONSULT" and self._talks_about(toks, j)) or (
                self._sought(toks, j, best.pred))
        best.anaphoric = anaphoric or (best.pred.id in ERAS and self._era(toks, j))
        dated = best.light_lemma is None and not best.pred.symmetric  # may tell a time
        best.adverbial = best.light_lemma is None and best.pred.frame != "conflict" and any(
            case == "loc" and base == toks[j - 1].norm[: len(base)]
            for base, case in self.morph.analyses(toks[j - 1].norm)[1:]) or (
            # পহেলগাঁও হামলার পর: a one-sided event noun telling the time of the clause is
            # no act of the clause's subject (but আলোচনার পর … সম্মত হয় চীন: talks are its)
            dated and self._time_after(toks, j))
        best.timing = dated and self._dates(toks, j)
        return best

    def _dates(self, toks: list[Token], j: int) -> bool:
        """হামলার পর; বোমা হামলা ও ফিলিস্তিনিদের হত্যার পরেও: the noun ending at j, or the
        coordination it opens, is a genitive right before a word of time: the act tells
        when the clause's own act happened, and the clause's subject after it is not its
        doer."""
        if j < len(toks) and toks[j].norm in self.lang.coordinators:
            ends = [k for k in range(j + 1, min(j + 4, len(toks) - 1))
                    if toks[k + 1].norm in self.lang.time_before_after]
            return bool(ends) and not any(
                t.is_punct or self.morph.lemma(t.norm) for t in toks[j + 1:ends[0] + 1]) and (
                self._time_after(toks, ends[0] + 1))
        return self._time_after(toks, j)

    def _time_after(self, toks: list[Token], j: int) -> bool:
        """হামলার পর: the word before j is a genitive and the word at j one of time."""
        return j < len(toks) and self._genitive(toks[j - 1].norm) and (
            toks[j].norm in self.lang.time_before_after)

    def _told_before(self, toks: list[Token], i: int, j: int) -> bool:
        """এই সফর, এ ধরনের হামলা, সেই চুক্তিটি: a demonstrative or the definite classifier."""
        demonstratives = self.lang.demonstratives
        if i > 0 and toks[i - 1].norm in demonstratives and not self._cataphoric(toks, i - 1):
            return True
        if i > 1 and toks[i - 2].norm in demonstratives and toks[i - 1].norm in ("ধরনের",
                                                                                 "রকম"):
            return True
        return toks[j - 1].norm.endswith(("টি", "টির", "টিকে", "টা")) and (
            toks[j - 1].norm not in self.noun_ends)

    def _era(self, toks: list[Token], j: int) -> bool:
        """যুদ্ধ শুরুর পর থেকে "since the war began": the genitive of an aspect word and a
        time word after the noun; the war tells the time (a new attack begun, হামলা শুরুর
        পর, is still told)."""
        return j + 1 < len(toks) and toks[j + 1].norm in self.lang.time_before_after and any(
            b in self.aspect and case == "gen" for b, case in self.morph.analyses(toks[j].norm))

    def _cataphoric(self, toks: list[Token], k: int) -> bool:
        """… তৈরি করতে পারে এমন হুঁশিয়ারি: এমন after a verb points to the clause just told
        (the warning's content), not to an earlier event."""
        return toks[k].norm == "এমন" and k > 0 and self.morph.lemma(toks[k - 1].norm) is not None

    @staticmethod
    def _predicative(toks: list[Token], j: int) -> bool:
        nxt = toks[j].text if j < len(toks) else "।"
        return nxt in ("।", "!") or (nxt in QUOTES and j + 1 < len(toks)
                                     and toks[j + 1].text in ("।", "!"))

    def _genitive(self, word: str) -> bool:
        return any(case == "gen" for _, case in self.morph.analyses(word)[1:])

    def _complement(self, toks: list[Token], j: int) -> bool:
        if not self._genitive(toks[j - 1].norm):
            return False
        for k in range(j, min(j + 3, len(toks))):
            if any(base in self.lex.nouns for base, _ in self.morph.analyses(toks[k].norm)):
                return True
        return False

    def _sought(self, toks: list[Token], j: int, pred: Predicate) -> bool:
        """যুদ্ধবিরতির জন্য, চুক্তির লক্ষ্যে: a truce or a deal that something is for is
        sought, not reached."""
        if not (pred.type in ("RETREAT", "AGREE") and j < len(toks)
                and self._genitive(toks[j - 1].norm) and toks[j].norm in self.purpose):
            return False
        # যুদ্ধবিরতির জন্য কাতারকে ধন্যবাদ: thanks or credit for a truce already reached
        return not any(b in self.gratitude for t in toks[j + 1:]
                       for b, _ in self.morph.analyses(t.norm))

    def _talks_about(self, toks: list[Token], j: int) -> bool:
        """যুদ্ধবিরতি আলোচনা, নিষেধাজ্ঞা বৈঠক: an event noun right before a noun of talks is
        what the talks are about, not an event of its own."""
        return j < len(toks) and any(base in self.talks
                                     for base, _ in self.morph.analyses(toks[j].norm))

    def noun_base(self, word: str) -> str:
        """The word without a locative ending, if it has one (বৈঠকে → বৈঠক)."""
        for base, case in self.morph.analyses(word):
            if case == "loc" and base in self.lex.nouns:
                return base
        return word

    def _next_verb(self, toks: list[Token], j: int) -> int | None:
        for k in range(j, len(toks)):
            if toks[k].norm in (",", "।", "?", "!") or toks[k].text in QUOTES:
                return None
            if self.morph.lemma(toks[k].norm) is not None:
                return k
        return None

    def _stopped_after(self, toks: list[Token], j: int) -> bool:
        """A word of stopping right after the event noun, or within three words with no
        verb or punctuation between (শুল্ক আরোপ এক মাসের জন্য স্থগিত করেছেন)."""
        for k in range(j, min(len(toks), j + 4)):
            if toks[k].norm in self.act_stopped:
                return True
            if toks[k].is_punct or self.morph.lemma(toks[k].norm) is not None:
                return False
        return False

    def _anaphoric(self, toks: list[Token], i: int, j: int, after: int,
                   stopped: bool = False) -> bool:
        """এই সফর, সেই চুক্তিটি, … হিসেবে: a mention of an event already told, or a
        description, not a new event. `stopped`: the noun's own light verb stops it
        (চুক্তিটি বাতিল ঘোষণা করেছে): the thing is told before, its stopping is new."""
        if not stopped and self._told_before(toks, i, j):
            return True
        if j < len(toks) and toks[j].norm in self.lang.context_markers:
            return True  # মহড়ার প্রেক্ষিতে: the setting of what follows
        if after == j and self._stopped_after(toks, j):
            return True  # হামলা বন্ধের আহ্বান: the act to stop is the call's topic
        if j < len(toks) and self._genitive(toks[j - 1].norm) and any(
                b in self.act_proposed for b, _ in self.morph.analyses(toks[j].norm)):
            return True  # আলোচনার প্রস্তাব: the talks are proposed, not held
        if j < len(toks) and toks[j].norm in self.act_left \
                and any(t.norm in self.leaving for t in toks[j + 1:j + 3]):
            return True  # যুদ্ধ থেকে সরে আসা: what is left is no act of whoever leaves it
        return any(t.norm in self.lang.predicative for t in toks[j : j + 5])
