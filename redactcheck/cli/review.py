"""``redactcheck review``: walk through new findings in the terminal and accept or skip each.

Every acceptance is written to the baseline at once (with reviewer, date and optional reason),
so quitting, a crash or Ctrl-C loses nothing and the next run starts at the first finding not
yet accepted. ``--accept-all`` is the same decision for scripts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.panel import Panel
from rich.prompt import Prompt
from rich.text import Text

from redactcheck.cli.baseline import (
    BaselineOpt,
    ConfigOpt,
    NoNamesOpt,
    PathsArg,
    ReasonOpt,
    ReviewerOpt,
    baseline_file,
    load_settings,
    open_baseline,
    reviewer_name,
    save,
    scan_with,
)
from redactcheck.document import Segment
from redactcheck.finding import Finding
from redactcheck.report.table import SEVERITY_STYLE
from redactcheck.safetext import terminal_text, visible
from redactcheck.suppress.chain import apply_baseline

CONTEXT_LINES = 2


def excerpt(finding: Finding, segments: list[Segment] | None) -> Text:
    """The finding's lines with ``CONTEXT_LINES`` either side, the match highlighted."""
    segment = next(
        (
            s
            for s in segments or []
            if s.part == finding.part
            and s.page == finding.page
            and s.text[finding.start : finding.end] == finding.text
        ),
        None,
    )
    if segment is None:  # extractor findings carry no segment: fall back to the context
        text = Text(finding.context or finding.text)
        text.highlight_words([finding.text], style="bold black on yellow")
        return text
    src = segment.text
    start = src.rfind("\n", 0, finding.start) + 1
    for _ in range(CONTEXT_LINES):
        if start == 0:
            break
        start = src.rfind("\n", 0, start - 1) + 1
    end = src.find("\n", finding.end)
    end = len(src) if end == -1 else end
    for _ in range(CONTEXT_LINES):
        if end >= len(src):
            break
        nxt = src.find("\n", end + 1)
        end = len(src) if nxt == -1 else nxt
    text = Text(terminal_text(src[start:end].rstrip("\n")))
    text.stylize("bold black on yellow", finding.start - start, finding.end - start)
    return text


def show(console: Console, finding: Finding, index: int, total: int, segments) -> None:
    where = finding.path
    if finding.page is not None:
        where += f", page {finding.page}"
    if finding.part != "body":
        where += f", {finding.part}"
    where += f", line {finding.line}"
    title = Text.assemble(
        (f"{index}/{total}  ", "dim"),
        (finding.severity, SEVERITY_STYLE.get(finding.severity, "")),
        f"  {visible(finding.rule_id)}  ",
        (visible(where), "bold"),
    )
    body = Text.assemble(
        excerpt(finding, segments), "\n\n", (terminal_text(finding.message), "italic")
    )
    console.print(Panel(body, title=title, title_align="left"))


def review(
    paths: list[Path] = PathsArg,
    baseline_path: Path | None = BaselineOpt,
    accept_all: bool = typer.Option(
        False, "--accept-all", help="Accept every new finding without asking (for scripts)."
    ),
    reason: str | None = ReasonOpt,
    reviewer: str | None = ReviewerOpt,
    config_file: Path | None = ConfigOpt,
    no_names: bool = NoNamesOpt,
) -> None:
    """Review new findings one by one: accept (saved to the baseline at once), skip or quit."""
    config = load_settings(config_file, no_names)
    baseline_path = baseline_file(baseline_path, config)
    baseline = open_baseline(baseline_path, create=True)
    report, scanned = scan_with(config, baseline, paths, baseline_path, keep_text=True)
    apply_baseline(report, baseline, scanned)
    new = report.findings
    who, today = reviewer_name(reviewer), date.today().isoformat()
    console = Console(highlight=False)
    if accept_all:
        for f in new:
            baseline.add(f, reviewer=who, date=today, reason=reason)
        save(baseline)
        console.print(f"{baseline_path}: accepted {len(new)} finding(s)")
        raise typer.Exit(2 if report.errors else 0)
    if not new:
        console.print("Nothing new to review.")
        raise typer.Exit(2 if report.errors else 0)
    accepted = skipped = 0
    console.print(
        f"{len(new)} finding(s) to review; accepted ones are saved to {baseline_path} at once."
    )
    for i, f in enumerate(new, 1):
        if f.fingerprint in baseline.entries:  # same span and context accepted a moment ago
            accepted += 1
            continue
        show(console, f, i, len(new), report.documents.get(f.path))
        try:
            answer = Prompt.ask(
                r"\[a]ccept, \[s]kip, \[q]uit",
                choices=["a", "s", "q"],
                default="s",
                console=console,
            )
            if answer == "q":
                break
            if answer == "s":
                skipped += 1
                continue
            why = Prompt.ask("reason (optional)", default="", console=console).strip()
        except EOFError:
            break
        baseline.add(f, reviewer=who, date=today, reason=why or reason)
        save(baseline)
        accepted += 1
    left = len(new) - accepted - skipped
    console.print(f"accepted {accepted}, skipped {skipped}, not yet reviewed {left}")
    raise typer.Exit(2 if report.errors else 0)
