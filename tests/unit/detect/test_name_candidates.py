"""Name candidates that do not need the NER model (issue 16): name lists, context, schedules,
lists, captions, document-level spreading, and what is never a person.

The person rules run here without model entities (``find_people(text, [])``), so these tests
are fast and say what the rules alone find. All text is synthetic; every name is made up.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.lexicons import name_lexicon
from redactcheck.detect.pii.name_candidates import is_cryptonym
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_rules import find_people


def _names(text: str) -> list[str]:
    people = find_people(text, [])
    for p in people:
        assert p.end > p.start
    return [text[p.start : p.end] for p in people]


def test_word_lists_are_loaded_and_answer_by_set_lookup():
    nw = name_words()
    assert len(nw.surnames) > 80_000 and len(nw.given) > 5_000 and len(nw.english) > 50_000
    assert nw.is_given("Lucia") and nw.is_given("Jean-Luc")
    assert nw.is_surname("Ferraro") and nw.is_surname("O'Shea")
    assert nw.is_english("Additionally") and nw.is_english("Medium-Sized")
    assert not nw.is_english("Okonkwo")
    assert not nw.plausible("Ltkvingcet") and nw.plausible("Venkataraman")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The memo was drafted by Lucia Ferraro last week.", "Lucia Ferraro"),
        ("THE MEMO WAS DRAFTED BY LUCIA FERRARO LAST WEEK.", "LUCIA FERRARO"),
        ("The minutes record that Wang Jianguo opposed it.", "Wang Jianguo"),
        ("A source reported that Harold HALVORSEN had left.", "Harold HALVORSEN"),
        ("The survey team included Tane Mahuta-Reihana and two clerks.", "Tane Mahuta-Reihana"),
    ],
)
def test_given_name_and_surname_lists_find_unknown_names(text, name):
    assert name in _names(text)


def test_reporting_context_finds_a_lone_surname_and_initials():
    found = _names("At noon Kettleby said the file was closed, and RJK noted the date.")
    assert "Kettleby" in found and "RJK" in found
    assert "He" not in _names("He said the file was closed.")
    assert _names("The DAO said nothing.") == []


def test_schedule_attendees_lists_and_calls():
    text = (
        "8:30 AM  STAFF MEETING (W/DANA HOLLOWAY)\n"
        "9:15 AM  MEETING W/AMB. PIETRO MARCHETTI & LINDQVIST\n"
        "10:00 AM BRIEFING (HARTLEY, BRENNAN, O'SHEA, WEXLER)\n"
        "11:00 AM ABERCROMBIE-FAIRWEATHER PHONE CALL\n"
        "12:30 PM LUNCH W/TM, LS\n"
    )
    found = _names(text)
    for name in ("DANA HOLLOWAY", "PIETRO MARCHETTI", "LINDQVIST", "HARTLEY", "BRENNAN",
                 "O'SHEA", "WEXLER", "ABERCROMBIE-FAIRWEATHER", "TM", "LS"):  # fmt: skip
        assert name in found, name


def test_case_caption_and_judge_panel():
    found = _names("In Abernathy v. Castellano the panel (HARLOW and PRESTON) ruled.")
    assert {"Abernathy", "Castellano", "HARLOW", "PRESTON"} <= set(found)
    assert _names("Sales rose sharply vs. BAU in the second quarter.") == []
    assert "Oyelowo-Brandt" in _names("Matter of Oyelowo-Brandt, Respondent\n")
    assert _names("It is a matter of Urgent Concern to the Board.") == []


def test_a_found_name_spreads_to_its_other_forms():
    text = (
        "Court Hollister met the board. Later Hollister's deputy called, and HOLLISTER\n"
        "signed. An OCR copy reads Hollist#r and H ollister in the margin.\n"
    )
    found = _names(text.replace("Court Hollister", "Ambassador Hollister"))
    assert found.count("Hollister") == 2 and "HOLLISTER" in found
    assert "Hollist#r" in found and "H ollister" in found


def test_a_name_broken_by_a_line_is_one_span():
    text = "The post was held by Secretary of State Thaddeus\nPemberly until 1913.\n"
    assert "Thaddeus\nPemberly" in _names(text)


def test_the_last_line_of_a_cable_is_its_signature():
    assert _names("1. (C) The meeting ended early.\n\nTHORNBURY\n")[-1] == "THORNBURY"
    assert _names("1. (C) The meeting ended early.\n\nNNNN\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "HMG agrees, and the GOJ and USG welcomed it.",
        "RYBAT WNINTEL KUBARK REQUESTS TRACES ON AMLASH.",
        "Cargo from Costa Rica passes through the port; Costa Rica agreed.",
        "The trade talks in St. Ives, the Prime Minister's aides said, went well.",
        "The Truman Library holds the papers.",
        "TO RUEHC/SECSTATE WASHDC\nINFO RUEHLO RUEHMO RUEHBJ\n",
        "Sent to XXXXXXXXXXXX on Monday.",
    ],
)
def test_not_people(text):
    assert _names(text) == []


def test_cryptonyms_need_a_digraph_and_a_word():
    lex, nw = name_lexicon(), name_words()
    for word in ("AMLASH", "KUBARK", "LITAMIL", "ZRRIFLE", "RYBAT", "WNINTEL"):
        assert is_cryptonym(word, lex, nw), word
    for word in ("LINDQVIST", "CASTRO", "ESTRADA", "AMBROSE"):
        assert not is_cryptonym(word, lex, nw), word


def test_scores_order_cued_names_above_weak_evidence():
    text = "Ambassador Quenneville met Rostam Behrouzian. At noon Kettleby said no.\n"
    by_text = {text[p.start : p.end]: p.score for p in find_people(text, [])}
    assert by_text["Quenneville"] > by_text["Kettleby"]


def test_trigram_data_is_built_from_the_current_lists():
    from redactcheck.detect.pii.name_words import build_trigrams, trigram_source_words

    assert set(build_trigrams(trigram_source_words())) == name_words().trigrams


def test_a_titled_full_name_outweighs_a_collection_named_after_it():
    text = (
        "Secretary of State Ambrose Kettering set the policy. Critics doubted it, and the\n"
        "plan was changed twice before Kettering's deputy drafted the memorandum, which\n"
        "Voskresensky rejected after Premier Voskresensky visited. The Kettering Papers hold it.\n"
    )
    found = _names(text)
    assert found.count("Kettering") == 1 and "Ambrose Kettering" in found
    assert found.count("Voskresensky") == 2
    papers = text.index("Kettering Papers")
    assert all(p.start != papers for p in find_people(text, []))


_CABLE_HEAD = "E.O. 12958: N/A\nTAGS: PREL PGOV\nSUBJECT: FORUM ON HARBOUR TARIFFS\n\n"
_TRAILER = "\n\n" + "=" * 20 + "CABLE ENDS" + "=" * 20


def test_the_signature_above_an_end_of_cable_rule_is_found():
    body = _CABLE_HEAD + "1. (U) The minister met the delegation and said little.\n"
    # the signer right under the last sentence, then the archive's rule
    assert _names(body + "QUARRENDON \n" + _TRAILER)[-1] == "QUARRENDON"
    # the last line of text is a sentence: nothing to sign
    assert _names(body + _TRAILER) == []


def test_a_state_cable_signer_the_model_calls_a_place_is_kept():
    text = _CABLE_HEAD + "1. (U) The minister met the delegation.\n\nQUARRENDON \n" + _TRAILER
    start = text.index("QUARRENDON")
    people = find_people(text, [(start, start + 10, "GPE")])
    assert [text[p.start : p.end] for p in people] == ["QUARRENDON"]
    # a listed place on the last line stays a place, whatever the header
    text = _CABLE_HEAD + "1. (U) The minister met the delegation.\n\nLISBON\n"
    start = text.index("LISBON")
    assert find_people(text, [(start, start + 6, "GPE")]) == []


def test_a_signer_glued_to_the_last_sentence_of_a_state_cable_is_found():
    # archives print many State cables with each paragraph on one line, the signer after it
    body = _CABLE_HEAD + "1. (U) The minister met the delegation and said little."
    for tail, signer in [
        (" QUARRENDON\n", "QUARRENDON"),
        (" End comment. Quarrendon", "Quarrendon"),
        (" QUARRENDON .\n", "QUARRENDON"),
    ]:
        text = body + tail
        people = find_people(text, [])
        start = text.rindex(signer)
        assert (start, start + len(signer)) in [(p.start, p.end) for p in people]


def test_a_last_word_after_a_sentence_is_no_signer_outside_cables_or_when_a_word():
    # a memo or essay has no signature glued to its last sentence
    assert _names("The minister met the delegation and said little. QUARRENDON\n") == []
    # an ordinary word or a cable's end marker after the last sentence is no signer
    body = _CABLE_HEAD + "1. (U) The minister met the delegation and said little."
    assert _names(body + " NNNN\n") == []
    assert _names(body + " Ends.\n") == []
    assert _names(body + " COMMENT\n") == []
