"""A seeded synthetic probe of contact shapes in scanned records of the 1960s-2000s (issue 17,
item 5): letterheads, fax headers, signature blocks, phone lists and address blocks, typed
or OCR-damaged, and the look-alikes that are no contact (document and file numbers, dates,
NARA record headers, telex numbers, public bodies' office addresses).

Every firm, person, street and number here is invented (555 exchanges, made-up towns and
firms). The markup is that of ``tests/support/marking_probe.py``: ``[[...|CONTACT]]`` a span
a reviewer must see, ``{{...}}`` a span that must stay quiet in a trap. ``cases(seed, n)``
draws ``n`` texts of every kind with ``random.Random(seed)``, so a figure can be repeated;
``python tests/support/contact_probe.py [SEED] [N]`` prints the misses and figures per kind.
"""

from __future__ import annotations

import random

from tests.support.marking_probe import Case, _parse

_FIRMS = [
    "KESTREL SUPPLY CO.",
    "HALVERSON & DUNE",
    "MARLOWE ENGINEERING, INC.",
    "BRIGHTWATER FOUNDATION",
    "ALDER TRADING COMPANY",
    "FERNHILL PRESS",
    "ORCHARD MILLS CORPORATION",
    "TALLOWAY ASSOCIATES",
    "PENROSE & WICK, ATTORNEYS AT LAW",
    "QUILLFORD RESEARCH GROUP",
]
_PEOPLE = ["Ivo Penn", "Ada Morrow", "Tobin Hale", "Greta Vossler", "Osric Tallowby"]
_TOWNS = [
    ("Fairview", "Ohio", "OH", "44122"),
    ("Dayton", "Ohio", "OH", "45402"),
    ("Springdale", "Arkansas", "AR", "72764"),
    ("Portland", "Oregon", "OR", "97201"),
    ("Mystic", "Connecticut", "CT", "06355"),
    ("Greenvale", "New York", "NY", "11548"),
    ("Santa Fe", "New Mexico", "NM", "87501"),
    ("Arlington", "Virginia", "VA", "22201"),
    ("Bethesda", "Maryland", "MD", "20814"),
    ("Coral Gables", "Florida", "FL", "33134"),
]
_STREETS = ["Brandt", "Elm", "Harbor", "Orchard", "Kestrel", "Willow Creek", "Linden", "Quarry"]
_TYPES = ["Street", "Avenue", "Road", "Boulevard", "Drive", "Lane", "Place", "Parkway"]
_AREAS = ["202", "212", "301", "703", "216", "513", "415", "305", "713", "617"]
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
#: the look-alikes OCR puts for a digit (a damaged digit is replaced by one of them)
_LOOKS = {
    "0": "Oo(",
    "1": "lI(=",
    "2": "Z(",
    "3": "=(",
    "4": "(=",
    "5": "S(",
    "6": "b(",
    "7": "=(",
    "8": "B(",
    "9": "(=",
}


class _Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def digits(self) -> tuple[str, str, str]:
        return self.pick(_AREAS), "555", f"01{self.r.randint(0, 99):02d}"

    def number(self, style: str | None = None) -> str:
        a, e, line = self.digits()
        style = style or self.pick(["s", "d", "p", "pn", "dot", "slash", "ss"])
        return {
            "s": f"{a} {e} {line}",
            "ss": f"{a}  {e}  {line}",
            "d": f"{a}-{e}-{line}",
            "p": f"({a}) {e}-{line}",
            "pn": f"({a}){e}-{line}",
            "dot": f"{a}.{e}.{line}",
            "slash": f"{a}/{e}-{line}",
            "run": f"{a}{e}{line}",
            "local": f"{e}-{line}",
        }[style]

    def damage(self, num: str) -> str:
        """One or two digits read as look-alikes, or a space put inside a group."""
        chars = list(num)
        spots = [i for i, c in enumerate(chars) if c.isdigit()]
        how = self.pick(["look", "look", "look2", "space"])
        if how == "space":
            i = self.pick(spots[1:-1])
            if chars[i - 1].isdigit() and chars[i + 1].isdigit():
                chars.insert(i, " ")
            else:
                chars[i] = self.pick(_LOOKS[chars[i]])
            return "".join(chars)
        for i in self.r.sample(spots, 2 if how == "look2" else 1):
            chars[i] = self.pick(_LOOKS[chars[i]])
        return "".join(chars)

    def town(self):
        return self.pick(_TOWNS)

    def street(self, caps: bool) -> str:
        s = f"{self.r.randint(2, 9899)} {self.pick(_STREETS)} {self.pick(_TYPES)}"
        return s.upper() if caps else s

    def date(self) -> str:
        return f"{self.pick(_MONTHS)} {self.r.randint(1, 28):02d} '9{self.r.randint(0, 9)}"

    def time(self) -> str:
        return f"{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}"


