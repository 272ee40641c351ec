"""Stage 4: a sentence's tokens and actor mentions → diplomatic events.

The extractor works the way a reader of Bengali news does:
1. find predicates: event nouns with their light verbs (সফর করেন, সই হয়, নিন্দা জানায়),
   nominal events (পুতিনের উত্তর কোরিয়া সফর) and event verbs (বলেন, গেলেন);
2. cut the sentence into clauses (a comma after a verb, a conditional -লে, a quote);
3. give each actor a role from its case marker and the predicate's frame: unmarked
   subject → source; -কে, সঙ্গে, বিরুদ্ধে, প্রতি, locative → target; with পাওয়া
   ("receive") the subject is the target and the genitive the source;
4. fill roles the sentence leaves implicit from the discourse: the topic of the
   previous sentence (passive সই হয়), the speaker of a quote, the pair of countries
   the article is about, the parties of the agreement just mentioned;
5. read the context: future, conditional, negation, a past year, reported speech.

The dependency parse (issue: Stanza models) can replace step 3; these case rules stay
as the fallback where the parse is unusable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kg.dates import Calendar, DateMention
from kg.entities import ACTOR_TYPES, Mention
from kg.gazetteer import Entity
from kg.lexicon import Lexicon, LightVerb, Predicate
from kg.morphology import Morphology
from kg.parse import Parse
from kg.text import QUOTES, Sentence, Token, norm_token

HOWA = norm_token("হওয়া")
NONFINITE_ENDINGS = ("তে", "ার", "ানো", "ওয়া", "য়া")
# Types whose implicit subject is the discourse topic (… সঙ্গে বৈঠকে চুক্তি সই হয়).
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE"})
VERBAL_CONFLICT = frozenset({"DEMAND", "DISAPPROVE", "REJECT", "THREATEN"})
# A place can be what an act is aimed at (গাজায় হামলা) but never who acts.
TARGET_TYPES = ACTOR_TYPES | {"Location"}


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


@dataclass(slots=True)
class Discourse:
    """What carries from sentence to sentence within one document."""

    topic: list[Entity] = field(default_factory=list)
    speaker: list[Entity] = field(default_factory=list)
    speaker_paragraph: int = -1
    reported: bool = False
    agreement_parties: list[Entity] = field(default_factory=list)
    agreement: dict | None = None
    date: DateMention | None = None
    n_agreements: int = 0
    recent: list[Event] = field(default_factory=list)  # events of earlier sentences

    def last_of_type(self, etype: str) -> Event | None:
        return next((e for e in reversed(self.recent) if e.type == etype), None)


class EventExtractor:
    """Turns one sentence (tokens + resolved mentions) into events."""

    def __init__(self, lexicon: Lexicon, morph: Morphology, calendar: Calendar,
                 glossary: dict[str, str]) -> None:
        self.lex = lexicon
        self.morph = morph
        self.cal = calendar
        self.glossary = glossary
        self.demonstratives = set(morph.word_list("demonstratives"))
        self.predicative = set(morph.word_list("predicative_markers"))
        self.openers = set(morph.word_list("clause_openers"))
        self.relatives = set(morph.word_list("relatives"))
        self.complementisers = set(morph.word_list("complementisers"))
        self.response_words = set(morph.word_list("response_words"))
        self.compound_heads = set(morph.word_list("compound_verb_heads"))

    # ------------------------------------------------------------------ cues
    def find_cues(self, sent: Sentence, mentions: list[Mention]) -> list[Cue]:
        toks = sent.tokens
        in_mention = {i for m in mentions for i in range(m.start, m.end)}
        found: list[tuple[int, int, list[Predicate]]] = []
        for j, tok in enumerate(toks):
            if tok.is_punct or j in in_mention:
                continue
            for base, _case in self.morph.analyses(tok.norm):
                for words, pred in self.lex.nouns_by_last.get(base, ()):
                    i = j - len(words) + 1
                    if i < 0 or any(toks[i + k].norm != words[k] for k in range(len(words) - 1)):
                        continue
                    found.append((i, j + 1, [pred]))
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
        for (i, j), preds in sorted(spans.items()):
            if consumed.intersection(range(i, j)):
                continue
            cue = self._noun_cue(toks, i, j, preds, taken)
            if cue is not None:
                cues.append(cue)
                taken.update(range(cue.noun_end, cue.end))
                consumed.update(range(cue.noun_end, cue.end))
        for j, tok in enumerate(toks):
            if j in taken or j in in_mention:
                continue
            lemma = self.morph.lemma(tok.norm)
            for pred in self.lex.verbs.get(lemma or "", ()):
                if pred.frame == "visit" and j > 0 and self._compound_verb(toks[j - 1].norm):
                    continue  # উঠে আসে, জানিয়ে আসছে: a compound verb, not a journey
                if self._finite(toks, j):
                    cues.append(Cue(pred, j, j + 1, j + 1, False, lemma, gov=j))
                    break
        cues.sort(key=lambda c: c.start)
        return cues

    def _compound_verb(self, prev: str) -> bool:
        """A conjunctive participle before a verb makes a compound (জানিয়ে আসছে "has been
        saying", উঠে আসে "comes up")."""
        if prev in self.compound_heads:
            return True
        lemma = self.morph.lemma(prev)
        travel = {lemma for p in self.lex.verbs.get(lemma or "", ()) if p.frame == "visit"}
        return (lemma is not None and not travel and prev.endswith(("িয়ে", "য়ে", "ে"))
                and not prev.endswith(("েন", "বে")))

    def _finite(self, toks: list[Token], j: int) -> bool:
        word = toks[j].norm
        if word.endswith(NONFINITE_ENDINGS):
            return False
        nxt = toks[j + 1].norm if j + 1 < len(toks) else "।"
        # বলে/করে mid-sentence is a participle or the complementiser "that".
        if word.endswith("ে") and not word.endswith(("েন", "ছে", "বে")):
            return nxt in ("।", "?", "!", "'", "’", "”") or nxt in QUOTES
        return True

    def _light(self, toks: list[Token], k: int, lv: LightVerb) -> int | None:
        """Index just past the light verb if `lv` starts at token k."""
        n = len(lv.prefix)
        if k + n >= len(toks):
            return None
        if any(toks[k + x].norm != lv.prefix[x] for x in range(n)):
            return None
        return k + n + 1 if self.morph.lemma(toks[k + n].norm) == lv.lemma else None

    def _noun_cue(self, toks: list[Token], i: int, j: int, preds: list[Predicate],
                  taken: set[int]) -> Cue | None:
        best: Cue | None = None
        for pred in preds:
            for gap in (0, 1):
                k = j + gap
                if gap and (k >= len(toks) or toks[j].is_punct or j in taken):
                    break
                for lv in pred.light:
                    end = self._light(toks, k, lv)
                    if end is not None:
                        best = Cue(pred, i, end, j, True, lv.lemma, gov=end - 1)
                        break
                if best:
                    break
            if best:
                break
        anaphoric = self._anaphoric(toks, i, j)
        if best is None and self._predicative(toks, j):
            # … সবচেয়ে বড় হুমকি।: a predicate noun with the zero copula
            copular = [p for p in preds if any(lv.lemma == HOWA and not lv.prefix
                                               for lv in p.light)]
            if copular:
                best = Cue(copular[0], i, j, j, True, HOWA, gov=None)
        if best is None:
            nominal = [p for p in preds if p.nominal]
            if not nominal and not anaphoric:
                return None
            best = Cue((nominal or preds)[0], i, j, j, True, None, gov=self._next_verb(toks, j))
            # বৈঠকে …: "at the meeting" opening a sentence refers back to it
            anaphoric = anaphoric or (i == 0 and self.lex_noun_base(toks[j - 1].norm)
                                      != toks[j - 1].norm)
            # হামলার নিন্দা, যুদ্ধবিরতির আহ্বান: an event noun in the genitive before another
            # predicate is what that predicate is about, not an event of its own.
            anaphoric = anaphoric or self._complement(toks, j)
        best.anaphoric = anaphoric
        return best

    @staticmethod
    def _predicative(toks: list[Token], j: int) -> bool:
        nxt = toks[j].text if j < len(toks) else "।"
        return nxt in ("।", "!") or (nxt in QUOTES and j + 1 < len(toks)
                                     and toks[j + 1].text in ("।", "!"))

    def _complement(self, toks: list[Token], j: int) -> bool:
        if not any(case == "gen" for _, case in self.morph.analyses(toks[j - 1].norm)[1:]):
            return False
        for k in range(j, min(j + 3, len(toks))):
            if any(base in self.lex.nouns_by_last for base, _ in self.morph.analyses(toks[k].norm)):
                return True
        return False

    def lex_noun_base(self, word: str) -> str:
        """The word without a locative ending, if it has one (বৈঠকে → বৈঠক)."""
        for base, case in self.morph.analyses(word):
            if case == "loc" and base in self.lex.nouns_by_last:
                return base
        return word

    def _next_verb(self, toks: list[Token], j: int) -> int | None:
        for k in range(j, len(toks)):
            if toks[k].norm in (",", "।", "?", "!") or toks[k].text in QUOTES:
                return None
            if self.morph.lemma(toks[k].norm) is not None:
                return k
        return None

    def _anaphoric(self, toks: list[Token], i: int, j: int) -> bool:
        """এই সফর, সেই চুক্তিটি, … হিসেবে: a mention of an event already told, or a
        description, not a new event."""
        if i > 0 and toks[i - 1].norm in self.demonstratives:
            return True
        if i > 1 and toks[i - 2].norm in self.demonstratives and toks[i - 1].norm in ("ধরনের",
                                                                                      "রকম"):
            return True
        if toks[j - 1].norm.endswith(("টি", "টির", "টিকে", "টা")):
            return True
        after = toks[j : j + 5]
        return any(t.norm in self.predicative for t in after)

    # ------------------------------------------------------------------ clauses
    def clauses(self, sent: Sentence) -> list[int]:
        """A clause number per token: boundaries after a verb + comma, after a
        conditional verb, at quotes and at clause-opening conjunctions."""
        ids, current = [], 0
        toks = sent.tokens
        for k, tok in enumerate(toks):
            if tok.norm in self.openers and k > 0:
                current += 1
            ids.append(current)
            prev_verb = k > 0 and self.morph.lemma(toks[k - 1].norm) is not None
            if tok.norm == "," and (prev_verb or (k > 0 and toks[k - 1].text in QUOTES)):
                current += 1
            elif tok.text in QUOTES:
                current += 1
            elif tok.norm in self.complementisers and k + 1 < len(toks) and not toks[
                    k + 1].is_punct:
                current += 1
            elif not tok.is_punct:
                feats = self.morph.features(tok.norm)
                if feats.conditional or feats.concessive:
                    current += 1
        return ids

    # ------------------------------------------------------------------ roles
    def _frame(self, cue: Cue) -> dict[str, str]:
        frame = dict(self.lex.frame(cue.pred.frame))
        if cue.light_lemma in self.lex.light_frames and cue.pred.frame not in ("meet",):
            frame.update(self.lex.light_frames[cue.light_lemma])
        return frame

    def _is_poss(self, m: Mention, cue: Cue, toks: list[Token], actors: list[Mention]) -> bool:
        if not cue.is_noun or m.case != "gen" or m.end > cue.start:
            return False
        last = m
        if m.group is not None:
            last = [a for a in actors if a.group == m.group][-1]
        if last.end > cue.start or cue.start - last.end > 3:
            return False
        between = toks[last.end : cue.start]
        if any(t.is_punct or self.morph.lemma(t.norm) for t in between):
            return False
        if any(last.end <= r.start < cue.start for r in self.references):
            return False  # ইসরায়েলের হামলার সমালোচনা: the genitive owns হামলা
        return not any(a is not last and a.start >= last.end and a.end <= cue.start
                       and a.case == "gen" for a in actors)

    def _roles(self, toks: list[Token], cues: list[Cue], actors: list[Mention],
               clause: list[int]) -> list[dict[str, list[Mention]]]:
        slots: list[dict[str, list[Mention]]] = [
            {"source": [], "target": []} for _ in cues
        ]
        for m in actors:
            if self._inside_reference(m, cues):
                continue  # গাজায় ইসরায়েলি হামলার নিন্দা: arguments of the act condemned
            same = [ci for ci, c in enumerate(cues) if clause[c.noun_end - 1] == clause[m.start]]
            governed = self._governing_cue(m, cues)
            if m.case == "plain" and governed is not None and self._deprel(m) in ("obj", "iobj"):
                m.case = "acc"  # an unmarked object (ঢাকা সফর করেন): the tree says so
            if governed is not None and governed in same and m.case != "plain" and (
                    m.case in self._frame(cues[governed])):
                # a marked phrase belongs to the predicate the tree attaches it to; subjects
                # stay shared by the clause's predicates (সফরে গিয়ে বৈঠক করেন তিনি)
                same = [governed]
            if not same:
                continue
            special = self._special_role(m, [(ci, cues[ci]) for ci in same], toks, actors)
            if special is not None:
                ci, role = special
                self._put(slots[ci], role, m, cues[ci])
                continue
            if m.case == "plain":
                for ci in same:
                    if not self._participle(cues[ci], toks):
                        self._put(slots[ci], self._frame(cues[ci]).get("plain"), m, cues[ci])
                continue
            right = [ci for ci in same if cues[ci].start >= m.end]
            if not right and any(c.is_noun and c.light_lemma is None for c in
                                 (cues[ci] for ci in same)) and m.case == "acc":
                continue  # an object after a nominal event belongs to a later verb
            ci = right[0] if right else same[-1]
            self._put(slots[ci], self._frame(cues[ci]).get(m.case), m, cues[ci])
        if self._parse is not None:
            for slot in slots:
                slot["source"] = self._subjects(slot["source"])
        return slots

    def _subjects(self, sources: list[Mention]) -> list[Mention]:
        """Several unmarked actors competing for the subject (ভারতীয় বাহিনী … প্রতিবাদ
        জানিয়েছে ঢাকা): the tree's nsubj wins; coordinated subjects stay together."""
        plain = [m for m in sources if m.case == "plain"]
        if len({m.group if m.group is not None else id(m) for m in plain}) < 2:
            return sources
        subj = [m for m in plain if self._deprel(m) == "nsubj"]
        if not subj:
            return sources
        groups = {m.group for m in subj if m.group is not None}
        keep = [m for m in plain if m in subj or (m.group is not None and m.group in groups)]
        return [m for m in sources if m.case != "plain" or m in keep]

    def _inside_reference(self, m: Mention, cues: list[Cue]) -> bool:
        if m.case == "plain":
            return False
        for ref in self.references:
            if m.end <= ref.start and not any(m.end <= c.start < ref.start for c in cues):
                return ref.start - m.end <= 3
        return False

    def _head_token(self, m: Mention) -> int:
        """The token of a mention whose head lies outside it (the phrase's head)."""
        words = self._parse.words
        for k in range(m.start, m.end):
            if not m.start <= words[k].head < m.end:
                return k
        return m.end - 1

    def _deprel(self, m: Mention) -> str:
        return self._parse.words[self._head_token(m)].deprel if self._parse else ""

    def _governing_cue(self, m: Mention, cues: list[Cue]) -> int | None:
        """The predicate the tree attaches the mention to: the first cue token on the path
        from the mention up to the root."""
        if self._parse is None or len(self._parse.words) != len(self._toks):
            return None
        words = self._parse.words
        for k in self._parse.governor_path(self._head_token(m)):
            for ci, c in enumerate(cues):
                if c.start <= k < c.end:
                    return ci
            if m.start <= k < m.end or words[k].upos == "VERB":
                return None  # the mention's clause has no predicate of ours: rules decide
        return None

    def _special_role(self, m: Mention, cues: list[tuple[int, Cue]], toks: list[Token],
                      actors: list[Mention]) -> tuple[int, str | None] | None:
        """Roles fixed by position: the possessor of an event noun (পুতিনের … সফর), a bare
        destination right before it (উত্তর কোরিয়া সফর/গেলেন), and the head noun a
        participle describes (ক্ষেপণাস্ত্র ছোড়া উত্তর কোরিয়া: North Korea fires)."""
        for ci, c in cues:
            frame = self._frame(c)
            if self._is_poss(m, c, toks, actors):
                if self._objective_genitive(c, frame, m, actors):
                    return ci, "target"
                return ci, frame.get("poss")
            if (m.case == "plain" and m.end == c.start and "goal" in frame
                    and any(e.type in ("Country", "Location") for e in m.entities)):
                return ci, frame.get("goal")
            if self._participle(c, toks) and m.start == c.end:
                return ci, "source"
        return None

    def _objective_genitive(self, cue: Cue, frame: dict[str, str], m: Mention,
                            actors: list[Mention]) -> bool:
        """যুক্তরাষ্ট্রের সমালোচনা করে চীন: with a light verb and its own subject, the
        genitive before the noun is what the act is about (its target), not the agent."""
        if cue.light_lemma is None or (frame.get("poss"), frame.get("plain")) != ("source",
                                                                                   "source"):
            return False
        cl = self._clause[cue.noun_end - 1]
        return any(a is not m and a.case == "plain" and (m.group is None or a.group != m.group)
                   for a in actors if self._clause[a.start] == cl)

    def _participle(self, cue: Cue, toks: list[Token]) -> bool:
        """A light verb in its verbal-noun form right before a noun: a relative participle."""
        if cue.light_lemma is None or cue.end >= len(toks):
            return False
        word = toks[cue.end - 1].norm
        return word.endswith(("া", "ানো", "ওয়া")) and not toks[cue.end].is_punct

    @staticmethod
    def _put(slot: dict[str, list[Mention]], role: str | None, m: Mention, cue: Cue) -> None:
        if role == "source" and cue.pred.symmetric and len(m.entities) > 1:
            role = "both"  # দুই দেশই চুক্তি করেছে: each with the other
        if role in ("source", "target"):
            slot[role].append(m)
        elif role == "both":
            slot["source"].append(m)
            slot["target"].append(m)

    # ------------------------------------------------------------------ events
    def extract(self, sent: Sentence, mentions: list[Mention], disc: Discourse,
                doc_date: dt.date | None, parse: Parse | None = None) -> list[Event]:
        """Events of one sentence; updates the discourse state for the next one. With a
        dependency parse, each actor attaches to the predicate that governs it in the
        tree; without one (or where the tree reaches no predicate), to the predicates
        of its clause."""
        toks = sent.tokens
        self._toks = toks
        self._parse = parse
        all_cues = self.find_cues(sent, mentions)
        cues = [c for c in all_cues if not c.anaphoric]
        self._cue_starts = {c.start for c in all_cues}
        self.references = [c for c in all_cues if c.anaphoric]
        clause = self.clauses(sent)
        self._clause = clause
        self._resolve_sides(mentions, disc)
        mentions = [m for m in mentions if m.kind != "adjective" or self._adjective(m, all_cues)]
        actors = [m for m in mentions if m.kind != "ner"
                  and m.resolved and any(e.type in TARGET_TYPES for e in m.entities)]
        # People only the NER model knows fill a subject nobody else fills, nothing more.
        self._unknown = [m for m in mentions if m.kind == "ner" and m.resolved]
        self._actors = actors
        groups = self._merge(cues, self._roles(toks, cues, actors, clause), clause)
        future = any(self.morph.features(t.norm).future for t in toks if not t.is_punct)
        date = self.cal.find(toks, doc_date, future)
        continues = self._continues_report(sent, disc)
        speaker = disc.speaker if continues or sent.quote_open_at_start else []
        # Pass 1: events whose roles the sentence states; pass 2: implicit roles, from
        # actors no stated event uses and from the discourse.
        built: dict[int, Event] = {}
        self._built: list[Event] = []
        for gi, (cue, slot) in enumerate(groups):
            ev = self._event(sent, cue, slot, speaker)
            if ev is not None and self._complete(ev, cue, slot, actors, toks, clause):
                built[gi] = ev
                self._built.append(ev)
        used = {id(m) for gi in built for r in groups[gi][1].values() for m in r}
        for gi, (cue, slot) in enumerate(groups):
            if gi in built:
                continue
            ev = self._event(sent, cue, slot, speaker)
            if ev is None:
                ev = self._implicit_source(cue, slot, actors, clause, used, disc)
            if ev is None:
                continue
            if not ev.targets and (cue.pred.needs & {"target", "target_acc"}
                                   or cue.pred.type == "MOBILIZE"):
                ev.targets = self._fill_target(cue, ev.sources, mentions, actors, clause, used,
                                               disc)
                ev.confidence = min(ev.confidence, 0.7)
            if self._complete(ev, cue, slot, actors, toks, clause):
                built[gi] = ev
                self._built.append(ev)
                used |= {id(m) for r in slot.values() for m in r}
        for gi, ev in built.items():
            if not ev.targets and ev.type == "MOBILIZE":  # a show of force: at whom?
                ev.targets = self._fill_target(groups[gi][0], ev.sources, mentions, actors,
                                               clause, used, disc)
        events = [built[gi] for gi in sorted(built)]
        self._contexts(events, groups, built, sent, date, doc_date, continues)
        self._finish(events, disc, date, sent, continues)
        return events

    def _adjective(self, m: Mention, cues: list[Cue]) -> bool:
        """রুশ হামলা, মার্কিন নিষেধাজ্ঞা: a demonym right before an event noun (a mode word
        like সামরিক may stand between) names who acts; it then counts as a possessor."""
        toks = self._toks
        for c in cues:
            between = toks[m.end : c.start]
            if c.is_noun and len(between) <= 1 and all(
                    t.norm in self.lex.mode_words for t in between):
                m.case = "gen"
                return True
        return False

    @staticmethod
    def _resolve_sides(mentions: list[Mention], disc: Discourse) -> None:
        """দুই পক্ষ / উভয় পক্ষ: the two sides of the last conflict told."""
        for m in mentions:
            if m.kind == "pair_sides":
                last = next((e for e in reversed(disc.recent) if e.pred.frame in (
                    "conflict",) or e.type == "ASSAULT"), None)
                if last is not None:
                    m.entities = list(dict.fromkeys(last.sources + last.targets))[:2]

    def _contexts(self, events: list[Event], groups: list, built: dict[int, Event],
                  sent: Sentence, date: DateMention | None, doc_date: dt.date | None,
                  continues: bool) -> None:
        toks = sent.tokens
        sentence_ctx = self._sentence_context(toks, date, doc_date)
        has_statement = any(e.type == "STATEMENT" for e in events)
        comp = [k for k, t in enumerate(toks) if t.norm in self.complementisers]
        later = max((ev.cue_start for ev in events), default=-1)
        for gi, ev in built.items():
            if comp and ev.cue_start < comp[0] < later:
                ev.context.add("reported")  # … সহায়তা দেয় বলে অভিযোগ করে: the content
            cue = groups[gi][0]
            lo, hi = ev.token_span
            ev.span = (toks[lo].start, toks[hi - 1].end)
            ev.context |= sentence_ctx | self._verb_context(toks, cue)
            if ev.type != "STATEMENT" and (toks[cue.noun_end - 1].in_quote or continues
                                           or has_statement):
                ev.context.add("reported")

    def _merge(self, cues: list[Cue], slots: list[dict[str, list[Mention]]],
               clause: list[int]) -> list[tuple[Cue, dict[str, list[Mention]]]]:
        """Two predicates of one type in one clause (সফরে … গেলেন) are one event."""
        out: list[tuple[Cue, dict[str, list[Mention]]]] = []
        for cue, slot in zip(cues, slots, strict=True):
            for prev, pslot in out:
                if prev.pred.type == cue.pred.type and clause[prev.noun_end - 1] == clause[
                        cue.noun_end - 1]:
                    for role in ("source", "target"):
                        pslot[role].extend(m for m in slot[role] if m not in pslot[role])
                    if prev.light_lemma is None and cue.light_lemma is not None:
                        prev.gov = cue.gov
                    break
            else:
                out.append((cue, {k: list(v) for k, v in slot.items()}))
        return out

    def _event(self, sent: Sentence, cue: Cue, slot: dict[str, list[Mention]],
               speaker: list[Entity]) -> Event | None:
        """The event with the roles its clause states (None without a source)."""
        pred = cue.pred
        toks = sent.tokens
        sources = _entities(slot["source"])
        targets = _entities(slot["target"], TARGET_TYPES)
        if pred.frame == "threat_call":
            # who calls it a threat: the quote's speaker, or the reporting verb's subject
            said = [e for ev in self._built if ev.type == "STATEMENT" for e in ev.sources]
            targets = sources or targets
            sources = list(speaker) or said
        if not sources:
            return None
        ev = Event(pred, pred.type, pred.cameo, pred.relation, pred.mode, sources, targets,
                   cue_start=cue.start)
        self._adjust_type(ev, cue, toks)
        involved = [cue.start, cue.end] + [x for m in slot["source"] + slot["target"]
                                           for x in (m.start, m.end)]
        lo, hi = min(involved), max(involved)
        ev.token_span = (lo, hi)
        ev.span = (toks[lo].start, toks[hi - 1].end)
        return ev

    def _complete(self, ev: Event, cue: Cue, slot: dict[str, list[Mention]],
                  actors: list[Mention], toks: list[Token], clause: list[int]) -> bool:
        needs = cue.pred.needs
        if cue.pred.frame == "conflict" and cue.light_lemma is None and slot["target"] and all(
                m.end == cue.start and m.case == "plain" for m in slot["target"]):
            return False  # ইউক্রেন যুদ্ধে …: the war named as a setting, not a new event
        if not ev.sources or ("target" in needs or "target_acc" in needs) and not ev.targets:
            return False
        if ev.targets and set(ev.targets) == set(ev.sources) and len(ev.sources) < 2:
            return False
        if "goal" in needs and not any(m.case in ("plain", "loc", "to") for m in slot["target"]):
            return False
        if "with" in needs and not any(m.case == "with" for m in slot["target"]):
            return False
        return "goods" not in needs or self._goods(toks, clause, cue)

    def _implicit_source(self, cue: Cue, slot: dict[str, list[Mention]],
                         actors: list[Mention], clause: list[int], used: set[int],
                         disc: Discourse) -> Event | None:
        """No stated subject: an unused subject-like actor of the clause, or, for a
        cooperative act with a stated partner (… সঙ্গে বৈঠকে চুক্তি সই হয়), the
        topic of the discourse."""
        cl = clause[cue.noun_end - 1]
        subj = [m for m in actors if id(m) not in used and clause[m.start] == cl
                and m.case in ("plain", "gen") and m not in slot["target"]
                and _entities([m])]
        subj = subj or [m for m in self._unknown if clause[m.start] == cl and m.case == "plain"]
        shared = [m for m in actors if clause[m.start] == cl and m.case in ("with", "between")]
        targets = _entities(slot["target"]) or _entities(shared)
        place = [m for m in actors if m.case == "loc" and cue.pred.type == "PROTEST"
                 and any(e.type == "Country" for e in m.entities)]
        if subj:
            sources, confidence = _entities(subj), 0.7
        elif place:
            sources, confidence = _entities(place), 0.5  # ঢাকায় … বিক্ষোভ: protesters there
        elif targets and disc.topic and cue.pred.type in COOPERATIVE and cue.pred.frame != "victim":
            sources, confidence = [e for e in disc.topic if e not in targets], 0.6
        else:
            return None
        if not sources:
            return None
        ev = Event(cue.pred, cue.pred.type, cue.pred.cameo, cue.pred.relation, cue.pred.mode,
                   sources, [t for t in targets if t not in sources], confidence=confidence,
                   cue_start=cue.start)
        ev.span = (0, 0)
        ev.token_span = (cue.start, cue.end)
        return ev

    def _fill_target(self, cue: Cue, sources: list[Entity], mentions: list[Mention],
                     actors: list[Mention], clause: list[int], used: set[int],
                     disc: Discourse) -> list[Entity]:
        cl = clause[cue.noun_end - 1]
        if any(m.kind == "reciprocal" and clause[m.start] == cl for m in mentions):
            return list(sources)
        if cue.pred.frame == "threat_call":
            return [e for e in disc.agreement_parties if e not in sources]
        if "target_acc" in cue.pred.needs:
            return []
        if cue.pred.target_from == "last_conflict":
            return [e for e in self._last_conflict(disc) if e not in sources]
        if len(sources) > 1 and cue.pred.type in COOPERATIVE:
            return list(sources)  # সৌদি আরব ও ইরান … রাজি হয়েছে: with each other
        shared = [m for m in actors if clause[m.start] == cl and m.case in ("with", "between")]
        referred = self._referred(cue, clause, disc)
        if referred:
            found = [e for e in referred if e not in sources]
            if found:
                return found
        cond = [m for m in actors if m.case == "plain" and self._in_condition(m, clause)
                and not set(m.entities) & set(sources) and _entities([m])]
        rest = [m for m in actors if id(m) not in used and not set(m.entities) & set(sources)
                and _entities([m]) and not (m.case == "loc" and cue.pred.type in COOPERATIVE)]
        rest = [m for m in rest if not (m.case == "acc" and m.start > cue.end and cue.is_noun
                                        and cue.light_lemma is None)]
        for pool in (shared, cond, rest):
            found = [e for e in _entities(pool) if e not in sources]
            if found:
                used.update(id(m) for m in pool)
                return found
        content = [e for ev in self._built if ev.type != "STATEMENT" and ev.cue_start < cue.start
                   for e in ev.sources if e not in sources]
        if content and cue.pred.type in VERBAL_CONFLICT:
            return list(dict.fromkeys(content))  # … হামলা চালিয়েছে বলে অভিযোগ করেছে Y
        others = [m for m in actors if not set(m.entities) & set(sources)]
        if not others and disc.topic and (cue.pred.frame == "supply" or (
                cue.pred.type in VERBAL_CONFLICT and self._responds())):
            return [e for e in disc.topic if e not in sources]
        return []

    def _responds(self) -> bool:
        """এর জবাবে …: the act answers what the previous sentence told."""
        return any(t.norm in self.response_words or any(
            b in self.response_words for b, _ in self.morph.analyses(t.norm))
            for t in self._toks)

    @staticmethod
    def _last_conflict(disc: Discourse) -> list[Entity]:
        last = next((e for e in reversed(disc.recent) if e.type == "ASSAULT"), None)
        return list(dict.fromkeys(last.sources + last.targets)) if last else []

    def _referred(self, cue: Cue, clause: list[int], disc: Discourse) -> list[Entity]:
        """এই মহড়ার নিন্দা, এই নিষেধাজ্ঞা প্রত্যাখ্যান: the act condemned or rejected is an
        earlier event; its actors are the target."""
        if cue.pred.type not in ("DISAPPROVE", "REJECT", "DEMAND", "SUPPORT", "PROTEST"):
            return []
        cl = clause[cue.noun_end - 1]
        for ref in self.references:
            if clause[ref.noun_end - 1] != cl or ref.pred.type == cue.pred.type:
                continue
            owners = [m for m in self._actors if m.end == ref.start and m.case == "gen"]
            if owners:
                return _entities(owners)
            earlier = disc.last_of_type(ref.pred.type)
            if earlier is not None:
                return list(earlier.sources)
        return []

    def _in_condition(self, m: Mention, clause: list[int]) -> bool:
        """Is the mention in a clause that a conditional verb (-লে) closes?"""
        cl = clause[m.start]
        toks = self._toks
        last = max(k for k in range(len(toks)) if clause[k] == cl)
        return self.morph.features(toks[last].norm).conditional

    def _goods(self, toks: list[Token], clause: list[int] | None, cue: Cue) -> bool:
        """A goods noun (অস্ত্র, খাদ্য) in the cue's clause (or sentence, without clauses)."""
        cl = clause[cue.noun_end - 1] if clause else None
        for k, t in enumerate(toks):
            if clause and clause[k] != cl:
                continue
            if any(base in self.lex.goods for base, _ in self.morph.analyses(t.norm)):
                return True
        return False

    def _adjust_type(self, ev: Event, cue: Cue, toks: list[Token]) -> None:
        pred = cue.pred
        if pred.at_country and any(t.type == "Country" for t in ev.targets):
            ev.type = pred.at_country.get("type", ev.type)  # missiles fired at a country
            ev.cameo = str(pred.at_country.get("cameo", ev.cameo))
            ev.relation = pred.at_country.get("relation", ev.relation)
        if pred.goods and self._goods(toks, None, cue):
            ev.type = pred.goods.get("type", ev.type)
            ev.cameo = str(pred.goods.get("cameo", ev.cameo))
            ev.relation = pred.goods.get("relation", ev.relation)
            ev.mode = "military" if ev.type == "AID" else ev.mode
        if cue.start > 0 and cue.is_noun:
            word = self.lex.mode_words.get(toks[cue.start - 1].norm)
            word = word or next((self.lex.mode_words[w] for w in
                                 [toks[cue.start].norm] if w in self.lex.mode_words), None)
            if word:
                ev.mode = word.get("mode", ev.mode)
                ev.cameo = str(word.get(ev.type, ev.cameo))
        gov = toks[cue.gov].norm if cue.gov is not None else ""
        if pred.future and gov and self.morph.features(gov).future and cue.light_lemma not in (
                "পাওয়া", "আসা"):
            ev.type = pred.future.get("type", ev.type)
            ev.cameo = str(pred.future.get("cameo", ev.cameo))
            ev.relation = pred.future.get("relation", ev.relation)

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
        conditional_words = set(self.morph.word_list("conditional_words"))
        for t in toks:
            if t.is_punct:
                continue
            if t.norm in conditional_words or self.morph.features(t.norm).conditional:
                out.add("hypothetical")
        past_year = date is not None and date.explicit_year_only and date.year
        if past_year and doc_date and date.year < doc_date.year:
            out.add("historical")
        return out

    def _continues_report(self, sent: Sentence, disc: Discourse) -> bool:
        """Inside a quote opened earlier in the paragraph, or a relative clause (যা …)
        continuing reported speech: the words are still the speaker's."""
        if not disc.speaker or disc.speaker_paragraph != sent.paragraph:
            return False
        first = next((t for t in sent.tokens if not t.is_punct), None)
        if first is None:
            return False
        return (sent.quote_open_at_start and first.in_quote) or (
            disc.reported and first.norm in self.relatives)

    def _finish(self, events: list[Event], disc: Discourse, date: DateMention | None,
                sent: Sentence, continues: bool) -> None:
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
        disc.recent.extend(events)
        main = [e for e in events if e.type != "STATEMENT"]
        if main:
            disc.topic = list(main[0].sources)
        elif not events:
            # no event, but a sentence about someone (… রাশিয়ার অস্ত্র প্রয়োজন): the topic
            subjects = [m for m in self._actors if m.case in ("plain", "gen")
                        and m.end not in self._cue_starts]  # not "ইউক্রেন" of ইউক্রেন যুদ্ধ
            if subjects:
                disc.topic = _entities(subjects[:1])
        for ev in events:
            if ev.pred.id in ("sign", "agreement-made"):
                disc.agreement_parties = list(dict.fromkeys(ev.sources + ev.targets))
        self._agreements(events, sent, disc)

    def _agreements(self, events: list[Event], sent: Sentence, disc: Discourse) -> None:
        """The thing signed becomes an Agreement object; a later এই চুক্তি is the same."""
        toks = sent.tokens
        signing = [e for e in events if e.pred.id in ("sign", "agreement-made")]
        if not signing:
            return
        lasts = {words[-1] for words in self.lex.agreement_nouns}
        for k in range(len(toks)):
            bases = {b for b, _ in self.morph.analyses(toks[k].norm)} & lasts
            for words in self.lex.agreement_nouns:
                n = len(words)
                i = k - n + 1
                if words[-1] not in bases or i < 0:
                    continue
                if any(toks[i + x].norm != words[x] for x in range(n - 1)):
                    continue
                if i > 0 and toks[i - 1].norm in self.demonstratives:
                    return  # এই চুক্তি: the agreement already told
                disc.n_agreements += 1
                disc.agreement = self._agreement_object(toks, i, k + 1, sent, disc)
                for e in signing:
                    e.objects = [disc.agreement]
                return

    def _agreement_object(self, toks: list[Token], i: int, j: int, sent: Sentence,
                          disc: Discourse) -> dict:
        start = i
        while start > 0 and i - start < 4:
            prev = toks[start - 1]
            if prev.is_punct or self.morph.lemma(prev.norm) or prev.norm in self.demonstratives:
                break
            if prev.norm.endswith(("ের", "র")) and prev.norm not in self.glossary:
                base = prev.norm[:-2] if prev.norm.endswith("ের") else prev.norm[:-1]
                if base not in self.glossary:
                    break
            start -= 1
        words = [t.text for t in toks[start:j] if t.norm not in ("একটি", "একটা")]
        label_bn = " ".join(words)
        english = []
        for t in toks[start:j]:
            w = t.norm
            for cand in (w, w[:-2] if w.endswith("ের") else w, w[:-1] if w.endswith("র") else w):
                if cand in self.glossary:
                    english.append(self.glossary[cand])
                    break
        label = " ".join(english) if english else "agreement"
        return {"wikidata": None, "label": label, "label_bn": label_bn, "type": "Agreement",
                "key": f"{sent.index}-{disc.n_agreements}"}


def _entities(ms: list[Mention], types: frozenset[str] = ACTOR_TYPES) -> list[Entity]:
    out: list[Entity] = []
    for m in ms:
        for e in m.entities:
            if e not in out and e.type in types:
                out.append(e)
    return out
