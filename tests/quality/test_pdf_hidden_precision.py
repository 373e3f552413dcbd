"""Hidden-content checks on pages like real releases: no alarm where nothing is hidden, and
each failed redaction reported box by box."""

from __future__ import annotations

import pytest

from tests.support import hidden_build as build


def scan(scanner, tmp_path, data: bytes, name: str = "page.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    result = scanner.scan_file(path)
    assert not result.errors, result.errors
    return result


def hidden(result, rule: str | None = None):
    return [
        (f.rule_id, f.text)
        for f in result.findings
        if f.category == "hidden" and (rule is None or f.rule_id == rule)
    ]


@pytest.mark.parametrize("page_rotate", [0, 90])
def test_rotated_small_print_is_not_too_small(rules_scanner, tmp_path, page_rotate):
    # narrow letters of sideways text have boxes under 2 pt high; the type is 5 pt
    result = scan(rules_scanner, tmp_path, build.rotated_small_print(page_rotate=page_rotate))
    assert hidden(result) == []


def test_tiny_rotated_print_is_still_too_small(rules_scanner, tmp_path):
    result = scan(rules_scanner, tmp_path, build.tiny_rotated_print())
    assert hidden(result) == [
        ("HIDDEN-INVISIBLE-TEXT", "Tiny sideways note about Gerald Pinewood.")
    ]
    assert result.findings[0].details["reason"] == "too small to read"


def test_ocr_layer_over_a_small_logo_is_not_hidden(rules_scanner, tmp_path):
    result = scan(rules_scanner, tmp_path, build.ocr_layer_over_logo())
    assert hidden(result) == []


def test_invisible_copy_of_the_visible_lines_is_not_hidden(rules_scanner, tmp_path):
    result = scan(rules_scanner, tmp_path, build.invisible_copy_of_visible_text())
    assert hidden(result) == []


def test_white_label_on_a_rounded_button_is_visible(rules_scanner, tmp_path):
    result = scan(rules_scanner, tmp_path, build.white_label_on_rounded_button())
    assert hidden(result) == []


def test_covered_runs_never_swallow_visible_text(rules_scanner, tmp_path):
    result = scan(rules_scanner, tmp_path, build.box_over_a_column())
    assert hidden(result) == [
        ("HIDDEN-BAD-REDACTION", "Oscar Lindqvist"),
        ("HIDDEN-BAD-REDACTION", "Mirela"),
    ]
    assert all("Visible" not in f.text for f in result.findings)


def test_label_fitted_in_each_box_is_the_tools_mark(rules_scanner, tmp_path):
    result = scan(rules_scanner, tmp_path, build.label_fitted_in_each_box())
    assert hidden(result) == []


def test_same_colour_text_painted_over_a_box_is_hidden(rules_scanner, tmp_path):
    result = scan(rules_scanner, tmp_path, build.same_colour_text_over_box())
    assert hidden(result) == [("HIDDEN-BAD-REDACTION", "Theodora Quist")]


def test_ocr_layer_over_a_box_is_not_hidden_under_it(rules_scanner, tmp_path):
    # an OCR program's invisible text drawn on top of a box reads the box, it is not under it
    result = scan(rules_scanner, tmp_path, build.same_colour_text_over_box(invisible=True))
    assert hidden(result) == []


@pytest.mark.parametrize(
    ("builder", "box_kind"),
    [
        (build.cross_hatched_box, "rectangle"),
        (build.box_with_faint_outlines, "rectangle"),
        (build.thick_line_over, "stroke"),
        (lambda: build.annotation_with_appearance("square"), "square-annotation"),
        (lambda: build.annotation_with_appearance("highlight"), "highlight-annotation"),
        (lambda: build.annotation_with_appearance("ink"), "ink-annotation"),
    ],
    ids=["cross-hatched", "faint-outlines", "thick-line", "square-ap", "highlight-ap", "ink-ap"],
)
def test_boxes_that_are_not_one_colour_still_hide(rules_scanner, tmp_path, builder, box_kind):
    result = scan(rules_scanner, tmp_path, builder())
    bad = [f for f in result.findings if f.rule_id == "HIDDEN-BAD-REDACTION"]
    assert [(f.text, f.details["box_kind"]) for f in bad] == [("Ingrid Vasquez", box_kind)]


def test_font_without_unicode_map_is_read_through_its_glyph_order(rules_scanner, tmp_path):
    from redactcheck.extract import extract

    document = extract("memo.pdf", build.glyph_number_font("Call Rosalind Achebe now, 5-7 pm."))
    assert document.segments[0].text.strip() == "Call Rosalind Achebe now, 5-7 pm."
    result = scan(rules_scanner, tmp_path, build.glyph_number_font("Rosalind Achebe", box=True))
    assert hidden(result) == [("HIDDEN-BAD-REDACTION", "Rosalind Achebe")]


def test_bookmark_titles_are_read(scanner, tmp_path):
    result = scan(scanner, tmp_path, build.bookmark_keeps_a_redacted_heading())
    people = [(f.part, f.text) for f in result.findings if f.rule_id == "PII-PERSON"]
    assert people == [("outline", "Ingrid Vasquez")]


def test_text_outside_its_clipping_path_is_invisible(rules_scanner, tmp_path):
    result = scan(rules_scanner, tmp_path, build.text_outside_its_clip())
    assert hidden(result) == [("HIDDEN-INVISIBLE-TEXT", "Clipped away: Desmond Albright.")]
    assert result.findings[0].details["reason"] == "outside its clipping path"
