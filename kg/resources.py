"""Where the language data (seeds/) and the ontology live, installed or in a checkout.

seeds/ and ontology/ at the top of the repository are the one source of the gazetteers,
lexicons and ontology: the wheel carries them as `kg/seeds` and `kg/ontology` (see
pyproject.toml), and a checkout or an editable install reads them in place. KG_SEEDS and
KG_ONTOLOGY (kg.settings) point elsewhere, for tests and custom lexicons.
"""

from __future__ import annotations

from pathlib import Path

from kg.settings import current

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent  # the checkout (meaningful only when not installed as a wheel)


def _shipped(name: str) -> Path:
    inside = PACKAGE / name  # a wheel install
    return inside if inside.is_dir() else ROOT / name


def seeds_dir() -> Path:
    """The language data: gazetteers, lexicons, treebank, example articles."""
    return current().seeds or _shipped("seeds")


def ontology_dir() -> Path:
    return current().ontology or _shipped("ontology")
