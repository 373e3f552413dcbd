"""Officers in brackets after office symbols, initials whose full stop OCR read as a comma,
letters cited in footnotes, and names a document also gives to a person's papers or firm
(issue 16, round 9: kinds read off the unlabelled pool, seed 1212).

The person rules run without the NER model (``find_people(text, ner)`` with entities given
by hand). All text is synthetic; every name is invented.
"""

from __future__ import annotations

from redactcheck.detect.lexicons import name_lexicon
from redactcheck.detect.pii.person_eponyms import eponym_words
from redactcheck.detect.pii.person_rules import find_people


def _found(text: str, ner: list[tuple[int, int, str]] | None = None) -> list[tuple[str, str]]:
    out = []
    for p in find_people(text, ner or []):
        out.append((text[p.start : p.end], p.basis))
    return out


def _names(text: str, ner: list[tuple[int, int, str]] | None = None) -> list[str]:
    return [name for name, _ in _found(text, ner)]


def _ent(text: str, words: str, label: str = "PERSON", nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return (start, start + len(words), label)


# -- officers after office symbols ------------------------------------------------------------


def test_officers_in_brackets_after_office_symbols_of_a_release_block():
    text = (
        "3. STATION WILL ADVISE.\n"
        "ORIG: C/WH/4 (QUARTERMAINE, 4471); COORD: C/EUR/NE\n"
        "(VANTREIGHT), C/CI/SIG (OKONJO), SA/DDP (Halloway-Pryce)\n"
        "AUTH: C/WH (MARCHBANKS) REL: DC/WH/2 (TREVELLICK)\n"
    )
    names = _names(text)
    for officer in (
        "QUARTERMAINE",
        "VANTREIGHT",
        "OKONJO",
        "Halloway-Pryce",
        "MARCHBANKS",
        "TREVELLICK",
    ):
        assert officer in names
    start = text.index("VANTREIGHT")
    assert text[start : start + len("VANTREIGHT")] == "VANTREIGHT"


def test_acronyms_words_and_cryptonyms_after_office_symbols_are_not_officers():
    text = (
        "DISTRIBUTION: SS/IL (WFTU), JCS/MC (DIA), C/CI (ZRKNAVE), C/OPS (ROUTINE),\n"
        "AC/SR (FBI), C/WH (PRIORITY)\n"
    )
    assert _names(text) == []


def test_officers_in_brackets_after_an_office_word_on_a_cable_address_line():
    text = (
        "SUBJECT: GRAIN TARIFFS\n"
        "REF: A. E-MAILS EMBASSY (PRENTISS) TO EUR/WE 3/4/05\n"
        "TREASURY FOR GENERAL COUNSEL (MARCHETTI), TREASURY\n"
        "(KOWALCZYK), COMMERCE FOR ITA.\n"
        "LOGISTICS SUPPORT (WEXLER) INFO BRANCH\n"
    )
    spans = {(p.start, p.end) for p in find_people(text, [])}
    for officer in ("PRENTISS", "MARCHETTI", "KOWALCZYK", "WEXLER"):
        start = text.index(officer)
        assert (start, start + len(officer)) in spans


def test_acronyms_defined_in_brackets_after_capitals_are_not_officers():
    # the initials of the words before the bracket spell it, in their order or another's
    text = (
        "THE MINISTER LEADS THE NATIONAL UNITY FRONT (NUF), AND THE UNION OF\n"
        "FARMERS AND HERDSMEN (UFH). THE ALLIANCE OF RURAL TOWNS (TRA) MET.\n"
        "THE CHIEF OF THE RIVERSIDE ORGANIZATION OF INDEPENDENTS (ORI). HE LEFT.\n"
        "CORRECTED COPY (TEXT)\n"
    )
    assert _names(text) == []


def test_form_words_and_codes_in_brackets_after_capitals_are_not_officers():
    # the bracket after a capital word also holds a cable's and a file's form words and codes
    text = (
        "REF: A. OSLO DAILY REPORT (NOTAL)\n"
        "THE FARMERS SAID THE MINISTER WAS RIGHTEOUS (SIC).\n"
        "THE RALLY OF THE MOUNTAIN UNION OF RURAL ROADS (MURR).\n"
        "INFORMANTS (CONTINUED)\n"
    )
    assert _names(text) == []


def test_a_bracketed_word_that_runs_on_into_the_sentence_is_not_an_officer():
    # the item does not end at the bracket: not an address line's officer
    text = "FOR THE DEPUTY DIRECTOR (MARCHETTI) WHO WILL DECIDE LATER.\n"
    assert "MARCHETTI" not in _names(text)


# -- initials whose full stop OCR read as a comma -------------------------------------------


def test_two_initials_with_a_comma_for_the_second_full_stop_and_a_surname():
    text = "Distribution:\nOrig - file\n\nR. T, Wolstenholme\nChief, Records Branch\n"
    assert "R. T, Wolstenholme" in _names(text)


def test_state_and_country_abbreviations_with_a_comma_are_not_initials():
    text = "He flew to Washington, D.C, The meeting was held by the U.S, Army and N.Y, Times.\n"
    assert _names(text) == []


# -- letters cited in footnotes ---------------------------------------------------------------


def test_a_cited_letter_vouches_for_an_addressee_the_model_calls_a_place():
    text = (
        "The series was saved, he argued, by its editors.Marchetti to Ambergast, May 3,\n"
        "1931, Central Files, Box 4.\n"
    )
    # the model calls the addressee a place; the writer is a listed surname
    names = _names(text, [_ent(text, "Ambergast", "GPE")])
    assert "Ambergast" in names


def test_a_cited_memorandum_to_several_addressees_names_each_of_them():
    text = (
        "The plan was dropped.Marchetti to Ambergast, Vantreight, and Okonjo, June 4,\n"
        "1990, Central Files, Box 9.\n"
    )
    names = _names(text, [_ent(text, "Vantreight", "GPE")])
    for name in ("Marchetti", "Ambergast", "Vantreight", "Okonjo"):
        assert name in names


def test_a_route_through_several_capitals_is_no_cited_memorandum():
    text = "The pouch went on.London to Paris, Brussels, and Bonn, May 4, 1931, by air.\n"
    assert _names(text) == []


def test_a_telegram_route_between_capitals_is_no_cited_letter():
    text = "The instruction went out.London to Washington, May 4, 1931, Central Files.\n"
    assert _names(text) == []


# -- names a document also gives to a person's papers, library or firm -----------------------


def test_a_surname_that_also_names_papers_keeps_its_person_mentions():
    text = (
        "Secretary Hallamore Quist took office in March. The series was revived by Quist,\n"
        "who wrote often to Ambergast about it; see the Quist Papers, Box 12.\n"
    )
    ner = [_ent(text, "Hallamore Quist"), _ent(text, "Quist", nth=1)]
    names = _names(text, ner)
    assert "Hallamore Quist" in names
    assert "Quist" in names  # "revived by Quist": the person, though his papers are cited


def test_a_surname_that_also_names_a_corporation_is_not_spread_to_object_mentions():
    text = (
        "Orla Brenninkmeyer founded a shipping line. The board of Brenninkmeyer Corporation\n"
        "met in May, and the bank sued Brenninkmeyer over the loan.\n"
    )
    ner = [_ent(text, "Orla Brenninkmeyer")]
    names = _names(text, ner)
    assert "Orla Brenninkmeyer" in names
    assert names.count("Brenninkmeyer") == 0


def test_two_names_sharing_one_library_head_are_libraries_and_the_people_stay():
    text = (
        "President Orvell Halloran left office in 1961; Halloran wrote his memoirs later.\n"
        "Both the Halloran and Marlowe Libraries were helpful, and the Quist Libraries too.\n"
    )
    ner = [
        _ent(text, "Orvell Halloran"),
        _ent(text, "Halloran", nth=2),
        _ent(text, "Marlowe"),
        _ent(text, "Quist"),
    ]
    spans = [(p.start, text[p.start : p.end]) for p in find_people(text, ner)]
    library = text.index("Halloran and Marlowe")
    assert [name for _, name in spans] == ["Orvell Halloran", "Halloran"]
    assert all(start < library for start, _ in spans)  # "Halloran wrote": the person


def test_eponym_words_are_those_written_before_eponym_heads_only():
    lex = name_lexicon()
    text = "the Quist Papers; the Tallow Library; the Tallow Corporation; the Varga Associates"
    assert eponym_words(text, lex) == {"quist", "varga"}


# -- a surname a bad scan repeats inside its sentences ----------------------------------------


def test_a_surname_a_bad_scan_repeats_in_its_sentences_is_found_whatever_the_model_says():
    text = (
        "MEMORANDUM FOR THE RECORD\n"
        "1. The questlon was rsised with the Offlce. I told Okafor that the flle\n"
        "was nct avallable, and Okafor then askcd whcther a copy could be sert.\n"
        "2. We agrced to wrlte to Okafor before the cnd of the montb.\n"
        "3. The rcmainder of the matcrial wlll be revlewed nelt week by the staff.\n"
    )
    # the model calls each mention something else: a product, an organisation
    ner = [_ent(text, "Okafor", "PRODUCT"), _ent(text, "Okafor", "ORG", nth=1)]
    found = _found(text, ner)
    assert [n for n, _ in found].count("Okafor") == 3


def test_a_firm_with_a_surname_for_a_name_in_a_clean_cable_is_not_a_person():
    text = (
        "The Ambassador pressed for Marchetti to be allowed to bid. The ministry said\n"
        "that Marchetti was welcome, and the officials promised that Marchetti would be\n"
        "told of the decision.\n"
    )
    ner = [_ent(text, "Marchetti", "ORG", nth=i) for i in range(3)]
    assert "Marchetti" not in _names(text, ner)


def test_a_surname_written_twice_is_not_enough_on_a_bad_scan():
    text = (
        "1. The questlon was rsised with the Offlce. I told Okafor that the flle\n"
        "was nct avallable, and Okafor then askcd whcther a copy could be sert.\n"
        "3. The rcmainder of the matcrial wlll be revlewed nelt week by the staff.\n"
        "4. Tbe flles wlll be sert to the Offlce whcn the revlew is ovcr.\n"
    )
    ner = [_ent(text, "Okafor", "PRODUCT"), _ent(text, "Okafor", "ORG", nth=1)]
    assert "Okafor" not in _names(text, ner)


# -- a surname the model calls a person at most mentions --------------------------------------


def test_one_place_label_does_not_outweigh_a_surname_the_model_calls_a_person_twice():
    text = (
        "1. The questlon was rsised by Marchetti with the Offlce ln the sprlng.\n"
        "2. The inqulries about Marchetti were made by the statlon ln Paris.\n"
        "3. The flle on Marchetti was closed, and the staff wlll revlew lt agaln.\n"
        "4. The rcmainder of the matcrial wlll be sert to the Offlce nelt week.\n"
    )
    ner = [
        _ent(text, "Marchetti", "PERSON"),
        _ent(text, "Marchetti", "LOCATION", nth=1),
        _ent(text, "Marchetti", "PERSON", nth=2),
    ]
    assert _names(text, ner).count("Marchetti") == 3


def test_one_place_label_keeps_out_a_word_no_name_list_holds():
    # a party the model calls a person at most mentions, in a cable
    text = (
        "The minister said that Tavrolan is cornered. He believes Tavrolan will try to\n"
        "expand its influence, and that the rally of Tavrolan was too large.\n"
    )
    ner = [
        _ent(text, "Tavrolan", "PERSON"),
        _ent(text, "Tavrolan", "PERSON", nth=1),
        _ent(text, "Tavrolan", "LOCATION", nth=2),
    ]
    assert "Tavrolan" not in _names(text, ner)


def test_a_word_the_model_calls_a_place_as_often_as_a_person_stays_a_place():
    text = "Flights from Quillabamba resumed. Quillabamba airport and Quillabamba itself.\n"
    ner = [
        _ent(text, "Quillabamba", "PERSON"),
        _ent(text, "Quillabamba", "LOCATION", nth=1),
        _ent(text, "Quillabamba", "LOCATION", nth=2),
    ]
    assert "Quillabamba" not in _names(text, ner)


def test_officers_in_brackets_after_a_bare_office_code_on_a_distribution_line():
    text = "DISTRIBUTION:\n- OGC (Marchbanks)\nOS (Pettigrew)\nBY (Signature)\nOF (Organization)\n"
    names = _names(text)
    assert "Marchbanks" in names
    assert "Pettigrew" in names
    assert "Signature" not in names
    assert "Organization" not in names


def test_a_bare_code_in_brackets_inside_a_sentence_is_no_officer_line():
    text = "The request went to OGC (Marchbanks had asked for it) on Monday.\n"
    assert ("Marchbanks", "addressee") not in _found(text)
