"""The scan pipeline: discover → extract → detect → locate → suppress → report.

``Scanner.scan_file`` is the whole life of one file; ``Scanner.scan`` runs it over every file
and collects a :class:`Report`. Nothing here prints: renderers in ``report/`` do that.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from redactcheck.chunking import detect_chunked
from redactcheck.config import Config
from redactcheck.detect.rules import RuleDetector
from redactcheck.discover import Skipped, walk
from redactcheck.document import Document
from redactcheck.extract import extract
from redactcheck.finding import Finding, severity_rank
from redactcheck.isolation import Outcome, guard, read_bounded
from redactcheck.limits import Limits, check_deadline, check_line_length, file_scope
from redactcheck.locate import fingerprint_key, locate
from redactcheck.ruleset.loader import LoadedRule, load_rules
from redactcheck.suppress.allow import AllowList


@dataclass(slots=True)
class ScanError:
    path: str
    message: str
    detail: str | None = None  # traceback, printed only with --debug


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    size: int = 0
    skipped: str | None = None  # why the file is not a document (listed with --verbose)


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    files_scanned: int = 0
    bytes_scanned: int = 0
    rules: list[LoadedRule] = field(default_factory=list)
    skipped: list[ScanError] = field(default_factory=list)  # not documents, not errors

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
        """0 clean, 1 findings at or above ``fail_on``, 2 when some input could not be read."""
        if self.errors:
            return 2
        threshold = severity_rank(fail_on)
        return 1 if any(severity_rank(f.severity) >= threshold for f in self.findings) else 0


def _display_path(path: Path, *, resolve: bool = True) -> str:
    """The path as shown in reports: relative to the working directory when inside it.

    ``resolve=False`` keeps a symbolic link's own name (a link loop cannot be resolved).
    """
    try:
        shown = path.resolve() if resolve else Path(os.path.abspath(path))
        return shown.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
    except (OSError, RuntimeError):  # a symbolic-link loop cannot be resolved
        return _display_path(path, resolve=False)


class Scanner:
    """Holds what is expensive to build (compiled rules, the NLP model) for many files."""

    def __init__(self, config: Config, *, name_detector=None):
        self.config = config
        self.rules = load_rules(
            [Path(r) for r in config.rules], disabled=frozenset(config.disable)
        )
        self.rule_detector = RuleDetector(self.rules)
        self._name_detector = name_detector
        self.allow = AllowList(config.allow)
        self.key = fingerprint_key()
        self.limits = Limits(
            max_file_size=config.max_file_size,
            max_member_size=config.max_member_size,
            max_line_length=config.max_line_length,
            # no explicit budget: 10 minutes, plus 2 minutes per MB for large files
            file_timeout=600.0 if config.file_timeout is None else config.file_timeout,
            timeout_per_mb=120.0 if config.file_timeout is None else 0.0,
        )

    @property
    def name_detector(self):
        if self._name_detector is None and self.config.names:
            from redactcheck.detect.names import NameDetector

            self._name_detector = NameDetector(
                self.config.model, tuple(self.config.entities), self.config.min_score
            )
        return self._name_detector

    def detect_document(self, document: Document) -> list[Finding]:
        findings: list[Finding] = []
        for segment in document.segments:
            check_deadline()
            check_line_length(segment.text, self.limits)
            found = self.rule_detector.detect(segment)
            if self.config.names:
                found.extend(detect_chunked(self.name_detector, segment))
            found = [f for f in found if f.score >= self.config.min_score]
            findings.extend(locate(found, segment, document.path, self.key))
        # extractor findings (hidden content) carry their own location already
        for f in document.findings:
            f.path = document.path
        findings.extend(document.findings)
        return findings

    def scan_file(self, path: Path) -> FileResult:
        """Scan one file. Never raises: any failure becomes an entry in ``result.errors``
        (or ``result.skipped`` for a file that is not a document); see ``isolation.py``."""
        shown = _display_path(path)
        result = FileResult(shown)
        outcome = Outcome()
        with guard(outcome), file_scope(self.limits, path.stat().st_size):
            data = read_bounded(path, self.limits)
            result.size = len(data)
            outcome.at("extracting")
            document = extract(shown, data)
            del data
            outcome.at("detecting")
            findings = self.detect_document(document)
            result.notes.extend(document.notes)
            result.findings = sorted(self.allow.filter(findings), key=Finding.sort_key)
        if outcome.error is not None:
            result.findings = []
            result.errors.append(ScanError(shown, outcome.error, outcome.detail))
        elif outcome.skipped is not None:
            result.skipped = outcome.skipped
        return result

    def iter_files(self, paths: list[Path], skipped: list[Skipped]) -> Iterator[Path]:
        return walk(
            paths,
            include=self.config.include,
            exclude=self.config.exclude,
            follow_symlinks=self.config.follow_symlinks,
            respect_gitignore=self.config.respect_gitignore,
            errors=skipped,
        )

    def scan(self, paths: list[Path]) -> Report:
        report = Report(rules=self.rules)
        skipped: list[Skipped] = []
        for result in self.scan_results(self.iter_files(paths, skipped)):
            report.files_scanned += 1
            report.bytes_scanned += result.size
            report.findings.extend(result.findings)
            report.errors.extend(result.errors)
            if result.skipped is not None:
                report.files_scanned -= 1
                report.skipped.append(ScanError(result.path, result.skipped))
        for s in skipped:
            item = ScanError(_display_path(Path(s.path), resolve=False), s.reason)
            (report.skipped if s.benign else report.errors).append(item)
        report.skipped.sort(key=lambda e: e.path)
        report.findings.sort(key=Finding.sort_key)
        report.errors.sort(key=lambda e: e.path)
        return report

    def scan_results(self, files: Iterable[Path]) -> Iterator[FileResult]:
        for path in files:
            yield self.scan_file(path)
