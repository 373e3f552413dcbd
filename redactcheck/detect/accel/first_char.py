"""A twin of a rule pattern that ``re`` can skip ahead for: its leading look-arounds moved
behind its first character.

Why: ``re`` scans ahead for the possible first characters of a pattern (a literal prefix or a
first-character set, found at compile time) only when the pattern opens with them. A pattern
that opens with a look-behind (``(?<![A-Za-z])``, the source note's ``(?:(?<=[.;][ \\t])|
...)``) is tried at every position of every window the keyword gate hands it, look-behind
first. The twin reads the same first character and then checks the look-arounds one
character back, so ``re`` jumps from one possible first character to the next in C.

Why the twin finds the same matches at every position ``i`` (so ``twin.search`` returns what
``pattern.search`` does, groups included):

- leading zero-width items ``Z`` (``^``, ``\\b``, look-aheads, look-behinds, and alternations
  of them) consume nothing and depend only on ``i``; ``X Z' rest``, where ``Z'`` is the
  look-behind ``(?<=Z[\\s\\S])`` placed after the one-character item ``X``, checks ``Z`` at
  ``i`` (one character back from ``i + 1``) after ``X`` matched the character at ``i``: the
  same test on the same position, only in a different order (look-arounds are atomic);
- inside a group the group still starts at ``i``; inside an alternation each alternative
  gets ``Z`` after its own first character (``Z`` fails for all alternatives or none);
- an alternative opening with a small set of characters (``[Tt]el``) is split into one
  alternative per character (``Tel|tel``): only one can match the character at ``i``, so
  the order of tries is that of the class;
- an alternation whose alternatives open with one character each, not all of them literals
  (``\\d...|One``), becomes the class of those characters, then the alternation of each
  alternative with its first character checked one back (``[\\dO](?:(?<=\\d)...|(?<=O)ne)``):
  the same alternatives tried in the same order at ``i``;
- a repeat of one character at least once (``\\d{1,6}``) is that character then the repeat
  with one round less (``\\d\\d{0,5}``, greedy or lazy alike): the same lengths in the same
  order.

Only patterns without flags inside groups on the way to ``X``, without case-blind matching,
with no capturing group inside ``Z``, and whose twin does open with a literal or a character
set are given a twin (:func:`twin`); for the others ``re`` gains nothing. The twin is built
from ``re``'s own parse tree (``re._parser``, ``re._compiler``, Python 3.11 and later); if
that fails the pattern is its own twin. tests/unit/detect/test_first_char.py compares both on
every rule's examples and on generated text.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser and compiler ``re`` itself uses (private, stable since 3.11)
    from re import _compiler as _C  # type: ignore[attr-defined]
    from re import _constants as _K  # type: ignore[attr-defined]
    from re import _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another implementation of ``re``
    _C = _K = _P = None

_Items = list[tuple[Any, Any]]
#: a class of at most this many plain characters is split into alternatives
_MAX_SPLIT = 8


def twin(regex: str, flags: int = 0) -> re.Pattern[str] | None:
    """The pattern with its leading zero-width items behind its first character, or None
    when it has none, when ``re`` scans ahead for it already, or when no twin can be built
    that ``re`` scans ahead for."""
    if _P is None or flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        parsed = _P.parse(regex, flags)
        state_flags = parsed.state.flags
        if state_flags & (re.IGNORECASE | re.LOCALE) or _scans_ahead(parsed, state_flags):
            return None
        data = _push(parsed.state, [], list(parsed.data))
        if data is None or data == list(parsed.data):
            return None
        moved = _P.SubPattern(parsed.state, data)
        if not _scans_ahead(moved, state_flags):
            return None
        return _C.compile(moved, state_flags)
    except Exception:  # noqa: BLE001 - any surprise in the private API: no twin
        return None


def _scans_ahead(parsed: Any, flags: int) -> bool:
    """``re`` finds a literal prefix or a first-character set for the parsed pattern."""
    return bool(_C._get_literal_prefix(parsed, flags)[0] or _C._get_charset_prefix(parsed, flags))


def _push(state: Any, zero: _Items, items: _Items) -> _Items | None:
    """``items`` with the zero-width items ``zero`` (to be checked where ``items`` start)
    moved behind their first character; None when that character is not a plain one."""
    i = 0
    while i < len(items) and _zero_width(*items[i]):
        i += 1
    if _has_group(items[:i]):
        return None
    zero = zero + items[:i]
    rest = items[i:]
    if not rest:
        return None
    op, av = rest[0]
    if not zero and op not in (_K.SUBPATTERN, _K.BRANCH):
        return items  # nothing to move (a group or an alternation may hold some)
    if op in (_K.LITERAL, _K.NOT_LITERAL, _K.IN, _K.ANY):
        behind = (_K.ASSERT, (-1, _P.SubPattern(state, zero + _P.parse(r"[\s\S]").data)))
        return [rest[0], behind] + rest[1:]
    if op in (_K.MAX_REPEAT, _K.MIN_REPEAT) and av[0] >= 1 and _one_char(av[2].data):
        lo, hi, body = av
        more = (op, (lo - 1, hi if hi is _K.MAXREPEAT else hi - 1, body))
        return _push(state, zero, [body.data[0], more] + rest[1:])
    if op is _K.SUBPATTERN:
        group, add, remove, sub = av
        if add or remove:
            return None
        inner = _push(state, zero, list(sub.data))
        if inner is None:
            return None
        return [(_K.SUBPATTERN, (group, add, remove, _P.SubPattern(state, inner)))] + rest[1:]
    if op is _K.BRANCH:
        alternatives = []
        for alt in _split_classes(av[1]):
            inner = _push(state, zero, list(alt.data))
            if inner is None:
                return None
            alternatives.append(inner)
        return _hoisted(state, alternatives, av[0]) + rest[1:]
    return None


def _hoisted(state: Any, alternatives: list[_Items], branch: Any) -> _Items:
    """The alternation of ``alternatives`` (each opening with one plain character, ``X_k``)
    as the class of all those characters, then the alternation of ``(?<=X_k)`` and the rest
    of each: the same tries in the same order, but ``re`` reads the class as the first
    characters. As it was when every alternative opens with a literal (``re`` reads those
    itself) or one opens otherwise (a negated class)."""
    if all(items[0][0] is _K.LITERAL for items in alternatives):
        return [(_K.BRANCH, (branch, [_P.SubPattern(state, a) for a in alternatives]))]
    firsts: list[tuple[Any, Any]] = []
    for items in alternatives:
        op, av = items[0]
        if op is _K.LITERAL:
            firsts.append((_K.LITERAL, av))
        elif op is _K.IN and all(o is not _K.NEGATE for o, _ in av):
            firsts.extend(av)
        else:
            return [(_K.BRANCH, (branch, [_P.SubPattern(state, a) for a in alternatives]))]
    checked = [
        _P.SubPattern(state, [(_K.ASSERT, (-1, _P.SubPattern(state, items[:1])))] + items[1:])
        for items in alternatives
    ]
    return [(_K.IN, firsts), (_K.BRANCH, (branch, checked))]


def _one_char(items: _Items) -> bool:
    return len(items) == 1 and items[0][0] in (_K.LITERAL, _K.NOT_LITERAL, _K.IN, _K.ANY)


def _zero_width(op: Any, av: Any) -> bool:
    """An item that consumes nothing: an anchor, a look-around, or alternatives of them."""
    if op in (_K.AT, _K.ASSERT, _K.ASSERT_NOT):
        return True
    if op is _K.BRANCH:
        return all(all(_zero_width(o, a) for o, a in alt.data) for alt in av[1])
    return False


def _has_group(items: _Items) -> bool:
    """A capturing group or a reference to one anywhere inside ``items``."""
    for op, av in items:
        if op is _K.SUBPATTERN:
            if av[0] is not None or _has_group(list(av[3].data)):
                return True
        elif op in (_K.ASSERT, _K.ASSERT_NOT):
            if _has_group(list(av[1].data)):
                return True
        elif op is _K.BRANCH:
            if any(_has_group(list(alt.data)) for alt in av[1]):
                return True
        elif op in (_K.MAX_REPEAT, _K.MIN_REPEAT, _K.POSSESSIVE_REPEAT):
            if _has_group(list(av[2].data)):
                return True
        elif op is _K.ATOMIC_GROUP:
            if _has_group(list(av.data)):
                return True
        elif op in (_K.GROUPREF, _K.GROUPREF_EXISTS):
            return True
    return False


def _split_classes(alternatives: list[Any]) -> list[Any]:
    """The alternatives, each opening with a small class of plain characters split into one
    alternative per character (``[Tt]el`` -> ``Tel``, ``tel``: only one of them can match
    a given character, so their order does not matter), so that ``re`` reads the
    alternation's first characters."""
    out = []
    for alt in alternatives:
        items = list(alt.data)
        chars = _small_class(items[0]) if items else None
        if chars is None:
            out.append(alt)
            continue
        for code in chars:
            out.append(_P.SubPattern(alt.state, [(_K.LITERAL, code)] + items[1:]))
    return out


def _small_class(item: tuple[Any, Any]) -> list[int] | None:
    """The code points of a class of at most ``_MAX_SPLIT`` plain characters (literals and
    short ranges, no negation or category), ascending; None otherwise."""
    op, av = item
    if op is not _K.IN:
        return None
    codes: list[int] = []
    for o, a in av:
        if o is _K.LITERAL:
            codes.append(a)
        elif o is _K.RANGE and a[1] - a[0] < _MAX_SPLIT:
            codes.extend(range(a[0], a[1] + 1))
        else:
            return None
    if len(codes) > _MAX_SPLIT or len(set(codes)) != len(codes):
        return None
    return sorted(codes)
