"""Last checks on the finished list of people: kinds of words that are never a person.

Why its own module: these checks read the list ``find_people`` is about to return, after every
mechanism has added its spans and the spans are merged, so each check sees a span whatever
found it. Each check is one kind of false alarm, measured on a sample of the unlabelled pool
(JFK-collection OCR records, Historian texts and cables no labelled set holds: docs/quality.md
says which and how often each kind showed):

- dates: a month or its abbreviation next to a day or a year ("Dec. 12, 1822", "Sept. 63",
  "FEB. 1965"), also one OCR edit away from a long month name ("Decenber 15");
- damaged marking and form words: OCR's forms of the classification and form words printed on
  every page of a record ("SEGRET" for SECRET, "CUASSIFIGATION", "DISPATGH SYMBOL"), and of the
  letterhead and subject-line words of its memoranda ("Agemcy", "Subjeet");
- treaties and battles named for a place: the words right after "Treaty of", "Convention of",
  "Peace of", "Battle of", "Siege of" name where it was signed or fought ("the Treaty of
  Quellmoor"), whatever found them;
- publications: the title of a newspaper, magazine or news agency where the text says so
  right beside it ('the daily "El Mundo"', "Prensa Nueva, the official news agency",
  "an interview to La Voz newspaper"), found on any basis but a title;
- subdivisions and fields: a span right before "province", "region", "district" and the
  other names of a country's subdivisions, or before "field" ("the Quellmoor oil field");
- the JFK records law: a name inside "John F. Kennedy Assassination Records Collection Act",
  the release line of every JFK-collection record, as OCR breaks and misreads it;
- numbered cryptonyms: a word in capitals the text numbers as an agent of a CIA project
  ("QUILLBANE-4"), at every mention;
- acronyms the document defines: a span written as an acronym that the text spells out
  before brackets elsewhere ("the Independent Electoral Board (IEB)"), person_acronyms.py;
- countries and cities: a country's name (ISO 3166-1) on any basis but a title or an
  initial; a country's or a city's name (GeoNames: 100,000 people or more) found on the
  weakest bases (a lone surname, a possessive, a single word the model
  called a person, a pair no list knows), unless it is a given name ("Jordan", "Florence") or,
  for a city, a frequent surname ("Houston"). A quoted word is left alone: nicknames are often a
  town's name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from redactcheck.detect.edit_distance import distance
from redactcheck.detect.lexicons import load_lexicon, name_lexicon
from redactcheck.detect.pii.name_shapes import _INITIAL
from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.name_words import NameWords
from redactcheck.detect.pii.person_acronyms import defined_acronyms
from redactcheck.detect.pii.person_scores import _CUED, PersonSpan
from redactcheck.ruleset.loader import lexicon_path

#: Month names and the abbreviations of US government and archive writing (GPO Style Manual
#: 9.48; "Sept." in State and Serial Set texts), and weekday names, lower case.
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DATE_WORDS = frozenset(_MONTHS + _WEEKDAYS)
#: Long month names an OCR misreading of which is still recognisable (one edit in six letters).
_LONG_MONTHS = tuple(m for m in _MONTHS if len(m) >= 6)
#: After a month: a day or a year ("Dec. 12", "Sept. 63", "JAN 1965", "March 3rd").
_DATE_AFTER = re.compile(r"\.?,?[ \t]{0,3}\d")
#: Before a month: a day ("15 Decenbr", "3 FEB").
_DATE_BEFORE = skip_to_first(r"(?<![\w.])\d{1,2}[ \t]{1,3}$")

#: Words printed on the pages of classified records and their forms, in capitals: the
#: classification levels and the words of the form captions that OCR damages most (CIA
#: dispatch forms: "CLASSIFICATION", "DISPATCH SYMBOL AND NUMBER"; 32 CFR 2001.20-24 for the
#: levels). A word two OCR edits from one of these (one where either has five letters or
#: fewer), as long within a letter, that no name list holds, is that word ("SVHBOL", "STORET").
_FORM_WORDS = (
    "SECRET",
    "CONFIDENTIAL",
    "CLASSIFIED",
    "UNCLASSIFIED",
    "CLASSIFICATION",
    "DECLASSIFICATION",
    "DISPATCH",
    "SYMBOL",
    "RESTRICTED",
    "REPRODUCE",
    "REPRODUCTION",
    # the letterhead, caption and subject-line words of the records' memoranda and reports:
    # "Central Intelligence Agency", "Federal Bureau of Investigation", "Department of State",
    # "Office of ...", "Inspector General", and the "SUBJECT:" line with "Subject" for the
    # person a record is about; on a bad scan the model reads their misreadings as a surname
    # ("Agemcy", "Burcau", "Subjeet", "Offiee": 13 records of pool sample seed 1314). Not
    # RECORD or REPORT: surnames sit two edits from them.
    "SUBJECT",
    "AGENCY",
    "BUREAU",
    "DEPARTMENT",
    "OFFICE",
    "CENTRAL",
    "GENERAL",
)

#: Bases too weak to outweigh a country's name (person_scores.SCORES below 0.75).
_WEAK = frozenset(
    ("lone-surname", "possessive", "ner-single", "ner-single-caps", "list-surname-first",
     "list-surname-second", "list-words", "list-unknown", "apposition")
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def vet_people(text: str, people: list[PersonSpan], nw: NameWords) -> list[PersonSpan]:
    """``people`` less the spans of the kinds above; a span that ends in a date word loses it."""
    out = []
    for p in people:
        trimmed = _trim_date(text, p, nw)
        if trimmed is None:
            continue
        out.append(trimmed)
    # a title the text calls a publication once is that publication at every mention
    press = {
        _norm(text[p.start : p.end])
        for p in out
        if p.basis not in _CUED and _publication(text, p.start, p.end)
    }
    acronyms = _acronyms_used(text, out, nw)
    numbered = _numbered_cryptonyms(text, nw) if _NUMBERED.search(text) else frozenset()
    return [
        p
        for p in out
        if not _damaged_form_word(text[p.start : p.end], nw)
        and not (p.basis in _WEAK and _place(text[p.start : p.end], nw))
        and not (p.basis not in _CUED and _country(text[p.start : p.end], nw))
        and not (p.basis not in _CUED and _norm(text[p.start : p.end]) in press)
        and not _FIRM_AFTER.match(text, p.end)
        and not _FIRM_END.search(text, p.start, p.end)
        and not _NAMED_PLACE_BEFORE.search(text, max(0, p.start - 24), p.start)
        and not _in_records_law(text, p.start, p.end)
        and not (p.basis not in _CUED and _division(text, p.start, p.end))
        and not (p.basis not in _CUED and _acronym_key(text[p.start : p.end]) in acronyms)
        and not (p.basis not in _CUED and _caps_word(text[p.start : p.end]) in numbered)
    ]


#: A CIA cryptonym with the number of one agent of its project, as the records write them
#: ("QUILLBANE-4", "QUILLBANE/1", OCR "QUILLBANE~13"): a word in capitals of five letters or
#: more, a hyphen, slash or tilde, and one to three digits. Project cryptonyms are no person
#: in the labels; OCR misreads their digraph ("AN" for "AM"), so no digraph list is asked,
#: and every mention of the word goes, numbered or not ("the QUILLBANE net"). Five records of
#: pool sample seed 1314 (about 50 findings, most spread as OCR variants of a "name").
#: Dispatch and file numbers carry four digits or more ("QXZA-41207") and are left alone.
_NUMBERED = skip_to_first(r"(?<![\w-])([A-Z]{5,})[ \t]?[-/~][ \t]?\d{1,3}(?![\d\w])")


def _numbered_cryptonyms(text: str, nw: NameWords) -> frozenset[str]:
    return frozenset(m.group(1) for m in _NUMBERED.finditer(text) if not nw.is_frequent(m.group(1)))


def _caps_word(span: str) -> str:
    """A one-word span in capitals, less a possessive ("QUILLBANE's"); "" for any other."""
    word = re.sub(r"['’][sS]$", "", span.strip())
    return word if word.isalpha() and word.isupper() else ""


def _acronym_key(span: str) -> str:
    """A span written as an acronym ("IEB", "MRRQ's"), in capitals; "" for any other span."""
    word = re.sub(r"['’][sS]$", "", span.strip())
    if not word.isalpha() or sum(c.isupper() for c in word) < 3:
        return ""
    return word.upper()


def _acronyms_used(text: str, people: list[PersonSpan], nw: NameWords) -> frozenset[str]:
    """The document's own acronyms, read only when a span is written as one."""
    if not any(_acronym_key(text[p.start : p.end]) for p in people):
        return frozenset()
    return defined_acronyms(text, nw)