def _c(span: str) -> str:
    return f"[[{span}|CONTACT]]"


def _fax_header(g: _Gen) -> str:
    num = g.number(g.pick(["s", "ss", "d", "run", "p"]))
    firm = g.pick(_FIRMS)
    page = g.pick(["P.01", "P.02/03", "PAGE 1", "PAGE 2 OF 3", "P. 2", "@002"])
    forms = [
        f"{g.date()} {g.time()} FROM {firm} {_c(num)} {page}",
        f"{g.date()} {g.time()}  {_c(num)}  {page}",
        f"SENT BY:{firm.split()[0]}  ;{g.r.randint(1, 12)}-{g.r.randint(1, 28)}-9"
        f"{g.r.randint(0, 9)} ;{g.time()} ; {_c(num)};# 2/ 3",
        f"{firm}  {_c(num)}  {g.date()}  {g.time()}",
        f"FROM: {firm}  {_c(num)}",
        f"{_c(num)}  {firm}  {g.date()} {g.time()}",
        f"{g.time()} {g.date()} ID:{_c(num)} {page}",
    ]
    return g.pick(forms) + "\n\nThe shipment left the dock on Monday.\n"


def _fax_cover(g: _Gen) -> str:
    a, b = g.number(), g.number()
    who, firm = g.pick(_PEOPLE), g.pick(_FIRMS)
    to_word = g.pick(["FAX:", "Fax No.:", "FAX NUMBER:", "Fax #:", "FACSIMILE:"])
    tel_word = g.pick(["PHONE:", "Tel:", "TELEPHONE:", "Voice:", "Phone No.:"])
    return (
        f"FAX TRANSMITTAL\n\nTO: {who}\nCOMPANY: {firm}\n{to_word} {_c(a)}\n"
        f"{tel_word} {_c(b)}\n\nPAGES (INCLUDING COVER): 3\n"
    )


def _letterhead_phone(g: _Gen) -> str:
    firm, (town, _state, code, zip_) = g.pick(_FIRMS), g.town()
    num, fax = g.number(), g.number()
    street = g.street(caps=True)
    line = g.pick(
        [
            f"TELEPHONE {_c(num)}",
            f"TEL. {_c(num)}   FAX {_c(fax)}",
            f"PHONE {_c(num)} \u2022 FAX {_c(fax)}",
            f"{_c(num)}",
            f"{_c(num)}   FAX {_c(fax)}",
            f"Telephone: {_c(num)}   Telex: 12345",
        ]
    )
    block = _c(f"{street}\n{town.upper()}, {code} {zip_}")
    return f"{firm}\n{block}\n{line}\n\n{g.pick(_MONTHS).title()} 4, 1978\n\nDear Sir:\n"


def _signature(g: _Gen) -> str:
    who, firm = g.pick(_PEOPLE), g.pick(_FIRMS).title()
    num = g.number()
    line = g.pick(
        [
            f"{_c(num)}",
            f"Direct line: {_c(num)}",
            f"Office {_c(num)}, home {_c(g.number())}",
            f"Tel {_c(num)}",
            f"ph. {_c(num)}",
            f"{_c(num)} (office)",
            f"{_c(num)} ext. 215",
        ]
    )
    return f"Let me know if you need more.\n\nSincerely,\n\n{who}\n{firm}\n{line}\n"


def _ocr_phone(g: _Gen) -> str:
    num = g.damage(g.number(g.pick(["s", "d", "p", "dot", "ss"])))
    word = g.pick(["Tel:", "TEL.", "Telephone", "PHONE:", "Fax:", "FAX NO.", "Phone No.", "tel."])
    lead = g.pick(["", f"{g.pick(_FIRMS)}\n", f"{g.pick(_PEOPLE)}, "])
    return f"{lead}{word} {_c(num)}\n\nThe order was shipped on 4 May.\n"


