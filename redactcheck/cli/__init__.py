"""Command line: ``redactcheck scan``, ``redactcheck rules …``.

Exit status: 0 no finding at or above ``--fail-on``; 1 some finding is; 2 usage or
configuration error, or some input could not be read. No traceback reaches the user unless
``REDACTCHECK_DEBUG=1`` (or ``--debug``) asks for one.
"""

from __future__ import annotations

import os
import sys
import traceback

import typer

from redactcheck import __version__
from redactcheck.cli import baseline as baseline_cmd
from redactcheck.cli import eval as eval_cmd
from redactcheck.cli import review as review_cmd
from redactcheck.cli import rules as rules_cmd
from redactcheck.cli import scan as scan_cmd
from redactcheck.results import EXIT_ERROR as EXIT_ERROR
from redactcheck.results import EXIT_FINDINGS as EXIT_FINDINGS
from redactcheck.results import EXIT_OK

app = typer.Typer(
    name="redactcheck",
    help="Find what a reviewer must look at before a document is published: classification "
    "markings, personal data and hidden content. Reports only; never changes a file.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
app.command("scan")(scan_cmd.scan)
app.add_typer(rules_cmd.app, name="rules")
app.add_typer(baseline_cmd.app, name="baseline")
app.command("review")(review_cmd.review)
app.command("eval")(eval_cmd.eval_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"redactcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """redactcheck: pre-publication review checker."""


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("redactcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: one line, no traceback
        if os.environ.get("REDACTCHECK_DEBUG") or "--debug" in sys.argv:
            traceback.print_exc()
        print(f"redactcheck: internal error: {type(exc).__name__}", file=sys.stderr)
        sys.exit(EXIT_ERROR)
