"""Keyword gate: find where a marking can be at all, then run each pattern only there.

Every rule regex needs some literal text: ``SECRET``, ``NOFORN``, ``//CEO``, ``(TS)``.
``regex_facts.py`` reads that out of the regex itself (Python's own parser), so it can never
drift from the rules: for each pattern it derives a set of *keywords* such that every match
contains at least one of them, and the largest number of line breaks a match (with its
look-aheads) can consume. One scan of a text says which keywords occur on which lines
(Hyperscan, every occurrence of every keyword at once; or, where it has no wheel, an RE2 search
per keyword line and an RE2 set match on that line); a pattern none of whose keywords occur
cannot match and is skipped; the others run with Python's ``re`` only over the lines around each
keyword hit (``finditer(text, pos, endpos)``).

Why the findings are identical to a plain run over the whole text
(tests/unit/detect/test_keyword_gate.py checks it): a match of pattern P starts on a line ``s`` and
touches at most lines ``s`` to ``s + N`` (``N`` = its line-break bound), and it contains a keyword
on a line ``k`` with ``s <= k <= s + A``, where ``A <= N`` bounds the line breaks before its
keyword (``regex_facts.keyword_lines_above``: 0 for an address block, which starts on the line of
its street type). So the lines ``k - A`` to ``k + N``
(with the last line's ``\\n``) hold the match and everything its look-aheads read. Look-behind,
``^`` and ``\\b`` see the text before ``pos`` (``re`` keeps the whole string), windows start at line
starts, and windows that overlap are merged, so no match straddles a window edge and ``re`` tries
exactly the same start positions inside a window as it would over the whole text. A pattern whose
bound is unlimited (``\\s+`` across lines) runs over the whole text, but only when a keyword occurs;
a pattern with no derivable keyword always runs over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from redactcheck.detect.accel.fastscan import (
    HAS_HYPERSCAN,
    HyperscanDatabase,
    ascii_view,
    compile_ascii,
)
from redactcheck.detect.accel.regex_core import Core, escape, literal_bits
from redactcheck.detect.accel.regex_core import core as regex_core
from redactcheck.detect.accel.regex_facts import (
    FOLDS_TO_ASCII,
    UNBOUNDED,
    consumed_literals,
    keyword_lines_above,
    keywords,
    max_newlines,
)

try:  # optional fast engine; without it the caller uses the plain path
    import re2 as _re2
except ImportError:  # pragma: no cover - depends on the environment
    _re2 = None

# --- the gate -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    """How one pattern is gated."""

    ascii_words: list[str] = field(default_factory=list)
    other_words: list[str] = field(default_factory=list)  # non-ASCII, case-sensitive
    icase: bool = False
    lines: int = 0  # line-break bound (UNBOUNDED: run over the whole text)
    above: int = 0  # line breaks a match can cover before its keyword (at most ``lines``)
    always: bool = False  # no keyword: run over the whole text every time
    #: strings every match holds, each of them (``regex_facts.consumed_literals``), that a
    #: keyword hit does not imply: a window lacking one of them is dropped (see ``_Plan.keep``)
    also: tuple[str, ...] = ()

    def keep(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The windows of ``spans`` that hold every string of ``also``.

        Lossless: a match of the pattern found by ``finditer(text, pos, endpos)`` lies
        inside ``[pos, endpos)`` and consumes each string of ``also``, so a window in which
        ``str.find`` misses one of them holds no match. One C-level ``find`` per window and
        string, where ``re`` would try the pattern at every position of the window (a seven-
        digit phone number after "call" costs a search of each line holding "call"; the
        line holds no "-", the search is never run)."""
        find = text.find
        if len(self.also) == 1:
            (word,) = self.also
            return [w for w in spans if find(word, w[0], w[1]) >= 0]
        return [w for w in spans if all(find(word, w[0], w[1]) >= 0 for word in self.also)]


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
                plan.also = _also(regex, flags, None, False)
                self.plans.append(plan)
                continue
            plan.icase = icase
            plan.lines = max_newlines(regex, flags)
            plan.above = keyword_lines_above(regex, flags)
            plan.also = _also(regex, flags, found, icase)
            sharp = _sharp_core(regex, flags, found)
            if sharp is not None:
                # a regex keyword far rarer than the literals (regex_core.py: every match
                # holds it on one line, at most ``before`` line breaks below its start)
                plan.icase = False  # the core spells out case and folding itself
                plan.above = min(sharp.before, plan.lines)
                plan.also = _also(regex, flags, None, False)
                found = frozenset()
                plan.ascii_words.append(sharp.regex)
            for word in sorted(found):
                if word.isascii():
                    plan.ascii_words.append(escape(word))
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
                    if not _holds(text, core, char):
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
                if not plan.also or plan.keep(text, whole):
                    out.append((index, whole))
                continue
            lines = word_lines.get(index, [])
            if plan.other_words:
                lines = sorted(
                    {*lines, *(s for w in plan.other_words for s in other_lines.get(w, ()))}
                )
            if not lines:
                continue
            spans = lines if plan.lines == 0 else _line_windows(text, lines, plan.above, plan.lines)
            if plan.also:  # plan.lines == 0: the lines themselves, each with its "\n"
                spans = plan.keep(text, spans)
                if not spans:
                    continue
            out.append((index, spans))
        return out

    def _owners_of(self, ids: tuple[int, ...]) -> tuple[int, ...]:
        """Patterns owning any of the keywords ``ids`` (those on one line), in order."""
        owners = self._combos.get(ids)
        if owners is None:
            if len(self._combos) > 16384:  # bounded memo of keyword combinations
                self._combos.clear()
            owners = tuple(sorted({i for hit in ids for i in self._word_owners[hit]}))
            self._combos[ids] = owners
        return owners


