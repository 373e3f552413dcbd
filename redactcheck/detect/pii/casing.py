"""Case restoration of ALL-CAPS lines, so the NER model sees names the way it was trained to.

The stock model loses a third of its PERSON entities when text is upper-cased. Lines that are
mostly capitals get their words title-cased, except acronyms from ``not_person.yaml`` (they
stay capitals so that the model reads ``DPRK`` and ``MOFA`` as organisations, not people) and
cable routing/tag lines (they name no one). The copy has exactly the length of the original,
so every offset found in it is an offset in the original text.
"""

from __future__ import annotations

import re

from redactcheck.detect.lexicons import name_lexicon
from redactcheck.detect.pii.name_twins import skip_to_first

_CAPS_LINE_MIN_LETTERS = 4
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LINE = re.compile(r"[^\n]*\n?")
#: Two or more capitalised words in a row inside a mixed-case line ("By: AMBASSADOR J. SMITH").
_CAPS_RUN = skip_to_first(r"\b[A-Z][A-Z'’-]*\.?(?:[ \t]+[A-Z][A-Z'’-]*\.?)+(?![a-z])")


def restore_case(text: str) -> str:
    """Title-case words on lines that are mostly upper case; keep the length exactly."""
    if not any(c.isupper() for c in text):
        return text
    lexicon = name_lexicon()
    acronyms = lexicon.acronyms
    cable_line = lexicon.cable_line

    def title_word(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in acronyms:
            return word
        rest = "".join(c.lower() if len(c.lower()) == 1 else c for c in word[1:])
        return word[0] + rest

    out: list[str] = []
    for line in _LINE.findall(text):
        letters = sum(map(str.isalpha, line))  # map: the loop runs in C
        if letters >= _CAPS_LINE_MIN_LETTERS:
            upper = sum(map(str.isupper, line))
            if upper >= 0.8 * letters:
                if not cable_line.match(line.lstrip()):
                    line = _WORD.sub(title_word, line)
            elif upper >= 4:
                line = _CAPS_RUN.sub(lambda m: _WORD.sub(title_word, m.group(0)), line)
        out.append(line)
    restored = "".join(out)
    return restored if len(restored) == len(text) else text
