"""Scale checks that need real sizes: re-scan with the result cache, and one very long file.

    python bench/speed/scale.py rescan ../shared/corpus/docs --sample-mb 0.8
    python bench/speed/scale.py rescan ../shared/corpus/docs --no-names
    python bench/speed/scale.py longfile ../shared/corpus/docs --mb 10

``rescan`` scans a folder twice with a fresh cache folder (start-up excluded) and reports the
speed-up of the second, unchanged scan. ``longfile`` writes one text file of ``--mb`` MB made of
corpus text (in a temporary folder), ends it with a made-up name and a banner, scans it with the
CLI in a child process, samples the peak memory of its process tree, and checks that both
findings at the very end come back with exact offsets.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench" / "speed"))

from throughput import machine, select_files  # noqa: E402

TAIL = "\n\nThe envoy, Ms. Odile Ferrant, left Lisbon on Friday.\nSECRET//NOFORN\n"


def rescan(args: argparse.Namespace) -> str:
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    files = select_files(args.folder, args.sample_mb)
    size = sum(f.stat().st_size for f in files)
    with tempfile.TemporaryDirectory(prefix="rc-cache-") as cache_dir:
        config = Config(
            names=not args.no_names, cache_dir=cache_dir, jobs=args.jobs, respect_gitignore=False
        )
        times = []
        outputs = []
        for _ in range(2):
            scanner = Scanner(config)
            if config.names:
                scanner.name_detector  # noqa: B018 - start-up, not timed
            t0 = time.perf_counter()
            found = [f.to_dict() for r in scanner.scan_results(files) for f in r.findings]
            times.append(time.perf_counter() - t0)
            outputs.append(found)
    same = "identical" if outputs[0] == outputs[1] else "DIFFERENT"
    mode = "rules only" if args.no_names else "names + rules"
    return (
        f"Re-scan of an unchanged tree ({len(files)} files, {size / 1e6:.2f} MB, {mode}): "
        f"first {times[0]:.2f} s, second {times[1]:.3f} s, **{times[0] / times[1]:.0f}x** faster; "
        f"findings {same} ({len(outputs[0])}).\nMachine: {machine()}.\n"
    )


def build_long_file(folder: Path, mb: float, target: Path) -> str:
    budget = int(mb * 1_000_000) - len(TAIL)
    parts: list[str] = []
    total = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        parts.append(text)
        total += len(text.encode())
        if total >= budget:
            break
    text = "\n\n".join(parts)
    text = text.encode()[:budget].decode("utf-8", errors="ignore") + TAIL
    target.write_text(text, encoding="utf-8", newline="")
    return text


def longfile(args: argparse.Namespace) -> str:
    import psutil

    with tempfile.TemporaryDirectory(prefix="rc-long-") as tmp:
        path = Path(tmp) / "long.txt"
        text = build_long_file(args.folder, args.mb, path)
        cmd = [sys.executable, "-m", "redactcheck", "scan", str(path), "-f", "json", "--no-cache"]
        if args.no_names:
            cmd.append("--no-names")
        out = Path(tmp) / "out.json"
        t0 = time.perf_counter()
        with out.open("w") as fh:
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            proc = subprocess.Popen(cmd, stdout=fh, cwd=tmp, env=env)
            ps = psutil.Process(proc.pid)
            peak = 0
            while proc.poll() is None:
                try:
                    tree = [ps, *ps.children(recursive=True)]
                    peak = max(peak, sum(p.memory_info().rss for p in tree))
                except psutil.Error:
                    pass
                time.sleep(0.1)
        seconds = time.perf_counter() - t0
        findings = json.loads(out.read_text())["findings"]
    name_at = len(text) - len(TAIL) + TAIL.index("Odile")
    mark_at = len(text) - len("SECRET//NOFORN\n")
    name_ok = any(
        f["start"] == name_at and f["text"] == "Odile Ferrant" and f["entity"] == "PERSON"
        for f in findings
    )
    mark_ok = any(f["start"] == mark_at and f["text"] == "SECRET//NOFORN" for f in findings)
    exact = all(text[f["start"] : f["end"]] == f["text"] for f in findings)
    return (
        f"One {len(text.encode()) / 1e6:.1f} MB text file ({len(text):,} characters): "
        f"peak RSS **{peak / 2**20:.0f} MiB**, {seconds:.0f} s including start-up, "
        f"{len(findings)} findings; name at the end found: {name_ok}; banner at the end found: "
        f"{mark_ok}; every offset exact: {exact}.\nMachine: {machine()}.\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("check", choices=["rescan", "longfile"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--sample-mb", type=float, default=None)
    ap.add_argument("--mb", type=float, default=10.0, help="Size of the long file.")
    ap.add_argument("--no-names", action="store_true")
    ap.add_argument("--jobs", type=int, default=0)
    args = ap.parse_args()
    print(rescan(args) if args.check == "rescan" else longfile(args))


if __name__ == "__main__":
    main()
