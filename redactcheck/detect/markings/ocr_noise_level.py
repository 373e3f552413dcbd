"""A level word in capitals on a line of OCR noise, in a record that prints no banner.

Why: the CIA dispatch and message forms print the level in a box in the middle of the form's
foot and head lines (the dispatch footer's edition notice and CONTINUED box, the message
form's officer boxes). On many scans OCR reads every printed label of that line as noise and
finds no banner anywhere (invented: ``Wk pqt vraddune SECRET | Ky] hollvome :``,
``Vormak SECRET =``), so the steps that want page evidence (``ocr_repeat``,
``ocr_form_level``) pass the word by, and the banner rules want it at a line's edge. Here the
line's shape does the work without page evidence: the exact level word in capitals, with
words on the line that are noise: no English word (``rules/lexicons/names/english_words.txt``)
and written nowhere else in the record (a reader's word recurs: ``Cuban`` comes back in a
record; ``vraddune`` does not).

Not the level: a word in a sentence. The word before and after it must be noise or a form
label, never a collocation (``SECRET SERVICE``, ``CONFIDENTIAL SOURCE``, the words of
``rules/lexicons/ocr_markings.yaml`` ``level_collocations``) nor a short English word
(``his SECRET clearance``); at most one word of the line besides form labels may be English
or recur elsewhere in the record, and one must be noise;
the line is short (a form line, not a paragraph line). Cost: only the capital level words the
shared scan found (``literals``), and for each a few whole-word searches of its line's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance.Levenshtein import distance

from redactcheck.detect.markings.literals import Places, finds
from redactcheck.detect.markings.ocr_form_level import _SHORT_WORDS, FORM_LABELS
from redactcheck.detect.markings.ocr_repeat import _collocations as collocations
from redactcheck.detect.markings.taken import claim, overlaps
from redactcheck.detect.pii.name_words import _read

_LEVELS = ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED")
_PUNCT = ".,;:!?'\"()[]{}|<>*_-=~`‘’“”»«"
_LETTERS = re.compile(r"[A-Za-z]+")
#: A form line as OCR reads it holds a handful of tokens; a paragraph line holds more.
_MAX_TOKENS = 9
#: Words of the line (besides the level and the form's labels) that a reader writes (English,
#: or recurring in the record): one that OCR kept ("END", "Page") or noise that looks like one.
_MAX_READ = 2
#: A word this short recurs by chance as a piece of others: it counts as neither noise nor prose.
_MIN_WORD = 3
#: A collocation word this long is still recognised one edit away (shorter ones are too near
#: other words: ``ARMY``/``ARM``).
_MIN_COLLOC = 5
#: From this length two edits (``INFGRMANF``).
_LONG_COLLOC = 8


def noise_level_findings(
    text: str, taken: list[tuple[int, int]], places: Places | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, level)`` of exact level words in capitals on a short line of noise,
    not overlapping ``taken`` (extended with what this step finds)."""
    out: list[tuple[int, int, str]] = []
    colloc = collocations()
    for level in _LEVELS:
        n = len(level)
        for start in finds(text, level, places):
            end = start + n
            if (
                (start == 0 or not text[start - 1].isalnum())
                and (end >= len(text) or not text[end].isalnum())
                and not overlaps(start, end, taken)
                and _on_noise_line(text, start, end, colloc)
            ):
                claim((start, end, level), out, taken)
    return out


def _core(token: str) -> str:
    return token.strip(_PUNCT)


def _on_noise_line(text: str, start: int, end: int, colloc: frozenset[str]) -> bool:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    before = text[lo:start].split()
    after = text[end:hi].split()
    if not before or not after or len(before) + len(after) + 1 > _MAX_TOKENS:
        return False  # a line's edge is the banner rules' place; a long line is prose
    if start >= 4 and text[start - 4 : start].upper() == "TOP ":
        return False  # TOP SECRET is the banner rules' word
    for token in (before[-1], after[0]):
        core = _core(token).upper()
        if core in colloc or core in _SHORT_WORDS or _damaged_collocation(core, colloc):
            return False  # "THE SECRET", "SECRET SERVICE", "SECRET SERWICE", "his SECRET x"
    words = [w for t in before + after for w in _LETTERS.findall(t) if len(w) >= _MIN_WORD]
    if not words:
        return False  # digits and marks alone: nothing says this is a form's line
    english = _english()
    read = noise = 0
    for w in words:
        if w.upper() in FORM_LABELS:
            continue  # the form's own printed labels, kept by OCR
        if w.lower() in english or _recurs(text, w):
            read += 1
            if read > _MAX_READ:
                return False
        else:
            noise += 1
    return noise >= max(read, 1)


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """Ordinary English words (the SCOWL list the name detector reads)."""
    return _read("english_words.txt")


def _damaged_collocation(core: str, colloc: frozenset[str]) -> bool:
    """Whether a neighbour of five letters or more is one edit (two from eight letters) from a
    collocation word: OCR damages the adjective's noun as it damages anything (``SERWICE``,
    ``INFGRMANF``)."""
    if len(core) < _MIN_COLLOC or not core.isalpha():
        return False
    bound = 1 if len(core) < _LONG_COLLOC else 2
    return any(len(w) >= _MIN_COLLOC and distance(core, w) <= bound for w in colloc)


def _recurs(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a whole word more than once, in any case a
    reader writes it (as written, lower case, capitals, title case)."""
    forms = {word, word.lower(), word.upper(), word.title()}
    count = 0
    for form in forms:
        at = text.find(form)
        while at >= 0:
            j = at + len(form)
            if (at == 0 or not text[at - 1].isalpha()) and (
                j >= len(text) or not text[j].isalpha()
            ):
                count += 1
                if count > 1:
                    return True
            at = text.find(form, at + 1)
    return False
