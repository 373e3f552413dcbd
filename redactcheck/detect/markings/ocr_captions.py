"""OCR-damaged indicators that stand beside a banner: dissemination captions and
sensitivity indicators after or under it, control phrases (NO FOREIGN DISSEM …) around an
intact piece of one, and the level written as a form field's value (REPORT CLASS).

Why its own module: these are read where a banner or a label anchors them, after the banner
words are found; they use the banner word test and lexicon of
:mod:`redactcheck.detect.markings.ocr_banner` but nothing there uses them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactcheck.detect.accel.fastscan import HAS_HYPERSCAN, FastScan, HyperscanDatabase
from redactcheck.detect.edit_distance import distance
from redactcheck.detect.markings.literals import FIELD_LABELS, SLOT_LABELS, Places, finds
from redactcheck.detect.markings.ocr_banner import (
    _PHRASE_HINT,
    _TOKEN,
    BannerLexicon,
    _captions_piece,
    _fold_letters,
    _mostly_capitals,
    _scan,
    banner_lexicon,
    banner_word,
)
from redactcheck.detect.markings.ocr_lone_caption import lone_captions
from redactcheck.detect.markings.taken import claim


def caption_findings(
    text: str, banners: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """``(start, end, caption)`` of dissemination captions and sensitivity indicators that
    OCR damaged (``LIMDTS``, ``NOFORM``, ``WNTNTEL``), read where they stand: after a
    classification banner on its line, or on the next two short lines under it. There one
    edit is tolerated; English words within it (``NODES``, ``ORGAN``) never count.
    Sources: 5 FAH-2 H-440 (NODIS, EXDIS, LIMDIS, STADIS, SIPDIS captions); DCID 1/7 (NOFORN,
    ORCON, PROPIN, NOCONTRACT, WNINTEL); CIA cable sensitivity indicators (RYBAT)."""
    lex = banner_lexicon()
    out: list[tuple[int, int, str]] = []
    done: set[int] = set()  # line ends of banners read
    limit = lex.max_line
    for b_start, b_end in banners:
        line_end = text.find("\n", b_end)
        line_end = len(text) if line_end < 0 else line_end
        if line_end in done or line_end - text.rfind("\n", 0, b_start) > 2 * limit:
            continue  # read already, or a banner inside a long line (a cable's header line)
        done.add(line_end)
        for s, e, word in _caption_chunk(text[b_end : line_end + 1 + 6 * limit]):
            s, e = s + b_end, e + b_end
            if not any(s < te and ts < e for ts, te in taken):
                out.append((s, e, word))
                taken.append((s, e))
        for hit in _companion_lines(text, b_start, line_end):
            claim(hit, out, taken)
    return out


#: Indicators stamped as a line of their own right over or under a page's level: the
#: sensitivity line of 1970s CIA and State records ("SECRET" over "SENSITIVE", a page marking
#: of records on sources and operations; the one-line form "SECRET SENSITIVE" is a banner
#: rule's). Edits allowed: one per four letters, look-alikes folded ("SENSTTTVE").
_COMPANIONS = {"SENSITIVE": "SENSITIVE"}
#: A companion line: the word alone, a speck or a one- or two-character token of noise on
#: either side at most (invented: ". SENSITIVE", "SENSITIVE +", "4 SENSITIVE").
_COMPANION_LINE = re.compile(
    r"[^\w\n]{0,3}(?:\w{1,2}[ \t]+)?(?P<word>[A-Z][A-Z0-9$|!]{6,11})[^\w\n]{0,4}"
    r"(?:[ \t]+\w{1,2})?[^\w\n]{0,3}"
)


def _companion_lines(text: str, b_start: int, line_end: int) -> list[tuple[int, int, str]]:
    """A companion indicator alone on the nearest line that holds text over or under the
    banner's line (one blank line between allowed)."""
    lex = banner_lexicon()
    found: list[tuple[int, int, str]] = []
    line_start = text.rfind("\n", 0, b_start) + 1
    for lo, hi in (_line_after(text, line_end), _line_before(text, line_start)):
        if hi - lo < 6:
            continue
        m = _COMPANION_LINE.fullmatch(text, lo, hi)
        if m is None:
            continue
        letters = _fold_letters(m.group("word"), lex.fold)
        for key, name in _COMPANIONS.items():
            bound = len(key) // 4
            if abs(len(letters) - len(key)) <= bound and distance(letters, key, bound) <= bound:
                found.append((m.start("word"), m.end("word"), name))
                break
    return found


