"""The name after "by the name of": "a watchmaker by the name of Quellmore", "TWO DRIVERS BY THE
NAMES OF TALLOWBY AND MARCH".

Why: FBI and CIA reports and memoranda introduce a person they know little about with this
phrase ("an individual by the name of ...", "a visitor by the name of ...", "also known by the
name of ..."), and the name after it is most often a surname on no list, alone, in mixed-case
prose with no title, so neither the model nor the lists take it; once it is found, spreading
finds its later mentions. Seen in the unlabelled pool (a search of its JFK records, 2026-12-07,
branch names23): the phrase stands before a capitalised name in about 45 places of 40 records,
and the tool missed the name in 15 places of 13 different texts (jewelers, officials, a son,
a partner, a creature of a Cuban group). The phrase also names firms ("an enterprise by the
name of the ..."), so a body's noun just before it, or an article or a lower-case word after
it, stops the rule; the words after it must pass the checks a cued name passes (no ordinary
English word, place, acronym or cryptonym).
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_candidates import Add, Judge
from redactcheck.detect.pii.name_twins import skip_to_first

_GAP = r"[ \t]*\n?[ \t]*"
#: "by the name of", "BY THE NAMES OF", "by the name off" (OCR), broken over a line.
_PHRASE = skip_to_first(
    rf"\b(?:by|BY|By){_GAP}(?:the|THE|The){_GAP}(?P<plural>names?|NAMES?|Names?){_GAP}"
    rf"(?:of|OF|off|ot){_GAP}[.,:]?[ \t]*[\"“‘'|]?[ \t]*"
)
_WORD = r"[A-Z][A-Za-z'’-]*[A-Za-z]"
#: One to three capitalised words, a particle allowed between ("Ivo de QUELLO").
_NAME = re.compile(
    rf"(?P<name>{_WORD}(?:[ \t]+(?:(?:de|del|da|la|van|von|DE|DEL)[ \t]+)?{_WORD}){{0,2}})"
    r"(?![\w'’-])"
)
_LINES = r"[ \t]*(?:\n[ \t]*){0,2}"
_AND = re.compile(rf"[ \t]*,?{_LINES}(?:and|AND|&){_LINES}[\"“‘'|]?[ \t]*")
#: A body or a thing named with the same phrase ("a firm by the name of ..."): the phrase's
#: head noun, within the three words before it.
_BODY_BEFORE = re.compile(
    r"\b(?:company|firm|enterprise|corporation|concern|organi[sz]ation|group|club|society|"
    r"association|party|hotel|motel|restaurant|bar|cafe|store|shop|bank|ship|vessel|boat|"
    r"yacht|plane|aircraft|town|village|city|place|street|road|island|newspaper|magazine|"
    r"paper|journal|book|film|movie|song|operation|project|program|programme|code|station|"
    r"school|church|publication|dog|horse|product|brand)s?\b(?:[ \t\n]+\S+){0,2}[ \t\n]*$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^ \t]+")
_PARTICLES = frozenset(("de", "del", "da", "la", "van", "von"))


def named_by(text: str, judge: Judge, add: Add) -> None:
    """Add the name (or, after "names of", both names) that follows the phrase."""
    if "name" not in text and "NAME" not in text and "Name" not in text:
        return
    for m in _PHRASE.finditer(text):
        if _BODY_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue
        pos = m.end()
        for _ in range(2 if m.group("plural").lower() == "names" else 1):
            n = _NAME.match(text, pos)
            if n is None:
                break
            end = _name_end(text, n.start("name"), n.end("name"), judge)
            if end is None:
                break
            add(n.start("name"), end, "context")
            more = _AND.match(text, end)
            if more is None:
                break
            pos = more.end()


def _name_end(text: str, start: int, end: int, judge: Judge) -> int | None:
    """The end of the longest run of name words from ``start`` ("Quellmore Says" gives
    "Quellmore"); None when the first word is no name's word (an ordinary English word, a
    place, an acronym, a title) or every word is an English word."""
    last = None
    words: list[str] = []
    for t in _TOKEN.finditer(text, start, end):
        word = t.group(0)
        if word.lower() in _PARTICLES:
            continue
        bare = word.strip("'’-")
        if bare.lower() in judge.lex.title_words or not judge.cued_name(bare):
            break
        words.append(bare)
        last = t.end()
    nw = judge.nw
    # an English word the lists also hold ("Smoke", "Bishop") is a nickname or a thing unless
    # a given name opens the name or another word of it is no English word
    if words and all(nw.is_english(w) for w in words) and not nw.is_given(words[0]):
        return None
    return last
