"""A word of a cable in capitals that the cable uses as a person more often than as a place.

Why: CIA cables and FBI teletypes in the JFK collection are written wholly in capitals, and
their surnames are often on no list (Spanish double surnames, Slavic ones, nicknames). The
model reads them on a case-restored copy and calls most unknown ones places or groups;
``person_echoes.caps_cable_surnames`` takes census surnames only, and drops a word at its
first place position. But a cable's prose tells a person by what stands around the word:
a role or honorific before it ("MADAME QUARREL", "SECY QUARREL"), a verb whose object is a
person before it ("MET QUARREL", "CONTACT WITH QUARREL"), a cover identity next to it
("AKA", "ALIAS", "IDEN"), a verb of a person after it ("QUARREL REMARKED", "QUARREL WOULD",
"QUARREL'S"). A word the record uses so at two mentions or more, and in a place's position
("IN QUARREL", "QUARREL CITY", "QUARREL, TEXAS") at a quarter of its mentions or fewer, is
the person at its other mentions: a cable says "LOOKING AT QUARREL" of a man, and "AT"
alone must not outweigh a dozen cues.

Read on the unlabelled pool (JFK records, CIA cables in capitals): seeds 4747 and 4748
(docs/quality.md, issue 16). Not taken: an English word, a dictionary proper noun that is no
listed name, an acronym, a cryptonym, a place or state, a people's adjective, a word the text
also writes in small letters, OCR debris (``plausible``) or a misread English word, a word
with a number after it at any mention (a numbered source, unit or liaison service) or a
body's head noun ("QUARREL COOPERATIVE"), and any word shorter than five letters (an
organisation's initials as often as a name). A given name before the word is no cue here:
the list rules read such pairs, and in the pool draws it took OCR debris and a place's word
after a given name that is also a city.
"""

from __future__ import annotations

import re
from collections import defaultdict

from redactcheck.detect.pii import name_candidates as cand
from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.person_echoes import (
    _PLACE_AFTER,
    _WORD_COMMA_BEFORE,
    _echo_place,
    _place_name,
    in_caps_line,
)
from redactcheck.detect.pii.person_scores import PersonSpan

#: A word in capitals, five letters or more, not joined to a word, a slash or a hyphen; an
#: "'S" possessive may follow.
_CAPS_WORD = skip_to_first(r"(?<![\w'’/-])[A-Z]{5,}(?=['’]S\b|(?![\w'’-]))")
#: A person's verb after the word (a narrower set than ``caps_cable_surnames``: no "-ED"
#: word of any kind, which in a damaged scan is as often a heading's noun, and none of the
#: verbs a CIA cable gives a station, a city's name: "QUILLBY STATES", "QUILLBY REPORTED",
#: "QUILLBY ADVISED").
_VERB_AFTER = re.compile(
    r"['’]S\b|[ \t]+(?:ALSO[ \t]+|THEN[ \t]+|STILL[ \t]+)?(?:IS|WAS|HAS|HAD|WILL|WOULD|COULD|"
    r"SAID|SAYS|TOLD|CAME|WENT|MET|SAW|LEFT|GAVE|KNEW|TOOK|MADE|FELT|BELIEVES|CLAIMS|"
    r"CONTINUES|INSISTS|ADMITS|DENIES|WANTS|REMARKED|REPLIED|ASKED|EXPLAINED|CLAIMED|SAYING|"
    r"HIMSELF|HERSELF)\b"
)
#: Before the word, on its line: a role or honorific of cable prose, a cover identity, or a
#: "W/" (with). Each is a person's cue in cables, however short.
_ROLE_BEFORE = skip_to_first(
    r"(?<![\w/])(?:MR|MRS|MISS|MME|MADAME|SENOR|SENORA|SRA|SRTA|DR|PROF|GEN|COL|MAJ|CAPT|LT|"
    r"SGT|CMDR|ADM|AMB|AMBASSADOR|MINISTER|CONSUL|SECY|SENATOR|COMRADE|FATHER|PADRE|AKA|ALIAS|"
    r"IDEN|NEE|W/)\.?[ \t]*$"
)
#: Before the word: a verb whose object is a person in cable prose ("MET QUARREL", "CONTACT
#: WITH QUARREL", "TOLD QUARREL"). Places take "IN"/"AT"/"TO", counted apart.
_OBJECT_BEFORE = skip_to_first(
    r"(?<![\w/])(?:MET|SAW|SEE|TOLD|ASKED|CONTACTED|INTERVIEWED|PHONED|VISITED|PAID|HIRED|"
    r"RECRUITED|ARRESTED|QUESTIONED|INTRODUCED|CONTACT[ \t]+WITH|MEETING[ \t]+WITH|"
    r"TALKED[ \t]+WITH|SPOKE[ \t]+WITH|SPOKE[ \t]+TO)[ \t]*\n?[ \t]*$"
)
#: After the word: a cover identity or a name spelt by ear ("QUARREL (PHON)", ", AKA").
_ID_AFTER = re.compile(r"[ \t]*(?:,[ \t]*)?(?:AKA\b|ALIAS\b|\(PHON\))")
#: Before the word: a place preposition or a place name's first word (as
#: ``person_echoes._PLACE_BEFORE`` without "TO", "A" and "AN": money, a letter or a message
#: goes "TO QUARREL", a man, as often as a traveller goes to a town).
_PLACE_BEFORE = skip_to_first(
    r"\b(?:IN|AT|FROM|INTO|NEAR|VIA|TOWARDS?|ACROSS|OUTSIDE|INSIDE|NEW|SAN|SANTA|SANTO|LOS|"
    r"LAS|EL|LA|PORT|FORT|MOUNT|LAKE|OF[ \t]+THE)[ \t]*\n?[ \t]*$"
)
#: A number after the word: a numbered source, unit or service, not a person.
_NUMBERED = r"(?:[ \t]*[-/][ \t]*|[ \t]+[(\"“]?)\d"
#: A body's head noun after the word at any mention: a firm, a cooperative or a society is
#: named after a person as often as not, and it "HAS", "WILL" and owns things like one.
_BODY_AFTER = (
    r"[ \t]+(?:COOPERATIVE|COMPANY|CORPORATION|CORP|INC|LTD|ASSOCIATION|SOCIETY|FOUNDATION|"
    r"INSTITUTE|BANK|HOTEL|AIRLINES?|NEWSPAPER|MAGAZINE|AGENCY|SERVICE)\b"
)
_NUMBERED_OR_BODY = re.compile(f"{_NUMBERED}|{_BODY_AFTER}")
_JOINED_BEFORE = re.compile(r"[\w'’/-]")
#: Cues a word needs at different mentions, and the largest share of place positions.
_MIN_CUES = 2
_PLACE_SHARE = 4  # place positions times this may not exceed the mentions


