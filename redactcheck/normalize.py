"""One normalisation layer for marking rules, with an exact map back to the original text.

Markings arrive full-width (``ＳＥＣＲＥＴ``), with look-alike letters (a Cyrillic ``С`` inside a
Latin word), letter-spaced (``S E C R E T``), or OCR-damaged (``5ECRET``, ``C0NFIDENTIAL``).
Rather than growing every regex, rules match the normalised text and each hit is mapped back to
the exact span of the original, so ``original[start:end]`` is always what the reader sees.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class Normalized:
    """Normalised text plus a sparse map of where its characters came from.

    ``_breaks`` holds ``(norm_index, orig_index)`` pairs: from ``norm_index`` on, a character at
    norm position ``n`` came from ``orig_index + (n - norm_index)``, until the next break.
    """

    text: str
    original: str
    _norm_starts: list[int] = field(default_factory=list)
    _orig_starts: list[int] = field(default_factory=list)

    def to_original(self, index: int) -> int:
        """Original offset of the normalised character at ``index``."""
        if not self._norm_starts:
            return index
        k = bisect_right(self._norm_starts, index) - 1
        if k < 0:
            return index
        return self._orig_starts[k] + (index - self._norm_starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering the normalised ``[start, end)``."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1


class _Builder:
    """Accumulates normalised pieces and the offset breaks between them."""

    def __init__(self, original: str):
        self.original = original
        self.parts: list[str] = []
        self.length = 0
        self.norm_starts: list[int] = []
        self.orig_starts: list[int] = []
        self._expected_orig = 0  # orig index the next char would have under identity-with-shift

    def copy(self, orig_start: int, piece: str) -> None:
        """Append ``piece`` whose characters come one-for-one from ``orig_start``."""
        if not piece:
            return
        if orig_start != self._expected_orig or not self.norm_starts:
            self.norm_starts.append(self.length)
            self.orig_starts.append(orig_start)
        self.parts.append(piece)
        self.length += len(piece)
        self._expected_orig = orig_start + len(piece)

    def build(self) -> Normalized:
        text = "".join(self.parts)
        if self.norm_starts == [0] and self.orig_starts == [0] and len(text) == len(self.original):
            return Normalized(text, self.original)
        return Normalized(text, self.original, self.norm_starts, self.orig_starts)


# --- length-preserving folds (one character in, one character out) -------------------------

_CONFUSABLES = {
    # Cyrillic and Greek capitals that look like Latin ones.
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
_CONFUSABLE_CHARS = "".join(_CONFUSABLES)


def _fold_char(ch: str) -> str:
    """NFKC for characters whose compatibility form is one character (full-width letters)."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = _fold_char(chr(code))
    table[0x3000] = " "  # ideographic space
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2212":
        table[ord(dash)] = "-"
    table[0x00A0] = " "
    return table


_FOLD = _build_fold_table()
# Guards that let clean text skip a step: one cheap search instead of a per-character pass.
_FOLD_CHAR = re.compile("[" + "".join(chr(k) for k in sorted(_FOLD)) + "]")


def _fast_regex(pattern: str):
    """google-re2 for plain, lookaround-free guard patterns (2-3x faster), else ``re``."""
    try:
        import re2
    except ImportError:  # pragma: no cover - optional speed-up only
        return re.compile(pattern)
    return re2.compile(pattern)


# a maximal run of capitals and digits holding a letter next to a digit: OCR damage candidates
_OCR_HINT = _fast_regex(r"[A-Z0-9]*(?:[A-Z][0-9]|[0-9][A-Z])[A-Z0-9]*")
_SPACED_HINT = _fast_regex(r"[A-Z][ \-][A-Z][ \-][A-Z][ \-][A-Z]")
_MIXED_WORD = re.compile(rf"[A-Za-z{_CONFUSABLE_CHARS}]*[{_CONFUSABLE_CHARS}][A-Za-z{_CONFUSABLE_CHARS}]*")
_OCR_TOKEN = re.compile(r"\b(?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z])(?=[A-Z]*[0-9])[A-Z0-9]{4,}\b")
_OCR_DIGITS = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "4": "A"})
_SPACED = re.compile(r"(?<![A-Za-z])(?:[A-Z][ \-]){3,}[A-Z](?![A-Za-z])")
_CONFUSABLE = re.compile(f"[{_CONFUSABLE_CHARS}]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")


def _fold_confusables(text: str) -> str:
    """Map look-alike letters to Latin only inside words that also hold Latin letters."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if not re.search(r"[A-Za-z]", word):
            return word  # a genuinely Cyrillic or Greek word: leave it for its own rules
        return "".join(_CONFUSABLES.get(c, c) for c in word)

    return _MIXED_WORD.sub(fix, text)


def _fold_ocr(text: str) -> str:
    """``5ECRET`` → ``SECRET``: digits inside upper-case words with at least two letters."""

    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        digits = sum(c.isdigit() for c in token)
        if digits > 2 or digits * 2 >= len(token):
            return token
        return token.translate(_OCR_DIGITS)

    # Same result as ``_OCR_TOKEN.sub(fix, text)``, but the regex only runs on maximal runs of
    # capitals and digits that hold a letter-digit pair: a whole-text ``\b`` scan is slow.
    pieces: list[str] = []
    pos = 0
    for m in _OCR_HINT.finditer(text):
        start, end = m.start(), m.end()
        if _is_word(text, start - 1) or _is_word(text, end):
            continue
        token = _OCR_TOKEN.fullmatch(text, start, end)
        if token is not None:
            pieces.append(text[pos:start])
            pieces.append(fix(token))
            pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def _is_word(text: str, index: int) -> bool:
    r"""``re``'s ``\w`` test for the character at ``index`` (False outside the text)."""
    if index < 0 or index >= len(text):
        return False
    c = text[index]
    return c.isalnum() or c == "_"


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for marking rules and keep the map back to it."""
    folded = text
    if not text.isascii():
        if _FOLD_CHAR.search(text):
            folded = _FOLD_CHAR.sub(lambda m: _FOLD[ord(m.group())], text)
        if _CONFUSABLE.search(folded):
            folded = _fold_confusables(folded)
    folded = _fold_ocr(folded)
    # Length-changing steps: drop zero-width characters, collapse letter-spaced words.
    builder = _Builder(text)
    zero_width = () if folded.isascii() else _ZERO_WIDTH.finditer(folded)
    drops = [(m.start(), m.end(), "") for m in zero_width]
    collapses = [
        (m.start(), m.end(), m.group(0)[::2])
        for m in (_SPACED.finditer(folded) if _SPACED_HINT.search(folded) else ())
        if _uniform_gaps(m.group(0))
    ]
    edits = sorted(drops + collapses)
    if not edits:
        return Normalized(folded, text)
    pos = 0
    for start, end, replacement in edits:
        if start < pos:
            continue
        builder.copy(pos, folded[pos:start])
        if replacement:
            # each kept letter maps to its own original position
            for i, ch in enumerate(replacement):
                builder.copy(start + 2 * i, ch)
        pos = end
    builder.copy(pos, folded[pos:])
    return builder.build()


def _uniform_gaps(run: str) -> bool:
    """``S E C R E T`` or ``S-E-C-R-E-T``, not a mix of the two."""
    gaps = set(run[1::2])
    return len(gaps) == 1
