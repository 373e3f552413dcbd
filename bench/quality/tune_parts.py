"""The labelled parts the audits read: eval-dev's and the blind sets' tune (or check) halves.

Why one module: ``name_filter_audit.py`` and ``marking_miss_audit.py`` must pick the same
documents and gold for a part, so a change to the split reaches both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from blind_eval import link_docs

from redactcheck.evaluate import Span, load_gold, load_subset

HERE = Path(__file__).resolve().parent


@dataclass
class Part:
    """One scored part: where its documents are, its gold spans and its document names."""

    name: str
    docs: Path
    gold: list[Span]
    names: list[str]


def load_parts(shared: Path, part: str, sets: set[str], tmp: Path) -> list[Part]:
    """The ``part`` half of eval-dev and of each blind set in ``sets``; the blind sets' texts
    are linked from ``shared`` into ``tmp`` (they are never copied into the repository)."""
    parts = []
    if "eval-dev" in sets:
        dev = shared / "eval-dev"
        names = sorted(load_subset(HERE / f"eval_dev_split.tsv:{part}"))
        gold = [g for g in load_gold(dev / "gold.jsonl") if g.doc in names]
        parts.append(Part(f"eval-dev {part}", dev / "docs", gold, names))
    for s in ("set1", "set3", "set4"):
        if s not in sets:
            continue
        set_dir = HERE / "blind_set" / s
        into = tmp / s
        into.mkdir()
        link_docs(set_dir, shared, into)
        names = sorted(load_subset(Path(f"{set_dir / 'split.tsv'}:{part}")))
        gold = [g for g in load_gold(set_dir / "gold.jsonl") if g.doc in names]
        parts.append(Part(f"{s} {part}", into, gold, names))
    return parts


def context(doc: str, s: int, e: int, width: int = 40) -> str:
    """``doc[s:e]`` in brackets with ``width`` characters each side, on one line (for --show)."""
    a, b = max(0, s - width), min(len(doc), e + width)
    return (doc[a:s] + "[[" + doc[s:e] + "]]" + doc[e:b]).replace("\n", "\u23ce")
