"""The one record that flows from every detector, through suppression, to every renderer.

A finding is born in a detector (``detect/``) or an extractor's hidden-content check
(``extract/``), gets its location filled in by ``locate.py``, may be dropped by ``suppress/``,
and is printed by ``report/``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any

SEVERITIES = ("info", "low", "medium", "high")
CATEGORIES = ("marking", "pii", "hidden", "structure")


def severity_rank(severity: str) -> int:
    """Order severities so thresholds can compare them (info=0 … high=3)."""
    return SEVERITIES.index(severity)


@dataclass(slots=True)
class Finding:
    """One span a reviewer must look at.

    ``start``/``end`` are Python ``str`` offsets into the text of the segment the finding came
    from (for a plain-text file: the whole decoded file, with no newline translation), so
    ``segment.text[start:end] == text`` always holds before redaction.
    """

    rule_id: str
    category: str
    entity: str
    severity: str
    score: float
    start: int
    end: int
    text: str
    message: str
    path: str = ""
    part: str = "body"
    page: int | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    system: str | None = None
    exemption: str | None = None
    context: str = ""
    fingerprint: str = ""
    detector: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    #: where the span is on its PDF page: (left, bottom, right, top) in points, in the page's
    #: unrotated coordinates (origin bottom left); None outside PDF pages
    bbox: tuple[float, float, float, float] | None = None

    def sort_key(self) -> tuple:
        return (
            self.path,
            _part_order(self.part),
            self.page or 0,
            self.start,
            self.end,
            self.rule_id,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __reduce__(self) -> tuple:
        # pickled as a constructor call: pool workers send every finding back to the parent,
        # and the default for a slotted dataclass (a dict of its slots) is twice as slow
        return (Finding, field_values(self))


#: All fields of a finding as a tuple, in constructor order (one C call: copies, pickling).
field_values = attrgetter(*(f.name for f in fields(Finding)))


def _part_order(part: str) -> str:
    # body first, then the rest alphabetically: keeps report order stable and readable.
    return "" if part == "body" else part
