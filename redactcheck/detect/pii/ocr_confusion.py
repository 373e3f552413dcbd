"""A small cost model of OCR misreadings: how likely a scanner read one letter string for another.

Why: a plain edit distance treats "Fenner" read "Ferner" (n read as r) like "Fenner" and
"Fewner", and "Camm" read "Carnm" (m read as rn) as two edits. OCR errors are not uniform: a
scanner mostly confuses glyphs of similar shape, and one glyph with a pair that looks like it.
The pairs and costs below follow the OCR error literature: Kukich, "Techniques for
automatically correcting words in text", ACM Computing Surveys 24(4), 1992 (OCR errors are
mostly substitutions of similar shapes, and splits and merges such as m/rn); Rice, Jenkins and
Nartker, "The Fifth Annual Test of OCR Accuracy", ISRI TR-96-01, 1996 (the most frequent
confusions of production OCR engines: e/c, n/u, l/1/I, o/0, rn/m, cl/d, li/h, vv/w); and the
ambiguity tables Tesseract ships in its traineddata (``unicharambigs(5)``: m/rn, iii/m, and
so on). Only where a document gives a strong anchor (a correctly read name) is this used: the
model says how a damaged form could come from that name, not that a word is a name.

Costs: a confusable pair 0.4, a confusable glyph group (m/rn) 0.5, dropping or adding a thin
mark (i, l, t, r, a point, an apostrophe) 0.7, any other edit 1.0.
"""

from __future__ import annotations

from functools import lru_cache

#: Single glyphs a scanner reads for each other (lower-cased, symmetric): similar shape.
_PAIRS = (
    "ce", "ae", "ao", "eo", "co", "nu", "nh", "hb", "li", "ij", "ft", "tl", "rn", "mn",
    "vy", "uv", "gq", "hk", "l1", "i1", "o0", "s5", "b8", "g9", "z2", "e3", "b6", "a4",
)  # fmt: skip
_PAIR_COST = 0.4
#: Capitals a scanner reads for each other (a bar or a lobe lost or added: E/F, B/R, P/R, O/Q,
#: O/D, C/G, G/O, I/L, U/V, H/N): used where the glyph read is a capital.
_CAPS = ("EF", "BR", "PR", "BE", "OQ", "OD", "CG", "GO", "IL", "UV", "HN")
#: Glyph groups a scanner reads for one glyph or another group (both ways).
_GROUPS = (
    ("m", "rn"), ("m", "in"), ("m", "ni"), ("m", "iii"), ("m", "nn"), ("m", "ri"), ("d", "cl"),
    ("h", "li"), ("h", "lt"), ("w", "vv"), ("n", "ri"), ("u", "ii"), ("k", "lc"),
)  # fmt: skip
_GROUP_COST = 0.5
#: Thin marks a scanner drops or adds: a narrow letter, a point, a quote.
_THIN = frozenset("iltrf.,'’`")
_THIN_COST = 0.7


def _pair_table(pairs: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for pair in pairs:
        a, b = pair[0].lower(), pair[1].lower()
        out.update(((a, b), (b, a)))
    return frozenset(out)


_PAIR_SET = _pair_table(_PAIRS)
_CAPS_SET = _pair_table(_CAPS)
_GROUP_LIST = tuple(sorted({g for a, b in _GROUPS for g in ((a, b), (b, a))}))


def sub_cost(a: str, b: str, capital: bool = False) -> float:
    """Cost of reading glyph ``b`` (of the clean word, lower case) as ``a`` (lower case;
    ``capital``: it was read as a capital)."""
    if a == b:
        return 0.0
    return _PAIR_COST if (a, b) in _PAIR_SET or (capital and (a, b) in _CAPS_SET) else 1.0


@lru_cache(maxsize=8192)
def ocr_cost(written: str, clean: str, bound: float = 2.0) -> float:
    """Weighted edit cost of ``clean`` (lower case) read as ``written`` (as the text has it),
    or more than ``bound`` once it exceeds it. A table over the two words with the group
    moves added; names are short, so the table is small (at most 20 x 20)."""
    seen = written.lower()
    n, m = len(seen), len(clean)
    if abs(n - m) * _GROUP_COST > bound + 1.5:
        return bound + 1.0
    inf = bound + 1.0
    d = [[inf] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        row = d[i]
        for j in range(m + 1):
            here = row[j]
            if here > bound:
                continue
            if i < n and j < m:
                c = here + sub_cost(seen[i], clean[j], written[i].isupper())
                if c < d[i + 1][j + 1]:
                    d[i + 1][j + 1] = c
            if i < n:  # a glyph added
                c = here + (_THIN_COST if seen[i] in _THIN else 1.0)
                if c < d[i + 1][j]:
                    d[i + 1][j] = c
            if j < m:  # a glyph lost
                c = here + (_THIN_COST if clean[j] in _THIN else 1.0)
                if c < row[j + 1]:
                    row[j + 1] = c
            for x, y in _GROUP_LIST:  # glyph group y of the clean word read as x
                if seen.startswith(x, i) and clean.startswith(y, j):
                    c = here + _GROUP_COST
                    if c < d[i + len(x)][j + len(y)]:
                        d[i + len(x)][j + len(y)] = c
    return d[n][m]


def _partners(pairs: frozenset[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a, b in sorted(pairs):
        out[a] = out.get(a, "") + b
    return out


_PARTNERS = _partners(_PAIR_SET)
_CAPS_PARTNERS = _partners(_CAPS_SET)
#: Glyph groups by their first glyph as read, with what each reads back to.
_GROUPS_AT: dict[str, tuple[tuple[str, str], ...]] = {
    c: tuple((x, y) for x, y in _GROUP_LIST if x[0] == c) for c in {x[0] for x, _ in _GROUP_LIST}
}
_THIN_LETTERS = "iltrf"


def undo_one(written: str, thin: bool = False) -> set[str]:
    """Every lower-case string one move of this model from ``written``: a glyph of a pair
    (0.4) or of a capital pair read back, a glyph group read back (0.5), and with ``thin`` a
    thin letter dropped or put back (0.7). So each costs at most 0.5, or 0.7 with ``thin``
    (what :func:`ocr_cost` would give it, or less): the clean words a damaged word may come
    from, to look up in a list without a cost table."""
    seen = written.lower()
    out: set[str] = set()
    add = out.add
    for i, ch in enumerate(seen):
        head, tail = seen[:i], seen[i + 1 :]
        for b in _PARTNERS.get(ch, ""):
            add(head + b + tail)
        if written[i].isupper():
            for b in _CAPS_PARTNERS.get(ch, ""):
                add(head + b + tail)
        for x, y in _GROUPS_AT.get(ch, ()):
            if seen.startswith(x, i):
                add(head + y + seen[i + len(x) :])
        if thin:
            if ch in _THIN:
                add(head + tail)
            for t in _THIN_LETTERS:
                add(head + t + seen[i:])
    if thin:
        for t in _THIN_LETTERS:
            add(seen + t)
    out.discard(seen)
    return out
