"""Standard event-data codes: Goldstein scores of CAMEO codes, CAMEO and ISO codes of states.

Analysts compare kg's events with GDELT, ICEWS and Phoenix through these codes, so they
come from the published tables (seeds/codes/, sources and licences in its README), never
from kg's own judgement. A code that is not in a table is None: a missing code is
harmless, a wrong one is not.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import KgError
from kg.resources import seeds_dir


@dataclass(frozen=True, slots=True)
class StateCodes:
    """The codes of one state: ISO 3166-1 alpha-3 and the CAMEO country code."""

    iso3: str | None
    cameo: str | None


def _rows(path: Path) -> list[dict[str, str]]:
    """A TSV with a header line after any `#` comment lines."""
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln and not ln.startswith("#")]
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def goldstein_table() -> dict[str, float]:
    """CAMEO code → Goldstein score (seeds/codes/cameo_goldstein.tsv)."""
    path = seeds_dir() / "codes" / "cameo_goldstein.tsv"
    table: dict[str, float] = {}
    for n, row in enumerate(_rows(path), 2):
        try:
            table[row["cameo"]] = float(row["goldstein"])
        except (KeyError, TypeError, ValueError):
            raise KgError(f"{path}: row {n} is not 'cameo<TAB>score'") from None
    return table


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein score of a CAMEO event code; None for no code or an unknown one.

    Only exact codes: the table lists every code of CAMEO 1.1b3 at each of its levels, so
    a code missing from it is not CAMEO and guessing from its parent would hide that."""
    if not cameo:
        return None
    return goldstein_table().get(cameo)


@cache
def state_codes() -> dict[str, StateCodes]:
    """Wikidata QID → codes of the state (seeds/codes/actor_codes.tsv)."""
    path = seeds_dir() / "codes" / "actor_codes.tsv"
    out: dict[str, StateCodes] = {}
    for row in _rows(path):
        qid = (row.get("qid") or "").strip()
        if qid:
            out[qid] = StateCodes(row.get("iso3") or None, row.get("cameo") or None)
    return out


def codes_of(qid: str | None) -> StateCodes | None:
    """The codes of the state with this QID, None when it is no state kg knows codes of."""
    return state_codes().get(qid) if qid else None
