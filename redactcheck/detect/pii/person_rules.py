"""Names the stock NER model misses or mislabels, and the false alarms it raises.

Input: the original text, the NER entities the model found on its case-restored copy (same
offsets), and the word lists of ``rules/lexicons``. Output: person spans, each with a score
that estimates how often its basis is right (``SCORES``; docs/quality.md has the table), so
``--min-score`` trades recall for precision.

The model's entities are cleaned and filtered here; titles, initials, inverted file-header
names, signatures and e-mail headers are found here; names the model does not know come from
:mod:`redactcheck.detect.pii.name_candidates` (given-name and surname lists, reporting context,
``W/`` attendees, captions, lists); then every confidently found name is spread to its other
mentions in the document, and names cut by a line break are joined.

Every rule is a compiled regular expression or a set lookup; nothing walks the text token by
token, and no second NER pass is made.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from redactcheck.detect.edit_distance import distance
from redactcheck.detect.lexicons import NameLexicon, name_lexicon
from redactcheck.detect.markings.ocr_markings import closest_word
from redactcheck.detect.pii import name_candidates as cand
from redactcheck.detect.pii.name_words import name_words

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
#: One word of a name: an initial, a capitalised word (with hyphen/apostrophe parts), or a
#: word in capitals. "Okonkwo-Hale", "O'Neill", "Jong-il", "J.", "SCHMIDT".
NAME_TOKEN = (
    rf"(?:[{_UP}]\.(?:[ \t]?[{_UP}]\.)*"
    rf"|(?:Ma?c|O['’])?[{_UP}][{_LO}]+(?:[-'’][{_UP}{_LO}][{_LO}]*)*"
    rf"|[{_UP}]{{2,}}(?:[-'’][{_UP}]+)*)"
)
PARTICLES = ("de", "del", "della", "der", "den", "di", "da", "dos", "du", "la", "le", "van",
             "von", "bin", "ibn", "al", "el", "y", "ter", "ten", "zu")  # fmt: skip
_PARTICLE = "(?:" + "|".join(PARTICLES) + r")(?:[ \t]+|-)"
_NAME = rf"{NAME_TOKEN}(?:[ \t]+(?:{_PARTICLE})*{NAME_TOKEN}){{0,3}}"
_TOKEN_RE = re.compile(rf"(?:{_PARTICLE})*{NAME_TOKEN}")
_INITIAL = re.compile(rf"^[{_UP}]\.(?:[ \t]?[{_UP}]\.)*$")
_BAD_CHARS = re.compile(rf"[^{_UP}{_LO}\s.,'’-]|,(?! )")
_ACT_AFTER = re.compile(rf"(?:\s+[{_UP}][\w'’-]*){{0,6}}\s+(?:Act|ACT)\b")
_INITIALS_NAME = re.compile(
    rf"(?<![\w.])(?:{NAME_TOKEN}[ \t]+[{_UP}]\.(?:[ \t]?[{_UP}]\.)?[ \t]+{NAME_TOKEN}"
    rf"|[{_UP}]\.(?:[ \t]?[{_UP}]\.)?[ \t]?(?:Ma?c|O['’])?[{_UP}][{_LO}{_UP}]+(?:-[{_UP}{_LO}]+)*)"
    rf"(?![\w])"
)
_SIGNATURE_LINE = re.compile(rf"^[ \t]*({_NAME})[ \t]*[.,]?[ \t]*$", re.MULTILINE)
_CONTINUATION = re.compile(
    rf"[ \t]*\n(?:[ \t]*\n)?[ \t]*((?:{_PARTICLE})*{NAME_TOKEN})(?![\w'’-])(?=,|[ \t]+[a-z])"
)
#: A given name, its middle initial(s), then the surname: at the start of the next line, as a
#: typeset article or a PDF's text layer breaks "Osric M.⏎Tallowby", or after an initial
#: whose full stop OCR read as a comma, semicolon or colon ("PAUL A; SCRANTON").
_INITIAL_BREAK = re.compile(
    rf"[ \t]+(?:(?:[{_UP}]\.[ \t]*){{1,2}}\r?\n|[{_UP}][.,;:])[ \t]*"
    rf"((?:{_PARTICLE})*{NAME_TOKEN})(?![\w'’-])"
)
_SIGNATURE_LINES = 8
#: (no look-behind in front: a literal first lets the regex engine skip ahead; the character
#: before is checked in code)
_HONORIFIC_TITLE_WORD = re.compile(
    r"(?:Mr|Mrs|Ms|Miss|MR|MRS|MS)\.?[ \t]+(?P<name>[A-Z][a-z]+|[A-Z]{2,})(?![\w'’-])"
)
#: The display name of an e-mail header: "From: Nadia Lund <nadia@example.com>".
_MAIL_HEADER = re.compile(
    rf"^(?:From|To|Cc|CC|Bcc|Reply-To|Sender)[ \t]*:[ \t]*\"?(?P<name>{_NAME})\"?[ \t]*<[^>\n]+@",
    re.MULTILINE,
)
_CAP_WORD = re.compile(rf"(?<![\w-])[{_UP}]\w*(?:-\w+|['’](?![sS]\b)\w+)*(?![\w-])")
#: Arabic names with the article read by OCR as a digit: "Khalid A1 Rashid".
_OCR_ARTICLE_NAME = re.compile(
    rf"(?<![\w.])[{_UP}][{_LO}]{{2,}}[ \t]+[EA]1[ \t]+[{_UP}][{_LO}]{{2,}}(?![\w])"
)
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]*")
_SPLIT = re.compile(r"[^\s(\[{\"“|]+")
#: "SMITH, John" / "ODUYA, JAMES" at the start of a line or after a form label ("SUBJECT :"),
#: standing alone in its field (end of line or a comma after it), as file headers write names.
_INVERTED = re.compile(
    rf"(?:^|(?<=:)|(?<=: )|(?<=\) ))[ \t]*(?P<name>[{_UP}]{{3,}}(?:-[{_UP}]+)?,[ \t]"
    rf"(?:[{_UP}][{_LO}]+(?:-[{_LO}]+)?|[{_UP}]{{3,}}(?=[ \t]*(?:$|[,;(])))"
    rf"(?:[ \t]+[{_UP}]\.)?)(?![{_LO}{_UP}])",
    re.MULTILINE,
)
#: A bibliography or index entry: "Surname, Given[ I.]" opening a line, then "." or ",".
_CITED_AUTHOR = re.compile(
    rf"^(?P<name>(?P<surname>[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?),[ \t]+"
    rf"(?P<given>[{_UP}][{_LO}]+)(?:[ \t]+[{_UP}]\.)?)(?=[.,])",
    re.MULTILINE,
)
#: "Our liaison, Marguerite Okafor, reports": a full name set off by commas after a noun.
_APPOSITION = re.compile(
    rf"(?<=[{_LO}]), (?P<name>[{_UP}][{_LO}]+(?: [{_UP}]\.)?"
    rf"(?: (?:{_PARTICLE})*(?:Ma?c|O['’])?[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?){{1,2}}),"
    rf" (?P<next>[{_LO}]+)"
)
_NOT_AFTER_APPOSITION = frozenset(
    ("and", "or", "but", "nor", "the", "a", "an", "in", "on", "at", "to", "of", "for", "from",
     "with", "by", "as", "which", "where", "when", "than", "then", "is", "was", "are", "were",
     "has", "had", "have")
)  # fmt: skip
#: A heading: a mixed-case line standing alone (blank lines or the text's edge around it) of
#: four or more words, most of them capitalised, not ending like a sentence
#: ("Country Sourdough, the Slow Way").
_HEADING_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ONE_INITIAL = re.compile(rf"[{_UP}]\.[ \t]?[{_UP}][{_LO}{_UP}]")
#: Words in capitals that read as verbs or adverbs, not names ("ARRIVED", "MEETING"); kept
#: narrow so that REED, ALFRED, AHMED or STERLING are not caught.
_VERB_ENDING = re.compile(r"^[A-Z]{2,}(?:[BCDFGKPSTVWXZ]ED|IED|ING|ALLY|ILY|SSES)$")
_VOWEL = re.compile(r"[aeiouyà-ÿAEIOUYÀ-Þ]")
#: A title written as a whole word in capitals (not an office's abbreviation such as "CG" or
#: "RSO", which a post's town follows): a word a dictionary may list as a proper noun after it
#: is a famous person's surname ("PREMIER KIERKEGAARD"), not a town.
_FULL_WORD_TITLE = re.compile(
    r"^(?:CHAIRMAN|PRESIDENT|PREMIER|MINISTER|AMBASSADOR|SECRETARY|SENATOR|GENERAL|ADMIRAL"
    r"|CHANCELLOR|GOVERNOR|MAYOR|JUDGE|JUSTICE|CONGRESSMAN|MR|MRS|MS|DR)$"
)

#: Score per basis, set from how often each basis was right on the tune half of the
#: development set (docs/quality.md): a finding's score is an estimate of its precision, so
#: ``--min-score`` trades recall for precision predictably. Bases at or above ``CONFIDENT`` also
#: spread a name to its other mentions and list neighbours.
SCORES = {
    "title": 0.95,
    "propagated": 0.9,
    "title-office": 0.9,
    "list-names": 0.9,
    "initials": 0.85,
    "ner": 0.85,
    "inverted": 0.85,
    "mail-header": 0.85,
    "ner-repeated": 0.85,
    "ocr-article": 0.85,
    "attendee": 0.85,
    "caption": 0.85,
    "context": 0.85,
    "signature": 0.8,
    "list-position": 0.8,
    "name-column": 0.8,
    "attributive": 0.8,
    "propagated-ocr": 0.75,
    "caps-prose": 0.75,
    "caps-prose-unlisted": 0.6,
    "glued-initials": 0.7,
    "continuation": 0.75,
    "list-given": 0.75,
    "possessive": 0.7,
    "quoted": 0.7,
    "citation": 0.8,
    "apposition": 0.7,
    "list-unknown": 0.6,
    "context-initials": 0.6,
    "ner-single": 0.6,
    "list-words": 0.55,
    "ner-single-caps": 0.55,
    "list-surname-first": 0.5,
    "list-surname-second": 0.45,
    "lone-surname": 0.45,
}
CONFIDENT = 0.75


@dataclass(slots=True)
class PersonSpan:
    start: int
    end: int
    score: float
    basis: str
    merge_left: bool = False  # joins a name that ends one space before it ("Amara" "Okonkwo")


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    lex = name_lexicon()
    return re.compile(
        rf"(?<![\w/])(?:{lex.title_regex})(?:\.[ \t]*\n?|[ \t]*\n|[ \t]+)[ \t]*"
        rf"(?P<name>(?:{_PARTICLE})*{_NAME})(?![\w])"
    )


@lru_cache(maxsize=1)
def _office_pattern() -> re.Pattern[str]:
    """ "Director-General for Treaty Affairs Emeka Obi": the office words after
    "for"/"of" are skipped by :func:`_first_name_run` (they are in not_person.yaml)."""
    lex = name_lexicon()
    return re.compile(
        rf"(?<![\w/])(?:{lex.title_regex})[ \t]+(?:for|of)[ \t]+"
        rf"(?P<name>(?:(?:[{_UP}][\w'’-]*|and|of|the|for|&)[ \t]+){{0,6}}"
        rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,2}})(?![\w])"
    )


@lru_cache(maxsize=1)
def _appositive_pattern() -> re.Pattern[str]:
    """ "Jane Roe, Director of ..." / "Tibor Oduya, Former Ambassador": a name then its title."""
    lex = name_lexicon()
    return re.compile(
        rf"(?<![\w])(?P<name>{_NAME}),[ \t]+"
        rf"(?:(?:Former|Acting|Deputy|Assistant|Senior|Special|Vice|Under|Retired|Chief)[ \t]+)*"
        rf"(?:(?:[{_UP}][{_LO}]+|of|for|the)[ \t]+){{0,3}}"
        rf"(?:{lex.title_regex})\b"
    )


@lru_cache(maxsize=1)
def _codeword_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in name_lexicon().not_after)
    return re.compile(rf"(?:{words})[ \t]+$")


def _after_codeword(text: str, start: int) -> bool:
    """A word right after a classification level on the same line is a codeword or caveat."""
    window = max(0, start - 40)  # bounded: a text without line breaks stays linear
    line_start = max(text.rfind("\n", window, start) + 1, window)
    return bool(_codeword_pattern().search(text, line_start, start))


_NEXT_WORD = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)([\w]+)")


def _head_after(text: str, end: int, lex: NameLexicon) -> bool:
    """ "Marshall Plan", "Harbor Meeting", "Centennial Celebration": the next word makes the
    phrase an organisation, event or document, so the name before it is not a person here."""
    m = _NEXT_WORD.match(text, end)
    if not (m and m.group(1)[:1].isupper()):
        return False
    if m.group(1).lower() in lex.heads:
        # "admitted QUINTANA ASSOCIATION WITH the service": in capitals a head noun used as a
        # noun, followed by a preposition, names no body
        return not (m.group(1).isupper() and _NOUN_USE.match(text, m.end()))
    # one more capitalised word, then the head: "HALVORSEN MERIDIAN TRADING"
    if lex.is_not_person_word(m.group(1)):
        return False  # "BHRIAIN FOR REVIEW": the phrase ended
    m2 = re.match(r"[ \t]+(\w+)", text[m.end() : m.end() + 40])
    return bool(m2 and m2.group(1)[:1].isupper() and m2.group(1).lower() in lex.heads)


_NOUN_USE = re.compile(r"[ \t]+(?:WITH|TO|IN|ON|BY|AT|FROM|WAS|IS|HAS|HAD)\b")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def _head_before(text: str, start: int, lex: NameLexicon) -> bool:
    """The capitalised word right before the candidate is the head of a body's name: bodies
    named in Spanish, French or Italian put it first ("Frente Revolucionario Quintero",
    "Movimiento Delacroix"); English heads follow ("Soviet Union George Kennan" is a name)."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(m) and m.group(1)[:1].isupper() and m.group(1).lower() in lex.heads_first


