"""A caption read through heavier OCR damage where its place vouches for it: right after the
banner word on the banner's line, or alone on one of the two lines under the banner.

Why: a dissemination caption is a short word (NODIS, EXDIS: five letters), and one edit is all
:func:`redactcheck.detect.markings.ocr_banner._captions_in` allows anywhere near a banner; two
damaged letters of five, a cut edge or two letters read in lower case hid it. In that place a
line holds nothing but the caption, so the bound can grow with the word: two edits for a
caption of five letters or more (look-alikes folded, specks and a torn space free), with at
least three of its letters kept. What keeps prose out is the place (one or two tokens make the
whole line, under a found banner) and the English test: the letters must be no English word and
not within one edit of one (SCOWL list, ``names/english_words.txt``), so a damaged ``NOTES``
or ``ORIGIN`` under a banner stays a word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance.Levenshtein import distance as _levenshtein

from redactcheck.detect.edit_distance import lower_elsewhere
from redactcheck.detect.markings.ocr_banner import _fold_letters, banner_lexicon
from redactcheck.detect.markings.ocr_page_edge import edge_lexicon

#: Letters a caption must keep, and the edits the place allows (five letters or more).
_MIN_KEPT = 3
_PLACE_BOUND = 2
_MIN_KEY = 5
_MAX_LINE = 16
#: Two capitals in a row (look-alikes and specks between allowed): a caption keeps that much.
_CAPITALS = re.compile(r"[A-Z0-9$|!][^\sa-z]?[A-Z0-9$|!]")
_TOKEN = re.compile(r"\S+")
_SPECK = re.compile(r"[^\w]+")


def lone_captions(chunk: str) -> list[tuple[int, int, str]]:
    """``(start, end, caption)`` in ``chunk`` (the text after a banner word: the rest of its
    line, then the lines under it) where the rest of the banner's line, or one of the next two
    lines holding text, is one caption and nothing else but specks."""
    lines = chunk.split("\n", 8)
    found: list[tuple[int, int, str]] = []
    pos, seen = 0, 0
    for n, piece in enumerate(lines):
        size = len(piece.strip())
        if size:
            # a caption with its damage fits in _MAX_LINE characters: longer lines are text
            hit = _lone_caption(piece) if size <= _MAX_LINE and _CAPITALS.search(piece) else None
            if hit is not None:
                found.append((pos + hit[0], pos + hit[1], hit[2]))
            if n:
                seen += 1
                if seen == 2:
                    break
        pos += len(piece) + 1
    return found


@lru_cache(maxsize=4096)
def _lone_caption(piece: str) -> tuple[int, int, str] | None:
    """The caption that ``piece`` as a whole reads as, within the place's bound."""
    tokens = [t for t in _TOKEN.finditer(piece) if not _SPECK.fullmatch(t.group(0))]
    if not tokens or len(tokens) > 2 or len(tokens) == 2 and min(map(len, _texts(tokens))) > 5:
        return None  # more than a caption (two tokens: a caption torn by a space)
    start, end = tokens[0].start(), tokens[-1].end()
    raw = piece[start:end]
    if not _capital_case(raw):
        return None
    lex = banner_lexicon()
    letters = _fold_letters(raw, lex.fold)
    if not 4 <= len(letters) <= 11 or letters in lex.caption_real_words:
        return None
    best = _best_caption(letters)
    if best is None:
        return None
    key, dist = best
    if dist == 0 and raw == lex.caption_names[key]:
        return None  # a clean caption: the rules' business
    if dist > 1 and _near_english(letters, raw):
        return None  # a damaged English word, not a caption
    if raw.isalpha() and lower_elsewhere(piece, raw):
        return None
    while raw and not raw[-1].isalnum():
        raw, end = raw[:-1], end - 1
    while raw and not raw[0].isalnum():
        raw, start = raw[1:], start + 1
    return start, end, lex.caption_names[key]


def _texts(tokens: list[re.Match[str]]) -> list[str]:
    return [t.group(0) for t in tokens]


def _capital_case(raw: str) -> bool:
    """Mostly capitals: at most two letters in lower case, and not a word in title or lower
    case (``Notes``, ``nodis``)."""
    lower = sum(ch.islower() for ch in raw)
    upper = sum(ch.isupper() for ch in raw)
    if upper < 2 or lower > 2 or lower * 2 >= upper + lower:
        return False
    alpha = [ch for ch in raw if ch.isalpha()]
    return not (len(alpha) > 1 and "".join(alpha[1:]).islower())


def _best_caption(letters: str) -> tuple[str, int] | None:
    """The caption nearest ``letters`` within the place's bound (one edit under five
    letters), keeping at least three of its letters."""
    lex = banner_lexicon()
    best: tuple[str, int] | None = None
    for key in lex.captions:
        bound = _PLACE_BOUND if len(key) >= _MIN_KEY else 1
        if len(letters) < max(_MIN_KEPT, len(key) - bound):
            continue
        d = _levenshtein(letters, key, score_cutoff=bound)
        if d <= bound and (best is None or d < best[1]):
            best = (key, d)
    return best


def _near_english(letters: str, raw: str) -> bool:
    """The letters, folded or as printed (specks and digits dropped), are an English word or
    one edit from one: each of the few hundred one-edit variants looked up in the word set
    (no folded copy of the whole list to build)."""
    english = edge_lexicon().english
    plain = _NOT_LETTER.sub("", raw.upper())
    return any(_one_edit_in(form, english) for form in {letters, plain} if form)


_NOT_LETTER = re.compile(r"[^A-Z]+")
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _one_edit_in(word: str, words: frozenset[str]) -> bool:
    """``word`` or a word one edit from it (a letter dropped, changed or added) is in
    ``words``."""
    if word in words:
        return True
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail and head + tail[1:] in words:
            return True
        for ch in _ALPHABET:
            if head + ch + tail in words or tail and head + ch + tail[1:] in words:
                return True
    return False
