"""OCR throughput and memory on a scanned release built in code, against the text-layer path.

Builds the synthetic portion-marked memo of tests/support/scan_build.py as an image-only PDF
(200 dpi grey pages, 0.6 degree skew, speckle noise; a banner at top and bottom) and the same memo
with its text layer, runs ``redactcheck scan`` on each as a user would (all cores, no cache), and
prints pages per second, the peak memory of the whole process tree, and how many of the
memo's markings, names and phone numbers the OCR'd scan gave back per page.

    python bench/speed/ocr_throughput.py [pages] [--jobs N]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support import scan_build as build  # noqa: E402

EXPECTED = [
    ("US-BANNER-CLASSIFIED", build.BANNER),
    ("US-PORTION-MARK", "(S//NF)"),
    ("US-PORTION-MARK", "(C)"),
    ("PII-PERSON", build.NAMES[0]),
    ("PII-PERSON", build.NAMES[1]),
    ("PII-PHONE", build.PHONE),
]


def _run(path: Path, jobs: str | None) -> tuple[float, float, dict]:
    """Wall seconds, peak resident MB of the process tree (sampled), and the JSON report."""
    import psutil

    args = [sys.executable, "-m", "redactcheck", "scan", str(path), "-f", "json", "--no-cache"]
    if jobs:
        args += ["--jobs", jobs]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.2)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    done.set()
    watcher.join()
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"redactcheck exited {proc.returncode}: {err.decode()[-400:]}")
    return wall, peak, json.loads(out)


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 100
    jobs = sys.argv[sys.argv.index("--jobs") + 1] if "--jobs" in sys.argv else None
    with tempfile.TemporaryDirectory(prefix="redactcheck-ocr-bench-") as folder:
        scanned = Path(folder) / "scanned.pdf"
        text = Path(folder) / "typeset.pdf"
        scanned.write_bytes(build.scanned_memo(pages))
        text.write_bytes(build.memo_pdf(pages))
        for name, path in (("text layer", text), ("scanned (OCR)", scanned)):
            wall, peak, report = _run(path, jobs)
            found = {(f["rule_id"], f["text"], f["page"]) for f in report["findings"]}
            hits = sum((rule, t, p) in found for rule, t in EXPECTED for p in range(1, pages + 1))
            boxed = sum(f["bbox"] is not None for f in report["findings"] if f["page"])
            print(
                f"{name:14} {pages} pages in {wall:6.1f} s = {pages / wall:5.2f} pages/s; "
                f"peak {peak:6.0f} MB; expected findings {hits}/{len(EXPECTED) * pages}; "
                f"findings with a box {boxed}/{len(report['findings'])}"
            )


if __name__ == "__main__":
    main()
