"""Roles: which actor of a sentence is the source and which the target of each cue.

The case marker and the predicate's frame decide (seeds/lexicon/predicates.yaml,
`frames`): an unmarked subject → source; -কে, সঙ্গে, বিরুদ্ধে, প্রতি, a locative → target;
with পাওয়া ("receive") the subject is the target and the genitive the source. Position
fixes a few roles (the possessor of an event noun, a bare destination before সফর). With
a dependency parse, a marked phrase belongs to the predicate the tree attaches it to,
an unmarked object is an object, and nsubj picks the subject among several candidates.
"""

from __future__ import annotations

from kg.entities.mention import Mention
from kg.extract.cues import Cue
from kg.extract.state import SentenceState, Slot
from kg.extract.types import owns_claim
from kg.kinds import ACTOR_TYPES
from kg.lang.data import LanguageData
from kg.parse.tree import Parse
from kg.text.segment import Token

# Acts whose locative actor is what they are aimed at (ইসরায়েলে হামলা, গাজায় ত্রাণ,
# বাংলাদেশে বিনিয়োগ); for the others a locative names where the act happened.
LOC_TARGETS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "COOPERATE", "CONSULT", "REJECT",
                         "INVESTIGATE", "CRIME"})


# Acts whose -কে actor is the one they are done to, whoever calls for them.
PATIENT_ACTS = frozenset({"hand-over", "release", "arrest", "hostage", "take-away",
                          "arrest-warrant", "recall-envoy"})
# Mentions of two parties at once (রাশিয়া-ইউক্রেন যুদ্ধ): the parties of what follows.
PAIRS = frozenset({"hyphen_pair", "bound_pair", "pair_countries", "group_countries"})
# Relations of a clause embedded in another: its arguments are not the outer verb's.
EMBEDDED = frozenset({"ccomp", "acl", "acl:relcl", "advcl", "xcomp", "csubj"})
# Of those, the ones a nominal predicate (with or without a copula) can head.
CLAUSES = frozenset({"ccomp", "advcl", "csubj"})
ELSEWHERE = -1
# Acts that answer a proposal, claim or demand (X-এর প্রস্তাব প্রত্যাখ্যান, স্বাগত, নিন্দা).
ANSWERS = frozenset({"REJECT", "DISAPPROVE", "SUPPORT"})
# Acts done by words: said somewhere, to someone.
VERBAL = frozenset({"REJECT", "DISAPPROVE", "DEMAND", "THREATEN", "STATEMENT"})


def _answers(cue: Cue) -> bool:
    """Does the cue answer a proposal, claim or demand (a refusal to accept one too)?"""
    return cue.pred.type in ANSWERS or "unwilling" in cue.pred.needs


def _well_formed(st: SentenceState) -> bool:
    """One root, a head inside the sentence for every token, no cycle."""
    parse = st.parse
    if parse is None or len(parse.words) != len(st.toks):
        return False
    words = parse.words
    if sum(w.head == -1 for w in words) != 1 or any(w.head >= len(words) for w in words):
        return False
    for i in range(len(words)):
        seen, k = set(), i
        while k != -1:
            if k in seen:
                return False
            seen.add(k)
            k = words[k].head
    return True


def plausible(st: SentenceState) -> bool:
    """Can the tree decide attachments? One root, a head for every token inside the
    sentence, no cycle, and every predicate's verb tagged a verb. Otherwise the case-marker
    rules decide (a parser trained on a small treebank errs most on exactly the sentences
    the rules find hard, so a broken tree must not override them)."""
    if not _well_formed(st):
        return False
    words = st.parse.words
    for c in st.cues:
        if c.light_lemma is not None and c.end - 1 < len(words) and (
                words[c.end - 1].upos not in ("VERB", "AUX")):
            return False
    return all(_one_phrase(words, m) for m in st.actors)


def _one_phrase(words: list, m: Mention) -> bool:
    """Does the tree keep a name the gazetteer knows as one phrase? One of its tokens
    heads it from outside, and no word outside it is a piece of the name (flat, fixed).
    A tree that splits or extends known names misreads the sentence around them too."""
    heads_out = sum(not m.start <= words[k].head < m.end for k in range(m.start, m.end))
    if heads_out != 1:
        return False
    return not any(w.deprel in ("flat", "fixed") and m.start <= w.head < m.end
                   for k, w in enumerate(words) if not m.start <= k < m.end)


