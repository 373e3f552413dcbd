"""Regex keywords: a small regex every match of a rule pattern contains, read from the pattern.

The keyword gate (``keywords.py``) looks for literal keywords (``regex_facts.keywords``); for
some patterns the best literal is weak: a phone number's ``\\d-`` gives ``0-`` ... ``9-``, found
on tens of thousands of lines of OCR text that hold no number. This module derives, from the
same parse tree, a *core*: a regex (in Hyperscan's and RE2's syntax, over the gate's one-byte
view of the text) such that every match of the pattern holds, on one line, a piece of text the
core matches (``[0-9?]{3}[-.]\\x20?[0-9?]{4}`` rather than ``0-``).

Why every match holds a core match (lossless by construction). A match of a sequence of regex
items consumes, item after item, consecutive pieces of text; the text consumed by a run of
consecutive items ``i..j`` matches those items' regexes concatenated. The core is such a run,
each item rewritten to match *at least* what Python's ``re`` lets it match in the view:

- zero-width items (``^``, ``\\b``, look-arounds) are left out: they consume nothing, leaving
  them out only lets more text match;
- a literal character is itself; a non-ASCII one reads ``?`` in the view (``ascii_view``);
  under IGNORECASE an ASCII letter is both cases and ``?`` (the non-ASCII letters Python folds
  to an ASCII one: ``regex_facts.FOLDS_TO_ASCII``, all ``?`` in the view);
- a character class is the set of its ASCII members plus ``?`` when it can match any
  non-ASCII character (``\\d`` and ``\\w`` can; a range reaching past 127 can); a class that
  is negated or holds another category is ``[^\\n]``;
- groups are their content, an alternation is the alternation of its alternatives' cores, a
  repeat ``{lo,hi}`` of a core is that core ``{lo,hi}`` (``{lo,}`` when ``hi`` is large); at
  either end of a run a repeat of varying count is ``{lo}`` of its body (the text of its first
  or last ``lo`` rounds), or left out when ``lo`` is 0;
- no item that can consume a line break (``regex_facts`` says which) is ever part of a run, so
  the text a core matches lies on one line. A match starts at most ``before`` line breaks above
  that line (the line breaks the items ahead of the run can consume), the bound the gate's
  windows need (``_Plan.above``).

Back-references, conditionals and anything unknown end a run. The tests check the claim on
every rule's ``match`` examples.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from redactcheck.detect.accel.regex_facts import (
    REPEATS,
    UNBOUNDED,
    C,
    _node_newlines,
    parse,
)

#: a repeat with a larger upper bound is written unbounded (Hyperscan unrolls bounded repeats)
_MAX_HI = 16
#: a core longer than this (regex text) is not used
_MAX_LENGTH = 1500
#: the view characters a class may stand for: the 128 ASCII characters (``?`` also stands for
#: every non-ASCII one)
_NO_NEWLINE = "[^\\n]"
_ASCII_FOLDS = {"\u017f": "sS", "\u212a": "kK", "\u0131": "iI", "\u0130": "iI"}


@dataclass(slots=True)
class Core:
    """A regex every match holds on one line, how sharp it is, and how far above it a match
    may start."""

    regex: str
    bits: float  # information of its shortest match: sum of log2(128 / class size)
    before: int  # line breaks a match can cover before the core's text


@dataclass(slots=True)
class _Whole:
    """A piece all of whose text is matched by ``regex`` (a run may go through it)."""

    regex: str
    bits: float
    #: what the piece is at either end of a run: for a repeat of varying count ``{lo,hi}``,
    #: ``{lo}`` of its body (its first or last ``lo`` rounds), ``""`` when ``lo`` is 0 (the
    #: piece is left out there); None: ``regex`` itself
    edge: str | None = None


def _class(chars: set[str]) -> tuple[str, float]:
    if len(chars) >= 127:
        return _NO_NEWLINE, 0.0
    codes = sorted(ord(c) for c in chars)
    spans: list[list[int]] = []
    for code in codes:  # consecutive characters as ranges: ``[\x30-\x39\x3f]``
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    body = "".join(f"\\x{lo:02x}" if lo == hi else f"\\x{lo:02x}-\\x{hi:02x}" for lo, hi in spans)
    text = body if len(chars) == 1 else f"[{body}]"
    return text, math.log2(128 / len(chars))


def _set_of(items, icase: bool) -> set[str] | None:
    """View characters a (non-negated) class can match, or None (take ``[^\\n]``)."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.update(_char(chr(av), icase))
        elif op is C.RANGE:
            lo, hi = av
            if hi > 127:
                chars.add("?")
            for code in range(lo, min(hi, 127) + 1):
                chars.update(_char(chr(code), icase))
        elif op is C.CATEGORY and av in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT):
            chars.update("0123456789?")
        elif op is C.CATEGORY and av in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD):
            chars.update("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_?")
        else:
            return None
    chars.discard("\n")
    return chars


def _char(ch: str, icase: bool) -> set[str]:
    if not ch.isascii():
        return {"?", *(_ASCII_FOLDS.get(ch, "") if icase else "")}
    if icase and ch.lower() != ch.upper():
        return {ch.lower(), ch.upper(), "?"}
    return {ch}


def _single(op, av, flags: int) -> _Whole | None:
    """One character's item, newline-free, as a class; None when not a single character."""
    icase = bool(flags & re.IGNORECASE)
    if op is C.LITERAL:
        return _Whole(*_class(_char(chr(av), icase)))
    if op is C.IN:
        negated = any(o is C.NEGATE for o, _ in av)
        chars = None if negated else _set_of(av, icase)
        return _Whole(*_class(chars)) if chars else _Whole(_NO_NEWLINE, 0.0)
    if op in (C.NOT_LITERAL, C.ANY):
        return _Whole(_NO_NEWLINE, 0.0)
    return None


