"""Closed classes of words the finders take for a name, dropped from the finished list.

Why its own module: each check here is one kind of false alarm read on the unlabelled pool
(pool samples seed 1919 and 1920, issue 16; docs/quality.md, "Third sitting of 2026-12-07")
whatever basis found it, so it runs once on the merged spans ``find_people`` returns, like
:mod:`~redactcheck.detect.pii.person_vetting`. Every word list is a closed class of English or
of a document kind, with its source beside it; none holds a person's name.

- closed-class words: pronouns ("HIM", "YOU"), coordinators ("BUT"), "be" and "have", numbers
  spelled out ("CG NINE TWO") in cables and teletype records in capitals, spread as a surname
  or taken for one after a title because the census surname lists hold several ("Him", "You");
- continents: "the United States of America", "Central America", "a history of America's
  trade": the continent's name taken for a lone surname, a possessive or the name after
  a title of office;
- the end of a place's name: "San Marino", "Santa Clara", "San Pedro Sula", "New York": the word
  before the span and the span make the name of a city of GeoNames (100,000 people or more,
  rules/lexicons/names/cities.txt) or of a country (rules/lexicons/countries.yaml), whose last
  words are also names;
- territories: the name after "the State of", "the Duchy of", "the Kingdom of", "the University
  of" and the other nouns of a state, a subdivision or a university ("the Duchy of Quellmark",
  "the District of Quellshire"): a place at every mention in the document (``territory_places``
  joins the document's place phrases, so the name is not spread as a surname either), and the
  span right after such a noun on any basis, a title of office's too ("Consul General for the
  Kingdom of Quellmark");
- OCR-damaged words taken for a lone surname: "Embassv", "Secretariet" in JFK-collection
  records, a capitalised word one OCR edit from an English word and from no listed name
  (``NameWords.misread_word``), found only as a lone surname (other bases keep theirs: the
  model's and the spreading's misread names are often real ones, a surname with one letter
  misread);
- consular posts: the Historian's country histories list the posts of a country a line each, a
  place and its years ("Quellport (1802-1950)", "Tarnby (1871-?)"); in a document of three such
  lines or more, a span on one is no person when the line names one word or its first word is
  no listed given name (the same shape gives a person's life, "Orvell T. Tansley (1852-1927)",
  in the Historian's biographies: a given name leads it);
- bills of Congress: "(To accompany Bill H. R. No. 312)", "Senate Bill No. 27" in the Serial
  Set's report titles: "Bill" read as the given name, "No" and the chamber's letters as the
  rest of a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_scores import PersonSpan
from redactcheck.detect.pii.person_vetting import _cities, _countries, _plain

#: Closed classes of English words, lower case: personal pronouns in the objective and
#: possessive cases and "you" (The Cambridge Grammar of the English Language, 5.8.1; the subject
#: forms are too short to be found, "her" and "him" are census surnames), the coordinators
#: (CGEL 15.2), the forms of "be" and "have", and the cardinal numbers a teletype spells out
#: ("CG NINE TWO ONE DASH C": an informant's number). Left out: words that are also given
#: names or surnames ("will", "may", "can", "do").
_CLOSED_CLASS = frozenset(
    ("him", "her", "hers", "you", "yours", "them", "theirs", "us", "me")
    + ("and", "but", "or", "nor", "yet", "so")
    + ("be", "been", "being", "is", "are", "was", "were", "has", "have", "had")
    + ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
    + ("twelve", "twenty", "hundred", "thousand")
)

#: The continents and the two Americas (UN M49 standard, continental regions), lower case.
#: "Asia" and "Africa" are also given names: they go only where no honorific stands before.
_CONTINENTS = frozenset(
    ("america", "americas", "europe", "asia", "africa", "oceania", "antarctica", "eurasia")
)
_HONORIFIC_BEFORE = skip_to_first(r"\b(?:Mr|Mrs|Ms|Miss|Dr|MR|MRS|MS|MISS|DR)\.?[ \t]+$")
_WORDS = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’][sS]$")

#: A bill of Congress as the Serial Set's report titles cite it: "Bill No. 27",
#: "Bill H. R. No. 312", "Bill S. No. 90", "Senate Bill 41" (the chamber's letters, "No.").
_BILL_WORDS = re.compile(r"(?:Bill|BILL)(?:\s+(?:H\.|R\.|S\.|H\.R\.|J\.|Res\.|No|NO))+")
_BILL_NUMBER_AFTER = re.compile(r"\.?[ \t]*(?:H\.[ \t]?R\.|S\.|No\.|NO\.|\d)")


def drop_kinds(text: str, people: list[PersonSpan]) -> list[PersonSpan]:
    """``people`` less the spans of the kinds above."""
    posts = "(1" in text and len(_POST_LINE.findall(text)) >= 3
    return [
        p
        for p in people
        if not kind_of(text, p.start, p.end)
        and not (posts and _on_post_line(text, p.start, p.end))
        and not (p.basis == "lone-surname" and _misread(text[p.start : p.end]))
    ]


def _misread(span: str) -> bool:
    """Every word of ``span`` is an English word OCR damaged ("Embassv")."""
    nw = name_words()
    words = _WORDS.findall(span)
    return bool(words) and all(nw.misread_word(w) for w in words)


def kind_of(text: str, start: int, end: int) -> str:
    """The kind of non-name ``text[start:end]`` is ("closed-class", "continent", "territory",
    "place", "bill"), or "" for none."""
    span = text[start:end]
    word = _POSSESSIVE.sub("", span.strip()).lower()
    if word in _CLOSED_CLASS:
        return "closed-class"
    if word in _CONTINENTS and not _HONORIFIC_BEFORE.search(text, max(0, start - 8), start):
        return "continent"
    if _TERRITORY_BEFORE.search(text, max(0, start - 30), start):
        return "territory"
    if _place_tail(text, start, span):
        return "place"
    if _BILL_WORDS.fullmatch(span) or (
        span in ("Bill", "BILL") and _BILL_NUMBER_AFTER.match(text, end)
    ):
        return "bill"
    return ""


#: The capitalised word right before a span, on the same line or the line before.
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)[ \t]*\n?[ \t]*$")


def _place_tail(text: str, start: int, span: str) -> bool:
    """The word before ``span`` and ``span`` are a city's or a country's name ("San Marino")."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not (m and m.group(1)[:1].isupper()):
        return False
    key = _plain(m.group(1) + " " + _POSSESSIVE.sub("", span.strip()))
    return key in _cities() or key in _countries()


