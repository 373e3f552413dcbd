"""Edit distance and the lower-case test shared by the OCR marking steps.

``ocr_markings.py`` (damaged words anywhere a marking anchors them) and ``ocr_banner.py``
(damaged words in banner position) both ask "how many edits from a marking word" and "is this
token an ordinary word here"; the answers live here so neither step imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

_rf_distance: Callable[..., int] | None
try:  # C++ Levenshtein with a cut-off (MIT; a dependency): some 50 times the Python loop below
    from rapidfuzz.distance.Levenshtein import distance as _rf_distance
except ImportError:  # pragma: no cover - depends on the environment
    _rf_distance = None

ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def distance(a: str, b: str, bound: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``bound + 1`` once it exceeds ``bound``.

    rapidfuzz's ``score_cutoff`` has exactly this meaning; without rapidfuzz, the Python
    form below (tests/unit/detect/test_ocr_markings.py checks both against the table)."""
    if _rf_distance is not None:
        return _rf_distance(a, b, score_cutoff=bound)
    return distance_py(a, b, bound)


def distance_py(a: str, b: str, bound: int) -> int:
    """:func:`distance` in Python.

    Hyyrö's bit-vector form of Myers' algorithm: one pass over ``a`` with a few integer
    operations per letter (``b``, a lexicon word, is the bit pattern), eight times faster
    than the table it replaces on words of this length
    (tests/unit/detect/test_ocr_markings.py checks it against the table)."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    m = len(b)
    if m == 0:
        return min(len(a), bound + 1)
    get = letter_masks(b).get
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in a:
        eq = get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return min(score, bound + 1)


@lru_cache(maxsize=256)
def letter_masks(word: str) -> dict[str, int]:
    """For each letter of ``word``, the bit mask of the positions where it occurs."""
    masks: dict[str, int] = {}
    for i, ch in enumerate(word):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    return masks


@lru_cache(maxsize=8192)
def lower_elsewhere(text: str, token: str) -> bool:
    """The token is also written in lower case in this text (not inside a longer word of
    ASCII letters): an ordinary word here. A ``find`` loop, not a regex built per token."""
    low = token.lower()
    at = text.find(low)
    while at >= 0:
        end = at + len(low)
        if (at == 0 or text[at - 1] not in ASCII_LETTERS) and (
            end == len(text) or text[end] not in ASCII_LETTERS
        ):
            return True
        at = text.find(low, at + 1)
    return False
