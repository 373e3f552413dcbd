"""Names a typist split by a hyphen at a line end: "Mr. Quen-⏎nell", "Orla Tal-⏎lowby".

Why: typewritten memoranda, transcripts and printed reports hyphenate long words at the right
margin, names included, and OCR keeps the hyphen and the line break. Neither half is a name the
model or the lists know ("Quen", "nell"), so the mention is lost. Seen in the JFK records of the
unlabelled pool (a search of all 4,542 pool documents for a capitalised word broken by a hyphen
at a line end whose two halves make a listed name: 73 breaks, about half of them people in some
30 records; the rest months, towns, states and nationality words). A break is read as a name
only with a cue a reader would use too:

- the joined word is a word of a person found elsewhere in the document;
- a title stands before the first half ("Dr.", "Agent");
- a given name, an initial, or a found name stands just before it ("J. Quen-⏎nell");
- the joined word is a given name and a listed surname follows ("Or-⏎la QUENNELL").

Months, English words, nationality words and what the model or a place phrase calls a place
in the document are never joined.
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_candidates import Judge
from redactcheck.detect.pii.person_scores import PersonSpan

#: A capitalised word (or one in capitals) broken by a hyphen at a line end, its rest opening
#: the next line in the same case.
_BROKEN = re.compile(
    r"(?<![\w'’-])(?P<head>[A-Z][a-z]{1,14}|[A-Z]{2,14})-[ \t]*\n[ \t]*"
    r"(?P<tail>[a-z]{2,14}|[A-Z]{2,14})(?![\w-])"
)
#: The word just before the first half, on the same line: "Dr.", "Osric", "J."
_WORD_BEFORE = re.compile(r"(?P<word>[A-Z][A-Za-z'’]*)(?P<dot>\.?)[ \t]+$")
#: The word just after the second half, on the same line: "... chard QUENNELL"
_WORD_AFTER = re.compile(r"[ \t]+(?P<word>[A-Z][A-Za-z'’]{2,})\b")
_MONTHS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december")
)  # fmt: skip


def hyphen_names(
    text: str, people: list[PersonSpan], judge: Judge, places: set[str], score: float
) -> list[PersonSpan]:
    """Person spans over names broken by a hyphen at a line end (module docstring)."""
    if "-\n" not in text and "- \n" not in text:
        return []
    nw, lex = judge.nw, judge.lex
    known = {w.lower() for p in people for w in re.findall(r"[A-Za-z'’]+", text[p.start : p.end])}
    out = []
    for m in _BROKEN.finditer(text):
        head, tail = m.group("head"), m.group("tail")
        if head.isupper() != tail.isupper():
            continue
        joined = (head + tail).capitalize()
        low = joined.lower()
        if (
            low in _MONTHS
            or low in places
            or not nw.is_name(joined)
            or nw.is_english(low)
            or nw.is_demonym(joined)
            or judge.excluded(joined, cued=True)
        ):
            continue
        start, end = m.start(), m.end()
        line_start = text.rfind("\n", 0, start) + 1
        before = _WORD_BEFORE.search(text, line_start, start)
        after = _WORD_AFTER.match(text, end)
        if low in known or (before and before.group("word") in lex.titles):
            pass  # found elsewhere, or "Dr. Quen-⏎nell"
        elif before and _name_before(before.group("word"), before.group("dot"), nw, people, start):
            start = before.start()
        elif after and nw.is_given(joined) and _surname_after(after.group("word"), nw, judge):
            end = after.end()
        else:
            continue
        out.append(PersonSpan(start, end, score, "hyphen-break"))
    return out


def _name_before(word: str, dot: str, nw, people: list[PersonSpan], at: int) -> bool:
    """A given name, an initial ("J."), or the end of a found name just before the break."""
    if len(word) == 1:
        return bool(dot)
    if any(p.start < at <= p.end + 1 and p.end <= at for p in people):
        return not dot
    return not dot and nw.is_given(word.capitalize()) and not nw.is_english(word.lower())


def _surname_after(word: str, nw, judge: Judge) -> bool:
    """A listed surname, no English word, after a broken given name ("Or-⏎la QUENNELL")."""
    w = word.capitalize()
    return nw.is_surname(w) and not nw.is_english(w.lower()) and not judge.excluded(word)
