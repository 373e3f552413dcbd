"""Surnames typed in capitals inside mixed-case prose, the house style of CIA memoranda.

Why: CIA dispatches, memoranda for the record and file reviews of the 1950s-70s (and some FBI
reports) type every surname in capitals inside ordinary sentences: "a meeting with Armando
QUEVEDA and his aide", "Subject met MARRASQUIN's brother". Most such surnames in the JFK
records are Spanish, Slavic or other names no census list holds, so the list-based steps
(:func:`~redactcheck.detect.pii.person_cues._caps_prose_surnames`, which needs three listed
surnames in the record, and :mod:`~redactcheck.detect.pii.person_caps_repeats`, which needs a
verb after a listed one) miss them, and the model rarely sees them (the line is not in
capitals, so its case is not restored). Read on the JFK records of the unlabelled pool: a
blind labelling of seeds 3737 and 3738 found 15 such misses in 5 records; seeds 3939 and 3940
(150 records each) were read for this step.

Taken, in a line that is mostly small letters: a word in capitals (four letters or more, a
vowel inside, a name's letter shape) that no step found, with a person's cue of the house
style next to it:

- a mixed-case listed given name right before it ("Armando QUEVEDA"; the span takes the
  given name), the given name not an English word ("May", "Will", "See" start sentences);
- or a possessive after it ("MARRASQUIN's brother") in a record that shows the style
  elsewhere: a found person, or another given-name cue, written so in a mixed-case line.

Never an English word (capitals for emphasis), an acronym or a dictionary proper noun that is
no listed surname (a body, a people, a town: "INCA's"), a cryptonym or a word that starts with
a cryptonym digraph and is no listed name (OCR spells "KUBARK" several ways), a piece of a
marking word, a word the text writes in small letters or the model calls a place, a form label
(a colon after it), nor a word joined by a hyphen or slash to another capital word.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from redactcheck.detect.markings.ocr_markings import closest_word
from redactcheck.detect.pii import name_candidates as cand
from redactcheck.detect.pii.name_shapes import _VERB_ENDING
from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.person_filters import _marking_fragment, _ordinary
from redactcheck.detect.pii.person_scores import PersonSpan

#: A word in capitals, four letters or more, not joined to a word, a slash or a hyphen.
_CAPS = skip_to_first(r"(?<![\w'’/-])[A-Z]{4,}(?![\w/]|[-'’][A-Z]|-\w)")
#: A capitalised given name right before it, on the same line.
_GIVEN_BEFORE = skip_to_first(r"(?<![\w'’.-])([A-Z][a-z]{2,})[ \t]+$")
_POSSESSIVE = re.compile(r"['’]s\b")
_VOWEL_INSIDE = re.compile(r"[AEIOUY]")
_TRIPLE = re.compile(r"(.)\1\1")
#: Share of a line's letters in small letters for the line to be prose, not a heading or a
#: cable in capitals (as :mod:`~redactcheck.detect.pii.person_caps_repeats`).
_LOWER_SHARE = 0.4


def house_style_surnames(
    text: str, people: list[PersonSpan], judge: cand.Judge
) -> list[tuple[int, int]]:
    """Spans of surnames in capitals with a house-style cue (module docstring)."""
    if not any(c.islower() for c in text[:2000]):
        return []
    spans = sorted((p.start, p.end) for p in people)  # merged: no two overlap
    ends = [b for _, b in spans]
    mixed: dict[int, bool] = {}

    def mixed_line(s: int, e: int) -> bool:
        a = text.rfind("\n", 0, s) + 1
        if a not in mixed:
            b = text.find("\n", e)
            line = text[a : len(text) if b < 0 else b]
            mixed[a] = sum(map(str.islower, line)) >= _LOWER_SHARE * sum(map(str.isalpha, line))
        return mixed[a]

    def covered(s: int, e: int) -> bool:
        i = bisect_left(ends, s + 1)  # the first span that ends after s
        return i < len(spans) and spans[i][0] < e

    styled = 0  # found people written in capitals inside mixed-case lines
    given_hits: list[tuple[int, int]] = []
    possessive_hits: list[tuple[int, int]] = []
    for m in _CAPS.finditer(text):
        s, e = m.span()
        if not mixed_line(s, e):
            continue
        if covered(s, e):
            styled += 1
            continue
        if text[e : e + 1] == ":" or not _surname_shape(m.group(0), judge):
            continue
        given = _GIVEN_BEFORE.search(text, max(0, s - 20), s)
        if (
            given
            and judge.nw.is_given(given.group(1))
            and not _ordinary_given(given.group(1), judge)
        ):
            given_hits.append((given.start(1), e))
        elif _POSSESSIVE.match(text, e):
            possessive_hits.append((s, e))
    out = list(given_hits)
    if styled or given_hits:
        out.extend(possessive_hits)
    return sorted(out)


def _ordinary_given(word: str, judge: cand.Judge) -> bool:
    """A given name that is also an English word or written in small letters here."""
    return judge.nw.is_english(word) or word.lower() in judge.lower_words


def _surname_shape(word: str, judge: cand.Judge) -> bool:
    nw, lex = judge.nw, judge.lex
    listed = nw.is_surname(word)
    return (
        _VOWEL_INSIDE.search(word[1:-1]) is not None
        and _TRIPLE.search(word) is None
        and not nw.is_english(word)
        # the span cleaning trims such words off a name ("Armando ARRIVED")
        and not _ordinary(word)
        and not _VERB_ENDING.match(word)
        and word not in lex.acronyms
        and (listed or not nw.is_proper(word))
        and not nw.is_demonym(word)
        and (nw.is_name(word) or word[:2] not in lex.cryptonym_digraphs)
        and not judge.excluded(word, cued=True)
        and not _marking_fragment(word, lex)
        and (listed or closest_word(word, 3) is None)
        and nw.plausible(word)
    )
