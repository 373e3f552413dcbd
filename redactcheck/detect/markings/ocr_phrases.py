"""Fixed stamp and notice phrases read approximately, across line breaks (issue 17).

The control and release stamps of older records are fixed wordings (``WARNING NOTICE -
SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED``, the CIA no-objection stamp, the JFK Act
release line, ``NO FOREIGN DISSEM``). On a scan OCR breaks them over lines wherever the stamp
sat, reads a letter as a digit (``METH0DS``, ``ASSASS1NATION``) or drops one. The rules match
the clean wordings; this step reads the damaged ones by a bound that grows with the phrase
(one edit per ``letters_per_edit`` letters), on the letters alone: spaces, punctuation and line
breaks are free, look-alike characters fold together (``rules/lexicons/ocr_markings.yaml``,
``banner_confusions``).

Where to look: each phrase names anchor words, and a damaged phrase keeps at least one of them
intact (look-alikes allowed). One Hyperscan pass (a regex without it) finds the anchors in
capitals; around each, rapidfuzz aligns the phrase with the folded letters (C++), and Python
only maps the best alignment back to the text. A span must be mostly capitals: prose that
quotes a notice in lower case is left to the rules.

Stamps printed in mixed case over several lines (the Group 1 exclusion stamp) are read by
:mod:`ocr_stamp_lines`, whose findings this step returns with its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from redactcheck.detect.accel.fastscan import HAS_HYPERSCAN, HyperscanDatabase, ascii_view
from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings.english_words import english_capitals
from redactcheck.detect.markings.ocr_stamp_lines import stamp_line_findings
from redactcheck.detect.markings.word_align import WordPhrase, banner_fold, phrase_words, read_words


@dataclass(frozen=True, slots=True)
class Phrase:
    name: str  # as printed
    letters: str  # folded letters
    bound: int
    before: int  # letters of the phrase before its first anchor (to size the window)
    words: tuple[str, ...]  # its words of four letters or more, as printed
    not_before: tuple[str, ...] = ()  # a next word (its start) that makes it something else
    own_line: bool = False  # reported only alone on its line (a few noise characters aside)
    heading: str = ""  # a first line printed as a heading of its own: reported apart from the rest
    by_words: bool = True  # read word by word where the letters fail (word_align.py)


@dataclass(frozen=True, slots=True)
class PhraseLexicon:
    phrases: tuple[Phrase, ...]
    anchors: tuple[str, ...]  # anchor patterns (one character class per letter)
    anchor_lengths: tuple[int, ...]
    anchor_words: tuple[str, ...]
    owners: tuple[tuple[int, ...], ...]  # per anchor: the phrases it belongs to
    fold: dict[int, str]


_NOT_CAPITAL = re.compile(r"[^A-Z]+")


def _words(phrase: str, key: str, values: object) -> tuple[str, ...]:
    """A list of words from the lexicon, every item a string: unquoted YAML reads ON, NO, YES
    and OFF as booleans, which would make ``startswith`` fail on every text."""
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"ocr_markings.yaml, {phrase!r}: {key} must be a list of quoted words")
    return tuple(values)


@lru_cache(maxsize=1)
def phrase_lexicon() -> PhraseLexicon:
    data = load_lexicon("ocr_markings.yaml")
    section = data["stamp_phrases"]
    per_edit = int(section["letters_per_edit"])
    fold = dict(banner_fold())
    groups: dict[str, set[str]] = {}
    for code, canon in fold.items():
        groups.setdefault(canon, set()).add(chr(code))
    phrases: list[Phrase] = []
    anchors: dict[str, list[int]] = {}
    for entry in section["phrases"]:
        name = entry["phrase"]
        letters = _fold(name, fold)
        first = min(letters.find(_fold(a, fold)) for a in entry["anchors"])
        bound = int(entry.get("edits", max(1, len(letters) // per_edit)))
        words = tuple(w for w in re.findall(r"[A-Z]{4,}", name.upper()))
        phrases.append(
            Phrase(
                name,
                letters,
                bound,
                first,
                words,
                _words(name, "not_before", entry.get("not_before", ())),
                bool(entry.get("own_line", False)),
                str(entry.get("heading", "")),
                "edits" not in entry and bool(entry.get("by_words", True)),
            )
        )
        for anchor in entry["anchors"]:
            key = anchor.upper()
            # a long anchor word also counts by its first five letters where OCR broke it
            # ("HANDL ING"): such a head is used only when no capital follows it
            for piece in (key, key[:5]) if len(key) >= 8 else (key,):
                owners = anchors.setdefault(piece, [])
                if len(phrases) - 1 not in owners:
                    owners.append(len(phrases) - 1)
    patterns = []
    for key in anchors:
        parts = []
        for ch in key:
            canon = fold.get(ord(ch), ch)
            chars = sorted(groups.get(canon, set()) | {ch})
            parts.append("[" + "".join(re.escape(c) for c in chars) + "]")
        patterns.append("".join(parts))
    return PhraseLexicon(
        phrases=tuple(phrases),
        anchors=tuple(patterns),
        anchor_lengths=tuple(len(k) for k in anchors),
        anchor_words=tuple(anchors),
        owners=tuple(tuple(v) for v in anchors.values()),
        fold=fold,
    )


@lru_cache(maxsize=1)
def _letters_table() -> dict[int, str | None]:
    """str.translate table: look-alikes folded, letters raised, everything else dropped (one
    C-level call per window instead of a fold, a case change and a regex)."""
    fold = phrase_lexicon().fold
    table: dict[int, str | None] = {}
    for code in range(0x2100):
        ch = chr(code)
        if code in fold:
            table[code] = fold[code]
        elif ch.isascii() and ch.isalpha():
            table[code] = ch.upper()
        else:
            table[code] = None
    return table


def _best_cut(phrase: Phrase, seq: str, where: list[int], at: int, starts, ends):
    """``(distance, a, b)`` of the cut ``seq[a:b]`` nearest the phrase that holds the anchor
    (the longest of equally near ones), or None when none is within the bound."""
    best = None
    for a in starts:
        for b in ends:
            if b <= a or not where[a] <= at <= where[b - 1]:
                continue  # the phrase holds the intact anchor word
            d = Levenshtein.distance(phrase.letters, seq[a:b], score_cutoff=phrase.bound)
            if d > phrase.bound:
                continue
            key = (d, _cuts_word(where, a, b), a - b)
            if best is None or key < best[0]:
                best = (key, a, b)
    return None if best is None else (best[0][0], best[1], best[2])


def _cuts_word(where: list[int], a: int, b: int) -> int:
    """How many ends of the cut ``seq[a:b]`` fall inside a word (the letter beyond it is the
    next character of the text): of equally near cuts, one that keeps whole words wins over a
    longer one that takes the first letter of the next line's word ("... UNCLASSIFIED\nDAY")."""
    inside = a > 0 and where[a - 1] == where[a] - 1
    return int(inside) + int(b < len(where) and where[b] == where[b - 1] + 1)


