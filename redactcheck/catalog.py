"""Descriptions of findings that come from code rather than rule files (names, hidden content,
document-level checks), so every report can explain every rule id it prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    name: str
    category: str
    entity: str
    severity: str
    description: str


BUILTIN: dict[str, RuleInfo] = {}


def register(*infos: RuleInfo) -> None:
    for info in infos:
        BUILTIN[info.id] = info


register(
    RuleInfo(
        "PII-PERSON", "Person's name", "pii", "PERSON", "medium",
        "A person's name. Names of private individuals and of officials in a personal capacity "
        "are usually withheld under FOIA exemption (b)(6) or (b)(7)(C); the reviewer decides.",
    ),
    RuleInfo(
        "PII-EMAIL", "E-mail address", "pii", "EMAIL_ADDRESS", "medium",
        "An e-mail address identifies and reaches a person; withhold it unless it is an "
        "official public address.",
    ),
    RuleInfo(
        "PII-PHONE", "Phone number", "pii", "PHONE_NUMBER", "medium",
        "A phone or fax number reaches a person or office; withhold private and direct numbers.",
    ),
    RuleInfo(
        "PII-OTHER", "Other personal data", "pii", "OTHER", "low",
        "Personal data of a kind enabled in configuration (Presidio entity).",
    ),
)  # fmt: skip

register(
    RuleInfo(
        "REDACTCHECK-UNUSED-SUPPRESSION", "Unused suppression", "structure", "SUPPRESSION", "low",
        "An inline `redactcheck: ignore` comment or a configured allowed term, allowed regex or "
        "per-path exclude that silenced nothing in this scan (--report-unused-suppressions). "
        "Remove it so it cannot hide a future finding by accident.",
    ),
    RuleInfo(
        "HIDDEN-BAD-REDACTION", "Text under a redaction box", "hidden", "BAD_REDACTION", "high",
        "PDF text lies under a filled rectangle or an opaque image. The box hides it on screen "
        "and in print, but copy-and-paste and text extraction still reveal it: the redaction "
        "failed. details give the page, the box and the detectors that fire on the hidden text.",
    ),
    RuleInfo(
        "HIDDEN-INVISIBLE-TEXT", "Invisible text", "hidden", "INVISIBLE_TEXT", "medium",
        "PDF text a reader cannot see (same colour as the background, render mode 3 outside a "
        "scanned page's text layer, outside the page, or too small to read) but that search and "
        "extraction reveal.",
    ),
    RuleInfo(
        "HIDDEN-EARLIER-REVISION", "Text kept in an earlier revision", "hidden",
        "EARLIER_REVISION", "medium",
        "The PDF was saved with incremental updates and an earlier revision, still in the file, "
        "holds text the final revision does not show. Anyone can recover it by cutting the file "
        "at an earlier %%EOF. Save a clean copy (no incremental update) before release.",
    ),
    RuleInfo(
        "HIDDEN-NO-TEXT-LAYER", "Page without text layer", "hidden", "NO_TEXT_LAYER", "medium",
        "A PDF page has content but no text layer (usually a scanned image), so nothing on it was "
        "checked. Review it by eye or OCR it first.",
    ),
    RuleInfo(
        "HIDDEN-TRACKED-CHANGE", "Tracked change", "hidden", "TRACKED_CHANGE", "medium",
        "A Word tracked insertion or deletion (w:ins, w:del) is still in the file, with its "
        "author. Deleted text stays readable to anyone who opens the file: accept or reject all "
        "changes before release.",
    ),
    RuleInfo(
        "HIDDEN-COMMENT", "Comment", "hidden", "COMMENT", "medium",
        "A reviewer's comment (Word comment, HTML comment) is still in the file, with its "
        "author. Remove comments before release.",
    ),
    RuleInfo(
        "HIDDEN-TEXT", "Hidden text", "hidden", "HIDDEN_TEXT", "medium",
        "Text formatted as hidden (Word w:vanish, HTML display:none or the hidden attribute) is "
        "not shown to a reader but is kept in the file.",
    ),
    RuleInfo(
        "HIDDEN-METADATA", "Identifying metadata", "hidden", "METADATA", "medium",
        "Document properties (author, last modified by, company, manager, custom properties) "
        "name a person or organisation. Clear them before release.",
    ),
)  # fmt: skip

register(
    RuleInfo(
        "MARKING-OCR-DAMAGED", "OCR-damaged marking word", "marking", "OCR_DAMAGED_MARKING",
        "medium",
        "A capitalised word that OCR damaged from a long marking word (Unclassifed, "
        "CONFIDENTAL): within one edit per five letters, not a real derivative. Word lists in "
        "rules/lexicons/ocr_markings.yaml. Check the scan for the marking.",
    ),
    RuleInfo(
        "MARKING-STAMP-FRAGMENT", "Part of a stamp", "marking", "STAMP_FRAGMENT", "medium",
        "A fragment of a classification or declassification stamp (Classified by / Exempt "
        "from GDS / Date of Declassification / OTHERWISE) within a few lines of a stamp the "
        "rules found, where OCR interleaved the stamp with other text.",
    ),
)  # fmt: skip
