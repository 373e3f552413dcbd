"""Names and what is not a name, decided from the whole document (issue 16, third round).

The person rules run without the NER model here (``find_people(text, ner)`` with entities
given by hand), so each test says what one mechanism does. All text is synthetic and every
name, town and firm is made up.
"""

from __future__ import annotations

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_filters import place_phrases
from redactcheck.detect.pii.person_rules import find_people


def _names(text: str, ner: list[tuple[int, int, str]] | None = None) -> list[str]:
    return [text[p.start : p.end] for p in find_people(text, ner or [])]


def _ent(text: str, words: str, label: str = "PERSON") -> tuple[int, int, str]:
    start = text.index(words)
    return (start, start + len(words), label)


# -- OCR-damaged ordinary words ---------------------------------------------------------------


def test_an_english_word_with_one_letter_misread_is_not_a_name():
    nw = name_words()
    assert nw.misread_word("Testimcny") and nw.misread_word("DEPUTV")
    # one edit from a listed name as well: may be a damaged name, so it stays a candidate
    assert not nw.misread_word("Wiilson") and not nw.misread_word("Hunterr")
    # real names, listed or not, and short words are never "misread words"
    for word in ("Okonjo", "Venkataraman", "Kettleby", "Testa"):
        assert not nw.misread_word(word)


def test_model_entities_made_of_misread_words_are_dropped():
    text = "The clerk said that [Testimcny related to his duties. BY DEPUTV CLERK on file."
    ner = [_ent(text, "Testimcny"), _ent(text, "DEPUTV CLERK")]
    assert _names(text, ner) == []
    # the same shapes with a real (invented) name are kept
    text = "The clerk said that Ottoline Varga related it. BY DEPUTY HALVORSEN on file."
    assert "Ottoline Varga" in _names(text, [_ent(text, "Ottoline Varga")])


# -- places named by the document itself -------------------------------------------------------


def test_a_phrase_after_at_or_in_elsewhere_is_a_place():
    phrases = place_phrases(
        "Trucks were cleared at Marrowdene Ford. IN QUILLBY the office shut; "
        "we met in Halloran's office and at Pemberly's request. Dinner AT ORLA!\nAPARTMENT."
    )
    assert {"marrowdene", "marrowdene ford", "quillby"} <= phrases
    assert "halloran's" not in phrases and "pemberly" not in phrases and "orla" not in phrases


def test_weak_candidates_and_spreading_stop_at_a_place_the_document_names():
    text = (
        "The teams discussed the Rafferty and Marrowdene Ford crossings. Imports cleared at\n"
        "Marrowdene Ford stay low, and exports via Marrowdene Ford have stopped.\n"
    )
    ner = [_ent(text, "Marrowdene Ford")]
    assert not any("Marrowdene" in n for n in _names(text, ner))
    # a title still vouches for a person at that mention, but the place is not spread
    text = (
        "Secretary of State for Quillshire Ambrose Tallowby spoke. Quillshire voted.\n"
        "Polls in Quillshire are close, Tallowby said.\n"
    )
    found = _names(text)
    assert "Tallowby" in found and "Quillshire" not in found


def test_words_before_a_us_state_are_a_town():
    text = (
        "PCI ADVISED THE GROUP LEFT FOR QUILLBY, MASSACHUSETTS BY CAR. THE\n"
        "SUBJECT STAYED AT THE MOTEL IN QUILLBY.\n"
    )
    ner = [_ent(text, "QUILLBY"), _ent(text, "PCI")]
    assert _names(text, ner) == []
    assert "quillby" in place_phrases("He was born in Quillby, N.J. in 1931.")


def test_a_town_before_a_postal_code_and_a_zip_or_a_publisher_is_a_place():
    text = (
        "Odile Bramwell wrote The Harrow Years. Marrowfield, NJ: Quarto Books, 1981.\n"
        "Replies go to 14 Elm Road, Fennick, TX 75201 by May.\n"
    )
    ner = [_ent(text, "Odile Bramwell"), _ent(text, "Marrowfield"), _ent(text, "Fennick")]
    found = [(p.start, p.end) for p in find_people(text, ner)]
    assert [text[a:b] for a, b in found] == ["Odile Bramwell"] and found[0] == (0, 14)
    # the GPO Style Manual forms of state names count as states too
    assert {"quillby", "harrowgate"} <= place_phrases("From Quillby, N. Mex. and Harrowgate, Oreg.")


