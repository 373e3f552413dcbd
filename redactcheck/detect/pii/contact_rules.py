"""Keep phone-number candidates that look like phone numbers (``rules/lexicons/phone.yaml``).

Presidio's recogniser accepts short digit runs such as the ``1695`` of "UNSCR 1695", document
and case numbers; a reviewer redacts telephone and fax numbers, not resolution numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactcheck.detect.lexicons import PhoneLexicon, load_lexicon, phone_lexicon

_WORD = re.compile(r"[a-z]+\.?|#")
#: A calendar date with the year written out (the release line of a NARA record, "Date:"
#: lines): libphonenumber reads 08-12-2022 as a number of some region.
_DATE = re.compile(r"(?:0?[1-9]|1[0-2])([-/.])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d\d")
#: Three groups of three digits, the first starting with 0: reel and frame numbers of
#: microfilm and index citations; no numbering plan writes a phone number this way.
_REEL = re.compile(r"0\d\d-\d{3}-\d{3}")
#: A web address around the candidate (a domain before a slash, or a scheme): the digits are
#: part of a path ("/documents/05-13-02-0137"), not a number to dial.
_URL = re.compile(r"://|www\.|[A-Za-z0-9-]\.[A-Za-z]{2,6}/")


def is_phone(text: str, start: int, end: int, lex: PhoneLexicon | None = None) -> bool:
    """True when ``text[start:end]`` should be reported as a phone number."""
    lex = lex or phone_lexicon()
    candidate = text[start:end]
    digits = sum(c.isdigit() for c in candidate)
    if digits < lex.min_digits:
        return False
    bare = candidate.strip()
    if _DATE.fullmatch(bare) or _REEL.fullmatch(bare) or _in_web_address(text, start, end):
        return False
    before = text[max(0, start - lex.window) : start].lower()
    words = _WORD.findall(before)
    if any(w in lex.context or w.rstrip(".") in lex.context for w in words):
        return True
    if words and words[-1].rstrip(".") in lex.not_before:
        return False
    # a fax header or letterhead names the number after it, on the same line ("212 555 0123
    # FAX", "202 555 0147 (phone)")
    after = text[end : end + lex.window].split("\n", 1)[0].lower()
    if any(w in lex.context or w.rstrip(".") in lex.context for w in _WORD.findall(after)[:3]):
        return True
    if lex.shape.fullmatch(candidate.strip()):
        # a shaped number inside a longer run of digits/dashes is a document number
        after = text[end : end + 1]
        prior = text[start - 1 : start] if start else ""
        return not (after.isdigit() or prior.isdigit() or after == "-" or prior == "-")
    return False


def _in_web_address(text: str, start: int, end: int) -> bool:
    """The candidate lies inside a web address: the run of non-space text around it names a
    domain or scheme before it."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace() and start - lo < 200:
        lo -= 1
    return "/" in text[lo:start] and _URL.search(text, lo, start) is not None


@lru_cache(maxsize=1)
def _government_words() -> tuple[re.Pattern[str], int]:
    data = load_lexicon("address.yaml")
    words = sorted((str(w) for w in data["words"]), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![A-Za-z])(?:{body})(?![A-Za-z])", re.IGNORECASE), int(data["window"])


def is_government_address(text: str, start: int, end: int) -> bool:
    """The address at ``text[start:end]`` belongs to a public body: the name of one stands on
    the address's own lines or on the two lines right above it, in the same block (a blank
    line ends the block: a government letterhead above a private addressee's block does not
    count), and names the address (``_names_the_address``). Words in
    ``rules/lexicons/address.yaml``. Such addresses are released."""
    words, window = _government_words()
    lo = text.rfind("\n", 0, start) + 1  # the address's own line
    for _ in range(2):  # and up to two lines above it
        if lo <= 0:
            break
        previous = text.rfind("\n", 0, lo - 1) + 1
        if not text[previous:lo].strip():
            break  # a blank line: the block ends
        lo = previous
    lo = max(lo, start - window)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if words.search(text, end, line_end):
        return True
    ends = [m.end() for m in words.finditer(text, lo, start)]
    return bool(ends) and _names_the_address(text[ends[-1] : start])


#: Words of running prose that say the address is a person's, between the body's name and the
#: address: "the Board asked about the residence of the witness, 12 Alder Lane", "a citizen of
#: the Republic since 1950. Home address: ...", "the Embassy ... and live together at ...".
_PERSONAL = re.compile(
    r"(?<![A-Za-z])(?:resid\w*|lives?|lived|living|home|apartment|address\w*|care of|c/o|"
    r"moved|neighbou?r\w*|born|naturali[sz]ed)(?![A-Za-z])",
    re.IGNORECASE,
)
#: A private firm named between the body's word and the address: the address is the firm's
#: ("Legal Department, Kestrel and Company, 36 Alder Street": a company's department is no
#: public body). Company-form words of US and British business names (Co., Inc., Corp., Ltd.).
_FIRM = re.compile(
    r"(?<![A-Za-z])(?:company|co\.|corporation|corp\.|incorporated|inc\.|limited|ltd\.|llc|"
    r"and sons|& sons|brothers|bros\.)(?![A-Za-z])",
    re.IGNORECASE,
)
#: A word of running prose (lower case): headings, letterheads and lists are capitalised.
_PROSE_WORD = re.compile(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])")


def _names_the_address(between: str) -> bool:
    """The body's name stands right before the address as its heading or attribution (a
    letterhead line, "Federal Building, 701 ...", "Department of Justice, Room 5, ..."): at most
    three words of prose between, none of them a word of residence. In a report's prose a body
    named a sentence earlier ("the credit bureau reflects that a report dated ... reflects JOHN
    DOE, 4410 Brandt Avenue") does not make the address its office, nor does a firm's own
    department ("Legal Department, Kestrel and Company, 36 Alder Street")."""
    return (
        len(_PROSE_WORD.findall(between)) <= 3
        and not _PERSONAL.search(between)
        and not _FIRM.search(between)
    )
