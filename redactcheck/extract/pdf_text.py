"""A PDF's text layer, read through pdfium: each page's text in reading order with the map from
text offsets to pdfium character indices (kept exact for ``PageBoxes``), glyph ids decoded where
a font lacks a Unicode map."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from redactcheck.extract import ExtractError

#: pages read from one PDF (the rest are named under the file's errors)
MAX_PAGES = 10_000


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise ExtractError("encrypted PDF (password required), not scanned") from exc
        if "format" in reason or "file" in reason:
            raise ExtractError("damaged or truncated PDF, not scanned") from exc
        raise ExtractError("cannot open PDF") from exc


def page_texts(data: bytes) -> list[str]:
    """Text of every page (used to compare revisions)."""
    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(min(len(pdf), MAX_PAGES)):
            page = pdf[i]
            textpage = page.get_textpage()
            out.append(text_and_map(textpage)[0])
            textpage.close()
            page.close()
        return out
    finally:
        pdf.close()


def text_and_map(textpage: pdfium.PdfTextPage) -> tuple[str, list[int]]:
    """Page text built char by char, with the pdfium char index of every text offset.

    Building it ourselves keeps offsets exact (surrogate pairs become one character).
    """
    chars: list[str] = []
    index: list[int] = []
    n = textpage.count_chars()
    i = 0
    while i < n:
        code = raw.FPDFText_GetUnicode(textpage, i)
        if 0xD800 <= code < 0xDC00 and i + 1 < n:
            low = raw.FPDFText_GetUnicode(textpage, i + 1)
            if 0xDC00 <= low < 0xE000:
                chars.append(chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)))
                index.append(i)
                i += 2
                continue
        if code == 0 or 0xD800 <= code < 0xE000:
            code = 0xFFFD
        chars.append(chr(code))
        index.append(i)
        i += 1
    _decode_glyph_ids(textpage, chars, index)
    return "".join(chars), index


#: TrueType's standard Macintosh glyph order puts space at glyph 3 and the printable ASCII
#: characters after it in order (glyph = code point - 29), which subsetting writers keep
_MAC_ORDER_SHIFT = 29
_MAC_ORDER_ASCII = range(3, 127 - _MAC_ORDER_SHIFT)


def _decode_glyph_ids(textpage: pdfium.PdfTextPage, chars: list[str], index: list[int]) -> None:
    """Read characters of fonts without a Unicode map that give glyph numbers as codes.

    PDFium hands such a character's code back as its text: a subset TrueType font keeping the
    standard Macintosh glyph order turns ``limited`` into ``OLPLWHG`` and spaces into U+0003.
    Per font, when its unmapped characters on the page include control codes (never text), they are
    glyph numbers: shifted back when nearly all fall in the printable-ASCII part of that
    order; left as they are otherwise (a reviewer sees the raw codes). Same length either
    way, so offsets stay exact.
    """
    unmapped: dict[int, list[int]] = {}
    for offset, i in enumerate(index):
        if raw.FPDFText_HasUnicodeMapError(textpage, i) == 1:
            obj = raw.FPDFText_GetTextObject(textpage, i)
            font = raw.FPDFTextObj_GetFont(obj) if obj else None
            key = ctypes.c_void_p.from_buffer(font).value if font else 0
            unmapped.setdefault(key or 0, []).append(offset)
    for offsets in unmapped.values():
        codes = [ord(chars[o]) for o in offsets]
        if not any(3 <= c < 0x20 for c in codes):
            continue  # no control codes: a font whose codes are its characters
        if sum(c in _MAC_ORDER_ASCII for c in codes) < 0.9 * len(codes):
            continue
        for o, c in zip(offsets, codes, strict=True):
            if c in _MAC_ORDER_ASCII:
                chars[o] = chr(c + _MAC_ORDER_SHIFT)
