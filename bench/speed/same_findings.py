"""Prove that a restructuring changed no finding: record the reports of one source tree, then
compare two recordings field by field.

Why: a change of shape (issue 14) must not change what a reviewer sees. Every field of every
finding of the JSON report counts (offsets, fingerprints, messages, scores), and so do the
errors, notes and the eval figures.

    python bench/speed/same_findings.py record /tmp/rc-before --src /tmp/rc-main   # old code
    python bench/speed/same_findings.py record /tmp/rc-after                       # this tree
    python bench/speed/same_findings.py compare /tmp/rc-before /tmp/rc-after

What is recorded (``redactcheck scan --format json --no-cache``, run from the corpus folder):
- ``rules-all.json``: rules only (``--no-names``) on every file of the corpus;
- ``names-sample.json`` and ``rules-sample.json``: the fixed 0.8 MB sample of
  ``bench/speed/throughput.py --sample-mb 0.8``, with names and rules only;
- ``eval.txt``: ``redactcheck eval`` on the eval-dev set (the whole printed output).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from throughput import select_files  # noqa: E402 - a bench sibling, not a package

CORPUS = Path(os.environ.get("RC_CORPUS", "/work/shared/corpus/docs"))
EVAL_DOCS = Path(os.environ.get("RC_EVAL_DOCS", "/work/shared/eval-dev/docs"))
EVAL_GOLD = Path(os.environ.get("RC_EVAL_GOLD", "/work/shared/eval-dev/gold.jsonl"))
SAMPLE_MB = 0.8
#: keys of the JSON report that may differ between two runs of the same code (none today;
#: listed here so a timing field added later does not break the proof)
VOLATILE = {"seconds", "elapsed", "duration", "started", "finished"}


def _scan(src: Path, out: Path, paths: list[str], names: bool) -> None:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, "-m", "redactcheck", "scan", "--format", "json", "--no-cache"]
    cmd += ["--no-progress", "-o", str(out)]
    if not names:
        cmd.append("--no-names")
    t0 = time.perf_counter()
    proc = subprocess.run(cmd + paths, cwd=CORPUS.parent, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1, 2) or not out.exists():
        raise SystemExit(f"scan failed ({proc.returncode}): {proc.stderr[-2000:]}")
    print(f"  {out.name}: {time.perf_counter() - t0:.1f} s, exit {proc.returncode}")


def record(folder: Path, src: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    sample = [str(p.relative_to(CORPUS.parent)) for p in select_files(CORPUS, SAMPLE_MB)]
    print(f"source {src}; sample {len(sample)} files")
    _scan(src, folder / "rules-all.json", [CORPUS.name], names=False)
    _scan(src, folder / "rules-sample.json", sample, names=False)
    _scan(src, folder / "names-sample.json", sample, names=True)
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, "-m", "redactcheck", "eval", str(EVAL_DOCS), str(EVAL_GOLD)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    (folder / "eval.txt").write_text(proc.stdout + f"\n[exit {proc.returncode}]\n")
    print(f"  eval.txt: exit {proc.returncode}")


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def compare(a: Path, b: Path) -> int:
    bad = 0
    for name in ("rules-all.json", "rules-sample.json", "names-sample.json"):
        left = _strip(json.loads((a / name).read_text()))
        right = _strip(json.loads((b / name).read_text()))
        same = left == right
        fa, fb = left["findings"], right["findings"]
        fields = sum(len(f) for f in fa)
        print(
            f"{name}: {len(fa)} vs {len(fb)} findings ({fields} fields), "
            f"{len(left['errors'])} vs {len(right['errors'])} errors, "
            f"{len(left['notes'])} vs {len(right['notes'])} notes: "
            + ("IDENTICAL" if same else "DIFFERENT")
        )
        if not same:
            bad += 1
            for i, (x, y) in enumerate(zip(fa, fb, strict=False)):
                if x != y:
                    print(f"  first differing finding #{i}:\n  {x}\n  {y}")
                    break
    ea, eb = (a / "eval.txt").read_text(), (b / "eval.txt").read_text()
    print("eval.txt: " + ("IDENTICAL" if ea == eb else "DIFFERENT"))
    bad += ea != eb
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record", help="Scan with one source tree, keep the reports.")
    rec.add_argument("folder", type=Path)
    rec.add_argument("--src", type=Path, default=HERE.parents[1], help="Source tree to run.")
    cmp_ = sub.add_parser("compare", help="Compare two recordings.")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "record":
        record(args.folder, args.src.resolve())
    else:
        raise SystemExit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
