"""Document-level echoes of names the other phases found only weakly or not at all.

Three kinds of later mention, read off unlabelled archive records (JFK-collection OCR memos,
FBI reports and CIA cables, round 7 pool samples with seeds 16007 and 16008):

- **echoes of a weak finding**: the model, a possessive or quotation marks take a listed name
  once ("... ZAMUDIO was paid ..."), below the score at which ``person_spread`` spreads a name,
  and its other mentions in the same record stay unreported ("ZAMUDIO OPTED TO STAY"). A
  listed given name or surname that is no English word, no dictionary proper noun and nothing
  the record calls a place is the same person at every mention; the echoes keep a weak score
  so that they spread no further. Only in capitals (five letters or more: shorter ones are
  often an organisation's initials) or in a badly scanned text: in clean mixed-case prose
  (real cables, 173 unlabelled ones) the weak word was a firm or a place as often as not.
- **surnames in cables written in capitals**: a census surname in a line of capitals that
  the record repeats and, at least once, makes the subject of a verb ("QUINTANILLA IS HELD"),
  and never writes after a place preposition or in a place phrase ("IN QUILLBY", "NEW
  QUILLBY", "QUILLBY, TEXAS"). The model reads such cables on a case-restored copy and still
  misses surnames it does not know.
- **a surname cut off by a line break**: a found name in mixed case ends its line and the next
  line opens with a listed surname followed by punctuation or lower-case words ("... member
  Orla" / "Quintanilla, the Dean of ..."); the model reads the lines apart.
  ``person_cues.continuations`` takes a lone confident word followed by a verb; this one a
  name of one to three words, however weak.
- **a family by its surname in the plural**: FBI and CIA reports write a couple or a family as
  "the QUENNELLs" (the surname in capitals, a lower-case plural "s"), which no word match of
  "QUENNELL" finds. 67 JFK records of the unlabelled pool
  hold "the <CAPITALS>s", most of them families.

Each step is one regex walk plus set lookups; no NER.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from redactcheck.detect.pii import name_candidates as cand
from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.person_scores import CONFIDENT, PersonSpan

#: A capitalised or capital word of a name, possibly with a possessive.
_WORD = skip_to_first(r"(?<![\w'’/-])[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ]+(?=['’][sS]\b|(?![\w'’-]))")
_CAPS_WORD = skip_to_first(r"(?<![\w'’/-])[A-Z]{4,}(?=['’]S\b|(?![\w'’-]))")
#: After a word in capitals: it is the subject of a verb ("ZAMUDIO IS", "OKAFOR WAS",
#: "HALVORSEN CAME", "PEMBERLY CLAIMS", "OKAFOR STATED").
_VERB_AFTER = re.compile(
    r"['’]S\b|[ \t]+(?:ALSO[ \t]+|THEN[ \t]+|STILL[ \t]+)?(?:IS|WAS|HAS|HAD|WILL|WOULD|SAID|SAYS|"
    r"TOLD|CAME|WENT|MET|SAW|LEFT|GAVE|KNEW|TOOK|MADE|FELT|BELIEVES|CLAIMS|CONTINUES|"
    r"INSISTS|ADMITS|DENIES|WANTS|STATES|[A-Z]{3,}ED)\b"
)
#: Before a word: a place ("IN QUILLBY", "FROM MARROWDENE", "NEW QUILLBY", "SAN QUILLO", "A
#: QUILLBIAN").
_PLACE_BEFORE = skip_to_first(
    r"\b(?:IN|AT|FROM|TO|INTO|NEAR|VIA|TOWARDS?|ACROSS|OUTSIDE|INSIDE|NEW|SAN|SANTA|SANTO|"
    r"LOS|LAS|EL|LA|PORT|FORT|MOUNT|LAKE|A|AN|OF[ \t]+THE)[ \t]*\n?[ \t]*$"
)
#: After a word: a body or a kind of place it names ("QUILLBY COMMITTEE", "QUILLBY CITY"), or
#: a comma and the next word (a state or country after a town: "QUILLBY, TEXAS").
_PLACE_AFTER = re.compile(
    r"[ \t]+(?:CITY|PROVINCE|STATE|ISLAND|AIRPORT|HARBOR|BAY|RIVER|STREET|AVENUE|COMMITTEE|"
    r"GOVERNMENT|REGIME|PARTY|MOVEMENT)\b"
)
_COMMA_NEXT = re.compile(r",[ \t]*([A-Z][A-Za-z.]+)")
_WORD_COMMA_BEFORE = re.compile(r"\b([A-Z]{2,}),[ \t]*$")
#: Shorter words in capitals are as often an organisation's initials ("FRQM", "MIRQ").
_CAPS_MIN_LEN = 5
#: A line in capitals: fewer than three lower-case letters in ten.
_LOWER_SHARE = 0.3
_MIN_LEN = 4


def weak_echoes(
    text: str, people: list[PersonSpan], judge: cand.Judge, places: set[str] | frozenset[str]
) -> list[tuple[int, int]]:
    """Other mentions, same spelling in capitals or capitalised, of a single listed name word
    found only below ``CONFIDENT`` (``people``: merged spans). ``places``: words the model or
    an "in"/"at" calls a place in this text."""
    weak: set[str] = set()
    sure: set[str] = set()
    for p in people:
        span = text[p.start : p.end]
        if p.score >= CONFIDENT:
            sure.update(w.lower() for w in span.split())
            continue
        word = span[:-2] if span.endswith(("'s", "’s", "'S", "’S")) else span
        # in clean mixed-case text the model read every mention and took one: a firm, a place
        # or a building named after a person as often as the person ("Quillco", "Marrowhall")
        if (judge.noisy or (word.isupper() and len(word) >= _CAPS_MIN_LEN)) and _echo_word(
            word, judge, places
        ):
            weak.add(word.lower())
    weak -= sure  # spread already, at a better score
    if not weak:
        return []
    covered = _Covered(people)
    mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.lower() in weak and (word.isupper() or word[1:].islower()):
            mentions[word.lower()].append(m.span())  # not "ZaMUDIO": a case mix OCR made
    out: list[tuple[int, int]] = []
    for spans in mentions.values():
        if any(_echo_place(text, s, e, judge) for s, e in spans):
            continue  # "San Quillo", "Quillby, Chile", "Legat, Quillby City": a place's word
        out.extend((s, e) for s, e in spans if not covered.hit(s, e))
    return out


#: Before a word of a place's name, in any case: "San Quillo", "Port Quillby", "Prince of
#: Quillshire" (a peer's title names a place).
_ECHO_PLACE_BEFORE = re.compile(
    r"\b(?:San|Santa|Santo|São|Los|Las|Port|Fort|Mount|Lake|New|(?:Prince|Princess|Duke|"
    r"Duchess|Count|Countess|Marquis|Earl)[ \t]+of)[ \t]*\n?[ \t]*$",
    re.IGNORECASE,
)


def _echo_place(text: str, s: int, e: int, judge: cand.Judge) -> bool:
    if _ECHO_PLACE_BEFORE.search(text, max(0, s - 20), s):
        return True
    after = _COMMA_NEXT.match(text, e)
    return after is not None and _place_name(after.group(1), judge)


def _echo_word(word: str, judge: cand.Judge, places) -> bool:
    nw = judge.nw
    low = word.lower()
    return (
        len(word) >= _MIN_LEN
        and word.isalpha()
        and nw.is_name(word)
        and not nw.is_english(word)
        and not nw.is_proper(word)
        and not nw.is_demonym(word)
        and low not in places
        and not _place_name(word, judge)
        and not judge.excluded(word)
    )


#: Endings that make a place's people or adjective ("Brazil" -> "Brazilian", "China" ->
#: "Chinese", "Israel" -> "Israeli").
_PEOPLE_ENDINGS = ("n", "an", "ian", "ese", "i", "ean")


def _place_name(word: str, judge: cand.Judge) -> bool:
    """A country or state that is also a census surname ("BRAZIL", "CUBA", "FLORIDA"): the
    dictionary of proper nouns drops such words (they are surnames), but keeps their people
    adjective ("Brazilian", "Cuban", "Floridan"); US states are listed in not_person.yaml."""
    low = word.lower()
    stems = [low] + ([low[:-1]] if low[-1:] in "aeoy" else [])
    if any(stem + end in judge.nw.proper for stem in stems for end in _PEOPLE_ENDINGS):
        return True
    return re.fullmatch(judge.lex.states, word, re.IGNORECASE) is not None


def in_caps_line(text: str, pos: int, memo: dict[int, bool]) -> bool:
    """Whether the line holding ``pos`` is written in capitals (fewer small letters than
    ``_LOWER_SHARE`` of its letters): a cable's body, not prose. ``memo`` keeps each line's answer
    by its start, so a document's lines are measured once."""
    a = text.rfind("\n", 0, pos) + 1
    if a not in memo:
        b = text.find("\n", pos)
        line = text[a : len(text) if b < 0 else b]
        letters = sum(map(str.isalpha, line))
        memo[a] = sum(map(str.islower, line)) < _LOWER_SHARE * letters
    return memo[a]


