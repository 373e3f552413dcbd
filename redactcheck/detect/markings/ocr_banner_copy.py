"""Damaged copies of the record's own banner line, on every page (issue 17).

Why: a classified page carries its banner at the top and bottom (notes.md, "Banner lines": "A
banner appears at the top and bottom of every page"), so a record of many pages prints the same
line many times: a level with its codeword or caveat (``TOP SECRET ALPHA``, the COMINT
codeword banners of the 1960s NSA reports in the JFK collection, ``SECRET NOFORN``). On a scan
OCR reads each copy differently: the first letter of the line lost or read as another capital
(``POP SECRET``, ``OP SECRET``), the level damaged (``SEGREF``, ``SRCRET``), a crossed-out
banner read with hyphens (``-FOP-SEGREF-ALPHA-``). The banner rules find the clean copies and the
OCR word steps find damaged words alone; a copy whose every word is a little off, or whose level
is intact but sits between two damaged words, is left out by both.

How: the banner lines the rules found in this text (two words or more, nothing else on their
line but punctuation) are the reference. Another short line is a copy when, on its letters
alone (look-alikes folded as in ``rules/lexicons/ocr_markings.yaml`` ``banner_confusions``),
it is within one edit in ``_LETTERS_PER_EDIT`` letters of a reference, keeps one of the
reference's words of four letters or more intact, and is mostly capitals (prose that mentions
a banner is in mixed case and longer). Nothing is read in a text without such a banner, and in
one only the short lines that hold a word of the banner (found with ``str.find``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.taken import claim, overlaps

#: A reference banner has at least this many letters (``TOP SECRET`` has nine): a one-word
#: banner is the repeated-level step's (``ocr_repeat``).
_MIN_LETTERS = 9
#: One edit allowed per this many letters of the reference (14 letters: three edits).
_LETTERS_PER_EDIT = 4
#: At least this share of a copy's letters are capitals.
_MIN_CAPITALS = 0.85
#: A copy has at most this many more tokens than its reference (noise specks at the edges).
_EXTRA_TOKENS = 2
#: A short line: the only ones read (a copy is the length of its banner, a little noise aside).
_MAX_LINE = 64
#: A copy keeps one word of its banner of at least this many letters intact (TOP is too
#: common a piece of other words to find a line by).
_ANCHOR_LETTERS = 4
_LETTERS = re.compile(r"[A-Z]+")
_EDGE = re.compile(r"[A-Za-z0-9]")
#: Two words: a space or a slash between letters ("TOP SECRET", "SECRET//NOFORN").
_TWO_WORDS = re.compile(r"[A-Za-z][ \t/]+[A-Za-z]")


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Look-alike characters to the capital they stand for (``C``, ``G``, ``(`` to ``C``)."""
    table: dict[int, str] = {}
    for group in load_lexicon("ocr_markings.yaml")["banner_confusions"]:
        for ch in group:
            table[ord(ch)] = group[0].upper()
    return table


def _words(raw: str) -> list[str]:
    """The runs of capitals of ``raw`` once look-alikes are folded (``-FOP-SEGREF`` gives
    ``FOP``, ``SEGREF``)."""
    return _LETTERS.findall(raw.upper().translate(_fold_table()))


def _reference(text: str, start: int, end: int) -> tuple[str, frozenset[str]] | None:
    """The folded letters and words of a banner found at ``[start, end)`` when it stands alone
    on its line and has two words or more; else None."""
    if end - start < _MIN_LETTERS or not _TWO_WORDS.search(text, start, end):
        return None  # most banners found are one word ("SECRET"): no line search for them
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if _EDGE.search(text, lo, start) or _EDGE.search(text, end, hi):
        return None
    words = _words(text[start:end])
    letters = "".join(words)
    if len(words) < 2 or len(letters) < _MIN_LETTERS:
        return None
    return letters, frozenset(w for w in words if len(w) >= _ANCHOR_LETTERS)


def banner_copy_findings(
    text: str, banners: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """``(start, end, banner)`` of lines that are damaged copies of a banner line found at
    ``banners`` (spans of the rules' banner findings), not overlapping ``taken`` (extended)."""
    refs: dict[str, tuple[frozenset[str], str]] = {}
    if not banners:
        return []
    for start, end in banners:
        ref = _reference(text, start, end)
        if ref is not None:
            refs.setdefault(ref[0], (ref[1], " ".join(text[start:end].split())))
    if not refs:
        return []
    shortest = min(len(r) for r in refs)
    longest = max(len(r) for r in refs)
    out: list[tuple[int, int, str]] = []
    for lo, hi in _anchored_lines(text, refs):
        start, end = _trim(text, lo, hi)
        if end - start < shortest - 2:
            continue
        found = _copy_of(text[start:end], refs, shortest, longest)
        if found is None or overlaps(start, end, banners):  # not the banner itself
            continue
        claim((start, end, found), out, taken)
    return out


def _anchored_lines(
    text: str, refs: dict[str, tuple[frozenset[str], str]]
) -> list[tuple[int, int]]:
    """The short lines that hold a word of a reference banner in capitals, in text order: a
    copy keeps one word intact, so only these lines are read (``str.find`` runs in C; a
    record has few of them)."""
    lines: set[tuple[int, int]] = set()
    for word in {w for words, _ in refs.values() for w in words}:
        at = text.find(word)
        while at >= 0:
            lo = text.rfind("\n", 0, at) + 1
            hi = text.find("\n", at)
            hi = len(text) if hi < 0 else hi
            if hi - lo <= _MAX_LINE:
                lines.add((lo, hi))
            at = text.find(word, hi)
    return sorted(lines)


def _copy_of(
    raw: str, refs: dict[str, tuple[frozenset[str], str]], shortest: int, longest: int
) -> str | None:
    """The banner ``raw`` is a damaged copy of, or None."""
    letters_raw = [c for c in raw if c.isalpha()]
    if not letters_raw:
        return None
    capitals = sum(1 for c in letters_raw if c.isupper())
    if capitals < _MIN_CAPITALS * len(letters_raw):
        return None
    words = _words(raw)
    letters = "".join(words)
    if not shortest - shortest // _LETTERS_PER_EDIT <= len(letters) <= longest * 5 // 4:
        return None
    for ref, (ref_words, printed) in refs.items():
        if len(raw.split()) > len(printed.split()) + _EXTRA_TOKENS:
            continue
        if ref_words.isdisjoint(words):
            continue  # no word of the banner intact: too loose a likeness
        bound = len(ref) // _LETTERS_PER_EDIT
        if Levenshtein.distance(letters, ref, score_cutoff=bound) <= bound:
            return printed
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the line's leading and trailing noise (quotes, dashes)."""
    m = _EDGE.search(text, start, end)
    if m is None:
        return start, start
    first = m.start()
    last = end
    while last > first and not _EDGE.match(text[last - 1]):
        last -= 1
    return first, last
