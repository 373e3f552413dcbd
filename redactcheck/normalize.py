"""One normalisation layer for marking rules, with an exact map back to the original text.

Markings arrive full-width (``ＳＥＣＲＥＴ``), with look-alike letters (a Cyrillic ``С`` inside a
Latin word), letter-spaced (``S E C R E T``), or OCR-damaged (``5ECRET``, ``C0NFIDENTIAL``).
Rather than growing every regex, rules match the normalised text and each hit is mapped back to
the exact span of the original, so ``original[start:end]`` is always what the reader sees.

Repairs that could invent words (OCR digit swaps, joining split words) are vocabulary-driven:
they only fire when the result is a known marking word (``rules/lexicons/marking_vocabulary.yaml``),
so ordinary text is never rewritten into a marking. The whole pass is a handful of C-level
``str.translate`` and regex scans; Python code runs only on the rare candidate tokens.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from redactcheck.detect.accel.fastscan import ascii_view

try:  # optional: a DFA scan keeps normalisation fast; ``re`` gives the same results
    import re2 as _re2
except ImportError:  # pragma: no cover - depends on the environment
    _re2 = None


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
    #: the non-ASCII characters of the original text: every non-ASCII character ``text``
    #: holds is among them (folding only ever yields ASCII), so later steps need not look again
    chars: frozenset[str] = frozenset()

    def to_original(self, index: int) -> int:
        """Original offset of the normalised character at ``index``."""
        if not self._norm_starts:
            return index
        k = bisect_right(self._norm_starts, index) - 1
        if k < 0:
            return index
        return self._orig_starts[k] + (index - self._norm_starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering the normalised ``[start, end)`` (a match inside
        a right-to-left override run maps back in reverse: the ends are ordered here)."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        first, last = self.to_original(start), self.to_original(end - 1)
        return (first, last + 1) if first <= last else (last, first + 1)


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


# --- vocabulary ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def marking_words() -> frozenset[str]:
    """Single upper-case marking words: the only results OCR and split-word repair may produce."""
    from redactcheck.ruleset.loader import lexicon_path

    data = yaml.safe_load(lexicon_path("marking_vocabulary.yaml").read_text(encoding="utf-8"))
    return frozenset(str(w).upper() for w in data["words"])


# --- length-preserving folds (one character in, one character out) -------------------------

_CONFUSABLES = {
    # Cyrillic and Greek capitals that look like Latin ones.
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Cherokee capitals that look like Latin ones (Unicode confusables.txt)
    "Ꭰ": "D", "Ꭱ": "R", "Ꭲ": "T", "Ꭺ": "A", "Ꭻ": "J", "Ꭼ": "E", "Ꮃ": "W", "Ꮇ": "M",
    "Ꮋ": "H", "Ꮐ": "G", "Ꮓ": "Z", "Ꮩ": "V", "Ꮪ": "S", "Ꮮ": "L", "Ꮯ": "C", "Ꮲ": "P",
    "Ꮶ": "K", "Ᏼ": "B",
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
    for slash in "\u2044\u2215":  # fraction slash, division slash
        table[ord(slash)] = "/"
    for space in "\u00a0\u2007\u202f":
        table[ord(space)] = " "
    # mathematical bold, italic, script, fraktur, double-struck, sans-serif and monospace
    # letters and digits (𝐒𝐄𝐂𝐑𝐄𝐓): styled text, never another language's letters
    for code in range(0x1D400, 0x1D800):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded.isascii() and folded.isalnum():
            table[code] = folded
    return table


_FOLD = _build_fold_table()
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH_LIST = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + "".join(
    map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
)
_FOLD_CHARS_LIST = "".join(map(chr, _FOLD))
#: A whole run of Latin letters and look-alikes holding at least one look-alike. Tried only
#: at the start of a run (the look-behind), and the Latin letters before the first look-alike
#: are read once: the spelling ``[A-Za-z…]*[…][A-Za-z…]*`` matched the same runs but retried
#: every letter of every Latin word, quadratic in the word's length.
_MIXED_WORD = re.compile(
    rf"(?<![A-Za-z{_CONFUSABLE_CHARS}])[A-Za-z]*[{_CONFUSABLE_CHARS}][A-Za-z{_CONFUSABLE_CHARS}]*"
)
_LATIN = re.compile(r"[A-Za-z]")
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_ZERO_WIDTH_SET = frozenset(_ZERO_WIDTH_LIST)  # the characters _ZERO_WIDTH matches

#: OCR confusions: what a scanner reads in place of a capital letter.
_OCR_READINGS = {
    "O": "0",
    "I": "1|l!",
    "L": "1|l",
    "S": "5$",
    "B": "8",
    "A": "4",
    "G": "6",
    "Z": "2",
    # the round letters of a stamp's worn type: C read as G (SEGRET), T as 7 (SECRE7); no
    # marking word turns into an English one this way
    "C": "G",
    "T": "7",
}
_OCR_AS_I = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "4": "A", "6": "G",
                           "2": "Z", "$": "S", "|": "I", "l": "I", "!": "I",
                           "7": "T"})  # fmt: skip
_OCR_AS_L = str.maketrans({"0": "O", "1": "L", "5": "S", "8": "B", "4": "A", "6": "G",
                           "2": "Z", "$": "S", "|": "L", "l": "L", "!": "I",
                           "7": "T"})  # fmt: skip
#: the same with G read back as C (a marking word's real G stays in the two tables above)
_OCR_AS_C = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "4": "A", "G": "C",
                           "2": "Z", "$": "S", "|": "I", "l": "I", "!": "I",
                           "7": "T"})  # fmt: skip


def _fold_confusables(text: str) -> str:
    """Map look-alike letters to Latin inside words that also hold Latin letters, and in
    words made only of look-alikes when the result is a marking word (``СЕСRЕТ`` in Cyrillic
    and Cherokee capitals reads SECRET; a genuine Cyrillic or Greek word is left alone)."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        folded = "".join(_CONFUSABLES.get(c, c) for c in word)
        if not _LATIN.search(word) and (len(word) < 5 or folded not in marking_words()):
            return word  # a genuinely Cyrillic or Greek word: leave it for its own rules
        return folded

    return _MIXED_WORD.sub(fix, text)


