"""Misread mentions of a hyphenated compound surname found in the same document.

Why: Hispanic double surnames (father's and mother's, "Quintana-Velarde") and English
double-barrelled ones are often written with a hyphen (Library of Congress name authorities
file them under the whole compound: AACR2 22.5C, compound surnames). In a scanned record the
compound comes back spelt several ways ("QUINTANA-Velarde", "Quintana-Velarda",
"QUINTANA-VELARBE"), and the one-edit spreading of :mod:`person_spread` never sees them: its
word pattern stops at the hyphen, so it compares "QUINTANA" with "quintana-velarde" and finds
nothing.

A hyphenated word is taken when it is a compound of a name found confidently in the document
with at most one misread, lost or added letter in each of its two parts (two surnames, each
read by the scanner on its own). Only compounds of a found name are looked for, so an ordinary
hyphenated word ("Anti-Communist" read "Anti-Comnunist") is never taken.
"""

from __future__ import annotations

import re

from redactcheck.detect.edit_distance import distance

#: A hyphenated word of two capitalised parts (the second may be lower-cased by OCR), with
#: look-alike symbols and digits a scanner puts inside a word.
_COMPOUND = re.compile(
    r"(?<![\w#@$%&*|-])[A-Z][A-Za-z#@$%&*|0-9]{1,}-[A-Za-z][A-Za-z#@$%&*|0-9]{2,}(?![\w#@$%&*|-])"
)
#: Parts shorter than this have no letter to spare: "Li-Wu" read "Li-Xu" is another name.
_MIN_PART = 4


def compound_variants(text: str, wanted: set[str], nw) -> list[tuple[int, int]]:
    """Spans of hyphenated words that are a misreading of a wanted compound (lower case, words
    of confidently found names), and no English or listed word themselves (module docstring)."""
    compounds = []
    for w in wanted:
        head, sep, tail = w.partition("-")
        if sep and "-" not in tail and min(len(head), len(tail)) >= _MIN_PART:
            compounds.append((head, tail))
    if not compounds or "-" not in text:
        return []
    verdicts: dict[str, bool] = {}
    out = []
    for m in _COMPOUND.finditer(text):
        word = m.group(0)
        hit = verdicts.get(word)
        if hit is None:
            hit = verdicts[word] = _misread(word.lower(), compounds, nw)
        if hit:
            out.append(m.span())
    return out


def _misread(token: str, compounds: list[tuple[str, str]], nw) -> bool:
    """``token`` is one letter per part from a wanted compound, and not the compound itself."""
    head, _, tail = token.partition("-")
    if nw.is_english(head) and nw.is_english(tail):
        return False  # two ordinary words ("Long-Time")
    for a, b in compounds:
        if (head, tail) == (a, b):
            return False  # the compound itself: person_spread's
        if (
            abs(len(head) - len(a)) <= 1
            and abs(len(tail) - len(b)) <= 1
            and distance(head, a, 1) <= 1
            and distance(tail, b, 1) <= 1
        ):
            return True
    return False
