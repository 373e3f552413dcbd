"""The name patterns' skip-ahead twins against their plain form on every corpus text.

    python bench/speed/name_twins_same.py ../shared/corpus/docs [--every 1]

For each pattern of ``redactcheck/detect/pii/name_twins.py``: every match (span and groups) of
``finditer`` over each text, as read and in capitals, must be equal; then the CPU seconds of
the plain pattern and of the twin over the same texts (best of three).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--every", type=int, default=1, help="read every Nth file")
    args = ap.parse_args()
    from redactcheck.detect.pii.name_twins import all_twins

    twins = all_twins()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file())[:: args.every]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    texts += [t.upper() for t in texts]
    bad = 0
    for plain, twin in twins:
        differ = sum(
            [(m.span(), m.groups()) for m in plain.finditer(t)]
            != [(m.span(), m.groups()) for m in twin.finditer(t)]
            for t in texts
        )
        bad += differ
        times = []
        for rx in (plain, twin):
            best = None
            for _ in range(3):
                c0 = time.process_time()
                for t in texts:
                    for _m in rx.finditer(t):
                        pass
                c = time.process_time() - c0
                best = c if best is None else min(best, c)
            times.append(best)
        print(
            f"{plain.pattern[:48]!r:52} texts differing {differ}"
            f"  plain {times[0]:.3f} s  twin {times[1]:.3f} s"
        )
    print(f"{len(texts)} texts, {len(twins)} patterns, {bad} (text, pattern) pairs differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
