"""Renders of one area of a PDF page, in memory: the pixels ``pdf_hidden.py`` judges a box by
(one colour hides; text that changes the pixels when made invisible shows)."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw


def render_area(page: pdfium.PdfPage, rect: tuple[float, float, float, float]) -> np.ndarray | None:
    """Pixels of one rectangle of the page (page space, 0.75 pt inset), without anti-aliasing,
    annotations drawn; None when the rectangle is (nearly) off the rendered page."""
    rotation = page.get_rotation()
    if rotation:
        # boxes are in unrotated page space: render that way (in memory only; never saved)
        page.set_rotation(0)
    try:
        return _render_unrotated(page, rect)
    finally:
        if rotation:
            page.set_rotation(rotation)


def _render_unrotated(page: pdfium.PdfPage, rect) -> np.ndarray | None:
    left, bottom = page.get_cropbox()[:2]
    width, height = page.get_size()
    inset = 0.75
    crop = (
        max(rect[0] + inset - left, 0),
        max(rect[1] + inset - bottom, 0),
        max(left + width - rect[2] + inset, 0),
        max(bottom + height - rect[3] + inset, 0),
    )
    if crop[0] + crop[2] >= width - 1 or crop[1] + crop[3] >= height - 1:
        return None
    try:
        bitmap = page.render(
            scale=2,
            crop=crop,
            no_smoothtext=True,
            no_smoothimage=True,
            no_smoothpath=True,
            may_draw_forms=True,
            draw_annots=True,
        )
    except (ValueError, pdfium.PdfiumError):
        return None
    try:
        array = bitmap.to_numpy()
        return array.reshape(-1, array.shape[-1])[:, :3].astype(np.int16)
    finally:
        bitmap.close()


def is_uniform(page: pdfium.PdfPage, rect: tuple[float, float, float, float]) -> bool:
    """Render just the box and see whether it is one colour (nothing at all shows)."""
    pixels = render_area(page, rect)
    if pixels is None:
        return True  # box (nearly) outside the rendered page: trust the geometry
    if pixels.size == 0:
        return False
    return bool((pixels.max(axis=0) - pixels.min(axis=0)).max() <= 8)


def render_with_and_without_text(page, area, texts):
    """The area rendered as it is, and again with the text objects over it made invisible
    (``(None, None)`` when it cannot be rendered): what the text itself adds to the page."""
    before = render_area(page, area)
    if before is None or before.size == 0:
        return before, None
    there = [
        obj
        for obj, b in texts
        if b[0] < area[2] and area[0] < b[2] and b[1] < area[3] and area[1] < b[3]
    ]
    modes = [raw.FPDFTextObj_GetTextRenderMode(obj) for obj in there]
    try:
        for obj in there:
            raw.FPDFTextObj_SetTextRenderMode(obj, raw.FPDF_TEXTRENDERMODE_INVISIBLE)
        after = render_area(page, area)
    finally:
        for obj, mode in zip(there, modes, strict=True):
            raw.FPDFTextObj_SetTextRenderMode(obj, mode)
    return before, after
