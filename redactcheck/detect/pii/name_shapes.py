"""The shape of a name written out, as regular-expression building blocks.

Why its own module: the person filters, the cues, the spreading and the name candidates all
describe a name word the same way (capitals, particles such as "van" or "de", initials); one
definition keeps them in step.
"""

from __future__ import annotations

import re

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
#: One word of a name: an initial, a capitalised word (with hyphen/apostrophe parts), or a
#: word in capitals. "Okonkwo-Hale", "O'Neill", "Jong-il", "J.", "SCHMIDT".
NAME_TOKEN = (
    rf"(?:[{_UP}]\.(?:[ \t]?[{_UP}]\.)*"
    rf"|(?:Ma?c|O['’])?[{_UP}][{_LO}]+(?:[-'’][{_UP}{_LO}][{_LO}]*)*"
    rf"|[{_UP}]{{2,}}(?:[-'’][{_UP}]+)*)"
)
PARTICLES = ("de", "del", "della", "der", "den", "di", "da", "dos", "du", "la", "le", "van",
             "von", "bin", "ibn", "al", "el", "y", "ter", "ten", "zu")  # fmt: skip
_PARTICLE = "(?:" + "|".join(PARTICLES) + r")(?:[ \t]+|-)"
_NAME = rf"{NAME_TOKEN}(?:[ \t]+(?:{_PARTICLE})*{NAME_TOKEN}){{0,3}}"
_TOKEN_RE = re.compile(rf"(?:{_PARTICLE})*{NAME_TOKEN}")
_INITIAL = re.compile(rf"^[{_UP}]\.(?:[ \t]?[{_UP}]\.)*$")
_CAP_WORD = re.compile(rf"(?<![\w-])[{_UP}]\w*(?:-\w+|['’](?![sS]\b)\w+)*(?![\w-])")
_SPLIT = re.compile(r"[^\s(\[{\"“|]+")
_ONE_INITIAL = re.compile(rf"[{_UP}]\.[ \t]?[{_UP}][{_LO}{_UP}]")
#: Words in capitals that read as verbs or adverbs, not names ("ARRIVED", "MEETING"); kept
#: narrow so that REED, ALFRED, AHMED or STERLING are not caught.
_VERB_ENDING = re.compile(r"^[A-Z]{2,}(?:[BCDFGKPSTVWXZ]ED|IED|ING|ALLY|ILY|SSES)$")
_VOWEL = re.compile(r"[aeiouyà-ÿAEIOUYÀ-Þ]")