def test_a_name_before_an_office_symbol_or_a_state_on_the_next_line_stays_a_person():
    # "PA", "CA" after a name are State Department office symbols, not states: no ZIP, no colon
    text = "Present:\nOrla Vance, PA\nDamon Kettering, CA\nVance and Kettering spoke.\n"
    ner = [_ent(text, "Orla Vance"), _ent(text, "Damon Kettering")]
    found = {(text[p.start : p.end], p.start) for p in find_people(text, ner)}
    assert {("Orla Vance", 9), ("Damon Kettering", 24), ("Vance", 44), ("Kettering", 54)} <= found
    assert place_phrases(text) == set()
    # a subject in capitals before an FBI case character ("AR:", anti-racketeering)
    assert place_phrases("SUBJECT: ORVAL QUENBY, AR:\nQUENBY LEFT.") == set()
    # a signer's name, then the state on the line below, is not read as a town
    assert place_phrases("Sincerely,\nAmbrose Tallowby,\nTexas\n") == set()


# -- bodies named in other languages -----------------------------------------------------------


def test_organisations_named_in_spanish_or_french_are_not_people():
    text = (
        "Funds went to the Frente Revolucionario Quintero and to the Mouvement Delacroix-Ravel.\n"
    )
    ner = [_ent(text, "Frente Revolucionario Quintero"), _ent(text, "Mouvement Delacroix-Ravel")]
    assert _names(text, ner) == []


# -- FBI and CIA record shapes -----------------------------------------------------------------


def test_a_directorate_general_is_a_body_and_a_general_still_a_person():
    text = (
        "He served in the Direccion General de Inteligencia until 1964.\n"
        "The Direccion General\nAviacion Civil licensed the plane.\n"
        "General Orvell Tansley and the Attorney General Quennell met him.\n"
    )
    names = _names(text)
    assert not any("Inteligencia" in n or "Aviacion" in n for n in names)
    assert "Orvell Tansley" in names
    assert "Quennell" in names


def test_routing_box_column_with_blank_lines_between_names():
    text = "Tallowby\n\nHalvorsen\n\nKettering\n\nWexler\n\nRoom\n"
    found = _names(text)
    assert {"Halvorsen", "Kettering", "Wexler"} <= set(found)


def test_report_verbs_of_fbi_records_cue_a_surname():
    found = _names(
        "On March 3, KETTLEBY advised that the car was sold. Later Orla called Mr. Pemberly.\n"
    )
    assert "KETTLEBY" in found and "Orla" in found
    assert _names("The Bureau advised that the file is closed.\n") == []


def test_peers_are_titled_names():
    assert "Halloway" in _names("Africa Minister Baroness Halloway arrives on Monday.")
    assert "Ashdene" in _names("The note was passed to Viscount Ashdene in London.")


def test_surnames_in_capitals_inside_prose_of_a_bureau_memo():
    text = (
        "That file shows that Noel HALVORSEN, a staff employee, was in contact with\n"
        "KESSLER for about one year. HALVORSEN used KESSLER as a spotter at a college\n"
        "where KESSLER was studying. The article was written by Ray WEXLER and Paul\n"
        "MARCHETTI; WEXLER is a former associate of the CIA and the USSR desk. The\n"
        "SECRET annex and the NOTE below are routine. Copies went to DRESNER as well.\n"
    )
    found = _names(text)
    assert found.count("KESSLER") == 3 and "DRESNER" in found
    assert not {"CIA", "USSR", "SECRET", "NOTE"} & set(found)
    # in a cable that writes acronyms in capitals, a lone capital word is no surname
    cable = "The PCA met the DINSEC and UNAFEX teams; KESSLERA remained at post.\n"
    assert _names(cable) == []


def test_a_surname_in_capitals_spreads_to_every_line_start_of_a_teletype():
    text = (
        "SOURCE ADVISED THAT RAFAEL PARSONS QUINTERO IS A SECURITY OFFICIAL.\n"
        "PARSONS RECEIVES ALL INFORMATION ON THE CASE.\n"
        "PARSONS IS SIGNED BY THE MINISTER.\n"
    )
    found = _names(text)
    assert found.count("PARSONS") == 2
    # in mixed case a sentence-initial English word still needs a verb to count
    text = "Rafael Young came. Young people waited outside.\n"
    assert _names(text).count("Young") == 0


