"""PDF: page text in reading order, metadata, annotations, form fields, attachments, and the
hidden-content checks that only a PDF needs (failed redactions, invisible text, earlier
revisions, pages without a text layer).

Built on pypdfium2 (Apache-2.0/BSD). PyMuPDF is not used: it is AGPL.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from redactcheck.document import Document, Segment
from redactcheck.extract import OCR, ExtractError, add_attachment
from redactcheck.extract.geometry import PageBoxes
from redactcheck.extract.hidden import hidden_finding, identifies
from redactcheck.extract.ocr import (
    OcrSettings,
    OCRTimeout,
    OCRUnavailable,
    as_settings,
    ocr_page,
)
from redactcheck.extract.pdf_hidden import PageScan, scan_page
from redactcheck.extract.pdf_limits import check_pdf_streams

MAX_PAGES = 10_000
MAX_REVISIONS = 8
#: metadata fields that identify a person or organisation (reported as HIDDEN-METADATA).
IDENTIFYING_INFO = ("Author",)
BOX_KINDS = {
    "rectangle": "a filled rectangle",
    "image": "an opaque image",
    "redact-annotation": "a Redact annotation that was never applied",
    "square-annotation": "a filled Square annotation",
    "highlight-annotation": "a dark Highlight annotation",
    "ink-annotation": "a thick Ink annotation",
    "polygon-annotation": "a filled Polygon annotation",
    "stroke": "a thick stroked line",
    "see-through-marker": "a marker on the scan that the words show through (raise the contrast)",
}
_XMP = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta>", re.S)
_EOF = re.compile(rb"%%EOF[ \t]*(?:\r\n|\r|\n)?")


def extract_pdf(path: str, data: bytes) -> Document:
    doc = Document(path=path, media_type="application/pdf")
    check_pdf_streams(data)  # inflated size and object counts, before pdfium holds them
    pdf = _open(data)
    try:
        _read_pages(pdf, doc)
        _read_outline(pdf, doc)
        _read_metadata(pdf, data, doc)
        _read_attachments(pdf, doc)
    except pdfium.PdfiumError as exc:
        raise ExtractError("damaged PDF: part of it could not be read") from exc
    finally:
        pdf.close()
    _check_revisions(data, doc)
    return doc


def _open(data: bytes) -> pdfium.PdfDocument:
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
            out.append(_text_and_map(textpage)[0])
            textpage.close()
            page.close()
        return out
    finally:
        pdf.close()


def _text_and_map(textpage: pdfium.PdfTextPage) -> tuple[str, list[int]]:
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


def _read_pages(pdf: pdfium.PdfDocument, doc: Document) -> None:
    with contextlib.suppress(pdfium.PdfiumError):
        pdf.init_forms()
    count = len(pdf)
    if count > MAX_PAGES:
        doc.errors.append(f"only the first {MAX_PAGES} of {count} pages were scanned")
    ocr = _OcrRun(as_settings(OCR.get()))
    for number in range(1, min(count, MAX_PAGES) + 1):
        try:
            _read_page(pdf, doc, number, ocr)
        except pdfium.PdfiumError:
            doc.errors.append(f"page {number} could not be read (damaged PDF), not scanned")
    ocr.summarise(doc)


class _OcrRun:
    """OCR over one file: the settings, the pages read, and why any page was not."""

    def __init__(self, settings: OcrSettings):
        self.settings = settings
        self.pages: list[int] = []
        self.empty: list[int] = []  # pages OCR found no words on (a picture, a blank scan)
        self.confidence: list[float] = []
        self.engine = ""
        self.unavailable: str | None = None

    def read(self, page: pdfium.PdfPage, number: int):
        """The OCR reading of a page, or None with the reason kept for the notes."""
        if not self.settings.enabled:
            return None, "OCR is off (--no-ocr)"
        if self.unavailable:
            return None, self.unavailable
        if len(self.pages) >= self.settings.max_pages:
            return None, f"only {self.settings.max_pages} pages of a file are OCR'd"
        try:
            result = ocr_page(page, self.settings)
        except OCRTimeout as exc:
            return None, str(exc)
        except OCRUnavailable as exc:
            self.unavailable = str(exc)  # no engine: the same for every page
            return None, str(exc)
        self.engine = result.engine
        if not result.text.strip():
            self.empty.append(number)
        else:
            self.pages.append(number)
            self.confidence.append(result.confidence)
        return result, ""

    def summarise(self, doc: Document) -> None:
        if self.empty:
            doc.notes.append(
                f"{_pages(self.empty)} {'has' if len(self.empty) == 1 else 'have'} no text layer "
                "and OCR found no words on "
                f"{'it' if len(self.empty) == 1 else 'them'} ({self.engine})"
            )
        if not self.pages:
            return
        mean = sum(self.confidence) / len(self.confidence)
        doc.notes.append(
            f"{_pages(self.pages)} read by OCR ({self.engine}, mean word confidence "
            f"{mean:.0f}%): findings there may miss or misread words"
        )


def _pages(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    if len(numbers) > 8:
        return f"{len(numbers)} pages"
    return "pages " + ", ".join(map(str, numbers))


#: a word of a text layer: letters (an inner apostrophe or hyphen allowed), or a number
_WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*|\d+(?:[.,/:-]\d+)*", re.U)
GARBAGE_MIN_TOKENS = 20
GARBAGE_WORD_SHARE = 0.5


def garbage_layer(text: str) -> bool:
    """Whether a text layer is mostly not words (a bad OCR layer under a scan): fewer than
    half of its tokens are words or numbers, punctuation around them allowed."""
    tokens = text.split()
    if len(tokens) < GARBAGE_MIN_TOKENS:
        return False
    words = sum(
        1 for t in tokens if _WORD.fullmatch(t.strip(".,;:!?()[]{}\"'“”‘’*")) and _vowelled(t)
    )
    return words < GARBAGE_WORD_SHARE * len(tokens)


def _vowelled(token: str) -> bool:
    letters = [c for c in token.lower() if c.isalpha()]
    return not letters or not letters[0].isascii() or any(c in "aeiouy" for c in letters)


def _read_page(pdf: pdfium.PdfDocument, doc: Document, number: int, ocr: _OcrRun) -> None:
    page = pdf[number - 1]
    textpage = page.get_textpage()
    try:
        text, index = _text_and_map(textpage)
        segment = Segment(text, "body", number)
        doc.segments.append(segment)
        scan: PageScan = scan_page(page, textpage, text, index)
        segment.origin = scan.boxes
        for span in scan.hidden:
            rule = "HIDDEN-BAD-REDACTION" if span.kind == "box" else "HIDDEN-INVISIBLE-TEXT"
            details = span.details
            reason = details.get("reason") or BOX_KINDS.get(details.get("box_kind", ""), "")
            doc.hidden.append(
                hidden_finding(rule, segment, span.start, span.end, reason=reason, details=details)
            )
        if not text.strip() and scan.has_content:
            _no_text_layer(page, doc, segment, number, ocr)
        elif scan.scanned and garbage_layer(text):
            _garbage_layer(page, doc, number, ocr)
        page_annots, page_fields = _annotations(pdf, page)
        if page_annots:
            doc.segments.append(Segment("\n".join(page_annots), "annotation", number))
        if page_fields:
            doc.segments.append(Segment("\n".join(page_fields), "form-field", number))
    finally:
        textpage.close()
        page.close()


def _no_text_layer(
    page: pdfium.PdfPage, doc: Document, segment: Segment, number: int, ocr: _OcrRun
) -> None:
    """OCR a page without text (unless ``--no-ocr``); otherwise report it as not checked."""
    result, reason = ocr.read(page, number)
    if result is not None:
        segment.text = result.text
        segment.origin = result.boxes
        _see_through(doc, result, number)
        return
    doc.hidden.append(hidden_finding("HIDDEN-NO-TEXT-LAYER", segment, 0, 0))
    doc.notes.append(f"page {number} has no text layer and was not checked ({reason})")


def _see_through(doc: Document, result, number: int) -> None:
    """Words OCR read under a see-through marker on a scanned page: a failed redaction."""
    for text, rect, confidence in result.see_through:
        segment = Segment(text + "\n", "see-through", number)
        segment.origin = PageBoxes([0], [len(text)], [rect], [confidence])
        doc.segments.append(segment)
        doc.hidden.append(
            hidden_finding(
                "HIDDEN-BAD-REDACTION",
                segment,
                0,
                len(text),
                details={
                    "box": [round(v, 1) for v in rect],
                    "box_kind": "see-through-marker",
                    "box_color": None,
                    "hidden_text": text,
                },
                message=(
                    "Words show through a marker on the scanned page: raising the contrast "
                    "inside the dark box reads them"
                ),
            )
        )


def _garbage_layer(page: pdfium.PdfPage, doc: Document, number: int, ocr: _OcrRun) -> None:
    """A scanned page whose text layer is mostly not words: read the image as well, as a
    part of its own (the text layer stays, with its hidden-content findings)."""
    result, reason = ocr.read(page, number)
    if result is None:
        doc.notes.append(
            f"page {number}: the text layer under the scan is mostly not words and OCR did "
            f"not read it again ({reason})"
        )
        return
    doc.segments.append(Segment(result.text, "ocr", number, origin=result.boxes))


MAX_OUTLINE_ITEMS = 10_000


def _read_outline(pdf: pdfium.PdfDocument, doc: Document) -> None:
    """Bookmark (outline) titles, one per line, as part ``outline``: a title can keep a
    heading, a name or a marking that the page itself had redacted, and viewers show it in
    their side panel."""
    titles: list[str] = []
    try:
        for n, item in enumerate(pdf.get_toc(max_depth=8)):
            if n >= MAX_OUTLINE_ITEMS:
                break
            title = " ".join((item.get_title() or "").split())
            if title:
                titles.append(title)
    except (pdfium.PdfiumError, ValueError, RecursionError):
        doc.notes.append("the bookmarks (outline) could not all be read (damaged PDF)")
    if titles:
        doc.segments.append(Segment("\n".join(titles) + "\n", "outline"))


def _utf16_getter(func, *args) -> str:
    """Call a pdfium ``(…, buffer, length) -> bytes needed`` getter returning UTF-16LE text."""
    size = func(*args, None, 0)
    if size <= 2 or size > 10_000_000:
        return ""
    buffer = ctypes.create_string_buffer(size)
    func(*args, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _annotations(pdf: pdfium.PdfDocument, page: pdfium.PdfPage) -> tuple[list[str], list[str]]:
    """Text of annotations (contents and author) and of form fields (name and value)."""
    annots: list[str] = []
    fields: list[str] = []
    form = pdf.formenv.raw if pdf.formenv is not None else None
    for i in range(raw.FPDFPage_GetAnnotCount(page)):
        annot = raw.FPDFPage_GetAnnot(page, i)
        if not annot:
            continue
        try:
            subtype = raw.FPDFAnnot_GetSubtype(annot)
            if subtype == raw.FPDF_ANNOT_WIDGET:
                if form is None:
                    continue
                name = _utf16_getter(raw.FPDFAnnot_GetFormFieldName, form, annot)
                value = _utf16_getter(raw.FPDFAnnot_GetFormFieldValue, form, annot)
                if value.strip():
                    fields.append(f"{name}: {value}" if name else value)
                continue
            parts = []
            for key in (b"T", b"Contents", b"Subj"):
                value = _utf16_getter(raw.FPDFAnnot_GetStringValue, annot, key)
                if value.strip():
                    parts.append(value.replace("\r", "\n").strip())
            if subtype == raw.FPDF_ANNOT_LINK:
                parts = [p for p in parts if p]
            if parts:
                annots.append(": ".join(parts))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return annots, fields


def _read_metadata(pdf: pdfium.PdfDocument, data: bytes, doc: Document) -> None:
    lines: list[tuple[str, str]] = []
    for key, value in pdf.get_metadata_dict(skip_empty=True).items():
        if key in ("CreationDate", "ModDate"):
            continue
        lines.append((key, " ".join(value.split())))
    for key, value in _xmp_values(data):
        if (key, value) not in lines and all(value != v for _, v in lines):
            lines.append((key, value))
    if not lines:
        return
    text = ""
    spans = []
    for key, value in lines:
        start = len(text) + len(key) + 2
        text += f"{key}: {value}\n"
        spans.append((key, start, start + len(value)))
    segment = Segment(text, "metadata")
    doc.segments.append(segment)
    for key, start, end in spans:
        identifying = key in IDENTIFYING_INFO or key in ("xmp:creator", "xmp:LastModifiedBy")
        if identifying and identifies(text[start:end]):
            doc.hidden.append(
                hidden_finding(
                    "HIDDEN-METADATA", segment, start, end, reason=key, details={"field": key}
                )
            )


def _xmp_values(data: bytes) -> Iterator[tuple[str, str]]:
    """Leaf values of uncompressed XMP packets (most writers leave XMP uncompressed)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    for m in list(_XMP.finditer(data))[:4]:
        if len(m.group(0)) > 1_000_000:
            continue
        try:
            root = etree.fromstring(m.group(0), parser)
        except etree.XMLSyntaxError:
            continue
        if root is None:
            continue
        for el in root.iter():
            if not isinstance(el.tag, str) or len(el):
                continue
            value = " ".join((el.text or "").split())
            if not value or value.startswith("uuid:"):
                continue
            local = etree.QName(el).localname
            if local == "li":
                parent = el.getparent()
                while parent is not None and etree.QName(parent).localname in ("Seq", "Bag", "Alt"):
                    parent = parent.getparent()
                if parent is not None:
                    local = etree.QName(parent).localname
            if local in ("CreateDate", "ModifyDate", "MetadataDate", "format"):
                continue
            yield f"xmp:{local}", value


