"""How far a mention reaches and which case the whole phrase takes.

The gazetteer match is only the name; the phrase it heads can go on: an office followed by
a name the gazetteer lacks (মার্কিন কূটনীতিক গ্যাব্রিয়েল এসকোবারকে), a body's member states
(ন্যাটোর সদস্য দেশগুলোর প্রতি), an abbreviation in brackets (… ফোর্সেস (আরএসএফ) এর), a
postposition (রাশিয়ার কাছ থেকে) or "targeting" (X লক্ষ্য করে). The case the extractor reads
is the case of that whole phrase. The words are data (seeds/lexicon/morphology.yaml).
"""

from __future__ import annotations

from functools import cache

from kg.entities.mention import Mention
from kg.lang.lexicon import default_lexicon
from kg.lang.morphology import Morphology
from kg.text.segment import Sentence, Token, norm_token

# Units whose bare singular names one person (মার্কিন কূটনীতিক, রুশ মুখপাত্র).
PERSON_UNITS = frozenset({"ambassador", "diplomat", "spokesperson", "official"})
DETACHED_GENITIVE = frozenset({"এর", "-এর", "’র", "'র", "-র"})
HOWA = norm_token("হওয়া")


def extend(sentence: Sentence, mentions: list[Mention], morph: Morphology) -> None:
    """Each mention's end and case, from the words after its name."""
    for m in mentions:
        _unknown_name_after(sentence, m, mentions, morph)
        _members_of(sentence, m, morph)
    _postpositions(sentence, mentions, morph)


def _unknown_name_after(sentence: Sentence, m: Mention, mentions: list[Mention],
                        morph: Morphology) -> None:
    """মার্কিন কূটনীতিক গ্যাব্রিয়েল এসকোবারকে: an office followed by a name the gazetteer
    does not know is that office holder; the name's case ending is the office's."""
    if m.case != "plain" or m.kind == "name" or not (
            m.kind == "role" or m.role in PERSON_UNITS):
        return  # a name already found (… মুখপাত্র দিমিত্রি পেসকভ নিষেধাজ্ঞাকে) takes no more
    toks = sentence.tokens
    others = {k for o in mentions if o is not m for k in range(o.start, o.end)}
    for k in range(m.end, min(m.end + 3, len(toks))):
        t = toks[k]
        if t.is_punct or k in others or t.norm.isdigit() or morph.lemma(t.norm):
            return
        case = next((c for b, c in morph.analyses(t.norm)[1:] if len(b) >= 2), None)
        if case == "acc" or (case == "gen" and k + 1 < len(toks)
                             and morph.postpositions.get(toks[k + 1].norm)):
            m.end, m.case = k + 1, case
            return
        if case is not None:
            return


def _members_of(sentence: Sentence, m: Mention, morph: Morphology) -> None:
    """ন্যাটোর সদস্য দেশগুলোর প্রতি: a body's member states stand for the body, in the case
    of the whole phrase."""
    toks = sentence.tokens
    k = m.end
    if m.case != "gen" or k + 1 >= len(toks) or toks[k].norm not in morph.word_list("members"):
        return
    heads = morph.word_list("member_heads")
    readings = [(b, c) for b, c in morph.analyses(toks[k + 1].norm) if b in heads]
    if readings:
        m.end, m.case = k + 2, readings[-1][1]


def _targeting(toks: list[Token], k: int, morph: Morphology) -> bool:
    """X (or X's base, position) লক্ষ্য করে: what an attack is aimed at."""
    marker = morph.word_list("targeting")
    for j in (k, k + 1):
        if j + 1 < len(toks) and f"{toks[j].norm} {toks[j + 1].norm}" in marker:
            return j == k or not (toks[k].is_punct or morph.lemma(toks[k].norm))
    return False


def _topic_of(toks: list[Token], k: int, mentions: list[Mention], morph: Morphology) -> bool:
    """X-এর (one to three words) নিয়ে/বিষয়ে/পরিপ্রেক্ষিতে: the genitive owns what a phrase is
    about, so X is what the act concerns, never its subject."""
    taken = {j for o in mentions for j in range(o.start, o.end)}
    for j in range(k, min(k + 4, len(toks))):
        if morph.postpositions.get(toks[j].norm) == "about":
            return j > k
        if toks[j].is_punct or j in taken or morph.lemma(toks[j].norm) or _counted(toks[j]):
            return False
    return False


