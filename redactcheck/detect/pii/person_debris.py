"""OCR debris read as names, judged on the finished list of a badly scanned document.

Why its own module and why at the end: on a bad scan (JFK-collection OCR records) the model
and the list rules read runs of made-up letters as two capitalised words ("Quabby Vorletty",
"Torx Ghee"). The local debris test of ``person_rules`` runs when a span is added, for the
weak bases only; but a span found once is raised to the basis "propagated" when its own words
are spread (the spreading step finds the mention it started from), so that test never sees it
again. Here every span is judged with what the whole document says, whatever its basis:

- it is alone: no word of it (three letters or more) stands anywhere else in the document,
  so no other, cleaner mention vouches for it;
- it is no sure name (every word a frequent listed name, or a frequent given name in it);
- one of its words is in no list at all (no given name, surname, English word or dictionary
  proper noun) or holds letter sequences no listed word holds (``NameWords.plausible``);
  and its shape is made up: every word unknown and one implausible or a long English word
  misread (``damaged_words``: "Transportatlon"), or a short piece no list holds;
- and the text around it is a bad scan: its line is debris (fewer than a third of the other
  tokens are words, names or numbers) or the lines around it are (``noisy_around``).

Names the text cues (a title, initials, an inverted "SURNAME, Given" form, a signature or a
mail header) are left alone: the cue is evidence the letters do not outweigh; so are OCR
variants of a name found elsewhere in the document.

Measured on the unlabelled pool (seed 910: 80 JFK records, 10 Historian texts, 10 cables)
and the tune halves; docs/quality.md ("Round 8") gives the counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redactcheck.detect.pii.damaged_words import damaged_word
from redactcheck.detect.pii.name_candidates import noisy_around
from redactcheck.detect.pii.name_shapes import PARTICLES
from redactcheck.detect.pii.name_words import NameWords
from redactcheck.detect.pii.person_filters import _debris_line, _sure_name_words
from redactcheck.detect.pii.person_scores import _CUED_NAMES, PersonSpan

_WORD = re.compile(r"[^\W\d_]{3,}")


def word_counts(text: str) -> dict[str, int]:
    """How often each word of three letters or more occurs in ``text``, in any case: a word the
    document writes more than once is no lone OCR accident."""
    counts: dict[str, int] = {}
    for m in _WORD.finditer(text):
        low = m.group().lower()
        counts[low] = counts.get(low, 0) + 1
    return counts


_NAME_TOKEN = re.compile(r"[^\W\d_]{2,}")
#: Bases a cue vouches for, beyond the letters of the words (person_scores._CUED_NAMES less
#: the list bases, which are the letters' own evidence), and OCR variants of a name found
#: elsewhere ("propagated-ocr": a misread copy is alone by its letters, not by its origin).
_KEPT = (_CUED_NAMES - {"list-names", "list-given"}) | {"propagated-ocr"}


def drop_debris(
    text: str, people: list[PersonSpan], nw: NameWords, found: Iterable[PersonSpan] = ()
) -> list[PersonSpan]:
    """``people`` less the spans that are OCR debris by the tests above. ``found``: every span
    the mechanisms added before merging, with its own basis: a merged span carries the basis
    of its best score only ("propagated" once its mention was spread), so a cue is looked up
    there ("NSC FOR ORLA QUENBY" found on an addressee line, then spread)."""
    todo = [p for p in people if p.basis not in _KEPT and _has_unknown(text[p.start : p.end], nw)]
    if todo:
        cued = [(f.start, f.end) for f in found if f.basis in _KEPT]
        todo = [p for p in todo if not any(a < p.end and b > p.start for a, b in cued)]
    if not todo:
        return people
    counts = word_counts(text)
    gone = {id(p) for p in todo if _debris(text, p, nw, counts)}
    return [p for p in people if id(p) not in gone]


def _has_unknown(span: str, nw: NameWords) -> bool:
    return any(_unknown(w, nw) for w in _NAME_TOKEN.findall(span))


def _debris(text: str, p: PersonSpan, nw: NameWords, counts: dict[str, int]) -> bool:
    span = text[p.start : p.end]
    words = _WORD.findall(span)
    if len(_NAME_TOKEN.findall(span)) < 2:
        # one word: a misread surname once in a damaged list or after a title ("Mrs. Quobbin")
        # is as often a name as debris
        return False
    if any(counts.get(w.lower(), 0) > 1 for w in words):
        return False  # another mention of one of its words vouches for it
    if _sure_name_words(span, nw) or any(_frequent_name(w, nw) for w in words):
        return False  # a frequent listed name beside a misread word ("Justiee Quennell")
    made_up = all(_unknown(w, nw) for w in words) and (
        not all(nw.plausible(w) for w in words) or any(damaged_word(w, nw) for w in words)
    )
    if not made_up and not any(_short_unknown(w, nw) for w in _NAME_TOKEN.findall(span)):
        # damaged real names keep long words ("Wojtrzek", "KALUVSKI"); made-up runs hold
        # letters no listed word has ("Zyxqo"), a long English word misread ("Infornatlon",
        # damaged_words), or a short piece no list holds ("Qrb")
        return False
    # ... and either sits in a damaged line or block (in clean prose an unknown name is a name)
    return (
        _debris_line(text, p.start, p.end, nw)
        or _line_share(text, p.start, p.end, nw) > _LINE_SHARE
        or noisy_around(text, p.start, p.end, nw)
        or _debris_share(text, p.start, p.end, nw) >= _SOME_DEBRIS
    )


def _short_unknown(word: str, nw: NameWords) -> bool:
    """A word of two to four letters that no list holds and that is no name particle ("Se",
    "OAL", "Kaw"): OCR makes such pieces of specks and broken words; a damaged real name
    keeps longer words, or its short words are particles ("De", "van") or listed."""
    return len(word) <= 4 and word.lower() not in PARTICLES and _unknown(word, nw)


def _frequent_name(word: str, nw: NameWords) -> bool:
    return nw.is_frequent(word) and not nw.is_english(word)


def _unknown(word: str, nw: NameWords) -> bool:
    """A word no list holds, or one whose letters no listed word has."""
    if not nw.plausible(word):
        return True
    return not (nw.is_name(word) or nw.is_english(word) or nw.is_proper(word))


#: Characters read on each side of a span for ``_debris_share``; tokens needed for a verdict.
_AROUND = 120
_TOKENS_MIN = 6
#: Share above which the text around is damaged enough for a short made-up word.
_SOME_DEBRIS = 0.3
#: Share of the rest of the span's line above which the line is debris.
_LINE_SHARE = 0.66
_TOKEN = re.compile(r"\S+")
_EDGE = ".,;:()[]{}'\"“”‘’!?-—–*|"


def _debris_share(text: str, a: int, b: int, nw: NameWords) -> float:
    """Share of the tokens around a span, in any case, that are debris: not a number, not a
    listed word or name written in one case style ("word", "WORD", "Word"); tokens of one
    character are not counted. ``noisy_around`` reads lower-case words only; a bad scan of a
    typed form or a cable in capitals makes its debris in capitals and mixed case too."""
    tokens = [
        t.strip(_EDGE)
        for t in _TOKEN.findall(text[max(0, a - _AROUND) : a] + " " + text[b : b + _AROUND])
    ]
    tokens = [t for t in tokens if len(t) > 1]  # one letter: an initial, "a", or a speck
    if len(tokens) < _TOKENS_MIN:
        return 0.0
    bad = sum(1 for t in tokens if not _clean_token(t, nw))
    return bad / len(tokens)


def _clean_token(token: str, nw: NameWords) -> bool:
    if token.isdigit():
        return True
    if not token.isalpha():
        return False
    if not (token.islower() or token.isupper() or token.istitle()):
        return False
    # a name written in lower case is debris's chance spelling ("feng"), not a name
    return nw.is_english(token) or (nw.is_name(token) and not token.islower())


def _line_share(text: str, a: int, b: int, nw: NameWords) -> float:
    """``_debris_share`` over the rest of the span's line only (0 below three tokens)."""
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", b)
    rest = text[start:a] + " " + text[b : len(text) if end < 0 else end]
    tokens = [t.strip(_EDGE) for t in _TOKEN.findall(rest)]
    tokens = [t for t in tokens if len(t) > 1]
    if len(tokens) < 3:
        return 0.0
    return sum(1 for t in tokens if not _clean_token(t, nw)) / len(tokens)
