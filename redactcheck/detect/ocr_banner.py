"""OCR-damaged classification words in banner position, of any length (SECRET included).

A scanned page carries its classification stamped at the top and bottom, on a line of its own.
OCR reads those stamps worst of all (``SEGRET``, ``S-E-C-R~E-T``, ``CONF MENTIAL``,
``sUNCLASSIFIED``), and a short word such as SECRET cannot be matched approximately in running
text: one or two edits away lie SECURE, SACRED and SECT. In banner position it can. A line is
in banner position when it is short, starts with the damaged word (a few short tokens of noise
may follow it) and is mostly capital letters. There the line's first tokens, noise characters
dropped and look-alike characters folded together (``G`` for ``C``, ``0`` for ``O``), may lie a
bounded number of edits from a classification word. English words within that bound are never
read as damage, nor is a token the text also writes in lower case.

Bounds, look-alikes and the English words live in ``rules/lexicons/ocr_markings.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redactcheck.detect import ocr_markings
from redactcheck.detect.lexicons import load_lexicon

# A short non-blank line, and no more than four tokens on it: everything else never reaches
# Python. (The length bound is checked again against the lexicon's value.)
_SHORT_LINE = re.compile(r"^[ \t]*(\S+(?:[ \t]+\S+){0,4})[ \t\r]*$", re.MULTILINE)
_TOKEN = re.compile(r"\S+")
#: Tokens after the word that make the line a phrase, not a banner ("SECRET SERVICE").
_PHRASE_WORD = re.compile(r"[A-Z]{4,}|[a-z]{4,}")
#: Dissemination controls that may stand after a banner word on the same line.
_CONTROL_TAIL = frozenset({"NOFORN", "ORCON", "EYES", "ONLY", "SENSITIVE", "NODIS", "EXDIS"})


@dataclass(frozen=True, slots=True)
class BannerLexicon:
    max_line: int
    words: dict[str, int]  # folded word (no spaces) -> edit bound
    names: dict[str, str]  # folded word -> the word as printed
    fold: dict[int, str]
    real_words: frozenset[str]


@lru_cache(maxsize=1)
def banner_lexicon() -> BannerLexicon:
    data = load_lexicon("ocr_markings.yaml")
    fold: dict[int, str] = {}
    for group in data["banner_confusions"]:
        for ch in group:
            fold[ord(ch)] = group[0].upper()
    words: dict[str, int] = {}
    names: dict[str, str] = {}
    for word, bound in data["banner_words"].items():
        key = _fold_letters(word.upper(), fold)
        words[key] = int(bound)
        names[key] = word.upper()
    return BannerLexicon(
        max_line=int(data["banner_max_line"]),
        words=words,
        names=names,
        fold=fold,
        real_words=frozenset(w.upper() for w in data["banner_real_words"]),
    )


def _fold_letters(text: str, fold: dict[int, str]) -> str:
    """Look-alikes folded, then everything but capital letters dropped."""
    folded = text.translate(fold).upper()
    return "".join(ch for ch in folded if "A" <= ch <= "Z")


@lru_cache(maxsize=8192)
def banner_word(letters: str) -> tuple[str, int] | None:
    """The classification word that folded ``letters`` are a damaged form of, with the edit
    distance; None when none is within its bound (or only by changing the first letter)."""
    lex = banner_lexicon()
    best: tuple[str, int] | None = None
    for key, bound in lex.words.items():
        d = ocr_markings._distance(letters, key, bound)
        if d > bound:
            continue
        if (
            letters[:1] != key[:1]
            and ocr_markings._distance(letters, key[1:], 1) > 1
            and ocr_markings._distance(letters[1:], key, 1) > 1
        ):
            continue  # a different first letter: another word, unless OCR lost that letter
            # or put a stray one in front of it ("sUNCLASSIFIED")
        if best is None or d < best[1]:
            best = (lex.names[key], d)
    return best


def banner_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of damaged classification words in banner position that do not
    overlap ``taken`` (markings already found)."""
    lex = banner_lexicon()
    out: list[tuple[int, int, str]] = []
    for m in _SHORT_LINE.finditer(text):
        body = m.group(1)
        if len(body) > lex.max_line or sum(ch.isupper() for ch in body[:14]) < 3:
            continue
        hit = _best_prefix(text, m.start(1), m.end(1), lex)
        if hit is None:
            continue
        start, end, word = hit
        if any(start < e and s < end for s, e in taken):
            continue
        out.append(hit)
        taken.append((start, end))
    return out


def _best_prefix(text: str, lo: int, hi: int, lex: BannerLexicon) -> tuple[int, int, str] | None:
    """The first one to three tokens of the line ``text[lo:hi]`` read as a classification
    word, when the rest of the line is noise and the tokens are mostly capitals."""
    tokens = [t.span() for t in _TOKEN.finditer(text, lo, hi)]
    best: tuple[int, int, str, int] | None = None
    for k in range(1, min(3, len(tokens)) + 1):
        start, end = tokens[0][0], tokens[k - 1][1]
        raw = text[start:end]
        letters = _fold_letters(raw, lex.fold)
        if len(letters) < 4:
            continue
        if len(letters) > 14:
            break
        if not _mostly_capitals(raw):
            continue
        if "".join(ch for ch in raw.upper() if "A" <= ch <= "Z") in lex.real_words:
            continue
        hit = banner_word(letters)
        if hit is None:
            continue
        rest = [text[s:e] for s, e in tokens[k:]]
        if any(_PHRASE_WORD.fullmatch(t) and t not in _CONTROL_TAIL for t in rest):
            continue  # "SECRET SERVICE", "Secret agents": a phrase
        word, d = hit
        if best is None or d < best[3]:
            best = (start, end, word, d)
    if best is None:
        return None
    start, end, word, _ = best
    token = text[start:end]
    exact = token.upper() == word.replace(" ", "") or token.upper() == word
    if not exact and token.isalpha() and ocr_markings._lower_elsewhere(text, token):
        return None  # written in lower case elsewhere: an ordinary word in this text
    return start, end, word


def _mostly_capitals(raw: str) -> bool:
    letters = [ch for ch in raw if ch.isascii() and ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 3 and upper * 2 >= len(letters)
