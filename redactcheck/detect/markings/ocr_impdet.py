"""The E2 IMPDET slug of CIA traffic with IMPDET damaged beyond one letter (issue 17).

CIA cables and dispatches of 1972-1978 close with the E.O. 11652 exemption slug ``E2 IMPDET``
(exempt under category 2, declassification date impossible to determine), often followed by
``CL BY`` and the classifier's number. ``US-CLASSIFICATION-AUTHORITY`` reads it with one letter
of IMPDET misread; on JFK-collection scans OCR often misreads two (invented: ``E2 IMQOET``,
``€2 TMPDFT``, ``E 2 QMPDFT``), which no regex of bounded size lists. Here a token of five to
eight letters after ``E2`` (E read as €, £ or B; a space, hyphen or comma allowed) within two
edits of IMPDET, case folded, is the slug, with a ``CL BY`` number after it when one follows.
English words that close (IMPACT, IMPORT ...) are left out. In 18 pool records (the seed 2020
draw and the pool count that followed), none of them a word of prose.

Cost: one scan for ``2`` followed by letters, about 0.04 s on the 30 MB corpus.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

NAME = "E2 IMPDET"
_SLUG = re.compile(
    r"2[ \t,.]{0,3}(?P<tok>[A-Za-z]{5,8})(?![A-Za-z])"
    r"(?P<cl>[ \t,.>]{1,3}C[LlIt]\.?[ \t]*[BS5][Yy][ \t]*:?[ \t]*[\dOol]{5,7}(?![\w]))?"
)
_E_BEFORE = re.compile(r"(?:^|[^\w])[E€£$B][ \t-]?$")
#: English words within two edits of IMPDET: never the slug.
_WORDS = frozenset({"IMPACT", "IMPART", "IMPORT", "IMPEDE", "IMPEL", "IMPEDED", "INDENT", "IMPUTE"})
BOUND = 2


def impdet_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, NAME)`` of damaged ``E2 IMPDET`` slugs not overlapping ``taken``."""
    out: list[tuple[int, int, str]] = []
    for m in _SLUG.finditer(text):
        word = m.group("tok").upper()
        if m.group("tok") == "IMPDET" or word in _WORDS:
            continue  # the intact slug is the authority rule's
        if Levenshtein.distance(word, "IMPDET", score_cutoff=BOUND) > BOUND:
            continue
        head = _E_BEFORE.search(text, max(0, m.start() - 3), m.start())
        if head is None:
            continue
        start = head.start() + (0 if text[head.start()] in "E€£$B" else 1)
        end = m.end()
        if any(start < e and s < end for s, e in taken):
            end = m.end("tok")  # the CL BY number found already: the slug alone
            if any(start < e and s < end for s, e in taken):
                continue
        out.append((start, end, NAME))
        taken.append((start, end))
    return out
