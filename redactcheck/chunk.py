"""Split long texts into overlapping chunks for NER, with exact offsets back.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and one spaCy document costs
about 3 GB per MB of text, so a long file must reach the model in pieces. Cuts fall on a
paragraph break when there is one near the limit, else a line break, a sentence end or a space;
each chunk carries ``overlap`` characters of context on both sides so a name at a cut is seen
whole. Every offset of the text belongs to exactly one chunk's *owned* range: a finding is kept
only by the chunk that owns its start, so findings in the overlap are never reported twice.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Largest chunk handed to spaCy. Small enough that one chunk costs well under 1 GB.
MAX_CHARS = 50_000
#: Context on each side of a cut; longer than any name or phone number.
OVERLAP = 500
_CUTS = ("\n\n", "\n", ". ", " ")


@dataclass(frozen=True, slots=True)
class Chunk:
    """``text[start:end]`` goes to the model; findings starting in ``[own_start, own_end)``
    count."""

    start: int
    end: int
    own_start: int
    own_end: int

    def owns(self, offset: int) -> bool:
        return self.own_start <= offset < self.own_end


def _best_cut(text: str, lo: int, hi: int) -> int:
    """A cut in ``(lo, hi]``: right after the last paragraph break, line, sentence or space."""
    for sep in _CUTS:
        at = text.rfind(sep, lo, hi)
        if at > lo:
            return at + len(sep)
    return hi


def _snap_back(text: str, offset: int, floor: int) -> int:
    """Move ``offset`` back to just after a whitespace so a chunk never starts mid-word."""
    at = max(text.rfind(" ", floor, offset), text.rfind("\n", floor, offset))
    return at + 1 if at >= floor else offset


def _snap_forward(text: str, offset: int, ceiling: int) -> int:
    """Move ``offset`` forward to a whitespace so a chunk never ends mid-word."""
    if offset >= ceiling:
        return ceiling
    spaces = [
        i for i in (text.find(" ", offset, ceiling), text.find("\n", offset, ceiling)) if i >= 0
    ]
    return min(spaces) if spaces else offset


def split(text: str, max_chars: int = MAX_CHARS, overlap: int = OVERLAP) -> list[Chunk]:
    """Chunks covering ``text``; a text up to ``max_chars`` long is one chunk."""
    n = len(text)
    if n <= max_chars:
        return [Chunk(0, n, 0, n)]
    if max_chars <= 4 * overlap:
        raise ValueError("max_chars must be more than four times the overlap")
    step = max_chars - 2 * overlap  # owned length, leaving room for context on both sides
    cuts = [0]
    while n - cuts[-1] > step:
        lo = cuts[-1] + step // 2  # never shorter than half a step
        cuts.append(_best_cut(text, lo, cuts[-1] + step))
    cuts.append(n)
    chunks: list[Chunk] = []
    for own_start, own_end in zip(cuts, cuts[1:], strict=False):
        start = _snap_back(text, max(0, own_start - overlap), max(0, own_start - 2 * overlap))
        end = _snap_forward(text, min(n, own_end + overlap), min(n, own_end + 2 * overlap))
        chunks.append(Chunk(start, end, own_start, own_end))
    return chunks
