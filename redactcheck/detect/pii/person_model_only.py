"""Words only the model calls a person, once, on a bad scan: dropped when their letters say debris.

Why: on a badly scanned record (JFK-collection OCR memos, forms and cables in capitals) the
small spaCy model reads runs of letters the scanner made up as names ("Qxvrd", "QvBdKIT",
"ZaOBUXNG"): the issue's "OCR debris (tokens with implausible letter sequences) are not
people". What is left of them after ``person_debris`` (which judges spans of two words or more)
is single words that nothing but the model supports. Read on the unlabelled pool (seeds 3333 and
3334, 150 documents each: docs/quality.md, "names18"). A span is dropped when all hold:

- only the model supports it: every finder that found a piece of it is the model or the
  spreading of the model's own span (no title, initials, list, cue, signature or header);
- it is alone: no word of it (three letters or more) stands anywhere else in the document, in
  any case (a repeat vouches for it, and so does a lower-case mention of it, which
  ``person_rules`` reads first);
- it is made of ordinary words: every word of it is an English word or a dictionary proper noun
  (a place), and none a frequent given name or surname ("Bake", "Window", "Bake Nairobi" amid
  debris); or it is one word, in no list, one letter from an English word or a place
  ("NAIROBL", "Reqvest"), the misreads ``NameWords.misread_word`` leaves to the model; or one
  of its words is debris by its letters: either its case changes inside the word where no
  name prefix explains it ("QIvXaD", not "DeVaughn", "McKay", "MacLeod", "LaRue", "O'Neil"), or it
  is in no list (given names, surnames, English words, dictionary proper nouns) and its letters
  are unlikely by the letter model of those lists (``letter_model``);
- no word of it is a frequent given name or surname (a misread word beside one is a damaged
  name: "Ramon Qzvkrl");
- and the text around it is a bad scan: its line, or the lines around it, are mostly debris.

A real rare name from a tradition the lists hold few of ("Niamh", "Mkrtchyan") also has unlikely
letters; in clean text, or with any cue, or mentioned twice, it is kept
(tests/quality/test_rare_names_probe.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from redactcheck.detect.pii.letter_model import letter_score
from redactcheck.detect.pii.name_candidates import noisy_around
from redactcheck.detect.pii.name_words import NameWords, _buckets, _edits1, _one_edit
from redactcheck.detect.pii.person_debris import _debris_share, _line_share, word_counts
from redactcheck.detect.pii.person_filters import _debris_line
from redactcheck.detect.pii.person_scores import PersonSpan

#: The model's own bases and the spreading of its spans (``person_rules`` phase 1 and 6).
_MODEL = frozenset(("ner", "ner-single", "ner-single-caps", "ner-repeated", "propagated"))
#: Mean log-probability per letter below which a word's letters are unlikely. Listed names
#: score about -2.5 (median); nine in ten of the census surnames score above it.
_UNLIKELY = -3.6
_WORD = re.compile(r"[^\W\d_]{3,}")
_TOKEN = re.compile(r"[^\W\d_]{2,}")
#: Name prefixes after which a capital stands inside a name ("McKay", "DeWitt", "LaRue").
_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)(?=[A-Z][a-z])")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def drop_model_only(
    text: str, people: list[PersonSpan], nw: NameWords, found: Iterable[PersonSpan]
) -> list[PersonSpan]:
    """``people`` less the spans of debris only the model supports (tests above)."""
    todo = [
        p
        for p in people
        if p.basis in _MODEL
        and _debris_word(text[p.start : p.end], nw)
        and not _holds_name(text[p.start : p.end], nw)
    ]
    if not todo:
        return people
    found = list(found)
    todo = [
        p
        for p in todo
        if all(f.basis in _MODEL for f in found if f.start < p.end and f.end > p.start)
    ]
    if not todo:
        return people
    counts = word_counts(text)
    gone = {
        id(p)
        for p in todo
        if not any(counts.get(w.lower(), 0) > 1 for w in _WORD.findall(text[p.start : p.end]))
        and _bad_scan(text, p.start, p.end, nw)
    }
    return [p for p in people if id(p) not in gone]


def _holds_name(span: str, nw: NameWords) -> bool:
    """A frequent given name or surname that is no English word stands in the span: a damaged
    name beside it ("Ramon Qzvkrl", "INDFX ORTEGON") is a person's."""
    return any(nw.is_frequent(w) and not nw.is_english(w) for w in _TOKEN.findall(span))


