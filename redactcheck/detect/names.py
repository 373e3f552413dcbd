"""Personal-data detector: names, e-mail addresses and phone numbers through Presidio + spaCy.

This is where every ``pii`` finding is born. Cables and OCR text are often ALL CAPS, where the
stock model misses most names, so NER runs on a case-restored copy of such lines: the copy has
the same length as the original, so every offset maps back one-for-one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redactcheck.document import Segment
from redactcheck.finding import Finding

DEFAULT_ENTITIES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER")


@dataclass(frozen=True, slots=True)
class EntityInfo:
    rule_id: str
    severity: str
    message: str


ENTITY_INFO = {
    "PERSON": EntityInfo(
        "PII-PERSON", "medium", "Name of a person: personal data, usually withheld under (b)(6)."
    ),
    "EMAIL_ADDRESS": EntityInfo(
        "PII-EMAIL", "medium", "E-mail address: contact data that identifies a person."
    ),
    "PHONE_NUMBER": EntityInfo(
        "PII-PHONE", "medium", "Phone number: contact data that identifies a person."
    ),
}
_FALLBACK = EntityInfo("PII-OTHER", "low", "Personal data found by Presidio.")

_CAPS_LINE_MIN_LETTERS = 4
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def restore_case(text: str) -> str:
    """Title-case words on lines that are mostly upper case; keep the length exactly."""
    if not any(c.isupper() for c in text):
        return text
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        letters = [c for c in line if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        if len(letters) >= _CAPS_LINE_MIN_LETTERS and upper >= 0.8 * len(letters):
            line = _WORD.sub(_title_word, line)
        out.append(line)
    restored = "".join(out)
    return restored if len(restored) == len(text) else text


def _title_word(m: re.Match[str]) -> str:
    word = m.group(0)
    rest = "".join(c.lower() if len(c.lower()) == 1 else c for c in word[1:])
    return word[0] + rest


class NameDetector:
    """Runs Presidio once per segment; one instance (one loaded model) per worker."""

    name = "presidio"

    def __init__(self, model: str, entities: tuple[str, ...] = DEFAULT_ENTITIES, min_score: float = 0.0):
        from redactcheck.detect.nlp import build_analyzer

        self.entities = tuple(entities)
        self.min_score = min_score
        self.analyzer = build_analyzer(model, self.entities)

    def detect(self, segment: Segment) -> list[Finding]:
        text = segment.text
        if not text.strip():
            return []
        restored = restore_case(text)
        results = self.analyzer.analyze(
            text=restored, language="en", entities=list(self.entities), score_threshold=self.min_score
        )
        findings: list[Finding] = []
        for r in results:
            info = ENTITY_INFO.get(r.entity_type, _FALLBACK)
            start, end = _trim_to_line(text, r.start, r.end)
            span = text[start:end]
            if not span.strip():
                continue
            findings.append(
                Finding(
                    rule_id=info.rule_id,
                    category="pii",
                    entity=r.entity_type,
                    severity=info.severity,
                    score=round(float(r.score), 3),
                    start=start,
                    end=end,
                    text=span,
                    message=info.message,
                    exemption="(b)(6)",
                    detector="presidio",
                )
            )
        return findings


def _trim_to_line(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep a span on its first line, without surrounding blanks.

    spaCy glues the next line's first word onto a name ("Harold Pinkerton\nSubject" in a list
    of document properties); a name never spans a line break.
    """
    while start < end and text[start].isspace():
        start += 1
    for i in range(start, end):
        if text[i] in "\r\n":
            end = i
            break
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