#: The nouns of a state, a subdivision of one, or a university, followed by "of" and the
#: place's name (the Historian's country histories, the Serial Set, FRUS and cables: pool samples
#: seed 1919 and 1920). Title case or capitals, as in a name.
_TERRITORY = (
    r"(?:State|District|Territory|Commonwealth|Province|Kingdom|Republic|Duchy|Principality|"
    r"Empire|Emirate|Sultanate|Canton|University|"
    r"STATE|DISTRICT|TERRITORY|COMMONWEALTH|PROVINCE|KINGDOM|REPUBLIC|DUCHY|PRINCIPALITY|"
    r"EMPIRE|EMIRATE|SULTANATE|CANTON|UNIVERSITY)[ \t]*\n?[ \t]*(?:of|OF)[ \t]*\n?[ \t]*"
)
_TERRITORY_BEFORE = re.compile(_TERRITORY + "$")
#: "Duchy of Quellmark", a territory noun not glued to a word before it (checked by
#: :func:`_territory_names`). The check is kept out of the pattern: a pattern that starts with an
#: alternation of literals lets ``re`` skip to the positions of their first letters, and one that
#: starts with a look-behind tries every position (three times the CPU on the corpus).
_TERRITORY_NAME = re.compile(_TERRITORY + r"(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?)")
_GLUED = re.compile(r"[\w'’-]")


def _territory_names(text: str) -> Iterator[re.Match[str]]:
    r"""The matches ``finditer`` would give with ``(?<![\w'’-])`` in front of the pattern: a
    match glued to the word before is skipped and the search goes on one character later, so a
    match inside it is still found ("XState of State of Quellmark")."""
    pos = 0
    while m := _TERRITORY_NAME.search(text, pos):
        start = m.start()
        if start and _GLUED.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = m.end()  # never empty: the pattern holds a territory noun


def territory_places(text: str) -> set[str]:
    """The names after a territory noun and "of" in ``text``, lower case ("duchy of Quellmark"
    gives "quellmark"; two capitalised words give both words and the pair)."""
    out: set[str] = set()
    if " of" not in text and " OF" not in text:
        return out
    for m in _territory_names(text):
        words = [w for w in m.group("name").split() if w[:1].isupper()]
        if not words or words != m.group("name").split()[: len(words)]:
            continue
        out.add(" ".join(w.lower() for w in words))
    return out


#: A line of a list of consular posts: one to three words and the years of the post
#: ("Quellport (1802-1950)", "Tarnby (1871-?)", "Orrin Vale (1903-current)").
_POST_LINE = re.compile(
    r"^[ \t]*(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,2})[ \t]+"
    r"\(1\d{3}[ \t]*[-–][ \t]*(?:1\d{3}|20\d{2}|\?|current|present)?\)[ \t]*$",
    re.MULTILINE,
)


def _on_post_line(text: str, start: int, end: int) -> bool:
    """The span lies in the name of a consular post's line (see the module's docstring)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    m = _POST_LINE.match(text, line_start, len(text) if line_end < 0 else line_end)
    if not m or end > m.end("name"):
        return False
    words = m.group("name").split()
    return len(words) == 1 or not name_words().is_given(words[0])