def _sharp_core(regex: str, flags: int, found: frozenset[str]) -> Core | None:
    """The pattern's regex keyword when it is sharp enough to replace the literals: the core
    without a gap (``.*``) first, which Hyperscan scans for much less (speed15r: the gate's
    pass 0.43 to 0.31 CPU s on the corpus), else the core with one; None: the literals."""
    if not all(w.isascii() for w in found):
        return None
    for cut in (True, False):
        sharp = regex_core(regex, flags, cut=cut)
        if sharp is not None and sharp.bits >= literal_bits(found) + _SHARPER:
            return sharp
    return None


#: A pattern's regex keyword (``regex_core.core``) replaces its literal keywords when it carries
#: this many more bits (about one more fixed character): rarer by a large factor, or not worth it.
_SHARPER = 7.0
#: At most this many strings of ``consumed_literals`` are tested per window (the longest).
_ALSO_MAX = 3


def _also(regex: str, flags: int, found: frozenset[str] | None, icase: bool) -> tuple[str, ...]:
    """The strings every match of the pattern holds (``consumed_literals``) that a window
    holding one of its keywords ``found`` need not hold: a string inside every keyword is
    there already whenever a keyword is (not so when keywords match in any case)."""
    literals = consumed_literals(regex, flags)
    if found and not icase:
        literals = frozenset(s for s in literals if not all(s in word for word in found))
    return tuple(sorted(literals, key=lambda s: (-len(s), s))[:_ALSO_MAX])


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
            self._set.Add(_group(word, icase))
        self._set.Compile()
        self._any = compile_ascii("|".join(_group(w, icase) for w, icase in words))
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
        self._db = HyperscanDatabase([w for w, _ in words], caseless=[icase for _, icase in words])
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
        first = -1  # the line's first keyword; ``more``, all of them when there are several
        more: set[int] | None = None
        for hit in hits:
            end = hit >> shift
            if end > hi:  # a keyword ending past the current line: a new line
                if first >= 0:
                    line = (lo, hi + 1)
                    owners = single[first] if more is None else owners_of(tuple(sorted(more)))
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
                    more = {first, hit & mask}
                else:
                    more.add(hit & mask)
        owners = single[first] if more is None else owners_of(tuple(sorted(more)))
        _add_line(word_lines, owners, lo, hi)
        return word_lines


_ASCII_RUNS = re.compile("[\x00-\x7f]+")
#: How many occurrences of a keyword's special character ``_holds`` tries before it searches
#: for the keyword itself.
_HOLDS_TRIES = 8


def _holds(text: str, core: str, char: str) -> bool:
    """``core in text``, where ``char`` (a character of ``core``) is rare in ``text``: the
    first few occurrences of ``char`` are tried as the place of ``core``, and only a text
    holding more of them is searched for ``core`` itself. (``in`` reads the whole text,
    twice the bytes of a one-byte view where a curly quote makes it two-byte; the quotes,
    the usual special characters of OCR text, occur a few times in a record.)"""
    at = core.index(char)
    pos = text.find(char)
    for _ in range(_HOLDS_TRIES):
        if pos < 0:
            return False
        if pos >= at and text.startswith(core, pos - at):
            return True
        pos = text.find(char, pos + 1)
    return core in text


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


def _group(regex: str, icase: bool) -> str:
    return f"(?i:{regex})" if icase else f"(?:{regex})"


def _line_windows(
    text: str, lines: list[tuple[int, int]], above: int, extra: int
) -> list[tuple[int, int]]:
    """Merged ``(pos, endpos)`` spans: each line holding a keyword (``(start, end + 1)``, end
    at its ``\\n``) with ``above`` lines above and ``extra`` below, up to just past the last
    ``\\n``."""
    size = len(text)
    out: list[tuple[int, int]] = []
    rfind, find = text.rfind, text.find
    for lo, hi in lines:
        hi -= 1
        if not out or lo > out[-1][1]:  # else it joins the window before: no start needed
            for _ in range(above):
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
