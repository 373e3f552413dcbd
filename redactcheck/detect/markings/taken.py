"""Spans the OCR steps have already given out, so no two steps report the same letters.

The OCR steps run after the rules, each handed the spans found so far (``taken``); a damaged
word read by one step must not come back from the next one.
"""

from __future__ import annotations

Span = tuple[int, int]
Found = tuple[int, int, str]


def overlaps(start: int, end: int, taken: list[Span]) -> bool:
    """Whether ``[start, end)`` shares a character with a span already taken."""
    return any(start < e and s < end for s, e in taken)


def claim(found: Found, out: list[Found], taken: list[Span]) -> bool:
    """Keep ``found`` (``start, end, word``) unless it overlaps a span already taken."""
    start, end, _ = found
    if overlaps(start, end, taken):
        return False
    out.append(found)
    taken.append((start, end))
    return True
