"""Recall of the marking steps on synthetic OCR damage, by kind and damage level, and marking
findings on invented prose (tests/support/ocr_damage.py builds the records).

    python bench/quality/ocr_damage.py [--seed 1] [--per 30] [--show 20] [--model 2]

Read misses on one seed and score another: a tolerance that holds on a seed it was not
shaped on is general. Rules only (no names), as ``redactcheck scan --no-names``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.support.ocr_damage import KINDS, records, score, traps  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per", type=int, default=30, help="records per kind and damage level")
    ap.add_argument("--show", type=int, default=0, help="print this many misses and false alarms")
    ap.add_argument(
        "--model", type=int, default=2, choices=(1, 2), help="damage model (1: the earlier kinds)"
    )
    args = ap.parse_args()
    found, total, false, tdocs = score(
        records(args.seed, args.per, args.model),
        traps(args.seed, args.per * 2, args.model),
        args.show,
    )
    print(f"{'kind':14} {'1':>7} {'2':>7} {'3':>7} {'all':>7}")
    for k in KINDS:
        cells = [found[k, lv] / total[k, lv] for lv in (1, 2, 3)]
        allr = sum(found[k, lv] for lv in (1, 2, 3)) / sum(total[k, lv] for lv in (1, 2, 3))
        print(f"{k:14} " + " ".join(f"{c:7.3f}" for c in cells) + f" {allr:7.3f}")
    f, t = sum(found.values()), sum(total.values())
    print(f"{'ALL':14} {'':23} {f / t:7.3f}  ({f}/{t})")
    for lv in sorted(tdocs):
        print(f"traps damage {lv}: {false[lv]} marking findings in {tdocs[lv]} records")


if __name__ == "__main__":
    main()
