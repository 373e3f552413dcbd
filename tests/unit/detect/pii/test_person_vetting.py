"""Last checks on the list of people (person_vetting.py): dates, OCR-damaged form words and
countries are never reported as a person, and real names beside them still are.

All text is invented; every name is made up.
"""

from __future__ import annotations

import re

import pytest

from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_rules import find_people
from redactcheck.detect.pii.person_scores import PersonSpan
from redactcheck.detect.pii.person_vetting import vet_people


def _span(text: str, part: str, basis: str) -> PersonSpan:
    start = text.index(part)
    return PersonSpan(start, start + len(part), 0.5, basis)


def _vetted(text: str, part: str, basis: str = "lone-surname") -> list[str]:
    people = vet_people(text, [_span(text, part, basis)], name_words())
    return [text[p.start : p.end] for p in people]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("pursuant to the resolution of Dec. 12, 1822, the statements", "Dec"),
        ("As of Sept. 63 he served as deputy minister.", "Sept"),
        ("CABLE DATED FEB 1965 FROM THE STATION", "FEB"),
        ("talked with the source on 15 Decenber about the shipment", "Decenber"),
        ("the meeting of Tuesday 4 March was postponed", "Tuesday"),
    ],
)
def test_a_month_or_weekday_in_a_date_is_not_a_person(text, part):
    assert _vetted(text, part) == []


def test_a_name_that_ends_in_a_date_keeps_the_name():
    text = "Minister Quellworth's Jan. 17 assurances were welcome."
    assert _vetted(text, "Quellworth's Jan", "title") == ["Quellworth"]


@pytest.mark.parametrize(
    "text",
    [
        "Her cousin April arrived later that week.",  # a given name, no date after it
        "They spoke with Augustin Ferreira-Lobo about the port.",
    ],
)
def test_names_that_look_like_months_stay(text):
    part = "April" if "April" in text else "Augustin Ferreira-Lobo"
    assert _vetted(text, part) == [part]


@pytest.mark.parametrize(
    "word", ["SEGRET", "SECREY", "SEQRET", "Deciassification", "CUASSIFIGATION"]
)
def test_ocr_damaged_marking_and_form_words_are_not_people(word):
    text = f"page two\n\n{word}\n\nthe rest of the report follows"
    assert _vetted(text, word, "ner-single-caps") == []


@pytest.mark.parametrize("name", ["Ormand Sackett", "Teodor Segre", "Secrest", "Ilse Symon"])
def test_a_surname_near_a_form_word_stays(name):
    text = f"report prepared by Special Agent {name} of the field office"
    assert _vetted(text, name, "title") == [name]


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        ("The talks with Mauritius were the first in a decade.", "Mauritius", "lone-surname"),
        ("TACKLING BRAZIL'S ECONOMIC WOES IS THE PRIORITY", "BRAZIL'S", "possessive"),
    ],
)
def test_a_country_on_a_weak_basis_is_not_a_person(text, part, basis):
    assert _vetted(text, part, basis) == []


def test_a_country_name_with_a_title_or_a_given_name_stays():
    text = "Senator Brazil and Jordan met the delegation."
    assert _vetted(text, "Brazil", "title") == ["Brazil"]
    assert _vetted(text, "Jordan", "lone-surname") == ["Jordan"]


def test_find_people_drops_a_model_person_that_is_a_damaged_banner_word():
    text = "The source met Teodora Villaquiran in the capital.\n\nSEGRET\n\nMore follows here.\n"
    s = text.index("SEGRET")
    names = [text[p.start : p.end] for p in find_people(text, [(s, s + 6, "PERSON")])]
    assert "SEGRET" not in names
    assert "Teodora Villaquiran" in names


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ('The magazine "Voz Andina" recently claimed that the ministry knew.', "Voz Andina"),
        ('as the French language daily "Le Quotidien Halloran" reported.', "Le Quotidien Halloran"),
        ("He gave an interview to Tiempo Nuevo newspaper on Monday.", "Tiempo Nuevo"),
        ("leaders, Prensa Orlanda, the official news agency, for release", "Prensa Orlanda"),
        ("A LOAN TO BUY THE MORGEN KURIER, A TABLOID WHICH", "MORGEN KURIER"),
    ],
)
def test_a_publication_the_text_names_as_one_is_not_a_person(text, part):
    assert _vetted(text, part, "list-unknown") == []


