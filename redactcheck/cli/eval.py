"""``redactcheck eval DOCS GOLD``: score the scanner against hand-labelled spans.

CI runs it on the project's own labelled cases with ``--min-recall`` so that a change which
loses names or markings fails the build instead of shipping quietly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from redactcheck.cli.common import fail
from redactcheck.config import ConfigError, load_config, validate
from redactcheck.detect.pii.nlp import ModelNotInstalled
from redactcheck.evaluate import (
    EvalError,
    below,
    evaluate,
    format_details,
    format_table,
    load_subset,
    parse_thresholds,
)
from redactcheck.ruleset.loader import RuleLoadError
from redactcheck.session import build_session


def eval_command(
    docs: Path = typer.Argument(..., help="Folder of UTF-8 text documents."),
    gold: Path = typer.Argument(..., help="Gold spans: JSON Lines {doc, start, end, label}."),
    show: bool = typer.Option(False, "--show", help="List misses and false alarms with context."),
    context: int = typer.Option(40, "--context", min=0, help="Characters of context with --show."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores (and details) as JSON."),
    min_recall: list[str] = typer.Option(
        None, "--min-recall", help="LABEL=X: exit 1 when LABEL's recall is below X (repeatable)."
    ),
    config_file: Path | None = typer.Option(None, "--config", help="Configuration file to use."),
    model: str | None = typer.Option(None, "--model", help="spaCy model (package name or path)."),
    min_score: float | None = typer.Option(
        None, "--min-score", min=0.0, max=1.0, help="Drop weaker findings."
    ),
    no_names: bool = typer.Option(False, "--no-names", help="Rules only: skip names and contacts."),
    only: str | None = typer.Option(
        None,
        "--only",
        help="Score only the documents listed in FILE (one per line); FILE:PART keeps the "
        "lines whose second field is PART, e.g. bench/quality/eval_dev_split.tsv:check.",
    ),
) -> None:
    """Score precision, recall and F1 per label (MARKING, PERSON, CONTACT) on labelled docs."""
    try:
        minimums = parse_thresholds(min_recall or [])
        config = load_config(config_file).with_overrides(
            model=model, min_score=min_score, names=False if no_names else None
        )
        validate(config)
        # the model loads now: a missing model is a configuration error
        pipeline = build_session(config).pipeline
        subset = load_subset(Path(only)) if only else None
        result = evaluate(pipeline, docs, gold, subset)
    except (ConfigError, RuleLoadError, ModelNotInstalled, EvalError) as exc:
        fail(str(exc).replace("\n", "; "))

    if as_json:
        data = result.to_dict(context)
        if not show:
            data.pop("misses")
            data.pop("false_alarms")
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_table(result))
        if show:
            sys.stdout.write(format_details(result, context))
    for error in result.errors:
        typer.echo(f"redactcheck: error: {error}", err=True)
    failures = below(result, minimums)
    for line in failures:
        typer.echo(f"redactcheck: {line}", err=True)
    if result.errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if failures else 0)
