"""Turn a document's hits into findings, in one pass: file, part, page, line, column, context,
PDF box and keyed fingerprint (numbered when identical spans share one)."""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from redactcheck.document import Placed
from redactcheck.finding import Finding, Hit

CONTEXT_CHARS = 60
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
        """The index of ``text``, built once: a segment's line numbers are asked for by the
        locate pass and by the inline suppressions found in it."""
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
    """Whitespace runs as one space, none at the ends, case folded. ``str.split`` cuts at
    exactly the characters ``\\s`` matches (``str.isspace``), so this is
    ``re.sub(r"\\s+", " ", text).strip()`` without a regex call per finding."""
    return " ".join(text.split()).casefold()


def fingerprint(rule_id: str, path: str, part: str, hit: Hit, segment_text: str, key: bytes) -> str:
    """Keyed hash of rule, matched text and up to two words either side on the same line.

    Line numbers and neighbouring lines are left out so that edits elsewhere in the file keep it
    stable (a baseline must survive a paragraph added above); the key stops anyone from
    confirming a guessed name against a published fingerprint.
    """
    start, end = hit.start, hit.end
    line_start = max(segment_text.rfind("\n", 0, start) + 1, start - 80)
    nl = segment_text.find("\n", end)
    line_end = min(len(segment_text) if nl == -1 else nl, end + 80)
    before = _WORDS.findall(segment_text[line_start:start])[-2:]
    after = _WORDS.findall(segment_text[end:line_end])[:2]
    material = "\x1f".join(
        [
            rule_id,
            path,
            part,
            normalise_for_fingerprint(hit.text),
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


def number_duplicates(fingerprints: list[str], key: bytes) -> list[str]:
    """The 2nd, 3rd … equal fingerprint of a file made one of its own.

    Identical spans in identical line context (a banner at the top and bottom of every page)
    would otherwise share one fingerprint, and a baseline that accepted one would silently
    accept any number of new copies. Numbering in document order keeps them apart and stays
    stable unless an identical copy is added or removed (a copy suppressed inline still
    counts, so adding a suppression renumbers nothing).
    """
    seen: dict[str, int] = {}
    out: list[str] = []
    for fp in fingerprints:
        n = seen.get(fp, 0) + 1
        seen[fp] = n
        out.append(_keyed_hash(key, f"{fp}#{n}".encode()) if n > 1 else fp)
    return out


def context_snippet(text: str, start: int, end: int) -> str:
    """The match with up to ``CONTEXT_CHARS`` characters of its line on either side."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    nl = text.find("\n", end)
    line_end = min(len(text) if nl == -1 else nl, end + CONTEXT_CHARS)
    return text[line_start:line_end].replace("\r", " ").replace("\t", " ")


def locate(placed: list[Placed], path: str, key: bytes) -> list[Finding]:
    """Every hit of one document as a :class:`Finding`, in the order given: the one place a
    finding gets its location (called once per document by ``pipeline.py``)."""
    where: dict[int, dict[int, tuple[int, int]]] = {}
    by_segment: dict[int, list[Placed]] = {}
    for p in placed:
        by_segment.setdefault(id(p.segment), []).append(p)
    for group in by_segment.values():
        offsets = {o for p in group for o in (p.hit.start, p.hit.end)}
        where[id(group[0].segment)] = line_columns(group[0].segment.text, offsets)
    prints = number_duplicates(
        [
            fingerprint(p.hit.rule_id, path, p.segment.part, p.hit, p.segment.text, key)
            for p in placed
        ],
        key,
    )
    return [
        _finding(p, path, where[id(p.segment)], fp) for p, fp in zip(placed, prints, strict=True)
    ]


def _finding(
    placed: Placed, path: str, where: dict[int, tuple[int, int]], fingerprint_: str
) -> Finding:
    hit, segment = placed.hit, placed.segment
    details = hit.details
    bbox = None
    boxes = segment.origin if hasattr(segment.origin, "bbox") else None  # PDF pages
    if boxes is not None:
        bbox = boxes.bbox(hit.start, hit.end)
        extra = {
            "ocr_confidence": boxes.ocr_confidence(hit.start, hit.end),
            "page_band": boxes.band(bbox),  # layout evidence: margin banners, stamps
        }
        extra = {k: v for k, v in extra.items() if v is not None}
        if extra:
            details = {**details, **extra}
    line, column = where[hit.start]
    end_line, end_column = where[hit.end]
    return Finding(
        rule_id=hit.rule_id,
        category=hit.category,
        entity=hit.entity,
        severity=hit.severity,
        score=hit.score,
        start=hit.start,
        end=hit.end,
        text=hit.text,
        message=hit.message,
        path=path,
        part=segment.part,
        page=segment.page,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        system=hit.system,
        exemption=hit.exemption,
        context=context_snippet(segment.text, hit.start, hit.end),
        fingerprint=fingerprint_,
        detector=hit.detector,
        details=details,
        bbox=bbox,
        explanation=hit.explanation,
    )
