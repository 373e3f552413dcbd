"""Measure detection quality against hand-labelled spans: precision, recall and F1 per label.

Quality claims mean nothing unless they are measured the same way every time. Gold files are
JSON Lines ``{"doc", "start", "end", "label"}`` (labels MARKING, PERSON, CONTACT) with Python
str offsets into each document's UTF-8 text. Matching is the overlap convention of the shared
development set's ``score.py``: a prediction is a true positive when it shares at least one
character with a not-yet-matched gold span of the same label in the same document; each gold
span and each prediction is matched at most once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from redactcheck.finding import Finding
from redactcheck.pipeline import Pipeline

LABELS = ("MARKING", "PERSON", "CONTACT")
_CONTACT_ENTITIES = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS"})


class EvalError(Exception):
    """A bad gold file or documents folder; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Span:
    doc: str
    start: int
    end: int
    label: str
    score: float = 1.0


def label_of(finding: Finding) -> str | None:
    """The evaluation label a finding counts as, or ``None`` when it is not scored."""
    if finding.category == "marking":
        return "MARKING"
    if finding.entity == "PERSON":
        return "PERSON"
    if finding.entity in _CONTACT_ENTITIES:
        return "CONTACT"
    return None


def load_gold(path: Path) -> list[Span]:
    """Read a gold JSON Lines file; every problem is reported with its line number."""
    spans: list[Span] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            spans.append(
                Span(str(obj["doc"]), int(obj["start"]), int(obj["end"]), str(obj["label"]))
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalError(f"{path}:{number}: not a gold span {{doc, start, end, label}}") from exc
    return spans


@dataclass(slots=True)
class LabelScore:
    label: str
    gold: int = 0
    predicted: int = 0
    tp: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class EvalResult:
    scores: dict[str, LabelScore]
    misses: list[Span] = field(default_factory=list)
    false_alarms: list[Span] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def to_dict(self, context: int = 40) -> dict:
        return {
            "scores": {k: v.to_dict() for k, v in self.scores.items()},
            "misses": [self._span_dict(s, context) for s in self.misses],
            "false_alarms": [self._span_dict(s, context) for s in self.false_alarms],
            "errors": self.errors,
        }

    def _span_dict(self, span: Span, context: int) -> dict:
        return {
            "doc": span.doc,
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "text": self.texts.get(span.doc, "")[span.start : span.end],
            "context": self.context(span, context),
        }

    def context(self, span: Span, width: int = 40) -> str:
        """The span in ``[[ ]]`` with ``width`` characters either side, newlines shown as ⏎."""
        text = self.texts.get(span.doc, "")
        a, b = max(0, span.start - width), min(len(text), span.end + width)
        shown = (
            text[a : span.start] + "[[" + text[span.start : span.end] + "]]" + text[span.end : b]
        )
        return shown.replace("\n", "⏎")


def match(
    gold: list[Span], pred: list[Span]
) -> tuple[list[tuple[Span, Span]], list[Span], list[Span]]:
    """Greedy one-to-one overlap matching per (doc, label), predictions in text order.

    Each prediction takes the unmatched gold span it overlaps most; returns (pairs, misses,
    false alarms). Same algorithm as the development set's reference scorer.
    """
    by_key: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for g in gold:
        by_key[(g.doc, g.label)].append(g)
    used: set[int] = set()
    pairs: list[tuple[Span, Span]] = []
    false_alarms: list[Span] = []
    for p in sorted(pred, key=lambda s: (s.doc, s.start, s.end)):
        best, best_overlap = None, 0
        for g in by_key.get((p.doc, p.label), ()):
            if id(g) in used:
                continue
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > best_overlap:
                best, best_overlap = g, overlap
        if best is None:
            false_alarms.append(p)
        else:
            used.add(id(best))
            pairs.append((best, p))
    misses = [g for g in gold if id(g) not in used]
    return pairs, misses, false_alarms


def score(gold: list[Span], pred: list[Span], labels: Iterable[str] = LABELS) -> EvalResult:
    """Precision, recall and F1 for every label in ``labels`` (and any label seen in the data)."""
    pairs, misses, false_alarms = match(gold, pred)
    names = list(dict.fromkeys([*labels, *(g.label for g in gold), *(p.label for p in pred)]))
    scores = {name: LabelScore(name) for name in names}
    for g in gold:
        scores[g.label].gold += 1
    for p in pred:
        scores[p.label].predicted += 1
    for g, _ in pairs:
        scores[g.label].tp += 1
    key = lambda s: (s.doc, s.start, s.end)  # noqa: E731
    return EvalResult(scores, sorted(misses, key=key), sorted(false_alarms, key=key))


def predictions(
    pipeline: Pipeline, docs: Path, names: list[str]
) -> tuple[list[Span], dict[str, str], list[str]]:
    """Run the pipeline over each named document; returns spans, the texts, and read errors."""
    spans: list[Span] = []
    texts: dict[str, str] = {}
    errors: list[str] = []
    for name in names:
        path = docs / name
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(f"{path}: cannot read: {exc}")
            continue
        result = pipeline.scan([path])[0]
        errors.extend(f"{e.path}: {e.message}" for e in result.errors)
        for f in result.findings:
            label = label_of(f)
            if label is None or f.part != "body":
                continue
            spans.append(Span(name, f.start, f.end, label, f.score))
    return spans, texts, errors


def load_subset(path: Path) -> set[str]:
    """Document names from a split file: one name per line, ``#`` starts a comment.

    A line may carry a second, tab- or space-separated field (``NAME PART``); ``path`` may end
    in ``:PART`` to keep only the lines of that part (``bench/quality/eval_dev_split.tsv:check``).
    """
    text_path, _, part = str(path).rpartition(":") if ":" in str(path) else (str(path), "", "")
    try:
        lines = Path(text_path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{text_path}: cannot read document list: {exc}") from exc
    names: set[str] = set()
    for line in lines:
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if part and (len(fields) < 2 or fields[1] != part):
            continue
        names.add(fields[0])
    if not names:
        raise EvalError(f"{path}: no documents listed" + (f" for part {part!r}" if part else ""))
    return names


def evaluate(
    pipeline: Pipeline, docs: Path, gold_path: Path, only: set[str] | None = None
) -> EvalResult:
    """Scan every document in ``docs`` (those named in the gold file and any other .txt file).

    ``only`` restricts scoring to the named documents (a held-out or tuning part of a set).
    """
    if not docs.is_dir():
        raise EvalError(f"{docs}: documents folder not found")
    gold = load_gold(gold_path)
    names = sorted({g.doc for g in gold} | {p.name for p in docs.glob("*.txt") if p.is_file()})
    if only is not None:
        unknown = sorted(only - set(names))
        if unknown:
            raise EvalError(f"documents listed but not in {docs}: {', '.join(unknown[:5])}")
        names = [n for n in names if n in only]
        gold = [g for g in gold if g.doc in only]
    pred, texts, errors = predictions(pipeline, docs, names)
    for g in gold:
        text = texts.get(g.doc)
        if text is not None and not (0 <= g.start < g.end <= len(text)):
            raise EvalError(f"{gold_path}: span {g.start}-{g.end} lies outside {g.doc}")
    result = score(gold, pred)
    result.texts, result.errors = texts, errors
    return result


def parse_thresholds(values: Iterable[str]) -> dict[str, float]:
    """``["PERSON=0.95", "MARKING=0.98"]`` -> ``{"PERSON": 0.95, "MARKING": 0.98}``."""
    out: dict[str, float] = {}
    for value in values:
        label, sep, number = value.partition("=")
        try:
            figure = float(number)
        except ValueError:
            figure = -1.0
        if not sep or not label.strip() or not 0.0 <= figure <= 1.0:
            raise EvalError(f"--min-recall takes LABEL=X with X between 0 and 1, not {value!r}")
        out[label.strip().upper()] = figure
    return out


def below(result: EvalResult, minimums: dict[str, float]) -> list[str]:
    """One line per label whose recall is under its recorded minimum."""
    lines = []
    for label, minimum in minimums.items():
        s = result.scores.get(label)
        recall = s.recall if s else 0.0
        if recall < minimum:
            lines.append(f"{label} recall {recall:.3f} is below the recorded {minimum:.3f}")
    return lines


def format_table(result: EvalResult) -> str:
    rows = [f"{'label':<8} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for s in result.scores.values():
        rows.append(
            f"{s.label:<8} {s.gold:>5} {s.predicted:>5} {s.tp:>5} "
            f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
        )
    return "\n".join(rows) + "\n"


def format_details(result: EvalResult, context: int = 40) -> str:
    out = [f"\nmisses: {len(result.misses)}"]
    out += [
        f"MISS {s.label:<7} {s.doc}:{s.start}-{s.end}  {result.context(s, context)}"
        for s in result.misses
    ]
    out.append(f"\nfalse alarms: {len(result.false_alarms)}")
    out += [
        f"FP   {s.label:<7} {s.doc}:{s.start}-{s.end}  {result.context(s, context)}"
        for s in result.false_alarms
    ]
    return "\n".join(out) + "\n"
