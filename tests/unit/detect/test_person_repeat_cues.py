"""A census surname a clean memorandum writes three times or more inside its sentences, with a
person's cue at one mention, whatever the model's scattered labels say (round 11, names13: JFK
records of the unlabelled pool, seeds 1818 and 1819).

The person rules run with made-up model labels. All text is synthetic; every name is invented.
"""

from __future__ import annotations

import re

from redactcheck.detect.lexicons import name_lexicon
from redactcheck.detect.pii.name_candidates import Judge
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_repeat_cues import repeat_cues
from redactcheck.detect.pii.person_rules import find_people

_MEMO = (
    "During the evening of the reception the officer spoke with Marchetti about the visas.\n"
    "Since that evening Marchetti has only phoned the officer once, and the visas went\n"
    "through Marchetti as before. The officer believes that Marchetti mentioned his return.\n"
)


def _names(text: str, ner) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, list(ner))]


def _labels(text: str, word: str, labels: list[str]) -> list[tuple[int, int, str]]:
    starts = [i for i in range(len(text)) if text.startswith(word, i)]
    return [(s, s + len(word), label) for s, label in zip(starts, labels, strict=False)]


def test_a_surname_acting_as_a_person_outweighs_scattered_labels():
    ner = _labels(_MEMO, "Marchetti", ["ORG", "ORG", "GPE"])
    assert _names(_MEMO, ner).count("Marchetti") == 4


def test_the_model_calling_it_a_place_at_most_mentions_still_vetoes_it():
    ner = _labels(_MEMO, "Marchetti", ["GPE", "GPE", "GPE", "GPE"])
    assert "Marchetti" not in _names(_MEMO, ner)


def _added(text: str, ner) -> list[str]:
    """What ``repeat_cues`` itself proposes (other rules may find the same words)."""
    lower = set(re.findall(r"(?<![\w-])[a-z][a-z'-]*", text))
    judge = Judge(text, name_lexicon(), name_words(), lower, set(), set())
    out: list[str] = []
    repeat_cues(text, judge, lambda s, e, basis: out.append(text[s:e]), ner)
    return out


def test_the_rule_proposes_each_mention_of_the_cued_surname():
    ner = _labels(_MEMO, "Marchetti", ["ORG", "ORG", "GPE"])
    assert _added(_MEMO, ner).count("Marchetti") >= 3


def test_a_firm_that_announces_and_operates_is_not_proposed():
    text = (
        "The contract went to Marchetti last year. The ministry later pressed Marchetti to\n"
        "expand, and Marchetti announced a new field; Marchetti operates two plants.\n"
    )
    assert _added(text, _labels(text, "Marchetti", ["ORG"] * 4)) == []


def test_a_name_written_after_the_article_is_not_proposed():
    text = _MEMO + "The Marchetti Company bought the building.\n"
    assert _added(text, []) == []
