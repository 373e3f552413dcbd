"""Acronyms a document defines itself: "the Independent Electoral Board (IEB)".

Why its own module: cables, CIA reports and Historian texts spell a body, a programme or a
material out once and put its acronym in brackets after it; later the bare acronym stands
alone in capitals ("THE IEB RULING", "funds for MRRQ"), where the model and
the spreading of single words read it as a surname. The document itself says what the word
is: the initials of the words before the brackets spell it. Seen in four documents of the
pool samples (seeds 1313 and 1314: an electoral commission in a cable, an exile movement in
an FBI report, nuclear materials in a cable, a licensing office).

A person's initials are defined the same way ("Ofelia Quintana Marrero (OQM)") and the
labels count those as the person: words that spell a person's name, with a listed given name
among them, define no acronym here.
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_words import NameWords

#: "(IEB)", "( MRRQ )", "(CoCom)": three to eight letters, three of them capitals.
_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z]{2,7})\s*\)")
_WORD = re.compile(r"[^\W\d_][\w'’]*")
#: Words an acronym skips (articles, prepositions, conjunctions of the languages of the
#: records' bodies).
_SKIPPED = frozenset(
    ("of", "and", "the", "for", "on", "in", "to", "at", "by", "with", "de", "del", "la", "las",
     "los", "el", "y", "e", "des", "du", "et", "le", "les", "da", "do", "dos", "das", "der",
     "die", "und", "fur", "für")
)  # fmt: skip
#: Characters before the bracket read for the spelled-out words.
_BEFORE = 160


def defined_acronyms(text: str, nw: NameWords) -> frozenset[str]:
    """The acronyms (upper case) that ``text`` defines by spelling them out before brackets."""
    if "(" not in text:
        return frozenset()
    out = set()
    for m in _BRACKETED.finditer(text):
        acronym = m.group(1)
        if sum(c.isupper() for c in acronym) < 3:
            continue
        words = _WORD.findall(text, max(0, m.start() - _BEFORE), m.start())
        if _spelled_out(acronym.upper(), words, nw):
            out.add(acronym.upper())
    return frozenset(out)


def _spelled_out(acronym: str, words: list[str], nw: NameWords) -> bool:
    """The last words before the bracket (less skipped words) begin with the acronym's
    letters in order, one word a letter ("Counter-Measures" is two words); none of them is a
    listed given name."""
    parts = []
    for w in reversed(words):
        if w.lower() in _SKIPPED:
            continue
        parts.append(w)
        if len(parts) >= len(acronym):
            break
    parts.reverse()
    for k in range(1, len(parts) + 1):
        tail = parts[-k:]
        if "".join(w[0] for w in tail).upper() == acronym:
            return not any(nw.is_given(w) for w in tail)
    return False
