"""Writer and addressee of a memorandum or letter cited by its two officers' surnames.

Why: FBI memoranda end with a note that cites an earlier one by writer and addressee, with no
date in the Historian style ("NOTE: See memorandum Quennell to Tallowby dated 9/12/66"), and CIA
and White House files list memoranda so ("Memo, Quennell to Tallowby, 14 March 1963", "Memo
from Quennell to Tallowby"). :func:`~redactcheck.detect.pii.name_candidates.letter_citations`
reads only the dated footnote form. Read on the JFK records of the unlabelled pool (seed 1818,
then a search of the pool: about 10 of the 40 records that cite a memorandum or letter so had a
writer or addressee nothing found, often the writer, a surname the model leaves alone).

Taken: after "memorandum", "memo" or "letter" (maybe "from", maybe "Mr."), two name-shaped
words joined by "to", when one is a listed name the model does not call a place here and
neither is an ordinary word, an acronym or a cryptonym (the word "memorandum" vouches for the
other). Cables and teletypes are left out: they are cited by their stations ("cable from
Quorville to Headquarters").
"""

from __future__ import annotations

from redactcheck.detect.pii.name_candidates import _W, Add, Judge, _cited_writer
from redactcheck.detect.pii.name_twins import skip_to_first

_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|MR|MRS|DR)\.?[ \t]+)?"
_MEMO = skip_to_first(
    r"(?<![\w'’-])(?:[Mm]emo(?:randum)?|MEMO(?:RANDUM)?|[Ll]etter|LETTER)[,.]?[ \t]+"
    rf"(?:(?:from|FROM)[ \t]+)?{_HONORIFIC}(?P<a>{_W})[ \t]+(?:to|TO)[ \t]+{_HONORIFIC}"
    rf"(?P<b>{_W})(?![\w'’-])"
)


def memo_citations(text: str, judge: Judge, add: Add) -> None:
    """Both officers of a cited memorandum or letter (see the module note)."""
    if "emo" not in text and "etter" not in text and "EMO" not in text and "ETTER" not in text:
        return
    for m in _MEMO.finditer(text):
        words = [m.group("a"), m.group("b")]
        if not all(judge.cued_name(w, model_blind=True) and len(w) >= 3 for w in words):
            continue
        if any(_cited_writer(w, judge) for w in words):
            add(*m.span("a"), "citation")
            add(*m.span("b"), "citation")
