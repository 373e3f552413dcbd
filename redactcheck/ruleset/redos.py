"""Reject rule patterns that can backtrack exponentially (ReDoS), when a rule file is loaded.

Rules are matched with Python's backtracking ``re`` (look-around and Unicode classes are needed,
which a linear-time engine such as RE2 lacks), so a user's pattern such as ``(a+)+$`` could stall
a scan for hours on one line of ``aaaa…!``. The check below walks the parsed pattern (parsed
by ``detect/accel/regex_facts.py``, the one reader of Python's regex parser, which the keyword gate
shares) and refuses the shapes that cause exponential backtracking:

* a repeated group whose body can end with a variable repeat over characters the body can also
  start with: ``(a+)+``, ``(\\w+\\s?)*``, ``(a?){20}``, ``(?:[A-Z]+ ?)+``;
* a repeated alternation whose branches can match the same text: ``(a|a)*``, ``(\\w|\\d)+``,
  ``(.|\\s)*``;
* a repeated group that can match the empty string and holds a repeat: ``(a*)*``.

A repeat at the very end of a pattern (nothing after it can fail) is exempt: the match
succeeds as soon as it gets there, so it is never backtracked into. It is a conservative
approximation otherwise: it may refuse a pattern that is in fact safe (rewrite it, or
use an atomic group ``(?>…)`` or a possessive quantifier ``++``, which it accepts). Polynomial
cases (``\\d+\\d+x``) are not refused; they are bounded by the line-length limit and the per-file
time budget (``redactcheck.limits``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redactcheck.detect.accel.regex_facts import REPEATS, C, parse

#: A repeat whose upper bound is at least this counts as "many" (``{0,10}`` nested in ``+``
#: already backtracks badly).
MANY = 10

# Characters used to compare character classes: ASCII, Latin-1 and a few of every script and
# kind of space a document holds. Two classes "overlap" when some sample is in both.
_SAMPLES = "".join(chr(c) for c in range(0, 256)) + (
    "ĀœŠžƒ"  # Latin extended
    "АБВСЕКМНОРТХабвсекмнор"  # Cyrillic
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαβγ"  # Greek
    "中文日本語한국어ａＡ０"  # CJK and full-width
    "٣٤۵०१"  # non-ASCII digits
    "\u2000\u2028\u2029\u3000\u200b\ufeff\u2013\u2014"  # spaces, separators, dashes
)


_EMPTY: frozenset[str] = frozenset()


class UnsafePattern(ValueError):
    """The pattern can backtrack exponentially; the message says which part and why."""


@dataclass(frozen=True, slots=True)
class _Info:
    first: frozenset[str]  # characters a match can start with
    last: frozenset[str]  # characters a match can end with
    nullable: bool  # can match the empty string
    has_repeat: bool  # holds a variable repeat that can backtrack


def _category(cat, flags: int) -> frozenset[str]:
    tests = {
        C.CATEGORY_DIGIT: r"\d",
        C.CATEGORY_NOT_DIGIT: r"\D",
        C.CATEGORY_SPACE: r"\s",
        C.CATEGORY_NOT_SPACE: r"\S",
        C.CATEGORY_WORD: r"\w",
        C.CATEGORY_NOT_WORD: r"\W",
    }
    pattern = tests.get(cat)
    if pattern is None:
        return frozenset(_SAMPLES)
    return _class_members(pattern, flags & re.ASCII)


@lru_cache(maxsize=64)
def _class_members(pattern: str, flags: int) -> frozenset[str]:
    rx = re.compile(pattern, flags)
    return frozenset(c for c in _SAMPLES if rx.fullmatch(c))


def _fold(chars: set[str], flags: int) -> frozenset[str]:
    if not flags & re.IGNORECASE:
        return frozenset(chars)
    out = set(chars)
    for c in chars:
        out.add(c.lower())
        out.add(c.upper())
    return frozenset(x for x in out if len(x) == 1)


def _in_set(items, flags: int) -> frozenset[str]:
    chars: set[str] = set()
    negate = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            lo, hi = av
            chars.update(c for c in _SAMPLES if lo <= ord(c) <= hi)
            if hi - lo < 4096:
                chars.update(chr(x) for x in range(lo, hi + 1))
        elif op is C.CATEGORY:
            chars.update(_category(av, flags))
        else:  # CHARSET/BIGCHARSET from compiled forms: be conservative
            chars.update(_SAMPLES)
    folded = _fold(chars, flags)
    if negate:
        return frozenset(c for c in _SAMPLES if c not in folded)
    return folded


def _cannot_fail(items) -> bool:
    """True when ``items`` always match (possibly empty text) wherever they are tried."""
    for op, av in items:
        if op is C.SUBPATTERN:
            if not _cannot_fail(av[3]):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _cannot_fail(av):
                return False
        elif op is C.BRANCH:
            if not any(_cannot_fail(b) for b in av[1]):
                return False
        elif op in REPEATS:
            if av[0] != 0:
                return False
        else:
            return False
    return True


def _seq(items, flags: int, final: bool = False) -> _Info:
    """Info for a sequence of parsed items, checking every nested repeat on the way.

    ``final``: nothing after this sequence can make the overall match fail, so a repeat at its
    end is never backtracked into (the match succeeds as soon as it gets there).
    """
    first: set[str] = set()
    last: set[str] = set()
    nullable = True
    has_repeat = False
    items = list(items)
    for k, (op, av) in enumerate(items):
        info = _item(op, av, flags, final and _cannot_fail(items[k + 1 :]))
        has_repeat = has_repeat or info.has_repeat
        if nullable:
            first |= info.first
        if info.nullable:
            last |= info.last  # an optional item may end the match, or what precedes it does
        else:
            last = set(info.last)
        nullable = nullable and info.nullable
    return _Info(frozenset(first), frozenset(last), nullable, has_repeat)


def _item(op, av, flags: int, final: bool = False) -> _Info:
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        chars = _char_class(op, av, flags)
        return _Info(chars, chars, False, False)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        if op is not C.AT:
            _seq(av[1], flags)  # look-arounds are checked but match no text
        return _Info(_EMPTY, _EMPTY, True, False)
    if op is C.SUBPATTERN:
        _group, add, delete, body = av
        return _seq(body, (flags | add) & ~delete, final)
    if op is C.ATOMIC_GROUP:
        info = _seq(av, flags)  # checked inside; never backtracked into, so its end is fixed
        return _Info(info.first, _EMPTY, info.nullable, False)
    if op is C.BRANCH:
        infos = [_seq(branch, flags, final) for branch in av[1]]
        return _Info(
            frozenset().union(*(i.first for i in infos)),
            frozenset().union(*(i.last for i in infos)),
            any(i.nullable for i in infos),
            any(i.has_repeat for i in infos),
        )
    if op in REPEATS:
        return _repeat(op, av, flags, final)
    if op is C.GROUPREF_EXISTS:
        _group, yes, no = av
        infos = [_seq(yes, flags)] + ([_seq(no, flags)] if no else [])
        everything = frozenset(_SAMPLES)
        return _Info(everything, everything, True, any(i.has_repeat for i in infos))
    # GROUPREF (back-reference) and anything unknown: any text, no repeat of its own
    return _Info(frozenset(_SAMPLES), frozenset(_SAMPLES), True, False)


def _char_class(op, av, flags: int) -> frozenset[str]:
    if op is C.LITERAL:
        return _fold({chr(av)}, flags)
    if op is C.NOT_LITERAL:
        excluded = _fold({chr(av)}, flags)
        return frozenset(c for c in _SAMPLES if c not in excluded)
    if op is C.ANY:
        return frozenset(_SAMPLES)
    return _in_set(av, flags)


def _repeat(op, av, flags: int, final: bool = False) -> _Info:
    low, high, body = av
    inner = _seq(body, flags)
    many = high is C.MAXREPEAT or high >= MANY
    variable = high is C.MAXREPEAT or high > low
    if op is not C.POSSESSIVE_REPEAT and many and not final:
        _check_repeated_body(body, inner, flags)
    return _Info(
        inner.first,
        _EMPTY if op is C.POSSESSIVE_REPEAT else inner.last,  # possessive: its end is fixed
        inner.nullable or low == 0,
        op is not C.POSSESSIVE_REPEAT and (inner.has_repeat or variable),
    )


def _check_repeated_body(body, inner: _Info, flags: int) -> None:
    """Refuse a body that the repeat around it can split in more than one way."""
    if inner.nullable and inner.has_repeat:
        raise UnsafePattern(
            "a repeated group can match empty text and holds a repeat (like (a*)*): "
            "it backtracks exponentially"
        )
    if inner.has_repeat and inner.last & inner.first:
        raise UnsafePattern(
            "nested quantifiers (like (a+)+ or (\\w+\\s?)*): the repeated group holds a "
            "repeat and can end with a character it can also start with, so one text splits "
            "into repetitions in exponentially many ways; make a separator mandatory, or use "
            "an atomic group (?>...) or a possessive ++"
        )
    _check_branches(body, flags)


def _check_branches(items, flags: int) -> None:
    """Refuse an alternation, inside a repeated body, whose branches can match the same text."""
    for op, av in items:
        if op is C.SUBPATTERN:
            _check_branches(av[3], (flags | av[1]) & ~av[2])
        elif op is C.BRANCH:
            branches = list(av[1])
            if _ambiguous(branches, flags):
                raise UnsafePattern(
                    "a repeated alternation whose branches can match the same text (like "
                    "(a|a)* or (x|xy|y)*) backtracks exponentially; make the branches disjoint"
                )
            for branch in branches:
                _check_branches(branch, flags)


def _shape(items, flags: int) -> tuple[list[frozenset[str]], bool, int, float]:
    """``(prefix, complete, min_len, max_len)`` of a branch: the classes of its fixed leading
    characters, whether that prefix is the whole branch, and its length range."""
    prefix: list[frozenset[str]] = []
    open_ = True
    low, high = 0, 0.0
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            if open_:
                prefix.append(_char_class(op, av, flags))
            low, high = low + 1, high + 1
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        elif op is C.SUBPATTERN:
            sub, complete, lo, hi = _shape(av[3], (flags | av[1]) & ~av[2])
            if open_:
                prefix.extend(sub)
                open_ = complete
            low, high = low + lo, high + hi
        elif op in REPEATS:
            rlo, rhi, body = av
            sub, complete, lo, hi = _shape(body, flags)
            fixed = complete and lo == hi
            if open_:
                if fixed:
                    prefix.extend(sub * rlo)
                open_ = fixed and rhi == rlo
            low += rlo * lo
            high = float("inf") if rhi is C.MAXREPEAT else high + rhi * hi
        else:  # alternation, back-reference…: length and content not tracked further
            open_ = False
            if op is C.BRANCH:
                shapes = [_shape(b, flags) for b in av[1]]
                low += min(sh[2] for sh in shapes)
                high += max(sh[3] for sh in shapes)
            else:
                high = float("inf")
    return prefix, open_, low, high


def _ambiguous(branches: list, flags: int) -> bool:
    """Can two branches, or one branch and a run of others, match the same text?"""
    shapes = [_shape(b, flags) for b in branches]
    infos = [_seq(b, flags) for b in branches]
    for i in range(len(branches)):
        for j in range(i + 1, len(branches)):
            pi, ci, lo_i, hi_i = shapes[i]
            pj, cj, lo_j, hi_j = shapes[j]
            if lo_i == 0 and lo_j == 0:
                return True  # both can match empty text
            if lo_i and lo_j and not infos[i].first & infos[j].first:
                continue  # they start differently
            if max(lo_i, lo_j) > min(hi_i, hi_j):
                continue  # no length in common
            if not all(x & y for x, y in zip(pi, pj, strict=False)):
                continue  # they differ at some fixed position
            if ci and cj and len(pi) != len(pj):
                continue
            return True
    fixed = [sh[0] if sh[1] else None for sh in shapes]
    for k, whole in enumerate(fixed):
        others = [p for m, p in enumerate(fixed) if m != k and p]
        if whole and _tiles(whole, others):
            return True  # (x|xy|y)*: "xy" is one branch or two
    return False


def _tiles(target: list[frozenset[str]], pieces: list[list[frozenset[str]]]) -> bool:
    """Can ``target`` be spelt by two or more of ``pieces`` in a row?"""
    n = len(target)
    reach = [0] * (n + 1)  # reach[i]: fewest pieces spelling target[:i] (0 = not reached)
    for i in range(n):
        if i and not reach[i]:
            continue
        for piece in pieces:
            end = i + len(piece)
            if end <= n and all(a & b for a, b in zip(piece, target[i:end], strict=True)):
                count = reach[i] + 1
                reach[end] = count if not reach[end] else min(reach[end], count)
    return reach[n] >= 2


def check_pattern(regex: str, flags: int = 0) -> None:
    """Raise :class:`UnsafePattern` if ``regex`` can backtrack exponentially."""
    try:
        items, in_force = parse(regex, flags)
    except re.error:
        return  # compile errors are reported by the schema
    _seq(items, in_force | flags, final=True)
