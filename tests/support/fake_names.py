"""A stand-in for the name detector (``redactcheck.detect.pii.names.NameDetector``) that needs no
spaCy model: it reports the names it is given, at every mention, as PERSON hits shaped like
the real detector's (catalogue rule id, severity and message, ``(b)(6)``, an explanation).

Why: tests of what happens to a name after detection (locate, suppress, batching, reports)
should not wait seconds for the model, nor depend on what the model finds; the real detector
is tested on its own (tests/unit/detect/, tests/quality/). Use it as
``Pipeline(Config(names=True), name_detector=FakeNameDetector(["Ottoline Varga"]))``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from redactcheck.catalog import PII_BY_ENTITY
from redactcheck.document import Segment
from redactcheck.finding import Explanation, Hit


class FakeNameDetector:
    """Finds exactly the given names (whole words, case as given); counts its batches."""

    name = "fake-names"

    def __init__(self, names: Iterable[str], score: float = 0.85):
        self.names = tuple(names)
        self.score = score
        self.batches = 0  # detect_many calls: the pipeline batches NER over many files
        longest_first = sorted(self.names, key=len, reverse=True)
        self._pattern = (
            re.compile(r"\b(?:" + "|".join(re.escape(n) for n in longest_first) + r")\b")
            if self.names
            else None
        )

    def detect(self, segment: Segment) -> list[Hit]:
        return self.detect_many([segment])[0]

    def detect_many(self, segments: Sequence[Segment]) -> list[list[Hit]]:
        self.batches += 1
        info = PII_BY_ENTITY["PERSON"]
        found: list[list[Hit]] = []
        for segment in segments:
            matches = self._pattern.finditer(segment.text) if self._pattern else ()
            found.append(
                [
                    Hit(
                        rule_id=info.id,
                        category="pii",
                        entity="PERSON",
                        severity=info.severity,
                        score=self.score,
                        start=m.start(),
                        end=m.end(),
                        text=m.group(0),
                        message=info.message,
                        exemption="(b)(6)",
                        detector=self.name,
                        explanation=Explanation(self.name, self.score),
                    )
                    for m in matches
                ]
            )
        return found
