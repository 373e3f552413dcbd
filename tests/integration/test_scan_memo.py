"""Issue 2 acceptance: a classified memo is fully reported, a recipe is not, offsets are exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import FIXTURES

MEMO = FIXTURES / "memo_secret.txt"
RECIPE = FIXTURES / "recipe.txt"


@pytest.fixture(scope="module")
def memo_result(scanner):
    return scanner.scan_file(MEMO)


def _texts(result, **where) -> list[str]:
    return [
        f.text
        for f in result.findings
        if all(getattr(f, key) == value for key, value in where.items())
    ]


def test_every_offset_is_exact(memo_result):
    text = MEMO.read_bytes().decode("utf-8")
    assert memo_result.findings
    for f in memo_result.findings:
        assert text[f.start : f.end] == f.text, f


def test_line_and_column_point_at_the_text(memo_result):
    lines = MEMO.read_text(encoding="utf-8").split("\n")
    for f in memo_result.findings:
        if f.line == f.end_line:
            assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == f.text


def test_banner_top_and_bottom(memo_result):
    assert _texts(memo_result, entity="CLASSIFICATION_BANNER") == ["SECRET//NOFORN"] * 2


def test_portion_marks(memo_result):
    assert sorted(_texts(memo_result, entity="PORTION_MARK")) == sorted(
        ["(U)", "(S)", "(S//NF)", "(U)"]
    )


def test_authority_block(memo_result):
    lines = _texts(memo_result, entity="CLASSIFICATION_AUTHORITY")
    assert any(t.startswith("Classified By:") for t in lines)
    assert any(t.startswith("Derived From:") for t in lines)
    assert "Declassify On: 20491231" in lines
    assert any(t.startswith("Reason: 1.4(b)") for t in lines)


def test_three_names_email_and_phone(memo_result):
    people = set(_texts(memo_result, entity="PERSON"))
    for name in ("Harriet Quellmann", "Tobias Renwick", "Marguerite Okafor"):
        assert any(name in p for p in people), (name, people)
    assert _texts(memo_result, entity="EMAIL_ADDRESS") == [
        "h.quellmann@regional-affairs.example.org"
    ]
    assert _texts(memo_result, entity="PHONE_NUMBER") == ["(202) 555-0147"]


def test_findings_carry_the_documented_fields(memo_result):
    f = memo_result.findings[0]
    assert f.path.endswith("memo_secret.txt")
    assert f.part == "body" and f.page is None
    assert len(f.fingerprint) == 32
    assert f.category in ("marking", "pii")
    assert f.message.endswith(".")


def test_recipe_reports_nothing(scanner):
    result = scanner.scan_file(RECIPE)
    assert result.findings == [], [(f.rule_id, f.text) for f in result.findings]


def test_fingerprint_survives_unrelated_edits(rules_scanner, write):
    original = MEMO.read_text(encoding="utf-8")
    first = rules_scanner.scan_file(write("memo.txt", original))
    edited = original.replace("MEMORANDUM FOR THE RECORD", "MEMORANDUM FOR THE RECORD\n\nDRAFT 2\n")
    second = rules_scanner.scan_file(write("memo.txt", edited))
    assert [f.fingerprint for f in first.findings] == [f.fingerprint for f in second.findings]
    assert [f.line for f in first.findings] != [f.line for f in second.findings]


def test_crlf_offsets_are_not_translated(rules_scanner, write):
    path = write("crlf.txt", "Intro line\r\n\r\nSECRET//NOFORN\r\n(S) Text here.\r\n")
    result = rules_scanner.scan_file(path)
    raw = Path(path).read_bytes().decode("utf-8")
    assert {f.text for f in result.findings} >= {"SECRET//NOFORN", "(S)"}
    for f in result.findings:
        assert raw[f.start : f.end] == f.text
    banner = next(f for f in result.findings if f.entity == "CLASSIFICATION_BANNER")
    assert (banner.line, banner.column) == (3, 1)
