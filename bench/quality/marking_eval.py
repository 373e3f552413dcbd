"""Marking precision/recall on a labelled set (default: ../shared/eval-dev).

Runs the scanner rules-only (as ``redactcheck scan --no-names``) over the set's documents,
turns every ``marking`` finding into a ``MARKING`` prediction (overlapping findings of one
document are merged into one span, as a reviewer sees one region), writes the predictions as
JSON lines and runs the set's own ``score.py`` on them.

usage: python bench/quality/marking_eval.py [--set ../shared/eval-dev] [--pred /tmp/pred.jsonl]
       [--show]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from redactcheck.config import Config  # noqa: E402
from redactcheck.engine import Scanner  # noqa: E402


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=REPO.parent / "shared" / "eval-dev")
    parser.add_argument("--pred", type=Path, default=Path("/tmp/redactcheck-marking-pred.jsonl"))
    parser.add_argument("--show", action="store_true", help="List misses and false alarms.")
    args = parser.parse_args()

    scanner = Scanner(Config(names=False))
    docs = sorted((args.set / "docs").glob("*.txt"))
    with args.pred.open("w", encoding="utf-8") as out:
        for path in docs:
            result = scanner.scan_file(path)
            spans = [(f.start, f.end) for f in result.findings if f.category == "marking"]
            for start, end in merged_spans(spans):
                row = {"doc": path.name, "start": start, "end": end, "label": "MARKING"}
                out.write(json.dumps(row) + "\n")
    gold = args.set / "gold.jsonl"
    marking_gold = args.pred.with_suffix(".gold.jsonl")
    marking_gold.write_text(
        "".join(line for line in gold.read_text(encoding="utf-8").splitlines(keepends=True)
                if '"MARKING"' in line),
        encoding="utf-8",
    )  # fmt: skip
    command = [sys.executable, str(args.set / "score.py"), "--gold", str(marking_gold),
               "--docs", str(args.set / "docs"), "--pred", str(args.pred)]  # fmt: skip
    if args.show:
        command.append("--show")
    return subprocess.call(command)


if __name__ == "__main__":
    raise SystemExit(main())
