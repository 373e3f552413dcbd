"""One person's name read several ways by a scanner in one record, no spelling found by any step.

Why: the OCR steps of spreading (:mod:`person_ocr_forms`, :mod:`person_ocr_confusions`) read a
damaged mention back to a name found in the same document. On a bad page every mention of a
surname may be damaged, each differently ("Quarvelle", "QUARVEILE", "Ouarvelle"): independent
misreadings of one word (Rice, Jenkins and Nartker, ISRI TR-96-01, 1996: errors cluster on
degraded pages, and a word's copies are misread independently, by the glyph confusions the cost
model of :mod:`redactcheck.detect.pii.ocr_confusion` holds). Three or more spellings of one
unknown word within a small OCR cost of each other are then one word read several times; it is
a person when the family holds a listed surname or given name, or a title stands before one of
its mentions (a listed name that is also a city or country, GeoNames, is no anchor).

OCR debris of an ordinary word repeats too ("Chairrnan", "Chalrman" ...), and so does debris of
a place ("Hiami" ...): a family is dropped when any member is an English word, one edit from
one, a proper noun, a place of the text, a head or title word, or within the same OCR cost of
such a word written in the document (the clean copy the debris comes from); and when a
mention follows a saint's name ("San ...": a place) or half of them follow "the" (a body).

Cost: only on OCR-noisy texts; one regex walk, and the cost table only between distinct unknown
words of equal length (+-1) and for the few families of three.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz.distance.Levenshtein import distance as _levenshtein
from rapidfuzz.process import extract as _extract

from redactcheck.detect.lexicons import NameLexicon
from redactcheck.detect.pii.name_candidates import is_cryptonym
from redactcheck.detect.pii.name_words import NameWords, english_neighbours
from redactcheck.detect.pii.ocr_confusion import ocr_cost
from redactcheck.detect.pii.person_vetting import _cities, _countries

#: A capitalised word (or a word in capitals) of five letters or more, not part of a longer
#: token (an address, a path, a compound).
_WORD = re.compile(r"(?<![\w@/#&.'’-])[A-Z][A-Za-z]{4,15}(?![\w@/#&'’-])")
#: Any word of five letters or more: the clean words a family of debris may come from.
_ANY_WORD = re.compile(r"[A-Za-z]{5,16}")
_BOUND = 1.2  # two glyph confusions and a little more: "e" for "c" twice, "rn" for "m"
_MAX_EDITS = 2  # plain edits within the bound (a quick test before the cost table)
_MIN_FORMS = 3  # distinct spellings (case folded) of one family
#: What stands before a place or a body, not a person: a saint's name that opens a place
#: ("San Quellmoro", "Santa ..."), and the article ("the Quellmore": a ministry, a firm).
_SAINT_BEFORE = re.compile(r"\b(?:San|Santa|Santo|Sao|São|St\.?)[ \t]+$")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_TITLE_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t]+$")


def ocr_families(
    text: str, nw: NameWords, lex: NameLexicon, places: set[str]
) -> list[tuple[int, int]]:
    """Every mention of a family of OCR spellings of one unknown word that is a person."""
    forms: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        forms.setdefault(m.group(), []).append(m.start())
    spellings: dict[str, list[str]] = {}  # case-folded spelling -> forms as written
    for word in forms:
        spellings.setdefault(word.lower(), []).append(word)
    if len(spellings) < _MIN_FORMS:
        return []

    def unknown(low: str) -> bool:  # asked lazily: of seeds and of their near words only
        return _unlisted(low, spellings[low][0], nw, lex, places)

    # only families that hold an anchor can be people: grow them from their anchors, so the
    # cost table is asked only around a listed name or a titled word
    seeds = [
        low
        for low in spellings
        if (
            _listed_person(low, nw)
            or any(_titled(text, s, lex) for w in spellings[low] for s in forms[w])
        )
        and unknown(low)
    ]
    out: list[tuple[int, int]] = []
    for family in _families(seeds, list(spellings), unknown):
        if len(family) < _MIN_FORMS:
            continue
        # the dearer tests only for the few families of three: a member one edit from an
        # English word is that word misread, not a spelling of the name
        members = [low for low in family if not _near_english(low, nw)]
        if len(members) < _MIN_FORMS:
            continue
        written = [w for low in members for w in spellings[low]]
        starts = [(s, w) for w in written for s in forms[w]]
        if _place_or_body(text, [st for st, _ in starts]):
            continue
        if not (
            any(_listed_person(low, nw) for low in members)
            or any(_titled(text, s, lex) for s, _ in starts)
        ):
            continue
        # per family (few pass the anchor): only the lengths it can be near
        lengths = {len(low) + d for low in members for d in (-1, 0, 1)}
        clean = _clean_words(text, nw, lex, places, lengths)
        if any(_near(low, clean) for low in members):
            continue
        out.extend((s, s + len(w)) for s, w in starts)
    return sorted(out)


def _unlisted(low: str, word: str, nw: NameWords, lex: NameLexicon, places: set[str]) -> bool:
    """A word no list explains: no English word, proper noun, place, title, head or
    cryptonym."""
    return not (
        nw.is_english(low)
        or nw.is_proper(low)
        or low in places
        or lex.is_not_person_word(word)
        or low in _countries()
        or nw.is_demonym(low)
        or is_cryptonym(word.upper(), lex, nw)
    )


def _listed_person(low: str, nw: NameWords) -> bool:
    """A listed surname or given name that is no known city or country ("Milan", "Jordan":
    a family of such a word is as likely the place read several ways)."""
    return (nw.is_surname(low) or nw.is_given(low)) and not (
        low in _cities() or low in _countries()
    )


def _near_english(low: str, nw: NameWords) -> bool:
    """One edit from an English word of five letters or more (both tests remembered)."""
    return bool(english_neighbours(nw, low)) or nw.misread_word(low)


def _families(
    seeds: list[str], words: list[str], unknown: Callable[[str], bool]
) -> list[list[str]]:
    """The families grown from each seed: words joined when one reads as the other within
    the bound, step by step (a chain of misreadings of one word)."""
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(w)
    seen: set[str] = set()
    out: list[list[str]] = []
    for seed in seeds:
        if seed in seen:
            continue
        seen.add(seed)
        family, todo = [seed], [seed]
        while todo:
            a = todo.pop()
            n = len(a)
            others = [b for k in (n - 1, n, n + 1) for b in by_len.get(k, ()) if b not in seen]
            # the plain edit distance to all others in one C call; the cost table only for
            # the few within it
            for b, _, _ in _extract(
                a, others, scorer=_levenshtein, score_cutoff=_MAX_EDITS, limit=None
            ):
                if b in seen or not _close(a, b):
                    continue
                seen.add(b)  # a known word is not asked again either
                if unknown(b):
                    family.append(b)
                    todo.append(b)
        out.append(family)
    return out


def _close(a: str, b: str, bound: float = _BOUND) -> bool:
    """Within the bound of the cost model, either way round. A plain edit distance (C code)
    answers first: three confusions (0.4 each), or a group read for one glyph ("rn" for "m")
    and a confusion, are at most three edits, and most pairs of a page's words are further."""
    edits = _MAX_EDITS + int(bound > _BOUND)
    if _levenshtein(a, b, score_cutoff=edits) > edits:
        return False
    return ocr_cost(a, b, bound) <= bound or ocr_cost(b, a, bound) <= bound


