"""Regex facts: what a rule pattern guarantees, read from Python's own regex parser.

One module reads ``re._parser`` trees (CPython internals, so in one place only), for two users:
the keyword gate (``keywords.py``: the literal keywords every match contains, and how many line
breaks a match can cover) and the ReDoS check (``ruleset/redos.py``: the parse tree and opcode
groups it walks to find exponential backtracking). Facts are derived from the regex itself, so
they can never drift from the rules.
"""

from __future__ import annotations

import re
import re._constants as C  # noqa: N812 - the parser's opcode names
import re._parser as P  # noqa: N812
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "C",
    "FOLDS_TO_ASCII",
    "REPEATS",
    "UNBOUNDED",
    "consumed_literals",
    "keyword_lines_above",
    "keywords",
    "max_newlines",
    "parse",
    "pattern_flags",
]

#: Opcodes of a repeat (greedy, lazy, possessive): ``(lo, hi, body)``.
REPEATS = frozenset({C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT})


def parse(regex: str, flags: int = 0) -> tuple[list[tuple[Any, Any]], int]:
    """The top-level items of ``regex``'s parse tree and the flags in force (inline flags such
    as ``(?i)`` included). Raises ``re.error`` for an invalid pattern."""
    parsed = P.parse(regex, flags)
    return list(parsed), parsed.state.flags


def pattern_flags(names: Sequence[str]) -> int:
    """The ``re`` flags a rule's pattern is matched with (MULTILINE is always on)."""
    table = {
        "ignorecase": re.IGNORECASE,
        "multiline": re.MULTILINE,
        "dotall": re.DOTALL,
        "verbose": re.VERBOSE,
    }
    flags = re.MULTILINE
    for name in names:
        flags |= table.get(name, 0)
    return flags


# --- keywords and line-break bounds (the keyword gate) --------------------------------------

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
    #: most line breaks a match can cover from where the piece starts to the start of its
    #: ``required`` keyword (the gate's window needs no more lines above a keyword line)
    before: int = 0


#: Stands, in a keyword being derived, for any non-ASCII decimal digit (``\\d`` matches those
#: in ``str`` patterns). The gate looks for keywords in a one-byte view of the text, where
#: every non-ASCII character reads ``?``: :func:`keywords` writes it as ``?`` there.
_OTHER_DIGIT = "\ue000"
#: ``\\d`` read as the eleven view characters ``0``-``9`` and ``?`` (a private flag bit, off
#: when :func:`keywords` must retry without it: see there).
_NO_DIGITS = 1 << 29
_DIGITS = frozenset("0123456789" + _OTHER_DIGIT)


def _score(strings: frozenset[str] | None) -> tuple[int, int]:
    """Higher is better: the longest shortest keyword first, then fewer keywords. A non-ASCII
    character counts twice (``¶`` or ``é`` are rarer than any ASCII character; without it a
    ``¶`` would give way to the eleven ``0.`` to ``9.`` of a paragraph number)."""
    if not strings or "" in strings:
        return (-1, 0)
    # (the stand-in for a non-ASCII digit is a digit, no rare character)
    rare = [sum(not c.isascii() and c != _OTHER_DIGIT for c in s) for s in strings]
    return (min(len(s) + n for s, n in zip(strings, rare, strict=True)), -len(strings))


