"""OCR-damaged markings: approximate matches of long marking words, and stamp fragments.

Scanned records carry their markings as rubber stamps and form boxes that OCR reads badly
(``Unclassifed``, ``CLASSIFLED``, a stamp's lines interleaved with the text beside it). The
normalisation layer repairs one-for-one character confusions; this step tolerates a bounded
edit distance, but only where it is cheap and safe:

- anywhere in the text, a capitalised token within one edit per four letters of a long marking
  word (``CLASSIFIED``, ``CONFIDENTIAL`` …) that is not itself a real English word;
- anywhere, a marking word that OCR noise split in two (``CONF’ =NTIAL``): its first and last
  four letters or more intact, the gap about as wide as the letters it lost;
- in the few lines around a stamp the rules already found, the rest of that stamp: other
  marking words with a looser bound, and the stamp's fixed phrases (``Date of Declassification``,
  ``Category 3``, ``OTHERWISE`` carried over to the next line).

Word lists and bounds live in ``rules/lexicons/ocr_markings.yaml``. Only tokens that pass a
regex pre-check (a C-level scan) reach Python, and distances are cached per distinct token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redactcheck.catalog import BUILTIN
from redactcheck.detect.accel.fastscan import (
    FastScan,
    HyperscanStarts,
    ascii_view,
    hyperscan_starts,
)
from redactcheck.detect.edit_distance import distance as _distance
from redactcheck.detect.edit_distance import distance_py as _distance_py  # noqa: F401 (tests)
from redactcheck.detect.edit_distance import lower_elsewhere as _lower_elsewhere
from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings import (
    ocr_authority,
    ocr_banner,
    ocr_banner_copy,
    ocr_box_row,
    ocr_captions,
    ocr_case_level,
    ocr_cut_level,
    ocr_declass_line,
    ocr_form_level,
    ocr_impdet,
    ocr_lending_stamp,
    ocr_no_objection,
    ocr_noise_level,
    ocr_page_edge,
    ocr_phrases,
    ocr_portion,
    ocr_repeat,
    ocr_review_stamp,
    ocr_stamp_siblings,
)
from redactcheck.finding import Explanation, Hit

DAMAGED_ID = "MARKING-OCR-DAMAGED"
FRAGMENT_ID = "MARKING-STAMP-FRAGMENT"
#: Findings of rules with this role start a stamp block (and so do the findings of this module).
ANCHOR_ROLE = "stamp-anchor"
#: Findings of rules with this role are the lines of a classification authority block.
AUTHORITY_ROLE = "authority-block"

# Pre-check for the whole text: a capitalised token of plausible length holding a letter pair
# every standalone word keeps under light damage. Everything else never reaches Python.
_KEPT = r"(?:ssi|SSI|lass|LASS|fied|FIED|ntia|NTIA|dent|DENT|fide|FIDE)"
_CANDIDATE = re.compile(
    rf"[CUDE](?<![A-Za-z][CUDE])(?=[A-Za-z]{{8,18}}(?![A-Za-z]))[A-Za-z]{{0,12}}{_KEPT}[A-Za-z]*"
)
#: What RE2 looks for first (see detect/accel/fastscan.py): where a ``_CANDIDATE`` can start.
_CANDIDATE_LOOSE = rf"[CUDE][A-Za-z]{{0,12}}{_KEPT}"
# In a stamp block every capitalised token is looked at (the block is a few lines).
_BLOCK_TOKEN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{4,18}(?![A-Za-z])")
# What follows a stamp word on its line: up to three short tokens, single-spaced.
_TAIL = re.compile(r"(?:[ \t][^\s]{1,12}(?!\S)){0,3}")


# Two letter runs split by one to three characters of OCR noise (no letter, digit or line break).
# The first run opens like a standalone word (its first four letters, in capitals or as a
# capitalised word); ``_split_pattern`` builds the alternation from the word list.
# (The look-behind comes after the four letters so that ``re`` can skip ahead to them.)
_SPLIT_TEMPLATE = (
    r"((?:{prefixes})(?<![A-Za-z]....)[A-Za-z]{{0,14}})"  # the first run
    r"([^\w\n]{{1,3}})([A-Za-z]{{4,17}})(?![A-Za-z])"  # the noise, the second run
)


@dataclass(frozen=True, slots=True)
class OcrLexicon:
    words: tuple[str, ...]
    standalone: frozenset[str]
    real_words: frozenset[str]
    letters_per_edit: int
    block_letters_per_edit: int
    lines_before: int
    lines_after: int
    fragments: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def ocr_lexicon() -> OcrLexicon:
    data = load_lexicon("ocr_markings.yaml")
    return OcrLexicon(
        words=tuple(w.upper() for w in data["words"]),
        standalone=frozenset(w.upper() for w in data["standalone"]),
        real_words=frozenset(w.upper() for w in data["real_words"]),
        letters_per_edit=int(data["letters_per_edit"]),
        block_letters_per_edit=int(data["block_letters_per_edit"]),
        lines_before=int(data["block_lines_before"]),
        lines_after=int(data["block_lines_after"]),
        fragments=tuple(re.compile(p, re.MULTILINE) for p in data["stamp_block"]["fragments"]),
    )


@lru_cache(maxsize=8192)
def closest_word(token: str, letters_per_edit: int, same_initial: bool = False) -> str | None:
    """The marking word ``token`` is a damaged form of (exact spellings included), or None.

    A token that keeps a word's stem intact but changes its ending is a real derivative
    (``Declassifiers``, ``Reclassification``, ``Confidentiality``), not OCR damage.
    Memoised: three in four calls on the corpus repeat a token already seen (form labels,
    headings, the same capitalised words on every page)."""
    lex = ocr_lexicon()
    upper = token.upper()
    if upper in lex.real_words:
        return None
    best, best_d = None, 99
    for word in lex.words:
        if same_initial and upper[0] != word[0]:
            continue
        stem = word[: max(6, len(word) - 3)]
        if (
            upper != word
            and stem in upper
            and (upper[-2:] != word[-2:] or abs(len(upper) - len(word)) > 1)
        ):
            continue
        bound = len(word) // letters_per_edit
        d = _distance(upper, word, bound)
        if d <= bound and d < best_d:
            best, best_d = word, d
    return best


def _finding(rule_id: str, text: str, start: int, end: int, word: str, score: float) -> Hit:
    info = BUILTIN[rule_id]
    return Hit(
        rule_id=rule_id,
        category=info.category,
        entity=info.entity,
        severity=info.severity,
        score=score,
        start=start,
        end=end,
        text=text[start:end],
        message=info.message.format(word=word),
        system="us",
        detector="ocr-markings",
        details={"reads_as": word},
        explanation=Explanation("ocr-markings", score),
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def ocr_marking_findings(text: str, found: list[Hit]) -> list[Hit]:
    """Damaged marking words and stamp fragments that ``found`` (the rules' hits) misses."""
    lex = ocr_lexicon()
    taken = [(f.start, f.end) for f in found if f.category == "marking"]
    out: list[Hit] = []
    candidates, splits = _scans()
    starts = _starts()  # Hyperscan reads the one-byte view; without it FastScan uses RE2
    cand_starts, split_starts, case_starts = starts(ascii_view(text)) if starts else [None] * 3
    for m in candidates.finditer(text, cand_starts):
        token = m.group(0)
        if _overlaps(taken, *m.span()):
            continue
        word = closest_word(token, lex.letters_per_edit, same_initial=True)
        if word in lex.standalone and token.upper() != word and not _lower_elsewhere(text, token):
            out.append(_finding(DAMAGED_ID, text, m.start(), m.end(), word, 0.7))
            taken.append(m.span())
    for m in splits.finditer(text, split_starts):
        if _overlaps(taken, *m.span()):
            continue
        word = split_word(*m.groups())
        if word is not None:
            out.append(_finding(DAMAGED_ID, text, m.start(), m.end(), word, 0.65))
            taken.append(m.span())
    anchors = [
        f.start for f in found if ANCHOR_ROLE in f.roles or f.rule_id in (DAMAGED_ID, FRAGMENT_ID)
    ]
    anchors += [f.start for f in out]
    done: set[int] = set()  # line starts of blocks already read
    while anchors:
        pos = anchors.pop()
        for lo, hi in _block_lines(text, pos, lex):
            if lo in done:
                continue
            done.add(lo)
            for f in _fragments(text, lo, hi, taken, lex):
                taken.append((f.start, f.end))
                out.append(f)
                anchors.append(f.start)
    # In every text: a record whose only marking is a damaged banner is the one a reviewer
    # must not miss. Prose pays one Hyperscan pass; only its candidate lines reach Python.
    # Any length, SECRET included, where a banner stands: a short line of capitals (a banner,
    # not a declassification stamp: it starts no stamp block)
    banners = [f for f in found if f.entity == "CLASSIFICATION_BANNER"]
    levels = frozenset(filter(None, (_level_word(f.text) for f in banners)))
    damaged = ocr_banner.banner_findings(text, taken, levels)
    places = ocr_banner.shared_places(text)  # words the next steps need, from the same scan
    damaged += ocr_captions.field_findings(text, taken, places)  # "REPORT CLASS $ & C RE T"
    damaged += ocr_captions.slot_findings(text, taken, places)  # "DISPATCH | SEcRFT | ABCD-1234"
    damaged += ocr_box_row.box_row_findings(text, taken)  # "secret [] conrfidentiel (]"
    damaged += ocr_page_edge.page_edge_findings(text, taken)  # "7 Segrer" by a page marker
    for start, end, word in damaged:
        out.append(_finding(DAMAGED_ID, text, start, end, word, 0.7))
    # the record's own banner line again on its other pages, every word a little off
    found_banners = [(f.start, f.end) for f in banners]
    for start, end, word in ocr_banner_copy.banner_copy_findings(text, found_banners, taken):
        out.append(_finding(DAMAGED_ID, text, start, end, word, 0.65))
    # the level the text prints, again, where page noise ran onto its stamp line
    printed = levels | {word for _, _, word in damaged if word in _LEVEL_NAMES}
    printed |= ocr_repeat.title_case_banners(text, places)  # "Secret" alone atop every page
    for start, end, word in ocr_repeat.repeated_level_findings(text, taken, printed, places):
        out.append(_finding(DAMAGED_ID, text, start, end, word, 0.65))
    for start, end, word in ocr_form_level.form_level_findings(text, taken, printed, places):
        out.append(_finding(DAMAGED_ID, text, start, end, word, 0.6))  # in a form box's noise
    # captions and indicators beside a banner, damaged (LIMDTS, NOFORM)
    beside = [(f.start, f.end) for f in banners] + [(s, e) for s, e, _ in damaged]
    for start, end, word in ocr_captions.caption_findings(text, sorted(beside), taken):
        out.append(_finding(DAMAGED_ID, text, start, end, word, 0.65))
    # the control phrases of older records, damaged anywhere in the text
    for start, end, phrase in ocr_captions.phrase_findings(text, taken):
        out.append(_finding(DAMAGED_ID, text, start, end, phrase, 0.7))
    # fixed stamp and notice phrases, damaged or broken over lines
    phrase_hits = ocr_banner.phrase_anchors(text)  # from the banner step's scan of this text
    for start, end, phrase in ocr_phrases.phrase_findings(text, taken, phrase_hits):
        out.append(_finding(DAMAGED_ID, text, start, end, phrase, 0.7))
    # the FBI review stamp's HEREIN line cut short by the page edge
    for start, end, phrase in ocr_review_stamp.review_stamp_findings(text, taken):
        out.append(_finding(DAMAGED_ID, text, start, end, phrase, 0.65))
    # the CIA lending stamp's lines where none of them was found ("Ba Nol Reproduce")
    for start, end, phrase in ocr_lending_stamp.lending_stamp_findings(text, taken):
        out.append(_finding(DAMAGED_ID, text, start, end, phrase, 0.65))
    # the CIA no-objection stamp's first or last line alone, cut or damaged ("CIA HAS NO OBJEC")
    for start, end, phrase in ocr_no_objection.no_objection_findings(text, taken):
        out.append(_finding(DAMAGED_ID, text, start, end, phrase, 0.65))
    # portion marks whose letter OCR read as a digit or symbol, in a portion-marked record
    for start, end, mark in ocr_portion.damaged_portion_findings(text, taken):
        out.append(_finding(DAMAGED_ID, text, start, end, mark, 0.6))
    firsts = [(f.start, f.end) for f in found if AUTHORITY_ROLE in f.roles]
    for start, end, label in ocr_authority.authority_findings(text, taken):  # "CL BY: OS48?b"
        out.append(_finding(DAMAGED_ID, text, start, end, label, 0.6))
        firsts.append((start, end))
    # the block's declassification line under its first line, damaged ("SIFY 0N: 26.")
    for start, end, label in ocr_declass_line.declass_line_findings(text, firsts, taken):
        out.append(_finding(DAMAGED_ID, text, start, end, label, 0.6))
    for start, end, label in ocr_impdet.impdet_findings(text, taken):  # "E2 IMQOET" (invented)
        out.append(_finding(DAMAGED_ID, text, start, end, label, 0.6))
    # the other lines of a multi-line stamp or notice beside a line of it found above
    stamp_lines = [(f.start, f.end) for f in found if f.category == "marking"]
    stamp_lines += [(f.start, f.end) for f in out]
    for start, end, line in ocr_stamp_siblings.sibling_findings(text, stamp_lines, taken):
        out.append(_finding(DAMAGED_ID, text, start, end, line, 0.6))
    # last, so that every stamp phrase above keeps its own span: a level word on a line of
    # form noise, with no banner needed
    for start, end, word in ocr_noise_level.noise_level_findings(text, taken, places):
        out.append(_finding(DAMAGED_ID, text, start, end, word, 0.6))  # no banner: noise line
    for start, end, word in ocr_cut_level.cut_level_findings(text, taken, places):
        out.append(_finding(DAMAGED_ID, text, start, end, word, 0.6))  # "SECR" cut by an edge
    for start, end, word in ocr_case_level.case_level_findings(text, taken, case_starts):
        out.append(_finding(DAMAGED_ID, text, start, end, word, 0.6))  # "SecnET" in mixed case
    return out


_LEVEL_WORDS = (
    ("TOPSECRET", "TOP SECRET"),
    ("SECRET", "SECRET"),
    ("CONFIDENTIAL", "CONFIDENTIAL"),
    ("UNCLASSIFIED", "UNCLASSIFIED"),
)


_LEVEL_NAMES = frozenset(name for _, name in _LEVEL_WORDS)


@lru_cache(maxsize=4096)
def _level_word(banner: str) -> str | None:
    """The classification word a banner finding starts with (letters only, any spacing)."""
    letters = re.sub(r"[^A-Z]+", "", banner.upper())
    return next((name for key, name in _LEVEL_WORDS if letters.startswith(key)), None)


@lru_cache(maxsize=1)
def _scans() -> tuple[FastScan, FastScan]:
    """The two whole-text scans of this step, each started by RE2 (detect/accel/fastscan.py)."""
    return FastScan(_CANDIDATE, _CANDIDATE_LOOSE), FastScan(_split_pattern(), _split_heads())


@lru_cache(maxsize=1)
def _starts() -> HyperscanStarts | None:
    """Both scans' start offsets from one Hyperscan pass, where Hyperscan is installed, and
    the mixed-case step's (``ocr_case_level``: a filter there, any start within a word will do).

    It reports the leftmost start for each match end, which is every start these patterns
    need: a ``_CANDIDATE`` match begins a run of letters (its look-behind) and its loose part
    is letters only, so no other loose match ending at the same place starts before it; the
    split-word heads are all four letters long, so each occurrence has an end of its own."""
    return hyperscan_starts([_CANDIDATE_LOOSE, _split_heads(), ocr_case_level.LOOSE])


def _split_heads() -> str:
    """Where a split word starts: the first four letters of a standalone word."""
    heads = set()
    for word in ocr_lexicon().standalone:
        heads.add(word[:4])
        heads.add(word[0] + word[1:4].lower())
    return "|".join(sorted(heads))


@lru_cache(maxsize=1)
def _split_pattern() -> re.Pattern[str]:
    """Candidates for :func:`split_word`: only a first half that can open a standalone word.

    ``split_word`` needs the first half to be a prefix of four letters or more, in capitals or
    capitalised; any other capitalised word followed by punctuation ("Washington, Moscow")
    would only cost a Python call, and its match would hide a split word right after it.
    """
    return re.compile(_SPLIT_TEMPLATE.format(prefixes=_split_heads()))


def split_word(left: str, gap: str, right: str) -> str | None:
    """The standalone marking word that ``left gap right`` is a noise-split form of, or None.

    Both halves must be intact ends of the same word (prefix and suffix, four letters or more,
    not overlapping), and the whole no more than two characters off the word's length: one
    long word torn by a smudge, not two words that happen to share letters with one."""
    lex = ocr_lexicon()
    lu, ru = left.upper(), right.upper()
    if not ((left.isupper() and right.isupper()) or (left[1:].islower() and right.islower())):
        return None  # "CONF’ =NTIAL", "Confi- dential"; not "CONF nTIAL"
    for word in lex.standalone:
        if (
            word.startswith(lu)
            and word.endswith(ru)
            and len(lu) + len(ru) <= len(word)
            and abs(len(lu) + len(gap) + len(ru) - len(word)) <= 2
        ):
            return word
    return None


def _block_lines(text: str, pos: int, lex: OcrLexicon) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines around ``pos`` that may hold the rest of its stamp.

    Blank lines do not count: OCR puts them between a stamp's lines wherever the text beside
    the stamp has a paragraph break."""
    start = text.rfind("\n", 0, pos) + 1
    lines = [start]
    lo = start
    taken = 0
    while taken < lex.lines_before and lo > 0:
        lo = text.rfind("\n", 0, lo - 1) + 1
        lines.append(lo)
        taken += _non_blank(text, lo)
    hi = start
    taken = 0
    while taken < lex.lines_after:
        nxt = text.find("\n", hi)
        if nxt < 0:
            break
        hi = nxt + 1
        lines.append(hi)
        taken += _non_blank(text, hi)
    out = []
    for s in lines:
        e = text.find("\n", s)
        out.append((s, len(text) if e < 0 else e))
    return out


def _non_blank(text: str, start: int) -> bool:
    end = text.find("\n", start)
    return not text[start : len(text) if end < 0 else end].isspace() and start != end


#: A lower-case word after a token: the token begins a phrase of prose.
_PROSE_AFTER = re.compile(r"[ \t]+[a-z]{3,}")


def _prose_or_label(text: str, token: str, word: str, end: int) -> bool:
    """In a stamp block, an intact level word in title case before a lower-case word is prose
    ("Confidential sources referred to"), and CLASSIFICATION before a colon is a form's field
    label, which the annotation guide does not count as a marking."""
    if token.upper() != word:
        return False
    if word in _LEVEL_NAMES and token[1:].islower():
        return _PROSE_AFTER.match(text, end) is not None
    return word == "CLASSIFICATION" and text[end : end + 3].lstrip().startswith(":")


def _fragments(
    text: str, lo: int, hi: int, taken: list[tuple[int, int]], lex: OcrLexicon
) -> list[Hit]:
    out: list[Hit] = []
    line = text[lo:hi]
    for m in _BLOCK_TOKEN.finditer(line):
        s, e = lo + m.start(), lo + m.end()
        if _overlaps(taken, s, e):
            continue
        word = closest_word(m.group(0), lex.block_letters_per_edit)
        if word is None or _prose_or_label(text, m.group(0), word, e):
            continue
        tail = _TAIL.match(text, e, hi)
        end = e + len(tail.group(0).rstrip(" \t.,;:}|>")) if tail else e
        end = max(end, e)
        out.append(_finding(FRAGMENT_ID, text, s, end, word, 0.65))
        taken.append((s, end))
    for pattern in lex.fragments:
        for m in pattern.finditer(text, lo, hi):
            s, e = m.span()
            while s < e and not text[s].isalnum():
                s += 1
            if e > s and not _overlaps(taken, s, e):
                out.append(_finding(FRAGMENT_ID, text, s, e, m.group(0).strip(), 0.65))
                taken.append((s, e))
    return out
