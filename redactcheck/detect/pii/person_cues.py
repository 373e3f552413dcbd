"""The cues that find a name the model missed: titles and offices, apposition,
inverted and cited names, honorifics, mail headers, initials, signatures, glued initials,
surnames in capitals, and the joining and splitting of spans.

Why its own module: each cue is a mechanism of its own, a function ``(text, ctx, add)`` that
``find_people`` calls in its phases 2 to 5 (like the finders of
:mod:`redactcheck.detect.pii.name_candidates`); the shared filters live in
:mod:`redactcheck.detect.pii.person_filters`.

Long because it is a catalogue: one cue per kind of evidence, each a regex and a function of
a few dozen lines sharing ``Context`` and the name shapes, and none depends on another; a cue
is added or removed as one block.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from redactcheck.detect.lexicons import NameLexicon, name_lexicon
from redactcheck.detect.markings.ocr_markings import closest_word
from redactcheck.detect.pii import name_candidates as cand
from redactcheck.detect.pii.name_candidates import Add
from redactcheck.detect.pii.name_shapes import (
    _INITIAL,
    _LO,
    _NAME,
    _ONE_INITIAL,
    _PARTICLE,
    _TOKEN_RE,
    _UP,
    _VERB_ENDING,
    _VOWEL,
    NAME_TOKEN,
    PARTICLES,
)
from redactcheck.detect.pii.name_twins import compile_twin, skip_to_first
from redactcheck.detect.pii.name_words import NameWords, name_words
from redactcheck.detect.pii.person_filters import (
    _has_ordinary_word,
    _has_proper_noun,
    _head_after,
    _is_name_word,
    _line_bounds,
    _marking_fragment,
    _ordinary,
    _plausible_words,
    _title_ends_sentence,
    clean_span,
)
from redactcheck.detect.pii.person_item_letters import item_letter
from redactcheck.detect.pii.person_scores import CONFIDENT, SCORES, PersonSpan

_INITIALS_NAME = re.compile(
    rf"(?<![\w.])(?:{NAME_TOKEN}[ \t]+[{_UP}]\.(?:[ \t]?[{_UP}]\.)?[ \t]+{NAME_TOKEN}"
    rf"|[{_UP}]\.(?:[ \t]?[{_UP}]\.)?[ \t]?(?:Ma?c|O['’])?[{_UP}][{_LO}{_UP}]+(?:-[{_UP}{_LO}]+)*)"
    rf"(?![\w])"
)
#: Two initials whose second full stop OCR read as a comma, semicolon or colon, then the
#: surname: "T. K, Quenby", "R.J; Tallowby" in the originator and distribution lines of typed
#: memoranda (JFK records; seen in five records of the unlabelled pool, seed 1212 and 1213).
_COMMA_INITIALS = skip_to_first(
    rf"(?<![\w.])([{_UP}])\.[ \t]?([{_UP}])[,;:][ \t]?"
    rf"((?:Ma?c|O['’])?[{_UP}][{_LO}]{{2,}}(?:-[{_UP}][{_LO}]+)?|[{_UP}]{{3,}})(?![\w'’-])"
)
_SIGNATURE_LINE = re.compile(rf"^[ \t]*({_NAME})[ \t]*[.,]?[ \t]*$", re.MULTILINE)
_CONTINUATION = re.compile(
    rf"[ \t]*\n(?:[ \t]*\n)?[ \t]*((?:{_PARTICLE})*{NAME_TOKEN})(?![\w'’-])(?=,|[ \t]+[a-z])"
)
#: A given name, its middle initial(s), then the surname: at the start of the next line, as a
#: typeset article or a PDF's text layer breaks "Osric M.⏎Tallowby", or after an initial
#: whose full stop OCR read as a comma, semicolon or colon ("PAUL A; QUENBURY").
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
#: The end of a form field: the end of the line, or a comma, semicolon or bracket after blanks.
_FIELD_END = r"(?=[ \t]*(?:$|[,;(]))"
#: Arabic names with the article read by OCR as a digit: "Khalid A1 Rashid".
_OCR_ARTICLE_NAME = skip_to_first(
    rf"(?<![\w.])[{_UP}][{_LO}]{{2,}}[ \t]+[EA]1[ \t]+[{_UP}][{_LO}]{{2,}}(?![\w])"
)
#: "QUARRIE, Tobin" / "ODUYA, TAVISH" at the start of a line or after a form label ("SUBJECT :"),
#: standing alone in its field (end of line or a comma after it), as file headers write names.
#: Forms and name-trace lists of the JFK collection also write the middle initial, often without
#: its full stop ("ODUYA, TAVISH B", "Quarrie, Tobin F"), or a second given name in capitals
#: ("ODUYA, TAVISH LEON"), both ending the field; and OCR leaves a form's rule or a bullet before
#: the name ("| ODUYA, ...", "~ ODUYA, ..."), or the name is typed on the fill-in line right after
#: its label ("Defendant_ODUYA, TAVISH"). Seen in 17 records of the unlabelled pool (seeds 8383
#: and 8384) and 2 of set 4's tune part, where the rule found only the given name, nothing, or
#: the surname and the given name as two people.
_INVERTED = re.compile(
    rf"(?:^[ \t]*(?P<rule>[|~*‘'“\"-]{{1,2}}[ \t]*)?|(?<=:)|(?<=: )|(?<=\) )"
    rf"|(?P<blank>(?<=[{_LO}{_UP}]_)))"
    rf"[ \t]*(?P<name>[{_UP}]{{3,}}(?:-[{_UP}]+)?,[ \t]"
    rf"(?:[{_UP}]\.[ \t]+)?"  # a first initial before the given name ("ODUYA, J. TAVISH")
    rf"(?:[{_UP}][{_LO}]+(?:-[{_LO}]+)?(?:[ \t]+[{_UP}]\.|(?P<bare>[ \t]+[{_UP}]){_FIELD_END})?"
    rf"|[{_UP}]{{3,}}(?P<more>[ \t]+(?:[{_UP}]\.?|[{_UP}]{{3,}}))?{_FIELD_END}))"
    rf"(?![{_LO}{_UP}])",
    re.MULTILINE,
)
#: A bibliography or index entry: "Surname, Given[ I.]" opening a line, then "." or ",".
_CITED_AUTHOR = re.compile(
    rf"^(?P<name>(?P<surname>[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?),[ \t]+"
    rf"(?P<given>[{_UP}][{_LO}]+)(?:[ \t]+[{_UP}]\.)?)(?=[.,])",
    re.MULTILINE,
)
#: "Our liaison, Marguerite Okafor, reports": a full name set off by commas after a noun.
_APPOSITION = skip_to_first(
    rf"(?<=[{_LO}]), (?P<name>[{_UP}][{_LO}]+(?: [{_UP}]\.)?"
    rf"(?: (?:{_PARTICLE})*(?:Ma?c|O['’])?[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?){{1,2}}),"
    rf" (?P<next>[{_LO}]+)"
)
_NOT_AFTER_APPOSITION = frozenset(
    ("and", "or", "but", "nor", "the", "a", "an", "in", "on", "at", "to", "of", "for", "from",
     "with", "by", "as", "which", "where", "when", "than", "then", "is", "was", "are", "were",
     "has", "had", "have")
)  # fmt: skip
#: A title written as a whole word in capitals (not an office's abbreviation such as "CG" or
#: "RSO", which a post's town follows): a word a dictionary may list as a proper noun after it
#: is a famous person's surname ("PREMIER KIERKEGAARD"), not a town.
_FULL_WORD_TITLE = re.compile(
    r"^(?:CHAIRMAN|PRESIDENT|PREMIER|MINISTER|AMBASSADOR|SECRETARY|SENATOR|GENERAL|ADMIRAL"
    r"|CHANCELLOR|GOVERNOR|MAYOR|JUDGE|JUSTICE|CONGRESSMAN|MR|MRS|MS|DR)$"
)


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    lex = name_lexicon()
    return skip_to_first(
        rf"(?<![\w/])(?:{lex.title_regex})(?:\.[ \t]*\n?|[ \t]*\n|[ \t]+)[ \t]*"
        rf"(?P<name>(?:{_PARTICLE})*{_NAME})(?![\w])"
    )


@lru_cache(maxsize=1)
def _office_pattern() -> re.Pattern[str]:
    """ "Director-General for Treaty Affairs Emeka Obi": the office words after
    "for"/"of" are skipped by :func:`_first_name_run` (they are in not_person.yaml)."""
    lex = name_lexicon()
    return skip_to_first(
        rf"(?<![\w/])(?:{lex.title_regex})[ \t]+(?:for|of)[ \t]+"
        rf"(?P<name>(?:(?:[{_UP}][\w'’-]*|and|of|the|for|&)[ \t]+){{0,6}}"
        rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,2}})(?![\w])"
    )


@lru_cache(maxsize=1)
def _appositive_pattern() -> re.Pattern[str]:
    """ "Jane Roe, Director of ..." / "Tibor Oduya, Former Ambassador": a name then its title."""
    lex = name_lexicon()
    # ``_NAME`` is NAME_TOKEN and up to three more: the twin skips ahead to its first capital
    return compile_twin(
        r"(?<![\w])",
        "(?P<name>",
        rf"(?:[ \t]+(?:{_PARTICLE})*{NAME_TOKEN}){{0,3}}),[ \t]+"
        rf"(?:(?:Former|Acting|Deputy|Assistant|Senior|Special|Vice|Under|Retired|Chief)[ \t]+)*"
        rf"(?:(?:[{_UP}][{_LO}]+|of|for|the)[ \t]+){{0,3}}"
        rf"(?:{lex.title_regex})\b",
        word=NAME_TOKEN,
    )


#: Between two parts of one name: a line break ("Ambrose⏎Kettering", "Tobin B.⏎Quennell") or an
#: OCR comma for an initial's full stop ("ORRIN F, KESSLEY").
_LINE_GAP = re.compile(r"[ \t]*\r?\n[ \t]*")
_OCR_COMMA = re.compile(r", ")
#: OCR may put a stray dot before the initial ("ORRIN .T.⏎...").
_INITIAL_GAP = re.compile(
    rf"[ \t]+\.?(?:(?:[{_UP}]\.[ \t]*){{1,2}}\r?\n(?:[ \t]*\r?\n)?|[{_UP}][.,;:])[ \t]*"
)  # OCR may leave a blank line between the two lines
_INITIAL_COMMA = re.compile(rf"[ \t]*\n?[ \t]*[{_UP}],[ \t]+")  # "ORRIN F, KESSLEY"
#: A middle initial without its full stop between a given name and the surname ("Orrin F
#: Kessley", "ORRIN F KESSLEY"): forms and OCR drop the stop; the model reports two people.
#: Seen in 4 JFK records of the unlabelled pool (seeds 8383, 8384) and 1 of set 4's tune part.
_BARE_INITIAL = re.compile(rf"[ \t]+[{_UP}][ \t]+")


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
            # the initial may end the first span ("Orrin F" + " Kessley") or stand between
            bare = _BARE_INITIAL.fullmatch(gap) or (
                gap in (" ", "\t") and len(words) > 1 and re.fullmatch(rf"[{_UP}]", tail)
            )
            given = words[-2] if bare and len(tail) == 1 and len(words) > 1 else tail
            if (
                (
                    bare
                    and nw.is_given(given)
                    and (nw.is_surname(first_next) or (given.isupper() and first_next.isupper()))
                    and given.isupper() == first_next.isupper()
                )
                or (
                    _LINE_GAP.fullmatch(gap)
                    and (given_end or len(words) > 1 or last.basis in ("title", "title-office"))
                )
                or (_OCR_COMMA.fullmatch(gap) and re.fullmatch(rf"[{_UP}]", tail))
                or _INITIAL_COMMA.fullmatch(gap)
                or (  # "Osric M.⏎Tallowby"; in capitals either word may be unlisted
                    _INITIAL_GAP.fullmatch(gap)
                    and (nw.is_given(tail) or (tail.isupper() and first_next.isupper()))
                )
                or (  # "DURANCE, TAVISH J." in a FROM line, "Whitcombe, Orrin Thayne" in a list
                    gap == ", "
                    and len(words) == 1
                    and tail.isupper() == first_next.isupper()
                    and nw.is_given(first_next)
                    and (
                        len(text[p.start : p.end].split()) > 1
                        # "Whitcombe, Orrin" opening a line: a bibliography or index entry
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
    is followed by a given name (the inverted "ODUYA, TAVISH" of file headers is one person)."""
    out = []
    for a, b in spans:
        parts = text[a:b].split(", ")
        # "ODUYA, TAVISH", "de la Quinta, Ysolde": a surname, then the given name; after a full
        # name the comma ends it ("DON WALTERS, PAUL A. QUENBURY")
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


