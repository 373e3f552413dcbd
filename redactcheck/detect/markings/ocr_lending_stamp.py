"""The CIA lending stamp read line by line where OCR lost or broke the rules' forms (issue 17).

CIA records lent for reading (the HSCA review of 1977-1979 and later) carry a three-line
stamp in mixed case, ``RETURN TO CIA`` / ``Background Use Only`` / ``Do Not Reproduce``,
usually in a margin beside the page's own text (``rules/legacy/controls-1950-1990.yaml``
reads its clean lines, ``ocr_stamp_lines`` the whole damaged stamp where its letters run
together). On the scans of the JFK collection OCR reads each line on its own and often badly:
the margin text runs into it (``PLACE & Invented Town Do Not Reproduce``), letters change or go
(``Qo Nat Reproduce``, ``RETURNT0 GA``, ``REFTURN TO CIA``, ``Backgr: Use Qnly``) and a line
is cut at the edge (``Background Use``). In the unlabelled pool (draws of seeds 2020 and 2021)
such a stamp stood with none of its lines found in about fifty CIA records.

Each line is looked for by the part OCR keeps best: ``Not Repro…`` with capital N and R (prose
writes "do not reproduce"), ``… Use`` with capital U after a piece of "background", ``TO CIA``
after a word that reads as RETURN. A line is reported only where no line of the same stamp was
found within three lines: annotators span the stamp either line by line or as one block, and
a second finding in a found stamp would be a false alarm under the second. Lines found here
that stand within three lines of each other are one finding, from the first to the last.

Cost: three scans with a literal start (``Repro``, ``U``, ``T``), about 0.04 s each on the
30 MB corpus (CPU, one process); everything else runs on the few lines they find.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

NAME = "RETURN TO CIA Background Use Only Do Not Reproduce"
#: Lines either side of a line where another line of the stamp may stand.
REACH = 3

# "Reproduce" as the stamp prints it, damaged at its end ("Reproduca", "Reprodvce", "Repro"):
# at most five letters after "Repro" ("Reproduced", "Reproduction" are prose)
_REPRO = re.compile(r"Repro[a-z?]{0,5}(?![A-Za-z])")
# before it "Not" (N, M, W or l, then o/a/e, then t: "Not", "Net", "Met", "lot") and the "Do", its
# letters damaged ("Bo", "Oo", "0", "©", "Đo"); nothing but a space, hyphen or quote between
_NOT_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])[DOQBGo0©Đ(][oa0O]?[ \t'’.-]{1,2}|(?<![A-Za-z]))[NMWl][oae]t[ \t'’-]{0,2}$"
    # with the "Do" read, its "Not" may be damaged anywhere after its capital ("Nal", "Nd")
    r"|(?<![A-Za-z])[DOQB0][oa0O]?[ \t'’.-]{1,2}[NMW][a-z]{1,2}[ \t'’-]{1,2}$"
)
# "Use" with capital U (prose writes "background use"), after a piece of "Background" that
# OCR kept ("Backgr:", "ckground", "ackgrcund", "round.", "und"); then "Only" damaged or cut
# ("Onl", "Qnly", "0nl;", "On}") or nothing (the stamp's edge), and after it the line's
# end, noise or a gap, not a sentence going on ("Ground Use of aircraft")
# (its U kept: a scan that starts with one literal letter is ten times cheaper than one that
# starts with a choice, so "ise" for "Use" is left out)
_USE = re.compile(r"U(?:se|s2|S2|SE)(?![a-z])")
_GROUND_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:[A-Za-z]{0,3}ckgr[a-z]{0,4}|[A-Za-z]{0,6}(?:ground|grou|greund|round|"
    r"ounc|ound|oung|ouns|und)|[Bb]ackgro)[.,:;]{0,2}[ \t]{1,2}$"
)
_ONLY_AFTER = re.compile(r"[.,:;]?(?:[ \t]+[OQG0C][nNmr]?[A-Za-z}|)\];:0-9]{0,3})?(?![A-Za-z])")
_LINE_GOES_ON = re.compile(r"[ \t][A-Za-z]")
#: English words that end in a piece of "background" (prose: "Playground Use Only").
_GROUND_WORDS = ("play", "under", "fore", "camp", "fair", "battle", "proving")
# "TO CIA" with the look-alikes OCR gives ("T0", "TS", "GIA", "ClA", "cA", "cla")
_TO_CIA = re.compile(r"T[O0oS][ \t]?[CcG][IiLl1|]?[Aa](?![A-Za-z])")
_TOKEN_BEFORE = re.compile(r"([A-Za-z@]{3,10})([ \t]?)$")
RETURN = "RETURN"
#: Words a RETURN-like token must not be (prose: "THEY TURN TO CIA", "RETURNS TO CIA").
_PROSE_WORDS = frozenset({"TURN", "TURNS", "RETURNS", "RETURNED", "BURN", "TURNED", "RETURNING"})
# what may follow the stamp's first line on its line: nothing, a short token of noise, or a
# gap before the text beside it (a word right after "CIA" makes a sentence: "TO CIA SOON")
_AFTER_CIA = re.compile(r"[ \t]*(?:\n|$|[^\sA-Za-z]|[ \t]{2,}|[A-Za-z](?![A-Za-z]))")
# stamp findings of other rules and steps: a line of the stamp is found already
_STAMP_WORDS = re.compile(r"(?i)urn|round|use|repro|t[o0] ?c|ckg|oun|epr|duc")


def lending_stamp_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, NAME)`` of lending stamps none of whose lines ``taken`` holds."""
    lines = _dnr_lines(text) + _use_lines(text) + _return_lines(text)
    return [(s, e, NAME) for s, e in alone_groups(text, lines, taken, _STAMP_WORDS)]


