"""``redactcheck baseline create|update|accept``: record findings a reviewer has accepted.

Also holds what ``scan`` and ``review`` share about baselines: opening one (or starting a new
one), scanning with it, and naming the reviewer.
"""

from __future__ import annotations

import getpass
import subprocess
from datetime import date
from pathlib import Path

import typer

from redactcheck.cli.common import fail, start_session, warn
from redactcheck.config import Config, ConfigError, distrust_scanned_config, load_config
from redactcheck.results import Report
from redactcheck.suppress.baseline import (
    DEFAULT_BASELINE,
    Baseline,
    BaselineError,
    load_baseline,
)
from redactcheck.suppress.chain import apply_baseline
from redactcheck.targets import never_scanned, select_targets

app = typer.Typer(
    help="Create and update the baseline of accepted findings (keyed fingerprints, no text).",
    no_args_is_help=True,
)

PathsArg = typer.Argument(None, help="Files and folders to scan (default: .).")
BaselineOpt = typer.Option(
    None,
    "--baseline",
    "-b",
    help=f"Baseline file to read and write (default: `baseline` in the configuration, "
    f"else {DEFAULT_BASELINE}).",
)
ConfigOpt = typer.Option(None, "--config", help="Configuration file to use.")
NoNamesOpt = typer.Option(False, "--no-names", help="Rules only: skip names and contact data.")
ReviewerOpt = typer.Option(None, "--reviewer", help="Who accepts (default: git user.name).")
ReasonOpt = typer.Option(None, "--reason", help="Why the finding is fine to publish.")


def reviewer_name(explicit: str | None = None) -> str:
    """The reviewer recorded with an acceptance: given, else git's user.name, else the login."""
    if explicit:
        return explicit
    try:
        out = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def baseline_file(explicit: Path | None, config: Config) -> Path:
    """The baseline to use: given on the command line, else configured, else the default."""
    if explicit is not None:
        return explicit
    return Path(config.baseline) if config.baseline else Path(DEFAULT_BASELINE)


def load_settings(config_file: Path | None, no_names: bool) -> Config:
    try:
        config = load_config(config_file)
    except ConfigError as exc:
        fail(str(exc))
    if config_file is None:  # a file of the work tree being scanned: see cli/scan.py
        config, dropped = distrust_scanned_config(config, [Path(".")])
        if dropped:
            warn(f"{config.source} lies inside the scanned tree: ignoring {', '.join(dropped)}")
    return config.with_overrides(names=False if no_names else None)


def open_baseline(path: Path, *, create: bool = False) -> Baseline:
    """Read ``path``; with ``create``, start a new baseline when the file does not exist."""
    if create and not path.exists():
        return Baseline.new(path)
    try:
        return load_baseline(path)
    except BaselineError as exc:
        fail(str(exc))


def save(baseline: Baseline) -> None:
    try:
        baseline.save()
    except BaselineError as exc:
        fail(str(exc))


def scan_with(
    config: Config,
    baseline: Baseline,
    paths: list[Path] | None,
    baseline_path: Path | None,
    *,
    keep_text: bool = False,
) -> tuple[Report, set[str]]:
    """Scan ``paths`` (never the baseline file itself); returns the report and the set of
    files read without error. ``keep_text``: keep the texts (the review shows context)."""
    never = [baseline_path] if baseline_path else None
    config = never_scanned(config, never)
    session = start_session(config, baseline, keep_text=keep_text)
    scanned: set[str] = set()

    def collect(result) -> None:
        if not result.errors:
            scanned.add(result.path)

    targets = select_targets(list(paths or []), config, never=never)
    report = session.scan(targets, on_file_done=collect)
    for error in report.errors:
        warn(f"error: {error.path}: {error.message}")
    return report, scanned


@app.command("create")
def create(
    paths: list[Path] = PathsArg,
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Baseline file to write (default as for --baseline)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing baseline."),
    config_file: Path | None = ConfigOpt,
    no_names: bool = NoNamesOpt,
) -> None:
    """Scan and record every current finding as accepted."""
    config = load_settings(config_file, no_names)
    output = baseline_file(output, config)
    if output.exists() and not force:
        fail(f"{output}: baseline exists; use `redactcheck baseline update` or --force")
    baseline = Baseline.new(output)
    report, _ = scan_with(config, baseline, paths, output)
    for f in report.findings:
        baseline.add(f)
    save(baseline)
    typer.echo(
        f"{output}: {len(baseline.entries)} finding(s) recorded "
        f"from {report.files_scanned} file(s)",
        err=True,
    )
    raise typer.Exit(2 if report.errors else 0)


@app.command("update")
def update(
    paths: list[Path] = PathsArg,
    baseline_path: Path | None = BaselineOpt,
    keep_stale: bool = typer.Option(
        False, "--keep-stale", help="Keep entries that no longer match anything."
    ),
    config_file: Path | None = ConfigOpt,
    no_names: bool = NoNamesOpt,
) -> None:
    """Rescan: add new findings, drop entries that no longer match (review records are kept)."""
    config = load_settings(config_file, no_names)
    baseline_path = baseline_file(baseline_path, config)
    baseline = open_baseline(baseline_path)
    report, scanned = scan_with(config, baseline, paths, baseline_path)
    apply_baseline(report, baseline, scanned)
    stale = [e["fingerprint"] for e in report.baseline["stale"]] if report.baseline else []
    if not keep_stale:
        for fp in stale:
            del baseline.entries[fp]
    for f in report.findings:
        baseline.add(f)
    save(baseline)
    typer.echo(
        f"{baseline_path}: {len(report.findings)} added, "
        f"{0 if keep_stale else len(stale)} stale removed, {len(baseline.entries)} in all",
        err=True,
    )
    raise typer.Exit(2 if report.errors else 0)


@app.command("accept")
def accept(
    fingerprints: list[str] = typer.Option(
        ..., "--fingerprint", help="Fingerprint from a report made with --baseline (repeatable)."
    ),
    paths: list[Path] = PathsArg,
    baseline_path: Path | None = BaselineOpt,
    reason: str | None = ReasonOpt,
    reviewer: str | None = ReviewerOpt,
    config_file: Path | None = ConfigOpt,
    no_names: bool = NoNamesOpt,
) -> None:
    """Accept findings by fingerprint, without the interactive review (for scripts)."""
    config = load_settings(config_file, no_names)
    baseline_path = baseline_file(baseline_path, config)
    baseline = open_baseline(baseline_path, create=True)
    report, _ = scan_with(config, baseline, paths, baseline_path)
    by_fp = {f.fingerprint: f for f in report.findings}
    missing = [fp for fp in fingerprints if fp not in by_fp]
    if missing:
        fail(
            f"no current finding has fingerprint {', '.join(missing)} (scan with --baseline "
            f"{baseline_path} to get fingerprints keyed by this baseline)"
        )
    who, today = reviewer_name(reviewer), date.today().isoformat()
    for fp in fingerprints:
        baseline.add(by_fp[fp], reviewer=who, date=today, reason=reason)
    save(baseline)
    typer.echo(f"{baseline_path}: accepted {len(fingerprints)} finding(s)", err=True)
