"""One command over a folder of mixed formats, and reports that never leak hidden text."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.support import formats_build as build
from tests.support.cli import run_cli

DOCX_TYPE = "vnd.openxmlformats-officedocument.wordprocessingml.document"

#: text that sits under a box, in a comment, in metadata, in a tracked deletion, in hidden text
#: or in an attachment: none of it may appear in a --redact report.
SECRETS = [
    "John Smith",
    "Karen Wilson",
    "Robert Mallory",
    "Mary Jones",
    "Please remove the paragraph",
    "Robert Brown",
    "Susan Clark",
    "Peter Brown",
    "Linda Davis",
    "James Taylor",
    "Contact Mary Jones directly",
]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "cable.txt").write_text("SECRET//NOFORN\nSummary of the visit.\n", encoding="utf-8")
    (folder / "notes.md").write_text("# Notes\n\n(S) The plan was agreed.\n", encoding="utf-8")
    (folder / "notice.html").write_bytes(build.html_page())
    (folder / "memo.pdf").write_bytes(build.pdf_name_under_box())
    (folder / "image.pdf").write_bytes(build.pdf_text_under_image())
    (folder / "budget.pdf").write_bytes(build.pdf_metadata_author())
    (folder / "report.pdf").write_bytes(build.pdf_white_text())
    (folder / "minutes.pdf").write_bytes(build.pdf_with_earlier_revision())
    (folder / "redacted.pdf").write_bytes(build.pdf_name_under_box(with_name=False))
    (folder / "review.docx").write_bytes(build.docx_review_copy())
    (folder / "mail.eml").write_bytes(
        build.email_with_attachment(build.docx_review_copy(), "review.docx", DOCX_TYPE)
    )
    return folder


def test_mixed_folder_scans_in_one_command(mixed):
    proc = run_cli("scan", str(mixed), "--format", "json", "--no-redact", cwd=mixed)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["errors"] == []
    assert report["summary"]["files_scanned"] == 11
    by_file: dict[str, set] = {}
    for f in report["findings"]:
        assert "part" in f and "page" in f
        by_file.setdefault(f["path"], set()).add((f["rule_id"], f["part"], f["page"]))
    assert ("US-BANNER-CLASSIFIED", "body", None) in by_file["cable.txt"]
    assert ("US-PORTION-MARK", "body", None) in by_file["notes.md"]
    assert ("HIDDEN-TEXT", "hidden-text", None) in by_file["notice.html"]
    assert ("HIDDEN-BAD-REDACTION", "body", 1) in by_file["memo.pdf"]
    assert ("HIDDEN-BAD-REDACTION", "body", 1) in by_file["image.pdf"]
    assert ("HIDDEN-METADATA", "metadata", None) in by_file["budget.pdf"]
    assert ("HIDDEN-INVISIBLE-TEXT", "body", 1) in by_file["report.pdf"]
    assert ("HIDDEN-EARLIER-REVISION", "earlier-revision", 1) in by_file["minutes.pdf"]
    assert ("HIDDEN-COMMENT", "comment", None) in by_file["review.docx"]
    assert ("US-BANNER-CLASSIFIED", "header", None) in by_file["review.docx"]
    assert ("HIDDEN-TRACKED-CHANGE", "attachment:review.docx:tracked-deletion", None) in by_file[
        "mail.eml"
    ]
    assert "redacted.pdf" not in by_file  # a proper redaction gives no finding


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "csv", "table"])
def test_redact_never_shows_hidden_text(mixed, fmt):
    proc = run_cli("scan", str(mixed), "--format", fmt, "--redact", cwd=mixed)
    assert proc.returncode == 1, proc.stderr
    for secret in SECRETS:
        assert secret not in proc.stdout, (fmt, secret)
        assert secret not in proc.stderr, (fmt, secret)
    assert "REDACTED" in proc.stdout


def test_without_redact_the_reviewer_sees_what_is_hidden(mixed):
    proc = run_cli("scan", str(mixed), "--format", "json", "--no-redact", cwd=mixed)
    report = json.loads(proc.stdout)
    bad = [f for f in report["findings"] if f["rule_id"] == "HIDDEN-BAD-REDACTION"]
    assert sorted(f["details"]["hidden_text"] for f in bad) == ["John Smith", "Karen Wilson"]
    memo = next(f for f in bad if f["path"] == "memo.pdf")
    assert memo["details"]["detectors"] == ["PII-PERSON"]


def test_sarif_and_csv_carry_part_and_page(mixed):
    sarif = json.loads(run_cli("scan", str(mixed), "-f", "sarif", "--no-redact", cwd=mixed).stdout)
    results = sarif["runs"][0]["results"]
    bad = next(r for r in results if r["ruleId"] == "HIDDEN-BAD-REDACTION")
    assert bad["properties"]["page"] == 1 and bad["properties"]["part"] == "body"
    rule_ids = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert {"HIDDEN-BAD-REDACTION", "HIDDEN-COMMENT", "HIDDEN-METADATA"} <= rule_ids
    descriptions = {
        r["id"]: r["fullDescription"]["text"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]
    }
    assert descriptions["HIDDEN-BAD-REDACTION"] != "HIDDEN-BAD-REDACTION"  # from the catalog

    rows = list(
        csv.DictReader(io.StringIO(run_cli("scan", str(mixed), "-f", "csv", cwd=mixed).stdout))
    )
    comment = next(
        r for r in rows if r["rule_id"] == "HIDDEN-COMMENT" and r["path"] == "review.docx"
    )
    assert comment["part"] == "comment" and comment["page"] == ""
    bad = next(r for r in rows if r["rule_id"] == "HIDDEN-BAD-REDACTION")
    assert bad["page"] == "1"


def test_table_shows_part_and_page(mixed):
    proc = run_cli("scan", str(mixed / "review.docx"), str(mixed / "memo.pdf"), cwd=mixed, env=None)
    assert "tracked-deletion" in proc.stdout
    assert "p1 1:29" in proc.stdout


def test_broken_files_are_one_line_errors_and_the_scan_goes_on(tmp_path):
    (tmp_path / "ok.txt").write_text("SECRET//NOFORN\n", encoding="utf-8")
    (tmp_path / "cut.pdf").write_bytes(build.pdf_name_under_box()[:300])
    (tmp_path / "fake.docx").write_bytes(b"plain words, not a zip")
    proc = run_cli("scan", str(tmp_path), "--format", "json", "--no-names", cwd=tmp_path)
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert [(e["path"], e["message"]) for e in report["errors"]] == [
        ("cut.pdf", "damaged or truncated PDF, not scanned"),
        ("fake.docx", "not a valid DOCX (not a zip archive)"),
    ]
    assert any(f["path"] == "ok.txt" for f in report["findings"])
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.pdf", "fake.docx", "ok.txt"]


def test_notes_say_how_a_file_was_read(tmp_path):
    (tmp_path / "legacy.txt").write_bytes(
        "Résumé of the café meeting: déjà vu for the committee, naïve façade.\n".encode("cp1252")
    )
    (tmp_path / "scan.pdf").write_bytes(build.pdf_scanned_page(with_ocr_layer=False))
    proc = run_cli("scan", str(tmp_path), "-f", "json", "--no-names", cwd=tmp_path)
    notes = {(n["path"], n["message"].split(" ")[0]) for n in json.loads(proc.stdout)["notes"]}
    assert ("legacy.txt", "decoded") in notes
    assert ("scan.pdf", "page") in notes
    table = run_cli("scan", str(tmp_path), "--no-names", cwd=tmp_path).stdout
    assert "note: scan.pdf: page 1 has no text layer" in table


def test_attachment_name_is_masked_under_redact(tmp_path):
    data = build.email_with_attachment(
        b"Robert Mallory met the team.\n", "Robert Mallory notes.txt"
    )
    (tmp_path / "mail.eml").write_bytes(data)
    proc = run_cli("scan", str(tmp_path), "-f", "json", "--redact", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert any(f["part"].startswith("attachment:") for f in report["findings"])
    assert "Robert Mallory" not in proc.stdout
