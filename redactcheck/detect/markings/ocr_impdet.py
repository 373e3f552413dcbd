"""The E2 IMPDET slug of CIA traffic with IMPDET damaged beyond one letter (issue 17).

CIA cables and dispatches of 1972-1978 close with the E.O. 11652 exemption slug ``E2 IMPDET``
(exempt under category 2, declassification date impossible to determine), often followed by
``CL BY`` and the classifier's number. ``US-CLASSIFICATION-AUTHORITY`` reads it with one letter
of IMPDET misread; on JFK-collection scans OCR often misreads two (invented: ``E2 IMQOET``,
``€2 TMPDFT``, ``E 2 QMPDFT``), which no regex of bounded size lists. Here a token after
``E2`` (E read as €, £, B or e, doubled or lost before its hyphen; 2 read as Z or doubled;
a space, hyphen or comma allowed) whose
letters, specks dropped and case folded, lie within two edits of IMPDET is the slug, with a
``CL BY`` number after it when one follows. The damage is OCR's in general, not a list of seen
forms: a speck read inside the word (``IMP~DET``), the word split by a space (``IM PDET``),
letters in lower case (tests/support/ocr_damage.py, authority).
English words that close (IMPACT, IMPORT ...) are left out. In 18 pool records (the seed 2020
draw and the pool count that followed), none of them a word of prose.

Cost: one scan for ``2`` (and ``Z``) with an E before it, about 0.05 s on the 30 MB corpus.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

NAME = "E2 IMPDET"
_TAIL = r"[ \t,.]{0,3}(?P<tok>(?:[^\s\d]|1(?=[A-Za-z]))[^\s]{0,9})(?:[ \t](?P<more>[^\s]{1,6}))?"
#: Each starts with its literal, so that ``re`` skips to it (an alternation at the start
#: would make it try every position), then looks back for the E: 2 (or 22), and 2 read as Z.
_SLUGS = (
    re.compile(r"2(?:(?<=[E€£$Be]2)|(?<=[E€£$Be][ \t-]2)|(?<=-2))2?" + _TAIL),
    re.compile(r"Z(?:(?<=[E€£$Be][ \t-]Z))" + _TAIL),
)
#: What may stand right before the 2 (tested before the head's regex).
_BEFORE = frozenset("E€£$Be- \t")
_CL = re.compile(r"[ \t,.>]{1,3}C[LlIt]\.?[ \t]*[BS5][Yy][ \t]*:?[ \t]*[\dOol]{5,7}(?![\w])")
#: E (read as €, £, $, B or e, or doubled) before the 2, or its hyphen alone (E lost)
_E_BEFORE = re.compile(r"(?:^|[^\w])(?:[E€£$Be]{1,2}[ \t-]?|-)$")
#: The token's letters before a speck (a page's noise may follow the word: ``IMPDFT.d``).
_LEAD = re.compile(r"[A-Za-z]{4,}")
#: English words within two edits of IMPDET: never the slug.
_WORDS = frozenset({"IMPACT", "IMPART", "IMPORT", "IMPEDE", "IMPEL", "IMPEDED", "INDENT", "IMPUTE"})
BOUND = 2


def impdet_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, NAME)`` of damaged ``E2 IMPDET`` slugs not overlapping ``taken``."""
    out: list[tuple[int, int, str]] = []
    for m in _matches(text):
        if m.start() == 0 or text[m.start() - 1] not in _BEFORE:
            continue  # the usual case ("12 May", "ZONE"): one character tested
        if text[m.start()] == "Z" and text[m.start() - 1] not in " \t-":
            continue  # Z for 2 only after E and a space or hyphen
        head = _E_BEFORE.search(text, max(0, m.start() - 4), m.start())
        if head is None:
            continue  # the usual case ("12 May"): tested before the letters
        tok_end = _slug_end(m)
        if tok_end is None:
            continue
        while not text[tok_end - 1].isalnum():
            tok_end -= 1  # a comma or speck after the word is not the slug's
        start = head.start() + (0 if text[head.start()] in "E€£$Be-" else 1)
        cl = _CL.match(text, tok_end)
        end = cl.end() if cl is not None else tok_end
        if any(start < e and s < end for s, e in taken):
            end = tok_end  # the CL BY number found already: the slug alone
            if any(start < e and s < end for s, e in taken):
                continue
        out.append((start, end, NAME))
        taken.append((start, end))
    return out


def _matches(text: str) -> list[re.Match[str]]:
    """Matches of both slug patterns, in text order, the Z ones only where Z is in text."""
    found = list(_SLUGS[0].finditer(text))
    if "Z" in text:
        found += _SLUGS[1].finditer(text)
        found.sort(key=lambda m: m.start())
    return found


def _slug_end(m: re.Match[str]) -> int | None:
    """Where the damaged IMPDET of ``m`` ends: its token, or the token and the piece a space
    split off it (``IMPD ET``) where that reads closer, whose letters (specks dropped:
    ``IMP~DET``, ``IM'PDET``) lie within two edits of IMPDET; None for the intact slug, an
    English word or another token."""
    tok, more = m.group("tok"), m.group("more")
    if tok == "IMPDET":
        return None  # the intact slug is the authority rule's
    tries = [(tok, m.end("tok"))]
    lead = _LEAD.match(tok)
    if lead is not None and lead.end() < len(tok):
        tries.append((lead.group(0), m.start("tok") + lead.end()))  # "INPPET.d": the word
    if more is not None:
        tries.append((tok + more, m.end("more")))  # the split piece, where it reads closer
    best: tuple[int, int] | None = None  # (edits, end)
    for raw, end in tries:
        word = _letters(raw)
        if word in _WORDS or not 4 <= len(word) <= 8:
            continue
        d = Levenshtein.distance(word, "IMPDET", score_cutoff=BOUND)
        if d <= BOUND and (best is None or d < best[0]):
            best = (d, end)
    return None if best is None else best[1]


def _letters(token: str) -> str:
    """The token's letters in capitals (specks, quotes and digits dropped)."""
    return "".join(ch for ch in token.upper() if "A" <= ch <= "Z")
