"""Is a long word an ordinary English word damaged by OCR, and no damaged name?

Why: on a bad scan the model and the list rules pair capitalised words that no list holds
("Infornatlon Contalmed") and call them a person. Their letters are plausible (each trigram
is an English word's), so the letter test of ``person_debris`` passes them. The ISRI studies
of OCR accuracy (Rice, Kanai and Nartker's annual tests, 1992-1996) found that on degraded
pages most wrong words are a recognised word with one or two characters misread, lost or
added ("rn" for "m", "c" for "e", "ii" for "u"). A long word within that reach of an English
word, and of no listed name, is a damaged word.

Reach by length: the share of census surnames (not English words) that lie within reach of
some English word is about 5% for one edit at eight letters, 1% at nine, and 5% for two edits
at ten letters, 0.3% at twelve (measured on the packaged lists); shorter words or a wider
reach meet real names too often (a third of eight-letter surnames are two edits from a
word). So: one edit for eight or nine letters (``NameWords.misread_word``), two for ten or
more, and never a listed name one edit away. Candidates share the word's first three or last
three letters: a word damaged at both ends is left alone (a miss, never a wrong verdict).
"""

from __future__ import annotations

from redactcheck.detect.edit_distance import distance
from redactcheck.detect.pii.name_words import NameWords, english_buckets, names_near

#: Shortest word judged; length from which two edits are allowed.
_MIN_LEN = 8
_TWO_EDITS = 10


def damaged_word(word: str, nw: NameWords) -> bool:
    """True for a word of eight letters or more (a-z, any case), no listed word or name, that
    lies within OCR reach (above) of an English word and one edit from no listed name."""
    low = word.lower()
    if len(low) < _MIN_LEN or not (low.isascii() and low.isalpha()):
        return False
    if nw.misread_word(low):
        return True
    if len(low) < _TWO_EDITS:
        return False
    hit = _MEMO.get(low)
    if hit is None:
        hit = _MEMO[low] = _two_edits(low, nw)
        if len(_MEMO) > 50_000:  # a bound for long runs over many documents
            _MEMO.clear()
    return hit


_MEMO: dict[str, bool] = {}


def _two_edits(low: str, nw: NameWords) -> bool:
    if low in nw.english or low in nw.given or low in nw.surnames:
        return False
    by_start, by_end = english_buckets(nw)
    near = any(
        distance(low, w, 2) <= 2
        for n in range(len(low) - 2, len(low) + 3)
        for bucket in (by_start.get((n, low[:3]), ()), by_end.get((n, low[-3:]), ()))
        for w in bucket
    )
    return near and not names_near(nw, low)
