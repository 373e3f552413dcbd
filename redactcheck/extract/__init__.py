"""Extractors: turn a file into a :class:`~redactcheck.document.Document` of text segments.

The format is chosen by content first (magic bytes), then by file extension. Each extractor is
a function ``(path, data) -> Document`` that raises :class:`ExtractError` with a one-line,
content-free reason when the file cannot be read.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from redactcheck.document import Document


class ExtractError(Exception):
    """A file could not be read. The message names the reason, never the file's content."""


class NotADocument(ExtractError):
    """The file is not a document at all (a binary): skipped, listed with ``--verbose``, and
    not counted as an error."""


Extractor = Callable[[str, bytes], Document]

#: media type -> "module:function", imported on first use so optional formats cost nothing.
EXTRACTORS: dict[str, str] = {
    "text/plain": "redactcheck.extract.text:extract_text",
    "text/markdown": "redactcheck.extract.text:extract_text",
}

_EXTENSIONS = {
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".eml": "message/rfc822",
    ".msg": "application/vnd.ms-outlook",
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
    ext = Path(path).suffix.lower()
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return "text/plain"


def get_extractor(media_type: str) -> Extractor:
    target = EXTRACTORS.get(media_type)
    if target is None:
        raise ExtractError(f"unsupported format ({media_type})")
    module, _, func = target.partition(":")
    try:
        return getattr(import_module(module), func)
    except ImportError as exc:
        raise ExtractError(f"support for {media_type} is not installed ({exc.name})") from exc


#: Formats that are zip containers: their archive directory is checked against the limits
#: (``redactcheck.limits``) before any extractor inflates a member.
ZIP_CONTAINERS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX file",
}


def extract(path: str, data: bytes) -> Document:
    """Extract ``data`` (the bytes of ``path``) into a document."""
    media_type = sniff(path, data)
    if media_type in ZIP_CONTAINERS:
        from redactcheck.limits import open_zip

        open_zip(data, what=ZIP_CONTAINERS[media_type]).close()
    document = get_extractor(media_type)(path, data)
    document.media_type = document.media_type or media_type
    return document
