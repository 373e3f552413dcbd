"""Issue 8 "done when", measured: scan the hostile release folder and report time and memory.

    python bench/hostile_scan.py            # builds the folder in a temporary directory
    python bench/hostile_scan.py --keep DIR # build it in DIR and leave it there

The folder (see ``tests/hostile.py``): invalid UTF-8, a random binary, an empty file, a file of
NUL bytes, a truncated and an encrypted PDF, a DOCX that is not a zip, a DOCX whose one member
inflates to 400 MB, a 20 MB single-line text file, a symbolic-link loop and a 40-level-deep
folder, beside one synthetic memo. The scan runs as a user runs it (``python -m redactcheck
scan DIR --format json``, names on) in a child process; peak memory is the child's maximum
resident set size (``resource.getrusage(RUSAGE_CHILDREN)``). Exits 1 if a target is missed:
under 60 s, no traceback, exit status 2, every broken file named, peak memory under 2 GB.
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

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.hostile import build  # noqa: E402

TIME_LIMIT_S = 60.0
MEMORY_LIMIT_MB = 2048.0


def run(folder: Path) -> int:
    t0 = time.perf_counter()
    expected = build(folder)
    built = time.perf_counter() - t0
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("CI", None)
    cmd = [sys.executable, "-m", "redactcheck", "scan", str(folder), "--format", "json", "-v"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=folder.parent)
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    report = json.loads(proc.stdout) if proc.stdout.strip() else {"errors": [], "findings": []}
    named = {e["path"].split(f"{folder.name}/", 1)[-1] for e in report["errors"]}
    missing = sorted(set(expected["errors"]) - named)
    memo = [f for f in report["findings"] if f["path"].endswith("memo.txt")]
    traceback = "Traceback" in proc.stderr or "Traceback" in proc.stdout
    print(f"folder built in {built:.1f} s: {folder}")
    print(f"scan: {wall:.1f} s wall, peak RSS {peak_mb:.0f} MB, exit status {proc.returncode}")
    print(f"memo findings: {len(memo)}; errors: {len(report['errors'])}; traceback: {traceback}")
    for e in report["errors"]:
        print(f"  error  {e['path']}: {e['message']}")
    for line in proc.stderr.splitlines():
        if line.startswith("redactcheck: skipped:"):
            print("  " + line.removeprefix("redactcheck: "))
    checks = {
        f"under {TIME_LIMIT_S:.0f} s": wall < TIME_LIMIT_S,
        f"peak memory under {MEMORY_LIMIT_MB:.0f} MB": peak_mb < MEMORY_LIMIT_MB,
        "exit status 2": proc.returncode == 2,
        "no traceback": not traceback,
        "memo findings reported": len(memo) >= 5,
        "every broken file named under errors": not missing,
    }
    for name, ok in checks.items():
        print(f"[{'ok' if ok else 'FAIL'}] {name}")
    if missing:
        print(f"not named: {missing}")
    return 0 if all(checks.values()) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="build the folder here and keep it")
    args = parser.parse_args()
    if args.keep:
        return run(args.keep / "release")
    with tempfile.TemporaryDirectory(prefix="redactcheck-hostile-") as tmp:
        return run(Path(tmp) / "release")


if __name__ == "__main__":
    sys.exit(main())
