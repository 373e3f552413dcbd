"""Portion marks whose letter OCR read as another character (issue 17).

A record marked paragraph by paragraph (E.O. 12065/12356 portion marking: ``2. (S) The
station ...``) keeps its marks in one typeface; on a poor scan OCR reads the ``S`` as ``8``,
``5``, ``$`` or ``§`` and the ``C`` as ``©``, ``¢`` or ``€`` (``2. (8) The
station``). Such a mark is read only where the paragraph's number stands right before it
(a sub-list under a paragraph number starts at ``(1)`` or ``(a)``, not ``(8)``), or, for a
symbol no list uses (``(©)``, ``(§)``), at the start of a line; and only in a record that
carries an undamaged portion mark elsewhere, which says the record is portion-marked.

An undamaged mark whose place OCR damaged is read here too, in a record the rules already
found portion-marked three times or more: a mark that ends its paragraph with scanner specks
after it (``... the report. (C) .``, ``... as follows: (U) '``), and a mark after a sub-paragraph
letter with specks before it at the line's start (``: B. (U) There ...``). The rules want those
places clean; a record marked paragraph by paragraph puts its marks there and nowhere else.

A mark, clean or its letter misread, is read too where OCR damaged the paragraph's number or
letter before it, in a record the rules found portion-marked twice or more: the number's dot
read as a comma (``7, (U) The ...``), the number or sub-paragraph letter read as capitals
(``6G. (S)``, ``B. (5)`` for ``(S)``), or, three marks found, only specks before it
(``» (5) Two ...``). CIA and Army memoranda of the JFK collection number every marked
paragraph this way (12 pool records, branch mark15); the rules want a clean ``7.`` or ``B.``.
"""

from __future__ import annotations

import re

#: look-alikes of the portion-mark letters (rules/lexicons/ocr_markings.yaml, banner_confusions,
#: and the symbols OCR gives for a small capital in parentheses)
_READS_AS = {
    "8": "S",
    "5": "S",
    "$": "S",
    "§": "S",
    "©": "C",
    "¢": "C",
    "€": "C",
}
#: no list numbers with these: also at a line's start without a paragraph number (a bracket is
#: not among them: "( ) CONFIDENTIAL ( ) SECRET" check boxes read as "([)")
_SYMBOLS = "$§©¢€"

#: what stands before the mark on its line: nothing, or the paragraph's number
_BEFORE = re.compile(r"[ \t]*(?:(\d{1,2}\.)[ \t]*)?")
_MARK = re.compile(r"\(([85$§©¢€])\)")
_AFTER = re.compile(r"[ \t]+[A-Z]")
_CLEAN = re.compile(r"(?<![A-Za-z0-9])\((?:TS|S|C|U)(?://[A-Z][A-Z /-]*)?\)[ \t]+[A-Z]")


