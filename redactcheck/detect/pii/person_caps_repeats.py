"""A surname written in capitals again and again inside the small-letter sentences of a record.

Why: CIA dispatches and FBI reports write a person's surname in capitals inside ordinary prose
("a letter to HALVORSEN", "HALVORSEN's wife was present", "according to HALVORSEN"). The model
rarely sees these (the line is not in capitals, so its case is not restored) and
:func:`~redactcheck.detect.pii.person_cues._caps_prose_surnames` reads them only in a text that
writes three or more different surnames so. A record about one person (an informant's report,
a case officer's notes on one contact) writes one surname, many times, and nothing found it.
Read on the JFK records of the unlabelled pool: seeds 1818 and 1819, then a search of the pool
(138 records write a listed surname in capitals three times or more inside sentences, outside
that style; of 60 read, 11 had such a person nothing found, and 4 a body or a thing instead:
an exile movement's initials, a factory, an alias used like a cryptonym).

Taken: a census surname (no English word, dictionary proper noun, acronym, cryptonym, place of
the text, nor written in small letters in the text) written in capitals three times or more
inside sentences of mixed-case lines (a small word or a comma before it, a small word or
punctuation after it), and at least once with a person's cue after it: a possessive or a verb
("HALVORSEN's wife", "HALVORSEN said", "HALVORSEN would"). Never a word written after "the"
anywhere in the text (unless a possessive follows) nor joined by a hyphen to another capital
word: bodies and acronyms take an article ("the QRMV", "QRMV-XL"); after "of", "in", "at" a
mention only does not count. The model's place labels veto the word only when they stand at a
quarter of its mentions or more (basis ``caps-repeated``, which outweighs a stray one;
``caps-prose`` otherwise): a one-person record had its subject called a facility once among
fifteen mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from redactcheck.detect.pii.name_candidates import Add, Judge, is_cryptonym
from redactcheck.detect.pii.name_twins import skip_to_first

#: A word in capitals, four letters or more, not joined to a word, a slash or a hyphen.
_CAPS = skip_to_first(r"(?<![\w'’/-])[A-Z]{4,}(?![\w/]|[-'’][A-Z])")
_PLACE_LABELS = frozenset(("LOCATION", "GPE", "LOC", "FAC", "NRP", "NORP"))
#: Mentions a word needs before its repetition counts (as ``_repeated_surnames``).
_REPEATS = 3
#: Inside a sentence: a small word, a comma or a semicolon before the word.
_SENTENCE_BEFORE = re.compile(r"(?:(?<![\w'’-])(?P<prev>[a-z][a-z'’-]*)|[,;])[ \t]*\n?[ \t]*$")
_SENTENCE_AFTER = re.compile(r"['’]s\b|[ \t]*[,.;:)]|[ \t]*\n?[ \t]*[a-z]")
#: Before these a word in capitals is a body, a place or a thing ("the MIRR", "in LOWE
#: factory"), not a person.
_NOT_BEFORE = frozenset(
    ("the", "of", "in", "at", "near", "into", "from", "via", "an", "a", "this", "that's")
)
_ARTICLE_BEFORE = skip_to_first(r"\b(?:the|The|THE)[ \t]*\n?[ \t]*$")
_POSSESSIVE = re.compile(r"['’]s\b")
#: A person's cue after the word: a possessive, a verb of a report or a modal.
_PERSON_AFTER = re.compile(
    r"['’]s\b|[ \t]+(?:was|is|has|had|said|says|told|stated|advised|would|could|will|"
    r"did|does|may|might|should|who|whom|whose|also|himself|herself|[a-z]{3,}ed)\b"
)


def caps_repeats(
    text: str, judge: Judge, add: Add, ner: Iterable[tuple[int, int, str]] = ()
) -> None:
    """Surnames in capitals repeated inside a record's sentences (see the module note).
    ``ner``: the model's entities; its place labels outweigh the repetition only when they
    are a quarter of the word's mentions or more."""
    counts = Counter(_CAPS.findall(text))
    words = [w for w, n in counts.items() if n >= _REPEATS and _surname(w, judge)]
    if not words:
        return
    placed = Counter(text[s:e] for s, e, label in ner if label in _PLACE_LABELS)
    for word in words:
        spans: list[tuple[int, int]] = []
        cued = False
        for m in re.finditer(rf"(?<![\w'’/-]){word}(?![\w/]|[-'’][A-Z])", text):
            s, e = m.span()
            if _ARTICLE_BEFORE.search(text, max(0, s - 6), s) and not _POSSESSIVE.match(text, e):
                spans = []
                break  # "the MIRR": a body or a thing, in every mention ("the X's" is a person's)
            before = _SENTENCE_BEFORE.search(text, max(0, s - 40), s)
            if (
                before is None
                or ((before.group("prev") or "") in _NOT_BEFORE and not _POSSESSIVE.match(text, e))
                or not _SENTENCE_AFTER.match(text, e)
                or not _mixed_line(text, s, e)
            ):
                continue
            spans.append((s, e))
            cued = cued or bool(_PERSON_AFTER.match(text, e))
        if len(spans) >= _REPEATS and cued:
            # a place label at one mention in four or fewer: the model read that mention out
            # of its context (a scanned line cut short), and the repetition outweighs it
            basis = "caps-repeated" if placed[word] * 4 <= counts[word] else "caps-prose"
            for s, e in spans:
                add(s, e, basis)


def _surname(word: str, judge: Judge) -> bool:
    nw, lex = judge.nw, judge.lex
    return (
        nw.is_surname(word)
        and not nw.is_english(word)
        and not nw.is_proper(word)
        and word not in lex.acronyms
        # the word's own verdicts (an acronym, a cryptonym, written in small letters here);
        # the model's place labels are counted by ``caps_repeats``
        and not judge.lex.is_not_person_word(word)
        and not is_cryptonym(word, lex, nw)
        and word.lower() not in judge.lower_words
        and nw.plausible(word)
    )


def _mixed_line(text: str, s: int, e: int) -> bool:
    """The line is prose in small letters, not a heading or a cable in capitals."""
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    line = text[a : len(text) if b < 0 else b]
    return sum(map(str.islower, line)) >= 0.4 * sum(map(str.isalpha, line))