def _place_or_body(text: str, starts: list[int]) -> bool:
    """A mention after a saint's name (a place), or half the mentions after "the"."""
    before = [text[max(0, s - 8) : s] for s in starts]
    the = sum(bool(_THE_BEFORE.search(b)) for b in before)
    return any(_SAINT_BEFORE.search(b) for b in before) or 2 * the >= len(starts)


def _titled(text: str, start: int, lex: NameLexicon) -> bool:
    """A title word stands just before the mention ("Mr. Quarvelle", "Chairman QUARVELLE")."""
    m = _TITLE_BEFORE.search(text, max(0, start - 24), start)
    return m is not None and m.group(1).lower() in lex.title_words


def _clean_words(
    text: str, nw: NameWords, lex: NameLexicon, places: set[str], lengths: set[int]
) -> dict[int, set[str]]:
    """Known words the document writes (English words, proper nouns, countries, places,
    titles, heads, cryptonyms), by length: the clean copies a family of debris may come from
    ("Miami" for "Hiami", "AMLASH" for "AlLASH")."""
    out: dict[int, set[str]] = {}
    for word in set(_ANY_WORD.findall(text)):
        if len(word) not in lengths:  # only lengths a family of the text can be near
            continue
        low = word.lower()
        if low in out.get(len(low), ()):
            continue
        if (
            nw.is_english(low)
            or nw.is_proper(low)
            or low in _countries()
            or low in places
            or lex.is_not_person_word(word)
            or is_cryptonym(word, lex, nw)
        ):
            out.setdefault(len(low), set()).add(low)
    return out


def _near(low: str, clean: dict[int, set[str]]) -> bool:
    n = len(low)
    return any(_close(low, word) for k in (n - 1, n, n + 1) for word in clean.get(k, ()))
