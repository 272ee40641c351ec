"""The `kg` command line: the group, its error handling, and the commands registered from
their modules (kg.cli.build: extract, build, evaluate, validate; kg.cli.query;
kg.cli.export; push, serve and load; kg.cli.viz; kg.cli.models).

Errors are one line on stderr and a non-zero exit: 2 for bad input or usage, 1 for
"nothing found" / "does not conform". Set KG_DEBUG=1 to see a traceback instead.
"""

from __future__ import annotations

import signal
import sys

import click

from kg import __version__
from kg.errors import KgError, Terminated


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="kg")
def cli() -> None:
    """Knowledge graphs of diplomatic events from Bengali news."""


def _register() -> None:
    """Command groups that live in their own modules (each imports its heavy parts lazily)."""
    from kg.cli.build import build, evaluate, extract, validate
    from kg.cli.export import export
    from kg.cli.models import models
    from kg.cli.query import query
    from kg.cli.serve import load, push, serve
    from kg.cli.viz import viz

    for command in (extract, build, evaluate, validate, query, export, push, serve, load, viz,
                    models):
        cli.add_command(command)


_register()


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(signum)


def main() -> None:
    """Entry point: one-line errors instead of tracebacks. SIGTERM unwinds like Ctrl-C
    (temporary files and the sort's folder removed) instead of killing the process
    mid-write; exit 143 (128 + SIGTERM) as if it had been killed."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(standalone_mode=False)
    except Terminated:
        click.echo("kg: terminated", err=True)
        sys.exit(143)
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KgError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
        if _debug():
            raise
        click.echo(f"kg: internal error: {type(exc).__name__}: {exc} (KG_DEBUG=1 for details)",
                   err=True)
        sys.exit(3)


def _debug() -> bool:
    try:
        from kg.settings import Settings

        return Settings.from_env().debug
    except KgError:
        return False
