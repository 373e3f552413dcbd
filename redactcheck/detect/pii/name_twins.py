"""Name patterns that open with a look-behind, rewritten so ``re`` can skip ahead to a capital.

Why: ``re`` jumps in C to a pattern's possible first characters only when the pattern opens
with them (a literal or a character set). The name candidates' patterns open with a
look-behind and then a name word whose first item is optional (``(?:Ma?c|O['’]|D['’])?``), so
``re`` tried every position of every text, look-behind first: a fifth of the person rules'
whole-text scans. The twin opens with the capital every match starts with, and checks the
look-behind and the optional prefix one character back.

Why the twin matches what the plain pattern matches, at every position ``i`` (groups too):

- every alternative of the name word (``NAME_WORD``, or ``name_shapes.NAME_TOKEN`` with its
  initials) starts at ``i`` with a capital of ``[{_UP}]``: the prefixes' first letters
  (``M``, ``O``, ``D``) are capitals, so the twin's first item, that class, holds the
  character at ``i`` exactly when some alternative can;
- the look-behind ``Z`` is zero-width and depends only on ``i``: ``(?<=Z[\\s\\S])`` after
  that first character checks ``Z`` at ``i`` (as ``detect/accel/first_char.py`` argues);
- each alternative then goes on from its second character, in the same order: ``Ma?c``
  becomes ``(?<=M)a?c`` (the ``M`` was the first character), an initial keeps its full
  stop, an absent prefix leaves the rest of the word, and a repeat of capitals ``{n,}`` is
  one round shorter (``{n-1,}``), greedy as before; the alternatives keep their order, and
  prefixes whose first letters differ cannot both apply at ``i``, so ``O['’]|D['’]`` may
  become ``(?<=[OD])['’]``.

Patterns that open with a look-behind before a choice of literal words (the title lists) get
the rule patterns' twins of ``first_char.py`` instead (``skip_to_first``).

``tests/unit/detect/pii/test_name_twins.py`` compares twin and plain pattern on generated
text; ``bench/speed/name_twins_same.py`` on every corpus text, as read and in capitals.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

from redactcheck.detect.accel.first_char import twin
from redactcheck.detect.pii.name_shapes import _LO, _UP, NAME_TOKEN

#: One capitalised or capital word of a name, with hyphen/apostrophe parts.
NAME_WORD = (
    rf"(?:(?:Ma?c|O['’]|D['’])?[{_UP}][{_LO}]+(?:[-'’][{_UP}{_LO}][{_LO}]*)*"
    rf"|(?:O['’]|MC|MAC)?[{_UP}]{{2,}}(?:[-'’][{_UP}]+)*)"
)
#: ``NAME_WORD``'s two alternatives from their second character on (the first was a capital).
_WORD_TAILS = (
    rf"(?:(?<=M)a?c[{_UP}]|(?<=[OD])['’][{_UP}])?[{_LO}]+(?:[-'’][{_UP}{_LO}][{_LO}]*)*",
    rf"(?:(?<=O)['’][{_UP}]{{2,}}|(?<=M)C[{_UP}]{{2,}}|(?<=M)AC[{_UP}]{{2,}}|[{_UP}]+)"
    rf"(?:[-'’][{_UP}]+)*",
)
#: ``NAME_TOKEN``'s three alternatives (initials, capitalised word, capitals) likewise.
_TOKEN_TAILS = (
    rf"\.(?:[ \t]?[{_UP}]\.)*",
    rf"(?:(?<=M)a?c[{_UP}]|(?<=O)['’][{_UP}])?[{_LO}]+(?:[-'’][{_UP}{_LO}][{_LO}]*)*",
    rf"[{_UP}]+(?:[-'’][{_UP}]+)*",
)
_TAILS = {NAME_WORD: _WORD_TAILS, NAME_TOKEN: _TOKEN_TAILS}
#: A short run of capitals, an alternative some patterns allow beside the word, and its tail.
SHORT_CAPS = rf"[{_UP}]{{2,3}}"
_SHORT_CAPS_TAIL = rf"[{_UP}]{{1,2}}"


def skip_ahead(
    look_behind: str, group: str, rest: str, *, word: str = NAME_WORD, short_caps: bool = False
) -> str:
    """The twin of ``look_behind + group + word + rest``, ``word`` being ``NAME_WORD`` or
    ``NAME_TOKEN`` (with ``|SHORT_CAPS`` after it inside the group when ``short_caps``);
    ``group`` is ``""`` or a group's opening, which ``rest`` closes."""
    tails = list(_TAILS[word]) + ([_SHORT_CAPS_TAIL] if short_caps else [])
    return rf"{group}[{_UP}](?<={look_behind}[\s\S])(?:{'|'.join(tails)}){rest}"


def plain(
    look_behind: str, group: str, rest: str, *, word: str = NAME_WORD, short_caps: bool = False
) -> str:
    """The pattern ``skip_ahead`` rewrites, as written: the reference the tests compare with."""
    head = rf"{word}|{SHORT_CAPS}" if short_caps else word
    return f"{look_behind}{group}{head}{rest}"


def compile_twin(look_behind: str, group: str, rest: str, **kw: Any) -> re.Pattern[str]:
    """``re.compile`` of the twin; its ``plain`` form is kept in ``TWINS``."""
    twin = re.compile(skip_ahead(look_behind, group, rest, **kw))
    TWINS.append((plain(look_behind, group, rest, **kw), 0, twin))
    return twin


def skip_to_first(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(regex, flags)``, or its twin from ``detect/accel/first_char.py`` where one
    exists (a look-behind or ``\\b`` before a choice of literal words, as the title lists and
    many cue patterns open)."""
    moved = twin(regex, flags)
    if moved is None:
        return re.compile(regex, flags)
    TWINS.append((regex, flags, moved))
    return moved


def all_twins() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(plain pattern, twin) of every pattern of the personal-data package: its modules are
    imported and the lazily built title patterns made (for the tests and the bench)."""
    # imported here: this module is imported by the modules it imports here
    import redactcheck.detect.pii as package

    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if info.name == "person_cues":
            for maker in ("_title_pattern", "_office_pattern", "_appositive_pattern"):
                getattr(module, maker)()
    return [(re.compile(regex, flags), moved) for regex, flags, moved in TWINS]


#: (plain regex, its flags, twin) of every pattern built here, for the tests and the bench.
#: The plain form is compiled only when asked for (start-up).
TWINS: list[tuple[str, int, re.Pattern[str]]] = []
