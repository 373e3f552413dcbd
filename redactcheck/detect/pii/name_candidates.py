"""Name candidates that do not depend on the NER model knowing the name.

Four kinds of evidence, each a kind of name or of document, none a list of particular people:

- **lists**: a listed given name followed by a name-shaped word ("Lucia Ferraro", "DANA
  HOLLOWAY"), or a listed surname followed by a name-shaped word that is not an English word
  (East Asian order: "WANG JIANGUO", "Kim Min-jun") (:mod:`redactcheck.detect.pii.name_words`);
- **context**: a name-shaped word before a reporting verb ("Pemberly said", "RJK noted") or after
  "met with" / "told" / "according to"; attendees after ``W/`` in schedules and cables; the
  parties of a case caption ("Abernathy v. Castellano");
- **list position**: capitalised surnames joined by commas, ``&``, ``and`` or ``/`` to a name
  already found ("(HARTLEY, BRENNAN, O'SHEA, WEXLER)", "HARLOW and PRESTON");
- and what rules candidates out: ordinary English words, acronyms, CIA cryptonyms (a
  two-letter digraph prefix and a word in capitals), OCR debris.

Long because it is a catalogue: one short finder per kind of evidence (lists, reporting
context, ``W/`` attendees, captions, columns, quoted names, letter citations …), each a regex and
a function of about thirty lines that share ``Judge`` and the name-shape regexes and depend on no
other finder. A finder is added or removed as one block; splitting them apart would scatter the
judge they all consult.

Every step is a compiled regular expression over the text plus set lookups per word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from redactcheck.detect.lexicons import NameLexicon
from redactcheck.detect.pii.name_shapes import _LO, _UP
from redactcheck.detect.pii.name_twins import NAME_WORD, compile_twin, skip_to_first
from redactcheck.detect.pii.name_words import NameWords
from redactcheck.detect.pii.person_routing_slip import ROUTING_ENTRY, routing_entry_near

#: One capitalised or capital word of a name, with hyphen/apostrophe parts.
_W = NAME_WORD
_PART = (
    r"(?:de|del|della|der|den|di|da|dos|du|la|le|van|von|bin|ibn|al|el|ter|ten|ap|ni|nic"
    r"|DE|DEL|DELLA|DER|DEN|DI|DA|DOS|DU|LA|LE|VAN|VON|BIN|IBN|AL|EL|TER|TEN|AP|NI|NIC)"
)
_WORD_RE = compile_twin(r"(?<![\w'’-])", "", r"(?![\w'’-])")
#: A run of name-shaped words on one line, particles and middle initials allowed between.
_RUN = compile_twin(
    r"(?<![\w'’/-])",
    "",
    rf"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:{_PART}|al-|el-)[ \t]*)*"
    # a middle initial, perhaps with a stray OCR dot before it, may end its line ("ORRIN .T.⏎...")
    rf"(?:\.?[{_UP}]\.(?:[ \t]+|[ \t]*\n[ \t]*))?{_W})+"
    rf"(?![\w'’-])",
)
_REPORT_VERBS = (
    r"said|says|told|noted|stated|added|asked|explained|replied|"
    r"responded|commented|agreed|argued|stressed|emphasized|emphasised|underscored|observed|"
    r"remarked|confirmed|suggested|insisted|warned|reported|reiterated|continued|concluded|"
    r"complained|acknowledged|admitted|claimed|believes|believed|thinks|thought|wrote|alleged|"
    r"announced|insists|denied|denies|recalled|recounted|described|predicted|calls|writes|"
    r"argues|recalls|concedes|conceded|maintains|maintained|"
    # FBI and CIA reports: "PEMBERLY advised", "Okafor telephoned", "Rose called Mr. Roe"
    r"advised|informed|indicated|mentioned|telephoned|phoned|called|testified|requested|"
    r"furnished|related|ADVISED|INFORMED|INDICATED|MENTIONED|TELEPHONED|TESTIFIED|FURNISHED|"
    r"SAID|SAYS|TOLD|NOTED|STATED|ADDED|ASKED|EXPLAINED|REPLIED|RESPONDED|COMMENTED|AGREED|"
    r"ARGUED|STRESSED|EMPHASIZED|UNDERSCORED|OBSERVED|REMARKED|CONFIRMED|SUGGESTED|INSISTED|"
    r"WARNED|REPORTED|REITERATED|CONTINUED|CONCLUDED|COMPLAINED|ACKNOWLEDGED|ADMITTED|CLAIMED"
)
#: "Pemberly said", "Pemberly's deputy told", "RJK noted", "Pemberly also stressed".
_BEFORE_VERB = compile_twin(
    r"(?<![\w'’/.-])",
    "(?P<name>",
    r")(?:['’]s)?"
    rf"(?:[ \t]+(?:also|then|later|again|further|ALSO|THEN|LATER))?[ \t]+(?:{_REPORT_VERBS})\b",
    short_caps=True,
)
#: Verbs of the FBI report style that offices take as often as people: after initials they
#: are no cue ("DCS requested clearance", "DEA furnished").
_OFFICE_VERB = re.compile(
    r"(?:['’]s)?[ \t]+(?:advised|informed|indicated|requested|furnished|related|ADVISED|"
    r"INFORMED|INDICATED|FURNISHED)\b"
)
#: "met with Pemberly", "told Okafor", "according to Wexler", "SPOKE BRIEFLY WITH OKAFOR".
_AFTER_CUE = re.compile(
    rf"\b(?:(?:met|meeting|spoke|talked|MET|MEETING|SPOKE|TALKED)"
    rf"(?:[ \t]+(?:[a-z]+ly|[A-Z]+LY))?[ \t]+(?:with|WITH)"  # "spoke briefly with"
    rf"|according[ \t]+to|told|called[ \t]+on|ACCORDING[ \t]+TO|TOLD|CALLED[ \t]+ON)[ \t]+"
    rf"(?P<name>{_W}(?:[ \t]+{_W})?)(?![\w'’-])"
)
#: Attendees in schedules and cables: "W/DANA HOLLOWAY", "(W/AMB. MARCHETTI & LINDQVIST)",
#: "W/TM, LS".
_WITH = skip_to_first(r"(?<![A-Za-z])[Ww]/[ \t]*(?P<list>[^\n)/]{1,160})")
_LIST_ITEM = re.compile(r"[^,&;]+")
#: Case captions: "Abernathy v. Castellano", "SMITH v. JONES".
_CAPTION = re.compile(
    rf"(?<![\w'’-])(?P<a>{_W}(?:[ \t]+{_W}){{0,2}})[ \t]+(?:v\.|V\.)[ \t]+"
    rf"(?P<b>{_W}(?:[ \t]+{_W}){{0,2}})(?![\w'’-])"
)
#: Literals every match of a rarer pattern holds: most texts have no caption, phone call, family
#: or ", who", and a hint is found at C speed where the pattern tries a name at every capital.
_CAPTION_HINT = re.compile(r"[ \t][vV]\.[ \t]")
_CALL_HINT = re.compile(r"PHONE|TELCON|phone")
_FAMILY_HINT = re.compile(r"family|FAMILY")
_WHO_HINT = re.compile(r",[ \t]+(?:who|WHO)")  # also "whom", "whose"
_KIN_HINT = re.compile(r"[ \t](?:of|OF)[ \t]")


def _finditer(rx: re.Pattern[str], hint: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """``rx.finditer(text)``, or nothing at once when ``text`` lacks ``hint`` (a literal every
    match of ``rx`` holds): the same matches, without a whole-text walk of a name pattern."""
    return rx.finditer(text) if hint.search(text) else ()


#: A neighbour joined to a found name by a comma, ampersand, "and" or a slash.
_NEXT_IN_LIST = re.compile(
    rf"[ \t]*(?:,|&|/|\band\b|\bAND\b)[ \t]*(?:and[ \t]+|AND[ \t]+|&[ \t]*)?"
    rf"(?P<name>{_W})(?![\w'’-])"
)
_PREV_IN_LIST = re.compile(
    rf"(?<![\w'’-])(?P<name>{_W})[ \t]*(?:,|&|/|\band\b|\bAND\b)[ \t]*(?:and[ \t]+|&[ \t]*)?$"
)
_INITIALS = re.compile(rf"^[{_UP}]{{2,3}}$")
#: "Halloran’s election", "HALLORAN'S PARTY": a possessive marks a person or a body.
_POSSESSIVE = compile_twin(r"(?<![\w'’/-])", "(?P<name>", r")['’][sS](?![\w])")
#: Attributive use of a leader's name: "the Okonjo government", "the Vantreska regime".
_RULED_BY = skip_to_first(
    rf"\b(?:the|The|THE)[ \t]+(?P<name>{_W})[ \t]*\n?[ \t]*(?:government|regime|administration|"
    rf"era|family|clan|faction|camp|cabinet|Government|Regime|Administration|GOVERNMENT|REGIME|"
    rf"ADMINISTRATION|FAMILY)\b"
)
#: Attributive use: "anti-Vantreska", "pro-Okonjo".
_ATTRIBUTIVE = skip_to_first(rf"(?<![\w])(?:anti|pro|ANTI|PRO|Anti|Pro)-(?P<name>{_W})(?![\w'’-])")
_LOWER_TOKEN = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")

Add = Callable[..., None]
#: Shapes no name has: a compound ending in a participle ("Washington-based", "Iran-backed"),
#: an acronym with lower-case letters inside ("ZRuP", "MdL").
_NOT_NAME_SHAPE = re.compile(
    r"-(?:based|born|led|backed|run|owned|made|linked|affiliated|funded|sponsored|style|era)$"
    r"|^(?!Ma?c|Mac|O|D|L|V)(?=.*[a-z])[A-Z][a-z]?[A-Z][A-Za-z]?$|^[A-Z]{2,}[a-z]{1,2}[A-Z]?$"
)


def not_name_shape(word: str) -> bool:
    """A participle compound or an acronym with lower-case letters: never a name."""
    return _NOT_NAME_SHAPE.search(word.strip(",.;:()'’")) is not None


class Judge:
    """Per-text verdicts on single words, shared by every candidate rule."""

    def __init__(
        self,
        text: str,
        lex: NameLexicon,
        nw: NameWords,
        lower_words: set[str],
        not_person_texts: set[str],
        places: set[str] | None = None,
    ):
        self.places = not_person_texts if places is None else places
        self.text = text
        self.lex = lex
        self.nw = nw
        self.lower_words = lower_words
        self.not_person_texts = not_person_texts
        self.noisy = ocr_noisy(text, nw)
        self.person_words: set[str] = set()  # single words the model calls a person
        self.twice_person_words: set[str] = set()  # in two of the model's person spans
        self._name_like: dict[tuple[str, bool], bool] = {}
        self._excluded: dict[tuple[str, bool], bool] = {}
        self._word_verdicts = _word_verdicts(lex, nw)

    def excluded(self, word: str, cued: bool = False) -> bool:
        """A word that is not part of a person's name here, whatever else says so. With
        ``cued`` (a reporting verb follows), only the model's places count against it: the
        model calls many a lone surname a nationality or a group."""
        key = (word, cued)
        hit = self._excluded.get(key)
        if hit is None:  # every finder asks it of the same words: one verdict per text
            hit = self._excluded[key] = self._exclude(word, cued)
        return hit

    def _exclude(self, word: str, cued: bool) -> bool:
        low = word.lower()
        if low in self.lower_words or low in (self.places if cued else self.not_person_texts):
            return True  # this text's verdicts
        hit = self._word_verdicts.get(word)
        if hit is None:
            hit = self._word_verdicts[word] = _excluded_word(word, self.lex, self.nw)
            if len(self._word_verdicts) > 100_000:  # a bound for long runs
                self._word_verdicts.clear()
        return hit

    def name_like(self, word: str, cued: bool = False) -> bool:
        """Could be a surname: listed, or not an English word and not debris."""
        key = (word, cued)
        if key not in self._name_like:  # the same words recur: one verdict per text
            self._name_like[key] = self._judge_name(word, cued)
        return self._name_like[key]

    def _judge_name(self, word: str, cued: bool) -> bool:
        if self.excluded(word, cued) or len(word) < 2:
            return False
        if self.nw.is_name(word):
            return True
        return (
            not self.nw.is_english(word)
            and self.nw.plausible(word)
            and len(word) >= 3
            and not self.nw.misread_word(word)  # "Testimcny": an ordinary word OCR damaged
        )

    def cued_name(self, word: str, model_blind: bool = False) -> bool:
        """After a strong cue (``W/``, a caption): anything but an excluded or ordinary word;
        spelling plausibility is not asked ("LINDQVIST"). ``model_blind``: the model's labels
        are no guide (a schedule's attendees in capitals, which it often calls places)."""
        low = word.lower()
        if model_blind and (low in self.places or low in self.not_person_texts):
            word_ok = not (
                self.lex.is_not_person_word(word)
                or low in self.lower_words
                or _NOT_NAME_SHAPE.search(word)
                or is_cryptonym(word, self.lex, self.nw)
                or (word.isupper() and word.upper() in self.lex.acronyms)
            )
        else:
            word_ok = not self.excluded(word, cued=True)
        return (
            len(word) >= 2
            and word_ok
            and not (self.nw.is_english(word) and not self.nw.is_name(word))
        )


@lru_cache(maxsize=4)
def _word_verdicts(lex: NameLexicon, nw: NameWords) -> dict[str, bool]:
    """:func:`_excluded_word` verdicts, shared by every text of the process that uses these
    lists: the same capitalised words come back in document after document."""
    return {}


def _excluded_word(word: str, lex: NameLexicon, nw: NameWords) -> bool:
    """The part of :meth:`Judge.excluded` that depends on the word alone, not on the text."""
    return (
        lex.is_not_person_word(word)
        or len(set(word.lower())) == 1
        or _NOT_NAME_SHAPE.search(word) is not None
        or is_cryptonym(word, lex, nw)
        or (word.isupper() and word.upper() in lex.acronyms)
        or nw.is_demonym(word)  # "Darfuris": a people, not a person
    )


def is_cryptonym(word: str, lex: NameLexicon, nw: NameWords) -> bool:
    """A CIA cryptonym or sensitivity indicator: a word in capitals that starts with a listed
    digraph and is not a listed name ("AMLASH", "KUBARK", "RYBAT", "WNINTEL")."""
    if not (word.isupper() and len(word) >= 5 and word.isalpha()):
        return False
    if word.upper() in lex.sensitivity_indicators:
        return True
    if word[:2] not in lex.cryptonym_digraphs or nw.is_name(word):
        return False
    # the digraph is followed by a word ("AM"+"LASH", "KU"+"BARK", "LI"+"TAMIL"), or starts
    # the word as no English word or name starts ("ZRRIFLE", "QJWIN")
    rest = word[2:]
    return nw.is_english(rest) or nw.is_proper(rest) or f"^{word[:2].lower()}" not in nw.starts


def ocr_noisy(text: str, nw: NameWords) -> bool:
    """OCR text: more than a fifth of its lower-case words are not English words."""
    words = _LOWER_TOKEN.findall(text[:8000])
    if len(words) < 30:
        return False
    unknown = sum(1 for w in words if not nw.is_english(w))
    return unknown > 0.2 * len(words)


_NOISE_WORDS_MIN = 6


def noisy_around(text: str, a: int, b: int, nw) -> bool:
    """The lines around a word read as a bad scan: six lower-case words or more within 200
    characters, a quarter of them or more no English word (a document-wide test misses a clean
    page that holds a damaged block, or the reverse)."""
    words = _LOWER_TOKEN.findall(text, max(0, a - 200), min(len(text), b + 200))
    # a few lower-case words (a cable in capitals: "reftel", "demarche") are no evidence
    return len(words) >= _NOISE_WORDS_MIN and sum(
        not nw.is_english(w) for w in words
    ) >= 0.25 * len(words)


#: Before these a pair of capitalised words is most often a place or a body ("cleared at Kerem
#: Shalom", "the Departement du Renseignement").
_PLACE_BEFORE = re.compile(r"\b(?:at|in|near|the|via|into|across|At|In|The)[ \t]+$")


def list_pairs(text: str, judge: Judge, add: Add) -> None:
    """Given name + name-shaped word(s), or listed surname + unknown word (East Asian order)."""
    nw = judge.nw
    for m in _RUN.finditer(text):
        toks = list(_WORD_RE.finditer(text, m.start(), m.end()))
        i = 0
        while i < len(toks) - 1:
            a, b = toks[i], toks[i + 1]
            first, second = a.group(0), b.group(0)
            if (
                "\n" in text[a.end() : b.start()]
                and not text[text.rfind("\n", 0, a.start()) + 1 : a.start()].strip()
            ):
                i += 1  # a word alone on its line: a column, not a name wrapped by a line break
                continue
            # case styles must agree, except a given name before a surname in capitals, as CIA
            # and FBI records write names ("Tibor HALVORSEN")
            cia_style = not first.isupper() and second.isupper() and nw.is_given(first)
            if (first.isupper() != second.isupper() and not cia_style) or first[-2:].lower() in (
                "'s",
                "’s",
            ):
                i += 1
                continue
            if judge.noisy and not (nw.is_frequent(first) and nw.is_frequent(second)):
                i += 1
                continue
            if judge.excluded(first, cued=nw.is_name(first)) or not judge.name_like(second):
                i += 1
                continue
            given = nw.is_given(first)
            if given and (nw.is_name(second) or not nw.is_english(second)):
                basis = "list-names" if nw.is_name(second) else "list-given"
                if nw.is_english(first) and nw.is_english(second):
                    basis = "list-words"  # "Will Rogers" is fine, "Carver Hill" could be a place
            elif (
                nw.is_surname(first)
                and not nw.is_english(first)
                and not nw.is_name(second)
                and _unknown_name_word(second, judge)
                and not (nw.is_proper(first) and nw.is_proper(second))
                and not judge.noisy  # in OCR debris an unknown word is no evidence
            ):
                basis = "list-surname-first"
            elif (
                nw.is_surname(second)
                and not nw.is_english(second)
                and not nw.is_english(first)
                and nw.plausible(first)
                and not judge.noisy
                and not _sentence_start(text, a.start())
            ):
                basis = "list-surname-second"  # "Ottavio Pemberly": an unlisted given name
            elif (
                not judge.noisy
                and _unknown_name_word(first, judge)
                and _unknown_name_word(second, judge)
                and ("-" in first + second or "'" in first + second or len(first + second) >= 10)
                and not (  # "INTL HYDROG": abbreviations in capitals
                    first.isupper()
                    and min(len(first), len(second)) < 5
                    and not re.search(r"[-'’]", first + second)
                )
            ):
                basis = "list-unknown"  # "Tane Mahuta-Reihana": no list knows either word
                if _PLACE_BEFORE.search(text, max(0, a.start() - 8), a.start()):
                    i += 1
                    continue
            else:
                i += 1
                continue
            end = b.end()
            # a third name word ("Rosalind Ines Quiroga", "Lucia M. Ferraro" is one run already)
            if (
                i + 2 < len(toks)
                and "\n" not in text[b.end() : toks[i + 2].start()]
                and judge.name_like(toks[i + 2].group(0))
                and toks[i + 2].group(0).isupper() == second.isupper()
            ):
                end = toks[i + 2].end()
            add(a.start(), end, basis)
            i += 2


#: A sentence or heading starts here; a single line break does not count (cables and OCR
#: text wrap lines in mid-sentence).
_STARTS = re.compile(r"(?:^|[.!?:;]\s+|\n[ \t]*\n[ \t]*|[-–—(]\s*)$")


def _sentence_start(text: str, pos: int) -> bool:
    return _STARTS.search(text, max(0, pos - 8), pos) is not None


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
#: "the QUENNELL family", "the Okafor family": a family is named by its surname.
_FAMILY = skip_to_first(r"(?<![\w'’-])(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+)[ \t]+(?:family|FAMILY)\b")

#: A relative clause about a person ("QUENNELL, WHO LEFT", "Okafor, whom we met") and a
#: kinship noun before "of" ("WIFE OF QUENNELL"): cues for the name, in any case.
_WHO_AFTER = compile_twin(
    r"(?<![\w'’/.-])", "(?P<name>", r"),[ \t]+(?:who|whom|whose|WHO|WHOM|WHOSE)\b"
)
_KIN_OF = skip_to_first(
    r"\b(?:wife|husband|widow|son|daughter|brother|sister|father|mother|WIFE|HUSBAND|WIDOW|"
    rf"SON|DAUGHTER|BROTHER|SISTER|FATHER|MOTHER)[ \t]+(?:of|OF)[ \t]+(?P<name>{_W})"
    r"(?![\w'’-])"
)
#: ", who" may belong to a noun before the word: "the farmers of South Quillstan, who", "a
#: meeting in Quillby, who": not after a preposition, nor after a capitalised word in mixed
#: case (the word ends a longer name, which other rules read).
_WHO_NOT_AFTER = re.compile(
    r"(?:\b(?:of|in|at|from|to|for|near|and|OF|IN|AT|FROM|TO|FOR|NEAR|AND)"
    r"|[A-Z][a-z][\w'’.-]*)[ \t]*\n?[ \t]*$"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|each|any|The|A|An|This|That|THE|AN|THIS|EACH|ANY)[ \t]+$"
)