def _seq(items, flags: int, above: int, cut: bool = False) -> tuple[_Whole | None, Core | None]:
    """The sequence as one newline-free regex (when it is), and its best core (``above``:
    line breaks a match can cover before the sequence starts; ``cut``: a gap ends a run)."""
    best: Core | None = None
    run: list[_Whole] = []
    run_before = above
    whole = True
    seen = above

    def close() -> None:
        nonlocal best
        pieces = list(run)
        run.clear()
        # a repeat of varying count at an end: its first or last ``lo`` rounds (or nothing)
        while pieces and pieces[0].edge == "":
            pieces.pop(0)
        while pieces and pieces[-1].edge == "":
            pieces.pop()
        if not pieces:
            return
        bits = sum(p.bits for p in pieces)
        if best is not None and bits <= best.bits:
            return
        first, last = pieces[0], pieces[-1]
        head = first.regex if first.edge is None else first.edge
        if len(pieces) == 1:
            best = Core(head, bits, run_before)
            return
        tail = last.regex if last.edge is None else last.edge
        best = Core(head + "".join(p.regex for p in pieces[1:-1]) + tail, bits, run_before)

    for op, av in items:
        lines = _node_newlines(op, av, flags)
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: consumes nothing
        piece, inner = _item(op, av, flags, seen, cut) if lines == 0 else (None, None)
        if lines and op in REPEATS | {C.SUBPATTERN, C.BRANCH, C.ATOMIC_GROUP}:
            _, inner = _item(op, av, flags, seen, cut)
            if inner is not None and op in REPEATS:  # in any round: all of them may come first
                inner = Core(inner.regex, inner.bits, min(UNBOUNDED, seen + lines))
        if piece is not None and cut and _gap(piece):
            # ``.*`` inside a core makes Hyperscan carry the left side's state along the
            # line (the phone cores with a clock time or a page word around ``.*`` cost
            # about a quarter of the gate's pass): the run ends here, each side is a core
            # of its own (a sub-run: lossless as any run) and the sharper one is kept
            whole = False
            close()
        elif piece is not None:
            if not run:
                run_before = seen
            run.append(piece)
        else:
            whole = False
            close()
            if inner is not None and (best is None or inner.bits > best.bits):
                best = inner
        seen = min(UNBOUNDED, seen + lines)
    full = _Whole("".join(p.regex for p in run), sum(p.bits for p in run)) if whole else None
    close()
    return full, best


def _gap(piece: _Whole) -> bool:
    """Any number of any characters but a line break (``.*``, ``[^x]*`` at least as loose):
    no information, and costly for Hyperscan in the middle of a core."""
    return piece.bits == 0.0 and piece.edge == "" and piece.regex.endswith(",}")


def _item(op, av, flags: int, above: int, cut: bool = False) -> tuple[_Whole | None, Core | None]:
    """A newline-free item as a whole regex (or None), and its best inner core."""
    single = _single(op, av, flags)
    if single is not None:
        return single, None
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        full, core = _seq(sub, (flags | add) & ~remove, above, cut)
        return (_Whole(f"(?:{full.regex})", full.bits) if full else None), core
    if op is C.ATOMIC_GROUP:
        full, core = _seq(av, flags, above, cut)
        return (_Whole(f"(?:{full.regex})", full.bits) if full else None), core
    if op is C.BRANCH:
        results = [_seq(alt, flags, above, cut) for alt in av[1]]
        if all(full is not None and full.regex for full, _ in results):
            fulls = [full for full, _ in results]
            regex = "(?:" + "|".join(f.regex for f in fulls) + ")"  # type: ignore[union-attr]
            return _Whole(regex, min(f.bits for f in fulls)), None  # type: ignore[union-attr]
        cores = [full if full is not None and full.regex else core for full, core in results]
        if any(c is None for c in cores):
            return None, None
        regex = "(?:" + "|".join(c.regex for c in cores) + ")"  # type: ignore[union-attr]
        before = max(c.before if isinstance(c, Core) else above for c in cores)
        return None, Core(regex, min(c.bits for c in cores), before)  # type: ignore[union-attr]
    if op in REPEATS:
        lo, hi, sub = av
        full, core = _seq(sub, flags, above, cut)
        if full is None or not full.regex:
            return None, (core if lo >= 1 else None)
        body = f"(?:{full.regex})"
        if lo == hi:
            return _Whole(f"{body}{{{lo}}}", lo * full.bits), None
        # a long or unbounded count is written unbounded (looser, and cheap for Hyperscan)
        count = f"{lo},{hi}" if hi is not C.MAXREPEAT and hi <= _MAX_HI else f"{lo},"
        edge = f"{body}{{{lo}}}" if lo >= 1 else ""
        return _Whole(f"{body}{{{count}}}", lo * full.bits, edge), None
    return None, None


def core(regex: str, flags: int = 0, *, cut: bool = False) -> Core | None:
    """The best core of ``regex`` (the sharpest run), or None when none is found. ``cut``:
    runs end at a gap (``.*``), so the core holds none (see :func:`_gap`)."""
    items, in_force = parse(regex, flags)
    full, best = _seq(items, in_force, 0, cut)
    if full is not None and full.regex:
        best = Core(full.regex, full.bits, 0)
    if best is None or not best.regex or len(best.regex) > _MAX_LENGTH:
        return None
    return best


def literal_bits(words: frozenset[str]) -> float:
    """The information of a set of literal keywords, comparable with :attr:`Core.bits`."""
    shortest = min(len(w) for w in words)
    return 7.0 * shortest - math.log2(len(words))


def escape(word: str) -> str:
    """A literal keyword as a regex of the same syntax."""
    return "".join(f"\\x{ord(c):02x}" for c in word)
