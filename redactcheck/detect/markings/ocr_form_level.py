"""The record's own level inside a line of form noise, where a page stamp or form box stands.

Why: the CIA dispatch, cable and routing forms print the level in a box in the middle of a
printed line (the dispatch footer's ``USE PREVIOUS EDITION ... SECRET ... CONTINUED``, the
cable form's ``DISTR: ... SECRET FILE:``, the message form's ``RELEASING OFFICER SECRET
AUTHENTICATING OFFICER``, the report cover's ``REPORT CLASS CONFIDENTIAL CONTROLLED DISSEM``).
On a scan OCR reads the printed labels around the box as noise (invented:
``Repl0ces fms SECRET q 4.``, ``oo SECRET "Eqse REPRODUCTION``), so the word is neither at a
line's edge (``ocr_repeat``)
nor beside a clean label (the banner rules). Where the text already prints that level as a
banner (page evidence), the exact word in capitals between two neighbours that are form noise
or form labels is that box's level.

Not the level: a word in prose, in capitals or not. The word before it must be noise (no
letters, a digit or an inner capital in it, at most four characters) or a form label; the word
after it noise, a form label, or lower case; a collocation on either side (``SECRET SERVICE``,
``THE SECRET``, ``rules/lexicons/ocr_markings.yaml`` ``level_collocations``) or a longer word
in capitals or title case (``HOLDING SECRET TALKS``, ``cleared through SECRET``) rules
it out. Cost: the ``str.find`` loops of ``ocr_repeat``, only on texts that print a level.
"""

from __future__ import annotations

import re

from redactcheck.detect.markings.literals import Places, finds
from redactcheck.detect.markings.ocr_repeat import _collocations as collocations
from redactcheck.detect.markings.taken import claim, overlaps

#: Printed labels of the CIA forms around the level box (dispatch, cable, message and report
#: cover forms, routing slip) and the control words printed after a level.
FORM_LABELS = frozenset(
    [
        "OFFICER",
        "OFFICERS",
        "RELEASING",
        "AUTHENTICATING",
        "COORDINATING",
        "CLASS",
        "CLASSIFICATION",
        "FILE",
        "DISTR",
        "STR",
        "PROCESSING",
        "ACTION",
        "DISPATCH",
        "CONTINUED",
        "CONTINUATION",
        "EDITION",
        "FORMS",
        "REPRODUCTION",
        "ISSUING",
        "INDEX",
        "INDEXING",
        "SHEET",
        "COVER",
        "REPORT",
        "PAGE",
        "ROUTING",
        "SYMBOL",
        "NUMBER",
        "NOFORN",
        "ORCON",
        "NOCONTRACT",
        "PROPIN",
        "WNINTEL",
        "RYBAT",
        "CONTROLLED",
        "DISSEM",
        "LIMDIS",
        "EXDIS",
        "NODIS",
        "SECRET",
        "CONFIDENTIAL",
        "UNCLASSIFIED",
    ]
)
_PUNCT = ".,;:!?'\"()[]{}|<>*_-=~`‘’“”»«"
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_LETTERS = re.compile(r"[A-Za-z]+")
#: Short English words that make the level an adjective or a quoted level, not a box's
#: value ("his SECRET clearance", "TOP SECRET" when the text prints only SECRET).
_SHORT_WORDS = frozenset(
    [
        "HIS",
        "HER",
        "HIM",
        "ITS",
        "OUR",
        "THEIR",
        "YOUR",
        "MY",
        "WE",
        "HE",
        "SHE",
        "THEY",
        "FOR",
        "WITH",
        "FROM",
        "BUT",
        "THAT",
        "THIS",
        "INTO",
        "UPON",
        "WERE",
        "ARE",
        "HAS",
        "HAD",
        "HAVE",
        "BEEN",
        "TOP",
        "ONE",
        "TWO",
        "ANY",
    ]
)
_MAX_NOISE_LEN = 4


def form_level_findings(
    text: str,
    taken: list[tuple[int, int]],
    levels: frozenset[str],
    places: Places | None = None,
) -> list[tuple[int, int, str]]:
    """``(start, end, level)`` of exact level words in capitals inside a line of form noise,
    for the ``levels`` the text prints as banners; nothing without one. The words' places
    come from the shared scan when given (``literals.finds``; no level word overlaps itself)."""
    out: list[tuple[int, int, str]] = []
    colloc = collocations()
    for level in sorted(levels):
        if " " in level:
            continue  # TOP SECRET: its SECRET is read as SECRET where SECRET is printed
        n = len(level)
        for start in finds(text, level, places):  # capitals only
            end = start + n
            if (
                (start == 0 or not text[start - 1].isalnum())
                and (end >= len(text) or not text[end].isalnum())
                and not overlaps(start, end, taken)
                and _between_form_noise(text, start, end, colloc)
            ):
                claim((start, end, level), out, taken)
    return out


def _between_form_noise(text: str, start: int, end: int, colloc: frozenset[str]) -> bool:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    before = text[lo:start].rstrip(_PUNCT).split()  # a quote glued to the word is no token
    after = text[end:hi].split()
    if not before or not after or text[lo:start].strip() == "":
        return False  # a line's edge: ocr_repeat's and the banner rules' place
    return _noise_before(before[-1], colloc) and _noise_after(after[0], colloc)


def _noise_before(token: str, colloc: frozenset[str]) -> bool:
    runs = _LETTERS.findall(token)
    if not runs:
        return True  # a number, a date, a rule
    core = runs[-1].upper()
    if core in colloc or core in _SHORT_WORDS:
        return False  # "THE SECRET", "his SECRET clearance", "TOP SECRET" (not this level)
    if core in FORM_LABELS or _INNER_CAPITAL.search(token):
        return True
    return len(runs) > 1 or len(core) <= _MAX_NOISE_LEN  # "S129.", "eee"


def _noise_after(token: str, colloc: frozenset[str]) -> bool:
    runs = _LETTERS.findall(token)
    if not runs:
        return True
    core = runs[0]
    if core.upper() in colloc:
        return False  # "SECRET SERVICE", "SECRET/SERVICE", "CONFIDENTIAL INFORMANT"
    if core.upper() in FORM_LABELS or _INNER_CAPITAL.search(token):
        return True
    return len(core) <= _MAX_NOISE_LEN or core.islower()  # "fle:", "qarnvtelien"
