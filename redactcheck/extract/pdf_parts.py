"""What a PDF holds beside its pages: bookmarks (outline), metadata (Info and XMP),
attachments, and the earlier revisions that incremental updates keep in the file."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pypdfium2 as pdfium
from lxml import etree

from redactcheck.document import Document, Segment
from redactcheck.extract import add_attachment
from redactcheck.extract.hidden import hidden_finding, identifies
from redactcheck.extract.pdf_text import page_texts

MAX_REVISIONS = 8
#: metadata fields that identify a person or organisation (reported as HIDDEN-METADATA).
IDENTIFYING_INFO = ("Author",)
_XMP = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta>", re.S)
_EOF = re.compile(rb"%%EOF[ \t]*(?:\r\n|\r|\n)?")
MAX_OUTLINE_ITEMS = 10_000


def read_outline(pdf: pdfium.PdfDocument, doc: Document) -> None:
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


def read_metadata(pdf: pdfium.PdfDocument, data: bytes, doc: Document) -> None:
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


def read_attachments(pdf: pdfium.PdfDocument, doc: Document) -> None:
    for i in range(min(pdf.count_attachments(), 1000)):
        try:
            attachment = pdf.get_attachment(i)
            name = attachment.get_name() or f"attachment{i + 1}"
            payload = bytes(attachment.get_data())
        except pdfium.PdfiumError:
            doc.errors.append(f"embedded file {i + 1} could not be read (damaged PDF)")
            continue
        add_attachment(doc, name, payload)


def check_revisions(data: bytes, doc: Document) -> None:
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
