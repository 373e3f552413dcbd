"""A classification option row that OCR read in lower case and damage.

Why: CIA Form 610 and the routing and cover sheets of its kind print a row of boxes with the
options SECRET, CONFIDENTIAL, INTERNAL USE ONLY and UNCLASSIFIED at the top and bottom of the
sheet; one box is ticked. ``ocr_banner`` reads such a row once two of its words are level words
in capitals; on many scans OCR returns the whole row in lower case and damage (invented:
``secret [] conrfidentiel (] (NTERNAI]_Unclassifeed``), so it never starts. Here a line that
holds three different options or more, at least two of them damaged (prose spells its words
right), is such a row whatever the case, and each of its options is reported. The words are
decoded as ``ocr_banner`` decodes a row's options (nearest option within its bound, strictly
nearer than to any other).

Cost: one RE2 scan per text for a line holding a SECRET-like word and a box edge (before
or after it); only those lines are read, and only those that keep pieces of two other options
are decoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from redactcheck.detect.accel.fastscan import FastScan, ascii_view, compile_ascii
from redactcheck.detect.markings.ocr_banner import (
    _EDGE,
    _box_option,
    _fold_letters,
    banner_lexicon,
)
from redactcheck.detect.markings.taken import claim, overlaps

try:  # the line scan calls google-re2's C++ layer (as the keyword gate does)
    import re2 as _re2

    _ANCHOR = _re2._Anchor.UNANCHORED
except (ImportError, AttributeError):  # pragma: no cover - depends on the environment
    _re2 = None

#: Where a row may be: SECRET in any case, its round letters read as others (``secrer``),
#: as a whole word (not ``Secretary``).
_WORD = r"[Ss][EeCc3][CcGe][RrNn][EeCc3][TtRrIiFf]"
_SECRETISH = re.compile(rf"{_WORD}(?![a-z])")
#: What RE2 looks for (no look-ahead there): the same word and the character after it.
_SECRETISH_LOOSE = rf"{_WORD}(?:[^a-z]|$)"
#: What RE2 looks for first: a line holding the same word (not before a lower-case letter)
#: and a box edge before or after it, as every row does (``_may_be_row``); nothing here
#: crosses a line break (``(?m)$``: the end of a line).
_EDGE_CLASS = r"[\[\](){}|]"
_ROW_LOOSE = (
    rf"(?m){_EDGE_CLASS}[^\n]*{_WORD}(?:[^a-z\n]|$)"
    rf"|{_WORD}(?:[^a-z\n][^\n]*)?{_EDGE_CLASS}"
)
#: A row is short; a longer line is a sentence.
_MAX_LINE = 140
#: Distinct options a row must show, and how many of its words must be damaged.
_MIN_OPTIONS = 3
_MIN_DAMAGED = 2
#: A row's words, apart at spaces and at the box edges OCR glues to them ("(MTERNAL]_Unc…").
_TOKEN = re.compile(r"[^\s\[\](){}|_]+")
_EXACT = frozenset({"SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "INTERNAL"})


def box_row_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, option)`` of each option on a damaged option row, not overlapping
    ``taken`` (extended with what this step finds)."""
    out: list[tuple[int, int, str]] = []
    for lo, hi in _lines(text):
        if hi - lo > _MAX_LINE or not _may_be_row(text[lo:hi].lower()):
            continue
        hits = _row_options(text, lo, hi)
        if hits is None:
            continue
        for start, end, option in hits:
            if not overlaps(start, end, taken):
                claim((start, end, option), out, taken)
    return out


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line holding a ``_SECRETISH`` word and a box edge, in order.

    RE2 finds the lines that may (``_ROW_LOOSE``, over the one-byte view: the same offsets);
    ``re`` confirms the word on each. Without RE2: the line of each ``_SECRETISH`` word."""
    find = _row_find()
    if find is None:
        done = -1
        for m in _scan().finditer(text):
            lo = text.rfind("\n", 0, m.start()) + 1
            if lo <= done:
                continue  # this line was read
            hi = text.find("\n", m.end())
            done = lo
            yield lo, len(text) if hi < 0 else hi
        return
    view = ascii_view(text)
    size, pos = len(view), 0
    while pos < size:
        at = find(_ANCHOR, view, pos, size)[0][0]
        if at < 0:
            return
        lo = view.rfind(b"\n", 0, at) + 1
        hi = view.find(b"\n", at)
        hi = size if hi < 0 else hi
        pos = hi + 1
        if _SECRETISH.search(text, lo, hi) is not None:
            yield lo, hi


@lru_cache(maxsize=1)
def _row_find():
    """The C++ search of ``_ROW_LOOSE`` (None without google-re2)."""
    if _re2 is None:
        return None
    return compile_ascii(_ROW_LOOSE)._regexp.Match


@lru_cache(maxsize=1)
def _scan() -> FastScan:
    """RE2 finds the SECRET-like words (Python's ``re`` cost a tenth of the rules' time)."""
    return FastScan(_SECRETISH, _SECRETISH_LOOSE)


def _may_be_row(line: str) -> bool:
    """Cheap test before the words are decoded: a row keeps a piece of UNCLASSIFIED ("ss"
    or "as") and one of CONFIDENTIAL or INTERNAL; most lines naming a secret keep neither."""
    if not any(edge in line for edge in "[](){}|"):
        return False  # a row prints its boxes; OCR keeps at least one edge of one
    return ("ss" in line or "as" in line) and any(
        piece in line for piece in ("ti", "nf", "den", "ern", "rna", "ren", "nt", "rm")
    )


def _row_options(text: str, lo: int, hi: int) -> list[tuple[int, int, str]] | None:
    lex = banner_lexicon()
    hits: list[tuple[int, int, str]] = []
    damaged = 0
    for t in _TOKEN.finditer(text, lo, hi):
        raw = t.group(0)
        core = raw.strip(_EDGE)
        letters = _fold_letters(core, lex.fold)
        if len(letters) < 5 or core.upper() in lex.real_words:
            continue
        best = _box_option(letters)
        if best is None:
            continue
        start = t.start() + raw.find(core)
        hits.append((start, start + len(core), best[0]))
        damaged += core.upper() not in _EXACT
    if len({option for _, _, option in hits}) < _MIN_OPTIONS or damaged < _MIN_DAMAGED:
        return None
    return hits
