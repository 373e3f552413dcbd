"""Severity from the document's own level: on a document that states it is UNCLASSIFIED, a
marking that claims nothing higher is informational (issue 17; shown by ``rules show``).

Its own module because it runs on every document's hits before the structure checks, and it
reads only the banner and cable-line levels the structure module parses.
"""

from __future__ import annotations

import re
from dataclasses import replace

from redactcheck.detect.markings.structure import (
    BANNER,
    BANNER_LEVEL,
    CABLE,
    UNCLASSIFIED_BANNER,
    cable_level,
    plain_text,
)
from redactcheck.finding import Hit

#: How a marking's severity follows the level the document states (shown by ``rules show``).
STATED_LEVEL_RULE = (
    "On a document whose stated level (banner, cable classification line, security line) is "
    "UNCLASSIFIED and nowhere higher, a marking is info unless it claims CONFIDENTIAL or above; "
    "claims of CONFIDENTIAL, SECRET or TOP SECRET keep their severity, and so does the "
    "UNCLASSIFIED banner itself."
)
_CLAIM_WORD = re.compile(r"(?<![A-Za-z])(?:TOP SECRET|SECRET|CONFIDENTIAL)(?![A-Za-z])")
_CLAIM_PORTION = re.compile(r"^[({\[]?(?:TS|S|C)(?:[)}\]/ ]|$)")
_CLAIM_SECURITY_LINE = re.compile(r"([TSC])\1{4}")


def claims_classified(f: Hit) -> bool:
    """The finding's own text names CONFIDENTIAL or above (a banner word, a (C)/(S)/(TS)
    portion mark, a CCCCC/SSSSS/TTTTT security line, an OCR-damaged classified word)."""
    plain = plain_text(f.text).upper()
    if _CLAIM_WORD.search(plain) or _CLAIM_SECURITY_LINE.search(plain):
        return True
    if f.entity == "PORTION_MARK" and _CLAIM_PORTION.match(plain):
        return True
    word = str(f.details.get("reads_as", "")).upper() if f.details else ""
    return bool(_CLAIM_WORD.search(word))


def stated_level(findings: list[Hit]) -> int | None:
    """The highest level the document states in its banners, cable classification lines and
    security lines; ``None`` when it states none."""
    levels: list[int] = []
    for f in findings:
        if f.category != "marking":
            continue
        if BANNER in f.roles and f.score >= 0.85:
            plain = plain_text(f.text).upper()
            level = next((r for n, r in BANNER_LEVEL.items() if plain.startswith(n)), None)
        elif CABLE in f.roles:
            level = cable_level(f)
        else:
            continue
        if level is not None:
            levels.append(level)
    return max(levels) if levels else None


def apply_stated_level(findings: list[Hit]) -> list[Hit]:
    """``findings`` with the severity of markings lowered on a document that states it is
    UNCLASSIFIED (see ``STATED_LEVEL_RULE``): its SIPDIS caption, ``E.O. 12958: N/A`` line and
    UUUUU security line are not what a reviewer withholds, and a high severity on them buries
    the one marking that claims more."""
    if stated_level(findings) != 0:
        return findings
    return [_info(f) if _lowered(f) else f for f in findings]


def _lowered(f: Hit) -> bool:
    if UNCLASSIFIED_BANNER in f.roles:
        return False  # the statement itself keeps its own (low) severity
    return f.category == "marking" and f.severity != "info" and not claims_classified(f)


def _info(f: Hit) -> Hit:
    return replace(f, severity="info", details={**(f.details or {}), "severity_was": f.severity})
