"""A town standing in a run or a column of places, or after "Consulates at", reported as a
name, is no person (person_place_lists.drop_place_lists); lists of people stay people, with
their towns beside them.

All text is invented; every person's name and every town not in the gazetteer is made up (the
known neighbours are real cities and countries, as a post list names them).
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_place_lists import drop_place_lists
from redactcheck.detect.pii.person_scores import PersonSpan


def _span(text: str, part: str, basis: str, nth: int = 0) -> PersonSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return PersonSpan(start, start + len(part), 0.6, basis)


def _kept(text: str, people: list[PersonSpan]) -> list[str]:
    return [text[p.start : p.end] for p in drop_place_lists(text, people, name_words())]


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        # inside a run: known places on both sides
        ("Ships called at Lisbon, Quellport, Porto and Cadiz in 1820.", "Quellport", "ner-single"),
        # the run's last item after two known places
        ("Smuggling runs through Marseille, Genoa and Tarnwick.", "Tarnwick", "lone-surname"),
        # the run's first item before two known places closed by "and"
        ("Vessholm, Hamburg and Bremen kept consuls.", "Vessholm", "ner-single"),
        # after a post noun and "at"/"in": every town of the run
        ("The consulates at Quellport, Tarnby and Vessholm closed.", "Tarnby", "lone-surname"),
        ("THE U.S. CONSULATE IN MARBELLO ADVISED.", "MARBELLO", "context"),
        ("Embassy posts: Quellport, Tarnby.", "Quellport", "list-unknown"),
        # a column of towns, one a line
        ("POSTS\nMadrid\nQuellport\nLisbon\n", "Quellport", "name-column"),
    ],
)  # fmt: skip
def test_a_town_in_a_run_of_places_is_no_person(text, part, basis):
    assert _kept(text, [_span(text, part, basis)]) == []


def test_offsets_and_spread_copies():
    text = "Trade moved to Oslo, Tarnwick and Bergen.\nTarnwick prospered; Orla Venn stayed."
    people = [
        _span(text, "Tarnwick", "ner-single"),
        _span(text, "Tarnwick", "propagated", nth=1),
        _span(text, "Orla Venn", "list-names"),
    ]
    out = drop_place_lists(text, people, name_words())
    assert [(p.start, p.end) for p in out] == [(62, 71)]
    assert text[62:71] == "Orla Venn"


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        # a list of people: no neighbour is a place
        ("Present were Quenby, Tallowby and Marrick.", "Tallowby", "list-surname-second"),
        # people carry their towns: a full name before its town and country stays
        ("Memorial of Orla Venn, Lyon, France, and Dr. Teodor Quist, Milan, Italy.",
         "Orla Venn", "list-names"),
        # a title vouches for the word even inside a run of places
        ("Visits to Paris, Consul Tarnby and Rome.", "Tarnby", "title"),
        # one place beside the span is not a run of places
        ("Quenby flew to Paris, Tallowby stayed.", "Tallowby", "lone-surname"),
        # a person between a town and a person
        ("From Lyon, Quenby and Orla Venn wrote.", "Quenby", "lone-surname"),
        # an address block: a surname above its town and state is a person
        ("MARRICK\nDALLAS\n", "MARRICK", "name-column"),
        # the span is part of a longer item ("Bonn with Quenby")
        ("They visited Paris, London and Bonn with Quenby.", "Quenby", "lone-surname"),
    ],
)  # fmt: skip
def test_people_in_lists_stay_people(text, part, basis):
    assert _kept(text, [_span(text, part, basis)]) == [part]


def test_a_surname_the_document_names_with_a_title_stays_between_towns():
    text = "Counsellor Orla Venn wrote.\nCables from Paris, Venn and Rome followed."
    people = [_span(text, "Orla Venn", "title"), _span(text, "Venn", "propagated", nth=1)]
    out = drop_place_lists(text, people, name_words())
    assert [text[p.start : p.end] for p in out] == ["Orla Venn", "Venn"]
    assert (out[1].start, out[1].end) == (47, 51)


def test_a_country_between_countries_when_the_cable_wraps_a_name():
    text = "Buyers came from Peru, the United \nStates, Quellmark, El Salvador and Chile."
    people = [_span(text, "Quellmark", "propagated")]
    assert _kept(text, people) == []
