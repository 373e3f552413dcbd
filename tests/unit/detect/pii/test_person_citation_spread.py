"""A surname a letter citation vouches for ("Quarrendon to Okafor, May 3, 1943" in a
Historian essay's notes) is spread to its mentions in the prose even where the model labels
one of them a place: the citation is a person's evidence of its own, as a reporting verb is.

All text is invented; every name is made up.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people

_TEXT = (
    "The historian pressed for a faster plan. In the spring Quarrendon warned that the series "
    "would fall behind, and the committee agreed.\n\nNotes\n\n"
    "1. Quarrendon to Okafor, May 3, 1943, Central Files, Box 2.\n"
)


def test_a_cited_surname_is_spread_to_the_prose_despite_a_place_label():
    first = _TEXT.index("Quarrendon")
    ner = [(first, first + len("Quarrendon"), "GPE")]
    found = {(p.start, p.end) for p in find_people(_TEXT, ner)}
    assert (first, first + len("Quarrendon")) in found
    cited = _TEXT.rindex("Quarrendon")
    assert (cited, cited + len("Quarrendon")) in found
