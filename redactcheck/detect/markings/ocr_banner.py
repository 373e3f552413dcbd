"""OCR-damaged classification words in banner position, of any length (SECRET included).

A scanned page carries its classification stamped at the top and bottom, on a line of its own.
OCR reads those stamps worst of all (``SEGRET``, ``S-E-C-R~E-T``, ``CONF MENTIAL``,
``sUNCLASSIFIED``), and a short word such as SECRET cannot be matched approximately in running
text: one or two edits away lie SECURE, SACRED and SECT. In banner position it can. A line is
in banner position when it is short, starts with the damaged word (a few short tokens of noise
may follow it) and is mostly capital letters. There the line's first tokens, noise characters
dropped and look-alike characters folded together (``G`` for ``C``, ``0`` for ``O``), may lie a
bounded number of edits from a classification word. English words within that bound are never
read as damage, nor is a token the text also writes in lower case.

Bounds, look-alikes and the English words live in ``rules/lexicons/ocr_markings.yaml``.

The indicators that stand beside a banner (captions, control phrases, form fields) are in
:mod:`redactcheck.detect.markings.ocr_captions`.

Long because the banner word test and the line scans that feed it (Hyperscan, RE2, re) share
the lexicon and the folding table, and ``banner_findings`` needs its helpers beside it (the
option-box line, the best prefix of a line, the level the page prints elsewhere, and the
caption test that tells ``SECRET NOFORN`` from ``SECRET SERVICE``); taking them out would make
the two modules import each other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance.Levenshtein import distance as _levenshtein
from rapidfuzz.process import extractOne as _extract_one

from redactcheck.detect.accel.fastscan import HAS_HYPERSCAN, HyperscanDatabase, ascii_view
from redactcheck.detect.edit_distance import distance, lower_elsewhere
from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.literals import SHARED, Places
from redactcheck.detect.markings.ocr_phrases import near_anchors, phrase_lexicon
from redactcheck.detect.markings.taken import claim

# A short line that starts (after a little noise: a box edge, a quote, one stray character)
# with a capital or a look-alike: everything else never reaches Python. A leading newline, not
# ``^``, lets ``re`` jump from line break to line break.
_CANDIDATE = re.compile(
    r"\n[ \t]*(?:\S{1,2}[ \t]+)?[^\sA-Za-z0-9]{0,4}"
    r"(?P<body>(?:s[ ]?[A-Z]|[A-Z$5(\[{][A-Z0-9\-~\"”“])[^\n]{1,34})(?=\r?\n|\Z)"
)
_TOKEN = re.compile(r"\S+")
#: Tokens after the word that make the line a phrase, not a banner ("SECRET SERVICE").
_PHRASE_WORD = re.compile(r"[A-Z]{4,}|[a-z]{4,}")
#: Dissemination controls that may stand after a banner word on the same line.
_CONTROL_TAIL = frozenset({"NOFORN", "ORCON", "EYES", "ONLY", "SENSITIVE", "NODIS", "EXDIS"})


@dataclass(frozen=True, slots=True)
class BannerLexicon:
    max_line: int
    words: dict[str, int]  # folded word (no spaces) -> edit bound
    names: dict[str, str]  # folded word -> the word as printed
    fold: dict[int, str]
    real_words: frozenset[str]
    phrases: dict[str, int]  # folded phrase (letters only) -> edit bound
    phrase_names: dict[str, str]
    captions: dict[str, int]  # folded caption word -> edit bound
    caption_names: dict[str, str]
    caption_real_words: frozenset[str]


@lru_cache(maxsize=1)
def banner_lexicon() -> BannerLexicon:
    data = load_lexicon("ocr_markings.yaml")
    fold: dict[int, str] = {}
    for group in data["banner_confusions"]:
        for ch in group:
            fold[ord(ch)] = group[0].upper()
    words: dict[str, int] = {}
    names: dict[str, str] = {}
    for word, bound in data["banner_words"].items():
        key = _fold_letters(word.upper(), fold)
        words[key] = int(bound)
        names[key] = word.upper()
    return BannerLexicon(
        max_line=int(data["banner_max_line"]),
        words=words,
        names=names,
        fold=fold,
        real_words=frozenset(w.upper() for w in data["banner_real_words"]),
        phrases={_fold_letters(p.upper(), fold): int(b) for p, b in data["phrases"].items()},
        phrase_names={_fold_letters(p.upper(), fold): p.upper() for p in data["phrases"]},
        captions={_fold_letters(w, fold): int(b) for w, b in data["caption_words"].items()},
        caption_names={_fold_letters(w, fold): w for w in data["caption_words"]},
        caption_real_words=frozenset(
            _fold_letters(w.upper(), fold) for w in data["caption_real_words"]
        ),
    )


@lru_cache(maxsize=1)
def _token_table() -> dict[int, str | None]:
    """str.translate table: look-alikes folded, lower case raised, spaces kept, every other
    character dropped (one C-level call per candidate line)."""
    lex = banner_lexicon()
    table: dict[int, str | None] = {}
    for code in range(0x2100):
        ch = chr(code)
        if code in lex.fold:
            table[code] = lex.fold[code]
        elif ch in " \t":
            table[code] = " "
        elif ch.isascii() and ch.isalpha():
            table[code] = ch.upper()
        else:
            table[code] = None
    return table


@lru_cache(maxsize=65536)
def _may_hold_body(body: str) -> bool:
    """A candidate line's body may hold a damaged classification word (memoised: form labels
    and headings recur on every page)."""
    return _may_hold_word(body.translate(_token_table()))


def _may_hold_word(folded: str) -> bool:
    """Some run of the first tokens of a folded line (letters only, spaces between tokens)
    is within reach of a classification word: the cheap test before the exact one."""
    parts = folded.split()
    firsts = [0]  # up to two short tokens of noise before the word
    for i in range(min(2, len(parts) - 1)):
        if len(parts[i]) > 3:
            break
        firsts.append(i + 1)
    for first in firsts:
        run = ""
        for piece in parts[first : first + 3]:
            run += piece
            if len(run) > 16:
                break
            if len(run) >= 4 and _keeps_a_piece(run) and banner_word(run) is not None:
                return True
    return False


def _keeps_a_piece(run: str) -> bool:
    """A word within ``b`` edits keeps an intact piece of at least ``(len - b) / (b + 1)``
    letters of it (``b`` edits cut it in at most ``b + 1`` pieces): no such piece, no match."""
    return _pieces().search(run) is not None


@lru_cache(maxsize=1)
def _pieces() -> re.Pattern[str]:
    lex = banner_lexicon()
    out: set[str] = set()
    for key, bound in lex.words.items():
        n = max(2, -(-(len(key) - 1 - bound) // (bound + 1)))  # first letter may be lost
        out.update(key[i : i + n] for i in range(len(key) - n + 1))
    return re.compile("|".join(sorted(out)))


#: Everything but the ASCII capitals (one C-level pass instead of a loop per character).
_NOT_CAPITAL = re.compile(r"[^A-Z]+")


def _fold_letters(text: str, fold: dict[int, str]) -> str:
    """Look-alikes folded, then everything but capital letters dropped."""
    folded = text.translate(fold).upper()
    return _NOT_CAPITAL.sub("", folded)


@lru_cache(maxsize=65536)
def banner_word(letters: str) -> tuple[str, int] | None:
    """The classification word that folded ``letters`` are a damaged form of, with the edit
    distance; None when none is within its bound (or only by changing the first letter)."""
    lex = banner_lexicon()
    best: tuple[str, int] | None = None
    for key, bound in lex.words.items():
        if len(letters) < len(key) - 1:
            continue  # more than one letter lost: too little left to tell
        d = distance(letters, key, bound)
        if d > bound:
            continue
        if (
            letters[:1] != key[:1]
            and distance(letters, key[1:], 1) > 1
            and distance(letters[1:], key, 1) > 1
        ):
            continue  # a different first letter: another word, unless OCR lost that letter
            # or put a stray one in front of it ("sUNCLASSIFIED")
        if best is None or d < best[1]:
            best = (lex.names[key], d)
    return best


def banner_findings(
    text: str, taken: list[tuple[int, int]], levels: frozenset[str] = frozenset()
) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of damaged classification words in banner position, and of the
    classification words of an option-box line, that do not overlap ``taken`` (markings
    already found; extended with what this step finds).

    ``levels``: the classification words the text prints as banners already (page evidence).
    Where a text prints its level, a banner-position line cut short or read as another word
    (``EGRET``, ``ONFIDENTIA``) is that level again: see :func:`_evidence_prefix`."""
    lex = banner_lexicon()
    out: list[tuple[int, int, str]] = []
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    # the furthest end among the (up to) eight spans starting before each start, once
    ends = [e for _, e in spans]
    recent = [0] + [max(ends[max(0, i - 8) : i]) for i in range(1, len(spans) + 1)]
    lines = _candidate_lines(text, lex)
    missed: list[tuple[int, int]] = []
    for lo, hi in lines:
        line = text[lo:hi]
        if len(_BOX_HINT.findall(line.upper())) >= 2:
            boxes = _box_words(text, lo, hi)
            if boxes:
                boxes += _box_neighbours(text, lo, hi, {w for _, _, w in boxes})
                for hit in boxes:
                    claim(hit, out, taken)
                continue
        if len(line.strip()) > lex.max_line:
            continue
        i = bisect_left(starts, hi)  # spans starting before the line's end
        if i and recent[i] > lo:
            continue  # the rules found a marking on this line already
        hit = _best_prefix(text, lo, hi, lex) if _may_hold_body(line) else None
        if hit is None:
            missed.append((lo, hi))
            continue
        claim(hit, out, taken)
    levels = levels | {word for _, _, word in out}
    if levels:
        for lo, hi in missed:
            hit = _evidence_prefix(text, lo, hi, lex, levels)
            if hit is not None:
                claim(hit, out, taken)
    return out


