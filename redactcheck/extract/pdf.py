"""PDF: the pages (text in reading order, annotations, form fields, OCR of pages without a
text layer) and the hidden-content checks that only a PDF needs (failed redactions and
invisible text via ``pdf_hidden.py``, pages without a text layer). The text layer itself is
read in ``pdf_text.py``; outline, metadata, attachments and earlier revisions in
``pdf_parts.py``.

Built on pypdfium2 (Apache-2.0/BSD). PyMuPDF is not used: it is AGPL.
"""

from __future__ import annotations

import contextlib
import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from redactcheck.document import Document, Segment
from redactcheck.extract import OCR, ExtractError
from redactcheck.extract.geometry import PageBoxes
from redactcheck.extract.hidden import hidden_finding
from redactcheck.extract.ocr import (
    OcrSettings,
    OCRTimeout,
    OCRUnavailable,
    as_settings,
    ocr_page,
)
from redactcheck.extract.pdf_hidden import PageScan, scan_page
from redactcheck.extract.pdf_limits import check_pdf_streams
from redactcheck.extract.pdf_parts import (
    check_revisions,
    read_attachments,
    read_metadata,
    read_outline,
)
from redactcheck.extract.pdf_text import MAX_PAGES, open_pdf, text_and_map

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


def extract_pdf(path: str, data: bytes) -> Document:
    doc = Document(path=path, media_type="application/pdf")
    check_pdf_streams(data)  # inflated size and object counts, before pdfium holds them
    pdf = open_pdf(data)
    try:
        _read_pages(pdf, doc)
        read_outline(pdf, doc)
        read_metadata(pdf, data, doc)
        read_attachments(pdf, doc)
    except pdfium.PdfiumError as exc:
        raise ExtractError("damaged PDF: part of it could not be read") from exc
    finally:
        pdf.close()
    check_revisions(data, doc)
    return doc


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
        text, index = text_and_map(textpage)
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
