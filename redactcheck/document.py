"""What an extractor hands to the detectors: text segments with their place in the document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from redactcheck.finding import Hit, quick_init


@dataclass(slots=True)
class Segment:
    """A run of text from one part of a document.

    ``part`` says where the text lives (``body``, ``header``, ``comment``, ``metadata``,
    ``attachment:NAME`` …) and ``page`` is the 1-based page for paginated formats. Finding
    offsets, lines and columns refer to ``text``. ``origin`` optionally maps a text offset back
    to the source (e.g. a PDF character box); detectors never need it.
    """

    text: str
    part: str = "body"
    page: int | None = None
    origin: Any = None


@dataclass(frozen=True, slots=True)
class Placed:
    """A hit and the segment its offsets point into: what ``locate.py`` turns into a finding.

    Extractors record hidden content this way, so the hit's segment is known and never
    searched for again."""

    segment: Segment
    hit: Hit


quick_init(Placed)  # one per hit of every document (finding.quick_init)


@dataclass(slots=True)
class Document:
    """One input file after extraction.

    ``hidden`` holds what the extractor itself found (hidden content, failed redactions,
    pages without a text layer), each hit with its segment; detectors add theirs to the same
    report. ``notes`` are
    remarks for the user (e.g. "decoded as cp1252") that are not findings; ``errors`` name
    content that was skipped, so a scan never passes a file it did not fully read.
    """

    path: str
    media_type: str
    segments: list[Segment] = field(default_factory=list)
    hidden: list[Placed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: content that was not read (a page past the page limit, an attachment that could not be
    #: unpacked): the file's findings stand and it is named under ``errors`` (exit status 2)
    errors: list[str] = field(default_factory=list)