#: A level word cut short keeps this share of its letters (``CONFIDEN``, ``UNCLASSIF``).
_PREFIX_SHARE = 0.6


def _evidence_prefix(
    text: str, lo: int, hi: int, lex: BannerLexicon, levels: frozenset[str]
) -> tuple[int, int, str] | None:
    """A banner-position line that is one of ``levels`` again, cut short or turned into
    another word by OCR, in a text that prints that level clearly elsewhere.

    The line must be the word alone (one or two tokens, a few characters of noise around
    it): a word within one edit of the level even if it is an English word or lost its first
    letter (``EGRET``, ``SECRETS``); for the long levels (CONFIDENTIAL, UNCLASSIFIED) a word
    that is no English word within two edits (``ONFIDENTIA``), or the level's first letters,
    at least three fifths of it (``CONFIDEN``). Short words two edits from SECRET are English
    too often (``BERET``, ``DEGREE``). A word the text also writes in lower case is an
    ordinary word there."""
    if hi - lo > 3 * lex.max_line:
        return None
    found = _evidence_line(text[lo:hi], levels)
    if found is None:
        return None
    start, end, word = lo + found[0], lo + found[1], found[2]
    token = text[start:end]
    if token.isalpha() and lower_elsewhere(text, token):
        return None
    return start, end, word