_CAPS_TOKEN = skip_to_first(r"(?<![\w'’-])[A-Z]{3,}(?![\w'’-])")


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


#: A word in capitals inside prose; it may start a hyphenated pair ("HARLOW-PRESTON articles") or
#: take a possessive ("KESSLER's").
_CAPS_IN_PROSE = skip_to_first(r"(?<![\w'’/])[A-Z]{4,}(?![\w])")


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
_CAPS_BEFORE = skip_to_first(r"(?<![\w'’])([A-Z]{2,})[^\w\n]{1,4}$")
_CAPS_AFTER = re.compile(r"[^\w\n]{1,4}([A-Z]{2,})(?![\w'’])")


#: Initials glued to a surname, as typists wrote the drafter in a memo's originator line
#: ("OGC:RTallow:jm", "Per JKPemberly's call"): one or two capitals, then a capitalised
#: surname of four letters or more, then a colon, a possessive or the line's end.
_GLUED_INITIALS = skip_to_first(
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
        return s, s  # "Director KQ 3.9": OCR debris, not a name
    covered = ents.end_covering(first[0])
    nw = name_words()
    if (
        _VERB_ENDING.match(word)
        or not _is_name_word(word, name_lexicon())
        or (nw.is_english(word) and not nw.is_name(word))  # "MINISTER REVIEWS TARIFFS"
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
        # "HALVORSEN" alone on the last line of a cable; in a State cable the model, reading a
        # lone capitalised word without context, often calls the signer a place
        basis = "cable-signer" if _STATE_CABLE.search(text) else "signature"
        add(*last.span(1), basis)
    elif (glued := _glued_signer(text, lex)) is not None:
        add(*glued, "cable-signer")
    for m in _SIGNATURE_LINE.finditer(text, tail_start):
        s, e = m.span(1)
        before = text[max(0, s - 2) : s]
        line_start = text.rfind("\n", 0, s) + 1
        prev_line = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : line_start].strip()
        valediction = prev_line.endswith(",") and len(prev_line) < 30  # "Regards,"
        if prev_line and not valediction and "\n" in before:
            continue  # part of a paragraph or list, not a line standing alone
        # the whole line must be the name: "COL QUARRIE ARRIVED." is a sentence, not a signature
        if _plausible_words(text[s:e]) and e - s >= 3 and clean_span(text, s, e, lex) == [(s, e)]:
            add(s, e, "signature")


#: The header lines of a State Department cable: its last line is the signer's surname.
_STATE_CABLE = re.compile(r"^(?:TAGS:|E\.O\. 1\d{4}:)", re.MULTILINE)
#: One name-shaped word alone on the last non-empty line of the text, or on the line before
#: an archive's end-of-cable rule: cable dumps close some cables with a line of equals signs
#: around words in capitals after the signer's surname (nine cables of the unlabelled cable
#: pool end so; the signature was missed in four of them, seed 3737).
_LAST_LINE_WORD = re.compile(
    rf"(?:^|\n)[ \t]*({NAME_TOKEN})[ \t]*[.,]?\s*(?:={{5,}}[A-Z \t]*={{5,}}[ \t]*\s*)?\Z"
)


#: The signer's surname right after the last sentence, on the same line: cable archives print
#: many State cables with each paragraph flattened onto one line, so the signature line is
#: glued to the end of the last paragraph ("... will report further. HALVORSEN", "End
#: comment. Quennell", "MURRAY ."). 10 of 100 unlabelled cables (seed 7575) end so with the
#: signer missed.
_GLUED_SIGNER = re.compile(rf"[.!?)\"”’][ \t]+({NAME_TOKEN})(?:[ \t]+\.|\.)?\s*\Z")
#: How far back from the end the glued signer is looked for (one sentence end and one name).
_GLUED_TAIL = 80


def _glued_signer(text: str, lex: NameLexicon) -> tuple[int, int] | None:
    """The span of a signer's surname glued to the last sentence of a State cable, if any.

    Only cables with State header lines (TAGS, E.O.) are read so: there the last word after
    the last full stop is the signature; in a memo or an essay it may be any word. A surname
    that is also an English word ("Ends", "Comment") is left out: after a sentence it is as
    often the cable's closing word."""
    m = _GLUED_SIGNER.search(text, max(0, len(text.rstrip()) - _GLUED_TAIL))
    if m is None or not _STATE_CABLE.search(text):
        return None
    word = m.group(1)
    if not _signature_word(word, lex) or name_words().is_english(word):
        return None
    return m.span(1)


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
    """ "ODUYA, TAVISH" in a file header is one person, not two: join a capitalised surname and the
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


@dataclass(slots=True)
class Context:
    """What the cue phases of ``find_people`` read about one document (``found``: the person
    spans so far, shared with ``find_people``'s ``add``, which appends to it)."""

    lex: NameLexicon
    nw: NameWords
    judge: cand.Judge
    lines: _Lines
    places: set[str]
    all_lower: set[str]
    found: list[PersonSpan]
    person_ents: _Ents


#: A directorate-general in Spanish, Portuguese or French ("Direccion General de Inteligencia",
#: Cuba's intelligence service in JFK-collection records; "Direccion General de Aviacion Civil"
#: in cables): "General" is the body's adjective there, not a rank, and what follows names the
#: body. Pool seeds 8787/8788: seven records (six JFK records, one cable), each span a body's.
_DIRECTORATE = skip_to_first(
    r"(?<![\w])(?:Direcci[oó]n|DIRECCI[OÓ]N|Direction|Dire[cç][cç]?[aã]o)\s+\Z"
)


def titles(text: str, ctx: Context, add: Add) -> None:
    """Phase 2: names after a title or rank, after an office phrase, or before ", Title"."""
    # 2. title- and rank-cued names: "DCM Larkin", "Col. Tobin Wendt", "Jane Roe, Director"
    title_re, pos = _title_pattern(), 0
    while m := title_re.search(text, pos):
        s, e = m.span("name")
        if text[s:e].isupper():
            s, e = _cap_caps_name(text, s, e, ctx.person_ents)
        first_word = text[s:e].split()[0] if e > s else ""
        title_word = text[m.start() : m.start("name")].strip().rstrip(".")
        if (
            e > s
            and not _title_ends_sentence(text[m.start() : m.start("name")], ctx.nw)
            and not (
                title_word.lower() == "general"
                and _DIRECTORATE.search(text, max(0, m.start() - 16), m.start())
            )
            and not (ctx.nw.is_english(first_word) and not ctx.nw.is_name(first_word))
            # the FBI's "SA" (Special Agent) stands before a name its reports type in capitals
            # ("SA ORVAL T. QUENBY"); before a word in lower case it is a bad scan's debris
            and not (title_word == "SA" and not text[s:e].isupper())
            # "CG Marseille", "RSO Dakar": an office's post, not a person; a title that is a
            # full word ("CHAIRMAN KIERKEGAARD") names a person even if a dictionary lists him
            and not (
                title_word.isupper()
                and not _FULL_WORD_TITLE.match(title_word)
                and " " not in text[s:e]
                and ctx.nw.is_proper(first_word)
                and not ctx.nw.is_name(first_word)
            )
        ):
            add(s, e, "title")  # not "Minister Plenipotentiary", "General Assembly"
            pos = max(e, m.start("name") + 1)  # "DCM LARKIN AND VFM OYELARAN": both titles
        else:
            pos = m.start("name")  # "Africa Minister Baroness Halloway": the next title
    for m in _office_pattern().finditer(text):
        if not m.group("name").isupper():
            add(*_first_name_run(text, *m.span("name"), ctx.lex), "title-office")
    for m in _appositive_pattern().finditer(text):
        name = m.group("name")
        if m.group(0).rstrip(".").endswith(" SA"):
            continue  # the FBI's "SA" opens the agent's name: "At Quellton, SA ORVAL QUENBY"
        if not (_has_proper_noun(name, ctx.nw) or _has_ordinary_word(name, ctx.nw)):
            add(*m.span("name"), "title")  # not "visit to Lisbon, Secretary Halloran ..."


def inverted_names(text: str, ctx: Context, add: Add) -> None:
    """Phase 2: inverted file-header names ("OKAFOR, Nneka") and cited authors."""
    for m in _INVERTED.finditer(text):
        a, b = m.span("name")
        surname, given = text[a:b].split(",", 1)
        words = given.split()
        given = words[-1] if _INITIAL.match(words[0]) else words[0]
        more = m.group("more")
        if more and len(more.strip(" \t.")) > 1 and not ctx.nw.is_given(words[-1]):
            continue  # "QUENNELL, ODILE TALLOWBY": a list of names in their usual order
        if (
            _is_name_word(surname, ctx.lex)
            and _is_name_word(given, ctx.lex)
            and not _has_proper_noun(text[a:b], ctx.nw)  # "ALEXANDRIA, EGYPT": a place of birth
            and not _has_ordinary_word(text[a:b], ctx.nw)
            # in capitals, one part must be a listed name: "SNAR, SMIG" are cable tags
            and not (
                text[a:b].isupper() and not (ctx.nw.is_surname(surname) or ctx.nw.is_given(given))
            )
            and not (_form_shape(m) and not _form_name(surname, given, ctx.nw))
        ):
            add(a, b, "inverted")

    # "Quennell, Reginald T., ed." opening a line: an author in a bibliography or an index
    for m in _CITED_AUTHOR.finditer(text):
        surname, given = m.group("surname"), m.group("given")
        if (
            ctx.nw.is_given(given)
            and not _ordinary(surname)
            and not ctx.nw.is_given(surname)  # "Perpetua, Leopold": two given names, a list
            and surname.lower() not in ctx.places
            and surname.lower() not in ctx.all_lower
        ):
            add(*m.span("name"), "inverted")


def _form_shape(m: re.Match[str]) -> bool:
    """The match needs a form's widening of the file-header shape: a rule or bullet before it,
    a fill-in line, a bare middle initial or a second given name."""
    return any(m.group(g) is not None for g in ("rule", "blank", "bare", "more"))


def _form_name(surname: str, given: str, nw: NameWords) -> bool:
    """What the widened shape also reads (subject codes "MIRR, ACA", a height and weight
    "POUNDS, HAIR DARK", OCR debris) is no name: a listed given name, and a listed surname or
    one of no more than a dozen letters ("QWARLINGS, Talks", "BRONDELIMARKOS, TES")."""
    parts = surname.split("-")
    return nw.is_given(given) and (any(nw.is_surname(p) for p in parts) or len(surname) <= 12)


def honorific_titles(text: str, ctx: Context, add: Add) -> None:
    """Phase 2: a title word that is a census surname after an honorific ("Mr. PRINCE")."""
    # "Mr. PRINCE", "Mrs. Bishop": after an honorific a title word that is a census surname is
    # the surname (the title rule trims title words off a name)
    for m in _HONORIFIC_TITLE_WORD.finditer(text):
        word = m.group("name")
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."):
            continue  # inside a word ("HUMS PRINCE")
        if (
            word.lower() in ctx.lex.title_words
            and ctx.nw.is_surname(word)
            and not ctx.lines.excluded(m.start())
        ):
            ctx.found.append(PersonSpan(*m.span("name"), SCORES["title"], "title"))


def mail_headers(text: str, ctx: Context, add: Add) -> None:
    """Phase 2: the display name of an e-mail header."""
    for m in _MAIL_HEADER.finditer(text):
        add(*m.span("name"), "mail-header")


def appositions(text: str, ctx: Context, add: Add) -> None:
    """Phase 2: a name set off by commas after a lower-case word, followed by one."""
    for m in _APPOSITION.finditer(text):
        if m.group("next") not in _NOT_AFTER_APPOSITION:
            add(*m.span("name"), "apposition")


def initials(text: str, ctx: Context, add: Add) -> None:
    """Phase 3: names with initials."""
    # 3. names with initials: "PAUL R. HASKELL", "T. A. Morrow" (not "A. Finally" in a list)
    for m in _INITIALS_NAME.finditer(text):
        s = m.start()
        line_head = text[text.rfind("\n", 0, s) + 1 : s]
        if not line_head.strip(" \t¶") and _ONE_INITIAL.match(m.group(0)):
            continue  # "C. LIMA 352" in a reference list, "A. Finally" in a list
        if item_letter(text, s, m.group(0)):
            continue  # "H. HOW DOES POST ...", "REFS F AND H. BIOGRAPHIC OFFICERS"
        if any(
            i.group(0).replace(" ", "").upper() in ctx.lex.acronyms
            for i in re.finditer(rf"(?:[{_UP}]\.[ \t]?)+", m.group(0))
        ) or re.match(r"[ \t]+\d{3,}", text[m.end() : m.end() + 8]):
            continue  # "Early U.S. Legations"; "REF: A. VALLETTA 000417", a cable reference
        add(s, m.end(), "initials")
    for m in _COMMA_INITIALS.finditer(text):
        surname = m.group(3)
        if (m.group(1) + m.group(2)) in ctx.lex.acronyms or not _is_name_word(surname, ctx.lex):
            continue  # "U.S, Army"
        if ctx.nw.is_english(surname) and not ctx.nw.is_frequent(surname):
            continue  # "D.C, The subjects", "N.Y, Times"
        add(m.start(), m.end(), "initials")


def signatures(text: str, ctx: Context, add: Add) -> None:
    """Phase 4: the signature of a cable, a lone name among its last lines."""
    # 4. a lone name on its own line among the last lines: the signature of a cable
    _signatures(text, add, ctx.lex)


def ocr_article_names(text: str, ctx: Context, add: Add) -> None:
    """Phase 4: an Arabic name whose article OCR read as a digit ("Khalid A1 Rashid")."""
    for m in _OCR_ARTICLE_NAME.finditer(text):  # the digit fails clean_span's name shape
        first, *_, last = m.group(0).split()
        if (
            not ctx.lines.excluded(m.start())
            and not _head_after(text, m.end(), ctx.lex)
            and _is_name_word(first, ctx.lex)
            and _is_name_word(last, ctx.lex)
            and not ctx.lex.is_not_person_word(first)
            and not ctx.lex.is_not_person_word(last)
        ):
            ctx.found.append(PersonSpan(m.start(), m.end(), SCORES["ocr-article"], "ocr-article"))


def continuations(text: str, ctx: Context, add: Add, people: list[PersonSpan]) -> None:
    """Phase 5: a name cut by a line break, its surname on the next line (``people``: the
    names found so far, merged)."""
    # 5. a given name alone at the end of a line, continued by a surname that starts the next
    #    line and is followed by a verb ("... Analysis Imelda" / "Sarmiento-Ocampo noted")
    extra = []
    for p in people:
        span_words = text[p.start : p.end].split()
        # "Osric M.⏎Tallowby": a given name and an initial end the line, the surname starts
        # the next one (the model sees two fragments and keeps, at best, the first)
        if span_words and ctx.nw.is_given(given := span_words[-1].rstrip(".,")):
            m = _INITIAL_BREAK.match(text, p.end)
            if (
                m
                and _is_name_word(m.group(1).split()[-1], ctx.lex)
                and m.group(1).isupper() == given.isupper()
            ):
                extra.append(m.span(1))
        if p.score < CONFIDENT or (
            len(span_words) > 1  # "General Rufus T." / "Pemberly was appointed": still open
            and not _INITIAL.match(span_words[-1])
        ):
            continue
        m = _CONTINUATION.match(text, p.end)
        if m and _is_name_word(m.group(1).split()[-1], ctx.lex):
            extra.append((m.start(1), m.end(1)))
    for s, e in extra:
        add(s, e, "continuation")
