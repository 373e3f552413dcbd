"""OCR-damaged level words anywhere on a short line at a page's edge (issue 17).

Why: a classified page carries its level at its top and bottom; on a scanned record OCR reads
that stamp worst and runs specks, a page number or the next column onto its line (invented:
``7 Segrer``, ``SECBET pans 6 |``, ``CONPEDERTIAL |``). The banner step
(:mod:`ocr_banner`) wants the word first on a line of capitals; the repeat steps want the
exact word. Here the place does the work: on a short line near a page's edge, found by the
page markers of the JFK-collection scans (the NARA record number atop each page, the HSCA and
FBI page footer, that footer's id and page alone where the scan lost its "NW" number), every
token is compared with the level words, within a bound that grows with the word, keeping its
first letter, and never an English word. A text without page markers still has a first and a
last page: there a line that is the level word and scanner noise alone is the stamp, even where
the text prints no other level (no page evidence is wanted: the place and the line's shape are).

Lists, bounds and the reach live in ``rules/lexicons/ocr_page_edge.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from redactcheck.detect.accel.fastscan import HAS_HYPERSCAN, HyperscanDatabase, ascii_view
from redactcheck.detect.edit_distance import distance
from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.english_words import english_capitals
from redactcheck.detect.markings.ocr_banner import _fold_letters, banner_lexicon
from redactcheck.detect.markings.phrase_pieces import PieceTest, piece_test

#: The page markers of JFK-collection OCR text: the record-number header NARA prints atop each
#: page ("13-00000", "14-00000") and the footer of the HSCA and FBI scans ("NW 12345
#: DocId:12345678 Page 2", OCR reading "Id" as "ld"), also where the scan cut off or OCR lost
#: its "NW" number and only the document id and page remain (invented: ``Docld: 12345678
#: Page 3``, ``| DocId:12345678 Paye 2``): a colon, then the eight-digit id.
_MARKER_BODY = (
    r"(?:\d{2}-0{5}|[HN]W[ \t]*\d+[^\n]*Doc[ \t]*[Il1|]d[^\n]*"
    r"|[^\n]{0,12}?Doc[ \t]*[Il1|]d[a-z]?[ \t]*:[ \t]*\d{6,}(?:[ \t]+Pa[a-z]*[ \t]*\d*)?)"
)
_MARKER = re.compile(rf"^[ \t]*{_MARKER_BODY}[ \t]*$", re.MULTILINE)
#: A marker line whole (what :data:`_MARKER` finds, one line at a time), and the pieces of
#: text every marker holds: its lines are looked for only around them.
_MARKER_LINE = re.compile(rf"[ \t]*{_MARKER_BODY}[ \t]*")
_MARKER_KEYS = ("-00000", "Doc")
#: A line that holds text (a character ``str.strip`` keeps: ``\S`` is ``str.isspace``'s
#: complement), from its start to its end.
_TEXT_LINE = re.compile(r"^[^\S\n]*\S[^\n]*", re.MULTILINE)
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’.,:;!?()[]{}|-_~*=—–\\/ \t"


@dataclass(frozen=True, slots=True)
class EdgeLexicon:
    reach: int
    max_line: int
    phrase_line: int  # a control block's line: two options side by side
    words: dict[str, tuple[str, int]]  # folded word -> (word as printed, edit bound)
    english: frozenset[str]
    phrases: dict[str, tuple[str, int]]  # folded letters -> (phrase as printed, edit bound)
    min_piece: int  # letters of a long level's start or end that stand for it


@lru_cache(maxsize=1)
def edge_lexicon() -> EdgeLexicon:
    data = load_lexicon("ocr_page_edge.yaml")
    fold = banner_lexicon().fold
    english = english_capitals() | banner_lexicon().real_words
    per_edit = int(data["edge_phrase_letters_per_edit"])
    return EdgeLexicon(
        reach=int(data["edge_lines"]),
        max_line=int(data["edge_max_line"]),
        phrase_line=int(data["edge_phrase_max_line"]),
        words={_fold_letters(w, fold): (w, int(b)) for w, b in data["edge_words"].items()},
        english=frozenset(english),
        min_piece=int(data["edge_min_piece"]),
        phrases={
            _fold_letters(p, fold): (p, len(_fold_letters(p, fold)) // per_edit)
            for p in data["edge_phrases"]
        },
    )


def page_edge_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of damaged level words on short lines at a page's edge, in a
    text that carries page markers, not overlapping ``taken`` (extended with the finds)."""
    marker_starts = _marker_starts(text)
    lex = edge_lexicon()
    # built on the first text, before pool workers fork
    test, levels = _phrase_test(), _level_test()
    if not marker_starts:
        return _text_edge_findings(text, taken, lex)
    out: list[tuple[int, int, str]] = []
    rows = []
    for lo, hi in _edge_lines(text, marker_starts, lex.reach):
        size = len(text[lo:hi].strip())
        if lo not in marker_starts and size <= lex.phrase_line:
            rows.append((lo, hi, size))
    # the lines that may hold a phrase, or a level word (phrase_pieces.py): the others skip
    # the phrase comparison, or the level test of each token
    maybe = test.lines(text, [(lo, hi) for lo, hi, _ in rows]) if test else None
    short = [(lo, hi) for lo, hi, size in rows if size <= lex.max_line]
    leveled = levels.lines(text, short) if levels else None
    for lo, hi, size in rows:
        for hit in _phrases_on(text, lo, hi, lex) if maybe is None or lo in maybe else ():
            if not any(hit[0] < e and s < hit[1] for s, e in taken):
                out.append(hit)
                taken.append(hit[:2])
        if size > lex.max_line or (leveled is not None and lo not in leveled):
            continue
        for m in _TOKEN.finditer(text, lo, hi):
            if m.end() - m.start() < 4:
                continue  # fewer than four letters: no level word (``_level``)
            core = m.group(0).strip(_EDGE)
            if not core:
                continue
            start = m.start() + m.group(0).find(core)
            end = start + len(core)
            word = _level(core)
            if word is None or any(start < e and s < end for s, e in taken):
                continue
            out.append((start, end, word))
            taken.append((start, end))
    return out


