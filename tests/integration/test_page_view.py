"""The HTML report draws each PDF page with findings, boxes where the words are."""

from __future__ import annotations

import re

import pytest

from redactcheck.engine import Report
from redactcheck.report import html
from redactcheck.report.page_view import RESOLUTION
from redactcheck.report.redact import redact_report
from tests.support import scan_build as build

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


def test_page_view_in_chromium(scanned_report, tmp_path):
    """Chromium draws the page image and the boxes on it: on the screenshot the phone
    number's box is stroked where the SVG puts it, and holds the ink of the printed number
    (the image is not blocked by the report's Content-Security-Policy)."""
    from tests.integration.test_html_report import CHROMIUM, _screenshot

    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from PIL import Image

    page = html.render(scanned_report)
    boxes = {m.group(7): m.groups() for m in _RECT.finditer(page)}
    png = _screenshot(page, tmp_path)
    image = Image.open(png).convert("RGB")
    pixels = image.load()
    width, height = image.size
    # the figure's 1-px #bbb border: its top-left corner places the SVG on the screenshot
    corner = next(
        (x, y)
        for y in range(height)
        for x in range(width - 300)
        if all(_near(pixels[x + k, y], (0xBB, 0xBB, 0xBB), 8) for k in range(0, 300, 10))
    )
    dx, dy = corner[0] + 1, corner[1] + 1
    # the phone number's box is stroked in the medium colour, where the SVG says
    x0, y0 = (int(v) for v in boxes["PII-PHONE"][2:4])
    x1 = x0 + int(boxes["PII-PHONE"][4])
    edge = [pixels[x0 + dx + k, y0 + dy + 6] for k in range(-2, 3)]  # the left side
    assert any(_near(p, (0xF9, 0xA8, 0x25), 40) for p in edge), edge
    edge = [pixels[x1 + dx + k, y0 + dy + 6] for k in range(-2, 3)]  # the right side
    assert any(_near(p, (0xF9, 0xA8, 0x25), 40) for p in edge), edge
    x, y, w, h = (int(v) for v in boxes["PII-PHONE"][2:6])
    inside = [
        pixels[px + dx, py + dy] for px in range(x + 4, x + w - 4) for py in range(y + 4, y + h - 4)
    ]
    assert min(sum(p) for p in inside) < 300  # the number's ink is inside its box


def _near(colour, target, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, target, strict=False))
