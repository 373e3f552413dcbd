"""Editorial brackets in and around names (documentary editions, transcripts): the person rules
read through them, and findings keep the original text at exact offsets. Invented names."""

from __future__ import annotations

from redactcheck.detect.pii.brackets import unbracket
from redactcheck.detect.pii.refine import refine_results


def _people(text: str) -> list[str]:
    hits = refine_results(text, [], entities=["PERSON"])
    assert all(text[h.start : h.end] == h.text for h in hits)
    return [h.text for h in hits]


def test_the_view_keeps_every_offset():
    for text in ("Mr. Qu[en]by came.", "[Osric] Tallowby", "a [12] b [less than 1 line] c"):
        assert len(unbracket(text)) == len(text)
    # notes and editorial remarks with spaces are left as they are
    assert unbracket("see [12] and [1 line not declassified]") == (
        "see [12] and [1 line not declassified]"
    )


def test_a_name_with_a_supplied_given_name_surname_or_letters_is_found():
    assert _people("The cable from [Osric] Tallowby was read.") == ["[Osric] Tallowby"]
    assert _people("Then Mr. [Tallowby] said so.") == ["Tallowby"]
    assert _people("He met Mr. Qu[en]by at noon.") == ["Qu[en]by"]


def test_brackets_without_a_name_add_nothing():
    assert _people("The text [sic] was read; [less than 1 line not declassified] follows.") == []
    # a word alone in brackets is an editor's remark in a transcript, not a name
    remark = '"We shall see," she said. [Applause]\n'
    assert unbracket(remark) == remark
