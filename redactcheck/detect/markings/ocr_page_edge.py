"""OCR-damaged level words anywhere on a short line at a page's edge (issue 17).

Why: a classified page carries its level at its top and bottom; on a scanned record OCR reads
that stamp worst and runs specks, a page number or the next column onto its line (invented:
``7 Seceer``, ``SECEET pars 4 |``, ``CONPEDERTIAL |``). The banner step
(:mod:`ocr_banner`) wants the word first on a line of capitals; the repeat steps want the
exact word. Here the place does the work: on a short line near a page's edge, found by the
page markers of the JFK-collection scans (the NARA record number atop each page, the HSCA and
FBI page footer), every token is compared with the level words, within a bound that grows
with the word, keeping its first letter, and never an English word.

Lists, bounds and the reach live in ``rules/lexicons/ocr_page_edge.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from redactcheck.detect.edit_distance import distance
from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.ocr_banner import _fold_letters, banner_lexicon

#: The page markers of JFK-collection OCR text: the record-number header NARA prints atop each
#: page ("13-00000", "14-00000") and the footer of the HSCA and FBI scans ("NW 12345
#: DocId:12345678 Page 2", OCR reading "Id" as "ld").
_MARKER = re.compile(
    r"^[ \t]*(?:\d{2}-0{5}|[HN]W[ \t]*\d+[^\n]*Doc[ \t]*[Il1|]d[^\n]*)[ \t]*$", re.MULTILINE
)
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
    english = {
        w.strip().upper()
        for w in load_word_list("names/english_words.txt")
        if w.strip() and not w.startswith("#")
    }
    english |= banner_lexicon().real_words
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


def load_word_list(name: str) -> list[str]:
    """The lines of a plain word list under ``rules/lexicons``."""
    from redactcheck.ruleset.loader import lexicon_path

    with lexicon_path(name).open(encoding="utf-8") as fh:
        return fh.read().splitlines()


def page_edge_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of damaged level words on short lines at a page's edge, in a
    text that carries page markers, not overlapping ``taken`` (extended with the finds)."""
    markers = [m.span() for m in _MARKER.finditer(text)]
    if not markers:
        return []
    lex = edge_lexicon()
    lines = _lines_with_text(text)
    marker_starts = {s for s, _ in markers}
    edge: set[int] = set(range(min(lex.reach, len(lines))))
    edge |= set(range(max(0, len(lines) - lex.reach), len(lines)))
    for k, (lo, _) in enumerate(lines):
        if lo in marker_starts:
            edge |= set(range(max(0, k - lex.reach), min(len(lines), k + lex.reach + 1)))
    out: list[tuple[int, int, str]] = []
    for k in sorted(edge):
        lo, hi = lines[k]
        size = len(text[lo:hi].strip())
        if lo in marker_starts or size > lex.phrase_line:
            continue
        for hit in _phrases_on(text, lo, hi, lex):
            if not any(hit[0] < e and s < hit[1] for s, e in taken):
                out.append(hit)
                taken.append(hit[:2])
        if size > lex.max_line:
            continue
        for m in _TOKEN.finditer(text, lo, hi):
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


def _lines_with_text(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line that holds text."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


@lru_cache(maxsize=8192)
def _level(core: str) -> str | None:
    """The level word ``core`` is a damaged form of, or None."""
    lex = edge_lexicon()
    if sum(ch.isalpha() for ch in core) < 4 or core.upper() in lex.english:
        return None
    letters = _fold_letters(core.upper(), banner_lexicon().fold)
    best = None
    for key, (word, bound) in lex.words.items():
        if abs(len(letters) - len(key)) > bound or letters[:1] != key[:1]:
            continue
        d = distance(letters, key, bound)
        if d <= bound and (best is None or d < best[1]):
            best = (word, d)
    if best is None:
        return _piece_of_level(letters, lex)
    return best[0]


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


@lru_cache(maxsize=4096)
def _phrases_in(line: str) -> tuple[tuple[int, int, str], ...]:
    lex = edge_lexicon()
    fold = banner_lexicon().fold
    letters = _fold_letters(line.upper(), fold)
    if not any(fuzz.partial_ratio(key, letters, score_cutoff=60) for key in lex.phrases):
        return ()  # no phrase near the line's letters (C-level tests): the usual case
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