#: Beside the level word, a line at a markerless text's edge may hold only scanner noise:
#: tokens of at most this many letters (a speck, a page number, ``TOP`` read as ``IVP``).
_NOISE_LETTERS = 3


def _text_edge_findings(
    text: str, taken: list[tuple[int, int]], lex: EdgeLexicon
) -> list[tuple[int, int, str]]:
    """A text without page markers still has a first and a last page: its first and last
    ``reach`` lines that hold text. A line there that is one damaged level word and scanner
    noise only (invented: ``. SEOPET :``, ``CONFIDENTAL``) is the page's stamp, even where the
    text prints no level elsewhere; a word with other words beside it is left to the banner
    steps (a title, an address, a signature block stand there too)."""
    out: list[tuple[int, int, str]] = []
    spans = set(_lines_after(text, 0, lex.reach))
    spans.update(_lines_before(text, len(text), lex.reach))
    for lo, hi in sorted(spans):
        if len(text[lo:hi].strip()) > lex.max_line:
            continue
        found = None
        for m in _TOKEN.finditer(text, lo, hi):
            core = m.group(0).strip(_EDGE)
            if len(core) <= _NOISE_LETTERS or sum(map(str.isalpha, core)) <= _NOISE_LETTERS:
                continue  # noise
            word = _level(core)
            if word is None or found is not None:
                found = None  # a word that is no level, or a second word: not a stamp line
                break
            start = m.start() + m.group(0).find(core)
            if _written_elsewhere(text, core, start):
                break  # the same spelling in the text's lines: a word of it (``Unclassifed``)
            found = (start, start + len(core), word)
        if found and not any(found[0] < e and s < found[1] for s, e in taken):
            out.append(found)
            taken.append(found[:2])
    return out


def _written_elsewhere(text: str, core: str, start: int) -> bool:
    """``core`` is written again in lower case elsewhere in the text, a whole word (not at
    ``start``): a misspelt word of the text, not a stamp's damage."""
    low = core.lower()
    at = text.find(low)
    while at >= 0:
        end = at + len(low)
        before = at and text[at - 1].isalpha()
        if at != start and not before and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(low, at + 1)
    return False


