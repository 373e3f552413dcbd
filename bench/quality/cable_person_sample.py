"""Draw (or re-check) the hand-labelled sample of PERSON findings on ../shared/eval-cables.

Issue 16 asks that at least 90% of PERSON findings on real cables are people. This script scans
the cables of the *sample* half of eval-cables (SHA-256 of the cable id is odd; the even half
was read while tuning, and the five cables copied into eval-dev are left out), collects every
PERSON finding with names on, and draws 200 with a fixed seed. It writes offsets only
(``doc, start, end``) to ``bench/quality/cable_person_sample.tsv``; the ``label`` column
(``person`` or ``not``) is filled by hand, reading each finding in its cable. No cable text is
stored here.

    python bench/quality/cable_person_sample.py draw     # new sample (overwrites the labels!)
    python bench/quality/cable_person_sample.py score    # precision of the labelled sample, and how
                                                  # many sampled spans the current code reports
    python bench/quality/cable_person_sample.py show      # print each sampled finding in context
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CABLES = HERE.parents[2] / "shared" / "eval-cables" / "docs"
if not CABLES.exists():
    CABLES = Path("/work/shared/eval-cables/docs")
OUT = HERE / "cable_person_sample.tsv"
IN_EVAL_DEV = {"08BOGOTA337", "08LONDON2282", "09CAIRO1601", "09ROME877", "90KHARTOUM10657"}
SEED = 17  # round 2 (2026-12-06, after the fourth names round); round 1 (seed 16): *_round1.tsv
SIZE = 200


def sample_half() -> list[str]:
    ids = sorted(p.stem for p in CABLES.glob("*.txt"))
    return [
        i
        for i in ids
        if int(hashlib.sha256(i.encode()).hexdigest(), 16) % 2 == 1 and i not in IN_EVAL_DEV
    ]


def findings(ids: list[str]) -> list[tuple[str, int, int]]:
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    scanner = Scanner(Config())
    out = []
    for i in ids:
        for f in scanner.scan_file(CABLES / f"{i}.txt").findings:
            if f.entity == "PERSON":
                out.append((i, f.start, f.end))
    return out


def read_sample() -> list[tuple[str, int, int, str]]:
    rows = []
    for line in OUT.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("doc\t") or not line.strip():
            continue
        doc, start, end, label = (line.split("\t") + [""])[:4]
        rows.append((doc, int(start), int(end), label))
    return rows


def text_of(doc: str) -> str:
    return (CABLES / f"{doc}.txt").read_bytes().decode("utf-8")  # offsets count a \r


def main(cmd: str) -> None:
    if cmd == "draw":
        ids = sample_half()
        found = findings(ids)
        pick = sorted(random.Random(SEED).sample(found, SIZE))
        lines = [
            f"# {SIZE} of {len(found)} PERSON findings on {len(ids)} cables (seed {SEED});",
            "# label: person / not, by reading each finding in its cable (a span that overlaps",
            "# a person's name counts as person).",
            "doc\tstart\tend\tlabel",
        ]
        lines += [f"{d}\t{s}\t{e}\t" for d, s, e in pick]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(found)} findings on {len(ids)} cables; {SIZE} drawn into {OUT}")
    elif cmd == "show":
        for n, (d, s, e, label) in enumerate(read_sample()):
            t = text_of(d)
            ctx = (t[max(0, s - 70) : s] + "[[" + t[s:e] + "]]" + t[e : e + 50]).replace("\n", "⏎")
            print(f"{n:3} {label or '?':6} {ctx}")
    elif cmd == "score":
        rows = read_sample()
        labelled = [r for r in rows if r[3]]
        people = sum(r[3] == "person" for r in labelled)
        print(
            f"labelled {len(labelled)} of {len(rows)}: {people} people, precision "
            f"{people / max(1, len(labelled)):.3f}"
        )
        current = set(findings(sorted({r[0] for r in rows})))
        kept = sum((d, s, e) in current for d, s, e, _ in rows)
        print(f"{kept} of {len(rows)} sampled spans are still reported by this code")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