_RLO, _PDF = "\u202e", "\u202c"


def _override_edits(text: str) -> list[_Edit]:
    """Right-to-left override runs (U+202E up to U+202C or the line's end) in display order.

    A reader sees ``\u202eNROFON//TERCES`` as ``SECRET//NOFORN``: the run's characters are
    laid out right to left. Each becomes a one-character piece mapped to its own offset, so a
    match inside the run maps back to exactly the run's characters."""
    edits: list[_Edit] = []
    pos = text.find(_RLO)
    while pos != -1:
        ends = [e for e in (text.find(_PDF, pos + 1), text.find("\n", pos + 1)) if e != -1]
        end = min(ends) if ends else len(text)
        pieces = [(i, text[i]) for i in range(end - 1, pos, -1) if not _ZERO_WIDTH.match(text[i])]
        stop = end + 1 if end < len(text) and text[end] == _PDF else end
        edits.append((pos, stop, pieces))
        pos = text.find(_RLO, stop)
    return edits


# --- candidate search ----------------------------------------------------------------------
# Each repair first finds candidates with one automaton built from the vocabulary (google-re2
# when installed: a DFA scan at hundreds of MB/s; the standard ``re`` otherwise). Candidates are
# rare in ordinary text, so the Python checks after them cost nothing measurable.


try:  # the C++ layer of google-re2, called directly by ``_candidates``
    _ANCHOR = _re2._Anchor.UNANCHORED if _re2 is not None else None
except AttributeError:  # pragma: no cover - a google-re2 of another layout: its finditer
    _ANCHOR = None


def _compile(pattern: bytes):
    if _re2 is not None:
        options = _re2.Options()
        options.max_mem = 64 << 20
        return _re2.compile(pattern, options)
    return re.compile(pattern)


_GAP = r"(?:[ \t]|-?[ \t]*\r?\n[ \t]*)"


@lru_cache(maxsize=1)
def _automata():
    words = sorted(marking_words(), key=len, reverse=True)
    ocr = []  # each word with at least one letter read as an OCR confusion (never the clean word)
    for w in words:
        cls = ["[" + re.escape(ch + _OCR_READINGS[ch]) + "]" if ch in _OCR_READINGS
               else re.escape(ch) for ch in w]  # fmt: skip
        for i, ch in enumerate(w):
            if ch in _OCR_READINGS:
                damaged = "[" + re.escape(_OCR_READINGS[ch]) + "]"
                ocr.append("".join(cls[:i]) + damaged + "".join(cls[i + 1 :]))
    split = [re.escape(w[:i]) + _GAP + re.escape(w[i:]) for w in words for i in range(1, len(w))]
    # One scan finds every candidate; the group says which repair it is for:
    # 1 = letter-spaced run, 2 = known word split by a space or line break, 3 = OCR-damaged word.
    spaced = r"[A-Z](?:(?: |-)[A-Z]){3}"
    combined = f"({spaced})|({'|'.join(split)})|({'|'.join(ocr)})"
    return _compile(combined.encode())


def _candidates(data: bytes) -> tuple[list[int], list[tuple[int, int]], list[tuple[int, int]]]:
    """Start of each letter-spaced run, and spans of split-word and OCR candidates."""
    spaced: list[int] = []
    split: list[tuple[int, int]] = []
    ocr: list[tuple[int, int]] = []
    automaton = _automata()
    if _ANCHOR is not None:
        # google-re2's C++ call, as its ``finditer`` makes it, without a match object and the
        # wrapper's generator per text (most texts hold no candidate: the call is the cost)
        match, pos, size = automaton._regexp.Match, 0, len(data)
        while True:
            whole, first, second, third = match(_ANCHOR, data, pos, size)
            if whole[0] < 0:
                break
            if first[0] >= 0:
                spaced.append(first[0])
            elif second[0] >= 0:
                split.append(second)
            else:
                ocr.append(third)
            if pos == size:
                break
            pos = pos + 1 if pos == whole[1] else whole[1]
        return spaced, split, ocr
    for m in automaton.finditer(data):
        if m.start(1) >= 0:
            spaced.append(m.start(1))
        elif m.start(2) >= 0:
            split.append(m.span(2))
        else:
            ocr.append(m.span(3))
    return spaced, split, ocr


