"""The name after "by the name of" (person_name_of.py): an unlisted surname a report introduces
with the phrase is a person, in mixed case and in capitals, and so are its later mentions; a
firm or a thing named with the same phrase, or an ordinary word after it, is not.

All text is invented; every name is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.person_rules import find_people


def _found(text: str) -> set[str]:
    people = find_people(text, [])
    for p in people:
        assert p.end > p.start
    return {text[p.start : p.end] for p in people}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The source was sent on to a watchmaker by the name of\nQuellmoro, who lives in town.",
         "Quellmoro"),
        ("He met an official by the name of Drevak who had seen the papers.", "Drevak"),
        ("SOURCE KNOWS A CUBAN BY THE NAME OF VASTRELO, WHO WORKS AT THE PORT.", "VASTRELO"),
        ("she was known by the name of Tibor Quasnik until 1960.", "Tibor Quasnik"),
    ],
)  # fmt: skip
def test_the_name_after_the_phrase_is_a_person(text, name):
    assert name in _found(text)


def test_both_names_after_names_of_and_a_later_mention():
    text = (
        "c. Two drivers by the names of Drevak and\n\nVastrelo, neither of whom was known.\n"
        "It was agreed that Drevak would not be asked about it."
    )
    found = [(p.start, p.end) for p in find_people(text, [])]
    assert (text.index("Drevak"), text.index("Drevak") + 6) in found
    assert (text.index("Vastrelo"), text.index("Vastrelo") + 8) in found
    assert (text.rindex("Drevak"), text.rindex("Drevak") + 6) in found


@pytest.mark.parametrize(
    "text",
    [
        "a bonding enterprise by the name of Quellmoro Surety was formed in 1961.",
        "They sailed on a small yacht by the name of Drevak last summer.",
        "He went by the name of Smoke in the camp.",
        "a man by the name of the\nQuellmoro family",
    ],
)
def test_a_body_a_thing_or_an_ordinary_word_is_no_person(text):
    assert not _found(text) & {"Quellmoro", "Drevak", "Smoke", "Quellmoro Surety"}
