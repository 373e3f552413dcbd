"""The life of one file: bytes → :class:`~redactcheck.results.FileResult`.

extract → detect (rules, names, structure checks) → locate → suppress, under the file's
resource limits and isolation guard. :meth:`Pipeline.scan` is the one entry point; it takes a
batch so that NER runs over the segments of many small files at once. Walking folders, running
workers, caching and adding results up into a report belong to ``session.py``; nothing here
prints.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from redactcheck.cache import ReuseByText
from redactcheck.config import Config
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.detect.markings.stated_level import apply_stated_level
from redactcheck.detect.markings.structure import check_structure
from redactcheck.detect.overlap import drop_duplicate_contacts, drop_nested_markings
from redactcheck.document import Document, Placed, Segment
from redactcheck.extract import extract
from redactcheck.extract.hidden import name_detectors
from redactcheck.extract.ocr import ocr_settings
from redactcheck.finding import Finding, Hit
from redactcheck.isolation import Outcome, guard, read_bounded
from redactcheck.limits import (
    LimitExceeded,
    Limits,
    check_deadline,
    check_line_length,
    file_scope,
    timer_held,
)
from redactcheck.locate import fingerprint_key, locate
from redactcheck.paths import display_path
from redactcheck.results import FileResult, ScanError
from redactcheck.ruleset.loader import load_rules
from redactcheck.safetext import valid_text, visible
from redactcheck.suppress.chain import SuppressionChain

#: A few lines that reach every rules-only detection step (see ``Pipeline._prepare``).
_PREPARE_SAMPLE = (
    "SECRET//NOFORN\n(S) Memo. CONF' =NTIAL S E C R E T Unclassifed\n"
    "Classified By: A. Reviewer, Reason: 1.4(b)\nDECL: 20301231\nredactcheck: ignore\n"
)

#: What :meth:`Pipeline.scan` takes for one file: a path to read, a path with the name
#: reports show for it, or that name with the file's bytes already read.
Item = Path | tuple[str, bytes] | tuple[str, Path]


class Pipeline:
    """Holds what is expensive to build (compiled rules, the NLP model) for many files."""

    def __init__(self, config: Config, *, name_detector=None, key: bytes | None = None):
        self.config = config
        self.rules = load_rules([Path(r) for r in config.rules], disabled=frozenset(config.disable))
        self.rule_detector = RuleDetector(self.rules)
        self.rules_memo = ReuseByText(lambda segment: self.rule_detector.detect(segment))
        self._name_detector = name_detector
        self.suppressions = SuppressionChain.from_config(config)
        self.key = key or fingerprint_key()
        self.limits = Limits(
            max_file_size=config.max_file_size,
            max_member_size=config.max_member_size,
            max_line_length=config.max_line_length,
            # no explicit budget: 10 minutes, plus 2 minutes per MB for large files
            file_timeout=600.0 if config.file_timeout is None else config.file_timeout,
            timeout_per_mb=120.0 if config.file_timeout is None else 0.0,
        )
        self.ocr = ocr_settings(config)  # the config is frozen: worked out once, not per file
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
    def name_detector(self):
        if self._name_detector is None and self.config.names:
            # imported here: Presidio and spaCy take seconds to import, a rules-only run
            # (--no-names) never needs them
            from redactcheck.detect.pii.names import NameDetector

            self._name_detector = NameDetector(
                self.config.model,
                tuple(self.config.entities),
                self.config.min_score,
                sentence_parser=self.config.sentence_parser,
            )
        return self._name_detector

    # --- the one entry point ----------------------------------------------------------------

    def scan(self, items: list[Item], *, keep_text: bool = False) -> list[FileResult]:
        """One result per item, in order. Paths are read here (unreadable ones become results
        with an error); NER is batched over the segments of all files read. ``keep_text``
        keeps each file's text in its result, for renderers that show it (HTML)."""
        results: list[FileResult | None] = []
        batch: list[tuple[str, bytes]] = []
        for item in items:
            if isinstance(item, tuple) and isinstance(item[1], bytes):
                batch.append(item)  # type: ignore[arg-type]
                results.append(None)
                continue
            path, known = (item[1], item[0]) if isinstance(item, tuple) else (item, None)
            shown, data, error = self.read(path, known)  # type: ignore[arg-type]
            if error is not None or data is None:
                results.append(error or FileResult(shown))
            else:
                batch.append((shown, data))
                results.append(None)
        # one time-budget timer for the batch's files (limits.py), few garbage collections
        with timer_held(), fewer_collections():
            scanned = iter(self._scan_read(batch, keep_text))
        return [r if r is not None else next(scanned) for r in results]

    def read(
        self, path: Path, shown: str | None = None
    ) -> tuple[str, bytes | None, FileResult | None]:
        """The bytes of ``path``, or a result carrying the one-line reason it cannot be read
        (or why it is skipped); never raises (see ``isolation.py``). ``shown``: the path as
        reports show it, when the caller worked it out already."""
        shown = display_path(path) if shown is None else shown
        outcome = Outcome()
        with guard(outcome):
            return shown, read_bounded(path, self.limits), None
        return shown, None, failed(FileResult(shown), outcome)

    # --- steps ------------------------------------------------------------------------------

    def detect_document(
        self, document: Document, names: list[list[Hit]] | None = None, used: set[str] | None = None
    ) -> list[Finding]:
        """The findings of one document, in three steps: detect (hits per segment, structure
        checks over them, the extractor's hidden-content hits), locate (once, every hit),
        suppress (inline, then configured; keys used go into ``used``). ``names`` holds name
        hits per segment when the caller batched NER over many documents (``scan``)."""
        if names is None and self.config.names:
            names = self.name_detector.detect_many(document.segments)
        per_segment: list[tuple[Segment, list[Hit]]] = []
        placed: list[Placed] = []
        for index, segment in enumerate(document.segments):
            check_deadline()
            check_line_length(segment.text, self.limits)
            found = self.rules_memo.detect(segment)
            if names is not None:
                found = drop_duplicate_contacts(found + names[index])
            found = [f for f in found if f.score >= self.config.min_score]
            per_segment.append((segment, found))
            placed.extend(Placed(segment, h) for h in drop_nested_markings(found))
            placed.extend(Placed(segment, h) for h in self.suppressions.directive_hits(segment))
        # severity follows the level the document states (UNCLASSIFIED: markings are info)
        placed = _stated_level(placed)
        # document-level marking checks (banner vs portions, authority block, dates, tokens)
        for segment, h in check_structure(per_segment, self.config.as_of):
            if h.rule_id not in self.config.disable:
                placed.append(Placed(segment, h))
        placed.extend(document.hidden)
        findings = name_detectors(locate(placed, document.path, self.key))
        pairs = [(p.segment, f) for p, f in zip(placed, findings, strict=True)]
        return self.suppressions.file(pairs, set() if used is None else used)

    def _scan_read(self, items: list[tuple[str, bytes]], keep_text: bool) -> list[FileResult]:
        """Scan files already read, NER batched over all of their segments."""
        results: list[FileResult] = []
        documents: list[tuple[FileResult, Document]] = []
        for shown, data in items:
            result = FileResult(shown, size=len(data))
            results.append(result)
            outcome = Outcome(stage=["extracting"])
            with guard(outcome), file_scope(self.limits, len(data)):
                document = extract(shown, data, ocr=self.ocr)
                self._screen_segments(document)
                result.notes.extend(document.notes)
                documents.append((result, document))
            failed(result, outcome)
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
                findings = self.detect_document(document, found, result.suppressions_used)
                result.findings = sorted(findings, key=Finding.sort_key)
                if keep_text:
                    result.segments = [Segment(s.text, s.part, s.page) for s in document.segments]
            failed(result, outcome)
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
            document.hidden = [
                p for p in document.hidden if (p.segment.part, p.segment.page) not in dropped
            ]

    def _names_for(self, documents: list[Document]) -> list[list[list[Hit]] | None]:
        """Name findings per document and segment, from one NER pass over all segments."""
        if not self.config.names or not documents:
            return [None] * len(documents)
        segments = [s for d in documents for s in d.segments]
        flat = iter(self.name_detector.detect_many(segments))
        return [[next(flat) for _ in d.segments] for d in documents]


