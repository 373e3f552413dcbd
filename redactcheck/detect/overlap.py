"""One finding per marked region: a marking inside a larger marking is not reported again.

``SECRET//NOFORN`` is one banner, not a banner plus a NOFORN control; a release stamp that
starts with ``UNCLASSIFIED`` is one stamp. Reporting both makes a reviewer read the same words
twice. Document-level checks still see every hit: this runs after them, on what is reported.
"""

from __future__ import annotations

from redactcheck.finding import Hit


def drop_nested_markings(findings: list[Hit]) -> list[Hit]:
    """Drop marking findings whose span lies inside another marking finding's span.

    Only ``marking`` findings of the same segment are compared; personal data, hidden-content
    and structure findings are always kept. Of two identical spans the higher score stays.
    """
    markings = [f for f in findings if f.category == "marking"]
    if len(markings) < 2:
        return findings
    ordered = sorted(markings, key=lambda f: (f.start, -f.end, -f.score, f.rule_id))
    kept_ids: set[int] = set()
    cover_end = -1
    for f in ordered:
        if f.end <= cover_end:
            continue  # inside (or equal to) an earlier, wider marking
        kept_ids.add(id(f))
        cover_end = max(cover_end, f.end)
    return [f for f in findings if f.category != "marking" or id(f) in kept_ids]


#: Contact entities that both the rules and the phone recogniser may report.
_SHARED_CONTACTS = frozenset({"PHONE_NUMBER"})


def drop_duplicate_contacts(findings: list[Hit]) -> list[Hit]:
    """Drop a rule's phone finding where the recogniser (Presidio) reports the same number:
    a fax-header rule reports clean numbers too, and a reviewer reads each number once."""
    theirs = [
        (f.start, f.end)
        for f in findings
        if f.entity in _SHARED_CONTACTS and not f.detector.startswith("rules:")
    ]
    if not theirs:
        return findings
    return [
        f
        for f in findings
        if not (
            f.entity in _SHARED_CONTACTS
            and f.detector.startswith("rules:")
            and any(f.start < e and s < f.end for s, e in theirs)
        )
    ]
