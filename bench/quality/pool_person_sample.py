"""Draw a fixed-seed sample of the unlabelled pool and list its PERSON findings for reading.

The unlabelled pool (HELPERS.md, round 7) is every corpus document and cable that no labelled
set holds: ``/work/unlabelled_pool.txt`` (JFK-collection OCR records ``jfk_*``, Historian texts
``hsg_*``) and ``/work/unlabelled_cables.txt``. Reading what the tool reports on a random sample
of it, by kind, is how the false-alarm kinds of docs/quality.md ("Round 7: precision by kind")
were counted. Output goes to stdout or a file OUTSIDE the repository: it quotes the documents.

    python bench/quality/pool_person_sample.py 45 15 20 --seed 808 > /tmp/pool.jsonl

Arguments: how many JFK records, Historian texts and cables. Sample of round 7: seed 808 with
45/15/20 (80 documents read finding by finding) and seed 809 with 200/50/60 (308 documents,
searched by kind). Note: round 7 split the list files on whitespace, so a few pool names that
hold spaces were skipped; ``--lines`` reads one name a line.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

POOL = Path("/work/unlabelled_pool.txt")
CABLES = Path("/work/unlabelled_cables.txt")
CORPUS = Path("/work/shared/corpus/docs")
CABLE_DOCS = Path("/work/shared/eval-cables/docs")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("jfk", type=int)
    ap.add_argument("hsg", type=int)
    ap.add_argument("cables", type=int)
    ap.add_argument("--seed", type=int, default=808)
    ap.add_argument("--lines", action="store_true", help="one name a line (names with spaces)")
    args = ap.parse_args()

    def names(path: Path) -> list[str]:
        text = path.read_text(encoding="utf-8")
        return text.splitlines() if args.lines else text.split()

    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    pool, cables = names(POOL), names(CABLES)
    rng = random.Random(args.seed)
    jfk = sorted(p for p in pool if p.startswith("jfk_"))
    hsg = sorted(p for p in pool if p.startswith("hsg_"))
    docs = [CORPUS / d for d in rng.sample(jfk, args.jfk)]
    docs += [CORPUS / d for d in rng.sample(hsg, args.hsg)]
    docs += [CABLE_DOCS / d for d in rng.sample(cables, args.cables)]
    scanner = Scanner(Config())
    for path in docs:
        result = scanner.scan_file(path)
        for f in result.findings:
            if f.entity != "PERSON":
                continue
            row = {"doc": path.name, "start": f.start, "end": f.end, "text": f.text}
            row["basis"] = (f.details or {}).get("basis")
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