def _relative_and_kin(text: str, judge: Judge, add: Add) -> None:
    """A lone name before ", who" or after "wife of": listed names, and in capitals also a
    listed surname that is an English word ("FARMER, WHO"), unless a determiner makes it a
    noun ("THE FARMER, WHO")."""
    nw = judge.nw
    for rx, hint in ((_WHO_AFTER, _WHO_HINT), (_KIN_OF, _KIN_HINT)):
        for m in _finditer(rx, hint, text):
            word = m.group("name")
            s, e = m.span("name")
            if (
                not judge.name_like(word, cued=True)
                or judge.lex.is_not_person_word(word)
                or _DETERMINER_BEFORE.search(text, max(0, s - 6), s)
                or (rx is _WHO_AFTER and _WHO_NOT_AFTER.search(text, max(0, s - 16), s))
            ):
                continue
            if nw.is_english(word) and not (
                word.isupper() and nw.is_surname(word) and len(word) >= 4
            ):
                continue
            add(s, e, "context")


def context_names(text: str, judge: Judge, add: Add) -> None:
    """Surnames and initials in reporting context: "Pemberly said", "met with Okafor"."""
    _relative_and_kin(text, judge, add)
    for m in _finditer(_FAMILY, _FAMILY_HINT, text):
        word = m.group("name")
        before = text[max(0, m.start() - 30) : m.start()].split()
        if (
            judge.nw.is_surname(word)
            and not judge.nw.is_english(word)
            and not judge.nw.is_given(word)  # "the Virginia family": a place or a given name
            and not judge.lex.is_not_person_word(word)  # "the American family"
            and not (before and before[-1][:1].isupper())  # "New York family"
            and judge.name_like(word)
        ):
            add(*m.span("name"), "context")
    for m in _BEFORE_VERB.finditer(text):
        word = m.group("name")
        s, e = m.span("name")
        if text[max(0, s - 4) : s].lower().endswith("the "):
            continue  # "the DAO said": an office
        prev = _WORD_BEFORE.search(text, max(0, s - 20), s)
        if prev and prev.group(1).lower() in judge.lex.heads:
            continue  # "The Harrowgate Office Kas advised": OCR's "has" after a body's name
        if _INITIALS.match(word):
            if (
                not judge.excluded(word)
                and not judge.nw.is_english(word)
                and not _OFFICE_VERB.match(text, e)  # "DCS requested": an office acts
            ):
                add(s, e, "context-initials")
            continue
        if judge.name_like(word, cued=True) and not judge.nw.is_english(word):
            add(s, e, "context")  # not "He said", "Additionally noted"
        elif _english_given_name(word, judge) and (
            not _sentence_start(text, s) or _PERSON_VERB.match(text, e)
        ):
            add(s, e, "context")  # "and Dusty called Mr. Roe": a given name that is a word
    for m in _AFTER_CUE.finditer(text):
        s, e = m.span("name")
        words = m.group("name").split()
        if all(judge.name_like(w) for w in words) or (
            # two words after the cue, in clean text: spelling rarity is no evidence against
            # a name ("spoke with Nomvula Dlamini"), but places and ordinary words are
            len(words) == 2
            and not judge.noisy
            and all(judge.cued_name(w) and not judge.nw.is_proper(w) for w in words)
        ):
            add(s, e, "context")
        elif judge.name_like(words[0]):
            add(s, s + len(words[0]), "context")