def _people_of(toks: list[Token], k: int, case: str, mentions: list[Mention],
               morph: Morphology) -> str | None:
    """X-এর (one to three words, its people: `beneficiaries`) জন্য / পাশে: what is done for
    or beside X's families, refugees or victims is done for X. After a place in the
    locative only those hit there (`victims`) count: আফগানিস্তানে ভূমিকম্পে ক্ষতিগ্রস্তদের
    পাশে. An act between ends the phrase (ইসরায়েলের হামলায় ক্ষতিগ্রস্তদের জন্য: Israel
    attacked, it is not helped; লেবাননে বোমা হামলায় …: Lebanon would read as the
    attacker). The word after the people, or None."""
    taken = {j for o in mentions for j in range(o.start, o.end)}
    people = set(morph.word_list("victims" if case == "loc" else "beneficiaries"))
    acts = _event_words()
    for j in range(k, min(k + 3, len(toks) - 1)):
        if toks[j].is_punct or j in taken or morph.lemma(toks[j].norm) or any(
                b in acts for b, _ in morph.analyses(toks[j].norm)):
            return None
        after = toks[j + 1].norm
        if morph.postpositions.get(after) == "for" or after in morph.word_list("beside"):
            hit = any(b in people and c == "gen" for b, c in morph.analyses(toks[j].norm))
            return after if hit else None
    return None


@cache
def _event_words() -> frozenset[str]:
    """The one-word event nouns of the lexicon (হামলা, নিষেধাজ্ঞা, বৈঠক)."""
    return frozenset(n[0] for p in default_lexicon().predicates for n in p.nouns if len(n) == 1)


def _counted(tok: Token) -> bool:
    """পাঁচটি, ৩টি: a number, so X-এর পাঁচটি বিষয়ে is "on X's five matters", not about X."""
    return tok.norm[:1].isdigit() or tok.norm.endswith(("টি", "টা"))


def _government(toks: list[Token], k: int, morph: Morphology) -> bool:
    """X-এর সরকারের (বিরুদ্ধে), নেতানিয়াহু সরকারের: X's government, then a postposition."""
    heads = morph.word_list("governments")
    return k + 1 < len(toks) and bool(morph.postpositions.get(toks[k + 1].norm)) and any(
        b in heads and c == "gen" for b, c in morph.analyses(toks[k].norm))


def _held_by(toks: list[Token], k: int, morph: Morphology) -> bool:
    """X-এর হাতে আটক পণবন্দি: a participle of holding at k that describes the noun after it
    (no হওয়া follows), so X holds them and does not act in the clause."""
    return k + 1 < len(toks) and toks[k].norm in morph.word_list("held_words") and (
        morph.lemma(toks[k + 1].norm) != HOWA)


def _listed_last(toks: list[Token], m: Mention, mentions: list[Mention],
                 morph: Morphology) -> bool:
    """ইসরায়েল ও হামাস: the mention closes a list (another actor, then ও/এবং or a comma,
    right before it); মিসর উভয়কে … is a subject, not a list."""
    joiners = set(morph.word_list("coordinators")) | {","}
    return m.start >= 2 and toks[m.start - 1].norm in joiners and any(
        o.end == m.start - 1 for o in mentions)


def _government_as(toks: list[Token], k: int, mentions: list[Mention],
                   morph: Morphology) -> str | None:
    """The case of a government word at k that is the phrase's head (সরকার, সরকারকে), or
    None: X-এর সরকার acts, or is acted on, as X. The head ends the phrase: punctuation, a
    verb or another actor follows (not নেতানিয়াহুর সরকার পতনের দাবি: the fall of it)."""
    if k >= len(toks):
        return None
    nxt = k + 1
    if nxt < len(toks) and not (toks[nxt].is_punct or morph.lemma(toks[nxt].norm)
                                or any(o.start == nxt for o in mentions)):
        return None
    heads = morph.word_list("governments")
    word = toks[k].norm
    if word in heads:
        return "plain"
    return next((c for b, c in morph.analyses(word) if b in heads and c == "acc"), None)


