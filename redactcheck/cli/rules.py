"""``redactcheck rules list|validate|test|show``: inspect and check the rule library."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from redactcheck.cli.common import fail
from redactcheck.detect.markings.stated_level import STATED_LEVEL_RULE
from redactcheck.ruleset.docs import default_docs
from redactcheck.ruleset.loader import LoadedRule, RuleLoadError, load_rules
from redactcheck.ruleset.selftest import run_examples

app = typer.Typer(help="List, validate, test and show rules.", no_args_is_help=True)

RulesOpt = typer.Option(None, "--rules", help="Extra folder of rule files (repeatable).")
OnlyOpt = typer.Option(False, "--only", help="Only the extra folders, not the shipped library.")


def _load(rules: list[Path] | None, only: bool = False) -> list[LoadedRule]:
    try:
        return load_rules(list(rules or []), include_builtin=not only)
    except RuleLoadError as exc:
        for problem in exc.problems:
            typer.echo(f"redactcheck: error: {problem}", err=True)
        raise typer.Exit(2) from None


@app.command("list")
def list_rules(rules: list[Path] = RulesOpt, only: bool = OnlyOpt) -> None:
    """List loaded rules, with counts per marking system."""
    loaded = _load(rules, only)
    console = Console(highlight=False)
    table = Table("id", "system", "category", "entity", "severity", "name")
    for r in sorted(loaded, key=lambda r: r.spec.id):
        s = r.spec
        table.add_row(s.id, s.system or "-", s.category, s.entity, s.severity, s.name)
    console.print(table)
    counts = Counter(r.spec.system or "-" for r in loaded)
    console.print(
        f"{len(loaded)} rules; per system: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )


@app.command("validate")
def validate(rules: list[Path] = RulesOpt, only: bool = OnlyOpt) -> None:
    """Check rule files against the schema; errors name the file, rule and field."""
    loaded = _load(rules, only)
    typer.echo(f"{len(loaded)} rules valid")


@app.command("test")
def test(rules: list[Path] = RulesOpt, only: bool = OnlyOpt) -> None:
    """Run every rule's match / no_match examples."""

    loaded = _load(rules, only)
    count, failures = run_examples(loaded)
    for failure in failures:
        typer.echo(f"FAIL {failure}", err=True)
    typer.echo(f"{count - len(failures)} passed, {len(failures)} failed")
    raise typer.Exit(1 if failures else 0)


@app.command("show")
def show(rule_id: str, rules: list[Path] = RulesOpt) -> None:
    """Show one rule with its documentation, patterns and examples."""
    loaded = {r.spec.id: r for r in _load(rules)}
    if rule_id not in loaded:
        fail(f"no rule with id {rule_id!r}")
    r = loaded[rule_id]
    s = r.spec
    lines = [
        f"{s.id}: {s.name}",
        f"  file:      {r.source}",
        f"  category:  {s.category}   entity: {s.entity}   severity: {s.severity}",
    ]
    if s.category == "marking":
        lines.append(f"  severity on UNCLASSIFIED documents: {STATED_LEVEL_RULE}")
    if s.system:
        lines.append(f"  system:    {s.system}")
    if s.exemption:
        lines.append(f"  exemption: {s.exemption}")
    lines += ["", "  " + s.description.strip(), "", "  patterns:"]
    lines += [f"    - {p.name} (score {p.score}): {p.regex}" for p in s.patterns]
    lines += ["", "  references:"] + [f"    - {ref}" for ref in s.references]
    lines += ["", "  must match:"] + [f"    {e!r}" for e in s.examples.match]
    lines += ["  must not match:"] + [f"    {e!r}" for e in s.examples.no_match]
    typer.echo("\n".join(lines))


@app.command("docs")
def docs(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write Markdown here."),
) -> None:
    """Write the rule reference (Markdown) generated from the shipped rule files."""

    text = default_docs(_load(None))
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}")
    typer.echo(f"wrote {output}")
