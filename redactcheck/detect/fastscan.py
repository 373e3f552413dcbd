"""``finditer`` for ASCII-letter patterns, with RE2 finding where a match can start.

Python's ``re`` tries a pattern at every position whose first character fits; on text in
capitals a pattern opening with ``[CUDE]`` and a look-behind is tried at every C, U, D and E.
RE2 runs a looser pattern (no look-around) as one automaton over a one-byte-per-character view
of the text (non-ASCII characters become ``?``, so offsets agree) and hands ``re`` only the
places where the looser pattern matches; ``re`` then decides exactly, so the matches are those
of ``pattern.finditer(text)`` whenever every match of ``pattern`` starts where ``loose``
matches. Without google-re2 it is plain ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # pragma: no cover - exercised wherever google-re2 is installed (a dependency)
    import re2 as _re2

    _ANCHOR = _re2._Anchor.UNANCHORED
except (ImportError, AttributeError):  # pragma: no cover
    _re2 = None


def compile_ascii(pattern: str):
    """An RE2 regex over one-byte-per-character views (the keyword gate's and this module's)."""
    options = _re2.Options()
    options.max_mem = 16 << 20
    return _re2.compile(pattern.encode("ascii"), options)


def icase_prefilter(words: list[str]):
    """A C-level test for "one of ``words`` occurs, in any letter case" in a ``str`` (None
    without google-re2, or for non-ASCII words, whose case folding RE2 and ``re`` may not share).

    For ASCII words it never says no where Python's ``re.IGNORECASE`` would find one: RE2's
    case folding covers every non-ASCII character ``re`` matches to an ASCII letter except the
    Turkish dotted and dotless I (U+0130, U+0131), so a text holding either is let through.
    """
    if _re2 is None or not all(w.isascii() for w in words):
        return None
    options = _re2.Options()
    options.max_mem = 16 << 20
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    find = _re2.compile(f"(?i:{body})", options)._regexp.Match

    def may_occur(text: str) -> bool:
        if "\u0130" in text or "\u0131" in text:
            return True
        data = text.encode("utf-8", "surrogatepass")
        return find(_ANCHOR, data, 0, len(data))[0][0] >= 0

    return may_occur


class FastScan:
    """``pattern.finditer`` sped up by ``loose``, an RE2 pattern matching wherever a match of
    ``pattern`` can start (it may match more places; it must not miss one)."""

    def __init__(self, pattern: re.Pattern[str], loose: str):
        self.pattern = pattern
        self._find = None
        if _re2 is not None:
            self._find = compile_ascii(loose)._regexp.Match

    def finditer(self, text: str, view: bytes | None = None) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in ``text``; ``view`` is ``text.encode("ascii", "replace")``
        when the caller has it already."""
        if self._find is None:
            yield from self.pattern.finditer(text)
            return
        if view is None:
            view = text.encode("ascii", "replace")
        find, match, size, pos = self._find, self.pattern.match, len(view), 0
        while pos < size:
            at = find(_ANCHOR, view, pos, size)[0][0]
            if at < 0:
                return
            m = match(text, at)
            if m is None:
                pos = at + 1
            else:
                yield m
                pos = max(m.end(), at + 1)
