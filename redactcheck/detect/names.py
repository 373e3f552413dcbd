"""Personal-data detector: names, e-mail addresses and phone numbers through Presidio + spaCy.

This is where every ``pii`` finding is born. Cables and OCR text are often ALL CAPS, where the
stock model misses most names, so NER runs on a case-restored copy of such lines: the copy has
the same length as the original, so every offset maps back one-for-one.
"""

from __future__ import annotations

from dataclasses import dataclass

from redactcheck.detect.casing import restore_case
from redactcheck.detect.contact_rules import is_phone
from redactcheck.detect.person_rules import find_people
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
        others = [e for e in self.entities if e != "PERSON"]
        results = []
        if others:
            results = self.analyzer.analyze(
                text=restored,
                language="en",
                entities=others,
                score_threshold=self.min_score,
                nlp_artifacts=artifacts,
            )
        findings: list[Finding] = []
        if "PERSON" in self.entities:
            ents = [(e.start_char, e.end_char, e.label_) for e in artifacts.entities]
            findings.extend(self._people(text, ents))
        for r in results:
            info = ENTITY_INFO.get(r.entity_type, _FALLBACK)
            span = text[r.start : r.end]
            if not span.strip():
                continue
            if r.entity_type == "PHONE_NUMBER" and not is_phone(text, r.start, r.end):
                continue
            findings.append(
                Finding(
                    rule_id=info.rule_id,
                    category="pii",
                    entity=r.entity_type,
                    severity=info.severity,
                    score=round(float(r.score), 3),
                    start=r.start,
                    end=r.end,
                    text=span,
                    message=info.message,
                    exemption="(b)(6)",
                    detector="presidio",
                )
            )
        return findings

    def _people(self, text: str, ents: list[tuple[int, int, str]]) -> list[Finding]:
        """PERSON findings from the NER entities plus the title, signature and propagation
        rules of :mod:`redactcheck.detect.person_rules`."""
        info = ENTITY_INFO["PERSON"]
        return [
            Finding(
                rule_id=info.rule_id,
                category="pii",
                entity="PERSON",
                severity=info.severity,
                score=p.score,
                start=p.start,
                end=p.end,
                text=text[p.start : p.end],
                message=info.message,
                exemption="(b)(6)",
                detector="presidio",
                details={"basis": p.basis},
            )
            for p in find_people(text, ents)
            if p.score >= self.min_score
        ]
