"""The HTML report draws each PDF page with findings, boxes where the words are."""

from __future__ import annotations

import re

import pytest
import scan_build as build

from redactcheck.engine import Report
from redactcheck.report import html
from redactcheck.report.page_view import RESOLUTION
from redactcheck.report.redact import redact_report

_RECT = re.compile(
    r'<rect class="box sev-(\w+)( filled)?" x="(-?\d+)" y="(-?\d+)" width="(\d+)" height="(\d+)">'
    r"<title>([A-Z0-9-]+)"
)


@pytest.fixture(scope="module")
def scanned_report(scanner, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    path = folder / "scanned.pdf"
    path.write_bytes(build.scanned_memo())
    result = scanner.scan_file(path)
    return Report(findings=result.findings, files_scanned=1)


def _device(x: float, y: float) -> tuple[float, float]:
    """PDF points (origin bottom left) to thumbnail pixels (origin top left)."""
    scale = RESOLUTION / 72
    return x * scale, (792 - y) * scale


def test_boxes_are_drawn_where_the_words_are(scanned_report):
    page = html.render(scanned_report)
    assert page.count("data:image/jpeg;base64,") == 1
    boxes = [m.groups() for m in _RECT.finditer(page)]
    phone = [b for b in boxes if b[6] == "PII-PHONE"]
    assert len(phone) == 1
    x, y, w, h = (int(v) for v in phone[0][2:6])
    word = build.word_boxes()[(1, "555-0147")][0]
    cx, cy = _device(*build.skewed_point((word[0] + word[2]) / 2, (word[1] + word[3]) / 2))
    assert x <= cx <= x + w and y <= cy <= y + h
    banners = [b for b in boxes if b[6] == "US-BANNER-CLASSIFIED"]
    assert len(banners) == 2  # top and bottom of the page
    assert len(page) < 200_000  # one page: a thumbnail, not a full-resolution scan


def test_redacted_report_shows_no_page_image(scanned_report):
    page = html.render(redact_report(scanned_report))
    assert "data:image" not in page
    boxes = [m.groups() for m in _RECT.finditer(page)]
    assert boxes and all(b[1] == " filled" for b in boxes)
    assert build.PHONE not in page
