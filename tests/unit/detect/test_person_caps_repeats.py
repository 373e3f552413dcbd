"""A surname written in capitals three times or more inside the sentences of a record about one
person (round 11, names13: JFK records of the unlabelled pool, seeds 1818 and 1819).

The person rules run without the NER model (``find_people(text, ner)``) or with a made-up
place label. All text is synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people

_REPORT = (
    "The station met the subject's colleague in defection,\n"
    "MARCHETTI, only once. The meeting took place at his flat. Source only\n"
    "knows that MARCHETTI is leading a normal life as a teacher.\n"
    "Source described MARCHETTI as a quiet man, and the report about MARCHETTI ended.\n"
)


def _names(text: str, ner=()) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, list(ner))]


def test_a_surname_in_capitals_repeated_in_sentences_is_a_person():
    assert _names(_REPORT).count("MARCHETTI") == 4


def test_a_body_written_after_the_article_is_not():
    text = (
        "The alliance signed an agreement with the MARCHETTI group, and members of MARCHETTI\n"
        "met in May. Later MARCHETTI was dissolved, and MARCHETTI joined nothing.\n"
    )
    assert _names(text) == []


def test_without_a_cue_of_a_person_the_repetition_is_not_enough():
    text = (
        "Copies went to MARCHETTI, and the notes to MARCHETTI, and\n"
        "a file about MARCHETTI, with nothing else.\n"
    )
    assert _names(text) == []


def test_one_place_label_among_many_mentions_does_not_outweigh_it():
    start = _REPORT.index("MARCHETTI", _REPORT.index("knows"))
    one_place = [(start, start + len("MARCHETTI"), "GPE")]
    assert _names(_REPORT, one_place).count("MARCHETTI") == 4
    every_place = [
        (i, i + 9, "GPE") for i in range(len(_REPORT)) if _REPORT.startswith("MARCHETTI", i)
    ]
    assert "MARCHETTI" not in _names(_REPORT, every_place)
