"""Which of Presidio's PERSON spans redactcheck does not report, and why.

``throughput.py`` gives the share of Presidio's PERSON spans that redactcheck also reports.
This script splits the rest in two, on the same files, so that a drop can be traced:

- *filtered*: redactcheck's NER proposed an overlapping span and the person rules removed it
  on purpose (acronyms, headings, OCR debris, codewords, marking words: see
  redactcheck/detect/person_rules.py and rules/lexicons/not_person.yaml);
- *not proposed*: redactcheck's NER (case-restored text, ``ner`` component only, lines that
  cannot hold a name blanked) found nothing there.

A speed change that loses names shows up in the second group. Run from the repository root:

    python bench/person_coverage.py ../shared/corpus/docs --sample-mb 0.8 --show 40
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def main() -> None:
    from throughput import _offline_presidio, select_files

    import redactcheck.detect.names as names
    from redactcheck.detect.nlp import DEFAULT_MODEL
    from redactcheck.document import Segment
    from redactcheck.extract.text import decode

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--sample-mb", type=float, default=0.8)
    ap.add_argument("--show", type=int, default=20, help="Examples shown per group.")
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
    total = sum(len(v) for v in groups.values())
    print(f"\nPresidio PERSON spans: {total} (redactcheck names pass: {seconds:.1f} CPU s)")
    for key, items in groups.items():
        print(f"- {key}: {len(items)} ({len(items) / max(total, 1):.1%})")
    rnd = random.Random(7)
    for key in ("filtered", "not proposed"):
        items = groups[key]
        print(f"\n{key}, {min(args.show, len(items))} of {len(items)} at random:")
        for line in rnd.sample(items, min(args.show, len(items))):
            print("   ", line)


if __name__ == "__main__":
    main()
