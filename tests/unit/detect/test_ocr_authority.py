"""Authority block fields whose values OCR damaged or lost (invented cable and memo ends)."""

import pytest

from redactcheck.detect.markings.ocr_authority import authority_findings


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in authority_findings(text, [])]


def test_a_block_of_damaged_fields_is_reported_field_by_field():
    text = "SECRET\nCL BY: OS48?b\nCL REASON: Secton 1.5\nDECL ON: Xl\nDRV FROM: C0V 1-8Z\n"
    assert _found(text) == [
        ("CL BY: OS48?b", "CL BY"),
        ("CL REASON: Secton 1.5", "CL REASON"),
        ("DECL ON: Xl", "DECL ON"),
        ("DRV FROM: C0V 1-8Z", "DRV FROM"),
    ]


def test_a_blank_field_is_a_form_label_not_a_marking():
    assert _found("SECRET. E2 IMPDET CL BY: —____\nDECL ON:\nREVW ON\n") == []


def test_fields_run_together_on_one_line_end_at_the_next_label():
    text = "9. FILE: NONE. CL BY: 0123456, CL REASON: 1.5(C), DECL ON: X1\n"
    assert _found(text) == [
        ("CL BY: 0123456", "CL BY"),
        ("CL REASON: 1.5(C)", "CL REASON"),
        ("DECL ON: X1", "DECL ON"),
    ]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("DERIVATIVE CL BY 12345 __", "DERIVATIVE CL BY 12345"),
        ("O DECL OREVW ON 1990", "OREVW ON 1990"),
        ("RESTRICTED “Derived From: Multiple Sources", "Derived From: Multiple Sources"),
        ("CL BY; | (73208", "CL BY; | (73208"),
    ],
)
def test_box_labels_semicolons_and_title_case_after_noise(line, want):
    assert [t for t, _ in _found(line + "\n")] == [want]


@pytest.mark.parametrize(
    "text",
    [
        "The CL BY rule is simple to read.\n",
        "They DECLARE ON: Monday the results.\n",
        "The reason: he was late.\n",
        "It was derived from public lectures.\n",
        "DECL ON: XYZ\n",
        "CL REASON: none given\n",
    ],
)
def test_words_of_prose_are_no_fields(text):
    assert _found(text) == []


def test_a_field_the_rules_found_is_left_alone():
    text = "CL BY: 0123456\n"
    assert authority_findings(text, [(0, 14)]) == []


@pytest.mark.parametrize(
    ("line", "want", "label"),
    [
        ("CIASSIFTED BY 47S318", "CIASSIFTED BY 47S318", "CLASSIFIED BY"),
        ("INTERNAL SECURITY cy assiFicD BY SUOK SU", "assiFicD BY SUOK SU", "CLASSIFIED BY"),
        ("DECIASSIFV ON: 5X", "DECIASSIFV ON: 5X", "DECLASSIFY ON"),
        (". “DECLASSIFY Ou 50%,", "DECLASSIFY Ou 50%", "DECLASSIFY ON"),
        ("Dectassity an: al", "Dectassity an: al", "DECLASSIFY ON"),
    ],
)
def test_a_spelled_out_label_damaged_by_ocr_is_read(line, want, label):
    assert _found(f"the report follows.\n{line}\nnext line\n") == [(want, label)]


@pytest.mark.parametrize(
    "text",
    [
        "The point was CLARIFIED BY the agent.\n",
        "The text was classitied by the office.\n",
        "CLASSIFIED BY 5448\n",  # clean: the rules read it
        "Those GLORIFIED ON the radio were\n",
    ],
)
def test_english_words_sentences_and_clean_labels_are_left_alone(text):
    assert _found(text) == []


