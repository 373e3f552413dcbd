"""Personal-data detector: names, e-mail addresses and phone numbers through Presidio + spaCy.

This is where every ``pii`` finding is born. Cables and OCR text are often ALL CAPS, where the
stock model misses most names, so NER runs on a case-restored copy of such lines: the copy has
the same length as the original, so every offset maps back one-for-one.
"""

from __future__ import annotations

from dataclasses import dataclass

from redactcheck.detect.casing import restore_case
from redactcheck.detect.refine import refine_results
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
        # one NER pass on the case-restored copy, shared by Presidio and the person rules
        artifacts = self.analyzer.nlp_engine.process_text(restored, "en")
        results = self.analyzer.analyze(
            text=restored,
            language="en",
            entities=list(self.entities),
            nlp_artifacts=artifacts,
        )
        return refine_results(
            text,
            [(r.entity_type, r.start, r.end, r.score) for r in results],
            entities=self.entities,
            min_score=self.min_score,
            other_ner=[(e.start_char, e.end_char, e.label_) for e in artifacts.entities],
        )


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
