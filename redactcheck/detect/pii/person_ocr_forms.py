"""Later mentions of a found name that OCR damaged in a way that can be undone exactly.

Why: scanned memoranda and cables repeat a person's name, and the scanner damages some of the
repeats in a few fixed ways: a space inside the word ("Quen nell", "TALLOW BY"), a digit read for
the letter it looks like ("Tall0wby", "QUENNE1L", "5ORENSEN", "8ALDWIN"), the first letter lowered
("quennell"), a speck inside the word ("Quen.nell", "Tallow'by"). The spreading step
(``person_spread``) finds clean forms and letter edits of long names; these forms fall between:
a split or speck is no letter, a digit sits at the start, a short name (four or five letters) has
no edit to spare. Undoing only these damages is exact, unlike an edit distance, so an ordinary
word one letter from a name ("Bower" for "Bowen") is never taken: the restored word must equal a
word of a name found confidently in the same document, and the damaged form must be no English
word ("baker" is the word, not "Baker" lowered).
"""

from __future__ import annotations

import re

from redactcheck.detect.lexicons import NameLexicon
from redactcheck.detect.pii.name_shapes import _INITIAL, PARTICLES
from redactcheck.detect.pii.person_scores import _CUED, CONFIDENT, PersonSpan

#: Digits a scanner reads for the letters they look like.
_LOOK_ALIKE = {"o": "0", "l": "1", "i": "1", "s": "5", "b": "8"}
_DIGIT_LETTERS = {"0": "o", "5": "s", "8": "b"}  # "1" is "l" or "i": decided against the name
#: Specks a scanner leaves inside a word.
_SPECKS = ".,'’‘`^~*"
#: Text and names folded for the lookups, one byte a character: lower case, digits as their
#: letters, "i" as "l" (a "1" is either), every other character a space.
_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or c in b"0581" else 32 for c in range(256)
).translate(bytes.maketrans(b"i0581", b"losbl"))
_BEFORE = "_@/#&.'’-"  # a token glued to these is an address, a path or a longer word
_AFTER = "_@/#&-"
_MIN_LEN = 4
_LOWERED_MIN = 6  # letters of a name before its lowered form (and no other damage) is taken
#: "Quennell's": a possessive, not a speck ("Quennel's" is the possessive of another spelling)
_POSSESSIVE = re.compile(r"['’][sS]$")
_MAX_LEN = 20


def name_words(text: str, people: list[PersonSpan], lex: NameLexicon, nw) -> dict[str, str]:
    """Words of confidently found names worth looking for damaged (lower case -> a form found
    in the text): every word of four letters or more that is no initial, particle, title or
    ordinary English word, and a listed name or vouched for by a title or a given name."""
    out: dict[str, str] = {}
    for p in people:
        if p.score < CONFIDENT:
            continue
        # each half of a double surname too: "Salcedo-Ruiz" is also written "Salcedo"
        words = [w.strip(",.;:()\"'’") for w in re.split(r"[\s-]+", text[p.start : p.end])]
        # a word no name list holds is looked for only when a title or a listed given name
        # vouches for the span: a misread phrase the finder took for a name ("Consolidated
        # Rallweys") must not spread its damaged copies
        vouched = p.basis in _CUED or any(
            len(w) >= 3 and nw.is_given(w) and not nw.is_english(w.lower()) for w in words
        )
        for word in words:
            low = word.lower()
            if (
                _MIN_LEN <= len(word) <= _MAX_LEN
                and (vouched or nw.is_name(word))
                and word.isalpha()
                and word[0].isupper()
                and not _INITIAL.match(word)
                and low not in PARTICLES
                and not (nw.is_english(low) and not nw.is_name(low))
                and not lex.is_not_person_word(word)
            ):
                out.setdefault(low, word)
    return out


def damaged_mentions(
    text: str,
    people: list[PersonSpan],
    lex: NameLexicon,
    nw,
    places: set[str] | frozenset[str],
    words: dict[str, str] | None = None,
) -> list[tuple[int, int]]:
    """Spans of damaged mentions (module docstring) of the words of found names (``words``:
    :func:`name_words` of ``people`` when already made).

    Cheap by construction: the text is folded once into bytes (lower case, look-alike digits as
    their letters, all else a space), in which a damaged form keeps one half of its word intact
    at a word edge: a space or speck sits in one half only. So the head after a space and the
    tail before one (halves sharing their middle letter) are looked up with ``bytes.find``, two
    lookups a word, and only their hits that are no clean mention are read letter by letter.
    No regex is compiled per document."""
    wanted = name_words(text, people, lex, nw) if words is None else words
    wanted = {k: v for k, v in wanted.items() if k not in places}
    if not wanted:
        return []
    # one byte a character, framed by spaces: text[i] is folded[i + 1]
    folded = b" " + text.encode("latin-1", "replace").translate(_FOLD) + b" "
    out: set[tuple[int, int]] = set()
    verdicts: dict[str, bool] = {}  # a damaged form recurs: judge it once
    for word in wanted:
        fw = word.encode("latin-1", "replace").translate(_FOLD)
        # one gap, before letter k, leaves fw[:k] and fw[k:] whole: every k is at least h + 1
        # or at most h, so a head of h + 1 letters or a tail from letter h is whole
        h = len(fw) // 2
        starts: set[int] = set()
        head, tail = b" " + fw[: h + 1], fw[h:] + b" "
        at = folded.find(head)
        while at >= 0:
            starts.add(at)  # the space before the word is folded[at]: the word is text[at:]
            at = folded.find(head, at + 1)
        at = folded.find(tail)
        while at >= 0:
            starts.update((at - 1 - h, at - 2 - h))  # the head whole, or split by one gap
            at = folded.find(tail, at + 1)
        clean = (wanted[word], wanted[word].upper(), word.capitalize())
        for st in starts:
            if text.startswith(clean, st):
                continue  # a clean mention (most hits): person_spread's
            end = _match_at(text, st, word)
            if end is None:
                continue
            form = text[st:end]
            hit = verdicts.get(form)
            if hit is None:
                hit = verdicts[form] = _is_damaged_name(form, wanted, nw)
            if hit:
                out.add((st, end))
    return sorted(out)