def _notice_of(st: SentenceState, m: Mention) -> int | None:
    """ভারতের তরফ থেকে দেয়া বিজ্ঞপ্তিতে বলা হয়েছে: who gave the notice (an agent phrase,
    its postposition and at most four words before it) says what the passive verb right
    after it tells; the index of that verb's cue, else None."""
    if m.case != "by":
        return None
    for ref in st.references:
        if ref.pred.type == "STATEMENT" and 0 <= ref.start - m.end <= 4 and not any(
                m.end <= c.start < ref.start for c in st.cues):
            return next((ci for ci, c in enumerate(st.cues) if c.start == ref.end
                         and c.pred.type == "STATEMENT"), None)
    return None


class RoleAssigner:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.lex = lang.lex
        self.morph = lang.morph
        self.targeting = frozenset(lang.morph.word_list("targeting"))
        self.proposing = frozenset(lang.morph.word_list("proposing"))
        self.vectors = frozenset(lang.morph.word_list("vector_verbs"))

    def frame(self, cue: Cue) -> dict[str, str]:
        frame = dict(self.lex.frame(cue.pred.frame))
        if cue.light_lemma in self.lex.light_frames and cue.pred.frame not in ("meet",):
            frame.update(self.lex.light_frames[cue.light_lemma])
        if cue.pred.type not in LOC_TARGETS and cue.pred.frame == "agent":
            frame.pop("loc", None)  # ঢাকায় বিক্ষোভ, ওয়াশিংটনে নিন্দা: where, not at whom
        return frame

    def assign(self, st: SentenceState) -> list[Slot]:
        """One slot per cue of `st.cues`, filled from `st.actors`."""
        cues, toks, clause = st.cues, st.toks, st.clause
        slots: list[Slot] = [{"source": [], "target": []} for _ in cues]
        for m in st.actors:
            said = _notice_of(st, m)
            if said is not None:  # whatever the tree attaches it to (the participle)
                _put(slots[said], "source", m, cues[said])
                continue
            if self._inside_reference(st, m):
                continue  # গাজায় ইসরায়েলি হামলার নিন্দা: arguments of the act condemned
            same = [ci for ci, c in enumerate(cues) if clause[c.noun_end - 1] == clause[m.start]]
            acting = [ci for ci in same if self.participle(cues[ci], toks) and m.start == cues[
                ci].end]
            if acting:  # ক্ষেপণাস্ত্র ছোড়া উত্তর কোরিয়াকে: the noun a participle describes
                _put(slots[acting[0]], "source", m, cues[acting[0]])  # acts, whatever its
                continue  # case and wherever the tree attaches it
            governed = self._governing_cue(st, m)
            if governed == ELSEWHERE:
                st.elsewhere.add(id(m))  # no one's implied subject either
                continue  # the tree puts the phrase in a clause of another verb
            if governed is not None and m.case == "plain" and governed not in same:
                same = [governed]  # the tree's subject, across a comma the rules split at
            if m.case == "plain" and governed is not None and deprel(st, m) in (
                    "obj", "iobj") and _has_subject(st, m):
                m.case = "acc"  # an unmarked object (ঢাকা সফর করেন তিনি): the tree says so,
                # when it gives the verb a subject too (not দোহায় ইসরায়েল আক্রমণ করেছে)
            if governed is not None and governed in same and m.case != "plain" and (
                    m.case in self.frame(cues[governed])):
                # a marked phrase belongs to the predicate the tree attaches it to; subjects
                # stay shared by the clause's predicates (সফরে গিয়ে বৈঠক করেন তিনি)
                same = [governed]
            if not same:
                continue
            special = self._special_role(st, m, [(ci, cues[ci]) for ci in same])
            if special is not None:
                ci, role = special
                _put(slots[ci], role, m, cues[ci])
                continue
            if m.case == "plain":
                for ci in same:
                    # a setting in the locative (সফরে, মধ্যস্থতায়) is no act of the subject,
                    # but a meeting is (মোদীর সঙ্গে বৈঠককালে পুতিন বলেন: Putin met Modi), and
                    # so is a statement (এক বিবৃতিতে তিনি … আহ্বান জানান), and what is agreed
                    # to (যুদ্ধবিরতিতে সম্মত হয়েছে X: X's ceasefire)
                    if not self.participle(cues[ci], toks) and (
                            not cues[ci].adverbial or cues[ci].pred.type in ("CONSULT",
                                                                             "STATEMENT")
                            or _agreed_to(cues, ci)) and not (
                            cues[ci].timing and not timing_subject(st, cues[ci], m)):
                        _put(slots[ci], self.frame(cues[ci]).get("plain"), m, cues[ci])
                continue
            right = [ci for ci in same if cues[ci].start >= m.end]
            if not right and any(c.is_noun and c.light_lemma is None and c.pred.frame != "must"
                                 for c in (cues[ci] for ci in same)) and m.case == "acc":
                # an object after a nominal event belongs to a later verb; not who must act,
                # named last (শর্ত পূরণ করতে হবে বাংলাদেশকে)
                continue
            if m.case == "by" and any(not cues[ci].adverbial for ci in right):
                # ভারতের তরফে বৈঠকে … ফিরে যেতে বলা হয়: who speaks for a side does what the
                # verb tells, not the meeting that sets the scene
                right = [ci for ci in right if not cues[ci].adverbial]
            ci = right[0] if right else same[-1]
            _put(slots[ci], self.frame(cues[ci]).get(m.case), m, cues[ci])
        for cue, slot in zip(cues, slots, strict=True):
            if cue.is_noun and cue.light_lemma is None and any(
                    m.case == "gen" and m.end <= cue.start for m in slot["source"]):
                # রুশ হামলা, ইসরায়েলের আগ্রাসনের বিরুদ্ধে বিক্ষোভ করেছে জামায়াত: a nominal
                # event's agent is its possessor; the clause's subject acts in the verb
                slot["source"] = [m for m in slot["source"] if m.case != "plain"]
            if cue.pred.type == "DEMAND" and any(m.case in ("toward", "to")
                                                 for m in slot["target"]):
                # ইউক্রেনকে সহায়তা দিতে ন্যাটোর প্রতি আহ্বান: the call goes to NATO; Ukraine
                # is what the content is about
                slot["target"] = [m for m in slot["target"] if m.case != "acc"]
        if st.parse is not None and _well_formed(st):
            # the rules keep every unmarked candidate; any well-formed tree may rank them
            # (an implausible one only must not override what the case markers decide)
            for ci, slot in enumerate(slots):
                slot["source"] = self._subjects(st, ci, slot["source"], slot["target"])
        return slots

    def _inside_reference(self, st: SentenceState, m: Mention) -> bool:
        """An actor just before a reference is its argument (গাজায় ইসরায়েলি হামলার নিন্দা),
        except the addressee (-কে) of what follows (ইসরায়েলকে হামলা বন্ধের আহ্বান)."""
        if m.case == "acc":
            # হাসিনাকে ফেরত পাঠানোর অনুরোধ: a person handed over, released or arrested is the
            # act's patient, not the addressee of the request
            if any(ref.pred.id in PATIENT_ACTS and 0 <= ref.start - m.end <= 1
                   and all(e.type == "Person" for e in m.entities) for ref in st.references):
                st.patients.add(id(m))  # not the target of the request either, implicitly
                return True
            return False
        if m.case == "plain":  # উত্তর কোরিয়ার সৈন্য প্রত্যাহারের আহ্বান: right before it
            # (or sharing a word with it: the unit's সৈন্য is also the act's)
            # — unless the act is an infinitive, whose subject is the clause's own (চীন সরে
            # যেতে অস্বীকার করছে: China refuses to pull back)
            # — and unless nobody else could be the clause's subject (তুরস্ক যুদ্ধবিরতির দাবি
            # জানিয়েছে: Turkey demands a ceasefire)
            # (a list's members too: মোদীর কিয়েভ ও মস্কো সফরের নিন্দা; a place before a
            # visit told before is where it went: তার কিয়েভ ও মস্কো সফর সংলাপের পদক্ষেপ)
            end = _group_end(st, m)
            return any(m.start < ref.start <= end and not _infinitive(st, ref)
                       and (ref.start < m.end or _other_subject(st, m) or m.kind in PAIRS
                            or (ref.pred.frame == "conflict" and not _people(m))
                            or ("goal" in self.frame(ref) and _place(m)))
                       for ref in st.references)
        if m.case == "gen" and any(_answers(c) and owns_claim(
                self.lang, st.toks, m.end, c) for c in st.cues):
            return False  # ট্রাম্পের দেয়া আলোচনার প্রস্তাব প্রত্যাখ্যান: who proposed is answered
        for ref in st.references:
            if m.end <= ref.start and not any(m.end <= c.start < ref.start for c in st.cues):
                if any(c.start == ref.end and c.pred.frame == "said_of" for c in st.cues):
                    return False  # জর্ডানের আশ্রয় দেয়া উচিত: who should act is told to
                if m.case == "with" and ref.pred.type == "CONSULT" and not any(
                        t.is_punct for t in st.toks[m.end:ref.start]) and any(
                        m.end <= a.start and a.end < ref.start
                        and st.toks[a.end].norm in self.proposing for a in st.actors):
                    # রুহানির সঙ্গে ট্রাম্পের দেয়া আলোচনার প্রস্তাব: the partner of talks
                    # someone else (দেয়া, প্রস্তাবিত) proposed (but যুক্তরাষ্ট্রের সঙ্গে ইরানের
                    # আলোচনা প্রত্যাখ্যান: talks with the US refused are refused to the US)
                    st.patients.add(id(m))  # no one's implied partner either
                    return True
                return ref.start - m.end <= 3
        return False

    def _governing_cue(self, st: SentenceState, m: Mention) -> int | None:
        """The predicate the tree attaches the mention to: the first cue token on the path
        from the mention up to the root; ELSEWHERE when the first verb (or nominal
        predicate heading a complement, adverbial or subject clause) on that path is no
        predicate of ours and heads a clause of its own inside another (a complement,
        purpose, relative or adverbial clause): the phrase is that verb's argument. None
        when the tree cannot tell (no parse, an implausible tree): the rules decide."""
        parse = st.parse
        if parse is None or not plausible(st) or self._misread(st, m):
            return None
        for k in parse.governor_path(head_token(st, m)):
            for ci, c in enumerate(st.cues):
                if c.start <= k < c.end or (k == c.end and self._finishes(st, c)):
                    return ci
            if m.start <= k < m.end:
                return None
            if m.case == "gen" and deprel(st, m) == "nmod" and any(
                    a.start <= k < a.end and a is not m and a.case in ("plain", "gen")
                    and (a.group is None or a.group != m.group) for a in st.actors):
                return ELSEWHERE  # ইয়েমেনের … হুতি বিদ্রোহীরা: the genitive describes an actor
            word = parse.words[k]
            if word.deprel == "conj" and word.upos != "VERB" and _has_dependent(parse, k, "cop"):
                return None  # … দাঁড়িয়েছে, তবে … বিরত ছিল ভারত: a clause of its own, joined
            clausal = word.upos == "VERB" or word.deprel in CLAUSES
            if clausal and not self._targeting(st, k):
                # a verb, or a nominal predicate heading a clause (চাপে থাকে যুক্তরাষ্ট্র
                # as what analysts say: the US is the clause's subject, not the speaker)
                embedded = word.deprel in EMBEDDED and not any(
                    c.start <= k < c.end for c in st.references)
                if embedded:
                    shared = self._participle_subject(st, m, k)
                    return ELSEWHERE if shared is None else shared
                return None
        return None

    def _participle_subject(self, st: SentenceState, m: Mention, k: int) -> int | None:
        """… পানিকামান ব্যবহার করে পানি ছুড়েছে চীন: the subject of a verb is also the
        subject of a conjunctive participle (-এ; not an infinitive -তে nor a conditional -লে)
        the tree attaches to it as an adverbial clause; the index of that participle's cue,
        else None."""
        words = st.parse.words
        if words[_list_head(st, m)].deprel != "nsubj":
            return None
        for ci, c in enumerate(st.cues):
            v = c.end - 1
            if (c.light_lemma is not None and words[v].head == k and words[v].deprel == "advcl"
                    and st.toks[v].norm.endswith("ে") and not st.toks[v].norm.endswith("তে")
                    and not self.participle(c, st.toks)
                    and not self.morph.features(st.toks[v].norm).conditional):  # not করলে
                return ci
        return None

    def _misread(self, st: SentenceState, m: Mention) -> bool:
        """Does the tree give the phrase a relation its case marker rules out? A genitive or a
        locative is no subject or object (যুক্তরাষ্ট্র, দক্ষিণ কোরিয়া এবং জাপানের যৌথ মহড়া
        read with যুক্তরাষ্ট্র as a subject; রাফায় ইসরাইলি হামলা with রাফায়), and a bare name
        no modifier of a noun that is no event (হাঙ্গেরি দীর্ঘদিন ধরে read as "Hungary's long
        time"), nor a verb's second object: the tree misread the phrase, so the case-marker
        rules place it."""
        words, k = st.parse.words, _list_head(st, m)
        rel = words[k].deprel
        if m.case in ("gen", "loc"):
            return rel in ("nsubj", "obj", "iobj")
        if m.case == "plain" and rel == "nmod" and words[k].head >= 0:
            head = st.toks[words[k].head].norm  # an event noun, a cue here or not (… মস্কো সফর)
            return not any(base in self.lex.nouns for base, _ in self.morph.analyses(head))
        if m.case == "plain" and rel == "obj":
            # two objects of one verb (তেলআবিব দায় চাপিয়েছে read as "laid Tel Aviv blame"):
            # the bare name is the clause's subject the tree took for a second object
            return any(j != k and w.head == words[k].head and w.deprel == "obj"
                       for j, w in enumerate(words))
        return False

    def _finishes(self, st: SentenceState, cue: Cue) -> bool:
        """Is the word right after the cue a vector verb finishing it (নাকচ করে দিয়েছে)?
        A tree may head the compound with it."""
        if cue.end >= len(st.toks) or not st.toks[cue.end - 1].norm.endswith("ে"):
            return False
        return self.morph.lemma(st.toks[cue.end].norm) in self.vectors

    def _targeting(self, st: SentenceState, k: int) -> bool:
        """The verb of X লক্ষ্য করে ("aiming at X"): X is what the act it modifies hits,
        not an argument of a clause of its own."""
        return k > 0 and f"{st.toks[k - 1].norm} {st.toks[k].norm}" in self.targeting

    def _special_role(self, st: SentenceState, m: Mention,
                      cues: list[tuple[int, Cue]]) -> tuple[int, str | None] | None:
        """Roles fixed by position: the possessor of an event noun (পুতিনের … সফর), a bare
        destination right before it (উত্তর কোরিয়া সফর/গেলেন), and the head noun a
        participle describes (ক্ষেপণাস্ত্র ছোড়া উত্তর কোরিয়া: North Korea fires)."""
        for ci, c in cues:
            frame = self.frame(c)
            if self.is_poss(st, m, c):
                if self._objective_genitive(st, c, frame, m):
                    return ci, "target"
                return ci, frame.get("poss")
            if (m.case == "plain" and (_group_end(st, m) == c.start
                                       or c.noun_end <= m.start < c.end)
                    and "goal" in frame and len(m.entities) == 1
                    and any(e.type in ("Country", "Location") for e in m.entities)):
                # উত্তর কোরিয়া সফর, রাষ্ট্রীয় সফরে চীন যাচ্ছেন: the bare place visited (each
                # of a list: কিয়েভ ও মস্কো সফর)
                return ci, frame.get("goal")
            if "object" in frame and self._bare_object(st, m, c):
                return ci, frame.get("object")
            if self.participle(c, st.toks) and m.start == c.end:
                return ci, "source"
        return None

    @staticmethod
    def _bare_object(st: SentenceState, m: Mention, cue: Cue) -> bool:
        """চীন তাইওয়ান আক্রমণ করলে: a bare state right before the predicate, after another
        unmarked actor of its clause that is not listed with it, is the object."""
        if m.case != "plain" or m.end != cue.start or not any(
                e.type == "Country" for e in m.entities):
            return False
        cl = st.clause[m.start]
        return any(a.case == "plain" and a.end <= m.start and st.clause[a.start] == cl
                   and (a.group is None or a.group != m.group)
                   and not any(t.is_punct for t in st.toks[a.end:m.start])  # X, Y: a list
                   for a in st.actors)

    def is_poss(self, st: SentenceState, m: Mention, cue: Cue) -> bool:
        """The genitive right before an event noun (পুতিনের উত্তর কোরিয়া সফর) owns it."""
        if not cue.is_noun or m.case != "gen" or m.end > cue.start:
            return False
        last = _last_member(st, m)
        if last.end > cue.start or cue.start - last.end > 3:
            return False
        between = st.toks[last.end : cue.start]
        if any(t.is_punct or self.morph.lemma(t.norm) for t in between):
            return False
        if any(last.end <= r.start < cue.start for r in st.references):
            return False  # ইসরায়েলের হামলার সমালোচনা: the genitive owns হামলা
        return not any(a is not last and a.start >= last.end and a.end <= cue.start
                       and a.case == "gen" for a in st.actors)

    def _objective_genitive(self, st: SentenceState, cue: Cue, frame: dict[str, str],
                            m: Mention) -> bool:
        """যুক্তরাষ্ট্রের সমালোচনা করে চীন: with a light verb and its own subject, the
        genitive before the noun is what the act is about (its target), not the agent.
        যুক্তরাষ্ট্রের প্রস্তাব প্রত্যাখ্যান করা হয়েছে: so is the owner of a proposal, claim
        or demand named between it and an answer to it."""
        if _answers(cue) and owns_claim(self.lang, st.toks, m.end, cue):
            return True
        if cue.light_lemma is None or (frame.get("poss"), frame.get("plain")) != ("source",
                                                                                   "source"):
            return False
        cl = st.clause_of(cue)
        if any(p.kind == "pronouns_person" and p.case == "plain" and st.clause[p.start] == cl
               for p in st.mentions):
            return True  # তিনি … সিরিয়ার মানুষের প্রতি আহ্বান জানান: "he" is the subject
        return any(a is not m and a.case == "plain" and (m.group is None or a.group != m.group)
                   for a in st.actors if st.clause[a.start] == cl)

    def _subjects(self, st: SentenceState, ci: int, sources: list[Mention],
                  targets: list[Mention]) -> list[Mention]:
        """Several unmarked actors competing for the subject of cue `ci` (ভারতীয় বাহিনী …
        প্রতিবাদ জানিয়েছে ঢাকা): the tree's nsubj wins; coordinated subjects stay together.
        The subject of another predicate yields to one the tree attaches to this cue
        (ট্রাম্প … শুল্ক আরোপের ঘোষণা দেয়ার পর চীন … জানালো: Trump imposes, China says).
        A subject that is also the act's target (চীনের ওপর … চীন) is no choice: all stay;
        nor is a place (তোরখাম ক্রসিং … খুলে দেওয়ার বিষয়ে সম্মত: a crossing never acts)."""
        plain = [m for m in sources if m.case == "plain"]
        if len({m.group if m.group is not None else id(m) for m in plain}) < 2:
            return sources
        governs = {id(m): self._governing_cue(st, m) for m in plain}
        own = any(g == ci for g in governs.values())
        subj = [m for m in plain if _list_rel(st, m) == "nsubj" and (
            not own or governs[id(m)] in (ci, None)) and _can_act(m)]
        aimed = {e for m in targets for e in m.entities}
        if not subj or all(m.entities and set(m.entities) <= aimed for m in subj):
            return sources
        subj += _conjuncts(st, subj, plain)
        groups = {m.group for m in subj if m.group is not None}
        keep = [m for m in plain if m in subj or (m.group is not None and m.group in groups)]
        return [m for m in sources if m.case != "plain" or m in keep]

    @staticmethod
    def participle(cue: Cue, toks: list[Token]) -> bool:
        """A light verb in its verbal-noun form right before a noun: a relative participle."""
        if cue.light_lemma is None or cue.end >= len(toks):
            return False
        word = toks[cue.end - 1].norm
        return word.endswith(("া", "ানো", "ওয়া")) and not toks[cue.end].is_punct


