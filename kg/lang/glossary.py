"""Bengali → English words for labelling agreements (seeds/lexicon/glossary.tsv)."""

from __future__ import annotations

import csv
from functools import cache

from kg.resources import seeds_dir
from kg.text.segment import norm_token


@cache
def default_glossary() -> dict[str, str]:
    path = seeds_dir() / "lexicon" / "glossary.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {norm_token(r["bn"]): r["en"] for r in csv.DictReader(fh, delimiter="\t")}
