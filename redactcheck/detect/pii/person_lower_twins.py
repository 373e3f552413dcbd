"""An ordinary word or a place misread by OCR that the model alone reports as a one-word name,
while the same document writes the word correctly: dropped at the end.

Why: in scanned records the scanner misreads one letter of an ordinary capitalised word at a
sentence or heading start, or of a place (invented shapes: "Numbcr each entry" for "Number",
"Covcrt support" for "Covert", "a Lisbou banker" for "Lisbon"). The result is in no word list,
and the model takes it for a surname. ``NameWords.misread_word`` cannot refuse such a word from
its letters when a listed name is one edit away too (a damaged name, "Wiilson", looks the
same). The document decides here: the ordinary word is written in lower case elsewhere in it
("a number of", "the covert side"), or the place is written elsewhere and the model calls it a
place there, where a person's name is not. Read on the tune parts (set1 tune) and the
unlabelled pool (seeds 6363 and 6364; docs/quality.md, "prec13"). A span is dropped when all
hold:

- the model alone found it, at one mention (bases ``ner-single``, ``ner-single-caps``): no
  cue, list or spreading vouches for it. Spread or cued words are kept: real names spelt one
  letter from an ordinary word (an ambassador's surname one letter from "major", Spanish
  surnames spread from a full name) were among the pool's cued and spread spans;
- it is one word of five letters or more, not itself an ordinary English word, and not a given
  name or a frequent surname (``NameWords.is_frequent``: "Hunter", "Archer" stay);
- it is one edit (a letter misread, lost, added, or two neighbours swapped) from an English
  word of five letters or more that the document writes in lower case, and no courtesy title
  ("Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Messrs.") stands before it anywhere in the document;
  or it is one edit from a dictionary proper noun of four letters or more (``NameWords.
  is_proper``) that the model calls a place or a people in this text, written there outside
  every person span (the model's places also hold misread words, and a place named after a
  person is a surname, not in the dictionary: the first form, which took any place of the
  model, lost a president's misread surname on the pool);
- no other person span of the document holds the word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactcheck.detect.edit_distance import distance
from redactcheck.detect.pii.name_words import NameWords, english_neighbours, one_edit_strings
from redactcheck.detect.pii.person_scores import _CUED_NAMES, PersonSpan
from redactcheck.detect.pii.person_vetting import _gazetteer, _plain

#: The model's lone words: the only bases judged here.
_JUDGED = frozenset(("ner-single", "ner-single-caps"))
_WORD = re.compile(r"[A-Za-z]{5,}")
_LETTERS = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"[\"”']")
_COURTESY = r"(?:Mr|Mrs|Ms|Miss|Dr|Messrs)\.?[ \t]+"


def drop_lower_twins(
    text: str,
    people: list[PersonSpan],
    nw: NameWords,
    lower_words: set[str],
    places: set[str] | frozenset[str] = frozenset(),
) -> list[PersonSpan]:
    """``people`` less the misread ordinary words and places (tests above); ``lower_words``
    holds the words the text writes in lower case, ``places`` the model's places and peoples
    of the text (lower case)."""
    judged = [p for p in people if p.basis in _JUDGED and _WORD.fullmatch(text, p.start, p.end)]
    if not judged:
        return people
    gone: set[int] = set()
    # a word another span holds (a cue, a list, a spread name) is a name at every mention
    verdicts: dict[str, bool] = {
        w.lower(): False
        for p in people
        if p.basis not in _JUDGED
        for w in _WORD.findall(text, p.start, p.end)
    }
    seen: set[str] = set()
    for p in judged:
        key = text[p.start : p.end].lower()
        if key in seen:  # twice: OCR seldom misreads a word twice the same way
            verdicts[key] = False
        seen.add(key)
    for p in judged:
        word = text[p.start : p.end]
        key = word.lower()
        if key not in verdicts:
            verdicts[key] = (
                not nw.is_english(word)
                and not nw.is_frequent(word)
                and (
                    _misread_twin(text, word, nw, lower_words)
                    or _place_twin(text, word, nw, places, people)
                )
            )
        if verdicts[key]:
            gone.add(id(p))
    return [p for p in people if id(p) not in gone] if gone else people


def _misread_twin(text: str, word: str, nw: NameWords, lower_words: set[str]) -> bool:
    """One edit from an English word the text writes in lower case, and no courtesy title
    before it anywhere."""
    if not any(w in lower_words for w in english_neighbours(nw, word.lower())):
        return False
    courtesy = re.compile(_COURTESY + re.escape(word) + r"\b", re.IGNORECASE)
    return courtesy.search(text) is None


def _place_twin(
    text: str, word: str, nw: NameWords, places: set[str] | frozenset[str], people: list
) -> bool:
    """One edit from a dictionary proper noun that the model calls a place or a people in this
    text ("Lisbou" beside "Lisbon"), written there outside every person span. The model also
    calls misread words places, and a place named after a person is a listed surname, not a
    dictionary proper noun: neither is a twin (a misread of either may be a person's name)."""
    if not places or nw.is_given(word) or nw.is_proper(word):
        return False
    twins = [
        v for v in one_edit_strings(word.lower()) if len(v) >= 4 and v in places and nw.is_proper(v)
    ]
    for twin in twins:
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(twin)}(?![A-Za-z])", text, re.I):
            if not any(p.start < m.end() and p.end > m.start() for p in people):
                return True
    return False