def test_every_mention_of_a_publication_goes_with_the_one_the_text_names():
    text = (
        "He spoke to Tiempo Nuevo newspaper on Monday. Radio stations and Tiempo Nuevo "
        "reported on the visit the next day."
    )
    first = _span(text, "Tiempo Nuevo", "propagated")
    second = PersonSpan(
        text.rindex("Tiempo Nuevo"), text.rindex("Tiempo Nuevo") + 12, 0.9, "propagated"
    )
    assert vet_people(text, [first, second], name_words()) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Orla Quenby, the newspaper's owner, declined to comment.", "Orla Quenby"),
        ("Orla Quenby, a newspaper columnist, declined to comment.", "Orla Quenby"),
        ("The daily's editor, Orla Quenby, declined.", "Orla Quenby"),
    ],
)
def test_people_who_work_for_a_publication_stay(text, part):
    assert _vetted(text, part, "list-names") == [part]


@pytest.mark.parametrize("part", ["Ambrose Tallowby", "Ambrose Tallowby’s Sons"])
def test_a_firm_named_after_its_founder_in_a_possessive_is_not_a_person(part):
    text = "New York: Ambrose Tallowby’s Sons, 1911."
    assert _vetted(text, part, "propagated") == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The report was filed in 1974.\n\nE2 IMPDET\nCL BY 012345\n", "IMPDET"),
        ("Quenby, Orla. A History. New York: Harrowgate & Sons, 1950.\n", "Harrowgate"),
        ("Quenby, Orla. A History. London: Tallis Publishing, 1950.\n", "Tallis"),
        ("Distribution:\n1 - OLC/Subject\n1 - OLC/Chrono\n", "Chrono"),
        ("SECRET\nNO FOREIGN DISSEM\n\nThe station reports.\n", "DISSEM"),
        ("TRANSMIT THE FOLLOWING IN\nAIRTEL\nTO: DIRECTOR\n", "AIRTEL"),
        ("AGENCY INFORMATION\nAGENCY : SSCIA\nRECORD NUMBER : 157-00000-00000\n", "SSCIA"),
    ],
)
def test_declassification_codes_and_publishers_are_not_people(text, part):
    # the model calls the word a person; the word lists say what it is
    s = text.index(part)
    names = [text[p.start : p.end] for p in find_people(text, [(s, s + len(part), "PERSON")])]
    assert not any(part in n for n in names)


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        ("the delegation travelled from Moscow to Rotterdam by rail", "Rotterdam", "lone-surname"),
        ("a memorandum of interest to Station Habana follows", "Habana", "ner-single"),
        ("mentioning Camagüey and two other provinces", "Camagüey", "ner-single"),
        ("such as Salta's governor and two others", "Salta", "possessive"),
    ],
)
def test_a_city_on_a_weak_basis_is_not_a_person(text, part, basis):
    assert _vetted(text, part, basis) == []


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        ("the source met Houston at the bar", "Houston", "lone-surname"),  # frequent surname
        ("her cousin Florence wrote twice", "Florence", "ner-single"),  # a given name
        ('an old friend known as "Moro" since 1955', "Moro", "quoted"),  # a nickname
        ("Ambassador Rotterdam left the room", "Rotterdam", "title"),  # a title vouches
    ],
)
def test_a_city_name_with_better_evidence_stays(text, part, basis):
    assert _vetted(text, part, basis) == [part]


def test_a_country_spread_from_another_mention_is_not_a_person():
    text = "Europe\nGreat Britain\nMessage from the President on the fisheries.\n"
    assert _vetted(text, "Great Britain", "propagated") == []


