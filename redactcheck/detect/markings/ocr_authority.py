"""The fields of a classification authority block whose values OCR damaged or lost.

Why: CIA cables, memos and forms of the 1970s-1990s close with an authority block in fixed
field labels (E.O. 12065 and E.O. 12356 derivative classification: ``CL BY: 0123456``, ``CL
REASON: 1.5(c)``, ``DECL ON: X1``, ``DRV FROM: COV 1-82`` or ``DRV FRM:``; the stamp box
``DERIVATIVE CL BY ___ / DECL REVW ON ___ / DERIVED FROM ___`` of E.O. 11652/12065 records).
The rules read the fields by their values (an officer's number, a reason code, an exemption
code or a date); on a scan the value is damaged (invented: ``CL BY: OS48?b``, ``CL REASON:
Secton 1.5``, ``DECL ON: Xl``; the labels' own letters misread too: ``Cl BY:``, ``ORV
FROM:``, ``DRY FRM:``, in pool records of seed 2020), blank (the box never filled in) or
carried to another line, and the rules pass the field by. The labels themselves are no
English words or phrases: a label in capitals with its colon (or the semicolon OCR reads for
it) is the field wherever it stands; the box labels are printed without a colon. A field
left blank (``CL BY: ___``) is the form's label, not a marking, and an abbreviated field (CL
BY, DECL ON ...) whose value holds no digit and no exemption code (``DECL ON: XYZ``) holds a
word, not a code: neither is reported.

The spelled-out labels of the FBI and State review stamps (``CLASSIFIED BY 1234 / DECLASSIFY
ON: 25X1``; ``CLASSIFIED BY 012345 / EXEMPT FROM GENERAL DECLASSIFICATION SCHEDULE``) are
read approximately too: a token within three edits of CLASSIFIED, DECLASSIFIED or DECLASSIFY
(look-alikes and specks dropped; no English word such as CLARIFIED) before an intact or
look-alike BY or ON, with a value after it (invented: ``CIASSIFTED BY 47S318``,
``DECIASSIFV ON: 5X``).

A finding covers the label and what follows it on its line up to the next label or 40
characters, specks at its end dropped. Title-case labels (``Derived From:``,
``Declassify On:``) count after a quote or noise, where the rules want them at the line's
start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from redactcheck.detect.accel.fastscan import HAS_HYPERSCAN, HyperscanDatabase, ascii_view
from redactcheck.detect.markings.ocr_page_edge import edge_lexicon

#: The labels: capitals with a colon or semicolon (OCR reads one for the other), or the stamp
#: box's labels without one. Sources: E.O. 12065 sec. 1-5 and E.O. 12356 sec. 1.5 (marking
#: of derivative classification, as CIA cables print it), the E.O. 11652/12065 stamp box.
_LABEL = (
    r"(?:C[Ll]\.?[ \t]?BY|CL[ \t]+REASON|DECL[ \t]+(?:ON|BY)"
    r"|(?:DRV|[O0]RV|DRY)[ \t]+(?:FROM|FRM|FM)"
    r"|DERIVED[ \t]+FROM|DECLASSIFY[ \t]+ON|Derived[ \t]+From|Declassify[ \t]+On)[ \t]*[:;]"
    r"|DERIVATIVE[ \t]+CL[ \t]?BY|[A-Z]?REVW[ \t]+ON"  # a box before REVW read as a letter
)
#: A piece of text every label holds (``str`` tests, cheaper than the regex on most texts).
_FIELD_KEYS = (
    "CL BY", "CLBY", "CL.BY", "CL. BY", "CL\tBY", "REASON", "DECL", "DRV", "DERIV", "Deriv",
    "Declassify", "REVW", "Cl BY", "ORV", "0RV", "DRY",
)  # fmt: skip
_FIELD = re.compile(rf"(?<![A-Za-z])(?P<label>{_LABEL})(?![a-z])")
#: Where the value ends: the line's end, the next label, or a comma or semicolon before the
#: next field ("CL BY: 0123456, CL REASON: ...").
_NEXT = re.compile(rf"\n|,?[ \t]*(?:{_LABEL})")
_SPECKS = " \t_-~=|.,;:'\"“”‘’[]{}<>"


def authority_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of authority fields not overlapping ``taken`` (extended with
    what is found)."""
    out: list[tuple[int, int, str]] = []
    fields = []
    scanned = _candidates(text)
    if scanned is None:
        has_key, labels, spelled, loose = any(key in text for key in _FIELD_KEYS), None, None, None
    else:
        has_key, labels, spelled, loose = scanned
    if has_key:  # C-level tests before the regex
        fields = [
            (m.start(), m.end(), _name(m.group("label"))) for m in _matches_at(_FIELD, text, labels)
        ]
    fields += _damaged_labels(text, spelled)
    for start, end in _damaged_cl_by(text, loose):
        if not any(start < e and s < end for s, e in taken):
            out.append((start, end, "CL BY"))
            taken.append((start, end))
    for start, label_end, name in sorted(fields):
        limit = min(len(text), label_end + 40)
        nxt = _NEXT.search(text, label_end, limit)
        end = nxt.start() if nxt is not None else _line_end(text, label_end, limit)
        while end > label_end and (
            text[end - 1] in _SPECKS
            or text[end - 1] in "()"
            and text.count("(", label_end, end) != text.count(")", label_end, end)
        ):
            end -= 1  # specks, and a bracket left open or closed by noise
        value = text[label_end:end]
        if not any(ch.isalnum() for ch in value):
            continue  # a blank field is the form's label, not a marking
        if _coded(name) and not _value_like(value):
            continue  # a code field holding a word ("DECL ON: XYZ"): no code
        if any(start < e and s < end for s, e in taken):
            continue
        out.append((start, end, name))
        taken.append((start, end))
    return out


