"""Coreference within a document: what a reader remembers to resolve references.

Pronouns go to the last person, দেশটি to the last named country, দুই দেশ to the pair the
text is about, এসব দেশ to the last countries named together, দুই নেতা to the two most
mentioned people, and role phrases (ভারতের প্রধানমন্ত্রী) to the office holder at the
document's date, or to the state when no single holder is known (and a bare office later,
as a subject, to that state again); a bare body (সেনাবাহিনী) to the one named in full before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

from kg.entities.mention import Mention
from kg.kinds import REPORTER_KINDS
from kg.lang.gazetteer import HEAD_ROLES, Entity, Gazetteer
from kg.lang.morphology import default_morphology
from kg.text.segment import Token

# দুই দেশ: the pair last named together counts for this many sentences after it
PAIR_AGE = 3


@cache
def _group_sizes() -> dict[str, int]:
    """How many countries a counted group phrase names (morphology.yaml `group_sizes`),
    read once, not per document."""
    return {w: int(n) for w, _, n in (
        item.partition("=") for item in default_morphology().word_list("group_sizes"))}


@cache
def _org_kinds() -> dict[str, frozenset[str]]:
    """Which gazetteer kinds each "the organisation" word points back to (morphology.yaml
    `this_org_kinds`), read once."""
    return {w: frozenset(kinds.split("|")) for w, _, kinds in (
        item.partition("=") for item in default_morphology().word_list("this_org_kinds"))}


class DocumentContext:
    """What a reader remembers while reading one document, for resolving references."""

    def __init__(self, gazetteer: Gazetteer, year: int | None) -> None:
        self.gaz = gazetteer
        self.year = year
        self.country_counts: Counter[str] = Counter()
        self.country_subjects: Counter[str] = Counter()  # named unmarked: the clause's subject
        self.person_counts: Counter[str] = Counter()
        self.last_seen: dict[str, int] = {}
        self.clock = 0
        self.last_country: Entity | None = None
        self.last_person: Entity | None = None
        self.last_org: Entity | None = None
        self.orgs: dict[str, Entity] = {}  # every organisation seen that can act
        self.org_subjects: set[str] = set()  # those of them named as a subject
        self.bound_pair: list[Entity] = []
        self.known: dict[str, Entity] = {}  # every entity seen, gazetteer or NER
        self.sentence_countries: list[Entity] = []
        self.last_group: list[Entity] = []  # the last two or more countries named together
        self.group_age = 0  # sentences since they were named
        self.group_clock = 0  # the clock when they were named
        # office → the body it stood for when no holder was known (জাতিসংঘের মহাসচিব → UN),
        # so that the bare office later, as a subject (মহাসচিব … আহ্বান জানান), is that
        # body again; None once two bodies' holders of it were named (ambiguous)
        self.offices: dict[str, Entity | None] = {}

    def resolve(self, mentions: list[Mention], tokens: Sequence[Token] = ()) -> None:
        """Entities for one sentence's mentions, in order; `tokens` (the sentence's) tell
        where a clause ends."""
        self.sentence_countries = []
        self.group_age += 1
        for k, m in enumerate(mentions):
            # দেশটির … জন্য ত্রাণ পাঠিয়েছে ভারত সরকার: "the country" is not the subject the
            # clause names after it (its capital may be: দেশটির রাজধানী মিনস্ক)
            m.entities = self._resolve_one(m, self._named_after(m, mentions[k + 1:], tokens))
            self._group(m, mentions)
            for e in m.entities:
                self._remember(e, m.kind)
                if e.type == "Country" and m.case == "plain":
                    self.country_subjects[e.key] += 1
                if e.type == "Organization" and m.case == "plain":
                    self.org_subjects.add(e.key)
                if e.type == "Country" and m.kind in ("name", "capital", "unit"):
                    self.sentence_countries.append(e)

    @staticmethod
    def _named_after(m: Mention, later: list[Mention], tokens: Sequence[Token]) -> set[str]:
        """The countries named unmarked as the subject of m's clause after it: before its
        verb, or right after it with no verb after them (… পাঠিয়েছে পাকিস্তান ও ভারত।); not
        after a punctuation mark, nor a subject of another clause (দেশটির মন্ত্রী বলেছেন
        ইরান কখনো …, … বলেছেন অস্ত্র বানাবে না ইরান)."""
        if m.kind not in ("this_country", "role") or not tokens:
            return set()
        finite_verb = default_morphology().finite_verb
        out: set[str] = set()
        for x in later:
            between = tokens[m.end:x.start]
            if any(t.is_punct for t in between):
                break
            verbs = [i for i, t in enumerate(between, m.end) if finite_verb(t.norm)]
            if verbs and not all(t.norm in ("ও", "এবং") or any(
                    o.start <= i < o.end for o in later)
                    for i, t in enumerate(tokens[verbs[-1] + 1:x.start], verbs[-1] + 1)):
                break  # a verb, then words that are not the list of its subjects
            rest = []
            for t in tokens[x.end:]:
                if t.is_punct:
                    break
                rest.append(t)
            if len(verbs) > 1 or (verbs and any(finite_verb(t.norm) for t in rest)):
                break
            if x.case == "plain" and x.kind in ("name", "unit"):
                out.update(c.key for c in x.candidates[:1])
        return out

    def _group(self, m: Mention, mentions: list[Mention]) -> None:
        """After the last of coordinated countries (পোল্যান্ড, জার্মানী ও সুইডেন), they are
        the group a later এসব দেশ means."""
        if m.group is None or m.kind not in ("name", "capital"):
            return
        members = [x for x in mentions if x.group == m.group]
        if m is not members[-1]:
            return
        found = list(dict.fromkeys(e for x in members for e in x.entities if e.type == "Country"))
        if len(found) >= 2:
            self.last_group, self.group_age, self.group_clock = found, 0, self.clock

    def group_of(self, m: Mention) -> list[Entity]:
        """এসব দেশ, তিন দেশ: the countries last named together, in this sentence or the two
        before it, as many as the phrase counts if it counts them."""
        if self.group_age > 2:
            return []
        sizes = _group_sizes()
        counted = [sizes[w] for w in m.words if w in sizes]
        if counted and counted[0] != len(self.last_group):
            return []
        return list(self.last_group)

    def _pick(self, cands: list[Entity]) -> list[Entity]:
        if len(cands) <= 1:
            return cands
        seen = [c for c in cands if c.key in self.last_seen]
        if seen:
            return [max(seen, key=lambda c: self.last_seen[c.key])]
        active = [c for c in cands if c.office_at(self.year) and
                  c.office_at(self.year).held_in(self.year)]
        return active[:1] if len(active) == 1 else []

    def _earlier_full_name(self, word: str, candidates: list[Entity]) -> Entity | None:
        """A bare surname (আলবানিজ) after a full name (ফ্রানচেস্কা আলবানিজ) is that person,
        even if the gazetteer lists the surname for someone else."""
        if not candidates or any(c.key in self.last_seen for c in candidates):
            return None
        earlier = [p for k, p in self.known.items() if p.type == "Person"
                   and any(len(n.split()) > 1 and n.split()[-1] == word for n in p.names_bn)]
        return max(earlier, key=lambda p: self.last_seen[p.key]) if earlier else None

    def _resolve_one(self, m: Mention, after: set[str]) -> list[Entity]:
        """`after`: the countries the clause names as its subject after m (not "the
        country" m may say)."""
        kind = m.kind
        if kind == "name" and len(m.words) == 1:
            earlier = self._earlier_full_name(m.words[0], m.candidates)
            if earlier is not None:
                return [earlier]
        if kind in ("name", "capital", "demonym", "unit", "ner", "adjective"):
            return self._pick(m.candidates)
        if kind == "hyphen_pair":
            return list(m.candidates)
        if kind == "bound_pair":
            self.bound_pair = list(dict.fromkeys(m.candidates))[:2]
            return list(self.bound_pair)
        if kind == "role":
            return self._resolve_role(m, after)
        if kind == "pronouns_person":
            return [self.last_person] if self.last_person else []
        if kind == "this_country":
            country = self.this_country(after)
            return [country] if country else []
        if kind == "this_org":
            return self._last_org_of(" ".join(m.words))
        if kind == "bare_unit":
            return self._named_before(m.words)
        if kind == "pair_countries":
            return self.pair_countries()
        if kind == "group_countries":
            return self.group_of(m)
        if kind == "pair_leaders":
            top = sorted(self.person_counts, key=lambda k: (-self.person_counts[k],
                                                            -self.last_seen[k]))[:2]
            return [self.known[k] for k in top] if len(top) == 2 else []
        return []

    def _named_before(self, words: tuple[str, ...]) -> list[Entity]:
        """সেনাবাহিনী after পাকিস্তান সেনাবাহিনী: the body last named whose Bengali name ends
        with the bare words; none if no such body was named."""
        tail = " ".join(words)
        named = [e for e in self.known.values() if e.type == "Organization" and any(
            n.endswith(" " + tail) for n in e.names_bn)]
        return [max(named, key=lambda e: self.last_seen[e.key])] if named else []

    def this_country(self, besides: set[str] | frozenset[str] = frozenset()) -> Entity | None:
        """দেশটি: the country the text is about so far: most named, a subject counting
        twice (তুরস্ক ইসরায়েলের সঙ্গে … দেশটির মন্ত্রণালয়: Turkey's), the latest of equals;
        none of `besides`."""
        counts = {k: n for k, n in self.country_counts.items() if k not in besides}
        if not counts:
            last = self.last_country
            return last if last is not None and last.key not in besides else None
        top = max(counts, key=lambda k: (counts[k] + self.country_subjects[k], self.last_seen[k]))
        return self.known[top]

    def pair_countries(self) -> list[Entity]:
        local = list(dict.fromkeys(self.sentence_countries))
        if len(local) == 2:
            return local  # পাকিস্তান ও আফগানিস্তানের সীমান্তে দুই দেশের বাহিনী
        if len(self.bound_pair) == 2:
            return list(self.bound_pair)
        if len(self.last_group) == 2 and self.group_age <= PAIR_AGE and len(
                self._countries_since(self.group_clock, self.last_group)) < 2:
            # ভারত ও পাকিস্তান … (later, a mediator named between) দুই দেশ; not once two
            # other countries were named since (চীনের শি জিনপিং রাশিয়া সফর করেছেন … দুই দেশ)
            return list(self.last_group)
        top = sorted(self.country_counts, key=lambda k: (-self.country_counts[k],
                                                         -self.last_seen[k]))[:2]
        return [self.known[k] for k in top] if len(top) == 2 else []

    def _countries_since(self, clock: int, besides: list[Entity]) -> set[str]:
        return {k for k, seen in self.last_seen.items() if seen > clock
                and self.known[k].type == "Country" and self.known[k] not in besides}

    def _resolve_role(self, m: Mention, after: set[str]) -> list[Entity]:
        roles = HEAD_ROLES if m.role == "leader" else frozenset({m.role or ""})
        aff = m.affiliation
        if m.role_label == "this_country":
            aff = self.this_country(after)
        if aff is None:
            recent = [self.known[k] for k in self.person_counts]
            hits = [p for p in recent if any(o.role in roles for o in p.offices)]
            body = self.offices.get(m.role or "")
            if not hits and m.case == "plain" and body is not None:
                return [body]
            return self._pick(hits)
        if m.plural:
            return [aff]  # ইইউ নেতারা: the leaders as a group stand for their body
        holders = self.gaz.holders(aff.key, roles, self.year)
        if m.role == "leader":
            holders = _top_leaders(holders, aff, self.year)
        mentioned = [h for h in holders if h.key in self.person_counts]
        if self.year is None and not mentioned:
            # An undated text: today's office holder may not be the one meant; the office
            # stands for its state (পোল্যান্ডের প্রধানমন্ত্রী → Poland, role kept).
            return self._office_of(m, aff)
        if mentioned or len(holders) == 1:
            picked = self._pick(mentioned or holders)
            if picked:
                return picked
        # জাপানের প্রধানমন্ত্রী with no single known holder: the office stands for the state.
        return self._office_of(m, aff)

    def _office_of(self, m: Mention, aff: Entity) -> list[Entity]:
        if m.role:
            # ভারতের প্রধানমন্ত্রী … পাকিস্তানের প্রধানমন্ত্রীর: which one a bare প্রধানমন্ত্রী means
            # is no longer known
            known = self.offices.get(m.role, aff)
            self.offices[m.role] = aff if known == aff else None
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
        elif e.type == "Organization" and e.kind not in REPORTER_KINDS:
            self.last_org = e
            self.orgs[e.key] = e

    def _last_org_of(self, word: str) -> list[Entity]:
        """সংস্থাটি, জোটটি: the organisation last named of the kinds the word fits, one named
        as a subject first (হিউম্যান রাইটস ওয়াচ … পুলিশের বিরুদ্ধে … অভিযোগ এনেছে। সংস্থাটি:
        the watchdog, not the police accused); none when no such one was named (a wrong
        actor is worse than none)."""
        kinds = _org_kinds().get(word)
        fits = [e for e in self.orgs.values() if kinds is None or not e.kind or e.kind in kinds]
        return [max(fits, key=lambda e: (e.key in self.org_subjects, self.last_seen[e.key]))
                ] if fits else []


# "The leader" of a state is its highest office: the supreme leader over the president,
# the president over the prime minister … (দেশটির নেতা: Kim Jong Un, not the premier).
LEADER_ORDER = ("supreme_leader", "king", "emir", "president", "chief_adviser", "chancellor",
                "prime_minister", "state_counsellor", "head_of_state", "premier", "leader",
                "group_leader", "secretary_general", "commission_president")


def _top_leaders(holders: list[Entity], aff: Entity, year: int | None) -> list[Entity]:
    def rank(p: Entity) -> int:
        roles = [o.role for o in p.offices if o.affiliation in (aff.key, aff.wikidata)
                 and o.held_in(year)]
        return min((LEADER_ORDER.index(r) for r in roles if r in LEADER_ORDER),
                   default=len(LEADER_ORDER))
    if not holders:
        return holders
    best = min(rank(p) for p in holders)
    return [p for p in holders if rank(p) == best]
