"""Which short lines may hold a phrase within its edit bound: one exact Hyperscan pass.

Why: the page-edge step (:mod:`ocr_page_edge`) compares every short line at a page's edge
with its control phrases (``NO FOREIGN DISSEM`` …) by folded letters and edit distance; on
the corpus about 40,000 such lines are read and 64 hold a phrase. This module says, for all
of a text's lines at once, which of them can hold one, so that the comparison runs only there.

Why it never drops a line that holds a phrase (the pigeonhole lemma of approximate string
matching): a phrase key split into ``bound + 1`` pieces loses at most ``bound`` of them to
``bound`` edits, so a run whose folded letters are within ``bound`` edits of the key holds
one piece unchanged. The folding (look-alikes to letters, case ignored, everything but
capital letters dropped) works character by character, so that piece's letters come from a
run of characters, each of which folds to the piece's next letter or to nothing. Each piece
is therefore written as a pattern over the one-byte view: a class of the characters that
fold to each letter, with any number of characters that fold to nothing between letters.
The classes are computed by calling the fold itself on every ASCII character, so they cannot
drift from it. A non-ASCII character reads as ``?`` in the view and ``?`` is put in every
class; a line holding a character that folds to two letters or more (``ß`` to ``SS``) is
always read in full. Matching is exact (no Hyperscan edit distance, which took a second to
compile), and a line is kept when a piece ends on it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from redactcheck.detect.accel.fastscan import HAS_HYPERSCAN, HyperscanDatabase, ascii_view

Fold = Callable[[str], str]


class PieceTest:
    """``lines(text, spans)``: the starts of the spans (lines) that may hold a key within its
    bound, for keys of folded letters and their edit bounds."""

    def __init__(self, keys: dict[str, int], fold: Fold):
        self._fold = fold
        self._wide: dict[str, bool] = {}  # non-ASCII character -> folds to two letters or more
        letter_chars: dict[str, set[str]] = {}
        empty = {"?"}  # a non-ASCII character may fold to nothing
        for code in range(128):
            char = chr(code)
            if char == "\n":
                continue  # a run never crosses a line break
            folded = fold(char)
            if len(folded) > 1:
                raise ValueError(f"{char!r} folds to {folded!r}: one letter at most")
            (letter_chars.setdefault(folded, set()) if folded else empty).add(char)
        gap = _char_class(empty) + "*"
        patterns = []
        for key, bound in keys.items():
            for piece in _pieces(key, bound + 1):
                classes = [_char_class(letter_chars.get(ch, set()) | {"?"}) for ch in piece]
                patterns.append(gap.join(classes))
        self._db = HyperscanDatabase(patterns)

    def lines(self, text: str, spans: list[tuple[int, int]]) -> set[int]:
        """The ``lo`` of each ``(lo, hi)`` in ``spans`` (line pieces of ``text`` without their
        line break) that may hold a key: every span holding one is among them."""
        if not spans:
            return set()
        view = ascii_view(text)
        starts: list[int] = []
        parts: list[bytes] = []
        pos = 0
        keep: set[int] = set()
        for lo, hi in spans:
            part = view[lo:hi]
            if b"?" in part and self._multi_letter(text[lo:hi]):
                keep.add(lo)  # ``?`` stands for one letter at most: read this line in full
            starts.append(pos)
            parts.append(part)
            pos += hi - lo + 1
        ends: list[int] = []
        self._db.scan(b"\n".join(parts), lambda _i, _s, end, _f, _c: ends.append(end))
        for end in ends:
            keep.add(spans[bisect_right(starts, end - 1) - 1][0])
        return keep

    def _multi_letter(self, line: str) -> bool:
        wide = self._wide
        for ch in set(line):
            if ch.isascii():
                continue
            if ch not in wide:
                wide[ch] = len(self._fold(ch)) > 1
            if wide[ch]:
                return True
        return False


def piece_test(keys: dict[str, int], fold: Fold) -> PieceTest | None:
    """A :class:`PieceTest`, or None without Hyperscan (or when a key is too short to split
    into ``bound + 1`` pieces): callers then read every line."""
    if not HAS_HYPERSCAN or any(len(key) < bound + 1 or bound < 0 for key, bound in keys.items()):
        return None
    return PieceTest(keys, fold)


def _pieces(key: str, count: int) -> list[str]:
    """``key`` cut into ``count`` non-empty pieces of about equal length."""
    cuts = [i * len(key) // count for i in range(count + 1)]
    return [key[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(f"\\x{ord(ch):02x}" for ch in sorted(chars)) + "]"
