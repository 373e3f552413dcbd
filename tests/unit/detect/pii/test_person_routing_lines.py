"""People on the routing lines of cables and Agency records: the drafter on a CIA originator
line (person_originators.py) and the officers a State cable is passed to on its addressee
lines (person_addressees.py): slash-joined lists, initials glued to a surname whose first
letters spell a cryptonym digraph, and a lone unlisted surname in a header that names people.

All text is invented; every name is made up.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people

_MEMO = (
    "MEMORANDUM FOR THE RECORD\n\nSUBJECT: Review of a travel request\n\n"
    "1. The request was reviewed and returned to the branch for comment.\n\n"
    "{line}\n\nDistribution:\nOrig - Addressee\n1 - Chrono\n"
)

_CABLE = (
    "C O N F I D E N T I A L SECTION 01 OF 02 BRASILIA 004417\n\nSIPDIS\n\n"
    "{lines}\n\nE.O. 12958: DECL: 04/11/2016\nTAGS: ECON ETRD BR\n"
    "SUBJECT: TRADE TALKS RESUME\n\n1. (C) SUMMARY: THE TALKS RESUMED ON MONDAY.\n"
)


def _spans(text: str) -> set[str]:
    return {text[p.start : p.end] for p in find_people(text, [])}


def test_the_drafter_glued_to_his_initials_after_an_office_path_is_found_alone():
    text = _MEMO.format(line="DDP/WE/4/RQFairbrother:mk (11 May 64)")
    assert "RQFairbrother" in _spans(text)  # not the office path, not the typist's "mk"


def test_an_unlisted_or_misread_surname_on_the_originator_line_is_found():
    text = _MEMO.format(line="Originated by: OS/PSI/TKVelshovar: jan")
    assert "TKVelshovar" in _spans(text)


def test_a_station_name_after_the_office_path_is_no_drafter():
    text = _MEMO.format(line="Routed via FE/PLANS/JKHavana:rt")
    assert not any("Havana" in s for s in _spans(text))


def test_a_slash_joined_list_after_for_names_each_person():
    text = _CABLE.format(lines="STATE PASS USTR FOR HOLLINGSWORTH/ZEMBRASKI")
    found = _spans(text)
    assert {"HOLLINGSWORTH", "ZEMBRASKI"} <= found


def test_a_routing_chain_names_its_glued_officers_not_its_office_codes():
    text = _CABLE.format(lines="USDOC FOR 4410/ITA/MAC/OLAC/JHOLLINGSWORTH/BFAIRBROTHER")
    found = _spans(text)
    assert {"JHOLLINGSWORTH", "BFAIRBROTHER"} <= found
    assert not found & {"ITA", "MAC", "OLAC", "USDOC"}


def test_an_initial_glued_to_a_surname_is_no_cryptonym_on_an_addressee_line():
    text = _CABLE.format(lines="NSC FOR JMALLORY\nDEPT FOR WHA/BSC")
    assert "JMALLORY" in _spans(text)


def test_a_lone_unlisted_surname_is_an_officer_when_the_header_names_people():
    lines = "NSC FOR ABERNATHY\nOSD FOR ASD ZEMBRASKI\nDEPT FOR WHA/BSC\nBRUSSELS ALSO FOR LEGATT"
    found = _spans(_CABLE.format(lines=lines))
    assert {"ABERNATHY", "ZEMBRASKI"} <= found
    assert "LEGATT" not in found  # an embassy's legal attache: an office


def test_a_lone_unlisted_word_is_not_taken_in_a_header_that_names_no_one():
    found = _spans(_CABLE.format(lines="OSD FOR ASD ZEMBRASKI\nDEPT FOR WHA/BSC"))
    assert "ZEMBRASKI" not in found


def test_a_clause_after_a_semicolon_on_a_header_line_names_its_officers():
    lines = "NEA FOR FRONT OFFICE\nNEA WATCHERS; COMMERCE FOR JHOLLINGSWORTH"
    found = _spans(_CABLE.format(lines=lines))
    assert "JHOLLINGSWORTH" in found
    assert "WATCHERS" not in found


def test_the_full_stop_that_ends_the_header_is_not_part_of_the_name():
    text = _CABLE.format(lines="STATE FOR NEA/MAG; ENERGY FOR JHOLLINGSWORTH.")
    start = text.index("JHOLLINGSWORTH")
    spans = {(p.start, p.end) for p in find_people(text, [])}
    assert (start, start + len("JHOLLINGSWORTH")) in spans