def _class_chars(items, icase: bool, flags: int = 0) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif (
            op is C.CATEGORY
            and av in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT)
            and not flags & _NO_DIGITS
        ):
            chars.update(_DIGITS)  # a digit: an ASCII one, or a non-ASCII one (view: ``?``)
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
    # for each candidate, most line breaks from the sequence's start to a keyword's start:
    # those of the pieces before the one being read (``seen``; a run of literal text holds
    # none and ends before it), plus, for a piece's own keywords, its ``before``
    befores: list[int] = []
    seen = upto = 0
    run: frozenset[str] | None = frozenset([""])
    all_exact = True

    def close(lines: int) -> None:
        nonlocal run
        if run is not None and run != frozenset([""]):
            candidates.append(run)
            befores.append(lines)
        run = frozenset([""])

    for op, av in items:
        seen = upto
        upto = min(UNBOUNDED, seen + _node_newlines(op, av, flags))
        if op is C.ASSERT:
            direction, sub = av
            inner = _seq(sub, flags)
            icase_any |= inner.icase
            if inner.required is not None:
                candidates.append(inner.required)
                # a look-behind over a line break may hold a keyword lines above the match
                lines_behind = direction < 0 and _max_newlines(sub, flags) > 0
                befores.append(UNBOUNDED if lines_behind else min(UNBOUNDED, seen + inner.before))
            if direction < 0:  # look-behind: its text ends where the next piece starts
                close(seen)
                if inner.exact is not None:
                    run = inner.exact
            else:  # look-ahead: its text starts where the previous piece ended
                if inner.exact is not None and run is not None:
                    joined = _product(run, inner.exact)
                    if joined is not None:
                        candidates.append(joined)
                        befores.append(seen)
                close(seen)
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
                    befores.append(seen)
            close(seen)
            if piece.required is not None:
                candidates.append(piece.required)
                befores.append(min(UNBOUNDED, seen + piece.before))
            # what the piece ends with opens the next run (``[ \t]+FAX``: `` FAX``, ``\tFAX``)
            run = piece.suffix
            continue
        joined = _product(run, piece.exact) if run is not None else None
        if joined is None:
            close(seen)
            all_exact = False
            run = piece.exact
        else:
            run = joined
    exact = run if all_exact else None
    close(upto)
    if not candidates:
        return _Piece(exact, None, icase_any, _seq_prefix(items, flags))
    at = max(range(len(candidates)), key=lambda i: _score(candidates[i]))  # first best
    best: frozenset[str] | None = candidates[at]
    if _score(best)[0] < 1:
        best = None
    return _Piece(exact, best, icase_any, _seq_prefix(items, flags), before=befores[at])


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
        chars = _class_chars(av, icase, flags)
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
        before = 0
        for p in pieces:
            own: frozenset[str] | None
            if p.exact is not None and _score(p.exact)[0] >= 1:
                own = p.exact  # no line break in it: it starts where the alternative does
            else:
                own = p.required
                before = max(before, p.before)
            if own is None or required is None:
                required = None
                continue
            required = required | own
        prefix = frozenset().union(*(p.exact if p.exact is not None else p.prefix for p in pieces))
        if len(prefix) > MAX_EXPANSION:
            prefix = frozenset([""])
        return _Piece(exact, required or None, icase_any, prefix, before=before)
    if op in REPEATS and op is not C.POSSESSIVE_REPEAT:
        lo, hi, sub = av
        inner = _seq(sub, flags)
        if lo == 0 and hi == 1 and inner.exact is not None:
            # an optional piece (``\.?``, ``[ \t]?``) is one of its strings or nothing: the
            # run of literal text goes on through it ("D\.[ \t]?C\." holds "D.C.", "D. C."
            # or "D.\tC.", far rarer than its "D."); never a keyword on its own ("" in it)
            return _Piece(inner.exact | {""}, None, inner.icase, inner.exact | {""})
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
        # the keyword may be in any repetition: the line breaks of those before it count
        each = _max_newlines(sub, flags)
        if each == 0:
            before = inner.before if required is inner.required else 0
        elif hi is C.MAXREPEAT or each >= UNBOUNDED:
            before = UNBOUNDED
        else:
            before = min(UNBOUNDED, (hi - 1) * each + max(inner.before, each))
        return _Piece(exact, required, inner.icase, prefix, suffix, before=before)
    # ANY, NOT_LITERAL, GROUPREF, conditionals, atomic groups, possessive repeats: no claim
    return _Piece(None, None, icase)


def keyword_lines_above(regex: str, flags: int = 0) -> int:
    """Most line breaks a match of ``regex`` can cover before the start of its keyword (one of
    :func:`keywords`): the gate's window reaches no further above a keyword line (an address
    starts on the line of its street type). At most :func:`max_newlines`."""
    return min(_keyword_piece(regex, flags)[0].before, max_newlines(regex, flags))


