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

_DAMAGED = re.compile(
    r"(?m)^[ \t]*(?:(?P<num>\d{1,2}\.)[ \t]*)?(?P<mark>\((?P<ch>[85$§©¢€])\))[ \t]+(?=[A-Z])"
)
_CLEAN = re.compile(r"(?<![A-Za-z0-9])\((?:TS|S|C|U)(?://[A-Z][A-Z /-]*)?\)[ \t]+[A-Z]")


def damaged_portion_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, mark)`` of damaged portion marks (``(8)`` read as ``(S)``) not in
    ``taken``, in a record that carries an undamaged portion mark."""
    if "(" not in text:
        return []
    found = [m for m in _DAMAGED.finditer(text) if m.group("num") or m.group("ch") in _SYMBOLS]
    if not found or _CLEAN.search(text) is None:
        return []
    out: list[tuple[int, int, str]] = []
    for m in found:
        start, end = m.span("mark")
        if any(start < e and s < end for s, e in taken):
            continue
        out.append((start, end, f"({_READS_AS[m.group('ch')]})"))
        taken.append((start, end))
    return out
