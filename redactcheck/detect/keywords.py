"""Keyword gate: find where a marking can be at all, then run each pattern only there.

Every rule regex needs some literal text: ``SECRET``, ``NOFORN``, ``//CEO``, ``(TS)``. This
module reads that out of the regex itself (Python's own parser), so it can never drift from
the rules: for each pattern it derives a set of *keywords* such that every match contains at
least one of them, and the largest number of line breaks a match (with its look-aheads) can
consume. One scan of a text says which keywords occur on which lines (Hyperscan, every
occurrence of every keyword at once; or, where it has no wheel, an RE2 search per keyword line
and an RE2 set match on that line); a pattern none of whose keywords occur cannot match and is
skipped; the others run with Python's ``re`` only over the lines around each keyword hit
(``finditer(text, pos, endpos)``).

Why the findings are identical to a plain run over the whole text (tests/test_keyword_gate.py
checks it): a match of pattern P starts on a line ``s`` and touches at most lines ``s`` to
``s + N`` (``N`` = its line-break bound), and it contains a keyword on a line ``k`` with
``s <= k <= s + N``. So the lines ``k - N`` to ``k + N`` (with the last line's ``\\n``) hold the
match and everything its look-aheads read. Look-behind, ``^`` and ``\\b`` see the text before
``pos`` (``re`` keeps the whole string), windows start at line starts, and windows that
overlap are merged, so no match straddles a window edge and ``re`` tries exactly the same
start positions inside a window as it would over the whole text. A pattern whose bound is
unlimited (``\\s+`` across lines) runs over the whole text, but only when a keyword occurs; a
pattern with no derivable keyword always runs over the whole text.
"""

from __future__ import annotations

import re
import re._constants as C  # noqa: N812 - the parser's opcode names
import re._parser as P  # noqa: N812
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from redactcheck.detect.fastscan import (
    HAS_HYPERSCAN,
    HyperscanDatabase,
    ascii_view,
    compile_ascii,
)

try:  # optional fast engine; without it the caller uses the plain path
    import re2 as _re2
except ImportError:  # pragma: no cover - depends on the environment
    _re2 = None

#: Largest set of strings one regex piece may expand to before we stop multiplying.
MAX_EXPANSION = 64
#: Stands for "no bound" on line breaks.
UNBOUNDED = 1 << 30
#: Non-ASCII characters that Python's IGNORECASE matches to an ASCII letter (İ ı ſ K).
#: A text holding one may hide an ignore-case keyword from the ASCII view.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")

# character classes that can never match a line break
_NO_NEWLINE_CATEGORIES = {
    C.CATEGORY_DIGIT,
    C.CATEGORY_UNI_DIGIT,
    C.CATEGORY_WORD,
    C.CATEGORY_UNI_WORD,
    C.CATEGORY_LOC_WORD,
    C.CATEGORY_NOT_SPACE,
    C.CATEGORY_UNI_NOT_SPACE,
    C.CATEGORY_NOT_LINEBREAK,
    C.CATEGORY_UNI_NOT_LINEBREAK,
}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}


@dataclass(slots=True)
class _Piece:
    """What a regex piece tells us: the exact strings it matches (when few), and a set of
    strings one of which every match contains (None = no guarantee)."""

    exact: frozenset[str] | None
    required: frozenset[str] | None
    icase: bool = False
    #: strings one of which every match *starts* with ("" when nothing is known)
    prefix: frozenset[str] = frozenset([""])
    #: strings one of which every match *ends* with ("" when nothing is known)
    suffix: frozenset[str] = frozenset([""])


def _score(strings: frozenset[str] | None) -> tuple[int, int]:
    """Higher is better: longer shortest keyword first, then fewer keywords."""
    if not strings or "" in strings:
        return (-1, 0)
    return (min(len(s) for s in strings), -len(strings))


def _class_chars(items, icase: bool) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > MAX_EXPANSION:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        else:  # NEGATE, CATEGORY, anything else: not a small finite set
            return None
        if len(chars) > MAX_EXPANSION:
            return None
    if icase:
        chars = {c.lower() for c in chars}
    return frozenset(chars)


