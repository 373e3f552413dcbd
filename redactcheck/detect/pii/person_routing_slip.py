"""The fixed entries of an FBI routing slip that are no officer's name.

Why: the FBI's routing slip of the 1960s lists the officials a memorandum or teletype goes to,
one surname a line, and near its foot an office, the teletype room ("Tele. Room"), then two or
three more officers. :func:`~redactcheck.detect.pii.name_candidates.name_columns` reads a
column of one-word lines; the two-word entry broke the column there, so the officers after it
were missed (often two, which alone are too few to make a column). Read on the JFK records of
the unlabelled pool (seed 1818, then the 19 pool records whose slip holds the entry: in 13 the
officers after it were missed). A line holding only this entry continues the column
and counts as one of its lines, but is never reported.
"""

from __future__ import annotations

import re

#: A line holding only the teletype room's entry, with OCR's ticks and blanks around it.
ROUTING_ENTRY = re.compile(r"^[^\w\n]{0,4}Tele\.?[ \t]*Room\b[^\w\n]*$", re.MULTILINE)


def routing_entry_near(text: str, start: int, end: int) -> bool:
    """A routing-slip entry line among the lines from just before ``start`` to ``end``."""
    return ROUTING_ENTRY.search(text, max(0, start - 40), end) is not None
