"""Dates in a sentence, resolved against the document date.

মঙ্গলবার (১৮ জুন) → the document's year; a bare weekday → the latest such day on or
before the document date; ১৯৬১ সালের → the year 1961 (and the event is historical).
Month names are matched by prefix, so a typo like জুনন still reads as June.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from kg.lang.morphology import _load_yaml
from kg.resources import seeds_dir
from kg.text.segment import Token, norm_token


@dataclass(frozen=True, slots=True)
class DateMention:
    value: str  # ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY
    year: int | None
    explicit_year_only: bool
    past: bool = False  # গত ৫ আগস্ট: a date of the sentence, not the story's current date


class Calendar:
    def __init__(self, data: dict) -> None:
        self.months = {norm_token(n): int(m) for m, names in data["months"].items() for n in names}
        self.weekdays = {
            norm_token(n): int(d) for d, names in data["weekdays"].items() for n in names
        }
        self.relative = {norm_token(k): int(v) for k, v in data["relative_days"].items()}
        self.year_words = {norm_token(w) for w in data["year_words"]}
        self.anchors_after = {norm_token(w) for w in data.get("anchors_after", [])}
        self.past_markers = {norm_token(w) for w in data.get("past_markers", [])}
        self._month_of: dict[str, int | None] = {}

    def month(self, word: str) -> int | None:
        """The month a word names (inflected or mistyped forms too); memoised, since the
        prefix scan below runs over every month name for every word asked."""
        if word in self._month_of:
            return self._month_of[word]
        found = self._month(word)
        if len(self._month_of) < 500_000:
            self._month_of[word] = found
        return found

    def _month(self, word: str) -> int | None:
        if word in self.months:
            return self.months[word]
        for name, m in self.months.items():
            # inflected or mistyped forms: জুনের, জুনে, জুনন
            if len(name) >= 2 and word.startswith(name) and len(word) - len(name) <= 2:
                return m
        return None

    def _anchor(self, words: list[str], end: int) -> bool:
        """… ৫ আগস্টের পর: a reference point, not when the told event happens."""
        nxt = words[end] if end < len(words) else ""
        return nxt in self.anchors_after or any(nxt.startswith(a) for a in ("পর", "আগে"))

    def find(self, tokens: list[Token], doc_date: dt.date | None,
             future: bool = False) -> DateMention | None:
        """The first date of a sentence; `future` turns a bare weekday forward
        (শনিবার … বৈঠক করবেন: the coming Saturday)."""
        words = [t.norm for t in tokens]
        ref_year = doc_date.year if doc_date else None
        for i, w in enumerate(words):
            if w.isdecimal() and 1 <= int(w) <= 31 and i + 1 < len(words):
                month = self.month(words[i + 1])
                if month:
                    year, end = ref_year, i + 2
                    if i + 2 < len(words) and words[i + 2].isdecimal() and len(words[i + 2]) == 4:
                        year, end = int(words[i + 2]), i + 3
                    if self._anchor(words, end):
                        continue
                    past = i > 0 and words[i - 1] in self.past_markers
                    day = _day(year, month, int(w))
                    if day is not None and doc_date is not None and year == ref_year and \
                            day.value > doc_date.isoformat() and past:
                        day = _day(year - 1, month, int(w))  # গত ডিসেম্বর in a January report
                    return DateMention(day.value, day.year, False, past) if day else None
        for i, w in enumerate(words):
            if w.isdecimal() and len(w) == 4 and i + 1 < len(words):
                if words[i + 1] in self.year_words:
                    return DateMention(w, int(w), True)
        if doc_date is not None:
            for i, w in enumerate(words):
                base = w[:-1] if w.endswith(("ে", "র")) and w[:-1] in self.weekdays else w
                if base in self.weekdays:
                    if future:
                        delta = (self.weekdays[base] - doc_date.weekday()) % 7
                        day = doc_date + dt.timedelta(days=delta)
                    else:
                        delta = (doc_date.weekday() - self.weekdays[base]) % 7
                        day = doc_date - dt.timedelta(days=delta)
                    return DateMention(day.isoformat(), day.year, False)
                key = f"{w} {words[i + 1]}" if i + 1 < len(words) else w
                for k in (key, w):
                    if k in self.relative:
                        day = doc_date + dt.timedelta(days=self.relative[k])
                        return DateMention(day.isoformat(), day.year, False)
        return None


def document_date(calendar: Calendar, sentences: list[list[Token]]) -> dt.date | None:
    """The date a text was written, when it does not say so in its metadata: the latest
    full date (day, month, year) the text gives (শুক্রবার (৬ সেপ্টেম্বর, ২০২৫)); reports
    tell of their own day and of earlier ones, rarely of later ones. None if none."""
    found = []
    for toks in sentences:
        words = [t.norm for t in toks if t.norm not in (",", "(", ")")]
        for i in range(len(words) - 2):
            w, month, year = words[i], calendar.month(words[i + 1]), words[i + 2]
            if (w.isdecimal() and 1 <= int(w) <= 31 and month and year.isdecimal()
                    and len(year) == 4):
                try:
                    found.append(dt.date(int(year), month, int(w)))
                except ValueError:
                    continue
    return max(found) if found else None


def _day(year: int | None, month: int, day: int) -> DateMention | None:
    if year is None:
        return DateMention(f"--{month:02d}-{day:02d}", None, False)
    try:
        return DateMention(dt.date(year, month, day).isoformat(), year, False)
    except ValueError:
        return None


@cache
def default_calendar() -> Calendar:
    return Calendar(_load_yaml(seeds_dir() / "lexicon" / "calendar.yaml"))
