"""Extractors: turn a file into a :class:`~redactcheck.document.Document` of text segments.

The format is chosen by content first (magic bytes), then by file extension. Each extractor is
a function ``(path, data) -> Document`` that raises :class:`ExtractError` with a one-line,
content-free reason when the file cannot be read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextvars import ContextVar
from importlib import import_module
from typing import Any

from redactcheck.document import Document, Placed, Segment
from redactcheck.errors import ExtractError  # its own module: limits raises it too
from redactcheck.errors import NotADocument as NotADocument  # re-exported for extractors
from redactcheck.limits import LimitExceeded, open_zip
from redactcheck.safetext import visible

Extractor = Callable[[str, bytes], Document]

#: media type -> "module:function", imported on first use so optional formats cost nothing.
EXTRACTORS: dict[str, str] = {
    "text/plain": "redactcheck.extract.text:extract_text",
    "text/markdown": "redactcheck.extract.text:extract_text",
    "application/pdf": "redactcheck.extract.pdf:extract_pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        "redactcheck.extract.docx:extract_docx"
    ),
    "text/html": "redactcheck.extract.html:extract_html",
    "message/rfc822": "redactcheck.extract.email:extract_email",
    "application/mbox": "redactcheck.extract.email:extract_mbox",
}

#: How deep attachments inside attachments are followed, and how many bytes of attachments one
#: top-level file may unpack in all (a bound against archive bombs).
MAX_NESTING = 4
MAX_NESTED_BYTES = 200 * 1024 * 1024
_depth: ContextVar[int] = ContextVar("redactcheck_extract_depth", default=0)
_budget: ContextVar[list[int] | None] = ContextVar("redactcheck_extract_budget", default=None)
#: whether and how pages without a readable text layer are OCR'd (a bool or an
#: ``extract.ocr.OcrSettings``); attachments inherit it
OCR: ContextVar[Any] = ContextVar("redactcheck_extract_ocr", default=False)

_EXTENSIONS = {
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".eml": "message/rfc822",
    ".mbox": "application/mbox",
    ".mbx": "application/mbox",
    ".msg": "application/vnd.ms-outlook",
}


_UNSUPPORTED = {
    # extract-msg, the maintained reader, is GPL-3.0: kept out of an Apache-2.0 tool
    "application/vnd.ms-outlook": "Outlook .msg is not supported: save the message as .eml",
}


def sniff(path: str, data: bytes) -> str:
    """Media type from content, falling back to the extension."""
    head = data[:2048]
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if head.startswith(b"\xd0\xcf\x11\xe0") and path.lower().endswith(".msg"):
        return "application/vnd.ms-outlook"
    ext = os.path.splitext(path)[1].lower()  # os.path: a Path object per file costs more
    if ext == ".":  # "name." has no suffix (as pathlib sees it)
        ext = ""
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    if not ext and head.startswith(b"From ") and _looks_like_email(head.split(b"\n", 1)[-1]):
        return "application/mbox"  # a Unix mailbox saved without an extension
    if not ext and _looks_like_email(head):
        # only without an extension: a .txt memo with FROM:/TO: lines stays text, so its line
        # numbers keep counting from the top of the file
        return "message/rfc822"
    return "text/plain"


def _looks_like_email(head: bytes) -> bool:
    """An RFC 822 header block: the first lines are ``Name: value`` and include From."""
    lines = head.split(b"\n", 12)[:12]
    names = set()
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue
        name, sep, _ = line.partition(b":")
        if not sep or not name or b" " in name:
            return False
        names.add(name.strip().lower())
    return b"from" in names and bool(names & {b"to", b"date", b"subject", b"message-id"})


def get_extractor(media_type: str) -> Extractor:
    target = EXTRACTORS.get(media_type)
    if target is None:
        raise ExtractError(_UNSUPPORTED.get(media_type, f"unsupported format ({media_type})"))
    module_name, _, func = target.partition(":")
    module = sys.modules.get(module_name)  # what import_module looks at first, minus its cost
    if module is None:
        try:
            module = import_module(module_name)
        except ImportError as exc:
            raise ExtractError(f"support for {media_type} is not installed ({exc.name})") from exc
    return getattr(module, func)


#: Formats that are zip containers: their archive directory is checked against the limits
#: (``redactcheck.limits``) before any extractor inflates a member.
ZIP_CONTAINERS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX file",
}


def extract(path: str, data: bytes, *, ocr: Any = None) -> Document:
    """Extract ``data`` (the bytes of ``path``) into a document.

    Any failure inside a parsing library becomes an :class:`ExtractError` with a one-line
    reason: a malformed file must never end the scan with a traceback. ``ocr`` (a bool or an
    ``OcrSettings``) asks for pages without a readable text layer to be OCR'd (None: as the
    enclosing call, for attachments).
    """
    media_type = sniff(path, data)
    if media_type in ZIP_CONTAINERS:
        try:  # bound a zip bomb before any library inflates it
            open_zip(data, what=ZIP_CONTAINERS[media_type]).close()
        except LimitExceeded:
            raise
        except ExtractError:
            pass  # not a zip at all: the format's extractor says so in its own words
    extractor = get_extractor(media_type)
    if ocr is not None:
        ocr_token = OCR.set(ocr)
    token = _budget.set([MAX_NESTED_BYTES]) if _budget.get() is None else None
    try:
        document = extractor(path, data)
    except ExtractError:
        raise
    except RecursionError as exc:
        raise ExtractError(f"cannot read {_label(media_type)}: nested too deeply") from exc
    except MemoryError as exc:
        raise ExtractError(f"cannot read {_label(media_type)}: too large to unpack") from exc
    except Exception as exc:  # a library choked on malformed input: report, never crash
        raise ExtractError(f"cannot read {_label(media_type)}: {type(exc).__name__}") from exc
    finally:
        if token is not None:
            _budget.reset(token)
        if ocr is not None:
            OCR.reset(ocr_token)
    document.media_type = document.media_type or media_type
    return document


def _label(media_type: str) -> str:
    return {
        "application/pdf": "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
        "text/html": "HTML",
        "message/rfc822": "e-mail",
        "application/mbox": "mailbox",
    }.get(media_type, media_type)


def attachment_part(name: str, part: str) -> str:
    """Part name of text found in an attachment: ``attachment:NAME`` for its body, and
    ``attachment:NAME:PART`` for its other parts (so a comment stays a comment)."""
    name = visible(name.replace("\n", " ").replace("\r", " ").strip()) or "unnamed"
    return f"attachment:{name}" if part == "body" else f"attachment:{name}:{part}"


def add_attachment(parent: Document, name: str, data: bytes) -> None:
    """Extract an embedded file and add its segments and findings to ``parent``.

    Parts are renamed with :func:`attachment_part`; pages keep the attachment's own numbering.
    An unreadable attachment becomes one of the parent's ``errors`` (the rest of the file is
    still reported, and the scan exits 2); a binary one (not a document) a note. Nesting depth
    and the total unpacked size are bounded.
    """
    label = visible(name) or "unnamed"
    depth = _depth.get()
    if depth >= MAX_NESTING:
        parent.errors.append(f"attachment {label} not scanned: nested too deeply")
        return
    budget = _budget.get()
    if budget is not None:
        if len(data) > budget[0]:
            parent.errors.append(f"attachment {label} not scanned: attachments exceed size limit")
            return
        budget[0] -= len(data)
    token = _depth.set(depth + 1)
    try:
        child = extract(f"{parent.path}#{label}", data)
    except NotADocument as exc:
        # a binary attachment (an image, a program): listed, not an error
        parent.notes.append(f"attachment {label} not scanned: {exc}")
        return
    except ExtractError as exc:
        # fail loud: an attachment that could not be read is content nobody checked
        parent.errors.append(f"attachment {label} not scanned: {exc}")
        return
    finally:
        _depth.reset(token)
    moved: dict[int, Segment] = {}
    for seg in child.segments:
        moved[id(seg)] = Segment(seg.text, attachment_part(label, seg.part), seg.page, seg.origin)
        parent.segments.append(moved[id(seg)])
    for placed in child.hidden:
        segment = moved.get(id(placed.segment)) or Segment(
            placed.segment.text,
            attachment_part(label, placed.segment.part),
            placed.segment.page,
            placed.segment.origin,
        )
        parent.hidden.append(Placed(segment, placed.hit))
    parent.notes.extend(f"attachment {label}: {note}" for note in child.notes)
    parent.errors.extend(f"attachment {label}: {error}" for error in child.errors)