def _seq(items, flags: int) -> _Piece:
    icase_any = False
    candidates: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset([""])
    all_exact = True

    def close() -> None:
        nonlocal run
        if run is not None and run != frozenset([""]):
            candidates.append(run)
        run = frozenset([""])

    for op, av in items:
        if op is C.ASSERT:
            direction, sub = av
            inner = _seq(sub, flags)
            icase_any |= inner.icase
            if inner.required is not None:
                candidates.append(inner.required)
            if direction < 0:  # look-behind: its text ends where the next piece starts
                close()
                if inner.exact is not None:
                    run = inner.exact
            else:  # look-ahead: its text starts where the previous piece ended
                if inner.exact is not None and run is not None:
                    joined = _product(run, inner.exact)
                    if joined is not None:
                        candidates.append(joined)
                close()
            all_exact = False
            continue
        piece = _node(op, av, flags)
        icase_any |= piece.icase
        if piece.exact is None:
            all_exact = False
            if run is not None:  # the run ends where this piece's text starts
                joined = _product(run, piece.prefix)
                if joined is not None:
                    candidates.append(joined)
            close()
            if piece.required is not None:
                candidates.append(piece.required)
            # what the piece ends with opens the next run (``[ \t]+FAX``: `` FAX``, ``\tFAX``)
            run = piece.suffix
            continue
        joined = _product(run, piece.exact) if run is not None else None
        if joined is None:
            close()
            all_exact = False
            run = piece.exact
        else:
            run = joined
    exact = run if all_exact else None
    close()
    best = max(candidates, key=_score, default=None)
    if best is not None and _score(best)[0] < 1:
        best = None
    return _Piece(exact, best, icase_any, _seq_prefix(items, flags))


def _seq_prefix(items, flags: int) -> frozenset[str]:
    """Strings one of which the text a sequence consumes starts with."""
    prefix = frozenset([""])
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the consumed text starts with what follows
        piece = _node(op, av, flags)
        if piece.exact is not None:
            joined = _product(prefix, piece.exact)
            if joined is None:
                return prefix
            prefix = joined
            continue
        return _product(prefix, piece.prefix) or prefix
    return prefix


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_EXPANSION:
        return None
    return frozenset(x + y for x in a for y in b)


def _node(op, av, flags: int) -> _Piece:
    icase = bool(flags & re.IGNORECASE)
    if op is C.LITERAL:
        if av == 10:  # a keyword must not hold a line break (windows are lines)
            return _Piece(None, None)
        ch = chr(av)
        s = frozenset([ch.lower() if icase else ch])
        return _Piece(s, s, icase, s)
    if op is C.IN:
        chars = _class_chars(av, icase)
        if chars is None or "\n" in chars:
            return _Piece(None, None)
        return _Piece(chars, chars, icase, chars)
    if op is C.AT or op is C.ASSERT_NOT:
        return _Piece(frozenset([""]), None)  # zero width, no constraint
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _seq(sub, (flags | add) & ~remove)
    if op is C.BRANCH:
        _, alternatives = av
        pieces = [_seq(alt, flags) for alt in alternatives]
        icase_any = any(p.icase for p in pieces)
        exact: frozenset[str] | None = None
        if all(p.exact is not None for p in pieces):
            union = frozenset().union(*(p.exact for p in pieces))  # type: ignore[arg-type]
            exact = union if len(union) <= MAX_EXPANSION else None
        required: frozenset[str] | None = frozenset()
        for p in pieces:
            own = p.exact if p.exact is not None and _score(p.exact)[0] >= 1 else p.required
            if own is None or required is None:
                required = None
                continue
            required = required | own
        prefix = frozenset().union(*(p.exact if p.exact is not None else p.prefix for p in pieces))
        if len(prefix) > MAX_EXPANSION:
            prefix = frozenset([""])
        return _Piece(exact, required or None, icase_any, prefix)
    if op in _REPEATS and op is not C.POSSESSIVE_REPEAT:
        lo, hi, sub = av
        inner = _seq(sub, flags)
        if lo == 0:
            return _Piece(None, None, inner.icase)
        exact = None
        if inner.exact is not None and lo == hi and lo <= 8:
            exact = frozenset([""])
            for _ in range(lo):
                exact = _product(exact, inner.exact) if exact is not None else None
        required = inner.required
        if inner.exact is not None and len(inner.exact) == 1 and lo <= 16:
            (single,) = inner.exact
            required = frozenset([single * lo]) if single else required
        elif inner.exact is not None and _score(inner.exact) > _score(required):
            required = inner.exact
        prefix = inner.exact if inner.exact is not None else inner.prefix
        # the last repetition is one of the inner strings (at least one repetition: lo >= 1)
        suffix = inner.exact if inner.exact is not None else frozenset([""])
        return _Piece(exact, required, inner.icase, prefix, suffix)
    # ANY, NOT_LITERAL, GROUPREF, conditionals, atomic groups, possessive repeats: no claim
    return _Piece(None, None, icase)


