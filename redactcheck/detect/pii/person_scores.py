"""The one score table of the person rules: a score per basis, the sets of bases each check
trusts or doubts, and the person span.

Why its own module: every mechanism that finds a name (model, titles, initials, lists,
spreading) reports a ``PersonSpan`` with a basis; its score, and which filters it is spared or
put through, are read here and nowhere else (issue 14: one score table). docs/quality.md
("Bases and scores") describes the bases for readers.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Score per basis, set from how often each basis was right on the tune half of the
#: development set (docs/quality.md): a finding's score is an estimate of its precision, so
#: ``--min-score`` trades recall for precision predictably. Bases at or above ``CONFIDENT`` also
#: spread a name to its other mentions and list neighbours.
SCORES = {
    "title": 0.95,
    "propagated": 0.9,
    "title-office": 0.9,
    "list-names": 0.9,
    "initials": 0.85,
    "ner": 0.85,
    "inverted": 0.85,
    "mail-header": 0.85,
    "ner-repeated": 0.85,
    "ocr-article": 0.85,
    "attendee": 0.85,
    "caption": 0.85,
    "context": 0.85,
    "signature": 0.8,
    "cable-signer": 0.8,
    "list-position": 0.8,
    "name-column": 0.8,
    "attributive": 0.8,
    "propagated-ocr": 0.75,
    "title-ocr": 0.75,
    "caps-prose": 0.75,
    "caps-repeated": 0.75,
    "repeated-cued": 0.7,
    "caps-prose-unlisted": 0.6,
    "glued-initials": 0.7,
    "continuation": 0.75,
    "list-given": 0.75,
    "ocr-pair": 0.75,
    "possessive": 0.7,
    "quoted": 0.7,
    "citation": 0.8,
    "apposition": 0.7,
    "list-unknown": 0.6,
    "context-initials": 0.6,
    "ner-single": 0.6,
    "list-words": 0.55,
    "ner-single-caps": 0.55,
    "list-surname-first": 0.5,
    "list-surname-second": 0.45,
    "lone-surname": 0.45,
    "echo": 0.6,
    "caps-cable": 0.65,
    "caps-votes": 0.65,
    "caps-house": 0.7,
    "addressee": 0.8,
    "address": 0.8,
    "family": 0.75,
    "hyphen-break": 0.75,
    "subject-initials": 0.7,
}
CONFIDENT = 0.75


@dataclass(slots=True)
class PersonSpan:
    start: int
    end: int
    score: float
    basis: str
    merge_left: bool = False  # joins a name that ends one space before it ("Amara" "Okonkwo")


#: Bases that vouch for a word in capitals inside prose ("Ambassador WELLINGTON", "W/LARKIN").
_CUED_NAMES = frozenset(
    ("inverted", "attendee", "mail-header", "initials", "signature", "cable-signer", "title",
     "title-office", "caption", "list-names", "list-given", "context-initials", "addressee",
     "subject-initials")
)  # fmt: skip


_CUED = frozenset({"title", "title-office", "inverted", "initials"})
#: Bases whose words are checked like the model's (headings, list letters before a word).
_WORD_CHECKED = frozenset(("initials", "signature", "cable-signer", "continuation"))
#: Model labels (Presidio's names and spaCy's) of places and groups: a word the model calls one
#: of these somewhere in the text is not spread as a person's surname.
#: Bases whose evidence outweighs the model calling the same words a place elsewhere.
_PLACE_OK = frozenset(
    (
        "title",
        "title-office",
        "propagated",
        "ner",
        "inverted",
        "mail-header",
        "initials",
        "name-column",
        "attendee",  # the model's place labels on a schedule's capitals are no guide
        "caption",
        "citation",
        "caps-cable",  # in a cable in capitals the model calls unknown surnames places
        "caps-votes",  # the same; its own count of place positions decides (person_caps_votes)
        "addressee",  # a cable's "NSC FOR ..." line: the model reads it without context
        "address",  # person_address asks the model's places itself, except of words in capitals
        "cable-signer",  # a State cable's last line (a listed place still vetoes it)
        "family",  # "the QUENNELLs": the model calls a family a group
        "caps-repeated",  # its place labels are a quarter of the mentions or fewer (checked)
        "repeated-cued",  # the same check (person_repeat_cues)
    )
)
#: Pair bases that a place label of the model overrides ("Costa Rica"); the model often calls
#: an unknown pair of names a place, so "list-unknown" and "list-given" ignore it.
_PLACE_CHECKED_PAIRS = frozenset(("list-surname-first", "list-surname-second", "list-words"))
#: Bases whose own evidence (a title, a form's layout, a cue word) outweighs the same words
#: standing after "at" / "in" elsewhere in the document.
_CUE_OUTWEIGHS_PLACE = frozenset(
    ("title", "title-office", "inverted", "mail-header", "initials", "attendee", "caption",
     "context", "context-initials", "signature", "cable-signer", "apposition", "name-column",
     "citation", "addressee", "caps-votes", "subject-initials")
)  # fmt: skip
#: Bases whose evidence is the words themselves (the model, the name lists): in OCR debris
#: such words are often made up by the scanner.
_DEBRIS_CHECKED = frozenset(
    ("ner", "ner-single", "ner-single-caps", "list-names", "list-given", "list-words",
     "list-unknown", "list-surname-first", "list-surname-second", "lone-surname",
     "caps-prose-unlisted")
)  # fmt: skip
