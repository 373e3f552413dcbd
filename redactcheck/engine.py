"""The scan pipeline: discover → extract → detect → locate → suppress → report.

``Scanner.scan_file`` is the whole life of one file; ``Scanner.scan`` runs it over every file
and collects a :class:`Report`. Nothing here prints: renderers in ``report/`` do that.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from pathlib import Path, PurePath

from redactcheck.cache import ReuseByText
from redactcheck.config import Config
from redactcheck.detect.overlap import drop_nested_markings
from redactcheck.detect.rules import RuleDetector
from redactcheck.detect.structure import apply_stated_level, check_structure
from redactcheck.discover import Skipped, walk
from redactcheck.document import Document, Segment
from redactcheck.extract import extract
from redactcheck.extract.hidden import place_document_findings
from redactcheck.extract.ocr import ocr_settings
from redactcheck.finding import Finding, severity_rank
from redactcheck.isolation import Outcome, content_free_trace, guard, read_bounded
from redactcheck.limits import (
    LimitExceeded,
    Limits,
    check_deadline,
    check_line_length,
    file_scope,
    timer_held,
)
from redactcheck.locate import fingerprint_key, locate, number_duplicates
from redactcheck.ruleset.loader import LoadedRule, load_rules
from redactcheck.safetext import valid_text, visible
from redactcheck.suppress.allow import AllowList
from redactcheck.suppress.configured import ConfiguredSuppressions
from redactcheck.suppress.inline import apply_inline, drop_directive_comments

#: A few lines that reach every rules-only detection step (see ``Scanner._prepare``).
_PREPARE_SAMPLE = (
    "SECRET//NOFORN\n(S) Memo. CONF' =NTIAL S E C R E T Unclassifed\n"
    "Classified By: A. Reviewer, Reason: 1.4(b)\nDECL: 20301231\nredactcheck: ignore\n"
)

#: Called once per finished file (progress bars, see ``redactcheck/progress.py``); when the
#: hook also has ``start(files)``, it is called first with the list of files to scan.
ProgressHook = Callable[["FileResult"], None]


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
    #: path -> text segments, filled only when ``Scanner.keep_text`` is set (HTML report)
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
        """0 clean, 1 findings at or above ``fail_on``, 2 when some input could not be read."""
        if self.errors:
            return 2
        threshold = severity_rank(fail_on)
        return 1 if any(severity_rank(f.severity) >= threshold for f in self.findings) else 0


def _display_path(path: Path, *, resolve: bool = True, link: bool | None = None) -> str:
    """The path as shown in reports: relative to the working directory when inside it.

    ``resolve=False`` keeps a symbolic link's own name (a link loop cannot be resolved);
    ``link`` says whether ``path`` is a symbolic link, when the caller knows already. Never
    raises, and the result is safe to print and encode (``safetext.visible``): a name that is
    not UTF-8, holds control characters or is too long for the system is still shown.
    """
    try:
        return visible(_shown(path, resolve, link))
    except (OSError, RuntimeError, ValueError):  # a loop, a path past PATH_MAX …
        pass
    try:
        return visible(_shown(path, False, False))
    except (OSError, RuntimeError, ValueError):
        return visible(os.fsdecode(os.fspath(path)))


def _shown(path: Path, resolve: bool, link: bool | None) -> str:
    if (path.is_symlink() if link is None else link) or not resolve:
        shown = path.resolve() if resolve else Path(os.path.abspath(path))
        try:
            return shown.relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.as_posix()
    # resolving each folder once (not each file) keeps big trees fast
    folder = _resolved_dir(str(path.parent), os.getcwd())
    return path.as_posix() if folder is None else (folder / path.name).as_posix()


@lru_cache(maxsize=1024)
def _resolved_dir(directory: str, cwd: str) -> PurePath | None:
    """``directory`` resolved, relative to ``cwd``; None when it lies outside."""
    try:
        return Path(directory).resolve().relative_to(Path(cwd).resolve())
    except ValueError:
        return None


class Scanner:
    """Holds what is expensive to build (compiled rules, the NLP model) for many files."""

    def __init__(self, config: Config, *, name_detector=None, key: bytes | None = None):
        self.config = config
        self.rules = load_rules([Path(r) for r in config.rules], disabled=frozenset(config.disable))
        self.rule_detector = RuleDetector(self.rules)
        self.rules_memo = ReuseByText(lambda segment: self.rule_detector.detect(segment))
        self._name_detector = name_detector
        self.allow = AllowList(config.allow)
        self.suppressions = ConfiguredSuppressions(
            config.allow,
            config.allow_regex,
            config.per_path_disable,
            Path(config.source).parent if config.source else None,
        )
        self.key = key or fingerprint_key()
        self.limits = Limits(
            max_file_size=config.max_file_size,
            max_member_size=config.max_member_size,
            max_line_length=config.max_line_length,
            # no explicit budget: 10 minutes, plus 2 minutes per MB for large files
            file_timeout=600.0 if config.file_timeout is None else config.file_timeout,
            timeout_per_mb=120.0 if config.file_timeout is None else 0.0,
        )
        self._prepare()

    def _prepare(self) -> None:
        """Build now what the first file would build lazily (lexicons read from YAML, the
        normaliser's and the OCR step's automata): pool workers fork from this process and
        inherit them, instead of each spending some 60 ms on its first file. The sample
        touches every detection step; the result is thrown away. Names are left out: the
        model loads only when asked for (``name_detector``)."""
        sample = Document("prepare.txt", "text/plain", [Segment(_PREPARE_SAMPLE)])
        self.detect_document(sample, names=[[]])
        self.rules_memo.clear()

    @property
    def keep_text(self) -> bool:
        """Keep each file's text in the report, for renderers that show it (HTML). Lives in the
        config so worker processes and result caches see it too."""
        return self.config.keep_text

    @keep_text.setter
    def keep_text(self, value: bool) -> None:
        self.config.keep_text = value

    @property
    def name_detector(self):
        if self._name_detector is None and self.config.names:
            from redactcheck.detect.names import NameDetector

            self._name_detector = NameDetector(
                self.config.model,
                tuple(self.config.entities),
                self.config.min_score,
                sentence_parser=self.config.sentence_parser,
            )
        return self._name_detector

    def detect_document(
        self, document: Document, names: list[list[Finding]] | None = None
    ) -> list[Finding]:
        """Findings of one document; ``names`` holds name findings per segment when the caller
        batched NER over many documents (``scan_batch``)."""
        if names is None and self.config.names:
            names = self.name_detector.detect_many(document.segments)
        findings: list[Finding] = []
        per_segment: list[tuple[Segment, list[Finding]]] = []
        for index, segment in enumerate(document.segments):
            check_deadline()
            check_line_length(segment.text, self.limits)
            found = self.rules_memo.detect(segment)
            if names is not None:
                found.extend(names[index])
            found = [f for f in found if f.score >= self.config.min_score]
            per_segment.append((segment, found))
            located = locate(drop_nested_markings(found), segment, document.path, self.key)
            kept = apply_inline(
                located, segment, report_unused=self.config.report_unused_suppressions
            )
            # unused-suppression findings are new here and still need their location
            findings.extend(f for f in kept if f.path)
            fresh = [f for f in kept if not f.path]
            findings.extend(locate(fresh, segment, document.path, self.key))
        # severity follows the level the document states (UNCLASSIFIED: markings are info)
        apply_stated_level(findings)
        # document-level marking checks (banner vs portions, authority block, dates, tokens)
        for segment, f in check_structure(per_segment, self.config.as_of):
            if f.rule_id not in self.config.disable:
                findings.extend(locate([f], segment, document.path, self.key))
        # extractor findings (hidden content) point into a segment: place them the same way
        placed = place_document_findings(document, findings, self.key)
        findings.extend(drop_directive_comments(placed))
        number_duplicates(findings, self.key)
        return findings

    def scan_file(self, path: Path) -> FileResult:
        shown, data, error = self.read_file(path)
        if error is not None or data is None:
            return error or FileResult(shown)
        return self.scan_batch([(shown, data)])[0]

    def read_file(
        self, path: Path, shown: str | None = None
    ) -> tuple[str, bytes | None, FileResult | None]:
        """The bytes of ``path``, or a result carrying the one-line reason it cannot be read
        (or why it is skipped); never raises (see ``isolation.py``). ``shown``: the path as
        reports show it, when the caller worked it out already."""
        shown = _display_path(path) if shown is None else shown
        outcome = Outcome()
        with guard(outcome):
            return shown, read_bounded(path, self.limits), None
        return shown, None, _failed(FileResult(shown), outcome)

    def scan_paths_or_data(
        self, items: list[Path | tuple[str, bytes] | tuple[str, Path]]
    ) -> list[FileResult]:
        """``scan_batch`` for a mix of paths still to read (bare, or with the path as shown)
        and (shown path, bytes) pairs."""
        results: list[FileResult | None] = []
        batch: list[tuple[str, bytes]] = []
        for item in items:
            if isinstance(item, tuple) and isinstance(item[1], bytes):
                batch.append(item)  # type: ignore[arg-type]
                results.append(None)
                continue
            path, known = (item[1], item[0]) if isinstance(item, tuple) else (item, None)
            shown, data, error = self.read_file(path, known)
            if error is not None or data is None:
                results.append(error or FileResult(shown))
            else:
                batch.append((shown, data))
                results.append(None)
        scanned = iter(self.scan_batch(batch))
        return [r if r is not None else next(scanned) for r in results]

    def scan_batch(self, items: list[tuple[str, bytes]]) -> list[FileResult]:
        """Scan files already read, NER batched over all of their segments (see parallel.py)."""
        with timer_held():  # one time-budget timer for the batch's files (limits.py)
            return self._scan_batch(items)

    def _scan_batch(self, items: list[tuple[str, bytes]]) -> list[FileResult]:
        results: list[FileResult] = []
        documents: list[tuple[FileResult, Document]] = []
        for shown, data in items:
            result = FileResult(shown, size=len(data))
            results.append(result)
            outcome = Outcome(stage=["extracting"])
            with guard(outcome), file_scope(self.limits, len(data)):
                document = extract(shown, data, ocr=ocr_settings(self.config))
                self._screen_segments(document)
                result.notes.extend(document.notes)
                documents.append((result, document))
            _failed(result, outcome)
        try:
            names = self._names_for([d for _, d in documents])
        except Exception:  # noqa: BLE001 - one bad text must not sink the batch: retry per file
            names = [None] * len(documents)
            batched = False
        else:
            batched = True
        for (result, document), found in zip(documents, names, strict=True):
            outcome = Outcome(stage=["detecting"])
            with guard(outcome), file_scope(self.limits, result.size):
                if not batched and self.config.names:
                    found = self.name_detector.detect_many(document.segments)
                findings = self.detect_document(document, found)
                findings = self.suppressions.filter(findings, result.suppressions_used)
                result.findings = sorted(findings, key=Finding.sort_key)
                if self.keep_text:
                    result.segments = [Segment(s.text, s.part, s.page) for s in document.segments]
            _failed(result, outcome)
            if document.errors and not result.errors:
                # parts that were not read (page limit, unreadable attachment …): the findings
                # of the rest stand, and the file is named once under errors (exit 2)
                message = "; ".join(dict.fromkeys(document.errors))
                result.errors.append(ScanError(result.path, _one_line(message)))
        return results

    def _screen_segments(self, document: Document) -> None:
        """Make each segment's text encodable (same length) and set aside a segment with a
        line over ``max_line_length`` before any detector (NER above all) sees it: that part
        is named under the file's errors, the rest of the file is still scanned. A file that
        is nothing but such a line is an error as before."""
        kept: list[Segment] = []
        dropped: set[tuple[str, int | None]] = set()
        for segment in document.segments:
            segment.text = valid_text(segment.text)  # same length: offsets hold
            try:
                check_line_length(segment.text, self.limits)
            except LimitExceeded as exc:
                if len(document.segments) == 1:
                    raise
                where = (
                    segment.part if segment.page is None else f"page {segment.page} {segment.part}"
                )
                document.errors.append(f"{where}: {exc}")
                dropped.add((segment.part, segment.page))
                continue
            kept.append(segment)
        if dropped:
            document.segments = kept
            document.findings = [f for f in document.findings if (f.part, f.page) not in dropped]

    def _names_for(self, documents: list[Document]) -> list[list[list[Finding]] | None]:
        """Name findings per document and segment, from one NER pass over all segments."""
        if not self.config.names or not documents:
            return [None] * len(documents)
        segments = [s for d in documents for s in d.segments]
        flat = iter(self.name_detector.detect_many(segments))
        return [[next(flat) for _ in d.segments] for d in documents]

    def iter_files(self, paths: list[Path], skipped: list[Skipped]) -> Iterator[Path]:
        return walk(
            paths,
            include=self.config.include,
            exclude=self.config.exclude,
            follow_symlinks=self.config.follow_symlinks,
            respect_gitignore=self.config.respect_gitignore,
            errors=skipped,
        )

    def scan(self, paths: list[Path], on_file_done: ProgressHook | None = None) -> Report:
        report = Report(rules=self.rules)
        skipped: list[Skipped] = []
        used: set[str] = set()
        files: Iterable[Path] = self.iter_files(paths, skipped)
        if on_file_done is not None and hasattr(on_file_done, "start"):
            files = list(files)  # a progress bar needs the totals first
            on_file_done.start(files)
        try:
            for result in self.scan_results(files):
                self._add_result(report, result, used, on_file_done)
        except Exception as exc:  # noqa: BLE001 - the report must still be written
            import traceback

            from redactcheck.distributed import DaskUnavailable

            if isinstance(exc, DaskUnavailable):
                raise  # a configuration error: the command line says so on one line

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
            item = ScanError(_display_path(Path(s.path), resolve=False), s.reason)
            (report.skipped if s.benign else report.errors).append(item)
        report.skipped.sort(key=lambda e: e.path)
        if self.config.report_unused_suppressions:
            source = self.config.source
            shown = _display_path(Path(source)) if source else None
            report.findings.extend(self.suppressions.unused(used, shown))
        report.findings.sort(key=Finding.sort_key)
        report.errors.sort(key=lambda e: e.path)
        return report

    @staticmethod
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

    def scan_results(
        self,
        files: Iterable[Path],
        on_file_done: Callable[[FileResult], None] | None = None,
    ) -> Iterator[FileResult]:
        """One result per file in input order, streamed as files finish.

        Runs on ``config.jobs`` local processes or the Dask cluster at ``config.dask_scheduler``
        and answers unchanged files from the result cache (see parallel.py, cache.py).
        ``on_file_done(result)`` is called for each file as it is yielded (progress display).
        """
        from redactcheck import parallel
        from redactcheck.cache import open_cache

        # the HTML report keeps document text: never put that in the cache
        use_cache = self.config.cache and not self.config.keep_text
        cache = open_cache(self) if use_cache else None
        yield from parallel.run(
            self,
            files,
            jobs=self.config.jobs or parallel.default_jobs(),
            cache=cache,
            dask_scheduler=self.config.dask_scheduler,
            on_file_done=on_file_done,
        )


def _one_line(message: str, limit: int = 400) -> str:
    message = visible(" ".join(message.split()))
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _failed(result: FileResult, outcome: Outcome) -> FileResult:
    """Record what went wrong with a file (nothing, when ``outcome`` is clean)."""
    if outcome.error is not None:
        result.findings = []
        result.segments = None
        result.errors.append(ScanError(result.path, outcome.error, outcome.detail, outcome.frames))
    elif outcome.skipped is not None:
        result.skipped = outcome.skipped
    return result
