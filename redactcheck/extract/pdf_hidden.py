"""Text on a PDF page that a reader cannot see: under a filled box (a failed redaction) or
invisible in itself (background colour, render mode 3, off the page, too small).

The failed-redaction check follows Free Law Project's x-ray, reimplemented on pypdfium2:
the page-object index is the z-order; a character counts as covered when an opaque filled
rectangle or image drawn after it (or in its own colour) covers at least 80 % of its box; the
box is rendered without anti-aliasing and kept only when it is one uniform colour (text that
shows through is not hidden). A box with nothing under it is a proper redaction.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw

from redactcheck.extract.geometry import PageBoxes

COVER_RATIO = 0.8
MIN_BOX_SIDE = 4.0  # points: thinner fills are rules and underlines, not redactions
TINY_TEXT = 2.0  # points: loose character box height below which text cannot be read
OUTLINED_TEXT_PATHS = 300  # more vector paths than this on a page without text: outlined text?
#: an invisible layer that copies visible text except for this share is a searchable copy
COPY_LAYER_REST = 0.2
SCAN_IMAGE_SHARE = 0.5  # an image covering this share of the page makes it a scanned page
_MODE_3 = "render mode 3 (invisible)"
_CLIPPED = "outside its clipping path"
_UNPAINTED = (raw.FPDF_TEXTRENDERMODE_INVISIBLE, raw.FPDF_TEXTRENDERMODE_CLIP)
_FILLED = (raw.FPDF_TEXTRENDERMODE_FILL, raw.FPDF_TEXTRENDERMODE_FILL_CLIP)
_STROKED = (raw.FPDF_TEXTRENDERMODE_STROKE, raw.FPDF_TEXTRENDERMODE_STROKE_CLIP)
_OK_WORDS = re.compile(
    r"confidential|name redacted|privileged?|redacted and publicly filed|r|re|red|reda|redac"
    r"|redact|redacte|redacted|withheld|\(b\)\s*\(\d\)(\s*\([a-z]\))?",
    re.I,
)


@dataclass(slots=True)
class Box:
    z: int
    rect: tuple[float, float, float, float]  # left, bottom, right, top in page space
    color: tuple[int, int, int] | None  # fill colour; None for images
    #: "rectangle" | "image" | "shape" (a curved fill: background only) | "*-annotation"
    kind: str


@dataclass(slots=True)
class PageScan:
    #: (kind "box"|"invisible", start, end, details) over the page text
    hidden: list[tuple[str, int, int, dict[str, Any]]] = field(default_factory=list)
    #: the page shows something that could be words without a text layer: an image (a scan),
    #: or many vector paths (text converted to outlines); a plain diagram page does not count
    has_content: bool = False
    #: where each drawn character of the page text is (text offsets to boxes in points)
    boxes: PageBoxes | None = None
    #: the page shows an image over half its area or more (a scan)
    scanned: bool = False


def _key(handle) -> int | None:
    """Address of a pdfium handle, to recognise the same object from two APIs."""
    return ctypes.c_void_p.from_buffer(handle).value


def _fill_color(obj) -> tuple[int, int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in (r, g, b, a))):
        return (0, 0, 0, 0)
    return (r.value, g.value, b.value, a.value)


def _char_color(textpage, i: int) -> tuple[int, int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFText_GetFillColor(textpage, i, *(ctypes.byref(v) for v in (r, g, b, a))):
        return (0, 0, 0, 255)
    return (r.value, g.value, b.value, a.value)


def _is_filled(obj) -> bool:
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke)):
        return False
    return mode.value != 0


def _subpath_rects(
    pageobj: pdfium.PdfObject, outer: pdfium.PdfMatrix
) -> list[tuple[float, float, float, float]]:
    """Axis-aligned rectangles of a path's subpaths, in page space.

    Each subpath is judged on its own (as x-ray does with "re" items): a multi-line redaction
    is several rectangles, and their union would also cover the visible text between them.
    """
    obj = pageobj.raw
    matrix = pageobj.get_matrix().multiply(outer)
    count = raw.FPDFPath_CountSegments(obj)
    if count <= 0 or count > 4000:
        return []
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(count):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([])
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            subpaths[-1].append((float("nan"), float("nan")))
        subpaths[-1].append(matrix.on_point(x.value, y.value))
    rects = []
    for points in subpaths:
        if len(points) < 4 or any(p[0] != p[0] for p in points):
            continue
        xs = sorted({round(p[0], 2) for p in points})
        ys = sorted({round(p[1], 2) for p in points})
        if len(xs) != 2 or len(ys) != 2:
            continue  # not an axis-aligned rectangle
        rects.append((xs[0], ys[0], xs[1], ys[1]))
    return rects


def _boxes(page: pdfium.PdfPage) -> tuple[list[Box], dict[int, int], bool, float, list]:
    """Candidate boxes, the z-index of every page object, whether the page has any content,
    the largest share of the page an image covers, and the text objects with their bounds."""
    boxes: list[Box] = []
    z_of: dict[int, int] = {}
    texts: list[tuple[Any, tuple[float, float, float, float]]] = []
    has_content = False
    paths = 0
    width, height = page.get_size()
    page_area = max(width * height, 1.0)
    image_share = 0.0
    identity = pdfium.PdfMatrix()
    # page-space matrix of each form-XObject nesting level (depth-first walk: a form's
    # children follow it directly)
    outer: dict[int, pdfium.PdfMatrix] = {0: identity}
    for z, obj in enumerate(page.get_objects(max_depth=4)):
        key = _key(obj.raw)
        if key is not None:
            z_of[key] = z
        parent = outer.get(obj.level, identity)
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            has_content = True
        elif obj.type == raw.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif obj.type == raw.FPDF_PAGEOBJ_TEXT and len(texts) < 20_000:
            texts.append((obj.raw, _transform_box(obj.get_bounds(), parent, obj.level)))
        if obj.type == raw.FPDF_PAGEOBJ_FORM:
            outer[obj.level + 1] = obj.get_matrix().multiply(parent)
        elif obj.type == raw.FPDF_PAGEOBJ_PATH:
            stroke = _stroke_boxes(obj, parent)
            if stroke is not None and stroke[0][2] - stroke[0][0] > MIN_BOX_SIDE:
                boxes.append(Box(z, stroke[0], stroke[1], "stroke"))
            if not _is_filled(obj.raw):
                continue
            r, g, b, a = _fill_color(obj.raw)
            if a != 255:
                continue
            rects = _subpath_rects(obj, parent)
            for rect in rects:
                if rect[2] - rect[0] > MIN_BOX_SIDE and rect[3] - rect[1] > MIN_BOX_SIDE:
                    boxes.append(Box(z, rect, (r, g, b), "rectangle"))
            if not rects:  # a curved or slanted fill (a rounded button): a background only
                bounds = _transform_box(obj.get_bounds(), parent, obj.level)
                if bounds[2] - bounds[0] > MIN_BOX_SIDE and bounds[3] - bounds[1] > MIN_BOX_SIDE:
                    boxes.append(Box(z, bounds, (r, g, b), "shape"))
        elif obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = _transform_box(obj.get_bounds(), parent, obj.level)
            image_share = max(image_share, (right - left) * (top - bottom) / page_area)
            if right - left > MIN_BOX_SIDE and top - bottom > MIN_BOX_SIDE:
                boxes.append(Box(z, (left, bottom, right, top), None, "image"))
    boxes.extend(_annotation_boxes(page))
    return boxes, z_of, has_content or paths > OUTLINED_TEXT_PATHS, image_share, texts


def _transform_box(bounds, matrix: pdfium.PdfMatrix, level: int):
    """Bounds of an object inside a form XObject, taken to page space."""
    if level == 0:
        return tuple(bounds)
    left, bottom, right, top = bounds
    points = [matrix.on_point(x, y) for x in (left, right) for y in (bottom, top)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


ANNOTATION_TOP = 1 << 40  # annotations are drawn over all page content


_ANNOTATION_KINDS = {
    raw.FPDF_ANNOT_SQUARE: "square-annotation",
    raw.FPDF_ANNOT_HIGHLIGHT: "highlight-annotation",
    raw.FPDF_ANNOT_INK: "ink-annotation",
    raw.FPDF_ANNOT_POLYGON: "polygon-annotation",
}


def _annotation_boxes(page: pdfium.PdfPage) -> list[Box]:
    """Annotations that may hide what is under them, as boxes drawn over the page content.

    A Redact annotation that was never applied leaves the text in the file (whatever it looks
    like); a filled Square, a dark Highlight, a thick Ink stroke or a filled Polygon is a box
    drawn over the text, the way many hand-made redactions are done. Their colour is not read
    (viewers write it into an appearance stream, where the annotation's own colour entries may
    be missing or differ): the page is rendered with them, and the text counts as hidden only
    where it does not show (see ``_shows``). x-ray does not check annotations.
    """
    out: list[Box] = []
    count = raw.FPDFPage_GetAnnotCount(page)
    for i in range(min(count, 5000)):
        annot = raw.FPDFPage_GetAnnot(page, i)
        if not annot:
            continue
        try:
            subtype = raw.FPDFAnnot_GetSubtype(annot)
            if subtype != raw.FPDF_ANNOT_REDACT and subtype not in _ANNOTATION_KINDS:
                continue
            rect = raw.FS_RECTF()
            if not raw.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                continue
            box = (
                min(rect.left, rect.right),
                min(rect.bottom, rect.top),
                max(rect.left, rect.right),
                max(rect.bottom, rect.top),
            )
            if box[2] - box[0] <= MIN_BOX_SIDE or box[3] - box[1] <= MIN_BOX_SIDE:
                continue
            if subtype == raw.FPDF_ANNOT_REDACT:
                out.append(Box(ANNOTATION_TOP + i, box, None, "redact-annotation"))
            else:
                out.append(Box(ANNOTATION_TOP + i, box, None, _ANNOTATION_KINDS[subtype]))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return out


def _stroke_boxes(pageobj: pdfium.PdfObject, outer: pdfium.PdfMatrix):
    """A straight stroke at least ``MIN_BOX_SIDE`` thick, as the rectangle it paints: a
    marker line drawn over a line of text is a box."""
    obj = pageobj.raw
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke)):
        return None
    width = ctypes.c_float()
    if not stroke.value or not raw.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(width)):
        return None
    matrix = pageobj.get_matrix().multiply(outer)
    scale = float(np.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)))
    thickness = width.value * scale
    if thickness <= MIN_BOX_SIDE or raw.FPDFPath_CountSegments(obj) != 2:
        return None
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetStrokeColor(obj, *(ctypes.byref(v) for v in (r, g, b, a))):
        return None
    if a.value != 255:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for i in range(2):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            return None
        points.append(matrix.on_point(x.value, y.value))
    (x0, y0), (x1, y1) = points
    half = thickness / 2
    if abs(y0 - y1) < 0.01:
        rect = (min(x0, x1), y0 - half, max(x0, x1), y0 + half)
    elif abs(x0 - x1) < 0.01:
        rect = (x0 - half, min(y0, y1), x0 + half, max(y0, y1))
    else:
        return None
    return rect, (r.value, g.value, b.value)


def _render(page: pdfium.PdfPage, rect: tuple[float, float, float, float]) -> np.ndarray | None:
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


def _uniform(page: pdfium.PdfPage, rect: tuple[float, float, float, float]) -> bool:
    """Render just the box and see whether it is one colour (nothing at all shows)."""
    pixels = _render(page, rect)
    if pixels is None:
        return True  # box (nearly) outside the rendered page: trust the geometry
    if pixels.size == 0:
        return False
    return bool((pixels.max(axis=0) - pixels.min(axis=0)).max() <= 8)


#: a pixel changes this much (0-255) when the covered text is taken away: the text showed
SHOWN_PIXEL = 64
#: and this share of the text's area changed: readable (faint outlines and hatching are not)
SHOWN_SHARE = 0.02


def _render_with_and_without_text(page, area, texts):
    """The area rendered as it is, and again with the text objects over it made invisible
    (``(None, None)`` when it cannot be rendered): what the text itself adds to the page."""
    before = _render(page, area)
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
        after = _render(page, area)
    finally:
        for obj, mode in zip(there, modes, strict=True):
            raw.FPDFTextObj_SetTextRenderMode(obj, mode)
    return before, after


def _shows(page: pdfium.PdfPage, box: Box, chars: _Chars, members: list[int], texts) -> bool:
    """Whether the text a box covers can still be read on the rendered page.

    A box of one colour hides it. Otherwise the text's area is rendered twice, as it is and
    with every text object there made invisible (in memory): where nothing changes no text
    shows, even if the box is cross-hatched or lets faint glyph outlines through (text that
    can be copied but not read is the failed redaction). Any text that does show there (a
    white copy printed over the box, or a label) keeps the box from counting, as x-ray's
    one-colour test does. An image is judged on the covered text's area alone: a scanned
    page over its own text layer shows that text, a black bar in the scan does not.
    """
    cb = chars.box[members]
    area = (
        max(cb[:, 0].min(), box.rect[0]),
        max(cb[:, 1].min(), box.rect[1]),
        min(cb[:, 2].max(), box.rect[2]),
        min(cb[:, 3].max(), box.rect[3]),
    )
    if box.kind == "image":
        return not _uniform(page, area)
    if _uniform(page, box.rect):
        return False
    if area[2] - area[0] < 2 or area[3] - area[1] < 2:
        return False
    before, after = _render_with_and_without_text(page, area, texts)
    if before is None or before.size == 0:
        return False
    if after is None or after.shape != before.shape:
        return True
    changed = np.abs(before - after).max(axis=1) > SHOWN_PIXEL
    return bool(changed.mean() > SHOWN_SHARE)


def _meaningful(text: str) -> bool:
    """Drop what x-ray drops: blanks, punctuation, one repeated character, 'REDACTED'."""
    stripped = re.sub(r"\s+", "", text)
    if not stripped or not any(c.isalnum() for c in stripped):
        return False
    if len(set(stripped)) == 1 and len(stripped) > 1:
        return False
    rest = _OK_WORDS.sub(" ", text)
    return any(c.isalnum() for c in rest)


def _rgb_hex(color: tuple[int, int, int] | None) -> str | None:
    return None if color is None else "#{:02x}{:02x}{:02x}".format(*color)


@dataclass(slots=True)
class _Chars:
    """The drawn, non-blank characters of a page, as parallel arrays."""

    offset: list[int]
    char_index: list[int]
    obj: list[Any]
    key: list[int]
    z: np.ndarray  # page-object index of each character's text object
    box: np.ndarray  # n x 4 tight glyph boxes (left, bottom, right, top)
    color: np.ndarray  # n x 4 fill colour (r, g, b, a)
    box_list: list[tuple[float, float, float, float]]  # the same, as Python values
    color_list: list[tuple[int, int, int, int]]
    mode: np.ndarray  # text render mode of each character's text object


def _read_chars(textpage, text: str, index: list[int], z_of: dict[int, int]) -> _Chars:
    offsets, indices, objs, keys, zs, boxes, colors, modes = [], [], [], [], [], [], [], []
    mode_of: dict[int, int] = {}
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    box_refs = [ctypes.byref(v) for v in (left, right, bottom, top)]
    color_refs = [ctypes.byref(v) for v in (r, g, b, a)]
    for offset, char_index in enumerate(index):
        if text[offset].isspace():
            continue
        obj = raw.FPDFText_GetTextObject(textpage, char_index)
        key = _key(obj) if obj else None
        if key is None:
            continue  # generated by pdfium (line breaks), not drawn
        if not raw.FPDFText_GetCharBox(textpage, char_index, *box_refs):
            continue
        mode = mode_of.get(key)
        if mode is None:
            mode = mode_of[key] = raw.FPDFTextObj_GetTextRenderMode(obj)
        # outlined text (stroke only) shows in its stroke colour
        get_color = raw.FPDFText_GetStrokeColor if mode in _STROKED else raw.FPDFText_GetFillColor
        if not get_color(textpage, char_index, *color_refs):
            r.value, g.value, b.value, a.value = 0, 0, 0, 255
        offsets.append(offset)
        indices.append(char_index)
        objs.append(obj)
        keys.append(key)
        zs.append(z_of.get(key, -1))
        boxes.append((left.value, bottom.value, right.value, top.value))
        colors.append((r.value, g.value, b.value, a.value))
        modes.append(mode)
    return _Chars(
        offsets, indices, objs, keys,
        np.array(zs, dtype=np.int64),
        np.array(boxes, dtype=float).reshape(-1, 4),
        np.array(colors, dtype=np.int64).reshape(-1, 4),
        boxes, colors, np.array(modes, dtype=np.int64),
    )  # fmt: skip


def _assign_to_boxes(chars: _Chars, boxes: list[Box]) -> np.ndarray:
    """For each character, the top-most box that hides at least 80 % of it (or -1).

    A box counts against a character when it was drawn after it, or in the character's own
    colour when the character is filled, not stroked (text painted over in its own colour is
    as unreadable as text under a box). Invisible text (render mode 3) on top of a box is an OCR
    layer over it, not text it hides: an OCR program reads a black box as ``I``. Boxes are
    taken top-most first and each character goes to the first that hides it, so stacked
    boxes do not count it twice. Vectorised over characters: pages with thousands of
    characters and hundreds of table-cell fills stay fast.
    """
    owner = np.full(len(chars.offset), -1, dtype=np.int64)
    if not boxes or not chars.offset:
        return owner
    cb = chars.box
    area = (cb[:, 2] - cb[:, 0]) * (cb[:, 3] - cb[:, 1])
    filled = np.isin(chars.mode, _FILLED)  # painted in its fill colour alone
    for number in sorted(range(len(boxes)), key=lambda n: -boxes[n].z):
        box = boxes[number]
        w = np.minimum(cb[:, 2], box.rect[2]) - np.maximum(cb[:, 0], box.rect[0])
        h = np.minimum(cb[:, 3], box.rect[3]) - np.maximum(cb[:, 1], box.rect[1])
        overlap = np.where((w > 0) & (h > 0), w * h, 0.0)
        if box.kind == "shape":
            continue  # a curved fill: a background, never judged as a redaction box
        counts = chars.z < box.z
        if box.color is not None:
            counts |= filled & np.all(chars.color[:, :3] == np.array(box.color), axis=1)
        hit = (owner < 0) & counts & (area > 0) & (overlap >= COVER_RATIO * area)
        owner[hit] = number
    return owner


def _backgrounds(chars: _Chars, boxes: list[Box]) -> np.ndarray:
    """Colour under each character's centre: the top-most filled rectangle drawn before it,
    else white paper; -1 where the character sits on an image (background unknown)."""
    n = len(chars.offset)
    background = np.full((n, 3), 255, dtype=np.int64)
    best = np.full(n, -1, dtype=np.int64)
    if not n:
        return background
    cx = (chars.box[:, 0] + chars.box[:, 2]) / 2
    cy = (chars.box[:, 1] + chars.box[:, 3]) / 2
    for box in boxes:
        r = box.rect
        inside = (r[0] <= cx) & (cx <= r[2]) & (r[1] <= cy) & (cy <= r[3])
        take = inside & (box.z < chars.z) & (box.z > best)
        background[take] = -1 if box.color is None else np.array(box.color)
        best[take] = box.z
    return background


def scan_page(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str, index: list[int]
) -> PageScan:
    """Find covered and invisible text on one page; spans are offsets into ``text``."""
    boxes, z_of, has_content, image_share, texts = _boxes(page)
    scanned = image_share >= SCAN_IMAGE_SHARE
    result = PageScan(has_content=has_content, scanned=scanned)
    if not text.strip():
        return result
    page_box = page.get_cropbox()
    chars = _read_chars(textpage, text, index, z_of)
    result.boxes = PageBoxes(
        chars.offset,
        [o + 1 for o in chars.offset],
        chars.box_list,
        [],
        tuple(page.get_cropbox()),
        page.get_rotation(),
    )
    owner = _assign_to_boxes(chars, boxes)
    background = _backgrounds(chars, boxes).tolist()
    covered: dict[int, list[int]] = {}  # box number -> text offsets
    invisible: list[tuple[int, str]] = []  # (offset, reason)
    layer: list[int] = []  # chars in render mode 3 not yet known to be an OCR layer
    clips: dict[int, Any] = {}  # text object -> bounds of its clipping path (None: none)
    clipped: list[int] = []  # chars outside their clipping path's bounds, to be confirmed
    for i, (offset, number) in enumerate(zip(chars.offset, owner.tolist(), strict=True)):
        if number >= 0:
            covered.setdefault(number, []).append(i)
            continue
        reason = _invisible_reason(textpage, chars, i, background[i], page_box, scanned, clips)
        if reason == _MODE_3:
            layer.append(i)
        elif reason == _CLIPPED:
            clipped.append(i)
        elif reason:
            invisible.append((offset, reason))
    invisible.extend((chars.offset[i], _MODE_3) for i in _not_an_ocr_layer(chars, layer, boxes))
    invisible.extend((chars.offset[i], _CLIPPED) for i in _unshown(page, chars, clipped, texts))
    invisible.sort()
    object_text: dict[int, str] = {}
    for offset, key in zip(chars.offset, chars.key, strict=True):
        object_text[key] = object_text.get(key, "") + text[offset]
    found: list[_Hit] = []
    for b, members in sorted(covered.items(), key=lambda kv: chars.offset[kv[1][0]]):
        box = boxes[b]
        by_offset = {chars.offset[i]: i for i in members}
        runs = [r for r in _runs(text, list(by_offset)) if _meaningful(text[r[0] : r[-1] + 1])]
        # an unapplied Redact annotation leaks whatever it looks like; boxes must hide
        if not runs or (
            box.kind != "redact-annotation" and _shows(page, box, chars, members, texts)
        ):
            continue
        for run in runs:
            start, end = run[0], run[-1] + 1
            first = by_offset[start]
            size = _em_size(textpage, chars.char_index[first])
            found.append((start, end, box, size, object_text[chars.key[first]]))
    kept, labels = _drop_box_labels(found)
    if labels:
        label_offsets = {
            o for o, k in zip(chars.offset, chars.key, strict=True) if object_text[k] in labels
        }
        invisible = [(o, why) for o, why in invisible if o not in label_offsets]
    for start, end, box, _, _ in kept:
        result.hidden.append(
            (
                "box",
                start,
                end,
                {
                    "box": [round(v, 1) for v in box.rect],
                    "box_kind": box.kind,
                    "box_color": _rgb_hex(box.color),
                    "hidden_text": text[start:end],
                },
            )
        )
    result.hidden.extend(_invisible_runs(text, invisible))
    return result


#: a covered run: start, end, box, font size, whole text of its text object
_Hit = tuple[int, int, Box, float, str]


def _drop_box_labels(found: list[_Hit]) -> tuple[list[_Hit], set[str]]:
    """Drop a redaction tool's own label: the same text in several boxes, set in a different
    size in each so that it fills the box (overlay text such as a date or an exemption code,
    written into every box after drawing it). Text that was on the page before the boxes keeps
    its one size wherever it appears. Compared by the whole text of each copy's text object:
    a box may cut a letter off. Also returns the labels, whose stray letters are no finding."""
    sizes: dict[str, list[float]] = {}
    for _, _, _, size, label in found:
        sizes.setdefault(label, []).append(size)
    labels = {
        key
        for key, values in sizes.items()
        if len(values) >= 2 and min(values) > 0 and max(values) / min(values) > 1.15
    }
    return [f for f in found if f[4] not in labels], labels


def _runs(text: str, offsets: list[int]) -> list[list[int]]:
    """Split the text offsets one box covers into runs that hold nothing else but blanks.

    Boxes over a few letters each, across a page, would otherwise give one span from the
    first covered letter to the last that swallows the visible text in between."""
    runs: list[list[int]] = []
    for offset in sorted(offsets):
        if runs and not text[runs[-1][-1] + 1 : offset].strip():
            runs[-1].append(offset)
        else:
            runs.append([offset])
    return runs


def _not_an_ocr_layer(chars: _Chars, layer: list[int], boxes: list[Box]) -> list[int]:
    """The render-mode-3 characters that are not a searchable layer over something visible.

    OCR programs write what they read from an image as invisible text over it (the whole page,
    or only a logo or stamp; a black box drawn before it reads as ``I``), and some writers
    repeat the visible text (line numbers, or the whole page, a few letters set off their
    twins) invisibly: none of it hides anything. Invisible text over blank paper does."""
    if not layer:
        return []
    idx = np.array(layer)
    cb = chars.box[idx]
    cx, cy = (cb[:, 0] + cb[:, 2]) / 2, (cb[:, 1] + cb[:, 3]) / 2
    shown = np.ones(len(idx), dtype=bool)
    z = chars.z[idx]
    for box in boxes:
        if box.kind in ("image", "rectangle", "shape"):
            r = box.rect
            over = (r[0] <= cx) & (cx <= r[2]) & (r[1] <= cy) & (cy <= r[3])
            shown &= ~(over & ((box.kind == "image") | (box.z < z)))
    visible = np.ones(len(chars.offset), dtype=bool)
    visible[idx] = False
    vb = chars.box[visible]
    if len(vb):
        for n in np.flatnonzero(shown):
            box = cb[n]
            w = np.minimum(vb[:, 2], box[2]) - np.maximum(vb[:, 0], box[0])
            h = np.minimum(vb[:, 3], box[3]) - np.maximum(vb[:, 1], box[1])
            area = max((box[2] - box[0]) * (box[3] - box[1]), 1e-6)
            if np.any((w > 0) & (h > 0) & (w * h >= 0.5 * area)):
                shown[n] = False  # a copy of visible text
    if shown.sum() <= COPY_LAYER_REST * len(idx):
        return []  # a searchable copy of the page, a few letters set off their visible twins
    return idx[shown].tolist()


def _invisible_reason(
    textpage, chars: _Chars, i: int, background, page_box, scanned, clips: dict
) -> str | None:
    if chars.mode[i] in _UNPAINTED:
        return None if scanned else _MODE_3
    box = chars.box_list[i]
    clip = clips.get(chars.key[i], False)
    if clip is False:
        clip = clips[chars.key[i]] = _clip_bounds(chars.obj[i])
    if clip is not None and (
        box[2] <= clip[0] or box[0] >= clip[2] or box[3] <= clip[1] or box[1] >= clip[3]
    ):
        return _CLIPPED
    if (
        box[2] <= page_box[0]
        or box[0] >= page_box[2]
        or box[3] <= page_box[1]
        or (box[1] >= page_box[3])
    ):
        return "outside the page"
    # a small glyph box (a narrow letter, or any letter of rotated text): is the font small?
    if (
        min(box[2] - box[0], box[3] - box[1]) < TINY_TEXT
        and 0 < _em_size(textpage, chars.char_index[i]) < TINY_TEXT
    ):
        return "too small to read"
    color = chars.color_list[i]
    if color[3] == 0:
        return "transparent"
    if background[0] < 0:
        return None  # text on an image: its background is unknown
    if max(abs(c - b) for c, b in zip(color[:3], background, strict=True)) <= 16:
        return "same colour as the background"
    return None


def _unshown(page: pdfium.PdfPage, chars: _Chars, candidates: list[int], texts) -> list[int]:
    """The candidates where making every text object there invisible changes nothing: no
    text shows there, so the clipping path really hides them (the clip's coordinates are only
    a first guess, and a visible copy printed over them, as for simulated bold, shows)."""
    by_object: dict[int, list[int]] = {}
    for i in candidates:
        by_object.setdefault(chars.key[i], []).append(i)
    out: list[int] = []
    for members in list(by_object.values())[:200]:
        cb = chars.box[members]
        area = (cb[:, 0].min(), cb[:, 1].min(), cb[:, 2].max(), cb[:, 3].max())
        before, after = _render_with_and_without_text(page, area, texts)
        if before is None or before.size == 0:
            continue
        if after is not None and after.shape == before.shape and not np.any(before != after):
            out.extend(members)
    return out


def _clip_bounds(obj) -> tuple[float, float, float, float] | None:
    """Bounds of the area a text object's clipping path lets through (the intersection of
    its paths' bounding boxes, page space), or None when it has no path clip. Text drawn
    wholly outside it never shows: an old way to hide words in a page's margin."""
    clip = raw.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    count = raw.FPDFClipPath_CountPaths(clip)
    if count <= 0 or count > 64:
        return None
    bounds = [-1e9, -1e9, 1e9, 1e9]
    x, y = ctypes.c_float(), ctypes.c_float()
    for path in range(count):
        segments = raw.FPDFClipPath_CountPathSegments(clip, path)
        if segments <= 0 or segments > 4000:
            return None
        xs, ys = [], []
        for n in range(segments):
            seg = raw.FPDFClipPath_GetPathSegment(clip, path, n)
            if seg and raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
                xs.append(x.value)
                ys.append(y.value)
        if not xs:
            return None
        bounds = [
            max(bounds[0], min(xs)),
            max(bounds[1], min(ys)),
            min(bounds[2], max(xs)),
            min(bounds[3], max(ys)),
        ]
    return (bounds[0], bounds[1], bounds[2], bounds[3])