#: Treaties, conventions and battles are named for the place they were signed or fought
#: ("Treaty of Quellmoor" style names in the Serial Set, Historian country histories and notes:
#: four documents of pool samples seed 1313 and 1314). Capitalised as a proper name, so prose
#: ("the peace of mind of ...") does not count.
_NAMED_PLACE_BEFORE = skip_to_first(
    r"\b(?:Treaty|TREATY|Convention|CONVENTION|Peace|PEACE|Battle|BATTLE|Siege|SIEGE)"
    r"\s+(?:of|OF)\s+(?:the\s+)?$"
)


#: A country's subdivision or a field named by the noun after it, in any case ("southern
#: Quellmoor province", "the Tallis Region's autonomy", "the Marrowdene oil field", "Quenby
#: Field" for an airfield): the category names of ISO 3166-2 subdivisions (not "parish" or
#: "canton", surnames too: "Orval K. Parish") and the oil, gas and air fields of cables. Six
#: documents of pool samples seed 1313 and 1314 and one of set3's tune part. "field" before
#: "office", "agent" and the like is the FBI's field office.
_DIVISION_AFTER = re.compile(
    r"(?:['’][sS])?[ \t]+(?i:(?:province|provinces|region|district|governorate|oblast|"
    r"municipality|prefecture)\b|(?:oil[ \t]+|gas[ \t]+|air)?field\b"
    r"(?![ \t]+(?i:office|agent|officer|work|trip|report|station|division|representative)))"
)