def keywords(regex: str, flags: int = 0) -> tuple[frozenset[str] | None, bool]:
    """Strings one of which every match of ``regex`` contains (None: no such set found), and
    whether they are to be matched ignoring case."""
    parsed = P.parse(regex, flags)
    piece = _seq(list(parsed), parsed.state.flags)
    return piece.required, piece.icase


def _class_has_newline(items) -> bool:
    negated = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negated = True
        elif op is C.LITERAL:
            hit |= av == 10
        elif op is C.RANGE:
            hit |= av[0] <= 10 <= av[1]
        elif op is C.CATEGORY:
            hit |= av not in _NO_NEWLINE_CATEGORIES
        else:
            return True  # unknown item: assume it can
    return hit != negated


def _max_newlines(items, flags: int) -> int:
    total = 0
    for op, av in items:
        total += _node_newlines(op, av, flags)
        if total >= UNBOUNDED:
            return UNBOUNDED
    return total


def _node_newlines(op, av, flags: int) -> int:
    if op is C.LITERAL:
        return 1 if av == 10 else 0
    if op is C.NOT_LITERAL:
        return 0 if av == 10 else 1
    if op is C.ANY:
        return 1 if flags & re.DOTALL else 0
    if op is C.IN:
        return 1 if _class_has_newline(av) else 0
    if op is C.AT:
        return 0
    if op in (C.ASSERT, C.ASSERT_NOT):
        direction, sub = av
        # look-behind reads text before the position; ``re`` sees the real text there
        return _max_newlines(sub, flags) if direction > 0 else 0
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _max_newlines(sub, (flags | add) & ~remove)
    if op is C.BRANCH:
        return max(_max_newlines(alt, flags) for alt in av[1])
    if op in _REPEATS:
        lo, hi, sub = av
        inner = _max_newlines(sub, flags)
        if inner == 0:
            return 0
        if hi is C.MAXREPEAT or inner >= UNBOUNDED:
            return UNBOUNDED
        return min(UNBOUNDED, inner * hi)
    if op is C.ATOMIC_GROUP:
        return _max_newlines(av, flags)
    return UNBOUNDED  # back-references, conditionals: no bound claimed


def max_newlines(regex: str, flags: int = 0) -> int:
    """Most line breaks a match of ``regex`` and its look-aheads can cover (UNBOUNDED: no
    limit known)."""
    parsed = P.parse(regex, flags)
    return _max_newlines(list(parsed), parsed.state.flags)


# --- the gate -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    """How one pattern is gated."""

    ascii_words: list[str] = field(default_factory=list)
    other_words: list[str] = field(default_factory=list)  # non-ASCII, case-sensitive
    icase: bool = False
    lines: int = 0  # line-break bound (UNBOUNDED: run over the whole text)
    always: bool = False  # no keyword: run over the whole text every time