@lru_cache(maxsize=16384)
def _evidence_line(line: str, levels: frozenset[str]) -> tuple[int, int, str] | None:
    """:func:`_evidence_prefix` on the line alone (memoised: page headers and footers recur)."""
    lex = banner_lexicon()
    if len(line.strip()) > lex.max_line:
        return None
    tokens = [t.span() for t in _TOKEN.finditer(line)]
    if not tokens or len(tokens) > 4:
        return None
    words = [(s, e) for s, e in tokens if not _NOISE.fullmatch(line[s:e])]
    if not 1 <= len(words) <= 2:
        return None
    start, end = words[0][0], words[-1][1]
    raw = line[start:end]
    if not _mostly_capitals(raw) or any(ch.islower() for ch in raw):
        return None
    letters = _fold_letters(raw, lex.fold)
    if len(letters) < 4:
        return None
    real = _NOT_CAPITAL.sub("", raw.upper()) in lex.real_words
    for level in sorted(levels):
        key = _fold_letters(level, lex.fold)
        if abs(len(letters) - len(key)) > 4:
            continue
        d = distance(letters, key, 2)
        long_word = len(key) >= 10
        if (
            d <= 1
            or (d <= 2 and not real and long_word)
            or (
                not real
                and long_word
                and key.startswith(letters)
                and len(letters) >= int(_PREFIX_SHARE * len(key) + 0.999)
            )
        ):
            while start < end and not (line[start].isalnum() or ord(line[start]) in lex.fold):
                start += 1
            while end > start and not (line[end - 1].isalnum() or ord(line[end - 1]) in lex.fold):
                end -= 1
            return start, end, lex.names.get(key, level)
    return None


@lru_cache(maxsize=8192)
def _captions_piece(piece: str) -> tuple[tuple[int, int, str], ...]:
    """The damaged captions of one line piece (memoised: the lines under a page's banner
    recur on every page; the text itself is consulted only for the lower-case test, which
    a caption token in capitals alone on such a line passes)."""
    if _CAPS_RUN.search(piece) is None:
        return ()
    return tuple(_captions_in(piece, 0, len(piece), banner_lexicon()))


_CAPS_RUN = re.compile(r"[A-Z$|!015]{3}")


