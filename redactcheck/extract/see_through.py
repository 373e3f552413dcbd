"""See-through marker redactions on scanned pages: a dark box whose pixels still hold the
words, readable once the contrast inside the box is raised.

A felt marker or a grey box printed over paper leaves the ink under it a little darker than
the marker itself; the scan keeps that difference. The box is found as a solid dark rectangle
in the page image, its inside stretched to full contrast and read by OCR: words read there
with fair confidence were not removed. A box of one flat colour (a real black-out, or a
digital box burnt into the scan) holds nothing to stretch and is passed over. x-ray does not
look at images at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CELL = 4  # pixels per grid cell when looking for boxes (at 300 dpi: about 1/3 mm)
DARK = 128  # a pixel darker than this is ink or marker
FULL = 0.9  # a cell this dark belongs to a box
MIN_WIDTH_CELLS = 12  # about 4 mm at 300 dpi: narrower dark runs are letters or rules
MIN_HEIGHT_CELLS = 5
MIN_SPREAD = 24  # grey levels between the box's dark ink and its marker after the median
MIN_CONFIDENCE = 60.0
MAX_BOXES = 50


@dataclass(slots=True)
class SeenThrough:
    text: str
    box: tuple[int, int, int, int]  # pixels of the page image: left, top, right, bottom
    confidence: float


def dark_boxes(pixels: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Solid dark rectangles of a grey page image, as pixel boxes (left, top, right, bottom)."""
    height, width = pixels.shape
    rows, cols = height // CELL, width // CELL
    if not rows or not cols:
        return []
    grid = (pixels[: rows * CELL, : cols * CELL] < DARK).reshape(rows, CELL, cols, CELL)
    full = grid.mean(axis=(1, 3)) >= FULL
    open_boxes: list[list[int]] = []  # [left, top, right, bottom] in cells, still growing
    done: list[list[int]] = []
    for y in range(rows):
        runs = _runs(full[y])
        grown = []
        for box in open_boxes:
            match = next(
                (
                    r
                    for r in runs
                    if min(r[1], box[2]) - max(r[0], box[0]) >= 0.8 * (box[2] - box[0])
                ),
                None,
            )
            if match is not None:
                box[3] = y + 1
                grown.append(box)
                runs.remove(match)
            else:
                done.append(box)
        open_boxes = grown + [[a, y, b, y + 1] for a, b in runs]
    done.extend(open_boxes)
    out = []
    for left, top, right, bottom in done:
        if bottom - top >= MIN_HEIGHT_CELLS:
            out.append((left * CELL, top * CELL, right * CELL, bottom * CELL))
    return out[:MAX_BOXES]


def _runs(row: np.ndarray) -> list[tuple[int, int]]:
    """Runs of True at least ``MIN_WIDTH_CELLS`` long, as (start, end)."""
    padded = np.concatenate(([False], row, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [
        (int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)
        if b - a >= MIN_WIDTH_CELLS
    ]  # fmt: skip


def read_under_markers(api, image) -> list[SeenThrough]:
    """Words that show through dark boxes on a page image, read by ``api`` (tesserocr)."""
    # imported here: Tesseract and Pillow load only when a scanned page is OCR'd
    import tesserocr
    from PIL import Image

    pixels = np.asarray(image.convert("L"))
    found: list[SeenThrough] = []
    for left, top, right, bottom in dark_boxes(pixels):
        inset = CELL
        crop = pixels[top + inset : bottom - inset, left + inset : right - inset]
        if crop.size == 0:
            continue
        low, high = np.percentile(crop, [2, 98])
        if high - low < MIN_SPREAD:
            continue  # one flat colour: a real black-out
        stretched = np.clip((crop.astype(float) - low) * 255.0 / (high - low), 0, 255)
        piece = Image.fromarray(stretched.astype(np.uint8))
        framed = Image.new("L", (piece.width + 40, piece.height + 40), 255)
        framed.paste(piece, (20, 20))
        api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
        try:
            api.SetImage(framed)
            text = " ".join((api.GetUTF8Text() or "").split())
            confidence = float(api.MeanTextConf())
        finally:
            api.SetPageSegMode(tesserocr.PSM.AUTO)
            api.Clear()
        if sum(c.isalnum() for c in text) >= 3 and confidence >= MIN_CONFIDENCE:
            found.append(SeenThrough(text, (left, top, right, bottom), confidence))
    return found