def test_without_hyperscan_the_same_fields_are_found(monkeypatch):
    """The label scan has a Hyperscan pass and a whole-text regex fallback: same findings
    (labels side by side, a label inside a longer one, a letter before REVW)."""
    from redactcheck.detect.markings import ocr_authority

    texts = [
        "SECRET\nCL BY: OS48?b\nCL REASON: Secton 1.5\nDECL ON: Xl\n",
        "CIASSIFTED BY 47S318\nDECIASSIFV ON: 5X\n“ DECLASSIFY  an : 25X1 ON  BY 0N\n",
        "the file was classitied by the office on an early date\n",
        "DERIVATIVE CL BY 0123456 xQREVW ON 2001 -QREVW ON 2002\nCL CL BY: 3 DECL  DECL ON: X1\n",
        "CL.BY; 4, DRV FM: COV 1-82 Derived From: memo. CL BY: 5 DECL BY: 6\n",
    ]
    fast = [authority_findings(t, []) for t in texts]
    assert any(fast)
    monkeypatch.setattr(ocr_authority, "_candidates", lambda _text: None)
    assert [authority_findings(t, []) for t in texts] == fast


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Cl BY: 0571234\n", "Cl BY: 0571234"),
        ("DECL ON: X1\nORV FROM: HUM 2-83\n", "ORV FROM: HUM 2-83"),
        ("\u2018DRY FRM: LIA 3-81\n", "DRY FRM: LIA 3-81"),
        ("0RV FROM: COV 1-82\n", "0RV FROM: COV 1-82"),
    ],
)
def test_a_label_whose_own_letters_ocr_misread_is_read(line, want):
    assert want in [span for span, _ in _found(line)]


@pytest.mark.parametrize(
    "text",
    ["ORV FRM:\n", "THE FIELDS STAYED DRY FROM: MAY TO JUNE\n", "DRY FROM: THE START\n"],
)
def test_misread_labels_without_a_code_are_not_fields(text):
    assert _found(text) == []


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("CCL BY 098765\n", "CCL BY 098765"),  # a letter doubled
        ("GL. BY 025111\n", "GL. BY 025111"),  # C read as G
        ("CL B. 098765\n", "CL B. 098765"),  # Y read as a speck
        ("CL BY 01~345\n", "CL BY 01~345"),  # a digit read as a speck
        ("E2 IMPDET CL BY 0 12345\n", "CL BY 0 12345"),  # a space inside the number
        ("SECRET ck BY 520111/\n", "ck BY 520111"),  # the label in lower case
        ("CL BYY 098765\n", "CL BYY 098765"),  # a letter of BY doubled
        ("Ct bY 012345\n", "Ct bY 012345"),  # a look-alike and a letter in lower case
        ("CL hY 012345\n", "CL hY 012345"),  # B read as a lower-case h
        ("CL BY 0D8765\n", "CL BY 0D8765"),  # 0 read as D inside the number
        ("CCL B` 012345\n", "CCL B` 012345"),  # two damages, the number clean
        ("CL B\u2019 012345\n", "CL B\u2019 012345"),  # Y read as a curly quote
        ("eL BY 012345\n", "eL BY 012345"),  # C read as a lower-case e
        ("CL BY 012\u00a2345\n", "CL BY 012\u00a2345"),  # a typographic speck in the number
    ],
)
def test_a_cl_by_field_with_one_damage_is_read(line, want):
    """Invented CL BY lines, each with one OCR damage in its label or number."""
    assert (want, "CL BY") in _found(line)


@pytest.mark.parametrize(
    "text",
    [
        "CL BY 012345\n",  # clean: the rule's (cl-by)
        "ALL BY 12345 VOTES\n",
        "CALL BY 12345\n",
        "THE VOTE WAS CARRIED BY 123456\n",
        "CL BY 1234\n",  # four digits: no classifier's number
        "CL BY 0123456789\n",  # ten: another number
        "CALL BY 123456\n",  # two edits from CL BY, but a word
        "CCL B` 01~345\n",  # two damages in the label and one in the number: too little
        "NO. '' 123456\n",  # both letters of BY lost
        "(IN \u201c468195\n",
        "ALL BY 123456\n",
        "ELL BY 123456\n",  # another word
        "Director Ashby, 5/23/75\n",  # a name, a date
        "Col by 012345\n",
        "(88-41726\n",  # a number with a look-alike of B before it
        "CO-B-52318\n",
    ],
)
def test_other_words_and_numbers_before_by_are_no_cl_by_field(text):
    assert not [f for f in _found(text) if f[1] == "CL BY"]


def test_without_hyperscan_the_damaged_cl_by_is_read_too(monkeypatch):
    from redactcheck.detect.markings import ocr_authority

    text = "SECRET\nGL. BY 025111\nCCL BY 098765\n"
    fast = authority_findings(text, [])
    assert len(fast) == 2
    monkeypatch.setattr(ocr_authority, "_candidates", lambda _text: None)
    assert authority_findings(text, []) == fast