#: A spelled-out label's word and the short word after it: BY (OCR: 8Y) or ON (0N, Ou, oN,
#: CN, Oi; "an" only with its colon).
_SPELLED = re.compile(
    r"[ \t](?P<tail>BY|By|8Y|ON|On|0N|0n|Ou|oN|CN|Oi|an(?=[ \t]*:))(?![A-Za-z])[ \t]*[:;]?"
)
_SPELLED_WORDS = {"BY": ("CLASSIFIED", "DECLASSIFIED"), "ON": ("DECLASSIFY", "DECLASSIFIED")}
_SPELLED_BOUND = 3


#: Where a match of :data:`_SPELLED` may start (a superset: each is tried with the regex).
_SPELLED_STARTS = (r"[ \t](?:BY|By|8Y|ON|On|0N|0n|Ou|oN|CN|Oi)", r"[ \t]an[ \t]*:")
#: :data:`_LABEL`'s branches, each starting with its word, so that the start Hyperscan
#: reports for a match's end is the only one (spaces and dots between the words): every
#: place a label starts, but for the box letter OCR may read before REVW (the last branch:
#: its start and the character before it are tried).
_LABEL_BRANCHES = (
    r"C[Ll]\.?[ \t]?BY[ \t]*[:;]",
    r"CL[ \t]+REASON[ \t]*[:;]",
    r"DECL[ \t]+(?:ON|BY)[ \t]*[:;]",
    r"(?:DRV|[O0]RV|DRY)[ \t]+(?:FROM|FRM|FM)[ \t]*[:;]",
    r"DERIVED[ \t]+FROM[ \t]*[:;]",
    r"DECLASSIFY[ \t]+ON[ \t]*[:;]",
    r"Derived[ \t]+From[ \t]*[:;]",
    r"Declassify[ \t]+On[ \t]*[:;]",
    r"DERIVATIVE[ \t]+CL[ \t]?BY",
    r"REVW[ \t]+ON",
)


@lru_cache(maxsize=1)
def _database() -> HyperscanDatabase | None:
    """One Hyperscan database: the field keys (ids first), where a spelled-out label's BY or
    ON may stand, the label branches, then where a damaged CL BY's BY may stand before its
    number (:data:`_LOOSE_BY`); None without Hyperscan."""
    if not HAS_HYPERSCAN:
        return None
    keys = [re.escape(key) for key in _FIELD_KEYS]
    patterns = keys + list(_SPELLED_STARTS) + list(_LABEL_BRANCHES) + [_LOOSE_BY.pattern]
    return HyperscanDatabase(patterns, som=True)


def _candidates(text: str) -> tuple[bool, list[int], list[int], list[int]] | None:
    """One pass over the text's one-byte view (the keys and patterns are ASCII; a non-ASCII
    character reads as ``?``, which none holds): whether a field key occurs, and the sorted
    places where a :data:`_FIELD` and a :data:`_SPELLED` match may start; None without
    Hyperscan."""
    db = _database()
    if db is None:
        return None
    keys = len(_FIELD_KEYS)
    spelled_end = keys + len(_SPELLED_STARTS)
    box = spelled_end + len(_LABEL_BRANCHES) - 1
    has_key = False
    labels: list[int] = []
    spelled: list[int] = []
    loose: list[int] = []

    def on_match(i: int, start: int, _e: int, _f: int, _c: object) -> None:
        nonlocal has_key
        if i < keys:
            has_key = True
        elif i < spelled_end:
            spelled.append(start)
        elif i <= box:
            labels.append(start)
            if i == box and start > 0:
                labels.append(start - 1)
        else:
            loose.append(start)

    db.scan(ascii_view(text), on_match)
    return has_key, sorted(set(labels)), sorted(set(spelled)), sorted(set(loose))


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; given the places a match may start, only those are tried,
    left to right, a place inside the last match skipped (the same matches)."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    last = 0
    for at in starts:
        if at < last:
            continue
        m = pattern.match(text, at)
        if m is not None:
            last = m.end()
            yield m


