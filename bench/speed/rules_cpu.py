"""Rules-only CPU seconds of one in-process scan (jobs=1), optionally under cProfile.

    python bench/speed/rules_cpu.py ../shared/corpus/docs [--profile out.prof] [--repeat 2]

Back-to-back comparisons on a busy machine: CPU seconds (user+sys) of the scan loop only,
start-up excluded; the best of ``--repeat`` runs is printed with MB/s.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--profile", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    files = sorted(p for p in args.folder.rglob("*") if p.is_file())
    best = None
    for _ in range(args.repeat):
        scanner = Scanner(Config(names=False, cache=False, jobs=1, respect_gitignore=False))
        list(scanner.scan_results(files[:5]))  # warm compiled rules and lazy tables
        prof = None
        if args.profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        c0, t0 = cpu(), time.perf_counter()
        size = count = 0
        for result in scanner.scan_results(files):
            size += result.size
            count += len(result.findings)
        c, w = cpu() - c0, time.perf_counter() - t0
        if prof:
            prof.disable()
            prof.dump_stats(args.profile)
        print(f"cpu {c:.2f} s  wall {w:.2f} s  {size / 1e6 / c:.1f} MB/s(cpu)  findings {count}")
        best = c if best is None else min(best, c)
    print(f"best cpu {best:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