#: Spread copies of a word found elsewhere: they go with the misread place they copy.
_COPIES = frozenset(("propagated", "propagated-ocr"))


def drop_misread_places(text: str, people: list[PersonSpan], nw: NameWords) -> list[PersonSpan]:
    """``people`` less the country, US state and multi-word place names (the gazetteers of
    ``person_vetting``: ISO 3166-1 countries, ``not_person.yaml`` states and places) that OCR
    misread by one letter ("Obio" for Ohio, "TEEAS", "Costa Rlca", "New Delbi"), and the
    spread copies of their misread words.

    Why: a misread place is in no list, so the model and spreading take it for a name, and
    the exact-name checks (``person_vetting._country``, ``NameLexicon.places``) miss it. No
    cue is asked of the document: the gazetteer is the evidence, and a span is judged only
    when a word of it is no listed name, English word or dictionary proper noun ("Ivan", one
    letter from Iran, and "Guba", a listed surname, stay). Read on set 3 and set 4 tune (two
    records) and pool seeds 8787/8788 (five records); docs/quality.md, "prec14"."""
    candidates = [
        p
        for p in people
        if p.basis not in _CUED_NAMES
        and not _QUOTED.match(text, p.end)  # a nickname is often a place's name
        and _misread_place(text[p.start : p.end], nw)
    ]
    if not candidates:
        return people
    # a misread word another span holds (a cue, the model's full name: "Lorne Chiler" before
    # a later "Chiler", one letter from Chile) is a name at every mention, copies included
    judged = {id(p) for p in candidates}
    held = {
        w.lower()
        for p in people
        if id(p) not in judged
        # a spread full name counts (the model's span merged with a copy takes its basis)
        and (p.basis not in _COPIES or " " in text[p.start : p.end].strip())
        for w in _LETTERS.findall(text, p.start, p.end)
    }
    gone: set[int] = set()
    words: set[str] = set()
    for p in candidates:
        key = _place_key(text[p.start : p.end])
        if not any(w in held for w in key.split() if not _known_word(w, nw)):
            gone.add(id(p))
            words |= {w for w in key.split() if len(w) >= 3}
    if not gone:
        return people
    # spread copies of its words ("Rlca", and "Cosfa" of "Costa"), unless a name holds them
    for p in people:
        key = _place_key(text[p.start : p.end])
        if (
            p.basis in _COPIES
            and " " not in key
            and key not in held
            and (key in words or any(v in words for v in one_edit_strings(key)))
        ):
            gone.add(id(p))
    return [p for p in people if id(p) not in gone]


def _place_key(span: str) -> str:
    return _plain(re.sub(r"['’][sS]$", "", span.strip()))


def _misread_place(span: str, nw: NameWords) -> bool:
    """One edit from a gazetteer place, the place itself no given name, and a word of the span
    no listed name, English word or proper noun (remembered per span text: names recur)."""
    hit = _MISREAD_PLACES.get(span)
    if hit is None:
        hit = _MISREAD_PLACES[span] = _misread_place_uncached(_place_key(span), nw)
        if len(_MISREAD_PLACES) > 50_000:  # a bound for long runs over many documents
            _MISREAD_PLACES.clear()
    return hit


_MISREAD_PLACES: dict[str, bool] = {}


def _misread_place_uncached(key: str, nw: NameWords) -> bool:
    if len(key.replace(" ", "")) < 4 or not key.replace(" ", "").isalpha():
        return False
    if all(_known_word(w, nw) for w in key.split()):
        return False
    places, index = _gazetteer_index()
    if key in places:
        return False
    near = set(index.get(key, ()))  # a letter added to a place
    for i in range(len(key)):  # a letter lost or misread
        near |= index.get(key[:i] + key[i + 1 :], set())
        if key[:i] + key[i + 1 :] in places:
            near.add(key[:i] + key[i + 1 :])
    return any(distance(key, v, 1) <= 1 and not nw.is_given(v) for v in near)


def _known_word(word: str, nw: NameWords) -> bool:
    """A listed name, an English word or a dictionary proper noun: not a misreading."""
    return nw.is_name(word) or nw.is_english(word) or nw.is_proper(word)


@lru_cache(maxsize=1)
def _gazetteer_index() -> tuple[frozenset[str], dict[str, set[str]]]:
    """The gazetteer places (lower case, plain) and, for the one-edit test, each string one
    deletion from a place mapped to its places (symmetric deletions: a few set lookups a
    word instead of every one-edit string of it)."""
    places = _gazetteer()
    index: dict[str, set[str]] = {}
    for place in places:
        for i in range(len(place)):
            index.setdefault(place[:i] + place[i + 1 :], set()).add(place)
    return places, index
