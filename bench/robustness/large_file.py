"""Memory and time for one large text file at the default size limit, rules only.

    python bench/robustness/large_file.py              # 100 MB (the default --max-file-size)
    python bench/robustness/large_file.py --mb 20 --names

Writes a file of ordinary memo lines with a marking on its very last line to a temporary
directory, scans it in a child process (``--no-names`` unless ``--names``) and prints wall
time, peak RSS (``getrusage(RUSAGE_CHILDREN)``) and whether the last-line marking was found
at the right line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LINE = "The harbour committee met on Tuesday to review berth fees and the dredging plan.\n"
LAST = "(S) The final paragraph is classified.\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=100.0 - 0.01)
    parser.add_argument("--names", action="store_true", help="also run the NER detector")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="redactcheck-large-") as tmp:
        path = Path(tmp) / "large.txt"
        lines = int(args.mb * 1024 * 1024 // len(LINE))
        with path.open("w", encoding="utf-8") as fh:
            block = LINE * 10_000
            for _ in range(lines // 10_000):
                fh.write(block)
            fh.write(LINE * (lines % 10_000))
            fh.write(LAST)
        size_mb = path.stat().st_size / 1024 / 1024
        cmd = [sys.executable, "-m", "redactcheck", "scan", str(path), "--format", "json"]
        if not args.names:
            cmd.append("--no-names")
        env = dict(os.environ, PYTHONPATH=str(REPO))
        env.pop("CI", None)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        report = json.loads(proc.stdout)
        last = [f for f in report["findings"] if f["line"] == lines + 1 and f["text"] == "(S)"]
        print(
            f"{size_mb:.1f} MB, names {'on' if args.names else 'off'}: {wall:.1f} s wall, "
            f"{size_mb / wall:.2f} MB/s, peak RSS {peak:.0f} MB, exit {proc.returncode}, "
            f"errors {report['errors']}, last-line marking found: {bool(last)}"
        )
        return 0 if last and not report["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
