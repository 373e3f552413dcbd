"""The rules that say "this is not a name": span cleaning and the false-alarm filters.

Why its own module: every mechanism that finds a name passes its span through the same
filters (headings in ordinary words, places, publishers in an imprint, OCR debris, firms named
after a person), so they are kept apart from the mechanisms.

Long because it is a catalogue of independent filters, each a regex and a short function
sharing the name shapes; a filter is added or removed as one block.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactcheck.detect.lexicons import NameLexicon, name_lexicon
from redactcheck.detect.pii import name_candidates as cand
from redactcheck.detect.pii.name_shapes import (
    _INITIAL,
    _LO,
    _ONE_INITIAL,
    _SPLIT,
    _UP,
    _VERB_ENDING,
    _VOWEL,
    PARTICLES,
)
from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.person_scores import _CUED, PersonSpan

_BAD_CHARS = re.compile(rf"[^{_UP}{_LO}\s.,'’-]|,(?! )")
#: A heading: a mixed-case line standing alone (blank lines or the text's edge around it) of
#: four or more words, most of them capitalised, not ending like a sentence
#: ("Country Sourdough, the Slow Way").
_HEADING_WORD = re.compile(r"[^\W\d_][\w'’-]*")


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
    """ "Marshall Plan", "Harbor Meeting", "Jubilee Celebration": the next word makes the
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
    "Movimiento Delacroix"); English heads follow ("Soviet Union Edmund Harrowby" is a name)."""
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


def twice_person_words(text: str, ner: list[tuple[int, int, str]]) -> set[str]:
    """Words (lower case) that stand in two or more of the model's person spans of this text:
    in a bad scan, a name's repeated spelling, where made-up letters rarely repeat."""
    seen: set[str] = set()
    twice: set[str] = set()
    for s, e, label in ner:
        if label == "PERSON":
            for w in {w.lower() for w in _HEADING_WORD.findall(text, s, e)}:
                (twice if w in seen else seen).add(w)
    return twice


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
    for a, b in _pieces(text, start, end):
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


#: "RE" (regarding) between two names of a subject or title line ("TALK WITH MR. DOBROV RE
#: ODUYA", "Mr. Dobrov Re: Oduya"): two people, not one. Only "RE" in capitals or "Re:" with
#: its colon: a mixed-case "Re" may be OCR's piece of a word.
_REGARDING = re.compile(r"[ \t]+(?:RE\b:?|Re:|re:)[ \t]*")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at line breaks and at "RE" (regarding)."""
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        for m in _REGARDING.finditer(text, a, b):
            out.append((a, m.start()))
            a = m.end()
        out.append((a, b))
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


#: A citation's imprint, "City: Publisher, 1928": publishers named after their founders
#: ("Alfred A. Knopf", "Harper & Brothers") stand between a place's colon and the year.
#: The place may be abbreviated ("Princeton, N.J.: "); the publisher may be a partnership, and
#: its second partner stands after "and" ("Philadelphia: Dorsey and Quenby, 1793").
#: A typeset bibliography wraps its lines anywhere, so one line break may stand in any gap
#: after the colon ("New York: Dorsey and⏎Quenby, 1793", "Boston: Quenby,⏎1931").
_WRAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_IMPRINT_BEFORE = re.compile(
    rf"[{_UP}][{_LO}]+(?:[ \t]+[{_UP}][{_LO}]+)?(?:,[ \t]+(?:[{_UP}]{{2}}|(?:[{_UP}]\.){{1,2}}))?:"
    rf"{_WRAP}(?:[{_UP}][\w.]*{_WRAP}(?:&|and){_WRAP})?$"
)
#: A year, or the bracket closing an imprint without one ("(New York: Ambrose F. Tallow)").
_IMPRINT_AFTER = re.compile(
    rf"(?:{_WRAP}?(?:&|and){_WRAP}[\w.]+)*(?:,{_WRAP}?(?:1[5-9]|20)\d\d\b|\))"
)


#: The title of an edition or a biography ("The Papers of Osric Tallowby", "The Life and Letters
#: of Amara Quenby", "The Collected Works of ..."): a work cited by its title, as notes and
#: bibliographies of historical writing cite editions of a statesman's papers, not a mention
#: of the person a reviewer must weigh (like "Tallowby Papers", a collection).
_WORK_TITLE_BEFORE = skip_to_first(
    r"(?<![\w])The\s+(?:Collected\s+|Complete\s+|Selected\s+|Early\s+|Private\s+)?"
    r"(?:Papers|Works|Writings|Letters|Diary|Diaries|Memoirs|Correspondence|Journals?|Speeches"
    r"|Life|Autobiography)"
    r"(?:\s+and\s+(?:Times|Letters|Works|Papers|Writings|Correspondence))?\s+of\s+$"
)


def _work_title(text: str, start: int) -> bool:
    """Whether the name at ``start`` ends the title of an edition or a biography."""
    return bool(_WORK_TITLE_BEFORE.search(text, max(0, start - 60), start))


def _publisher(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the publisher of a citation's imprint."""
    return bool(
        _IMPRINT_AFTER.match(text, end) and _IMPRINT_BEFORE.search(text, max(0, start - 40), start)
    )


def _has_ordinary_word(span: str, nw) -> bool:
    """A word of the span is an English word and no name ("IN THE LONG RUN", "Grey Area");
    particles and initials aside. Names of people are made of names."""
    words = [w for w in _HEADING_WORD.findall(span) if w.lower() not in PARTICLES and len(w) > 1]
    return any((nw.is_english(w) and not nw.is_name(w)) or nw.misread_word(w) for w in words)