def _place(m: Mention) -> bool:
    return bool(m.entities) and all(e.type in ("Country", "Location") for e in m.entities)


def _people(m: Mention) -> bool:
    """গুতেরেস লড়াই থামানোর আহ্বান জানান: a person or an office (মহাসচিব) before a war
    noun is no party that names the war (ইউক্রেন যুদ্ধ), but who speaks about it."""
    return m.kind == "role" or (bool(m.entities) and all(e.type == "Person" for e in m.entities))


def _infinitive(st: SentenceState, cue: Cue) -> bool:
    return cue.light_lemma is not None and st.toks[cue.end - 1].norm.endswith("তে")


def _can_act(m: Mention) -> bool:
    return any(e.type in ACTOR_TYPES for e in m.entities)


def timing_subject(st: SentenceState, cue: Cue, m: Mention) -> bool:
    """যুক্তরাষ্ট্র … হামলা ও নিষেধাজ্ঞা আরোপের পর ইরান …: an act dating the clause has a
    subject of its own only before it, and only when the clause's act has one after it
    (কাতার গাজায় … হামলা ও … অভিযানের পর যুদ্ধবিরতির প্রস্তাব দিয়েছে: Qatar proposes)."""
    cl = st.clause_of(cue)
    return m.start < cue.start and any(
        a.case == "plain" and a.start >= cue.end and st.clause[a.start] == cl
        for a in st.actors)