def _line_after(text: str, line_end: int) -> tuple[int, int]:
    """The next line holding text after the line ending at ``line_end`` (at most one blank
    line between), or an empty span."""
    pos = line_end + 1
    for _ in range(2):
        if pos > len(text):
            break
        nxt = text.find("\n", pos)
        nxt = len(text) if nxt < 0 else nxt
        if text[pos:nxt].strip():
            return pos, nxt
        pos = nxt + 1
    return 0, 0


def _line_before(text: str, line_start: int) -> tuple[int, int]:
    """The line holding text before the line starting at ``line_start`` (at most one blank
    line between), or an empty span."""
    end = line_start - 1
    for _ in range(2):
        if end < 0:
            break
        lo = text.rfind("\n", 0, end) + 1
        if text[lo:end].strip():
            return lo, end
        end = lo - 1
    return 0, 0


@lru_cache(maxsize=8192)
def _caption_chunk(chunk: str) -> tuple[tuple[int, int, str], ...]:
    """The damaged captions in the text after a banner (``chunk``): the rest of its line and
    the next two lines that hold text, when short (memoised: the lines under a page's banner
    recur from page to page)."""
    hint = _caption_hint()
    if hint is not None and not hint(chunk):
        # no word within one edit of a caption: the usual case; a line that is one word under
        # the banner may still be a caption with two damages
        return tuple(lone_captions(chunk))
    limit = banner_lexicon().max_line
    lines = chunk.split("\n", 8)
    found: list[tuple[int, int, str]] = []
    if len(lines[0]) > 3:
        found += _captions_at(lines[0], 0)
    pos, seen = len(lines[0]) + 1, 0
    for piece in lines[1:]:
        core = piece.strip()
        if core:
            if len(core) <= limit:
                found += _captions_at(piece, pos)
            seen += 1
            if seen == 2:
                break
        pos += len(piece) + 1
    return tuple(found or lone_captions(chunk))


def _captions_at(piece: str, lo: int) -> list[tuple[int, int, str]]:
    found = _captions_piece(piece)
    return [(lo + s, lo + e, w) for s, e, w in found] if found else []


@lru_cache(maxsize=1)
def _caption_hint():
    """A C-level test "some word here is within one edit of a caption" (Hyperscan's
    approximate matching, look-alikes as character classes, a speck or space between letters
    free), or None without Hyperscan."""
    if not HAS_HYPERSCAN:
        return None
    lex = banner_lexicon()
    groups: dict[str, set[str]] = {}
    for code, canon in lex.fold.items():
        groups.setdefault(canon, set()).add(chr(code))
    patterns = []
    for key in lex.captions:
        parts = []
        for ch in key:
            chars = sorted(groups.get(ch, set()) | {ch})
            parts.append("[" + "".join(re.escape(c) for c in chars) + "]")
        # a speck or a space between two letters is free, as for the banner words (a letter
        # in lower case is one edit here: lower-case words stay out of the cheap test)
        patterns.append(r"[^\w\n]?".join(parts))
    try:
        db = HyperscanDatabase(patterns, edit_distance=[max(lex.captions.values())] * len(patterns))
    except Exception:  # noqa: BLE001 - no approximate matching in this build: no pre-test
        return None

    def test(chunk: str) -> bool:
        hits: list[int] = []
        db.scan(chunk.encode("ascii", "replace"), lambda *_: hits.append(1))
        return bool(hits)

    return test


