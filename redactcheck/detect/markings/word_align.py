"""A known multi-word marking phrase read word by word, each word with its own OCR budget.

Why: the phrase steps (:mod:`ocr_phrases`, :mod:`ocr_stamp_lines`) compare a phrase's letters
as one string within one edit per few letters. OCR damage on stamps of the 1950s-1970s is not
spread evenly: it hits one or two words hard and leaves the others whole (invented:
``HO FOREIGN bISSEH`` for NO FOREIGN DISSEM, three edits in fifteen letters; a Group 1 stamp
whose first word is lost to ink and whose others each carry two or three edits). Read word by
word, each word is still close to its own (one edit per three letters, look-alikes folded),
and enough of them stand in the phrase's order to leave no doubt. So the callers try this after
their letter alignment fails, on the same window, at the places their own scans found.

What is accepted: a run of consecutive words of the phrase matched one to one, in order, with
consecutive tokens of the text (a token of punctuation or digits only may stand between two
of them); every word of the run within its budget; the run holding the whole phrase, or its
start or its end (a stamp cut at the page's edge) with at least ``MIN_CUT_LETTERS`` letters;
at least two words of four letters or more; the edits together within one per four letters;
and the run standing apart on its lines (little text before it on its first line, or after
it on its last): a stamp line, not a sentence that quotes the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from redactcheck.detect.lexicons import load_lexicon

#: A cut run keeps at least this many letters of the phrase (two long words).
MIN_CUT_LETTERS = 12
#: Characters allowed before the run on its first line and after it on its last (specks, a
#: ``GROUP 1`` heading, a page mark's digit).
BEFORE_ON_LINE = 12
AFTER_ON_LINE = 8
#: Edits of the whole run: at most one per this many letters.
RUN_LETTERS_PER_EDIT = 4

_TOKEN = re.compile(r"\S+")
_NOT_CAPITAL = re.compile(r"[^A-Z]+")


@lru_cache(maxsize=1)
def banner_fold() -> dict[int, str]:
    """Look-alike characters folded to their group's capital (``banner_confusions`` of
    ``ocr_markings.yaml``): one table for every step that reads stamp words, so the phrase and
    stamp-line steps fold alike without importing each other."""
    fold: dict[int, str] = {}
    for group in load_lexicon("ocr_markings.yaml")["banner_confusions"]:
        for ch in group:
            fold[ord(ch)] = group[0].upper()
    return fold


@dataclass(frozen=True, slots=True)
class WordPhrase:
    """A phrase's words as folded capital letters (look-alikes folded, other characters
    dropped)."""

    words: tuple[str, ...]


def word_budget(word: str) -> int:
    """Edits a word of the phrase may carry: one per three letters, and one for a short word
    (``NO`` read as ``WO``: the run's other words decide)."""
    return max(1, len(word) // 3)


def phrase_words(name: str, fold: dict[int, str]) -> WordPhrase:
    """The phrase as printed, split into words (a word of no letters, "-" or "1992", dropped)."""
    words = [re.sub(r"[^A-Z]", "", w.translate(fold).upper()) for w in name.split()]
    return WordPhrase(tuple(w for w in words if w))


def read_words(
    window: str, phrase: WordPhrase, fold: dict[int, str], capitals: bool, anchor: int
) -> tuple[int, int] | None:
    """``(start, end)`` in ``window`` of the best run of the phrase read word by word that
    holds the token at offset ``anchor`` (the most letters, then the fewest edits), or None.
    ``capitals``: the phrase is printed in capitals, so a run read mostly in lower case is
    prose. The window holds whole lines (a run stands apart on its lines). Why an anchor: the
    callers' scans found a word or piece of the phrase there, and a run grown from one token
    costs a few distances where trying every start costs hundreds."""
    if not pair_at(window, phrase.words, fold, anchor):
        return None  # the usual case (a form's CLASSIFICATION label): no window tokenised
    return _read(window, phrase, _Fold(fold), capitals, anchor)


def pair_at(window: str, words: tuple[str, ...], fold: dict[int, str], anchor: int) -> bool:
    """The token at ``anchor`` reads as a word of the phrase and the token right before or
    after it (past one speck) as the word before or after that one: the least a run needs,
    tested on three tokens before the window is tokenised."""
    near = max(0, anchor - 40)  # a token is shorter: never scan the whole text back
    lo = 1 + max(
        near - 1,
        window.rfind(" ", near, anchor),
        window.rfind("\n", near, anchor),
        window.rfind("\t", near, anchor),
    )
    after = window[lo : lo + 80].split(None, 3)
    if not after:
        return False
    here = after.pop(0)
    before = window[max(0, lo - 60) : lo].split()[-2:][::-1]
    return _pair(words, _Fold(fold), here, _beside(before), _beside(after[:2]))


def _beside(tokens: list[str]) -> str:
    """The nearest of the next tokens, past one speck (a token of three characters or less
    without letters), or ""."""
    if not tokens:
        return ""
    if len(tokens) > 1 and len(tokens[0]) <= 3 and not any(c.isalpha() for c in tokens[0]):
        return tokens[1]
    return tokens[0]


@lru_cache(maxsize=8192)
def _pair(words: tuple[str, ...], fold: _Fold, here: str, before: str, after: str) -> bool:
    """:func:`pair_at` on the three tokens (memoised: form labels and their neighbours
    recur from page to page)."""
    letters = _letters(here, fold.table)
    for w, word in enumerate(words):
        if _distance(word, letters) is None:
            continue
        if _reads_as(words, w + 1, after, fold.table) or _reads_as(
            words, w - 1, before, fold.table
        ):
            return True
    return False


def _reads_as(words: tuple[str, ...], k: int, token: str, fold: dict[int, str]) -> bool:
    """``token`` reads as word ``k`` of the phrase (there is one)."""
    if not token or not 0 <= k < len(words):
        return False
    return _distance(words[k], _letters(token, fold)) is not None


def _letters(token: str, fold: dict[int, str]) -> str:
    return _NOT_CAPITAL.sub("", token.translate(fold).upper())


class _Fold:
    """A hashable holder of the fold table (for the memo)."""

    __slots__ = ("table",)

    def __init__(self, table: dict[int, str]):
        self.table = table

    def __hash__(self) -> int:
        return id(self.table)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Fold) and other.table is self.table


_Token = tuple[int, int, str]  # start, end, folded letters


@lru_cache(maxsize=4096)
def _read(
    window: str, phrase: WordPhrase, fold: _Fold, capitals: bool, anchor: int
) -> tuple[int, int] | None:
    tokens: list[_Token] = [
        (m.start(), m.end(), _NOT_CAPITAL.sub("", m.group(0).translate(fold.table).upper()))
        for m in _TOKEN.finditer(window)
    ]
    at = next((k for k, t in enumerate(tokens) if anchor < t[1]), None)
    if at is None or not tokens[at][2]:
        return None
    words = phrase.words
    best: tuple[int, int, int, int] | None = None  # (-letters, edits, start, end)
    for w in range(len(words)):
        d = _distance(words[w], tokens[at][2])
        if d is None:
            continue
        # the run through (token at, word w): its furthest reach either way
        left = _walk(tokens, words, at, w, -1)
        right = _walk(tokens, words, at, w, 1)
        placed = left[::-1] + [(at, d)] + right  # (token, edits) per word from i_min
        i_min = w - len(left)
        for i in range(i_min, w + 1):
            for j in range(i_min + len(placed), w, -1):
                key = _judge(window, tokens, words, placed, i_min, i, j, capitals)
                if key is not None and (best is None or key < best):
                    best = key
    if best is None:
        return None
    return best[2], best[3]


def _distance(word: str, letters: str) -> int | None:
    """The edits between a phrase word and a token's letters, or None past the word's
    budget."""
    bound = word_budget(word)
    d = Levenshtein.distance(word, letters, score_cutoff=bound)
    return None if d > bound else d


def _walk(
    tokens: list[_Token], words: tuple[str, ...], at: int, w: int, step: int
) -> list[tuple[int, int]]:
    """``(token, edits)`` of the words next to word ``w`` (token ``at``) in direction ``step``
    matched one by one with the next tokens, while each is within its budget; one short
    speck (a token without letters) may stand between two words."""
    out: list[tuple[int, int]] = []
    b, k = at + step, w + step
    while 0 <= k < len(words) and 0 <= b < len(tokens):
        if not tokens[b][2]:
            if tokens[b][1] - tokens[b][0] > 3:
                break  # a run of noise, not a speck
            b += step
            if not 0 <= b < len(tokens) or not tokens[b][2]:
                break
        d = _distance(words[k], tokens[b][2])
        if d is None:
            break
        out.append((b, d))
        b += step
        k += step
    return out


def _judge(
    window: str,
    tokens: list[_Token],
    words: tuple[str, ...],
    placed: list[tuple[int, int]],
    i_min: int,
    i: int,
    j: int,
    capitals: bool,
) -> tuple[int, int, int, int] | None:
    """The sort key of the run of words ``i..j-1`` (their tokens in ``placed``, which starts
    at word ``i_min``) when it is accepted, else None."""
    if j - i < 2:
        return None
    letters = sum(len(x) for x in words[i:j])
    whole = i == 0 and j == len(words)
    if not whole and (letters < MIN_CUT_LETTERS or (i > 0 and j < len(words))):
        return None  # a cut stamp keeps its start or its end
    if sum(len(x) >= 4 for x in words[i:j]) < 2:
        return None
    edits = sum(e for _, e in placed[i - i_min : j - i_min])
    if edits > letters // RUN_LETTERS_PER_EDIT:
        return None
    first, last = placed[i - i_min][0], placed[j - 1 - i_min][0]
    if len(tokens[last][2]) > len(words[j - 1]):
        # the last token is longer than its word: another word that shares its letters and
        # goes on (DISSENT for DISSEM); OCR damage in place loses or changes letters far more
        # often than it adds them at a word's end (a speck glued before the first word,
        # TWARNING, is common: the start is left alone)
        return None
    start, end = tokens[first][0], tokens[last][1]
    if not _stands_apart(window, start, end) or not _case_fits(window[start:end], capitals):
        return None
    return (-letters, edits, start, end)


def _stands_apart(window: str, start: int, end: int) -> bool:
    """Little else on the run's first line before it and on its last line after it."""
    line_lo = window.rfind("\n", 0, start) + 1
    line_hi = window.find("\n", end)
    line_hi = len(window) if line_hi < 0 else line_hi
    before = window[line_lo:start].strip()
    after = window[end:line_hi].strip()
    return len(before) <= BEFORE_ON_LINE and len(after) <= AFTER_ON_LINE


def _case_fits(raw: str, capitals: bool) -> bool:
    if not capitals:
        return True
    return sum(ch.isupper() for ch in raw) >= 2 * sum(ch.islower() for ch in raw)
