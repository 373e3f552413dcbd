"""Helpers shared by the sub-commands: one-line errors and config resolution."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``redactcheck: error: …`` on stderr and exit (2 = usage or configuration)."""
    typer.echo(f"redactcheck: error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    print(f"redactcheck: {message}", file=sys.stderr)