def _ocr_fax_header(g: _Gen) -> str:
    num = g.damage(g.number(g.pick(["s", "d", "ss"])))
    page = g.pick(["P.01", "P.02/03", "PAGE 1", "P. 2"])
    return (
        f"{g.date()} {g.time()} FROM {g.pick(_FIRMS)} {_c(num)} {page}\n\n"
        "The shipment left the dock on Monday.\n"
    )


def _phone_list(g: _Gen) -> str:
    rows = []
    for _ in range(3):
        who = g.pick(_PEOPLE)
        last, first = who.split()[1], who.split()[0]
        num = g.number(g.pick(["local", "d", "p"]))
        rows.append(
            g.pick(
                [
                    f"{last}, {first} ........ {_c(num)}",
                    f"{last}, {first}\t\t{_c(num)}",
                    f"{who}   {_c(num)}",
                ]
            )
        )
    return "TELEPHONE LIST\n\n" + "\n".join(rows) + "\n"


def _exchange(g: _Gen) -> str:
    name = g.pick(["KLondike", "WHitehall", "EMpire", "LUdlow", "FEderal", "ORchard"])
    num = g.pick(
        [
            f"{name} {g.r.randint(2, 9)}-{g.r.randint(1000, 9999)}",
            f"{name[:2].upper()} {g.r.randint(2, 9)}-0{g.r.randint(100, 999)}",
        ]
    )
    lead = g.pick(["telephone", "Telephone:", "phone", "Tel."])
    return f"{g.pick(_PEOPLE)}, {lead} {_c(num)}, was interviewed.\n"


def _extension(g: _Gen) -> str:
    num = g.number("p")
    ext = g.r.randint(100, 9999)
    return g.pick(
        [
            f"Call {_c(num)}, {_c(f'ext. {ext}')} before noon.\n",
            f"{g.pick(_PEOPLE)}, Room 4C17, {_c(f'Extension {ext}')}\n",
            f"Telephone: {_c(num + f' x{ext}')}\n",
            f"Phone {_c(num + f', Ext. {ext}')}\n",
        ]
    )


def _email(g: _Gen) -> str:
    who = g.pick(_PEOPLE).split()
    dom = g.pick(["kestrelsupply.com", "fernhill.org", "brightwater.net", "quillford.com"])
    box = g.pick([f"{who[0][0].lower()}{who[1].lower()}", f"{who[0].lower()}.{who[1].lower()}"])
    word = g.pick(["E-mail:", "Email:", "e-mail", "Internet:", ""])
    return f"{' '.join(who)}\n{word} {_c(f'{box}@{dom}')}\n"


def _caps_address(g: _Gen) -> str:
    firm, (town, state, code, zip_) = g.pick(_FIRMS), g.town()
    street = g.street(caps=True)
    unit = g.pick(["", ", SUITE 200", "\nSUITE 1410", ", ROOM 12"])
    z = g.pick([zip_, f"{zip_}-{g.r.randint(1000, 9999)}"])
    last = g.pick(
        [
            f"{town.upper()}, {code} {z}",
            f"{town.upper()}, {state.upper()} {z}",
            f"{town.upper()} {code} {z}",
        ]
    )
    block = g.pick(
        [
            f"{street}{unit}\n{last}",
            f"{street}{unit} \u2022 {last}",
            f"{street}{unit}  -  {last}",
            f"P.O. BOX {g.r.randint(10, 9999)}\n{last}",
            f"POST OFFICE BOX {g.r.randint(10, 9999)} \u2022 {last}",
            f"P. O. DRAWER {g.r.randint(10, 999)}\n{last}",
            f"{street}\nP.O. BOX {g.r.randint(10, 9999)}\n{last}",
        ]
    )
    return f"{firm}\n{_c(block)}\n\n{g.pick(_MONTHS).title()} 4, 1981\n\nDear Sir:\n"


