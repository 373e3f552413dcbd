"""Issues 8 and 15, "done when", measured: scan the hostile release folders, report time and
memory.

    python bench/robustness/hostile_scan.py                 # both folders, in a temporary directory
    python bench/robustness/hostile_scan.py --only issue8   # the issue-8 folder only
    python bench/robustness/hostile_scan.py --keep DIR    # build in DIR and leave the folders there

Issue 8 (``tests/support/hostile.py``): invalid UTF-8, a random binary, an empty file, a file of NUL
bytes, a truncated and an encrypted PDF, a DOCX that is not a zip, a DOCX whose one member
inflates to 400 MB, a 20 MB single-line text file, a symbolic-link loop and a 40-level-deep
folder, beside one synthetic memo. Scanned as ``python -m redactcheck scan DIR --format json``
(names on); targets: under 60 s, peak memory under 2 GB, no traceback, exit 2, every broken
file named.

Issue 15 (``tests/support/hostile_release.py`` at the issue's sizes, ``FULL``): the issue-8 folder
plus a 2 MB PDF whose stream inflates to 2 GB, a PDF of 3 million text runs, 100,000 portion-marked
lines, non-UTF-8 and control-character names, a path past PATH_MAX, 8-bit e-mail headers,
nested and mailbox attachments, UTF-16 without BOM, hidden DOCX and HTML parts, a bidi override,
and a ``.redactcheck.toml`` that points the scan at a Dask scheduler (a local listener here) and
a cache folder inside the tree. Scanned from inside the folder with ``--jobs 2`` and default
limits; targets: under 120 s, peak memory under 2 GB, exit 2, no traceback, every broken file
named, no connection to the listener, nothing written in the tree.

Peak memory is the largest resident set of the scan's processes (the CLI and its pool
workers: ``resource.getrusage(RUSAGE_CHILDREN)``, read after each scan in a fresh child).
Exits 1 if a target is missed.
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
sys.path.insert(0, str(REPO))

from tests.support.hostile import build  # noqa: E402

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


def run_issue15(folder: Path, extra: tuple[str, ...] = ()) -> int:
    import socket
    import threading

    from tests.support.hostile_release import FULL, snapshot
    from tests.support.hostile_release import build as build15

    t0 = time.perf_counter()
    expected = build15(folder, **FULL)
    built = time.perf_counter() - t0
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    connections = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            connections.append(1)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    config = folder / ".redactcheck.toml"
    config.write_text(config.read_text().replace("PORT", str(listener.getsockname()[1])))
    before = snapshot(folder)
    out = folder.parent / "out-issue15"
    out.mkdir(exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("CI", None)
    cmd = [
        sys.executable, "-m", "redactcheck", "scan", ".", "--format", "json", "--jobs", "2",
        "--no-cache", "-o", str(out / "report.json"), *extra,
    ]  # fmt: skip
    # a fresh child measures its own peak: the issue-8 run's children are not counted
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "w = time.perf_counter() - t\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "cpu = u.ru_utime + u.ru_stime\n"
        "print(json.dumps({'rc': p.returncode, 'wall': w, 'peak': u.ru_maxrss / 1024,"
        " 'cpu': cpu, 'err': p.stderr}))\n"
    )
    measured = subprocess.run(
        [sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env, cwd=folder
    )
    stop.set()
    thread.join(timeout=2)
    listener.close()
    result = json.loads(measured.stdout)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    named = [e["path"] for e in report["errors"]]
    missing = [
        k
        for k in expected["errors"]
        if not any(
            p == k or (k.startswith("long-path/") and p.startswith("long-path/")) for p in named
        )
    ]
    traceback = "Traceback" in result["err"]
    print(f"issue-15 folder built in {built:.1f} s: {folder}")
    print(
        f"scan: {result['wall']:.1f} s wall ({result['cpu']:.1f} s CPU), "
        f"peak RSS {result['peak']:.0f} MB, "
        f"exit status {result['rc']}, {report['summary']['files_scanned']} files, "
        f"{report['summary']['findings']} findings, {len(named)} errors"
    )
    for e in report["errors"]:
        print(f"  error  {e['path'][:70]}: {e['message']}")
    checks = {
        "under 120 s": result["wall"] < 120.0,
        f"peak memory under {MEMORY_LIMIT_MB:.0f} MB": result["peak"] < MEMORY_LIMIT_MB,
        "exit status 2": result["rc"] == 2,
        "no traceback": not traceback,
        "every broken file named under errors": not missing,
        "no connection to the configured scheduler": not connections,
        "nothing written in the tree": snapshot(folder) == before,
        "nothing but the report in --output": [p.name for p in out.iterdir()] == ["report.json"],
    }
    for name, ok in checks.items():
        print(f"[{'ok' if ok else 'FAIL'}] {name}")
    if missing:
        print(f"not named: {missing}")
    return 0 if all(checks.values()) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="build the folders here and keep them")
    parser.add_argument("--only", choices=["issue8", "issue15"], help="one folder only")
    parser.add_argument(
        "--no-names", action="store_true", help="issue 15 rules only (names cost most of the time)"
    )
    args = parser.parse_args()
    status = 0
    with tempfile.TemporaryDirectory(prefix="redactcheck-hostile-") as tmp:
        base = args.keep or Path(tmp)
        if args.only in (None, "issue8"):
            status |= run(base / "release")
        if args.only in (None, "issue15"):
            status |= run_issue15(base / "release15", ("--no-names",) if args.no_names else ())
    return status


if __name__ == "__main__":
    sys.exit(main())
