"""The CIA no-objection stamp's first and last lines where OCR cut or damaged them (issue 17).

CIA reviewers stamped records of other agencies that held CIA information (FBI, HSCA and
Church Committee files of the JFK collection, 1975-1998): ``CIA HAS NO OBJECTION TO`` /
``DECLASSIFICATION AND/OR`` / ``RELEASE OF THIS DOCUMENT`` (``LEGACY-RELEASE-STAMP`` in
``rules/legacy/controls-1950-1990.yaml`` reads its clean lines and the whole stamp; the
phrase step the stamp damaged in place). Where the stamp sat over a table or the page's edge,
OCR keeps a line alone: the first cut short or its OBJECTION misread at the line's end (``CIA
HAS NO OBJE``, ``CIA HAS NO oBjct! ON``), the last alone on its line with its first or last
letters lost or changed (``ELEASE OF THIS DOCUM``, ``BELEASE OF THIs docunENT``). In the
pool (seed 2020 draw and its grep) about a dozen records hold such a stamp with no line found.

As for the lending stamp (:mod:`ocr_lending_stamp`, whose grouping this step shares), a line
is reported only where no line of the same stamp was found within three lines (annotators
span the stamp line by line or as one block), and lines of one stamp are one finding. The
first line counts only cut or damaged (the rules read it whole, and a cable's "THE EMBASSY HAS
NO OBJECTION" is prose) and after a CIA-like word; the last only where it is all its line
holds but for a few characters of noise.

Cost: two scans with a literal start (``AS N``, ``OF TH``).
"""

from __future__ import annotations

import re

from redactcheck.detect.markings.ocr_lending_stamp import alone_groups

NAME = "CIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR RELEASE OF THIS DOCUMENT"

# the first line: "CIA" (C, O or G, then I, l, F or nothing, then A) and "HAS NO", then a
# piece of OBJECTION cut or damaged, and nothing but specks to the line's end
_HAS_NO = re.compile(
    r"AS[ \t]+N[Oo0][ \t]+(?P<ob>[Oo0][BbR8][A-Za-z!.]{0,8}(?:[ \t]+[OoT][NnOo])?)"
)
_CIA_BEFORE = re.compile(r"(?:^|[^A-Za-z])[CGO][IiLlF1|]?A[ \t]?H?$")
_LINE_END = re.compile(r"[ \t.,;:'!|]*(?:\n|$)")
#: The intact word: the rules read that line.
_WHOLE = ("OBJECTION", "OBJECTIONS")
# the last line: "RELEASE OF THIS DOCUMENT", its first letters lost or changed ("ELEASE",
# "BELEASE"), DOCUMENT cut or damaged ("DOCUM", "DOCVMENT", "docunENT")
_OF_THIS = re.compile(r"OF[ \t]+TH[Ii1lL|][Ss][ \t]+(?P<doc>[A-Za-z]{4,9}(?:[ \t][A-Za-z]{1,3})?)")
_RELEASE_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{0,3}[EL]?[A-Z]?[A@]SE[ \t]+$")
_DOCUMENT = re.compile(r"(?i)[dcb]?o?[cg]?[uv]m[ea]?n?t?|doc[a-z]{0,5}|[a-z]{0,3}ument")
#: At most this many characters of noise around the last line's phrase on its line, with no
#: three letters in a row in them (a date or specks, not a sentence: "ASK FOR RELEASE ...").
_NOISE = 12
_WORD = re.compile(r"[A-Za-z]{3}")
# stamp findings of other rules and steps: a line of the same stamp found already (loose:
# a damaged stamp word found by another step, "DECLASSIIGATON", counts)
_STAMP_WORDS = re.compile(r"(?i)obj|has ?no|ass|ecl|and/?or|rele|sanit")


def no_objection_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, NAME)`` of no-objection stamps none of whose lines ``taken`` holds."""
    lines = _first_lines(text) + _last_lines(text)
    return [(s, e, NAME) for s, e in alone_groups(text, lines, taken, _STAMP_WORDS)]


def _first_lines(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _HAS_NO.finditer(text):
        ob = m.group("ob")
        if ob.split()[0].upper().rstrip(".!") in _WHOLE or ob.endswith("-"):
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        head = _CIA_BEFORE.search(text, max(ls, m.start() - 6), m.start())
        if head is None or _LINE_END.match(text, m.end()) is None:
            continue
        start = head.start() + (0 if text[head.start()].isalpha() else 1)
        out.append((start, m.end()))
    return out


def _last_lines(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _OF_THIS.finditer(text):
        if _DOCUMENT.fullmatch(m.group("doc").split()[0]) is None:
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        head = _RELEASE_BEFORE.search(text, max(ls, m.start() - 10), m.start())
        if head is None:
            continue
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        before, after = text[ls : head.start()], text[m.end() : le]
        if len(before) > _NOISE or len(after) > _NOISE or _WORD.search(before + " " + after):
            continue  # the phrase inside a sentence or beside other text
        doc = m.group("doc").split()[0]
        end = m.end() if len(doc) < len("DOCUMENT") else m.start("doc") + len(doc)
        out.append((head.start(), end))  # a cut DOCUMENT keeps the piece after it ("DOCUME iN")
    return out