def _captions_in(text: str, lo: int, hi: int, lex: BannerLexicon) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    tokens = list(_TOKEN.finditer(text, lo, hi))
    for i, t in enumerate(tokens):
        raw = t.group(0).strip(_EDGE)
        if i + 1 < len(tokens) and not any(s <= t.start() < e for s, e, _ in found):
            torn = _torn_caption(text, t, tokens[i + 1], lex)
            if torn is not None:  # "NOFO RN", "ORC O.N": one caption torn by a space
                found.append(torn)
                continue
        if not 4 <= len(raw) <= 12 or not _caption_case(raw):
            continue  # capitals (digits and look-alikes allowed), one read in lower case at most
        letters = _fold_letters(raw, lex.fold)
        if not 4 <= len(letters) <= 11:
            continue
        if letters in lex.caption_real_words:
            continue  # an English word
        if letters in lex.captions:
            if raw == lex.caption_names[letters]:
                continue  # a clean caption: the rules' business
            best = (letters, 0)  # its letters, with a speck among them or one in lower case
        else:
            best = _extract_one(letters, _caption_keys(), scorer=_levenshtein, score_cutoff=1)
        if best is None:
            continue
        start = t.start() + t.group(0).find(raw)
        if raw.isalpha() and lower_elsewhere(text, raw):
            continue
        found.append((start, start + len(raw), lex.caption_names[best[0]]))
    return found


def _torn_caption(text: str, first, second, lex: BannerLexicon) -> tuple[int, int, str] | None:
    """A caption OCR tore in two short tokens with a space (``first``, ``second``: the
    tokens' matches), within the same bound as a whole token; None when either token reads
    as a caption or a word of its own, or the pair is no caption."""
    a, b = first.group(0).strip(_EDGE), second.group(0).strip(_EDGE)
    if not a or not b or len(a) + len(b) > 11 or min(len(a), len(b)) > 5:
        return None
    if any(sum(c.isalpha() for c in p) <= sum(c.isdigit() for c in p) for p in (a, b)):
        return None  # a number beside a word ("EXT. 4617"), not a torn word
    raw = text[first.start() + first.group(0).find(a) : second.start() + len(b)]
    if not _caption_case(a + b):
        return None
    letters = _fold_letters(a + b, lex.fold)
    if not 4 <= len(letters) <= 11 or letters in lex.caption_real_words:
        return None
    if _fold_letters(a, lex.fold) in lex.captions or _fold_letters(b, lex.fold) in lex.captions:
        return None  # two captions side by side ("NODIS EXDIS" is two, not one torn)
    if letters in lex.captions:
        best = (letters, 0)
    else:
        best = _extract_one(letters, _caption_keys(), scorer=_levenshtein, score_cutoff=1)
    if best is None:
        return None
    start = first.start() + first.group(0).find(a)
    return start, start + len(raw), lex.caption_names[best[0]]


def _caption_case(raw: str) -> bool:
    """Capitals, digits and look-alikes, with at most one letter OCR read in lower case
    ("LIMDiS": a typed capital whose top the ribbon left faint); a word in title or lower
    case is prose."""
    lower = sum(ch.islower() for ch in raw)
    return lower == 0 and raw.isupper() or lower == 1 and len(raw) >= 5 and not raw[1:].islower()


@lru_cache(maxsize=1)
def _caption_keys() -> tuple[str, ...]:
    return tuple(banner_lexicon().captions)


# Option boxes of a routing or record sheet print every level on one line ("[] SECRET
# [] CONFIDENTIAL [] INTERNAL USE ONLY [] UNCLASSIFIED", CIA Form 610): the line names two
# levels or more and little else. Each level word there is a marking, in any OCR damage the
# banner test accepts, and so is INTERNAL (USE ONLY).
_BOX_HINT = re.compile(r"SEC|CONF|CLASS|INTERNAL|NTIAL")
_BOX_NOISE_WORDS = 2  # other words of four letters or more the line may hold
_EDGE = "\"'“”‘’.,:;!?()[]{}|-_~*=—–"


_TITLE_LEVELS = frozenset({"Secret", "Confidential", "Unclassified"})


