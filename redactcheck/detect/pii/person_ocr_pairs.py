"""A name with one word misread by a scanner, where the other word is read right.

Why: :mod:`person_ocr_confusions` finds a misread name only beside a clean copy of it in the same
document. A scanned memo often names a person once, and one of two words is damaged: a given
name before an intact listed surname ("Rnpert Harwell") or an intact given name before a damaged
surname ("Lucille Tbornton"). The pair-of-lists rule (``name_candidates.list_pairs``) cannot
take it: the damaged word is on no list, and on OCR text it asks both words to be frequent
names. Here the damaged word is read back through the OCR cost model of
:mod:`redactcheck.detect.pii.ocr_confusion` (glyph pairs and groups of Kukich 1992, Rice et al.
1996 and Tesseract's ambiguity tables): it must be one confusion (cost <= 0.5; a thin mark
dropped or added, 0.7, for six letters or more) from a listed name of the other role (a given
name of the 1990 Census, or one of its 10,000 most frequent surnames), and from no English word
or proper noun: a confusion that turns an ordinary word into a name is OCR text's common false
alarm. No cue (a title, a verb) is asked: on 23 new pool and tune findings the pair's shape
alone was a person 22 times (docs/quality.md, eighth sitting of 2026-12-07).

Cost: one regex walk over pairs of capitalised words; a pair is judged only when one word is a
listed name (a set lookup), and each distinct word's reading back is made once per process.
"""

from __future__ import annotations

import re

from redactcheck.detect.lexicons import NameLexicon
from redactcheck.detect.pii.name_candidates import Add, Judge
from redactcheck.detect.pii.name_words import NameWords
from redactcheck.detect.pii.ocr_confusion import undo_one
from redactcheck.detect.pii.person_filters import _debris_line

#: Two capitalised words (or words in capitals) on one line, a middle initial allowed between;
#: the second in a look-ahead so that pairs overlap ("The Rnpert Harwell": "Rnpert Harwell" too).
_PAIR = re.compile(
    r"([A-Z][A-Za-z0-9]{3,}+)[ \t]++(?=(?:[A-Z]\.[ \t]*)?([A-Z][A-Za-z0-9]{3,}+)(?![\w'’/@&-]))"
)
#: Characters that make the first word part of a longer token (checked only for hits: a
#: look-behind at every capital costs a third of the walk).
_GLUED = frozenset("'’/.@&-_")
_MIN_LEN = 4  # letters of a damaged word: shorter ones are read back into too many names
_THIN_LEN = 6  # from this length a thin mark dropped or added counts as one confusion
_GIVEN, _SURNAME = "given", "surname"
#: Per word as written: the listed names of each role it is one confusion from (empty when
#: the word is something else). Shared by every text of the process.
_READINGS: dict[tuple[str, str], frozenset[str]] = {}


def ocr_pairs(text: str, judge: Judge, add: Add) -> None:
    """Pairs of :func:`damaged_pairs` whose intact word is a name here (no English word, no
    proper noun, nothing the text or the rules exclude), written in one case style (or a given
    name before a surname in capitals, as CIA and FBI records write names), on a line that is
    not OCR debris."""
    nw = judge.nw
    for s, e, ds, de, _ in damaged_pairs(text, nw, judge.lex):
        first, second = _words(text, s, e)
        intact = second if ds == s else first
        damaged = text[ds:de]
        cia_style = not first.isupper() and second.isupper()
        if (
            (first.isupper() != second.isupper() and not cia_style)
            or len(intact) < _MIN_LEN
            or nw.is_english(intact)
            or nw.is_proper(intact)
            or judge.excluded(intact)
            or judge.excluded(damaged)
            or _debris_line(text, s, e, nw)
        ):
            continue
        add(s, e, "ocr-pair")


def _words(text: str, s: int, e: int) -> tuple[str, str]:
    parts = text[s:e].split()
    return parts[0], parts[-1]


def damaged_pairs(
    text: str, nw: NameWords, lex: NameLexicon
) -> list[tuple[int, int, int, int, str]]:
    """(start, end, damaged start, damaged end, role) of pairs where one word is a listed name
    and the other a one-confusion misreading of a listed name of the other role."""
    out = []
    given, surnames, english = nw.given, nw.surnames, nw.is_english
    for m in _PAIR.finditer(text):
        first, second = m.group(1), m.group(2)
        low1, low2 = first.lower(), second.lower()
        # the intact word a listed name that is no English word ("Harwell", not "House"):
        # a set lookup and a memoised verdict, so few words are read back
        if low2 in surnames and low1 not in given and low1 not in surnames:
            if english(second) or not _readings(first, _GIVEN, nw, lex):
                continue
            role, ds, de = _GIVEN, m.start(1), m.end(1)
        elif low1 in given and low2 not in given and low2 not in surnames:
            if english(first) or not _readings(second, _SURNAME, nw, lex):
                continue
            role, ds, de = _SURNAME, m.start(2), m.end(2)
        else:
            continue
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in _GLUED):
            continue
        out.append((s, m.end(2), ds, de, role))
    return out


def _readings(word: str, role: str, nw: NameWords, lex: NameLexicon) -> frozenset[str]:
    key = (word, role)
    hit = _READINGS.get(key)
    if hit is None:
        hit = _READINGS[key] = _read_back(word, role, nw, lex)
        if len(_READINGS) > 50_000:  # a bound for long runs over many documents
            _READINGS.clear()
    return hit


def _read_back(word: str, role: str, nw: NameWords, lex: NameLexicon) -> frozenset[str]:
    """Listed names of ``role`` one confusion from ``word``; none when ``word`` is a word, a
    name, a proper noun, or one confusion from an English word or a proper noun."""
    letters = sum(c.isalpha() for c in word)
    if (
        letters < _MIN_LEN
        or sum(c.isdigit() for c in word) > 1
        or not (word.isupper() or word[1:].islower() or not word[1:].isalpha())
        or nw.is_english(word)
        or nw.is_name(word)
        or nw.is_proper(word)
    ):
        return frozenset()
    wanted = nw.given if role == _GIVEN else nw.surnames
    english, proper, frequent = nw.english, nw.proper, nw.frequent
    names = set()
    # every string of undo_one is one move of the model away: a pair or a group (<= 0.5), and
    # from six letters on also a thin mark (0.7); ocr_cost would give what the move costs
    for clean in undo_one(word, letters >= _THIN_LEN):
        if (clean in english or clean in proper) and clean not in wanted:
            return frozenset()  # as likely an ordinary word or a place misread
        if clean in wanted and len(clean) >= _MIN_LEN and (role == _GIVEN or clean in frequent):
            names.add(clean)
    if not names or lex.is_not_person_word(word) or nw.misread_word(word):
        return frozenset()  # the costly checks last: few words get here
    return frozenset(names)