@lru_cache(maxsize=1)
def _phrase_hint():
    return FastScan(re.compile(_PHRASE_HINT), _PHRASE_HINT)


def phrase_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, phrase)`` of OCR-damaged control phrases (NO FOREIGN DISSEM …) in
    capitals anywhere in ``text`` that the rules missed: on the lines holding an intact piece
    of one, the run of two to four tokens whose folded letters lie within the phrase's bound."""
    lex = banner_lexicon()
    out: list[tuple[int, int, str]] = []
    done: set[int] = set()
    scanned = _scan(text)
    hints = [m.span() for m in _phrase_hint().finditer(text)] if scanned is None else scanned[1]
    for m_start, m_end in hints:
        if text.startswith("INAT", m_end) or any(m_start < e and s < m_end for s, e in taken):
            continue  # DISSEMINATION, or a phrase the rules found
        lo = text.rfind("\n", 0, m_start) + 1
        if lo in done:
            continue
        done.add(lo)
        hi = text.find("\n", m_end)
        hi = len(text) if hi < 0 else hi
        # the phrase may have been broken over lines: read the lines around it too
        block_lo = text.rfind("\n", 0, lo - 1) + 1 if lo else 0
        nxt = text.find("\n", hi + 1) if hi < len(text) else -1
        block_hi = hi if hi >= len(text) else (len(text) if nxt < 0 else nxt)
        # only the tokens near the intact piece: the phrase is at most some 25 characters long
        hit = _phrase_in(text, max(block_lo, m_start - 30), min(block_hi, m_end + 30), lex)
        if hit is None:
            continue
        claim(hit, out, taken)
    return out


def _phrase_in(text: str, lo: int, hi: int, lex: BannerLexicon) -> tuple[int, int, str] | None:
    """The best run of two to four tokens in ``text[lo:hi]`` read as a control phrase."""
    found = _phrase_in_piece(text[lo:hi])
    return None if found is None else (lo + found[0], lo + found[1], found[2])


@lru_cache(maxsize=4096)
def _phrase_in_piece(text: str) -> tuple[int, int, str] | None:
    lex = banner_lexicon()
    tokens = [t.span() for t in _TOKEN.finditer(text)]
    best: tuple[int, int, int, str] | None = None
    for i in range(len(tokens)):
        for k in range(i + 2, min(i + 4, len(tokens)) + 1):
            start, stop = tokens[i][0], tokens[k - 1][1]
            if stop - start > 40:
                break
            raw = text[start:stop]
            letters = _fold_letters(raw, lex.fold)
            for key, bound in lex.phrases.items():
                if abs(len(letters) - len(key)) > bound:
                    continue
                d = distance(letters, key, bound)
                if d <= bound and (best is None or d < best[2]) and _mostly_capitals(raw):
                    best = (start, stop, d, lex.phrase_names[key])
    if best is None:
        return None
    start, stop, _, phrase = best
    while stop > start and not text[stop - 1].isalnum():
        stop -= 1
    while start < stop and not text[start].isalnum():
        start += 1
    return start, stop, phrase


#: Form fields whose value is the document's level (a CIA information report's REPORT CLASS,
#: a form's CLASSIFICATION): the value stands in banner position.
_FIELD_LABELS = FIELD_LABELS  # (REP)ORT CLASS: OCR loses the line's start
_FIELD_GAP = re.compile(r"[ \t]*:?[ \t]*")
_FIELD_TOKEN = re.compile(r"[^\s\-]+")  # a hyphen glues the next field on ("T-9WARNING")


