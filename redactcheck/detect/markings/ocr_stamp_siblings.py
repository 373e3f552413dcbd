"""The other lines of a multi-line stamp or notice, next to a line of it that was found.

Review and lending stamps on JFK-collection records stand over several short lines, each a
marking of its own (the CIA no-objection stamp, the CIA lending stamp, the FBI review stamp).
On a scan OCR reads each line on its own: one comes out clean and a rule finds it, the next
is damaged (``DECLASS1FICAT1ON AND/0R``), cut at a column edge (``Do Not Reprod``) or run
into the text beside it, and nothing finds it (the lending and no-objection steps report a
stamp only where none of its lines was found). Where a line of a known stamp was found, this
step reads the few lines around it for the stamp's other lines (their wording in
``rules/lexicons/ocr_stamp_siblings.yaml``, from the standard forms), on the letters alone
with look-alikes folded, and reports each line it reads as a finding of its own. Alone, such
a line ("OTHERWISE", "IN THIS DOCUMENT") is no marking; beside its stamp it is one. In the
unlabelled pool (draws of seeds 2929 and 2930, 300 JFK records each) such lines stood beside
a found line of their stamp in about fifty records.

Cost: only the lines near a marking finding whose letters read as a stamp line are looked
at; a C-level partial-ratio test comes before each Python alignment.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.ocr_phrases import phrase_lexicon
from redactcheck.detect.markings.ocr_stamp_lines import _local_refined, _strip_specks


@dataclass(frozen=True, slots=True)
class StampLine:
    text: str  # as printed
    letters: str  # folded letters, capitals
    breaks: tuple[int, ...]  # where in ``letters`` each word after the first starts


@dataclass(frozen=True, slots=True)
class Stamp:
    name: str
    lines: tuple[StampLine, ...]
    capitals: bool
    #: the lines that may anchor the stamp (all when empty): a stamp whose other lines are
    #: common words ("TO DECLASSIFICATION") is anchored by its own first line only
    anchors: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SiblingLexicon:
    stamps: tuple[Stamp, ...]
    every_line: tuple[str, ...]  # the letters of every stamp's lines, in order
    owners: tuple[tuple[int, int], ...]  # per item of ``every_line``: (stamp, line)
    letters_per_edit: int
    min_share: float
    min_letters: int
    reach: int


_NOT_CAPITAL = re.compile(r"[^A-Z]")


def _fold(text: str) -> str:
    return _NOT_CAPITAL.sub("", text.translate(phrase_lexicon().fold).upper())


def _breaks(line: str) -> tuple[int, ...]:
    """Where in the line's letters each word after the first starts."""
    out, at = [], 0
    for word in line.split()[:-1]:
        at += len(_fold(word))
        out.append(at)
    return tuple(out)


@lru_cache(maxsize=1)
def sibling_lexicon() -> SiblingLexicon:
    data = load_lexicon("ocr_stamp_siblings.yaml")["stamp_siblings"]
    stamps = tuple(
        Stamp(
            entry["name"],
            tuple(StampLine(line, _fold(line), _breaks(line)) for line in entry["lines"]),
            bool(entry.get("capitals", False)),
            tuple(entry["lines"].index(line) for line in entry.get("anchor_lines", ())),
        )
        for entry in data["stamps"]
    )
    owners = tuple((k, j) for k, stamp in enumerate(stamps) for j in range(len(stamp.lines)))
    return SiblingLexicon(
        stamps=stamps,
        every_line=tuple(stamps[k].lines[j].letters for k, j in owners),
        owners=owners,
        letters_per_edit=int(data["letters_per_edit"]),
        min_share=float(data["min_share"]),
        min_letters=int(data["min_letters"]),
        reach=int(data["reach"]),
    )


@dataclass(frozen=True, slots=True)
class _Read:
    """A stamp line read in a stretch of text: the span, and how much of the line it kept."""

    start: int
    end: int
    kept: int
    whole: bool


_CAPITAL = re.compile(r"[A-Z]")


def letters_of(text: str, lo: int, hi: int) -> tuple[str, list[int]]:
    """The folded letters of ``text[lo:hi]`` (capitals) and the offset of each."""
    fold = phrase_lexicon().fold
    part = text[lo:hi].translate(fold).upper()
    if len(part) != hi - lo:  # a character whose capital is two ("ß"): one at a time
        chars = [text[i].translate(fold).upper() for i in range(lo, hi)]
        where = [lo + i for i, ch in enumerate(chars) if len(ch) == 1 and "A" <= ch <= "Z"]
        return "".join(text[i].translate(fold).upper() for i in where), where
    where = [lo + m.start() for m in _CAPITAL.finditer(part)]
    return _NOT_CAPITAL.sub("", part), where