def _agreed_to(cues: list[Cue], ci: int) -> bool:
    """A locative event noun right before a word of agreeing (যুদ্ধবিরতিতে সম্মত): what is
    agreed to, done by who agrees."""
    return ci + 1 < len(cues) and cues[ci + 1].start == cues[ci].end and (
        cues[ci + 1].pred.id == "agree-to")


def _last_member(st: SentenceState, m: Mention) -> Mention:
    """The last of the list the mention belongs to (itself when it stands alone)."""
    if m.group is None:
        return m
    return [a for a in st.actors if a.group == m.group][-1]


def _group_end(st: SentenceState, m: Mention) -> int:
    """Where the list the mention belongs to ends."""
    return _last_member(st, m).end


def _list_head(st: SentenceState, m: Mention) -> int:
    """The token heading the list the mention is a member of (its own head when alone):
    a conjunct's relation is the list's."""
    words, k = st.parse.words, head_token(st, m)
    while words[k].deprel == "conj" and words[k].head >= 0:
        k = words[k].head
    return k


def _list_rel(st: SentenceState, m: Mention) -> str:
    return st.parse.words[_list_head(st, m)].deprel if st.parse else ""


def _has_dependent(parse: Parse, k: int, rel: str) -> bool:
    return any(w.head == k and w.deprel == rel for w in parse.words)


