"""The second surname of a Hispanic name joined by "y" ("Ignacio QUERALT y Mendaro").

Why: in the Spanish naming tradition a person bears two surnames, the father's then the
mother's, and the conjunction "y" may join them (Real Academia Española, *Diccionario
panhispánico de dudas*, "apellido"; library name authorities file such names under the whole
compound surname: AACR2 22.5C, compound surnames). Records on Cuban and Latin American persons
write the name so, the surnames in capitals or only the first one ("CARLOS QUERALT Y MENDARO",
"Ignacio QUERALT y Mendaro"). The name finders stop at the lower-case or one-letter "y" and
leave the mother's surname out of a name they found: half a person's name is not redacted.

A confidently found name is extended over " y " / " Y " and one capitalised word when that word
is written like a surname of the name (capitalised; or in capitals after a surname in capitals,
and then listed as a name or closing the name: in a cable in Spanish an ordinary word in
capitals may follow "Y"), is no English word, title or place, and heads no organisation
("... y Compañía" is a firm).
"""

from __future__ import annotations

import re

from redactcheck.detect.lexicons import NameLexicon
from redactcheck.detect.pii.person_filters import _head_after
from redactcheck.detect.pii.person_scores import CONFIDENT, PersonSpan

#: " y " and a capitalised word (hyphenated: a compound second surname), at a name's end.
_Y_SURNAME = re.compile(r"[ \t]+[yY][ \t]+([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñü]+(?:-[A-Z][A-Za-z]+)?)")
#: Spanish firm names join a founder's surname and "y" to these ("Tarraguel y Hermanos",
#: "... y Cía."): the phrase names a business, not a second surname.
_FIRM_WORDS = frozenset(
    ("hermanos", "hijos", "sobrinos", "sucesores", "asociados", "compania", "compañia", "cia")
)
#: The last word of a name: the surname before "y".
_LAST_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñü'’-]+$")


def y_surnames(
    text: str,
    people: list[PersonSpan],
    nw,
    lex: NameLexicon,
    places: set[str] | frozenset[str],
) -> list[PersonSpan]:
    """``people`` with each confident name that continues with "y" and a second surname
    extended over it (module docstring); the caller merges the spans again, as an extended
    name may now reach a name found after it."""
    out = []
    for p in people:
        m = _Y_SURNAME.match(text, p.end) if p.score >= CONFIDENT else None
        last = _LAST_WORD.search(text, p.start, p.end) if m else None
        if m is not None and last is not None:
            second, before = m.group(1), last.group(0)
            if (
                (second[1:2].islower() or (before.isupper() and _caps_surname(text, m, nw)))
                and before[:1].isupper()
                and not nw.is_english(second.lower())
                and not lex.is_not_person_word(second)
                and second.lower() not in lex.heads
                and second.lower() not in _FIRM_WORDS
                and second.lower() not in places
                and not _head_after(text, m.end(), lex)
            ):
                p = PersonSpan(p.start, m.end(), p.score, p.basis)
        out.append(p)
    return out


#: The name closes after the second surname: a comma, a full stop, a bracket, the line's end.
_CLOSES = re.compile(r"[ \t]*(?:[,.;:)]|\n|$)")


def _caps_surname(text: str, m: re.Match[str], nw) -> bool:
    """In a text in capitals a Spanish ordinary word may follow "Y" ("... Y DESPUES SALIO"):
    the word after it is a surname when a surname list holds it or the name closes there."""
    second = m.group(1)
    return second.isupper() and (nw.is_name(second.lower()) or bool(_CLOSES.match(text, m.end())))
