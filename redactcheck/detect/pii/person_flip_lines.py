"""Spans on lines of case-flipped OCR debris, dropped at the end whatever finder took them.

Why: a page scanned upside down or mirrored, or a faint carbon, comes out of OCR as lines of
made-up tokens whose case flips inside the word ("QuoTerb", "TTeIqv", "zoTyeqrd", "BuTosna").
The model reads some of their capitals as names and the spreading steps copy them: "propagated"
copies and "propagated-ocr" variants, which ``person_debris`` leaves alone because a variant of a
name found elsewhere is usually a real name's misread copy. Here the evidence is the line, not
the span's letters (rare real names have unlikely letters too): a span is dropped when

- its line holds three tokens or more whose case changes from small to capital inside a word
  where no name prefix explains it (``McKay``, ``DeWitt``, ``LaRue``, ``O'Neil`` do not count;
  each part of a hyphenated or apostrophed word is judged alone), and more than half of the
  rest of the line is debris by ``person_debris._line_share`` (a cable's line with mixed-case
  acronyms, "PolOff" or a party's "QuP", is clean words otherwise: the first form lost a
  person on such a line of the cable PERSON sample);
- one of its own words is such a token or is in no list (given names, surnames, English words,
  dictionary proper nouns);
- no word of it is a frequent given name or surname in any case, even one that is also an
  English word or whose own case flips (a real name on a damaged line: "HERB QUENBOR" and an
  alias "TaTe" stay; the first form, which let such words go, lost both kinds on the pool);
- and no cue found it (a title, initials, an inverted "SURNAME, Given" form, a signature).

Read on the unlabelled pool, seeds 5959 and 5960 (docs/quality.md, "prec12").
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_words import NameWords
from redactcheck.detect.pii.person_debris import _line_share
from redactcheck.detect.pii.person_scores import _CUED_NAMES, PersonSpan

#: Cued bases, less the list bases whose evidence is the letters alone.
_KEPT = _CUED_NAMES - {"list-names", "list-given"}
_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St|O)(?=[A-Z][a-z])")
_FLIP = re.compile(r"[a-z][A-Z]")
_PARTS = re.compile(r"[A-Za-z]+")
_TOKEN = re.compile(r"[^\W\d_]{2,}")
#: Flipped tokens on a line that make it debris.
_MIN_FLIPPED = 3
#: Share of the rest of the line that must be debris too (``person_debris._line_share``): a
#: cable's line with mixed-case acronyms ("PolOff", a party's "QuP") is otherwise clean.
_SHARE = 0.5


def flipped(token: str) -> bool:
    """A part of three letters or more whose case turns from small to capital inside it."""
    return any(
        len(part) >= 3 and _FLIP.search(_PREFIX.sub("", part))
        for part in _PARTS.findall(token)  # "Tal'Orvey", "O'Neil": parts judged alone
    )


def drop_flip_lines(text: str, people: list[PersonSpan], nw: NameWords) -> list[PersonSpan]:
    """``people`` less the spans on lines of case-flipped debris (tests above)."""
    if not _FLIP.search(text):
        return people
    gone: set[int] = set()
    lines: dict[int, bool] = {}
    for p in people:
        if p.basis in _KEPT:
            continue
        words = _TOKEN.findall(text[p.start : p.end])
        if not any(flipped(w) or not _listed(w, nw) for w in words):
            continue
        if any(nw.is_frequent(w) for w in words):
            continue
        start = text.rfind("\n", 0, p.start) + 1
        if start not in lines:
            end = text.find("\n", start)
            line = text[start : len(text) if end < 0 else end]
            lines[start] = sum(map(flipped, line.split())) >= _MIN_FLIPPED
        if lines[start] and _line_share(text, p.start, p.end, nw) > _SHARE:
            gone.add(id(p))
    return [p for p in people if id(p) not in gone] if gone else people


def _listed(word: str, nw: NameWords) -> bool:
    return nw.is_name(word) or nw.is_english(word) or nw.is_proper(word)
