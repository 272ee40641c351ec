"""Actor mentions in one sentence (no document context needed).

Gazetteer names with their case endings (পুতিনের, রাশিয়াকে, উত্তর কোরিয়ায়), longest
match first; role phrases (রুশ প্রেসিডেন্ট, ভারতের প্রধানমন্ত্রী), pronouns and plural
references (দুই দেশ); postpositions set the case (… সঙ্গে, … বিরুদ্ধে); coordinated
actors share a case. kg.entities.coref resolves what needs the document.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kg.entities.extent import extend
from kg.entities.mention import Mention
from kg.lang.gazetteer import Entity, Gazetteer, default_gazetteer
from kg.lang.morphology import Morphology, default_morphology
from kg.lang.phrases import PhraseIndex
from kg.lang.skeleton import MIN_LETTERS, skeleton
from kg.resources import seeds_dir
from kg.text.segment import Sentence, Token, norm_token

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Pattern:
    words: Words
    kind: str
    entities: tuple[Entity, ...] = ()
    role: str | None = None


PRONOUNS = ("pronouns_person", "pronouns_group", "pronouns_self")
# The units that speak for a body (its spokesperson): a bare body's spokesperson is the body.
BODY_VOICES = frozenset({"spokesperson"})
# Kinds of body that states name alike (পররাষ্ট্র দপ্তর, প্রতিরক্ষা মন্ত্রণালয়)
GENERIC_ORGANS = frozenset({"foreign_ministry", "ministry", "defence_ministry", "interior_ministry",
                            "government_body"})


def _case_of_pronoun(word: str) -> str:
    if word.endswith("কে"):
        return "acc"
    if word.endswith(("র", "দের")):
        return "gen"
    return "plain"


class EntityRecognizer:
    """Finds actor mentions in a sentence (no document context needed)."""

    REFERENCE_KINDS = (
        "pair_countries", "group_countries", "pair_leaders", "pair_sides", "this_country",
        "this_org",
        "pronouns_person", "pronouns_group", "pronouns_self", "reciprocal",
    )

    def __init__(self, gazetteer: Gazetteer, morph: Morphology) -> None:
        self.gaz = gazetteer
        self.morph = morph
        self.place_heads = set(morph.word_list("place_heads"))
        self.settlement_heads = set(morph.word_list("settlement_heads"))
        self.relational_nouns = set(morph.word_list("relational_nouns"))
        self.media_cues = set(morph.word_list("media_cues"))
        self.media_owners = set(morph.word_list("media_owners"))
        self.anonymous_units = set(morph.word_list("anonymous_units"))
        self.plural_endings = tuple(morph.word_list("plural_endings"))
        self.continuations = frozenset(morph.word_list("name_continuations"))
        self.office_modifiers = frozenset(morph.word_list("office_modifiers"))
        self.name_titles = frozenset(morph.word_list("name_titles"))
        self.bare_units = frozenset(morph.word_list("bare_units"))
        self.index: PhraseIndex[_Pattern] = PhraseIndex()
        surface: dict[tuple[Words, str], list[Entity]] = {}
        for e in gazetteer.entities:
            forms = [(n, "name") for n in e.names_bn]
            forms += [(c, "capital") for c in e.capitals_bn]
            forms += [(d, "demonym") for d in e.demonyms_bn]
            for text, kind in forms:
                words = tuple(text.split())
                if words:
                    surface.setdefault((words, kind), []).append(e)
        for (words, kind), ents in list(surface.items()):
            variant = _final_vowel_variant(words)
            if variant:  # জার্মানী, দিল্লী; পাকিস্তানী, ইরানী (the older spelling)
                surface.setdefault((variant, kind), list(ents))
        for (words, kind), ents in surface.items():
            self._add(_Pattern(words, kind, tuple(ents)))
        self.loose = _loose_index(surface, _skeleton_stop())
        for bn, kind, role in _roles():
            self._add(_Pattern(bn, kind, (), role))
        for kind in self.REFERENCE_KINDS:
            for phrase in morph.word_list(kind):
                self._add(_Pattern(tuple(phrase.split()), kind))
        self.index.longest_first()

    def _add(self, pattern: _Pattern) -> None:
        self.index.add(pattern.words, pattern)

    def _hyphen_pair(self, word: str) -> tuple[str, _Pattern] | None:
        """The two (or more) actors of ভারত-চিন, হুথি-মার্কিন, চীন-মিয়ানমারের; the last part
        carries the case ending of the whole."""
        parts = word.split("-")
        ents: list[Entity] = []
        case = "plain"
        for k, part in enumerate(parts):
            readings = self.morph.analyses(part) if k == len(parts) - 1 else [(part, "plain")]
            for base, c in readings:
                hits = self._names(base)
                if hits:
                    ents.append(hits[0].entities[0])
                    case = c if k == len(parts) - 1 else case
                    break
            else:
                return None
        if len(set(ents)) < 2:
            return None
        return case, _Pattern(tuple(parts), "hyphen_pair", tuple(dict.fromkeys(ents)))

    def _hyphen_tail(self, toks: list[Token], j: int) -> tuple[int, str, _Pattern] | None:
        """A hyphen inside a token after a description or a name. The last part is a
        name; what comes before decides:
        - a description (সীমান্তরক্ষী বাহিনী-বিএসএফের) or the full name of the same body
          (বর্ডার গার্ড বাংলাদেশ-বিজিবি): one actor, the short name;
        - the name of another actor, one word or several (উত্তর কোরিয়া-যুক্তরাষ্ট্র,
          ইসরায়েলি বাহিনী-হামাস): a pair, as ভারত-পাকিস্তান is;
        - a description of a state's own body (মিয়ানমারের সীমান্তরক্ষী বাহিনী-বিজিপির): the
          body, its state's name included in the mention.
        None when the first part names someone in one word (the pair rule reads those)."""
        head, _, last = toks[j].norm.rpartition("-")
        if not head:
            return None
        words = tuple(head.split("-"))
        for base, case in self.morph.analyses(last):
            hits = [p for p in self._names(base) if p.kind == "name"]
            if not hits:
                continue
            tail = hits[0].entities
            listed = [(len(w) - len(words), p) for w, p in self.index.get(words[-1])
                      if p.entities and 0 < len(w) - len(words) <= j
                      and tuple(t.norm for t in toks[j - len(w) + len(words):j]) + words == w]
            if listed:
                n, pat = max(listed, key=lambda x: x[0])
                if pat.entities == tail:
                    return j - n, case, _Pattern((base,), "name", tail)
                return j - n, case, _Pattern(words, "hyphen_pair", pat.entities + tail)
            if any(self._names(part) for part in words):
                return None
            owner = self._owner_before(toks, j)
            if owner is None:
                return j, case, _Pattern((base,), "name", tail)
            k, ents = owner
            if all(e.affiliation in {o.key for o in ents} | {o.wikidata for o in ents}
                   for e in tail):
                return k, case, _Pattern((base,), "name", tail)
            return k, case, _Pattern(words, "hyphen_pair", ents + tail)
        return None

    def _owner_before(self, toks: list[Token], j: int) -> tuple[int, tuple[Entity, ...]] | None:
        """A state or body named (or a demonym) within the two words before token j."""
        for k in (j - 1, j - 2):
            if k < 0 or toks[k].is_punct:
                return None
            for base, _case in self.morph.analyses(toks[k].norm):
                hits = self._names(base)
                if hits:
                    return k, hits[0].entities
        return None

    def _names(self, base: str) -> list[_Pattern]:
        """The one-word names, capitals and demonyms listed for `base` (both hyphen rules)."""
        return [p for w, p in self.index.get(base) if w == (base,)
                and p.kind in ("name", "capital", "demonym") and p.entities]

    def loose_keys(self) -> set[str]:
        return {w for entries in self.loose.by_last.values() for words, _ in entries
                for w in words}

    def _candidates(self, sentence: Sentence) -> list[tuple[int, int, str, _Pattern]]:
        toks = sentence.tokens
        found = []
        for m in self.index.matches(toks, self.morph):
            pat, case, word = m.value, m.case, toks[m.end - 1].norm
            if pat.kind in PRONOUNS + ("reciprocal",) and m.base != word:
                continue  # pronouns are listed with their own forms
            if pat.kind in PRONOUNS:
                case = _case_of_pronoun(word)
            if case == "plain" and self._inside_longer_name(toks, m.end, pat):
                continue
            found.append((m.start, m.end, case, pat))
        # ভারত-পাকিস্তান, রাশিয়া-ইউক্রেন যুদ্ধ: two names joined by a hyphen in one token.
        covered = {k for i, j, _c, _p in found for k in range(i, j)}
        for j, tok in enumerate(toks):
            if j not in covered and "-" in tok.norm.strip("-"):
                tail = self._hyphen_tail(toks, j)
                pair = None if tail else self._hyphen_pair(tok.norm)
                if tail is not None:
                    found.append((tail[0], j + 1, tail[1], tail[2]))
                    covered.update(range(tail[0], j + 1))
                elif pair is not None:
                    found.append((j, j + 1, pair[0], pair[1]))
                    covered.add(j)
        # Names spelt another way (গুয়েট্রেস for গুতেরেস), on tokens no exact match took.
        for m in self.loose.matches(toks, self.morph, key=skeleton,
                                    skip=lambda j, _t: j in covered):
            if not covered.intersection(range(m.start, m.end)) and not (
                    m.case == "plain" and self._inside_longer_name(toks, m.end, m.value)):
                found.append((m.start, m.end, m.case, m.value))
        # Longest span first, then the reading that strips the shortest ending.
        found.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2] != "plain"))
        return found

    def _inside_longer_name(self, toks: list[Token], end: int, pat: _Pattern) -> bool:
        """করিম খান in মঞ্জুরুল করিম খান চৌধুরী: a listed person followed by a family name
        that continues Bengali names is part of another person's name."""
        return (end < len(toks) and bool(pat.entities)
                and all(e.type == "Person" for e in pat.entities)
                and any(base in self.continuations for base, _ in self.morph.analyses(
                    toks[end].norm)))

    def _settlement(self, sentence: Sentence, m: Mention) -> None:
        """রাফাহ শহরে: a town followed by "town" is that town, in the case the head takes."""
        toks = sentence.tokens
        if m.end >= len(toks) or m.case != "plain" or not m.candidates or any(
                e.type != "Location" for e in m.candidates):
            return
        for base, case in self.morph.analyses(toks[m.end].norm):
            if base in self.settlement_heads:
                m.end += 1
                m.case = case
                return

    def _place_modifier(self, sentence: Sentence, m: Mention) -> bool:
        """দামেস্ক আন্তর্জাতিক বিমানবন্দরে: a bare country or capital before a place noun
        only says where the place is."""
        toks = sentence.tokens
        if m.kind not in ("name", "capital") or m.case != "plain":
            return False
        end = m.end
        while end + 1 < len(toks) and toks[end].norm in ("ও", "এবং", "-", ","):
            nxt = self._name_at(sentence, end + 1)  # পোল্যান্ড ও ইউক্রেন সীমান্ত
            if nxt is None:
                break
            end = nxt
        for n in (1, 2):
            if end + n > len(toks):
                break
            words = tuple(t.norm for t in toks[end : end + n - 1])
            bases = {b for b, _ in self.morph.analyses(toks[end + n - 1].norm)}
            if any(" ".join((*words, b)) in self.place_heads for b in bases):
                return True
        return False

    def _describes_next(self, sentence: Sentence, m: Mention) -> bool:
        """রাশিয়ার মিত্র বেলারুশ, হামাসের একটি সূত্র, মার্কিন প্রশাসনের একজন কর্মকর্তা: the
        genitive only describes what follows (an ally, a source, an unnamed official)."""
        toks = sentence.tokens
        if m.case != "gen" or m.end >= len(toks):
            return False
        nxt = toks[m.end].norm
        two = f"{nxt} {toks[m.end + 1].norm}" if m.end + 1 < len(toks) else ""
        return nxt in self.relational_nouns or two in self.relational_nouns

    def _name_at(self, sentence: Sentence, i: int) -> int | None:
        """The end of a bare country name starting at token i, if there is one."""
        toks = sentence.tokens
        for j in range(min(len(toks), i + 4), i, -1):
            words = tuple(t.norm for t in toks[i:j])
            if any(p.kind in ("name", "capital") and any(e.type == "Country" for e in p.entities)
                   for w, p in self.index.get(words[-1]) if w == words):
                return j
        return None

    def _group(self, sentence: Sentence, m: Mention, chosen: list[Mention]) -> bool:
        """তিন নেতা: a numeral before a role noun names a group, not an office holder;
        একজন কর্মকর্তা: an unnamed official is nobody's voice (but ভারতীয় এক কূটনীতিককে,
        acted on, is India's); সংবাদ সংস্থা সানা: a news outlet, not the state whose capital
        has that name."""
        toks = sentence.tokens
        prev = toks[m.start - 1].norm if m.start > 0 else ""
        prev2 = f"{toks[m.start - 2].norm} {prev}" if m.start > 1 else ""
        if m.kind == "role" and prev in self.morph.word_list("group_numerals"):
            return True
        if m.kind == "unit" and m.role in self.anonymous_units and (
                prev in self.morph.word_list("anonymous_markers")) and (
                m.case == "plain" or not any(o.end == m.start - 1 and o.kind in (
                    "demonym", "name", "capital") for o in chosen)):
            return True  # (ভারতীয় এক কূটনীতিককে বহিষ্কার: one acted on is his state's)
        if m.kind in ("name", "capital", "demonym", "adjective") and self._owns_media(
                toks, m.end):
            return True  # সিরিয়ার সংবাদ সংস্থা সানা, মিয়ানমার ভিত্তিক গণমাধ্যম: it reports
        return m.kind in ("name", "capital") and (prev in self.media_cues
                                                 or prev2 in self.media_cues)

    def _owns_media(self, toks: list[Token], k: int) -> bool:
        """A media word right after (রাষ্ট্রীয় or ভিত্তিক between): the state's outlet."""
        if k < len(toks) and toks[k].norm in self.media_owners:
            k += 1
        one = toks[k].norm if k < len(toks) else ""
        two = f"{one} {toks[k + 1].norm}" if k + 1 < len(toks) else ""
        return one in self.media_cues or two in self.media_cues

    @staticmethod
    def _given_name_gap(sentence: Sentence) -> Callable[[int, Mention], bool]:
        """Token k is the given name of the person a surname mention names, in a spelling
        the gazetteer lacks (জেন্স for জেনস স্টলটেনবার্গ): their skeletons agree."""
        toks = sentence.tokens

        def gap(k: int, person: Mention) -> bool:
            if k >= len(toks) or toks[k].is_punct:
                return False
            key = skeleton(toks[k].norm)
            return len(key) >= 2 and any(
                len(name.split()) > 1 and skeleton(name.split()[0]) == key
                for e in person.candidates if e.type == "Person" for name in e.names_bn)
        return gap

    def mentions(self, sentence: Sentence) -> list[Mention]:
        taken: set[int] = set()
        chosen: list[Mention] = []
        people = set()  # where a person's name begins, also inside a longer name
        for i, j, case, pat in self._candidates(sentence):
            if any(e.type == "Person" for e in pat.entities):
                people.add(i)
            if taken.intersection(range(i, j)):
                continue
            taken.update(range(i, j))
            chosen.append(
                Mention(i, j, case, pat.kind, candidates=list(pat.entities), role=pat.role,
                        words=pat.words)
            )
        chosen.sort(key=lambda m: m.start)
        for m in chosen:
            self._settlement(sentence, m)
        chosen = [m for m in chosen if not _dateline(sentence, m)
                  and not self._group(sentence, m, chosen)
                  and not self._place_modifier(sentence, m)]
        chosen = _drop_affiliated_modifiers(chosen)
        for m in chosen:
            if m.kind in ("role", "unit") and sentence.tokens[m.end - 1].norm.endswith(
                    self.plural_endings) and len(sentence.tokens[m.end - 1].norm) > len(
                    m.words[-1]):
                m.plural = True
        modifiers = {k for k, t in enumerate(sentence.tokens) if t.norm in self.office_modifiers}
        titles = {k for k, t in enumerate(sentence.tokens) if t.norm in self.name_titles}
        owned = {k + 1 for k, t in enumerate(sentence.tokens)
                 if t.norm.endswith(("ের", "টির", "দের"))}  # দেশের, দেশটির (not সোমবার)
        chosen = _combine_roles(_drop_parenthetical_repeats(sentence, chosen),
                                self._given_name_gap(sentence), modifiers, owned,
                                self.bare_units, titles, frozenset(people))
        chosen = [m for m in chosen if not self._describes_next(sentence, m)]
        extend(sentence, chosen, self.morph)
        _coordinate(sentence, chosen, self.morph)
        return chosen


