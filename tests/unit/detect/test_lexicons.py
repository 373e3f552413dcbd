"""Every word list in rules/lexicons carries examples; these tests run them, so a list edited
by a reviewer still does what its comments say. Pure rules: no NER model needed."""

from __future__ import annotations

import re

import pytest

from redactcheck.detect.lexicons import load_lexicon, name_lexicon
from redactcheck.detect.pii.casing import restore_case
from redactcheck.detect.pii.contact_rules import is_phone
from redactcheck.detect.pii.person_rules import find_people

TITLES = load_lexicon("titles.yaml")["examples"]
NOT_PERSON = load_lexicon("not_person.yaml")["examples"]
CABLE = load_lexicon("cable_lines.yaml")["examples"]
PHONE = load_lexicon("phone.yaml")["examples"]


def _names(text: str, ner=()) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, list(ner))]


@pytest.mark.parametrize("example", TITLES["match"], ids=lambda e: e["text"][:30])
def test_title_examples_find_the_name(example):
    assert example["name"] in _names(example["text"])


@pytest.mark.parametrize("text", TITLES["no_match"])
def test_title_counter_examples_find_no_one(text):
    assert _names(text) == []


@pytest.mark.parametrize("text", NOT_PERSON["not_person"])
def test_words_the_model_mistakes_for_people_are_dropped(text):
    # even when the NER model calls the whole string a person
    assert _names(text, [(0, len(text), "PERSON")]) == []


@pytest.mark.parametrize("text", NOT_PERSON["person"])
def test_real_names_survive_the_filters(text):
    assert _names(text, [(0, len(text), "PERSON")]) == [text]


@pytest.mark.parametrize("line", CABLE["match"])
def test_cable_routing_lines_are_recognised(line):
    assert name_lexicon().cable_line.match(line)


@pytest.mark.parametrize("line", CABLE["no_match"])
def test_subject_and_body_lines_are_not_routing_lines(line):
    assert not name_lexicon().cable_line.match(line)


_NUMBER = re.compile(r"[+(]?\d[\d ()./-]*\d")


@pytest.mark.parametrize("text", PHONE["match"])
def test_phone_shapes_are_kept(text):
    assert any(is_phone(text, m.start(), m.end()) for m in _NUMBER.finditer(text))


@pytest.mark.parametrize("text", PHONE["no_match"])
def test_resolution_case_and_file_numbers_are_not_phones(text):
    assert not any(is_phone(text, m.start(), m.end()) for m in _NUMBER.finditer(text))


def test_case_restoration_keeps_length_and_acronyms():
    text = (
        "FM AMEMBASSY OSLO\n"
        "1. (C) THE DPRK AND MOFA BRIEFED AMBASSADOR INGRID HALVORSEN ON UNSCR 1874.\n"
        "Classified By: DCM ROALD SKAGEN FOR REASONS 1.4(B)\n"
        "lower-case line stays as it is.\n"
    )
    restored = restore_case(text)
    assert len(restored) == len(text)
    lines = restored.splitlines()
    assert lines[0] == "FM AMEMBASSY OSLO"  # routing lines are left alone
    assert "DPRK" in lines[1] and "MOFA" in lines[1] and "UNSCR" in lines[1]
    assert "Ambassador Ingrid Halvorsen" in lines[1]
    assert "DCM Roald Skagen" in lines[2] and lines[2].startswith("Classified By:")
    assert lines[3] == "lower-case line stays as it is."


def test_signature_line_at_the_end_of_a_cable():
    body = "1. (S) THE MINISTER SAID NOTHING NEW.\n" * 3
    text = body + "\nHALVORSEN\n"
    assert _names(text) == ["HALVORSEN"]
    # the same word in the middle of a long cable, as a heading, is not a signature
    text = "HALVORSEN\n\n" + "1. (S) THE MINISTER SAID NOTHING NEW.\n" * 12
    assert _names(text) == []


def test_propagation_reports_every_mention_with_exact_offsets():
    text = (
        "Ambassador Siri Halvorsen met the minister. Later Halvorsen wrote a note;\n"
        "HALVORSEN also signed the annex.\n"
    )
    people = find_people(text, [])
    assert [text[p.start : p.end] for p in people] == ["Siri Halvorsen", "Halvorsen", "HALVORSEN"]
    assert people[0].score > people[1].score  # the title-cued mention is the surest


def test_apposition_between_commas_is_a_name():
    text = "Our courier, Wendeline Aasgaard, reports that the road is closed.\n"
    assert _names(text) == ["Wendeline Aasgaard"]
    # a place set off by commas and followed by "and" is not taken for a person
    assert _names("They sailed from the port, Kestrel Haven, and on to sea.\n") == []


def test_ordinary_words_and_headings_are_not_names_even_if_the_model_says_so():
    text = "Harbour Bread, the Long Proof\n\nShape the dough.\nBake for an hour, then bake again.\n"
    heading = text.index("Harbour Bread")
    bake = text.index("Bake")
    ner = [(heading, heading + len("Harbour Bread"), "PERSON"), (bake, bake + 4, "PERSON")]
    assert _names(text, ner) == []
    # the same words as a form field or in a sentence are left to the model
    text = "FROM: Deputy Coordinator Ilse Marwick\n\nIlse Marwick wrote the note.\n"
    start = text.index("Ilse Marwick wrote")
    names = _names(text, [(start, start + 12, "PERSON")])
    assert names == ["Ilse Marwick", "Ilse Marwick"]


def test_title_trie_matches_like_the_longest_first_alternation():
    """The title regex is a character trie for speed; it must pick exactly what a plain
    alternation of every title, longest first, picks, at every position of texts built
    from title pieces (prefixes of one another, spacing, case, dots)."""
    import random

    from redactcheck.detect.lexicons import trie_alternation

    lex = name_lexicon()
    plain = re.compile(
        "|".join(
            re.escape(t).replace(r"\ ", r"\s+") for t in sorted(lex.titles, key=len, reverse=True)
        )
    )
    trie = re.compile(lex.title_regex)
    assert lex.title_regex == trie_alternation(lex.titles)
    rnd = random.Random(5)
    titles = sorted(lex.titles)
    pieces = [*titles, " ", "  ", "\n", ".", "-", "Larkin", "of", "General", "Deputy"]
    checked = 0
    for _ in range(400):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        for pos in range(len(text)):
            a, b = plain.match(text, pos), trie.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)
            checked += a is not None
    assert checked > 500  # titles were found, not only misses
