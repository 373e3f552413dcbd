"""Hispanic double surnames in scanned records (issue 16, ninth sitting of 2026-12-07, branch
names36): the mother's surname after "y" belongs to the name found before it, and a found
hyphenated compound surname is also found where the scanner misread a letter in each part.

The person rules run without the NER model (``find_people(text, ner)``); a list of given names
or a title makes the first mention a confident name. All text is synthetic; every name is
invented.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people


def _spans(text: str) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in find_people(text, [])]


def _at(text: str, form: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(form, start + 1)
    return start, start + len(form)


def _covered(text: str, form: str) -> bool:
    start, end = _at(text, form)
    return any(s <= start and end <= e for s, e in _spans(text))


def test_second_surname_after_y_in_capitals_joins_the_name():
    text = "REPORT ON MARIA ELENA QUERALT Y MENDARO, BORN 1931 IN MATANZAS.\n"
    start, _ = _at(text, "MARIA")
    _, end = _at(text, "MENDARO")
    assert text[start:end] == "MARIA ELENA QUERALT Y MENDARO"
    assert (start, end) in _spans(text)
    # a listed surname needs no comma after it
    text = "REPORT ON MARIA ELENA QUERALT Y FERNANDEZ WHO LEFT FOR MADRID.\n"
    start, _ = _at(text, "MARIA")
    _, end = _at(text, "FERNANDEZ")
    assert (start, end) in _spans(text)


def test_second_surname_after_lower_case_y_joins_a_surname_in_capitals():
    text = "Subject met Jorge Luis QUERALT y Mendaro on 3 May.\n"
    start, _ = _at(text, "Jorge")
    _, end = _at(text, "Mendaro")
    assert (start, end) in _spans(text)


def test_y_before_a_spanish_word_or_a_firm_is_left_out():
    text = "REPORT ON MARIA ELENA QUERALT Y DESPUES SALIO PARA MADRID.\n"
    assert _at(text, "MARIA ELENA QUERALT") in _spans(text)  # "despues": no surname
    text = "Subject met Jorge Luis Tarraguel y Hermanos on 3 May.\n"  # a firm
    assert _at(text, "Jorge Luis Tarraguel") in _spans(text)


def test_a_misread_compound_surname_in_capitals_is_found():
    text = (
        "COL. RAIMUNDO QUINTANA-VELARDE ARRIVED ON MONDAY.\n"
        "SOURCE SAYS QUINTANA-VELAROE IS ILL.\n"
        "THE FILE ON OUINTANA-VELARBE WAS CLOSED.\n"
    )
    spans = _spans(text)
    assert _at(text, "QUINTANA-VELAROE") in spans  # D read as O
    assert _at(text, "OUINTANA-VELARBE") in spans  # a letter misread in each part


def test_a_misread_compound_surname_in_mixed_case_is_found():
    text = "Mr. Raimundo Quintana-Velarde arrived.\nThe file on Ouintana-Velarbe was closed.\n"
    assert _at(text, "Ouintana-Velarbe") in _spans(text)


def test_another_compound_or_two_letters_in_one_part_are_not_taken():
    text = (
        "COL. RAIMUNDO QUINTANA-VELARDE ARRIVED ON MONDAY.\n"
        "A CABLE ON QUINTANA-ROO SHIPPING CAME LATER.\n"
        "REPORT ON QUINTANA-VALURBE FOLLOWS.\n"
    )
    assert not _covered(text, "QUINTANA-ROO")
    assert not _covered(text, "QUINTANA-VALURBE")
