"""``Scanner``: the former one-object API, kept for tests, benchmarks and scripts.

The scan itself lives in three modules: ``pipeline.py`` (one file: bytes → result),
``session.py`` (walk, runner, cache, report) and ``results.py`` (the types they produce).
New code should use those; ``Scanner`` is a :class:`~redactcheck.session.Session` that also
answers the pipeline's old method names. The result types are re-exported here for the same
reason; code inside the package imports them from ``results.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from redactcheck.config import Config
from redactcheck.discover import Skipped
from redactcheck.document import Document
from redactcheck.finding import Finding, Hit
from redactcheck.pipeline import Item, Pipeline
from redactcheck.results import EXIT_ERROR as EXIT_ERROR
from redactcheck.results import EXIT_FINDINGS as EXIT_FINDINGS
from redactcheck.results import EXIT_OK as EXIT_OK
from redactcheck.results import FileResult
from redactcheck.results import Report as Report
from redactcheck.results import ScanError as ScanError
from redactcheck.results import ScanNote as ScanNote
from redactcheck.session import ProgressHook, Session


class Scanner(Session):
    """A session with its own pipeline, answering the pipeline's old method names."""

    def __init__(self, config: Config, *, name_detector=None, key: bytes | None = None):
        super().__init__(Pipeline(config, name_detector=name_detector, key=key))

    @property
    def rules(self):
        return self.pipeline.rules

    @property
    def rule_detector(self):
        return self.pipeline.rule_detector

    @property
    def key(self) -> bytes:
        return self.pipeline.key

    @property
    def limits(self):
        return self.pipeline.limits

    @property
    def suppressions(self):
        return self.pipeline.suppressions

    @property
    def name_detector(self):
        return self.pipeline.name_detector

    def detect_document(
        self, document: Document, names: list[list[Hit]] | None = None
    ) -> list[Finding]:
        return self.pipeline.detect_document(document, names)

    def read_file(
        self, path: Path, shown: str | None = None
    ) -> tuple[str, bytes | None, FileResult | None]:
        return self.pipeline.read(path, shown)

    def scan_file(self, path: Path) -> FileResult:
        return self.pipeline.scan([path], keep_text=self.keep_text)[0]

    def scan_batch(self, items: list[Item]) -> list[FileResult]:
        return self.pipeline.scan(items, keep_text=self.keep_text)

    scan_paths_or_data = scan_batch

    def iter_files(self, paths: list[Path], skipped: list[Skipped]) -> Iterator[Path]:
        return self.files(paths, skipped)

    def scan_results(
        self, files: Iterable[Path], on_file_done: ProgressHook | None = None
    ) -> Iterator[FileResult]:
        return self.results(files, on_file_done)