@pytest.mark.parametrize(
    "text",
    [
        "sole owner of R. T. Quenby and Company of the capital",
        "sole owner of R. T. Quenby and Com-\npany of the capital",
        "printed by R. T. Quenby & Co. in 1850",
    ],
)
def test_a_firm_named_and_company_after_its_founder_is_not_a_person(text):
    assert _vetted(text, "R. T. Quenby", "list-names") == []


def test_a_person_and_a_company_word_later_stays():
    text = "R. T. Quenby and his company left early"
    assert _vetted(text, "R. T. Quenby", "list-names") == ["R. T. Quenby"]


@pytest.mark.parametrize(
    "text",
    [
        "Orla Quenby, a reporter for the daily, called twice.",
        "Orla Quenby, the former editor of the weekly, called twice.",
        "Orla Quenby, who founded the newspaper, called twice.",
    ],
)
def test_a_person_described_by_a_role_at_a_publication_stays(text):
    assert _vetted(text, "Orla Quenby", "list-names") == ["Orla Quenby"]


def test_brothers_named_together_stay_people():
    text = (
        "The Quintana Brothers left Havana in 1961. Later the station met Quintana twice and "
        "reported on Quintana again.\n"
    )
    s = text.index("Quintana twice")
    people = find_people(text, [(s, s + 8, "PERSON")])
    assert "Quintana" in [text[p.start : p.end] for p in people]


@pytest.mark.parametrize(
    "text",
    [
        "The station met Quintana daily during the crisis.",
        "He called Quintana weekly, sometimes more.",
        "Quintana, usually weekly, reported to the station.",
    ],
)
def test_daily_and_weekly_as_adverbs_after_a_name_leave_it(text):
    assert _vetted(text, "Quintana", "ner-single") == ["Quintana"]


@pytest.mark.parametrize(
    "text",
    [
        "the Quintana newspaper Novedades attacked the embassy",
        "articles in the Quintana newspaper were hostile",
    ],
)
def test_an_owner_before_the_press_word_stays(text):
    assert _vetted(text, "Quintana", "ner-single") == ["Quintana"]


@pytest.mark.parametrize("word", ["Agemcy", "Burcau", "Subjéet", "Offiee", "Departmemt", "Genoral"])
def test_ocr_damaged_letterhead_and_subject_words_are_not_people(word):
    text = f"the report of the {word} contact was sent to the station on Friday"
    assert _vetted(text, word, "ner-single") == []


@pytest.mark.parametrize("name", ["Moreau", "Agnew", "Centeno", "Orla Subotic", "Officer Gennaro"])
def test_surnames_near_a_letterhead_word_stay(name):
    text = f"the report of Special Agent {name} was sent to the station on Friday"
    part = name.split()[-1] if name.startswith("Officer") else name
    assert _vetted(text, part, "title") == [part]


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        (
            "claims settled by the Treaty of Quellmoor Hidalba in the end",
            "Quellmoor Hidalba",
            "list-names",
        ),
        (
            "awards made after the Treaty of Marrowdene.",
            "Marrowdene",
            "lone-surname",
        ),
        ("THE BATTLE OF TALLOWICK RIDGE WAS FOUGHT IN 1862", "TALLOWICK", "propagated"),
        ("signed at the Convention of Quenby, the accord held", "Quenby", "ner-single"),
    ],
)
def test_a_treaty_or_battle_named_for_a_place_holds_no_person(text, part, basis):
    assert _vetted(text, part, basis) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("it gave the peace of Orla Quenby's family some weight", "Orla Quenby"),
        ("Treaty negotiator Orla Quenby arrived in the capital", "Orla Quenby"),
        ("the treaty of friendship was signed by Orla Quenby in May", "Orla Quenby"),
    ],
)
def test_a_person_beside_treaty_words_stays(text, part):
    assert _vetted(text, part, "list-names") == [part]