_ASCII_RUNS = re.compile("[\x00-\x7f]+")
_SPECIAL_SET = frozenset(_FOLD_CHARS_LIST + _CONFUSABLE_CHARS + _ZERO_WIDTH_LIST)


def _isolated(text: str, start: int, end: int) -> bool:
    """The span is not part of a longer word."""
    return not (start > 0 and text[start - 1].isalnum()) and not (
        end < len(text) and text[end].isalnum()
    )


def _fold_ocr(text: str, spans: list[tuple[int, int]]) -> str:
    """``5ECRET`` → ``SECRET``, ``C0NFIDENTlAL`` → ``CONFIDENTIAL``: only into known words."""
    words = marking_words()
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        token = text[start:end]
        if start < pos or token in words or not _isolated(text, start, end):
            continue
        for table in (_OCR_AS_I, _OCR_AS_L, _OCR_AS_C):
            repaired = token.translate(table)
            if repaired in words:
                parts += [text[pos:start], repaired]
                pos = end
                break
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


# --- length-changing repairs ---------------------------------------------------------------

# An edit replaces original ``[start, end)`` by pieces; each piece is (orig_start, text) and its
# characters come one-for-one from ``orig_start`` on.
_Edit = tuple[int, int, list[tuple[int, str]]]
_SPACED = re.compile(r"(?<![A-Za-z])[A-Z](?:(?: {1,3}|-)[A-Z](?![A-Za-z])){3,}")
_GAP_RE = re.compile(_GAP)


def _spaced_edits(text: str, starts: list[int]) -> list[_Edit]:
    """``S E C R E T`` → ``SECRET``; ``T O P  S E C R E T`` → ``TOP SECRET``."""
    edits: list[_Edit] = []
    done = -1
    for trigger in starts:
        if trigger < done:
            continue
        m = _SPACED.search(text, max(0, trigger - 8), trigger + 400)
        if m is None or m.end() <= done:
            continue
        run, base = m.group(0), m.start()
        done = m.end()
        inner = {g for g in re.findall(r" +|-", run) if g in (" ", "-")}
        if len(inner) != 1:
            continue  # a mix of spaces and hyphens is not a letter-spaced word
        pieces: list[tuple[int, str]] = []
        for i, ch in enumerate(run):
            if ch.isalpha():
                pieces.append((base + i, ch))
            elif ch == " " and run[i - 1] == " " and run[i + 1] != " ":
                pieces.append((base + i, " "))  # word gap of 2-3 spaces: keep one
        edits.append((m.start(), m.end(), pieces))
    return edits


def _split_edits(text: str, spans: list[tuple[int, int]]) -> list[_Edit]:
    """``SECRE T``, ``CONFIDEN-\\nTIAL``, ``NO FORN`` → the known word they were split from.

    The automaton only matches a known word with one space or line break inside it, so
    ordinary words are never joined.
    """
    words = marking_words()
    edits: list[_Edit] = []
    for start, end in spans:
        if not _isolated(text, start, end):
            continue
        gap = _GAP_RE.search(text, start, end)
        if gap is None:
            continue
        a, b = text[start : gap.start()], text[gap.end() : end]
        if a in words and b in words:
            continue
        edits.append((start, end, [(start, a), (gap.end(), b)]))
    return edits


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for marking rules and keep the map back to it."""
    folded = text
    edits: list[_Edit] = []
    chars: frozenset[str] = frozenset()
    if not text.isascii():
        chars = frozenset(_ASCII_RUNS.sub("", text))  # drop the ASCII runs (a C loop)
        present = _SPECIAL_SET.intersection(chars)
        for ch in present:
            if ord(ch) in _FOLD:
                folded = folded.replace(ch, _FOLD[ord(ch)])
        if not present.isdisjoint(_CONFUSABLES):
            folded = _fold_confusables(folded)
        if _RLO in present:
            edits.extend(_override_edits(folded))
        if not _ZERO_WIDTH_SET.isdisjoint(present):
            edits.extend((m.start(), m.end(), []) for m in _ZERO_WIDTH.finditer(folded))
    spaced, split, ocr = _candidates(ascii_view(folded))  # one byte per character
    if ocr:
        folded = _fold_ocr(folded, ocr)
    if spaced:
        edits.extend(_spaced_edits(folded, spaced))
    if split:
        edits.extend(_split_edits(folded, split))
    if not edits:
        return Normalized(folded, text, chars=chars)
    edits.sort(key=lambda e: (e[0], -e[1]))
    builder = _Builder(text)
    pos = 0
    for start, end, pieces in edits:
        if start < pos:
            continue  # overlaps an edit already applied
        builder.copy(pos, folded[pos:start])
        for orig_start, piece in pieces:
            builder.copy(orig_start, piece)
        pos = end
    builder.copy(pos, folded[pos:])
    norm = builder.build()
    norm.chars = chars
    return norm
