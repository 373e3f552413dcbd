"""Phone numbers as US reports and message slips of the 1960s-1990s write them in prose: the
whole number in brackets after a town, the area code before a slash. The recogniser's raw
candidates (libphonenumber) reach ``refine_results``; invented numbers."""

from __future__ import annotations

import phonenumbers

from redactcheck.detect.pii.refine import refine_results


def _phones(text: str) -> list[str]:
    raw = [
        ("PHONE_NUMBER", m.start, m.end, 0.4)
        for m in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID)
    ]
    hits = refine_results(text, raw, entities=["PHONE_NUMBER"])
    assert all(text[h.start : h.end] == h.text for h in hits)
    return [h.text for h in hits]


def test_a_number_in_brackets_after_a_town_is_the_number_without_its_bracket():
    report = "He keeps a home in Fairview, Florida (305-863-2417). He also keeps one in Dover."
    assert _phones(report) == ["305-863-2417"]


def test_an_area_code_before_a_slash_is_a_phone_number():
    slip = "Ida Penn of Dover, Del. 302/736-4415 called about the meeting."
    assert _phones(slip) == ["302/736-4415"]


def test_file_numbers_in_brackets_stay_quiet():
    assert _phones("see the main file (105-4417-12) and serial 44") == []
