"""``redactcheck scan``: scan files and folders and report findings."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path

import typer

from redactcheck.cache import cache_folder, inside_scanned
from redactcheck.cli.common import fail, warn
from redactcheck.cli.review_scan import run_scan
from redactcheck.config import (
    ConfigError,
    distrust_scanned_config,
    load_config,
    validate,
    validate_scheduler,
)
from redactcheck.detect.pii.nlp import ModelNotInstalled, check_model
from redactcheck.discover import GITIGNORED
from redactcheck.distributed import DaskUnavailable
from redactcheck.report import get_renderer, shown_report, write_atomically
from redactcheck.ruleset.loader import RuleLoadError
from redactcheck.safetext import terminal_line, visible


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    csv = "csv"
    html = "html"


class Severity(str, Enum):
    info = "info"
    low = "low"
    medium = "medium"
    high = "high"


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of takes a date as YYYY-MM-DD, not {value!r}")


_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2}
_UNITS.update({"G": 1024**3, "GB": 1024**3})


def _parse_size(value: str | None, flag: str) -> int | None:
    """``50MB`` / ``512K`` / ``1048576`` -> bytes."""
    if value is None:
        return None
    text = value.strip().upper().replace(" ", "")
    digits = text.rstrip("BKMG")
    unit = text[len(digits) :]
    try:
        number = float(digits)
    except ValueError:
        fail(f"{flag} takes a size such as 50MB, 512KB or 1048576, not {value!r}")
    if unit not in _UNITS or number < 0:
        fail(f"{flag} takes a size such as 50MB, 512KB or 1048576, not {value!r}")
    return int(number * _UNITS[unit])


def scan(
    paths: list[Path] = typer.Argument(None, help="Files and folders to scan (default: .)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here."),
    redact: bool | None = typer.Option(
        None,
        "--redact/--no-redact",
        help="Mask matched text and its context in every output (default: on when CI is set).",
    ),
    fail_on: Severity | None = typer.Option(
        None, "--fail-on", help="Lowest severity that makes the exit status 1 (default: low)."
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="Date for date checks (YYYY-MM-DD)."),
    rules: list[Path] = typer.Option(
        None, "--rules", help="Extra folder of rule files (repeatable)."
    ),
    no_names: bool = typer.Option(
        False, "--no-names", help="Rules only: skip names and contact data."
    ),
    entities: list[str] = typer.Option(
        None, "--entities", help="Presidio entities to report, comma-separated."
    ),
    config_file: Path | None = typer.Option(None, "--config", help="Configuration file to use."),
    include: list[str] = typer.Option(
        None, "--include", help="Only scan files matching this glob."
    ),
    exclude: list[str] = typer.Option(None, "--exclude", help="Skip files matching this glob."),
    no_gitignore: bool = typer.Option(False, "--no-gitignore", help="Also scan git-ignored files."),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help="Follow symbolic links."),
    min_score: float | None = typer.Option(
        None, "--min-score", min=0.0, max=1.0, help="Drop weaker findings."
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy model (package name or path)."),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=0, help="Worker processes (default: one per core)."
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not reuse or store results."),
    cache_dir: Path | None = typer.Option(
        None, "--cache-dir", help="Result cache folder (default: the user cache folder)."
    ),
    dask_scheduler: str | None = typer.Option(
        None, "--dask-scheduler", help="Run on a Dask cluster: tcp://HOST:PORT (extra [dask])."
    ),
    ocr: bool | None = typer.Option(
        None,
        "--ocr/--no-ocr",
        help="OCR PDF pages without a readable text layer (default on; --no-ocr reports them).",
    ),
    ocr_lang: str | None = typer.Option(
        None, "--ocr-lang", help="Tesseract languages to read besides English, e.g. deu+fra."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also list files skipped as not documents (binaries, links)."
    ),
    max_file_size: str | None = typer.Option(
        None, "--max-file-size", help="Largest file read, e.g. 50MB (default 100MB; 0 = no limit)."
    ),
    max_member_size: str | None = typer.Option(
        None,
        "--max-member-size",
        help="Largest uncompressed archive member, e.g. DOCX part (default 100MB; 0 = no limit).",
    ),
    max_memory: str | None = typer.Option(
        None,
        "--max-memory",
        help="Memory per worker process, e.g. 1GB (default 1GB; 0 = no limit); a file that "
        "needs more is reported under errors.",
    ),
    max_line_length: int | None = typer.Option(
        None, "--max-line-length", min=0, help="Longest line in characters (default 1000000)."
    ),
    file_timeout: float | None = typer.Option(
        None,
        "--file-timeout",
        min=0.0,
        help="Time budget per file in seconds (default 600 plus 120 per MB; 0 = none).",
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", "-b", help="Report only findings not accepted in this baseline file."
    ),
    diff: str | None = typer.Option(
        None, "--diff", metavar="REF", help="Scan only files changed since this git ref."
    ),
    staged: bool = typer.Option(False, "--staged", help="Scan only files staged for commit."),
    report_unused: bool = typer.Option(
        False, "--report-unused-suppressions", help="Report suppressions that match nothing."
    ),
    progress: bool | None = typer.Option(
        None, "--progress/--no-progress", help="Progress bar (default: when stderr is a terminal)."
    ),
) -> None:
    """Scan files and folders; list every span a reviewer must look at."""
    try:
        config = load_config(config_file)
        scanned = list(paths or []) or [Path(".")]
        if config_file is None:  # found by walking up: maybe a file of the scanned folder
            config, dropped = distrust_scanned_config(config, scanned)
            if dropped:
                warn(
                    f"{visible(str(config.source))} lies inside a scanned folder: ignoring "
                    f"{', '.join(dropped)} (give them on the command line or with --config)"
                )
        config = config.with_overrides(
            fail_on=fail_on.value if fail_on else None,
            min_score=min_score,
            model=model,
            entities=_split(entities),
            include=list(include) if include else None,
            exclude=(config.exclude + list(exclude)) if exclude else None,
            rules=(config.rules + [str(r) for r in rules]) if rules else None,
            as_of=_parse_date(as_of),
            max_file_size=_parse_size(max_file_size, "--max-file-size"),
            max_member_size=_parse_size(max_member_size, "--max-member-size"),
            max_line_length=max_line_length,
            max_memory=_parse_size(max_memory, "--max-memory"),
            file_timeout=file_timeout,
            jobs=jobs,
            cache_dir=str(cache_dir) if cache_dir else None,
            dask_scheduler=dask_scheduler,
            # switches: only what the command line turns on or off overrides the file
            cache=False if no_cache else None,
            names=False if no_names else None,
            respect_gitignore=False if no_gitignore else None,
            follow_symlinks=True if follow_symlinks else None,
            ocr=ocr,
            ocr_lang=ocr_lang,
            redact=bool(os.environ.get("CI")) if redact is None else redact,
            report_unused_suppressions=True if report_unused else None,
        )
        if config.cache and inside_scanned(cache_folder(config), scanned):
            if cache_dir is not None:
                fail(f"--cache-dir {visible(str(cache_dir))} lies inside a scanned folder")
            warn("the result cache folder lies inside a scanned folder: scanning without it")
            config = config.with_overrides(cache=False)
        validate(config)
        validate_scheduler(config)
        if config.names:
            check_model(config.model)  # a missing model is a config error; workers load it
    except (ConfigError, RuleLoadError, ModelNotInstalled) as exc:
        fail(str(exc).replace("\n", "; "))
    try:
        report = run_scan(config, list(paths or []), baseline, diff, staged, progress, format.value)
    except DaskUnavailable as exc:
        fail(str(exc))
    # one masked copy for every output: the report, the error lines and --debug tracebacks
    shown = shown_report(report, redact=config.redact)
    text = get_renderer(format.value)(shown)
    if output is not None:
        try:
            write_atomically(output, text)
        except OSError as exc:
            fail(f"{visible(str(output))}: cannot write report: {exc.strerror or exc}")
    else:
        _write_stdout(text)
    for error in shown.errors:  # always on stderr, whatever the format, so CI logs show them
        _stderr(f"redactcheck: error: {error.path}: {error.message}")
    if verbose:
        for item in shown.skipped:
            _stderr(f"redactcheck: skipped: {item.path}: {item.message}")
    else:
        ignored = sum(1 for item in report.skipped if item.message == GITIGNORED)
        if ignored:  # never silent: a planted .gitignore could otherwise hide files unseen
            _stderr(
                f"redactcheck: {ignored} file(s) left out by .gitignore rules "
                "(-v lists them, --no-gitignore reads them)"
            )
    if debug:
        for error in shown.errors:
            if error.detail:
                # the traceback's own lines stay lines; each is escaped like any other output
                lines = [terminal_line(line) for line in error.detail.splitlines()]
                _stderr(f"redactcheck: debug: {error.path}:", *lines)
    raise typer.Exit(report.exit_code(config.fail_on))


def _stderr(line: str, *more: str) -> None:
    """A line on stderr with control characters escaped: a file name cannot forge a CI
    annotation (``::error::``) or move the terminal's cursor."""
    typer.echo("\n".join([terminal_line(line), *more]), err=True)


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:  # a terminal in a legacy encoding: never lose the report
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "utf-8", "backslashreplace"))
    sys.stdout.flush()
