"""A scan over many files: walk → per-file pipeline (on a runner, through the cache) → report.

The session owns what spans files: which files to read (``discover.walk``), where the
per-file :class:`~redactcheck.pipeline.Pipeline` runs (a :class:`~redactcheck.parallel.Runner`:
inline, the local pool or Dask), the result cache, and adding the results up into one
:class:`~redactcheck.results.Report` (skipped files, unused suppressions, order). Nothing here
prints: renderers in ``report/`` do that.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from redactcheck import parallel
from redactcheck.cache import open_cache
from redactcheck.config import Config
from redactcheck.discover import Skipped, walk
from redactcheck.distributed import DaskRunner, DaskUnavailable
from redactcheck.finding import Finding
from redactcheck.isolation import content_free_trace
from redactcheck.paths import display_path
from redactcheck.pipeline import Pipeline
from redactcheck.pool import PoolRunner
from redactcheck.results import FileResult, Report, ScanError, ScanNote
from redactcheck.suppress.baseline import Baseline

#: Called once per finished file (progress bars, see ``redactcheck/progress.py``); when the
#: hook also has ``start(files)``, it is called first with the list of files to scan.
ProgressHook = Callable[[FileResult], None]


def runner_for(config: Config) -> parallel.Runner:
    """Where this configuration's work runs: a Dask cluster, a local pool, or this process."""
    if config.dask_scheduler:
        return DaskRunner(config.dask_scheduler)
    jobs = config.jobs or parallel.default_jobs()
    return PoolRunner(jobs) if jobs > 1 else parallel.InlineRunner()


class Session:
    """Scans paths with one pipeline. ``keep_text``: keep each file's text in the report, for
    renderers that show it (HTML); such a run never uses the result cache."""

    def __init__(self, pipeline: Pipeline, *, keep_text: bool = False):
        self.pipeline = pipeline
        self.keep_text = keep_text

    @property
    def config(self) -> Config:
        return self.pipeline.config

    def files(self, paths: list[Path], skipped: list[Skipped]) -> Iterator[Path]:
        """The files under ``paths`` to scan; what is left out goes to ``skipped``."""
        return walk(
            paths,
            include=self.config.include,
            exclude=self.config.exclude,
            follow_symlinks=self.config.follow_symlinks,
            respect_gitignore=self.config.respect_gitignore,
            errors=skipped,
        )

    def results(
        self, files: Iterable[Path], on_file_done: ProgressHook | None = None
    ) -> Iterator[FileResult]:
        """One result per file in input order, streamed as files finish.

        Runs on ``config.jobs`` local processes or the Dask cluster at ``config.dask_scheduler``
        and answers unchanged files from the result cache (see parallel.py, cache.py).
        ``on_file_done(result)`` is called for each file as it is yielded (progress display).
        """
        pipeline = self.pipeline
        # the HTML report keeps document text: never put that in the cache
        use_cache = self.config.cache and not self.keep_text
        cache = open_cache(self.config, pipeline.rules, pipeline.key) if use_cache else None
        yield from parallel.run(
            pipeline,
            files,
            runner_for(self.config),
            cache=cache,
            keep_text=self.keep_text,
            on_file_done=on_file_done,
        )

    def scan(self, paths: list[Path], on_file_done: ProgressHook | None = None) -> Report:
        """The report over every file under ``paths``: the one entry point of a scan."""
        report = Report(rules=self.pipeline.rules)
        skipped: list[Skipped] = []
        used: set[str] = set()
        files: Iterable[Path] = self.files(paths, skipped)
        if on_file_done is not None and hasattr(on_file_done, "start"):
            files = list(files)  # a progress bar needs the totals first
            on_file_done.start(files)
        try:
            for result in self.results(files):
                _add_result(report, result, used, on_file_done)
        except DaskUnavailable:
            raise  # a configuration error: the command line says so on one line
        except Exception as exc:  # noqa: BLE001 - the report must still be written
            report.errors.append(
                ScanError(
                    "(scan)",
                    f"the scan stopped early: internal error ({type(exc).__name__}); files not "
                    "listed here were not scanned (--debug shows the traceback)",
                    "".join(traceback.format_exception(exc)),
                    content_free_trace(exc),
                )
            )
        for s in skipped:
            item = ScanError(display_path(Path(s.path), resolve=False), s.reason)
            (report.skipped if s.benign else report.errors).append(item)
        report.skipped.sort(key=lambda e: e.path)
        if self.config.report_unused_suppressions:
            source = self.config.source
            shown = display_path(Path(source)) if source else None
            report.findings.extend(self.pipeline.suppressions.unused(used, shown))
        report.findings.sort(key=Finding.sort_key)
        report.errors.sort(key=lambda e: e.path)
        return report


def _add_result(
    report: Report, result: FileResult, used: set[str], on_file_done: ProgressHook | None
) -> None:
    report.files_scanned += 1
    report.bytes_scanned += result.size
    report.findings.extend(result.findings)
    report.errors.extend(result.errors)
    if result.skipped is not None:
        report.files_scanned -= 1
        report.skipped.append(ScanError(result.path, result.skipped))
    used |= result.suppressions_used
    if result.segments is not None:
        report.documents[result.path] = result.segments
    if on_file_done is not None:
        on_file_done(result)
    report.notes.extend(ScanNote(result.path, n) for n in result.notes)


def build_session(
    config: Config, baseline: Baseline | None = None, *, keep_text: bool = False
) -> Session:
    """A session for ``config`` whose fingerprints use the baseline's key (so output and
    baseline agree), with the name model loaded now when names are on: a missing model or a
    bad rule file is a configuration error before any file is read. Raises ``BaselineError``,
    ``RuleLoadError`` or ``ModelNotInstalled`` for the caller to report."""
    key = baseline.key() if baseline is not None else None
    pipeline = Pipeline(config, key=key)
    if config.names:
        pipeline.name_detector  # noqa: B018 - load the model now
    return Session(pipeline, keep_text=keep_text)
