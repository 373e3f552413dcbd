"""Rules-only findings of two scans, compared field by field.

    python bench/speed/compare_rules_findings.py OLD.json NEW.json [--show 20]

Each JSON file is the output of ``redactcheck scan FOLDER --no-names --no-cache --format json``
(from two trees: a speed change must leave every field of every finding unchanged). Prints
the counts, and the findings only in one file (by rule id, then a sample), and exits 1 when
they differ. Used to prove that a speed-up changes nothing, or to list what a recall change
adds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def load(path: Path) -> list[str]:
    findings = json.loads(path.read_text(encoding="utf-8"))["findings"]
    return [json.dumps(f, sort_keys=True, ensure_ascii=False) for f in findings]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--show", type=int, default=10, help="Sample findings shown per side.")
    args = ap.parse_args()
    old, new = Counter(load(args.old)), Counter(load(args.new))
    gone, added = old - new, new - old
    print(f"old {sum(old.values())} findings, new {sum(new.values())}")
    print(f"only in old: {sum(gone.values())}, only in new: {sum(added.values())}")
    for label, side in (("only in old", gone), ("only in new", added)):
        if not side:
            continue
        kinds = Counter(json.loads(f)["rule_id"] for f in side.elements())
        print(f"{label} by rule: {dict(kinds.most_common())}")
        for f in list(side.elements())[: args.show]:
            d = json.loads(f)
            name = Path(d["path"]).name
            print(f"  {d['rule_id']} {name}:{d['line']} {d['text']!r} {d.get('message', '')[:60]}")
    return 1 if gone or added else 0


if __name__ == "__main__":
    sys.exit(main())
