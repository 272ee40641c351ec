"""Stage 3: tokens → actor mentions, resolved to gazetteer entities within a document.

Two steps, as in a classic IE pipeline:
- `EntityRecognizer` finds mentions in one sentence: gazetteer names with their case
  endings (পুতিনের, রাশিয়াকে, উত্তর কোরিয়ায়), longest match first; role phrases
  (রুশ প্রেসিডেন্ট, ভারতের প্রধানমন্ত্রী), pronouns and plural references (দুই দেশ).
- `DocumentContext` resolves what needs the document: pronouns to the last person,
  দেশটি to the last named country, দুই দেশ to the pair the text is about, and role
  phrases to the office holder at the document's date.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from kg.gazetteer import HEAD_ROLES, Entity, Gazetteer, default_gazetteer
from kg.morphology import Morphology, default_morphology
from kg.paths import seeds_dir
from kg.text import Sentence, norm_token

Words = tuple[str, ...]
ACTOR_TYPES = frozenset({"Person", "Country", "Organization"})


@dataclass(slots=True)
class Mention:
    """A span of tokens [start, end) that names (or refers to) one or more actors."""

    start: int
    end: int
    case: str
    kind: str
    entities: list[Entity] = field(default_factory=list)
    candidates: list[Entity] = field(default_factory=list)
    role: str | None = None
    affiliation: Entity | None = None
    group: int | None = None  # coordinated mentions share a group id
    role_label: str = ""  # the surface text of an absorbed role (রুশ প্রেসিডেন্ট)

    @property
    def resolved(self) -> bool:
        return bool(self.entities)


@dataclass(frozen=True, slots=True)
class _Pattern:
    words: Words
    kind: str
    entities: tuple[Entity, ...] = ()
    role: str | None = None


def _case_of_pronoun(word: str) -> str:
    if word.endswith("কে"):
        return "acc"
    if word.endswith(("র", "দের")):
        return "gen"
    return "plain"


class EntityRecognizer:
    """Finds actor mentions in a sentence (no document context needed)."""

    REFERENCE_KINDS = (
        "pair_countries", "pair_leaders", "pair_sides", "this_country", "this_org",
        "pronouns_person", "reciprocal",
    )

    def __init__(self, gazetteer: Gazetteer, morph: Morphology) -> None:
        self.gaz = gazetteer
        self.morph = morph
        self.index: dict[str, list[_Pattern]] = {}
        surface: dict[tuple[Words, str], list[Entity]] = {}
        for e in gazetteer.entities:
            forms = [(n, "name") for n in e.names_bn]
            forms += [(c, "capital") for c in e.capitals_bn]
            forms += [(d, "demonym") for d in e.demonyms_bn]
            for text, kind in forms:
                words = tuple(text.split())
                if words:
                    surface.setdefault((words, kind), []).append(e)
        for (words, kind), ents in surface.items():
            self._add(_Pattern(words, kind, tuple(ents)))
        for bn, kind, role in _roles():
            self._add(_Pattern(bn, kind, (), role))
        for kind in self.REFERENCE_KINDS:
            for phrase in morph.word_list(kind):
                self._add(_Pattern(tuple(phrase.split()), kind))
        for entries in self.index.values():
            entries.sort(key=lambda p: -len(p.words))

    def _add(self, pattern: _Pattern) -> None:
        self.index.setdefault(pattern.words[-1], []).append(pattern)

    def _candidates(self, sentence: Sentence) -> list[tuple[int, int, str, _Pattern]]:
        toks = sentence.tokens
        found = []
        for j, tok in enumerate(toks):
            if tok.is_punct:
                continue
            for base, case in self.morph.analyses(tok.norm):
                for pat in self.index.get(base, ()):
                    n = len(pat.words)
                    i = j - n + 1
                    if i < 0 or any(toks[i + k].norm != pat.words[k] for k in range(n - 1)):
                        continue
                    if pat.kind in ("pronouns_person", "reciprocal") and base != tok.norm:
                        continue  # pronouns are listed with their own forms
                    if pat.kind == "pronouns_person":
                        case = _case_of_pronoun(tok.norm)
                    found.append((i, j + 1, case, pat))
        # Longest span first, then the reading that strips the shortest ending.
        found.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2] != "plain"))
        return found

    def _group(self, sentence: Sentence, m: Mention) -> bool:
        """তিন নেতা: a numeral before a role noun names a group, not an office holder."""
        return (m.kind == "role" and m.start > 0
                and sentence.tokens[m.start - 1].norm in self.morph.word_list("group_numerals"))

    def mentions(self, sentence: Sentence) -> list[Mention]:
        taken: set[int] = set()
        chosen: list[Mention] = []
        for i, j, case, pat in self._candidates(sentence):
            if taken.intersection(range(i, j)):
                continue
            taken.update(range(i, j))
            chosen.append(
                Mention(i, j, case, pat.kind, candidates=list(pat.entities), role=pat.role)
            )
        chosen.sort(key=lambda m: m.start)
        chosen = [m for m in chosen if not _dateline(sentence, m) and not self._group(sentence, m)]
        chosen = _combine_roles(chosen)
        self._postpositions(sentence, chosen)
        _coordinate(sentence, chosen, self.morph)
        return chosen

    def _postpositions(self, sentence: Sentence, mentions: list[Mention]) -> None:
        toks = sentence.tokens
        for m in mentions:
            k = m.end
            if k < len(toks):
                pp = self.morph.postpositions.get(toks[k].norm)
                if pp == "from" and toks[k].norm != "থেকে" and k + 1 < len(toks):
                    k += 1  # কাছ থেকে
                if pp == "by":
                    continue  # X-এর পক্ষ থেকে: X is still the one acting
                if pp:
                    m.case = pp


def _dateline(sentence: Sentence, m: Mention) -> bool:
    """ঢাকা, ১২ মার্চ — …: the place a report is filed from is not an actor."""
    toks = sentence.tokens
    if m.start != 0 or m.end + 1 >= len(toks) or toks[m.end].text != ",":
        return False
    return toks[m.end + 1].norm[:1].isdigit()


def _combine_roles(ms: list[Mention]) -> list[Mention]:
    """রুশ প্রেসিডেন্ট পুতিন → Putin; ভারতের প্রধানমন্ত্রী → a role to resolve; মার্কিন
    সেনারা → the United States. Demonyms used as plain adjectives (রুশ অস্ত্র) drop out."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.kind in ("role", "unit"):
            left = out[-1] if out and out[-1].end == m.start else None
            aff_ok = left is not None and (
                left.kind in ("demonym", "this_country")
                or (left.kind in ("name", "capital") and left.case in ("gen", "plain")
                    and any(e.type in ("Country", "Organization") for e in left.candidates))
            )
            if aff_ok:
                out.pop()
            start = left.start if aff_ok else m.start
            affiliation_m = left if aff_ok else None
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if (nxt is not None and nxt.start == m.end and nxt.kind == "name"
                    and any(e.type == "Person" for e in nxt.candidates)):
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
            elif m.kind == "role":
                out.append(m)  # a bare role (প্রধানমন্ত্রী): resolved from context if possible
            i += 1
            continue
        out.append(m)  # plain demonyms not taken by a role/unit are dropped below
        i += 1
    for m in out:
        if m.kind == "demonym" and m.case == "plain":
            m.kind = "adjective"  # রুশ অস্ত্র, রুশ হামলা: an actor only before an event noun
    return out


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
    for a, b in zip(ms, ms[1:], strict=False):
        if b.kind == "pair_countries" and a.group is not None and b.start == a.end:
            members = [x for x in ms if x.group == a.group]
            b.kind = "bound_pair"
            b.candidates = [c for x in members for c in x.candidates[:1]]