def _em_size(textpage, char_index: int) -> float:
    """The character's font size on the page, in points, measured across the line.

    A glyph's box on the page is axis-aligned: for rotated or vertical text its height is the
    letter's width, and a narrow ``i`` or ``l`` would look unreadably small. The font size
    scaled by the text matrix's y axis is the letter height whatever the direction."""
    size = raw.FPDFText_GetFontSize(textpage, char_index)
    matrix = raw.FS_MATRIX()
    if size <= 0 or not raw.FPDFText_GetMatrix(textpage, char_index, ctypes.byref(matrix)):
        loose = textpage.get_charbox(char_index, loose=True)
        return max(loose[3] - loose[1], 0.0)
    return size * float(np.hypot(matrix.c, matrix.d))


def _invisible_runs(
    text: str, invisible: list[tuple[int, str]]
) -> list[tuple[str, int, int, dict[str, Any]]]:
    """Join invisible characters of one reason into runs (whitespace between them allowed)."""
    runs: list[tuple[str, int, int, dict[str, Any]]] = []
    start = end = -1
    reason = ""
    for offset, why in invisible:
        if start >= 0 and why == reason and not text[end:offset].strip():
            end = offset + 1
            continue
        if start >= 0 and _meaningful(text[start:end]):
            runs.append(("invisible", start, end, {"reason": reason}))
        start, end, reason = offset, offset + 1, why
    if start >= 0 and _meaningful(text[start:end]):
        runs.append(("invisible", start, end, {"reason": reason}))
    return runs
