"""Issue 15, "linear time": the steps that were quadratic on crafted input, timed at n, 2n, 4n.

    python bench/robustness/linear_time.py            # default sizes
    python bench/robustness/linear_time.py --scale 2  # twice as large

* the stylesheet reader of the HTML extractor on ``.a{.a{.a{…`` (no closing brace): one regular
  expression spanning selector and block took 57 s on 120 KB before;
* the rule detector's ``_dedupe`` (and the rest of rules-only detection) on n portion-marked
  lines: 223 s for 100,000 lines before.

Prints seconds per size and the ratio of each doubling (about 2 means linear, 4 quadratic);
exits 1 if a doubling costs more than 3 times as much or the largest size passes its cap.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def css_case(n: int) -> float:
    from redactcheck.extract.html import extract_html

    page = "<html><head><style>" + ".a{" * (n // 3) + "</style></head><body><p>x</p></body>"
    start = time.perf_counter()
    extract_html("crafted.html", page.encode())
    return time.perf_counter() - start


def dedupe_case(n: int, detector) -> float:
    from redactcheck.document import Segment

    text = "".join(f"({'S' if i % 2 else 'C'}) Line {i} of the harbour ledger.\n" for i in range(n))
    start = time.perf_counter()
    found = detector.detect(Segment(text))
    elapsed = time.perf_counter() - start
    assert len(found) >= n, len(found)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    detector = Scanner(Config(names=False)).rule_detector
    ok = True
    cases = (
        ("CSS hiding rules (bytes of CSS)", css_case, 120_000, 5.0),
        ("_dedupe + rules (portion lines)", lambda n: dedupe_case(n, detector), 25_000, 30.0),
    )
    for label, case, base, cap in cases:
        sizes = [int(base * args.scale * k) for k in (1, 2, 4)]
        times = [case(n) for n in sizes]
        ratios = [b / a if a > 0.001 else 0.0 for a, b in zip(times, times[1:], strict=False)]
        line = ", ".join(f"n={n}: {t:.2f} s" for n, t in zip(sizes, times, strict=True))
        print(f"{label}: {line}; doubling ratios {', '.join(f'{r:.1f}' for r in ratios)}")
        if any(r > 3.0 for r in ratios) or times[-1] > cap:
            print(f"  FAIL: not linear or over {cap} s")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