def _letter_address(g: _Gen) -> str:
    who, (town, state, code, zip_) = g.pick(_PEOPLE), g.town()
    street = g.street(caps=False)
    last = g.pick([f"{town}, {state} {zip_}", f"{town}, {code} {zip_}", f"{town}, {state}"])
    gap = g.pick(["\n", "\n\n"])
    unit = g.pick(["", f"{gap}Apt. 4B", f", Apt. {g.r.randint(1, 40)}"])
    block = _c(f"{street}{unit}{gap}{last}")
    return f"Mr. {who}\n{block}\n\nDear Mr. {who.split()[1]}:\n"


def _ocr_address(g: _Gen) -> str:
    firm, (town, _state, code, zip_) = g.pick(_FIRMS), g.town()
    street = g.street(caps=True)
    zip_d = zip_.replace("0", "O", 1) if "0" in zip_ else zip_[:-1] + "l"
    street_d = street.replace("1", "l", 1) if "1" in street.split()[0] else street
    last = g.pick([f"{town.upper()}, {code} {zip_d}", f"{town.upper()}, {code}  {zip_}"])
    gap = g.pick(["\n", "\n\n"])
    block = _c(f"{street_d}{gap}{last}")
    return f"{firm}\n{block}\n\nDear Sir:\n"


def _private_body_address(g: _Gen) -> str:
    """A private body whose name holds a word of a public body's (bureau, committee, federal,
    agency, United States, department, library): its address is reported."""
    (town, _state, code, zip_) = g.town()
    street = g.street(caps=True)
    body = g.pick(
        [
            "KESTREL FEDERAL SAVINGS AND LOAN ASSOCIATION",
            "THE ALDER SECURITY ARCHIVE",
            "LAW OFFICES OF IVO PENN",
            "KESTREL TRAVEL AGENCY",
            "ALDER DETECTIVE BUREAU",
            "FAIRVIEW RELIEF COMMITTEE",
            "UNITED STATES KESTREL CORPORATION",
            "DEPARTMENT OF HISTORY\nKESTREL UNIVERSITY",
        ]
    )
    gap = g.pick(["\n", "\n\n"])
    block = _c(f"{street}{gap}{town.upper()}, {code} {zip_}")
    return f"{body}{gap}{block}\n\nDear Sir:\n"


#: the GPO Style Manual's abbreviations of the probe towns' states, as typed reports write them
_GPO = {
    "Ohio": "Ohio",
    "Arkansas": "Ark.",
    "Oregon": "Oreg.",
    "Connecticut": "Conn.",
    "New York": "N.Y.",
    "New Mexico": "N. Mex.",
    "Virginia": "Va.",
    "Maryland": "Md.",
    "Florida": "Fla.",
}


def _call_log(g: _Gen) -> str:
    """An investigator's log of people called: each entry ends with the town, the state and
    the local number, no area code and no phone word."""
    who, firm = g.pick(_PEOPLE), g.pick(_FIRMS).title()
    town, state, _, _ = g.town()
    st = g.pick([state, _GPO[state]])
    sep = g.pick([", ", ",  ", " "]) if st.endswith(".") else g.pick([", ", ",  "])
    local = g.number("local")
    end = g.pick([".", ",", ""])
    return (
        f"{g.pick('abcdefgh')}. {g.r.randint(1, 28)} October 1968. Mr. {who.split()[1]}, "
        f"{firm}, {town}, {st}{sep}{_c(local)}{end}\n\nNo answer; called again later.\n"
    )


def _residence_at(g: _Gen) -> str:
    """A surveillance report's "residence at" with a house number and a street named by a
    direction and an ordinal, its type missing or on the next line; a house number may look
    like a year (1800-2099) when a direction follows it."""
    num = g.pick([str(g.r.randint(100, 9899)), str(g.r.randint(1800, 2099))])
    way = g.pick(["Northeast", "Southwest", "N.W.", "S.E.", "South", "West", "NE", "SW"])
    ordinal = g.pick(["12th", "21st", "33rd", "64th", "8th"])
    lead = g.pick(
        [
            "Agents watched the subject's residence at ",
            "He and his spouse came back to their residence at ",
            "The informant is residing at ",
            "Since May he resides at ",
        ]
    )
    speck = g.pick(["", "", "'"]) if "residence" in lead else ""
    return f"{lead}{speck}{_c(f'{num} {way} {ordinal}')}\nStreet on 7 November.\n"


