"""Head nouns OCR misread (person_ocr_heads.py): a street, a county, a body or a paper whose
head word a bad scan damaged is no person, and names beside such words are still reported.

All text is invented; every name is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_ocr_heads import damaged_head, drop_damaged_heads
from redactcheck.detect.pii.person_rules import find_people
from redactcheck.detect.pii.person_scores import PersonSpan


@pytest.mark.parametrize(
    "word",
    ["Avenne", "Coumty", "Distriet", "MOVIMIEMTO", "DEMOGRATICO", "Fondation", "Brigadas"],
)
def test_a_head_noun_as_ocr_misread_it_is_recognised(word):
    assert damaged_head(word, name_words())


@pytest.mark.parametrize(
    "word",
    [
        "Avenue",  # the head itself: the finders already know it
        "Trost",  # five letters: short heads sit one edit from surnames ("Trust")
        "Mottel",  # a surname one edit from the five-letter "Motel"
        "Jerald",  # a listed given name one edit from "Herald"
        "Harald",  # a given name the list lacks: "Herald" is left out
        "Staton",  # a listed surname one edit from "Station"
        "Secretario",  # the Spanish title before a name: "Secretaria" is left out
        "Vallen",  # "Valley" sits among listed surnames (Salley, Talley): left out
        "Strest",  # so does "Street" (Streit, Streat)
    ],
)
def test_names_and_short_words_near_a_head_are_not(word):
    assert not damaged_head(word, name_words())


def _span(text: str, part: str, basis: str = "propagated") -> PersonSpan:
    start = text.index(part)
    return PersonSpan(start, start + len(part), 0.9, basis)


def test_spans_holding_or_before_a_damaged_head_are_dropped_and_names_kept():
    text = (
        "Orvell Tansley met the informant at a diner on Quenby Avenne, then drove to the "
        "Harlow Coumty courthouse with Dana Marrowfield. Consul Trost of Quellmark came too."
    )
    people = [
        _span(text, "Orvell Tansley", "list-names"),
        _span(text, "Quenby Avenne"),
        _span(text, "Harlow", "lone-surname"),  # the span stops short of the misread head
        _span(text, "Dana Marrowfield", "list-names"),
        _span(text, "Trost", "title"),
    ]
    kept = {text[p.start : p.end] for p in drop_damaged_heads(text, people, name_words())}
    assert kept == {"Orvell Tansley", "Dana Marrowfield", "Trost"}


def test_find_people_drops_a_street_whose_head_ocr_misread():
    text = (
        "SUBJECT met ORVELL TANSLEY at his home, 4410 Quenby Avenne, on 3 May 1963.\n"
        "TANSLEY said the meeting was brief."
    )
    ner = [(text.index("Quenby"), text.index(", on"), "PERSON")]
    found = {text[p.start : p.end] for p in find_people(text, ner)}
    assert not any("Quenby" in f for f in found)
    assert any("TANSLEY" in f for f in found)


def test_a_title_with_an_elided_article_is_no_damaged_head():
    # "Affaires" alone is one edit from the head "Affairs"; the title keeps its article
    text = "The Charge d'Affaires J. Orvell Quellmanes signed the note."
    spans = [_span(text, part, "title") for part in ("d'Affaires J.", "Affaires J. Orvell")]
    kept = drop_damaged_heads(text, spans, name_words())
    assert kept == spans


@pytest.mark.parametrize("word", ["Enbassy", "EXBASSY", "Babassy", "Enbass", "Kmbassy"])
def test_a_misread_embassy_is_recognised(word):
    assert damaged_head(word, name_words())


@pytest.mark.parametrize("word", ["Embassy", "Massy", "Emboss"])
def test_embassy_itself_a_name_and_a_word_near_it_are_not(word):
    assert not damaged_head(word, name_words())


def test_a_misread_embassy_spread_as_a_name_is_dropped_and_the_attache_kept():
    text = (
        "Orvell Tansley, Press Attache of the Quellish Exbassy, met the consul.\n"
        "Tansley later visited the Babassy twice."
    )
    people = [
        _span(text, "Orvell Tansley", "list-names"),
        _span(text, "Exbassy", "title-office"),
        _span(text, "Babassy", "propagated-ocr"),
    ]
    kept = [text[p.start : p.end] for p in drop_damaged_heads(text, people, name_words())]
    assert kept == ["Orvell Tansley"]