def _marker_starts(text: str) -> set[int]:
    """The starts of the page-marker lines (:data:`_MARKER`'s matches): only the lines that
    hold a piece every marker holds are read whole."""
    starts: set[int] = set()
    seen: set[int] = set()
    for at in _key_places(text):
        lo = text.rfind("\n", 0, at) + 1
        if lo in seen:
            continue  # the line is read
        seen.add(lo)
        hi = text.find("\n", at)
        hi = len(text) if hi < 0 else hi
        if _MARKER_LINE.fullmatch(text, lo, hi):
            starts.add(lo)
    return starts


def _key_places(text: str) -> list[int]:
    """Where the marker keys stand: one Hyperscan pass over the text's one-byte view (the
    keys are ASCII; a non-ASCII character reads as ``?``), or ``str.find`` loops."""
    db = _key_database()
    places: list[int] = []
    if db is not None:
        db.scan(ascii_view(text), lambda _i, start, _e, _f, _c: places.append(start))
        return places
    for key in _MARKER_KEYS:
        at = text.find(key)
        while at >= 0:
            places.append(at)
            at = text.find(key, at + 1)
    return places


@lru_cache(maxsize=1)
def _key_database() -> HyperscanDatabase | None:
    """The marker keys as one Hyperscan database (None without Hyperscan)."""
    if not HAS_HYPERSCAN:
        return None
    return HyperscanDatabase([re.escape(key) for key in _MARKER_KEYS], som=True)


