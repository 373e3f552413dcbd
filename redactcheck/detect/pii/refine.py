"""From raw recogniser output to the personal-data findings a reviewer sees.

Presidio's results (spaCy PERSON entities, e-mail and phone matches) are raw material: the
PERSON entities go through the person rules (titles, signatures, propagation, false-alarm
filters: :mod:`redactcheck.detect.pii.person_rules` and the modules it calls), phone matches
must look like phone numbers (:mod:`redactcheck.detect.pii.contact_rules`), everything else
passes unchanged. Kept apart from how NER is run (one text at a time or batched), so that both
paths share one post-processing.
"""

from __future__ import annotations

from collections.abc import Iterable

from redactcheck.catalog import PII_BY_ENTITY, PII_FALLBACK
from redactcheck.detect.pii.brackets import unbracket, whole_brackets
from redactcheck.detect.pii.contact_rules import is_phone
from redactcheck.detect.pii.person_rules import find_people
from redactcheck.detect.pii.spans import trim_to_line
from redactcheck.finding import Explanation, Hit

#: (entity type, start, end, score) with offsets into the text being refined.
RawResult = tuple[str, int, int, float]


def refine_results(
    text: str,
    results: Iterable[RawResult],
    *,
    entities: Iterable[str],
    min_score: float = 0.0,
    other_ner: Iterable[tuple[int, int, str]] = (),
) -> list[Hit]:
    """Findings for ``text`` from raw results.

    ``other_ner`` optionally lists the model's non-person entities (start, end, label); a lone
    word the model calls a place elsewhere in the text is then not reported as a person.
    """
    wanted = set(entities)
    # a span never crosses a line break: spaCy glues the next line's first word onto a name
    results = [(kind, *trim_to_line(text, s, e), score) for kind, s, e, score in results]
    findings: list[Hit] = []
    if "PERSON" in wanted:
        ner = [(s, e, "PERSON") for kind, s, e, _ in results if kind == "PERSON"]
        ner += [(s, e, label) for s, e, label in other_ner if label != "PERSON"]
        info = PII_BY_ENTITY["PERSON"]
        for p in find_people(unbracket(text), ner):
            if p.score < min_score:
                continue
            p.start, p.end = whole_brackets(text, p.start, p.end)
            findings.append(
                Hit(
                    rule_id=info.id,
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
                    explanation=Explanation(f"name-rules:{p.basis}", p.score),
                )
            )
    for kind, start, end, score in results:
        if kind == "PERSON" or kind not in wanted or score < min_score:
            continue
        span = text[start:end]
        if not span.strip():
            continue
        if kind == "PHONE_NUMBER":
            if not is_phone(text, start, end):
                continue
            if span.startswith("(") and ")" not in span:
                # the number stands whole in brackets ("Fairview (312-555-0190)"): the
                # recogniser keeps the opening bracket only; the finding is the number
                start += 1
                span = text[start:end]
        info = PII_BY_ENTITY.get(kind, PII_FALLBACK)
        findings.append(
            Hit(
                rule_id=info.id,
                category="pii",
                entity=kind,
                severity=info.severity,
                score=round(float(score), 3),
                start=start,
                end=end,
                text=span,
                message=info.message,
                exemption="(b)(6)",
                detector="presidio",
                explanation=Explanation("ner", float(score)),
            )
        )
    return findings