def _damaged_labels(text: str, starts: list[int] | None = None) -> list[tuple[int, int, str]]:
    """``(start, label end, label)`` of spelled-out labels OCR damaged (``starts``: where a
    label's BY or ON may stand, from :func:`_candidates`; None reads the whole text)."""
    found = []
    for m in _matches_at(_SPELLED, text, starts):
        at = _word_before(text, m.start())
        if at is None:
            continue
        word = text[at : m.start()].rstrip(" \t")
        core = word.strip(_SPECKS)
        letters = "".join(ch for ch in core.upper() if "A" <= ch <= "Z")
        if len(letters) < 6:
            continue
        if sum(ch.isupper() for ch in core) < 2 and not _starts_line(text, at):
            continue  # a word of a sentence ("was classitied by the office")
        raw_tail = m.group("tail")
        tail = "BY" if raw_tail in ("BY", "By", "8Y") else "ON"
        for key in _SPELLED_WORDS[tail]:
            if letters == key and raw_tail in ("BY", "By", "ON", "On"):
                break  # the clean label: the rules' business
            if letters != key and core.upper() in _english():
                continue  # another English word (CLARIFIED BY)
            if Levenshtein.distance(letters, key, score_cutoff=_SPELLED_BOUND) <= _SPELLED_BOUND:
                start = at + word.find(core)
                found.append((start, m.end(), f"{key} {tail}"))
                break
    return found


#: Where the BY of a CL BY label may stand before the classifier's number, its letters read
#: as look-alikes, specks or in lower case, or Y doubled ("8Y", "BT", "B.", "B`", "bY",
#: "BYY"): then a digit or a look-alike of one. Not "by" or "By" ("by 1963"), not a hyphen
#: for Y ("1968-1970"), no speck or space for B: each of those shapes is common in prose, and
#: a pattern that starts with a speck makes the Hyperscan pass several times slower. ASCII
#: for Hyperscan, whose one-byte view reads a typographic speck (a curly quote) as "?";
#: :data:`_LOOSE_BY_RE` has them as they stand.
_BY_SPECKS = ".,'`~\""
_TYPO_SPECKS = "‘’“”"
_LOOSE_BY = re.compile(rf"(?:[B8PE][YVT{_BY_SPECKS}?]|[bh]Y)[ \t]*[:;.,_Y]?[ \t_]*[0-9OolD]")
_LOOSE_BY_RE = re.compile(
    rf"(?:[B8PE][YVT{_BY_SPECKS}{_TYPO_SPECKS}]|[bh]Y)[ \t]*[:;.,_Y]?[ \t_]*[0-9OolD]"
)
#: The label's first token before it: up to four characters, no space inside.
_SPECKS_BY = frozenset(_BY_SPECKS + _TYPO_SPECKS + "?")
_CL_BEFORE = re.compile(r"(?:^|(?<=\s))(?P<cl>[^\s]{1,4}?)[ \t]?$")
#: Look-alikes read as the label's letters and as digits; specks dropped.
_LABEL_FOLD = str.maketrans(
    {"G": "C", "(": "C", "l": "L", "1": "L", "I": "L", "|": "L", "8": "B", "E": "B", "V": "Y",
     **dict.fromkeys(".,'`~-_:; \t\"‘’“”?")}
)  # fmt: skip
_DIGIT_FOLD = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "Z": "2", "S": "5"})
#: The number: digits and look-alikes, specks and one space inside it; the line's end or a
#: space and a word after it.
#: The field as the rule reads it (rules/us/authority.yaml, cl-by).
_CLEAN_CL_BY = re.compile(r"(?:CL|cL|Cl)\.?[ \t]*(?:BY|By)[ \t]*[:.]?[ \t_]*\(?[\dOol]{5,7}")
_CL_NUMBER = re.compile(
    r"[0-9OolIZSD](?:[0-9OolIZSD]|[^\w\s/%](?=[0-9OolIZSD])|[ ](?=[0-9OolIZSD])){3,10}"
)