def _read_attachments(pdf: pdfium.PdfDocument, doc: Document) -> None:
    for i in range(min(pdf.count_attachments(), 1000)):
        try:
            attachment = pdf.get_attachment(i)
            name = attachment.get_name() or f"attachment{i + 1}"
            payload = bytes(attachment.get_data())
        except pdfium.PdfiumError:
            doc.errors.append(f"embedded file {i + 1} could not be read (damaged PDF)")
            continue
        add_attachment(doc, name, payload)


def _check_revisions(data: bytes, doc: Document) -> None:
    """Report text that an earlier incremental revision held and the final one lost.

    A PDF saved with incremental updates keeps every earlier revision: cutting the file after
    an earlier ``%%EOF`` gives that revision back.
    """
    ends = [m.end() for m in _EOF.finditer(data)]
    if len(ends) < 2:
        return
    final = {
        line.strip() for seg in doc.segments if seg.part == "body" for line in seg.text.splitlines()
    }
    final_words = {
        w for seg in doc.segments if seg.part == "body" for w in re.findall(r"\w+", seg.text)
    }
    seen: set[str] = set()
    lost_by_page: dict[int, list[str]] = {}
    for cut in ends[:-1][-MAX_REVISIONS:]:
        try:
            pages = page_texts(data[:cut])
        except Exception:  # an earlier revision that pdfium cannot open holds nothing to compare
            continue
        for number, text in enumerate(pages, 1):
            for line in text.splitlines():
                line = line.strip()
                if not line or line in final or line in seen:
                    continue
                if not any(w not in final_words for w in re.findall(r"\w+", line)):
                    continue  # reflowed, not removed
                seen.add(line)
                lost_by_page.setdefault(number, []).append(line)
    for number, lines in sorted(lost_by_page.items()):
        segment = Segment("\n".join(lines), "earlier-revision", number)
        doc.segments.append(segment)
        offset = 0
        for line in lines:
            doc.hidden.append(
                hidden_finding(
                    "HIDDEN-EARLIER-REVISION",
                    segment,
                    offset,
                    offset + len(line),
                    details={"revisions": len(ends)},
                )
            )
            offset += len(line) + 1
