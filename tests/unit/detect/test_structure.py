"""Document-level marking checks on synthetic memos (all text made up for these tests)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from redactcheck.catalog import BUILTIN
from redactcheck.config import Config
from redactcheck.detect.markings.declassify import parse_declassify_on
from redactcheck.engine import Scanner
from tests.support.cli import run_cli

CONSISTENT = """SECRET//NOFORN

MEMORANDUM FOR THE DIRECTOR

SUBJECT: (U) Quarterly review of the harbour project

1. (S//NF) The harbour authority moved the tender to March.
2. (C) The contractor asked for an extension.
3. (U) Routine staffing notes follow.

Classified By: Alma Quist, Deputy Director
Reason: 1.4(b)
Declassify On: 20451231

SECRET//NOFORN
"""

CONFIDENTIAL_OVER_SECRET = """CONFIDENTIAL

MEMORANDUM FOR THE FILE

1. (S) The ministry moved the launch date.
2. (C) Nothing else changed.

Classified By: Bo Linden, Director
Derived From: Multiple Sources
Declassify On: 20451231

CONFIDENTIAL
"""

NO_BANNER = """Notes from the meeting

(S) The ministry moved the launch date.
(C) Nothing else changed.
"""

NO_AUTHORITY = """SECRET

MEMORANDUM FOR THE FILE

1. (S) The ministry moved the launch date.
2. (U) Routine.

SECRET
"""

PASSED_DATE = """SECRET

1. (S) The ministry moved the launch date.

Classified By: Bo Linden, Director
Derived From: Multiple Sources
Declassify On: 20200101

SECRET
"""

MISSPELT = """SECRET//NOFRON

1. (S) The ministry moved the launch date.

Classified By: Bo Linden, Director
Declassify On: 20451231

SECRET//NOFRON
"""

NEWS = """Spy agency files

The newspaper said the report was top secret. A SECRET meeting took place, officials said,
and the classified annex was never published. Its confidential sources were protected.
"""


def structure(tmp_path, text: str, as_of: date = date(2026, 11, 22)):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    result = Scanner(Config(names=False, as_of=as_of)).scan_file(path)
    out = [f for f in result.findings if f.detector == "structure"]
    for f in out:
        assert text[f.start : f.end] == f.text
        assert f.rule_id in BUILTIN
    return out


def entities(findings):
    return sorted(f.entity for f in findings)


def test_consistent_memo_has_no_structure_finding(tmp_path):
    assert structure(tmp_path, CONSISTENT) == []


def test_confidential_banner_over_secret_portion(tmp_path):
    found = structure(tmp_path, CONFIDENTIAL_OVER_SECRET)
    assert entities(found) == ["BANNER_PORTION_MISMATCH"]
    assert found[0].text == "CONFIDENTIAL"
    assert "(S)" in found[0].message


def test_portions_without_banner(tmp_path):
    found = structure(tmp_path, NO_BANNER)
    assert "PORTION_WITHOUT_BANNER" in entities(found)
    hit = next(f for f in found if f.entity == "PORTION_WITHOUT_BANNER")
    assert hit.text == "(S)" and hit.line == 3


def test_secret_memo_without_authority_block(tmp_path):
    found = structure(tmp_path, NO_AUTHORITY)
    assert entities(found) == ["MISSING_AUTHORITY_BLOCK"]


def test_declassify_on_date_passed(tmp_path):
    found = structure(tmp_path, PASSED_DATE, as_of=date(2026, 11, 22))
    assert entities(found) == ["DECLASSIFICATION_DATE_PASSED"]
    assert found[0].severity == "info"
    assert "2020-01-01" in found[0].message


def test_declassify_on_date_not_yet_passed(tmp_path):
    assert structure(tmp_path, PASSED_DATE, as_of=date(2019, 6, 1)) == []


def test_misspelt_banner_token(tmp_path):
    found = [f for f in structure(tmp_path, MISSPELT) if f.entity == "UNKNOWN_MARKING_TOKEN"]
    assert found and all(f.text == "NOFRON" for f in found)
    assert found[0].details["suggestion"] == "NOFORN"
    assert "NOFORN" in found[0].message


def test_mismatched_dissemination_control(tmp_path):
    text = CONSISTENT.replace("SECRET//NOFORN", "SECRET")
    found = structure(tmp_path, text)
    assert entities(found) == ["BANNER_PORTION_MISMATCH"]
    assert found[0].details["missing_controls"] == ["NOFORN"]


def test_news_article_quoting_markings_gets_no_structure_finding(tmp_path):
    assert structure(tmp_path, NEWS) == []


@pytest.mark.parametrize(
    ("value", "when", "exemptions"),
    [
        ("Declassify On: 20451231", date(2045, 12, 31), []),
        ("E.O. 12958: DECL: 05/19/2027", date(2027, 5, 19), []),
        ("E.O. 13526: DECL: 2021/09/30", date(2021, 9, 30), []),
        ("DECL: OADR", None, ["OADR"]),
        ("Declassify On: 25X1", None, ["25X1"]),
        ("E.O. 12958: DECL: 1.6X1", None, ["1.6X1"]),
        ("Declassify On: 25X1, 20520630", date(2052, 6, 30), ["25X1"]),
        ("E.O. 12958: DECL: 07/04/18", date(2018, 7, 4), []),
    ],
)
def test_declassify_on_forms(value, when, exemptions):
    assert parse_declassify_on(value) == (when, exemptions)


def test_exemption_extending_a_passed_date_is_named(tmp_path):
    text = PASSED_DATE.replace("Declassify On: 20200101", "Declassify On: 25X1, 20200101")
    found = structure(tmp_path, text)
    assert entities(found) == ["DECLASSIFICATION_DATE_PASSED"]
    assert "25X1" in found[0].message and "extends" in found[0].message


def test_as_of_flag_reaches_the_check(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text(PASSED_DATE, encoding="utf-8")
    late = run_cli("scan", "--no-names", "--format", "json", "--as-of", "2026-11-22", str(path))
    early = run_cli("scan", "--no-names", "--format", "json", "--as-of", "2019-06-01", str(path))
    late_entities = [f["entity"] for f in json.loads(late.stdout)["findings"]]
    early_entities = [f["entity"] for f in json.loads(early.stdout)["findings"]]
    assert "DECLASSIFICATION_DATE_PASSED" in late_entities
    assert "DECLASSIFICATION_DATE_PASSED" not in early_entities


@pytest.mark.parametrize(
    "banner",
    [
        "TOP SECRET//SI-G ABCD/TK//RSEN/ORCON/NOFORN",
        "SECRET//RD-CNWDI//NOFORN",
        "SECRET//REL TO USA, GBR, AUS",
        "SECRET//NOFORN//EXDIS",
        "SECRET//FGI DEU//NOFORN",
        "SECRET//CUI//SP-PRVCY//NOFORN",
        "TOP SECRET//HCS-P/SI//ORCON/NOFORN",
        "SECRET//SAR-QL//NOFORN",
    ],
)
def test_valid_banners_have_no_unknown_token(tmp_path, banner):
    body = "1. (S) Talks moved.\n\nClassified By: Bo Linden\nDeclassify On: 20451231"
    text = f"{banner}\n\n{body}\n\n{banner}\n"
    found = [f for f in structure(tmp_path, text) if f.entity == "UNKNOWN_MARKING_TOKEN"]
    assert found == []


def test_misspelt_portion_token_is_suggested(tmp_path):
    text = MISSPELT.replace("NOFRON", "NOFORN").replace("1. (S)", "1. (S//ORCN)")
    found = [f for f in structure(tmp_path, text) if f.entity == "UNKNOWN_MARKING_TOKEN"]
    assert [(f.text, f.details["suggestion"]) for f in found] == [("ORCN", "ORCON")]


def test_structure_check_can_be_disabled_like_a_rule(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text(NO_AUTHORITY, encoding="utf-8")
    config = Config(names=False, disable=["STRUCTURE-MISSING-AUTHORITY-BLOCK"])
    found = Scanner(config).scan_file(path).findings
    assert [f for f in found if f.category == "structure"] == []


def test_compartment_in_banner_covers_the_portions_shorter_form(tmp_path):
    text = CONSISTENT.replace("SECRET//NOFORN", "TOP SECRET//SI-G ABCD//NOFORN").replace(
        "1. (S//NF)", "1. (TS//SI-G//NF)"
    )
    assert structure(tmp_path, text) == []
    missing = text.replace("TOP SECRET//SI-G ABCD//NOFORN", "TOP SECRET//NOFORN")
    found = structure(tmp_path, missing)
    assert [f.details.get("missing_controls") for f in found] == [["SI-G"]]


# --- cable header block and the document's own level (synthetic cables) ---------------------

CABLE_NOFORN_LINE = """C O N F I D E N T I A L SECTION 01 OF 02 LIMA 000455

NOFORN SIPDIS

E.O. 12958: DECL: 04/30/2031
TAGS: PREL PGOV PE
SUBJECT: PORT TALKS STALL

REF: (A) STATE 1201;
(B) LIMA 455;
(C) LIMA 391

Classified By: Deputy Chief of Mission Ann Roe, reasons 1.4 (b) and (d)

1. (C/NF) The port authority postponed the tender.
2. (C) The ministry expects a decision in May.
"""

UNCLAS_CABLE = """ZNR UUUUU ZZH
UNCLAS SECTION 01 OF 02 QUITO 000812

SIPDIS

SENSITIVE

E.O. 12958: N/A
TAGS: ECON EC

REF: (A) QUITO 700;
(B) QUITO 650;
(C) STATE 2211

1. (SBU) The tariff review slipped again.
2. (U) Officials expect a vote in June.
"""


def test_noforn_on_the_line_under_a_cable_banner_belongs_to_the_banner(tmp_path):
    found = structure(tmp_path, CABLE_NOFORN_LINE)
    assert [f for f in found if f.entity == "BANNER_PORTION_MISMATCH"] == []


def test_noforn_missing_from_a_cable_header_is_still_reported(tmp_path):
    text = CABLE_NOFORN_LINE.replace("NOFORN SIPDIS", "SIPDIS")
    found = [f for f in structure(tmp_path, text) if f.entity == "BANNER_PORTION_MISMATCH"]
    assert found and found[0].details["missing_controls"] == ["NOFORN"]


def _scan(tmp_path, text):
    path = tmp_path / "cable.txt"
    path.write_text(text, encoding="utf-8")
    return Scanner(Config(names=False)).scan_file(path).findings


def test_reference_list_is_no_portion_mark_on_an_unclassified_cable(tmp_path):
    findings = _scan(tmp_path, UNCLAS_CABLE)
    assert not [f for f in findings if f.entity == "PORTION_MARK" and f.text == "(C)"]
    assert not [f for f in findings if f.detector == "structure" and f.severity != "info"]


def test_markings_on_an_unclassified_cable_are_informational(tmp_path):
    findings = [f for f in _scan(tmp_path, UNCLAS_CABLE) if f.category == "marking"]
    by_text = {f.text: f for f in findings}
    assert by_text["SIPDIS"].severity == "info"
    assert by_text["ZNR UUUUU ZZH"].severity == "info"
    assert by_text["SENSITIVE"].rule_id == "STATE-SBU-CAPTION"  # not New Zealand's
    assert by_text["UNCLAS SECTION 01 OF 02 QUITO 000812"].entity == "CLASSIFICATION_BANNER"
    assert not [f for f in findings if f.system == "nz"]


def test_a_classified_claim_on_an_unclassified_cable_stays_high(tmp_path):
    text = UNCLAS_CABLE.replace("2. (U) Officials", "2. (C) Officials")
    findings = _scan(tmp_path, text)
    claim = next(f for f in findings if f.text == "(C)")
    assert claim.severity == "high"


def test_markings_on_a_classified_cable_keep_their_severity(tmp_path):
    findings = _scan(tmp_path, CABLE_NOFORN_LINE)
    assert next(f for f in findings if f.text == "SIPDIS").severity == "high"


def test_routing_lines_are_not_markings(tmp_path):
    text = "VZCZCXYZ0001\nPP RUEHWEB\nDE RUEHLI #0455 1201530\nFM AMEMBASSY LIMA\n" + (
        CABLE_NOFORN_LINE
    )
    findings = _scan(tmp_path, text)
    routing = [f for f in findings if f.rule_id in ("CABLE-ROUTING-HEADER", "STATE-TAGS-LINE")]
    assert routing and all(f.category != "marking" and f.severity == "info" for f in routing)


def test_rel_with_country_names_is_a_known_token(tmp_path):
    text = CABLE_NOFORN_LINE.replace("2. (C) The", "2. (S/REL UK) The").replace(
        "C O N F I D E N T I A L", "S E C R E T"
    )
    found = [f for f in structure(tmp_path, text) if f.entity == "UNKNOWN_MARKING_TOKEN"]
    assert found == []


def test_rules_show_states_the_severity_rule():
    proc = run_cli("rules", "show", "STATE-CAPTION")
    assert proc.returncode == 0
    assert "stated level" in proc.stdout and "UNCLASSIFIED" in proc.stdout
