"""Event type rules: the lexicon gives each predicate a type; these rules change it where
the sentence says more. Each rule is a small function registered in TYPE_RULES, applied
in order; a new special case is a new function here plus, usually, a key in
predicates.yaml (`at_country`, `goods`, `future`, `mode_words`).
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.clauses import taken_up
from kg.extract.cues import Cue
from kg.extract.state import Event
from kg.lang.data import LanguageData
from kg.text.segment import Token

# Acts that can be aimed at a place (গাজায় হামলা, রাফাহ শহরে হামলার হুমকি); other acts need
# an actor as target.
PLACE_TARGETS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "THREATEN"})
# Frames whose source is who says it (the quote's speaker or the reporting verb's subject)
# and whose named actors are the target: calling X a threat, saying X should act.
SAID_FRAMES = frozenset({"threat_call", "said_of", "must"})

TypeRule = Callable[[LanguageData, Event, Cue, list[Token]], None]
TYPE_RULES: list[TypeRule] = []


def type_rule(fn: TypeRule) -> TypeRule:
    TYPE_RULES.append(fn)
    return fn


def adjust_type(lang: LanguageData, ev: Event, cue: Cue, toks: list[Token]) -> None:
    for rule in TYPE_RULES:
        rule(lang, ev, cue, toks)


def _retype(ev: Event, change: dict) -> None:
    ev.type = change.get("type", ev.type)
    ev.cameo = str(change.get("cameo", ev.cameo))
    ev.relation = change.get("relation", ev.relation)


def has_goods(lang: LanguageData, toks: list[Token], clause: list[int] | None, cue: Cue) -> bool:
    """A goods noun (অস্ত্র, খাদ্য) in the cue's clause (or sentence, without clauses)."""
    return _in_clause(lang, lang.lex.goods, toks, clause, cue)


def has_claim(lang: LanguageData, toks: list[Token], clause: list[int] | None, cue: Cue) -> bool:
    """A word for what is said or proposed (অভিযোগ, দাবি, প্রস্তাব) in the cue's clause:
    what উড়িয়ে দেওয়া dismisses (a building so treated is blown up, not dismissed); or in
    the relative clause a correlative in the cue's clause takes up (যুক্তরাষ্ট্র যে প্রস্তাব
    দিয়েছে তা …)."""
    if has_class_word(lang, "claims", toks, clause, cue):
        return True
    if not clause:
        return False
    rel = taken_up(lang, toks, clause, cue.start, clause[cue.noun_end - 1])
    claims = lang.lex.word_classes.get("claims", set())
    return rel is not None and any(
        clause[k] == rel and any(b in claims for b, _ in lang.morph.analyses(t.norm))
        for k, t in enumerate(toks))


def owns_claim(lang: LanguageData, toks: list[Token], end: int, cue: Cue) -> bool:
    """X-এর (পাঁচ দফা) প্রস্তাব প্রত্যাখ্যান: a word for a claim or proposal within three
    words between a genitive ending at `end` and the cue, so the genitive owns what the act
    answers. A claim word in the locative names where it is said (ইরানের বক্তব্যে … নিন্দা:
    Iran condemns), so does not count."""
    if not 0 < cue.start - end <= 3:
        return False
    claims = lang.lex.word_classes.get("claims", set())
    return any(b in claims and case != "loc" for t in toks[end:cue.start]
               for b, case in lang.morph.analyses(t.norm))


def has_class_word(lang: LanguageData, name: str, toks: list[Token],
                   clause: list[int] | None, cue: Cue) -> bool:
    """A word of predicates.yaml's word class `name` in the cue's clause (a `class:` need)."""
    return _in_clause(lang, lang.lex.word_classes.get(name, set()), toks, clause, cue)


def _in_clause(lang: LanguageData, words: set[str], toks: list[Token],
               clause: list[int] | None, cue: Cue) -> bool:
    cl = clause[cue.noun_end - 1] if clause else None
    for k, t in enumerate(toks):
        if clause and clause[k] != cl:
            continue
        if any(base in words for base, _ in lang.morph.analyses(t.norm)):
            return True
    return False


@type_rule
def at_country(lang: LanguageData, ev: Event, cue: Cue, toks: list[Token]) -> None:
    """Missiles fired at a country are an assault, not a show of force."""
    if cue.pred.at_country and any(t.type == "Country" for t in ev.targets):
        _retype(ev, cue.pred.at_country)


@type_rule
def goods(lang: LanguageData, ev: Event, cue: Cue, toks: list[Token]) -> None:
    """Support or supply with arms, food or fuel named is aid."""
    if cue.pred.goods and has_goods(lang, toks, None, cue):
        _retype(ev, cue.pred.goods)
        ev.mode = "military" if ev.type == "AID" else ev.mode


