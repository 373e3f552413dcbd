"""Declassify-on values: the date and exemption codes a ``Declassify On:`` or ``DECL:`` line
carries, in the date orders real documents use (``20451231``, ``2045/12/31``, ``12/31/45``).

Its own module because the structure check that flags a passed date is one of several readers
of these values, and the forms are data a reviewer may want to check on their own.
"""

from __future__ import annotations

import re
from datetime import date

_EXEMPTION = re.compile(
    r"(?<![\w.])((?:25|50|75)X[1-9](?:-(?:HUM|WMD))?|1\.[56] ?X[1-8]|OADR|XGDS(?:-[1-4])?|MR)"
    r"(?![\w])"
)
_DATE_FORMS = (
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{4})[/\-](\d{1,2})[/\-](\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?!\d)"), ("m", "d", "y")),
)
DECL_VALUE = re.compile(r"(?:Declassify|DECLASSIFY|ECLASSIFY)[ \t]+(?:[Oo]n|ON)[ \t]*:|DECL[ \t]*:")


def parse_declassify_on(text: str) -> tuple[date | None, list[str]]:
    """The date and exemption codes of a declassify-on value (``20451231``, ``08/11/2026``,
    ``25X1, 20501001``, ``OADR``, ``1.6X1``); date ``None`` when the value has none."""
    m = DECL_VALUE.search(text)
    value = text[m.end() :] if m else text
    exemptions = [e.replace(" ", "") for e in _EXEMPTION.findall(value)]
    for pattern, order in _DATE_FORMS:
        dm = pattern.search(value)
        if dm is None:
            continue
        parts = dict(zip(order, (int(g) for g in dm.groups()), strict=True))
        year = parts["y"]
        if year < 100:
            year += 1900 if year >= 50 else 2000
        try:
            return date(year, parts["m"], parts["d"]), exemptions
        except ValueError:
            continue
    return None, exemptions
