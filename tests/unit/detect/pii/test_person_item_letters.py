"""Letters that label a question or a cited reference are no initials (person_item_letters.py),
and "SA" before an FBI agent's name, a church rank and a county's or court's office are titles
(rules/lexicons/titles.yaml): the person is the name beside them, the title alone no one.

All text is invented; every name is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.person_item_letters import item_letter
from redactcheck.detect.pii.person_rules import find_people


def _found(text: str) -> list[str]:
    people = find_people(text, [])
    return [text[p.start : p.end] for p in people]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ANNEX IS GUARDED. H. HOW DOES POST RATE THE GUARDS?", "H. HOW"),
        ("*A. WHY IS MY NAME IN THESE RECORDS?", "A. WHY"),
        ("B. WHERE WERE THE FILES KEPT?", "B. WHERE"),
        ("AS NOTED IN REF E. TRADE OFFICERS WOULD WELCOME MORE", "E. TRADE"),
        ("AS NOTED IN REFS F AND H. TRADE OFFICERS WOULD WELCOME", "AND H. TRADE"),
        ("see Reftel C. Quarterly figures follow", "C. Quarterly"),
    ],
)
def test_a_lettered_question_or_reference_is_no_initial(text, name):
    assert item_letter(text, text.index(name), name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("THE MINISTER. J. QUARLEY SAID THE POST WAS SAFE", "J. QUARLEY"),
        ("REFERRED TO T. WHITBY FOR ACTION", "T. WHITBY"),
        ("met with Orvell R. Tansley on Monday", "Orvell R. Tansley"),
        ("PREFECT E. MARROWBY ATTENDED", "E. MARROWBY"),
    ],
)
def test_an_initial_before_a_name_is_kept(text, name):
    assert not item_letter(text, text.index(name), name)


def test_a_questionnaire_lends_no_surname_to_its_other_questions():
    # a cable's questions run on in one paragraph; a letter at a line's start was never read
    text = (
        "THE ANNEX IS GUARDED BY TWELVE MEN. H. HOW DOES POST RATE THE GUARDS? WELL. "
        "I. HOW EFFECTIVE ARE THE PATROLS? GOOD. ASK HOW THE SHIFTS RUN.\n"
        "RSO J. QUARLEY KEEPS THE ROSTER.\n"
    )
    found = _found(text)
    assert not any("HOW" in f for f in found)
    assert "J. QUARLEY" in found


def test_a_cited_reference_lends_no_surname_to_the_text():
    text = (
        "SUBJECT: GEOSPATIAL REPORTING\n"
        "1. ANALYSTS THANK POST. AS NOTED IN REF C. GEOSPATIAL OFFICERS WOULD WELCOME "
        "MORE, AS NOTED IN REFS A AND B. GEOSPATIAL DATA HELP. AMBASSADOR ORVELL TANSLEY "
        "AGREED.\n"
    )
    found = _found(text)
    assert not any("GEOSPATIAL" in f for f in found)
    assert "ORVELL TANSLEY" in found


def test_an_fbi_special_agent_is_named_without_his_title():
    text = (
        "On May 3, 1963, SA ORVAL T. QUENBY contacted PCI MARTA HOLLIWELL, who said "
        "she did not know the subject. SA QUENBY also contacted ODELL TARRIS.\n"
    )
    found = _found(text)
    assert "ORVAL T. QUENBY" in found
    assert "QUENBY" in found
    assert not any(f.startswith("SA") for f in found)


def test_sa_before_a_word_in_lower_case_names_no_one():
    # the FBI types its agents' names in capitals; "SA Qo" is what a bad scan leaves
    text = "Revised Feb. 1963\n\nSA Qo Df ef lm a\n\nSA ORVAL T. QUENBY interviewed TARRIS.\n"
    found = _found(text)
    assert "ORVAL T. QUENBY" in found
    assert not any("Qo" in f or "Df" in f for f in found)


def test_a_church_rank_alone_names_no_one():
    text = (
        "Cardinal Quellano met the Ambassador on Monday. The Cardinal said the church "
        "would open two schools, and Msgr. Tarrisca agreed.\n"
    )
    found = _found(text)
    assert "Quellano" in found
    assert "Tarrisca" in found
    assert not any("Cardinal" in f for f in found)


def test_a_county_office_after_a_name_names_no_one():
    text = (
        "Records checked by:\n\nMARTA QUENBY, Clerk,\nDivision of Records\n\n"
        "ODELL TARRIS, Clerk\n\nOffice of the Sheriff\n\nSheriff ORVIS HALLOWAY agreed.\n"
    )
    ner = [(m, m + len("Clerk"), "PERSON") for m in (text.index("Clerk"), text.rindex("Clerk"))]
    people = find_people(text, ner)
    found = [text[p.start : p.end] for p in people]
    assert "ORVIS HALLOWAY" in found
    assert not any("Clerk" in f or "Sheriff" in f for f in found)


def test_sa_after_a_comma_makes_no_name_of_the_words_before():
    # "SA" opens the agent's name; "Quellton, SA" is no "Ivo Penn, Director"
    text = "On May 3, 1963, at Quellton, SA ORVAL T. QUENBY interviewed ODELL TARRIS.\n"
    found = _found(text)
    assert "ORVAL T. QUENBY" in found
    assert "Quellton" not in found
