"""Plain text and Markdown: decode, detecting the encoding when the file is not UTF-8."""

from __future__ import annotations

import unicodedata

from redactcheck.document import Document, Segment
from redactcheck.extract import ExtractError, NotADocument

_SNIFF = 8192
#: names that promise text: a NUL byte in such a file is damage or a trick, not a binary
TEXT_EXTENSIONS = (
    ".txt", ".text", ".md", ".markdown", ".csv", ".tsv", ".log", ".eml", ".mbox", ".json",
    ".xml", ".yaml", ".yml", ".ini", ".cfg",
)  # fmt: skip
#: share of control bytes (other than tab, newlines, form feed, escape) up to which a file
#: with a text name is still read as text
_MAX_CONTROL_SHARE = 0.05
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _textual(text: str) -> bool:
    """Whether decoded text reads as text: almost all of it printable or white space, and no
    private-use or unassigned code points (what the wrong byte order gives)."""
    if not text:
        return False
    bad = 0
    for ch in text[:4096]:
        if ch.isprintable() or ch in "\t\n\r\f":
            continue
        bad += 1
    if bad > 0.02 * min(len(text), 4096):
        return False
    sample = text[:4096]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    return odd <= 0.01 * len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for UTF-16 text without a byte-order mark, in any script.

    In UTF-16 the NUL bytes (spaces, digits, line breaks, Latin letters) fall on one side of
    each pair only: odd offsets for little-endian, even for big-endian. The side with NULs says
    which order to try; the decoded text must then read as text (no unpaired surrogates,
    almost nothing unassigned or private), so Cyrillic, Greek, Arabic or CJK text is decoded
    too, not only text whose every other byte is NUL."""
    head = data[:_SNIFF]
    pairs = len(head) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd > 0 and even <= odd // 50:
        codec = "utf-16-le"
    elif even > 0 and odd <= even // 50:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec if _textual(text) else None


def _check_binary(data: bytes, path: str = "") -> str | None:
    """Refuse NUL-filled and binary files; return a BOM-less UTF-16 codec when that is what
    the NUL bytes mean, or ``"text"`` for a file with a text name that holds a few stray
    control bytes (read as text: its NULs stay characters, so offsets hold).

    Fail loud, not open: a file named ``.txt``/``.eml`` (see ``TEXT_EXTENSIONS``) that looks
    binary is an error, never a quiet skip: renaming a memo's bytes must not hide it."""
    head = data[:_SNIFF]
    if b"\x00" not in head or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if not head.strip(b"\x00") and not data.strip(b"\x00"):
        raise ExtractError("file holds only NUL bytes (zero-filled or damaged); nothing to scan")
    codec = _utf16_without_bom(data)
    if codec is not None:
        return codec
    named_text = path.lower().endswith(TEXT_EXTENSIONS)
    if named_text:
        controls = sum(head.count(b) for b in _CONTROL)
        if controls <= _MAX_CONTROL_SHARE * len(head):
            return "text"
        raise ExtractError(
            "file has a text name but holds binary data (NUL and control bytes); not scanned"
        )
    raise NotADocument("binary file, not a text document; skipped")


def decode(data: bytes, path: str = "") -> tuple[str, str | None]:
    """Return the text and, when it was not UTF-8, the encoding that was detected.

    Newlines are left as they are, so offsets match the file byte-for-character. ``path``
    decides what a file with NUL bytes is (see ``_check_binary``).
    """
    codec = _check_binary(data, path)
    if codec == "text":
        codec = None  # a text file with stray NUL bytes: decoded below like any other
    if codec is not None:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise NotADocument("binary file, not a text document; skipped") from exc
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"), None
    except UnicodeDecodeError:
        pass
    # imported here: only a file that is not UTF-8 needs the charset guesser (20 ms to import)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ExtractError("undecodable text: not UTF-8 and no encoding could be detected")
    return str(best), best.encoding


def extract_text(path: str, data: bytes) -> Document:
    text, encoding = decode(data, path)
    media = "text/markdown" if path.lower().endswith((".md", ".markdown")) else "text/plain"
    doc = Document(path=path, media_type=media, segments=[Segment(text, "body")])
    if encoding:
        doc.notes.append(f"decoded as {encoding}")
    return doc