@lru_cache(maxsize=1024)
def _keyword_piece(regex: str, flags: int) -> tuple[_Piece, frozenset[str] | None]:
    """The parsed piece whose keywords :func:`keywords` gives, and those keywords.

    Memoised: the gate asks for a pattern's keywords and for how far above them a match can
    start, and the analysis of a long pattern (an address block's state list) is the larger
    part of a scanner's start-up."""
    items, in_force = parse(regex, flags)
    piece = _seq(items, in_force)
    found = piece.required
    if found is not None and any(_OTHER_DIGIT in word for word in found):
        if any(not word.replace(_OTHER_DIGIT, "").isascii() for word in found):
            # a keyword with a non-ASCII letter is looked for in the text itself, not in the
            # one-byte view: the view's ``?`` for a non-ASCII digit means nothing there
            piece = _seq(items, in_force | _NO_DIGITS)
            found = piece.required
        else:
            found = frozenset(word.replace(_OTHER_DIGIT, "?") for word in found)
    if found is not None:
        # a keyword holding another is found wherever it is ("Tel." where "Tel" is): one
        # hit per line is enough ("(?:ab)?c" gives "abc" and "c": "c" alone)
        found = frozenset(w for w in found if not any(v != w and v in w for v in found))
    return piece, found


def keywords(regex: str, flags: int = 0) -> tuple[frozenset[str] | None, bool]:
    """Strings one of which every match of ``regex`` contains (None: no such set found), and
    whether they are to be matched ignoring case. ASCII keywords are looked for in the one-byte
    view of the text (``fastscan.ascii_view``): a ``\\d`` becomes each of ``0``-``9`` and ``?``
    (any non-ASCII digit), so ``\\d:`` gives ``0:`` ... ``9:``, ``?:``, far rarer than ``:``."""
    piece, found = _keyword_piece(regex, flags)
    return found, piece.icase


# --- literals every match consumes (the gate's second test) -----------------------------------


def consumed_literals(regex: str, flags: int = 0) -> frozenset[str]:
    """Strings that every match of ``regex`` holds, each of them, in its own text (between its
    start and end, not in look-arounds), in exactly this letter case.

    Where :func:`keywords` gives one set of which a match holds *some* member (what Hyperscan
    looks for), these hold *all*: a window of text lacking one of them holds no match. Only
    runs of literal characters that the pattern must consume in sequence count: a piece
    inside an alternation, an optional repeat or a look-around ends a run and is not read;
    a repeat taken at least once contributes its own runs. Under IGNORECASE a letter ends a
    run (its case is not fixed) but an ASCII character without case (a digit, ``:``, ``-``)
    does not: ``re`` matches it exactly, no other character folds to it."""
    items, in_force = parse(regex, flags)
    out: set[str] = set()
    _consumed(items, in_force, out)
    return frozenset(s for s in out if s)


def _consumed(items, flags: int, out: set[str]) -> None:
    """Add to ``out`` the runs of literal characters the sequence ``items`` must consume."""
    run: list[str] = []

    def close() -> None:
        if run:
            out.add("".join(run))
            run.clear()

    for op, av in items:
        if op is C.LITERAL and _exact(av, flags):
            run.append(chr(av))
        elif op is C.SUBPATTERN:
            _group, add, remove, sub = av
            inner = (flags | add) & ~remove
            if inner == flags:  # a plain group: its items are part of this sequence
                for sub_op, sub_av in sub:
                    if sub_op is C.LITERAL and _exact(sub_av, flags):
                        run.append(chr(sub_av))
                    else:
                        close()
                        _consumed([(sub_op, sub_av)], flags, out)
            else:
                close()
                _consumed(sub, inner, out)
        elif op in REPEATS and av[0] >= 1:
            close()
            _consumed(av[2], flags, out)  # the body is consumed at least once
        else:  # anything else consumes text we do not know, or none (an assertion)
            close()
    close()


def _exact(code: int, flags: int) -> bool:
    """A literal character ``re`` matches as itself only: any character without IGNORECASE,
    an ASCII one that has no case with it."""
    if not flags & re.IGNORECASE:
        return True
    ch = chr(code)
    return ch.isascii() and ch.lower() == ch.upper()


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
    if op in REPEATS:
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
    items, in_force = parse(regex, flags)
    return _max_newlines(items, in_force)
