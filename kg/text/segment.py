"""Stage 1: text → normalised document → sentences → tokens with character offsets.

Offsets always point into the NFC-normalised document text, because that is what the
event schema's `span` is defined against. Matching, however, needs more clean-up than
NFC (zero-width joiners, Bengali digits, two spellings of য়/ড়/ঢ়), so each token carries
both its surface text and a `norm` form used by every later stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

BENGALI_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200c\u200d\u200b\ufeff\u00ad"))

# Sentence terminators: danda, double danda, question and exclamation marks, and U+09F7
# (৷, a currency sign that some outlets' keyboards type for the danda; found in 3 of the
# 224 dev passages, where each whole passage had become one sentence).
TERMINATORS = frozenset("।॥৷?!")
OPEN_QUOTES = frozenset("‘“«")
CLOSE_QUOTES = frozenset("’”»")
TOGGLE_QUOTES = frozenset("'\"")
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | TOGGLE_QUOTES
# The longest sentence kg reads, in tokens. Real news sentences stay under 60 tokens (the
# longest of seeds/news/dev and the gold files is 57; of the 6,561 sentences of the
# Daffodil news corpus, 10 reach 80); a run without sentence ends (a scraped page, a text
# that lost its dandas) is cut into pieces of at most this many, because the parse and
# role search grow faster than linearly with sentence length: before the cap, 20 KB
# without a danda took 113 s and 4 GB to build, 40 KB ran out of memory (issue 12, item
# 4). At 80 rather than 120, 10 MB of such text builds in 27 s instead of 33 (N-Quads,
# benchmarks/bench_limits.py), and finds 50,773 events instead of 56,737: the pieces of a
# text without sentence ends are arbitrary either way.
MAX_SENTENCE_TOKENS = 80
CLAUSE_BREAKS = frozenset(",;")
# Punctuation split off as its own token. The hyphen stays inside words (এফ-সিক্সটিন); one
# ending a word is a dash, a token of its own (below).
PUNCT = TERMINATORS | QUOTES | frozenset(",;:()[]{}—–…/")
_WORD = "[^\\s" + re.escape("".join(sorted(PUNCT))) + "-]"
_TOKEN_RE = re.compile(
    "|".join(
        [
            r"\.\.\.",
            "[" + re.escape("".join(sorted(PUNCT))) + "]",
            # a hyphen joins the parts of a word (ভারত-চিন, এফ-সিক্সটিন) and opens a detached
            # case ending (আরএসএফ -এর); one ending a word is a dash (বলছে- রাশিয়া,
            # বলেন-‘…’) and stands alone
            "(?:" + _WORD + "|-(?=" + _WORD + "))+",
            "-",
        ]
    )
)


def normalize(raw: str) -> str:
    """Unicode NFC: the form every offset refers to.

    NFC turns the precomposed য় ড় ঢ় (U+09DF/09DC/09DD) into consonant + nukta, since
    they are composition exclusions; doing it once here makes both spellings equal.
    """
    return unicodedata.normalize("NFC", raw)


@lru_cache(maxsize=262_144)  # every stage asks; news repeats its words
def norm_token(text: str) -> str:
    """Matching form of a token: NFC, no zero-width characters, ASCII digits."""
    return normalize(text).translate(ZERO_WIDTH).translate(BENGALI_DIGITS)


@dataclass(slots=True)
class Token:
    """One word or punctuation mark; `start`/`end` index the NFC document."""

    text: str
    start: int
    end: int
    norm: str
    in_quote: bool = False

    @property
    def is_punct(self) -> bool:
        return self.text in PUNCT or self.text == "-"


@dataclass(slots=True)
class Sentence:
    """A sentence with its tokens; `quoted` marks text inside quotation marks."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    paragraph: int = 0
    quote_open_at_start: bool = False

    @property
    def quoted(self) -> bool:
        words = [t for t in self.tokens if not t.is_punct]
        return bool(words) and all(t.in_quote for t in words)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Whitespace/punctuation tokenisation that keeps Bengali combining marks inside words.

    Python's `\\w` splits Bengali words at vowel signs and the virama, so words are
    runs of anything that is neither space nor punctuation.
    """
    return _join_elisions([
        Token(m.group(), offset + m.start(), offset + m.end(), norm_token(m.group()))
        for m in _TOKEN_RE.finditer(text)
    ], text, offset)


class _QuoteState:
    """Tracks whether the reader is inside a quotation; reset at every paragraph."""

    def __init__(self) -> None:
        self.open = False

    def see(self, tok: Token, text: str, offset: int = 0) -> None:
        """Read the quote mark `tok` of `text` (which starts at document offset `offset`);
        a straight quote's sense depends on the character before it."""
        ch, k = tok.text, tok.start - offset
        prev = text[k - 1] if k > 0 else ""
        if ch in OPEN_QUOTES:
            self.open = True
        elif ch in CLOSE_QUOTES:
            self.open = False
        elif ch in TOGGLE_QUOTES:
            # A straight quote opens after space/punctuation and closes before it.
            if not self.open and (not prev or prev.isspace() or prev in PUNCT):
                self.open = True
            elif self.open:
                self.open = False