def _has_proper_noun(span: str, nw) -> bool:
    """A word of the span is a known place or people name ("Saudi Arabia"), not a person's."""
    return any(nw.is_proper(w) and not nw.is_name(w) for w in _HEADING_WORD.findall(span))


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
        # OCR debris often spells a rare surname by chance: ask for frequent names, or for a
        # name the model reads as a person at two places (chance rarely repeats a spelling)
        listed = [
            w
            for w in words
            if (nw.is_frequent(w) and not nw.is_english(w)) or _read_twice(w, judge)
        ]
        if len(words) == 1:
            return not listed or not nw.plausible(words[0])
        return not listed or any(not nw.plausible(w) for w in words)
    return False


def _read_twice(word: str, judge: cand.Judge) -> bool:
    """A listed name the model reads as a person in two places of a bad scan ("Quevedas" in
    "Ilario Quevedas" and "Quevedas said"): a given name, or a surname of five letters or more
    that is no English word. Shorter surnames and words are what OCR makes of short ordinary
    words ("FRON" for "FROM"), and those repeat as the words do."""
    if word.lower() not in judge.twice_person_words:
        return False
    nw = judge.nw
    return nw.is_given(word) or (len(word) >= 5 and nw.is_name(word) and not nw.is_english(word))


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
    """ ", Massachusetts", ", N.J.": a comma and a US state (the words before it: a town); or a
    USPS code before a ZIP code or a publisher's colon (", NJ 07512", ", KS:"), the two places
    where a code cannot be an office symbol after a name (see not_person.yaml)."""
    lex = name_lexicon()
    return re.compile(
        rf",[ \t]*(?:['‘\"“]?(?i:{lex.states})(?![\w])"
        rf"|(?:{lex.postal_codes})(?:[ \t]+\d{{5}}(?![\w])|(?P<colon>[ \t]*:)))"
    )


_RUN_BEFORE = re.compile(rf"(?<![\w'’-])(?P<run>{_CAP_RUN}|{_CAPS_RUN})$")


def place_phrases(text: str) -> set[str]:
    """Capitalised phrases (lower case; each leading part of up to three words) that stand
    after a place preposition or before a comma and a US state somewhere in ``text``:
    document-level evidence of a place."""
    out: set[str] = set()
    for m in _state().finditer(text):  # "... met Alder Crane, Texas": the town ends it
        run = _RUN_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if run and m.group("colon") and run.group("run").isupper():
            continue  # "ORVAL QUENBY, AR:": an FBI case character, not a publisher's place
        if run:
            words = [w.strip("'’-").lower() for w in run.group("run").split()]
            out.update((" ".join(words), words[-1]))
    for m in _PLACE_PREPOSITION.finditer(text):
        key = "run" if m.group("run") else "caps"
        if re.search(r"['’][sS]$|[sSzZ]['’]$", m.group(key)) or _OWNED.match(text, m.end(key)):
            continue  # "in Halloran's view", "in Quiles' view", "AT ORLA! APARTMENT": a person's
        words = [w.strip("'’-").lower() for w in m.group(key).split()]
        if m.group("the") or m.group("THE"):
            if _PHRASE_END.match(text, m.end(key)):
                out.add(" ".join(words))
            continue
        for i in range(1, len(words) + 1):
            out.add(" ".join(words[:i]))
    return out


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|\d\.\s*|[-–—]\s+)$")


#: "<Party> Leader <Name>", "<Front> chairman <Name>": the capitalised phrase right before a
#: word for the head of a group names the group (a party, movement or firm), not a person.
#: Words a person can stand before ("spokesman", "adviser", "aide") are left out on purpose.
_GROUP_ROLE = (
    r"(?:[Ll]eader|LEADER|[Cc]hairman|CHAIRMAN|[Cc]hairwoman|[Ss]ecretary-[Gg]eneral|[Ff]ounder)"
)
_GROUP_HEAD = skip_to_first(
    rf"(?<![\w-])([{_UP}][\w'’-]+(?:[ \t]+[{_UP}][\w'’-]+){{0,2}})[ \t]+{_GROUP_ROLE}"
    rf"[ \t]+[{_UP}]"
)
_TRAILING_ROLE = re.compile(rf"[ \t]+{_GROUP_ROLE}$")
#: A literal every ``_GROUP_HEAD`` match holds: most texts name no leader or founder, and this
#: is found at C speed where ``_GROUP_HEAD`` tries a phrase at every capital.
_GROUP_ROLE_HINT = re.compile(r"eader|EADER|hairman|HAIRMAN|hairwoman|ecretary-|ounder")


def _group_names(text: str, people: list[PersonSpan]) -> set[str]:
    """Group names the document shows heading a leader ("Harbour Party Leader Quennell"),
    and each of
    their words, lower case; minus words of a name found with a title ("Senator Rook")."""
    out: set[str] = set()
    if not _GROUP_ROLE_HINT.search(text):
        return out
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


@lru_cache(maxsize=4)
def _firm_pattern(heads: frozenset[str]) -> re.Pattern[str]:
    """A capitalised word before a head noun ("Harlan Corporation"); built once per lexicon,
    not once per text (joining and escaping every head cost more than the scan)."""
    alternation = "|".join(re.escape(h.capitalize()) for h in sorted(heads))
    return re.compile(rf"(?<![\w-])([{_UP}][{_LO}]+)[ \t]+(?:{alternation})\b")


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
    firms = {m.group(1).lower() for m in _firm_pattern(lex.heads).finditer(text)}
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
