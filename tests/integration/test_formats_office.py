"""DOCX, HTML and e-mail: every part a reviewer must see, each finding with its part."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.support import formats_build as build

DOCX_TYPE = "vnd.openxmlformats-officedocument.wordprocessingml.document"


def scan_bytes(scanner, tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    result = scanner.scan_file(path)
    assert not result.errors, result.errors
    return result


def keys(findings, *, categories=("hidden", "marking", "pii")):
    return sorted((f.rule_id, f.part, f.text) for f in findings if f.category in categories)


DOCX_HIDDEN = [
    ("HIDDEN-COMMENT", "comment", "Mary Jones: Please remove the paragraph about John Smith."),
    ("HIDDEN-METADATA", "metadata", "Robert Mallory"),
    ("HIDDEN-TEXT", "hidden-text", "Hidden note naming Susan Clark."),
    ("HIDDEN-TRACKED-CHANGE", "tracked-deletion", "Linda Davis: Source was Robert Brown."),
    ("HIDDEN-TRACKED-CHANGE", "tracked-insertion", "Linda Davis: The source is protected."),
]


def test_docx_hidden_content_and_markings(rules_scanner, tmp_path):
    result = scan_bytes(rules_scanner, tmp_path, "review.docx", build.docx_review_copy())
    assert keys(result.findings) == sorted(
        DOCX_HIDDEN
        + [
            ("US-BANNER-CLASSIFIED", "header", "SECRET//NOFORN"),
        ]
    )
    for f in result.findings:
        assert f.page is None
        if f.category == "hidden":
            assert f.severity == "medium"
    tracked = [f for f in result.findings if f.part == "tracked-deletion"]
    assert tracked[0].message.startswith("Tracked change (deletion)")


def test_docx_names_in_comment_deletion_and_properties(scanner, tmp_path):
    result = scan_bytes(scanner, tmp_path, "review.docx", build.docx_review_copy())
    people = {(f.part, f.text) for f in result.findings if f.rule_id == "PII-PERSON"}
    assert {
        ("comment", "Mary Jones"),
        ("comment", "John Smith"),
        ("tracked-deletion", "Linda Davis"),
        ("tracked-deletion", "Robert Brown"),
        ("metadata", "Robert Mallory"),
        ("hidden-text", "Susan Clark"),
    } <= people
    # the visible body reads as the reader sees it: no deleted text in it
    assert not any(f.part == "body" and "Robert Brown" in f.text for f in result.findings)


def _docx_with(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def test_docx_text_box_is_read_once(rules_scanner, tmp_path):
    w = build.W
    xml = f"""<w:document xmlns:w="{w}"
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
      <w:body><w:p><w:r><w:t>Intro. </w:t></w:r><w:r><mc:AlternateContent>
        <mc:Choice><w:txbxContent><w:p><w:r><w:t>TOP SECRET//NOFORN</w:t></w:r></w:p>
        </w:txbxContent></mc:Choice>
        <mc:Fallback><w:txbxContent><w:p><w:r><w:t>TOP SECRET//NOFORN</w:t></w:r></w:p>
        </w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>"""
    result = scan_bytes(rules_scanner, tmp_path, "box.docx", _docx_with(xml.encode()))
    banners = [f for f in result.findings if f.rule_id == "US-BANNER-CLASSIFIED"]
    assert [(f.part, f.text, f.line) for f in banners] == [("body", "TOP SECRET//NOFORN", 2)]


def test_docx_that_is_not_a_zip(rules_scanner, tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"this is not a word file at all")
    result = rules_scanner.scan_file(path)
    assert [e.message for e in result.errors] == ["not a valid DOCX (not a zip archive)"]


def test_docx_zip_bomb_is_refused_before_inflating(rules_scanner, tmp_path, monkeypatch):
    from redactcheck.extract import docx as docx_extractor

    monkeypatch.setattr(docx_extractor, "MAX_MEMBER_BYTES", 1024 * 1024)
    xml = b'<w:document xmlns:w="' + build.W.encode() + b'"><w:body/></w:document>'
    data = _docx_with(xml + b" " * (2 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    result = rules_scanner.scan_file(path)
    assert [e.message for e in result.errors] == [
        "DOCX unpacks to more than the size limit (zip bomb?), not scanned"
    ]


def test_docx_with_broken_xml(rules_scanner, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(_docx_with(b"<w:document><w:body>"))
    result = rules_scanner.scan_file(path)
    assert len(result.errors) == 1 and "\n" not in result.errors[0].message


def test_html_visible_hidden_comment_and_meta(scanner, tmp_path):
    result = scan_bytes(scanner, tmp_path, "notice.html", build.html_page())
    assert keys(result.findings, categories=("hidden",)) == [
        ("HIDDEN-COMMENT", "comment", "draft checked by Peter Brown"),
        ("HIDDEN-TEXT", "hidden-text", "Escort assigned: Linda Davis"),
        ("HIDDEN-TEXT", "hidden-text", "Spare line"),
    ]
    people = {(f.part, f.text) for f in result.findings if f.rule_id == "PII-PERSON"}
    assert {
        ("comment", "Peter Brown"),
        ("hidden-text", "Linda Davis"),
        ("metadata", "Karen Wilson"),
    } <= people
    assert not any("not text" in f.context for f in result.findings)  # scripts are skipped


def test_email_headers_body_and_attachment(scanner, tmp_path):
    attachment = b"CONFIDENTIAL\nThe informant Robert Mallory met the team.\n"
    data = build.email_with_attachment(attachment, "memo.txt")
    result = scan_bytes(scanner, tmp_path, "notes.eml", data)
    found = {(f.rule_id, f.part, f.text) for f in result.findings}
    assert {
        ("PII-EMAIL", "header", "mary.jones@example.org"),
        ("PII-EMAIL", "header", "desk@example.net"),
        ("US-BANNER-CLASSIFIED", "attachment:memo.txt", "CONFIDENTIAL"),
        ("PII-PERSON", "attachment:memo.txt", "Robert Mallory"),
    } <= found
    assert not any(f.part == "body" for f in result.findings)


def test_email_attachment_docx_keeps_its_parts(rules_scanner, tmp_path):
    data = build.email_with_attachment(build.docx_review_copy(), "review.docx", DOCX_TYPE)
    result = scan_bytes(rules_scanner, tmp_path, "fwd.eml", data)
    assert ("HIDDEN-COMMENT", "attachment:review.docx:comment") in {
        (f.rule_id, f.part) for f in result.findings
    }
    assert ("US-BANNER-CLASSIFIED", "attachment:review.docx:header", "SECRET//NOFORN") in keys(
        result.findings
    )


def test_email_attachment_pdf_bad_redaction(rules_scanner, tmp_path):
    data = build.email_with_attachment(build.pdf_name_under_box(), "memo.pdf", "pdf")
    result = scan_bytes(rules_scanner, tmp_path, "mail.eml", data)
    assert [(f.rule_id, f.part, f.page, f.text) for f in result.findings] == [
        ("HIDDEN-BAD-REDACTION", "attachment:memo.pdf", 1, "John Smith")
    ]


def test_unreadable_attachment_is_an_error_not_a_crash(rules_scanner, tmp_path):
    # issue 15, fail loud: an attachment nobody could read is named under errors (exit 2),
    # once for the file
    data = build.email_with_attachment(b"%PDF-1.4 garbage", "broken.pdf", "pdf")
    (tmp_path / "mail.eml").write_bytes(data)
    result = rules_scanner.scan_file(tmp_path / "mail.eml")
    assert len(result.errors) == 1
    assert "broken.pdf" in result.errors[0].message
    assert "not scanned" in result.errors[0].message


@pytest.mark.parametrize(
    "name", ["review.docx", "notice.html", "notes.eml", "memo.pdf", "minutes.pdf"]
)
def test_offsets_are_exact_in_every_part(scanner, name):
    from redactcheck.extract import extract

    data = {
        "review.docx": build.docx_review_copy,
        "notice.html": build.html_page,
        "notes.eml": lambda: build.email_with_attachment(
            build.docx_review_copy(), "review.docx", DOCX_TYPE
        ),
        "memo.pdf": build.pdf_name_under_box,
        "minutes.pdf": build.pdf_with_earlier_revision,
    }[name]()
    document = extract(name, data)
    findings = scanner.detect_document(document)
    assert findings
    for f in findings:
        matches = [
            s for s in document.segments
            if s.part == f.part and s.page == f.page and s.text[f.start : f.end] == f.text
        ]  # fmt: skip
        assert matches, (f.rule_id, f.part, f.text)
        assert f.line >= 1 and f.column >= 1


def test_sniffing_by_content():
    from redactcheck.extract import sniff

    headers = b"From: Mary Jones <mary.jones@example.org>\nTo: desk@example.net\nSubject: x\n\nHi\n"
    assert sniff("message", headers) == "message/rfc822"
    assert sniff("memo.txt", headers) == "text/plain"  # a memo with FROM/TO lines stays text
    assert sniff("report", build.pdf_metadata_author()) == "application/pdf"
    assert sniff("renamed.txt", build.docx_review_copy()).endswith("wordprocessingml.document")
    assert sniff("page", b"<!DOCTYPE html><html></html>") == "text/html"


def test_docx_notes_moves_and_all_property_kinds(scanner, tmp_path):
    w = build.W
    ns = f'xmlns:w="{w}"'
    document = f"""<w:document {ns}><w:body>
      <w:p><w:r><w:t>Report body.</w:t></w:r>
        <w:moveFrom w:id="3" w:author="Peter Brown">
          <w:r><w:t>Moved sentence.</w:t></w:r></w:moveFrom>
      </w:p></w:body></w:document>"""
    footnotes = f"""<w:footnotes {ns}>
      <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
      <w:footnote w:id="1"><w:p><w:r><w:t>(S) Source: Karen Wilson.</w:t></w:r></w:p></w:footnote>
    </w:footnotes>"""
    endnotes = f"""<w:endnotes {ns}><w:endnote w:id="1"><w:p><w:r>
      <w:t>Declassify on: 20351231</w:t></w:r></w:p></w:endnote></w:endnotes>"""
    app = """<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
      <Company>Harbour Logistics Ltd</Company><Manager>Susan Clark</Manager></Properties>"""
    custom = """<Properties
      xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
      xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
      <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Reviewer">
      <vt:lpwstr>James Taylor</vt:lpwstr></property></Properties>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", document)
        z.writestr("word/footnotes.xml", footnotes)
        z.writestr("word/endnotes.xml", endnotes)
        z.writestr("docProps/app.xml", app)
        z.writestr("docProps/custom.xml", custom)
    result = scan_bytes(scanner, tmp_path, "notes.docx", buffer.getvalue())
    found = {(f.rule_id, f.part, f.text) for f in result.findings}
    assert {
        ("HIDDEN-TRACKED-CHANGE", "tracked-deletion", "Peter Brown: Moved sentence."),
        ("US-PORTION-MARK", "footnote", "(S)"),
        ("PII-PERSON", "footnote", "Karen Wilson"),
        ("HIDDEN-METADATA", "metadata", "Harbour Logistics Ltd"),
        ("HIDDEN-METADATA", "metadata", "Susan Clark"),
        ("HIDDEN-METADATA", "metadata", "James Taylor"),
    } <= found
    assert any(f.part == "endnote" and f.category == "marking" for f in result.findings)
    assert not any(f.part == "body" and "Moved" in f.context for f in result.findings)


def test_html_hidden_by_stylesheet_class_or_id(rules_scanner, tmp_path):
    page = b"""<html><head><style>
      .internal { color: red; display: none }
      #draft{visibility:hidden}
      .shown { display: block }
    </style></head><body>
      <p class="shown">Public text.</p>
      <p class="note internal">SECRET//NOFORN</p>
      <div id="draft">Draft line.</div>
    </body></html>"""
    result = scan_bytes(rules_scanner, tmp_path, "styled.html", page)
    assert keys(result.findings) == [
        ("HIDDEN-TEXT", "hidden-text", "Draft line."),
        ("HIDDEN-TEXT", "hidden-text", "SECRET//NOFORN"),
        ("US-BANNER-CLASSIFIED", "hidden-text", "SECRET//NOFORN"),
    ]