_DIVISION_LAST = re.compile(
    r"\s(?i:province|provinces|region|district|governorate|oblast|municipality|prefecture)"
    r"(?:['’][sS])?$"
)


def _division(text: str, start: int, end: int) -> bool:
    """The noun of a subdivision or field stands right after the span or ends it."""
    return bool(_DIVISION_AFTER.match(text, end) or _DIVISION_LAST.search(text, start, end))


#: The name of the law and of the collection every JFK-collection record is released under,
#: printed on each page ("Released under the John F. Kennedy Assassination Records Collection
#: Act of 1992", 44 U.S.C. 2107 note; "... ASSASSINATION RECORDS ACT", "Assassination Records
#: Review Board"): the president's name there is part of a law's name, which the labels do not
#: count as a person. OCR splits the line and misreads its first letter ("issassination",
#: "Bssassination"); 35 records of pool sample seed 1314 show it. "the Kennedy assassination"
#: in prose, with no "Records" after it, is the attributive use, a person.
_ASSASSINATION = r"[A-Za-z]?[sS]\s?[sS][aA][sS][sS][iI][nN][aA]\s?[tT][iI][a-zA-Z][nN]"
_LAW_AFTER = re.compile(rf"[\s.,'’]{{0,8}}{_ASSASSINATION}[\W_]{{1,8}}(?i:rec)")
_LAW_INSIDE = re.compile(rf"\s{_ASSASSINATION}$")
_RECORDS_AFTER = re.compile(r"[\W_]{1,8}(?i:rec)")


def _in_records_law(text: str, start: int, end: int) -> bool:
    if _LAW_AFTER.match(text, end):
        return True
    return bool(_LAW_INSIDE.search(text, start, end)) and bool(_RECORDS_AFTER.match(text, end))


def _norm(span: str) -> str:
    return " ".join(span.split()).lower()


#: A firm named after its founder, in a possessive or with "and Company": "Harrowgate's Sons",
#: "Quenby’s Brothers", "R. T. Quenby and Com-pany", "Tallis & Co." (publishers, merchants and
#: contractors in imprints, notes and FBI reports).
_FIRM_END = re.compile(r"['’][sS][ \t]+(?:Sons|Brothers|SONS|BROTHERS)$")
_FIRM_AFTER = re.compile(
    r"['’][sS][ \t]+(?:Sons|Brothers|SONS|BROTHERS)\b"
    r"|[ \t]+(?:and|&|AND)[ \t]+(?:Com-?\s*pany|COM-?\s*PANY|Co\.|CO\.|Sons|SONS|Brothers"
    r"|BROTHERS|Associates|ASSOCIATES)(?![\w])"
)


def _is_date_word(word: str, nw: NameWords) -> bool:
    low = word.lower().rstrip(".")
    if low in _DATE_WORDS:
        return True
    if len(low) < 6 or nw.is_name(low) or nw.is_english(low):
        return False
    return any(distance(low, m, 1) <= 1 for m in _LONG_MONTHS if abs(len(m) - len(low)) <= 1)


def _trim_date(text: str, p: PersonSpan, nw: NameWords) -> PersonSpan | None:
    """The span without a last word that is a month or weekday in a date, or None when
    nothing else is left."""
    words = list(_WORD.finditer(text, p.start, p.end))
    if not words:
        return p
    last = words[-1]
    dated = _DATE_AFTER.match(text, last.end()) or (
        len(words) == 1 and _DATE_BEFORE.search(text, max(0, p.start - 6), p.start)
    )
    if not (dated and _is_date_word(last.group(), nw)):
        return p
    if len(words) == 1:
        return None
    end = words[-2].end()
    while end > p.start and not text[end - 1].isalpha():
        end -= 1
    if text[end - 2 : end].lower() in ("'s", "’s"):
        end -= 2  # "Minister Halloran's Jan. 17 letter"
    return PersonSpan(p.start, end, p.score, p.basis, p.merge_left)


def _damaged_form_word(span: str, nw: NameWords) -> bool:
    """Every word of the span is a marking or form word as OCR damaged it ("SEGRET")."""
    words = [w.strip(".'’") for w in _WORD.findall(span) if not _INITIAL.match(w)]
    return bool(words) and all(_near_form_word(w, nw) for w in words)