def _box_words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    lex = banner_lexicon()
    found: list[tuple[int, int, str]] = []
    words: set[str] = set()
    others = 0
    tokens = list(_TOKEN.finditer(text, lo, hi))
    skip = -1
    for i, t in enumerate(tokens):
        if i <= skip:
            continue
        raw = t.group(0)
        core = raw.strip(_EDGE)
        if not core:
            continue
        start = t.start() + raw.find(core)
        if i + 1 < len(tokens):
            torn = split_level(text[start : tokens[i + 1].end()].rstrip(_EDGE))
            if torn is not None:  # "CON” NTIAL": one word torn in two tokens
                end = tokens[i + 1].start() + len(tokens[i + 1].group(0).rstrip(_EDGE))
                found.append((start, end, torn))
                words.add(torn)
                skip = i + 1
                continue
        run_on = _run_on_level(core)
        if run_on is not None:  # "ZQUNCLASSIFIED": the box edge read into the word
            end = start + len(core)
            found.append((end - len(run_on), end, run_on))
            words.add(run_on)
            continue
        letters = _fold_letters(core, lex.fold)
        if core.upper() in ("INTERNAL", "INTERNAL USE"):
            found.append((start, start + len(core), "INTERNAL USE ONLY"))
            words.add("INTERNAL")
            continue
        hit = banner_word(letters) if 5 <= len(letters) <= 14 else None
        title = core in _TITLE_LEVELS  # "Secret" printed clean among the boxes
        if hit is not None and (_mostly_capitals(core) or title) and letters not in lex.real_words:
            found.append((start, start + len(core), hit[0]))
            words.add(hit[0])
        elif sum(ch.isalpha() for ch in core) >= 4:
            others += 1
    if len(words) < 2 or others > _BOX_NOISE_WORDS:
        return []
    taken = [(s, e) for s, e, _ in found]
    rest = [t for t in tokens if not any(s < t.end() and t.start() < e for s, e in taken)]
    return found + _box_options(text, rest, words)


#: How far a box row's options may be carried to the lines beside it (OCR puts a row printed
#: across the form's foot over two lines, often with a blank line between).
_NEIGHBOUR_BREAKS = 3
_NEIGHBOUR_LINE = 60


def _box_neighbours(text: str, lo: int, hi: int, words: set[str]) -> list[tuple[int, int, str]]:
    """The options of a box row that OCR moved to the next non-blank line above or below it
    (within ``_NEIGHBOUR_BREAKS`` line breaks): such a line is short and every word of four
    letters or more on it decodes to an option."""
    found: list[tuple[int, int, str]] = []
    for a, b in (_next_line(text, lo, -1), _next_line(text, hi, 1)):
        if a < 0 or len(text[a:b].strip()) > _NEIGHBOUR_LINE:
            continue
        tokens = list(_TOKEN.finditer(text, a, b))
        hits = _box_options(text, tokens, set(words))
        wordy = [t for t in tokens if sum(ch.isalpha() for ch in t.group(0)) >= 4]
        covered = [t for t in wordy if any(s < t.end() and t.start() < e for s, e, _ in hits)]
        if hits and len(covered) == len(wordy):
            found.extend(hits)
    return found


def _next_line(text: str, at: int, step: int) -> tuple[int, int]:
    """``(start, end)`` of the first non-blank line above (``step`` -1, ``at`` a line's start)
    or below (``step`` 1, ``at`` a line's end) within ``_NEIGHBOUR_BREAKS`` line breaks, or
    ``(-1, -1)``."""
    pos = at
    for _ in range(_NEIGHBOUR_BREAKS):
        if step < 0:
            if pos <= 0:
                return -1, -1
            end = pos - 1
            start = text.rfind("\n", 0, end) + 1
            pos = start
        else:
            if pos >= len(text):
                return -1, -1
            start = pos + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            pos = end
        if text[start:end].strip():
            return start, end
    return -1, -1


# The closed set of options a classification box row prints (CIA Form 610 and the cover and
# routing sheets of its kind: SECRET, CONFIDENTIAL, INTERNAL USE ONLY, UNCLASSIFIED). Once a
# line is known to be such a row, a word there can only be one of them, so a word nearer to
# one option than to any other, within half its letters, is that option in whatever damage
# OCR left it ("INTERNAL" with three letters misread). SECRET is short: two edits at most.
_BOX_OPTIONS = {
    "SECRET": ("SECRET", 2),
    "CONFIDENTIAL": ("CONFIDENTIAL", 6),
    "UNCLASSIFIED": ("UNCLASSIFIED", 6),
    "INTERNAL": ("INTERNAL USE ONLY", 4),
    "USEONLY": ("INTERNAL USE ONLY", 3),
    "INTERNALUSEONLY": ("INTERNAL USE ONLY", 6),
}

_BOX_PHRASES = frozenset({"USEONLY", "INTERNALUSEONLY"})