def test_an_honorific_before_a_title_word_that_is_a_surname():
    found = _names("Mr. PRINCE has advised that the office will close. Mrs. Bishop agreed.\n")
    assert "PRINCE" in found and "Bishop" in found
    assert _names("The Prince has advised that the office will close.\n") == []


def test_routing_box_entries_with_tick_marks_between():
    text = "Tallowby —___.\n¢ oe\nHalvorsen 2 F X i. .\n\nKettering\n& A\nWexler\n"
    assert {"Halvorsen", "Kettering", "Wexler"} <= set(_names(text))


def test_both_partners_of_a_publishing_firm_are_no_people():
    text = (
        "Papers relating to the mission (Philadelphia: Dorsey and Quenby, 1793), and the\n"
        "Letters, Vol. IV (New York: Ambrose Tallow), pp. 211-213, were cited.\n"
    )
    ner = [_ent(text, "Dorsey"), _ent(text, "Quenby"), _ent(text, "Ambrose Tallow")]
    assert _names(text, ner) == []


def test_places_named_across_a_line_break_or_in_quotation_marks():
    phrases = place_phrases(
        'THEY WILL MEET AT THE\nHARBOURVIEW, QUILLBY, MASSACHUSETTS. EN ROUTE AT THE "SEAGATE'
        '" NIGHTCLUB. Born in Harrowgate, ‘N.J. He worked in the Halloran campaign.'
    )
    assert {"harbourview", "quillby", "seagate", "harrowgate"} <= phrases
    assert "halloran" not in phrases


def test_names_in_quotation_marks_are_aliases():
    text = (
        'The office failed to establish any information concerning a "HALVORSEN"\n'
        'or a "RONALD QUENBY". The source was known as "Marchetti" in the camp.\n'
    )
    found = _names(text, [_ent(text, "HALVORSEN", "WORK_OF_ART")])
    assert {"HALVORSEN", "RONALD QUENBY", "Marchetti"} <= set(found)
    # a quoted word no name list holds is not taken on the quotation marks alone
    assert _names('The source was known as "Quenby" in the camp.\n') == []
    # titles, cryptonyms, ordinary words and places in quotation marks are not names
    text = 'He read "Arcadia" and the "Daily Courier", saw "AMLASH" files, and a "CORAL" ring.\n'
    assert _names(text) == []


def test_a_report_verb_after_a_body_name_cues_no_person():
    assert _names("The Harrowgate Office Kas advised by letter that a search failed.\n") == []


def test_a_cue_with_an_adverb_and_rare_spellings_after_it():
    for text in (
        "We spoke briefly with Thandeka Mvubelo about the survey.\n",
        "WE SPOKE BRIEFLY WITH THANDEKA MVUBELO ABOUT THE SURVEY.\n",
        "The consul met privately with Thandeka Mvubelo on Friday.\n",
    ):
        assert any("Mvubelo" in n or "MVUBELO" in n for n in _names(text)), text
    # places and ordinary words after the cue are not names
    assert _names("We spoke briefly with European Commission staff.\n") == []


def test_a_listed_surname_the_model_calls_a_nationality_still_opens_a_pair():
    text = "Malakai Tuipulotu'ahau greeted the visitors at the harbour.\n"
    found = _names(text, [_ent(text, "Malakai", "NORP")])
    assert "Malakai Tuipulotu'ahau" in found


def test_a_long_name_is_found_with_two_letters_misread_a_short_one_with_one():
    text = (
        "Chairman Vantreskovich received the couple. Later Vantreskovitz said that\n"
        "Chairman Wantreskovich had doubts. Counsel Pelzman agreed; Pelzmax did not.\n"
        "Polzmen left. Bolzmen stayed.\n"
    )
    found = _names(text)
    assert "Vantreskovitz" in found and "Wantreskovich" in found  # 13 letters: two edits
    assert "Pelzmax" in found  # seven letters: one edit
    assert "Polzmen" in found  # seven letters, two edits, no word of any list
    assert "Bolzmen" not in found  # seven letters, three edits: too far


def test_writer_and_addressee_of_a_cited_letter():
    text = (
        "The draft was sent on (Marchetti to Halloran, January 26, 1794; Okafor to Kessler,\n"
        "3 May 1961).\n"
    )
    found = _names(text)
    assert {"Marchetti", "Halloran", "Kessler"} <= set(found)
    # a telegram's route is no letter
    assert _names("Telegram from London to Paris, May 4, 1961, was lost.\n") == []


