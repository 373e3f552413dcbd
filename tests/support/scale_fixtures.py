"""Synthetic memos (our own writing, made-up names) for the throughput and scale tests."""

from __future__ import annotations

import random
from pathlib import Path

FIRST = ["Odile", "Marek", "Ilse", "Tobias", "Priya", "Anselm", "Greta", "Idris", "Lucia", "Ruben"]
LAST = ["Ferrant", "Novak", "Varga", "Lindqvist", "Raman", "Oberholzer", "Kask", "Mensah"]
BANNERS = ["SECRET//NOFORN", "CONFIDENTIAL", "TOP SECRET//SI//ORCON/NOFORN", "UNCLASSIFIED"]


def memo(rnd: random.Random, paragraphs: int = 4) -> str:
    banner = rnd.choice(BANNERS)
    who = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    other = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    body = []
    for _ in range(paragraphs):
        body.append(
            f"(S) {who} met {other} in Tallinn on {rnd.randint(1, 28)} May to discuss the "
            f"grain shipments. The attaché reported that the harbour office would reply by "
            f"cable {rnd.randint(1000, 9999)}. "
            f"Call {rnd.randint(200, 899)}-555-0{rnd.randint(100, 199)} "
            f"or write to {who.split()[0].lower()}@example.org."
        )
    return f"{banner}\n\nMEMORANDUM FOR THE RECORD\n\n" + "\n\n".join(body) + f"\n\n{banner}\n"


def write_tree(root: Path, count: int, seed: int = 11) -> list[Path]:
    """``count`` memo files of varied size, some of them duplicates of others."""
    rnd = random.Random(seed)
    paths = []
    texts: list[str] = []
    for i in range(count):
        if texts and rnd.random() < 0.1:
            text = rnd.choice(texts)  # releases repeat documents
        else:
            text = memo(rnd, rnd.randint(1, 6))
            texts.append(text)
        path = root / f"box{i % 4}" / f"doc{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
