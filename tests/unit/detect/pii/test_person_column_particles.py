"""Joined-particle surnames with an inner capital in a column of names
(person_column_particles.py): reported between reported column entries, never alone.

All text is invented; every name is made up.
"""

from __future__ import annotations

import re

import pytest

from redactcheck.detect.pii.person_column_particles import particle_columns
from redactcheck.detect.pii.person_scores import PersonSpan


def _found(text: str, reported: list[str]) -> list[str]:
    """What ``particle_columns`` adds, given the names already reported in ``text``."""
    people = []
    for name in reported:
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        assert m, name
        people.append(PersonSpan(m.start(), m.end(), 0.8, "name-column"))
    people.sort(key=lambda p: p.start)
    out: list[str] = []
    particle_columns(text, people, lambda s, e, basis: out.append(text[s:e]))
    return out


_SLIP = (
    "Tallowby\n\nQuennell -\n\nMarchbank\n\nDeVander\n\nOrrisford\n\nKettering JRW\n\nTele. Room\n"
)


def test_entry_between_reported_entries_is_reported() -> None:
    assert _found(_SLIP, ["Tallowby", "Quennell", "Marchbank", "Orrisford", "Kettering"]) == [
        "DeVander"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Marchbank\nVanTallow\nOrrisford\n",  # single-spaced box
        "Marchbank\n\n* LaQuenne.\n\nOrrisford -\n",  # ticks before, a blank after
        "Mr. Marchbank\n\n1\n\nMr.\n\nDiMarchi\n\n- Mr. Orrisford\n",  # "Mr." lines of a slip
    ],
)
def test_entry_shapes_of_a_routing_box(text: str) -> None:
    assert len(_found(text, ["Marchbank", "Orrisford"])) == 1


def test_one_reported_neighbour_and_a_bare_entry_suffice() -> None:
    # OCR damaged the entry below past the name lists: a bare capitalised word still
    assert _found("Marchbank\n\nDuBreck\n\nOrrisfard -\n", ["Marchbank"]) == ["DuBreck"]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # no reported neighbour at all: two bare words are no evidence of a column
        ("Marchbank\nDeVander\nOrrisford\n", []),
        # prose on the other side
        ("Marchbank\nDeVander\nthe shipment was delayed at the northern ports\n", ["Marchbank"]),
        # a heading in capitals, not a column entry
        ("SUMMARY OF FINDINGS\nDeVander\nMarchbank\n", ["Marchbank"]),
        # the word inside a line of prose, not alone on its line
        ("Marchbank\nwe met DeVander in the lobby\nOrrisford\n", ["Marchbank", "Orrisford"]),
        # a neighbour line with more words than one name is no column entry
        ("Orla Marchbank and Ivo Tallowby\nDeVander\nOrrisford\n", ["Marchbank", "Orrisford"]),
    ],
)
def test_no_column_no_report(text: str, reported: list[str]) -> None:
    assert _found(text, reported) == []


def test_offsets_are_exact() -> None:
    text = "Marchbank\n\nDeVander\n\nOrrisford\n"
    people = [PersonSpan(0, 9, 0.8, "name-column"), PersonSpan(21, 30, 0.8, "name-column")]
    spans: list[tuple[int, int]] = []
    particle_columns(text, people, lambda s, e, basis: spans.append((s, e)))
    assert spans == [(11, 19)] and text[11:19] == "DeVander"


def test_find_people_reports_the_entry_of_a_routing_box() -> None:
    from redactcheck.detect.pii.person_rules import find_people

    text = (
        "ROUTING\n\nHartley\n\nMarchetti\n\nDeVander\n\nOkafor -\n\nWhitcombe\n\nTele. Room\n\n"
        "The memorandum was filed on Monday.\n"
    )
    found = {text[p.start : p.end] for p in find_people(text, [])}
    assert {"Hartley", "Marchetti", "DeVander", "Whitcombe"} <= found
