"""The fields of a classification authority block whose values OCR damaged or lost.

Why: CIA cables, memos and forms of the 1970s-1990s close with an authority block in fixed
field labels (E.O. 12065 and E.O. 12356 derivative classification: ``CL BY: 0123456``,
``CL REASON: 1.5(c)``, ``DECL ON: X1``, ``DRV FROM: COV 1-82``; the stamp box ``DERIVATIVE
CL BY ___ / DECL REVW ON ___ / DERIVED FROM ___`` of E.O. 11652/12065 records). The
rules read the fields by their values (an officer's number, a reason code, an exemption code
or a date); on a scan the value is damaged (invented: ``CL BY: OS48?b``, ``CL REASON:
Secton 1.5``, ``DECL ON: Xl``), blank (the box never filled in) or carried to another
line, and the rules pass the field by. The labels themselves are no English words or phrases:
a label in capitals with its colon (or the semicolon OCR reads for it) is the field wherever
it stands; the box labels are printed without a colon. A field left blank (``CL BY: ___``)
is the form's label, not a marking: it is not reported.

A finding covers the label and what follows it on its line up to the next label or 40
characters, specks at its end dropped. Title-case labels (``Derived From:``,
``Declassify On:``) count after a quote or noise, where the rules want them at the line's
start.
"""

from __future__ import annotations

import re

#: The labels: capitals with a colon or semicolon (OCR reads one for the other), or the stamp
#: box's labels without one. Sources: E.O. 12065 sec. 1-5 and E.O. 12356 sec. 1.5 (marking
#: of derivative classification, as CIA cables print it), the E.O. 11652/12065 stamp box.
_LABEL = (
    r"(?:CL\.?[ \t]?BY|CL[ \t]+REASON|DECL[ \t]+(?:ON|BY)|DRV[ \t]+(?:FROM|FM)"
    r"|DERIVED[ \t]+FROM|DECLASSIFY[ \t]+ON|Derived[ \t]+From|Declassify[ \t]+On)[ \t]*[:;]"
    r"|DERIVATIVE[ \t]+CL[ \t]?BY|[A-Z]?REVW[ \t]+ON"  # a box before REVW read as a letter
)
_FIELD = re.compile(rf"(?<![A-Za-z])(?P<label>{_LABEL})(?![a-z])")
#: Where the value ends: the line's end, the next label, or a comma or semicolon before the
#: next field ("CL BY: 0123456, CL REASON: ...").
_NEXT = re.compile(rf"\n|,?[ \t]*(?:{_LABEL})")
_SPECKS = " \t_-~=|.,;:'\"“”‘’[]{}<>"


def authority_findings(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of authority fields not overlapping ``taken`` (extended with
    what is found)."""
    out: list[tuple[int, int, str]] = []
    for m in _FIELD.finditer(text):
        start, label_end = m.span()
        limit = min(len(text), label_end + 40)
        nxt = _NEXT.search(text, label_end, limit)
        end = nxt.start() if nxt is not None else _line_end(text, label_end, limit)
        while end > label_end and (
            text[end - 1] in _SPECKS
            or text[end - 1] in "()"
            and text.count("(", label_end, end) != text.count(")", label_end, end)
        ):
            end -= 1  # specks, and a bracket left open or closed by noise
        if not any(ch.isalnum() for ch in text[label_end:end]):
            continue  # a blank field is the form's label, not a marking
        if any(start < e and s < end for s, e in taken):
            continue
        out.append((start, end, _name(m.group("label"))))
        taken.append((start, end))
    return out


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
