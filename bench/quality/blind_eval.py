"""Score redactcheck on the blind-labelled sets in bench/quality/blind_set/
(documents from ../shared).

Why: eval-dev's figures drifted up as rules were tuned on it. These sets were labelled on
2026-12-06 by annotators who never saw any tool output, from documents of the same kinds
(JFK-collection OCR records, real cables, Office of the Historian texts). Only offsets and
labels are kept here; the texts stay in ../shared and are linked into a temporary folder.

set1 has a tune part (misses may be read) and a check part (scored only); set2 is check only.
set3 (28 more documents drawn with seed 303, labelled in the third session of that day) was
scored once whole before anyone read it, then split into a tune and a check part.
set4 (28 documents of 1.5-12 KB drawn with seed 7373 from the unlabelled pool, labelled blind in the
sixth sitting of 2026-12-07 by three annotators) was likewise scored whole once, then split.

usage: python bench/quality/blind_eval.py [--shared DIR] [--set set1] [--part tune|check]
       [-- EVAL ARGS]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "blind_set"


def link_docs(set_dir: Path, shared: Path, into: Path) -> None:
    """Link every document of the set into ``into`` under its basename."""
    for line in (set_dir / "sources.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, rel = line.split("\t")
        target = shared / rel
        if not target.is_file():
            sys.exit(f"{target}: missing (is --shared right?)")
        (into / name).symlink_to(target.resolve())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    ap.add_argument("--set", default="set1", choices=sorted(p.name for p in HERE.iterdir()))
    ap.add_argument("--part", choices=("tune", "check"), help="score one part of the split")
    ap.add_argument("rest", nargs="*", help="extra arguments for `redactcheck eval`")
    args = ap.parse_args()
    set_dir = HERE / args.set
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp)
        link_docs(set_dir, args.shared, docs)
        cmd = ["redactcheck", "eval", str(docs), str(set_dir / "gold.jsonl"), *args.rest]
        if args.part:
            cmd += ["--only", f"{set_dir / 'split.tsv'}:{args.part}"]
        return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