def _box_options(text: str, tokens: list[re.Match[str]], words: set[str]) -> list:
    """``(start, end, word)`` of the words among ``tokens`` (those of a box row, or of a line
    beside one, not yet read as a level) that decode to one of the row's options."""
    lex = banner_lexicon()
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        core = t.group(0).strip(_EDGE)
        letters = _fold_letters(core, lex.fold)
        best = _box_option(letters) if len(letters) >= 5 else None
        width = 1
        if i + 1 < len(tokens) and 2 <= len(letters) <= 8:
            nxt = tokens[i + 1]
            joined = letters + _fold_letters(nxt.group(0).strip(_EDGE), lex.fold)
            pair = _box_option(joined) if "\n" not in text[t.end() : nxt.start()] else None
            if pair is not None and pair[2] and (best is None or pair[1] < best[1]):
                best, width = pair, 2  # "USE 0NLY": the option in two tokens
        if best is not None and core.upper() not in lex.real_words:
            start = t.start() + t.group(0).find(core)
            last = tokens[i + width - 1]
            end = last.start() + len(last.group(0).rstrip(_EDGE))
            found.append((start, end, best[0]))
            words.add(best[0])
        i += width
    return found


@lru_cache(maxsize=4096)
def _box_option(letters: str) -> tuple[str, int, bool] | None:
    """The option ``letters`` (folded) is nearest to, its distance, and whether that form of
    it is printed as two words or more, when it is within that option's bound and strictly
    nearer to it than to any other option."""
    scored = sorted(
        (distance(letters, key, 8), name, bound, key in _BOX_PHRASES)
        for key, (name, bound) in _BOX_OPTIONS.items()
        if abs(len(key) - len(letters)) <= 3
    )
    if not scored or scored[0][0] > scored[0][2]:
        return None
    rivals = [d for d, name, _, _ in scored[1:] if name != scored[0][1]]
    if rivals and rivals[0] <= scored[0][0]:
        return None
    return scored[0][1], scored[0][0], scored[0][3]


_RUN_ON_LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")


def _run_on_level(core: str) -> str | None:
    """The level word that ends ``core`` in clean capitals, OCR having read the box's edge or
    the field before it into the same token (``ZQUNCLASSIFIED``, ``]xSECRET``); among an
    option-box line's words only, where no English word runs into a level."""
    for word in _RUN_ON_LEVELS:
        if len(core) > len(word) and core.endswith(word):
            head = core[: -len(word)]
            if word == "SECRET" and head.upper().endswith("TOP"):
                return None  # TOPSECRET: the rules' run-together banner
            return word
    return None


_RUNS = re.compile(r"^([A-Z]{3,})([^A-Za-z0-9\n]{1,3})([A-Z]{3,})$")


def split_level(raw: str) -> str | None:
    """The classification word that ``raw`` is, torn in two by a smudge (``CON” NTIAL``):
    two runs of capitals, the first a prefix of the word and the second a suffix of it,
    split by one to three characters of noise, the whole within two characters of the
    word's length (the noise stands for the letters it covers)."""
    m = _RUNS.match(raw)
    if m is None:
        return None
    left, gap, right = m.groups()
    for word in ("CONFIDENTIAL", "UNCLASSIFIED", "SECRET"):
        if (
            word.startswith(left)
            and word.endswith(right)
            and len(left) + len(right) < len(word)
            and abs(len(left) + len(gap) + len(right) - len(word)) <= 2
        ):
            return word
    return None


