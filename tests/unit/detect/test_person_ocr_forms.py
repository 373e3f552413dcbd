"""Later mentions of a found name that OCR damaged in a way that can be undone exactly: a space
inside the word, a look-alike digit, a lowered first letter, a speck (issue 16, sixth sitting of
2026-12-07, branch names26).

The person rules run without the NER model (``find_people(text, ner)``); a title makes the
first mention a confident name. All text is synthetic; every name is invented, from several
naming traditions.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people


def _spans(text: str) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in find_people(text, [])]


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in _spans(text)]


def _has(text: str, form: str) -> bool:
    """``form`` is reported at its exact place (its last occurrence in ``text``)."""
    start = text.rindex(form)
    return (start, start + len(form)) in _spans(text)


def test_a_name_split_by_a_space_is_joined_back():
    text = (
        "Mrs. Folasade Adeyinka arrived at the consulate on Monday.\n"
        "The clerk said that ADEY INKA had already filed the form.\n"
    )
    assert _has(text, "ADEY INKA")


def test_look_alike_digits_are_read_as_their_letters():
    text = (
        "Mr. Kazimierz Wolanski met the attache in the morning.\n"
        "Later Wo1anski asked for the file, and WOLANSK1 signed it.\n"
    )
    assert _has(text, "Wo1anski")
    assert _has(text, "WOLANSK1")
    text = (
        "Captain Sigrun Bjornstad commanded the escort that week.\n"
        "The report of Bj0rnstad reached the desk two days later.\n"
    )
    assert _has(text, "Bj0rnstad")
    text = (
        "Dr. Esteban Salcedo-Ruiz gave evidence to the panel.\n"
        "The panel thanked Dr. 5ALCEDO for his patience.\n"
    )
    assert "5ALCEDO" in _names(text)


def test_a_lowered_first_letter_and_a_speck_inside_are_undone():
    text = (
        "Mr. Tobias Quennell met the courier at the station.\n"
        "The courier told quennell that the parcel was late, and Quen.nell left.\n"
    )
    assert _has(text, "quennell")
    assert _has(text, "Quen.nell")
    text = (
        "Ambassador Nguyen Van Thanhloc received the delegation.\n"
        "The delegation thanked Thanh'loc for the dinner.\n"
    )
    assert _has(text, "Thanh'loc")


def test_an_english_word_in_lower_case_is_the_word_not_the_name():
    text = (
        "Mrs. Ingrid Baker spoke first at the meeting.\n"
        "The baker on the corner sold bread to the staff.\n"
    )
    start = text.index("baker")
    assert all(not (s <= start < e) for s, e in _spans(text))


def test_a_short_name_lowered_without_other_damage_is_left_alone():
    text = "Dr. Arjun Mehta answered the letter.\nThe note mentions mehta once.\n"
    start = text.index("mehta")
    assert all(not (s <= start < e) for s, e in _spans(text))


def test_a_damaged_form_of_a_name_the_document_does_not_hold_is_left_alone():
    text = "The clerk wrote that Wo1anski and quennell had already filed the form.\n"
    assert _names(text) == []


def test_two_words_of_their_own_are_no_split_name():
    text = (
        "Mr. Osric Blackwell chaired the board.\n"
        "The BLACK WELL of the old mine was sealed, and the possessive Blackwel's is no speck.\n"
    )
    names = _names(text)
    assert "BLACK WELL" not in names
    assert not any("'s" in n for n in names)
