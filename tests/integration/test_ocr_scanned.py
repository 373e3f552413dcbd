"""Scanned releases read out of the box: an image-only PDF of a portion-marked memo (built
here, see scan_build.py) gives the markings, names and phone number on the right page, each
with a box on the page image that holds the word."""

from __future__ import annotations

import json

import pytest

from redactcheck.extract import extract
from tests.support import scan_build as build

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("scan") / "scanned.pdf"
    path.write_bytes(build.scanned_memo())
    return path


def _holds(bbox, word_boxes, slack=1.5) -> bool:
    """The finding's box holds the centre of the word (one of its occurrences) as the
    skewed scan shows it."""
    left, bottom, right, top = bbox
    for box in word_boxes:
        x, y = build.skewed_point((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        if left - slack <= x <= right + slack and bottom - slack <= y <= top + slack:
            return True
    return False


def test_scanned_memo_through_the_cli(scanned_pdf):
    from tests.support.cli import run_cli

    proc = run_cli("scan", str(scanned_pdf), "-f", "json", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    found = {(f["rule_id"], f["text"]) for f in findings}
    assert ("US-BANNER-CLASSIFIED", build.BANNER) in found
    assert {("US-PORTION-MARK", m) for m in ("(S//NF)", "(U)", "(C)")} <= found
    authority = [f["text"] for f in findings if f["rule_id"] == "US-CLASSIFICATION-AUTHORITY"]
    assert any(t.startswith("Classified By:") for t in authority)
    assert any(t.startswith("Declassify On: 20451231") for t in authority)
    assert {("PII-PERSON", n) for n in build.NAMES} <= found
    assert ("PII-PHONE", build.PHONE) in found
    truth = build.word_boxes()
    checked = {
        "US-BANNER-CLASSIFIED": build.BANNER,
        "PII-PERSON": build.NAMES[0],
        "PII-PHONE": build.PHONE,
    }
    for f in findings:
        assert f["page"] == 1
        if f["rule_id"] in checked and f["text"] == checked[f["rule_id"]]:
            first_word = f["text"].split()[0]
            assert _holds(f["bbox"], truth[(1, first_word)]), (f["text"], f["bbox"])
        if f["rule_id"] == "PII-PERSON" and f["text"] == build.NAMES[1]:
            assert _holds(f["bbox"], truth[(1, "Ellison")])
    assert all(f["bbox"] is not None and f["details"]["ocr_confidence"] > 50 for f in findings)


def test_no_ocr_reports_the_page_and_nothing_else(scanned_pdf):
    from tests.support.cli import run_cli

    proc = run_cli("scan", str(scanned_pdf), "--no-ocr", "--no-names", "-f", "json")
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["rule_id"], f["page"]) for f in findings] == [("HIDDEN-NO-TEXT-LAYER", 1)]


def test_a_good_text_layer_is_not_ocrd(monkeypatch):
    from redactcheck.extract import ocr

    def refuse(*args, **kwargs):
        raise AssertionError("a page with a good text layer was OCR'd")

    monkeypatch.setattr("redactcheck.extract.pdf.ocr_page", refuse)
    document = extract("memo.pdf", build.memo_pdf(), ocr=ocr.OcrSettings())
    assert build.NAMES[0] in document.segments[0].text
    assert not any("OCR" in note for note in document.notes)


def test_text_layer_findings_carry_their_box(rules_scanner, tmp_path):
    path = tmp_path / "memo.pdf"
    path.write_bytes(build.memo_pdf())
    result = rules_scanner.scan_file(path)
    truth = build.word_boxes()
    banner = next(f for f in result.findings if f.rule_id == "US-BANNER-CLASSIFIED")
    assert banner.bbox == pytest.approx(truth[(1, build.BANNER)][0], abs=0.2)


def test_a_garbage_layer_under_a_scan_is_read_again():
    document = extract("scan.pdf", build.scan_with_garbage_layer(), ocr=True)
    (ocr_part,) = [s for s in document.segments if s.part == "ocr"]
    assert ocr_part.page == 1
    assert build.PHONE in ocr_part.text and build.NAMES[0] in ocr_part.text


def test_page_limit_and_languages():
    from redactcheck.extract.ocr import OcrSettings, languages

    assert languages("deu+fra") == "eng+deu+fra"
    assert languages(None) == "eng"
    document = extract("scan.pdf", build.scanned_memo(), ocr=OcrSettings(max_pages=0))
    assert [p.hit.rule_id for p in document.hidden] == ["HIDDEN-NO-TEXT-LAYER"]
    assert "only 0 pages of a file are OCR'd" in document.notes[0]


def test_banners_carry_their_margin_band(rules_scanner, tmp_path):
    path = tmp_path / "memo.pdf"
    path.write_bytes(build.memo_pdf())
    result = rules_scanner.scan_file(path)
    banners = [f for f in result.findings if f.rule_id == "US-BANNER-CLASSIFIED"]
    assert sorted(f.details.get("page_band") for f in banners) == ["bottom", "top"]
    names = [f for f in result.findings if f.rule_id == "US-CLASSIFICATION-AUTHORITY"]
    assert names and all("page_band" not in f.details for f in names)


def test_see_through_marker_on_a_scan_is_a_failed_redaction(rules_scanner, tmp_path):
    path = tmp_path / "markers.pdf"
    path.write_bytes(build.scan_with_markers())
    result = rules_scanner.scan_file(path)
    bad = [f for f in result.findings if f.rule_id == "HIDDEN-BAD-REDACTION"]
    # the grey marker over the name lets it through; the solid black box over the phone does not
    assert [(f.text, f.part, f.page, f.details["box_kind"]) for f in bad] == [
        (build.NAMES[0], "see-through", 1, "see-through-marker")
    ]
    word = build.word_boxes()[(1, "Whitcombe")][0]
    left, bottom, right, top = bad[0].bbox
    assert left <= (word[0] + word[2]) / 2 <= right and bottom <= (word[1] + word[3]) / 2 <= top


def test_a_page_over_its_time_budget_is_reported_and_the_next_is_read(monkeypatch):
    from redactcheck.extract import ocr, pdf

    calls = []
    real = pdf.ocr_page

    def slow_first(page, settings):
        calls.append(1)
        if len(calls) == 1:
            raise ocr.OCRTimeout("OCR gave up on the page after 60 s")
        return real(page, settings)

    monkeypatch.setattr(pdf, "ocr_page", slow_first)
    document = extract("scan.pdf", build.scanned_memo(2), ocr=True)
    assert [(p.hit.rule_id, p.segment.page) for p in document.hidden] == [
        ("HIDDEN-NO-TEXT-LAYER", 1)
    ]
    assert any("page 1" in n and "gave up" in n for n in document.notes)
    (page_two,) = [s for s in document.segments if s.part == "body" and s.page == 2]
    assert build.PHONE in page_two.text
