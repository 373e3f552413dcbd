"""Names a scanner misread by glyphs it confuses, where the document itself anchors the name.

Why: in scanned memoranda and cables (JFK records) a person's name is often read right once and
wrong elsewhere, a letter or two swapped for one of similar shape ("Quillo" read "QUILLC", "Eldon"
read "Fldon", "Dumas" read "DUNAS"). The exact undoing of :mod:`person_ocr_forms` and the edit
distances of :mod:`person_spread` leave these out: short names have no edit to spare, and a
plain edit distance cannot tell a likely misreading from any other spelling. The cost model of
:mod:`redactcheck.detect.pii.ocr_confusion` can, and is used only beside a strong anchor: the
word is at most one confusion (names of four or five letters) or two (six letters or more) from
a word of a name found confidently in the same document, that word no English word and no word
of a place the model names here.

It never takes a word that is an English word, a listed name, a proper noun, a title or a place
here: a confusion that turns an ordinary word into a name is the common false alarm of OCR text.
"""

from __future__ import annotations

import re

from redactcheck.detect.edit_distance import distance
from redactcheck.detect.lexicons import NameLexicon
from redactcheck.detect.pii.ocr_confusion import ocr_cost
from redactcheck.detect.pii.person_ocr_forms import name_words
from redactcheck.detect.pii.person_scores import PersonSpan

#: A capitalised word or a word in capitals, with look-alike digits. Its edges are checked
#: only where a hit is found (a plain character class first lets the regex engine skip ahead:
#: half the time of a word-boundary pattern).
_WORD = re.compile(r"[A-Z][A-Za-z0-9]{3,}")
#: Characters that make a word part of a longer token, before and after it; not before ":":
#: a form or footer label ("Docld:").
_EDGE_BEFORE = frozenset("#@$%&*|/.'’-")
_EDGE_AFTER = frozenset("#@$%&*|/'’-:")
_SHORT = 5  # letters of a name word up to which one confusion is allowed, two above
_ONE, _TWO = 0.5, 0.9


def _plain_word(word: str, nw, lex: NameLexicon) -> bool:
    """``word`` is something else than a damaged name: a word, a name, a proper noun, a title."""
    low = word.lower()
    return bool(
        nw.is_english(low)
        or nw.is_name(word)
        or nw.is_proper(low)
        or lex.is_not_person_word(word)
        or nw.misread_word(word)  # a misread ordinary word ("Testimcny")
    )


def _shape_ok(word: str) -> bool:
    """Capitalised, in capitals, or mixed with a capital first; an all-capital word of four
    letters is as often an acronym as a name."""
    if word.isupper():
        return len(word) >= 5
    return word.isalpha() or sum(c.isdigit() for c in word) <= 1


def confused_mentions(
    text: str,
    people: list[PersonSpan],
    lex: NameLexicon,
    nw,
    places: set[str] | frozenset[str],
    words: dict[str, str] | None = None,
) -> list[tuple[int, int]]:
    """Spans of later mentions a scanner misread by confusable glyphs (module docstring);
    ``words``: :func:`person_ocr_forms.name_words` of ``people`` when already made.

    Cost: one regex walk over the capitalised words, each distinct word judged once,
    and the cost table is reached only by a word of a wanted length that is no listed word or
    name (two memoised set lookups) and within three edits of a wanted word."""
    # a found name that is also an English word ("Alpha", "Mason") is left out: its
    # misreadings are as often the word's (a group's "Alpna"); nor a word of a phrase the
    # model calls a place here ("Rica" of "Costa Rica", which a bad scan gives as "Bica")
    place_words = {w for p in places for w in p.split() if w.isalpha()}
    # wanted words by length and first two letters, and by length and last two: a misreading
    # keeps two letters at one end of the word (damage at both ends is left out), so a word
    # is compared only with the few wanted words that share its length (give or take one
    # glyph) and an end; keys in the cases a word is written in, so no word is lowered
    by_edge: dict[tuple[int, str], set[str]] = {}
    for k in name_words(text, people, lex, nw) if words is None else words:
        if k not in places and k not in place_words and k.isalpha() and not nw.is_english(k):
            for n in (len(k) - 1, len(k), len(k) + 1):
                for head in {k[:2].capitalize(), k[:2].upper()}:
                    by_edge.setdefault((n, head), set()).add(k)
                for tail in {k[-2:], k[-2:].upper()}:
                    by_edge.setdefault((-n, tail), set()).add(k)
    if not by_edge:
        return []
    # judge each distinct word once (the walk is C-level), then find the few that are hits
    hits = set()
    get = by_edge.get
    for w in set(_WORD.findall(text)):
        n = len(w)
        first, last = get((n, w[:2])), get((-n, w[-2:]))
        if first is None and last is None:
            continue
        near = first | last if first and last else first or last
        if near and _confused(w, near, nw, lex, places, place_words):
            hits.add(w)
    out = []
    for w in hits:  # a few words a document: a find loop, no regex compiled per document
        at = text.find(w)
        while at >= 0:
            end = at + len(w)
            before, after = text[at - 1 : at], text[end : end + 1]
            if not (_glued(before, _EDGE_BEFORE) or _glued(after, _EDGE_AFTER)):
                out.append((at, end))
            at = text.find(w, end)
    return sorted(out)


def _glued(ch: str, marks: frozenset[str]) -> bool:
    """``ch`` (beside a word; empty at the text's edge) makes the word part of a longer token."""
    return bool(ch) and (ch.isalnum() or ch == "_" or ch in marks)


def _confused(
    word: str, near: set[str], nw, lex: NameLexicon, places, place_words: set[str]
) -> bool:
    """``word`` is a confused reading of one of ``near`` (wanted words of about its length),
    and no as likely reading of a word of a place the model names here ("Ccsta" beside
    "Costa Rica": the place, whichever misread name it is also near)."""
    low = word.lower()
    if low in near:
        return False  # the name itself, in any case: person_spread's
    if (
        nw.is_english(low)  # memoised lookups first: most capitalised words stop here
        or nw.is_name(word)
        or low in places
        or not _shape_ok(word)
    ):
        return False
    for w in near:
        if distance(low, w, 3) > 3:
            continue
        bound = _ONE if len(w) <= _SHORT else _TWO
        if 0 < ocr_cost(word, w, bound) <= bound:
            # the costly checks last: few words get here
            return not _plain_word(word, nw, lex) and not any(
                abs(len(p) - len(low)) <= 1 and ocr_cost(word, p, _TWO) <= _TWO for p in place_words
            )
    return False
