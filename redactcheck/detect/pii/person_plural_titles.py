"""Surnames listed after a plural title: "Messrs. Quennell, Tallowby, and Marchbanks".

Why: minutes, memoranda for the record and Historian committee reports name several men at
once with one plural honorific or office ("Messrs.", "Drs.", "Senators", "Generals"), and
the model, reading a bare run of surnames, finds the first or none (the others come after a
comma or a line break, without a cue of their own). Seen in the unlabelled pool (round 10,
seed 1616, then a search of the whole pool: 25 documents, Historian Advisory Committee
minutes and JFK memoranda, with 30 such surnames missed in 9 of them). Each item is a
surname, possibly after a given name or initials, and the list stops at the first item that
is not one (a title, an office word, an English word the text writes in lower case).
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_candidates import Add, Judge
from redactcheck.detect.pii.name_twins import skip_to_first

#: Plural honorifics and offices that head a list of people.
_PLURAL = (
    r"Messrs\.?|Mmes\.?|Drs\.|Senators|Congressmen|Representatives|Generals|Admirals"
    r"|Ambassadors|Professors|Justices"
)
_ITEM = (
    r"(?:[A-Z][a-z'’]+[ \t]+)?(?:[A-Z]\.[ \t]*){0,2}"
    r"[A-Z][a-z'’]*[A-Z]?[a-z'’-]+(?:[ \t]*\([^()\n]{1,15}\))?"
)
_SEP = r"(?:[ \t]*,[ \t]*\n?[ \t]*(?:and[ \t]+\n?[ \t]*)?|[ \t]*\n?[ \t]*and[ \t]+\n?[ \t]*)"
_LIST = skip_to_first(rf"\b(?:{_PLURAL})[ \t]+(?P<list>{_ITEM}(?:{_SEP}{_ITEM}){{0,9}})")
_ONE = re.compile(_ITEM)
_WORD = re.compile(r"[A-Z][\w'’-]*")


def plural_title_names(text: str, judge: Judge, add: Add) -> None:
    """Each name of a list after a plural title, up to the first item that is no name."""
    for m in _LIST.finditer(text):
        pos = m.start("list")
        for item in _ONE.finditer(text, pos, m.end("list")):
            name_end = item.end()
            bracket = text.find("(", item.start(), item.end())
            if bracket != -1:
                name_end = len(text[:bracket].rstrip())
            words = _WORD.findall(text[item.start() : name_end])
            if not words or not all(_name_word(w, judge) for w in words):
                break
            add(item.start(), name_end, "title")


def _name_word(word: str, judge: Judge) -> bool:
    """A given name, an initial or a surname; no title, acronym or ordinary word."""
    if len(word) == 1:
        return True  # an initial ("Wilmot Z. Quennell")
    low = word.lower()
    if low in judge.lex.title_words or word.upper() in judge.lex.acronyms:
        return False
    return judge.cued_name(word, model_blind=True)  # the title vouches, as for attendees