def alone_groups(
    text: str, lines: list[tuple[int, int]], taken: list[tuple[int, int]], stamp: re.Pattern[str]
) -> list[tuple[int, int]]:
    """The stamp lines in ``lines`` grouped (lines within ``REACH`` lines of each other are
    one group, spanned from its first to its last), the groups with a span of ``taken`` that
    ``stamp`` finds in (a line of the same stamp found by a rule or step) within ``REACH``
    lines left out; ``taken`` is extended with what is returned."""
    if not lines:
        return []
    lines = sorted(lines)
    found = [
        (s, e)
        for s, e in taken
        if stamp.search(text, s, e) is not None and text.count("\n", s, e) <= 6
    ]
    out: list[tuple[int, int]] = []
    group: list[tuple[int, int]] = []
    for start, end in lines:
        if any(start < e and s < end for s, e in taken):
            continue
        if group and _lines_between(text, group[-1][1], start) <= REACH:
            group.append((start, end))
            continue
        _close(text, group, found, out)
        group = [(start, end)]
    _close(text, group, found, out)
    taken.extend(out)
    return out


def _close(
    text: str,
    group: list[tuple[int, int]],
    found: list[tuple[int, int]],
    out: list[tuple[int, int]],
) -> None:
    """Keep a group of stamp lines as one span unless the stamp was found near it."""
    if not group:
        return
    lo, hi = _around(text, group[0][0], group[-1][1])
    if any(s < hi and lo < e for s, e in found):
        return
    out.append((group[0][0], group[-1][1]))


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span from ``REACH`` lines before ``start`` to ``REACH`` lines after ``end``; blank
    lines do not count (OCR puts them between a stamp's lines where the text beside it has a
    paragraph break)."""
    lo, seen = _line_start(text, start), 0
    while seen < REACH and lo > 0:
        lo = _line_start(text, lo - 1)
        seen += _filled(text, lo)
    hi, seen = _line_end(text, end), 0
    while seen < REACH and hi < len(text):
        nxt = _line_end(text, hi + 1)
        seen += _filled(text, hi + 1)
        hi = nxt
    return lo, hi


def _filled(text: str, start: int) -> bool:
    """The line at ``start`` holds more than spaces."""
    return not text[start : _line_end(text, start)].isspace() and _line_end(text, start) > start


def _lines_between(text: str, a: int, b: int) -> int:
    """Line breaks between ``a`` and ``b``, a run of blank lines counting as one."""
    return len(re.findall(r"\n(?:[ \t]*\n)*", text[a:b]))


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _lead(text: str, pos: int, back: int, head: re.Pattern[str]) -> int | None:
    """Where the stamp word's damaged head (``head``, anchored at its end) starts in the
    ``back`` characters of its line before ``pos``, or None."""
    lo = max(_line_start(text, pos), pos - back)
    m = head.search(text[lo:pos])  # a slice: the head's look-behind sees nothing before it
    return None if m is None else lo + m.start()


def _dnr_lines(text: str) -> list[tuple[int, int]]:
    """``Do Not Reproduce`` lines: the ``Not`` before ``Repro`` kept."""
    out = []
    for m in _REPRO.finditer(text):
        start = _lead(text, m.start(), 12, _NOT_BEFORE)
        if start is None:
            continue
        while not text[start].isalnum():  # "(Do", "'Do"
            start += 1
        out.append((start, m.end()))
    return out


def _use_lines(text: str) -> list[tuple[int, int]]:
    """``Background Use Only`` lines: a piece of Background before a capital ``Use``."""
    out = []
    for m in _USE.finditer(text):
        start = _lead(text, m.start(), 16, _GROUND_BEFORE)
        if start is None:
            continue
        if text[start : m.start()].lower().startswith(_GROUND_WORDS):
            continue
        tail = _ONLY_AFTER.match(text, m.end())
        end = tail.end() if tail is not None else m.end()
        only = any(ch.isalnum() for ch in text[m.end() : end])
        if not only and _LINE_GOES_ON.match(text, end) is not None:
            continue  # "Ground Use of aircraft": no Only, and the sentence goes on
        while not text[end - 1].isalnum():
            end -= 1
        out.append((start, end))
    return out


def _return_lines(text: str) -> list[tuple[int, int]]:
    """``RETURN TO CIA`` lines: a word that reads as RETURN (glued to TO or before it), at an
    end of its line or before a gap, not a sentence going on."""
    out = []
    for m in _TO_CIA.finditer(text):
        ls = _line_start(text, m.start())
        before = _TOKEN_BEFORE.search(text[max(ls, m.start() - 11) : m.start()])
        if before is None or not _reads_as_return(before.group(1), glued=not before.group(2)):
            continue
        if _AFTER_CIA.match(text, m.end()) is None:
            continue
        start = m.start() - len(before.group(0))
        out.append((start, m.end()))
    return out


def _reads_as_return(token: str, glued: bool) -> bool:
    """``token`` reads as RETURN, or as its end where the stamp's edge cut it (``ETURN``,
    ``TURN`` glued to TO); not a word of prose."""
    word = token.upper()
    if word in _PROSE_WORDS and not glued:
        return False
    if len(word) < 4 or (len(word) < 5 and not glued):
        return False
    tail = word[-len(RETURN) :]
    target = RETURN[-len(tail) :]
    return Levenshtein.distance(tail, target) <= (2 if len(tail) >= 5 else 1)