def _fold(text: str, fold: dict[int, str]) -> str:
    return _NOT_CAPITAL.sub("", text.translate(fold).upper())


#: A stamp-phrase anchor word this long is also looked for one edit off (a letter read as
#: another, lost, doubled or in lower case, a space or a speck inside it: "SANITI ZED",
#: "WARNNING"). A short phrase ("AS SANITIZED") has one anchor, and OCR damage in it hid the
#: whole phrase; shorter words one edit off are other words too often (LOCAL, GROUND).
_NEAR_ANCHOR = 7


@lru_cache(maxsize=1)
def near_anchors() -> tuple[int, ...]:
    """Indices of the stamp-phrase anchors also matched within one edit (whole words only,
    not the five-letter heads of long ones)."""
    lex = phrase_lexicon()
    words = {w for p in lex.phrases for w in p.words}
    return tuple(
        i for i, word in enumerate(lex.anchor_words) if len(word) >= _NEAR_ANCHOR and word in words
    )


@lru_cache(maxsize=1)
def _anchor_scan():
    """A function returning ``(start, anchor index)`` of every anchor in a text: exact, and
    the :func:`near_anchors` one edit off too where Hyperscan is installed (``re`` has no
    approximate matching: without Hyperscan the anchors are exact)."""
    lex = phrase_lexicon()
    if HAS_HYPERSCAN:
        near = near_anchors()
        index = list(range(len(lex.anchors))) + list(near)
        try:
            db = HyperscanDatabase(
                list(lex.anchors) + [lex.anchors[i] for i in near],
                edit_distance=[0] * len(lex.anchors) + [1] * len(near),
            )
        except Exception:  # noqa: BLE001 - fall back to re below
            db = None
        if db is not None:
            lengths = lex.anchor_lengths

            def scan(text: str) -> list[tuple[int, int]]:
                hits: list[tuple[int, int]] = []
                db.scan(
                    ascii_view(text),
                    lambda i, _s, end, _f, _c: hits.append((end - lengths[index[i]], index[i])),
                )
                return hits

            return scan
    regex = re.compile("|".join(f"(?P<a{i}>{p})" for i, p in enumerate(lex.anchors)))

    def scan_re(text: str) -> list[tuple[int, int]]:
        return [(m.start(), int(m.lastgroup[1:])) for m in regex.finditer(text)]

    return scan_re