def _match_at(text: str, st: int, word: str) -> int | None:
    """End of ``word`` read at ``st`` in any case, a letter possibly its look-alike digit, with
    at most one space or speck between two letters, as a whole token; else None."""
    if st < 0 or (st > 0 and (text[st - 1].isalnum() or text[st - 1] in _BEFORE)):
        return None
    i, gap = st, False
    n = len(text)
    for k, letter in enumerate(word):
        if i >= n:
            return None
        c = text[i]
        if k and not gap and (c == " " or c in _SPECKS) and i + 1 < n:
            gap, i = True, i + 1
            c = text[i]
        if c.lower() != letter and c != _LOOK_ALIKE.get(letter):
            return None
        i += 1
    if i < n and (text[i].isalnum() or text[i] in _AFTER):
        return None
    if i + 1 < n and text[i] == "." and text[i + 1].isalnum():
        return None  # a file name or an address: "quennell.txt"
    return i


def _is_damaged_name(form: str, wanted: dict[str, str], nw) -> bool:
    """``form`` undoes (join, digits, first letter, speck) into exactly a wanted word, is damaged
    at all, and is no English word itself."""
    gaps = [i for i, ch in enumerate(form) if ch == " " or ch in _SPECKS]
    if len(gaps) > 1 or "\n" in form or _POSSESSIVE.search(form):
        return False
    pieces = form.split(" ") if gaps and form[gaps[0]] == " " else [form]
    letters = form.replace(" ", "")
    for s in _SPECKS:
        letters = letters.replace(s, "")
    low = letters.lower()
    target = _undigit(low, wanted)
    if target is None:
        return False
    found = wanted[target]
    restored = _restore(letters, target)
    if restored is None:
        return False
    if not gaps and letters[0].isupper() and letters.isalpha():
        return False  # a clean form: spread by person_spread
    if restored not in (found, found.upper(), target.capitalize()):
        return False  # mixed case inside the word ("QuenNell"): not one of these damages
    if any(c.isdigit() for c in letters) and not any(c.isalpha() for c in letters[:2]):
        return False  # "1050": a number
    if len(pieces) == 2:
        # a split: not both pieces words of their own ("BLACK WELL", "AS HE")
        if all(nw.is_english(p.lower()) or nw.is_name(p) for p in pieces):
            return False
        if pieces[1][:1].isupper() and not pieces[0].isupper():
            return False  # "Quen Nell": two capitalised words, not one split
    elif not any(c.isdigit() for c in letters) and (nw.is_english(low) or len(low) < _LOWERED_MIN):
        # "baker": the word, not the name lowered; a short word in lower case is as often a
        # scrap of a misread word in a bad scan ("tate", "mame") as a lowered name
        return False
    return True


def _undigit(low: str, wanted: dict[str, str]) -> str | None:
    """The wanted word ``low`` reads as once its look-alike digits are letters again."""
    if low in wanted:
        return low
    mapped = "".join(_DIGIT_LETTERS.get(c, c) for c in low)
    if "1" not in mapped:
        return mapped if mapped in wanted else None
    for w in wanted:
        if len(w) == len(mapped) and all(
            a == b or (a == "1" and b in "li") for a, b in zip(mapped, w, strict=True)
        ):
            return w
    return None


def _restore(letters: str, target: str) -> str | None:
    """``letters`` with its digits replaced by ``target``'s letters in the case around them
    and its first letter raised: the clean form the scanner damaged."""
    chars = list(letters)
    for i, c in enumerate(chars):
        if c.isdigit():
            upper = any(x.isupper() for x in letters if x.isalpha()) and all(
                x.isupper() for x in letters[1:] if x.isalpha()
            )
            chars[i] = target[i].upper() if upper or i == 0 else target[i]
    chars[0] = chars[0].upper()
    return "".join(chars)
