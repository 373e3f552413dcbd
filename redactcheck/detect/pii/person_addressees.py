"""People a State Department telegram is passed to, on its addressee lines.

Between the address block and the ``E.O.`` line a cable names the offices and officers that
should read it: "NSC FOR QUILLAN", "TREASURY FOR OASIA - DAS HALVORSEN AND JTALLOWBY",
"DEPT FOR WHA/CEN ORLA BRENNICK", "USTR FOR M VANTREIGHT". Offices are written as codes
(``WHA/CEN``, ``S/CT``, ``EEB/TPP/IPE``), people as a surname, an initial and a surname, a
given name and a surname, or initials glued to the surname (``JTALLOWBY``), often after an
office code and a slash or a dash. Read off the unlabelled cables of ``eval-cables`` (round 7
sample, seed 16008: such lines in half of 100 cables, their names mostly unreported) and a
tune cable of blind set 3. The model reads these lines without context and misses most.

Only lines above the first ``E.O.``/``TAGS:`` line of the first 4,000 characters are read, so
the body's "... responsible for ..." is never taken for an addressee line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from redactcheck.detect.pii import name_candidates as cand
from redactcheck.detect.pii.name_twins import skip_to_first

Add = Callable[..., None]

_HEADER_END = re.compile(r"^[ \t]*(?:E\.[ \t]?O\.[ \t]?\d|TAGS[ \t]*:|SUBJECT[ \t]*:)", re.M)
_HEADER_MAX = 4000
#: "<office> [ALSO] [PASS TO <office>] FOR <list>": the office part is one to five words in
#: capitals (codes with slashes allowed), the list the rest of the line. A line may also
#: start with the end of the previous clause and a semicolon ("... WATCHERS; COMMERCE FOR
#: <list>"): headers that run several clauses on one line (3 cables of the unlabelled pool,
#: seed 8181), where the first clause holds no "FOR".
_PASS_LINE = re.compile(
    r"(?:^|;)[ \t]*(?:[A-Z][A-Z0-9/&.-]*[ \t]+){1,6}?(?:ALSO[ \t]+|PLEASE[ \t]+)?FOR[ \t]+"
    r"(?P<list>[^\n]*[A-Z][^\n]*)$",
    re.M,
)
#: Items of the list: split at commas, semicolons, brackets, "AND", "&" and dashes.
_ITEM_SPLIT = re.compile(r"[,;()]|[ \t]+(?:AND|&)[ \t]+|[ \t]*--?[ \t]+|[ \t]+--?[ \t]*")
#: Words of an item: codes and names, split at spaces and slashes.
_TOKEN = re.compile(r"[A-Za-z0-9'’.-]+")
_NAME_TOKEN = re.compile(r"[A-Z][A-Z'’-]*[A-Z]|[A-Z]")
#: One or two initials glued to a surname, as the State Department writes officers in these
#: lines ("JTALLOWBY", "BJQUILLAN").
_GLUED = re.compile(r"^[A-Z]{5,}$")
_MIN_UNLISTED = 6
#: The full stop that ends a header's last clause ("COMMERCE FOR QUILLAN."), not an initial's.
_END_STOP = skip_to_first(r"(?<=[A-Z]{2})\.[ \t]*$")
#: Office codes are two to four letters ("CT", "ELA", "EPSC").
_CODE_MAX = 4


def addressees(text: str, judge: cand.Judge, add: Add) -> None:
    """Names on the addressee lines of a cable's header (module docstring)."""
    head = text[:_HEADER_MAX]
    end = _HEADER_END.search(head)
    if end is None:
        return
    block_listed = False
    lone: list[tuple[int, int]] = []
    for line in _PASS_LINE.finditer(head, 0, end.start()):
        body_start = line.start("list")
        body = line.group("list")
        pos = 0
        found: list[tuple[int, int, bool]] = []
        items = 0
        for sep in [*_ITEM_SPLIT.finditer(body), None]:
            stop = sep.start() if sep else len(body)
            items += bool(body[pos:stop].strip())
            found += _slash_items(body_start + pos, body[pos:stop], judge)
            pos = sep.end() if sep else len(body)
        # a word no list holds is taken only on a line that names a listed person too: alone
        # it is as often a glued office code ("WHAQCC", "JICQENT")
        if any(listed for _, _, listed in found):
            block_listed = True
            for s, e, _ in found:
                add(s, e, "addressee")
        elif items == 1 and len(found) == 1 and " " not in head[found[0][0] : found[0][1]]:
            lone.append(found[0][:2])
    # ... or when it is all a line passes to ("OSD FOR QUARRENDE") in a header whose other
    # lines name listed people: then the header names officers, not offices
    if block_listed:
        for s, e in lone:
            add(s, e, "addressee")


