"""The review-workflow part of ``redactcheck scan``: baseline, changed files only, progress.

Kept out of cli/scan.py so that command stays a list of options; this is where a scan learns
which files to read and which findings are already accepted.
"""

from __future__ import annotations

from pathlib import Path

from redactcheck.cli.baseline import open_baseline
from redactcheck.cli.common import fail, start_session, warn
from redactcheck.config import Config
from redactcheck.gitdiff import GitError
from redactcheck.progress import ScanProgress, wanted
from redactcheck.results import FileResult, Report
from redactcheck.suppress.chain import apply_baseline
from redactcheck.targets import never_scanned, select_targets


class _Hook:
    """Records the files read without error (for stale entries) and drives the progress bar."""

    def __init__(self, bar: ScanProgress | None):
        self.bar = bar
        self.scanned: set[str] = set()

    def start(self, files: list[Path]) -> None:
        if self.bar is not None:
            self.bar.start(files)

    def __call__(self, result: FileResult) -> None:
        if not result.errors:
            self.scanned.add(result.path)
        if self.bar is not None:
            self.bar(result)


def run_scan(
    config: Config,
    paths: list[Path],
    baseline_path: Path | None,
    diff: str | None,
    staged: bool,
    progress: bool | None,
    fmt: str,
) -> Report:
    if diff is not None and staged:
        fail("--diff and --staged cannot be combined")
    if baseline_path is None and config.baseline:
        baseline_path = Path(config.baseline)
    baseline = open_baseline(baseline_path) if baseline_path is not None else None
    never = [baseline_path] if baseline_path else None
    config = never_scanned(config, never)
    session = start_session(config, baseline, keep_text=fmt == "html")
    try:
        targets = select_targets(paths, config, diff=diff, staged=staged, never=never)
    except GitError as exc:
        fail(f"{'--staged' if staged else '--diff ' + str(diff)}: {exc}")
    show = wanted() if progress is None else progress
    bar = ScanProgress() if show else None
    hook = _Hook(bar)
    try:
        report = session.scan(targets, on_file_done=hook)
    finally:
        if bar is not None:
            bar.close()
    if baseline is not None:
        apply_baseline(report, baseline, hook.scanned)
        stale = report.baseline["stale"] if report.baseline else []
        if stale and fmt not in ("table", "json"):
            warn(
                f"{len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} no longer match "
                f"(stale); run `redactcheck baseline update`"
            )
    return report
