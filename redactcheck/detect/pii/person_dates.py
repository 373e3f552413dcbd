"""A month's name OCR misread, inside a date, reported as a person: dropped at the end.

Why: badly scanned records (JFK-collection OCR memos, chronologies and cables) date their
paragraphs "22 March 1963", and the scanner misreads the month ("22 Marcb 1963", "29 Jnly
1964", "26 Novcmber 1963", "Jume 1956"). The misread word is in no word list, so the model,
or the spreading of its span, or an OCR variant of a name found elsewhere, takes it for a
surname; a misread that spells a given name ("Jule 1961" for June) is taken by the lists.
Pool draws seeds 5959 and 5960 and a search of the pool's dated misreads (docs/quality.md,
"prec12"). A person's name does not stand between a day's number and a year, so a span is
dropped when all hold:

- it is one word, one edit (a letter misread, lost, added or two swapped) from a month's name,
  or two from one of seven letters or more ("Septeaber"), and no month itself;
- a year follows it (``1963``, ``1963:``, ``, 1963``);
- a day's number stands before it; or, for a word of four letters or more, the word is in no
  list of given names or surnames, or it never stands anywhere in the document outside such a
  date (a given name the document uses as a person elsewhere, "Jule", is kept; a three-letter
  word, "Ray" or "Kay" for May, goes only with the day's number);
- no title or other cue found it (``Mr.``, initials, an inverted "SURNAME, Given" form).
"""

from __future__ import annotations

import re

from rapidfuzz.distance.OSA import distance as osa_distance

from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.name_words import NameWords
from redactcheck.detect.pii.person_scores import PersonSpan

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
#: Bases a cue vouches for: the word after "Mr." is a person's, whatever its letters.
_CUED = frozenset({"title", "title-office", "inverted", "initials", "attendee", "addressee"})
_WORD = re.compile(r"[A-Za-z]{3,10}")
_YEAR_AFTER = re.compile(r"\.?,?[ \t]{0,3}(?:1[89]|20)\d\d(?!\d)")
_DAY_BEFORE = skip_to_first(r"(?<!\d)(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \t.,]{1,3}$")


def month_misread(word: str) -> bool:
    """One edit from a month's name (two from one of seven letters or more), and no month."""
    low = word.lower()
    if low in _MONTHS or not 3 <= len(low) <= 11:
        return False
    for month in _MONTHS:
        if abs(len(month) - len(low)) > 2:
            continue
        limit = 2 if len(month) >= 7 and len(low) >= 6 else 1
        if osa_distance(low, month, score_cutoff=limit) <= limit:
            return True
    return False


def drop_date_words(text: str, people: list[PersonSpan], nw: NameWords) -> list[PersonSpan]:
    """``people`` less the misread months of dates (tests above)."""
    gone: set[int] = set()
    for p in people:
        span = text[p.start : p.end]
        if p.basis in _CUED or not _WORD.fullmatch(span) or not month_misread(span):
            continue
        if not _YEAR_AFTER.match(text, p.end):
            continue
        day = _DAY_BEFORE.search(text, max(0, p.start - 8), p.start) is not None
        if day or (len(span) >= 4 and (not nw.is_name(span) or _only_in_dates(text, span))):
            gone.add(id(p))
    return [p for p in people if id(p) not in gone] if gone else people


def _only_in_dates(text: str, word: str) -> bool:
    """Every mention of ``word`` (in any case) is followed by a year."""
    return all(
        _YEAR_AFTER.match(text, m.end())
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text, re.I)
    )