def damaged_portion_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, mark)`` of damaged portion marks (``(8)`` read as ``(S)``) not in
    ``taken``, in a record that carries an undamaged portion mark."""
    found = []  # (start, letter): one regex pass (its literal "(" is scanned for in C)
    for m in _MARK.finditer(text):
        at, ch = m.start(), m.group(1)
        if _AFTER.match(text, at + 3):
            lo = text.rfind("\n", 0, at) + 1
            before = _BEFORE.fullmatch(text, lo, at)
            if before is not None and (before.group(1) or ch in _SYMBOLS):
                found.append((at, ch))
    out: list[tuple[int, int, str]] = []
    if _marks_found(text, taken) >= _MARKED_RECORD:
        for start, end in _noisy_places(text):
            if not any(start < e and s < end for s, e in taken):
                out.append((start, end, _reading(text[start:end])))
                taken.append((start, end))
    for start, end in _glued_marks(text):
        if not any(start < e and s < end for s, e in taken):
            out.append((start, end, text[start:end]))
            taken.append((start, end))
    marks = _marks_found(text, taken)
    if marks >= _MARKED_PLACE:
        for m in _PLACED_MARK.finditer(text):  # literal "(" first, then the line's start
            start, end = m.span()
            lo = text.rfind("\n", 0, start) + 1
            place = _DAMAGED_PLACE.fullmatch(text, lo, start)
            if place is None or (place.group("speck") is not None and marks < _MARKED_RECORD):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            ch = m.group(1)
            out.append((start, end, f"({_READS_AS.get(ch, ch)})"))
            taken.append((start, end))
    if not found or _CLEAN.search(text) is None:
        return out
    for start, ch in found:
        end = start + 3
        if any(start < e and s < end for s, e in taken):
            continue
        out.append((start, end, f"({_READS_AS[ch]})"))
        taken.append((start, end))
    return out


#: How many portion marks the rules must have found before a mark in a noisy place is read:
#: a record marked paragraph by paragraph carries many; a list's "(C)" or a plural's "(S)"
#: stands alone.
_MARKED_RECORD = 3
_FOUND_MARK = re.compile(r"[({\[]?(?:TS|S|C|U)(?://?[A-Z][A-Z0-9 ,/-]*)?[)}\]]")
#: A mark ending its paragraph: after a sentence's end or a word, spaced (a plural's "(S)" is
#: glued to its word), then on its line only specks: punctuation and one token of one or two
#: characters ("(C) .", "(U) ' i").
_TRAILING = re.compile(
    r"(?<=[A-Za-z0-9.?!:;,\"”’')][ \t])(\((?:TS|S|C|U)\))(?=[^\w\n]*(?:\w{1,2}[^\w\n]*)?$)",
    re.MULTILINE,
)
#: A mark after a sub-paragraph letter (OCR may double it: "Cc.") with specks before it at the
#: line's start, followed by the paragraph's first word.
_LEADING = re.compile(
    r"^[^\w\n]{1,3}[ \t]*(?:[A-Z][a-z]?\.|\d{1,2}\.)?[ \t]*(\((?:TS|S|C|U)\))(?=[ \t]+[A-Z])"
    r"|^[ \t]*[A-Z][a-z]\.[ \t]*(\((?:TS|S|C|U)\))(?=[ \t]+[A-Z])",
    re.MULTILINE,
)


#: A clean mark with nothing but specks after it to the line's end (the literal "(" first:
#: the scan runs in C; the character glued before it is tested in Python).
_LINE_END_MARK = re.compile(r"\((?:TS|S|C|U)\)(?=[^\w\n]*$)", re.MULTILINE)


def _glued_marks(text: str) -> list[tuple[int, int]]:
    """Spans of marks ending their paragraph glued to one noise character OCR put before them
    (``... FABRICATION E(U)``, ``TOMORROW. *(U)``, ``x(U)`` alone on its line): the character
    stands alone (a space or the line's start before it), so no word's plural (``PAGE(S)``)."""
    spans = []
    for m in _LINE_END_MARK.finditer(text):
        at = m.start()
        if at < 1:
            continue
        glue = text[at - 1]
        before = text[at - 2] if at >= 2 else "\n"
        if not glue.isspace() and glue != "(" and before in " \t\n":
            spans.append(m.span())
    return spans


def _reading(mark: str) -> str:
    """The mark a misread one stands for: ``(8)`` and ``(S}`` read as ``(S)``."""
    letters = mark[1:-1]
    return f"({_READS_AS.get(letters, letters)})"


def _marks_found(text: str, taken: list[tuple[int, int]]) -> int:
    """How many of the spans found so far are portion marks."""
    return sum(1 for s, e in taken if e - s <= 24 and _FOUND_MARK.fullmatch(text, s, e))


#: A mark ending its paragraph with its letter or its closing bracket misread (``... the
#: report. (8)``, ``... as requested.) (U}``), then nothing but specks to the line's end; the
#: literal "(" first, so the scan runs in C (what stands before it is tested in Python).
_TRAILING_DAMAGED = re.compile(r"\((?:TS|S|C|U|[85$§©¢€])[)}\]](?=[^\w\n]*$)", re.MULTILINE)
#: Before a misread mark: a space after a sentence's end (a list's "(5)" follows a word).
_SENTENCE_END = ".?!\"”’')"


def _trailing_damaged(text: str) -> list[tuple[int, int]]:
    """Spans of misread marks ending their paragraph after a sentence's end."""
    return [
        m.span()
        for m in _TRAILING_DAMAGED.finditer(text)
        if m.start() >= 2 and text[m.start() - 1] in " \t" and text[m.start() - 2] in _SENTENCE_END
    ]


def _noisy_places(text: str) -> list[tuple[int, int]]:
    """Spans of marks standing in a place OCR specks made unclean, or ending their paragraph
    with a letter or bracket OCR misread."""
    spans = [m.span(1) for m in _TRAILING.finditer(text)]
    spans += [span for span in _trailing_damaged(text) if span not in spans]
    for m in _LEADING.finditer(text):
        spans.append(m.span(1) if m.group(1) else m.span(2))
    return spans


#: How many portion marks the rules must have found before a mark after a damaged paragraph
#: number or letter is read (a list's "(5)" under a clean "7," stands in an unmarked record)
_MARKED_PLACE = 2
#: A paragraph's mark, clean or its letter misread, after the paragraph's number or letter as
#: OCR damaged it: a comma for the dot ("7,"), capitals for the number or letter ("6G.", "BH."),
#: or specks alone ("» ", "#)"), from the line's start to the mark; the mark, then the
#: paragraph's first word (a literal "(" starts the scan).
_DAMAGED_PLACE = re.compile(r"[ \t]*(?:\d{1,2},|\d?[A-Z]{1,2}\.|(?P<speck>[^\w\s]{1,2}))[ \t]*")
_PLACED_MARK = re.compile(r"\((TS|S|C|U|[85$§©¢€])\)(?=[ \t]+[A-Z])")
