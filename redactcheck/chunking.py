"""Run a detector over a long text in overlapping chunks, with exact offsets.

spaCy refuses texts over 1,000,000 characters and needs about 3 GB of memory per MB of text,
so a long segment is cut into chunks of at most ``size`` characters at paragraph, line,
sentence or word boundaries, each overlapping the next by ``overlap`` characters. A finding is
kept from the chunk that owns its start (the middle of each overlap divides ownership), so a
name that straddles a cut is found whole in one chunk and reported once, and every offset is
shifted back into the segment: ``segment.text[start:end] == finding.text`` still holds.
The time budget is checked between chunks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from redactcheck.document import Segment
from redactcheck.finding import Finding
from redactcheck.limits import check_deadline

#: Characters per chunk: well under spaCy's limit and ~300 MB of NER memory.
CHUNK_CHARS = 100_000
#: Characters shared by neighbouring chunks; any entity shorter than half of it is seen whole.
OVERLAP_CHARS = 1_000

_BREAKS = ("\n\n", "\n", ". ", " ")


class Detector(Protocol):
    def detect(self, segment: Segment) -> list[Finding]: ...


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the chunk beginning at ``start``: a natural break in its last tenth."""
    if limit >= len(text):
        return len(text)
    floor = start + (limit - start) * 9 // 10
    for mark in _BREAKS:
        at = text.rfind(mark, floor, limit)
        if at != -1:
            return at + len(mark)
    return limit


def spans(
    text: str, size: int = CHUNK_CHARS, overlap: int = OVERLAP_CHARS
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each chunk; consecutive chunks overlap by about ``overlap``."""
    if size <= 2 * overlap:
        raise ValueError("chunk size must exceed twice the overlap")
    start = 0
    while True:
        end = _cut(text, start, start + size)
        yield start, end
        if end >= len(text):
            return
        start = max(end - overlap, start + 1)


def detect_chunked(
    detector: Detector, segment: Segment, size: int = CHUNK_CHARS, overlap: int = OVERLAP_CHARS
) -> list[Finding]:
    """``detector.detect(segment)``, in chunks when the segment is longer than ``size``."""
    text = segment.text
    if len(text) <= size:
        return detector.detect(segment)
    chunks = list(spans(text, size, overlap))
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for k, (start, end) in enumerate(chunks):
        check_deadline()
        # ownership: from the middle of the previous overlap to the middle of the next one
        own_from = 0 if k == 0 else (start + chunks[k - 1][1]) // 2
        own_to = len(text) if k == len(chunks) - 1 else (chunks[k + 1][0] + end) // 2
        piece = Segment(text[start:end], segment.part, segment.page, segment.origin)
        for f in detector.detect(piece):
            f.start += start
            f.end += start
            if not own_from <= f.start < own_to:
                continue
            key = (f.rule_id, f.start, f.end)
            if key in seen:
                continue
            seen.add(key)
            out.append(f)
    return out
