"""The name patterns' skip-ahead twins (redactcheck/detect/pii/name_twins.py): what the plain
pattern matches, at every position, groups included."""

from __future__ import annotations

import random
import re

from redactcheck.detect.pii.name_twins import all_twins, plain, skip_ahead

#: Invented words and the characters around names: prefixes, apostrophes, hyphens, capitals.
_PIECES = (
    "Mac", "Mc", "MAC", "MC", "O'", "O’", "D'", "D’", "Ma", "Mcq", "Orla", "Dunmore", "Quill",
    "QUILL", "Brenn", "VANTRESK", "Oduya", "McAllisk", "MacTavern", "O'Rourkel", "D'Arvenne",
    "Hale-Okon", "TOLLER-BY", "de", "van", "al-", "R.", "J.", "RJK", "AB", "said", "SAID",
    "noted", "also", "to", "May", "4,", "1931", ", who", "'s", "’S", "/", ".", "-", "anti-",
    "pro-", "\n", " ", " ", "\t", ",", "x", "é", "Éloise", "ÖSTER", "ß", "and", "Ambassador",
    "AMBASSADOR", "Director", "Col.", "Minister", "Deputy", "Former", "of", "for", "the",
)  # fmt: skip


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = rng.choices(_PIECES, k=rng.randint(1, 14))
        seps = rng.choices(["", " ", " ", "\n", "  "], k=len(words))
        out.append("".join(w + s for w, s in zip(words, seps, strict=True)))
    return out


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict() and a.groups() == b.groups()


def test_twins_match_as_their_plain_patterns_at_every_position():
    """``search`` from every position and ``match`` at every position agree on 2,500
    generated texts, for every twin of the personal-data patterns."""
    texts = _texts(2500, seed=1801)
    twins = all_twins()
    assert len(twins) >= 50
    found = 0
    for rx, twin in twins:
        for text in texts:
            for pos in range(len(text) + 1):
                want = rx.search(text, pos)
                assert _same(twin.search(text, pos), want), (rx.pattern[:40], text, pos)
                assert _same(twin.match(text, pos), rx.match(text, pos)), (text, pos)
                found += want is not None and want.start() == pos
    assert found > 600  # the generated texts hold names for every pattern to find


def test_twin_finds_names_behind_prefixes_and_keeps_the_look_behind():
    """Exact spans: prefixes (``Mc``, ``O’``, ``MAC``) are part of the word; a capital glued
    to a letter or hyphen is not a word start."""
    look_behind = r"(?<![\w'’-])"
    rest = r"(?![\w'’-])"
    twin = re.compile(skip_ahead(look_behind, "", rest))
    assert twin.pattern != plain(look_behind, "", rest)
    text = "met McAllisk and O’Rourkel, then MACTAVERN; x-Quill, aBrenn and Dunmore"
    words = [text[m.start() : m.end()] for m in twin.finditer(text)]
    assert words == ["McAllisk", "O’Rourkel", "MACTAVERN", "Dunmore"]


def test_short_capitals_alternative():
    """``short_caps`` adds two or three capitals as a word of their own ("RJK said")."""
    lb, group, rest = r"(?<![\w'’/.-])", "(?P<name>", r")[ \t]+said\b"
    twin = re.compile(skip_ahead(lb, group, rest, short_caps=True))
    m = twin.search("Memo: RJK said so; AB said no")
    assert m is not None and m.group("name") == "RJK" and m.start("name") == 6