#: Verbs whose subject is a person, even at the start of a sentence ("Rusty telephoned the
#: office"); "called for" is what a bill or a report does.
_PERSON_VERB = re.compile(
    r"[ \t]+(?:said|told|telephoned|phoned|asked|replied|called(?![ \t]+(?:for|upon|on)\b))\b"
)


def _english_given_name(word: str, judge: Judge) -> bool:
    """A given name that is also an English word ("Dusty", "Rusty", "Grant"), written in
    mixed case and never in lower case in the text: before a reporting verb it is a person.
    Title words ("Major"), months and other listed non-names are not."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and judge.nw.is_given(word)
        and judge.nw.is_english(word)
        and not judge.excluded(word, cued=True)
        and not judge.nw.is_proper(word)
    )


#: A Title Case word inside a sentence: a lower-case word or a comma before it, and a lower-case
#: word or punctuation after it ("the day on which Voskresensky alleged").
_LONE = re.compile(
    rf"(?<![\w'’-])(?P<prev>[{_LO}][{_LO}'’-]*|[,;])(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?P<name>(?:Ma?c|O['’])?[{_UP}][{_LO}]{{2,}}(?:-[{_UP}][{_LO}]+)?)"
    rf"(?=['’]s\b|[ \t]*[,.;:)]|[ \t]+[{_LO}])"
)
#: A verb right after a word makes it the subject of a sentence: a person more often than a
#: place ("Voskresensky had been mentioned"); places take "in", "at" before them instead.
#: After these a capitalised word is most often a place ("in Constantinople", "at Sofia").
_PLACE_PREPOSITIONS = frozenset(
    ("in", "at", "near", "outside", "across", "into", "toward", "towards", "via", "around")
)


def lone_surnames(text: str, judge: Judge, orgs: set[str], add: Add) -> None:
    """A lone surname inside a sentence of mixed-case prose: a census surname that is not an
    English word, or a word the model calls a person elsewhere and neither a place nor an
    organisation anywhere in the text.
    Weak evidence: scored low; in OCR text only a surname the text repeats
    (``_repeated_surnames``, which also overrides the model's labels in any text)."""
    _repeated_surnames(text, judge, orgs, add)
    if judge.noisy:
        return
    nw = judge.nw
    for m in _LONE.finditer(text):
        word = m.group("name")
        low = word.lower()
        if (
            m.group("prev") in _PLACE_PREPOSITIONS
            or m.group("prev") in ("de", "del", "da", "do", "dos", "du", "la", "le", "el")
            or m.group("prev") == "the"  # "the Harbourside bombings": a place or an event
            or nw.is_english(word)
            or low in orgs
            or low in judge.places
            or judge.excluded(word)
            or not nw.plausible(word)
        ):
            continue
        if _nationality_like(word, nw) or (low.endswith("s") and nw.is_proper(low[:-1])):
            continue  # "Thais", "Swiss"
        # a surname of the census, or a word the model calls a person elsewhere in the text
        # (a dictionary proper noun is never evidence FOR a person: see proper_nouns.txt)
        if (
            (nw.is_surname(word) and not nw.is_proper(word)) or low in judge.person_words
        ) and not noisy_around(text, m.start("name"), m.end("name"), nw):
            add(*m.span("name"), "lone-surname")


#: Mentions inside sentences a surname needs before OCR text's repetition of it counts.
_REPEATS = 3


def _repeated_surnames(text: str, judge: Judge, orgs: set[str], add: Add) -> None:
    """A census surname (no English word, no place) that a text writes three times or more
    inside its sentences ("a letter to Quarrie", "offered to brief Quarrie", "we knew why
    Quarrie ..."): OCR makes up a listed surname by chance once, not three times in the
    grammar of a sentence. On a bad scan the model's labels of such a word swing from mention
    to mention (an organisation, a product, a person), so there only a place label it never
    outweighs with a person label counts against it; in clean text its labels stand (a firm or
    a faith that is also a census surname, "for Quarrie to compete" in a cable). Read on the
    JFK records of the unlabelled pool (seeds 1212 and 1213): memoranda and reports naming an
    investigator, a source or a case officer by surname alone, which nothing else found."""
    nw = judge.nw
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _LONE.finditer(text):
        prev = m.group("prev")
        if prev in _PLACE_PREPOSITIONS or prev in ("the", "de", "del", "la", "le", "el"):
            continue
        spans.setdefault(m.group("name"), []).append(m.span("name"))
    for word, found in spans.items():
        if len(found) < _REPEATS:
            continue
        low = word.lower()
        if (
            not nw.is_surname(word)
            or nw.is_english(word)
            or nw.is_proper(word)
            or (low in judge.places and low not in judge.person_words)
            or (
                not judge.noisy
                and (low in orgs or low in judge.not_person_texts)
                and low not in judge.person_words
            )
            or not judge.cued_name(word, model_blind=True)
            or not nw.plausible(word)
            or _nationality_like(word, nw)
        ):
            continue
        for s, e in found:
            add(s, e, "lone-surname")


def _nationality_like(word: str, nw: NameWords) -> bool:
    """ "the Swiss government", "the Spanish government": a dictionary proper noun with the
    ending of a nationality adjective."""
    return nw.is_proper(word) and word.lower().endswith(
        ("an", "ese", "ish", "iss", "ch", "ek", "ai", "i", "ic")
    )


def _unknown_name_word(word: str, judge: Judge) -> bool:
    """A word of a name no list holds: not English, not a known proper noun (a place, a
    people), not debris, a vowel in it, three letters or more."""
    nw = judge.nw
    return (
        len(word) >= 3
        and not judge.excluded(word)
        and not nw.is_english(word)
        and not (nw.is_proper(word) and not nw.is_name(word))
        and nw.plausible(word)
        and not nw.misread_word(word)  # "DEPUTV": an ordinary word OCR damaged
        and any(c in "aeiouyAEIOUY" for c in word)
    )


def possessive_and_attributive(text: str, judge: Judge, add: Add) -> None:
    """A listed surname with a possessive ("Halloran’s election") or after anti-/pro-."""
    nw = judge.nw
    for m in _RULED_BY.finditer(text):
        word = m.group("name")
        if (
            not judge.excluded(word)
            and not nw.is_english(word)
            and nw.plausible(word)
            and (
                word.lower() in judge.person_words
                or (nw.is_surname(word) and not _nationality_like(word, nw))
            )
        ):
            add(*m.span("name"), "attributive")
    for rx, basis in ((_POSSESSIVE, "possessive"), (_ATTRIBUTIVE, "attributive")):
        for m in rx.finditer(text):
            word = m.group("name")
            if judge.noisy and not nw.is_frequent(word):
                continue
            if (
                nw.is_surname(word)
                and not nw.is_english(word)
                and not judge.excluded(word)
                # "Kingsbridge’s response": a dictionary place, unless the model calls it a person
                and (not nw.is_proper(word) or word.lower() in judge.person_words)
            ):
                add(*m.span("name"), basis)


def attendees(text: str, judge: Judge, add: Add) -> None:
    """Names after ``W/`` ("with") in schedules and cables, each item of the list."""
    for m in _WITH.finditer(text):
        base = m.start("list")
        for item in _LIST_ITEM.finditer(m.group("list")):
            raw = item.group(0)
            words = list(_WORD_RE.finditer(raw))
            if not words:
                continue
            tail = [w for w in words if not judge.lex.is_not_person_word(w.group(0))]
            if not tail:
                continue
            stripped = raw.strip()
            if _INITIALS.match(stripped) and not judge.excluded(stripped):
                s = base + item.start() + raw.index(stripped)
                add(s, s + len(stripped), "attendee")
                continue
            names = [w for w in tail if judge.cued_name(w.group(0), model_blind=True)]
            if not names or (len(names) < len(tail) and names[-1] is not tail[-1]):
                continue
            s = base + item.start() + names[0].start()
            e = base + item.start() + names[-1].end()
            add(s, e, "attendee")


#: Words in capitals joined by commas, "&", "and" or "/": "(HARTLEY, BRENNAN, O'SHEA)",
#: "HARLOW and PRESTON".
_CAPS_W = r"(?:O['’]|MC|MAC)?[A-ZÀ-ÖØ-Þ]{2,}(?:[-'’][A-ZÀ-ÖØ-Þ]+)*"
_CAPS_LIST = re.compile(
    rf"(?<![\w'’-]){_CAPS_W}(?:[ \t]*(?:,|&|/|\band\b|\bAND\b)[ \t]*{_CAPS_W}){{1,12}}(?![\w'’-])"
)
_CAPS_ITEM = re.compile(rf"(?<![\w'’-]){_CAPS_W}(?![\w'’-])")
#: Schedules: "ABERCROMBIE-FAIRWEATHER PHONE CALL", "TELCON W/ ...".
_CALL = re.compile(
    rf"(?<![\w'’-])(?P<name>{_W}(?:[ \t]+{_W})?)[ \t]+(?:PHONE[ \t]+CALL|TELCON|phone[ \t]+call)\b"
)


def caps_lists(text: str, judge: Judge, add: Add) -> None:
    """Surnames in capitals listed together: every member name-like, none an ordinary word,
    two or more of them listed surnames (a list of acronyms or headings fails)."""
    nw = judge.nw
    for m in _CAPS_LIST.finditer(text):
        items = [i for i in _CAPS_ITEM.finditer(m.group(0)) if i.group(0) not in ("AND",)]
        words = [i.group(0) for i in items]
        if len(words) < 2 or not all(judge.cued_name(w) and len(w) >= 3 for w in words):
            continue
        if any(nw.is_english(w) for w in words):
            continue
        if sum(nw.is_surname(w) for w in words) < 2:
            continue
        for i in items:
            add(m.start() + i.start(), m.start() + i.end(), "list-position")
    for m in _finditer(_CALL, _CALL_HINT, text):
        toks = list(_WORD_RE.finditer(text, *m.span("name")))
        while toks and not judge.cued_name(toks[0].group(0)):
            toks.pop(0)  # "11:00 AM  ABERCROMBIE PHONE CALL"
        if toks:
            add(toks[0].start(), toks[-1].end(), "context")


#: A line holding one name-shaped word, perhaps with a blank to initial after it: the columns
#: of routing boxes and distribution lists ("Tallowby ___"). OCR reads the box's tick marks
#: as a mark or two before the entry ("*. Tallowby.", "» Halvorsen"), and a reader's initials
#: in the box as two or three capitals after it ("Kettering JRW"). An FBI routing slip puts
#: "Mr." before each entry, which OCR reads as "Mr,", "Hr." or "lr," ("Mr, Tallowby" between
#: bare "Quennell" lines: pool seeds 1818 and 1819, person_comma_titles).
_COLUMN_LINE = re.compile(
    rf"^[ \t|]*(?:[*.,»«•·‘’'\"~][ \t]*){{0,3}}(?:(?:[MHNlI]rs?|Ms|Dr)[.,:][ \t]*)?({_W})"
    rf"(?:[ \t_.:|—–-]+(?:[^\sA-Za-z]+|[A-Za-z]\.?|[A-Z]{{2,3}})(?![\w]))*[ \t_.:|—–-]*$",
    re.MULTILINE,
)
#: A line between two entries of a column that holds no capitalised word of three letters
#: (OCR debris of the box's ticks and initials: "¢ oe", "& A").
_JUNK_LINE = re.compile(r"^(?![^\n]*[A-Z][A-Za-z]{2})[^\n]{0,12}$", re.MULTILINE)


def name_columns(text: str, judge: Judge, add: Add) -> None:
    """Three or more consecutive lines of one word each, two or more of them listed surnames
    and none an ordinary word: a column of names (an FBI routing box, a distribution list)."""
    nw = judge.nw
    group: list[re.Match[str]] = []

    def entry(w: str) -> bool:
        return (
            len(w) >= 3
            and not judge.lex.is_not_person_word(w)
            and not _MONTH_WORD.fullmatch(w)  # a column of dates: "Oct 1971" / "Nov 1971"
            and not (nw.is_english(w) and not nw.is_name(w))
        )

    def flush() -> None:
        # each run of entries between words that are no name ("FBI", "Room"): a form's
        # heading or footer next to the box is not one of its names
        run: list[re.Match[str]] = []
        for m in [*group, None]:
            if m is not None and entry(m.group(1)):
                run.append(m)
                continue
            words = [r.group(1) for r in run]
            # the slip's "Tele. Room" line is one of the column's lines (person_routing_slip)
            lines = len(run) + bool(run and routing_entry_near(text, run[0].start(), run[-1].end()))
            if lines >= 3 and sum(nw.is_surname(w) and not nw.is_english(w) for w in words) >= 2:
                # the model's place labels are no guide here: it reads the column without context
                for r in run:
                    add(*r.span(1), "name-column")
            run = []
        group.clear()

    for m in _COLUMN_LINE.finditer(text):
        if len(m.group(1)) < 3:
            continue  # "Ye", "Mr": debris between the entries (see _column_gap)
        # OCR often puts a blank line, or a line of tick marks, between the entries of a box
        if group and not _column_gap(text, group[-1].end(), m.start()):
            flush()
        group.append(m)
    flush()


def _column_gap(text: str, end: int, start: int) -> bool:
    """Between two entries of one column: one to six line breaks, the lines between blank
    or debris."""
    gap = text[end:start]
    breaks = gap.count("\n")
    if breaks == 1:
        return True
    return breaks <= 6 and all(
        _JUNK_LINE.match(line) or ROUTING_ENTRY.match(line) for line in gap.split("\n")[1:-1]
    )


#: A name in quotation marks: an alias or a name as a source gave it, in FBI and CIA records
#: ('information concerning a "QUENBY" or a "RONALD TALLOWBY"', 'known as "Pemberly"').
_QUOTED = re.compile(rf"[\"“](?P<name>{_W}(?:[ \t]+(?:[{_UP}]\.[ \t]*)?{_W}){{0,2}})[\"”]")
#: Before a quoted given name that is also an English word ("Dusty", "Rusty", "Buddy"): a verb of
#: asking or talking, or "for" or "that", as the surveillance and call logs of FBI and CIA
#: records write whom a subject asked for or talked to ('asked for "Buddy"', 'talked to
#: "Dolly"', 'learned that "Dusty" had left'). Seen in 6 JFK records of the unlabelled pool
#: (seeds 8383 and 8384) and 1 of set 4's tune part. A quotation after "said" is speech, and a
#: thing is "called" or "named" "Hope" as often as a person.
_ASKED_FOR = re.compile(
    r"(?:\b(?:asked|asks|asking|talked|spoke|speaking|talking|contacted)"
    r"(?:[ \t]+(?:for|to|with))?|\bfor|\bthat)[ \t]*\n?[ \t]*$",
    re.IGNORECASE,
)


def quoted_names(text: str, judge: Judge, add: Add) -> None:
    """One to three name-shaped words alone inside quotation marks: a given name and more
    name-like words, or a single listed surname or given name that is no English word, no
    dictionary proper noun and nothing the rules exclude (a cryptonym, an acronym, a
    magazine's "ARCADIA")."""
    nw = judge.nw
    for m in _QUOTED.finditer(text):
        words = m.group("name").split()
        names = [w for w in words if not re.match(r"^[A-ZÀ-ÖØ-Þ]\.$", w)]
        if judge.noisy and not all(nw.is_frequent(w) for w in names):
            continue  # OCR debris in quotation marks spells a rare name by chance
        # the model calls quoted words a title or a law ("WORK_OF_ART"): only its places count
        if len(names) > 1:
            ok = (
                nw.is_given(names[0])
                and not nw.is_english(names[0])
                and all(len(w) >= 2 and not judge.excluded(w, cued=True) for w in names)
            )
        else:
            w = names[0]
            ok = (
                len(w) >= 3
                and nw.is_name(w)
                and (not nw.is_english(w) or _asked_for(text, m.start(), w, judge))
                and not (nw.is_proper(w) and w.lower() not in judge.person_words)
                and not judge.excluded(w, cued=True)
            )
        if ok:
            add(*m.span("name"), "quoted")


def _asked_for(text: str, quote: int, word: str, judge: Judge) -> bool:
    """A given name that is also an English word, quoted after a verb of asking or talking,
    "for" or "that" (``_ASKED_FOR``)."""
    return (
        judge.nw.is_given(word)
        and not _MONTH_WORD.fullmatch(word.title())  # "for "May""
        and _ASKED_FOR.search(text, max(0, quote - 24), quote) is not None
    )


_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_MONTH_WORD = re.compile(_MONTHS)
#: A letter cited in a footnote of a historical essay or a FRUS volume: "Marchetti to
#: Halloran, January 26, 1794", "Pemberly to Okafor, 3 May 1961"; a memorandum to several
#: addressees lists them ("Quist to Okafor, Halloran, and Brandt, June 3, 1989": Historian
#: notes of the unlabelled pool, 3 documents, round 10).
_LETTER = compile_twin(
    r"(?<![\w'’-])",
    "(?P<a>",
    r")[ \t]+to[ \t]+"
    rf"(?P<b>{_W}(?:,[ \t]+{_W}){{0,4}}(?:,?[ \t]+and[ \t]+{_W})?)(?:,|[ \t]+on)[ \t]+"
    rf"(?:{_MONTHS}[ \t]+\d{{1,2}},?[ \t]*\n?[ \t]*\d{{4}}|\d{{1,2}}[ \t]+{_MONTHS}[ \t]+\d{{4}})",
)


def letter_citations(text: str, judge: Judge, add: Add) -> None:
    """Writer and addressee of a cited letter, when one of them is a listed name that the
    model does not call a place ("London to Washington, May 4" is a telegram's route). The
    other side needs only the shape of a name: the citation vouches for it, and the model's
    place labels are no guide on a lone surname in a footnote (Historian notes on the pool,
    seed 1212: "Quennell to Tallowby, May 4, 1931" with the addressee called a place)."""
    for m in _LETTER.finditer(text):
        names = [m.span("a")] + [w.span() for w in _WORD_RE.finditer(text, *m.span("b"))]
        words = [text[s:e] for s, e in names]
        if not all(judge.cued_name(w, model_blind=True) for w in words):
            continue
        if any(_cited_writer(w, judge) for w in words):
            for s, e in names:
                add(s, e, "citation")


def _cited_writer(word: str, judge: Judge) -> bool:
    """A listed name, no English word, that the model does not call a place here."""
    nw = judge.nw
    return (
        nw.is_name(word)
        and not nw.is_english(word)
        and word.lower() not in judge.places
        and not (nw.is_proper(word) and not nw.is_given(word))
        and not judge.excluded(word, cued=True)
    )


#: The caption of an administrative decision: "Matter of Oyelowo-Brandt", "In re Castellano".
_MATTER_OF = skip_to_first(
    rf"\b(?:[Mm]atter[ \t]+of|MATTER[ \t]+OF|In[ \t]+re|IN[ \t]+RE)[ \t]+"
    rf"(?P<name>{_W}(?:[ \t]+{_W}){{0,2}})(?![\w'’-])"
)


def captions(text: str, judge: Judge, add: Add) -> None:
    """Both parties of a case caption, where each is name-shaped; the party of a "Matter of"
    or "In re" caption."""
    for m in _MATTER_OF.finditer(text):
        toks = list(_WORD_RE.finditer(text, *m.span("name")))
        while toks and not judge.cued_name(toks[-1].group(0)):
            toks.pop()
        if toks and all(judge.cued_name(t.group(0)) for t in toks):
            add(toks[0].start(), toks[-1].end(), "caption")
    for m in _finditer(_CAPTION, _CAPTION_HINT, text):
        parties = []
        for part in ("a", "b"):
            toks = list(_WORD_RE.finditer(text, *m.span(part)))
            if part == "a":  # "In Abernathy v. ...": the name run that ends at "v."
                while toks and not judge.cued_name(toks[0].group(0)):
                    toks.pop(0)
            else:
                while toks and not judge.cued_name(toks[-1].group(0)):
                    toks.pop()
            if toks and all(judge.cued_name(t.group(0)) for t in toks):
                parties.append((toks[0].start(), toks[-1].end()))
        if len(parties) == 2:  # both sides name-shaped: a caption, not a comparison
            for a, b in parties:
                add(a, b, "caption")


def list_neighbours(
    text: str, spans: Iterable[tuple[int, int]], judge: Judge, add: Add
) -> list[tuple[int, int]]:
    """Capitalised words joined to a found name by a comma, ``&``, ``and`` or ``/``, in the
    same case style: the rest of "(HARTLEY, BRENNAN, O'SHEA, WEXLER)". Returns what it added."""
    out: list[tuple[int, int]] = []
    todo = list(spans)
    seen = set(todo)
    while todo:
        s, e = todo.pop()
        caps = text[s:e].isupper()
        cands = []
        m = _NEXT_IN_LIST.match(text, e)
        if m:
            cands.append(m.span("name"))
        m = _PREV_IN_LIST.search(text, max(0, s - 60), s)
        if m:
            cands.append(m.span("name"))
        for a, b in cands:
            word = text[a:b]
            if (
                (a, b) in seen
                or word.isupper() != caps
                or not judge.name_like(word)
                or judge.nw.is_english(word)  # "SOLHEIM-DAHL AND HER STUDENTS"
            ):
                continue
            if not caps and not judge.nw.is_name(word):
                continue  # "Smith, Jones" yes; "Smith, Paris" only when Paris is a name
            if caps and len(word) < 5 and not judge.nw.is_name(word):
                continue  # "TALLOWBY, PCI", "QUENNELL, PSOE": a code or acronym, not a surname
            seen.add((a, b))
            out.append((a, b))
            todo.append((a, b))
            add(a, b, "list-position")
    return out
