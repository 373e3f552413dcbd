"""Names written surname first in the fields of forms and name-trace lists (round 13, names29:
JFK records of the unlabelled pool, seeds 8383 and 8384, and set 4's tune part): a middle
initial without its full stop or a second given name ending the field, a form's rule or a
fill-in line before the name, and Hispanic names with both surnames ("QUINTERO Valdivia,
Rosendo").

The person rules run without the NER model (``find_people(text, ner)``). All text is
synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people


def _names(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, [])]


def _covers(text: str, name: str) -> bool:
    """One person span covers the whole of ``name`` (its first occurrence)."""
    s = text.index(name)
    return any(p.start <= s and s + len(name) <= p.end for p in find_people(text, []))


def test_a_middle_initial_after_a_given_name_in_capitals_keeps_the_name_whole():
    # a surname that is also an English word: only the form's shape vouches for it
    text = "Document Information\nORIGINATOR: FBI\nFROM: PREWITT, WILFRED T.\nTO: DIRECTOR\n"
    assert _covers(text, "PREWITT, WILFRED")
    text = "REPORT OF FINDINGS\n\nMARCHBANKS, DELPHINE B\n\nDOCUMENT TYPE : PAPER\n"
    assert _covers(text, "MARCHBANKS, DELPHINE")


def test_a_rule_or_a_fill_in_line_before_the_name():
    text = "SUBJECTS :\n| PREWITT, BERNADETTE K. (INTERVIEW) :\n"
    assert _covers(text, "PREWITT, BERNADETTE")
    text = "Cienfuegos\nLaborer\n\n~~ PREWITT-QUINTERO, Wilfred\n"
    assert "PREWITT-QUINTERO, Wilfred" in _names(text)
    text = "Location of Defendant\n\nDefendant_OSTRANDER, WILFRED EUSEBIO\n\n(Surname - First)\n"
    assert _covers(text, "OSTRANDER, WILFRED EUSEBIO")


def test_codes_measures_and_lists_in_the_widened_shape_are_no_names():
    assert _names("PAGES: 10\n| SUBJECTS :\n| MIRR, ACA, QDX, TP\n") == []
    text = "MEDIUM BUILD, ABOUT 170\n\nPOUNDS, HAIR DARK\n"
    assert _names(text) == []


def test_both_surnames_of_a_hispanic_name_written_surname_first():
    text = "WAS AN AGENT IN 1961:\n\nQUINTERO Valdivia, Rosendo\n\nLeader of an exile group.\n"
    s = text.index("QUINTERO")
    assert (s, s + len("QUINTERO Valdivia, Rosendo")) in [
        (p.start, p.end) for p in find_people(text, [])
    ]
    text = "Subject: traces on ARREDONDO Zamora, Eusebio Rosendo and others.\n"
    assert "ARREDONDO Zamora, Eusebio Rosendo" in _names(text)


def test_both_surnames_in_capitals_at_the_start_of_a_field():
    text = "MEMORANDUM FOR RECORD\n10/15/62\n\n: QUINTERO VALDIVIA, ROSENDO T\n\nSUBJECT: TRIP\n"
    assert _covers(text, "QUINTERO VALDIVIA, ROSENDO")
    text = "INFORMATION REPORT\n04/11/61\n\nARREDONDO ZAMORA, EUSEBIO\n\nSUBJECT: TRIP\n"
    assert _covers(text, "ARREDONDO ZAMORA, EUSEBIO")


def test_both_surnames_in_capitals_inside_a_line_of_capitals_are_not_taken_whole():
    # mid-line, "X Y, GIVEN" in capitals is as often the end of one name and a list's next one
    text = "THE MEETING WAS ATTENDED BY ARREDONDO ZAMORA, EUSEBIO AND OTHERS.\n"
    assert "ARREDONDO ZAMORA, EUSEBIO" not in _names(text)


def test_a_heading_or_a_place_after_a_word_in_capitals_is_no_two_surname_name():
    assert _names("Source: FBI Files, Offices of the Attorneys.\n") == []
    text = "Meetings were held in the city.\n\nHALVORSEN Atlanta, Georgia known associate\n"
    assert "HALVORSEN Atlanta, Georgia" not in _names(text)


def test_a_quoted_given_name_that_is_a_word_after_asking_or_talking():
    text = '2:20P Subject called the number. Asked "Dolly" if he was there.\n'
    s = text.index("Dolly")
    assert [(p.start, p.end) for p in find_people(text, [])] == [(s, s + 5)]
    assert _names('The caller learned that "Dusty" had left for the airport.\n') == ["Dusty"]
    assert _names('The informant talked to "Rusty" about the shipment.\n') == ["Rusty"]


def test_a_quoted_word_after_said_or_called_or_a_month_is_no_name():
    assert _names('He said "Soon" and left the room.\n') == []
    assert _names('A plan called "Hope" was drafted.\n') == []
    assert _names('The meeting was put off for "May" at the latest.\n') == []


def _joined(text: str, parts: list[str]) -> list[str]:
    """What ``_join_broken`` makes of the spans ``parts`` (first occurrences) of ``text``."""
    from redactcheck.detect.pii.name_words import name_words
    from redactcheck.detect.pii.person_cues import _join_broken
    from redactcheck.detect.pii.person_scores import PersonSpan

    spans = [PersonSpan(text.index(w), text.index(w) + len(w), 0.8, "ner") for w in parts]
    return [text[p.start : p.end] for p in _join_broken(text, spans, name_words())]


def test_a_middle_initial_without_its_full_stop_joins_given_name_and_surname():
    text = "The office reported that Delphine B Marchbanks nee Ostrander wrote.\n"
    assert _joined(text, ["Delphine", "Marchbanks"]) == ["Delphine B Marchbanks"]
    assert _joined(text, ["Delphine B", "Marchbanks"]) == ["Delphine B Marchbanks"]
    text = "ALSO PRESENT WERE WILFRED A MARCHBANKS AND TWO OTHERS.\n"
    assert _joined(text, ["WILFRED", "MARCHBANKS"]) == ["WILFRED A MARCHBANKS"]


def test_no_join_without_a_listed_given_name_or_across_cases():
    text = "He met Quennell A Marchbanks today.\n"
    assert _joined(text, ["Quennell", "Marchbanks"]) == ["Quennell", "Marchbanks"]
    text = "He met Delphine A MARCHBANKS today.\n"
    assert _joined(text, ["Delphine", "MARCHBANKS"]) == ["Delphine", "MARCHBANKS"]
