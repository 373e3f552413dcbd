"""Run the fuzz properties for as long as asked (CI runs a bounded number of examples).

    python bench/robustness/fuzz.py --minutes 30          # text pipeline and extractors, 30 minutes
    python bench/robustness/fuzz.py --minutes 5 --only extract

Each round runs every property on fresh random examples; a failure prints hypothesis's
minimal falsifying example and exits 1. The same properties run in CI from
``tests/unit/test_fuzz_text.py`` and ``tests/unit/extract/test_fuzz_extract.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.support import fuzzing  # noqa: E402

PROPERTIES = {
    "normalize": (fuzzing.documents, fuzzing.check_normalize),
    "rules": (fuzzing.documents, fuzzing.check_rules_and_locate),
    "decode-text": (st.text(), fuzzing.check_decode_text),
    "decode-bytes": (st.binary(max_size=8192), fuzzing.check_decode_bytes),
    "extract": (fuzzing.mutated_files(), lambda f: fuzzing.check_extract(*f)),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=2.0, help="how long to run (default 2)")
    parser.add_argument("--batch", type=int, default=200, help="examples per property per round")
    parser.add_argument("--only", choices=sorted(PROPERTIES), action="append")
    args = parser.parse_args()
    chosen = args.only or sorted(PROPERTIES)
    end = time.monotonic() + args.minutes * 60
    counts = dict.fromkeys(chosen, 0)
    rounds = 0
    while time.monotonic() < end:
        rounds += 1
        for name in chosen:
            strategy, check = PROPERTIES[name]
            runner = settings(
                max_examples=args.batch,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )(given(strategy)(check))
            try:
                runner()
            except Exception:
                print(f"FAILED: property {name!r} after {counts[name]} examples", file=sys.stderr)
                raise
            counts[name] += args.batch
            if time.monotonic() >= end:
                break
    total = sum(counts.values())
    print(f"fuzz: {rounds} round(s), {total} examples, no failure: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
