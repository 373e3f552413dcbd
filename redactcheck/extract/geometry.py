"""Where a span of page text sits on the page: boxes in PDF points for text offsets.

A PDF page's text (text layer or OCR) carries this as its segment's ``origin``; ``locate``
asks it for the box of every finding, so reports can point at the words on the page.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # left, bottom, right, top
#: share of the page height that counts as the top or bottom margin band
BAND = 0.1


@dataclass(slots=True)
class PageBoxes:
    """Boxes of text runs (a character of the text layer, a word of OCR), sorted by offset.

    ``starts[i]:ends[i]`` is the run's place in the page text and ``rects[i]`` its box in
    unrotated page space (the PDF's own coordinates, origin bottom left). ``confidence`` holds
    OCR's confidence of each run (0-100), or is empty for a text layer.
    """

    starts: list[int]
    ends: list[int]
    rects: list[Rect]
    confidence: list[float]
    #: the page's crop box (left, bottom, right, top) and /Rotate, to place a span on the
    #: page as a reader sees it
    page_box: Rect | None = None
    rotation: int = 0

    @classmethod
    def from_spans(
        cls,
        spans: Sequence[tuple[int, int]],
        rects: Sequence[Rect],
        confidences: Sequence[tuple[int, int, float]] = (),
    ) -> PageBoxes:
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        by_span = {(s, e): c for s, e, c in confidences}
        return cls(
            [spans[i][0] for i in order],
            [spans[i][1] for i in order],
            [rects[i] for i in order],
            [by_span.get(spans[i], -1.0) for i in order] if confidences else [],
        )

    def bbox(self, start: int, end: int) -> Rect | None:
        """Union of the boxes of the runs that overlap ``start:end`` (None if none do)."""
        lo = bisect_right(self.ends, start)
        hi = bisect_left(self.starts, max(end, start + 1))
        if lo >= hi:
            return None
        chosen = self.rects[lo:hi]
        return (
            round(min(r[0] for r in chosen), 1),
            round(min(r[1] for r in chosen), 1),
            round(max(r[2] for r in chosen), 1),
            round(max(r[3] for r in chosen), 1),
        )

    def band(self, bbox: Rect | None) -> str | None:
        """``"top"`` or ``"bottom"`` when the span lies in that margin band (``BAND`` of the
        page height, as the page is shown): where banners and stamps are printed."""
        if bbox is None or self.page_box is None:
            return None
        left, bottom, right, top = self.page_box
        x = ((bbox[0] + bbox[2]) / 2 - left) / max(right - left, 1e-6)
        y = ((bbox[1] + bbox[3]) / 2 - bottom) / max(top - bottom, 1e-6)  # 0 bottom, 1 top
        # the shown page's "up" for each /Rotate (clockwise): 90 -> left edge, 270 -> right
        up = {0: y, 90: 1 - x, 180: 1 - y, 270: x}.get(self.rotation % 360, y)
        if up >= 1 - BAND:
            return "top"
        if up <= BAND:
            return "bottom"
        return None

    def ocr_confidence(self, start: int, end: int) -> float | None:
        """Lowest OCR confidence of the words in ``start:end`` (None for a text layer)."""
        if not self.confidence:
            return None
        lo = bisect_right(self.ends, start)
        hi = bisect_left(self.starts, max(end, start + 1))
        values = [c for c in self.confidence[lo:hi] if c >= 0]
        return round(min(values), 1) if values else None
