"""How much the keyword gate hands to Python: keyword hits, windows, matches (load-independent).

    python bench/speed/gate_counts.py ../shared/corpus/docs [--top 20]

Runs the rules' keyword gate (detect/accel/keywords.py) over every file, as ``RuleDetector``
does (normalised text), and counts the Hyperscan reports handed to Python, the windows each
pattern's ``re`` searches and the windows holding a match. Unlike CPU seconds these counts do
not depend on what else runs on the machine. Prints the totals and the patterns with the most
windows. Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from redactcheck.detect.accel import fastscan  # noqa: E402
from redactcheck.detect.markings.rules import RuleDetector  # noqa: E402
from redactcheck.normalize import normalize  # noqa: E402
from redactcheck.ruleset.loader import load_rules  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()
    detector = RuleDetector(load_rules([]))
    gate = detector.gate
    reports = [0]
    scan = fastscan.HyperscanDatabase.scan

    def counting(self, data, callback, *a, **k):
        if self is not gate._lines._db:  # the OCR steps' own passes: not counted
            return scan(self, data, callback, *a, **k)

        def counted(*cb):
            reports[0] += 1
            return callback(*cb)

        return scan(self, data, counted, *a, **k)

    fastscan.HyperscanDatabase.scan = counting  # type: ignore[method-assign]
    windows: Counter[int] = Counter()
    matched: Counter[int] = Counter()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file())
    for path in files:
        norm = normalize(path.read_bytes().decode("utf-8", "replace"))
        for index, spans in gate.windows(norm.text, norm.chars):
            search = detector._runs[index][2]
            windows[index] += len(spans)
            matched[index] += sum(search(norm.text, a, b) is not None for a, b in spans)
    print(
        f"files {len(files)}  hyperscan reports {reports[0]}  windows {sum(windows.values())}"
        f"  windows with a match {sum(matched.values())}"
    )
    for index, n in windows.most_common(args.top):
        rule, pattern = detector._owners[index]
        print(f"{n:8d} {matched[index]:6d}  {rule.spec.id}:{pattern.spec.name}")


if __name__ == "__main__":
    main()
