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
import threading
from collections.abc import Callable, Iterator

try:  # pragma: no cover - exercised wherever google-re2 is installed (a dependency)
    import re2 as _re2

    _ANCHOR = _re2._Anchor.UNANCHORED
except (ImportError, AttributeError):  # pragma: no cover
    _re2 = None
try:  # pragma: no cover - a dependency where wheels exist (pyproject.toml)
    import hyperscan as _hs
except ImportError:  # pragma: no cover
    _hs = None
#: Hyperscan is installed: the keyword gate and the OCR step scan with it (RE2 otherwise).
HAS_HYPERSCAN = _hs is not None


_VIEWS: dict[int, tuple[str, bytes]] = {}


def ascii_view(text: str) -> bytes:
    """``text.encode("ascii", "replace")``: one byte per character, so byte offsets are text
    offsets. The normaliser, the keyword gate, the OCR step and the inline-directive check
    all read the same text this way; the last few views are kept (by identity) so a text is
    encoded once, not four times."""
    entry = _VIEWS.get(id(text))
    if entry is not None and entry[0] is text:
        return entry[1]
    view = text.encode("ascii", "replace")
    if len(_VIEWS) >= 4:
        try:  # drop the oldest; another thread may be doing the same
            _VIEWS.pop(next(iter(_VIEWS)), None)
        except (RuntimeError, StopIteration):
            _VIEWS.clear()
    _VIEWS[id(text)] = (text, view)
    return view


def compile_ascii(pattern: str):
    """An RE2 regex from an ASCII pattern (for one-byte views, or UTF-8 data)."""
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
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    find = compile_ascii(f"(?i:{body})")._regexp.Match

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

    def finditer(self, text: str, starts: list[int] | None = None) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in ``text``; ``starts`` (sorted offsets, every start of a
        match of ``pattern`` among them: see :class:`HyperscanStarts`) replaces the RE2
        search."""
        if starts is not None:
            match, pos = self.pattern.match, 0
            for at in starts:
                if at < pos:
                    continue
                m = match(text, at)
                if m is not None:
                    yield m
                    pos = max(m.end(), at + 1)
            return
        if self._find is None:
            yield from self.pattern.finditer(text)
            return
        view = ascii_view(text)
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


class HyperscanStarts:
    """Start offsets of several loose patterns in a one-byte view, from one Hyperscan scan.

    Hyperscan reports, for each place a match ends, the leftmost place a match ending there
    starts (``HS_FLAG_SOM_LEFTMOST``): not every start of the loose pattern, but every start
    that a caller's exact pattern needs when its matches begin at the start of a run of the
    loose pattern's letters (a later start with the same end would lie inside that run). The
    OCR step's patterns are of that kind (detect/markings/ocr_markings.py says why for each), and
    tests/unit/detect/test_ocr_markings.py compares the matches with ``re`` on its own.
    """

    def __init__(self, loose: list[str]):
        self._db = HyperscanDatabase(loose, som=True)
        self._count = len(loose)

    def __call__(self, view: bytes) -> list[list[int]]:
        """For each pattern, the sorted distinct offsets where a reported match starts."""
        found: list[set[int]] = [set() for _ in range(self._count)]
        self._db.scan(view, lambda i, start, _end, _flags, _ctx: found[i].add(start))
        return [sorted(starts) for starts in found]


class HyperscanDatabase:
    """A Hyperscan block-mode database of ASCII patterns (ids = list positions), scanned under
    a lock: a database has one scratch space. ``literal`` compiles the patterns as plain text;
    ``caseless`` (per pattern) folds ASCII case; ``som`` reports where matches start;
    ``edit_distance`` (per pattern) matches within that many edits."""

    def __init__(
        self,
        patterns: list[str],
        *,
        literal: bool = False,
        caseless: list[bool] | None = None,
        som: bool = False,
        edit_distance: list[int] | None = None,
    ):
        base = _hs.HS_FLAG_SOM_LEFTMOST if som else 0
        self._db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
        extra = {}
        if edit_distance is not None:  # approximate matching (Hyperscan's extended parameters)
            flag = _hs.HS_EXT_FLAG_EDIT_DISTANCE
            extra["ext"] = [(flag, 0, 0, 0, d, 0) for d in edit_distance]
        self._db.compile(
            expressions=[p.encode("ascii") for p in patterns],
            ids=list(range(len(patterns))),
            elements=len(patterns),
            flags=[
                base | (_hs.HS_FLAG_CASELESS if c else 0)
                for c in caseless or [False] * len(patterns)
            ],
            literal=literal,
            **extra,
        )
        self._lock = threading.Lock()

    def scan(self, view: bytes, on_match: Callable[..., object]) -> None:
        """Call ``on_match(pattern id, start, end, flags, context)`` for each match, as
        Hyperscan does (start 0 without ``som``): no wrapper call on this hot path."""
        with self._lock:
            self._db.scan(view, match_event_handler=on_match)


def hyperscan_starts(loose: list[str]) -> HyperscanStarts | None:
    """:class:`HyperscanStarts` for ``loose``, or None without Hyperscan (or when it cannot
    compile a pattern with start offsets): callers then use RE2."""
    if _hs is None:
        return None
    try:
        return HyperscanStarts(loose)
    except _hs.error:  # pragma: no cover - a pattern Hyperscan cannot track starts for
        return None
