"""Helpers shared by the sub-commands: one-line errors and starting a scan session."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from redactcheck.config import Config
from redactcheck.detect.pii.nlp import ModelNotInstalled
from redactcheck.ruleset.loader import RuleLoadError
from redactcheck.session import Session, build_session
from redactcheck.suppress.baseline import Baseline, BaselineError


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``redactcheck: error: …`` on stderr and exit (2 = usage or configuration)."""
    typer.echo(f"redactcheck: error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    print(f"redactcheck: {message}", file=sys.stderr)


def start_session(
    config: Config, baseline: Baseline | None = None, *, keep_text: bool = False
) -> Session:
    """``session.build_session``, its configuration errors (a bad rule file, a missing model,
    a damaged baseline) turned into one-line failures."""
    try:
        return build_session(config, baseline, keep_text=keep_text)
    except (BaselineError, RuleLoadError, ModelNotInstalled) as exc:
        fail(str(exc).replace("\n", "; "))
