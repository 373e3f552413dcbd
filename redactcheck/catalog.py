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
)  # fmt: skip
