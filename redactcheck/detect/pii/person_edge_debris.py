"""A two-letter piece of OCR debris at the edge of a name the model found: cut it off.

Why: on a bad scan (JFK-collection OCR records) specks and broken words become two-letter
tokens ("Qo", "Uq", "Xo"), and the model reads such a token beside a real surname as one
person ("Qo Tallowby", "Marchbank Uq"); in a cable in capitals it reads a short English word
and the next word as a name ("BE HELD", "TO CALL"). The span is then spread word by word over
the document, so the debris also spreads the surname's neighbour. Measured on the unlabelled
pool (seed 2323, 150 JFK records): model spans of this kind in 9 documents, all on bad scans
or cables in capitals (docs/quality.md, "Third sitting of 2026-12-07: OCR debris on names").

The token is cut, not the span dropped: what is left is judged again as the model's span, by
the one-word tests when one word is left (a short or English word alone is dropped there).
A token is debris when it is two letters and either

- written "XY" at the start, and a short English function word ("BE", "TO", "IN"); or
- written "Xy", no particle ("de", "la"), no frequent given name or surname ("Bo", "Li",
  "Ng": short East Asian and given names are names), no initial with a full stop, the rest
  holds a word of four letters or more ("Zo Tev", "Mai Ky": a short name's own pieces are
  kept), and the text is a bad scan, as a whole or around the span ("Zo" in clean prose is a
  name's piece).
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_candidates import noisy_around
from redactcheck.detect.pii.name_shapes import PARTICLES
from redactcheck.detect.pii.name_words import NameWords

#: English function words of two letters that start a clause in a cable in capitals ("WILL BE
#: SENT", "GO TO", "IN ORDER"); "HE", "DO", "SO", "AN", "HO" are also common East Asian
#: surnames and are left out.
_FUNCTION = frozenset(
    ("BE", "GO", "TO", "IT", "IN", "ON", "AT", "NO", "WE", "MY", "US", "UP", "BY", "OR")
    + ("OF", "IF", "IS", "ME", "AM", "AS")
)
_TOKEN = re.compile(r"\S+")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def trim_edge_debris(text: str, a: int, b: int, nw: NameWords, noisy: bool) -> tuple[int, int]:
    """``(a, b)`` less a debris token at its start and one at its end (tests above);
    ``text[a:b]`` of the result is a run of the span's own tokens, so offsets stay exact.
    ``noisy``: the whole text is a bad scan; else the lines around the span are asked."""
    toks = [(m.start() + a, m.end() + a) for m in _TOKEN.finditer(text[a:b])]
    if len(toks) < 2:
        return a, b
    bad_scan: list[bool] = []  # asked on first use: most spans hold no two-letter token

    def scan_is_bad() -> bool:
        if not bad_scan:
            bad_scan.append(noisy or noisy_around(text, a, b, nw))
        return bad_scan[0]

    first = text[toks[0][0] : toks[0][1]]
    if first in _FUNCTION or (
        _debris(first, nw) and _holds_long_word(text, toks[1][0], toks[-1][1]) and scan_is_bad()
    ):
        toks = toks[1:]
    last = text[toks[-1][0] : toks[-1][1]]
    if (
        len(toks) >= 2
        and _debris(last, nw)
        and _holds_long_word(text, toks[0][0], toks[-2][1])
        and scan_is_bad()
    ):
        toks = toks[:-1]
    return toks[0][0], toks[-1][1]


def _holds_long_word(text: str, a: int, b: int) -> bool:
    return _LONG_WORD.search(text, a, b) is not None


def _debris(tok: str, nw: NameWords) -> bool:
    """Two letters written "Xy": no particle, no frequent listed name."""
    if len(tok) != 2 or not tok.isalpha() or tok.lower() in PARTICLES:
        return False
    return tok[0].isupper() and tok[1].islower() and not nw.is_frequent(tok)
