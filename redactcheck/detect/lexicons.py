"""Word lists for the name and contact detectors, read once from ``rules/lexicons/*.yaml``.

The lists are data (a reviewer can extend them without code); this module only reads them and
compiles what the detectors need, once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from redactcheck.ruleset.loader import lexicon_path


class LexiconError(ValueError):
    """A word list that cannot be used; the message names the file and the key."""


def load_lexicon(name: str) -> dict:
    """The parsed YAML mapping of ``rules/lexicons/NAME``; every list must hold strings.

    YAML reads an unquoted ``On``, ``No`` or ``Yes`` as a boolean: such an entry is an error
    here (quote it) rather than a silently wrong word list."""
    path = lexicon_path(name)
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping")
    for key, value in data.items():
        if key == "examples" or not isinstance(value, list):
            continue
        bad = [v for v in value if not isinstance(v, str)]
        if bad:
            raise LexiconError(f"{path}: {key}: entries must be strings (quote them): {bad[:3]}")
    return data


def trie_alternation(words: set[str] | frozenset[str], space: str = r"\s+") -> str:
    """A regex for "any of ``words``, the longest that fits first", as a character trie.

    Same matches, in the same order of preference, as ``|``-joining the words longest first
    (a space in a word matches ``space``, any run of whitespace by default), but ``re``
    follows one branch per character instead of trying every word at every position: the
    plain alternation of a few hundred titles was the slowest step of the person rules on
    text in capitals.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        branches = [
            (space if c == " " else re.escape(c)) + build(child)
            for c, child in sorted(node.items())
            if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # longer first, then end here

    return build(trie)


def _variants(title: str) -> set[str]:
    """A title as written, in capitals and in title case ("Col" -> Col, COL)."""
    return {title, title.upper(), " ".join(w[:1].upper() + w[1:] for w in title.split(" "))}


@dataclass(frozen=True, slots=True)
class NameLexicon:
    acronyms: frozenset[str]
    common_words: frozenset[str]  # lower case
    heads: frozenset[str]  # lower case
    heads_first: frozenset[str]  # lower case: heads that open a name ("Frente ...")
    titles: frozenset[str]  # every accepted spelling, e.g. "Col", "COL", "Foreign Minister"
    title_words: frozenset[str]  # lower-case single words of every title
    marking_words: frozenset[str]  # upper case: OCR fragments of these are not names
    not_after: tuple[str, ...]  # classification words: the word after them is a codeword
    title_regex: str  # alternation of every title, longest first, for use inside patterns
    cable_line: re.Pattern[str]
    cryptonym_digraphs: frozenset[str] = frozenset()  # upper case: "AM" of AMLASH
    sensitivity_indicators: frozenset[str] = frozenset()  # upper case: RYBAT, WNINTEL
    places: re.Pattern[str] | None = None  # multi-word place names, any case
    states: str = "(?!)"  # alternation of US state names and abbreviations, for patterns
    postal_codes: str = "(?!)"  # alternation of the USPS two-letter codes, capitals only
    #: the multi-word places and US state names (no abbreviations) themselves, lower case
    place_names: frozenset[str] = frozenset()

    def is_not_person_word(self, word: str) -> bool:
        """True for an acronym, a common word, a head noun or a title word."""
        low = word.lower().rstrip(".")
        return (
            word.upper() in self.acronyms
            and word.isupper()
            or low in self.common_words
            or low in self.heads
            or low in self.title_words
        )


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    """Everything the person detector reads from data, compiled once."""
    not_person = load_lexicon("not_person.yaml")
    titles_data = load_lexicon("titles.yaml")
    cable = load_lexicon("cable_lines.yaml")
    raw_titles = [
        str(t)
        for key in ("civil", "diplomatic", "military", "abbreviations")
        for t in titles_data.get(key, [])
    ]
    titles: set[str] = set()
    for t in raw_titles:
        titles |= _variants(t)
    alternation = trie_alternation(titles)
    return NameLexicon(
        acronyms=frozenset(str(a).upper() for a in not_person.get("acronyms", [])),
        common_words=frozenset(str(w).lower() for w in not_person.get("common_words", [])),
        heads=frozenset(
            str(w).lower() for key in ("heads", "heads_first") for w in not_person.get(key, [])
        ),
        heads_first=frozenset(str(w).lower() for w in not_person.get("heads_first", [])),
        titles=frozenset(titles),
        title_words=frozenset(w.lower() for t in raw_titles for w in t.split(" ")),
        marking_words=frozenset(str(w).upper() for w in not_person.get("marking_words", [])),
        not_after=tuple(str(w) for w in not_person.get("not_after", [])),
        title_regex=alternation,
        cable_line=re.compile(
            "|".join(f"(?:{p})" for p in cable.get("patterns", [])), re.MULTILINE
        ),
        cryptonym_digraphs=frozenset(
            str(w).upper() for w in not_person.get("cryptonym_digraphs", [])
        ),
        sensitivity_indicators=frozenset(
            str(w).upper() for w in not_person.get("sensitivity_indicators", [])
        ),
        states=trie_alternation({str(p) for p in not_person.get("states", [])}, r"[ \t]+"),
        postal_codes=trie_alternation({str(p) for p in not_person.get("postal_codes", [])}),
        place_names=frozenset(
            str(p).lower()
            for key in ("places", "states")
            for p in not_person.get(key, [])
            if "." not in str(p)
        ),
        places=re.compile(
            r"(?<![\w'’-])(?:"
            + trie_alternation({str(p) for p in not_person.get("places", [])}, r"\s+")
            + r")(?![\w-])",  # a possessive may follow: "Costa Rica's"
            re.IGNORECASE,
        ),
    )


@dataclass(frozen=True, slots=True)
class PhoneLexicon:
    min_digits: int
    window: int
    shape: re.Pattern[str]
    context: frozenset[str]
    not_before: frozenset[str]


@lru_cache(maxsize=1)
def phone_lexicon() -> PhoneLexicon:
    data = load_lexicon("phone.yaml")
    return PhoneLexicon(
        min_digits=int(data.get("min_digits", 7)),
        window=int(data.get("window", 30)),
        shape=re.compile("|".join(f"(?:{p})" for p in data.get("shape", []))),
        context=frozenset(str(w).lower() for w in data.get("context", [])),
        not_before=frozenset(str(w).lower() for w in data.get("not_before", [])),
    )