def caps_votes(text: str, people: list[PersonSpan], judge: cand.Judge) -> list[tuple[int, int]]:
    """Mentions (not in a place's position) of capital words the cable uses as a person at
    ``_MIN_CUES`` mentions or more (module note). ``people``: the spans found so far."""
    mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    line_caps: dict[int, bool] = {}
    for m in _CAPS_WORD.finditer(text):
        if not in_caps_line(text, m.start(), line_caps):
            continue
        mentions[m.group(0)].append(m.span())
    out: list[tuple[int, int]] = []
    for word, spans in mentions.items():
        # the cheap tests first: most capital words are seen once, or never with a cue
        if len(spans) < _MIN_CUES or sum(_person_cue(text, s, e) for s, e in spans) < _MIN_CUES:
            continue
        if not _candidate(word, judge):
            continue
        placed = [_place_at(text, s, e, judge) for s, e in spans]
        if sum(placed) * _PLACE_SHARE > len(spans):
            continue
        if _numbered_or_body(text, text[spans[0][0] : spans[0][1]]):
            continue  # "QUARVELL 10", "QUARVELL/3": a numbered source or service; a firm
        out.extend(
            (s, e)
            for (s, e), place in zip(spans, placed, strict=True)
            if not place and not any(p.start < e and p.end > s for p in people)
        )
    return out


def _numbered_or_body(text: str, word: str) -> bool:
    """Anywhere in the text, in any line: the word with a number or a body's noun after it."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _JOINED_BEFORE.match(text, at - 1)) and _NUMBERED_OR_BODY.match(
            text, end
        ):
            return True
        at = text.find(word, end)
    return False


def _candidate(word: str, judge: cand.Judge) -> bool:
    nw = judge.nw
    return (
        word.lower() not in judge.lower_words
        and not nw.is_english(word)
        and not (nw.is_proper(word) and not nw.is_name(word))
        and not nw.is_demonym(word)
        and nw.plausible(word)
        and not nw.misread_word(word)
        and not _place_name(word, judge)
        # the model's place labels are no guide in a cable in capitals (module note): the
        # place positions are counted instead
        and judge.cued_name(word, model_blind=True)
    )


def _person_cue(text: str, s: int, e: int) -> bool:
    return bool(
        _VERB_AFTER.match(text, e)
        or _ID_AFTER.match(text, e)
        or _ROLE_BEFORE.search(text, max(0, s - 12), s)
        or _OBJECT_BEFORE.search(text, max(0, s - 16), s)
    )


def _place_at(text: str, s: int, e: int, judge: cand.Judge) -> bool:
    """A place's position: after a place preposition ("IN QUARREL"), before a place noun
    ("QUARREL CITY"), in a place phrase ("SAN QUARREL", "QUARREL, TEXAS"), or after a comma
    that follows a place ("MADRID, QUARREL"). Unlike ``person_echoes._place_position``, a
    comma after an ordinary word ("HOWEVER, QUARREL") or a bracket is no place's sign."""
    if (
        _PLACE_BEFORE.search(text, max(0, s - 12), s)
        or _PLACE_AFTER.match(text, e)
        or _echo_place(text, s, e, judge)
    ):
        return True
    before = _WORD_COMMA_BEFORE.search(text, max(0, s - 30), s)
    if before is None:
        return False
    word = before.group(1)
    nw = judge.nw
    return _place_name(word, judge) or (nw.is_proper(word) and not nw.is_name(word))
