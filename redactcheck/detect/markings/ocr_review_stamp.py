"""The FBI review stamp's second line cut short by the page edge (issue 17).

FBI records released under the JFK Act carry, in a margin, the stamp ``ALL INFORMATION
CONTAINED / HEREIN IS UNCLASSIFIED / EXCEPT WHERE SHOWN / OTHERWISE`` (FBI declassification
review stamp). Where the stamp sat over the edge of the sheet or a column, OCR keeps
``HEREIN`` and only the first letters of the level word (``HEREIN IS UN``, ``HEREIN JS
UNCL,``, ``HEREIN |S YNCLAS``): too few letters for the whole-phrase alignment of
``ocr_phrases``. Here ``HEREIN`` in capitals, an optional short token (the ``IS``), and a word
that reads as the *start* of ``UNCLASSIFIED`` (look-alikes folded, one edit per four letters)
make the stamp line. A start of three letters or fewer must end its line (the cut edge):
``HEREIN IS U.S. POLICY`` goes on and is prose.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from redactcheck.detect.markings.ocr_phrases import phrase_lexicon

WORD = "UNCLASSIFIED"
NAME = "HEREIN IS UNCLASSIFIED"

_LINE = re.compile(
    r"(?<![A-Za-z])HEREIN(?:[ \t]+(?P<verb>[^\s]{1,2}))?[ \t]+(?P<word>[^\s,.:;]+)(?P<rest>[^\n]*)"
)
_NOT_LETTER = re.compile(r"[^A-Z]+")


def _letters(token: str) -> str:
    """The token's letters, look-alikes folded (``|`` to I, ``$`` to S), in capitals."""
    return _NOT_LETTER.sub("", token.translate(phrase_lexicon().fold).upper())


def _reads_as_start(token: str, line_ends: bool) -> bool:
    """``token`` reads as the first letters of UNCLASSIFIED."""
    letters = _letters(token)
    n = len(letters)
    if n == 0 or n > len(WORD) + 1:
        return False
    if n <= 3:  # U, UN, UNC: only where the cut edge ends the line, and the U itself kept
        return line_ends and letters[0] == "U" and WORD.startswith(letters)
    return Levenshtein.distance(letters, WORD[:n]) <= n // 4


def _reads_as_is(token: str) -> bool:
    """The stamp's ``IS`` as OCR reads it (``1S``, ``|S``, ``{S``, ``JS``, ``J&``), not
    another short word (``TO``, ``BY``, ``OF``)."""
    letters = _letters(token)
    return letters in ("", "I", "J") or (len(letters) <= 2 and letters.endswith("S"))


def review_stamp_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, phrase)`` of cut-short ``HEREIN IS UN…`` stamp lines not in ``taken``."""
    if "HEREIN" not in text:
        return []
    out: list[tuple[int, int, str]] = []
    for m in _LINE.finditer(text):
        verb = m.group("verb")
        if verb is not None and not _reads_as_is(verb):
            continue
        rest = m.group("rest")
        line_ends = len(rest.strip()) <= 2
        if not _reads_as_start(m.group("word"), line_ends):
            continue
        start, end = m.start(), m.end("word")
        while not text[end - 1].isalnum():  # "UNCLAS*" of a stamp's ink edge
            end -= 1
        if any(start < e and s < end for s, e in taken):
            continue
        out.append((start, end, NAME))
        taken.append((start, end))
    return out
