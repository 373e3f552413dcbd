"""Detection quality on a labelled set: a thin wrapper around ``redactcheck eval``.

usage: python bench/quality/quality.py [DOCS GOLD] [--show] [--json] [--min-recall LABEL=X] ...
Without DOCS and GOLD it scores the shared development set (../shared/eval-dev).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from redactcheck.cli import app  # noqa: E402


def main() -> None:
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        dev = REPO.parent / "shared" / "eval-dev"
        args = [str(dev / "docs"), str(dev / "gold.jsonl"), *args]
    app(["eval", *args], prog_name="redactcheck")


if __name__ == "__main__":
    main()
