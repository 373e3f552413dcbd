"""Keyword gate against a plain run: same findings, and how much faster, on corpus files.

    python bench/speed/keyword_gate.py ../shared/corpus/docs --every 4

Runs the marking rules two ways over every ``--every``-th file (in name order): through the
keyword gate (redactcheck's default, detect/accel/keywords.py) and as a plain ``re`` run of every
pattern over the whole normalised text. Prints the number of files whose findings differ (must
be 0) and the CPU seconds of each. Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from redactcheck.detect.markings.rules import RuleDetector  # noqa: E402
from redactcheck.document import Segment  # noqa: E402
from redactcheck.ruleset.loader import load_rules  # noqa: E402


def as_tuples(findings) -> list[tuple]:
    return [(f.rule_id, f.start, f.end, f.text, f.score, f.severity, f.detector) for f in findings]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--every", type=int, default=4, help="Take every N-th file.")
    args = ap.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file())[:: args.every]
    texts = [p.read_bytes().decode("utf-8", "replace") for p in files]
    rules = load_rules([])
    gated = RuleDetector(rules)
    plain = RuleDetector(rules)
    plain.gate = None
    t0 = time.process_time()
    fast = [as_tuples(gated.detect(Segment(t))) for t in texts]
    t1 = time.process_time()
    slow = [as_tuples(plain.detect(Segment(t))) for t in texts]
    t2 = time.process_time()
    differ = [str(f) for f, a, b in zip(files, fast, slow, strict=True) if a != b]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"files: {len(files)} ({mb:.2f} MB), findings: {sum(map(len, fast))}")
    print(f"files whose findings differ: {len(differ)}")
    for path in differ[:10]:
        print("  ", path)
    print(f"keyword gate: {t1 - t0:.2f} CPU s ({mb / (t1 - t0):.1f} MB per CPU second)")
    print(f"plain re:     {t2 - t1:.2f} CPU s ({mb / (t2 - t1):.1f} MB per CPU second)")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