@cache
def _roles() -> list[tuple[Words, str, str]]:
    path = seeds_dir() / "lexicon" / "roles.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(tuple(norm_token(r["bn"]).split()), r["kind"], r["role"]) for r in rows]


class DocumentContext:
    """What a reader remembers while reading one document, for resolving references."""

    def __init__(self, gazetteer: Gazetteer, year: int | None) -> None:
        self.gaz = gazetteer
        self.year = year
        self.country_counts: Counter[str] = Counter()
        self.person_counts: Counter[str] = Counter()
        self.last_seen: dict[str, int] = {}
        self.clock = 0
        self.last_country: Entity | None = None
        self.last_person: Entity | None = None
        self.last_org: Entity | None = None
        self.bound_pair: list[Entity] = []
        self.known: dict[str, Entity] = {}  # every entity seen, gazetteer or NER
        self.sentence_countries: list[Entity] = []

    def resolve(self, mentions: list[Mention]) -> None:
        self.sentence_countries: list[Entity] = []
        for m in mentions:
            m.entities = self._resolve_one(m)
            for e in m.entities:
                self._remember(e, m.kind)
                if e.type == "Country" and m.kind in ("name", "capital", "unit"):
                    self.sentence_countries.append(e)

    def _pick(self, cands: list[Entity]) -> list[Entity]:
        if len(cands) <= 1:
            return cands
        seen = [c for c in cands if c.key in self.last_seen]
        if seen:
            return [max(seen, key=lambda c: self.last_seen[c.key])]
        active = [c for c in cands if c.office_at(self.year) and
                  c.office_at(self.year).held_in(self.year)]
        return active[:1] if len(active) == 1 else []

    def _resolve_one(self, m: Mention) -> list[Entity]:
        kind = m.kind
        if kind in ("name", "capital", "demonym", "unit", "ner", "adjective"):
            return self._pick(m.candidates)
        if kind == "bound_pair":
            self.bound_pair = list(dict.fromkeys(m.candidates))[:2]
            return list(self.bound_pair)
        if kind == "role":
            return self._resolve_role(m)
        if kind == "pronouns_person":
            return [self.last_person] if self.last_person else []
        if kind == "this_country":
            return [self.last_country] if self.last_country else []
        if kind == "this_org":
            return [self.last_org] if self.last_org else []
        if kind == "pair_countries":
            return self.pair_countries()
        if kind == "pair_leaders":
            top = sorted(self.person_counts, key=lambda k: (-self.person_counts[k],
                                                            -self.last_seen[k]))[:2]
            return [self.known[k] for k in top] if len(top) == 2 else []
        return []

    def pair_countries(self) -> list[Entity]:
        local = list(dict.fromkeys(self.sentence_countries))
        if len(local) == 2:
            return local  # পাকিস্তান ও আফগানিস্তানের সীমান্তে দুই দেশের বাহিনী
        if len(self.bound_pair) == 2:
            return list(self.bound_pair)
        top = sorted(self.country_counts, key=lambda k: (-self.country_counts[k],
                                                         -self.last_seen[k]))[:2]
        return [self.known[k] for k in top] if len(top) == 2 else []

    def _resolve_role(self, m: Mention) -> list[Entity]:
        roles = HEAD_ROLES if m.role == "leader" else frozenset({m.role or ""})
        aff = m.affiliation
        if m.role_label == "this_country":
            aff = self.last_country
        if aff is None:
            recent = [self.known[k] for k in self.person_counts]
            hits = [p for p in recent if any(o.role in roles for o in p.offices)]
            return self._pick(hits)
        holders = self.gaz.holders(aff.key, roles, self.year)
        mentioned = [h for h in holders if h.key in self.person_counts]
        if mentioned or len(holders) == 1:
            picked = self._pick(mentioned or holders)
            if picked:
                return picked
        # জাপানের প্রধানমন্ত্রী with no single known holder: the office stands for the state.
        return [aff]

    def _remember(self, e: Entity, kind: str) -> None:
        self.clock += 1
        self.known[e.key] = e
        self.last_seen[e.key] = self.clock
        if e.type == "Person":
            self.person_counts[e.key] += 1
            self.last_person = e
            office = e.office_at(self.year)
            aff = self.gaz.get(office.affiliation) if office else None
            if aff is not None and aff.type == "Country":
                self.known[aff.key] = aff
                self.country_counts[aff.key] += 1
                self.last_seen.setdefault(aff.key, self.clock)
        elif e.type == "Country":
            self.country_counts[e.key] += 1
            if kind in ("name", "capital", "this_country"):
                self.last_country = e
        elif e.type == "Organization":
            self.last_org = e


@cache
def default_recognizer() -> EntityRecognizer:
    return EntityRecognizer(default_gazetteer(), default_morphology())
