"""Throughput of the normalisation layer alone (``redactcheck.normalize.normalize``).

The rule pass runs on normalised text, so normalisation must stay far cheaper than the rules
themselves, above all on text with no markings. Prints MB/s per file-name prefix.

usage: python bench/speed/normalize_speed.py [FOLDER] [--prefix hsg_ --prefix jfk_]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from redactcheck.normalize import normalize  # noqa: E402

_LITERAL = re.compile("NOFORN")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "docs"
    parser.add_argument("folder", type=Path, nargs="?", default=default)
    parser.add_argument("--prefix", action="append", default=None)
    args = parser.parse_args()
    normalize("warm up")  # builds the vocabulary automata once
    for prefix in args.prefix or ["hsg_", "jfk_"]:
        files = sorted(args.folder.glob(prefix + "*.txt"))
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
        size = sum(len(t.encode("utf-8")) for t in texts)
        if not texts:
            print(f"{prefix}: no files")
            continue
        started = time.perf_counter()
        for text in texts:
            normalize(text)
        elapsed = time.perf_counter() - started
        # a load-independent yardstick: one C-speed regex scan for a literal over the same text
        started = time.perf_counter()
        for text in texts:
            _LITERAL.search(text)
        reference = time.perf_counter() - started
        print(
            f"{prefix}: {len(texts)} files, {size / 1e6:.1f} MB, {size / 1e6 / elapsed:.0f} MB/s "
            f"({elapsed / reference:.1f}x the time of one literal regex scan)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
