"""Writer and addressee of a memorandum cited by surnames, as FBI notes and CIA and White House
file lists write it (round 11, names13: JFK records of the unlabelled pool, seed 1818 and a
search of the pool).

The person rules run without the NER model (``find_people(text, ner)``). All text is
synthetic; every name is invented.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.person_rules import find_people


def _names(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, [])]


@pytest.mark.parametrize(
    "text",
    [
        "NOTE: See memorandum Quennell to Marchbanks dated 9/12/66 which approved the plan.\n",
        "Files: Memo, Quennell to Marchbanks, 14 March 1963; the rest is missing.\n",
        "The folder holds a memo from Mr. Quennell to Marchbanks about the case.\n",
    ],
)
def test_both_officers_of_a_cited_memorandum_are_people(text):
    names = _names(text)
    assert "Quennell" in names
    assert "Marchbanks" in names


def test_stations_offices_and_acronyms_are_not():
    text = (
        "A cable from Montevideo to Lisbon came first.\n"
        "The letter from ARRB to Headquarters followed, and a memo from Staff to Exec.\n"
    )
    assert _names(text) == []