def phrase_findings(
    text: str, taken: list[tuple[int, int]], hits: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, phrase)`` of damaged or line-broken stamp phrases in capitals that do
    not overlap ``taken`` (extended with what this step finds). ``hits``: the anchors'
    ``(start, anchor index)`` when a shared scan found them already."""
    lex = phrase_lexicon()
    if hits is None:
        hits = _anchor_scan()(text)
    if not hits:
        return stamp_line_findings(text, taken)  # the mixed-case stamps: no anchor in capitals
    out: list[tuple[int, int, str]] = []
    read_to: dict[int, int] = {}  # per phrase: the end of the last window read
    size = len(text)
    last: dict[int, int] = {}  # per anchor: the start of its last hit
    misses: list[tuple[int, int, int, int]] = []  # (anchor start, phrase, lo, hi) unread
    for start, anchor in sorted(hits):
        after = start + lex.anchor_lengths[anchor]
        if after < size and (
            text.startswith(":", after)
            or "A" <= text[after] <= "Z"
            and not _runs_on(text, after, lex.anchor_words[anchor], lex.owners[anchor])
        ):
            continue  # the start of a longer word (DISSEMINATION), or a field ("FIELD DISSEM:")
        if any(s <= start < e for s, e in taken):
            continue
        if start - last.get(anchor, -9) <= 2:
            continue  # the same word again, one edit off (a near anchor's other ends)
        last[anchor] = start
        word = lex.anchor_words[anchor]
        for index in lex.owners[anchor]:
            phrase = lex.phrases[index]
            if start < read_to.get(index, -1) - len(phrase.letters):
                continue  # inside a window read for this phrase already
            lo = max(0, start - 2 * phrase.before - 12)
            hi = min(size, start + 2 * len(phrase.letters) + 12)
            if len(phrase.words) >= 2 and not _supported(text[lo:hi], phrase.words, word):
                continue  # the phrase keeps more than its anchor intact
            read_to[index] = hi
            # the anchor's middle: a near anchor's start may be a character off
            found = _align_window(text[lo:hi], index, start - lo + lex.anchor_lengths[anchor] // 2)
            if found is None and len(phrase.letters) <= _LONE_LETTERS:
                found = _lone_line(text, start, phrase, lo)
            if found is None and phrase.by_words:
                misses.append((start, index, lo, hi))
            if _keep(text, found, lo, phrase, taken, out):
                break
    out += stamp_line_findings(text, taken)
    # then, where the letters of every phrase failed, the phrases read word by word: after
    # the letters, so that a phrase read whole from another anchor keeps its span
    done = -1
    for start, index, lo, hi in misses:
        if start == done or any(s <= start < e for s, e in taken):
            continue
        lo = text.rfind("\n", 0, lo) + 1  # whole lines: a run stands apart on its lines
        nl = text.find("\n", hi)
        hi = size if nl < 0 else nl
        found = _words_window(text[lo:hi], index, start - lo)
        if _keep(text, found, lo, lex.phrases[index], taken, out):
            done = start  # the anchor's other phrases are not read again
    return out


#: A stamp phrase this short (AS SANITIZED, RELEASE AS SANITIZED, WARNING NOTICE) that makes
#: up its whole line is read with one edit more than its bound: the line holds nothing else,
#: so two damages in eleven letters are no other words (the place is the evidence).
_LONE_LETTERS = 20
_LINE_EDGE = "\"'“”‘’.,:;!?()[]{}|-_~*=—–•°™€¢` \t"


def _lone_line(text: str, at: int, phrase: Phrase, lo: int) -> tuple[int, int] | None:
    """``(start, end)`` from ``lo`` of the anchor's line, specks at its ends dropped, when its
    letters as a whole lie within the phrase's bound plus one and it is mostly capitals."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    while start < end and text[start] in _LINE_EDGE:
        start += 1
    while end > start and text[end - 1] in _LINE_EDGE:
        end -= 1
    raw = text[start:end]
    if len(raw) > 2 * len(phrase.letters) + 6:
        return None
    upper = sum(ch.isupper() for ch in raw)
    if upper < 4 or upper < 3 * sum(ch.islower() for ch in raw):
        return None
    letters = raw.translate(_letters_table())
    bound = phrase.bound + 1
    if " ".join(raw.split()) in phrase.name:
        return None  # clean words of the phrase, not all of them ("SANITIZED"): no damage read
    if Levenshtein.distance(phrase.letters, letters, score_cutoff=bound) > bound:
        return None
    english = english_capitals()
    if any(w in english and w not in phrase.name for w in _WORD.findall(raw)):
        return None  # an English word of its own ("WAS SANITIZED", "SANITIZERS"): prose
    return start - lo, end - lo