def caps_cable_surnames(
    text: str, people: list[PersonSpan], judge: cand.Judge
) -> list[tuple[int, int]]:
    """Census surnames in lines of capitals, repeated, the subject of a verb at least once,
    never in a place's position (module docstring)."""
    mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    line_caps: dict[int, bool] = {}
    surnames: dict[str, bool] = {}
    for m in _CAPS_WORD.finditer(text):
        word = m.group(0)
        if word not in surnames:  # a set lookup first: most capital words are no surname
            surnames[word] = judge.nw.is_surname(word)
        if not surnames[word]:
            continue
        if in_caps_line(text, m.start(), line_caps):
            mentions[word].append(m.span())
    covered = _Covered(people)
    out: list[tuple[int, int]] = []
    for word, spans in mentions.items():
        if len(spans) < 2 or len(word) < _CAPS_MIN_LEN or not _caps_surname(word, judge):
            continue
        if any(_place_position(text, s, e, judge) for s, e in spans):
            continue
        if not any(_VERB_AFTER.match(text, e) for _, e in spans):
            continue
        if word.lower() in judge.lower_words or word.capitalize() in text:
            continue  # the record writes it in mixed case too: the model had its chance there
        out.extend((s, e) for s, e in spans if not covered.hit(s, e))
    return out