BENGALI = re.compile("[\u0980-\u09ff]")
# Bengali letters, vowel signs and digits (not the danda-like ৷ or the currency signs)
LETTER = re.compile("[\u0985-\u09e3\u09e6-\u09f1]")


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Non-empty lines that hold Bengali script: no other line can hold an event, and
    skipping them keeps a large non-Bengali input from costing memory and time."""
    for m in re.finditer(r"[^\n]+", text):
        if BENGALI.search(m.group()):
            yield m.start(), m.end()


def split_sentences(text: str) -> list[Sentence]:
    """Split an NFC document on । ? ! and line breaks, keeping quotes with their sentence.

    A closing quote after a terminator belongs to the sentence it closes; a terminator
    followed by a closing quote and a comma (‘…!’, তিনি বলেন) does not end the sentence.
    Sentences inside a quotation are kept apart (for precise evidence) but their tokens
    are marked `in_quote` so that later stages know the words are reported speech.
    """
    sentences: list[Sentence] = []
    for pindex, (pstart, pend) in enumerate(_paragraphs(text)):
        tokens = tokenize(text[pstart:pend], pstart)
        quotes = _QuoteState()
        current: list[Token] = []
        opened_at_start = False
        for i, tok in enumerate(tokens):
            if not current:
                opened_at_start = quotes.open
            if tok.text in QUOTES:
                quotes.see(tok, text)
                tok.in_quote = True
            else:
                tok.in_quote = quotes.open
            current.append(tok)
            if _ends_sentence(tokens, i, quotes.open):
                sentences.append(_make_sentence(text, current, pindex, opened_at_start))
                current = []
            elif len(current) >= MAX_SENTENCE_TOKENS:
                head, current = _cut(current)
                sentences.append(_make_sentence(text, head, pindex, opened_at_start))
                opened_at_start = current[0].in_quote if current else quotes.open
        if current:
            sentences.append(_make_sentence(text, current, pindex, opened_at_start))
    for i, s in enumerate(sentences):
        s.index = i
    return sentences


ELISIONS = frozenset("’'")
# Case endings and classifiers put after an apostrophe (বিবিসি’র, এএফপি’কে, দু’টি)
ELIDED_ENDINGS = frozenset({"র", "এর", "ের", "কে", "দের", "রা", "তে", "য়", "এ", "টি", "টা",
                            "জন", "জনকে"})


def _join_elisions(tokens: list[Token], text: str, offset: int) -> list[Token]:
    """দু’পক্ষের, দু’দেশের, বিবিসি’র, ইউএই’র: an apostrophe glued between two Bengali
    letters, with no quotation open and a short part on one side (দু, or a case ending),
    marks letters left out or a case ending put on an abbreviation; it is part of the
    word, not a quote, and the word matches without it (দুপক্ষের, ইউএইর). With a
    quotation open it closes it (‘সন্ত্রাসী’দের); between two long words it opens one
    (বলেন'যুক্তরাষ্ট্রের …')."""
    quotes, out, i = _QuoteState(), [], 0
    while i < len(tokens):
        tok = tokens[i]
        if (tok.text in ELISIONS and not quotes.open and out and i + 1 < len(tokens)
                and out[-1].end == tok.start and tokens[i + 1].start == tok.end
                and LETTER.match(text[tok.start - offset - 1])
                and LETTER.match(text[tok.end - offset])
                and (len(out[-1].text) <= 2 or tokens[i + 1].norm in ELIDED_ENDINGS)):
            prev, nxt = out.pop(), tokens[i + 1]
            out.append(Token(text[prev.start - offset:nxt.end - offset], prev.start, nxt.end,
                             prev.norm + nxt.norm))
            i += 2
            continue
        if tok.text in QUOTES:
            quotes.see(tok, text, offset)
        out.append(tok)
        i += 1
    return out


def _cut(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """A run too long to be one sentence, cut after its last comma or semicolon in the
    second half (a clause boundary), else at the cap; the rest starts the next run."""
    for k in range(len(tokens) - 1, len(tokens) // 2, -1):
        if tokens[k].text in CLAUSE_BREAKS:
            return tokens[:k + 1], tokens[k + 1:]
    return tokens, []


def _ends_sentence(tokens: list[Token], i: int, quote_open: bool) -> bool:
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.text in TERMINATORS:
        # Keep a closing quote (or a run of terminators) with this sentence.
        return nxt is None or (nxt.text not in TERMINATORS and nxt.text not in QUOTES)
    if tok.text in CLOSE_QUOTES or (tok.text in TOGGLE_QUOTES and not quote_open):
        prev = tokens[i - 1] if i > 0 else None
        if prev is not None and prev.text in TERMINATORS:
            return nxt is None or nxt.text != ","
    return False


def _make_sentence(text: str, toks: list[Token], paragraph: int, quote_open: bool) -> Sentence:
    start, end = toks[0].start, toks[-1].end
    return Sentence(0, start, end, text[start:end], toks, paragraph, quote_open)