def _name_number(g: _Gen) -> str:
    """A home abroad as a report gives it: the street's name first, the house number after it,
    no street type the US patterns know, after "address is" or a residence verb."""
    street = g.pick(
        ["Calle Alder", "Avenida Kestrel", "Ulitsa Penna", "Via Quarry", "Brandtinkatu", "Calle 14"]
    )
    num = g.pick([str(g.r.randint(2, 899)), f"{g.r.randint(2, 899)}-{g.r.randint(1, 40)}"])
    town = g.pick(["Fairview", "Dayton", "Santa Fe"])
    lead = g.pick(["His address is ", "She resided at ", "The subject lives at ", "Address: "])
    return f"{lead}{_c(f'{street} {num}, {town}')}, with his family.\n"


def _report_street(g: _Gen) -> str:
    """A private address as field-office reports typed it or OCR read it: a direction with a
    comma after it, an ordinal whose 1 became l or i, a hyphen before the ordinal street, a
    street named by a bare number after a direction, the line wrapped after the direction, a
    residence verb opening a sentence; or a subscriber's local number in a lead."""
    num = str(g.r.randint(100, 9899))
    town = g.pick(["Fairview", "Dayton", "Millbrook"])
    who = g.pick(_PEOPLE)
    shape = g.pick(["comma", "ocr", "hyphen", "bare", "wrap", "verb", "subscriber", "listed"])
    if shape == "comma":
        way = g.pick(["N.E,", "S.W,", "W,", "E,"])
        span = f"{num} {way} {g.pick(['12th', '34th', '71st'])} {g.pick(['Street', 'Avenue'])}"
        return f"Source is {who}, {_c(span + ', ' + town)} (by telephone).\n"
    if shape == "ocr":
        ordinal = g.pick(["llth", "lst", "7ist", "10lst", "2lst"])
        span = f"{num} {g.pick(['N.E.', 'West', 'South'])} {ordinal} {g.pick(['Street', 'St.'])}"
        return f"his wife stays at {_c(span)} with a cousin.\n"
    if shape == "hyphen":
        span = f"{num}{g.pick([' - ', '- ', ' ~-'])}{g.pick(['6th', '26th', '88th'])} Street"
        return f"a change of address from {_c(span)} in May.\n"
    if shape == "bare":
        way = g.pick(["NW", "SW", "W.", "E."])
        return f"{who}, {_c(f'{num} {way} {g.r.randint(2, 140)} St, {town}')}, came in.\n"
    if shape == "wrap":
        way = g.pick(["N. E.", "South", "West", "S. W. 19th"])
        span = f"{num} {way}\n{g.pick(['Alder', 'Quarry'])} {g.pick(['Drive', 'Court'])}, {town}"
        return f"{who}, {_c(span)}, advised he is employed.\n"
    if shape == "verb":
        verb = g.pick(["Lived", "Lives", "Resided", "Residing"])
        span = f"{num} {g.pick(['North', 'South'])} {g.pick(['Sunset', 'Alder'])}, {town}"
        return f"{who.split()[1].upper()}, {verb} at {_c(span)}, in 1963.\n"
    local = g.number("local")
    if shape == "subscriber":
        return f"2. Will identify subscriber to {_c(local)} called 4/10/62.\n"
    return f"Records indicate that {_c(local)} is listed to {who}, {town}.\n"


