"""Address-slot probe (issue 16): one-word names where a person is addressed or related, through
the whole names detector, in mixed case and in ALL-CAPS cable style.

The slots come from published descriptions of English (person_address.py): vocatives after a
greeting or ending a question (CGEL on vocatives), a letter's signer after its complimentary
close (GPO Style Manual, letter conventions), the possessor of a kinship or role noun (CGEL on
the genitive). The names are single entries of the packaged census lists in sentences of our own
writing, combined with no one. The must-not sentences put places, months, ordinary words and a
word the text writes in lower case in the same slots.
"""

from __future__ import annotations

import pytest

from redactcheck.document import Segment

pytestmark = pytest.mark.nlp

#: (text, the name in it): every name must be found, in each casing.
FOUND = [
    ("The crates were counted twice. Hi Thaddeus, the boxes came this morning.\n", "Thaddeus"),
    ("Thank you, Philomena. The next item is the harbour levy.\n", "Philomena"),
    ("The minutes resume here.\nIs there anything you wish to add, Lazaro?\n", "Lazaro"),
    ("The draft is attached for your comments.\n\nBest regards,\nClementine\n", "Clementine"),
    ("We will write again in spring.\n\nSincerely yours,\n\nMarchetti\n", "Marchetti"),
    ("The clerk said that Ezequiel's brother-in-law kept the keys.\n", "Ezequiel"),
    ("A note from the port: Ferraro's lawyer asked for a delay.\n", "Ferraro"),
    ("The vote was close. Good morning, Lucinda! The ferry is late again.\n", "Lucinda"),
    ("The shed was locked at dusk, and Sigrid's husband kept the only key.\n", "Sigrid"),
    ("Would you read the figures again, Halvorsen?\n", "Halvorsen"),
]
#: (text, the slot word): no PERSON finding may overlap it, in each casing.
NOT_FOUND = [
    ("Thanks, Paris was lovely in the rain.\n", "Paris"),
    ("Hello, June. The lilacs are out.\n", "June"),
    ("Shall we drive on to Athens, Virginia?\n", "Virginia"),
    ("Do they still grow wheat, France?\n", "France"),
    ("With regards,\nWashington\n", "Washington"),
    ("Denmark's representative said she would ask the capital.\n", "Denmark"),
    ("He paused and asked, Why?\n", "Why"),
]


def _people(scanner, text: str) -> list:
    return [f for f in scanner.name_detector.detect(Segment(text)) if f.entity == "PERSON"]


@pytest.mark.parametrize("casing", ["mixed", "caps"])
def test_names_in_address_slots_are_found(scanner, casing):
    text_of = (lambda s: s) if casing == "mixed" else str.upper
    missed = []
    for sentence, name in FOUND:
        text, word = text_of(sentence), text_of(name)
        start = text.index(word)
        end = start + len(word)
        spans = [text[f.start : f.end] for f in _people(scanner, text)]
        if word not in spans:
            missed.append((word, spans, start, end))
    assert missed == []


@pytest.mark.parametrize("casing", ["mixed", "caps"])
def test_places_months_and_words_in_those_slots_are_not_names(scanner, casing):
    text_of = (lambda s: s) if casing == "mixed" else str.upper
    alarms = []
    for sentence, word in NOT_FOUND:
        text, w = text_of(sentence), text_of(word)
        start = text.index(w)
        end = start + len(w)
        alarms += [
            text[f.start : f.end] for f in _people(scanner, text) if f.start < end and f.end > start
        ]
    assert alarms == []
