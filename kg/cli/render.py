"""How kg commands print rows: a table for people, JSON, CSV or TSV for scripts.

Any command group that answers with rows uses this, so that every kg command has the
same output contract:
  - `--format table|json|csv|tsv` (`format_option`); json/csv/tsv give every column, in a
    fixed order, uncut; a table shows fewer columns, each cut at CELL_WIDTH terminal
    columns (Bengali combining marks take none, wide characters two);
  - exit codes: EXIT_OK (0) with results, EXIT_NOTHING (1) when nothing is found (the
    message goes to stderr, and json/csv/tsv still print a valid empty document),
    EXIT_USAGE (2) for usage errors and bad input (raised as click or kg errors and
    printed by kg.cli.main).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

import click

FORMATS = ("table", "json", "csv", "tsv")
CELL_WIDTH = 48  # table cells are cut here; json/csv/tsv are never cut
EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Answer:
    """What a command found: rows keyed by column, and how to show them."""

    columns: Sequence[str]  # every column, in order: what json/csv/tsv print
    rows: list[dict]
    empty: str = "nothing found"  # said on stderr, with exit 1, when there are no rows
    title: str | None = None  # a line above the table
    table_columns: Sequence[str] | None = None  # the table's columns (default: all)


def format_param() -> click.Option:
    """The `--format` option every row-printing command takes (parameter `fmt`)."""
    return click.Option(["--format", "fmt"], type=click.Choice(FORMATS), default="table",
                        show_default=True, help="Output format.")


def format_option(f: Callable) -> Callable:
    """`format_param` as a decorator, for commands declared with click's decorators."""
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="Output format.")(f)


def nothing(message: str) -> NoReturn:
    """Say on stderr that nothing was found and exit 1."""
    click.echo(f"kg: {message}", err=True)
    sys.exit(EXIT_NOTHING)


def emit(answer: Answer, fmt: str) -> None:
    """Print the rows; with none, say so on stderr and exit 1 (scripts still get a valid
    empty document on stdout)."""
    if not answer.rows:
        if fmt != "table":
            click.echo(render(answer.columns, [], fmt))
        nothing(answer.empty)
    if fmt == "table":
        if answer.title:
            click.echo(answer.title)
        click.echo(render(answer.table_columns or answer.columns, answer.rows, fmt))
    else:
        click.echo(render(answer.columns, answer.rows, fmt))


def render(columns: Sequence[str], rows: list[dict], fmt: str) -> str:
    """Rows as a table, JSON (a list of objects), CSV or TSV; keys in `columns` order."""
    if fmt == "json":
        data = [{c: cell(r.get(c), "json") for c in columns} for r in rows]
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([cell(r.get(c), fmt) for c in columns])
        return buf.getvalue().rstrip("\n")
    return table(columns, rows)


def cell(value: object, fmt: str) -> object:
    """One value as `fmt` shows it: JSON keeps numbers, lists and null; text formats get
    floats without trailing zeros, lists joined with "; " and None as empty."""
    if isinstance(value, float):
        value = round(value, 6)
        if fmt == "json":
            return value
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    if isinstance(value, (list, tuple)):
        return list(value) if fmt == "json" else "; ".join(map(str, value))
    if value is None:
        return None if fmt == "json" else ""
    return value if fmt == "json" else str(value)


def width(text: str) -> int:
    """Terminal columns of a string: combining marks take none, wide characters two."""
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def cut(text: str, limit: int = CELL_WIDTH) -> str:
    """Whitespace collapsed, and cut with "…" to fit `limit` terminal columns."""
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def table(columns: Sequence[str], rows: list[dict]) -> str:
    """An aligned plain-text table: numeric columns right-aligned, cells cut."""
    cells = [[cut(str(cell(r.get(c), "table"))) for c in columns] for r in rows]
    numeric = [all(_is_number(r.get(c)) for r in rows) for c in columns]
    widths = [max([width(c)] + [width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        parts = []
        for v, w, num in zip(values, widths, numeric, strict=True):
            pad = " " * (w - width(v))
            parts.append(pad + v if num else v + pad)
        return "  ".join(parts).rstrip()

    out = [line(list(columns)), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out)


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)
