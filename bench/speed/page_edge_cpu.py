"""CPU seconds of the page-edge step alone, its line pre-tests on and off, on the corpus.

    python bench/speed/page_edge_cpu.py ../shared/corpus/docs [--rounds 3]

Why: on a shared machine the whole scan's CPU time moves by a second from run to run, more
than this step costs. Here one rules-only scan records the step's inputs (each text and the
spans taken before it), then the step runs over them alone, alternating with and without the
pre-tests of ``detect/markings/phrase_pieces.py`` (without them it reads every edge line, as
before they existed); the results of the two must be equal, or the script exits 1.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    from redactcheck.config import Config
    from redactcheck.detect.markings import ocr_page_edge as edge
    from redactcheck.engine import Scanner

    calls: list[tuple[str, list[tuple[int, int]]]] = []
    step = edge.page_edge_findings

    def record(text: str, taken: list[tuple[int, int]]):
        calls.append((text, list(taken)))
        return step(text, taken)

    edge.page_edge_findings = record
    files = sorted(p for p in args.folder.rglob("*") if p.is_file())
    scanner = Scanner(Config(names=False, cache=False, jobs=1, respect_gitignore=False))
    for _ in scanner.scan_results(files):
        pass
    edge.page_edge_findings = step
    tests = (edge._phrase_test, edge._level_test)

    def run(on: bool) -> tuple[float, list[list[tuple[int, int, str]]]]:
        if on:
            edge._phrase_test, edge._level_test = tests
        else:
            edge._phrase_test = edge._level_test = lambda: None
        t0 = time.process_time()
        out = [step(text, list(taken)) for text, taken in calls]
        return time.process_time() - t0, out

    seconds: dict[bool, list[float]] = {True: [], False: []}
    results = {}
    for r in range(args.rounds):
        for on in (False, True) if r % 2 == 0 else (True, False):
            cpu, results[on] = run(on)
            seconds[on].append(cpu)
    edge._phrase_test, edge._level_test = tests
    same = results[True] == results[False]
    print(f"{len(calls)} texts, {sum(map(len, results[True]))} findings of the step")
    for on in (False, True):
        runs = ", ".join(f"{s:.3f}" for s in seconds[on])
        print(f"pre-tests {'on ' if on else 'off'}: best {min(seconds[on]):.3f} CPU s ({runs})")
    print("results " + ("IDENTICAL" if same else "DIFFERENT"))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