def _slash_items(base: int, item: str, judge: cand.Judge) -> list[tuple[int, int, bool]]:
    """The names of one item, read piece by piece between slashes: routing chains and lists
    join people with slashes as they join offices ("USTR FOR QUILLAN/TALLOWBY", "USDOC FOR
    4410/ITA/MAC/JQUILLAN/BTALLOWBY"). A piece before the last counts only when a list holds
    its name (or its glued initials' surname): office codes fill those places as often."""
    found = []
    pieces = _END_STOP.sub("", item).split("/")
    pos = 0
    for i, piece in enumerate(pieces):
        hit = _item(base + pos, piece, judge, after_slash=i > 0)
        if hit and (hit[2] or i == len(pieces) - 1):
            found.append(hit)
        pos += len(piece) + 1
    return found


def _item(
    base: int, item: str, judge: cand.Judge, after_slash: bool = False
) -> tuple[int, int, bool] | None:
    """The name that ends one item of the list, if any: "WHA/CEN ORLA BRENNICK",
    "OEL/QUILLAN", "DAS HALVORSEN", "M VANTREIGHT", "JTALLOWBY"."""
    words = [(base + m.start(), m.group(0)) for m in _TOKEN.finditer(item.replace("/", " "))]
    fors = [i for i, (_, w) in enumerate(words) if w == "FOR"]
    if fors:  # "NSC FOR QUILLAN" inside the list of an earlier office: its right part
        words = words[fors[-1] + 1 :]
    lex = judge.lex
    # the name is the run of name words (and initials) that ends the item
    run: list[tuple[int, str]] = []
    for start, word in reversed(words):
        if not _NAME_TOKEN.fullmatch(word):
            break
        before = item[start - base - 1 : start - base] if start > base else ""
        if len(word) <= _CODE_MAX and (before == "/" or (start == base and after_slash)):
            break  # "NEA/QLA": a short word after a slash is an office's code
        if len(word) == 1:
            if not run:
                break  # an office letter at the end ("EUR/A")
            run.insert(0, (start, word))
            continue
        if lex.is_not_person_word(word) or word in lex.acronyms or not _name_word(word, judge):
            break  # a title, an office or an office code ("DAS", "POLAD", "OFFICE", "WHA")
        run.insert(0, (start, word))
    while run and len(run[0][1]) == 1 and len(run) > 1 and len(run[1][1]) == 1:
        run.pop(0)  # "A A/S QUILLAN": letters of an office title, keep the last initial
    names = [w for _, w in run if len(w) > 1]
    if not names:
        return None
    nw = judge.nw
    last = names[-1]
    cued = len(run) > 1  # an initial or a given name before it
    if not cued and len(last) <= _CODE_MAX - 1:
        return None  # a lone word of three letters: an office code as often as a surname
    if not (cued or not nw.is_english(last) or nw.is_surname(last) or glued_name(last, judge)):
        return None
    if nw.is_english(last) and not cued and len(words) > len(run):
        return None  # "EAP READER": a role after an office code, not a person
    listed = any(nw.is_name(w) or glued_name(w, judge) for w in names)
    return run[0][0], run[-1][0] + len(run[-1][1]), listed


def _name_word(word: str, judge: cand.Judge) -> bool:
    """A word of a person's name on these lines: a listed name, initials glued to a listed
    surname, or a long word spelt like a name that no list holds. Office codes are short and
    unlisted ("WHA", "EPSC", "OSAC", "JICCENT" is spelt like no name)."""
    nw = judge.nw
    if nw.is_name(word) and not (nw.is_proper(word) and not nw.is_surname(word)):
        return True
    if glued_name(word, judge):
        return True
    return (
        len(word) >= _MIN_UNLISTED
        and not nw.is_english(word)
        and not nw.is_proper(word)
        and nw.plausible(word)
        and re.search(r"[AEIOUY]", word[1:-1]) is not None
    )


def glued_name(word: str, judge: cand.Judge) -> bool:
    """One or two initials glued to a listed surname that is no English word ("JTALLOWBY");
    such a word is a person even when its first two letters are a cryptonym digraph."""
    nw = judge.nw
    if not _GLUED.match(word) or nw.is_name(word):
        return False
    return any(
        len(word) - k >= 4 and nw.is_surname(word[k:]) and not nw.is_english(word[k:])
        for k in (1, 2)
    )
