"""A surname written with a joined particle and an inner capital, as an entry of a name column.

Why: some surnames join a particle to the name and keep its capital ("DeVander", "LaQuenne",
"VanTallow", "DiMarchi", "DuBreck"). The word shape that
:func:`~redactcheck.detect.pii.name_candidates.name_columns` reads allows "Mc", "Mac" and
"O'" before the capital but not these particles, so in a column of one surname a line (an FBI
routing slip of the 1960s, a distribution list) such an entry broke the column and was the
only officer of the box left unreported; with fewer than three entries on one side of it, the
officers there were missed too. Read on the unlabelled pool (seed 2626: one routing slip, the
entry missed twice; then every pool record with such an entry alone on its line: 22 of 30
missed, in 20 records) and on the tune halves (one FBI teletype).

The entry is reported only inside a column: the nearest line above or below it (blank or
debris lines between skipped) holds a reported one-word name and nothing else but debris, and
the nearest line on the other side holds one too or a bare capitalised word (an entry OCR
damaged past the name lists: "Quennel -", "Marchbenk"). A word of this shape alone on a line
elsewhere (a heading, OCR debris, a line of prose) is never read as a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from redactcheck.detect.pii.person_scores import PersonSpan

#: A joined particle, then a capital and at least two lower-case letters.
_PARTICLE_WORD = r"(?:De|Di|Du|Da|Del|La|Le|Van|Von)[A-Z][a-z]{2,}"
#: A line holding only such a word, with the box's tick marks before it and a blank, a dash or a
#: reader's initials after it (the layout name_columns accepts).
_ENTRY = re.compile(
    rf"^[ \t|]*(?:[*.,»«•·‘’'\"~][ \t]*){{0,3}}({_PARTICLE_WORD})"
    r"(?:[ \t_.:|\"“”—–-]+(?:[A-Z]{2,3}(?!\w))?)*[ \t_.:|\"“”—–-]*$",
    re.MULTILINE,
)
#: What may remain of a neighbour line once its name is taken out: ticks, a dash, initials.
_REST = re.compile(
    r"[^A-Za-z]*(?:(?:[MHNlI]rs?|Ms|Dr)[.,:][^A-Za-z]*)?(?:[A-Z]{2,3}(?![A-Za-z])[^A-Za-z]*)?"
)
#: A bare entry line: one capitalised word, the box's ticks, a dash or initials around it.
_BARE = re.compile(
    r"[ \t|]*(?:[*.,»«•·‘’'\"~][ \t]*){0,3}(?:(?:[MHNlI]rs?|Ms|Dr)[.,:][ \t]*)?"
    r"(?:De|Di|Du|Da|Del|La|Le|Van|Von)?[A-Z][a-z]{2,}"
    r"(?:[ \t_.:|\"“”—–-]+(?:[A-Z]{2,3}(?!\w))?)*[ \t_.:|\"“”—–-]*"
)
#: A line between entries with no capitalised word of three letters (blank, ticks, debris).
_JUNK = re.compile(r"(?![^\n]*[A-Z][A-Za-z]{2})[^\n]{0,12}")
_MAX_GAP = 6  # lines looked at on each side, as name_columns allows between entries


def particle_columns(
    text: str, people: Sequence[PersonSpan], add: Callable[[int, int, str], None]
) -> None:
    """Report each joined-particle surname alone on its line whose nearest entry line on one
    side holds one reported one-word name, and on the other side such a name or a bare word."""
    if not people:
        return
    for m in _ENTRY.finditer(text):
        ls = m.start()
        le = m.end()
        above, below = _neighbour(text, people, ls, -1), _neighbour(text, people, le, +1)
        if above and below and "found" in (above, below):
            add(*m.span(1), "name-column")


def _neighbour(text: str, people: Sequence[PersonSpan], pos: int, step: int) -> str:
    """What the first line that is no junk, going ``step`` from the line edge ``pos``, holds:
    "found" (one reported one-word name, the rest debris or initials), "bare" (one capitalised
    word alone) or "" (anything else)."""
    for _ in range(_MAX_GAP):
        if step < 0:
            if pos == 0:
                return ""
            end = pos - 1
            start = text.rfind("\n", 0, end) + 1
            pos = start
        else:
            if pos >= len(text):
                return ""
            start = pos + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            pos = end
        line = text[start:end]
        if _JUNK.fullmatch(line):
            continue
        inside = [p for p in people if p.start >= start and p.end <= end]
        if len(inside) == 1 and text[inside[0].start : inside[0].end].isalpha():
            rest = text[start : inside[0].start] + " " + text[inside[0].end : end]
            if _REST.fullmatch(rest):
                return "found"
        return "bare" if not inside and _BARE.fullmatch(line) else ""
    return ""