_DEBRIS = (
    "tho reprot wss forwnrded ta tne offlce ond thc agemt hsd no furthor commemt on tne\n"
    "mattor. Tho subjcct wss lnterviewed agaln ond dcnied thc allegatlon entlrely.\n"
)


def test_names_the_scanner_made_up_in_a_line_of_debris_are_dropped():
    text = _DEBRIS * 3 + "fcnq tq THE Loby Quorbett, RAvtEnQ PEOM 7K0~ qorn\n"
    ner = [_ent(text, "Loby Quorbett")]
    assert _names(text, ner) == []
    # a frequent name, or a given name heading a signature, keeps its place even there, and a
    # clean line keeps any name
    text = _DEBRIS * 3 + "brcntly remorka abont Prasidemt Johnson. Torvalleq?\n"
    assert "Johnson" in _names(text, [_ent(text, "Johnson")])
    text = _DEBRIS * 3 + "phen Uber by trv un\nRICHARD QUELLAN cr/SI_b. O'%eai (in drett) WM\n"
    assert "RICHARD QUELLAN" in _names(text, [_ent(text, "RICHARD QUELLAN")])
    text = _DEBRIS * 3 + "The agent then met Lucia Quorbett at the station.\n"
    assert "Lucia Quorbett" in _names(text, [_ent(text, "Lucia Quorbett")])


def test_office_initials_aka_and_bills():
    text = "On May 2 DCS requested a clearance; the memo was signed. RJK noted the date.\n"
    found = _names(text)
    assert "DCS" not in found and "RJK" in found
    text = "WHITE, CHARLES AKA CHUCK LINTON was named.\n"
    assert "AKA" not in _names(text, [_ent(text, "AKA")])
    text = "Serial Set Vol. 305 (To accompany Bill H.R. No. 912.) was printed.\n"
    assert _names(text, [_ent(text, "Bill")]) == []


def test_a_routing_box_with_two_letter_debris_lines_between_entries():
    text = "Ye\n\niS\noe\n“\n\nTallowby\nHalvorsen\nKettering\n\nWexler\n\nMarchetti\nDresner\n"
    assert {"Halvorsen", "Kettering", "Wexler", "Marchetti"} <= set(_names(text))


def test_the_people_of_a_listed_place_are_not_a_person():
    nw = name_words()
    assert nw.is_demonym("Darfuris") and nw.is_demonym("Romanians")
    assert not nw.is_demonym("Halloran") and not nw.is_demonym("Castros")
    text = "Non-Arab Darfuris qualify for asylum; the Darfuris who fled were heard.\n"
    ner = [_ent(text, "Darfuris")]
    assert _names(text, ner) == []


def test_a_head_noun_used_as_a_noun_after_a_surname_in_capitals():
    text = (
        "SOURCE SAID RAFAEL QUINTERO IS CHIEF OF THE DIVISION.\n"
        'THE MINISTRY "ADMITTED QUINTERO ASSOCIATION WITH THE SERVICE.\n'
        "THE QUINTERO ASSOCIATION OF GROWERS MET.\n"
    )
    found = _names(text)
    assert found.count("QUINTERO") == 1 and "RAFAEL QUINTERO" in found


# -- fourth round: titles in capitals, OCR-lowered names -------------------------------------


def test_a_whole_word_title_in_capitals_vouches_for_a_dictionary_proper_noun():
    # a dictionary lists some famous people's surnames as proper nouns; after a title written
    # as a whole word the word is a person, while an office's abbreviation is followed by a post
    text = "THE VISIT OF CHAIRMAN KIERKEGAARD TO THE PORT WAS BRIEF."
    assert "KIERKEGAARD" in _names(text)
    assert _names("THE REPORT WAS SENT BY CG KHARTOUM TODAY.") == []


