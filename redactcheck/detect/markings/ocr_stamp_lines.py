"""Mixed-case stamps of several short lines, read approximately (issue 17).

Some stamps of older records are printed in mixed case over three or four short lines, the
Group 1 stamp of E.O. 10501/10964 above all (``GROUP 1`` / ``Excluded from automatic`` /
``downgrading and`` / ``declassification``). On a scan the stamp sits by the signature or at
the page's foot; OCR reads its small letters badly (invented: ``Excluded trom avtematic``,
``towagrading ang``) and loses its end at the page's edge. The rule reads the clean stamp; the
phrase step (:mod:`ocr_phrases`) reads damaged stamps in capitals only. Here the phrase's
letters, case folded, are aligned with the letters of the lines around a place where two
pieces of its words stand near each other; the part of the phrase the stamp kept (a long
enough start, middle or end) must lie within one edit per few letters of the text.

Word lists, pieces and bounds live in ``rules/lexicons/ocr_stamp_lines.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from redactcheck.detect.accel.fastscan import HAS_HYPERSCAN, HyperscanDatabase, ascii_view
from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.word_align import (
    WordPhrase,
    banner_fold,
    pair_at,
    phrase_words,
    read_words,
)


@dataclass(frozen=True, slots=True)
class StampPhrase:
    name: str  # as printed
    letters: str  # its letters, capitals
    pieces: tuple[str, ...]  # its pieces: in capitals, or in lower case (matched in any case)
    min_letters: int  # of the phrase, kept by a damaged or cut stamp
    capitals: bool  # printed in capitals: a span mostly in lower case is prose
    by_words: bool  # read word by word where the letters fail (word_align.py)
    word_pieces: frozenset[str]  # the pieces that start a word-by-word reading


@dataclass(frozen=True, slots=True)
class StampLexicon:
    phrases: tuple[StampPhrase, ...]
    letters_per_edit: int
    min_letters: int
    reach: int


def _pieces(pieces: list[str], capitals: bool) -> tuple[str, ...]:
    """The pieces as looked for: in capitals for a stamp printed in capitals (prose writes
    them in lower case), in lower case (read in the lowered text: any case) otherwise."""
    return tuple(p.upper() if capitals else p.lower() for p in pieces)


@lru_cache(maxsize=1)
def stamp_lexicon() -> StampLexicon:
    data = load_lexicon("ocr_stamp_lines.yaml")["stamp_lines"]
    phrases = []
    for entry in data["phrases"]:
        phrases.append(
            StampPhrase(
                entry["phrase"],
                re.sub(r"[^A-Z]", "", entry["phrase"].upper()),
                _pieces(entry["pieces"], bool(entry.get("capitals", False))),
                int(entry.get("min_letters", data["min_letters"])),
                bool(entry.get("capitals", False)),
                bool(entry.get("by_words", True)),
                frozenset(
                    _pieces(entry.get("word_pieces", entry["pieces"]), bool(entry.get("capitals")))
                ),
            )
        )
    return StampLexicon(
        phrases=tuple(phrases),
        letters_per_edit=int(data["letters_per_edit"]),
        min_letters=int(data["min_letters"]),
        reach=int(data["reach"]),
    )


def stamp_line_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, phrase)`` of damaged mixed-case stamps not overlapping ``taken``
    (extended with what is found)."""
    lex = stamp_lexicon()
    out: list[tuple[int, int, str]] = []
    every = _all_piece_hits(text, lex)
    lowered = text.lower() if every is None else ""
    misses: list[tuple[int, int]] = []  # (piece start, phrase) where the letters failed
    for k, phrase in enumerate(lex.phrases):
        hits = every[k] if every is not None else _piece_hits(text, lowered, phrase)
        read_to = -1
        for i, (at, piece) in enumerate(hits):
            if at < read_to:
                continue
            other = _other_piece(text, hits, i, lex.reach)
            found = None
            if other is not None:
                first = text.rfind("\n", 0, max(0, at - lex.reach // 2)) + 1
                hi = text.find("\n", other + lex.reach)
                hi = len(text) if hi < 0 else hi
                for lo in _line_starts(text, first, at):
                    found = _align(text[lo:hi], phrase, lex)
                    if found is not None:
                        break
            if found is None:
                if phrase.by_words and piece in phrase.word_pieces:
                    misses.append((at, k))
                continue  # the next piece may start the stamp (a word of it in the line above)
            read_to = hi
            start, end = lo + found[0], lo + found[1]
            if any(start < e and s < end for s, e in taken):
                continue
            out.append((start, end, phrase.name))
            taken.append((start, end))
    # one piece alone (a word of prose, "classified"), or letters too damaged as a whole:
    # the phrase read word by word around a piece on a short line, after every letter reading
    tried: set[tuple[int, int]] = set()  # (line start, phrase) read word by word
    for at, k in misses:
        line = text.rfind("\n", 0, at) + 1
        if (line, k) in tried or any(s <= at < e for s, e in taken):
            continue
        tried.add((line, k))
        lo, _, found = _by_words(text, at, k)
        if found is None:
            continue
        start, end = lo + found[0], lo + found[1]
        if any(start < e and s < end for s, e in taken):
            continue
        out.append((start, end, lex.phrases[k].name))
        taken.append((start, end))
    return out


#: A stamp's line is short: a piece on a longer line is read by letters only.
_SHORT_LINE = 40
#: Lines read either side of a piece's line for the word-by-word reading.
_WORD_LINES = 3


@lru_cache(maxsize=1)
def _word_phrases() -> tuple[WordPhrase, ...]:
    fold = _upper_fold()
    return tuple(phrase_words(p.name, fold) for p in stamp_lexicon().phrases)


@lru_cache(maxsize=1)
def _upper_fold() -> dict[int, str]:
    """Look-alikes folded as the capitals phrase step folds them (``banner_confusions``)."""
    return banner_fold()


def _by_words(text: str, at: int, k: int) -> tuple[int, int, tuple[int, int] | None]:
    """``(lo, hi, span in text[lo:hi])`` of phrase ``k`` read word by word
    (:mod:`word_align`) in the lines around the piece at ``at``, when its line is short."""
    line_lo = text.rfind("\n", 0, at) + 1
    line_hi = text.find("\n", at)
    line_hi = len(text) if line_hi < 0 else line_hi
    if len(text[line_lo:line_hi].strip()) > _SHORT_LINE:
        return 0, 0, None
    if not pair_at(text, _word_phrases()[k].words, _upper_fold(), at):
        return 0, 0, None  # the usual case: a word of prose or a form label alone
    lo, hi = line_lo, line_hi
    for _ in range(_WORD_LINES):
        lo = text.rfind("\n", 0, max(0, lo - 1)) + 1
        nxt = text.find("\n", hi + 1)
        hi = len(text) if nxt < 0 else nxt
    phrase = stamp_lexicon().phrases[k]
    return (
        lo,
        hi,
        read_words(text[lo:hi], _word_phrases()[k], _upper_fold(), phrase.capitals, at - lo),
    )


def _line_starts(text: str, lo: int, at: int) -> list[int]:
    """Where the window may start: ``lo`` first (a stamp whose first words OCR lost before
    the first piece found), then each later line start up to the piece's own line. Why: the
    alignment may take letters of the line above the stamp (the last words of a sentence)
    and then fail as a whole; the stamp alone must still be read."""
    starts = [lo]
    nl = text.find("\n", lo, at)
    while nl >= 0:
        starts.append(nl + 1)
        nl = text.find("\n", nl + 1, at)
    return starts


def _piece_hits(text: str, lowered: str, phrase: StampPhrase) -> list[tuple[int, str]]:
    """``(start, piece)`` of the phrase's pieces in the text, ascending (``str.find`` loops:
    a C-level scan each, where a case-blind regex alternation costs ten times more)."""
    hay = text if phrase.capitals else lowered
    hits: list[tuple[int, str]] = []
    for piece in phrase.pieces:
        at = hay.find(piece)
        while at >= 0:
            hits.append((at, piece))
            at = hay.find(piece, at + 1)
    hits.sort()
    return hits


#: The characters whose lower case is no single non-ASCII character (``İ`` lowers to two,
#: the Kelvin sign to ``k``): in a text without them, the lowered text's one-byte view is the
#: text's own view with its ASCII capitals lowered (a test checks the set against Unicode).
ODD_LOWER = ("\u0130", "\u212a")


def _all_piece_hits(text: str, lex: StampLexicon) -> list[list[tuple[int, str]]] | None:
    """:func:`_piece_hits` of every phrase from Hyperscan passes over one-byte views (the
    pieces are ASCII letters and spaces, so a view's ``?`` for a non-ASCII character never
    matches one and its offsets are the string's), instead of a ``str.find`` loop per piece:
    the capitals pieces over the text; the lower-case ones case-blind over the text too, or
    over the lowered text where a character lowers oddly. None without Hyperscan."""
    dbs = _piece_databases() if lex is stamp_lexicon() else None
    if dbs is None:
        return None
    every: list[list[tuple[int, str]]] = [[] for _ in lex.phrases]
    both, capitals, lowered = dbs
    if ODD_LOWER[0] in text or ODD_LOWER[1] in text:
        passes = [(capitals, ascii_view(text)), (lowered, text.lower().encode("ascii", "replace"))]
    else:
        passes = [(both, ascii_view(text))]  # one pass: capitals as they are, others case-blind
    for (db, owners), view in passes:
        if db is None:
            continue

        def on_match(i: int, _s: int, end: int, _f: int, _c: object, owners=owners) -> None:
            k, piece = owners[i]
            every[k].append((end - len(piece), piece))

        db.scan(view, on_match)
    for hits in every:
        hits.sort()
    return every


_Pass = tuple[HyperscanDatabase | None, tuple[tuple[int, str], ...]]


@lru_cache(maxsize=1)
def _piece_databases() -> tuple[_Pass, _Pass, _Pass] | None:
    """The literal databases of the lexicon's pieces (capitals as they are, lower-case ones
    case-blind), of its capitals pieces, and of its lower-case ones as they are, each with
    the ``(phrase index, piece)`` of its pattern ids; None without Hyperscan."""
    if not HAS_HYPERSCAN:
        return None
    lex = stamp_lexicon()
    out = []
    for kinds in ((True, False), (True,), (False,)):
        owners = tuple(
            (k, piece)
            for capitals in kinds
            for k, phrase in enumerate(lex.phrases)
            if phrase.capitals is capitals
            for piece in phrase.pieces
        )
        blind = [not lex.phrases[k].capitals and len(kinds) == 2 for k, _ in owners]
        db = (
            HyperscanDatabase([p for _, p in owners], literal=True, caseless=blind)
            if owners
            else None
        )
        out.append((db, owners))
    return out[0], out[1], out[2]


def _other_piece(text: str, hits: list[tuple[int, str]], i: int, reach: int) -> int | None:
    """Where a piece other than ``hits[i]``'s stands within ``reach`` after it, in another
    word (the pieces of one word, "background", are one piece), or None."""
    at, piece = hits[i]
    for j in range(i + 1, len(hits)):
        if hits[j][0] - at > reach:
            return None
        if hits[j][1] != piece and _apart(text, at, hits[j][0]):
            return hits[j][0]
    return None


def _apart(text: str, a: int, b: int) -> bool:
    """A space or line break stands between ``a`` and ``b``."""
    return any(ch.isspace() for ch in text[a:b])


_LETTERS = re.compile(r"[A-Za-z]+")
_NOT_LETTER = re.compile(r"[^A-Za-z]+")
#: The least partial-ratio score of a window that may hold a damaged or cut stamp.
_PRE_SCORE = 64
#: Letters either side of that region the local alignment reads too.
_MARGIN = 16


@lru_cache(maxsize=2048)
def _align(window: str, phrase: StampPhrase, lex: StampLexicon) -> tuple[int, int] | None:
    """The span of ``window`` whose letters match a long enough part of the phrase within
    the bound, widened to whole tokens, or None."""
    seq = _NOT_LETTER.sub("", window).upper()  # the letters, one C-level pass
    if len(seq) < phrase.min_letters:
        return None
    near = fuzz.partial_ratio_alignment(phrase.letters, seq, score_cutoff=_PRE_SCORE)
    if near is None:
        return None  # nothing near the phrase (a C-level test before the Python alignment)
    # each letter's place in the window, built from runs of letters (a match object per
    # word, not per letter) and only for the windows that pass the test above
    where = [i for m in _LETTERS.finditer(window) for i in range(m.start(), m.end())]
    # the local alignment (Python) only around the region the C-level one found
    if len(phrase.letters) <= len(seq):
        a, b = near.dest_start, near.dest_end
    else:
        a, b = 0, len(seq)
    off = max(0, a - _MARGIN)
    p_lo, p_hi, s_lo, s_hi = _local_refined(phrase.letters, seq[off : b + _MARGIN])
    s_lo, s_hi = s_lo + off, s_hi + off
    # the alignment may run on into the next line's letters ("Distribution" after the
    # stamp's "declassification"): each line end inside it is tried as the stamp's end too,
    # the phrase's end moved to its nearest fit, the longest span that fits first
    cuts = [s_hi] + [
        k for k in range(s_hi - 1, s_lo, -1) if "\n" in window[where[k - 1] : where[k]]
    ]
    for cut in cuts:
        kept_hi = p_hi if cut == s_hi else _phrase_end(phrase.letters, p_lo, seq[s_lo:cut])
        kept = phrase.letters[p_lo:kept_hi]
        if len(kept) < phrase.min_letters or cut - s_lo < phrase.min_letters:
            break
        bound = len(kept) // lex.letters_per_edit
        if Levenshtein.distance(kept, seq[s_lo:cut], score_cutoff=bound) > bound:
            continue
        start, end = _whole_tokens(window, where[s_lo], where[cut - 1] + 1)
        start, end = _strip_specks(window, start, end)
        if (
            end > start
            and _stands_apart(window, start, end)
            and _case_fits(window[start:end], phrase)
        ):
            return start, end
    return None


def _phrase_end(letters: str, lo: int, piece: str) -> int:
    """The end of the part of the phrase from ``lo`` nearest ``piece``."""
    best = (len(piece) + len(letters), len(letters))
    for hi in range(max(lo + 1, lo + len(piece) - 6), min(len(letters), lo + len(piece) + 6) + 1):
        d = Levenshtein.distance(letters[lo:hi], piece)
        if d < best[0]:
            best = (d, hi)
    return best[1]


_TOKEN_END = re.compile(r"\S*")


def _whole_tokens(window: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole tokens, except a first or last token the alignment took
    only one or two letters of (the first letter of the next line's word, a heading's last,
    the last word of the line above)."""
    lo = start
    while lo > 0 and not window[lo - 1].isspace():
        lo -= 1
    first_end = _token_end(window, lo)
    nxt = _next_token(window, first_end)
    alone = "\n" in window[first_end:nxt]  # the last token of the line above the stamp
    if (start - lo >= 2 or alone) and _letters(window, start, first_end) <= 2 and first_end < end:
        lo = nxt
    hi = _token_end(window, end)
    last_lo = end
    while last_lo > lo and not window[last_lo - 1].isspace():
        last_lo -= 1
    if hi - end >= 2 and _letters(window, last_lo, end) <= 2 and last_lo > lo:
        hi = last_lo
        while hi > lo and window[hi - 1].isspace():
            hi -= 1
    return lo, hi


def _token_end(window: str, pos: int) -> int:
    """Where the run of non-space characters from ``pos`` ends (``pos`` itself at a space)."""
    match = _TOKEN_END.match(window, pos)
    return pos if match is None else match.end()


def _letters(window: str, lo: int, hi: int) -> int:
    return sum(ch.isalpha() for ch in window[lo:hi])


def _next_token(window: str, pos: int) -> int:
    while pos < len(window) and window[pos].isspace():
        pos += 1
    return pos


def _case_fits(raw: str, phrase: StampPhrase) -> bool:
    """A stamp printed in capitals is read mostly in capitals (no fewer than lower case)."""
    if not phrase.capitals:
        return True
    return sum(ch.isupper() for ch in raw) >= sum(ch.islower() for ch in raw)


def _stands_apart(window: str, start: int, end: int) -> bool:
    """A stamp's lines stand apart from the page's text: little else on the first line
    before it (a ``GROUP 1`` heading, specks) and on the last line after it. A sentence that
    goes on ("... downgrading was discussed at length") is prose."""
    line_lo = window.rfind("\n", 0, start) + 1
    line_hi = window.find("\n", end)
    line_hi = len(window) if line_hi < 0 else line_hi
    return len(window[line_lo:start].strip()) <= 12 and len(window[end:line_hi].strip()) <= 8


def _local(a: str, b: str) -> tuple[int, int, int, int]:
    """``(a_lo, a_hi, b_lo, b_hi)``: the best-scoring stretch of the Levenshtein alignment of
    ``a`` and ``b`` (a letter matched +2, a substitution or a gap -1; Kadane's scan over the
    C-computed edit blocks): the part of the phrase a stamp cut at the page's edge kept, and
    where it stands."""
    best = (0, 0, 0, 0, 0)
    score, lo = 0, None
    for op in Levenshtein.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            if lo is None:
                score, lo = 0, (i1, j1)
            score += 2 * (i2 - i1)
            if score > best[0]:
                best = (score, lo[0], lo[1], i2, j2)
            continue
        score -= max(i2 - i1, j2 - j1)
        if score <= 0:
            score, lo = 0, None
    _, a_lo, b_lo, a_hi, b_hi = best
    return a_lo, a_hi, b_lo, b_hi


def _local_refined(a: str, b: str) -> tuple[int, int, int, int]:
    """:func:`_local`, then again on the stretch of ``b`` it found widened by the phrase's
    letters left out at either end: a global alignment may pull the phrase's first letters
    onto the text before the stamp, and the second pass reads the stamp alone."""
    a_lo, a_hi, b_lo, b_hi = _local(a, b)
    lo = max(0, b_lo - a_lo - 4)
    hi = min(len(b), b_hi + (len(a) - a_hi) + 4)
    if (lo, hi) == (0, len(b)):
        return a_lo, a_hi, b_lo, b_hi
    a_lo, a_hi, b_lo2, b_hi2 = _local(a, b[lo:hi])
    return a_lo, a_hi, lo + b_lo2, lo + b_hi2


_EDGE = "\"'“”‘’()[]{}<>|\\/,.;:!?*~_-=+•"


def _strip_specks(window: str, start: int, end: int) -> tuple[int, int]:
    while start < end and window[start] in _EDGE:
        start += 1
    while end > start and window[end - 1] in _EDGE:
        end -= 1
    return start, end