def _double_spaced(g: _Gen) -> str:
    """A street line that OCR of double-spaced typescript broke over a blank line or a speck
    before the street type; a local or fax number after a phone word whose hyphen OCR read as
    =, :, ; or doubled, or with a point after the bracket (FBI and CIA reports, fax covers).
    House numbers of 1800-2099 are read as years in a wrapped street line: not drawn here."""
    num = str(g.pick([g.r.randint(100, 1799), g.r.randint(2100, 9899)]))
    town = g.pick(["Fairview", "Dayton", "Millbrook"])
    who = g.pick(_PEOPLE)
    kind = g.pick(["blank", "speck", "direction", "local", "fax"])
    if kind in ("blank", "speck"):
        gap = "\n\n" if kind == "blank" else "\n| "
        span = f"{num} {g.pick(['Alder', 'Quarry', 'Birchdale'])}{gap}{g.pick(_TYPES)}, {town}"
        return f"{who} works at Kestrel Supply, {_c(span)}, as a clerk.\n"
    if kind == "direction":
        way = g.pick(["South", "West", "North"])
        span = (
            f"{num} {way}\n\n{g.pick(['Alder', 'Linden'])} {g.pick(['Avenue', 'Street'])}, {town}"
        )
        return f"His brother, {who}, {_c(span)}, was seen.\n"
    e, line = "555", f"01{g.r.randint(0, 99):02d}"
    if kind == "local":
        sep = g.pick([" =", "=", ":", "- -", " ; "])
        cue = g.pick(["The subject called", "his telephone\nnumber is", "Phone"])
        return f"{cue} {_c(e + sep + line)} at noon.\n"
    a = g.pick(_AREAS)
    return f"Fax: {_c(f'({a}).{e}~{line}')}\nDELIVER TO: {who}\n"


def _typeless_street(g: _Gen) -> str:
    """A house number, a direction and a street's name with no street type before the town
    (FBI reports from grid cities), Broadway with a house number, and the capitals delivery
    line of USPS Publication 28 before a town (CIA cables). House numbers of 1800-2099 are
    read as years before a direction: not drawn here."""
    num = str(g.pick([g.r.randint(10, 1799), g.r.randint(2100, 9899)]))
    town = g.pick(["Fairview", "Dayton", "Millbrook", "Oak Glen"])
    who = g.pick(_PEOPLE)
    kind = g.pick(["direction", "broadway", "caps"])
    if kind == "direction":
        way = g.pick(["North", "South", "East", "West", "N.", "W."])
        span = f"{num} {way} {g.pick(['Alder', 'Linden', 'Quarry Hill'])}, {town}"
        return f"{who}, {_c(span)}, was interviewed.\n"
    if kind == "broadway":
        span = f"{num} {g.pick(['', 'North '])}Broadway, {town}"
        return f"Kestrel Supply, {_c(span)}, closed.\n"
    suffix = g.pick(["ST", "AVE", "RD", "TERRACE", "PLACE", "LANE"])
    unit = g.pick(["", f", APT {g.r.randint(1, 40)}"])
    street = f"{num} {g.pick(['NW ', 'SW ', ''])}{g.pick(['ALDER', 'LINDEN', '3RD'])} {suffix}"
    return f"SUBJ RESIDES {_c(f'{street}{unit}, {town.upper()}')}. WIFE EMPLOYED\n"


def _office_extension(g: _Gen) -> str:
    """An office extension written x and four or five digits (CIA memos, drafting lines, a
    cable's ORIG line, signature blocks), an area code before an exchange name (the 1950s-60s
    plan: middle digit 0 or 1), and a lettered avenue with its town."""
    who = g.pick(_PEOPLE)
    ext = str(g.r.randint(1000, 49999))
    kind = g.pick(["memo", "drafting", "orig", "area", "avenue"])
    if kind == "memo":
        x = g.pick([f"x{ext}", f"x-{ext}", f"X{ext}"])
        return f"Questions may be put to {who} on {_c(x)} after noon.\n"
    if kind == "drafting":
        initials = "".join(w[0] for w in who.split())
        date = f"{g.r.randint(1, 28)} May 9{g.r.randint(0, 9)}"
        return f"XY/OPS/{initials}:kl/{_c('x' + ext)} ({date})\n"
    if kind == "orig":
        return f"ORIG: XY/OPS ({who.split()[1].upper()} {_c('X' + ext)}) COORD: XY/Z\n"
    if kind == "area":
        area = f"{g.r.randint(2, 9)}{g.pick('01')}{g.r.randint(2, 9)}"
        name = g.pick(["KEstrel", "ALder", "ORchard", "LInden"])
        num = g.pick(
            [
                f"{area}-{name} {g.r.randint(2, 9)}-0{g.r.randint(100, 999)}",
                f"({area}) {name} {g.r.randint(2, 9)}-0{g.r.randint(100, 999)}",
            ]
        )
        return f"{who}, telephone {_c(num)}, was interviewed.\n"
    letter = g.pick("ABCDEFGHJKLMNP")
    street = g.pick([f"Avenue {letter}", f"Ave. {letter}."])
    span = f"{g.r.randint(100, 1799)} {street}, {g.pick(['Fairview', 'Millbrook', 'Dayton'])}"
    return f"{who}, {_c(span)}, was seen.\n"