def test_in_a_badly_scanned_text_a_titled_name_spreads_to_its_variants_despite_lower_case():
    # OCR lowers capitals at random in a bad scan, so the name also written in lower case is
    # still looked for one or two edits away ("Kierkegard", "Kierkegaart")
    debris = "qvo zeb trawn plim oxd vul fenq dorbs ulk nefa rilm sabo kzin wub " * 3
    text = (
        f"THE VISIT OF CHAIRMAN KIERKEGAARD TO THE PORT\n{debris}\n"
        f"a walk with kierkegaard by the quay {debris}\n"
        f"Then Kierkegaart was not convinced and Kierkegard spoke again. {debris}\n"
    )
    names = _names(text)
    assert "Kierkegaart" in names and "Kierkegard" in names
    # the same text without the title cue: nothing vouches for the dictionary word
    plain = text.replace("OF CHAIRMAN KIERKEGAARD ", "")
    assert "Kierkegard" not in _names(plain)


def _caps_prose_record(extra: str) -> str:
    return (
        "The file shows that KESSLER was in contact with MARCHETTI in 1956.\n"
        "It was reported that OKAFOR and HARTLEY met the subject twice.\n"
        f"{extra}\n"
        "No further action was taken by the office at that time.\n"
    )


def test_an_unlisted_surname_in_capitals_counts_in_a_record_that_writes_surnames_so():
    # FBI and CIA records write every surname in capitals inside mixed-case prose; one that no
    # census list holds is still a person there
    text = _caps_prose_record("Later BRANDEKKER visited KESSLER at his farm.")
    assert "BRANDEKKER" in _names(text)
    # an OCR line break between the middle initial and the surname keeps one name
    text = _caps_prose_record("Later that year QUORVITCH T.\n\nHALVERSTAM, of the town, was seen.")
    assert "QUORVITCH T.\n\nHALVERSTAM" in _names(text)


def test_form_labels_and_phrases_in_capitals_are_not_unlisted_surnames():
    text = _caps_prose_record(
        'The file named "EL CAMINO VENTURANZA" was closed.\nQUELLORD: see the attached sheet.'
    )
    names = _names(text)
    assert "VENTURANZA" not in names and "QUELLORD" not in names
    # no sign of a person next to it (a given name or initial before, a verb or possessive
    # after): an operation, a group, a ship
    assert "VENTURANZA" not in _names(
        _caps_prose_record("The papers of the VENTURANZA group moved to the port.")
    )
    # the same word in a cable that writes acronyms in capitals, not surnames: not a name
    cable = "The embassy met the ministry.\nLater BRANDEKKER used the new system at the port.\n"
    assert "BRANDEKKER" not in _names(cable)


def test_initials_glued_to_a_surname_in_an_originator_line_are_a_person():
    # typists wrote the drafter as initials run into the surname: "OFFICE:XSurname:typist"
    assert _names("Drafted by\nOGC:RKettering:jm\nCopies to the file") == ["RKettering"]
    assert "GMKettering" in _names("After GMKettering's visit the file was closed.")
    # a surname that is also an English word only between the colons of such a line
    assert _names("OGC: EBaker: aam") == ["EBaker"]
    assert _names("The EBaker bridge and the USAid report were discussed.") == []


def test_a_relative_clause_or_a_kinship_noun_makes_a_lone_word_a_person():
    names = _names("WE LEARNED THAT QUENNELL, WHO HAD A CAR, LEFT. WIFE OF TOBIAS ARRIVED.")
    assert "QUENNELL" in names and "TOBIAS" in names
    assert "Okafor" in _names("We then saw Okafor, whom we had met before.")
    # in capitals a surname that is also a word counts; after a determiner it is a noun
    assert "FARMER" in _names("WE LEARNED THAT FARMER, WHO HAD A CAR, LEFT.")
    assert _names("THE FARMER, WHO PAID, LEFT. The Director, who left, was thanked.") == []


def test_a_weak_mention_of_a_name_found_surely_elsewhere_is_raised_to_the_sure_score():
    # the score says how sure the finding is; a mention first found on weak evidence (the
    # model alone, once) is as sure as the titled mention of the same name in the document
    text = "The report came late.\nHalverstam spoke at length.\nLater Mr. Odran Halverstam left."
    found = find_people(text, [_ent(text, "Halverstam")])
    first = text.index("Halverstam")
    scores = {text[p.start : p.end]: p.score for p in found}
    weak = [p for p in found if p.start == first]
    assert weak and weak[0].score >= 0.9, scores


def test_who_after_a_place_belongs_to_the_noun_before_it():
    text = "They thanked the farmers of South Quillstan, who had hosted them."
    assert "Quillstan" not in " ".join(_names(text))
    assert _names("The plan was opposed by Quennell, who had doubts.") == ["Quennell"]