def _edge_lines(text: str, marker_starts: set[int], reach: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines that hold text within ``reach`` such lines of the text's
    start or end or of a marker line (the marker's own line too), in order. Found by walking
    out from each place, not from a table of every line: a record of many pages has a few
    markers and thousands of lines."""
    spans = set(_lines_after(text, 0, reach))
    spans.update(_lines_before(text, len(text), reach))
    for lo in marker_starts:
        spans.update(_lines_after(text, lo, reach + 1))  # the marker's line and those after
        if lo > 0:
            spans.update(_lines_before(text, lo - 1, reach))
    return sorted(spans)


def _lines_after(text: str, pos: int, count: int) -> list[tuple[int, int]]:
    """The first ``count`` lines holding text from the line start ``pos`` on."""
    out = []
    for m in _TEXT_LINE.finditer(text, pos):
        out.append(m.span())
        if len(out) == count:
            break
    return out


def _lines_before(text: str, hi: int, count: int) -> list[tuple[int, int]]:
    """The last ``count`` lines holding text that end at or before ``hi`` (a line's end: a
    line break or the text's end), the line ending at ``hi`` included."""
    out: list[tuple[int, int]] = []
    while len(out) < count:
        lo = text.rfind("\n", 0, hi) + 1
        if text[lo:hi].strip():
            out.append((lo, hi))
        if lo == 0:
            break
        hi = lo - 1
    return out


#: The fewest letters a token read all in lower case must hold to stand for a level: a stamp
#: is printed in capitals, so a lower-case token is damaged already, and four lower-case
#: letters two edits from SECRET are an ordinary word's (invented: ``sect``, ``sent``).
_LOWER_LETTERS = 5


@lru_cache(maxsize=8192)
def _level(core: str) -> str | None:
    """The level word ``core`` is a damaged form of, or None."""
    lex = edge_lexicon()
    if sum(ch.isalpha() for ch in core) < 4 or core.upper() in lex.english:
        return None
    letters = _fold_letters(core.upper(), banner_lexicon().fold)
    if len(letters) < _LOWER_LETTERS and not any(map(str.isupper, core)):
        return None  # a stamp is printed in capitals: four lower-case letters are a word
    best = None
    for key, (word, bound) in lex.words.items():
        if abs(len(letters) - len(key)) > bound or not _same_opening(letters, key):
            continue
        d = distance(letters, key, bound)
        if d <= bound and (best is None or d < best[1]):
            best = (word, d)
    if best is None:
        return _piece_of_level(letters, lex)
    return best[0]


def _same_opening(letters: str, key: str) -> bool:
    """``letters`` open as the level word ``key`` does: its first letter, or, where OCR misread
    the stamp's first letter (the scan's edge, a smudge: invented ``RECRFT``, ``DEGRFT``,
    ``BONFIDENTIAI``), its second. The misread letter is one of the word's edits all the same."""
    return letters[:1] == key[:1] or letters[1:2] == key[1:2]


def _piece_of_level(letters: str, lex: EdgeLexicon) -> str | None:
    """The long level word whose start or end ``letters`` are, intact (the stamp cut by the
    page's edge or split by OCR: ``CONFIDEN``, ``NTIAL``, ``SSIFIED``), or None."""
    for key, (word, _) in lex.words.items():
        if len(key) < 10 or len(letters) >= len(key):
            continue
        if len(letters) >= lex.min_piece and (key.startswith(letters) or key.endswith(letters)):
            return word
    return None


def _phrases_on(text: str, lo: int, hi: int, lex: EdgeLexicon) -> list[tuple[int, int, str]]:
    """Control phrases on the edge line ``text[lo:hi]``: runs of two to four tokens, mostly
    capitals, the nearest phrase within its bound (the longest run of equally near ones)."""
    found = _phrases_in(text[lo:hi])
    return [(lo + s, lo + e, p) for s, e, p in found]


@lru_cache(maxsize=1)
def _phrase_test() -> PieceTest | None:
    """The C-level pre-test of :func:`_phrases_in` over a text's edge lines: a line it does not
    keep holds no run within a phrase's bound (``phrase_pieces.py`` says why)."""
    fold = banner_lexicon().fold
    keys = {key: bound for key, (_, bound) in edge_lexicon().phrases.items()}
    return piece_test(keys, lambda chars: _fold_letters(chars.upper(), fold))


@lru_cache(maxsize=1)
def _level_test() -> PieceTest | None:
    """The same pre-test for :func:`_level` over the tokens of a line: each level word within
    its bound, and (for :func:`_piece_of_level`) the first and last ``min_piece`` letters of
    each, exactly. A line it does not keep holds no token that reads as a level."""
    fold = banner_lexicon().fold
    lex = edge_lexicon()
    keys = {key: bound for key, (_, bound) in lex.words.items()}
    for key in lex.words:  # _piece_of_level reads the long ones; all are kept (no drift)
        # (today each such start or end holds a piece of its word already)
        keys.setdefault(key[: lex.min_piece], 0)
        keys.setdefault(key[-lex.min_piece :], 0)
    return piece_test(keys, lambda chars: _fold_letters(chars.upper(), fold))


@lru_cache(maxsize=1)
def _phrase_keys() -> tuple[tuple[str, ...], int]:
    """The phrases' folded letters, and the fewest letters a run of tokens may hold to be
    within a phrase's bound."""
    phrases = edge_lexicon().phrases
    return tuple(phrases), min(len(key) - bound for key, (_, bound) in phrases.items())


@lru_cache(maxsize=4096)
def _phrases_in(line: str) -> tuple[tuple[int, int, str], ...]:
    if sum(map(str.isupper, line)) < 4:
        return ()  # a run needs four capitals, and holds no more than the line
    lex = edge_lexicon()
    fold = banner_lexicon().fold
    letters = _fold_letters(line.upper(), fold)
    keys, fewest = _phrase_keys()
    if len(letters) < fewest:
        return ()  # a run of tokens holds no more of these letters than the line
    if process.extractOne(letters, keys, scorer=fuzz.partial_ratio, score_cutoff=60) is None:
        return ()  # no phrase near the line's letters (one C-level call): the usual case
    tokens = [m.span() for m in _TOKEN.finditer(line)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        best = None
        for k in range(i + 2, min(i + 4, len(tokens)) + 1):
            start, end = tokens[i][0], tokens[k - 1][1]
            raw = line[start:end].strip(_EDGE)
            upper = sum(ch.isupper() for ch in raw)
            if upper < 4 or upper < sum(ch.islower() for ch in raw):
                continue
            letters = _fold_letters(raw.upper(), fold)
            for key, (phrase, bound) in lex.phrases.items():
                if abs(len(letters) - len(key)) > bound or letters[:1] != key[:1]:
                    continue
                d = distance(letters, key, bound)
                if d <= bound and (best is None or d <= best[0]):
                    best = (d, k, phrase)
        if best is None:
            i += 1
            continue
        _, k, phrase = best
        start = tokens[i][0]
        raw = line[start : tokens[k - 1][1]]
        core = raw.strip(_EDGE)
        start += raw.find(core)
        out.append((start, start + len(core), phrase))
        i = k
    return tuple(out)
