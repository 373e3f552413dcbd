"""The catalogue of every finding that comes from code rather than a rule file: personal data
(Presidio entities), hidden content, document-level marking checks, OCR-damaged markings and
unused suppressions. Each entry holds the rule id, entity, default severity, the message a
finding carries and the description reports and ``docs/rules.md`` print. Rules written as data
carry the same fields in their own YAML files (``rules/``); between the two, every rule id a
report prints is explained, and no detector keeps a severity or message of its own.

Messages may hold ``{placeholders}`` the detector fills in (``{reason}``, ``{word}``);
structure checks write a message per finding, so theirs is empty here.
"""

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
    #: the finding's message (a template for ``str.format`` where the detector fills in parts)
    message: str = ""


_PII = (
    RuleInfo(
        "PII-PERSON", "Person's name", "pii", "PERSON", "medium",
        "A person's name. Names of private individuals and of officials in a personal capacity "
        "are usually withheld under FOIA exemption (b)(6) or (b)(7)(C); the reviewer decides.",
        "Name of a person: personal data, usually withheld under (b)(6).",
    ),
    RuleInfo(
        "PII-EMAIL", "E-mail address", "pii", "EMAIL_ADDRESS", "medium",
        "An e-mail address identifies and reaches a person; withhold it unless it is an "
        "official public address.",
        "E-mail address: contact data that identifies a person.",
    ),
    RuleInfo(
        "PII-PHONE", "Phone number", "pii", "PHONE_NUMBER", "medium",
        "A phone or fax number reaches a person or office; withhold private and direct numbers.",
        "Phone number: contact data that identifies a person.",
    ),
    RuleInfo(
        "PII-OTHER", "Other personal data", "pii", "OTHER", "low",
        "Personal data of a kind enabled in configuration (Presidio entity).",
        "Personal data found by Presidio.",
    ),
)  # fmt: skip

_OTHER = (
    RuleInfo(
        "REDACTCHECK-UNUSED-SUPPRESSION", "Unused suppression", "structure", "SUPPRESSION", "low",
        "An inline `redactcheck: ignore` comment or a configured allowed term, allowed regex or "
        "per-path exclude that silenced nothing in this scan (--report-unused-suppressions). "
        "Remove it so it cannot hide a future finding by accident.",
        "This suppression matches no finding; remove it.",
    ),
    RuleInfo(
        "HIDDEN-BAD-REDACTION", "Text under a redaction box", "hidden", "BAD_REDACTION", "high",
        "PDF text lies under a filled rectangle or an opaque image. The box hides it on screen "
        "and in print, but copy-and-paste and text extraction still reveal it: the redaction "
        "failed. details give the page, the box and the detectors that fire on the hidden text.",
        "Text lies under {reason}: the redaction can be undone by copying the text",
    ),
    RuleInfo(
        "HIDDEN-INVISIBLE-TEXT", "Invisible text", "hidden", "INVISIBLE_TEXT", "medium",
        "PDF text a reader cannot see (same colour as the background, render mode 3 outside a "
        "scanned page's text layer, outside the page, or too small to read) but that search and "
        "extraction reveal.",
        "Text a reader cannot see ({reason}) but that copy, search and extraction reveal",
    ),
    RuleInfo(
        "HIDDEN-EARLIER-REVISION", "Text kept in an earlier revision", "hidden",
        "EARLIER_REVISION", "medium",
        "The PDF was saved with incremental updates and an earlier revision, still in the file, "
        "holds text the final revision does not show. Anyone can recover it by cutting the file "
        "at an earlier %%EOF. Save a clean copy (no incremental update) before release.",
        "An earlier revision kept in the PDF (incremental update) holds text the final one "
        "does not show",
    ),
    RuleInfo(
        "HIDDEN-NO-TEXT-LAYER", "Page without text layer", "hidden", "NO_TEXT_LAYER", "medium",
        "A PDF page has content but no text layer (usually a scanned image), so nothing on it was "
        "checked. Review it by eye or OCR it first.",
        "Page has no text layer (scanned image?): its content was not checked",
    ),
    RuleInfo(
        "HIDDEN-TRACKED-CHANGE", "Tracked change", "hidden", "TRACKED_CHANGE", "medium",
        "A Word tracked insertion or deletion (w:ins, w:del) is still in the file, with its "
        "author. Deleted text stays readable to anyone who opens the file: accept or reject all "
        "changes before release.",
        "Tracked change ({reason}) left in the document: accept or reject it before release",
    ),
    RuleInfo(
        "HIDDEN-COMMENT", "Comment", "hidden", "COMMENT", "medium",
        "A reviewer's comment (Word comment, HTML comment) is still in the file, with its "
        "author. Remove comments before release.",
        "Comment left in the document: remove it before release",
    ),
    RuleInfo(
        "HIDDEN-TEXT", "Hidden text", "hidden", "HIDDEN_TEXT", "medium",
        "Text formatted as hidden (Word w:vanish, HTML display:none or the hidden attribute) is "
        "not shown to a reader but is kept in the file.",
        "Hidden text ({reason}): not shown to a reader, but kept in the file",
    ),
    RuleInfo(
        "HIDDEN-METADATA", "Identifying metadata", "hidden", "METADATA", "medium",
        "Document properties (author, last modified by, company, manager, custom properties) "
        "name a person or organisation. Clear them before release.",
        "Document metadata ({reason}) identifies a person or organisation: clear it before "
        "release",
    ),

    RuleInfo(
        "MARKING-OCR-DAMAGED", "OCR-damaged marking word", "marking", "OCR_DAMAGED_MARKING",
        "medium",
        "A capitalised word that OCR damaged from a long marking word (Unclassifed, "
        "CONFIDENTAL): within one edit per five letters, not a real derivative. Word lists in "
        "rules/lexicons/ocr_markings.yaml. Check the scan for the marking.",
        "OCR-damaged marking word (reads as {word}); check the scan.",
    ),
    RuleInfo(
        "MARKING-STAMP-FRAGMENT", "Part of a stamp", "marking", "STAMP_FRAGMENT", "medium",
        "A fragment of a classification or declassification stamp (Classified by / Exempt "
        "from GDS / Date of Declassification / OTHERWISE) within a few lines of a stamp the "
        "rules found, where OCR interleaved the stamp with other text.",
        "Part of a classification or declassification stamp; check the scan.",
    ),
)  # fmt: skip

