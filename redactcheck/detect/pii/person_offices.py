"""Officers named in brackets after their office code: "C/WH/3 (QUENNELL)", "SA/DDO (Tallowby)".

Why: the release block of a CIA cable or dispatch (the "ORIG:", "COORD:", "AUTH:", "REL:" lines)
and the distribution list of a memorandum name each officer by office symbol, a slash-separated
code, with the officer's surname in brackets after it. The model reads these lines without
context and finds one name in three; the lists do not hold many of the surnames. Seen in the
JFK records of the unlabelled pool (seed 1212: 3 of 60 records, with four surnames missed in
one release block; 66 records of the pool hold such a block). The brackets after an office
code hold an officer's surname or, less often, an organisation's acronym or a cryptonym
("SS/IL (WFTU)"), which the word checks leave out.
"""

from __future__ import annotations

import re

from redactcheck.detect.pii.name_candidates import Add, Judge, is_cryptonym

#: An office symbol with at least one slash ("C/LA", "SA/DDCI", "C/E/I6", "LA/MGSB/M"), then a
#: surname in brackets, in capitals or capitalised, one or two words; the bracket may open the
#: next line, and an originator's telephone extension may follow ("(QUENNELL, 4417)").
_OFFICE_NAME = re.compile(
    r"(?<![\w/])(?:[A-Z0-9]{1,6}/)+[A-Z0-9]{1,8}[ \t]*\n?[ \t]*\("
    r"(?P<name>[A-Z][A-Za-z'’-]{2,}(?:[ \t]+[A-Z][A-Za-z'’-]{2,})?)(?:\)|,[ \t]*\d)"
)

#: A line of a distribution list that holds only a bare office code without a slash, then the
#: officer's surname in brackets ("- OGC (Quennell)", "OS (Tallowby)"): the same lists name an
#: Agency office by its bare code (General Counsel, Security, Personnel). Seen in 4 records of
#: the unlabelled pool (seed 1212) and 6 more in a search of the pool (round 10); the other
#: such lines hold a form's words ("BY (Signature)", "OF (Organization)"), which the word
#: checks and the common-word test on the code leave out.
_BARE_OFFICE_NAME = re.compile(
    r"^[ \t]*(?:[-–•*][ \t]*)?(?P<code>[A-Z]{2,4})[ \t]*\("
    r"(?P<name>[A-Z][A-Za-z'’-]{2,}(?:[ \t]+[A-Z][A-Za-z'’-]{2,})?)\)[ \t]*$",
    re.MULTILINE,
)


#: A cable's address or reference line names an officer after the office or agency word, with
#: no slash: "TREASURY FOR GENERAL COUNSEL (QUENNELL)", "E-MAILS EMBASSY (TALLOWBY) TO ...".
#: Only capitals on both sides (the cable form), the bracket ending the item (a comma, a full
#: stop, the line's end, or the header's next "TO"/"INFO"), and a frequent listed surname in
#: it: the same brackets hold acronyms they define, form words and codes ("COPY (TEXT)",
#: "(NOTAL)"). Seen in a set 4 tune cable, three pool cables and a pool JFK record (seeds
#: 11313/11314). Bracket first, office word checked behind it: the step costs under a
#: millisecond on the 0.8 MB bench sample.
_BRACKET_CAPS = re.compile(
    r"\((?P<name>[A-Z][A-Z'’-]{2,})\)(?=[ \t]*(?:[,.;:]|$|(?:TO|INFO)\b))", re.MULTILINE
)
_OFFICE_WORD_BEFORE = re.compile(r"(?<![\w/])[A-Z]{3,}[ \t]*\n?[ \t]*\Z")


def office_names(text: str, judge: Judge, add: Add) -> None:
    """Surnames in brackets after an office symbol."""
    if "(" not in text:
        return
    for m in _BRACKET_CAPS.finditer(text):
        if not _OFFICE_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        word = m.group("name")
        if _frequent_surname(word, judge) and not _defines_acronym(text, m.start(), word):
            _add_officer(m, judge, add)
    for m in _BARE_OFFICE_NAME.finditer(text):
        if m.group("code").lower() in judge.lex.common_words:
            continue  # "BY (Signature)": a form's words
        _add_officer(m, judge, add)
    if "/" not in text:
        return
    for m in _OFFICE_NAME.finditer(text):
        _add_officer(m, judge, add)


def _frequent_surname(word: str, judge: Judge) -> bool:
    """A frequent listed surname that is no English word: without a slashed office code the
    bracket also holds form words ("(SIC)", "(ALIAS)", "(CONT'D)"), misread acronyms and
    unlisted codes ("(NOTAL)"), which a looser test lets through and the document spreads."""
    nw = judge.nw
    if len(word) < 5 or not nw.is_surname(word) or not nw.is_frequent(word):
        return False  # four letters: as often a misread acronym ("(MURR)") as a surname
    return not nw.is_english(word)


def _defines_acronym(text: str, start: int, word: str) -> bool:
    """True when ``word`` is spelt, in any order and with at most one letter misread, by the
    initials of the capital words just before its bracket ("REVOLUTIONARY FRONT OF ARCADIA
    (RFA)", "(FRA)" in another language's order): a definition, not an officer."""
    before = re.findall(r"[A-Z][A-Za-z'’-]*", text[max(0, start - 40 * len(word)) : start])
    initials = [w[0] for w in before if w.upper() not in _LINKS][-len(word) :]
    letters = list(word.upper())
    shared = sum(min(initials.count(c), letters.count(c)) for c in set(letters))
    return shared >= len(letters) - 1


#: Linking words an acronym's letters skip ("FRONT OF ARCADIA" is "FA").
_LINKS = frozenset({"OF", "THE", "AND", "FOR", "DE", "DEL", "LA", "Y"})


def _add_officer(m: re.Match[str], judge: Judge, add: Add) -> None:
    """The bracketed surname of ``m`` when its words pass the officer checks."""
    words = m.group("name").split()
    if not all(_officer_word(w, judge) for w in words):
        return
    if any(is_cryptonym(w, judge.lex, judge.nw) for w in words):
        return  # "C/CI (HTLINGUAL)": a project's cryptonym
    add(*m.span("name"), "addressee")


def _officer_word(word: str, judge: Judge) -> bool:
    """A surname: not an acronym, an English word (unless also a listed name) or debris; in
    capitals an unlisted word needs five letters and a name's spelling ("WFTU", "DIA" fail)."""
    nw = judge.nw
    if word.isupper() and word in judge.lex.acronyms:
        return False
    if not judge.cued_name(word, model_blind=True):
        return False
    if nw.is_name(word):
        return True
    return len(word) >= 5 and judge.name_like(word, cued=True)
