"""`kg viz --since/--until`: a time slice draws only the events of its period, says so
in its default title, and a bad date is one line and exit 2 (issue 14)."""

from __future__ import annotations

import sys

import pytest

from tests.query.small_graph import node
from tests.viz.test_cli import run, vis_data

A, B, C, D, E, F, P = map(node, "ABCDEFP")  # tests/viz/conftest.py's actors


@pytest.mark.parametrize(("args", "pairs"), [
    (["--since", "2023-04"], {frozenset((D, E)), frozenset((F, P))}),
    (["--until", "2023-02-01"], {frozenset((A, B)), frozenset((B, C))}),
    (["--since", "2023-02", "--until", "2023-03"], {frozenset((B, C)), frozenset((A, C))}),
    ([], {frozenset(p) for p in ((A, B), (B, C), (A, C), (D, E), (F, P))}),
])
def test_a_time_slice_draws_the_pairs_of_its_period(components_file, tmp_path, args, pairs):
    out = tmp_path / "slice.html"
    res = run(str(components_file), "-o", str(out), *args)
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert {frozenset((e["from"], e["to"])) for e in vis_data(page, "edges")} == pairs
    period = " to ".join(args[1::2]) if len(args) == 4 else " ".join(args).lstrip("-")
    assert (f"<title>Alliances (actor level), {period}</title>" in page) == bool(args)


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2023-13"], "'2023-13' is not a valid date"),
    (["--until", "last week"], "is not a date like 2024, 2024-06 or 2024-06-18"),
    (["--since", "2024", "--until", "2023"], "2024 is after 2023"),
    (["--since", "2030"], "nothing to draw"),
])
def test_a_bad_slice_is_one_line_and_exit_2(components_file, tmp_path, monkeypatch, capsys,
                                            args, message):
    from kg.cli import main

    out = tmp_path / "slice.png"
    monkeypatch.setattr(sys, "argv", ["kg", "viz", str(components_file), "-o", str(out), *args])
    with pytest.raises(SystemExit) as exc:
        main()
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith("kg: error:") and err.count("\n") == 1 and message in err
    assert not out.exists()
