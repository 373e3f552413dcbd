"""How likely a word's letters are, by a letter trigram model of the packaged name and word lists.

Why: OCR debris that the model reads as a name ("Qxbvtr", "Wkyrnd") holds letter sequences that
names and words rarely hold. ``NameWords.plausible`` asks only whether a trigram occurs at all;
this model scores how often: the mean log-probability of each letter given the two before it,
estimated from every listed given name, census surname and English word (``^``/``$`` mark a
word's edges). Real names from traditions the lists hold few of also score low ("Niamh",
"Mkrtchyan"), so a low score is never read alone: ``person_model_only`` asks it only of words
the model alone calls a person, once in a document, on a bad scan.

The counts are data (``rules/lexicons/names/letter_counts.txt``), built from the lists by
``python -m redactcheck.detect.pii.letter_model > rules/lexicons/names/letter_counts.txt``
(tests/unit/detect/test_letter_model.py checks the file is current).
"""

from __future__ import annotations

import math
from functools import lru_cache

from redactcheck.detect.pii.name_words import trigram_counts, trigram_source_words
from redactcheck.ruleset.loader import lexicon_path

#: Added to every trigram count: an unseen trigram is rare, not impossible.
_SMOOTH = 0.1
_ALPHABET = 28  # a-z and the word's end, plus one for anything else


def count_trigrams(words: set[str] | frozenset[str]) -> dict[str, int]:
    """Letter trigrams of ``words`` (two ``^`` before a word, one ``$`` after) with counts."""
    return trigram_counts(words, head="^^")


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, int], dict[str, int]]:
    tri: dict[str, int] = {}
    path = lexicon_path("names/letter_counts.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and line[0] != "#":
            key, _, count = line.partition("\t")
            tri[key] = int(count)
    ctx: dict[str, int] = {}
    for key, n in tri.items():
        ctx[key[:2]] = ctx.get(key[:2], 0) + n
    return tri, ctx


def letter_score(word: str) -> float | None:
    """Mean log-probability of the word's letters (lower case, letters only), or None for a
    word outside a-z (accented or non-Latin letters: the lists hold few, no verdict)."""
    low = "".join(c for c in word.lower() if c.isalpha())
    if not low or not low.isascii():
        return None
    tri, ctx = _model()
    padded = f"^^{low}$"
    total = 0.0
    for i in range(len(padded) - 2):
        n = tri.get(padded[i : i + 3], 0)
        total += math.log((n + _SMOOTH) / (ctx.get(padded[i : i + 2], 0) + _SMOOTH * _ALPHABET))
    return total / (len(padded) - 2)


def build_counts() -> list[str]:
    """The lines of ``letter_counts.txt``: trigram and count, sorted."""
    counts = count_trigrams({w for w in trigram_source_words() if w.isascii() and w.isalpha()})
    return [f"{t}\t{n}" for t, n in sorted(counts.items())]


if __name__ == "__main__":  # python -m redactcheck.detect.pii.letter_model > .../letter_counts.txt
    print("# Letter trigram counts of the given-name, surname and English word lists in this")
    print("# folder (^^ before a word, $ after it): built by")
    print("# python -m redactcheck.detect.pii.letter_model")
    print("\n".join(build_counts()))
