"""Names after an honorific whose full stop the scanner read as a comma ("Mr, Quennell").

Why: typed memoranda and FBI routing slips of the 1960s write "Mr." before every officer's
surname, and OCR reads its full stop as a comma or a colon ("Mr, Tallowby", "Dr, QUARRIE",
"Mrs: Okafor"). :mod:`~redactcheck.detect.pii.ocr_titles` takes this form only in texts
:func:`~redactcheck.detect.pii.name_candidates.ocr_noisy` calls badly scanned and only for a
name in small letters; but a single misread full stop is as common in a clean scan, and CIA
cables and dispatches write the surname in capitals ("Mr, HALVERSTAM telephoned"). Read on
the JFK records of the unlabelled pool (seed 1818: 186 pool records hold the form; of 60
drawn, 15 had such a name nothing found, in small letters and in capitals). No English prose
writes a comma straight after "Mr" or "Mrs", so the form is a cue of its own. "MR" in
capitals is also an acronym ("MR, MOVIMIENTO ..." for a movement's initials): after it the
word must be a listed name, and the usual checks (no English word, no place, no cryptonym,
no acronym, no foreign office word) apply to every name.
"""

from __future__ import annotations

from redactcheck.detect.pii.name_candidates import Add, Judge
from redactcheck.detect.pii.name_twins import skip_to_first

#: "Mr,", "Mrs,", "Ms,", "Dr," (or with a colon) in mixed case, then a capitalised name in
#: small letters or in capitals. "Messrs," starts a list (person_plural_titles).
_MIXED = skip_to_first(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr)[,:][ \t]+(?P<name>[A-Z](?:[a-z]{2,}|[A-Z]{2,})"
    r"(?:-[A-Z][a-z]+)?)(?![\w'’-])"
)
#: The same in capitals ("MR, QUARRIE"): only a listed name after it (see the module note).
_CAPS = skip_to_first(r"(?<![\w.])(?:MR|MRS|DR)[,:][ \t]+(?P<name>[A-Z]{3,})(?![\w'’-])")

_FORMS = tuple(f"{t}{p}" for t in ("Mr", "Mrs", "Ms", "Dr", "MR", "MRS", "DR") for p in ",:")


def comma_titles(text: str, judge: Judge, add: Add) -> None:
    """Names after an honorific written with a comma or colon for its full stop."""
    if not any(form in text for form in _FORMS):
        return  # most texts: fourteen substring tests, no regex pass
    nw = judge.nw
    for rx, listed_only in ((_MIXED, False), (_CAPS, True)):
        for m in rx.finditer(text):
            name = m.group("name")
            if nw.is_english(name) and not nw.is_name(name):
                continue  # "Mr, Chairman", "Dr, WHO"
            if listed_only and not nw.is_name(name):
                continue
            if judge.name_like(name, cued=True):
                add(*m.span("name"), "title-ocr")
