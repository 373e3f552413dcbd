"""In a bad scan, a rare surname the model reads as a person at two places is reported
(person_filters._read_twice): OCR debris that spells a listed surname by chance does not spell
it twice, so repetition vouches for it as a frequent name does. Read once, it is still refused;
a short surname read twice still needs more (OCR's "FRON" for "FROM" repeats as the word does).

All text is invented; every name is made up.
"""

from __future__ import annotations

from redactcheck.detect.pii.person_rules import find_people

#: a scanned memo page: more than a fifth of its lower-case words are no English words
_NOISE = (
    "tbe reqort was sert to tbe ofice on frlday and tbe agemt said he wouid retnrn the\n"
    "flles aftcr the meetimg. the stafion chlef asked for a copv of tbe lisf and the\n"
    "numbcrs were cbecked agaimst the carda. no fnrther actlon was taken at this tlme.\n"
)


def _found(text: str, model_spans: list[str]) -> list[str]:
    ner = []
    for part in model_spans:
        start = text.index(part, ner[-1][1] if ner and text[ner[-1][0] : ner[-1][1]] == part else 0)
        ner.append((start, start + len(part), "PERSON"))
    return [text[p.start : p.end] for p in find_people(text, ner)]


def test_a_rare_surname_the_model_reads_twice_in_a_bad_scan_is_reported():
    text = _NOISE + "the lettcr went to Marovich.\n" + _NOISE + "Marovich sald he wouid go.\n"
    found = _found(text, ["Marovich", "Marovich"])
    assert found == ["Marovich", "Marovich"]


def test_read_once_the_rare_surname_is_still_refused():
    text = _NOISE + "the lettcr went to Marovich on tbe flrst.\n" + _NOISE
    assert _found(text, ["Marovich"]) == []


def test_a_short_surname_read_twice_is_still_refused():
    text = _NOISE + "he came FRON CUBA by sea.\n" + _NOISE + "sent FRON BASE by air.\n"
    assert _found(text, ["FRON CUBA", "FRON BASE"]) == []
