"""References only the discourse can resolve, on the event stage's copies of mentions.

- তিনি / তাঁর ("he", "his"): the person who acted or spoke in the sentences just before
  (news reports chain "X criticised … . তিনি বলেন …"), rather than whichever person was
  named last; coreference's last person stays the fallback.
- তারা / তাদের ("they") stay unresolved: taken as the previous sentence's actors they
  were wrong more often than right on the real-news dev split (F1 0.578 → 0.573).
- দুই পক্ষ / উভয় পক্ষ ("both sides"): the two sides of the last conflict told.
- আমি / আমরা ("I", "we"): news narrates in the third person, so the first person is
  someone's own words: the subject of this sentence's saying (তিনি বলেন, ‘… আমরা
  উদ্বিগ্ন’), else the speaker of the report the sentence goes on with.
- তারা right inside what a state or body says (হুথিদের বক্তব্য, তারা … আঘাত করেছে) is
  that speaker; elsewhere it stays unresolved (above).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.entities.mention import Mention
from kg.extract.cues import Cue
from kg.extract.discourse import Discourse
from kg.lang.gazetteer import Entity
from kg.text.segment import Token

# Pronouns resolved here, from the speaker: never the speaker themselves (তিনি, resolved
# from the discourse before, can be).
UNSAID = frozenset({"pronouns_group", "pronouns_self"})


def resolve(mentions: list[Mention], disc: Discourse) -> None:
    for m in mentions:
        if m.kind == "pronouns_person" and disc.subject_person is not None:
            m.entities = [disc.subject_person]
        elif m.kind == "pair_sides":
            last = next((e for e in reversed(disc.recent) if e.pred.frame in (
                "conflict",) or e.type == "ASSAULT"), None)
            if last is not None:
                m.entities = list(dict.fromkeys(last.sources + last.targets))[:2]


def spoken_pronouns(mentions: list[Mention], cues: list[Cue], disc: Discourse,
                    paragraph: int, we: frozenset[str] = frozenset(),
                    body_of: Callable[[Entity], Entity | None] = lambda e: None,
                    toks: Sequence[Token] = (), owned: frozenset[str] = frozenset(),
                    counts: frozenset[str] = frozenset()) -> None:
    """আমি / আমরা, and তারা in what a body says (`_group_speaker`): the speaker. For the
    first person, the saying before the pronoun has its subject before it
    (গুতেরেস বলেছেন, ‘… আমি গভীর উদ্বিগ্ন’); a saying after it, its subject after it
    (‘আমরা প্রস্তুত’, বলেন মুখপাত্র); with no saying, the last speaker, if the report is
    of this paragraph. The plural (`we`) of a person in office is the state or body they
    speak for (`body_of`)."""
    says = [c for c in cues if c.pred.type == "STATEMENT"]
    named = [m for m in mentions if m.kind not in UNSAID and m.case == "plain"
             and m.resolved]
    for m in mentions:
        if m.kind == "pronouns_group" and m.case == "plain":
            m.entities = _group_speaker(m, says, mentions)
            continue
        if m.kind == "pronouns_group" and m.case == "gen" and _owns_own_thing(
                m, toks, owned, counts):
            ents = _group_speaker(m, says + _accusing(cues, toks), mentions, owner=True)
            # not when anyone else was named before it (হিজবুল্লাহকে সতর্ক করে ইসরায়েল
            # জানিয়েছে, তাদের অস্ত্রাগারে …: theirs may be the party warned)
            if not any(n.resolved and n.kind not in UNSAID and n.start < m.start
                       and not set(n.entities) <= set(ents) for n in mentions):
                m.entities = ents
            continue
        if m.kind != "pronouns_self" or m.case == "gen":
            continue  # আমাদের চাপ, আমাদের অর্থনীতি: "our" owns a thing, it does not act
        before = [c for c in says if c.end <= m.start]
        after = [c for c in says if c.start >= m.end]
        speaker: list[Entity] = []
        if before:
            subj = [n for n in named if n.end <= before[-1].start]
            speaker = list(subj[-1].entities) if subj else []
        elif after:
            subj = [n for n in named if n.start >= after[0].end]
            speaker = list(subj[0].entities) if subj else []
        elif disc.speaker and disc.speaker_paragraph == paragraph:
            speaker = list(disc.speaker)
        if m.words and m.words[-1] in we:
            # আমরা, আমাদের ওপর শুল্ক: a leader's or minister's "we" is the state or body
            # they speak for
            speaker = list(dict.fromkeys(body_of(e) or e for e in speaker))
        m.entities = speaker


def _owns_own_thing(m: Mention, toks: Sequence[Token], owned: frozenset[str],
                    counts: frozenset[str]) -> bool:
    """তাদের (একটি) জাহাজে, তাদের প্রতিনিধি দল: "their" before what a state or body has of
    its own (`owned`: vessels, territory, troops, envoys), a number or a counting word
    (`counts`: একটি, কয়েকটি) between allowed."""
    for k in range(m.end, min(m.end + 3, len(toks))):
        word = toks[k].norm
        if any(word.startswith(w) for w in owned):
            return True
        if not (word[:1].isdigit() or word in counts):
            return False
    return False


def _accusing(cues: list[Cue], toks: Sequence[Token]) -> list[Cue]:
    """X অভিযোগ করেছে, …: an accusation that goes on to say what was done, as a saying."""
    return [c for c in cues if c.pred.type == "DISAPPROVE" and c.end < len(toks)
            and toks[c.end].norm == ","]


def _group_speaker(m: Mention, says: list[Cue], mentions: list[Mention],
                   owner: bool = False) -> list[Entity]:
    """হুথিদের বক্তব্য, তারা … আঘাত করেছে: "they" right inside what a state or body says is
    that speaker (the subject before the saying, or the genitive that owns the claim). With
    `owner`, "their" (তাদের জাহাজে) right inside a saying or an accusation: the speaker's,
    when nobody is named between."""
    before = [c for c in says if c.end <= m.start]
    if not before:
        return []
    cue = max(before, key=lambda c: c.end)
    if any(n.resolved and n.kind not in UNSAID and (owner or n.case == "plain")
           and cue.end <= n.start < m.start for n in mentions):
        return []  # রাশিয়া জানিয়েছে, ইউক্রেনীয় সেনারা … এবং তারা …: "they" are those named
    owners = [n for n in mentions if n.resolved and n.kind not in UNSAID and (
        (n.case == "plain" and n.end <= cue.start) or (n.case == "gen" and n.end == cue.start))]
    if not owners:
        return []
    last = owners[-1]
    together = [n for n in owners
                if n is last or (last.group is not None and n.group == last.group)]
    ents = list(dict.fromkeys(e for n in together for e in n.entities))
    return ents if all(e.type in ("Country", "Organization") for e in ents) else []
