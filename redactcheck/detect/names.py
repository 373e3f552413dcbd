"""Personal-data detector: names, e-mail addresses and phone numbers through Presidio + spaCy.

This is where every ``pii`` finding is born. Cables and OCR text are often ALL CAPS, where the
stock model misses most names, so NER runs on a case-restored copy of such lines: the copy has
the same length as the original, so every offset maps back one-for-one.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from redactcheck.chunk import MAX_CHARS, Chunk, split
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


#: A PERSON needs a capitalised word once case is restored; a text without one skips spaCy.
_CANDIDATE = re.compile(r"[A-Z]")
#: Phone recognition (libphonenumber, slow) only runs on texts with five or more digits close
#: together; e-mail recognition only on texts holding an ``@``.
_DIGIT_RUN = re.compile(r"\d(?:[^\w\n]{0,3}\d){4,}")
#: Characters of text handed to spaCy in one ``nlp.pipe`` batch: bounds peak memory.
_BATCH_CHARS = 200_000
_MEMO_SIZE = 2048


class NameDetector:
    """Runs spaCy NER once per text and Presidio's recognisers on its output.

    One instance (one loaded model) per worker. ``detect_many`` batches texts through
    ``nlp.pipe``, splits long texts into overlapping chunks (``chunk.py``) and reuses results
    for identical texts; ``detect`` is the one-segment case.
    """

    name = "presidio"

    def __init__(
        self,
        model: str,
        entities: tuple[str, ...] = DEFAULT_ENTITIES,
        min_score: float = 0.0,
        *,
        sentence_parser: bool = False,
    ):
        from redactcheck.detect.nlp import build_analyzer

        self.entities = tuple(entities)
        self.min_score = min_score
        self.analyzer = build_analyzer(model, self.entities, sentence_parser)
        self.nlp_engine = self.analyzer.nlp_engine
        self.nlp = self.nlp_engine.nlp["en"]
        self._memo: OrderedDict[str, list] = OrderedDict()
        self.max_chars = MAX_CHARS  # longest text handed to spaCy at once (chunk.py)

    def detect(self, segment: Segment) -> list[Finding]:
        return self.detect_many([segment])[0]

    def detect_many(self, segments: Sequence[Segment]) -> list[list[Finding]]:
        """Findings for each segment, in order; NER runs once over all of them."""
        pieces: list[list[tuple[Chunk, str]]] = []
        todo: dict[str, None] = {}
        for segment in segments:
            restored = restore_case(segment.text) if segment.text.strip() else ""
            cuts = split(restored, self.max_chars) if restored else []
            chunks = [(c, restored[c.start : c.end]) for c in cuts]
            pieces.append(chunks)
            for _, text in chunks:
                if text not in self._memo:
                    todo[text] = None
        self._analyze_texts(list(todo))
        out: list[list[Finding]] = []
        for segment, chunks in zip(segments, pieces, strict=True):
            results = []
            for chunk, text in chunks:
                for r in self._memo[text]:
                    start, end = r.start + chunk.start, r.end + chunk.start
                    if chunk.owns(start):
                        results.append((r, start, end))
            out.append(self._findings(segment, results))
        return out

    def _analyze_texts(self, texts: list[str]) -> None:
        """Presidio results for each text into the memo (spaCy batched, recognisers per text)."""
        need_ner = [t for t in texts if "PERSON" in self.entities and _CANDIDATE.search(t)]
        skip = [t for t in texts if not ("PERSON" in self.entities and _CANDIDATE.search(t))]
        for text in skip:
            self._remember(text, self._analyze(text, self.nlp.make_doc(text)))
        for batch in _batches(need_ner, _BATCH_CHARS):
            for text, doc in zip(batch, self.nlp.pipe(batch, batch_size=len(batch)), strict=True):
                self._remember(text, self._analyze(text, doc))

    def _analyze(self, text: str, doc) -> list:
        entities = [e for e in self.entities if _worth_running(e, text)]
        if not entities:
            return []
        artifacts = self.nlp_engine._doc_to_nlp_artifact(doc, "en")
        return self.analyzer.analyze(
            text=text,
            language="en",
            entities=entities,
            score_threshold=self.min_score,
            nlp_artifacts=artifacts,
        )

    def _remember(self, text: str, results: list) -> None:
        self._memo[text] = results
        while len(self._memo) > _MEMO_SIZE:
            self._memo.popitem(last=False)

    def _findings(self, segment: Segment, results: list) -> list[Finding]:
        """Per-segment post-processing: Presidio results (with segment offsets) to findings."""
        text = segment.text
        findings: list[Finding] = []
        for r, start, end in results:
            info = ENTITY_INFO.get(r.entity_type, _FALLBACK)
            start, end = _trim_to_line(text, start, end)
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


def _worth_running(entity: str, text: str) -> bool:
    """Cheap necessary conditions, so slow recognisers only run where they can hit."""
    if entity == "EMAIL_ADDRESS":
        return "@" in text
    if entity == "PHONE_NUMBER":
        return _DIGIT_RUN.search(text) is not None
    return True


def _batches(texts: list[str], budget: int) -> list[list[str]]:
    """Consecutive groups of texts whose total length stays within ``budget`` characters."""
    groups: list[list[str]] = []
    current: list[str] = []
    size = 0
    for text in texts:
        if current and size + len(text) > budget:
            groups.append(current)
            current, size = [], 0
        current.append(text)
        size += len(text)
    if current:
        groups.append(current)
    return groups


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