def field_findings(
    text: str, taken: list[tuple[int, int]], places: Places | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of a level word in OCR damage as a form field's value
    (``REPORT CLASS $ & C RE T``): the first one to five tokens after the label, within 16
    characters on its line, read as in banner position. ``places``: where the labels are,
    when the shared scan found them (``literals.py``)."""
    out: list[tuple[int, int, str]] = []
    for label in _FIELD_LABELS:
        for at in finds(text, label, places):
            lo = _FIELD_GAP.match(text, at + len(label)).end()
            hi = text.find("\n", lo)
            hi = len(text) if hi < 0 else hi
            hi = min(hi, lo + 16)
            if hi - lo < 4:
                continue
            hit = _field_value(text[lo:hi])
            if hit is None:
                continue
            claim((lo + hit[0], lo + hit[1], hit[2]), out, taken)
    for at in finds(text, "CLASSIFICATION", places):
        for hit in _form_values(text, at):
            claim(hit, out, taken)
    return out


#: The level as a records form writes it (the ARRB/NARA identification form prints it in title
#: case: "CLASSIFICATION : Secret"), any case the form uses.
_FORM_LEVEL = (
    r"(?:Top Secret|TOP SECRET|Secret|SECRET|Confidential|CONFIDENTIAL|Unclassified|UNCLASSIFIED)"
)
#: After the field label: the colon (OCR reads it as a semicolon), then a rule or a speck
#: ("CLASSIFICATION : _ Secret"), the level, and at its line's end nothing but scanner noise:
#: punctuation and one token of one or two characters ("Secret.", "Secret \\", "Unclassified Ji").
#: The form's next label on the same line ends it too (two columns read as one line).
_VALUE_AFTER = re.compile(
    rf"[ \t]*[:;][ \t_~—–\-.]*(?P<level>{_FORM_LEVEL})(?![A-Za-z])"
    r"(?=[^\w\n]*(?:\w{1,2}[^\w\n]*)?$|[ \t]+CLASSIFICATION[ \t]*[:;])",
    re.MULTILINE,
)
#: Before it: the form's two columns read as one line put the left column's value right
#: before the right column's label ("Secret CLASSIFICATION:"), at the line's start (a speck
#: or two before it) or after the left column's own label ("CLASSIFICATION; Secret
#: CLASSIFICATION:").
_VALUE_BEFORE = re.compile(
    rf"(?:^[^\w\n]{{0,3}}|CLASSIFICATION[ \t]*[:;][ \t]*)(?P<level>{_FORM_LEVEL})[ \t]+$",
    re.MULTILINE,
)


def _form_values(text: str, at: int) -> list[tuple[int, int, str]]:
    """The level written beside the form label ``CLASSIFICATION`` at ``at`` where scanner
    noise or the form's second column shares its line (the banner rule reads the clean field
    only): after the label, or before it where OCR read two columns as one line. Why: the
    identification form filed with every JFK-collection record (ARRB, NARA) states the
    record's original level in this field; a reviewer must see it."""
    if at and (text[at - 1].isalpha() or text[at - 1] == "_"):
        return []  # inside a longer word (DECLASSIFICATION) or a field name
    found: list[tuple[int, int, str]] = []
    end = at + len("CLASSIFICATION")
    m = _VALUE_AFTER.match(text, end)
    if m is not None:
        found.append((m.start("level"), m.end("level"), _LEVEL_NAME[m.group("level").upper()]))
    if _LABEL_COLON.match(text, end):
        lo = text.rfind("\n", 0, at) + 1
        b = _VALUE_BEFORE.search(text, lo, at)
        if b is not None:
            found.append((b.start("level"), b.end("level"), _LEVEL_NAME[b.group("level").upper()]))
    return found


_LABEL_COLON = re.compile(r"[ \t]*[:;]")
_LEVEL_NAME = {
    "TOP SECRET": "TOP SECRET",
    "SECRET": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "UNCLASSIFIED": "UNCLASSIFIED",
}


