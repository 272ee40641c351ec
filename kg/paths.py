"""Where the shipped data lives: seeds/ (lexicons, gazetteers) and ontology/."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    """seeds/ beside the package; KG_SEEDS overrides it (tests, custom lexicons)."""
    return Path(os.environ.get("KG_SEEDS", ROOT / "seeds"))


def ontology_dir() -> Path:
    return Path(os.environ.get("KG_ONTOLOGY", ROOT / "ontology"))
