"""Plain text and Markdown: decode, detecting the encoding when the file is not UTF-8."""

from __future__ import annotations

from redactcheck.document import Document, Segment
from redactcheck.extract import ExtractError, NotADocument

_SNIFF = 8192


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of ``head`` is NUL (ASCII text in UTF-16)."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.9 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.9 * pairs and odd == 0:
        return "utf-16-be"
    return None


def _check_binary(data: bytes) -> str | None:
    """Refuse NUL-filled and binary files; return a BOM-less UTF-16 codec when that is what
    the NUL bytes mean."""
    head = data[:_SNIFF]
    if b"\x00" not in head or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if not head.strip(b"\x00") and not data.strip(b"\x00"):
        raise ExtractError("file holds only NUL bytes (zero-filled or damaged); nothing to scan")
    codec = _utf16_without_bom(head)
    if codec is None:
        raise NotADocument("binary file, not a text document; skipped")
    return codec


def decode(data: bytes) -> tuple[str, str | None]:
    """Return the text and, when it was not UTF-8, the encoding that was detected.

    Newlines are left as they are, so offsets match the file byte-for-character.
    """
    codec = _check_binary(data)
    if codec is not None:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise NotADocument("binary file, not a text document; skipped") from exc
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ExtractError("undecodable text: not UTF-8 and no encoding could be detected")
    return str(best), best.encoding


def extract_text(path: str, data: bytes) -> Document:
    text, encoding = decode(data)
    media = "text/markdown" if path.lower().endswith((".md", ".markdown")) else "text/plain"
    doc = Document(path=path, media_type=media, segments=[Segment(text, "body")])
    if encoding:
        doc.notes.append(f"decoded as {encoding}")
    return doc
