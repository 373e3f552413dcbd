"""Pattern-set triage: one pass over a text says which marking patterns can possibly hit.

Most documents trigger a handful of the rule library's patterns. CPython's ``re`` run pattern by
pattern costs a full pass each (and a leading ``\\b`` or IGNORECASE defeats its literal search),
so a scan spends its time proving that patterns do *not* match. google-re2's ``Set`` answers that
for all patterns at once in linear time; full matching with ``re`` then runs only for the
patterns the set reported.

Each rule regex is translated to a *looser* RE2 pattern: lookarounds and word boundaries (which
RE2 lacks or defines over ASCII only) are dropped and Unicode classes widened, so the RE2 pattern
matches wherever the original can. A pattern that cannot be translated (backreferences,
conditionals, verbose mode, anything RE2 refuses) is simply always run, and so is everything
when google-re2 is not installed: the triage can only save time, never lose a finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

try:  # optional fast engine; the pure-Python path gives the same findings
    import re2 as _re2
except ImportError:  # pragma: no cover - exercised when google-re2 is absent
    _re2 = None

# Python's \w, \d and \s are Unicode-aware, RE2's are ASCII-only. In a positive context they
# widen to "the ASCII set or any non-ASCII character": looser, and a plain range keeps the
# automaton small (Unicode property classes over 180 patterns made the set 30x slower). In a
# negated class they become Unicode subsets of Python's sets, so the negation stays looser.
_WIDEN = {
    "w": r"0-9A-Za-z_\x{80}-\x{10FFFF}",
    "d": r"0-9\x{80}-\x{10FFFF}",
    "s": r"\t\n\x0b\f\r \x1c-\x1f\x{80}-\x{10FFFF}",
}
_NEGATED = {
    "w": r"\pL\pN_",
    "d": r"\p{Nd}",
    "s": r"\t\n\x0b\f\r \x1c-\x1f\x85\pZ",
}
_DROP = frozenset("bB")  # word boundaries: ASCII-only in RE2, so drop them (looser)


class Untranslatable(ValueError):
    """The regex uses a construct with no looser RE2 equivalent; run it unconditionally."""


def _group_end(pattern: str, open_index: int) -> int:
    """Index just past the ``)`` closing the group that opens at ``open_index``."""
    depth = 0
    i = open_index
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise Untranslatable("unbalanced parentheses")


def _top_level_bar(pattern: str) -> bool:
    """True when ``pattern`` is an alternation at its outermost level (``a|b``)."""
    depth = 0
    i = 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _groups(pattern: str) -> tuple[list[str], dict[str, str]]:
    """Bodies of the capturing groups, by number (index 0 = group 1) and by name."""
    numbered: list[str] = []
    named: dict[str, str] = {}
    i = 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            name = None
            if pattern.startswith("(?P<", i):
                name = pattern[i + 4 : pattern.index(">", i)]
                body_start = i + 5 + len(name)
            elif pattern.startswith("(?", i):
                i += 1
                continue
            else:
                body_start = i + 1
            body = pattern[body_start : _group_end(pattern, i) - 1]
            numbered.append(body)
            if name:
                named[name] = body
        i += 1
    return numbered, named


def to_re2(pattern: str, flags: Sequence[str] = ()) -> str:
    """A looser RE2 version of the Python ``pattern`` (same flags), or :class:`Untranslatable`.

    A backreference becomes a copy of the group it refers to (any text the group could match,
    not only the same text): looser again.
    """
    if "verbose" in flags:
        raise Untranslatable("verbose patterns are not translated")
    prefix = "(?m"
    if "ignorecase" in flags:
        prefix += "i"
    if "dotall" in flags:
        prefix += "s"
    return prefix + ")" + _translate(pattern, *_groups(pattern), depth=0)


def _translate(pattern: str, numbered: list[str], named: dict[str, str], depth: int) -> str:
    if depth > 3:
        raise Untranslatable("backreferences nested too deeply")
    out: list[str] = []
    i = 0
    in_class = False
    negated = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if not nxt:
                raise Untranslatable("trailing backslash")
            if nxt.isdigit() and nxt != "0" and not in_class:
                digits = nxt + (pattern[i + 2] if pattern[i + 2 : i + 3].isdigit() else "")
                number = int(digits)
                if number > len(numbered):
                    raise Untranslatable("backreference to a missing group")
                body = _translate(numbered[number - 1], numbered, named, depth + 1)
                out.append(f"(?:{body})")
                i += 1 + len(digits)
                continue
            if nxt in _WIDEN:
                if not in_class:
                    out.append(f"[{_WIDEN[nxt]}]")
                else:
                    out.append(_NEGATED[nxt] if negated else _WIDEN[nxt])
                i += 2
                continue
            if nxt in "WDS" and in_class and negated:
                raise Untranslatable("negated class holding \\W, \\D or \\S")
            if nxt in _DROP and not in_class:
                i += 2
                continue
            if nxt == "Z":
                out.append(r"\z")
                i += 2
                continue
            if nxt in "uU":
                width = 4 if nxt == "u" else 8
                digits = pattern[i + 2 : i + 2 + width]
                out.append(r"\x{" + digits + "}")
                i += 2 + width
                continue
            if nxt == "N":
                raise Untranslatable("named character escape")
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            negated = pattern[i + 1 : i + 2] == "^"
            out.append(c)
            i += 1
            if negated:
                out.append("^")
                i += 1
            if pattern[i : i + 1] == "]":
                out.append(r"\]")
                i += 1
            continue
        if c == "(" and pattern.startswith("(?", i):
            head = pattern[i : i + 4]
            if head.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                end = _group_end(pattern, i)
                # A positive lookbehind opening the pattern (or a lookahead closing it) is kept
                # as text to match: the triage then still needs the "//" of "(?<=//)NF".
                # Anywhere else a lookaround only narrows, so it is dropped.
                at_edge = (head.startswith("(?<=") and i == 0 and depth == 0) or (
                    head.startswith("(?=") and end == len(pattern) and depth == 0
                )
                if at_edge and not _top_level_bar(pattern):
                    inner_start = i + (4 if head.startswith("(?<=") else 3)
                    inner = pattern[inner_start : end - 1]
                    out.append(f"(?:{_translate(inner, numbered, named, depth + 1)})")
                i = end
                continue
            if head.startswith("(?P="):
                end = pattern.index(")", i)
                name = pattern[i + 4 : end]
                if name not in named:
                    raise Untranslatable("backreference to a missing group")
                out.append(f"(?:{_translate(named[name], numbered, named, depth + 1)})")
                i = end + 1
                continue
            if head.startswith(("(?(", "(?>")):
                raise Untranslatable("conditional or atomic group")
        if c in "*+?}" and pattern[i + 1 : i + 2] == "+":
            raise Untranslatable("possessive quantifier")
        if c == "{" and pattern[i + 1 : i + 2] == ",":
            out.append("{0")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


#: Patterns per RE2 set. One set of 180 patterns ran at 3 MB/s (its automaton thrashes);
#: sets of 16 run at about 27 MB/s together on the same texts.
SET_SIZE = 16


class PatternTriage:
    """Which of a list of patterns can match a text, in one RE2 pass per group of patterns.

    ``candidates(text)`` returns the indices of patterns worth running with ``re``: those the
    RE2 sets report plus those that could not be translated.
    """

    def __init__(self, patterns: Sequence[tuple[str, Sequence[str]]]):
        self.size = len(patterns)
        self.always: list[int] = []
        self._sets: list[tuple[Any, list[int]]] = []  # re2.Set objects
        if _re2 is None:
            self.always = list(range(self.size))
            return
        translated: list[tuple[int, str]] = []
        for index, (regex, flags) in enumerate(patterns):
            try:
                pattern = to_re2(regex, flags)
                _re2.compile(pattern)  # reject what RE2 cannot parse before adding it
            except Exception:  # Untranslatable or an RE2 error: always run this one
                self.always.append(index)
                continue
            translated.append((index, pattern))
        for start in range(0, len(translated), SET_SIZE):
            group = translated[start : start + SET_SIZE]
            options = _re2.Options()
            options.max_mem = 64 << 20
            pset = _re2.Set.SearchSet(options)
            for _, pattern in group:
                pset.Add(pattern)
            pset.Compile()
            self._sets.append((pset, [index for index, _ in group]))

    @property
    def active(self) -> bool:
        """True when RE2 sets are in use (some patterns can be skipped)."""
        return bool(self._sets)

    def candidates(self, text: str) -> list[int]:
        if not self._sets:
            return list(self.always)
        data = text.encode("utf-8", "surrogatepass")  # once, not once per set
        found = set(self.always)
        for pset, ids in self._sets:
            for hit in pset.Match(data) or ():
                found.add(ids[hit])
        return sorted(found)