def _caps_surname(word: str, judge: cand.Judge) -> bool:
    nw = judge.nw
    return (
        nw.is_surname(word)
        and not nw.is_given(word)  # "SAN ISIDRO", "SANTIAGO": places built on given names
        and not nw.is_english(word)
        and not nw.is_proper(word)
        and not nw.is_demonym(word)
        and not _place_name(word, judge)
        # the model's labels are no guide: on a cable in capitals it calls most surnames it
        # does not know a place; the place positions of ``_place_position`` decide instead
        and judge.cued_name(word, model_blind=True)
    )


def _place_position(text: str, s: int, e: int, judge: cand.Judge) -> bool:
    """After a place preposition, before a place noun, a town before its state or after
    another place ("MARROW MILLS, QUILLBY"), or an acronym spelt out before it ("(FRQM)")."""
    if (
        _PLACE_BEFORE.search(text, max(0, s - 12), s)
        or _PLACE_AFTER.match(text, e)
        or _echo_place(text, s, e, judge)
        or text[s - 1 : s] == "("
    ):
        return True
    before = _WORD_COMMA_BEFORE.search(text, max(0, s - 30), s)
    # "TEODORO, QUINTANILLA" is a name read in two pieces; "MILLS, QUILLBY" a place
    return before is not None and not judge.nw.is_given(before.group(1))


class _Covered:
    """Which spans overlap a person span already found (merged, sorted spans)."""

    def __init__(self, people: list[PersonSpan]):
        self.spans = sorted((p.start, p.end) for p in people)

    def hit(self, s: int, e: int) -> bool:
        i = bisect_left(self.spans, (e, e))
        return i > 0 and self.spans[i - 1][1] > s


#: The next line opens with a capitalised word, then punctuation, lower-case words or the end of
#: the line: "Quintanilla, the Dean", "Zamudio.", "Okafor (of".
_NEXT_LINE_WORD = re.compile(
    r"[ \t]*\n(?:[ \t]*\n)?[ \t]*([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)"
    r"(?=[,.;:)]|[ \t]+[a-z(]|[ \t]*\n)"
)
_MAX_OPEN_WORDS = 3


def broken_surnames(
    text: str, people: list[PersonSpan], judge: cand.Judge
) -> list[tuple[int, int]]:
    """Listed surnames that open the line after a found name of one to three words in mixed
    case (module docstring)."""
    nw = judge.nw
    out = []
    for p in people:
        words = text[p.start : p.end].split()
        if not words or len(words) > _MAX_OPEN_WORDS:
            continue
        if not all(w[:1].isupper() and not w.isupper() for w in words if len(w) > 2):
            continue  # mixed case only: in capitals a line break ends a field more often
        if not words[-1][:1].isalpha():
            continue
        m = _NEXT_LINE_WORD.match(text, p.end)
        if m is None:
            continue
        word = m.group(1)
        if (
            nw.is_surname(word)
            and not nw.is_english(word)
            and not nw.is_proper(word)
            and not _place_name(word, judge)
            and not judge.excluded(word)
        ):
            out.append(m.span(1))
    return out


#: "the QUENNELLs", "both QUENNELLs": a couple or a family named by its surname.
_FAMILY_PLURAL = skip_to_first(
    r"\b(?:the|The|THE|both|Both)[ \t]+(?P<name>[A-Z][A-Z'’-]{2,}[A-Z])(?=s\b)"
)


def family_plurals(text: str, people: list[PersonSpan], judge: cand.Judge) -> list[tuple[int, int]]:
    """Surnames in capitals with a lower-case plural "s" naming a family (module docstring):
    a surname found elsewhere in the text, or a census surname that is no English word,
    acronym, cryptonym or place ("the PCIs", "the SCUDs" are not families). In mixed case the
    plural is as often a people ("the Quillbians") and is left alone."""
    matches = list(_FAMILY_PLURAL.finditer(text))
    if not matches:
        return []
    nw = judge.nw
    found = {
        w.lower() for p in people for w in re.findall(r"[A-Za-z'’-]{3,}", text[p.start : p.end])
    }
    covered = _Covered(people)
    out = []
    for m in matches:
        word = m.group("name")
        s, e = m.span("name")
        ok = word.lower() in found or (
            len(word) >= _CAPS_MIN_LEN - 1
            and nw.is_surname(word)
            and not nw.is_english(word)
            and not nw.is_proper(word)
            and not _place_name(word, judge)
            and judge.cued_name(word, model_blind=True)
        )
        if ok and not covered.hit(s, e):
            out.append((s, e))
    return out
