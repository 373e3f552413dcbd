"""Names that a document also gives to a collection, library, award or firm named after the person.

Why: ``_person_not_firm`` (person_filters) drops every mention of a word used as an object when
the document also writes that word before a head noun ("Harlan Corporation"): a firm or a
body, not the person. Some heads name a thing after a person, though, and say the opposite:
archival finding aids and Historian notes cite a person's papers ("the Quennell Papers") and
presidential libraries ("Halloran Library"); awards, lectures and doctrines bear a person's
name; an investigator's firm is "Tallow Associates"; a record subject reads "Tallow
Involvement". Read on the unlabelled pool (seed 1212 and 1213: a Historian monograph's Secretary
of State beside "his Papers", presidents beside their libraries, a private investigator beside
his firm in JFK records, a person beside "X Involvement" in a subject line): every mention the
firm check dropped there was the person. So a word written before such heads only (and before
no other head) keeps its person mentions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactcheck.detect.lexicons import NameLexicon
from redactcheck.detect.pii.name_shapes import _LO, _UP
from redactcheck.detect.pii.person_filters import _firm_pattern
from redactcheck.detect.pii.person_scores import PersonSpan

#: Heads of names given after a person (the capitalised word before them is a surname):
#: personal papers and collections (archival finding aids), presidential and memorial
#: libraries, awards, prizes, fellowships and lectures, doctrines (policies named after a
#: president or minister), firms of one person's "Associates", and "X Involvement" in record
#: subjects; amendments, declarations, monuments and medals named after a sponsor or
#: honouree. Lower case. Kept short: a head that names places or bodies after their founders
#: just as often (Street, Foundation, Company, Hospital) stays a firm head.
EPONYM_HEADS = frozenset(
    (
        "papers",
        "library",
        "libraries",
        "collection",
        "collections",
        "memorial",
        "award",
        "prize",
        "fellowship",
        "scholarship",
        "lecture",
        "lectures",
        "doctrine",
        "associates",
        "involvement",
        # laws, state papers, monuments and medals (GPO Style Manual 3.5, 3.38:
        # "the Quellby Declaration", "the Tallowby Monument")
        "amendment",
        "amendments",
        "declaration",
        "monument",
        "medal",
    )
)


@lru_cache(maxsize=4)
def _eponym_pattern(heads: frozenset[str]) -> re.Pattern[str]:
    alternation = "|".join(sorted(h.capitalize() for h in heads))
    return re.compile(rf"(?<![\w-])([{_UP}][{_LO}]+)[ \t]+(?:{alternation})\b")


def eponym_words(text: str, lex: NameLexicon) -> set[str]:
    """Words (lower case) written before an eponym head and before no other head."""
    named_after = {m.group(1).lower() for m in _eponym_pattern(EPONYM_HEADS).finditer(text)}
    if not named_after:
        return set()
    firms = set()
    for m in _firm_pattern(lex.heads).finditer(text):
        head = text[m.end(1) : m.end()].strip().lower()
        if head not in EPONYM_HEADS:
            firms.add(m.group(1).lower())
    return named_after - firms


def keep_eponyms(
    text: str, before: list[PersonSpan], after: list[PersonSpan], lex: NameLexicon
) -> list[PersonSpan]:
    """``after`` (what the firm check kept of ``before``) plus the mentions it dropped of a
    word the document writes before eponym heads only, in text order."""
    if len(after) == len(before):
        return after
    words = eponym_words(text, lex)
    if not words:
        return after
    kept = {(p.start, p.end) for p in after}
    back = [
        p
        for p in before
        if (p.start, p.end) not in kept and text[p.start : p.end].strip().lower() in words
    ]
    if not back:
        return after
    return sorted(after + back, key=lambda p: (p.start, p.end))


#: One collection head shared by two names ("the Halloran and Marlowe Libraries", "Quennell and
#: Tallow Papers"): the first name is a collection's too. A lower-case "papers" ("the Quennell
#: papers") was tried and left out: set 3's annotators label such a name a person, set 4's not.
_SHARED_HEAD = re.compile(
    rf"[ \t]+(?:and|&)[ \t]+[{_UP}][{_LO}]+(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?:Papers|Library|Libraries|Collection|Collections)\b"
)


def collection_after(text: str, end: int) -> bool:
    """The span ending at ``end`` names a collection, not a person, here: "and", a second
    name and a collection head follow. The head right after the span ("Halloran Library",
    "Halloran Libraries") is ``person_filters._head_after``'s."""
    return _SHARED_HEAD.match(text, end) is not None
