"""Editorial brackets inside and around names, read through (same length).

Why: documentary editions (FRUS, the Office of the Historian's essays) and transcripts put a
word the editor supplied in square brackets: a given name ("[Osric] Tallowby"), a surname the
original left out ("Mr. [Tallowby]"), or letters the original lacked ("Mr. Qu[en]by"). Name
cues read a title followed by a name word; a bracket in between, or inside the word, hid the
name from them and from the model. The view made here has the same length as the text, so
every offset maps back one-for-one and a finding's text is the original's ("Qu[en]by").
"""

from __future__ import annotations

import re

#: One bracketed word of letters (no spaces: "[less than 1 line not declassified]" and
#: numbered notes "[12]" stay as they are).
_BRACKETED = re.compile(r"\[([A-Za-z][a-z'’-]*)\]")


def unbracket(text: str) -> str:
    """``text`` with editorial brackets around a word read through: blanks where the bracket
    stands between words, a copy of the next (or last) letter inside a word, so the word stays
    one token ("Qu[en]by" reads "Queennby": name-shaped, and no word of any list)."""
    if "[" not in text:
        return text
    return _BRACKETED.sub(lambda m: _through(text, m), text)


#: A capitalised word (or "Mr.") right before, or right after, on the same line.
_CAP_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]$")
_CAP_AFTER = re.compile(r"[ \t][A-Z]")


def _through(text: str, m: re.Match[str]) -> str:
    inner = m.group(1)
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if not (
        before.isalpha()
        or after.isalpha()
        or _CAP_BEFORE.search(text, max(0, m.start() - 30), m.start())
        or _CAP_AFTER.match(text, m.end())
    ):
        return m.group(0)  # a word alone in brackets ("[Applause]"): a remark, not a name
    left = inner[0].lower() if before.isalpha() else " "
    right = inner[-1] if after.isalpha() else " "
    return left + inner + right


def whole_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A span that holds one bracket of a pair takes in the other ("[Osric] Tallowby", not
    "Osric] Tallowby"), so the reviewer sees, and a redaction masks, the whole name."""
    span = text[start:end]
    if start > 0 and text[start - 1] == "[" and "]" in span and "[" not in span.split("]")[0]:
        start -= 1
    if end < len(text) and text[end] == "]" and "[" in span and "]" not in span.split("[")[-1]:
        end += 1
    return start, end
