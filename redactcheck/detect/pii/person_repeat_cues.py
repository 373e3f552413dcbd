"""A census surname a record writes three times or more inside its sentences, acting as a person.

Why: :func:`~redactcheck.detect.pii.name_candidates._repeated_surnames` takes such a surname in
a badly scanned text whatever the model says, but in a text the noise test calls clean it
lets any label of the model's other than a person veto it (a firm and a faith in two cables
would have been taken), and a single place label vetoes every mention. Typed memoranda read by
OCR often pass the noise test, and there the small model calls a case officer's or a source's
surname an organisation at one mention, a place at another ("conversation with Quarrie, he
informed me", "Quarrie has only phoned", "Quarrie mentioned"). Read on the JFK records of the
unlabelled pool, seeds 1818 and 1819: a Soviet official named some forty times, an exile
leader and his coordinator, each missed at every mention.

Taken: the surname of ``_repeated_surnames`` (census-listed, no English word, no dictionary
proper noun, three mentions inside sentences, none after a place preposition or "the"), when
the model calls it a place at a quarter of its mentions or fewer, and at least one mention is
followed by what only a person does in a report: a verb of speech or contact ("said",
"mentioned", "phoned", "informed"), a possessive, or "he"/"she" after a comma. A firm or a
movement is said to "announce" or "operate"; "has" and "was" are not asked, since firms take
them too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from redactcheck.detect.pii.name_candidates import _LONE, _PLACE_PREPOSITIONS, Add, Judge

_PLACE_LABELS = frozenset(("LOCATION", "GPE", "LOC", "FAC", "NRP", "NORP"))
_NOT_BEFORE = frozenset(("the", "de", "del", "la", "le", "el"))
_REPEATS = 3
#: What a person does in a report and a firm, a place or a movement does not.
_PERSON_AFTER = re.compile(
    r"['’]s[ \t]+(?:wife|husband|son|daughter|father|mother|brother|sister|family|home|"
    r"apartment|house|office|friend|friends|motives|personality|return|position|duties|"
    r"successor|contact|reputation)\b"
    r"|,[ \t]+(?:he|she)[ \t]+[a-z]+"
    r"|[ \t]+(?:also[ \t]+|then[ \t]+|once[ \t]+again[ \t]+|later[ \t]+)?"
    r"(?:said|says|told|stated|mentioned|informed|explained|replied|remarked|asked|"
    r"telephoned|phoned|invited|admitted|refused|promised|wanted|believed|felt|thought|"
    r"recalled|complained|appeared|seemed|did[ \t]+not|does[ \t]+not|has[ \t]+not|"
    r"had[ \t]+not|is[ \t]+studying|was[ \t]+born|frequently|himself|herself)\b"
)


def repeat_cues(
    text: str, judge: Judge, add: Add, ner: Iterable[tuple[int, int, str]] = ()
) -> None:
    """Repeated census surnames with a person's cue in a clean text (see the module note)."""
    if judge.noisy:
        return  # ``_repeated_surnames`` reads noisy texts without the model's labels
    nw = judge.nw
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _LONE.finditer(text):
        prev = m.group("prev")
        if prev in _PLACE_PREPOSITIONS or prev in _NOT_BEFORE:
            continue
        spans.setdefault(m.group("name"), []).append(m.span("name"))
    words = [
        w
        for w, found in spans.items()
        if len(found) >= _REPEATS
        and nw.is_surname(w)
        and not nw.is_english(w)
        and not nw.is_proper(w)
        and not judge.lex.is_not_person_word(w)
        and w.lower() not in judge.lower_words
        and nw.plausible(w)
    ]
    if not words:
        return
    placed = Counter(text[s:e] for s, e, label in ner if label in _PLACE_LABELS)
    for word in words:
        found = spans[word]
        mentions = text.count(word)
        if placed[word] * 4 > mentions or re.search(rf"\b(?:the|The|THE)[ \t]+{word}\b", text):
            continue  # the model's place, or "the Quarrie Company"
        if any(_PERSON_AFTER.match(text, e) for _, e in found):
            for s, e in found:
                add(s, e, "repeated-cued")
