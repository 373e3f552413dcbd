"""Names the stock NER model misses or mislabels, and the false alarms it raises.

Input: the original text, the NER entities the model found on its case-restored copy (same
offsets), and the word lists of ``rules/lexicons``. Output: person spans, each with a score
that estimates how often its basis is right (``SCORES`` in
:mod:`redactcheck.detect.pii.person_scores`; docs/quality.md has the table), so
``--min-score`` trades recall for precision.

``find_people`` is the list of phases, in order: the model's entities are cleaned and filtered
(:mod:`~redactcheck.detect.pii.person_filters`); titles, initials, inverted file-header names,
signatures and e-mail headers are found (:mod:`~redactcheck.detect.pii.person_cues`); names the
model does not know come from :mod:`redactcheck.detect.pii.name_candidates` (given-name and
surname lists, reporting context, ``W/`` attendees, captions, lists); then every confidently
found name is spread to its other mentions in the document
(:mod:`~redactcheck.detect.pii.person_spread`), and names cut by a line break are joined. The
shapes of a name are in :mod:`~redactcheck.detect.pii.name_shapes`.

Every rule is a compiled regular expression or a set lookup; nothing walks the text token by
token, and no second NER pass is made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redactcheck.detect.lexicons import NameLexicon, name_lexicon
from redactcheck.detect.markings.ocr_markings import closest_word
from redactcheck.detect.pii import name_candidates as cand
from redactcheck.detect.pii import person_cues as cues
from redactcheck.detect.pii import person_echoes as echoes
from redactcheck.detect.pii.name_shapes import _UP
from redactcheck.detect.pii.name_twins import skip_to_first
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.ocr_titles import ocr_titles
from redactcheck.detect.pii.person_address import address_names
from redactcheck.detect.pii.person_addressees import addressees, glued_name
from redactcheck.detect.pii.person_bodies import drop_body_names
from redactcheck.detect.pii.person_caps_house import house_style_surnames
from redactcheck.detect.pii.person_caps_repeats import caps_repeats
from redactcheck.detect.pii.person_caps_votes import caps_votes
from redactcheck.detect.pii.person_column_particles import particle_columns
from redactcheck.detect.pii.person_comma_titles import comma_titles
from redactcheck.detect.pii.person_compound_variants import compound_variants
from redactcheck.detect.pii.person_cues import (
    Context,
    _caps_prose_surnames,
    _caps_surname_style,
    _Ents,
    _glued_initials,
    _join_broken,
    _join_inverted,
    _Lines,
    _split_list,
)
from redactcheck.detect.pii.person_dates import drop_date_words
from redactcheck.detect.pii.person_debris import drop_debris
from redactcheck.detect.pii.person_edge_debris import trim_edge_debris
from redactcheck.detect.pii.person_eponyms import collection_after, keep_eponyms
from redactcheck.detect.pii.person_filters import (
    _acronym_in_prose,
    _after_codeword,
    _after_roman_numeral,
    _debris_line,
    _has_ordinary_word,
    _has_proper_noun,
    _head_after,
    _head_before,
    _in_heading,
    _is_place,
    _marking_fragment,
    _not_a_name,
    _ordinary_words,
    _person_not_firm,
    _plausible_words,
    _publisher,
    _repeated_person_words,
    _sure_name_words,
    _work_title,
    clean_span,
    place_phrases,
    twice_person_words,
)
from redactcheck.detect.pii.person_flip_lines import drop_flip_lines
from redactcheck.detect.pii.person_hyphens import hyphen_names
from redactcheck.detect.pii.person_kinds import drop_kinds, territory_places
from redactcheck.detect.pii.person_lower_twins import drop_lower_twins, drop_misread_places
from redactcheck.detect.pii.person_memo_citations import memo_citations
from redactcheck.detect.pii.person_model_only import drop_model_only
from redactcheck.detect.pii.person_name_of import named_by
from redactcheck.detect.pii.person_ocr_confusions import confused_mentions
from redactcheck.detect.pii.person_ocr_families import ocr_families
from redactcheck.detect.pii.person_ocr_forms import damaged_mentions
from redactcheck.detect.pii.person_ocr_forms import name_words as ocr_name_words
from redactcheck.detect.pii.person_ocr_heads import drop_damaged_heads
from redactcheck.detect.pii.person_ocr_pairs import ocr_pairs
from redactcheck.detect.pii.person_offices import office_names
from redactcheck.detect.pii.person_originators import originators
from redactcheck.detect.pii.person_place_lists import drop_place_lists
from redactcheck.detect.pii.person_plural_titles import plural_title_names
from redactcheck.detect.pii.person_repeat_cues import repeat_cues
from redactcheck.detect.pii.person_scores import (
    _CUE_OUTWEIGHS_PLACE,
    _CUED,
    _CUED_NAMES,
    _DEBRIS_CHECKED,
    _PLACE_CHECKED_PAIRS,
    _PLACE_OK,
    _WORD_CHECKED,
    CONFIDENT,
    SCORES,
    PersonSpan,
)
from redactcheck.detect.pii.person_spread import (
    _ocr_variants,
    _propagate,
    _spread_words,
    split_names,
    verb_shaped_name,
)
from redactcheck.detect.pii.person_subject_initials import subject_initials
from redactcheck.detect.pii.person_two_surnames import two_surname_names
from redactcheck.detect.pii.person_vetting import vet_people
from redactcheck.detect.pii.person_votes import person_majority
from redactcheck.detect.pii.person_y_surnames import y_surnames

#: A law named after a person ("the Orla B. Vantreight Records Act"): the name is the law's, and
#: the middle initial's full stop may stand inside the title.
_ACT_AFTER = re.compile(rf"(?:\s+[{_UP}][\w'’-]*\.?){{0,6}}\s+(?:Act|ACT)\b")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]*")


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
    if outvoted := person_majority(text, ner):  # a person at most mentions (person_votes)
        not_person_texts -= outvoted
        places -= outvoted
        places_only -= outvoted
    found: list[PersonSpan] = []
    at_places = place_phrases(text) | territory_places(text)  # "the Duchy of Quellmark"

    cleaned: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def clean(s: int, e: int) -> list[tuple[int, int]]:
        """``clean_span`` once per span of this text: finders and spreading propose the same
        spans again (about two in five calls on the speed sample)."""
        if (s, e) not in cleaned:
            cleaned[s, e] = clean_span(text, s, e, lex)
        return cleaned[s, e]

    def add(s: int, e: int, basis: str, score: float | None = None) -> None:
        pieces = clean(s, e)
        if not pieces and basis == "propagated" and verb_shaped_name(text[s:e], nw):
            pieces = [(s, e)]  # "BUNTING" after "BUNTING, Orval": the name, not a verb
        for a, b in pieces:
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
                or collection_after(text, b)  # "the Halloran and Marlowe Libraries"
                or _BILL_AFTER.match(text, b)  # "To accompany Bill H.R. No. 912"
                or (basis not in _CUE_OUTWEIGHS_PLACE and _head_before(text, a, lex))
                or (text[a:b].isupper() and _marking_fragment(text[a:b], lex))
                or (
                    cand.is_cryptonym(text[a:b], lex, nw)
                    and not (basis == "addressee" and glued_name(text[a:b], judge))
                )
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
    if judge.noisy:  # what the debris test of ``_not_a_name`` accepts in a bad scan
        judge.twice_person_words = twice_person_words(text, ner)
    for s, e, label in ner:
        if label != "PERSON":
            continue
        for a, b in _split_list(text, clean(s, e), nw):
            word = text[a:b]
            if _plausible_words(word) and not _has_ordinary_word(word, nw):
                # cut, never rescue: a span the tests below refuse whole stays refused
                a, b = trim_edge_debris(text, a, b, nw, judge.noisy)  # "Qo Tallowby", "BE HELD"
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
            elif not nw.is_name(word) and cand.noisy_around(text, a, b, nw):
                # once, in a bad scan, and no name list holds it: the model reads misread words
                # and debris as names there ("Memorandm", "DISPTCH", "Rcvd"); a real name seen once
                # in such a text is most often a listed one, or it has a cue of its own
                continue
            elif word.isupper():
                basis = "ner-single-caps"
            else:
                basis = "ner-single"
            add(a, b, basis)

    # 2. title- and rank-cued names: "DCM Larkin", "Col. Peter Wendt", "Jane Roe, Director"
    person_ents = _Ents([(s, e) for s, e, label in ner if label == "PERSON"])
    ctx = Context(lex, nw, judge, lines, places, all_lower, found, person_ents)
    cues.titles(text, ctx, add)
    cues.inverted_names(text, ctx, add)
    for s, e in two_surname_names(text, judge):  # "QUARTANA Bellido, Ysidro"
        add(s, e, "inverted")
    cues.honorific_titles(text, ctx, add)
    ocr_titles(text, judge, add)
    comma_titles(text, judge, add)  # "Mr, Quennell": the full stop read as a comma
    cues.mail_headers(text, ctx, add)
    cues.appositions(text, ctx, add)
    # 3. names with initials: "PAUL R. HASKELL", "T. A. Morrow" (not "A. Finally" in a list)
    cues.initials(text, ctx, add)
    # 4. a lone name on its own line among the last lines: the signature of a cable
    cues.signatures(text, ctx, add)
    cues.ocr_article_names(text, ctx, add)

    # 4b. names the model does not know: given-name/surname lists, reporting context, W/
    #     attendees, case captions (redactcheck/detect/pii/name_candidates.py)
    cand.list_pairs(text, judge, add)
    ocr_pairs(text, judge, add)  # "Rnpert Harwell", "Lucille Tbornton": one word misread
    cand.context_names(text, judge, add)
    named_by(text, judge, add)  # "a jeweler by the name of Quellmore"
    for s, e in subject_initials(text, judge, found):  # "SUBJECTS : RDQ, ASSOC" (initials)
        add(s, e, "subject-initials")
    cand.attendees(text, judge, add)
    cand.captions(text, judge, add)
    cand.caps_lists(text, judge, add)
    cand.name_columns(text, judge, add)
    cand.possessive_and_attributive(text, judge, add)
    cand.quoted_names(text, judge, add)
    address_names(text, judge, add)  # "Thank you, Imelda.", "Regards,⏎Beatriz", "Odalys's son"
    cand.letter_citations(text, judge, add)
    memo_citations(text, judge, add)  # "memorandum Quennell to Tallowby dated ..."
    addressees(text, judge, add)
    office_names(text, judge, add)
    plural_title_names(text, judge, add)  # "Messrs. Quennell, Tallowby and Marchbanks"
    cand.lone_surnames(text, judge, orgs, add)
    repeat_cues(text, judge, add, ner)  # "Quarrie mentioned" in a clean memo, the model aside
    if caps_surnames():
        _caps_prose_surnames(text, judge, add)
    else:  # one surname in capitals, many times: a record about one person
        caps_repeats(text, judge, add, ner)
    for a, b in [*_glued_initials(text, nw), *originators(text, nw)]:
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
    cues.continuations(text, ctx, add, people)
    people = _merge(found)
    before = len(found)
    particle_columns(text, people, add)  # "DeVander" in a routing slip's column of names
    if len(found) > before:  # rare: merge again only when a column entry was added
        people = _merge(found)
    # 6. every other mention of a confidently found name, in the same document
    wanted = _spread_words(text, people, lex, all_lower, places | at_places, judge.noisy)
    for s, e in _propagate(text, people, lex, all_lower, places, at_places):
        add(s, e, "propagated")
    taken = _merge(found)
    for s, e in _ocr_variants(
        text, {w for w in wanted if len(w) >= 6}, nw, judge.noisy, places | at_places
    ):
        if (
            not lines.excluded(s)
            and not any(p.start < e and p.end > s for p in taken)
            and not _head_after(text, e, lex)  # "the Kwadrazzini Development Foundation"
            and not _head_before(text, s, lex)  # "the USS Kwadrazzini": a ship
        ):
            found.append(PersonSpan(s, e, SCORES["propagated-ocr"], "propagated-ocr"))
    # "QUINTANA-Velarda" for a found "Quintana-Velarde": a compound surname misread
    for s, e in compound_variants(text, wanted, nw):
        if not lines.excluded(s) and not _head_after(text, e, lex):
            found.append(PersonSpan(s, e, SCORES["propagated-ocr"], "propagated-ocr"))
    if judge.noisy:  # a name OCR spacing split into pieces ("KES SLIN GER")
        taken = _merge(found)
        for s, e in split_names(text, {w for w in wanted if len(w) >= 5}, nw):
            if not lines.excluded(s) and not any(p.start < e and p.end > s for p in taken):
                found.append(PersonSpan(s, e, SCORES["propagated-ocr"], "propagated-ocr"))
    # a split, a look-alike digit, a lowered first letter or a speck: "Quen nell", "Tall0wby"
    taken = _merge(found)
    ocr_words = ocr_name_words(text, taken, lex, nw)  # the words both steps below look for
    for step in (damaged_mentions, confused_mentions):
        # the second: glyphs a scanner confuses ("QUILLC" for a found "Quillo", "Fldon" for "Eldon")
        for s, e in step(text, taken, lex, nw, places | at_places, ocr_words):
            if (
                not lines.excluded(s)
                and not any(p.start < e and p.end > s for p in taken)
                and not _head_after(text, e, lex)
                and not _head_before(text, s, lex)
            ):
                found.append(PersonSpan(s, e, SCORES["propagated-ocr"], "propagated-ocr"))
        taken = _merge(found)
    if judge.noisy:  # "Quarvelle", "QUARVEILE", "Ouarvelle": no spelling found by any step
        for s, e in ocr_families(text, nw, lex, places | at_places):
            if not lines.excluded(s) and not any(p.start < e and p.end > s for p in taken):
                found.append(PersonSpan(s, e, SCORES["propagated-ocr"], "ocr-family"))
    # 6b. later mentions of weakly found names; repeated surnames in cables in capitals
    people = _merge(found)
    for s, e in echoes.weak_echoes(text, people, judge, places | at_places):
        add(s, e, "echo")
    for s, e in echoes.caps_cable_surnames(text, people, judge):
        add(s, e, "caps-cable")
    for s, e in caps_votes(text, _merge(found), judge):  # "MADAME QUARREL" ... "AT QUARREL"
        add(s, e, "caps-votes")
    for s, e in house_style_surnames(text, people, judge):  # "Armando QUEVEDA" in a memo
        add(s, e, "caps-house")
    for s, e in echoes.broken_surnames(text, people, judge):
        add(s, e, "continuation")
    for s, e in echoes.family_plurals(text, people, judge):
        add(s, e, "family")
    for p in hyphen_names(text, people, judge, places | at_places, SCORES["hyphen-break"]):
        if not lines.excluded(p.start):  # "Quen-⏎nell": a name broken at a line end
            found.append(p)
    # the rest of lists that hold a name found only by propagation ("MARCHETTI and OKAFOR")
    people = _merge(found)
    cand.list_neighbours(
        text, [(p.start, p.end) for p in people if p.score >= CONFIDENT], judge, add
    )
    for p in found:
        if p.basis in ("propagated", "propagated-ocr") and text[p.start - 1 : p.start] == " ":
            p.merge_left = True
    # "Ignacio QUERALT y Mendaro": the mother's surname after "y" (person_y_surnames)
    merged = _merge(y_surnames(text, _merge(found), nw, lex, places | at_places))
    people = keep_eponyms(text, merged, _person_not_firm(text, merged, lex), lex)
    people = _join_broken(text, people, nw)
    people = vet_people(text, people, nw)  # dates, damaged form words, countries
    people = drop_place_lists(text, people, nw)  # "Quellport, Tarnby and Vessholm"
    people = drop_debris(text, people, nw, found)  # lone made-up letters of bad scans
    people = drop_model_only(text, people, nw, found)  # debris only the model reads as a name
    people = drop_kinds(text, people)  # pronouns, continents, bills (person_kinds)
    people = drop_damaged_heads(text, people, nw)  # "Quenby Avenne": a misread head noun
    people = drop_body_names(text, people)  # "the Port of Quellhaven"
    people = drop_date_words(text, people, nw)  # "22 Marcb 1963": a misread month
    people = drop_flip_lines(text, people, nw)  # lines of case-flipped OCR debris
    people = drop_lower_twins(text, people, nw, all_lower, places)  # "Lecger" beside "ledger"
    people = drop_misread_places(text, people, nw)  # "Costa Rlca", "Obio"
    return [
        p
        for p in people
        if (p.basis in _CUED or not _publisher(text, p.start, p.end))
        and not _work_title(text, p.start)
    ]


_AT_PLACE = skip_to_first(r"\b(?:at|in|AT|IN|At|In)[ \t]+$")
_SAINT = skip_to_first(r"\b(?:St|ST|Ste|Saint|SAINT)\.?[ \t]+$")
_AFTER_THE = skip_to_first(r"\b(?:the|The|THE)[ \t]+$")
#: Cable routing indicators ("RUEHLH", "RUCNDT"): never a name.
_ROUTING = skip_to_first(r"\bR(?:UE|UC|HE|HM|UM|UF|HH)[A-Z]{2,4}\b")


_GPE_LABELS = frozenset(("LOCATION", "GPE", "LOC", "FAC"))
_PLACE_LABELS = frozenset(("LOCATION", "GPE", "LOC", "NRP", "NORP", "FAC"))


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


#: A bill of Congress in the Serial Set and the Congressional Record: "Bill H.R. No. 912",
#: "Bill S. 463", "H.J. Res. 12".
_BILL_AFTER = re.compile(
    r"[ \t]+(?:H\.[ \t]?R\.|S\.|H\.[ \t]?J\.[ \t]?Res\.|S\.[ \t]?J\.[ \t]?Res\.)[ \t]*"
    r"(?:No\.[ \t]*)?\d"
)
