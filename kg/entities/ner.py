"""People the gazetteer does not know, from the NER model's PER spans."""

from __future__ import annotations

from kg.entities.mention import Mention
from kg.lang.gazetteer import Entity
from kg.lang.morphology import Morphology
from kg.parse.tree import Parse
from kg.text.segment import Sentence

NER_TYPES = {"PER": "Person"}
VOWEL_SIGNS = ("া", "ি", "ী", "ু", "ূ", "ৃ", "ে", "ৈ", "ো", "ৌ")


def ner_mentions(sent: Sentence, mentions: list[Mention], parse: Parse, morph: Morphology,
                 blocked: set[int] = frozenset(),
                 named: tuple[Entity, ...] = ()) -> list[Mention]:
    """PER spans of two or more words (a full name: a spokesperson, a minister) become
    mentions of a node with the Bengali name and no QID (a wrong QID is worse than none).
    Measured on the held-out gold, single-word and ORG spans added more false events than
    they found, so they are left out. Spans over a known mention or a predicate cue
    (`blocked` tokens) are model errors and are skipped; words at a span's edges the tagger
    does not call proper nouns (মুকুল বিগত: "Mukul, last …") are not the name. A span that
    begins the Bengali name of a person the document names elsewhere (`named`: কিম জং after
    কিম জং উন) is that person."""
    taken = {i for m in mentions for i in range(m.start, m.end)} | set(blocked)
    extra = []
    for start, end, kind in parse.entities:
        start, end = _proper_core(parse, start, end)
        if kind not in NER_TYPES or end - start < 2 or taken.intersection(range(start, end)):
            continue
        if any(t.is_punct or t.norm[:1].isdigit() for t in sent.tokens[start:end]):
            continue
        word = sent.tokens[end - 1].norm
        base, case = name_base(word, morph)
        if word[len(base):] == "র" and "Case=Gen" not in parse.words[end - 1].feats:
            base, case = word, "plain"  # প্রণয় কুমার, ইউসুফ আল বশির: the tagger knows better
        role = _role_before(mentions, start)
        if role is not None:
            role.end, role.case = end, case  # ইরানের পররাষ্ট্রমন্ত্রী আব্বাস আরাকচি
            continue
        words = [t.norm for t in sent.tokens[start : end - 1]] + [base]
        name = " ".join(words)
        known = _named_person(words, named)
        if known is not None:
            extra.append(Mention(start, end, case, "name", candidates=[known]))
            continue
        entity = Entity(key="bn:" + name, wikidata=None, label=name, label_bn=name,
                        type=NER_TYPES[kind], names_bn=[name])
        extra.append(Mention(start, end, case, "ner", candidates=[entity]))
    return sorted(mentions + extra, key=lambda m: m.start)


def name_base(word: str, morph: Morphology) -> tuple[str, str]:
    """The last word of a name without its case ending, and the case (আরাকচিকে → আরাকচি,
    acc). Only a name's endings are cut (morphology.yaml `name_endings`), never a plural
    (শারা stays), and a bare র only after a vowel sign (পলিয়ানস্কির, not শঙ্কর)."""
    for ending in morph.word_list("name_endings"):
        base = word[: -len(ending)]
        if not word.endswith(ending) or len(base) < 2:
            continue
        if ending.startswith("র") and not base.endswith(VOWEL_SIGNS):
            continue
        return base, "acc" if ending.startswith("ক") else "gen"
    return word, "plain"


def _role_before(mentions: list[Mention], start: int) -> Mention | None:
    """A state's office right before the name (রুশ উপ-রাষ্ট্রদূত দিমিত্রি পলিয়ানস্কি): the name
    is its holder's, so the office speaks for them, linked to the state the text names (or
    to the holder the gazetteer knows for the document's year), not a second actor. Not an
    office with a case of its own (চীনের রাষ্ট্রদূতকে জসিম উদ্দিন আহমেদ তলব করেছেন: the
    name after it is someone else)."""
    for m in mentions:
        if m.end == start and m.case == "plain" and (
                (m.kind == "role" and m.affiliation is not None)
                or (m.kind == "unit" and m.candidates)):
            return m
    return None


def _proper_core(parse: Parse, start: int, end: int) -> tuple[int, int]:
    """The span without edge words the tagger does not call proper nouns."""
    words = parse.words
    while start < end and words[start].upos != "PROPN":
        start += 1
    while end > start and words[end - 1].upos != "PROPN":
        end -= 1
    return start, end


def _named_person(words: list[str], named: tuple[Entity, ...]) -> Entity | None:
    """The one person named in the document whose Bengali name begins with `words`."""
    found = {e for e in named if e.type == "Person" and any(
        n.split()[: len(words)] == words for n in e.names_bn)}
    return found.pop() if len(found) == 1 else None