#: The document-level marking checks of detect/markings/structure.py (id = STRUCTURE- + entity with
#: hyphens); each finding's message is written by its check.
_STRUCTURE = (
    RuleInfo(
        "STRUCTURE-BANNER-PORTION-MISMATCH", "Banner does not cover the portions", "structure",
        "BANNER_PORTION_MISMATCH", "medium",
        "The banner is lower than the highest portion mark, or lacks a dissemination or "
        "compartment control that a portion carries (32 CFR 2001.21; CAPCO roll-up rules). "
        "The document may be mismarked, or a page of a higher-classified document was mixed in.",
    ),
    RuleInfo(
        "STRUCTURE-PORTION-WITHOUT-BANNER", "Portion marks without a banner", "structure",
        "PORTION_WITHOUT_BANNER", "medium",
        "Paragraphs carry portion marks but no banner line was found: the text is probably an "
        "extract or a partly sanitised copy of a classified document. Review the whole file.",
    ),
    RuleInfo(
        "STRUCTURE-MISSING-AUTHORITY-BLOCK", "Classified text without authority block",
        "structure", "MISSING_AUTHORITY_BLOCK", "medium",
        "Classified text must carry a classification authority block (Classified By, Derived "
        "From, Declassify On, or a cable's DECL line; 32 CFR 2001.21(a)). Without it the "
        "declassification status cannot be checked from the page.",
    ),
    RuleInfo(
        "STRUCTURE-DECLASSIFICATION-DATE-PASSED", "Declassify-on date has passed", "structure",
        "DECLASSIFICATION_DATE_PASSED", "info",
        "The declassify-on date lies before the review date (--as-of): the information may be "
        "declassified automatically unless an exemption (25X, 50X, 75X) extended it.",
    ),
    RuleInfo(
        "STRUCTURE-UNKNOWN-MARKING-TOKEN", "Unknown token in a banner or portion mark",
        "structure", "UNKNOWN_MARKING_TOKEN", "low",
        "A token inside a banner or portion mark is no known marking, often a misspelling "
        "(NOFRON for NOFORN) that hides a control from tools and readers. The closest known "
        "token is suggested.",
    ),
)  # fmt: skip

#: Every code-defined rule by id.
BUILTIN: dict[str, RuleInfo] = {info.id: info for info in (*_PII, *_OTHER, *_STRUCTURE)}

#: Presidio entity -> its rule (PII-OTHER for any other entity enabled in configuration).
PII_BY_ENTITY: dict[str, RuleInfo] = {info.entity: info for info in _PII}
PII_FALLBACK = BUILTIN["PII-OTHER"]
#: The message of an unused suppression from configuration (not an inline directive).
CONFIGURED_UNUSED_MESSAGE = "Configured suppression ({kind}) matches no finding."
