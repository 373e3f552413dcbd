"""Plain text and Markdown: decode, detecting the encoding when the file is not UTF-8."""

from __future__ import annotations

from redactcheck.document import Document, Segment
from redactcheck.extract import ExtractError


def decode(data: bytes) -> tuple[str, str | None]:
    """Return the text and, when it was not UTF-8, the encoding that was detected.

    Newlines are left as they are, so offsets match the file byte-for-character.
    """
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractError("binary file (NUL bytes), not scanned")
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