def test_in_a_badly_scanned_text_a_name_is_found_misread_several_ways():
    # a bad scan misreads the same surname differently at each mention, often two or three
    # letters apart; the words are no English words and no listed names
    debris = "qvo zeb trawn plim oxd vul fenq dorbs ulk nefa rilm sabo kzin wub " * 3
    text = (
        f"MEMORANDUM ON A TALK BETWEEN CHAIRMAN VANTRESKOVICH AND MR. PELZMAN\n{debris}\n"
        f"a note for Felzmen lay there; Wantreskavitch was tired. {debris}\n"
        f"Later vantreskovich spoke and Vantrezkovilch agreed. {debris}\n"
    )
    names = _names(text)
    assert "Felzmen" in names  # seven letters, two misread
    assert "Wantreskavitch" in names and "Vantrezkovilch" in names  # three, a run shared
    assert "vantreskovich" in names  # the name itself, lowered by the scanner
    # in a clean text the capitalised spellings count too; there a name also written in lower
    # case is an ordinary word, and nothing is spread from it
    clean = text.replace(debris, "The meeting went on for an hour and nothing else was said.")
    assert "Felzmen" in _names(clean) and "Wantreskavitch" not in _names(clean)
    clean = "\n".join(line for line in clean.splitlines() if "vantreskovich" not in line)
    assert {"Felzmen", "Wantreskavitch"} <= set(_names(clean))


def test_a_record_header_with_an_inverted_name_and_a_first_initial_is_one_person():
    text = "FROM : OKAFOR, NNEKA\n\nTO : BRANDT, J. TAVISH\n\nTITLE : A NOTE\n"
    assert _names(text) == ["OKAFOR, NNEKA", "BRANDT, J. TAVISH"]


def test_regarding_between_two_names_of_a_title_line_parts_them():
    text = "TITLE : TALK BETWEEN CHAIRMAN DOBROV AND MR. SEAN HALLORAN RE LUKE\n"
    found = _names(text, [_ent(text, "SEAN HALLORAN RE LUKE")])
    assert found == ["DOBROV", "SEAN HALLORAN", "LUKE"]


def test_in_a_badly_scanned_text_a_name_after_a_misread_title_is_found():
    debris = "qvo zeb trawn plim oxd vul fenq dorbs ulk nefa rilm sabo kzin wub " * 3
    text = (
        f"NOTE ON A DINNER {debris}\n"
        f"Irs. Quenbury arrived late and Mrs, Tallowby stayed. {debris}\n"
        f"Then Chairnan Dobrovski spoke of the harvest. {debris}\n"
        f"It took 3 hrs. Forward planning was poor; Chairman Report was read. {debris}\n"
    )
    names = _names(text)
    assert {"Quenbury", "Tallowby", "Dobrovski"} <= set(names)
    assert "Forward" not in names and "Report" not in names  # "hrs.": hours; English words
    # in a clean text the same misread titles are left alone
    clean = text.replace(debris, "The evening went on and the guests were pleased.")
    assert "Quenbury" not in _names(clean) and "Dobrovski" not in _names(clean)


def test_in_a_badly_scanned_text_mr_read_as_me_or_in_lower_case_is_a_title():
    debris = "qvo zeb trawn plim oxd vul fenq dorbs ulk nefa rilm sabo kzin wub " * 3
    text = (
        f"NOTE ON A CALL {debris}\n"
        f"(Me. Quenbury has written a letter; {debris}\n"
        f"it was checked through mr. Tallowby before the meeting. {debris}\n"
        f"Give Me. Tomorrow is too late. {debris}\n"
    )
    names = _names(text)
    assert {"Quenbury", "Tallowby"} <= set(names)
    assert "Tomorrow" not in names  # an English word after it


def test_a_name_that_ends_the_title_of_an_edition_or_a_biography_is_no_mention():
    text = (
        "Quenby to Tallowby, March 3, 1794, The Papers of Osric Tallowby, Vol. 2, p. 14; see\n"
        "also The Life and\nLetters of Amara Quenby (Boston, 1901). Osric Tallowby replied.\n"
    )
    found = _names(text)
    assert found.count("Osric Tallowby") == 1  # the reply, not the edition's title
    assert "Amara Quenby" not in found
    assert "Tallowby" in found  # the addressee of the cited letter