# Traps: shapes of the same look that are no contact.
def _doc_numbers(g: _Gen) -> str:
    n = g.r.randint(10000, 99999)
    return g.pick(
        [
            f"RECORD NUMBER: {{{{104-10{g.r.randint(100, 999)}-10{g.r.randint(100, 999)}}}}}\n",
            f"NW {{{{{n}}}}} DocId:32{g.r.randint(100000, 999999)} Page 3\n",
            f"File {{{{100-{g.r.randint(1000, 9999)}}}}} was opened.\n",
            f"Bufile {{{{62-{g.r.randint(100000, 119999)}}}}}\n",
            f"Serial {{{{105-{g.r.randint(1000, 9999)}}}}} was sent.\n",
            f"DATE: {{{{06/04/19{g.r.randint(60, 99)}}}}}\nPAGES: 212\n",
            f"CITE WAVE {{{{{n}}}}}\n",
            f"IN {{{{{n}}}}} 04 MAY 64\n",
            f"Case No. {{{{94-{n}}}}}\n",
            f"OPERATING ORDER {{{{212 555 {g.r.randint(1000, 9999)}}}}}-A\n",
            f"TELEX {{{{{g.r.randint(100000, 999999)}}}}} KESTREL\n",
            f"Report {{{{{g.r.randint(200, 999)}-{g.r.randint(1000, 9999)}}}}} is attached.\n",
            f"AGENCY FILE NUMBER {{{{{g.r.randint(100, 999)} {g.r.randint(100, 999)} "
            f"{g.r.randint(1000, 9999)}}}}}\n",
            f"Total: {{{{1,{g.r.randint(100, 999)},{g.r.randint(100, 999)}}}}} tons in "
            f"{{{{1962-{g.r.randint(1963, 1969)}}}}}\n",
        ]
    )


def _report_street_traps(g: _Gen) -> str:
    """Years and file numbers in the shapes of the report street forms: no contact."""
    year = g.r.randint(1940, 1999)
    return g.pick(
        [
            f"the {{{{{year}}}}} - 5th Avenue parade was held\n",
            f"Lived at {{{{{year}}}}} levels of income.\n",
            f"File {{{{205-{g.r.randint(1000, 9999)}}}}} is listed to the office.\n",
            f"subscriber to the {{{{{year}-{year + 1}}}}} directory\n",
        ]
    )


def _office_address(g: _Gen) -> str:
    (town, state, code, zip_) = g.town()
    street = g.street(caps=True)
    body = g.pick(
        [
            "DEPARTMENT OF THE ARMY\nOFFICE OF THE GENERAL COUNSEL",
            "UNITED STATES DEPARTMENT OF JUSTICE\nFEDERAL BUREAU OF INVESTIGATION",
            "CIRCUIT COURT FOR ALDER COUNTY",
            "OFFICE OF THE ATTORNEY GENERAL",
            "U.S. DISTRICT COURT\nCLERK'S OFFICE",
            "NATIONAL ARCHIVES AND RECORDS ADMINISTRATION",
            "AMERICAN EMBASSY",
            "UNITED STATES SENATE\nCOMMITTEE ON THE JUDICIARY",
        ]
    )
    gap = g.pick(["\n", "\n\n"])
    return f"{body}{gap}{{{{{street}{gap}{town.upper()}, {code} {zip_}}}}}\n\nDear Sir:\n"


def _residence_times(g: _Gen) -> str:
    """A residence with a clock time or a year after "at" or "in", a date or a year after
    "address", a CIA 201 file after a town and state: no contact."""
    return g.pick(
        [
            f"Agents left the residence at {{{{{g.r.randint(0, 23):02d}"
            f"{g.r.randint(0, 59):02d}}}}} hours.\n",
            f"He lived in {{{{19{g.r.randint(40, 69)}}}}} North Africa and later in Spain.\n",
            f"Mr. Penn, Fairview, Ohio, {{{{201-{g.r.randint(100000, 999999)}}}}}\n",
            f"His address {{{{October {g.r.randint(1, 28)}}}}} was noted in the file.\n",
            f"The address Congress {{{{19{g.r.randint(40, 69)}}}}} session heard.\n",
        ]
    )


