"""End to end, byte for byte: `kg build` and `kg extract` on seeds/articles give exactly the
committed golden files (tests/data/golden), in fresh processes, whatever the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import DATA, SEED_ARTICLES

GOLDEN = DATA / "golden"
RUNS = [
    ("seed-articles.ttl", ["build", "-o", "{out}"], "0"),
    ("seed-articles.ttl", ["build", "-o", "{out}"], "4242"),
    ("seed-articles.rules.ttl", ["build", "--no-parse", "-o", "{out}"], "17"),
    ("seed-articles.jsonl", ["extract", "-o", "{out}"], "99"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("golden", "args", "hashseed"), RUNS)
def test_output_is_byte_identical_to_golden(tmp_path, golden, args, hashseed):
    out = tmp_path / golden
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    for key in ("KG_NO_PARSE", "KG_SEEDS", "KG_ONTOLOGY", "KG_NO_NER_ACTORS"):
        env.pop(key, None)
    cmd = [sys.executable, "-m", "kg.cli", args[0], str(SEED_ARTICLES),
           *[a.format(out=out) for a in args[1:]]]
    subprocess.run(cmd, check=True, env=env, capture_output=True, cwd=tmp_path)
    if os.environ.get("KG_UPDATE_GOLDEN"):
        (GOLDEN / golden).write_bytes(out.read_bytes())
    assert out.read_bytes() == (GOLDEN / golden).read_bytes(), (
        f"{golden} changed; if on purpose: KG_UPDATE_GOLDEN=1 pytest tests/test_golden.py")
