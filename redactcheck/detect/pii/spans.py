"""Span helpers shared by the name detector and the refinement of its results.

Why apart: ``refine.py`` needs them and ``names.py`` imports ``refine.py``; keeping them in
``names.py`` made the two import each other.
"""

from __future__ import annotations


def trim_to_line(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep a span on its first line, without surrounding blanks.

    spaCy glues the next line's first word onto a name ("Harold Pinkerton\nSubject" in a list
    of document properties); a name never spans a line break.
    """
    while start < end and text[start].isspace():
        start += 1
    for i in range(start, end):
        if text[i] in "\r\n":
            end = i
            break
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
