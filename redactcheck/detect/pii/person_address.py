"""One-word names in the slots where a person is addressed or related to someone.

Why its own module: a given name or surname alone, with no title, no full mention and no
reporting verb, is found by the model or not at all. Three grammatical slots hold a person
whatever the word, each from a published description of English:

- **vocatives** (Huddleston & Pullum, *The Cambridge Grammar of the English Language*, 2002,
  on vocatives: a noun phrase addressing the hearer, set off by a comma at the start or the end
  of its clause; a personal name is its commonest filler): after a greeting or thanks that
  opens a sentence ("Hi Ines,", "Thank you, Imelda."), and after a comma that ends a question or
  an exclamation ("Do you agree, Hazel?"), as meeting minutes and transcripts write them;
- **a letter's complimentary close and signature** (US GPO Style Manual and ordinary
  letter-writing convention: the close, "Sincerely," or "Regards,", on its own line, then the
  writer's name): a single name word alone on the line after such a close ("Best
  regards,⏎Beatriz");
- **the possessor of a kinship or role noun** (the same grammar, on the genitive: relational
  nouns such as "wife", "lawyer", "deputy" take their relatum as a subject-determiner, and
  for kinship nouns that is a person): "Odalys's husband", "TOMASZ'S LAWYER".

The word must be a listed given name or surname (``name_words``), and none of the text's or the
lists' verdicts against it: written in lower case in the same text, a place the model or the
text names, a country, state or city (unless a given name), a month or weekday, a title or
other not-person word, an ordinary English word unless a given name in Title Case ("Hazel",
not "HAZEL"); in a bad scan only a frequent name (debris spells rare names by chance).
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_candidates import Add, Judge, _english_given_name
from redactcheck.detect.pii.name_twins import NAME_WORD, skip_to_first
from redactcheck.detect.pii.person_vetting import _DATE_WORDS, _cities, _gazetteer

#: A greeting or thanks before the name it addresses: "Hi Ines,", "THANK YOU, ROSALIND."
#: ("Dear" is a title word already, person_cues).
_GREETING = skip_to_first(
    r"\b(?:Hi|Hello|Hey|Thanks|Thank[ \t]+you|Good[ \t]+(?:morning|afternoon|evening|night)"
    r"|Goodbye|Welcome|Congratulations|HI|HELLO|THANKS|THANK[ \t]+YOU|GOOD[ \t]+MORNING"
    rf"|CONGRATULATIONS),?[ \t]+(?P<name>{NAME_WORD})(?=[ \t]*(?:[,.!?:;]|\n|$))"
)
#: A vocative that ends a question or an exclamation: "anything to add, Hazel?" (read back from
#: each "?" or "!", which few texts hold: a pattern tried at every comma costs more).
_TRAILING = re.compile(rf"(?<=[a-zA-Z]),[ \t]+(?P<name>{NAME_WORD})[ \t]*$")
_END_MARK = re.compile(r"[?!]")
#: Parts of every close's words, in the cases a letter writes them: a text with none of them
#: (most) skips the line-by-line pattern (a substring test runs at C speed).
_CLOSE_HINTS = (
    "egards", "EGARDS", "ishes", "ISHES", "hank", "HANK", "incerely", "INCERELY", "ruly",
    "RULY", "aithfully", "AITHFULLY", "ours ever", "OURS EVER", "espectfully", "ESPECTFULLY",
    "ordially", "ORDIALLY", "heers", "HEERS",
)  # fmt: skip
#: A complimentary close alone on its line, then (after blank lines) one name word alone.
_CLOSE = re.compile(
    r"^[ \t]*(?i:(?:with[ \t]+)?(?:(?:best|kind|kindest|warm|warmest|many|my[ \t]+best)[ \t]+)?"
    r"(?:regards|wishes|thanks)|sincerely(?:[ \t]+yours)?|yours[ \t]+(?:sincerely|truly|"
    r"faithfully|ever)|very[ \t]+truly[ \t]+yours|respectfully(?:[ \t]+yours)?|cordially"
    r"(?:[ \t]+yours)?|cheers|thank[ \t]+you)[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*"
    rf"(?P<name>{NAME_WORD})[ \t]*[,.]?[ \t]*$",
    re.MULTILINE,
)
_KIN = (
    r"wife|husband|widow|widower|son|daughter|brother|sister|father|mother|cousin|nephew|"
    r"niece|uncle|aunt|grandson|granddaughter|grandfather|grandmother|fiancee?|fiancée|"
    r"(?:father|mother|brother|sister|son|daughter)-in-law|girlfriend|boyfriend|mistress|"
    r"lawyer|attorney|deputy|aide|assistant|secretary|driver|chauffeur|bodyguard|boss|friend"
)
#: "'s husband", "’S LAWYER": where a possessor of a relational noun ends.
_KIN_AFTER = re.compile(rf"['’][sS][ \t]+(?:{_KIN}|{_KIN.upper()})\b")
_PREV_WORD = re.compile(r"[\w'’-]+$")
_WORD_END = re.compile(rf"(?<![\w'’/.-])(?P<name>{NAME_WORD})$")
#: A sentence or a line opens before a greeting: "Hi Ines" is no greeting inside "say Hi".
_OPENS = re.compile(r"(?:^|[.!?:;\"“‘(—-])[ \t]*$")


def _addressed(word: str, judge: Judge) -> bool:
    """A listed name that nothing here rules out (module docstring)."""
    nw = judge.nw
    low = word.lower()
    if (
        len(word) < 3
        or not nw.is_name(word)
        or not _text_allows(word, judge)
        or any(low + end in judge.lower_words for end in ("'s", "’s", "s"))  # "the hazel's"
        or low in _DATE_WORDS
        or low in _gazetteer()
        or (low in _cities() and not nw.is_given(word))
        or (nw.is_proper(word) and not nw.is_given(word))
        or (judge.noisy and not nw.is_frequent(word))
    ):
        return False
    return not nw.is_english(word) or _english_given_name(word, judge)


def _text_allows(word: str, judge: Judge) -> bool:
    """None of the text's verdicts is against the word. The model's place and group labels
    count in mixed case; on a word in capitals they are no guide (the model reads the
    title-cased copy of a capitals line without context and calls unknown names places,
    person_caps_votes), so there the lists' and the text's own verdicts decide."""
    if word.isupper():
        return judge.cued_name(word, model_blind=True)
    return not judge.excluded(word) and word.lower() not in judge.places


def address_names(text: str, judge: Judge, add: Add) -> None:
    """Vocatives, a letter's signer after its close, and the possessor of a kinship or role
    noun: each a listed name that passes ``_addressed``; basis ``address``, once per span."""
    seen: set[tuple[int, int]] = set()

    def once(s: int, e: int) -> None:
        if (s, e) not in seen:
            seen.add((s, e))
            add(s, e, "address")

    for m in _GREETING.finditer(text):
        s, e = m.span("name")
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if _OPENS.search(line) and _addressed(m.group("name"), judge):
            once(s, e)
    for mark in _END_MARK.finditer(text):
        v = _TRAILING.search(text, max(0, mark.start() - 48), mark.start())
        if v is None:
            continue
        word = v.group("name")
        prev = _PREV_WORD.search(text, max(0, v.start() - 40), v.start())
        if prev and prev.group(0)[0].isupper() and not word.isupper():
            continue  # "to Quillby, Quenbury?": a place and its region, not a vocative
        if _addressed(word, judge):
            once(*v.span("name"))
    closes = _CLOSE.finditer(text) if any(h in text for h in _CLOSE_HINTS) else ()
    for m in closes:
        if _addressed(m.group("name"), judge):
            once(*m.span("name"))
    for m in _KIN_AFTER.finditer(text):
        w = _WORD_END.search(text, max(0, m.start() - 40), m.start())
        if w is None:
            continue
        if _addressed(w.group("name"), judge):
            once(*w.span("name"))
