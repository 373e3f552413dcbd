"""Text on a PDF page that a reader cannot see: under a filled box (a failed redaction) or
invisible in itself (background colour, render mode 3, off the page, too small).

The failed-redaction check follows Free Law Project's x-ray, reimplemented on pypdfium2:
the page-object index is the z-order; a character counts as covered when an opaque filled
rectangle or image drawn after it (or in its own colour) covers at least 80 % of its box; the
box is rendered without anti-aliasing and kept only when it is one uniform colour (text that
shows through is not hidden). A box with nothing under it is a proper redaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pypdfium2 as pdfium

from redactcheck.extract.geometry import PageBoxes
from redactcheck.extract.pdf_geometry import (
    UNPAINTED,
    Box,
    Chars,
    assign_to_boxes,
    backgrounds,
    clip_bounds,
    em_size,
    page_objects,
    read_chars,
)
from redactcheck.extract.pdf_render import is_uniform, render_with_and_without_text

COVER_RATIO = 0.8
TINY_TEXT = 2.0  # points: loose character box height below which text cannot be read
#: an invisible layer that copies visible text except for this share is a searchable copy
COPY_LAYER_REST = 0.2
SCAN_IMAGE_SHARE = 0.5  # an image covering this share of the page makes it a scanned page
_MODE_3 = "render mode 3 (invisible)"
_CLIPPED = "outside its clipping path"
_OK_WORDS = re.compile(
    r"confidential|name redacted|privileged?|redacted and publicly filed|r|re|red|reda|redac"
    r"|redact|redacte|redacted|withheld|\(b\)\s*\(\d\)(\s*\([a-z]\))?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class HiddenSpan:
    """Text on the page a reader cannot see: ``page_text[start:end]``.

    ``kind`` is ``box`` (under a box: a failed redaction) or ``invisible`` (hidden in
    itself); ``details`` say how (the box, its kind and colour, the hidden text; or the
    reason it is invisible)."""

    kind: Literal["box", "invisible"]
    start: int
    end: int
    details: dict[str, Any]


@dataclass(slots=True)
class PageScan:
    #: what a reader cannot see, over the page text
    hidden: list[HiddenSpan] = field(default_factory=list)
    #: the page shows something that could be words without a text layer: an image (a scan),
    #: or many vector paths (text converted to outlines); a plain diagram page does not count
    has_content: bool = False
    #: where each drawn character of the page text is (text offsets to boxes in points)
    boxes: PageBoxes | None = None
    #: the page shows an image over half its area or more (a scan)
    scanned: bool = False


#: a pixel changes this much (0-255) when the covered text is taken away: the text showed
SHOWN_PIXEL = 64
#: and this share of the text's area changed: readable (faint outlines and hatching are not)
SHOWN_SHARE = 0.02


def _shows(page: pdfium.PdfPage, box: Box, chars: Chars, members: list[int], texts) -> bool:
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
        return not is_uniform(page, area)
    if is_uniform(page, box.rect):
        return False
    if area[2] - area[0] < 2 or area[3] - area[1] < 2:
        return False
    before, after = render_with_and_without_text(page, area, texts)
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


def scan_page(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str, index: list[int]
) -> PageScan:
    """Find covered and invisible text on one page; spans are offsets into ``text``."""
    boxes, z_of, has_content, image_share, texts = page_objects(page)
    scanned = image_share >= SCAN_IMAGE_SHARE
    result = PageScan(has_content=has_content, scanned=scanned)
    if not text.strip():
        return result
    page_box = page.get_cropbox()
    chars = read_chars(textpage, text, index, z_of)
    result.boxes = PageBoxes(
        chars.offset,
        [o + 1 for o in chars.offset],
        chars.box_list,
        [],
        tuple(page.get_cropbox()),
        page.get_rotation(),
    )
    owner = assign_to_boxes(chars, boxes, COVER_RATIO)
    background = backgrounds(chars, boxes).tolist()
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
    found: list[_CoveredRun] = []
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
            size = em_size(textpage, chars.char_index[first])
            found.append((start, end, box, size, object_text[chars.key[first]]))
    kept, labels = _drop_box_labels(found)
    if labels:
        label_offsets = {
            o for o, k in zip(chars.offset, chars.key, strict=True) if object_text[k] in labels
        }
        invisible = [(o, why) for o, why in invisible if o not in label_offsets]
    for start, end, box, _, _ in kept:
        result.hidden.append(
            HiddenSpan(
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
_CoveredRun = tuple[int, int, Box, float, str]


def _drop_box_labels(found: list[_CoveredRun]) -> tuple[list[_CoveredRun], set[str]]:
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


def _not_an_ocr_layer(chars: Chars, layer: list[int], boxes: list[Box]) -> list[int]:
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
    textpage, chars: Chars, i: int, background, page_box, scanned, clips: dict
) -> str | None:
    if chars.mode[i] in UNPAINTED:
        return None if scanned else _MODE_3
    box = chars.box_list[i]
    clip = clips.get(chars.key[i], False)
    if clip is False:
        clip = clips[chars.key[i]] = clip_bounds(chars.obj[i])
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
        and 0 < em_size(textpage, chars.char_index[i]) < TINY_TEXT
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


def _unshown(page: pdfium.PdfPage, chars: Chars, candidates: list[int], texts) -> list[int]:
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
        before, after = render_with_and_without_text(page, area, texts)
        if before is None or before.size == 0:
            continue
        if after is not None and after.shape == before.shape and not np.any(before != after):
            out.extend(members)
    return out


def _invisible_runs(text: str, invisible: list[tuple[int, str]]) -> list[HiddenSpan]:
    """Join invisible characters of one reason into runs (whitespace between them allowed)."""
    runs: list[HiddenSpan] = []
    start = end = -1
    reason = ""
    for offset, why in invisible:
        if start >= 0 and why == reason and not text[end:offset].strip():
            end = offset + 1
            continue
        if start >= 0 and _meaningful(text[start:end]):
            runs.append(HiddenSpan("invisible", start, end, {"reason": reason}))
        start, end, reason = offset, offset + 1, why
    if start >= 0 and _meaningful(text[start:end]):
        runs.append(HiddenSpan("invisible", start, end, {"reason": reason}))
    return runs
