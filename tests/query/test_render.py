"""kg.cli.render: the output contract every row-printing command shares."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from kg.cli.render import CELL_WIDTH, Answer, cut, emit, render, width


def test_cells_are_cut_by_terminal_width_not_characters():
    assert width("রাশিয়া") == len("রাশিয়া") - 1  # the nukta, a combining mark, takes none
    assert width("日本") == 4
    long = "পুতিন " * 20
    out = cut(long)
    assert out.endswith("…") and width(out) <= CELL_WIDTH


def test_formats_keep_column_order_and_types():
    rows = [{"b": 1.5, "a": ["x", "y"], "c": None}, {"b": 2.0, "a": [], "c": "z"}]
    assert render(["a", "b", "c"], rows, "csv").splitlines() == ["a,b,c", "x; y,1.5,", ",2,z"]
    assert json.loads(render(["c", "b"], rows, "json"))[0] == {"c": None, "b": 1.5}
    assert render(["a", "b"], rows, "table").splitlines()[0] == "a       b"


@pytest.mark.parametrize("fmt, stdout", [("table", ""), ("json", "[]\n"),
                                         ("csv", "a,b\n"), ("tsv", "a\tb\n")])
def test_nothing_found_exits_1_with_a_valid_empty_document(fmt, stdout):
    @click.command()
    def show() -> None:
        emit(Answer(["a", "b"], [], "nothing here"), fmt)

    res = CliRunner().invoke(show)
    assert (res.exit_code, res.stdout, res.stderr) == (1, stdout, "kg: nothing here\n")