class KeywordGate:
    """Says, per text, which patterns to run and over which ``(pos, endpos)`` windows."""

    def __init__(self, patterns: Sequence[tuple[str, int]], engine: str | None = None):
        """``engine``: how keyword lines are found, ``"hyperscan"`` or ``"re2"`` (the same
        lines either way; default: Hyperscan when installed)."""
        if _re2 is None or not hasattr(_re2, "_Anchor"):
            # the gate calls google-re2's C++ layer directly (see ``windows``)
            raise RuntimeError("google-re2 is not installed (or its layout changed)")
        self.plans: list[_Plan] = []
        words: dict[tuple[str, bool], int] = {}  # ASCII keyword -> set index
        self._word_owners: list[list[int]] = []
        self._other: dict[str, tuple[frozenset[str], list[int]]] = {}
        for index, (regex, flags) in enumerate(patterns):
            plan = _Plan()
            found, icase = keywords(regex, flags)
            if found is None:
                plan.always = True
                self.plans.append(plan)
                continue
            plan.icase = icase
            plan.lines = max_newlines(regex, flags)
            for word in sorted(found):
                if word.isascii():
                    plan.ascii_words.append(word)
                elif icase:  # Python folds non-ASCII case in ways RE2 may not: no gate
                    plan.always = True
                else:
                    plan.other_words.append(word)
            if plan.always:
                self.plans.append(plan)
                continue
            for word in plan.ascii_words:
                key = (word, icase)
                if key not in words:
                    words[key] = len(words)
                    self._word_owners.append([])
                self._word_owners[words[key]].append(index)
            for word in plan.other_words:
                chars = frozenset(c for c in word if not c.isascii())
                self._other.setdefault(word, (chars, []))[1].append(index)
            self.plans.append(plan)
        # each non-ASCII keyword filed under one of its characters: a text is checked only for
        # the keywords filed under the few special characters it holds
        self._other_by_char: dict[str, dict[str, list[str]]] = {}
        for word, (chars, _) in self._other.items():
            char = min(chars)
            # keywords sharing the few characters around that one are looked for once
            # ("Protégé A", "Protégé B": "otégé"), not once each in every text with an "é"
            at = word.index(char)
            core = word[max(0, at - 2) : at + 3]
            self._other_by_char.setdefault(char, {}).setdefault(core, []).append(word)
        self.always = [i for i, p in enumerate(self.plans) if p.always]
        self.icase = [i for i, p in enumerate(self.plans) if p.icase]
        self._combos: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.engine = engine or ("hyperscan" if HAS_HYPERSCAN else "re2")
        if not words:
            self._lines = _no_lines
        elif self.engine == "hyperscan":
            self._lines = _HyperscanLines(list(words), self._word_owners, self._owners_of)
        else:
            self._lines = _Re2Lines(list(words), self._owners_of)

    def windows(
        self, text: str, chars: AbstractSet[str] | None = None
    ) -> list[tuple[int, list[tuple[int, int]]]]:
        """``(pattern index, windows)`` for every pattern that may match ``text``, in pattern
        order; a window is ``(pos, endpos)`` for ``finditer``. ``chars``, when the caller
        knows it, holds every non-ASCII character of ``text`` (more does no harm)."""
        present: set[int] = set(self.always)
        # pattern -> lines holding one of its keywords, read off the one-byte view
        word_lines = self._lines(ascii_view(text))
        present.update(word_lines)
        other_lines: dict[str, list[tuple[int, int]]] = {}
        special: AbstractSet[str] = frozenset()
        if not text.isascii():
            # the few distinct non-ASCII characters
            special = set(_ASCII_RUNS.sub("", text)) if chars is None else chars
            for char in special & self._other_by_char.keys():
                for core, words in self._other_by_char[char].items():
                    if core not in text:
                        continue
                    for word in words:
                        needed, owners = self._other[word]
                        if not (needed <= special and word in text):
                            continue
                        other_lines[word] = [(lo, hi + 1) for lo, hi in _lines_holding(text, word)]
                        present.update(owners)
        folds = not FOLDS_TO_ASCII.isdisjoint(special)
        if folds:  # the ASCII view may hide an ignore-case keyword: run those patterns anyway
            present.update(self.icase)
        out: list[tuple[int, list[tuple[int, int]]]] = []
        whole = [(0, len(text))]
        for index in sorted(present):
            plan = self.plans[index]
            if plan.always or plan.lines >= UNBOUNDED or (plan.icase and folds):
                out.append((index, whole))
                continue
            lines = word_lines.get(index, [])
            if plan.other_words:
                lines = sorted(
                    {*lines, *(s for w in plan.other_words for s in other_lines.get(w, ()))}
                )
            if not lines:
                continue
            if plan.lines == 0:  # the lines themselves, each with its "\n"
                out.append((index, lines))
            else:
                out.append((index, _line_windows(text, lines, plan.lines)))
        return out

    def _owners_of(self, ids: tuple[int, ...]) -> tuple[int, ...]:
        """Patterns owning any of the keywords ``ids`` (those on one line), in order."""
        owners = self._combos.get(ids)
        if owners is None:
            if len(self._combos) > 4096:  # bounded memo of keyword combinations
                self._combos.clear()
            owners = tuple(sorted({i for hit in ids for i in self._word_owners[hit]}))
            self._combos[ids] = owners
        return owners


#: pattern index -> ``(start, end + 1)`` of each line holding one of its keywords (``end`` at
#: the line's ``\n``): the line with its line break, as a window
WordLines = dict[int, list[tuple[int, int]]]


def _no_lines(view: bytes) -> WordLines:
    return {}


def _add_line(word_lines: WordLines, owners: tuple[int, ...], lo: int, hi: int) -> None:
    line = (lo, hi + 1)
    for index in owners:
        if index in word_lines:
            word_lines[index].append(line)
        else:
            word_lines[index] = [line]