def _dateline(sentence: Sentence, m: Mention) -> bool:
    """ঢাকা, ১২ মার্চ — …: the place a report is filed from is not an actor."""
    toks = sentence.tokens
    if m.start != 0 or m.end + 1 >= len(toks) or toks[m.end].text != ",":
        return False
    return toks[m.end + 1].norm[:1].isdigit()


def _drop_parenthetical_repeats(sentence: Sentence, ms: list[Mention]) -> list[Mention]:
    """র্যাপিড সাপোর্ট ফোর্সেস (আরএসএফ): the name again in brackets is one mention."""
    toks = sentence.tokens
    out: list[Mention] = []
    for m in ms:
        prev = out[-1] if out else None
        if (prev is not None and m.start > 0 and toks[m.start - 1].text == "("
                and prev.end == m.start - 1 and set(prev.candidates) & set(m.candidates)):
            continue
        out.append(m)
    return out


def _drop_affiliated_modifiers(ms: list[Mention]) -> list[Mention]:
    """জাতিসঙ্ঘ নিরাপত্তা পরিষদ, বাংলাদেশ সেনাবাহিনী: a bare name right before a body that
    belongs to it names the body's owner; the body is the actor."""
    out = []
    for m, nxt in zip(ms, [*ms[1:], None], strict=False):
        if (nxt is not None and m.case == "plain" and nxt.start == m.end and m.kind == "name"
                and nxt.kind == "name" and any(
                    o.affiliation and o.affiliation in (c.key, c.wikidata)
                    for o in nxt.candidates for c in m.candidates)):
            continue
        if nxt is not None and _home_of_group(m, nxt):
            continue
        out.append(m)
    return out