def read_line(
    text: str,
    lo: int,
    hi: int,
    line: StampLine,
    lex: SiblingLexicon,
    anchor: bool = False,
    letters: tuple[str, list[int]] | None = None,
) -> _Read | None:
    """Where ``text[lo:hi]`` (part of one text line; ``letters``: its :func:`letters_of`)
    holds the stamp line, read with OCR tolerance: the whole line, or its start or end where
    a column edge cut it; None."""
    seq, where = letters_of(text, lo, hi) if letters is None else letters
    n = len(line.letters)
    need = max(min(n, lex.min_letters), math.ceil(n * lex.min_share))
    if len(seq) < need:
        return None
    p_lo, p_hi, s_lo, s_hi = _local_refined(line.letters, seq)
    kept = p_hi - p_lo
    if kept < need:
        return None
    whole = p_lo <= 2 and p_hi >= n - 2
    # a found span may itself be a cut line (``kground Use Only``, ``HAS NO OBJECTION TO``:
    # its column's edge or OCR lost the start): it anchors its stamp as the whole line does
    # a cut line keeps its start or its end, and pieces of two of its words: a middle alone,
    # or one word alone ("CLASSIFICATION", "DOCUMENT"), is a word of another line
    if not whole and ((p_lo > 1 and p_hi < n - 1) or not any(p_lo < b < p_hi for b in line.breaks)):
        return None
    bound = kept // lex.letters_per_edit
    if Levenshtein.distance(line.letters[p_lo:p_hi], seq[s_lo:s_hi], score_cutoff=bound) > bound:
        return None
    start, end = where[s_lo], where[s_hi - 1] + 1
    wide = _whole_tokens(text, lo, hi, start, end)
    if (p_lo <= 2 and start - wide[0] > _GLUED) or (p_hi >= n - 2 and wide[1] - end > _GLUED):
        return None  # the line's first or last word inside a longer one ("REPRODUCTION")
    if (start - wide[0] > _GLUED or wide[1] - end > _GLUED) and not _reads_whole(
        text[wide[0] : wide[1]], line
    ):
        return None  # a cut piece inside a word that is not the line's ("IDENTIFICATION")
    start, end = wide
    start, end = _strip_specks(text, start, end)
    if end <= start:
        return None
    if not anchor and not whole and not _at_cut(text, lo, hi, start, end, p_lo == 0 or p_lo <= 1):
        return None
    return _Read(start, end, kept, whole)


def _reads_whole(raw: str, line: StampLine) -> bool:
    """``raw`` reads as the whole line, damaged (one edit per three letters): a word the
    alignment took only the end of is damaged ("Reprodieg"), not another word."""
    bound = len(line.letters) // 3
    seq = _NOT_CAPITAL.sub("", raw.translate(phrase_lexicon().fold).upper())
    return Levenshtein.distance(line.letters, seq, score_cutoff=bound) <= bound


#: Letters a word at the line's start or end may carry glued on by OCR ("NDo", "VARETURN").
_GLUED = 2

_GAP = re.compile(r"[ \t]{2,}|[|\]\[]")


def _at_cut(text: str, lo: int, hi: int, start: int, end: int, keeps_start: bool) -> bool:
    """A line that kept its start ends where its text line ends or a gap opens (the column's
    edge); one that kept its end starts where its text line starts or after a gap."""
    if keeps_start:
        after = text[end:hi]
        return not any(ch.isalpha() for ch in after[:3]) or _GAP.match(after) is not None
    before = text[lo:start]
    return not any(ch.isalpha() for ch in before[-3:]) or _GAP.search(before[-3:]) is not None


