"""The terminal review table: severity first, what was found in its line, repeats grouped."""

from __future__ import annotations

import pytest

from redactcheck.engine import Report
from redactcheck.report import table
from redactcheck.report.redact import redact_report
from tests.support import scan_build as build


@pytest.fixture(scope="module")
def memo_report(scanner, tmp_path_factory):
    path = tmp_path_factory.mktemp("table") / "memo.pdf"
    path.write_bytes(build.memo_pdf(pages=2))
    result = scanner.scan_file(path)
    return Report(findings=result.findings, files_scanned=1)


def _lines(report: Report, monkeypatch) -> list[str]:
    monkeypatch.setenv("COLUMNS", "220")
    return table.render(report).splitlines()


def test_rows_by_severity_then_position(memo_report, monkeypatch):
    rows = [
        line
        for line in _lines(memo_report, monkeypatch)
        if line.startswith("│ p") and line.split("│")[2].strip()
    ]
    severities = [row.split("│")[2].strip() for row in rows]
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    assert severities == sorted(severities, key=order.__getitem__)
    assert "US-BANNER-CLASSIFIED" in rows[0]  # the banner, not a routing line, comes first


def test_repeats_are_one_row_with_count_and_places(memo_report, monkeypatch):
    lines = _lines(memo_report, monkeypatch)
    banner = [line for line in lines if "US-BANNER-CLASSIFIED" in line]
    assert len(banner) == 1
    assert "×4" in banner[0]  # top and bottom of two pages
    assert "p1 1:1" in banner[0] and "p2 1:1" in banner[0]
    rows = table._rows(memo_report.findings)
    (whitcombe,) = [r for r in rows if r[0].rule_id == "PII-PERSON" and "Whitcombe" in r[0].text]
    assert [f.page for f in whitcombe] == [1, 2]


def test_found_text_is_shown_in_its_line_and_the_message_once(memo_report, monkeypatch):
    lines = _lines(memo_report, monkeypatch)
    (row,) = [line for line in lines if "PII-PHONE" in line]
    assert f"«{build.PHONE}»" in row and "Contact Margaret Ellison" in row
    assert row.count("Phone number") == 1


def test_redacted_table_shows_no_found_text(memo_report, monkeypatch):
    text = "\n".join(_lines(redact_report(memo_report), monkeypatch))
    assert build.PHONE not in text and "Whitcombe" not in text and "Contact" not in text