@lru_cache(maxsize=4096)
def _field_value(piece: str) -> tuple[int, int, str] | None:
    lex = banner_lexicon()
    tokens = [t.span() for t in _FIELD_TOKEN.finditer(piece)][:5]
    best = None
    for k in range(len(tokens), 0, -1):
        start, end = tokens[0][0], tokens[k - 1][1]
        raw = piece[start:end]
        if not _mostly_capitals(raw) or any(c.islower() for c in raw):
            continue
        letters = _fold_letters(raw, lex.fold)
        if not 5 <= len(letters) <= 14 or letters in lex.real_words:
            continue
        hit = banner_word(letters)
        if hit is not None and (best is None or hit[1] < best[3]):
            best = (start, end, hit[0], hit[1])
    return None if best is None else best[:3]


#: The CIA dispatch form (Form 53, 1950s-1970s) prints its level in a box right after the form's
#: name, on the first page and on every continuation page ("DISPATCH | SECRET | ABCD-12345").
#: OCR often loses the name's first letters ("PATCH", "PATGH") and reads the level in mixed
#: case ("SEcRFT", "SeC-R-E-T"); the clean level is a rule (rules/us/banners.yaml,
#: cia-dispatch-slot). Only a level stands in that box, so there the letters may lie one edit
#: further from SECRET than in banner position when they keep its first letter and its end.
_SLOT_LABELS = SLOT_LABELS
_SLOT_GAP = re.compile(r"[^\w\n]{0,4}")
_SLOT_TOKEN = re.compile(r"[^\s/|]+")  # a slash starts a caveat ("SECRET/RYBAT")
#: What follows the box on its line: nothing, a box rule or caveat, a speck, or the dispatch
#: symbol (letters and a number); a sentence ("DISPATCH SECRET COURIERS TO ...") goes on in words.
_SLOT_AFTER = re.compile(r"[^\S\n]*(?:\n|\Z|[^\w\s]|\S{1,3}(?:\s|\Z)|[A-Z]{2,5}\W{0,3}\d)")


def slot_findings(
    text: str, taken: list[tuple[int, int]], places: Places | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of a level in OCR damage in the dispatch form's level box: the
    first one or two tokens after the form's name, within 14 characters on its line.
    ``places``: where the names are, when the shared scan found them (``literals.py``)."""
    out: list[tuple[int, int, str]] = []
    for label in _SLOT_LABELS:
        for at in finds(text, label, places):
            end = at + len(label)
            before = text[at - 1] if at else " "
            if before.islower() or (end < len(text) and text[end].isalpha()):
                continue  # inside another word ("DISPATCHED", "Dispatch")
            lo = _SLOT_GAP.match(text, end).end()
            hi = text.find("\n", lo)
            hi = min(len(text) if hi < 0 else hi, lo + 14)
            hit = _slot_value(text[lo:hi])
            if hit is None:
                continue
            span = (lo + hit[0], lo + hit[1])
            if not _SLOT_AFTER.match(text, span[1]):
                continue
            claim((span[0], span[1], hit[2]), out, taken)
    return out


@lru_cache(maxsize=4096)
def _slot_value(piece: str) -> tuple[int, int, str] | None:
    """The nearest level among the first two tokens of the box (one, both, or the second
    alone where a speck of the box rule came first: "x SECRET")."""
    lex = banner_lexicon()
    tokens = [t.span() for t in _SLOT_TOKEN.finditer(piece)][:2]
    best = None
    for first, last in ((0, 1), (0, 0), (1, 1)):
        if last >= len(tokens):
            continue
        start, end = tokens[first][0], tokens[last][1]
        while end > start and not piece[end - 1].isalnum():
            end -= 1  # "SEC RE:": the box rule's speck is no part of the word
        if end == start:
            continue  # a token of rule or underscore only ("DISPATCH _")
        letters = _fold_letters(piece[start:end], lex.fold)
        if not 4 <= len(letters) <= 14 or letters in lex.real_words:
            continue
        hit = banner_word(letters)
        if hit is None and letters[0] == "S" and letters.endswith("ET"):
            d = distance(letters, "SECRET", 3)
            hit = ("SECRET", d) if d <= 3 else None
        if hit is not None and (best is None or hit[1] < best[3]):
            best = (start, end, hit[0], hit[1])
    return None if best is None else best[:3]
