"""Keep phone-number candidates that look like phone numbers (``rules/lexicons/phone.yaml``).

Presidio's recogniser accepts short digit runs such as the ``1698`` of "UNSCR 1698", document
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
#: An extension written after the number ("(202) 555-0134 ext. 215", "354-555-0100 x4410"):
#: libphonenumber reads it into the candidate, whose shape is then the number's before it.
#: Letterheads, signature blocks and embassy contact lines of the 1970s-2000s write it so.
_EXTENSION = re.compile(r"[ \t]*,?[ \t]*(?:ext\.?|EXT\.?|Ext\.?|extension|x|X)[ \t]?\d{1,5}$")
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
    if lex.shape.fullmatch(_EXTENSION.sub("", candidate.strip())):
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
    count; an address that opens its block reads the heading of the block above,
    ``_heading_above``), and names the address (``_names_the_address``). Words in
    ``rules/lexicons/address.yaml``. Such addresses are released."""
    words, window = _government_words()
    own = text.rfind("\n", 0, start) + 1  # the address's own line
    lo = _block_top(text, own)
    across = lo == own and not text[own:start].strip()
    if across:
        lo = _heading_above(text, own)
    lo = max(lo, start - window)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if any(_is_body(text, m) for m in words.finditer(text, end, line_end)):
        return True
    ends = [m.end() for m in words.finditer(text, lo, start) if _is_body(text, m)]
    if not ends:
        return False
    between = text[ends[-1] : start]
    if across and (_HEADING_PROSE.search(between) or between.rstrip().endswith(",")):
        return False  # across a blank line only a heading names the address, not a sentence
    return _names_the_address(between)


#: "United States" or "U.S." in a statement of citizenship or birth ("John Roe, United States
#: citizen, 37 Alder Avenue", a form's "U.S. Birth" column): a person's, not a body's.
_CITIZEN = re.compile(r"[\s,.:;]{0,3}(?:citizen|birth|born)", re.IGNORECASE)
#: Names of private bodies share two words with public ones: a detective, credit or news
#: "... Bureau" and a rescue, relief or citizens' "... Committee" are private. A bureau is a
#: public one when named "Bureau of ..." (Bureau of Narcotics, of the Census, of Customs) or
#: after another word of the lexicon ("Federal Bureau ..."); a committee when a legislature's
#: word stands in its name ("Senate Committee on ...", "Select Committee to ...", "House
#: Committee ..."). Pool seed 3535 work: the addresses of a detective bureau, a rescue
#: committee, an aid committee and a citizens' committee of inquiry were quiet.
#: A private body's name that holds a public body's word: a company form, a bank or an
#: insurer, a university, an archive or a foundation, a law office, a travel or news agency,
#: a club, church or hotel on the word's own line ("Kestrel Federal Savings and Loan
#: Association", "The Alder Security Archive", "Law Offices of Ivo Penn", "Kestrel Travel
#: Agency", "Penn Library, Alder University"): the address is the private body's.
_PRIVATE_NAME = re.compile(
    r"(?<![A-Za-z])(?:inc\.?|incorporated|corp\.?|corporation|company|co\.|llc|ltd\.?|"
    r"association|bank|savings|insurance|university|college|foundation|archive|"
    r"law offices?|travel|advertising|club|church|hotel|press|news|express)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_BUREAU_OF = re.compile(r"[ \t]+of(?![A-Za-z])", re.IGNORECASE)
_LEGISLATURE = re.compile(
    r"(?<![A-Za-z])(?:senate|house|select|joint|standing|congress\w*|subcommittee|"
    r"legislat\w*|judiciary|appropriations|armed services)(?![A-Za-z])",
    re.IGNORECASE,
)


def _is_body(text: str, m: re.Match[str]) -> bool:
    """The lexicon word at ``m`` names a public body (see ``_CITIZEN``, ``_BUREAU_OF``)."""
    word = m.group().lower()
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if _PRIVATE_NAME.search(text, max(line_start, m.start() - 60), min(line_end, m.end() + 60)):
        return False
    if word in ("united states", "u.s."):
        return _CITIZEN.match(text, m.end()) is None
    if word not in ("bureau", "committee"):
        return True
    name = text[max(line_start, m.start() - 60) : m.start()]
    if word == "bureau":
        if _BUREAU_OF.match(text, m.end()):
            return True
        words, _ = _government_words()
        return bool(words.search(name))
    after = text[m.end() : min(line_end, m.end() + 60)]
    return bool(_LEGISLATURE.search(name) or _LEGISLATURE.search(after))


#: A lower-case word of a sentence after the body's name (a heading's own small words aside):
#: "... told the agency about his friend" above a blank line is prose, not a letterhead.
_HEADING_PROSE = re.compile(r"(?<![A-Za-z])(?!(?:of|for|and|the|in|on|at)(?![a-z]))[a-z]{2,}")


def _block_top(text: str, lo: int) -> int:
    """The start of the line up to two lines above the line at ``lo`` in the same block (a
    blank line ends the block)."""
    for _ in range(2):
        if lo <= 0:
            break
        previous = text.rfind("\n", 0, lo - 1) + 1
        if not text[previous:lo].strip():
            break
        lo = previous
    return lo


def _heading_above(text: str, own: int) -> int:
    """Where to look for the body's name when the address opens its block: OCR double-spaces
    a typed letterhead or an inside address ("CIRCUIT COURT FOR ALDER COUNTY", a blank line,
    "4100 Mill Road", a blank line, the town), so the name stands in the block right above,
    after one or two blank lines. Only when the street line is the first of its block: an
    addressee's block opens with the person's name, whose own block then stands between a
    public body's letterhead and the address."""
    lo, blanks = own, 0
    while lo > 0 and blanks < 3:
        previous = text.rfind("\n", 0, lo - 1) + 1
        if text[previous:lo].strip():
            return _block_top(text, previous)
        blanks += 1
        lo = previous
    return own


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
#: public body). Company-form words of US and British business names (Co., Inc., Corp., Ltd.),
#: "the firm of" a law or trading firm, a university's or college's own department.
_FIRM = re.compile(
    r"(?<![A-Za-z])(?:company|co\.|corporation|corp\.|incorporated|inc\.|limited|ltd\.|llc|"
    r"and sons|& sons|brothers|bros\.|firm|university|college)(?![A-Za-z])",
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
