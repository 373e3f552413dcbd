"""The name after a body's noun and "of": a port, a council, a college, a press, dropped at the end.

Why its own module: institutions are named for the place or the field they serve, written
"<noun> of <name>": "the Port of Quellhaven", "the Muslim Council of Tarnshire", "University
Press of Quellmark" in a bibliography, "the College of Orvell and Dana". The name after "of" is
then a place or the institution's own name, never a person, but the finders take it for a lone
surname, a spread copy of a given name, or the name after a title of office ("Secretary General
of the ... Council of X"). Pool samples seed 4949 and 4950 (issue 16, docs/quality.md, "Fifth
sitting of 2026-12-07"): 6 findings in 4 documents (Historian biographies and monographs,
cables), none a person. ``person_kinds`` already drops the name after the nouns of a state and
"University of" and marks it a place at every mention; here only the span right after the noun
goes, since a college named for people ("of Orvell and Dana") must not make the people's names
places elsewhere in the text.

The nouns, title case or capitals as in a name, each seen before a place or an institution's
name in the pool and before no person's: Port, Council, College, Press, Academy, Institute,
Museum, Bank, School, Library.
"""

from __future__ import annotations

from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.person_scores import PersonSpan

_BODY_OF = skip_to_first(
    r"\b(?:Port|Council|College|Press|Academy|Institute|Museum|Bank|School|Library|"
    r"PORT|COUNCIL|COLLEGE|PRESS|ACADEMY|INSTITUTE|MUSEUM|BANK|SCHOOL|LIBRARY)"
    r"[ \t]*\n?[ \t]*(?:of|OF)[ \t]*\n?[ \t]*(?:(?:the|THE)[ \t]+)?$"
)
#: How far back the noun and "of" may start ("Institute\nof the ").
_LOOK_BACK = 24


def drop_body_names(text: str, people: list[PersonSpan]) -> list[PersonSpan]:
    """``people`` less the spans right after a body's noun and "of"."""
    return [p for p in people if not _BODY_OF.search(text, max(0, p.start - _LOOK_BACK), p.start)]