def _home_of_group(m: Mention, nxt: Mention) -> bool:
    """ইয়েমেনের হুথিরা, লেবাননের হিজবুল্লাহ: a country in the genitive right before an
    armed group says where the group is from; the group acts (or is acted on) alone."""
    return (m.case == "gen" and nxt.start == m.end and nxt.kind == "name"
            and nxt.case in ("plain", "gen") and bool(nxt.candidates)
            and all(c.type == "Country" for c in m.candidates)
            and all(o.kind == "armed_group" for o in nxt.candidates))


def _combine_roles(ms: list[Mention],
                   gap: Callable[[int, Mention], bool] = lambda k, m: False,
                   modifiers: set[int] | frozenset[int] = frozenset(),
                   owned: set[int] | frozenset[int] = frozenset(),
                   bare: frozenset[str] = frozenset(),
                   titles: set[int] | frozenset[int] = frozenset(),
                   people: frozenset[int] = frozenset()) -> list[Mention]:
    """রুশ প্রেসিডেন্ট পুতিন → Putin; ভারতের প্রধানমন্ত্রী → a role to resolve; মার্কিন
    সেনারা → the United States. Demonyms used as plain adjectives (রুশ অস্ত্র) drop out.
    `gap(k, person)`: token k is the person's given name in a spelling the gazetteer lacks,
    between a role and a surname it knows (হাঙ্গেরির প্রধানমন্ত্রী ভিক্টর ওরবান).
    `modifiers`: positions of words like ভারপ্রাপ্ত ("acting") that may stand between a
    state and its office (পাকিস্তানের ভারপ্রাপ্ত হাইকমিশনার). `owned`: positions right
    after a genitive (দেশের সামরিক বাহিনী): a body there is someone's, not bare. `bare`:
    the bodies that, named bare, mean the one named in full before (সেনাবাহিনী). `titles`:
    positions of titles between an office and its holder (পররাষ্ট্রমন্ত্রী ড. … মোমেন).
    `people`: where a person's name begins, inside any longer name too."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if out and out[-1].end == m.start and _generic_organ(m, out[-1]):
            # যুক্তরাজ্যের পররাষ্ট্র দপ্তর: the department another state's name also calls
            # its own (পররাষ্ট্র দপ্তর, bare, is the US's) is that state's
            m.kind = "unit"
        if m.kind in ("role", "unit"):
            left = out[-1] if out and (out[-1].end == m.start or (
                out[-1].end == m.start - 1 and out[-1].end in modifiers
                and (out[-1].kind == "demonym" or out[-1].case == "gen"))) else None
            aff_ok = left is not None and (
                left.kind == "demonym"
                # সে দেশে মহাসচিব …: "in that country" is where, not whose, the office is
                or (left.kind == "this_country" and left.case in ("gen", "plain"))
                or (left.kind in ("name", "capital") and left.case in ("gen", "plain")
                    and any(e.type in ("Country", "Organization") for e in left.candidates))
            )
            if aff_ok:
                out.pop()
            start = left.start if aff_ok else m.start
            affiliation_m = left if aff_ok else None
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if (nxt is not None and (nxt.start == m.end or (
                    nxt.start == m.end + 1 and (m.end in titles or (
                        len(nxt.words) == 1 and gap(m.end, nxt)))))
                    and nxt.kind == "name"
                    and any(e.type == "Person" for e in nxt.candidates)
                    and _may_hold(nxt, affiliation_m)):
                # রুশ প্রেসিডেন্ট পুতিন, ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভ: the person
                nxt.start, nxt.role = start, m.role
                nxt.role_label = "role"
                out.append(nxt)
                i += 2
                continue
            if affiliation_m is not None:
                m.start = start
                if m.kind == "unit":
                    m.kind = affiliation_m.kind if affiliation_m.kind == "this_country" else "unit"
                    m.candidates = list(affiliation_m.candidates)
                else:
                    m.affiliation = (affiliation_m.candidates or [None])[0]
                    m.candidates = list(affiliation_m.candidates)
                    m.role_label = affiliation_m.kind
                out.append(m)
            elif m.kind == "role" and nxt is not None and nxt.start == m.end and (
                    nxt.start in people and not any(e.type == "Person" for e in nxt.candidates)):
                pass  # শক্তিশালী নেতা খলিফা হাফতারের অনুগত বাহিনী: the title of the person
                # a body is named after, not an office holder of its own
            elif m.kind == "role":
                out.append(m)  # a bare role (প্রধানমন্ত্রী): resolved from context if possible
            elif " ".join(m.words) in bare and m.start not in owned and not (
                    out and out[-1].end == m.start):
                # সেনাবাহিনীর মুখপাত্র জানায়: the body named before in full (kg.entities.coref);
                # its spokesperson speaks for it
                if nxt is not None and nxt.start == m.end and nxt.kind == "unit" and (
                        nxt.role in BODY_VOICES):
                    m.end, m.case = nxt.end, nxt.case
                    i += 1
                m.kind = "bare_unit"
                out.append(m)
            i += 1
            continue
        out.append(m)  # plain demonyms not taken by a role/unit are dropped below
        i += 1
    for m in out:
        if m.kind == "demonym" and m.case == "plain":
            m.kind = "adjective"  # রুশ অস্ত্র, রুশ হামলা: an actor only before an event noun
    return out


def _may_hold(person: Mention, affiliation: Mention | None) -> bool:
    """মার্কিন প্রশাসন পেত্রোর বিরুদ্ধে: a person of another state is no apposition to the
    role before them (the US administration is not Colombia's president)."""
    if affiliation is None:
        return True
    states = {k for e in affiliation.candidates for k in (e.key, e.wikidata, e.affiliation)
              if k}  # ক্রেমলিনের মুখপাত্র: the Kremlin's state is Russia
    known = [e for e in person.candidates if e.type == "Person" and (
        e.affiliation or e.offices)]
    if not states or not known:
        return True
    return any(e.affiliation in states or any(o.affiliation in states for o in e.offices)
               for e in known)


def _coordinate(sentence: Sentence, ms: list[Mention], morph: Morphology) -> None:
    """X ও Y-এর …: coordinated actors share the case of the last one. An apposed
    দুই দেশ right after two coordinated countries names that pair."""
    coordinators = set(morph.word_list("coordinators")) | {","}
    toks = sentence.tokens
    group = 0
    for a, b in zip(ms, ms[1:], strict=False):
        between = toks[a.end : b.start]
        if a.case != "plain" or not between or between[0].norm not in coordinators:
            continue
        if len(between) > 3 or any(t.norm in coordinators for t in between[1:]):
            continue
        if between[0].norm == "," and (a.kind == "pronouns_person" or any(
                case == "loc" for t in between[1:] for _, case in morph.analyses(t.norm)[1:])):
            continue  # এক বিবৃতিতে তিনি, এই পরিস্থিতিতে সিরিয়ার …: no list goes on that way
        if any(morph.lemma(t.norm) for t in between[1:]):
            continue
        if a.group is None:
            group += 1
            a.group = group
        b.group = a.group
        a.case = b.case
    # Propagate the case of a chain's last member back through the chain.
    for m in reversed(ms):
        if m.group is not None:
            last = [x for x in ms if x.group == m.group][-1]
            m.case = last.case
    for k, m in enumerate(ms):
        if m.case == "plain" and _object_list(toks, m.end, ms[k + 1].start if k + 1 < len(ms)
                                              else len(toks), morph):
            for x in ms:  # the whole list it ends
                if x is m or (m.group is not None and x.group == m.group):
                    x.case = "acc"
    for a, b in zip(ms, ms[1:], strict=False):
        if b.kind == "pair_countries" and a.group is not None and b.start == a.end:
            members = [x for x in ms if x.group == a.group]
            b.kind = "bound_pair"
            b.candidates = [c for x in members for c in x.candidates[:1]]


def _generic_organ(m: Mention, left: Mention) -> bool:
    """A department named by a generic name (পররাষ্ট্র দপ্তর: a ministry or government body
    of one state) right after another state in the genitive."""
    states = {e.key for e in left.candidates if e.type == "Country"}
    return m.kind == "name" and left.case == "gen" and bool(states) and bool(m.candidates) and all(
        e.type == "Organization" and e.kind in GENERIC_ORGANS and e.affiliation not in states
        for e in m.candidates)


def _object_list(toks: list, k: int, stop: int, morph: Morphology) -> bool:
    """মিন অং হ্লাইং এবং আরো পাঁচ জন জেনারেলকে: an actor coordinated (ও, এবং) with a
    counted phrase (morphology.yaml `list_fillers`, numerals) ending in the accusative is
    an object too; any other word ends the list (জাতিসংঘ ও মানবাধিকার সংস্থাগুলো ঘটনাটিকে)."""
    if k >= len(toks) or toks[k].norm not in ("ও", "এবং"):
        return False
    fillers = set(morph.word_list("list_fillers")) | set(morph.word_list("group_numerals"))
    for j in range(k + 1, min(k + 7, stop)):
        word = toks[j].norm
        if j > k + 1 and any(case == "acc" for _, case in morph.analyses(word)[1:]):
            return True
        if word not in fillers and not word[:1].isdigit() and not word.endswith(("টি", "জন")):
            return False
    return False


def _loose_index(surface: dict[tuple[Words, str], list[Entity]],
                 stop: set[str]) -> PhraseIndex[_Pattern]:
    """Names of actors by skeleton (kg.lang.skeleton), kept only where the skeleton is long
    enough, names one entity only, and is no ordinary word (seeds/lexicon/skeleton_stop)."""
    owners: dict[Words, set[str]] = {}
    patterns: dict[Words, _Pattern] = {}
    for (words, kind), ents in surface.items():
        key = tuple(skeleton(w) for w in words)
        owners.setdefault(key, set()).update(e.key for e in ents)
        people = tuple(e for e in ents if e.type == "Person")
        orgs = tuple(e for e in ents if e.type == "Organization")
        if kind != "name" or any(_acronym(w) for w in words):
            continue
        if people and (len(key) > 1 and sum(map(len, key)) >= MIN_LETTERS + 2
                       or len(key) == 1 and len(key[0]) > MIN_LETTERS):
            patterns[key] = _Pattern(key, kind, people)
        elif orgs and len(key) > 1 and sum(map(len, key)) >= 2 * MIN_LETTERS:
            patterns[key] = _Pattern(key, kind, orgs)
    index: PhraseIndex[_Pattern] = PhraseIndex()
    for key, pat in patterns.items():
        ordinary = key[0] in stop if len(key) == 1 else set(key) <= stop
        if len(owners[key]) == 1 and not ordinary:
            index.add(key, pat)
    return index.longest_first()


def _acronym(word: str) -> bool:
    """আইএমএফ, ডব্লিউটিও: letters spelt out, where a skeleton keeps too little."""
    return any(ch in "আইঈউঊএঐওঔ" for ch in word[1:])


@cache
def _skeleton_stop() -> set[str]:
    path = seeds_dir() / "lexicon" / "skeleton_stop.txt"
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@cache
def _roles() -> list[tuple[Words, str, str]]:
    path = seeds_dir() / "lexicon" / "roles.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(tuple(norm_token(r["bn"]).split()), r["kind"], r["role"]) for r in rows]


@cache
def default_recognizer() -> EntityRecognizer:
    return EntityRecognizer(default_gazetteer(), default_morphology())


# Final long and short vowel signs that news spells either way (জার্মানি / জার্মানী,
# দিল্লি / দিল্লী, সৌদি / সৌদী).
_FINAL_SWAP = {"ি": "ী", "ী": "ি", "ু": "ূ", "ূ": "ু"}


def _final_vowel_variant(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The name with its last vowel sign swapped long for short or short for long."""
    last = words[-1]
    if len(last) < 3 or last[-1] not in _FINAL_SWAP:
        return None
    return (*words[:-1], last[:-1] + _FINAL_SWAP[last[-1]])
