"""Portion marks whose letter OCR read as another character (issue 17).

A record marked paragraph by paragraph (E.O. 12065/12356 portion marking: ``2. (S) The
station ...``) keeps its marks in one typeface; on a poor scan OCR reads the ``S`` as ``8``,
``5``, ``$`` or ``§`` and the ``C`` as ``©``, ``¢`` or ``€`` (``2. (8) The
station``). Such a mark is read only where the paragraph's number stands right before it
(a sub-list under a paragraph number starts at ``(1)`` or ``(a)``, not ``(8)``), or, for a
symbol no list uses (``(©)``, ``(§)``), at the start of a line; and only in a record that
carries an undamaged portion mark elsewhere, which says the record is portion-marked.
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
    if not found or _CLEAN.search(text) is None:
        return []
    out: list[tuple[int, int, str]] = []
    for start, ch in found:
        end = start + 3
        if any(start < e and s < end for s, e in taken):
            continue
        out.append((start, end, f"({_READS_AS[ch]})"))
        taken.append((start, end))
    return out