def _candidate_lines(text: str, lex: BannerLexicon) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines (up to three banner lengths) that may hold a damaged
    classification word.

    With Hyperscan: one scan of the one-byte view for the words themselves, look-alikes as
    character classes, a separator allowed between letters, within the words' edit bounds
    (Hyperscan's approximate matching); only the lines holding such a match are read in
    Python. Without it: a regex for short lines opening with capitals, and a cheap test."""
    scanned = _scan(text)
    if scanned is None:
        return _candidate_lines_re(text, lex)
    lines: list[tuple[int, int]] = []
    seen: set[int] = set()
    longest = 3 * lex.max_line
    size = len(text)
    lo = hi = -1
    for end in scanned[0]:
        if lo <= end <= hi:
            continue  # on the line just read (Hyperscan reports ends in order)
        lo = text.rfind("\n", 0, end) + 1
        hi = text.find("\n", end)
        hi = size if hi < 0 else hi
        if lo in seen:
            continue
        seen.add(lo)
        if hi - lo <= longest or len(text[lo:hi].strip()) <= longest:
            lines.append((lo, hi))
    return sorted(lines)


def _candidate_lines_re(text: str, lex: BannerLexicon) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer("\n" + text):  # the newline lets the first line match too
        body = m.group("body")
        if len(body.rstrip()) <= lex.max_line and _may_hold_body(body):
            lines.append((text.rfind("\n", 0, m.start("body") - 1) + 1, m.end("body") - 1))
    return lines


#: What :func:`_scan` finds in a text: approximate banner word ends, control-phrase hints,
#: stamp-phrase anchors, and the words of ``literals.SHARED``.
Scanned = tuple[list[int], list[tuple[int, int]], list[tuple[int, int]], Places]
#: The last text scanned and what :func:`_scan` found in it (banner and phrase steps share it).
_LAST: tuple[str | None, Scanned] = (None, ([], [], [], {}))


def _scan(text: str) -> Scanned | None:
    """One Hyperscan pass over ``text`` for four steps: the sorted end offsets of approximate
    banner word matches, the ``(start, end)`` of the control-phrase hints as ``finditer`` of
    ``_PHRASE_HINT`` gives them, the ``(start, anchor index)`` of every stamp-phrase
    anchor (``ocr_phrases``; unsorted, as its own scan gave them), and the ascending start of
    every occurrence of each word of ``literals.SHARED`` (the level words, the form labels:
    see that module). None without Hyperscan. The last text's result is kept, so the
    banner, caption, phrase, form and repeated-level steps scan it once."""
    global _LAST
    built = _word_scan()
    if built is None:
        return None
    last = _LAST
    if last[0] is text:
        return last[1]
    scan, words, first_anchor, first_word, first_near = built
    ends: list[int] = []
    hints: list[tuple[int, int]] = []
    anchors: list[tuple[int, int]] = []
    words_at: list[int] = []  # end << 5 | word index (reported by end: starts ascend)
    add_end, add_hint, add_anchor = ends.append, hints.append, anchors.append
    add_word = words_at.append
    anchor_lengths = phrase_lexicon().anchor_lengths
    near = near_anchors()

    def on_match(i: int, _start: int, end: int, _flags: int, _ctx: object) -> None:
        if i < words:
            add_end(end)
        elif i < first_anchor:
            add_hint((end - _HINT_LENGTHS[i - words], i - words))
        elif i < first_word:
            i -= first_anchor
            add_anchor((end - anchor_lengths[i], i))
        elif i < first_near:
            add_word(end << 5 | (i - first_word))
        else:
            i = near[i - first_near]
            add_anchor((end - anchor_lengths[i], i))

    scan(ascii_view(text), on_match)
    ends.sort()
    found = (ends, _leftmost_first(hints), anchors, _places(words_at))
    _LAST = (text, found)
    return found


def _places(hits: list[int]) -> Places:
    """Start offsets per shared word, ascending, from ``end << 5 | word index`` hits."""
    out: Places = {}
    for hit in hits:
        word = SHARED[hit & 31]
        out.setdefault(word, []).append((hit >> 5) - len(word))
    return out


def shared_places(text: str) -> Places | None:
    """Where each word of ``literals.SHARED`` occurs in ``text`` (every occurrence, part of
    a longer word or not: the steps judge), from the shared scan; None without Hyperscan."""
    scanned = _scan(text)
    return None if scanned is None else scanned[3]


def phrase_anchors(text: str) -> list[tuple[int, int]] | None:
    """``(start, anchor index)`` of the stamp-phrase anchors in ``text`` from the shared scan
    (``ocr_phrases.phrase_findings`` takes them as ``hits``), or None without Hyperscan."""
    scanned = _scan(text)
    return None if scanned is None else scanned[2]


def _leftmost_first(hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the matches ``re.finditer`` gives for the alternation of the hint
    pieces, from every ``(start, piece)`` occurrence: at each start the first piece in the
    alternation wins, and the search goes on after it (the pieces have fixed lengths)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for start, piece in sorted(hits):
        if start < pos:
            continue  # inside the previous match, or a later piece at the same start
        pos = start + _HINT_LENGTHS[piece]
        out.append((start, pos))
    return out


@lru_cache(maxsize=1)
def _word_scan():
    """``(scan(view, on_match), n, m, k)`` for a Hyperscan database of the banner words (ids
    below ``n``, within their edit bounds), then the phrase hint pieces (exact, ids below
    ``m``), then the stamp-phrase anchors of ``ocr_phrases`` (exact, the patterns its own
    database would hold, so the same matches: Hyperscan reports every match of every pattern
    of a database, whatever else the database holds; ids below ``k``), then the words of
    ``literals.SHARED`` (literal text, exact), or None."""
    if not HAS_HYPERSCAN:
        return None
    lex = banner_lexicon()
    groups = {}
    for code, canon in lex.fold.items():
        groups.setdefault(canon, set()).add(chr(code))
    sep = r"[^\w\n]?"
    patterns, bounds = [], []
    for key, bound in lex.words.items():
        if any(other != key and other in key for other in lex.words):
            continue  # TOP SECRET: its line is a candidate through SECRET already
        parts = []
        for ch in key:
            chars = sorted(groups.get(ch, set()) | {ch})
            parts.append("[" + "".join(re.escape(c) for c in chars) + "]")
        patterns.append(sep.join(parts))
        bounds.append(bound)
    words = len(patterns)
    patterns += _HINT_PIECES
    first_anchor = len(patterns)
    patterns += phrase_lexicon().anchors
    first_word = len(patterns)
    assert len(SHARED) <= 32  # a hit packs the word's index in five bits (``_scan``)
    patterns += [re.escape(word) for word in SHARED]
    bounds += [0] * (len(patterns) - words)
    first_near = len(patterns)
    anchors = phrase_lexicon().anchors
    patterns += [anchors[i] for i in near_anchors()]
    bounds += [1] * (len(patterns) - first_near)
    try:
        db = HyperscanDatabase(patterns, edit_distance=bounds)
    except Exception:  # noqa: BLE001 - no approximate matching in this build: use re
        return None
    return db.scan, words, first_anchor, first_word, first_near


# Where a damaged control phrase can be: one of its rarer pieces survived intact (RE2 finds
# these; Python then reads the line).
_HINT_PIECES = [
    r"DISSEM",
    r"[I1l|]SSEM",
    r"ABR[O0]AD",
    r"KGR[O0]UND",
    r"USE [O0]NLY",
    r"[YV][E3][S5] [O0]NLY",  # (E)YES ONLY with its Y read as V
]
_PHRASE_HINT = "|".join(_HINT_PIECES)
#: Each piece's length (one character per class): Hyperscan reports ends, the start follows.
_HINT_LENGTHS = [len(re.sub(r"\[[^\]]*\]", "x", p)) for p in _HINT_PIECES]


def _best_prefix(text: str, lo: int, hi: int, lex: BannerLexicon) -> tuple[int, int, str] | None:
    """The first one to three tokens of the line ``text[lo:hi]`` read as a classification
    word, when the rest of the line is noise and the tokens are mostly capitals."""
    tokens = [t.span() for t in _TOKEN.finditer(text, lo, hi)]
    if len(tokens) > 6:
        return None
    best: tuple[int, int, str, int] | None = None
    # the word may follow up to two tokens of scanner noise (a box edge, "Loe :", "~")
    firsts = [0]
    for i in range(min(2, len(tokens) - 1)):
        if not _NOISE.fullmatch(text[tokens[i][0] : tokens[i][1]]):
            break
        firsts.append(i + 1)
    for first, k in ((f, k) for f in firsts for k in range(f + 1, min(f + 3, len(tokens)) + 1)):
        start, end = tokens[first][0], tokens[k - 1][1]
        raw = text[start:end]
        letters = _fold_letters(raw, lex.fold)
        if not 4 <= len(letters) <= 14:
            continue
        if not _mostly_capitals(raw):
            continue
        if _NOT_CAPITAL.sub("", raw.upper()) in lex.real_words:
            continue
        hit = banner_word(letters)
        if hit is None:
            continue
        rest = [text[s:e] for s, e in tokens[k:]]
        if any(
            _PHRASE_WORD.fullmatch(t) and t not in _CONTROL_TAIL and not _captions_piece(t)
            for t in rest
        ):
            continue  # "SECRET SERVICE", "Secret agents": a phrase
        word, d = hit
        if best is None or d < best[3]:
            best = (start, end, word, d)
    if best is None:
        return None
    start, end, word, _ = best
    # the span starts and ends at a letter, a digit or a look-alike ("“SEGRET" -> "SEGRET")
    while start < end and not (text[start].isalnum() or ord(text[start]) in lex.fold):
        start += 1
    while end > start and not (text[end - 1].isalnum() or ord(text[end - 1]) in lex.fold):
        end -= 1
    token = text[start:end]
    exact = token.upper() == word.replace(" ", "") or token.upper() == word
    if not exact and token.isalpha() and lower_elsewhere(text, token):
        return None  # written in lower case elsewhere: an ordinary word in this text
    return start, end, word


#: A token of scanner noise before a banner word: up to three characters, no two capitals.
_NOISE = re.compile(r"(?![^\n]*[A-Z]{2})\S{1,3}")


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def _mostly_capitals(raw: str) -> bool:
    """At least three ASCII capitals, and no fewer capitals than lower-case letters."""
    upper = len(_UPPER.findall(raw))
    return upper >= 3 and upper >= len(_LOWER.findall(raw))