@lru_cache(maxsize=4096)
def _near_form_word_cached(upper: str) -> bool:
    for word in _FORM_WORDS:
        if upper == word:
            return True
        bound = 1 if min(len(word), len(upper)) <= 5 else 2
        if abs(len(word) - len(upper)) <= 1 and distance(upper, word, bound) <= bound:
            return True
    return False


def _near_form_word(word: str, nw: NameWords) -> bool:
    if len(word) < 5 or nw.is_name(word):
        return False
    return _near_form_word_cached(word.upper())


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(str(c).lower() for c in load_lexicon("countries.yaml").get("countries", []))


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    text = lexicon_path("names/cities.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.splitlines() if w and w[0] != "#")


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    """Countries and the multi-word places of ``not_person.yaml``, plain (``_plain``): the
    places a one-word name test and the misread-place test both rule out."""
    return _countries() | {_plain(p) for p in name_lexicon().place_names}


def _country(span: str, nw: NameWords) -> bool:
    """The span is a country's name that is no given name ("Jordan")."""
    key = _plain(re.sub(r"['’][sS]$", "", span.strip()))
    return key in _countries() and not nw.is_given(key)


def _place(span: str, nw: NameWords) -> bool:
    """The span is a country's name that is no given name ("Jordan"), or a city's that is no
    given name and no frequent surname ("Florence", "Houston")."""
    key = _plain(re.sub(r"['’][sS]$", "", span.strip()))
    if nw.is_given(key):
        return False
    return key in _countries() or (key in _cities() and not nw.is_frequent(key))


def _plain(span: str) -> str:
    """Lower case, one space between words, accents removed ("Camagüey" -> "camaguey")."""
    decomposed = unicodedata.normalize("NFKD", " ".join(span.split()).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: Nouns for a publication, in the languages of the records' press (English, Spanish,
#: Portuguese, French, German, Italian), any case. "daily" and "weekly" are nouns only after an
#: article or before a quoted title: as adverbs they follow names ("met Quintana daily").
_PRESS = (
    r"(?:newspapers?|dailies|weeklies|magazines?|journals?|tabloids?|periodicals?"
    r"|news\s+agency|press\s+agency|wire\s+service|gazette|diario|peri[oó]dico|jornal|revista"
    r"|quotidien|hebdomadaire|zeitung|giornale|quotidiano)"
)
_DAILY = r"(?:daily|weekly)"
_PRESS_BEFORE = re.compile(
    rf"(?:(?i:\b{_PRESS})[ \t]*[\"“'‘]?|(?i:\b{_DAILY})[ \t]*[\"“'‘])[ \t]*$"
)
#: A word describing a publication between its title and the press word ("the official Cuban
#: news agency", "a Sunday tabloid"): not a role or a preposition, which make the name before
#: them a person's ("Orla Quenby, a reporter for the daily", "former editor of the weekly").
_DESCRIBING = (
    r"(?!(?i:of|for|at|with|from|to|in|on|by|and|who|whose|owners?|editors?|publishers?"
    r"|reporters?|correspondents?|columnists?|journalists?|writers?|chief|director|staff"
    r"|founders?|head|employee|contributor)\b)[\w-]+"
)
_PRESS_AFTER = re.compile(
    rf"[\"”'’]?(?:[ \t]+(?i:{_PRESS})(?![ \t]+[\"“]?[A-Z])"
    rf"|,[ \t]+(?:the|a|an|THE|A|AN)[ \t]+(?:{_DESCRIBING}[ \t]+){{0,3}}(?i:{_PRESS}|{_DAILY})"
    rf"|,[ \t]+(?:{_DESCRIBING}[ \t]+){{0,3}}(?i:{_PRESS}))\b"
    # "Orla Quenby, the newspaper's owner", "a weekly columnist": a person who works for one
    r"(?![’']s|[ \t]+(?i:owners?|editors?|publishers?|reporters?|correspondents?|columnists?"
    r"|journalists?|writers?|chief|director|staff|man|woman|employee)\b)"
)


def _publication(text: str, start: int, end: int) -> bool:
    """A word for a publication stands right before or right after the span (a quote mark
    and, after it, a comma and up to three describing words between). Right after a span of
    one word, with nothing between, the press word makes it an owner, not a title; before a
    capitalised word it is the owner's paper ("the Quintana newspaper Novedades")."""
    if _PRESS_BEFORE.search(text, max(0, start - 40), start):
        return True
    m = _PRESS_AFTER.match(text, end)
    # right before the press word, a lone surname owns the paper ("the Quintana newspaper"):
    # a title standing there has two words or more ("La Voz newspaper")
    if m is None:
        return False
    return text[end : m.end()].lstrip("\"”'’")[:1] == "," or " " in text[start:end]
