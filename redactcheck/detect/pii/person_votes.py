"""Words the model calls a person at most of its mentions: one place label does not outweigh them.

Why: the rules read the model's labels as a document-wide verdict on a word: a word it calls a
place or a group anywhere is not taken as a person on weak evidence, and its person mentions
are dropped. On a scanned record the small model reads one mention of a repeated surname out of
its context (a line broken by OCR, "outlines Quarrie and" read as a place) and labels it a place
while calling the other mentions persons. Read on the JFK records of the unlabelled pool (seed
1212 and 1213): a surname called a person four times and a place once lost every mention. The
vote is taken per word: called a person at two mentions or more, and more often than a place
or a group, and a word the name lists hold (a census surname or a given name, no English word
and no dictionary proper noun). The lists are asked because the model also calls a party or a
firm a person at most of its mentions and a place or a group at a few (a militia party in a
Beirut cable, an oil company in an Algiers one, on the pool's seed 1213), and those few labels
are what keeps it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from redactcheck.detect.pii.name_words import name_words

#: Labels the rules read as "not a person" for a single word (places and groups).
_PLACE_OR_GROUP = frozenset(("LOCATION", "GPE", "LOC", "NRP", "NORP", "FAC"))


def person_majority(text: str, ner: Iterable[tuple[int, int, str]]) -> set[str]:
    """Listed names (single words, lower case) the model calls a person at two mentions or
    more and more often than a place or a group."""
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for s, e, label in ner:
        word = text[s:e]
        if " " in word or "\n" in word:
            continue
        if label == "PERSON":
            person[word.lower()] += 1
        elif label in _PLACE_OR_GROUP:
            other[word.lower()] += 1
    nw = name_words()
    return {
        w
        for w, n in person.items()
        if n >= 2
        and n > other[w] > 0
        and nw.is_name(w)
        and not nw.is_english(w)
        and not nw.is_proper(w)
    }