def _double_spaced_traps(g: _Gen) -> str:
    """A blank line before a phrase that opens with a street type, a span of years or a file
    number with a damaged hyphen after a phone word: no contact."""
    year = g.r.randint(1940, 1990)
    return g.pick(
        [
            f"Exhibit {{{{{g.r.randint(2, 99)} Kestrel}}}}\n\nPlace of birth: Fairview\n",
            f"phone taps\n\n{{{{{str(year)[1:]} = {year + 2}}}}} by the office\n",
            f"Ivo Penn called {{{{{year}-={year + 1}}}}} his best years.\n",
            f"File number: {{{{{g.r.randint(100, 199)}={g.r.randint(1000, 9999)}}}}} was opened.\n",
        ]
    )


def _typeless_street_traps(g: _Gen) -> str:
    """A year or a count before a compass-named region, a count before Broadway, a month and
    prose before a place word in capitals: no contact."""
    year = g.r.randint(1940, 1990)
    n = g.r.randint(2, 28)
    return g.pick(
        [
            f"In {{{{{year} North Vietnam}}}}, Laos and Cambodia met.\n",
            f"Of the {{{{{n} South African}}}}, Danish and Dutch ships, four sank.\n",
            f"The play ran {{{{{n} Broadway}}}} seasons.\n",
            f"ON {{{{{n} FEBRUARY HAD TAKEN PLACE}}}}, AND THE TALKS ENDED.\n",
            f"HE WILL STAY {{{{{n} THE PLACE}}}}, BUT NOT LONG.\n",
        ]
    )


def _office_extension_traps(g: _Gen) -> str:
    """An x between numbers, a capital X before a year, a month or a 201 file after three
    digits, a lettered avenue after a year: no contact."""
    year = g.r.randint(1940, 1990)
    n = g.r.randint(2, 28)
    return g.pick(
        [
            f"The frame is {n} {{{{x {g.r.randint(1000, 9999)}}}}} lines wide.\n",
            f"Annex {{{{X {year}}}}}, the list of codes.\n",
            f"File {{{{{g.r.randint(2, 9)}{g.pick('01')}2-May {n % 9 + 1}-{year}}}}} was read.\n",
            f"In {{{{{year} Avenue B}}}}, the market grew.\n",
        ]
    )


_KINDS = {
    "fax-header": _fax_header,
    "fax-cover": _fax_cover,
    "letterhead-phone": _letterhead_phone,
    "signature": _signature,
    "ocr-phone": _ocr_phone,
    "ocr-fax-header": _ocr_fax_header,
    "phone-list": _phone_list,
    "exchange": _exchange,
    "extension": _extension,
    "email": _email,
    "caps-address": _caps_address,
    "letter-address": _letter_address,
    "ocr-address": _ocr_address,
    "private-body-address": _private_body_address,
    "call-log": _call_log,
    "residence-at": _residence_at,
    "name-number": _name_number,
    "report-street": _report_street,
    "double-spaced": _double_spaced,
    "typeless-street": _typeless_street,
    "office-extension": _office_extension,
}
_TRAP_KINDS = {
    "doc-number-trap": _doc_numbers,
    "office-address-trap": _office_address,
    "residence-time-trap": _residence_times,
    "report-street-trap": _report_street_traps,
    "double-spaced-trap": _double_spaced_traps,
    "typeless-street-trap": _typeless_street_traps,
    "office-extension-trap": _office_extension_traps,
}


def cases(seed: int = 3535, n: int = 20) -> list[Case]:
    """``n`` invented texts of every kind, drawn with ``random.Random(seed)``."""
    g = _Gen(seed)
    out = []
    for kind, make in _KINDS.items():
        out += [_parse(kind, make(g)) for _ in range(n)]
    for kind, make in _TRAP_KINDS.items():
        out += [_parse(kind, make(g), "CONTACT") for _ in range(n)]
    return out


if __name__ == "__main__":
    import sys
    from collections import Counter

    from tests.support.probe_run import run

    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 3535
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    run(cases(seed, n), counter=Counter)