_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{2,}(?![A-Za-z])")


def _runs_on(text: str, after: int, word: str, owners: tuple[int, ...]) -> bool:
    """The capitals right after an anchor are the next word of one of its phrases, run
    together with it (``LOCALDISSEM``, ``FOREIGNDISSEM``: OCR lost the space between two
    words; tests/support/ocr_damage.py, "join"), not the rest of a longer word: their first
    three letters, look-alikes folded, are within one edit of the three letters that follow
    the anchor in the phrase (``LOCALDSSEM``: one damage more)."""
    lex = phrase_lexicon()
    head = _fold(text[after : after + 6], lex.fold)[:3]
    if len(head) < 3:
        return False
    key = _fold(word, lex.fold)
    for index in owners:
        letters = lex.phrases[index].letters
        at = letters.find(key)
        follow = letters[at + len(key) : at + len(key) + 3]
        if at >= 0 and len(follow) == 3 and Levenshtein.distance(follow, head) <= 1:
            return True
    return False


def _keep(
    text: str,
    found: tuple[int, int] | None,
    lo: int,
    phrase: Phrase,
    taken: list[tuple[int, int]],
    out: list[tuple[int, int, str]],
) -> bool:
    """Report ``found`` (offsets in the window from ``lo``) when it stands in place and
    overlaps nothing taken, its heading apart."""
    hit = None if found is None else (lo + found[0], lo + found[1])
    if hit is not None and not _in_place(text, hit, phrase):
        hit = None
    if hit is None or any(hit[0] < e and s < hit[1] for s, e in taken):
        return False
    for piece, name in _heading_apart(text, hit, phrase):
        out.append((piece[0], piece[1], name))
    taken.append(hit)
    return True


_BODY_NOISE = re.compile(r"[^A-Za-z\s]{1,3}(?=[A-Z])")
_HEAD_RUN = re.compile(r"[A-Z0-9|!$]+(?:[ \t]+[A-Z0-9|!$]+)*")


def _heading_apart(text: str, hit: tuple[int, int], phrase: Phrase):
    """The hit, or its heading line and the rest as two pieces where the phrase's heading
    ("WARNING NOTICE") stands on a line of its own above the rest: the stamp prints them as
    two lines, and a reviewer reads them as two markings."""
    start, end = hit
    newline = text.find("\n", start, end)
    if not phrase.heading or newline < 0:
        return [(hit, phrase.name)]
    run = _HEAD_RUN.match(text, start, newline)
    body = newline
    while body < end and text[body].isspace():
        body += 1
    noise = _BODY_NOISE.match(text, body, end)  # "9)-" of a page edge before the second line
    if noise is not None:
        body = noise.end()
    if run is None or len(text[run.end() : newline].strip()) > 3 or body >= end:
        return [(hit, phrase.name)]
    head = _NOT_CAPITAL.sub("", run.group(0).translate(phrase_lexicon().fold).upper())
    want = _fold(phrase.heading, phrase_lexicon().fold)
    if Levenshtein.distance(head, want) > 2:
        return [(hit, phrase.name)]
    return [((start, run.end()), phrase.heading), ((body, end), phrase.name)]


_NEXT_WORD = re.compile(r"[^A-Za-z\n]{0,4}([A-Za-z]+)")


def _in_place(text: str, hit: tuple[int, int], phrase: Phrase) -> bool:
    """The phrase is not followed by a word that makes it a form caption, and stands alone
    on its line where it must."""
    start, end = hit
    if phrase.not_before:
        m = _NEXT_WORD.match(text, end)
        if m is not None and m.group(1).upper().startswith(phrase.not_before):
            return False
    if phrase.own_line:
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        rest = _PAGE_MARK.sub("", text[end:hi])
        if len(text[lo:start].strip()) > 3 or len(rest.strip()) > 3:
            return False
    return True


#: An intelligence cable prints its page count on the notice's line ("PAGE 1 OF 5 PAGES").
_PAGE_MARK = re.compile(r"PAGE[ \t]+\S{1,3}[ \t]+OF[ \t]+\S{1,3}(?:[ \t]+PAGES)?")


