"""What a scan produces: per-file results, the report over all files, and exit codes.

Kept apart from the pipeline and the session so that renderers (``report/``), the result cache
and the runners can use these types without importing the code that makes them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from operator import attrgetter

from redactcheck.document import Segment
from redactcheck.finding import Finding, severity_rank
from redactcheck.ruleset.loader import LoadedRule

#: Exit statuses of every command: clean, findings at or above ``--fail-on``, unreadable input.
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(slots=True)
class ScanError:
    path: str
    message: str
    detail: str | None = None  # traceback, printed only with --debug
    frames: str | None = None  # traceback without exception messages (--debug under --redact)


@dataclass(slots=True)
class ScanNote:
    """A remark about one file that is not a finding (encoding guessed, page not checked)."""

    path: str
    message: str


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    size: int = 0
    skipped: str | None = None  # why the file is not a document (listed with --verbose)
    suppressions_used: set[str] = field(default_factory=set)
    segments: list[Segment] | None = None  # kept only when a renderer needs the text (HTML)

    def __reduce__(self) -> tuple:
        # a constructor call, like Finding's: cheaper for the pool's result traffic
        return (FileResult, _result_values(self))


_result_values = attrgetter(*(f.name for f in fields(FileResult)))


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    notes: list[ScanNote] = field(default_factory=list)
    files_scanned: int = 0
    bytes_scanned: int = 0
    rules: list[LoadedRule] = field(default_factory=list)
    skipped: list[ScanError] = field(default_factory=list)  # not documents, not errors
    #: path -> text segments, filled only when the session keeps text (HTML report)
    documents: dict[str, list[Segment]] = field(default_factory=dict)
    #: what ``--baseline`` did: file, matched and stale entries (see suppress/baseline.py)
    baseline: dict | None = None

    def summary(self) -> dict:
        return {
            "files_scanned": self.files_scanned,
            "findings": len(self.findings),
            "errors": len(self.errors),
            "by_severity": dict(sorted(Counter(f.severity for f in self.findings).items())),
            "by_category": dict(sorted(Counter(f.category for f in self.findings).items())),
            "by_entity": dict(sorted(Counter(f.entity for f in self.findings).items())),
        }

    def exit_code(self, fail_on: str) -> int:
        """Clean, findings at or above ``fail_on``, or some input could not be read."""
        if self.errors:
            return EXIT_ERROR
        threshold = severity_rank(fail_on)
        if any(severity_rank(f.severity) >= threshold for f in self.findings):
            return EXIT_FINDINGS
        return EXIT_OK
