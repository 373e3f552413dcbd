"""Which of Presidio's PERSON spans redactcheck does not report, and why.

``throughput.py`` gives the share of Presidio's PERSON spans that redactcheck also reports.
This script splits the rest in two, on the same files, so that a drop can be traced:

- *filtered*: redactcheck's NER proposed an overlapping span and the person rules removed it
  on purpose (acronyms, headings, OCR debris, codewords, marking words: see
  redactcheck/detect/pii/person_filters.py and rules/lexicons/not_person.yaml);
- *not proposed*: redactcheck's NER (case-restored text, ``ner`` component only, lines that
  cannot hold a name blanked) found nothing there.

A speed change that loses names shows up in the second group. Run from the repository root:

    python bench/quality/person_coverage.py ../shared/corpus/docs --sample-mb 0.8 --show 40

Many of Presidio's PERSON spans on this OCR-heavy corpus are not names at all, so the share
above says little about names missed. ``--sheet FILE`` writes a blind labelling sheet (a random
sample from each group, shuffled, group hidden; the context comes from the corpus, so keep the
sheet out of the repository), and ``--labels bench/quality/person_labels.jsonl`` scores hand labels
(file, offsets, ``person`` / ``not_person`` / ``unsure``; no corpus text): the estimated share
of Presidio's spans *that name a person* which redactcheck reports, with a bootstrap interval.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench" / "speed"))


def main() -> None:
    from throughput import _offline_presidio, select_files

    import redactcheck.detect.pii.names as names
    from redactcheck.detect.pii.nlp import DEFAULT_MODEL
    from redactcheck.document import Segment
    from redactcheck.extract.text import decode

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--sample-mb", type=float, default=0.8)
    ap.add_argument("--show", type=int, default=20, help="Examples shown per group.")
    ap.add_argument("--sheet", type=Path, help="Write a blind labelling sheet (JSONL) here.")
    ap.add_argument("--per-group", type=int, default=60, help="Spans per group on the sheet.")
    ap.add_argument("--labels", type=Path, help="Score these hand labels (JSONL).")
    args = ap.parse_args()

    files = select_files(args.folder, args.sample_mb)
    texts = {path.name: decode(path.read_bytes())[0] for path in files}
    print(f"{len(files)} files; running Presidio ...", file=sys.stderr)
    analyzer = _offline_presidio()
    presidio = {
        name: [
            (r.start, r.end)
            for r in analyzer.analyze(text=text, language="en")
            if r.entity_type == "PERSON"
        ]
        for name, text in texts.items()
    }

    print("running redactcheck ...", file=sys.stderr)
    proposed: dict[str, list[tuple[int, int]]] = {}
    current: list[str] = [""]
    refine = names.refine_results

    def capture(text, results, **kw):  # the NER's PERSON spans, before the person rules
        results = list(results)
        proposed[current[0]] = [(s, e) for kind, s, e, _ in results if kind == "PERSON"]
        return refine(text, results, **kw)

    names.refine_results = capture
    detector = names.NameDetector(DEFAULT_MODEL)
    reported: dict[str, list[tuple[int, int]]] = {}
    t0 = time.process_time()
    for name, text in texts.items():
        current[0] = name
        reported[name] = [
            (f.start, f.end) for f in detector.detect(Segment(text)) if f.entity == "PERSON"
        ]
    seconds = time.process_time() - t0

    def overlaps(spans, s, e):
        return any(a < e and s < b for a, b in spans)

    groups: dict[str, list[str]] = {"reported": [], "filtered": [], "not proposed": []}
    spans_by_group: dict[str, list[tuple[str, int, int]]] = {key: [] for key in groups}
    for name, spans in presidio.items():
        text = texts[name]
        for s, e in spans:
            if overlaps(reported.get(name, []), s, e):
                key = "reported"
            elif overlaps(proposed.get(name, []), s, e):
                key = "filtered"
            else:
                key = "not proposed"
            left = text[max(0, s - 25) : s].replace("\n", "⏎")
            right = text[e : e + 20].replace("\n", "⏎")
            groups[key].append(f"{left}[{text[s:e]}]{right}")
            spans_by_group[key].append((name, s, e))
    total = sum(len(v) for v in groups.values())
    print(f"\nPresidio PERSON spans: {total} (redactcheck names pass: {seconds:.1f} CPU s)")
    for key, items in groups.items():
        print(f"- {key}: {len(items)} ({len(items) / max(total, 1):.1%})")
    if args.sheet:
        write_sheet(args.sheet, spans_by_group, texts, args.per_group)
    if args.labels:
        score_labels(args.labels, spans_by_group)
    rnd = random.Random(7)
    for key in ("filtered", "not proposed"):
        items = groups[key]
        print(f"\n{key}, {min(args.show, len(items))} of {len(items)} at random:")
        for line in rnd.sample(items, min(args.show, len(items))):
            print("   ", line)


def write_sheet(path: Path, groups: dict, texts: dict[str, str], per_group: int) -> None:
    """A random sample of each group, shuffled, without the group: the labeller sees only the
    span in its context (60 characters either side, line breaks as ⏎)."""
    import json

    rnd = random.Random(2026)
    rows = []
    for spans in groups.values():
        rows += rnd.sample(spans, min(per_group, len(spans)))
    rnd.shuffle(rows)
    with path.open("w", encoding="utf-8") as out:
        for number, (name, s, e) in enumerate(rows, 1):
            text = texts[name]
            left = text[max(0, s - 60) : s].replace("\n", "⏎")
            right = text[e : e + 60].replace("\n", "⏎")
            row = {"id": number, "file": name, "start": s, "end": e, "span": text[s:e]}
            row["context"] = f"{left}[[{text[s:e]}]]{right}"
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"\nlabelling sheet: {len(rows)} spans in {path}", file=sys.stderr)


def score_labels(path: Path, groups: dict) -> None:
    """Estimate which share of Presidio's PERSON spans that name a person redactcheck reports:
    per group, the labelled share of persons times the group's size; interval by resampling
    the labels within each group (2,000 rounds)."""
    import json

    where = {(n, s, e): key for key, spans in groups.items() for n, s, e in spans}
    labelled: dict[str, list[str]] = {key: [] for key in groups}
    stale = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        key = where.get((row["file"], row["start"], row["end"]))
        if key is None:
            stale += 1  # no longer one of Presidio's spans on this sample
            continue
        labelled[key].append(row["label"])
    print(f"\nHand labels: {sum(map(len, labelled.values()))} ({stale} stale)")
    for unsure_is_person in (True, False):

        def share(labels: list[str], unsure_is_person=unsure_is_person) -> float:
            hits = sum(1 for x in labels if x == "person" or (unsure_is_person and x == "unsure"))
            return hits / len(labels) if labels else 0.0

        def coverage(samples: dict[str, list[str]]) -> float:
            persons = {key: len(groups[key]) * share(samples[key]) for key in groups}
            total = sum(persons.values())
            return persons["reported"] / total if total else 0.0

        rnd = random.Random(11)
        rounds = sorted(
            coverage({k: rnd.choices(v, k=len(v)) if v else v for k, v in labelled.items()})
            for _ in range(2000)
        )
        shares = ", ".join(f"{key} {share(v):.0%} of {len(v)}" for key, v in labelled.items())
        print(
            f"- unsure counted as {'a person' if unsure_is_person else 'not a person'}: "
            f"persons among the labelled spans: {shares}; Presidio spans naming a person "
            f"that redactcheck reports: {coverage(labelled):.1%} "
            f"(95% interval {rounds[50]:.1%} to {rounds[1949]:.1%})"
        )


if __name__ == "__main__":
    main()
