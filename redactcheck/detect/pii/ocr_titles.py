"""Names after a title the scanner damaged, in badly scanned text.

Why: in a typed memo of the 1960s read by OCR, the title before a name is misread as often as
the name itself: the capital of "Mrs." becomes "I", "H" or "fi" ("Irs. Okafor"), the full stop
a comma or colon ("Mrs, Okafor"), and a long title loses or swaps a letter or two ("Chairnan
Dobrov"). The title rule (:func:`~redactcheck.detect.pii.person_cues.titles`) reads only
well-spelt titles, so each of these names was missed. Only texts that
:func:`~redactcheck.detect.pii.name_candidates.ocr_noisy` calls badly scanned are read, and
the word after the title must be name-like (no English word, no debris).
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactcheck.detect.edit_distance import distance
from redactcheck.detect.lexicons import name_lexicon
from redactcheck.detect.pii.name_candidates import Add, Judge
from redactcheck.detect.pii.name_twins import skip_to_first

#: "Irs.", "Hrs.", "firs.", "Nr." (the capital M misread), "Me." (the r misread; 27 records of
#: the unlabelled pool, round 10), "mr." (the capital lost; 8 records), or "Mrs," / "Mr:" (the
#: full stop misread), then a capitalised word.
_HONORIFIC = re.compile(
    r"(?<![\w.])(?:(?:[HINW]|fi|ii|rn)rs?\.|Me\.|mr\.|(?:Mr|Mrs|Ms|Dr|MR|MRS|MS|DR)[,:])[ \t]+"
    r"(?P<name>[A-Z][a-z]{3,})(?![\w'’-])"
)
#: A capitalised word (a title, maybe misread) then a capitalised word.
_WORD_PAIR = skip_to_first(
    r"(?<![\w.'’-])(?P<title>[A-Z][a-z]{5,10})[ \t]+(?P<name>[A-Z][a-z]{3,})(?![\w'’-])"
)
#: Long title words only: a short word two edits from a title is too often another word.
_LONG = 7
#: Abbreviations that read like a damaged honorific: "Hrs." (hours), "Yrs." (years).
_NOT_HONORIFIC = frozenset(("hrs", "yrs"))


@lru_cache(maxsize=1)
def _long_title_words() -> tuple[str, ...]:
    return tuple(sorted(w for w in name_lexicon().title_words if len(w) >= _LONG and w.isalpha()))


def _damaged_title(word: str, judge: Judge) -> bool:
    """One or two letters from a long title word ("Chairnan", "Chatman"), and no word itself."""
    low = word.lower()
    if low in judge.lex.title_words or judge.nw.is_english(low) or judge.nw.is_name(low):
        return False
    bound = 2 if len(low) >= _LONG else 1
    return any(
        abs(len(t) - len(low)) <= bound and t[0] == low[0] and distance(low, t, bound) <= bound
        for t in _long_title_words()
    )


def ocr_titles(text: str, judge: Judge, add: Add) -> None:
    """Names after an OCR-damaged honorific or title, in a badly scanned text."""
    if not judge.noisy:
        return
    for m in _HONORIFIC.finditer(text):
        head = text[m.start() : m.start("name")].strip(" \t.,:").lower()
        name = m.group("name")
        if head not in _NOT_HONORIFIC and _name_after(name, judge):
            add(*m.span("name"), "title-ocr")
    for m in _WORD_PAIR.finditer(text):
        if _damaged_title(m.group("title"), judge) and _name_after(m.group("name"), judge):
            add(*m.span("name"), "title-ocr")


def _name_after(word: str, judge: Judge) -> bool:
    return judge.name_like(word, cued=True) and not judge.nw.is_english(word)
