"""A record's own classification word again, where OCR ran page noise onto its line.

Why: a classified page carries its level at the top and bottom of every page (notes.md,
"Banner lines": "A banner appears at the top and bottom of every page"); an FBI memo types it
beside the file number, a CIA information report prints it before the dissemination notice.
On a scanned record OCR runs stamp edges, handwriting and the next column onto that line
(``SECRET onue |``, ``i ee SECRET tiue``, ``(62-4410) SECRET eiu``), so the line is no
longer a banner line and the banner rules pass it by. Where the text already prints that very
level as a banner (page evidence), the exact word again, in capitals, at the start or the end
of a line (a few short noise tokens beside it), or alone on its line in capitals, title or lower
case (``Secret.``), is that page's stamp.

Not a stamp: the word inside prose (``KEEP IT SECRET FROM THEM`` has words on both sides), a
collocation that makes it an ordinary adjective (``SECRET SERVICE``, ``CONFIDENTIAL
INFORMANT``, the words of ``rules/lexicons/ocr_markings.yaml`` ``level_collocations``), and
any level the text does not print as a banner. Cost: the places of the level words come from
the banner step's Hyperscan pass, which runs anyway (``literals.py``); only their occurrences
are looked at, and only on texts that print a level (``str`` passes without Hyperscan).
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.literals import Places, finds
from redactcheck.detect.markings.taken import claim, overlaps

_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
_LETTER = re.compile(r"[A-Za-z]")
#: At a line start: at most this many noise tokens of at most two characters before the word.
_MAX_BEFORE = 3
#: At a line end: at most one token of at most four characters after the word.
_MAX_AFTER_LEN = 4
#: A stamp typed in a column of its own stands this many spaces after the text before it.
_COLUMN_GAP = "   "
_PUNCT = ".,;:!?'\"()[]|"


#: A level word alone on its line this many times is the page banner of a record typed in
#: title case (a 1990s memorandum's "Secret" at the top and bottom of each page); a heading
#: that happens to be the word stands once.
_TITLE_REPEATS = 3
_TITLE_WORDS = (
    ("SECRET", "Secret"),
    ("CONFIDENTIAL", "Confidential"),
    ("UNCLASSIFIED", "Unclassified"),
)


@lru_cache(maxsize=4)
def _title_line(word: str) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*{word}[ \t.]*$", re.MULTILINE)


def title_case_banners(text: str, places: Places | None = None) -> frozenset[str]:
    """The levels ``text`` prints in title case alone on a line at least ``_TITLE_REPEATS``
    times: page evidence as good as a banner in capitals. The word's count first (from
    ``places``, the shared scan, when given; else one ``str.count`` per level)."""
    found = set()
    for level, word in _TITLE_WORDS:
        count = text.count(word) if places is None else len(list(finds(text, word, places)))
        if count < _TITLE_REPEATS:
            continue
        if len(_title_line(word).findall(text)) >= _TITLE_REPEATS:
            found.add(level)
    return frozenset(found)


@lru_cache(maxsize=1)
def _collocations() -> frozenset[str]:
    return frozenset(w.upper() for w in load_lexicon("ocr_markings.yaml")["level_collocations"])


def repeated_level_findings(
    text: str,
    taken: list[tuple[int, int]],
    levels: frozenset[str],
    places: Places | None = None,
) -> list[tuple[int, int, str]]:
    """``(start, end, level)`` of exact level words in stamp position that do not overlap
    ``taken`` (extended with what this step finds). ``levels``: the levels the text prints as
    banners (``SECRET``, ``CONFIDENTIAL``...); nothing is reported without one. ``places``:
    where the level words occur, when the shared scan found them already."""
    out: list[tuple[int, int, str]] = []
    colloc = _collocations()
    for level in sorted(levels):
        if " " in level:
            continue  # TOP SECRET: its SECRET is found as SECRET when SECRET is printed
        for start, end in _occurrences(text, level, places):
            if not overlaps(start, end, taken) and _in_stamp_position(text, start, end, colloc):
                claim((start, end, level), out, taken)
    return out


def _occurrences(text: str, level: str, places: Places | None = None):
    """Every whole-word occurrence of ``level`` in capitals, title case or lower case
    (``SECRET``, ``Secret``, ``secret``): from ``places`` (the shared scan) when given, else
    literal ``str.find`` loops, no copy of the text (upper-casing a whole record cost more
    than the rest of the step)."""
    n = len(level)
    found: list[tuple[int, int]] = []
    for form in (level, level.title(), level.lower()):
        for i in finds(text, form, places):
            j = i + n
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                found.append((i, j))
    return sorted(found)


def _in_stamp_position(text: str, start: int, end: int, colloc: frozenset[str]) -> bool:
    """The word stands where a page stamp stands: alone on its line (any case), or in
    capitals at the line's start (a little noise before it) or at its end (one short noise
    token after it, and before it a file number, a date or a column gap, not a word)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    before = text[lo:start].split()
    after = text[end:hi].split()
    if after and after[0].strip(_PUNCT).upper() in colloc:
        return False
    if before and before[-1].strip(_PUNCT).upper() in colloc:
        return False  # "TRADE SECRET" is prose
    if not any(_WORD_CHAR.search(t) for t in before + after):
        return True  # "Secret." on its own line, any case
    if not text[start:end].isupper():
        return False
    if len(before) <= _MAX_BEFORE and all(len(t) <= 2 for t in before):
        return True
    if len(after) > 1 or any(len(t) > _MAX_AFTER_LEN for t in after):
        return False
    return not _LETTER.search(before[-1]) or text[lo:start].endswith(_COLUMN_GAP)
