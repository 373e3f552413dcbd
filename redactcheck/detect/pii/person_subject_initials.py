"""A person's initials in the SUBJECTS field of a JFK-collection identification form.

Why: every record of the JFK Assassination Records collection opens with an identification
form whose SUBJECTS field lists the file's subjects as short codes: a person as the initials of
a name ("RDQ, POST-RP, ASSOC"), an activity or a body as an abbreviation ("ACT", "ASSOC",
"CIP"). Neither the model nor the name lists can read two or three capitals as a name, so the
initials were missed in four of the tune documents (eval-dev and set 3). The form gives no
mark of which codes are people, but the record itself often spells the person's name out
("Rosalind Dagny Quarrington" for "RDQ", or "QUARRINGTON, ROSALIND D."): initials are taken
when the record spells them out as a person's name (a listed given name first, or a person
span already found, so a name of any naming tradition counts) and never as anything else
("Coastal Inspection Program" for "CIP", a commission for a pair of initials). Seen in the
unlabelled pool (seeds 6565 and 6566, 500 JFK records): 5 records, 5 people. Only the plural
label is read: a cable's "SUBJECT:" line names its topic, and its codes are countries and
bodies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from redactcheck.detect.pii.name_candidates import Judge
from redactcheck.detect.pii.person_scores import PersonSpan

#: The field's label; its value stands after it or on one of the next lines.
_FIELD = re.compile(r"^[ \t\"'‘“]*SUBJECTS[ \t]*[:=;]?[ \t]*(?P<rest>[^\n]*)$", re.MULTILINE)
#: The line after an empty label: its value, unless it is the next label.
_NEXT_LINE = re.compile(r"(?:[ \t]*\n){1,3}[ \t]*(?P<v>[^\n]+)")
#: The form's other labels: a line holding one is no value ("DOCUMENT TYPE :").
_LABEL = re.compile(r"^[A-Z][A-Z ]+[ \t]*[:=;]|^(?:DOCUMENT|CLASSIFICATION|RESTRICTIONS)\b")
#: Forms whose labels and values OCR read as two blocks: the values follow the document's date
#: and its page count, each on a line of its own ("06/20/1963", "18", then the subjects).
_VALUE_BLOCK = re.compile(
    r"^[ \t]*\d{1,2}/\d{1,2}/\d{4}[ \t]*\n(?:[ \t]*\n)*[ \t]*\d{1,4}[ \t]*\n(?:[ \t]*\n)*"
    r"(?P<value>[^\n]+)$",
    re.MULTILINE,
)
#: An item of the field that is two or three capitals and nothing else.
_ITEM = re.compile(r"[ \t]*(?P<code>[A-Z]{2,3})[ \t]*(?=,|$)")
#: Between two words of a spelt-out name: blanks or one line break, an initial's full stop.
_SEP = r"\.?(?:[ \t]+|[ \t]*\n[ \t]*)"
_FORM_HEAD = 2500  # the form fills the first page: the field stands in its first characters


def subject_initials(
    text: str, judge: Judge, people: Sequence[PersonSpan]
) -> Iterator[tuple[int, int]]:
    """Spans of initials in the form's SUBJECTS field that stand for a person (``people``:
    the person spans found so far, which vouch for a name of any naming tradition)."""
    if text.find("SUBJECTS", 0, _FORM_HEAD) < 0:
        return  # nearly every text: no identification form
    for start, value in _field_values(text):
        for m in _items(value):
            if _person_code(text, m.group("code"), judge, people):
                yield start + m.start("code"), start + m.end("code")


def _field_values(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each value line of the field (at most one per layout)."""
    head = text[:_FORM_HEAD]
    for m in _FIELD.finditer(head):
        if m.group("rest").strip():
            yield m.start("rest"), m.group("rest")
            continue
        nxt = _NEXT_LINE.match(head, m.end())
        if nxt and not _LABEL.match(nxt.group("v")):
            yield nxt.start("v"), nxt.group("v")
            continue
        block = _VALUE_BLOCK.search(text, m.end(), m.end() + _FORM_HEAD)
        if block:
            yield block.start("value"), block.group("value")


def _items(value: str) -> Iterator[re.Match[str]]:
    """The comma-separated items of a value line that are two or three capitals."""
    pos = 0
    for part in value.split(","):
        m = _ITEM.fullmatch(value, pos, pos + len(part))
        if m:
            yield m
        pos += len(part) + 1


def _person_code(text: str, code: str, judge: Judge, people: Sequence[PersonSpan]) -> bool:
    """Initials of a person: spelt out in the text as a person's name and never as anything
    else ("CM" for "Cosimo Marvelli", though "cm" is a word)."""
    person = other = False
    for s, e, words in _expansions(text, code):
        if len(words[0]) < 2:
            continue  # "G. PELLOW" for "GM": an initial says nothing either way
        if _is_person(words, judge) or any(p.start <= s and e <= p.end for p in people):
            person = True
        else:
            other = True
    return person and not other


def _expansions(text: str, code: str) -> Iterator[tuple[int, int, list[str]]]:
    """Capitalised word runs whose first letters are ``code``, in order ("Rosalind Dagny
    Quarrington") or surname first ("QUARRINGTON, ROSALIND D."): (start, end, words in name
    order)."""
    word = r"(?:{c}[A-Za-z'’-]+|{c}\.)"
    forward = _SEP.join(word.format(c=c) for c in code)
    inverted = word.format(c=code[-1]) + r",[ \t]*" + _SEP.join(word.format(c=c) for c in code[:-1])
    for m in re.finditer(rf"(?<![\w'’-])(?:{forward}|{inverted})(?![\w'’-])", text):
        words = re.findall(r"[A-Za-z'’-]+", m.group(0))
        if "," in m.group(0):  # surname first: read it in the forward order
            words = words[1:] + words[:1]
        yield m.start(), m.end(), words


def _is_person(words: list[str], judge: Judge) -> bool:
    """A listed given name first, and no ordinary English word or misread word after it."""
    nw = judge.nw
    if not nw.is_given(words[0]):
        return False
    return all(
        len(w) == 1 or not (nw.is_english(w) and not nw.is_name(w)) and not nw.misread_word(w)
        for w in words[1:]
    )
