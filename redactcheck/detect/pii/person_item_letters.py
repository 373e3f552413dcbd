"""A letter that labels a question or a cited reference, read as a person's initial.

Why its own module: the initials finder (``person_cues.initials``) takes a capital letter, a
full stop and a word in capitals for a name ("J. QUARLEY"), and a name found there is spread
to every other mention of its word. Two lettered shapes of cables and records give that shape
with no person in it (pool seeds 10505 and 10506 and set 3's tune part, issue 16):

- questions lettered as items: questionnaires sent to posts and lists of questions put to a
  record's readers letter each question, and the question opens with an interrogative word
  ("H. HOW DOES POST ASSESS ...", "*A. WHY IS MY NAME ..."). The interrogative words of
  English are a closed class (The Cambridge Grammar of the English Language, ch. 10, §7.1:
  *who, whom, whose, which, what, where, when, why, how*, with *whether* of closed
  interrogatives); two of them are also census surnames, so the name lists do not refuse them;
- cited references: a State cable letters the documents its REF line cites ("REF: A. STATE
  1234, B. ..."), and its text cites them back as "REF E", "REFS F AND H", "REFTEL C"; a letter
  that ends a sentence there is followed by the next sentence's first word in capitals ("AS
  NOTED IN REF E. BIOGRAPHIC OFFICERS WOULD ...").
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_shapes import _UP

#: The interrogative words (CGEL ch. 10, §7.1), lower case.
_INTERROGATIVES = frozenset(
    ("who", "whom", "whose", "which", "what", "where", "when", "why", "how", "whether")
)
#: One initial and the word after it: "H. HOW", "E. BIOGRAPHIC" (the initials finder's match
#: may start a word earlier, at "REF" or "AND", read as a given name).
_LETTER_WORD = re.compile(rf"(?<![\w.])[{_UP}]\.[ \t]*([^\W\d_]+)")
#: A reference cited by its letter: "REF E", "REFS F AND H", "REFTELS A, B", "Ref. C", at
#: the end of the text before the letter.
_REF_BEFORE = re.compile(
    rf"\b(?i:ref|refs|reftel|reftels)\.?(?:[ \t]+[{_UP}](?:[ \t]*,|[ \t]+(?i:and)|[ \t]*&))*"
    r"[ \t]+$"
)


def item_letter(text: str, start: int, name: str) -> bool:
    """True when ``name``, found at ``start`` in ``text``, opens with a letter that labels a
    question ("H. HOW ...") or a cited reference ("REF E. BIOGRAPHIC ...")."""
    m = _LETTER_WORD.search(name)
    if not m:
        return False
    if m.group(1).lower() in _INTERROGATIVES:
        return True
    at = start + m.start()
    return _REF_BEFORE.search(text, max(0, at - 40), at) is not None
