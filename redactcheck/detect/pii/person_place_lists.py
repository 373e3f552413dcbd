"""Members of a list of places taken for people, dropped from the finished list.

Why its own module: State Department writing names places in runs: a cable's or an
article's prose lists ports, posts and cities ("the ports of Quellmoor, Tarnby and
Vessholm"), Historian country histories name where a legation or consulate stood ("the
Consulate in Quellport"), and post lists set the towns in a column a line each. The finders
read a town no gazetteer holds, or one that is also a surname ("Valencia", "Merida"), as a
lone surname or spread a name onto it; its neighbours in the run tell what it is. A span is
dropped, whatever found it but a title or an initial (``_CUED``: "Consul Tarnby" stays), when:

- inline: it is one whole item of a comma, semicolon, "and" or "or" run, and the items on
  both sides are known places, or it ends the run ("..., X and <span>") after two known
  places, or opens it before two known places that close with "and"/"or";
- column: it is alone on its line and the nearest written lines above and below each hold
  one known place and nothing else;
- list cue: it is an item of the run right after "Embassy in", "Consulates at", "Legation
  in", "posts at" and the other nouns of a diplomatic or consular post (the Foreign Affairs
  Manual's names of posts: embassy, legation, consulate, consulate general, mission, post),
  whose objects are towns.

A known place is a city of GeoNames (100,000 people or more) or a country
(person_vetting's lists) that is no listed given name. A span shaped like
a person's full name (a listed given name then more words, or an initial) is kept unless it is
itself a known place: lists of people carry their towns ("Orla Venn, Tarnby, Quellmark"). The
other mentions of a dropped word that only spreading found go with it; a word of a name the
document gives after a title or with a given name is never dropped ("New York, Venn and
Quist" after "Counsellor Orla Venn").
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_words import NameWords
from redactcheck.detect.pii.person_scores import _CUED, PersonSpan
from redactcheck.detect.pii.person_vetting import _cities, _countries, _plain

#: Separators of the items of an inline run: comma, semicolon, "and", "or", "&".
_SEP = re.compile(r"[ \t]*(?:[,;]?[ \t\n]+(?:and|or|AND|OR|&)(?=[ \t\n])|[,;])[ \t\n]*")
#: An item: one to four capitalised words, particles between them (a town's name, "Rio de
#: Janeiro", "NUEVO LAREDO"), broken at most once at a line end as cables wrap ("the United
#: ⏎States"); no lower-case word, so a run's first item stops at it.
_CAP = r"(?<![\w'’.-])[A-ZÀ-ÖØ-Þ][\w'’-]*"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_ITEM = re.compile(rf"{_CAP}(?:{_GAP}(?:de|da|do|del|la|el|{_CAP})){{0,3}}")
_ITEM_END = re.compile(rf"{_CAP}(?:{_GAP}(?:de|da|do|del|la|el|{_CAP})){{0,3}}$")
#: The nouns of a diplomatic or consular post before "in"/"at" and the towns that are their
#: objects ("the Consulates at Quellport, Tarnby and Vessholm", "EMBASSY IN QUELLPORI").
_CUE = re.compile(
    r"\b(?:embass(?:y|ies)|legations?|consulates?(?:[ -]general)?|consular[ \t]+posts?|"
    r"missions?|posts?)[ \t\n]+(?:in|at)[ \t\n]+$|\bposts:[ \t\n]*$",
    re.IGNORECASE,
)
_INITIAL = re.compile(r"\b[A-Z]\.")
_WINDOW = 160  # characters each side read for a run: a few town names


def drop_place_lists(text: str, people: list[PersonSpan], nw: NameWords) -> list[PersonSpan]:
    """``people`` less the spans that are members of a run or column of places."""
    dropped = [p for p in people if p.basis not in _CUED and _place_member(text, p, nw)]
    if not dropped:
        return people
    named = _named_words(text, people, nw)
    dropped = [p for p in dropped if _plain(text[p.start : p.end]) not in named]
    words = {_plain(text[p.start : p.end]) for p in dropped}
    gone = {id(p) for p in dropped}
    return [
        p
        for p in people
        if id(p) not in gone
        and not (p.basis == "propagated" and _plain(text[p.start : p.end]) in words)
    ]


def _named_words(text: str, people: list[PersonSpan], nw: NameWords) -> set[str]:
    """The words of the document's people named surely: after a title, or a full name with a
    listed given name ("Counsellor Orla Venn", "Orla Venn"). Such a word in a run beside
    towns is that person ("colleagues in Paris, Venn and Quist")."""
    out: set[str] = set()
    for p in people:
        span = text[p.start : p.end]
        if p.basis in _CUED or _person_shaped(span, nw):
            out.update(_plain(w) for w in span.split())
    return out


def _known_place(item: str, nw: NameWords) -> bool:
    key = _plain(item.strip(" \t\n.:()*"))
    if not key or nw.is_given(key):
        return False
    return key in _countries() or key in _cities()


def _person_shaped(span: str, nw: NameWords) -> bool:
    """A listed given name before more words, or an initial: a person's full name."""
    words = span.split()
    return len(words) > 1 and (nw.is_given(words[0]) or bool(_INITIAL.search(span)))


