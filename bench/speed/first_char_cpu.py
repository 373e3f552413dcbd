"""The rules' first search of each keyword window, with the patterns' twins and without.

    python bench/speed/first_char_cpu.py ../shared/corpus/docs [--rounds 3] [--top 15]

Normalises every file, asks the keyword gate (detect/accel/keywords.py) for its windows as
``RuleDetector.detect`` does, and then times, for the patterns that have a twin
(detect/accel/first_char.py), ``pattern.search`` and ``twin.search`` over the same windows
in alternating rounds (CPU seconds, best round). Every window's two matches must agree
(span and groups); the script exits 1 when one does not. Prints the totals and the patterns
that cost most.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from redactcheck.detect.accel.first_char import twin  # noqa: E402
from redactcheck.detect.markings.rules import RuleDetector  # noqa: E402
from redactcheck.normalize import normalize  # noqa: E402
from redactcheck.ruleset.loader import load_rules  # noqa: E402


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    detector = RuleDetector(load_rules([]))
    gate = detector.gate
    assert gate is not None, "the keyword gate needs google-re2"
    twins = {}
    for index, (_, pattern) in enumerate(detector._owners):
        moved = twin(pattern.regex.pattern, pattern.regex.flags)
        if moved is not None:
            twins[index] = (pattern.regex.search, moved.search)
    work = []
    for path in sorted(p for p in args.folder.rglob("*") if p.is_file()):
        norm = normalize(path.read_bytes().decode("utf-8", "replace"))
        for index, spans in gate.windows(norm.text, norm.chars):
            if index in twins:
                work.append((norm.text, index, spans))
    windows = sum(len(spans) for _, _, spans in work)
    cost: list[Counter[int]] = [Counter(), Counter()]
    best = [float("inf"), float("inf")]
    bad = 0
    for round_ in range(args.rounds):
        for side in (0, 1) if round_ % 2 == 0 else (1, 0):
            c0 = time.process_time()
            for text, index, spans in work:
                search = twins[index][side]
                t = time.process_time()
                for lo, hi in spans:
                    search(text, lo, hi)
                cost[side][index] += time.process_time() - t
            best[side] = min(best[side], time.process_time() - c0)
    for text, index, spans in work:
        plain, moved = twins[index]
        bad += sum(not _same(plain(text, lo, hi), moved(text, lo, hi)) for lo, hi in spans)
    print(
        f"patterns with a twin {len(twins)} of {len(detector._owners)}, windows {windows}, "
        f"windows whose matches differ {bad}"
    )
    print(f"best round, CPU s: pattern.search {best[0]:.3f}  twin.search {best[1]:.3f}")
    for index, spent in cost[0].most_common(args.top):
        _, pattern = detector._owners[index]
        each = spent / args.rounds, cost[1][index] / args.rounds
        print(f"{each[0]:8.4f} {each[1]:8.4f}  {pattern.spec.name}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
