"""Keep phone-number candidates that look like phone numbers (``rules/lexicons/phone.yaml``).

Presidio's recogniser accepts short digit runs such as the ``1695`` of "UNSCR 1695", document
and case numbers; a reviewer redacts telephone and fax numbers, not resolution numbers.
"""

from __future__ import annotations

import re

from redactcheck.detect.lexicons import PhoneLexicon, phone_lexicon

_WORD = re.compile(r"[a-z]+\.?|#")


def is_phone(text: str, start: int, end: int, lex: PhoneLexicon | None = None) -> bool:
    """True when ``text[start:end]`` should be reported as a phone number."""
    lex = lex or phone_lexicon()
    candidate = text[start:end]
    digits = sum(c.isdigit() for c in candidate)
    if digits < lex.min_digits:
        return False
    before = text[max(0, start - lex.window) : start].lower()
    words = _WORD.findall(before)
    if any(w in lex.context or w.rstrip(".") in lex.context for w in words):
        return True
    if words and words[-1].rstrip(".") in lex.not_before:
        return False
    if lex.shape.fullmatch(candidate.strip()):
        # a shaped number inside a longer run of digits/dashes is a document number
        after = text[end : end + 1]
        prior = text[start - 1 : start] if start else ""
        return not (after.isdigit() or prior.isdigit() or after == "-" or prior == "-")
    return False