def _damaged_cl_by(text: str, starts: list[int] | None) -> list[tuple[int, int]]:
    """``(start, end)`` of CL BY fields whose label or number OCR damaged by a letter, a
    speck or a space (``CCL BY 012345``, ``CL B. 012345``, ``CL BY 01~345``, ``CL BY 0
    12345``: invented), or by OCR damage in general (a letter of BY doubled or in lower
    case, a typographic speck: ``CL BYY``, ``Ct bY``, ``eL BY``, ``CL B’``, ``012¢345``).
    The label's letters, look-alikes folded and specks dropped, lie within one edit of CLBY
    (two where the label keeps its CL and the number stands clean), and the number holds
    five to seven digits (look-alikes folded), four of them printed as digits. Why: the CL
    BY line closes CIA cables and dispatches of 1972-1995 (E.O. 11652/12065/12356
    derivative classification, the classifier's employee number); the rule
    (rules/us/authority.yaml, cl-by) reads it clean. ``starts``: where a
    BY may stand, from the Hyperscan pass; None searches the text with ``re``."""
    found: list[tuple[int, int]] = []
    if starts is None:
        starts = [m.start() for m in _LOOSE_BY_RE.finditer(text)]
    for at in starts:
        lo = text.rfind("\n", 0, at) + 1
        before = _CL_BEFORE.search(text, max(lo, at - 6), at)
        if before is None:
            continue
        by = text[at : at + 2]
        if by[:1] in _SPECKS_BY and by[1:2] in _SPECKS_BY:
            continue  # both letters of BY lost: nothing of the label's second word is left
        if by[:2].islower() and (at == before.end("cl") or not before.group("cl").isupper()):
            continue  # "by" in lower case after a word ("Ashby", "Col by"): prose
        label = (before.group("cl") + by).translate(_LABEL_FOLD).upper().replace("0", "O")
        if label[:1] not in ("C", "L") and label[1:2] != "L":
            continue  # the label keeps its C or its L: not "BY" after another short word
        m = _CL_NUMBER.search(text, at + 1, min(len(text), at + 20))
        if m is None or "\n" in text[at : m.start()]:
            continue
        raw = m.group(0)
        while raw and not raw[-1].isalnum():
            raw = raw[:-1]  # specks after the number
        # two edits in the label where the number stands clean (five to seven digits as
        # printed: the classifier's number), else one
        # (the label keeps its CL, its first token short: CALL BY is a word)
        clean = raw.isdigit() and 5 <= len(raw) <= 7
        clean = clean and label.startswith(("CL", "CCL")) and len(before.group("cl")) <= 3
        bound = 2 if clean else 1
        if (
            not 3 <= len(label) <= 6
            or Levenshtein.distance(label, "CLBY", score_cutoff=bound) > bound
        ):
            continue
        digits = [ch for ch in raw.translate(_DIGIT_FOLD) if ch.isdigit()]
        if not 5 <= len(digits) <= 7 or sum(ch.isdigit() for ch in raw) < 4:
            continue
        after = m.start() + len(raw)
        if after < len(text) and text[after].isalnum():
            continue  # the number runs into a word
        if _CLEAN_CL_BY.fullmatch(text, before.start("cl"), after):
            continue  # the clean field: the rule's
        found.append((before.start("cl"), after))
    return found


def _word_before(text: str, pos: int) -> int | None:
    """The start of the token of 5-15 characters that ends at ``pos`` (spaces before
    ``pos`` skipped), or None. The token follows a space or a line's start."""
    end = pos
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace() and end - start <= 15:
        start -= 1
    if not 5 <= end - start <= 15 or (start > 0 and not text[start - 1].isspace()):
        return None
    return start


def _starts_line(text: str, at: int) -> bool:
    """Only specks stand before ``at`` on its line."""
    lo = text.rfind("\n", 0, at) + 1
    return len(text[lo:at].strip(_SPECKS)) == 0


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """English words in capitals (SCOWL list, ``names/english_words.txt``): CLARIFIED BY,
    CLASSIFIES ON are prose."""
    return edge_lexicon().english


#: A value as the block writes it, damaged or not: a number, a date or reason code (digits),
#: or an exemption code (X1-X8, OCR reading the digit as a letter: "Xl", "Xt").
_CODE = re.compile(r"[^\w]*[Xx][\W_]?[1-8lIiLtT|!]")


def _coded(name: str) -> bool:
    """The abbreviated fields hold codes and numbers; the spelled-out ones may hold words
    ("Derived From: Multiple Sources")."""
    return name.startswith(
        ("CL ", "CL.", "CLBY", "DECL ", "DRV", "ORV", "0RV", "DRY", "DERIVATIVE")
    ) or name.endswith("REVW ON")


def _value_like(value: str) -> bool:
    """The field holds a value: a digit in it, or an exemption code."""
    return any(ch.isdigit() for ch in value) or _CODE.match(value) is not None


def _line_end(text: str, pos: int, limit: int) -> int:
    """The end of the line at ``pos``, or where a value running past ``limit`` ends (the
    token that crosses it)."""
    nl = text.find("\n", pos, limit)
    if nl >= 0:
        return nl
    space = text.find(" ", limit)
    nl = text.find("\n", limit)
    ends = [p for p in (space, nl) if p >= 0]
    return min(ends) if ends else len(text)


def _name(label: str) -> str:
    return " ".join(re.sub(r"[:;]", "", label).upper().split())
