"""False-positive rate of the marking rules on ordinary prose.

Scans every file under a folder exactly as ``redactcheck scan --no-names`` does (rules only,
default threshold) and prints the number of ``marking`` findings per 100 KB of text, with the
rules and texts responsible. Point it at prose that carries no markings (for instance the
Office of the Historian essays in ../shared/corpus/docs/hsg_*); do not commit that corpus.

usage: python bench/quality/prose_fp.py FOLDER [--glob 'hsg_*.txt'] [--show 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from redactcheck.config import Config  # noqa: E402
from redactcheck.engine import Scanner  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--glob", default="*.txt", help="Which files to read (default *.txt).")
    parser.add_argument("--show", type=int, default=20, help="Print this many findings.")
    args = parser.parse_args()

    files = sorted(p for p in args.folder.rglob(args.glob) if p.is_file())
    if not files:
        print(f"prose_fp: no files matching {args.glob} under {args.folder}", file=sys.stderr)
        return 2
    scanner = Scanner(Config(names=False))
    size = 0
    marking, structure = [], []
    started = time.perf_counter()
    for path in files:
        result = scanner.scan_file(path)
        size += result.size
        marking += [f for f in result.findings if f.category == "marking"]
        structure += [f for f in result.findings if f.category == "structure"]
    elapsed = time.perf_counter() - started
    per_100k = len(marking) / (size / 100_000)
    print(f"files: {len(files)}  bytes: {size:,}  time: {elapsed:.1f} s")
    print(f"marking findings: {len(marking)}  = {per_100k:.3f} per 100 KB")
    print(f"structure findings: {len(structure)}")
    for rule, n in Counter(f.rule_id for f in marking).most_common():
        print(f"  {rule}: {n}")
    for f in marking[: args.show]:
        print(f"  {f.path}:{f.line}: {f.rule_id} {f.severity} {f.text!r} | {f.context!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