def _marking_fragment(word: str, lex: NameLexicon) -> bool:
    """OCR breaks "UNCLASSIFIED" into "IFIED" or "UNCLAS": a piece of a marking word."""
    up = word.upper()
    return len(up) >= 4 and any(
        m != up and (m.endswith(up) or m.startswith(up)) for m in lex.marking_words
    )


def _ordinary_words(name: str, lower_words: set[str]) -> bool:
    """Every word of the candidate is also written in lower case in the text: ordinary words
    capitalised at the start of a sentence or in a heading, not a name."""
    words = [w.lower() for w in _HEADING_WORD.findall(name) if w.lower() not in PARTICLES]
    return bool(words) and all(w in lower_words for w in words)


def _in_heading(text: str, start: int, end: int) -> bool:
    """The candidate is part of a Title Case heading line, with other capitalised words."""
    a, b = _line_bounds(text, start)
    alone_above = a == 0 or text[a - 2 : a] == "\n\n"
    alone_below = b >= len(text) - 1 or text[b : b + 2] == "\n\n"
    if not (alone_above and alone_below):
        return False
    line = text[a:b].strip()
    if not line or line[-1] in ".!?;" or ":" in line or sum(map(str.isupper, line)) > len(line) / 2:
        return False  # a sentence, a form field ("FROM: ...") or a line in capitals
    words = _HEADING_WORD.findall(line)
    capitalised = [w for w in words if w[:1].isupper()]
    rest = _HEADING_WORD.findall(text[a:start] + " " + text[end:b])
    return (
        len(words) >= 4
        and len(capitalised) >= 0.6 * len(words)
        and sum(w[:1].isupper() for w in rest) >= 2
    )


def _plausible_words(name: str) -> bool:
    """Reject OCR debris such as "SL CTI": every word needs a vowel, one word three letters."""
    words = [w for w in name.split() if not _INITIAL.match(w) and w not in PARTICLES]
    return (
        bool(words)
        and all(len(w) >= 2 and _VOWEL.search(w) for w in words)
        and any(len(w) >= 3 for w in words)
    )


def _repeated_person_words(text: str, ner: list[tuple[int, int, str]]) -> set[str]:
    """Single words the model calls a person at least twice in this text."""
    seen: dict[str, int] = {}
    for s, e, label in ner:
        if label == "PERSON":
            key = text[s:e].strip().lower()
            seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n >= 2}


#: A redaction placeholder ("XXXXXXXXXXXX"): one letter repeated.
_PLACEHOLDER = re.compile(r"^([A-Za-z])\1{2,}$")


def _is_name_word(word: str, lex: NameLexicon) -> bool:
    """A token that can be part of a name: capitalised or an initial, not a listed non-name."""
    if lex.is_not_person_word(word) or _PLACEHOLDER.match(word):
        return False
    if _INITIAL.match(word):
        return True
    return word[:1].isupper() and len(word) >= 2


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in _SPLIT.finditer(text[start:end])]


def clean_span(text: str, start: int, end: int, lex: NameLexicon) -> list[tuple[int, int]]:
    """Split a candidate at line breaks, trim titles/common words/punctuation from its ends,
    and drop it when what is left is not name-shaped. Returns zero or more spans."""
    out: list[tuple[int, int]] = []
    pos = start
    for piece in text[start:end].split("\n"):
        a, b = pos, pos + len(piece)
        pos = b + 1
        toks = _tokens(text, a, b)
        # strip punctuation at the ends of each token ("Oyelaran,", "(Smith)")
        toks = [_strip_punct(text, s, e) for s, e in toks]
        toks = [(s, e) for s, e in toks if e > s]
        first = 0
        while first < len(toks) and not _is_name_word(text[slice(*toks[first])], lex):
            first += 1
        while first > 0 and text[slice(*toks[first - 1])] in PARTICLES:
            first -= 1  # "de la Cruz": keep the particles in front of the surname
        toks = toks[first:] if first < len(toks) else []
        trailing_head = False
        while toks and (
            not _is_name_word(last := text[toks[-1][0] : toks[-1][1]], lex)
            or _VERB_ENDING.match(last)
            or (last.isupper() and len(toks) > 1 and _ordinary(last))  # "HALVORSEN TREASURY"
        ):
            trailing_head = trailing_head or last.lower() in lex.heads
            toks.pop()
        if trailing_head:
            continue  # "Harbor Planning Meeting": an event or organisation, not a person
        if not toks:
            continue
        words = [text[s:e] for s, e in toks]
        if any(w.lower() in lex.heads for w in words):
            continue
        if any(not (w[:1].isupper() or w in PARTICLES) for w in words):
            continue
        if all(_INITIAL.match(w) for w in words):
            continue
        s, e = toks[0][0], toks[-1][1]
        if _BAD_CHARS.search(text[s:e]):
            continue
        out.append((s, e))
    return out