def _has_subject(st: SentenceState, m: Mention) -> bool:
    """Does the tree give the verb the mention is the object of a subject as well?"""
    words = st.parse.words
    head = words[head_token(st, m)].head
    return any(w.head == head and w.deprel.startswith("nsubj") for w in words)


def head_token(st: SentenceState, m: Mention) -> int:
    """The token of a mention whose head lies outside it (the phrase's head)."""
    words = st.parse.words
    for k in range(m.start, m.end):
        if not m.start <= words[k].head < m.end:
            return k
    return m.end - 1


def deprel(st: SentenceState, m: Mention) -> str:
    return st.parse.words[head_token(st, m)].deprel if st.parse else ""


def _conjuncts(st: SentenceState, heads: list[Mention], cands: list[Mention]) -> list[Mention]:
    """Candidates the tree coordinates with a subject (মোদী এবং … দিসানায়েক বৈঠকে বসেন:
    conj of the nsubj), however far apart the words put them."""
    words, out, grown = st.parse.words, [], True
    while grown:
        grown = False
        for m in cands:
            k = head_token(st, m)
            if m not in heads and m not in out and words[k].deprel == "conj" and any(
                    h.start <= words[k].head < h.end for h in heads + out):
                out.append(m)
                grown = True
    return out


def _put(slot: Slot, role: str | None, m: Mention, cue: Cue) -> None:
    if role == "target" and venue(m, cue):
        return
    if role in ("source", "target") and cue.pred.symmetric and len(m.entities) > 1 and (
            role == "source" or m.kind in PAIRS):
        role = "both"  # দুই দেশই চুক্তি করেছে, ভারত-চিন সংঘর্ষ: each with the other
    if role in ("source", "target"):
        slot[role].append(m)
    elif role == "both":
        slot["source"].append(m)
        slot["target"].append(m)


def venue(m: Mention, cue: Cue) -> bool:
    """জাতিসংঘে দেওয়া প্রস্তাব প্রত্যাখ্যান করে ইরান: a body in the locative is where words
    are said (the UN, an assembly), not whom a verbal act answers or addresses; but a vote
    or veto cast in a council is cast on its resolution (নিরাপত্তা পরিষদে ভেটো দিয়েছে). (A
    request lodged with a body, জাতিসংঘে সদস্যপদের আবেদন, is missed so: letting demands
    take the body took it from the veto in … আহ্বান জানিয়ে পরিষদে আনা প্রস্তাবে ভেটো.)"""
    return (m.case == "loc" and cue.pred.type in VERBAL
            and cue.pred.mode not in ("vote", "veto") and bool(m.entities)
            and all(e.type == "Organization" for e in m.entities))


def _other_subject(st: SentenceState, m: Mention) -> bool:
    """Another unmarked actor in the mention's clause, who can be its subject."""
    return any(o is not m and o.case == "plain" and st.clause[o.start] == st.clause[m.start]
               and (m.group is None or o.group != m.group)  # চীন ও রাশিয়া: one subject
               for o in st.actors)
