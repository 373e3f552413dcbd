"""SECRET on a short stamp or form line where OCR read its letters in mixed case.

Why: a rubber-stamped or typed level whose ink is uneven comes out of OCR with capitals and
small letters mixed inside the one word (invented examples: ``SecnET``, ``seCHET``,
``SECREt``, ``GecRET``), alone on its line, at a page foot, after a form's caption or beside
a cable form's printed caption. The steps that read such a word in context (a banner beside
it, a form box, an option row, a page edge) miss it where that context is gone. Prose never
writes a word with a capital after a small letter, or two capitals then small ones; title
case (``Secret``) and lower case (``secret``) are ordinary words and are left to the steps
that read context. Seen in 46 records of the unlabelled pool (branch mark20, draws seed 5555
and 5556); the annotation guide counts a level "in any spacing or OCR damage still
recognisable in banner position".

Only SECRET: CONFIDENTIAL in mixed case stood in prose as often as in a stamp in the pool
("a confidential informant" misread), UNCLASSIFIED's near words are the cable form's title.
"""

from __future__ import annotations

import re

from redactcheck.detect.edit_distance import distance

#: Where Hyperscan may find such a word (``ocr_markings._starts`` scans it with its own
#: patterns): a small letter then a capital, or two capitals then a small letter, all of them
#: letters SECRET keeps or OCR reads its letters as. A filter only: the step below decides.
LOOSE = r"[secrtnhogmpuz][SECRTNHOGMPU]|[SECRTNHOGMPUZ]{2}[ecrtnhogmpuz]"
_LOOSE = re.compile(LOOSE)
#: The word: five to seven letters, no letter either side.
_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{5,7}(?![A-Za-z])")
#: Mixed case as OCR makes it: a capital after a small letter, or two capitals then a small one.
_MIXED = re.compile(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]")
#: A stamp or caption line is short; a longer one is a sentence or an option row (its own step).
_MAX_LINE = 48
#: Words of prose in small letters: a line holding three of them is a sentence.
_PROSE_WORD = re.compile(r"(?<![A-Za-z])[a-z]{4,}(?![A-Za-z])")


def case_level_findings(
    text: str, taken: list[tuple[int, int]], starts: list[int] | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, "SECRET")`` of each mixed-case SECRET on a short line, not overlapping
    ``taken`` (extended with what this step finds). ``starts``: where ``LOOSE`` matches
    start (from the shared Hyperscan pass), else this step scans with ``re``."""
    if starts is None:
        starts = [m.start() for m in _LOOSE.finditer(text)]
    out: list[tuple[int, int, str]] = []
    done = -1
    for at in starts:
        if at < done:
            continue
        lo = at
        while lo > 0 and lo > at - 7 and text[lo - 1].isascii() and text[lo - 1].isalpha():
            lo -= 1
        m = _WORD.match(text, lo)
        if m is None or m.end() <= at:
            continue
        start, end = m.span()
        done = end
        if not _is_level(m.group(0)) or any(start < e and s < end for s, e in taken):
            continue
        line_lo = text.rfind("\n", 0, start) + 1
        line_hi = text.find("\n", end)
        line = text[line_lo : len(text) if line_hi < 0 else line_hi].strip()
        if len(line) > _MAX_LINE or len(_PROSE_WORD.findall(line)) >= 3:
            continue
        out.append((start, end, "SECRET"))
        taken.append((start, end))
    return out


def _is_level(word: str) -> bool:
    """SECRET within one edit, its letters in mixed case."""
    return _MIXED.search(word) is not None and distance(word.upper(), "SECRET", 1) <= 1