def _whole_tokens(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The span widened to the whole words at its ends (letters and digits only: a file
    number glued to the stamp's first word by a hyphen, "CS-0034-SRETURN", stays out)."""
    while start > lo and text[start - 1].isalnum():
        start -= 1
    while end < hi and text[end].isalnum():
        end += 1
    return start, end


def _case_fits(raw: str, stamp: Stamp) -> bool:
    """A stamp printed in capitals is read mostly in capitals."""
    if not stamp.capitals:
        return True
    return sum(ch.isupper() for ch in raw) >= sum(ch.islower() for ch in raw)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


def _window(text: str, pos: int, reach: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the filled lines within ``reach`` filled lines of ``pos``'s line,
    its own line included."""
    lo, hi = _line_bounds(text, pos)
    lines = [(lo, hi)]
    seen, at = 0, lo
    while seen < reach and at > 0:
        a, b = _line_bounds(text, at - 1)
        at = a
        if text[a:b].strip():
            lines.append((a, b))
            seen += 1
    seen, at = 0, hi
    while seen < reach and at < len(text):
        a, b = _line_bounds(text, at + 1)
        at = b
        if text[a:b].strip():
            lines.append((a, b))
            seen += 1
    return sorted(lines)


def _free_parts(lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[lo, hi)`` no span of ``taken`` covers."""
    parts, at = [], lo
    for s, e in sorted(taken):
        if e <= at or s >= hi:
            continue
        if s > at:
            parts.append((at, s))
        at = max(at, e)
    if at < hi:
        parts.append((at, hi))
    return parts


#: The least partial-ratio score of a stretch of text that may hold a damaged or cut line.
_PRE = 60
#: The least partial-ratio score of a found line that may read as a stamp line.
_NEAR = 75


@lru_cache(maxsize=4096)
def _near_lines(part: str) -> tuple[tuple[int, int], ...]:
    """``(stamp, line)`` of the stamp lines whose letters stand near those of ``part`` (one
    C-level pass over every stamp line; memoised: a banner or caption repeats on every page)."""
    lex = sibling_lexicon()
    seq = _NOT_CAPITAL.sub("", part.translate(phrase_lexicon().fold).upper())
    if len(seq) < lex.min_letters:
        return ()
    near = process.extract(
        seq, lex.every_line, scorer=fuzz.partial_ratio, score_cutoff=_NEAR, limit=None
    )
    return tuple(lex.owners[i] for _, _, i in near)


def _near_in_stamp(part: str, k: int) -> list[int]:
    """The lines of stamp ``k`` whose letters may stand in ``part`` (a C-level test)."""
    lex = sibling_lexicon()
    seq = _NOT_CAPITAL.sub("", part.translate(phrase_lexicon().fold).upper())
    if len(seq) < lex.min_letters:
        return []
    return [
        i
        for i, line in enumerate(lex.stamps[k].lines)
        if fuzz.partial_ratio(line.letters, seq, score_cutoff=_PRE) > 0
    ]


def _span_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` on each of its lines."""
    out, at = [], start
    while at < end:
        nl = text.find("\n", at, end)
        stop = end if nl < 0 else nl
        out.append((at, stop))
        at = stop + 1
    return out


def _anchors(
    text: str, found: list[tuple[int, int]], lex: SiblingLexicon
) -> list[tuple[int, int, int, int, int]]:
    """``(stamp, line, position, start, end)`` of the stamp lines the found spans
    ``(start, end)`` read as."""
    out = []
    for start, end in found:
        if end - start < lex.min_letters or end - start > 400:
            continue  # a level word or portion mark; a whole page
        # the span's lines (most spans are one line: no line search)
        cut = text.find("\n", start, end)
        parts = [(start, end)] if cut < 0 else _span_lines(text, start, end)
        for a, b in parts:
            if b - a < lex.min_letters:
                continue
            near = [(k, j) for k, j in _near_lines(text[a:b]) if _may_anchor(lex, k, j)]
            letters = letters_of(text, a, b) if near else None
            whole: tuple[int, int, tuple[str, list[int]]] | None = None
            for k, j in near:
                line = lex.stamps[k].lines[j]
                if read_line(text, a, b, line, lex, True, letters) is not None:
                    out.append((k, j, a, start, end))
                    continue
                # the found span may be only the intact middle of a damaged stamp line (a
                # rule finds "HAS NO OBJECTION" in "GIA HAS NO OBJECTION 1O"): its whole line
                whole = whole or _whole_line(text, a, b)
                lo, hi, line_letters = whole
                if hi - lo <= _ANCHOR_LINE and read_line(
                    text, lo, hi, line, lex, True, line_letters
                ):
                    out.append((k, j, a, start, end))
    return out


def _may_anchor(lex: SiblingLexicon, k: int, j: int) -> bool:
    """Whether line ``j`` of stamp ``k`` may anchor its stamp."""
    anchors = lex.stamps[k].anchors
    return not anchors or j in anchors


def _whole_line(text: str, a: int, b: int) -> tuple[int, int, tuple[str, list[int]]]:
    """The text line around ``[a, b)`` and its letters."""
    lo = text.rfind("\n", 0, a) + 1
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    return lo, hi, letters_of(text, lo, hi) if hi - lo <= _ANCHOR_LINE else ("", [])


#: A found span's whole line is read as a stamp line only when it is this short (a stamp
#: line and a little noise beside it, not a paragraph).
_ANCHOR_LINE = 60


def sibling_findings(
    text: str, found: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """``(start, end, line)`` of stamp lines near a found line of the same stamp (``found``:
    marking spans), none overlapping ``taken`` (extended with what is returned)."""
    lex = sibling_lexicon()
    out: list[tuple[int, int, str]] = []
    done: set[tuple[int, int]] = set()  # (stamp, anchor position)
    read: set[tuple[int, int]] = set()  # (stamp, line start)
    for k, _, pos, f_lo, f_hi in _anchors(text, found, lex):
        stamp = lex.stamps[k]
        if (k, pos) in done:
            continue
        done.add((k, pos))
        for lo, hi in _window(text, pos, lex.reach):
            if lo <= f_hi and f_lo <= hi:
                continue  # a text line of the found span: read as one span with it
            if (k, lo) in read:
                continue  # read for this stamp from an anchor before
            read.add((k, lo))
            for a, b in _free_parts(lo, hi, taken):
                if b - a < lex.min_letters:
                    continue
                near = _near_in_stamp(text[a:b], k)
                if not near:
                    continue
                letters = letters_of(text, a, b)
                best = None
                for i in near:  # the anchor's own line too: a stamp set twice
                    line = stamp.lines[i]
                    got = read_line(text, a, b, line, lex, False, letters)
                    if got is None or not _case_fits(text[got.start : got.end], stamp):
                        continue
                    if best is None or got.kept > best[0].kept:
                        best = (got, line)
                if best is None:
                    continue
                got, line = best
                if any(got.start < e and s < got.end for s, e in taken):
                    continue
                out.append((got.start, got.end, line.text))
                taken.append((got.start, got.end))
    return out
