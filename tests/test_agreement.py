"""Agreement between two gold annotations (kg.agreement, kg evaluate --agreement)."""

import json
import subprocess
import sys

from click.testing import CliRunner

from kg.agreement import agreement
from kg.cli import cli
from kg.evaluate import Matcher
from kg.lang.gazetteer import default_gazetteer

MEET = {"type": ["CONSULT"], "source": ["Q7747", "Vladimir Putin"], "target": ["Q423"],
        "symmetric": True, "required": True}
SAY = {"type": ["STATEMENT"], "source": ["Russia"], "target": [], "required": True}


def doc(*events, name="d1"):
    return {"doc": name, "text": "…", "events": list(events)}


def test_identical_annotations_agree_fully():
    matcher = Matcher(default_gazetteer())
    a = [doc(MEET, SAY)]
    assert agreement(a, a, matcher).f1 == 1.0
    assert agreement(a, a, matcher, strict=True).f1 == 1.0


def test_a_label_and_a_qid_of_one_actor_agree_and_the_sides_may_swap_when_symmetric():
    other = dict(MEET, source=["North Korea"], target=["Vladimir Putin"])
    assert agreement([doc(MEET)], [doc(other)], Matcher(default_gazetteer())).f1 == 1.0


def test_an_event_only_one_annotator_saw_lowers_agreement():
    matcher = Matcher(default_gazetteer())
    ag = agreement([doc(MEET, SAY)], [doc(MEET)], matcher)
    assert ag.first == (1, 2) and ag.second == (1, 1)
    assert 0.6 < ag.f1 < 0.7


def test_strict_wants_the_same_first_type():
    matcher = Matcher(default_gazetteer())
    other = dict(MEET, type=["AGREE", "CONSULT"])
    assert agreement([doc(MEET)], [doc(other)], matcher, strict=True).f1 == 0.0
    assert agreement([doc(MEET)], [doc(other)], matcher).first == (0, 1)  # emits AGREE


def test_the_cli_prints_both_and_refuses_files_without_shared_passages(tmp_path):
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    a.write_text(json.dumps(doc(MEET, SAY)) + "\n", encoding="utf-8")
    b.write_text(json.dumps(doc(MEET)) + "\n", encoding="utf-8")
    c.write_text(json.dumps(doc(MEET, name="other")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(a), "--agreement", str(b)])
    assert result.exit_code == 0 and "1 passages annotated twice" in result.output
    assert "strict" in result.output and "lenient" in result.output
    result = subprocess.run([sys.executable, "-m", "kg.cli", "evaluate", str(a),
                             "--agreement", str(c)], capture_output=True, text=True)
    assert result.returncode != 0 and "share no passage" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
