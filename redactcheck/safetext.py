"""Make strings from a scanned folder safe to print, store and encode.

File names and attachment names come from strangers: they may not be UTF-8 (Python hands them
over with lone surrogates), may hold control characters (a newline that forges a CI log line,
an ANSI escape that clears the terminal) or bidi controls that reorder what a reader sees.
Every path and part name a report shows goes through :func:`visible` once, where it is made,
so no renderer can forget; document text goes through :func:`valid_text`, which keeps its
length so finding offsets stay exact.
"""

from __future__ import annotations

import re

#: what :func:`visible` escapes: C0/C1 controls, DEL, surrogates, line/paragraph separators,
#: bidi embeddings, overrides, isolates and marks (Unicode's "Trojan source" characters)
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every unsafe character written as a ``\\xNN`` or ``\\uNNNN`` escape.

    The result encodes as UTF-8, holds no control or bidi character, and reads the same in a
    terminal, a CI log, a spreadsheet and a browser. A name that is not UTF-8 shows its bytes
    (``\\xff\\xfe.txt``)."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)


def terminal_line(text: str) -> str:
    """One line for stderr: :func:`visible`, so a file name cannot start a line of its own."""
    return visible(text)


def valid_text(text: str) -> str:
    """Document text with each lone surrogate replaced by U+FFFD (same length, so offsets hold).

    Surrogates reach text through ``surrogateescape`` (raw 8-bit e-mail headers) and cannot be
    encoded as UTF-8: left in, they would fail the report writer."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


_PICTURE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
)


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    return "\u2421" if code == 0x7F else "\ufffd"


def terminal_text(text: str) -> str:
    """Document text for a terminal view, one character for one (offsets still mark the
    finding): control, bidi and separator characters shown as symbols, never acted on."""
    if text.isascii() and text.isprintable():
        return text
    return _PICTURE.sub(_picture, valid_text(text))
