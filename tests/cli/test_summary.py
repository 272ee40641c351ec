"""The small things of issue 14: the build summary counts what the file holds, says
"1 document", `kg -V` works, and shell completion (documented in the README) answers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import __version__
from kg.cli import cli
from tests.conftest import SEED_ARTICLE

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
           ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
           ".jsonld": ox.RdfFormat.JSON_LD}


def _triples_in_summary(output: str) -> int:
    return int(re.search(r"\((?:\w|-)+, (\d+) triples\)", output).group(1))


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_summary_counts_the_statements_the_file_holds(tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    result = CliRunner().invoke(cli, ["build", str(SEED_ARTICLE), "--no-parse", "-o", str(out)])
    assert result.exit_code == 0, result.output
    in_file = len(list(ox.parse(path=str(out), format=FORMATS[suffix])))
    assert _triples_in_summary(result.output) == in_file


def test_append_of_one_document_says_document(tmp_path):
    doc = tmp_path / "one.jsonl"
    doc.write_text(json.dumps({"id": "one", "date": "2024-05-17",
                               "text": "বেইজিংয়ে সি চিন পিংয়ের সঙ্গে বৈঠক করেছেন পুতিন।"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(doc), "--no-parse", "--append",
                                      str(tmp_path / "g.trig")])
    assert result.exit_code == 0, result.output
    assert "from 1 document, 1 event\n" in result.output
    assert "documents: 1 added, 0 replaced, 0 kept" in result.output
    assert "canonical events: 1 " in result.output


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_flags(flag):
    result = CliRunner().invoke(cli, [flag])
    assert result.exit_code == 0 and result.output.strip() == f"kg, version {__version__}"


def test_shell_completion_answers_as_the_readme_says():
    env = {**os.environ, "_KG_COMPLETE": "bash_complete", "COMP_WORDS": "kg export ",
           "COMP_CWORD": "2"}
    proc = subprocess.run([sys.executable, "-c", "import sys; sys.argv[0] = 'kg';"
                           "from kg.cli import main; main()"],
                          env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().split() == ["plain,events", "plain,graph"]
