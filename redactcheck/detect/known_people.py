"""Lone surnames of people who recur in Cold War records, and names in FBI routing boxes.

The small NER model misses a bare "Khrushchev" or "Oswald" in running text, and the names
printed on an FBI routing box come out of OCR as a column of surnames among debris. Both are
found here from word lists (``rules/lexicons/known_people.yaml``); the person rules then apply
their usual filters (a head noun after the name, the title of a law, a cable routing line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redactcheck.detect.lexicons import load_lexicon, trie_alternation
from redactcheck.detect.ocr_markings import _distance

#: A Title Case word right after a Title Case figure: "Warren Comission", "Castro Regime".
_NEXT_TITLE_WORD = re.compile(r"[ \t]*\n?[ \t]*[A-Z][a-z]")
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][A-Za-z'’-]{2,}(?![\w'’-])")


@dataclass(frozen=True, slots=True)
class KnownPeople:
    figures: re.Pattern[str]
    slip_names: dict[str, str]  # lower case -> as listed
    slip_markers: tuple[str, ...]
    slip_window: int


def _forms(name: str) -> list[str]:
    """A name as listed and in capitals ("de Gaulle", "DE GAULLE")."""
    return [name, name.upper()]


@lru_cache(maxsize=1)
def known_people() -> KnownPeople:
    data = load_lexicon("known_people.yaml")
    alternation = trie_alternation({f for n in data["figures"] for f in _forms(n)}, r"[ \t]+")
    return KnownPeople(
        figures=re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])"),
        slip_names={n.lower(): n for n in data["fbi_routing_slip"]},
        slip_markers=tuple(data["slip_markers"]),
        slip_window=int(data["slip_window"]),
    )


def _slip_name(word: str, names: dict[str, str], fuzzy: bool) -> bool:
    """``word`` is a listed name, or (``fuzzy``) one OCR edit away from one."""
    low = word.lower()
    if low in names:
        return True
    return (
        fuzzy
        and len(low) >= 6
        and any(abs(len(low) - len(n)) <= 1 and _distance(low, n, 1) <= 1 for n in names)
    )


def figure_spans(text: str, lower_words: set[str]) -> list[tuple[int, int]]:
    """Capitalised mentions of listed figures that are not ordinary words in this text."""
    out = []
    for m in known_people().figures.finditer(text):
        if m.group(0).lower() in lower_words:
            continue  # "ruby" is also written in lower case here: an ordinary word
        if not m.group(0).isupper() and _NEXT_TITLE_WORD.match(text, m.end()):
            continue  # named after the figure (an OCR-damaged "Commission", a "Regime", a "Report")
        out.append(m.span())
    return out


def routing_slip_spans(text: str) -> list[tuple[int, int]]:
    """Surnames of an FBI routing box: listed names near a slip marker or near two others."""
    kp = known_people()
    lines = text.split("\n")
    if (
        len(lines) < 3
        or not any(mk in text for mk in kp.slip_markers)
        and sum(1 for w in _WORD.findall(text) if w.lower() in kp.slip_names) < 3
    ):
        return []  # the cheap pre-check: no marker and fewer than three slip names at all
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    exact = [
        [m for m in _WORD.finditer(line) if m.group(0).lower() in kp.slip_names] for line in lines
    ]
    marker = [any(mk in line for mk in kp.slip_markers) for line in lines]
    out = []
    w = kp.slip_window
    for i, line in enumerate(lines):
        lo, hi = max(0, i - w), min(len(lines), i + w + 1)
        near_marker = any(marker[lo:hi])
        near_names = sum(len(exact[j]) for j in range(lo, hi))
        for m in _WORD.finditer(line):
            word = m.group(0)
            exact_hit = word.lower() in kp.slip_names and word[:1].isupper()
            if exact_hit and (near_marker or near_names - 1 >= 2):
                out.append((starts[i] + m.start(), starts[i] + m.end()))
            elif (
                near_marker
                and len(word) >= 6
                and not line[: m.start()].strip(" \t|.,:;-_•©'\"“‘")
                and _slip_name(word, kp.slip_names, fuzzy=True)
            ):
                # one OCR edit, the first letter included ("tolsen"), next to the marker only,
                # and only as the first word of its line, where the box prints its names
                out.append((starts[i] + m.start(), starts[i] + m.end()))
    return out
