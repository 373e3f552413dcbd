"""The declassification line of an authority block, damaged, under its found first line.

Why: an authority block is two lines or more in fixed order: ``CLASSIFIED BY 1234`` then
``DECLASSIFY ON: 25X1`` (the FBI's review stamp, E.O. 12065/12356), ``CL BY: 0123456`` then
``DECL ON: X1`` (CIA cables and memos; ``../shared/reference/markings.yaml``, authority and
declassification entries). On a scan the first line often survives while OCR damages the
second: the label's letters misread or cut (``BECLASE:AY Cnt:``, ``SIFY CR:``), run into the
column beside it (``SAN JUANDECLASSIFY ON.``), or its colon read as a full stop. The rules and
the authority step want the label whole (``ocr_authority``: three edits at most, a space
before it), so the line is lost; pool records of seeds 6767 and 6768 and the set1 tune part
show it under a found first line in four records.

How: only the three lines after a found ``CLASSIFIED BY`` or ``CL BY`` line are read. There,
a declassification value that the orders define (a 25X exemption code, its ``X1`` short form,
``OADR``), OCR-damaged in the usual ways (``254``, ``26``, ``XI``), after ``ON`` (or its
look-alikes ``CR``, ``Cnt``, ``0N``) and a colon, semicolon or full stop, is the line's value;
the word before ``ON`` must still read as the end of DECLASSIFY or DECL, within one edit in two
letters. Alone, such a line is nothing: under its block's first line it is the block's date.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from redactcheck.detect.markings.taken import claim, overlaps

#: The first line of a block as a finding's text: CLASSIFIED BY, CL BY (letters damaged).
_FIRST = re.compile(r"[^A-Za-z]{0,3}[A-Za-z]{1,12}[ \t.]*[BbS8][YyVv]")
#: The damaged ON, its separator and the value (25X1, 25X, X1, OADR; damaged: 254, 26, XI).
_VALUE = re.compile(
    r"(?<![A-Za-z])(?P<on>ON|On|on|oN|0N|0n|CN|Cn|Cnt|CR|Ou)[ \t]*[:;.,][ \t]*"
    r"(?P<value>2[5S6](?:[ \t]?[XxH×K4][ \t]?[1-9Il]?)?|[XxH][1-8Il]|[O0]ADR)"
    r"(?![A-Za-z0-9])"
)
#: The word before ON: its last letters, against the end of each label.
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z:;.,'\-]{0,20})[ \t]*$")
_LABELS = ("DECLASSIFY", "DECL")
_LINES_AFTER = 3


def declass_line_findings(
    text: str, firsts: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """``(start, end, "DECLASSIFY ON")`` of damaged declassification lines in the
    ``_LINES_AFTER`` lines after each span of ``firsts`` (authority findings) that reads as a
    block's first line, not overlapping ``taken`` (extended)."""
    out: list[tuple[int, int, str]] = []
    for start, end in firsts:
        if _FIRST.match(text, start, end) is None:
            continue
        pos = text.find("\n", end)
        for _ in range(_LINES_AFTER):
            if pos < 0:
                break
            nxt = text.find("\n", pos + 1)
            hi = len(text) if nxt < 0 else nxt
            found = _declass_in(text, pos + 1, hi)
            if found is not None and not overlaps(*found, taken):
                claim((*found, "DECLASSIFY ON"), out, taken)
            pos = nxt
    return out


def _declass_in(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of a damaged declassification label and its value on the line ``[lo, hi)``."""
    for m in _VALUE.finditer(text, lo, hi):
        word = _WORD_BEFORE.search(text, lo, m.start())
        if word is None:
            continue
        letters = "".join(c for c in word.group(1) if c.isalpha()).upper()
        if _reads_as_label(letters):
            start = word.start(1) + _label_start(letters, word.group(1))
            return start, m.end()
    return None


def _reads_as_label(letters: str) -> bool:
    """``letters`` end as DECLASSIFY or DECL does, within one edit in two letters."""
    if len(letters) < 3:
        return False
    for label in _LABELS:
        tail = letters[-len(label) :]
        ref = label[-len(tail) :]
        if Levenshtein.distance(tail, ref) <= len(ref) // 2 and tail[-1] == ref[-1]:
            return True
    return False


def _label_start(letters: str, raw: str) -> int:
    """Where in ``raw`` (the word before ON) the label starts: a label run into the text
    before it (``JUANDECLASSIFY``) starts at its D."""
    at = letters.rfind("DECL")
    if at <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(raw):
        if ch.isalpha():
            if seen == at:
                return i
            seen += 1
    return 0
