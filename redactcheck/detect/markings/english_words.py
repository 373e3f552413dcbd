"""English words in capitals, read once for every marking step that must tell a damaged
marking from an ordinary word (the SCOWL list the name detector reads,
``rules/lexicons/names/english_words.txt``).

Why its own module: the page-edge step, the stamp-phrase step and the caption step all ask,
and the phrase step sits below the others in the import graph; one load serves them all.
"""

from __future__ import annotations

from functools import lru_cache

from redactcheck.ruleset.loader import lexicon_path


@lru_cache(maxsize=1)
def english_capitals() -> frozenset[str]:
    """Every word of the list in capitals."""
    with lexicon_path("names/english_words.txt").open(encoding="utf-8") as fh:
        return frozenset(w.strip().upper() for w in fh if w.strip() and not w.startswith("#"))
