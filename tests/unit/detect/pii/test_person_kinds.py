"""Closed classes that are never a person (person_kinds.py): pronouns, continents and bills of
Congress are dropped whatever found them, and real names beside them are still reported.

All text is invented; every name is made up.
"""

from __future__ import annotations

import re

import pytest

from redactcheck.detect.pii.person_kinds import drop_kinds, kind_of, territory_places
from redactcheck.detect.pii.person_rules import find_people
from redactcheck.detect.pii.person_scores import PersonSpan


def _kind(text: str, part: str) -> str:
    start = text.index(part)
    return kind_of(text, start, start + len(part))


@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [
        ("SOURCE SAID HIS PARTNER LEFT HIM IN QUELLTON", "HIM", "closed-class"),
        ("WE TOLD YOU THE SHIPMENT WAS LATE", "YOU", "closed-class"),
        ("TANSLEY IS CAREFUL BUT SLOW", "BUT", "closed-class"),
        ("INFORMANT CG NINE TWO ONE DASH C ADVISED", "NINE", "closed-class"),
        ("a pact signed by the United States of America in 1850", "America", "continent"),
        ("CONSULATE OF THE UNITED STATES OF AMERICA, QUELLTON", "AMERICA", "continent"),
        ("Orvell, Dana. Harbour Lights: America’s Trade, 1890-1910.", "America", "continent"),
        ("Our consul in San Marino wrote twice", "Marino", "place"),
        ("a flight from Miami to San Pedro Sula", "Pedro Sula", "place"),
        ("SOURCE FLEW TO SAN\nJUAN ON MONDAY", "JUAN", "place"),
        ("a petition from the State of Quellmark reached us", "Quellmark", "territory"),
        ("Consul for the Kingdom of\nWurtland in Quellton", "Wurtland", "territory"),
        ("(To accompany Bill H. R. No. 312)", "Bill H. R. No", "bill"),
        ("reported back, with Senate Bill No. 27.", "Bill No", "bill"),
        ("(To accompany Senate Bill 41.)", "Bill", "bill"),
        ("(To accompany Bill H.R. No. 90.)", "Bill", "bill"),
    ],
)
def test_a_closed_class_word_is_no_person(text, part, kind):
    assert _kind(text, part) == kind


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Bill Quennard told the committee he would resign.", "Bill Quennard"),
        ("The memo was drafted by Bill and sent to the desk.", "Bill"),
        ("Copies went to Wenna Bill and the Consul.", "Wenna Bill"),
        ("Mrs. Asia Tallowby chaired the panel.", "Asia"),
        ("HIMMEL AND OKAFOR MET THE SOURCE", "HIMMEL"),
        ("Will Quennard and May Tallowby signed the memo.", "Will"),
        ("Will Quennard and May Tallowby signed the memo.", "May"),
        ("Yousef Karimi called on the Ambassador.", "Yousef Karimi"),
        ("SOURCE SAW SANTO QUELLARDI AT THE CLUB", "QUELLARDI"),
        ("Lieutenant Orvel San Brandel landed at dawn.", "Brandel"),
    ],
)
def test_a_name_beside_those_words_is_kept(text, part):
    assert _kind(text, part) == ""


def test_drop_kinds_keeps_the_people_and_drops_the_rest():
    text = "SOURCE TOLD HIM THAT ORVAL PENNICK LIVED IN THE UNITED STATES OF AMERICA"
    spans = [
        PersonSpan(text.index(w), text.index(w) + len(w), 0.5, "propagated")
        for w in ("HIM", "ORVAL PENNICK", "AMERICA")
    ]
    kept = drop_kinds(text, spans)
    assert [text[p.start : p.end] for p in kept] == ["ORVAL PENNICK"]


def test_territory_places_reads_the_name_after_a_territory_noun():
    text = "The Duchy of Quellmark and the KINGDOM OF GREAT BRITAIN; a State of emergency"
    assert territory_places(text) == {"quellmark", "great britain"}


def test_a_territory_is_no_person_at_any_mention():
    text = (
        "The Duchy of Quellmark issued its own coins. In 1802 Quellmark joined a customs "
        "union, and Orvell Tansley, the consul, reported that Quellmark had prospered."
    )
    # the model calls the later mentions and the consul a person; the duchy names none
    ner = [(m.start(), m.end(), "PERSON") for m in re.finditer("Quellmark", text)][1:]
    ner.append((text.index("Orvell"), text.index(" the consul") - 1, "PERSON"))
    found = {text[p.start : p.end] for p in find_people(text, ner)}
    assert "Quellmark" not in found
    assert "Orvell Tansley" in found


def test_an_ocr_damaged_word_found_as_a_lone_surname_is_dropped_and_only_then():
    text = "a letter from the Quellish Embassv to Tarnford, signed by Orvell Tansley."
    start = text.index("Embassv")
    lone = PersonSpan(start, start + len("Embassv"), 0.5, "lone-surname")
    spread = PersonSpan(start, start + len("Embassv"), 0.5, "propagated")
    name = PersonSpan(text.index("Orvell"), text.index("Orvell") + 14, 0.5, "lone-surname")
    assert drop_kinds(text, [lone, name]) == [name]
    assert drop_kinds(text, [spread]) == [spread]


def test_the_places_of_a_list_of_consular_posts_are_no_person():
    text = (
        "Posts of the consular service:\n\nQuellport (1802-1950)\n\n"
        "Tarnby (1871-?)\n\nOrrin Vale (1855-1911)\n\nHassock (1820-1938)\n\n"
        "Cornelius Tansley (1852-1927) served at Quellport."
    )
    spans = [
        PersonSpan(text.index(w), text.index(w) + len(w), 0.5, "propagated")
        for w in ("Tarnby", "Orrin Vale", "Cornelius Tansley")
    ]
    kept = drop_kinds(text, spans)
    assert [text[p.start : p.end] for p in kept] == ["Cornelius Tansley"]


def test_a_list_of_lives_led_by_given_names_is_kept():
    text = (
        "Staff\n\nCornelius Tansley (1852-1927)\n\nMarta Quell (1861-1933)\n\n"
        "John Orrin (1874-1944)\n"
    )
    spans = [
        PersonSpan(text.index(w), text.index(w) + len(w), 0.5, "list-names")
        for w in ("Cornelius Tansley", "Marta Quell", "John Orrin")
    ]
    assert drop_kinds(text, spans) == spans


@pytest.mark.parametrize(
    "text",
    [
        "the Duchy of Quellmark and the Kingdom of Tarrowmere",
        "XState of State of Quellmark",  # glued to a word: skipped, the one inside still read
        "-Duchy of Quellmark, ’Province of Orrindale, (Canton of Vellhaus",
        "STATE OF\nMARROWDENE; UNIVERSITY  OF  TALLOWBY PRESS",
        "Province of",
        "",
    ],
)
def test_territory_names_reads_what_a_look_behind_pattern_would(text):
    """person_kinds keeps the look-behind out of the pattern for speed; the matches must be
    those of the pattern with it."""
    from redactcheck.detect.pii import person_kinds

    with_look_behind = re.compile(r"(?<![\w'’-])" + person_kinds._TERRITORY_NAME.pattern)
    want = [(m.span(), m.group("name")) for m in with_look_behind.finditer(text)]
    got = [(m.span(), m.group("name")) for m in person_kinds._territory_names(text)]
    assert got == want