def _passive_verb(toks: list[Token], k: int, morph: Morphology) -> bool:
    """A verbal noun and হওয়া at k (জানানো হয়): a passive whose agent comes before."""
    return k + 1 < len(toks) and morph.lemma(toks[k].norm) is not None and (
        morph.lemma(toks[k + 1].norm) == HOWA)


def _postpositions(sentence: Sentence, mentions: list[Mention], morph: Morphology) -> None:
    toks = sentence.tokens
    for m in mentions:
        k = m.end
        if k + 1 < len(toks) and toks[k].text == "(" and ")" in (
                t.text for t in toks[k + 1 : k + 5]):
            k = next(j for j in range(k + 1, k + 5) if toks[j].text == ")") + 1  # X (Y)
        if k < len(toks) and toks[k].norm in DETACHED_GENITIVE:
            m.case = "gen"  # র্যাপিড সাপোর্ট ফোর্সেস (আরএসএফ) এর
            k += 1
        if m.case in ("gen", "plain") and _government(toks, k, morph):
            k += 1  # রুটোর সরকারের বিরুদ্ধে: the postposition after the government is X's
        elif m.case == "gen" and (headed := _government_as(toks, k, mentions, morph)):
            m.case = headed  # … ঘোষণা করল শাহবাজ শরিফের সরকার: X's government is X so
            continue
        if m.case == "plain" and k < len(toks) and toks[k].norm in morph.word_list(
                "both_acc") and _listed_last(toks, m, mentions, morph):
            m.case = "acc"  # ইসরায়েল ও হামাস উভয়কেই: the list is addressed
            continue
        if m.case == "plain" and k + 1 < len(toks) and toks[k].norm in morph.word_list(
                "both_gen") and morph.postpositions.get(toks[k + 1].norm) and _listed_last(
                toks, m, mentions, morph):
            k += 1  # তেহরান ও ওয়াশিংটন উভয়ের সঙ্গেই: the postposition is the list's
        if m.case == "gen" and k < len(toks) and any(
                base in morph.word_list("request_nouns") and case == "loc"
                for base, case in morph.analyses(toks[k].norm)):
            # যুক্তরাষ্ট্রের অনুরোধে: who asked for the clause's act; but যুক্তরাষ্ট্রের আহ্বানে
            # অনুষ্ঠিত বৈঠকে: who called the meeting, where others then act
            convened = any(t.norm in morph.word_list("convened") for t in toks[k + 1:k + 4])
            m.case = "convener" if convened else "request_of"
            continue
        if m.case == "plain" and k < len(toks) and toks[k].norm in morph.word_list(
                "topic_heads"):
            m.case = "about"  # মিয়ানমার অনুবিভাগের মহাপরিচালক: the wing's subject
            continue
        if _targeting(toks, k, morph):
            m.case = "on"  # মার্কিন সৈন্যদের অবস্থান লক্ষ্য করে: aimed at
            continue
        if k < len(toks):
            pp = morph.postpositions.get(toks[k].norm)
            if pp == "from" and toks[k].norm != "থেকে" and k + 1 < len(toks):
                k += 1  # কাছ থেকে
            if pp == "for" and _passive_verb(toks, k + 1, morph):
                pp = "by"  # বিএসএফের পক্ষে জানানো হয়: on behalf of (elsewhere, in favour of)
            if pp == "by" and toks[k].norm == "হাতে" and any(
                    t.norm in morph.word_list("handed_over") for t in toks[k + 1:k + 3]):
                pp = "to"  # পাকিস্তানের হাতে তুলে দিয়েছে: handed over to Pakistan
            elif pp == "by" and toks[k].norm == "হাতে" and _held_by(toks, k + 1, morph):
                pp = "held_by"  # হামাসের হাতে আটক পণবন্দিদের মুক্তির দাবিতে: describes them
            if pp:
                m.case = pp
            elif m.case == "gen" and _topic_of(toks, k, mentions, morph):
                m.case = "about"  # বাংলাদেশের মানবাধিকার পরিস্থিতি নিয়ে: what it is about
            elif m.case in ("gen", "loc") and (after := _people_of(toks, k, m.case, mentions,
                                                                   morph)):
                # আফগানিস্তানের এক হাজার পরিবারের জন্য: for its people; আফগানিস্তানে
                # ভূমিকম্পে ক্ষতিগ্রস্তদের পাশে: beside those hit there
                m.case = "for" if morph.postpositions.get(after) == "for" else "gen"