class _Re2Lines:
    """Keyword lines by RE2: one search finds the next line holding any keyword, a set match
    on that line says which keywords (so which patterns) it holds."""

    def __init__(self, words: list[tuple[str, bool]], owners_of):
        options = _re2.Options()
        options.max_mem = 64 << 20
        self._set = _re2.Set.SearchSet(options)
        for word, icase in words:
            self._set.Add(_alternation([word], icase))
        self._set.Compile()
        self._any = compile_ascii("|".join(_alternation([w], icase) for w, icase in words))
        self._owners_of = owners_of

    def __call__(self, view: bytes) -> WordLines:
        word_lines: WordLines = {}
        match_line = self._set._set.Match  # the C++ calls: no per-hit Python match object
        find = self._any._regexp.Match
        anchor = _re2._Anchor.UNANCHORED
        owners_of = self._owners_of
        size = len(view)
        pos = 0
        while pos < size:
            at = find(anchor, view, pos, size)[0][0]
            if at < 0:
                break
            lo = view.rfind(b"\n", 0, at) + 1
            hi = view.find(b"\n", at)
            hi = size if hi < 0 else hi
            pos = hi + 1  # the rest of this line is covered: go on at the next one
            _add_line(word_lines, owners_of(tuple(match_line(view[lo:hi]))), lo, hi)
        return word_lines


class _HyperscanLines:
    """Keyword lines by Hyperscan: one scan reports every occurrence of every keyword (as
    literals, ASCII case folding for ignore-case ones, like RE2 on the ASCII view); the
    occurrences are grouped by line. No lazily built automaton to warm up in each worker, and
    no Python step per line beyond grouping: on the corpus the gate costs about half."""

    def __init__(self, words: list[tuple[str, bool]], word_owners: list[list[int]], owners_of):
        self._db = HyperscanDatabase(
            [w for w, _ in words], literal=True, caseless=[icase for _, icase in words]
        )
        self._shift = max(1, len(words).bit_length())
        self._mask = (1 << self._shift) - 1
        self._single = [tuple(sorted(set(owners))) for owners in word_owners]
        self._owners_of = owners_of

    def __call__(self, view: bytes) -> WordLines:
        hits: list[int] = []
        add = hits.append
        shift = self._shift
        # one int per occurrence, end offset above the keyword id: sorting ints is cheap
        self._db.scan(view, lambda i, _start, end, _flags, _ctx: add(end << shift | i))
        word_lines: WordLines = {}
        if not hits:
            return word_lines
        hits.sort()  # by end offset (Hyperscan reports in that order; sorting costs little)
        mask, single, owners_of = self._mask, self._single, self._owners_of
        rfind, find, size = view.rfind, view.find, len(view)
        get = word_lines.get
        lo = hi = -1
        first = -1  # the line's first keyword; ``more`` holds the others, if any
        more: set[int] | None = None
        for hit in hits:
            end = hit >> shift
            if end > hi:  # a keyword ending past the current line: a new line
                if first >= 0:
                    line = (lo, hi + 1)
                    owners = (
                        single[first] if more is None else owners_of(tuple(sorted({first, *more})))
                    )
                    for index in owners:
                        spans = get(index)
                        if spans is None:
                            word_lines[index] = [line]
                        else:
                            spans.append(line)
                lo = rfind(b"\n", 0, end - 1) + 1
                hi = find(b"\n", end - 1)
                if hi < 0:
                    hi = size
                first = hit & mask
                more = None
            elif hit & mask != first:
                if more is None:
                    more = {hit & mask}
                else:
                    more.add(hit & mask)
        owners = single[first] if more is None else owners_of(tuple(sorted({first, *more})))
        _add_line(word_lines, owners, lo, hi)
        return word_lines


_ASCII_RUNS = re.compile("[\x00-\x7f]+")


def _lines_holding(text: str, word: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line holding ``word`` (end excludes the ``\n``)."""
    out: list[tuple[int, int]] = []
    at = text.find(word)
    while at >= 0:
        lo = text.rfind("\n", 0, at) + 1
        hi = text.find("\n", at)
        hi = len(text) if hi < 0 else hi
        if not out or out[-1][0] != lo:
            out.append((lo, hi))
        at = text.find(word, hi)
        if hi == len(text):
            break
    return out


def _alternation(words: list[str], icase: bool) -> str:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"(?i:{body})" if icase else f"(?:{body})"


def _line_windows(text: str, lines: list[tuple[int, int]], extra: int) -> list[tuple[int, int]]:
    """Merged ``(pos, endpos)`` spans: each line holding a keyword (``(start, end + 1)``, end
    at its ``\\n``) with ``extra`` lines above and below, up to just past the last ``\\n``."""
    size = len(text)
    out: list[tuple[int, int]] = []
    rfind, find = text.rfind, text.find
    for lo, hi in lines:
        hi -= 1
        for _ in range(extra):
            if lo == 0:
                break
            lo = rfind("\n", 0, lo - 1) + 1
        for _ in range(extra):
            if hi >= size:
                break
            hi = find("\n", hi + 1)
            if hi < 0:
                hi = size
        hi = min(size, hi + 1)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
