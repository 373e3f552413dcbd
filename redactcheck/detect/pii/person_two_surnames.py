"""Hispanic names written surname first, with both surnames: "QUARTANA Bellido, Ysidro".

Why: in the Spanish naming tradition a person carries two surnames, the father's then the
mother's; CIA name traces, dispatches and report headers write such a name surname first, the
first surname in capitals (the house style for surnames), the second in ordinary case, then a
comma and the given name(s): "QUARTANA Bellido, Ysidro". Identification forms write it all in
capitals at the start of a field ("QUARTANA BELLIDO, YSIDRO J"). The file-header rule
(``person_cues._INVERTED``) reads one surname before the comma only, so the model found such a
name as two people or missed its first surname. Seen in 6 records of the unlabelled pool (seeds
8383 and 8384) and 1 of set 4's tune part (3 names).

The case contrast (a word in capitals, then a capitalised word) is the mark in running text;
the comma must be followed by a listed given name that is no English word, and one of the two
surnames must be a listed surname, so a heading ("FBI Files, Offices") or a place ("ROBINSON
Atlanta, Georgia") is not read as a name. In capitals the name must open its field and end it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactcheck.detect.pii.name_candidates import Judge
from redactcheck.detect.pii.name_shapes import _LO, _UP

#: "QUARTANA Bellido, Ysidro[ Eusebio]" anywhere in a line. (The character before the first
#: capital is checked after it: a look-behind in front would be tried at every position.)
_MIXED = re.compile(
    rf"(?P<first>[{_UP}](?<![\w'’-][{_UP}])[{_UP}]{{2,}}(?:-[{_UP}]{{3,}})?)[ \t]+"
    rf"(?P<second>[{_UP}][{_LO}]{{2,}}(?:-[{_UP}][{_LO}]{{2,}})?),[ \t]*"
    rf"(?P<given>[{_UP}][{_LO}]{{2,}})(?:[ \t]+(?P<given2>[{_UP}][{_LO}]{{2,}}))?(?![\w'’-])"
)
#: "QUARTANA BELLIDO, YSIDRO[ J.]" ending its field; it must open a line (after a form's rule
#: or bullet) or a field label (``_FIELD_START``, checked on the text before it).
_CAPS = re.compile(
    rf"(?P<first>[{_UP}](?<![\w'’-][{_UP}])[{_UP}]{{2,}})[ \t]+(?P<second>[{_UP}]{{3,}}),[ \t]*"
    rf"(?P<given>[{_UP}]{{3,}})(?P<initial>[ \t]+[{_UP}]\.?)?(?=[ \t]*(?:$|[,;(]))",
    re.MULTILINE,
)
_FIELD_START = re.compile(r"(?:^[ \t]*(?:[|~*‘'“\"-]{1,2}[ \t]*)?|:[ \t]*)$", re.MULTILINE)


def two_surname_names(text: str, judge: Judge) -> Iterator[tuple[int, int]]:
    """Spans of names written "FIRST Second, Given" (or all in capitals at a field's start)."""
    if "," not in text:
        return
    for m in _MIXED.finditer(text):
        if _surnames(m.group("first"), m.group("second"), judge) and _given(m["given"], judge):
            end = m.end("given")
            if m.group("given2") and _given(m["given2"], judge):
                end = m.end("given2")
            yield m.start("first"), end
    for m in _CAPS.finditer(text):
        if (
            _FIELD_START.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())
            and _surnames(m.group("first"), m.group("second"), judge)
            and _given(m["given"], judge)
            and not judge.nw.is_given(m.group("first"))  # "DUSTY QUELLO, ROCCO": a list
        ):
            yield m.start("first"), m.end("initial") if m.group("initial") else m.end("given")


def _surnames(first: str, second: str, judge: Judge) -> bool:
    """Two surname-shaped words, one of them a listed surname, neither a place."""
    nw = judge.nw
    return (
        (nw.is_surname(first) or nw.is_surname(second))
        and first.upper() not in judge.lex.acronyms
        and all(
            judge.name_like(w, cued=True) and not (nw.is_proper(w) and not nw.is_name(w))
            for w in (first, second)
        )
    )


def _given(word: str, judge: Judge) -> bool:
    """A listed given name that is no English word."""
    nw = judge.nw
    return nw.is_given(word) and not nw.is_english(word) and not judge.excluded(word, cued=True)
