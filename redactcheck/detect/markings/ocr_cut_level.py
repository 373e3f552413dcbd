"""A level word cut by a column or page edge, alone on its line, anywhere in a scanned record.

Why: a stamp in the margin of a scanned page (the level printed at the right of a memo's
heading, over a form's box, down the page's side) is often half outside the scan or split by
OCR over two lines, so the line OCR makes of it holds only the start or the end of the word
(invented: ``SECR``, ``CRET :``, ``Jo SECR``, ``IDENTIAL``, ``CONFI e``). The page-edge step
(:mod:`ocr_page_edge`) reads such pieces only at a page's first and last lines and only from
five letters of a long word; the banner steps want the whole word. Here the line's shape does
the work: the piece in capitals is the line's one word, beside nothing but OCR specks and
tokens of at most two letters, so no sentence, heading or name runs through it. A piece of
four letters stands for SECRET (its start or end); CONFIDENTIAL's start needs five (``CONF``
is the common abbreviation of conference) and its end four. English words (``CONFIDENT``,
``CONFIDE``) are no pieces. UNCLASSIFIED's pieces are left out: its end is the end of
``CLASSIFIED`` and ``DECLASSIFIED`` too, a form label's or a stamp's.

Pool (``/work/unlabelled_pool.txt``, branch mark19, seeds 5151/5152): lines of this shape in
about 35 JFK-collection records that no other step reads; every one read was a stamp.
Cost: the pieces' keys (``SECR``, ``CRET``, ``CONFI``, ``TIAL``) are words of the banner
step's shared scan (:mod:`literals`); only their places reach Python.
"""

from __future__ import annotations

from functools import lru_cache

from redactcheck.detect.markings.literals import CUT_KEYS, Places, finds
from redactcheck.detect.markings.taken import claim

#: A cut line is short: the piece, a few specks, a stray letter or two.
_MAX_LINE = 30
#: Beside the piece, a token may hold at most this many letters (a speck read as ``Tr``).
_NOISE_LETTERS = 2
#: Letters a piece keeps, at the least, of its word's start and of its end.
_LEVELS = (("SECRET", 4, 4), ("CONFIDENTIAL", 5, 4))
#: Pieces that are English words, not a cut stamp.
_ENGLISH = frozenset({"CONFIDE", "CONFIDENT"})


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    """Every piece that stands for a level: its proper starts and ends, long enough."""
    out: dict[str, str] = {}
    for word, head, tail in _LEVELS:
        for k in range(head, len(word)):
            out[word[:k]] = word
        for k in range(tail, len(word)):
            out[word[-k:]] = word
    for piece in _ENGLISH:
        out.pop(piece, None)
    return out


def cut_level_findings(
    text: str, taken: list[tuple[int, int]], places: Places | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, level)`` of level words cut to a piece alone on a short line, not
    overlapping ``taken`` (extended with what this step finds)."""
    out: list[tuple[int, int, str]] = []
    pieces = _pieces()
    size = len(text)
    for key in CUT_KEYS:
        for at in finds(text, key, places):
            start, end = at, at + len(key)
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            while end < size and text[end].isalpha():
                end += 1
            word = pieces.get(text[start:end])
            if word is None or _glued(text, start, end):
                continue
            if _alone_on_line(text, start, end):
                claim((start, end, word), out, taken)
    return out


def _glued(text: str, start: int, end: int) -> bool:
    """A digit touches the piece: part of a code or a number, not a cut word."""
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """The piece is the one word of a short line: every other token holds two letters or
    fewer (OCR specks, a stray letter, a page number)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if len(text[lo:hi].strip()) > _MAX_LINE:
        return False
    rest = text[lo:start] + " " + text[end:hi]
    run = 0
    for ch in rest:
        if ch.isalpha():
            run += 1
            if run > _NOISE_LETTERS:
                return False
        else:
            run = 0
    return True
