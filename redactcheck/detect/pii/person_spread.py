"""Spreading: every other mention of a confidently found name in the same
document, including OCR-damaged spellings (phase 6 of ``find_people``).

Why its own module: it works on the names already found, not on the text's cues, and its cost
must not grow with the number of names (one regex walk, set lookups).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from redactcheck.detect.edit_distance import distance
from redactcheck.detect.lexicons import NameLexicon, name_lexicon
from redactcheck.detect.pii.name_shapes import _CAP_WORD, _INITIAL, _VERB_ENDING, PARTICLES
from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_scores import _CUED, CONFIDENT, SCORES, PersonSpan

_VERB_AFTER = re.compile(
    r"[ \t]+(?:[a-z]+ed|was|is|had|has|have|would|will|could|did|does|also|then|said|says|"
    r"told|became|began|went|took|made|gave|saw|met|wrote|felt|kept|left|led|won|ran)\b|['’]s\b|,"
)


def _ordinary_at_start(text: str, start: int, end: int) -> bool:
    """A surname that is also an English word ("Young", "Rice"), capitalised only because a
    sentence starts with it, reads as the word unless a verb follows ("Rice was born")."""
    before = text[max(0, start - 8) : start]
    at_start = start == 0 or bool(re.search(r"(?:[.!?:;]\s+|\n\s*)$", before))
    return at_start and not _VERB_AFTER.match(text, end)


def verb_shaped_name(word: str, nw) -> bool:
    """A listed name in capitals shaped like a verb or adverb ("BUNTING", "GIDDINGS",
    "MANNING"): span cleaning trims such a last word ("MEETING"), which drops the name's spread
    mentions. A spread mention is a word of a name the document found confidently, so there
    the name reading wins (the spreading's own guards for ordinary words still apply)."""
    return bool(_VERB_ENDING.match(word)) and nw.is_name(word.lower())


#: A word OCR may have damaged: letters with a stray symbol or digit inside ("St#rling"), or a
#: capital split from the rest of its word ("W ilcox").
_OCR_WORD = skip_to_first(r"(?<![\w#@$%&*|])[A-Z][A-Za-z#@$%&*|0-9]{4,}(?![\w#@$%&*|])")
_SPLIT_WORD = skip_to_first(r"(?<![\w])[A-Z] [a-z]{4,}(?![\w])")
_TWO_EDIT_LEN = 8


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _ocr_variants(
    text: str,
    wanted: set[str],
    nw,
    noisy: bool = False,
    places: frozenset[str] | set[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Mentions one OCR edit away from a surname found in the text: a letter misread as a
    symbol or another letter, a letter lost or added, a space inside ("St#rling", "W ilcox").
    Symmetric-deletion lookups: one set lookup per deletion of each candidate word. The far
    spellings of :func:`_far_variants` are added; in lower case only in a badly scanned text
    (``noisy``). ``places``: words the model or an "in"/"at" calls a place here."""
    if not wanted:
        return []
    near = _near_variants(text, wanted, nw)
    taken = set(near)
    far = _far_variants(text, wanted, nw, noisy, places)
    return near + [s for s in far if s not in taken]


def _near_variants(text: str, wanted: set[str], nw) -> list[tuple[int, int]]:
    """:func:`_ocr_variants` of any text: one edit, two for a long name."""
    index: dict[str, str] = {}
    for w in wanted:
        index[w] = w
        for d in _deletions(w):
            index.setdefault(d, w)
    out = []
    lengths = {n + d for n in map(len, wanted) for d in (-1, 0, 1)}
    # a long name (eight letters or more) survives two misread letters ("Vantreskovich" read
    # "Wantreskovitz"): about one edit in four letters, as for the marking words
    long = [w for w in wanted if len(w) >= _TWO_EDIT_LEN]
    lengths |= {len(w) + d for w in long for d in (-2, 2)}
    # a word recurs in a document: judge each spelling once (same verdict, one lookup after)
    verdicts: dict[tuple[bool, str], bool] = {}
    for rx in (_OCR_WORD, _SPLIT_WORD):
        split = rx is _SPLIT_WORD
        for m in rx.finditer(text):
            if m.end() - m.start() - split not in lengths:
                continue  # too long or too short to be one edit from a wanted name
            key = (split, m.group(0))
            hit = verdicts.get(key)
            if hit is None:
                hit = verdicts[key] = _near_hit(m.group(0), split, wanted, index, long, nw)
            if hit:
                out.append(m.span())
    return out


def _near_hit(
    word: str, split: bool, wanted: set[str], index: dict[str, str], long: list[str], nw
) -> bool:
    """``word`` (``split``: a capital spaced from the rest) is one edit from a wanted name
    (two for a long one) and no real word itself."""
    token = word.replace(" ", "").lower()
    if split and token in wanted:
        return True
    if (
        token in wanted
        or (word.isupper() and len(token) <= 6)  # an acronym ("UNAFEX")
        or nw.is_english(token)
        or nw.is_name(token)
        or nw.is_proper(token)
        or name_lexicon().is_not_person_word(token)  # "Poloff": a title
    ):
        return False  # the name itself (already spread) or another real word
    hits = {index[token]} if token in index else set()
    hits |= {index[d] for d in _deletions(token) if d in index}
    return any(abs(len(h) - len(token)) <= 1 for h in hits) or (
        len(token) >= _TWO_EDIT_LEN - 1
        and token.isalpha()
        and any(distance(token, w, 2) <= 2 for w in long)
    )


def _spread_words(
    text: str,
    people: list[PersonSpan],
    lex: NameLexicon,
    lower_words: set[str],
    places,
    noisy: bool = False,
) -> set[str]:
    """The single words whose OCR variants are looked for (lower case). In a badly scanned
    text (``noisy``) a name a title vouches for is kept even when the text also has it in lower
    case: OCR lowers capitals at random there ("talked with volkovich"), so lower case says
    nothing about the word being ordinary."""
    nw = name_words()
    out: set[str] = set()
    for p in people:
        if p.score < CONFIDENT:
            continue
        lowered_ok = noisy and p.basis in _CUED
        for word in re.split(r"[ \t\n]+", text[p.start : p.end]):
            word = word.strip(",.;:")
            low = word.lower()
            if (
                len(word) >= 3
                and not _INITIAL.match(word)
                and low not in PARTICLES
                and not lex.is_not_person_word(word)
                and (low not in lower_words or (lowered_ok and not nw.is_english(low)))
                and low not in places
            ):
                out.add(low)
    return out


#: Cue bases whose own evidence vouches for a lone word that is also a proper noun or a word the
#: model labels a place elsewhere: a reporting verb ("context") and a letter citation ("Quennell
#: to Tallowby, May 3, 1943": Historian monographs cite correspondence by surnames in their
#: notes; seeds 5757/5758 of the pool, branch names23, four monographs whose cited surname was
#: never spread to its mentions in the prose).
_VOUCHING_CUES = frozenset(("context", "citation"))


def _propagate(
    text: str,
    people: list[PersonSpan],
    lex: NameLexicon,
    lower_words: set[str],
    places: frozenset[str] | set[str] = frozenset(),
    at_places: frozenset[str] | set[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Other mentions of confidently found names: the full name and each of its surnames.

    Single words are looked up in a set while one regex walks the capitalised words of the
    text, so the cost does not grow with the number of names found."""
    nw = name_words()
    phrases: dict[str, set[str]] = {}  # first word (lower case) -> whole-name patterns
    words_wanted: set[str] = set()
    for p in people:
        if p.score < CONFIDENT:
            continue
        name = text[p.start : p.end]
        words = [w.strip(",.;:") for w in name.split() if w.strip(",.;:")]
        # a lone word the model also calls a place or a group is spread only when a title or
        # a full name vouches for it ("President Halloran", "John Ambrose Rice")
        vouched = (
            p.basis in _CUED
            or p.basis in _VOUCHING_CUES
            or (
                len([w for w in words if not _INITIAL.match(w)]) > 1
                and all(not nw.is_proper(w) or nw.is_name(w) for w in words)
            )
        )
        kept = 0
        for word in words:
            low = word.lower()
            if (
                len(word) < 3
                or _INITIAL.match(word)
                or low in PARTICLES
                or lex.is_not_person_word(word)
            ):
                continue
            if (
                low in lower_words
                or low in at_places  # "in Quillshire" elsewhere: a place, whatever vouched for it
                or (nw.is_english(low) and not nw.is_name(low))  # "COUNTRIES", "Groups"
                or ((low in places or (nw.is_proper(low) and not nw.is_name(low))) and not vouched)
            ):
                continue  # also an ordinary word here ("reed", "young"), or a place
            words_wanted.add(low)
            kept += 1
        if len(words) > 1 and kept < len(words) - sum(bool(_INITIAL.match(w)) for w in words):
            # a word of the name is not spread alone ("Osric Reed"): look for the whole name
            phrase = r"\s+".join(re.escape(w) for w in name.split())
            phrases.setdefault(words[0].lower(), set()).add(phrase)
    spans: list[tuple[int, int]] = []
    if not (words_wanted or phrases):
        return []
    compiled = {
        k: re.compile(
            "(?:" + "|".join(sorted(v, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE
        )
        for k, v in phrases.items()
    }
    for m in _CAP_WORD.finditer(text):
        low = m.group(0).lower()
        if low in words_wanted and not (
            nw.is_english(low)
            and not m.group(0).isupper()  # in capitals, a line start says nothing ("PARSONS")
            and _ordinary_at_start(text, m.start(), m.end())
        ):
            spans.append(m.span())
        if low in compiled and (full := compiled[low].match(text, m.start())):
            spans.append(full.span())
    starts = [p.start for p in people]  # merged: sorted and disjoint
    out = []
    for s, e in spans:
        i = bisect_right(starts, e - 1) - 1
        if i >= 0 and people[i].end > s and people[i].score >= SCORES["propagated"]:
            continue  # overlaps a name already found as surely; a weaker finding is raised
        out.append((s, e))
    return out


#: A word of a name is spelt several ways in one document, often two or three letters apart:
#: misread by a scanner ("Vantreskovich" read "Wantreskavitch"), transliterated two ways.
_FAR_MIN = 7  # letters of a name word before two misread letters are allowed
_FAR3_MIN = 10  # letters before three are
_ANY_WORD = re.compile(r"(?<![\w#@$%&*|])(?:[A-Za-z][a-z]{5,}|[A-Z]{7,})(?![\w#@$%&*|])")


def _far_variants(
    text: str, wanted: set[str], nw, lowered: bool, places: frozenset[str] | set[str]
) -> list[tuple[int, int]]:
    """Spellings of a found name word one or two more edits away than :func:`_near_variants`
    allows: two letters in a word of seven letters or more, three in one of ten or more when a
    run of four letters is shared ("Pelzman" read "Felzmen", "Vantreskovich" read
    "Wantreskavitch"), as scans, transliterations ("Kwadrazzini", "Quadrazzini") and typists spell
    one person several ways in one document; with ``lowered`` (a badly scanned text) also the
    word, or one edit from a long one, in lower case, as OCR lowers capitals at random there.

    Only words that are no English word, listed name, proper noun, title or place here, so an
    ordinary word, another person's listed name or a town is not taken for the name."""
    far = [w for w in wanted if len(w) >= _FAR_MIN and w.isalpha()]
    if not far:
        return []
    lengths = {len(w) + d for w in far for d in (-1, 0, 1)}
    out = []
    verdicts: dict[str, bool] = {}  # a word recurs in a document: judge each spelling once
    for m in _ANY_WORD.finditer(text):
        word = m.group(0)
        if len(word) not in lengths:
            continue
        hit = verdicts.get(word)
        if hit is None:
            hit = verdicts[word] = _far_hit(word, wanted, far, nw, lowered, places)
        if hit:
            out.append(m.span())
    return out


def _far_hit(
    word: str,
    wanted: set[str],
    far: list[str],
    nw,
    lowered: bool,
    places: frozenset[str] | set[str],
) -> bool:
    """``word`` is a far spelling of a word of ``far`` (see :func:`_far_variants`)."""
    token = word.lower()
    lower = word[0].islower()
    if lower and not lowered:
        return False
    if lower and token in wanted:
        return True  # the name itself, lowered by the scanner
    if (
        nw.is_english(token)
        or nw.is_name(token)
        or nw.is_proper(token)
        or token in places  # the model calls it a place, or "in Marrowdene" elsewhere
        or name_lexicon().is_not_person_word(token)  # "Poloff": a title
    ):
        return False
    for w in far:
        if abs(len(w) - len(token)) > 1:
            continue
        # lower case: the word itself, or one edit from a long one
        lower_bound = 1 if len(w) >= _FAR_MIN + 1 else 0
        bound = lower_bound if lower else (3 if len(w) >= _FAR3_MIN else 2)
        d = distance(token, w, bound)
        if d > bound or (d == 3 and not _shares_run(token, w, 4)):
            continue
        return True
    return False


def _shares_run(a: str, b: str, n: int) -> bool:
    """``a`` and ``b`` have ``n`` letters in a row in common."""
    return any(a[i : i + n] in b for i in range(len(a) - n + 1))


#: A word OCR spacing split into pieces: "KES SLIN GER", "Kes sler".
_PIECE = re.compile(r"(?<![\w'’-])[A-Za-z]{1,8}(?![\w'’-])")
_MAX_PIECES = 4


def split_names(text: str, wanted: set[str], nw) -> list[tuple[int, int]]:
    """Names a badly scanned text splits into pieces with spaces ("KES SLIN GER"): two to four
    pieces on one line, one space apart, that join into a name word found in the text
    (``wanted``, lower case), not every piece a word or a name itself ("AS HE" is no "ASHE").
    A join into a listed name found nowhere else in the text was tried and left out: on
    unlabelled OCR records it mostly made names of debris (scraps of two and three letters)."""
    out: list[tuple[int, int]] = []
    if not wanted:
        return out
    toks = list(_PIECE.finditer(text))
    words = [t.group(0) for t in toks]
    # glued[k]: piece k + 1 follows piece k after exactly one space. Computed once, so each
    # start looks its run up instead of re-testing every gap of every window (this walk ran
    # over every short word of long OCR records)
    glued = [
        toks[k + 1].start() - toks[k].end() == 1 and text[toks[k].end()] == " "
        for k in range(len(toks) - 1)
    ]
    i = 0
    while i < len(toks):
        hit = None
        run = 0  # pieces glued to piece i, up to the most a window may hold
        while run < _MAX_PIECES - 1 and i + run < len(glued) and glued[i + run]:
            run += 1
        for j in range(i + run, i, -1):
            pieces = words[i : j + 1]
            joined = "".join(pieces)
            if (
                5 <= len(joined) <= 14
                and joined.lower() in wanted
                and _one_case(pieces)
                and not all(nw.is_english(p) or nw.is_name(p) for p in pieces)
            ):
                hit = (toks[i].start(), toks[j].end())
                break
        if hit:
            out.append(hit)
            while i < len(toks) and toks[i].start() < hit[1]:
                i += 1
        else:
            i += 1
    return out


def _one_case(pieces: list[str]) -> bool:
    """All in capitals, or a capital first and lower case after ("Kes sler")."""
    if all(p.isupper() for p in pieces):
        return True
    return pieces[0][0].isupper() and "".join(pieces)[1:].islower()
