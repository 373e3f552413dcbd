"""What is drawn where on a PDF page, read through pdfium (ctypes, raw calls, numpy): page
objects in z-order as candidate boxes, each drawn character's box, colour and render mode,
which box covers which character, clipping bounds, font sizes. Renders: ``pdf_render.py``;
what counts as hidden: ``pdf_hidden.py``.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw

MIN_BOX_SIDE = 4.0  # points: thinner fills are rules and underlines, not redactions
OUTLINED_TEXT_PATHS = 300  # more vector paths than this on a page without text: outlined text?
UNPAINTED = (raw.FPDF_TEXTRENDERMODE_INVISIBLE, raw.FPDF_TEXTRENDERMODE_CLIP)
FILLED = (raw.FPDF_TEXTRENDERMODE_FILL, raw.FPDF_TEXTRENDERMODE_FILL_CLIP)
STROKED = (raw.FPDF_TEXTRENDERMODE_STROKE, raw.FPDF_TEXTRENDERMODE_STROKE_CLIP)


@dataclass(slots=True)
class Box:
    z: int
    rect: tuple[float, float, float, float]  # left, bottom, right, top in page space
    color: tuple[int, int, int] | None  # fill colour; None for images
    #: "rectangle" | "image" | "shape" (a curved fill: background only) | "*-annotation"
    kind: str


def object_key(handle) -> int | None:
    """Address of a pdfium handle, to recognise the same object from two APIs."""
    return ctypes.c_void_p.from_buffer(handle).value


def _fill_color(obj) -> tuple[int, int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in (r, g, b, a))):
        return (0, 0, 0, 0)
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


def page_objects(page: pdfium.PdfPage) -> tuple[list[Box], dict[int, int], bool, float, list]:
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
        key = object_key(obj.raw)
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


@dataclass(slots=True)
class Chars:
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


def read_chars(textpage, text: str, index: list[int], z_of: dict[int, int]) -> Chars:
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
        key = object_key(obj) if obj else None
        if key is None:
            continue  # generated by pdfium (line breaks), not drawn
        if not raw.FPDFText_GetCharBox(textpage, char_index, *box_refs):
            continue
        mode = mode_of.get(key)
        if mode is None:
            mode = mode_of[key] = raw.FPDFTextObj_GetTextRenderMode(obj)
        # outlined text (stroke only) shows in its stroke colour
        get_color = raw.FPDFText_GetStrokeColor if mode in STROKED else raw.FPDFText_GetFillColor
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
    return Chars(
        offsets, indices, objs, keys,
        np.array(zs, dtype=np.int64),
        np.array(boxes, dtype=float).reshape(-1, 4),
        np.array(colors, dtype=np.int64).reshape(-1, 4),
        boxes, colors, np.array(modes, dtype=np.int64),
    )  # fmt: skip


def assign_to_boxes(chars: Chars, boxes: list[Box], cover_ratio: float) -> np.ndarray:
    """For each character, the top-most box that hides at least ``cover_ratio`` of it (or -1).

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
    filled = np.isin(chars.mode, FILLED)  # painted in its fill colour alone
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
        hit = (owner < 0) & counts & (area > 0) & (overlap >= cover_ratio * area)
        owner[hit] = number
    return owner


def backgrounds(chars: Chars, boxes: list[Box]) -> np.ndarray:
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


def clip_bounds(obj) -> tuple[float, float, float, float] | None:
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


def em_size(textpage, char_index: int) -> float:
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
