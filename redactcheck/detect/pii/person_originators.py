"""The drafter on the originator line of a CIA memorandum or dispatch: "DDP/WE/RQTallow:mk".

Why: Agency records close with a line that names who drafted them: the office symbol path,
a slash, the officer's initials glued to the surname, a colon and the typist's initials in
lower case (sometimes an extension or a date after another slash or colon). The model never
reads the glued word as a name, and the older glued-initials step leaves a word after a slash
alone (office codes end in slashes too). Seen in the JFK records of the unlabelled pool (seed
8182: 5 of 800 records, the drafter found in 1) and in 2 tune records of the fourth blind set;
the labels take the initials and the surname as one span, not the typist's initials.

The finding is the glued word only: not the office path, not the typist's initials.
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_words import NameWords

#: An office path ending in a slash ("CCS/COB/", "OS/PSI/SAG/", "CI/R&A/"), then one to three
#: initials glued to a capitalised surname (OCR may raise a letter inside: "Koehter"), then a
#: colon and the typist's one to four lower-case initials.
_ORIGINATOR = re.compile(
    r"(?:[A-Z0-9&]{1,6}/[ \t]?)+"
    r"(?P<name>[A-Z]{1,3}(?P<surname>[A-Z][a-z]{2,}[A-Za-z]*))"
    r"[ \t]*:[ \t]*[a-z]{1,4}\b"
)
_MIN_UNLISTED = 5


def originators(text: str, nw: NameWords) -> list[tuple[int, int]]:
    """Spans of the glued initials and surname on originator lines (module docstring)."""
    if "/" not in text or ":" not in text:
        return []
    out = []
    for m in _ORIGINATOR.finditer(text):
        surname = m.group("surname")
        if nw.is_proper(surname) and not nw.is_surname(surname):
            continue  # "Paris", "Havana": a station's name, not a person
        if not (nw.is_surname(surname) or _unlisted_surname(surname, nw)):
            continue
        out.append(m.span("name"))
    return out


def _unlisted_surname(word: str, nw: NameWords) -> bool:
    """An unlisted surname (or a listed one OCR damaged): long enough, spelt like a name, no
    English word ("Memo", "Chief" are a form's words, not a drafter)."""
    return (
        len(word) >= _MIN_UNLISTED
        and not nw.is_english(word)
        and nw.plausible(word)
        and not nw.misread_word(word)
    )