#: Young-generation threshold of the garbage collector while a batch is scanned (Python's
#: default: 700 allocations).
BATCH_GC_THRESHOLD = 10_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Look for reference cycles less often while a batch is scanned, then as before.

    A file's texts, hits and findings are freed by reference counting as soon as they are
    done with; the collector's young-generation passes, every 700 allocations, found nothing
    to free and cost some 0.05 of 2.2 CPU s on the 30 MB corpus (rules only, one process),
    under 0.01 s at this threshold. The threshold is put back afterwards, whatever it was."""
    threshold = gc.get_threshold()
    if threshold[0] == 0 or threshold[0] >= BATCH_GC_THRESHOLD:
        yield  # collection off, or already rarer than this: leave it as it is
        return
    gc.set_threshold(BATCH_GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _stated_level(placed: list[Placed]) -> list[Placed]:
    """Detector hits with the severity the document's stated level gives them
    (``stated_level.apply_stated_level``)."""
    hits = apply_stated_level([p.hit for p in placed])
    return [p if h is p.hit else Placed(p.segment, h) for p, h in zip(placed, hits, strict=True)]


def _one_line(message: str, limit: int = 400) -> str:
    message = visible(" ".join(message.split()))
    return message if len(message) <= limit else message[: limit - 1] + "…"


def failed(result: FileResult, outcome: Outcome) -> FileResult:
    """Record what went wrong with a file (nothing, when ``outcome`` is clean)."""
    if outcome.error is not None:
        result.findings = []
        result.segments = None
        result.errors.append(ScanError(result.path, outcome.error, outcome.detail, outcome.frames))
    elif outcome.skipped is not None:
        result.skipped = outcome.skipped
    return result
