"""Which gold MARKING spans the tool misses on the tune parts, by kind and by how close it came.

Why: marking recall is lost in many small places (an OCR-damaged level word, a control line,
a release stamp, a form caption ...). Counting the misses of every tune part by *kind* shows
which family is largest, and so where a general mechanism pays; counting by *stage* says
whether a step proposed the span and a later one dropped it (a filter to loosen) or no step
proposed it at all (a family to build). Round 14's names audit (``name_filter_audit.py``)
does the same for PERSON.

Each gold MARKING span that ``redactcheck eval`` counts as missed is given:

- a kind (first that applies, see ``KINDS``): portion mark, release/review stamp,
  authority/declassification line, control/dissemination marking, foreign/allied marking,
  form/cover caption, level word; a span none of those reads in clean letters is matched
  word by word, within about 40% of the letters, against each family's words and counted as
  that family ", OCR-damaged" (else "other");
- a stage: ``split`` when reported marking findings overlap it but were matched to other gold
  spans and it runs over several lines (an annotator's call, one span for a stamp we report
  line by line, more than a miss: counted apart), ``overlap-taken`` the same on one line,
  ``as-PERSON``/``as-CONTACT`` when it came back under another label, ``dropped`` when a rule
  or OCR step proposed an overlapping marking hit that never reached the report (below
  ``min_score``, nested), else ``never`` (no step proposed anything there).

Defaults: every tune part (eval-dev tune, set1/set3/set4 tune). Counts only; ``--show`` lists
the misses with context (output that quotes documents: for /tmp, never for the repository),
and is refused on the check parts, as the rules require.

    python bench/quality/marking_miss_audit.py                 # counts, all tune parts
    python bench/quality/marking_miss_audit.py --show > /tmp/misses.txt
    python bench/quality/marking_miss_audit.py --part check     # counts only
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from tune_parts import context, load_parts  # noqa: E402

from redactcheck.config import load_config  # noqa: E402
from redactcheck.evaluate import Span, label_of, match  # noqa: E402
from redactcheck.finding import Hit  # noqa: E402
from redactcheck.session import build_session  # noqa: E402

_LEVEL = r"(?:TOP\s*SECRET|SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED|CLASSIFIED)"
#: kind -> a test on the gold text (upper-cased, spaces squeezed). Order matters: first wins.
KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("portion mark", re.compile(r"^\(\s*[A-Z/ ]{1,12}\s*\)$|^\((?:TS|S|C|U|FOUO|SBU)\b")),
    (
        "release/review stamp",
        re.compile(
            r"RELEASE|SANITIZED|NO OBJECTION|REVIEW|DECLASSIFIED BY|APPROVED FOR|"
            r"J\wK\b|OPEN IN FULL|\bACT\s+(?:OF|\d)|ASSASSINATION|RECORDS? ACT|\bNARA\b|\bNND\b|"
            r"FOIA|PRIVACY ACT|EXEMPT|\b1B\b|"
            r"\(B\)\s*\(?\d|AUTHORITY\s+[A-Z]{2,}\s*\d"
        ),
    ),
    (
        "authority/declassification line",
        re.compile(
            r"\bE\.?\s*O\.?\s*\d|\bEO\s*\d|IMPDET|DECL|CL(?:ASSIFIED)?\s*BY|DERIVED FROM|"
            r"DOWNGRAD|GDS|XGDS|\b11652|\b12065|\b12356|\b12958|\b13526|REASON|GROUP\s*\d|"
            r"EXCLUDED FROM AUTOMATIC"
        ),
    ),
    (
        "control/dissemination marking",
        re.compile(
            r"NOFORN|NO\s*FOREIGN|DISSEM|ORCON|NOCONTRACT|PROPIN|LIMDIS|EXDIS|NODIS|"
            r"SENSITIVE|EYES ONLY|OFFICIAL USE|BACKGROUND USE|RYBAT|WNINTEL|KAPOK|CONTROLLED|"
            r"HANDL|WARNING|CONTINUED CONTROL|LIMITED|ROGER|SPECAT|CHANNEL|CODEWORD|NOT RELEASABLE"
        ),
    ),
    ("foreign/allied marking", re.compile(r"NATO|COSMIC|\bREL\b|UK EYES|STRENG|GEHEIM|DIFFUSION")),
    (
        "form/cover caption",
        re.compile(r"CLASSIFICATION|SECURITY INFORMATION|COVER SHEET|ROUTING|\bFORM\b|CAPTION"),
    ),
    ("level word", re.compile(rf"^(?:{_LEVEL})(?:\s*[-/ ]\s*\S+){{0,3}}$")),
]
_LEVEL_WORDS = ("SECRET", "CONFIDENTIAL", "CLASSIFIED", "UNCLASSIFIED", "RESTRICTED")
#: the words of each family's fixed phrases (markings.yaml, E.O. 11652 / 12065 stamps, the JFK
#: Act release line): an OCR-damaged span near one of them is counted in that family
_DAMAGED_VOCAB: list[tuple[str, tuple[str, ...]]] = [
    ("level word", (*_LEVEL_WORDS, "CLASSIFICATION")),
    (
        "authority/declassification line",
        ("EXCLUDED", "AUTOMATIC", "DOWNGRADING", "DECLASSIFICATION", "DECLASSIFY", "GROUP"),
    ),
    (
        "control/dissemination marking",
        (
            "CONTROLLED",
            "CONTROL",
            "DISSEM",
            "FOREIGN",
            "BACKGROUND",
            "REPRODUCE",
            "WARNING",
            "NOTICE",
        ),
    ),
    ("release/review stamp", ("RELEASE", "OBJECTION", "SANITIZED", "RECORDS", "INFORMATION")),
]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().upper()


def kind_of(text: str) -> str:
    """The kind of a gold marking; a damaged level word (its letters scattered, spaced or
    misread so no clean level word is left) is told apart from a clean one."""
    flat = squeeze(text)
    for kind, test in KINDS:
        if test.search(flat):
            if kind == "level word":
                break
            return kind
    clean = any(re.search(rf"\b{w}\b", flat) for w in _LEVEL_WORDS)
    if clean and re.fullmatch(rf"{_LEVEL}(?:\s*[-/ ]\s*\S+){{0,3}}", flat):
        return "level word"
    if clean:
        return "level word + text"
    if re.fullmatch(r"\(\s*\S{1,3}\s*\)?", flat):
        return "portion mark, OCR-damaged"
    tokens = re.findall(r"[A-Z]+", flat)
    # a damaged word is often split by a misread letter or a space: try runs of 1-3 tokens
    runs = {"".join(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens))}
    runs = {r for r in runs if len(r) >= 4}
    for kind, vocab in _DAMAGED_VOCAB:
        if any(_near(r, v) for r in runs for v in vocab):
            return f"{kind}, OCR-damaged"
    return "other"


def _near(letters: str, word: str) -> bool:
    """Within about 40% of ``word``'s letters of it (a plain edit distance, short strings)."""
    bound = (2 * len(word)) // 5
    if abs(len(letters) - len(word)) > bound:
        return False
    prev = list(range(len(word) + 1))
    for i, a in enumerate(letters, 1):
        row = [i]
        for j, b in enumerate(word, 1):
            row.append(min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = row
    return prev[-1] <= bound


class Proposals:
    """Every hit the rules step (YAML rules + OCR steps) made, before ``min_score`` and the
    nesting filter: wraps the pipeline's per-text memo."""

    def __init__(self, pipeline) -> None:
        self.hits: list[Hit] = []
        real = pipeline.rules_memo.detect

        def detect(segment):
            found = real(segment)
            if segment.part == "body":
                self.hits.extend(found)
            return found

        pipeline.rules_memo.detect = detect


def stage_of(g: Span, doc: str, reported: list[Span], others: list[Span], raw: list[Hit]) -> str:
    def over(s, e) -> bool:
        return s < g.end and e > g.start

    if any(over(p.start, p.end) for p in reported):
        return "split" if "\n" in doc[g.start : g.end].strip() else "overlap-taken"
    for p in others:
        if over(p.start, p.end):
            return f"as-{p.label}"
    if any(over(h.start, h.end) and h.category == "marking" for h in raw):
        return "dropped"
    return "never"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    ap.add_argument("--part", choices=("tune", "check"), default="tune")
    ap.add_argument("--sets", default="eval-dev,set1,set3,set4")
    ap.add_argument("--no-names", action="store_true", help="skip the names model (faster)")
    ap.add_argument("--show", action="store_true", help="list every miss (tune parts only)")
    args = ap.parse_args()
    if args.show and args.part != "tune":
        sys.exit("--show reads documents: tune parts only")
    config = load_config(None)
    if args.no_names:
        config = dataclasses.replace(config, names=False)
    pipeline = build_session(config).pipeline
    rec = Proposals(pipeline)
    table: Counter[tuple[str, str]] = Counter()
    gold_kinds: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for part in load_parts(args.shared, args.part, set(args.sets.split(",")), Path(tmp)):
            missed = 0
            for name in part.names:
                doc = (part.docs / name).read_text(encoding="utf-8")
                rec.hits = []
                result = pipeline.scan([part.docs / name])[0]
                spans = [
                    Span(name, f.start, f.end, label)
                    for f in result.findings
                    if (label := label_of(f)) is not None and f.part == "body"
                ]
                marks = [s for s in spans if s.label == "MARKING"]
                gold = [g for g in part.gold if g.doc == name and g.label == "MARKING"]
                _pairs, misses, _fas = match(gold, marks)
                others = [s for s in spans if s.label != "MARKING"]
                for g in gold:
                    gold_kinds[kind_of(doc[g.start : g.end])] += 1
                for g in misses:
                    kind = kind_of(doc[g.start : g.end])
                    stage = stage_of(g, doc, marks, others, rec.hits)
                    table[(kind, stage)] += 1
                    missed += 1
                    if args.show:
                        print(f"  [{kind} | {stage}] {part.name} {name}: "
                              f"{context(doc, g.start, g.end, width=50)}")  # fmt: skip
            total = sum(1 for g in part.gold if g.label == "MARKING")
            print(f"{part.name}: gold MARKING {total}, missed {missed}")
    stages = ["never", "dropped", "as-PERSON", "as-CONTACT", "overlap-taken", "split"]
    print(f"\n{'kind':46}{'gold':>6}{'missed':>8}" + "".join(f"{s:>15}" for s in stages))
    kinds = sorted(gold_kinds, key=lambda k: -sum(n for (kk, _), n in table.items() if kk == k))
    for k in kinds:
        row = [table[(k, s)] for s in stages]
        print(f"{k:46}{gold_kinds[k]:>6}{sum(row):>8}" + "".join(f"{n:>15}" for n in row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
