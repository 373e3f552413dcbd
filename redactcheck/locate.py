"""Give a detector's raw finding its place: file, part, page, line, column, context, fingerprint."""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from redactcheck.document import Segment
from redactcheck.finding import Finding

CONTEXT_CHARS = 60
_WS = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")

#: Environment variable holding the secret that keys fingerprints (see docs/review.md).
KEY_ENV = "REDACTCHECK_FINGERPRINT_KEY"
_DEFAULT_KEY = b"redactcheck-fingerprint-v1"


_NEWLINE = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Offsets of line starts in a text, for 1-based line/column lookups."""

    def __init__(self, text: str):
        if "\r" not in text:  # the common case, summed in C: ten times faster than a regex
            lengths = map((1).__add__, map(len, text.split("\n")))
            self.starts = list(accumulate(lengths, initial=0))[:-1]
            return
        self.starts = [0]
        self.starts.extend(m.end() for m in _NEWLINE.finditer(text))

    @staticmethod
    @lru_cache(maxsize=16)
    def of(text: str) -> LineIndex:
        """The index of ``text``, built once: a segment is located several times (detectors,
        inline suppressions, document-level checks, extractor findings)."""
        return LineIndex(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def line_columns(text: str, offsets: set[int]) -> dict[int, tuple[int, int]]:
    """1-based ``(line, column)`` of each offset.

    Without ``\r`` in the text, line breaks are counted between the sorted offsets (C-level
    ``count``/``rfind``): cheaper than building a :class:`LineIndex` of a text that holds only
    a few findings, the usual case."""
    if "\r" in text:
        index = LineIndex.of(text)
        return {o: index.position(o) for o in offsets}
    out: dict[int, tuple[int, int]] = {}
    line, previous = 1, 0
    for offset in sorted(offsets):
        line += text.count("\n", previous, offset)
        out[offset] = (line, offset - text.rfind("\n", 0, offset))
        previous = offset
    return out


def fingerprint_key(explicit: bytes | None = None) -> bytes:
    if explicit:
        return explicit
    env = os.environ.get(KEY_ENV)
    return env.encode() if env else _DEFAULT_KEY


def normalise_for_fingerprint(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


def fingerprint(finding: Finding, segment_text: str, key: bytes) -> str:
    """Keyed hash of rule, matched text and up to two words either side on the same line.

    Line numbers and neighbouring lines are left out so that edits elsewhere in the file keep it
    stable (a baseline must survive a paragraph added above); the key stops anyone from
    confirming a guessed name against a published fingerprint.
    """
    line_start = max(segment_text.rfind("\n", 0, finding.start) + 1, finding.start - 80)
    nl = segment_text.find("\n", finding.end)
    line_end = min(len(segment_text) if nl == -1 else nl, finding.end + 80)
    before = _WORDS.findall(segment_text[line_start : finding.start])[-2:]
    after = _WORDS.findall(segment_text[finding.end : line_end])[:2]
    material = "\x1f".join(
        [
            finding.rule_id,
            finding.path,
            finding.part,
            normalise_for_fingerprint(finding.text),
            " ".join(before).casefold(),
            " ".join(after).casefold(),
        ]
    )
    return _keyed_hash(key, material.encode("utf-8"))


def _keyed_hash(key: bytes, material: bytes) -> str:
    """HMAC-SHA256 (RFC 2104), first 128 bits in hex, from the key's two padded hash states
    computed once: half the cost of ``hmac.digest``, which sets the key up on every call."""
    inner_state, outer_state = _hmac_states(key)
    inner = inner_state.copy()
    inner.update(material)
    outer = outer_state.copy()
    outer.update(inner.digest())
    return outer.hexdigest()[:32]


@lru_cache(maxsize=8)
def _hmac_states(key: bytes):
    if len(key) > 64:  # SHA-256's block size: longer keys are hashed first
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return (
        hashlib.sha256(bytes(b ^ 0x36 for b in key)),
        hashlib.sha256(bytes(b ^ 0x5C for b in key)),
    )


def number_duplicates(findings: list[Finding], key: bytes) -> None:
    """Give the 2nd, 3rd … finding with the same fingerprint in a file a fingerprint of its own.

    Identical spans in identical line context (a banner at the top and bottom of every page)
    would otherwise share one fingerprint, and a baseline that accepted one would silently
    accept any number of new copies. Numbering in document order keeps them apart and stays
    stable unless an identical copy is added or removed.
    """
    seen: dict[str, int] = {}
    for f in findings:
        if not f.fingerprint:
            continue
        n = seen.get(f.fingerprint, 0) + 1
        seen[f.fingerprint] = n
        if n > 1:
            f.fingerprint = _keyed_hash(key, f"{f.fingerprint}#{n}".encode())


def context_snippet(text: str, start: int, end: int) -> str:
    """The match with up to ``CONTEXT_CHARS`` characters of its line on either side."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    nl = text.find("\n", end)
    line_end = min(len(text) if nl == -1 else nl, end + CONTEXT_CHARS)
    return text[line_start:line_end].replace("\r", " ").replace("\t", " ")


def locate(findings: list[Finding], segment: Segment, path: str, key: bytes) -> list[Finding]:
    """Fill in location fields of findings that came from ``segment`` (in place)."""
    if not findings:
        return findings
    where = line_columns(segment.text, {o for f in findings for o in (f.start, f.end)})
    boxes = segment.origin if hasattr(segment.origin, "bbox") else None  # PDF pages
    for f in findings:
        if boxes is not None and f.bbox is None:
            f.bbox = boxes.bbox(f.start, f.end)
            extra = {
                "ocr_confidence": boxes.ocr_confidence(f.start, f.end),
                "page_band": boxes.band(f.bbox),  # layout evidence: margin banners, stamps
            }
            extra = {k: v for k, v in extra.items() if v is not None}
            if extra:
                f.details = {**f.details, **extra}
        f.path = path
        f.part = segment.part if f.part == "body" else f.part
        f.page = segment.page if f.page is None else f.page
        f.line, f.column = where[f.start]
        f.end_line, f.end_column = where[f.end]
        if not f.context:
            f.context = context_snippet(segment.text, f.start, f.end)
        if not f.fingerprint:
            f.fingerprint = fingerprint(f, segment.text, key)
    return findings