def _supported(window: str, words: tuple[str, ...], anchor: str) -> bool:
    """The phrase keeps more than its anchor intact near it (in capitals, as printed): for
    a phrase of two long words, three letters in a row of the other one (``DISSFM`` keeps
    ``DIS``); of three or four, one more whole word; of five or more, two more. A lone
    LOCAL, KENNEDY or INVOLVED in capitals is prose, not a damaged stamp."""
    upper = window.upper()
    others = [w for w in words if anchor[:5] not in w]  # not the anchor's own word
    if len(words) <= 2:
        return any(w[i : i + 3] in upper for w in others for i in range(len(w) - 2))
    need = 1 if len(words) <= 4 else 2
    return sum(w in upper for w in others) >= need


@lru_cache(maxsize=1)
def _word_phrases() -> tuple[WordPhrase, ...]:
    lex = phrase_lexicon()
    return tuple(phrase_words(p.name, lex.fold) for p in lex.phrases)


def _words_window(window: str, index: int, anchor: int) -> tuple[int, int] | None:
    """The phrase read word by word (:mod:`word_align`) where its letters are too damaged
    as a whole: a run of its words that holds the anchor word."""
    return read_words(window, _word_phrases()[index], phrase_lexicon().fold, True, anchor)


@lru_cache(maxsize=4096)
def _align_window(window: str, index: int, anchor: int) -> tuple[int, int] | None:
    """:func:`_align` on a window alone, memoised: form headers and stamp lines recur from
    page to page and from record to record."""
    return _align(window, 0, len(window), phrase_lexicon().phrases[index], anchor)


def _align(text: str, lo: int, hi: int, phrase: Phrase, anchor: int):
    """The span of ``text[lo:hi]`` that holds ``anchor`` (the intact word's offset) and
    whose folded letters lie within the phrase's bound, or None."""
    table = _letters_table()
    seq = text[lo:hi].translate(table)
    m = len(phrase.letters)
    if len(seq) < m - phrase.bound:
        return None
    cutoff = 100.0 * (1 - (phrase.bound + 1) / m)
    found = fuzz.partial_ratio_alignment(phrase.letters, seq, score_cutoff=cutoff)
    if found is None:
        return None
    where = [i for i, ch in enumerate(text[lo:hi]) if table.get(ord(ch), ch) is not None]
    if len(where) != len(seq):  # a character beyond the table: map back the slow way
        where = [i for i, ch in enumerate(text[lo:hi]) if ch.translate(table)]
    at = anchor - lo
    # the alignment has the phrase's length: move its ends a little to the best Levenshtein fit
    # (the end first, then the start: fourteen distances instead of forty-nine)
    a, b = found.dest_start, found.dest_end
    ends = range(max(a + 1, b - 3), min(len(seq), b + 3) + 1)
    best = _best_cut(phrase, seq, where, at, [a], ends)
    if best is not None:
        b = best[2]
        best = _best_cut(phrase, seq, where, at, range(max(0, a - 3), min(b, a + 4)), [b])
    else:
        # the alignment took in a neighbour's letters at its start ("ED" of the line above):
        # both ends together (only where the quick way found nothing)
        best = _best_cut(phrase, seq, where, at, range(max(0, a - 3), min(b, a + 4)), ends)
    if best is None:
        return None
    _, a, b = best
    start, end = lo + where[a], lo + where[b - 1] + 1
    # whole tokens only: the phrase does not start or end inside a longer word
    if start > 0 and text[start - 1].isalpha() and text[start - 1].isupper():
        return None
    if end < len(text) and text[end].isalpha() and text[end].isupper():
        return None
    # the last token whole ("1" of "1992": digits other than look-alikes are not letters)
    while end < len(text) and text[end].isalnum():
        end += 1
    start, end = _trim(text, start, end)
    raw = text[start:end]
    upper = sum(ch.isupper() for ch in raw)
    if upper < 2 * sum(ch.islower() for ch in raw) or upper < 4:
        return None  # mostly capitals: a stamp, not prose that quotes one
    return start, end


_EDGE_TOKEN = re.compile(r"\s+\S{1,2}$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop one- or two-character tokens of scanner noise that the alignment took in at the
    ends of the span after a line break ("NO FOREIGN DISSE\\n\\na")."""
    while True:
        m = _EDGE_TOKEN.search(text, start, end)
        if m is None or "\n" not in m.group(0):
            break
        end = m.start()
    while True:
        m = re.match(r"\S{1,2}\s+", text[start:end])
        if m is None or "\n" not in m.group(0):
            break
        start += m.end()
    return start, end
