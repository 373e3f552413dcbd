"""One-word names where a person is addressed or related (person_address.py): vocatives after a
greeting or ending a question, the signer after a letter's close, the possessor of a kinship or
role noun. Each proposes a listed given name or surname, in mixed case and in capitals, at its
exact offsets; ordinary words, places, months and words the text writes in lower case in the
same slots are not proposed.

All text is invented; the names are single entries of the packaged census lists, combined with
no one.
"""

from __future__ import annotations

import re

import pytest

from redactcheck.detect.lexicons import name_lexicon
from redactcheck.detect.pii.name_candidates import Judge
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_address import address_names


def _added(text: str, places: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    lower = set(re.findall(r"(?<![\w-])[a-z][a-z'’-]*", text))
    judge = Judge(text, name_lexicon(), name_words(), lower, set(places), set(places))
    out: list[tuple[int, int, str]] = []
    address_names(text, judge, lambda s, e, basis: out.append((s, e, basis)))
    return out


def _words(text: str, places: frozenset[str] = frozenset()) -> list[str]:
    return [text[s:e] for s, e, _ in _added(text, places)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi Thaddeus, the boxes came this morning.\n", "Thaddeus"),
        ("Thank you, Philomena. The next item is the harbour levy.\n", "Philomena"),
        ("THANK YOU, GRISELDA. THE NEXT ITEM IS THE LEVY.\n", "GRISELDA"),
        ("Good morning, Lucinda! The ferry is late again.\n", "Lucinda"),
        ("Is there anything you wish to add, Hazel?\nNo, I think not.\n", "Hazel"),
        ("WOULD YOU READ THE FIGURES AGAIN, HALVORSEN?\n", "HALVORSEN"),
        ("The draft is attached for your comments.\n\nBest regards,\nClementine\n", "Clementine"),
        ("We will write again in spring.\n\nSincerely yours,\n\nMarchetti\n", "Marchetti"),
        ("YOURS TRULY,\nHORTENSE\n", "HORTENSE"),
        ("The clerk said that Ezequiel's brother-in-law kept the keys.\n", "Ezequiel"),
        ("A note from the port: Ferraro's lawyer asked for a delay.\n", "Ferraro"),
        ("SIGRID'S HUSBAND LEFT THE CITY ON FOOT.\n", "SIGRID"),
    ],
)
def test_a_listed_name_in_an_address_or_relation_slot_is_proposed(text, name):
    start = text.index(name)
    assert _added(text) == [(start, start + len(name), "address")]


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, Paris was lovely in the rain.\n",  # no punctuation after: a sentence's subject
        "Hello, June.\n",  # a month
        "Thanks, Monday works for the visit.\n",
        "Shall we drive on to Athens, Virginia?\n",  # a place and its state
        "Do they still grow wheat, France?\n",  # a country
        "Regards,\nWashington\n",  # a place signs no letter here
        "The hazel's smell filled the hall. Hazel's wife came later.\n",  # written in lower case
        "A grant was made in May. Hi Grant, see you soon.\n",
        "HI GRANT, THE FIGURES ARE LATE.\n",  # an ordinary word in capitals
        "Denmark's representative said she would ask the capital.\n",
        "Dear Colleagues,\nPlease find the agenda attached.\n",
        "He asked, Why?\n",
        "The committee's deputy and the Mayor's aide left early.\n",
        "The money is gone, Quillby?\n",  # a word no list holds
    ],
)
def test_ordinary_words_places_and_dates_in_those_slots_are_not(text):
    assert _words(text) == []


def test_a_place_the_text_names_is_not_addressed():
    text = "They met in Lucinda last year. Good morning, Lucinda!\n"
    assert _words(text, frozenset({"lucinda"})) == []