@pytest.mark.parametrize(
    "text",
    [
        "EMBOFF asked about the deployment of the SOUTHCOM team to the border.\n",
        "INFO CINCLANT CINCSO\n\nThe USDOC office and USEU staff concurred.\n",
    ],
)
def test_cable_office_shorthand_and_military_commands_are_not_people(text):
    ner = [(m.start(), m.end(), "PERSON") for m in re.finditer(r"\b[A-Z]{4,}\b", text)]
    assert find_people(text, ner) == []


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        (
            "Page 2\nReleased under the John F. Kennedy\n\nAssassination Records Collection act",
            "John F. Kennedy",
            "list-names",
        ),
        (
            "Form 7\n\nReleased under the John F. Kennedy\n\nussassination Records Collection",
            "John F. Kennedy",
            "list-names",
        ),
        (
            "RELEASED PER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT",
            "JOHN F. KENNEDY",
            "title",
        ),
        (
            "boxes of the John F, Kennedy Assassination\nRecords Collection at the archives",
            "John F, Kennedy Assassination",
            "title",
        ),
    ],
)
def test_the_name_in_the_jfk_records_law_is_not_a_person(text, part, basis):
    assert _vetted(text, part, basis) == []


@pytest.mark.parametrize(
    "text",
    [
        "the Kennedy assassination inquiry was discussed again",
        "a memo on the Kennedy Assassination, dated in March, page 4",
        "after the Kennedy\n\nassassination a new theory was aired",
    ],
)
def test_the_attributive_kennedy_assassination_stays_a_person(text):
    assert _vetted(text, "Kennedy", "propagated") == ["Kennedy"]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("By way of QUILLBANE-4 the money reached the station.", "QUILLBANE"),
        ("met QUILLBANE/1 twice; the QUILLBANE net was told", "QUILLBANE"),
        ("a letter from QUILLBANE~13 arrived; QUILLBANE's friend wrote", "QUILLBANE's"),
    ],
)
def test_a_numbered_cryptonym_is_not_a_person_at_any_mention(text, part):
    assert _vetted(text, part, "propagated-ocr") == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("dispatch QXZA-41207 from TALLOWICK reached headquarters", "TALLOWICK"),
        ("TALLOWICK and SMITH-2 were interviewed", "TALLOWICK"),
        ("Informant T-1, TALLOWICK, advised on 4/2/62", "TALLOWICK"),
    ],
)
def test_surnames_beside_file_numbers_stay(text, part):
    assert _vetted(text, part, "ner-single-caps") == [part]


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        (
            "the rebels held most of northern Quellmoor province by May",
            "Quellmoor",
            "lone-surname",
        ),
        (
            "a referendum on the Tallis Region's new statute",
            "Tallis Region",
            "ner",
        ),
        (
            "output of the offshore Marrowdene field fell again",
            "Marrowdene",
            "propagated",
        ),
        (
            "the flight left Quenby Field at noon, the clerk said",
            "Quenby",
            "apposition",
        ),
        ("THE TALLOWICK DISTRICT COUNCIL MET", "TALLOWICK", "ner-single-caps"),
    ],
)
def test_a_subdivision_or_field_named_by_the_noun_after_it_is_no_person(text, part, basis):
    assert _vetted(text, part, basis) == []


@pytest.mark.parametrize(
    ("text", "part", "basis"),
    [
        ("SA Orla Quenby field office Dallas reported", "Orla Quenby", "list-names"),
        ("Quenby field agents searched the house", "Quenby", "ner-single"),
        ("Governor Quellmoor province officials agreed", "Quellmoor", "title"),
        ("Quenby said the fields were flooded", "Quenby", "ner-single"),
    ],
)
def test_a_person_before_field_office_words_stays(text, part, basis):
    assert _vetted(text, part, basis) == [part]


def test_a_surname_that_names_a_subdivision_stays():
    text = "Agents HARLAN B. TALLOWICK,\n\nORVAL K. PARISH and OSWIN R. QUENBY"
    assert _vetted(text, "ORVAL K. PARISH", "propagated") == ["ORVAL K. PARISH"]