def _ordinary(word: str) -> bool:
    nw = name_words()
    return nw.is_english(word) and not nw.is_name(word)


def _strip_punct(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not text[s].isalpha():
        s += 1
    while e > s and not (text[e - 1].isalpha() or text[e - 1] == "."):
        e -= 1
    # a trailing full stop belongs to an initial ("J."), not to a word ("SMITH.")
    if e - s > 2 and text[e - 1] == "." and "." not in text[s : e - 1]:
        e -= 1
    # possessive: "Oyelaran's" -> "Oyelaran"
    if e - s > 3 and text[e - 2 : e].lower() in ("'s", "’s"):
        e -= 2
    return s, e


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


class _Lines:
    """Which offsets lie on cable routing/tag lines (found with one regex pass)."""

    def __init__(self, text: str, lex: NameLexicon):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in lex.cable_line.finditer(text):
            a, b = _line_bounds(text, m.start())
            self.starts.append(a)
            self.ends.append(b)

    def excluded(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos <= self.ends[i]


def find_people(
    text: str, ner: Iterable[tuple[int, int, str]], lex: NameLexicon | None = None
) -> list[PersonSpan]:
    """Person spans in ``text`` from NER entities (offsets into ``text``) plus the rules."""
    lex = lex or name_lexicon()
    lines = _Lines(text, lex)
    place_spans = [m.span() for m in lex.places.finditer(text)] if lex.places else []
    caps_style: list[bool] = []  # computed on first use: most texts never need it

    def caps_surnames() -> bool:
        if not caps_style:
            caps_style.append(_caps_surname_style(text, lex))
        return caps_style[0]

    ner = list(ner)
    orgs = {text[s:e].lower() for s, e, label in ner if label == "ORG"}
    ner = [t for t in ner if t[2] != "ORG"]
    not_person_texts = {text[s:e].lower() for s, e, label in ner if label != "PERSON"}
    places = {text[s:e].lower() for s, e, label in ner if label in _PLACE_LABELS}
    places_only = {text[s:e].lower() for s, e, label in ner if label in _GPE_LABELS}
    found: list[PersonSpan] = []
    at_places = place_phrases(text)

    def add(s: int, e: int, basis: str, score: float | None = None) -> None:
        for a, b in clean_span(text, s, e, lex):
            if (
                basis not in _CUE_OUTWEIGHS_PLACE
                and " ".join(text[a:b].lower().split()) in at_places
            ):
                continue  # "at Marrowdene Ford" elsewhere in the document: a place
            if (
                judge.noisy
                and basis in _DEBRIS_CHECKED
                and not _sure_name_words(text[a:b], nw)
                and _debris_line(text, a, b, nw)
            ):
                continue  # "fcnq tq THE Laby Quorbett, SEvtAnL YEAM": letters OCR made up
            if (
                lines.excluded(a)
                or _ACT_AFTER.match(text, b)
                or _after_codeword(text, a)
                or _head_after(text, b, lex)
                or _BILL_AFTER.match(text, b)  # "To accompany Bill H.R. No. 912"
                or (basis not in _CUE_OUTWEIGHS_PLACE and _head_before(text, a, lex))
                or (text[a:b].isupper() and _marking_fragment(text[a:b], lex))
                or cand.is_cryptonym(text[a:b], lex, nw)
                or (
                    basis not in _PLACE_OK
                    and _is_place(text[a:b], places_only if basis == "context" else places)
                    and not (
                        basis.startswith("list-")
                        and basis not in _PLACE_CHECKED_PAIRS
                        and not _has_proper_noun(text[a:b], nw)
                    )
                )
                or (basis == "initials" and not re.search(rf"(?<![\w.])[{_UP}]\.", text[a:b]))
                or (basis in _WORD_CHECKED and _not_a_name(text[a:b], judge))
                or (basis == "initials" and _after_roman_numeral(text[a:b], places))
                or (basis.startswith("list-") and _has_proper_noun(text[a:b], nw))
                or _ROUTING.search(text[a:b])
                or any(ps < b and pe > a for ps, pe in place_spans)  # "Costa Rica", "Sri Lanka"
                or (
                    basis not in _CUED_NAMES
                    and _acronym_in_prose(text, a, b, nw)
                    and not caps_surnames()
                )
                or _SAINT.search(text, max(0, a - 7), a)  # "St. Andrews", "Saint Louis"
            ):
                continue
            found.append(PersonSpan(a, b, SCORES[basis] if score is None else score, basis))

    # 1. the NER model's people, cleaned
    repeated = _repeated_person_words(text, ner)
    all_lower = set(_LOWER_WORD.findall(text))  # words this text also writes in lower case
    lower_words = all_lower if ner else set()
    nw = name_words()
    judge = cand.Judge(text, lex, nw, all_lower, not_person_texts, places_only)
    judge.person_words = {
        text[s:e].lower() for s, e, label in ner if label == "PERSON" and " " not in text[s:e]
    }
    for s, e, label in ner:
        if label != "PERSON":
            continue
        for a, b in _split_list(text, clean_span(text, s, e, lex), nw):
            word = text[a:b]
            if _ordinary_words(word, lower_words) or _in_heading(text, a, b):
                continue  # "Bake at 250" when "bake" is also written in lower case
            if _not_a_name(word, judge) or any(ps < b and pe > a for ps, pe in place_spans):
                continue  # headings in ordinary words, cryptonyms, OCR debris, places
            if " " in word.strip():
                if not _plausible_words(word) or _has_ordinary_word(word, nw):
                    continue
                basis = "ner"
            elif (
                text[b : b + 1] == ":"  # a form field label: "AGENCY FILENUMBER:"
                or _AFTER_THE.search(text, max(0, a - 5), a)  # "To the Clerk of the House"
                or (word.isupper() and nw.is_english(word) and not nw.is_given(word))
                or word.lower() in not_person_texts
                or len(word) <= 3
                or _after_codeword(text, a)
                or (word.isupper() and _marking_fragment(word, lex))
                or closest_word(word, 3) is not None  # an OCR-damaged marking word ("Exenpt")
                or nw.misread_word(word)  # an OCR-damaged ordinary word ("Testimcny")
                or nw.is_demonym(word)  # "Darfuris": a people
            ):
                continue  # a place or group elsewhere, a short OCR fragment, a codeword
            elif word.lower() in repeated:
                basis = "ner-repeated"
            elif nw.is_proper(word) and not nw.is_name(word):
                continue  # once, and a dictionary proper noun: "Carthage", "Sparta"
            elif _AT_PLACE.search(text, max(0, a - 6), a):
                continue  # once, after "at" / "in": "THE OFFICE AT APAPA"
            elif word.isupper():
                basis = "ner-single-caps"
            else:
                basis = "ner-single"
            add(a, b, basis)

    # 2. title- and rank-cued names: "DCM Larkin", "Col. Peter Wendt", "Jane Roe, Director"
    person_ents = _Ents([(s, e) for s, e, label in ner if label == "PERSON"])
    title_re, pos = _title_pattern(), 0
    while m := title_re.search(text, pos):
        s, e = m.span("name")
        if text[s:e].isupper():
            s, e = _cap_caps_name(text, s, e, person_ents)
        first_word = text[s:e].split()[0] if e > s else ""
        title_word = text[m.start() : m.start("name")].strip().rstrip(".")
        if (
            e > s
            and not _title_ends_sentence(text[m.start() : m.start("name")], nw)
            and not (nw.is_english(first_word) and not nw.is_name(first_word))
            # "CG Marseille", "RSO Dakar": an office's post, not a person; a title that is a
            # full word ("CHAIRMAN KIERKEGAARD") names a person even if a dictionary lists him
            and not (
                title_word.isupper()
                and not _FULL_WORD_TITLE.match(title_word)
                and " " not in text[s:e]
                and nw.is_proper(first_word)
                and not nw.is_name(first_word)
            )
        ):
            add(s, e, "title")  # not "Minister Plenipotentiary", "General Assembly"
            pos = max(e, m.start("name") + 1)  # "DCM LARKIN AND VFM OYELARAN": both titles
        else:
            pos = m.start("name")  # "Africa Minister Baroness Halloway": the next title
    for m in _office_pattern().finditer(text):
        if not m.group("name").isupper():
            add(*_first_name_run(text, *m.span("name"), lex), "title-office")
    for m in _appositive_pattern().finditer(text):
        name = m.group("name")
        if not (_has_proper_noun(name, nw) or _has_ordinary_word(name, nw)):
            add(*m.span("name"), "title")  # not "visit to Lisbon, Secretary Halloran ..."

    for m in _INVERTED.finditer(text):
        a, b = m.span("name")
        surname, given = text[a:b].split(",", 1)
        if (
            _is_name_word(surname, lex)
            and _is_name_word(given.split()[0], lex)
            and not _has_proper_noun(text[a:b], nw)  # "ALEXANDRIA, EGYPT": a place of birth
            and not _has_ordinary_word(text[a:b], nw)
            # in capitals, one part must be a listed name: "SNAR, SMIG" are cable tags
            and not (
                text[a:b].isupper()
                and not (nw.is_surname(surname) or nw.is_given(given.split()[0]))
            )
        ):
            add(a, b, "inverted")

    # "Quennell, Reginald T., ed." opening a line: an author in a bibliography or an index
    for m in _CITED_AUTHOR.finditer(text):
        surname, given = m.group("surname"), m.group("given")
        if (
            nw.is_given(given)
            and not _ordinary(surname)
            and not nw.is_given(surname)  # "Perpetua, Leopold": two given names, a list
            and surname.lower() not in places
            and surname.lower() not in all_lower
        ):
            add(*m.span("name"), "inverted")

    # "Mr. PRINCE", "Mrs. Bishop": after an honorific a title word that is a census surname is
    # the surname (the title rule trims title words off a name)
    for m in _HONORIFIC_TITLE_WORD.finditer(text):
        word = m.group("name")
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."):
            continue  # inside a word ("HUMS PRINCE")
        if (
            word.lower() in lex.title_words
            and nw.is_surname(word)
            and not lines.excluded(m.start())
        ):
            found.append(PersonSpan(*m.span("name"), SCORES["title"], "title"))

    for m in _MAIL_HEADER.finditer(text):
        add(*m.span("name"), "mail-header")

    for m in _APPOSITION.finditer(text):
        if m.group("next") not in _NOT_AFTER_APPOSITION:
            add(*m.span("name"), "apposition")

    # 3. names with initials: "PAUL R. HASKELL", "T. A. Morrow" (not "A. Finally" in a list)
    for m in _INITIALS_NAME.finditer(text):
        s = m.start()
        line_head = text[text.rfind("\n", 0, s) + 1 : s]
        if not line_head.strip(" \t¶") and _ONE_INITIAL.match(m.group(0)):
            continue  # "C. SANJOSE 478" in a reference list, "A. Finally" in a list
        if any(
            i.group(0).replace(" ", "").upper() in lex.acronyms
            for i in re.finditer(rf"(?:[{_UP}]\.[ \t]?)+", m.group(0))
        ) or re.match(r"[ \t]+\d{3,}", text[m.end() : m.end() + 8]):
            continue  # "Early U.S. Consulates"; "REF: A. ASUNCION 000259", a cable reference
        add(s, m.end(), "initials")

    # 4. a lone name on its own line among the last lines: the signature of a cable
    _signatures(text, add, lex)

    for m in _OCR_ARTICLE_NAME.finditer(text):  # the digit fails clean_span's name shape
        first, *_, last = m.group(0).split()
        if (
            not lines.excluded(m.start())
            and not _head_after(text, m.end(), lex)
            and _is_name_word(first, lex)
            and _is_name_word(last, lex)
            and not lex.is_not_person_word(first)
            and not lex.is_not_person_word(last)
        ):
            found.append(PersonSpan(m.start(), m.end(), SCORES["ocr-article"], "ocr-article"))

    # 4b. names the model does not know: given-name/surname lists, reporting context, W/
    #     attendees, case captions (redactcheck/detect/pii/name_candidates.py)
    cand.list_pairs(text, judge, add)
    cand.context_names(text, judge, add)
    cand.attendees(text, judge, add)
    cand.captions(text, judge, add)
    cand.caps_lists(text, judge, add)
    cand.name_columns(text, judge, add)
    cand.possessive_and_attributive(text, judge, add)
    cand.quoted_names(text, judge, add)
    cand.letter_citations(text, judge, add)
    cand.lone_surnames(text, judge, orgs, add)
    if caps_surnames():
        _caps_prose_surnames(text, judge, add)
    for a, b in _glued_initials(text, nw):
        if not lines.excluded(a):
            found.append(PersonSpan(a, b, SCORES["glued-initials"], "glued-initials"))

    _join_inverted(text, found)
    people = _merge(found)
    # 4c. the rest of a list a confident name stands in: "(HARTLEY, BRENNAN, O'SHEA)"
    cand.list_neighbours(
        text, [(p.start, p.end) for p in people if p.score >= CONFIDENT], judge, add
    )
    people = _merge(found)
    # 5. a given name alone at the end of a line, continued by a surname that starts the next
    #    line and is followed by a verb ("... Analysis Imelda" / "Sarmiento-Ocampo noted")
    extra = []
    for p in people:
        span_words = text[p.start : p.end].split()
        # "Osric M.⏎Tallowby": a given name and an initial end the line, the surname starts
        # the next one (the model sees two fragments and keeps, at best, the first)
        if span_words and nw.is_given(given := span_words[-1].rstrip(".,")):
            m = _INITIAL_BREAK.match(text, p.end)
            if (
                m
                and _is_name_word(m.group(1).split()[-1], lex)
                and m.group(1).isupper() == given.isupper()
            ):
                extra.append(m.span(1))
        if p.score < CONFIDENT or (
            len(span_words) > 1  # "General Rufus T." / "Pemberly was appointed": still open
            and not _INITIAL.match(span_words[-1])
        ):
            continue
        m = _CONTINUATION.match(text, p.end)
        if m and _is_name_word(m.group(1).split()[-1], lex):
            extra.append((m.start(1), m.end(1)))
    for s, e in extra:
        add(s, e, "continuation")
    people = _merge(found)
    # 6. every other mention of a confidently found name, in the same document
    wanted = _spread_words(text, people, lex, all_lower, places | at_places, judge.noisy)
    for s, e in _propagate(text, people, lex, all_lower, places, at_places):
        add(s, e, "propagated")
    taken = _merge(found)
    for s, e in _ocr_variants(text, {w for w in wanted if len(w) >= 6}, nw):
        if not lines.excluded(s) and not any(p.start < e and p.end > s for p in taken):
            found.append(PersonSpan(s, e, SCORES["propagated-ocr"], "propagated-ocr"))
    # the rest of lists that hold a name found only by propagation ("MARCHETTI and OKAFOR")
    people = _merge(found)
    cand.list_neighbours(
        text, [(p.start, p.end) for p in people if p.score >= CONFIDENT], judge, add
    )
    for p in found:
        if p.basis == "propagated" and text[p.start - 1 : p.start] == " ":
            p.merge_left = True
    people = _join_broken(text, _person_not_firm(text, _merge(found), lex), nw)
    return [p for p in people if p.basis in _CUED or not _publisher(text, p.start, p.end)]


#: A citation's imprint, "City: Publisher, 1928": publishers named after their founders
#: ("Alfred A. Knopf", "Harper & Brothers") stand between a place's colon and the year.
#: The place may be abbreviated ("Princeton, N.J.: "); the publisher may be a partnership, and
#: its second partner stands after "and" ("Philadelphia: Dorsey and Quenby, 1793").
_IMPRINT_BEFORE = re.compile(
    rf"[{_UP}][{_LO}]+(?:[ \t]+[{_UP}][{_LO}]+)?(?:,[ \t]+(?:[{_UP}]{{2}}|(?:[{_UP}]\.){{1,2}}))?:"
    rf"[ \t]+(?:[{_UP}][\w.]*[ \t]+(?:&|and)[ \t]+)?$"
)
#: A year, or the bracket closing an imprint without one ("(New York: Ambrose F. Tallow)").
_IMPRINT_AFTER = re.compile(r"(?:[ \t]*(?:&|and)[ \t]+[\w.]+)*(?:,[ \t]*(?:1[5-9]|20)\d\d\b|\))")


def _publisher(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the publisher of a citation's imprint."""
    return bool(
        _IMPRINT_AFTER.match(text, end) and _IMPRINT_BEFORE.search(text, max(0, start - 40), start)
    )


#: Between two parts of one name: a line break ("Ambrose⏎Kettering", "John B.⏎Halloran") or an
#: OCR comma for an initial's full stop ("WALTER F, KESSLER").
_LINE_GAP = re.compile(r"[ \t]*\r?\n[ \t]*")
_OCR_COMMA = re.compile(r", ")
#: OCR may put a stray dot before the initial ("JOSEPH .T.⏎...").
_INITIAL_GAP = re.compile(
    rf"[ \t]+\.?(?:(?:[{_UP}]\.[ \t]*){{1,2}}\r?\n(?:[ \t]*\r?\n)?|[{_UP}][.,;:])[ \t]*"
)  # OCR may leave a blank line between the two lines
_INITIAL_COMMA = re.compile(rf"[ \t]*\n?[ \t]*[{_UP}],[ \t]+")  # "WALTER F, KESSLER"


def _join_broken(text: str, people: list[PersonSpan], nw) -> list[PersonSpan]:
    """One span for a name that a line break or an OCR comma cut in two, so that the reviewer
    sees (and a redaction masks) the whole name."""
    out: list[PersonSpan] = []
    for p in people:
        if out:
            last = out[-1]
            gap = text[last.end : p.start]
            words = text[last.start : last.end].split()
            tail = words[-1] if words else ""
            given_end = nw.is_given(tail.rstrip(".,")) or bool(_INITIAL.match(tail))
            first_next = text[p.start : p.end].split()[0]
            if (
                (
                    _LINE_GAP.fullmatch(gap)
                    and (given_end or len(words) > 1 or last.basis in ("title", "title-office"))
                )
                or (_OCR_COMMA.fullmatch(gap) and re.fullmatch(rf"[{_UP}]", tail))
                or _INITIAL_COMMA.fullmatch(gap)
                or (  # "Osric M.⏎Tallowby"; in capitals either word may be unlisted
                    _INITIAL_GAP.fullmatch(gap)
                    and (nw.is_given(tail) or (tail.isupper() and first_next.isupper()))
                )
                or (  # "DURANCE, STEPHEN J." in a FROM line, "Whitcombe, Samuel Thayer" in a list
                    gap == ", "
                    and len(words) == 1
                    and tail.isupper() == first_next.isupper()
                    and nw.is_given(first_next)
                    and (
                        len(text[p.start : p.end].split()) > 1
                        # "Whitcombe, Samuel" opening a line: a bibliography or index entry
                        or not text[text.rfind("\n", 0, last.start) + 1 : last.start].strip()
                    )
                )
            ):
                last.end = p.end
                if p.score > last.score:
                    last.score, last.basis = p.score, p.basis
                continue
        out.append(p)
    return out


def _split_list(text: str, spans: list[tuple[int, int]], nw) -> list[tuple[int, int]]:
    """The model reads "BRENNAN, O'SHEA" as one person: split at a comma unless a lone surname
    is followed by a given name (the inverted "ODUYA, JAMES" of file headers is one person)."""
    out = []
    for a, b in spans:
        parts = text[a:b].split(", ")
        # "ODUYA, JAMES", "de la Cruz, Maria": a surname, then the given name; after a full
        # name the comma ends it ("DON WALTERS, PAUL A. SCRANTON")
        inverted = (
            len(parts) == 2
            and len([w for w in parts[0].split() if w not in PARTICLES]) == 1
            and bool(parts[1].split())
        )
        if len(parts) < 2 or (inverted and nw.is_given(parts[1].split()[0])):
            out.append((a, b))
            continue
        pos = a
        for part in parts:
            out.append((pos, pos + len(part)))
            pos += len(part) + 2
    return out


def _has_ordinary_word(span: str, nw) -> bool:
    """A word of the span is an English word and no name ("IN THE LONG RUN", "Grey Area");
    particles and initials aside. Names of people are made of names."""
    words = [w for w in _HEADING_WORD.findall(span) if w.lower() not in PARTICLES and len(w) > 1]
    return any((nw.is_english(w) and not nw.is_name(w)) or nw.misread_word(w) for w in words)


def _has_proper_noun(span: str, nw) -> bool:
    """A word of the span is a known place or people name ("Saudi Arabia"), not a person's."""
    return any(nw.is_proper(w) and not nw.is_name(w) for w in _HEADING_WORD.findall(span))


#: Bases that vouch for a word in capitals inside prose ("Ambassador WELLINGTON", "W/LARKIN").
_CUED_NAMES = frozenset(
    ("inverted", "attendee", "mail-header", "initials", "signature", "title", "title-office",
     "caption", "list-names", "list-given", "context-initials")
)  # fmt: skip


_CAPS_TOKEN = re.compile(r"(?<![\w'’-])[A-Z]{3,}(?![\w'’-])")


def _caps_surname_style(text: str, lex: NameLexicon) -> bool:
    """The text writes surnames in capitals inside mixed-case prose, as FBI and CIA records do
    ("met with MARCHETTI and OKAFOR"): three or more distinct such words are listed surnames,
    and they are at least a third of the capital words of four letters or more there that
    are not English words. Cables write acronyms instead."""
    nw = name_words()
    head = text[:30000]
    seen: set[str] = set()
    for m in _CAPS_TOKEN.finditer(head):
        word = m.group(0)
        if word in seen or len(word) < 4 or word in lex.acronyms or _ordinary(word):
            continue  # short acronyms and ordinary words in capitals ("ONLY") say nothing
        a = head.rfind("\n", 0, m.start()) + 1
        b = head.find("\n", m.end())
        line = head[a : len(head) if b < 0 else b]
        if sum(map(str.islower, line)) >= 0.4 * sum(map(str.isalpha, line)):
            seen.add(word)
    surnames = sum(1 for w in seen if nw.is_surname(w) and not nw.is_english(w))
    return surnames >= 3 and surnames >= len(seen) / 3


#: A word in capitals inside prose; it may start a hyphenated pair ("ALLEN-SCOTT articles") or
#: take a possessive ("KESSLER's").
_CAPS_IN_PROSE = re.compile(r"(?<![\w'’/])[A-Z]{4,}(?![\w])")


def _caps_prose_surnames(text: str, judge: cand.Judge, add) -> None:
    """In a text that writes surnames in capitals inside mixed-case prose (FBI and CIA
    records: "HALVORSEN used KESSLER as a spotter"), every such word of four letters or more
    that is a census surname and nothing else here (not an English word, an acronym, a place,
    a cryptonym, nor written in lower case in the text) is a person. The model rarely sees
    these: the line is not in capitals, so its case is not restored."""
    nw, lex = judge.nw, judge.lex
    mixed: dict[int, bool] = {}
    for m in _CAPS_IN_PROSE.finditer(text):
        word = m.group(0)
        listed = nw.is_surname(word)
        if (
            not (listed or _unlisted_caps_surname(text, m.start(), m.end(), judge))
            or nw.is_english(word)
            or word in lex.acronyms
            or (nw.is_proper(word) and not nw.is_given(word))
            or judge.excluded(word, cued=True)
            or _marking_fragment(word, lex)
        ):
            continue
        a = text.rfind("\n", 0, m.start()) + 1
        if a not in mixed:
            b = text.find("\n", m.end())
            line = text[a : len(text) if b < 0 else b]
            mixed[a] = sum(map(str.islower, line)) >= 0.4 * sum(map(str.isalpha, line))
        if mixed[a]:
            add(m.start(), m.end(), "caps-prose" if listed else "caps-prose-unlisted")


#: Places: records write towns in capitals too ("resided in QUORVILLE", "QUORVILLE, Texas").
_PLACE_BEFORE_CAPS = re.compile(
    r"\b(?:in|at|near|from|to|of|into|In|At|Near|From|To|Of|IN|AT|NEAR|FROM|TO|OF)[ \t]+$"
)
_PLACE_AFTER_CAPS = re.compile(r",[ \t]*(?:[A-Z][a-z]+|[A-Z]{2})\b")
#: What marks an unlisted word in capitals as a person: a given name or an initial before it
#: ("Odran HALVERSTAM", "T. HALVERSTAM"), or after it a possessive or a verb of the report
#: ("HALVERSTAM used", "HALVERSTAM was", "HALVERSTAM's").
_UNLISTED_PREV = re.compile(r"(?:\b([A-Z][a-z]+|[A-Z]+)|\b[A-Z]\.)[ \t]*(?:\n[ \t]*){0,2}$")
_UNLISTED_NEXT = re.compile(
    r"['’]s\b|[ \t]+[A-Z]\.(?=\s)"  # "HALVERSTAM's", "QUORVITCH T. HALVERSTAM"
    r"|[ \t]+(?:[a-z]+ed|was|is|has|had|said|says|told|who|whom|whose|also|then)\b"
)
_CAPS_BEFORE = re.compile(r"(?<![\w'’])([A-Z]{2,})[^\w\n]{1,4}$")
_CAPS_AFTER = re.compile(r"[^\w\n]{1,4}([A-Z]{2,})(?![\w'’])")


#: Initials glued to a surname, as typists wrote the drafter in a memo's originator line
#: ("OGC:RTallow:jm", "Per JKPemberly's call"): one or two capitals, then a capitalised
#: surname of four letters or more, then a colon, a possessive or the line's end.
_GLUED_INITIALS = re.compile(
    r"(?<![\w'’/-])[A-Z]{1,2}(?P<surname>[A-Z][a-z]{3,})(?=[ \t]*:|['’]s\b|[ \t]*$)",
    re.MULTILINE,
)
_COLON_BEFORE = re.compile(r":[ \t]*$")


def _glued_initials(text: str, nw) -> list[tuple[int, int]]:
    """Spans of initials glued to a listed surname. The surname may be an English word too
    ("JBaker") only between colons, where an originator line puts the drafter."""
    out = []
    for m in _GLUED_INITIALS.finditer(text):
        surname = m.group("surname")
        if not nw.is_surname(surname) or nw.is_proper(surname):
            continue
        between_colons = (
            _COLON_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
            and text[m.end() : m.end() + 2].lstrip()[:1] == ":"
        )
        if nw.is_english(surname) and not between_colons:
            continue
        out.append(m.span())
    return out


def _unlisted_caps_surname(text: str, a: int, b: int, judge: cand.Judge) -> bool:
    """A surname no census list holds, written in capitals in a text that writes its
    surnames so ("HALVERSTAM used KESSLER"): six letters or more (acronyms are shorter), spelt
    like a word of some language (letter trigrams of the name lists), not an English word,
    a dictionary proper noun, an OCR-damaged word or marking, nor written in lower case; not a
    form label (a colon after it) nor one word of a phrase in capitals whose other words are
    not names (a quoted title, "EL CAMINO VENTURANZA")."""
    nw = judge.nw
    word = text[a:b]
    if (
        text[b : b + 1] == ":"
        or _PLACE_BEFORE_CAPS.search(text, max(0, a - 8), a)
        or _PLACE_AFTER_CAPS.match(text, b)
    ):
        return False  # a form label; "in HALVERSTAM", "HALVERSTAM, Ohio": a town
    prev = _UNLISTED_PREV.search(text, max(0, a - 24), a)
    if not (
        (prev and (prev.group(1) is None or nw.is_given(prev.group(1))))
        or _UNLISTED_NEXT.match(text, b)
    ):
        return False  # no sign of a person next to it: an operation, a group, a ship
    before = _CAPS_BEFORE.search(text, max(0, a - 8), a)
    after = _CAPS_AFTER.match(text, b, b + 40)
    for m in (before, after):
        if m and not nw.is_name(m.group(1)):
            return False
    return (
        len(word) >= 6
        and not nw.is_proper(word)
        and nw.plausible(word)
        and not nw.misread_word(word)
        and closest_word(word, 3) is None
        and _VOWEL.search(word[1:-1]) is not None
    )


def _acronym_in_prose(text: str, a: int, b: int, nw) -> bool:
    """A lone word in capitals that no name list holds, inside a line of mixed-case prose, is
    an acronym ("the PCA", "DINSEC told", "UNOMAR/UNAFEX"), not a surname."""
    word = text[a:b]
    if not word.isupper() or " " in word or len(word) > 5 or nw.is_name(word):
        return False  # acronyms are short; longer words in capitals are often surnames
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    letters = sum(map(str.isalpha, line))
    return letters > 0 and sum(map(str.islower, line)) >= 0.4 * letters


def _title_ends_sentence(title: str, nw) -> bool:
    """ "became Regent. Portugal sided": a full word, not an abbreviation, before a full stop."""
    word = title.strip().rstrip(".")
    return title.strip().endswith(".") and len(word) >= 5 and nw.is_english(word.split()[-1])


def _is_place(span: str, places: set[str]) -> bool:
    """The model calls this a place or a group somewhere in the text."""
    return span.lower() in places


def _after_roman_numeral(span: str, places: set[str]) -> bool:
    """ "World War I. Portugal became": one capital and a full stop, then a place."""
    return bool(_ONE_INITIAL.match(span)) and span.lower().split()[-1] in places


def _not_a_name(span: str, judge: cand.Judge) -> bool:
    """A model entity made only of ordinary English words that are not names ("Additionally",
    "ASSESSMENT OF SOURCE"), a cryptonym, or, in OCR text, debris no list knows."""
    nw = judge.nw
    words = [w for w in _HEADING_WORD.findall(span) if w.lower() not in PARTICLES and len(w) > 1]
    if not words:
        return True
    if all(
        ((nw.is_english(w) or nw.is_proper(w)) and not nw.is_name(w)) or nw.misread_word(w)
        for w in words
    ):
        return True  # "Additionally", "Belgian Training", "Lisbon Madrid", OCR's "Testimcny"
    if any(cand.is_cryptonym(w, judge.lex, nw) for w in words):
        return True  # "RYBAT WNINTEL", "AMLASH"
    if any(cand.not_name_shape(w) for w in _SPLIT.findall(span)):
        return True  # "Lisbon-based", "ZRuP"
    if judge.noisy:
        # OCR debris often spells a rare surname by chance: ask for frequent names
        listed = [w for w in words if nw.is_frequent(w) and not nw.is_english(w)]
        if len(words) == 1:
            return not listed or not nw.plausible(words[0])
        return not listed or any(not nw.plausible(w) for w in words)
    return False


_CUED = frozenset({"title", "title-office", "inverted", "initials"})
_AT_PLACE = re.compile(r"\b(?:at|in|AT|IN|At|In)[ \t]+$")
_SAINT = re.compile(r"\b(?:St|ST|Ste|Saint|SAINT)\.?[ \t]+$")
_AFTER_THE = re.compile(r"\b(?:the|The|THE)[ \t]+$")
#: Bases whose words are checked like the model's (headings, list letters before a word).
_WORD_CHECKED = frozenset(("initials", "signature", "continuation"))
#: Cable routing indicators ("RUEHLH", "RUCNDT"): never a name.
_ROUTING = re.compile(r"\bR(?:UE|UC|HE|HM|UM|UF|HH)[A-Z]{2,4}\b")
#: Model labels (Presidio's names and spaCy's) of places and groups: a word the model calls one
#: of these somewhere in the text is not spread as a person's surname.
#: Bases whose evidence outweighs the model calling the same words a place elsewhere.
_PLACE_OK = frozenset(
    (
        "title",
        "title-office",
        "propagated",
        "ner",
        "inverted",
        "mail-header",
        "initials",
        "name-column",
        "attendee",  # the model's place labels on a schedule's capitals are no guide
        "caption",
        "citation",
    )
)
#: Pair bases that a place label of the model overrides ("Costa Rica"); the model often calls
#: an unknown pair of names a place, so "list-unknown" and "list-given" ignore it.
_PLACE_CHECKED_PAIRS = frozenset(("list-surname-first", "list-surname-second", "list-words"))
#: "at Marrowdene Ford", "in Ashvale", "AT THE HARBOURVIEW": a capitalised phrase after one of
#: these prepositions names a place far more often than a person (a person is met *with*,
#: written *to*, heard *from*, reached *through*); not before a possessive ("in Halloran's
#: view"). Capital prepositions only before words in capitals (cables, FBI teletypes).
_CAP_RUN = rf"[{_UP}][{_LO}][\w’'-]*(?:[ \t]+[{_UP}][{_LO}][\w’'-]*){{0,2}}"
_CAPS_RUN = rf"[{_UP}]{{2}}[{_UP}’'-]*(?:[ \t]+[{_UP}]{{2}}[{_UP}’'-]*){{0,2}}"
_PLACE_PREPOSITION = re.compile(
    rf"(?<![\w'’-])(?:(?:in|at|near|via|throughout|outside|across|into)\s+(?P<the>the\s+)?"
    rf"[\"“]?(?P<run>{_CAP_RUN})|(?:IN|AT|NEAR|VIA|INTO)\s+(?P<THE>THE\s+)?[\"“]?"
    rf"(?P<caps>{_CAPS_RUN}))"
)
#: After "at the" / "in the", only a phrase that ends there names a place ("at the
#: Harbourview."); before a noun it is attributive ("in the Halloran case").
_PHRASE_END = re.compile(
    r"[ \t]*(?:[^\w\s'’]|\n|$)"
    r"|[^\w\n]{0,2}[ \t]+(?i:nightclub|club|hotel|motel|inn|restaurant|bar|cafe|lounge|theater|"
    r"theatre)\b"  # a venue: "AT THE "HARBOURVIEW" NIGHTCLUB"
)
#: Bases whose own evidence (a title, a form's layout, a cue word) outweighs the same words
#: standing after "at" / "in" elsewhere in the document.
_CUE_OUTWEIGHS_PLACE = frozenset(
    ("title", "title-office", "inverted", "mail-header", "initials", "attendee", "caption",
     "context", "context-initials", "signature", "apposition", "name-column", "citation")
)  # fmt: skip


#: A possessive (cables write "Halloran,s") or what a person owns or does that "at" / "in" can
#: point to, after a possessive OCR may have damaged ("at Halloran' home", "AT ORLA!
#: APARTMENT").
_OWNED = re.compile(
    r"[,`'’]s\b|[^\w\s]{0,2}[sS]?\s+(?:apartment|home|house|residence|office|place|room|suite|farm|"
    r"ranch|party|funeral|wedding|request|suggestion|invitation|direction|behest|instance)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _state() -> re.Pattern[str]:
    """ ", Massachusetts", ", N.J.": a comma and a US state (the words before it: a town)."""
    return re.compile(rf",[ \t]*['‘\"“]?(?i:{name_lexicon().states})(?![\w])")


_RUN_BEFORE = re.compile(rf"(?<![\w'’-])(?P<run>{_CAP_RUN}|{_CAPS_RUN})$")


def place_phrases(text: str) -> set[str]:
    """Capitalised phrases (lower case; each leading part of up to three words) that stand
    after a place preposition or before a comma and a US state somewhere in ``text``:
    document-level evidence of a place."""
    out: set[str] = set()
    for m in _state().finditer(text):  # "... met Alder Crane, Texas": the town ends it
        run = _RUN_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if run:
            words = [w.strip("'’-").lower() for w in run.group("run").split()]
            out.update((" ".join(words), words[-1]))
    for m in _PLACE_PREPOSITION.finditer(text):
        key = "run" if m.group("run") else "caps"
        if re.search(r"['’][sS]$", m.group(key)) or _OWNED.match(text, m.end(key)):
            continue  # "in Halloran's view", "AT ORLA! APARTMENT": a person's
        words = [w.strip("'’-").lower() for w in m.group(key).split()]
        if m.group("the") or m.group("THE"):
            if _PHRASE_END.match(text, m.end(key)):
                out.add(" ".join(words))
            continue
        for i in range(1, len(words) + 1):
            out.add(" ".join(words[:i]))
    return out


_GPE_LABELS = frozenset(("LOCATION", "GPE", "LOC", "FAC"))
_PLACE_LABELS = frozenset(("LOCATION", "GPE", "LOC", "NRP", "NORP", "FAC"))
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|\d\.\s*|[-–—]\s+)$")


#: "<Party> Leader <Name>", "<Front> chairman <Name>": the capitalised phrase right before a
#: word for the head of a group names the group (a party, movement or firm), not a person.
#: Words a person can stand before ("spokesman", "adviser", "aide") are left out on purpose.
_GROUP_ROLE = (
    r"(?:[Ll]eader|LEADER|[Cc]hairman|CHAIRMAN|[Cc]hairwoman|[Ss]ecretary-[Gg]eneral|[Ff]ounder)"
)
_GROUP_HEAD = re.compile(
    rf"(?<![\w-])([{_UP}][\w'’-]+(?:[ \t]+[{_UP}][\w'’-]+){{0,2}})[ \t]+{_GROUP_ROLE}"
    rf"[ \t]+[{_UP}]"
)
_TRAILING_ROLE = re.compile(rf"[ \t]+{_GROUP_ROLE}$")


def _group_names(text: str, people: list[PersonSpan]) -> set[str]:
    """Group names the document shows heading a leader ("Harbour Party Leader Quennell"),
    and each of
    their words, lower case; minus words of a name found with a title ("Senator Rook")."""
    out: set[str] = set()
    for m in _GROUP_HEAD.finditer(text):
        words = m.group(1).split()
        # the group name starts after the last ordinary word
        # ("... TOLD HARBOUR PARTY LEADER QUENNELL")
        while any(_ordinary(w) for w in words):
            words.pop(0)
        if not words:
            continue
        out.add(" ".join(words).lower())
        out.update(w.lower() for w in words)
    if out:
        out -= {
            w.lower()
            for p in people
            if p.basis in _CUED | {"title-office"}
            for w in text[p.start : p.end].split()
        }
    return out


def _person_not_firm(text: str, people: list[PersonSpan], lex: NameLexicon) -> list[PersonSpan]:
    """A name the document also uses for an organisation ("Harlan Corporation") is reported
    where the text uses it as a person: after a title, or as the subject opening a sentence
    ("Harlan wants to expand"), not as an object ("advise Harlan of", "the Harlan brochure")."""
    groups = _group_names(text, people)
    if groups:
        people = [
            p
            for p in people
            if p.basis in _CUED
            or _TRAILING_ROLE.sub("", " ".join(text[p.start : p.end].split())).lower() not in groups
        ]
    heads = "|".join(re.escape(h.capitalize()) for h in sorted(lex.heads))
    firms = {
        m.group(1).lower()
        for m in re.finditer(rf"(?<![\w-])([{_UP}][{_LO}]+)[ \t]+(?:{heads})\b", text)
    }
    if not firms:
        return people
    # a word of a full name found with a title or an office ("Secretary of State Ambrose
    # Kettering") is that person's surname, even where a collection bears it ("Kettering Papers")
    firms -= {
        w.lower()
        for p in people
        if p.basis in _CUED | {"title-office"} and " " in text[p.start : p.end].strip()
        for w in text[p.start : p.end].split()
    }
    out = []
    for p in people:
        word = text[p.start : p.end]
        object_use = not _SENTENCE_START.search(text, max(0, p.start - 6), p.start)
        if word.lower() in firms and p.basis not in _CUED and object_use:
            continue
        out.append(p)
    return out


class _Ents:
    """The model's person entities, sorted, for "which entity covers this offset" lookups."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def end_covering(self, pos: int) -> int | None:
        """The furthest end of an entity that contains ``pos``, if any (entities do not nest)."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][1] > pos:
            return self.spans[i][1]
        return None


def _cap_caps_name(text: str, s: int, e: int, ents: _Ents) -> tuple[int, int]:
    """After a title in capitals, "DCM LARKIN SAID THAT" must not become a four-word name and
    "AMBASSADOR ASSESSES" no name at all. Keep initials and the first word unless it reads as
    a verb or is a listed non-name; after initials one more name word ("R. DELANEY OKAFOR");
    further words only where the NER model saw a person."""
    toks = [m.span() for m in _TOKEN_RE.finditer(text, s, e)]
    keep_end, had_initial, first = None, False, None
    for ts, te in toks:
        keep_end = te
        if _INITIAL.match(text[ts:te]):
            had_initial = True
            continue
        first = (ts, te)
        break
    if keep_end is None or first is None:
        return s, s
    word = text[first[0] : first[1]]
    if len(word) < 3 and not had_initial:
        return s, s  # "Director GO 4.7": OCR debris, not a name
    covered = ents.end_covering(first[0])
    nw = name_words()
    if (
        _VERB_ENDING.match(word)
        or not _is_name_word(word, name_lexicon())
        or (nw.is_english(word) and not nw.is_name(word))  # "MINISTER EVALUATES HIZBALLAH"
    ):
        return s, s
    if covered is not None:
        return s, max(keep_end, min(covered, e))
    if had_initial:  # "AMBASSADOR R. DELANEY OKAFOR-BRIGHT FOR REASONS": one more name word
        nxt = (
            _TOKEN_RE.match(text, keep_end + 1, e) if text[keep_end : keep_end + 1] == " " else None
        )
        word = nxt.group(0) if nxt else ""
        if word and _is_name_word(word, name_lexicon()) and not _VERB_ENDING.match(word):
            keep_end = nxt.end()
    return s, keep_end


def _signatures(text: str, add, lex: NameLexicon) -> None:
    tail_start = len(text)
    seen = 0
    while tail_start > 0 and seen < _SIGNATURE_LINES:
        nl = text.rfind("\n", 0, tail_start - 1)
        if text[nl + 1 : tail_start].strip():
            seen += 1
        tail_start = nl + 1 if nl >= 0 else 0
        if nl < 0:
            break
    last = _LAST_LINE_WORD.search(text)
    if last and _signature_word(last.group(1), lex):
        add(*last.span(1), "signature")  # "TUTTLE" alone on the last line of a cable
    for m in _SIGNATURE_LINE.finditer(text, tail_start):
        s, e = m.span(1)
        before = text[max(0, s - 2) : s]
        line_start = text.rfind("\n", 0, s) + 1
        prev_line = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : line_start].strip()
        valediction = prev_line.endswith(",") and len(prev_line) < 30  # "Regards,"
        if prev_line and not valediction and "\n" in before:
            continue  # part of a paragraph or list, not a line standing alone
        # the whole line must be the name: "COL SMITH ARRIVED." is a sentence, not a signature
        if _plausible_words(text[s:e]) and e - s >= 3 and clean_span(text, s, e, lex) == [(s, e)]:
            add(s, e, "signature")


#: One name-shaped word alone on the last non-empty line of the text.
_LAST_LINE_WORD = re.compile(rf"(?:^|\n)[ \t]*({NAME_TOKEN})[ \t]*[.,]?\s*\Z")


def _signature_word(word: str, lex: NameLexicon) -> bool:
    """A cable's last line holds its signer's surname, not an acronym or an ordinary word."""
    nw = name_words()
    return (
        len(word) >= 3
        and not _INITIAL.match(word)
        and not lex.is_not_person_word(word)
        and not cand.is_cryptonym(word, lex, nw)
        and (nw.is_surname(word) or not nw.is_english(word))
        and nw.plausible(word)
    )


def _first_name_run(text: str, s: int, e: int, lex: NameLexicon) -> tuple[int, int]:
    """The run of name words that ends an office phrase ("for Foreign Policy Emi Sato").

    Office words (in not_person.yaml) must come first, and the run must not be followed by
    another capitalised word: "of the Chinese Communist Party" and "Minister of Petroleum"
    give no name."""
    run: list[tuple[int, int]] = []
    office = False
    for m in _TOKEN_RE.finditer(text, s, e):
        word = m.group(0).split()[-1]
        if run and text[run[-1][1] : m.start()].strip():
            break
        nw = name_words()
        if not run and nw.is_proper(word) and not nw.is_given(word):
            office = True  # "Secretary of State for Wales Owen Pemberly"
            continue
        if _is_name_word(word, lex):
            if not office:
                return s, s
            run.append(m.span())
        elif run:
            return s, s
        else:
            office = True
    if not run or re.match(rf"[ \t]+[{_UP}]", text[run[-1][1] : run[-1][1] + 2]):
        return s, s
    if all(_ordinary(text[a:b].split()[-1]) for a, b in run) and not re.match(
        rf"[ \t]*\n[ \t]*[{_UP}]", text[run[-1][1] : run[-1][1] + 8]
    ):
        return s, s  # "Emperor of the Holy Roman Empire", but "State Thaddeus" / "Pemberly"
    return run[0][0], run[-1][1]


_OPENS_FULL_NAME = re.compile(rf"[ \t]+[{_UP}][.,;:][ \t]*[{_UP}]")


def _join_inverted(text: str, found: list[PersonSpan]) -> None:
    """ "ODUYA, JAMES" in a file header is one person, not two: join a capitalised surname and the
    single given name after its comma."""
    by_start = {p.start: p for p in found}
    # a surname that ends a fuller name found here ("DON R. WALTERSON, PAUL A. BRANDEIS") is
    # an item of a list of people, not the head of an inverted name
    tails = {p.end for p in found if " " in text[p.start : p.end].strip()}
    for p in list(found):
        word = text[p.start : p.end]
        if " " in word or not word.isupper() or p.end in tails:
            continue
        nxt = by_start.get(p.end + 2)
        if (
            nxt
            and text[p.end : p.end + 2] == ", "
            and " " not in text[nxt.start : nxt.end]
            and name_words().is_given(text[nxt.start : nxt.end])  # not "HARTLEY, BRENNAN"
            and not _OPENS_FULL_NAME.match(text, nxt.end)  # "..., PAUL A; BRANDEIS"
        ):
            found.append(PersonSpan(p.start, nxt.end, max(p.score, nxt.score), p.basis))


def _merge(spans: list[PersonSpan]) -> list[PersonSpan]:
    """Union overlapping spans; the merged span keeps the best score and its basis."""
    out: list[PersonSpan] = []
    for p in sorted(spans, key=lambda p: (p.start, -p.end)):
        if out and (p.start < out[-1].end or p.start == out[-1].end + 1 and p.merge_left):
            last = out[-1]
            last.end = max(last.end, p.end)
            if p.score > last.score:
                last.score, last.basis = p.score, p.basis
        else:
            out.append(PersonSpan(p.start, p.end, p.score, p.basis))
    return out


_VERB_AFTER = re.compile(
    r"[ \t]+(?:[a-z]+ed|was|is|had|has|have|would|will|could|did|does|also|then|said|says|"
    r"told|became|began|went|took|made|gave|saw|met|wrote|felt|kept|left|led|won|ran)\b|['’]s\b|,"
)


def _ordinary_at_start(text: str, start: int, end: int) -> bool:
    """A surname that is also an English word ("Young", "Rice"), capitalised only because a
    sentence starts with it, reads as the word unless a verb follows ("Rice was born")."""
    before = text[max(0, start - 8) : start]
    at_start = start == 0 or bool(re.search(r"(?:[.!?:;]\s+|\n\s*)$", before))
    return at_start and not _VERB_AFTER.match(text, end)


#: A word OCR may have damaged: letters with a stray symbol or digit inside ("St#rling"), or a
#: capital split from the rest of its word ("W ilcox").
_OCR_WORD = re.compile(r"(?<![\w#@$%&*|])[A-Z][A-Za-z#@$%&*|0-9]{4,}(?![\w#@$%&*|])")
_SPLIT_WORD = re.compile(r"(?<![\w])[A-Z] [a-z]{4,}(?![\w])")


#: A bill of Congress in the Serial Set and the Congressional Record: "Bill H.R. No. 912",
#: "Bill S. 209", "H.J. Res. 12".
_BILL_AFTER = re.compile(
    r"[ \t]+(?:H\.[ \t]?R\.|S\.|H\.[ \t]?J\.[ \t]?Res\.|S\.[ \t]?J\.[ \t]?Res\.)[ \t]*"
    r"(?:No\.[ \t]*)?\d"
)
_TWO_EDIT_LEN = 8
#: Bases whose evidence is the words themselves (the model, the name lists): in OCR debris
#: such words are often made up by the scanner.
_DEBRIS_CHECKED = frozenset(
    ("ner", "ner-single", "ner-single-caps", "list-names", "list-given", "list-words",
     "list-unknown", "list-surname-first", "list-surname-second", "lone-surname",
     "caps-prose-unlisted")
)  # fmt: skip
_LINE_TOKEN = re.compile(r"[^\s]+")


def _sure_name_words(span: str, nw) -> bool:
    """Every word a frequent listed name, or one of them a given name that is no English
    word ("RICHARD QUELLAN" on a cable's release line): names that survive a line of debris."""
    words = [w for w in _HEADING_WORD.findall(span) if len(w) > 1]
    frequent = [nw.is_frequent(w) and not nw.is_english(w) for w in words]
    return bool(words) and (
        all(frequent) or any(f and nw.is_given(w) for f, w in zip(frequent, words, strict=True))
    )


def _debris_line(text: str, start: int, end: int, nw) -> bool:
    """The rest of the candidate's line is OCR debris: three or more other tokens, and fewer
    than a third of them English words, names or numbers."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    rest = text[a:start] + " " + text[end : len(text) if b < 0 else b]
    tokens = [t.strip(".,;:()[]'\"“”‘’") for t in _LINE_TOKEN.findall(rest)]
    tokens = [t for t in tokens if t]
    if len(tokens) < 3:
        return False
    good = sum(
        1
        for t in tokens
        if t.isdigit()
        or (t.isalpha() and (nw.is_english(t) or nw.is_name(t)) and len(t) > 1)
        or (len(t) == 1 and t in "&-–—/")
    )
    return good < len(tokens) / 3


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _ocr_variants(text: str, wanted: set[str], nw) -> list[tuple[int, int]]:
    """Mentions one OCR edit away from a surname found in the text: a letter misread as a
    symbol or another letter, a letter lost or added, a space inside ("St#rling", "W ilcox").
    Symmetric-deletion lookups: one set lookup per deletion of each candidate word."""
    if not wanted:
        return []
    index: dict[str, str] = {}
    for w in wanted:
        index[w] = w
        for d in _deletions(w):
            index.setdefault(d, w)
    out = []
    lengths = {n + d for n in map(len, wanted) for d in (-1, 0, 1)}
    # a long name (eight letters or more) survives two misread letters ("Vantreskovich" read
    # "Wantreskovitz"): about one edit in four letters, as for the marking words
    long = [w for w in wanted if len(w) >= _TWO_EDIT_LEN]
    lengths |= {len(w) + d for w in long for d in (-2, 2)}
    for rx in (_OCR_WORD, _SPLIT_WORD):
        for m in rx.finditer(text):
            if m.end() - m.start() - (rx is _SPLIT_WORD) not in lengths:
                continue  # too long or too short to be one edit from a wanted name
            token = m.group(0).replace(" ", "").lower()
            if rx is _SPLIT_WORD and token in wanted:
                out.append(m.span())
                continue
            if (
                token in wanted
                or (m.group(0).isupper() and len(token) <= 6)  # an acronym ("UNAFEX")
                or nw.is_english(token)
                or nw.is_name(token)
                or nw.is_proper(token)
                or name_lexicon().is_not_person_word(token)  # "Poloff": a title
            ):
                continue  # the name itself (already spread) or another real word
            hits = {index[token]} if token in index else set()
            hits |= {index[d] for d in _deletions(token) if d in index}
            if any(abs(len(h) - len(token)) <= 1 for h in hits) or (
                len(token) >= _TWO_EDIT_LEN - 1
                and token.isalpha()
                and any(distance(token, w, 2) <= 2 for w in long)
            ):
                out.append(m.span())
    return out


def _spread_words(
    text: str,
    people: list[PersonSpan],
    lex: NameLexicon,
    lower_words: set[str],
    places,
    noisy: bool = False,
) -> set[str]:
    """The single words whose OCR variants are looked for (lower case). In a badly scanned
    text (``noisy``) a name a title vouches for is kept even when the text also has it in lower
    case: OCR lowers capitals at random there ("talked with volkovich"), so lower case says
    nothing about the word being ordinary."""
    nw = name_words()
    out: set[str] = set()
    for p in people:
        if p.score < CONFIDENT:
            continue
        lowered_ok = noisy and p.basis in _CUED
        for word in re.split(r"[ \t\n]+", text[p.start : p.end]):
            word = word.strip(",.;:")
            low = word.lower()
            if (
                len(word) >= 3
                and not _INITIAL.match(word)
                and low not in PARTICLES
                and not lex.is_not_person_word(word)
                and (low not in lower_words or (lowered_ok and not nw.is_english(low)))
                and low not in places
            ):
                out.add(low)
    return out


def _propagate(
    text: str,
    people: list[PersonSpan],
    lex: NameLexicon,
    lower_words: set[str],
    places: frozenset[str] | set[str] = frozenset(),
    at_places: frozenset[str] | set[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Other mentions of confidently found names: the full name and each of its surnames.

    Single words are looked up in a set while one regex walks the capitalised words of the
    text, so the cost does not grow with the number of names found."""
    nw = name_words()
    phrases: dict[str, set[str]] = {}  # first word (lower case) -> whole-name patterns
    words_wanted: set[str] = set()
    for p in people:
        if p.score < CONFIDENT:
            continue
        name = text[p.start : p.end]
        words = [w.strip(",.;:") for w in name.split() if w.strip(",.;:")]
        # a lone word the model also calls a place or a group is spread only when a title or
        # a full name vouches for it ("President Halloran", "John Ambrose Rice")
        vouched = (
            p.basis in _CUED
            or p.basis == "context"
            or (
                len([w for w in words if not _INITIAL.match(w)]) > 1
                and all(not nw.is_proper(w) or nw.is_name(w) for w in words)
            )
        )
        kept = 0
        for word in words:
            low = word.lower()
            if (
                len(word) < 3
                or _INITIAL.match(word)
                or low in PARTICLES
                or lex.is_not_person_word(word)
            ):
                continue
            if (
                low in lower_words
                or low in at_places  # "in Quillshire" elsewhere: a place, whatever vouched for it
                or (nw.is_english(low) and not nw.is_name(low))  # "COUNTRIES", "Groups"
                or ((low in places or (nw.is_proper(low) and not nw.is_name(low))) and not vouched)
            ):
                continue  # also an ordinary word here ("reed", "young"), or a place
            words_wanted.add(low)
            kept += 1
        if len(words) > 1 and kept < len(words) - sum(bool(_INITIAL.match(w)) for w in words):
            # a word of the name is not spread alone ("Osric Reed"): look for the whole name
            phrase = r"\s+".join(re.escape(w) for w in name.split())
            phrases.setdefault(words[0].lower(), set()).add(phrase)
    spans: list[tuple[int, int]] = []
    if not (words_wanted or phrases):
        return []
    compiled = {
        k: re.compile(
            "(?:" + "|".join(sorted(v, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE
        )
        for k, v in phrases.items()
    }
    for m in _CAP_WORD.finditer(text):
        low = m.group(0).lower()
        if low in words_wanted and not (
            nw.is_english(low)
            and not m.group(0).isupper()  # in capitals, a line start says nothing ("PARSONS")
            and _ordinary_at_start(text, m.start(), m.end())
        ):
            spans.append(m.span())
        if low in compiled and (full := compiled[low].match(text, m.start())):
            spans.append(full.span())
    starts = [p.start for p in people]  # merged: sorted and disjoint
    out = []
    for s, e in spans:
        i = bisect_right(starts, e - 1) - 1
        if i >= 0 and people[i].end > s and people[i].score >= SCORES["propagated"]:
            continue  # overlaps a name already found as surely; a weaker finding is raised
        out.append((s, e))
    return out
