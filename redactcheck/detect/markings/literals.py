"""Words several OCR steps look for anywhere in a text, found by the banner step's one pass.

Why: a ``str.find`` or ``str.count`` pass over a whole record is cheap once, but the level
words in three cases (the repeated-level step) and the form labels (the form-field and
dispatch-box steps of ``ocr_captions``) took thirteen such passes per text. The banner step's
Hyperscan database (``ocr_banner._scan``) holds these words as literals too, so one scan that
runs anyway finds them all (``ocr_banner.shared_places``).

Lossless: Hyperscan reports every occurrence of every literal, and no word here overlaps
itself (no proper prefix of it is also a suffix: tests check it), so the occurrences are
exactly those a ``find`` loop sees, whether it goes on one character or one word further.
"""

from __future__ import annotations

from collections.abc import Iterator

#: The classification levels a page prints as its stamp, in capitals and title case.
_LEVELS = (("SECRET", "Secret"), ("CONFIDENTIAL", "Confidential"), ("UNCLASSIFIED", "Unclassified"))
#: Each level word in the three cases the repeated-level step reads (``ocr_repeat``).
LEVEL_FORMS = tuple(form for level, _ in _LEVELS for form in (level, level.title(), level.lower()))
#: Form fields whose value is the document's level (a CIA information report's REPORT CLASS,
#: a form's CLASSIFICATION): ``ocr_captions.field_findings``. (REP)ORT CLASS: OCR loses the
#: line's start.
FIELD_LABELS = ("ORT CLASS", "CLASSIFICATION")
#: The CIA dispatch form's name as OCR leaves it ("(DIS)PATCH", "PATGH"):
#: ``ocr_captions.slot_findings``.
SLOT_LABELS = ("PATCH", "PATGH")
#: A piece of SECRET or CONFIDENTIAL holds one of these (its start or its end, four or five
#: letters): ``ocr_cut_level``.
CUT_KEYS = ("SECR", "CRET", "CONFI", "TIAL")
#: Every word the shared pass finds, in the order of its database ids.
SHARED = LEVEL_FORMS + FIELD_LABELS + SLOT_LABELS + CUT_KEYS

#: Ascending start offsets of the words of ``SHARED`` in one text (a word that does not occur
#: may be missing).
Places = dict[str, list[int]]


def finds(text: str, word: str, places: Places | None = None) -> Iterator[int] | list[int]:
    """Start of every occurrence of ``word`` (one of ``SHARED``) in ``text``, ascending: from
    ``places`` (the shared pass) when given, else a ``str.find`` loop."""
    if places is not None:
        return places.get(word, [])
    return _find_loop(text, word)


def _find_loop(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