def _debris_word(span: str, nw: NameWords) -> bool:
    words = _TOKEN.findall(span)
    if len(words) == 1 and misread_word_or_place(words[0], nw):
        return True
    if words and all(_ordinary(w, nw) for w in words):
        return True  # "Bake", "Window", "Bake Nairobi": words and places, no frequent name
    return any(debris_letters(w, nw) for w in words)


def _ordinary(word: str, nw: NameWords) -> bool:
    """An English word or a dictionary proper noun that is no frequent given name or surname
    (a surname that is also a word, "Bake", counts; a frequent one, "Hunter", does not)."""
    return (nw.is_english(word) or nw.is_proper(word)) and not nw.is_frequent(word)


def misread_word_or_place(word: str, nw: NameWords) -> bool:
    """A word of five letters or more, in no list, one letter misread, lost or added from an
    English word or a dictionary proper noun of four letters or more that is no listed name
    ("NAIROBL", "Reqvest", "Helsimki"), and one edit from no frequent given name or surname (then
    it may as well be a damaged name: "Wiilson"). ``NameWords.misread_word`` asks the same of
    English words of six letters or more and sets aside a word one edit from any listed name:
    it judges every word the model finds; this one judges only lone words on a bad scan."""
    low = word.lower()
    if len(low) < 5 or not (low.isascii() and low.isalpha()):
        return False
    if nw.is_name(word) or nw.is_english(word) or nw.is_proper(word):
        return False
    by_start, by_end = _buckets(nw)
    places = _proper_buckets(nw)
    sizes = (len(low) - 1, len(low), len(low) + 1)
    keys = [(by_start, low[:3]), (by_end, low[-3:]), (places[0], low[:2]), (places[1], low[-2:])]
    near = any(
        _one_edit(low, other)
        for n in sizes
        for table, key in keys
        for other in table.get((n, key), ())
    )
    return near and not _near_frequent_name(word, nw)


@lru_cache(maxsize=1)
def _proper_buckets(nw: NameWords) -> tuple[dict, dict]:
    """Dictionary proper nouns of four letters or more that are no listed name, by (length,
    first two letters) and (length, last two letters): a word one edit from another of four
    letters or more shares its first two letters or its last two."""
    by_start: dict[tuple[int, str], list[str]] = {}
    by_end: dict[tuple[int, str], list[str]] = {}
    for word in nw.proper:
        if len(word) >= 4 and word.isalpha() and not nw.is_name(word):
            by_start.setdefault((len(word), word[:2]), []).append(word)
            by_end.setdefault((len(word), word[-2:]), []).append(word)
    return by_start, by_end


def debris_letters(word: str, nw: NameWords) -> bool:
    """A word whose letters are debris: a capital inside it no name prefix explains, or, for
    an unlisted word of four letters or more, letters the lists make unlikely."""
    if _INNER_CAPITAL.search(_PREFIX.sub("", word.replace("'", "").replace("’", ""))):
        return not _near_frequent_name(word, nw)  # "KcQuarrie": a misread "McQuarrie"
    if len(word) < 4 or nw.is_name(word) or nw.is_english(word) or nw.is_proper(word):
        return False
    score = letter_score(word)
    return score is not None and score < _UNLIKELY and not _near_frequent_name(word, nw)


def _near_frequent_name(word: str, nw: NameWords) -> bool:
    """One letter misread, lost or added from a frequent given name or surname."""
    low = word.lower()
    return low.isascii() and low.isalpha() and any(v in nw.frequent for v in _edits1(low))


def _bad_scan(text: str, a: int, b: int, nw: NameWords) -> bool:
    return (
        _debris_line(text, a, b, nw)
        or _line_share(text, a, b, nw) > 0.5
        or _debris_share(text, a, b, nw) >= 0.3
        or noisy_around(text, a, b, nw)
    )