@type_rule
def mode_word(lang: LanguageData, ev: Event, cue: Cue, toks: list[Token]) -> None:
    """সামরিক সহায়তা, অর্থনৈতিক সহযোগিতা: a mode word refines mode and CAMEO code."""
    if cue.start > 0 and cue.is_noun:
        words = lang.lex.mode_words
        word = words.get(toks[cue.start - 1].norm)
        word = word or next((words[w] for w in [toks[cue.start].norm] if w in words), None)
        if word:
            ev.mode = word.get("mode", ev.mode)
            ev.cameo = str(word.get(ev.type, ev.cameo))


def _offered(lang: LanguageData, toks: list[Token], cue: Cue) -> bool | None:
    """সহযোগিতা করতে প্রস্তুত: True (the act is offered); প্রস্তুত নয়, করতে নারাজ: False
    (refused); None
    when the cue's verb is no infinitive before a word of readiness."""
    if cue.gov is None or cue.gov + 1 >= len(toks) or not toks[cue.gov].norm.endswith("তে"):
        return None
    if toks[cue.gov + 1].norm in lang.morph.word_list("unwilling_words"):
        return False  # মানতে নারাজ: unwilling, a refusal
    if toks[cue.gov + 1].norm not in lang.morph.word_list("ready_words"):
        return None
    after = toks[cue.gov + 2].norm if cue.gov + 2 < len(toks) else ""
    return after not in lang.morph.word_list("negative_words")


@type_rule
def promised(lang: LanguageData, ev: Event, cue: Cue, toks: list[Token]) -> None:
    """Cooperation in the future tense is a promise (AGREE), as the schema codes it; so is
    cooperation one is ready to give (সহযোগিতা করতে প্রস্তুত চীন: an offer, CAMEO 03)."""
    gov = toks[cue.gov].norm if cue.gov is not None else ""
    nxt = toks[cue.gov + 1].norm if cue.gov is not None and cue.gov + 1 < len(toks) else ""
    ready = _offered(lang, toks, cue) is True
    if cue.pred.future and gov and (ready or lang.morph.features(gov).future) and (
            cue.light_lemma not in ("পাওয়া", "আসা")):
        if cue.pred.future.get("type") == "THREATEN" and lang.morph.features(gov, nxt).negated:
            return  # হামলা চালাবে না: "will not attack" threatens nobody
        _retype(ev, cue.pred.future)


# A cooperative act announced as not to be done (আলোচনায় বসবে না, স্বীকৃতি দেয় না, রাজি নয়)
# is a refusal: CAMEO 12x by what is refused. A past act not done (সই করেনি) stays a
# negated event: it tells what did not happen, not that anyone refused; but consent not
# given (রাজি হয়নি, মেনে নেয়নি) is a refusal in any tense.
CONSENT = frozenset({"agree-to", "accept", "accept-unwilling"})
REFUSED = {"CONSULT": "125", "SUPPORT": "120", "AGREE": "120", "COOPERATE": "121",
           "AID": "122", "RETREAT": "124", "CONCEDE": "124"}


@type_rule
def refused(lang: LanguageData, ev: Event, cue: Cue, toks: list[Token]) -> None:
    if ev.type not in REFUSED or cue.gov is None or cue.anaphoric:
        return
    gov = toks[cue.gov].norm
    nxt = toks[cue.gov + 1].norm if cue.gov + 1 < len(toks) else ""
    # consenting not given is refused whenever (রাজি হয়নি, মেনে নেয়নি)
    consent = cue.pred.id in CONSENT
    unready = _offered(lang, toks, cue) is False  # সহযোগিতা করতে প্রস্তুত নয়
    if unready or lang.morph.features(gov, nxt).negated and (
            consent or not lang.morph.past_negative(gov, nxt)):
        _retype(ev, {"type": "REJECT", "cameo": REFUSED[ev.type], "relation": "refused"})
        ev.refused = True


@type_rule
def joint(lang: LanguageData, ev: Event, cue: Cue, toks: list[Token]) -> None:
    """সিউল ও ওয়াশিংটন মহড়া চালাবে: done by two or more together, each with the others."""
    if cue.pred.joint and len(ev.sources) > 1 and not ev.targets:
        _retype(ev, cue.pred.joint)
        ev.targets = list(ev.sources)


@type_rule
def word_class(lang: LanguageData, ev: Event, cue: Cue, toks: list[Token]) -> None:
    """রাষ্ট্রদূতকে প্রত্যাহার: what is withdrawn says what the act is (recalling an envoy
    reduces relations); predicates.yaml `retype` names the word class and the new type."""
    for change in cue.pred.retype:
        words = lang.lex.word_classes.get(change.get("class", ""), set())
        kinds = set(change.get("target_kinds", []))
        # `before`: the word must be the act's content, within two words before the cue
        where = toks[max(0, cue.start - 2):cue.start] if change.get("before") else toks
        if words and any(b in words for t in where for b, _ in lang.morph.analyses(t.norm)):
            _retype(ev, change)
            return
        if kinds and any(t.kind in kinds for t in ev.targets):
            _retype(ev, change)
            return
