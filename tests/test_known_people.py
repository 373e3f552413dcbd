"""Lone surnames of era figures and FBI routing-box names: the examples of
rules/lexicons/known_people.yaml run through the person rules (no NER model)."""

from __future__ import annotations

import pytest

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.person_rules import find_people

EXAMPLES = load_lexicon("known_people.yaml")["examples"]


def _names(text: str) -> list[str]:
    people = find_people(text, [])
    for p in people:
        assert p.end > p.start
    return [text[p.start : p.end] for p in people]


@pytest.mark.parametrize("example", EXAMPLES["match"], ids=lambda e: e["text"][:25])
def test_known_people_are_found(example):
    assert example["name"] in _names(example["text"])


@pytest.mark.parametrize("text", EXAMPLES["no_match"])
def test_known_people_counter_examples(text):
    assert _names(text) == []


def test_routing_names_need_a_routing_box():
    # ordinary surnames of the routing list are not people by themselves
    assert _names("Sullivan Street and Conrad Avenue meet here.") == []
    box = "Mr. Memo text.\nTolson __\nEvans\nSullivan __\nTele. Room\n"
    assert {"Tolson", "Evans", "Sullivan"} <= set(_names(box))


def test_figure_written_as_ordinary_word_is_skipped():
    assert "Hoover" not in _names("Hoover the rug; then hoover the hall.")


def test_ocr_tolerance_only_for_the_first_word_of_a_box_line():
    # "travel" is one edit from a listed name, but it stands mid-sentence, not in the box
    box = "Bureau memo.\nThe agent would travel in May.\nTolson __\nBelmont\nTele. Room\n"
    names = _names(box)
    assert "travel" not in names and {"Tolson", "Belmont"} <= set(names)