def test_a_given_name_that_is_an_english_word_before_a_reporting_verb():
    text = (
        "The clerk was away. Rusty telephoned the office, and Dusty said the file was lost.\n"
        "It passed. Bill called for a vote. The road was dusty and the hinge rusty.\n"
    )
    assert _names(text.splitlines()[0]) == ["Rusty", "Dusty"]
    # the same words also written in lower case in the text are ordinary words there
    assert _names(text) == []


def test_in_a_badly_scanned_text_a_name_split_by_spaces_is_joined():
    debris = "qvo zeb trawn plim oxd vul fenq dorbs ulk nefa rilm sabo kzin wub " * 3
    text = (
        f"REPORT OF CHIEF QUENBURY-ODUYA ON GENERAL KESSLINGER {debris}\n"
        f"THE LETTER WAS SIGNED BY KES SLIN GER AND BY ROSAL IND. {debris}\n"
        f"AS HE SAID, A DAMS REPORT WAS DUE. {debris}\n"
    )
    names = _names(text)
    assert "KES SLIN GER" in names  # a name found in the text
    # a listed name found nowhere else in the text is not joined; nor pieces that are words
    assert not {"ROSAL IND", "AS HE", "A DAMS"} & set(names)
    clean = text.replace(debris, "The report was read and filed without comment.")
    assert "KES SLIN GER" not in _names(clean)


def test_a_far_spelling_before_the_head_of_a_body_is_no_person():
    text = "Colonel Quadrazzini spoke. The Kwadrazzini Development Foundation will pay.\n"
    assert _names(text) == ["Quadrazzini"]
    assert "Kwadrazzini" in _names(text.replace("Development Foundation", "aides"))


def test_far_spellings_in_capitals_are_found_too():
    text = (
        "SUBJECT: TALK WITH GENERAL QUADRAZZINI\n"
        "THE GENERAL SAID THAT KWADRAZZANI WOULD TRAVEL. THE COMMITTEE AGREED.\n"
    )
    names = _names(text)
    assert "KWADRAZZANI" in names  # eleven letters, three misread, a run shared
    assert "COMMITTEE" not in names


def test_a_law_named_after_a_person_with_a_middle_initial_is_not_a_person():
    # a release stamp citing a statute named after a person: the name is the law's title
    for text in (
        "Released under the Orla B. Vantreight\n\nMemorial Records Act of 1994.",
        "RELEASE UNDER THE GOVERNOR ORLA B. VANTREIGHT MEMORIAL RECORDS ACT OF 1994",
    ):
        first = text.index("Orla") if "Orla" in text else text.index("ORLA")
        ner = [(first, first + 4, "PERSON")]
        assert _names(text, ner) == []
    # a person who merely supported a law is still a person
    text = "Senator Orla B. Vantreight spoke for hours against the Records Act."
    assert "Orla B. Vantreight" in " ".join(_names(text, [_ent(text, "Orla B. Vantreight")]))


def test_a_lone_unlisted_word_the_model_calls_a_person_in_scan_debris_is_dropped():
    # the model reads a misread form word as a person; around it, most words are debris
    text = (
        "fwd hte oxq bywn rcvd tnk ulp exq\nRR ppROVED BY QUORBATTE\n7 zq,\n"
        "FILED: GvrmT oqa qzl vbno wyth oodb plim\n"
    )
    assert _names(text, [_ent(text, "QUORBATTE")]) == []
    # the same unlisted name in clean prose stays
    text = (
        "The delegation was led by the finance minister, and after the meeting Quorbatte "
        "told the ambassador that the budget would be presented to parliament next week."
    )
    assert _names(text, [_ent(text, "Quorbatte")]) == ["Quorbatte"]


def test_a_lone_surname_in_scan_debris_is_not_taken():
    # a census surname standing alone in a line of OCR debris is a misread, not a person
    text = (
        "vrnqt ovrpld tnkr.\n\n% qelb frnto wybr Pemberton. Ux qzt\nmrv\nzPlad okst? "
        "oodb trnw ulp exq plim vbno\n"
    )
    assert "Pemberton" not in _names(text)
    # in clean prose the same lone surname is a (weak) finding
    text = "After the reception the delegates left, and later that evening Pemberton drove home."
    assert "Pemberton" in _names(text)