def _place_member(text: str, p: PersonSpan, nw: NameWords) -> bool:
    span = text[p.start : p.end]
    if _person_shaped(span, nw) and not _known_place(span, nw):
        return False
    return (
        _after_cue(text, p.start)
        or _inline(text, p.start, p.end, nw)
        or _column(text, p.start, p.end, nw)
    )


def _items_before(text: str, start: int) -> list[tuple[str, str]]:
    """The run's items before ``start``, nearest first, each with the separator after it."""
    out: list[tuple[str, str]] = []
    pos = start
    floor = max(0, start - _WINDOW)
    while len(out) < 2:
        sep = _last_sep(text, floor, pos)
        if sep is None:
            break
        item = _last_item(text, floor, sep.start())
        if item is None:
            break
        out.append((item.group(0), sep.group(0)))
        pos = item.start()
    return out


def _last_sep(text: str, floor: int, end: int) -> re.Match[str] | None:
    for m in _SEP.finditer(text, max(floor, end - 12), end):
        if m.end() == end:
            return m
    return None


def _last_item(text: str, floor: int, end: int) -> re.Match[str] | None:
    """The item that ends at ``end``: the longest run of capitalised words before it."""
    return _ITEM_END.search(text, max(floor, end - 60), end)


def _items_after(text: str, end: int) -> list[tuple[str, str]]:
    """The run's items after ``end``, nearest first, each with the separator before it."""
    out: list[tuple[str, str]] = []
    pos = end
    ceiling = min(len(text), end + _WINDOW)
    while len(out) < 2:
        sep = _SEP.match(text, pos, ceiling)
        if sep is None:
            break
        item = _ITEM.match(text, sep.end(), ceiling)
        if item is None:
            break
        out.append((item.group(0), sep.group(0)))
        pos = item.end()
    return out


def _closed(text: str, end: int) -> bool:
    """The run ends here: a full stop, bracket, colon, line end or the text's end follows."""
    rest = text[end : end + 2].lstrip(" \t")
    return rest[:1] in ("", ".", ")", ":", "\n", ";") or rest[:1].islower()


def _inline(text: str, start: int, end: int, nw: NameWords) -> bool:
    before = _items_before(text, start)
    after = _items_after(text, end)
    if before and after and _known_place(before[0][0], nw) and _known_place(after[0][0], nw):
        return True
    joined = re.compile(r"(?:and|or|AND|OR|&)")
    if (
        len(before) == 2
        and all(_known_place(i, nw) for i, _ in before)
        and joined.search(before[0][1])
        and not after
        and _closed(text, end)
    ):
        return True  # "Quellport, Tarnby and <span>."
    return (
        not before
        and len(after) == 2
        and all(_known_place(i, nw) for i, _ in after)
        and bool(joined.search(after[1][1]))
    )  # "<span>, Quellport and Tarnby"


def _line_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _column(text: str, start: int, end: int, nw: NameWords) -> bool:
    ls, le = _line_of(text, start)
    if text[ls:start].strip(" \t-*•") or text[end:le].strip(" \t.,;:"):
        return False
    above = _near_line(text, ls - 1, -1)
    below = _near_line(text, le + 1, 1)
    return (
        above is not None
        and below is not None
        and _known_place(above, nw)
        and _known_place(below, nw)
    )


def _near_line(text: str, pos: int, step: int) -> str | None:
    """The nearest line holding writing above (step -1) or below (+1), two blank lines at most."""
    for _ in range(3):
        if pos < 0 or pos > len(text):
            return None
        ls, le = _line_of(text, pos)
        line = text[ls:le].strip(" \t-*•.,;:")
        if line:
            return line
        pos = ls - 1 if step < 0 else le + 1
    return None


def _after_cue(text: str, start: int) -> bool:
    """The span is in the run of towns right after a post noun and "in"/"at"."""
    pos = start
    floor = max(0, start - _WINDOW)
    for _ in range(6):  # the cue, then up to five towns before the span
        if _CUE.search(text, max(floor, pos - 40), pos):
            return True
        sep = _last_sep(text, floor, pos)
        if sep is None:
            return False
        item = _last_item(text, floor, sep.start())
        if item is None:
            return False
        pos = item.start()
    return False
